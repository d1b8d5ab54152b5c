"""The page's own print as a third reader (`ocr.pagefont`), on the scans' real value cells."""

import numpy as np
import pytest

from scorekit.extract.ocr.cellread import _ink_height
from scorekit.extract.ocr.inkfit import fit_page
from scorekit.extract.ocr.pagefont import MIN_MARGIN, MIN_SCORE, Figure, PageFont

from .test_ocr_fixtures import figure, true_value_cells


def _figures(imgs):
    height = float(np.median([_ink_height(i) for i, _, _ in imgs]))
    spans = [figure(i, height) for i, _, _ in imgs]
    fit = fit_page([(s[1] - s[0], v) for s, (_, v, _) in zip(spans, imgs) if s])
    return [(Figure.cut(i, s, fit) if s else None, v, ref) for s, (i, v, ref) in zip(spans, imgs)], fit


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
    assert len(cp2) >= 15 and got == [v for _, v in cp2], list(zip(got, [v for _, v in cp2]))


def test_too_few_sure_figures_teach_no_font():
    page = dict(true_value_cells("scorecard-2020-10-scan200"))[1]
    figs, fit = _figures(page)
    assert PageFont.learn([(f, v) for f, v, _ in figs if f and set(v) <= set("0123%")], fit) is None  # no 4-9: a font that cannot read them is no reader
