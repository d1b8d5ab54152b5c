"""The page's own print as a third reader (`ocr.pagefont`), on the scans' real value cells."""

import numpy as np
import pytest

from scorekit.extract.ocr.cellread import _ink_height
from scorekit.extract.ocr.inkfit import fit_page
from scorekit.extract.ocr.pagefont import MIN_MARGIN, MIN_SCORE, Figure, PageFont
from scorekit.extract.page import Word

from .test_ocr_fixtures import figure, true_value_cells


def _figures(imgs):
    height = float(np.median([_ink_height(i) for i, _, _ in imgs]))
    spans = [figure(i, height) for i, _, _ in imgs]
    fit = fit_page([(s[1] - s[0], v) for s, (_, v, _) in zip(spans, imgs, strict=False) if s])
    return [(Figure.cut(i, s, fit) if s else None, v, ref) for s, (i, v, ref) in zip(spans, imgs, strict=False)], fit


@pytest.mark.parametrize("name", ["scorecard-2018-06-scan150", "scorecard-2020-10-scan200"])
def test_glyphs_learned_from_half_a_page_read_the_other_half(name):
    """Templates from every other value cell (their printed figures known) read the rest: what
    it is sure of (MIN_SCORE, MIN_MARGIN) is right but for the sign, and it is sure of most
    cells. A faint minus lies below the ink threshold, outside the figure it reads; the sign is
    the ink test's (`glyphs.leading_minus`), and an unsigned reading settles no signed one."""
    read = sure = right = 0
    for _, imgs in true_value_cells(name):
        figs, fit = _figures(imgs)
        font = PageFont.learn([(f, v) for f, v, _ in figs[::2] if f], fit)
        for f, v, _ in figs[1::2]:
            got = font.read(f) if f and font else None
            read += 1
            if got and got.score >= MIN_SCORE and got.margin >= MIN_MARGIN:
                sure += 1
                right += got.text.lstrip("-") == v.lstrip("-")
    assert read > 200 and sure >= 0.85 * read and right >= 0.99 * sure, (read, sure, right)


def test_the_page_reads_the_figures_the_engines_disagree_on():
    """CP2 on the 150-dpi scan: a bold, blurred row that tesseract and PP-OCR read differently
    (`45`/`75`, `44`/`24`, `39`/`9`, `49`/`79`, `41`/`1`), read from glyphs learned on the rest
    of the page."""
    page = dict(true_value_cells("scorecard-2018-06-scan150"))[1]
    figs, fit = _figures(page)
    font = PageFont.learn([(f, v) for f, v, ref in figs if f and ref != "CP2"], fit)
    cp2 = [(f, v) for f, v, ref in figs if ref == "CP2"]
    got = [font.read(f).text for f, _ in cp2]
    assert len(cp2) >= 15 and got == [v for _, v in cp2], list(zip(got, [v for _, v in cp2], strict=False))


def test_a_fit_that_is_not_of_print_cuts_no_figure():
    from scorekit.extract.ocr.inkfit import InkFit

    img = np.full((40, 120), 255, np.uint8)
    img[10:30, 20:100] = 0
    assert Figure.cut(img, (20, 100), InkFit(20.0, 0.0)) is not None
    assert Figure.cut(img, (20, 100), InkFit(1.0, 0.0)) is None  # a digit half a pixel wide: no 28-fold resize


def test_too_few_sure_figures_teach_no_font():
    page = dict(true_value_cells("scorecard-2020-10-scan200"))[1]
    figs, fit = _figures(page)
    assert (
        PageFont.learn([(f, v) for f, v, _ in figs if f and set(v) <= set("0123%")], fit) is None
    )  # no 4-9: a font that cannot read them is no reader


LAC10_QL = [
    "517",
    "502",
    "500",
    "501",
    "507",
    "512",
    "491",
    "492",
    "488",
    "496",
    "507",
    "509",
    "502",
    "-1%",
    "-3%",
    "501",
    "512",
]


def test_the_page_reads_a_failing_rows_numbers_for_its_arithmetic():
    """Tesseract alone reads LAC10-QL's Jul-17 `502` and Oct-17 `507` as `302` and `307` at both
    scales, so a majority; the row's average then fails. With no second engine, the page's
    glyphs are the only other reading, and the arithmetic takes theirs."""
    from scorekit.extract.ocr.resolve import settle_rows

    from .test_ocr_cells import _row, cells

    page = cells("scorecard-2018-06-scan150", 1)
    imgs = dict(true_value_cells("scorecard-2018-06-scan150"))[2]
    figs, fit = _figures(imgs)
    height = float(np.median([_ink_height(i) for i, _, _ in imgs]))
    font = PageFont.learn([(f, v) for f, v, ref in figs if f and ref != "LAC10-QL"], fit, height)

    def settled(glyphs):
        texts = list(LAC10_QL)
        texts[1], texts[4] = "302", "307"
        cols, model = _row(texts)
        for c, x in enumerate([329, 358, 386, 415, 444, 472, 501, 530, 559, 588, 616, 645, 674, 703, 735, 768, 801], 1):
            cols[c].cell.image = page[(x, 293)]
        for c in (2, 5):
            cols[c].readings = ["", texts[c - 1], texts[c - 1]]
            cols[c].words[0] = Word(texts[c - 1], 0, 0, 60, 20, True, 0.9)
        settle_rows([(cols, model)], None, glyphs)
        return cols[2].words[-1].text, cols[5].words[-1].text

    assert settled(None) == ("302", "307")  # no other reading: the failing row stays as read
    assert settled(lambda: font) == ("502", "507")
