"""The ink a reading must account for: a figure's `1` is part of it, an arrow beside it is not."""

from dataclasses import replace
from types import SimpleNamespace

import cv2
import numpy as np
import pytest

from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.inkfit import InkFit, _other_weight, figure_of
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word


def _typed(text: str, px: int) -> np.ndarray:
    """`text` in Pillow's own face (shipped with it): equal-width figures, a `1` without a foot."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (px * 5, px * 2), 255)
    ImageDraw.Draw(img).text((10, 8), text, font=ImageFont.load_default(size=px), fill=0)
    return cv2.GaussianBlur(np.array(img), (3, 3), 0.7)


def _up_arrow(height: int) -> np.ndarray:
    """A drawn upward arrow: a head on a straight shaft, dark on white."""
    width = int(height * 0.6) | 1
    ink = np.zeros((height, width), np.uint8)
    tip, mid = height // 2, width // 2
    cv2.fillPoly(ink, [np.array([[mid - 2, 0], [mid + 2, 0], [width - 1, tip], [0, tip]], np.int32)], 1)
    ink[tip:, mid - 1 : mid + 2] = 1
    return np.where(ink, 0, 255).astype(np.uint8)


def _reading(img: np.ndarray, text: str) -> CellReading:
    return CellReading(CellImage(0, 0, 0, 0, img), [Word(text, 0, 0, img.shape[1], img.shape[0])])


def _ink(img: np.ndarray) -> tuple[int, int]:
    cols = np.flatnonzero((img < 128).any(axis=0))
    return int(cols[0]), int(cols[-1] + 1)


@pytest.mark.parametrize("text", ["15%", "119", "11%"])
@pytest.mark.parametrize("px", [28, 40])
def test_a_leading_one_standing_apart_is_part_of_the_figure(text, px):
    img = _typed(text, px)
    span = figure_of(_reading(img, text), 0, px * 0.7)
    left, right = _ink(img)
    assert span is not None and abs(span[0] - left) <= 1 and abs(span[1] - right) <= 1


def test_a_leading_one_the_reading_dropped_is_ink_it_leaves_unexplained():
    img = _typed("12", 28)
    span = figure_of(_reading(img, "2"), 0, 20)
    assert span is not None and abs(span[0] - _ink(img)[0]) <= 1


@pytest.mark.parametrize("text", ["77%", "15%"])
def test_an_arrow_the_reading_left_out_is_not_part_of_the_figure(text):
    img = np.pad(_typed(text, 28), ((0, 0), (30, 0)), constant_values=255)
    img[14:34, 6:19] = _up_arrow(20)
    span = figure_of(_reading(img, text), 0, 20)
    assert span is not None and span[0] >= _ink(img[:, 25:])[0] + 25 - 1


def _figure(text: str, cell: int, stroke: int = 4) -> CellReading:
    """A figure's cell, its glyphs drawn as upright strokes `stroke` pixels wide."""
    img = np.full((30, 90), 255, np.uint8)
    for x in range(4, 84, 12):
        img[5:25, x : x + stroke] = 0
    r = CellReading(CellImage(0, cell, 0, 0, img), [Word(text, 0, 0, 90, 30)])
    r.readings = [text] * 3
    return r


def test_a_row_set_bold_is_wider_in_proportion_and_stands_as_read():
    """A total row in bold: every figure 12% wider than the page's regular ones, each read so by
    most readings. A row where one figure lost a glyph, or a bold row one of whose figures most
    readings read otherwise, stays unfit."""
    fit = InkFit(slope=40.0, intercept=2.0)
    bold = [_figure(t, k, stroke=6) for k, t in enumerate(("101,129", "99,696", "100,572", "97,785"))]
    short = [_figure(t, 4 + k) for k, t in enumerate(("96", "7,111", "104"))]
    short[1].readings = ["7,111", "1,111", "7,111"]
    cells = [(r, 0, 1.12 * fit.expected(r.words[0].text), False) for r in bold]
    cells += [(r, 0, fit.expected(r.words[0].text) + (20 if r is short[1] else 0), False) for r in short]
    grids = [SimpleNamespace(cells=[SimpleNamespace(row0=row) for row in [0] * 4 + [1] * 3])]
    unfit = [c for c in cells if not fit.accounts_for(c[2], c[0].words[0].text)]
    assert [c[0].words[0].text for c in unfit] == ["101,129", "99,696", "100,572", "97,785", "7,111"]
    assert [c[0].words[0].text for c in _other_weight(unfit, cells, fit, grids)] == ["7,111"]
    bold[2].readings = ["100,572", "00,572", "100,572"]  # an engine dropped its edge digit
    assert [c[0].words[0].text for c in _other_weight(unfit, cells, fit, grids)] == ["7,111"]
    bold[2].readings = ["100,512", "100,512", "100,572"]
    assert len(_other_weight(unfit, cells, fit, grids)) == 5


