"""Is a table a list of areas (statistical neighbours, boroughs, wards), one indicator across them?

Two kinds of evidence, either enough: the label column's header says so (`Local authority`,
`Borough`, `Ward`: the vocabulary's area rule), or its rows name two or more places: the ones area
tables compare with (`England`, `Statistical neighbours`, a region: the vocabulary's area list) or
the gazetteer's (`places.json`: local authorities, police force areas), so a header OCR garbled
(`pe Borough`) does not hide a list of boroughs.
"""

from __future__ import annotations

from .columns import ColumnModel
from .structure import Cell
from .vocabulary import VOCABULARY


def area_table(rows: list[list[Cell | None]], model: ColumnModel) -> bool:
    if model.index("area"):
        return True
    labels = [_first_text(r) for r in rows]
    return sum(1 for t in labels if t and VOCABULARY.is_place(t)) >= 2


def _first_text(row: list[Cell | None]) -> str:
    cell = next((c for c in row if c is not None and c.text), None)
    return " ".join(cell.text.split()) if cell is not None else ""
