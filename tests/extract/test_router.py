"""Every page of every fixture is routed the way its making demands."""

from pathlib import Path

import pytest

from scorekit.extract.router import route_pdf

from ..conftest import pdf

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"


def expected(name: str) -> tuple[str, str]:
    if "-scan" in name and name.endswith("-ocrlayer"):
        return "ocr", "invisible OCR layer"
    if "-scan" in name:
        return "ocr", "no text layer"
    if name.endswith("-garbled"):
        return "ocr", "garbled"
    return "text", "printed text"


FIXTURES = sorted(PDF.glob("*.pdf"))


@pytest.mark.parametrize("pdf", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_page_routed(pdf):
    method, reason = expected(pdf.stem)
    decisions = route_pdf(pdf)
    assert decisions
    for i, d in enumerate(decisions, start=1):
        assert (d.method, reason in d.reason) == (method, True), f"page {i}: {d.method} ({d.reason}) {d.metrics}"
        assert d.rotation == 0


def test_the_derived_fixtures_exist():
    names = {p.stem for p in FIXTURES}
    wanted = {
        "scorecard-2020-10-scan200",
        "scorecard-2020-10-garbled",
        "scorecard-2018-06-scan150",
        "scorecard-2018-06-scan150-ocrlayer",
    }
    assert {"scorecard-2020-10", *wanted} <= names


def test_rotated_page_is_reported(tmp_path):
    from pypdf import PdfReader, PdfWriter

    src = pdf("scorecard-2018-06")
    w = PdfWriter(clone_from=PdfReader(str(src)))
    w.pages[0].rotate(90)
    out = tmp_path / "rot.pdf"
    w.write(str(out))
    d = route_pdf(out)[0]
    assert d.rotation == 90 and d.method == "text"