def test_a_row_of_changes_that_lost_their_minus_is_wider_in_proportion_but_not_bold():
    """`12%`, `15%`, `10%`, `11%` for `-12%` ...: read without the sign, each figure leaves ink
    unexplained by one ratio too, but its strokes are the page's own: it stays unfit."""
    fit = InkFit(slope=40.0, intercept=2.0)
    lost = [_figure(t, k) for k, t in enumerate(("12%", "15%", "10%", "11%"))]
    others = [_figure(t, 4 + k) for k, t in enumerate(("13%", "12%", "19%"))]
    cells = [(r, 0, fit.expected("-" + r.words[0].text), False) for r in lost]
    cells += [(r, 0, fit.expected(r.words[0].text), False) for r in others]
    grids = [SimpleNamespace(cells=[SimpleNamespace(row0=row) for row in [0] * 4 + [1] * 3])]
    unfit = [c for c in cells if not fit.accounts_for(c[2], c[0].words[0].text)]
    assert len(unfit) == 4
    assert _other_weight(unfit, cells, fit, grids) == unfit


def _loose(texts_and_widths: list[tuple[str, float]]) -> list[Word]:
    """Words of a page read without a grid, side by side, each box `width` pixels of ink."""
    out, x = [], 10.0
    for text, width in texts_and_widths:
        out.append(Word(text, x, 10, x + width, 30, True, 0.97))
        x += width + 40
    return out


def _printed(text: str) -> float:
    from scorekit.extract.ocr.inkfit import advance

    return 30 * advance(text) + 2  # a page printing a digit 15 pixels wide


SURE_FIGURES = ["3", "17", "245", "12%", "8", "1,204", "64", "9%", "310", "27", "5", "88%"]


def test_a_loose_figure_whose_ink_its_reading_leaves_unexplained_is_the_second_engines_reading_or_withheld():
    """`1` over the ink of an `11` whose feet touch: the second engine's `11` accounts for the ink
    and stands; where it reads `1` too, the figure falls below the OCR floor."""
    from scorekit.extract.ocr.inkfit import LOOSE_AGREED, LOOSE_DOUBT, check_loose
    from scorekit.extract.records import OCR_FLOOR

    from .answering_engine import Answers, WithSecond

    words = _loose([(t, _printed(t)) for t in SURE_FIGURES] + [("1", _printed("11")), ("Number", 90)])
    img = np.full((40, 2000), 255, np.uint8)
    got = check_loose(img, words, WithSecond(Answers(["11"])))
    assert (got[-2].text, got[-2].conf) == ("11", LOOSE_AGREED)
    assert got[:-2] == words[:-2] and got[-1] == words[-1]
    got = check_loose(img, words, WithSecond(Answers(["1"])))
    assert (got[-2].text, got[-2].conf) == ("1", LOOSE_DOUBT) and LOOSE_DOUBT < OCR_FLOOR


