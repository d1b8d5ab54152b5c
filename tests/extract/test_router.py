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


def test_a_scan_of_thin_type_is_read_and_a_blank_scan_is_not(tmp_path):
    """Thin serif type on a scan, averaged at the router's low resolution, is lighter than any
    fixed grey; ink is what stands well below the paper's own tone."""
    from reportlab.pdfgen.canvas import Canvas

    from scorekit.fixtures.generator.scans import ScanParams, scan_document

    printed = tmp_path / "printed.pdf"
    canvas = Canvas(str(printed), pagesize=(595, 842))
    canvas.showPage()
    canvas.setFont("Times-Roman", 8)
    for row in range(30):
        canvas.drawString(40, 780 - 16 * row, f"CP{row}   Number of children subject to a plan")
        for col in range(8):
            canvas.drawRightString(300 + 36 * col, 780 - 16 * row, f"{(row * 37 + col * 11) % 500}")
    canvas.showPage()
    canvas.save()
    scanned = tmp_path / "scanned.pdf"
    params = ScanParams(dpi=150, skew=0.5, blur=1.0, noise=10.0, quality=40, perspective=0.0)
    scan_document(printed, scanned, params=params, seed=7, title="scan")
    blank, table = route_pdf(scanned)
    assert (blank.method, blank.reason) == ("text", "blank page")
    assert table.method == "ocr"
