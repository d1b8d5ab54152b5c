"""Decimal points the sparse pass dropped: a speck on the digits' baseline, apart from both,
between two of them, is the point; a comma below the baseline, a speck too small to be a
point, a mark before three digits and a mark beside the figure are left alone."""

import numpy as np
import pytest

from scorekit.extract.ocr.inkpoints import points_from_ink
from scorekit.extract.page import Word


def _figure(digits: int, mark_at: int | None, mark_rows: tuple[int, int] = (17, 21), mark_wide: int = 4):
    """Digits 20 pixels tall, 12 wide, 4 apart; a mark after `mark_at` digits (or none)."""
    ink = np.zeros((40, 200), np.uint8)
    x = 10
    for k in range(digits):
        if mark_at is not None and k == mark_at:
            ink[10 + mark_rows[0] : 10 + mark_rows[1], x : x + mark_wide] = 255
            x += mark_wide + 4
        ink[10:31, x : x + 12] = 255
        x += 16
    return ink, Word("".join(str(k + 4) for k in range(digits)), 10, 10, x - 4, 31, True, 0.8)


def test_a_point_blur_joined_to_a_digit_is_found_in_the_strokes_cores():
    """Binarised, the point and the `4` are one run of ink; in the grey image the bridge between
    them is paler than either's core."""
    ink, w = _figure(2, 1)
    grey = 255 - ink
    ink[27:31, 22:32] = 255  # the bridge the binarisation made
    grey[27:31, 22:26] = 170
    assert [v.text for v in points_from_ink([w], grey, ink)] == ["4.5"]


def test_a_faint_strokes_piece_the_cores_broke_off_is_no_point():
    """A low piece of a faint diagonal stands alone in the cores, but the binarised ink carries
    the stroke on up from it: a stroke, not a point."""
    ink, w = _figure(2, 1)
    grey = 255 - ink
    ink[12:31, 26:30] = 255  # binarised, the mark runs up the digits' height
    grey[12:27, 26:30] = 170  # faint above the baseline
    assert points_from_ink([w], grey, ink) == [w]


def test_a_point_between_two_digits_is_put_back():
    ink, w = _figure(2, 1)
    assert [v.text for v in points_from_ink([w], 255 - ink, ink)] == ["4.5"]


@pytest.mark.parametrize(
    ("digits", "mark_at", "rows", "wide"),
    [
        (2, 1, (17, 25), 4),  # a comma, hanging below the baseline
        (2, 1, (19, 20), 1),  # a speck
        (4, 1, (17, 21), 4),  # before three digits: `4.567` or `4,567`
        (2, None, (17, 21), 4),  # no mark
    ],
)
def test_no_point_where_the_ink_does_not_show_one(digits, mark_at, rows, wide):
    ink, w = _figure(digits, mark_at, rows, wide)
    assert points_from_ink([w], 255 - ink, ink) == [w]


def _row(marks: list[tuple[int, int, int]], words_at: tuple[int, ...] = (10, 150)):
    """A table row read in a sparse pass: figures (blocks 20 pixels tall, 30 wide) standing on
    row 40, and small square marks (x, size, bottom row); a grey image blurred as a scan's."""
    import cv2

    grey = np.full((70, 220), 255, np.uint8)
    words = []
    for x in words_at:
        grey[20:40, x : x + 30] = 0
        words.append(Word("96%", x, 20, x + 30, 40, True, 0.96))
    for x, size, bottom in marks:
        grey[bottom - size : bottom, x : x + size] = 0
    grey = cv2.GaussianBlur(grey, (0, 0), 1.0)
    ink = np.where(grey < 150, 255, 0).astype(np.uint8)
    return words, grey, ink


def test_two_points_on_a_row_of_figures_are_the_suppression_mark_the_pass_dropped():
    """`..` between two figures: too small for the rereading of unexplained ink, its cell was left
    empty and the row's values moved into the wrong columns."""
    from scorekit.extract.ocr.inkpoints import suppression_marks

    words, grey, ink = _row([(90, 5, 40), (98, 5, 40)])
    got = suppression_marks(words, grey, ink)
    marks = [w for w in got if w.text == ".."]
    assert len(got) == 3 and len(marks) == 1
    assert marks[0].x0 >= 88 and marks[0].x1 <= 105 and marks[0].top == 20  # boxed on its line


@pytest.mark.parametrize(
    "marks",
    [
        [(90, 5, 40)],  # one point alone
        [(90, 5, 30), (98, 5, 30)],  # two points above the baseline (not standing on it)
        [(88, 12, 40)],  # one blob as wide as two points and as tall: no dip
        [(42, 5, 40), (50, 5, 40)],  # two points just after a figure (its own)
        [(90, 5, 40), (98, 5, 40), (106, 5, 40)],  # three points: an ellipsis's, not `..`
    ],
)
def test_no_suppression_mark_where_the_ink_shows_none(marks):
    from scorekit.extract.ocr.inkpoints import suppression_marks

    words, grey, ink = _row(marks)
    assert [w.text for w in suppression_marks(words, grey, ink)] == ["96%", "96%"]


def test_a_region_without_figures_keeps_its_words():
    """A title outside the grids holds no figure: nothing to stand a mark beside, and every word
    stays (a first version returned none of them)."""
    from scorekit.extract.ocr.inkpoints import suppression_marks

    words, grey, ink = _row([(90, 5, 40), (98, 5, 40)])
    titled = [Word("Benchmarking", w.x0, w.top, w.x1, w.bottom, True, 0.96) for w in words]
    assert suppression_marks(titled, grey, ink) == titled
