"""A grey fill's edges are not rules: page images built in the test, at 300 dpi."""

import numpy as np

from scorekit.extract.ocr.filledges import drawn_rules

DPI = 300


def _page() -> np.ndarray:
    """White paper; a grey RAG column (x 400-480) the whole table's height, bordered on the
    left only; a black rule on white at x 200."""
    grey = np.full((1000, 800), 245, np.uint8)
    grey[100:900, 400:480] = 140
    grey[100:900, 398:401] = 30
    grey[100:900, 199:202] = 20
    return grey


def test_a_fills_bare_edge_is_no_rule_and_a_drawn_border_or_line_is():
    grey = _page()
    band = np.zeros(grey.shape, bool)
    drawn_line, border, bare_edge = (
        (200.0, 100.0, 200.0, 900.0),
        (399.0, 100.0, 399.0, 900.0),
        (480.0, 100.0, 480.0, 900.0),
    )
    top_edge = (402.0, 100.0, 478.0, 100.0)
    assert drawn_rules([drawn_line, border, bare_edge, top_edge], grey, band, DPI) == [drawn_line, border]


def test_a_rule_the_masks_set_a_few_pixels_off_its_ink_is_judged_at_its_ink():
    grey = _page()
    band = np.zeros(grey.shape, bool)
    off = (205.0, 100.0, 205.0, 900.0)
    assert drawn_rules([off], grey, band, DPI) == [off]


def test_a_dark_bands_edges_are_left_to_the_bands_own_reading():
    grey = _page()
    band = np.zeros(grey.shape, bool)
    band[100:900, 400:480] = True
    edge = (480.0, 100.0, 480.0, 900.0)
    assert drawn_rules([edge], grey, band, DPI) == [edge]


def test_a_fills_edges_inside_a_ruled_table_are_its_cells_borders():
    """A dark RAG column (fill 90) in a table ruled in mid grey (130): its borders are no darker
    than the fill, yet with drawn rules either side of them over their whole length they are the
    column's borders; the same fill beside a table's frame alone stays an edge."""
    grey = np.full((1000, 1000), 245, np.uint8)
    grey[100:900, 400:480] = 90
    for x in (100, 250, 400, 480, 600, 750, 900):
        grey[100:900, x - 1 : x + 2] = 130
    band = np.zeros(grey.shape, bool)
    rules = [(float(x), 100.0, float(x), 900.0) for x in (100, 250, 400, 480, 600, 750, 900)]
    assert drawn_rules(rules, grey, band, DPI) == rules
    framed = [rules[0], rules[2], rules[3], rules[-1]]
    assert drawn_rules(framed, grey, band, DPI) == [rules[0], rules[-1]]
