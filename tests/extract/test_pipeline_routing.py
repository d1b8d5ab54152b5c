"""The pipeline's own routing (cheap shortcut first, router second) on every page of every fixture."""

import pypdfium2 as pdfium
import pytest

from scorekit.extract.pdftext import read_layer
from scorekit.extract.pipeline import _route

from ..conftest import FIXTURES

EXPECTED = {
    "scorecard-2020-10": "text",
    "scorecard-2021-08": "text",
    "agenda-2023-11": "text",
    "framework-2014-15-q2": "text",
    "scorecard-2018-06": "text",
    "scorecard-2020-10-garbled": "ocr",
    "scorecard-2020-10-scan200": "ocr",
    "scorecard-2018-06-scan150": "ocr",
    "scorecard-2018-06-scan150-ocrlayer": "ocr",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_page_routed(name):
    path = FIXTURES / "pdf" / f"{name}.pdf"
    doc = pdfium.PdfDocument(str(path))
    for i, page in enumerate(doc):
        tp = page.get_textpage()
        d = _route(page, tp.get_text_range(), "auto", lambda: read_layer(page, tp))  # noqa: B023
        tp.close()
        assert d.method == EXPECTED[name], f"{name} p{i + 1}: {d.reason}"
        assert d.reason
        assert d.garbled == name.endswith("-garbled")  # only a printed, garbled layer is deciphered
    doc.close()


def test_scanner_ocr_layer_is_judged_not_trusted():
    path = FIXTURES / "pdf" / "scorecard-2018-06-scan150-ocrlayer.pdf"
    doc = pdfium.PdfDocument(str(path))
    tp = doc[0].get_textpage()
    d = _route(doc[0], tp.get_text_range(), "auto", lambda: read_layer(doc[0], tp))
    tp.close()
    doc.close()
    assert "invisible OCR layer" in d.reason and not d.garbled


@pytest.mark.parametrize("mode,method", [("never", "text"), ("always", "ocr")])
def test_override(mode, method):
    path = FIXTURES / "pdf" / "scorecard-2020-10-scan200.pdf"
    doc = pdfium.PdfDocument(str(path))
    assert _route(doc[0], "", mode, lambda: read_layer(doc[0])).method == method
    doc.close()
