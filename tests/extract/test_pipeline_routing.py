"""The pipeline's own routing (cheap shortcut first, router second) on every page of every fixture."""

import pypdfium2 as pdfium
import pytest

from scorekit.extract.pdftext import read_layer
from scorekit.extract.periods import ReportPeriod, find_report_period
from scorekit.extract.pipeline import Options, _route, page_stage
from scorekit.fixtures.generator.corpus.degradations import materialise
from scorekit.fixtures.generator.corpus.manifest import read_manifest

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


def test_a_deciphered_page_keeps_its_words_apart_for_what_is_read_from_its_text():
    """A garbled layer's lines, deciphered, run on without a break (`June 2018Page 1`): the
    page's text is its words, so the report month is found in it as in the printed original."""
    (doc,) = [d for d in read_manifest() if d.doc_id == "date_headers-03-garbled-shift"]
    garbled = page_stage(str(materialise(doc)), 1, Options())
    original = page_stage(str(doc.base_pdf), 1, Options())
    assert garbled.method == "text" and "deciphered" in garbled.reason
    assert find_report_period(garbled.text) == find_report_period(original.text) is not None


def test_a_title_whose_letters_the_pdf_places_one_by_one_still_gives_the_report_period(tmp_path):
    """A browser's print sets a bold title letter by letter; pdfium's own text order then gives
    one letter a line, and `June 2018` is not found in it. The page's text is read from its words
    line by line instead."""
    from scorekit.fixtures.generator.corpus.build import base_of, build_base

    pdf = build_base(base_of("year_band_months", 31), root=tmp_path).pdf_in(tmp_path)
    first = page_stage(str(pdf), 1, Options())
    assert first.method == "text"
    assert find_report_period(first.text) == ReportPeriod(2018, 6)