def test_a_loose_figure_read_with_a_glyph_its_ink_lacks_is_the_second_engines_reading_or_withheld():
    """`719%` over the crisp ink of a `79%` (the `7`'s stem read twice): the reading claims a whole
    digit the ink lacks. The second engine's `79%` stands; where it reads `719%` too, the figure
    falls below the OCR floor. A `111` over its own ink, narrower than three advances, stands."""
    from scorekit.extract.ocr.inkfit import LOOSE_AGREED, LOOSE_DOUBT, check_loose

    from .answering_engine import Answers, WithSecond

    words = _loose([(t, _printed(t)) for t in SURE_FIGURES] + [("719%", _printed("79%")), ("111", _printed("111") - 9)])
    img = np.full((40, 3000), 255, np.uint8)
    got = check_loose(img, words, WithSecond(Answers(["79%"])))
    assert (got[-2].text, got[-2].conf) == ("79%", LOOSE_AGREED) and got[-1] == words[-1]
    got = check_loose(img, words, WithSecond(Answers(["719%"])))
    assert (got[-2].text, got[-2].conf) == ("719%", LOOSE_DOUBT)


def test_a_loose_fit_no_print_gives_judges_no_figure():
    """A ward table's figures, three digits nearly all, a few wider: the line through them takes
    almost a digit off every figure, and puts a lone `3` at a tenth of its ink. No print has side
    bearings that wide: the page's figures are not judged by it, and the `3` stands."""
    from scorekit.extract.ocr.inkfit import check_loose, fit_page

    from .answering_engine import Answers, WithSecond

    widths = [(str(100 + 7 * k), 64.0 + k % 3) for k in range(30)] + [("1.5%", 95.0 + k % 2) for k in range(6)]
    words = _loose([*widths, ("12,50", 112.0), ("3", 21.0)])
    fit = fit_page([(w.x1 - w.x0, w.text) for w in words[:-1]])
    assert fit is not None and not fit.plausible
    second = Answers([])
    assert check_loose(np.full((40, 5000), 255, np.uint8), words, WithSecond(second)) == words
    assert second.crops == 0


def test_loose_figures_their_readings_explain_are_not_read_again():
    from scorekit.extract.ocr.inkfit import check_loose

    from .answering_engine import Answers, WithSecond

    second = Answers([])
    words = _loose([(t, _printed(t)) for t in SURE_FIGURES])
    assert check_loose(np.full((40, 2000), 255, np.uint8), words, WithSecond(second)) == words
    assert second.crops == 0


def test_a_loose_line_set_bold_stands_as_read():
    """A `City total` line: its figures are wider than the page's fit by one ratio and drawn with
    thicker strokes; they stand, while a thin `1` over an `11`'s ink on another line does not."""
    from scorekit.extract.ocr.inkfit import LOOSE_DOUBT, check_loose

    from .answering_engine import Answers, WithSecond

    regular = _loose([(t, _printed(t)) for t in [*SURE_FIGURES, "21,093", "4,512", "30,118", "8,406", "12,630"]])
    totals = ["15,777", "13,525", "17,251"]
    bold = [replace(w, top=60, bottom=80) for w in _loose([(t, 1.2 * _printed(t)) for t in totals])]
    thin = replace(_loose([("1", _printed("11"))])[0], top=110, bottom=130)
    words = regular + bold + [thin]
    img = np.full((140, 2000), 255, np.uint8)
    for w in words:
        bar = 7 if w in bold else 4
        for x in range(int(w.x0), int(w.x1) - bar, 2 * bar):
            img[int(w.top) : int(w.bottom), x : x + bar] = 0
    got = check_loose(img, words, WithSecond(Answers(["1"])))
    assert got[: len(regular) + len(bold)] == regular + bold
    assert got[-1].conf == LOOSE_DOUBT


def test_a_signed_loose_figure_is_not_judged_by_its_width():
    """`-22` printed with a dash wider than a hyphen leaves ink the fit does not explain; the
    sign's width is not known, so the figure stands as read and is not read again."""
    from scorekit.extract.ocr.inkfit import check_loose

    from .answering_engine import Answers, WithSecond

    second = Answers([])
    words = _loose([(t, _printed(t)) for t in SURE_FIGURES] + [("-22", _printed("-22") + 9)])
    assert check_loose(np.full((40, 2000), 255, np.uint8), words, WithSecond(second)) == words
    assert second.crops == 0
