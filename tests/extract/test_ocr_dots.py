"""`..` in a cell, however a coarse scan blurred it: faint, or its two dots run together."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.extract.ocr.dots import dots, dots_box, loose_dots


def _cell(width: int = 60, height: int = 40, paper: int = 243) -> np.ndarray:
    return np.full((height, width), paper, np.uint8)


def _dot(img: np.ndarray, x: int, y: int, size: int = 5, level: int = 150) -> None:
    img[y : y + size, x : x + size] = level


def test_two_faint_dots_are_the_not_available_code():
    img = _cell()
    _dot(img, 20, 25)
    _dot(img, 30, 25)
    assert dots(img) == ".."
    _dot(img, 40, 25)
    assert dots(img) == "..."


def test_two_dots_a_blur_joined_part_at_their_cores():
    img = _cell()
    img[20:29, 12:28] = 120  # the grey the blur spread between and round them
    _dot(img, 13, 21, size=6, level=0)
    _dot(img, 21, 21, size=6, level=0)
    assert dots(img) == ".."


def test_a_dash_a_figure_or_dots_of_two_sizes_or_lines_are_no_dots():
    dash = _cell()
    dash[20:26, 10:30] = 0
    assert dots(dash) is None
    figure = _cell()
    figure[8:34, 10:22] = 0
    figure[8:34, 26:38] = 0
    assert dots(figure) is None
    odd = _cell()
    _dot(odd, 10, 20, size=3, level=0)
    _dot(odd, 20, 18, size=9, level=0)
    assert dots(odd) is None
    stacked = _cell()
    _dot(stacked, 20, 10, level=0)
    _dot(stacked, 20, 25, level=0)
    assert dots(stacked) is None  # `:`


def test_dots_in_a_crop_with_what_is_left_of_its_rules_along_the_edges():
    crop = _cell(200, 80)
    crop[:, 0:2] = 170
    crop[0:2, :] = 180
    _dot(crop, 170, 32)
    _dot(crop, 180, 32)
    assert dots_box(crop, 300, 4) == (170, 32, 185, 37)
    assert dots_box(_cell(200, 80), 300, 4) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.integers(0, 25), st.integers(3, 6), st.integers(0, 180))
def test_one_mark_alone_is_never_dots(x, y, size, level):
    img = _cell()
    _dot(img, x, y, size=size, level=level)
    assert dots(img) is None


def _page_with(*marks: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A grey page and its ink with dark rectangles (x, y, w, h) on it."""
    grey = np.full((100, 400), 243, np.uint8)
    for x, y, w, h in marks:
        grey[y : y + h, x : x + w] = 60
    return grey, (grey < 200).astype(np.uint8) * 255


def test_dots_a_sparse_pass_dropped_are_read_where_no_word_stands():
    from scorekit.extract.page import Word

    grey, ink = _page_with((100, 50, 5, 5), (110, 50, 5, 5), (200, 50, 5, 5), (210, 50, 5, 5))
    words = [Word("12.", 190, 35, 216, 56, True, 0.95)]  # the second pair is the word's own print
    (got,) = loose_dots(grey, ink, words, 300)
    assert (got.text, got.x0, got.x1) == ("..", 100.0, 115.0)


def test_leader_dots_a_dash_or_a_lone_stop_are_no_dots():
    leader, ink = _page_with(*[(100 + 10 * k, 50, 5, 5) for k in range(5)])
    assert loose_dots(leader, ink, [], 300) == []
    dash, ink = _page_with((100, 50, 20, 6))
    assert loose_dots(dash, ink, [], 300) == []
    stop, ink = _page_with((100, 50, 5, 5))
    assert loose_dots(stop, ink, [], 300) == []


def test_dots_with_a_letters_stroke_beside_them_are_no_dots_but_a_speck_does_not_matter():
    grey, ink = _page_with((100, 40, 5, 5), (110, 40, 5, 5), (120, 30, 2, 20))  # a thin `l` beside
    assert loose_dots(grey, ink, [], 300) == []
    grey, ink = _page_with((100, 40, 5, 5), (110, 40, 5, 5), (120, 30, 1, 2))
    assert [w.text for w in loose_dots(grey, ink, [], 300)] == [".."]
