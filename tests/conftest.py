from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BORN_DIGITAL = ["scorecard-2020-10", "scorecard-2021-08", "agenda-2023-11", "framework-2014-15-q2"]


def pdf(name: str) -> Path:
    return FIXTURES / "pdf" / f"{name}.pdf"


def truth(name: str) -> Path:
    return FIXTURES / "truth" / f"{name}.csv"


@pytest.fixture(scope="session")
def extracted():
    """Each born-digital fixture extracted once per test session."""
    from scorekit.extract.pipeline import extract_file

    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract_file(pdf(name))
        return cache[name]

    return get
