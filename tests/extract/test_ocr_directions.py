"""A direction column's arrows whose heads a scan blurred to a bump, read with what the column
shows: where the column's other arrows were read from their ink, a lone thin stroke with a bump
at one end is an arrow; a figure, a word, or a column of no arrows is left alone."""

import numpy as np

from scorekit.extract.grid import Cell, Grid
from scorekit.extract.ocr import glyphs
from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.directions import arrows_by_column
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word

# A 300-dpi scan's upward arrow, 21 pixels long: its head two pixels wider than its shaft.
WIDTHS = [2, 3, 5, 6, 5, 5, 4, 3, 3, 3, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4, 3]


def _stroke(widths: list[int]) -> np.ndarray:
    img = np.full((len(widths) + 24, 31), 255, np.uint8)
    for k, w in enumerate(widths):
        img[12 + k, 15 - w // 2 : 15 - w // 2 + w] = 0
    return img


def test_a_blurred_thin_arrow_points_the_way_its_bump_lies():
    up = _stroke(WIDTHS)
    assert glyphs.lone_arrow(up) is None  # the shape alone says too little for any cell
    assert glyphs.thin_arrow(up) == "↑"
    assert glyphs.thin_arrow(up[::-1].copy()) == "↓"
    assert glyphs.thin_arrow(np.rot90(up).copy()) == "←"
    assert glyphs.thin_arrow(np.rot90(up, -1).copy()) == "→"


def test_a_plain_stroke_and_a_stroke_with_a_foot_are_no_thin_arrow():
    assert glyphs.thin_arrow(_stroke([4] * 21)) is None
    assert glyphs.thin_arrow(_stroke([4] * 18 + [7, 8, 8])) is None  # a serif `1`'s foot ends it


def _column(images: list[np.ndarray], texts: list[str], glyph: list[bool]) -> tuple[list[CellReading], Grid]:
    """One column of body cells under a header row, each cell one row."""
    cells = [Cell(k + 1, k + 2, 0, 1, 0.0, 10.0 * k, 10.0, 10.0 * k + 10) for k in range(len(images))]
    grid = Grid([0.0, 10.0], [10.0 * k for k in range(len(images) + 2)], cells, [])
    readings = []
    for k, (img, text, g) in enumerate(zip(images, texts, glyph, strict=True)):
        r = CellReading(CellImage(0, k, 0, 0, img))
        r.words, r.glyph = [Word(text, 0, 0, 5, 5, True, 0.95 if g else 0.3)], g
        readings.append(r)
    return readings, grid


def test_unread_thin_arrows_in_a_column_of_arrows_are_read():
    up = _stroke(WIDTHS)
    readings, grid = _column([up, up[::-1].copy(), up, up], ["→", "", "t", "12"], [True, False, False, False])
    assert arrows_by_column(readings, {(0, 0): (0, "direction")}, [grid]) == 2
    assert [r.words[0].text for r in readings] == ["→", "↓", "↑", "12"]


def test_no_arrow_is_read_where_the_column_shows_none_or_is_no_direction_column():
    up = _stroke(WIDTHS)
    readings, grid = _column([up, up], ["", ""], [False, False])
    assert arrows_by_column(readings, {(0, 0): (0, "direction")}, [grid]) == 0
    readings, grid = _column([up, up], ["→", ""], [True, False])
    assert arrows_by_column(readings, {(0, 0): (0, "value")}, [grid]) == 0
