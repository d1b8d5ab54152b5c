"""End to end on the OCR fixtures: the values read against ground truth, per fixture.

Read with the default engine (`auto`: tesseract, with rapidocr for what tesseract leaves
unsettled). Issue 3's targets: >= 99% recall on the 200-dpi scan, the garbled layer and the scan
with a scanner's OCR layer, >= 95% on the 150-dpi scan, >= 99.5% precision everywhere, no value
that is not printed. The garbled layer and the 200-dpi scan meet them and are held to them; for
the 150-dpi scans the floors are the figures reached so far, and strict xfails fail loudly the
day a target is met, so the floor can be raised. Each fixture is extracted once per session.
"""

from functools import cache
from pathlib import Path

import pytest

from scorekit.extract.pipeline import extract_file
from scorekit.extract.scoring import load_truth, score

ROOT = Path(__file__).resolve().parents[2] / "fixtures"


@cache
def scored(name: str, engine: str = "auto"):
    pdf = ROOT / "pdf" / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip(f"{name} not built")
    res = extract_file(pdf, ocr_engine=engine)
    return score(res.observations, load_truth(ROOT / "truth" / f"{name}.csv"))[0]


def test_tesseract_alone_meets_the_target_on_the_garbled_layer():
    """Without rapidocr installed, `auto` is tesseract alone: that path must work as well."""
    s = scored("scorecard-2020-10-garbled", "tesseract")
    assert s.recall >= 0.99 and s.precision >= 0.995 and s.not_printed == 0, s


@pytest.mark.parametrize("name, recall, precision", [
    ("scorecard-2018-06-scan150", 0.80, 0.92),
    ("scorecard-2018-06-scan150-ocrlayer", 0.80, 0.92),
])
def test_floor(name, recall, precision):
    s = scored(name)
    assert s.recall >= recall and s.precision >= precision, s


@pytest.mark.parametrize("name", ["scorecard-2020-10-garbled", "scorecard-2020-10-scan200"])
def test_issue3_target_met(name):
    s = scored(name)
    assert s.recall >= 0.99 and s.precision >= 0.995 and s.not_printed == 0, s


@pytest.mark.xfail(strict=True, reason="issue 3 target not reached yet")
@pytest.mark.parametrize("name, recall", [
    ("scorecard-2018-06-scan150", 0.95),
    ("scorecard-2018-06-scan150-ocrlayer", 0.99),
])
def test_issue3_target(name, recall):
    s = scored(name)
    assert s.recall >= recall and s.precision >= 0.995 and s.not_printed == 0, s
