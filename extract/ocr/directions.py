"""Arrows in a direction column, read with what the column shows.

A scan blurs a small arrow's head into a bump a pixel or two wider than its shaft, which
`glyphs.lone_arrow` cannot tell from a `1`'s flag or a `t`'s crossbar, and both engines read it
as nothing or as junk. In a column its header names as the direction of travel, where other
cells' arrows were read from their ink, a lone thin stroke with such a bump at one end only is
an arrow pointing that way: the column prints arrows, and no figure or word is that thin.
"""

from __future__ import annotations

from ..grid import Grid
from ..page import Word
from ..values import ARROWS, UNREAD
from . import glyphs
from .cellread import CellReading
from .labels import reading_text

SHAPED = 0.9  # the confidence of an arrow its column and its ink settle
JUNK = 2  # characters: a reading this short, with no digit, is what the engines make of an arrow


def arrows_by_column(
    readings: list[CellReading], value_cols: dict[tuple[int, int], tuple[int, str]], grids: list[Grid]
) -> int:
    """Settle the unread cells of direction columns that hold arrows already read; how many."""
    columns: dict[tuple[int, int], list[CellReading]] = {}
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        row, measure = value_cols.get((r.cell.grid, c.col0), (-1, ""))
        if measure == "direction" and c.row0 > row and c.col1 - c.col0 == 1:
            columns.setdefault((r.cell.grid, c.col0), []).append(r)
    settled = 0
    for cells in columns.values():
        if not any(r.glyph and reading_text(r) in ARROWS for r in cells):
            continue
        for r in cells:
            mark = None if r.glyph or not _unread(r) else glyphs.thin_arrow(r.cell.image)
            if mark:
                h, w = r.cell.image.shape
                r.words, r.glyph = [Word(mark, 0, 0, w, h, True, SHAPED)], True
                settled += 1
    return settled


def _unread(r: CellReading) -> bool:
    text = reading_text(r).replace(UNREAD, "")
    return len(text) <= JUNK and not any(ch.isdigit() for ch in text)
