from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BORN_DIGITAL = ["scorecard-2020-10", "scorecard-2021-08", "agenda-2023-11", "framework-2014-15-q2"]


def command_app(register):
    """A bare typer app with one module's commands on it, as cli.py mounts them."""
    import typer

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    return app


def committed(path: Path) -> Path:
    """A committed fixture: missing is a failure (a broken checkout), never a skip."""
    assert path.exists(), f"committed fixture missing: {path.relative_to(ROOT)}"
    return path


def pdf(name: str) -> Path:
    return committed(FIXTURES / "pdf" / f"{name}.pdf")


def truth(name: str) -> Path:
    return committed(FIXTURES / "truth" / f"{name}.csv")


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


@pytest.fixture(scope="session")
def matched_all(extracted) -> pd.DataFrame:
    from scorekit.reconcile.inputs import match_frame, matcher, sha256

    m = matcher()
    frames = []
    for name in BORN_DIGITAL:
        df = match_frame(extracted(name).observations, m)
        df["path"] = str(pdf(name))
        df["sha256"] = sha256(pdf(name))
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def result_all(matched_all):
    from scorekit.reconcile.engine import reconcile

    return reconcile(matched_all)


def pytest_report_header(config) -> list[str]:
    """The versions the results depend on, printed at the top of every run (CI logs keep them)."""
    from scorekit.environment import versions

    return ["scorekit environment: " + ", ".join(f"{k} {v}" for k, v in versions().items())]
