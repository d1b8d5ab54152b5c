"""Raw tables as a person (or another tool's scorer) reads them: cells on a grid, boxes as displayed.

The reader keeps a table as rows of column slots in the page's unrotated frame, a merged cell
repeated in every slot it covers. Here each printed cell appears once, at its top-left grid
position, with its row and column span, and every box is turned to the page as displayed (origin
top-left, PDF points), the frame the ICDAR 2013 scorer and a rendered page image use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .page import rotate_box
from .tables import RawTable, Slot

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class FoundCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: Box


@dataclass
class FoundTable:
    page: int
    bbox: Box
    cells: list[FoundCell] = field(default_factory=list)
    header_rows: list[int] = field(default_factory=list)  # the header row and the title/band rows above it
    strategy: str = ""  # ruled | aligned
    method: str = "text"  # text | ocr

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    def to_json(self) -> dict:
        return asdict(self)


def _displayed(box: Box, table: RawTable) -> Box:
    x0, top, x1, bottom = rotate_box(*box, table.rotation, *table.page_size)
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def _rowspan(table: RawTable, r: int, c: int, slot: Slot) -> int:
    """Rows the printed cell covers: the slots below it that repeat it (same box, not an origin)."""
    n = 1
    for row in table.rows[r + 1 :]:
        below = row[c] if c < len(row) else None
        if below is None or below.origin or below.bbox != slot.bbox:
            break
        n += 1
    return n


def found_table(table: RawTable, header_row: int | None) -> FoundTable:
    """One reader table as cells on its grid; `header_row` is the reader's header decision."""
    cells = []
    for r, row in enumerate(table.rows):
        for c, slot in enumerate(row):
            if slot is None or not slot.origin:
                continue
            colspan = max(1, slot.span[1] - slot.span[0])
            cells.append(FoundCell(r, c, _rowspan(table, r, c, slot), colspan, slot.text, _displayed(slot.bbox, table)))
    headers = list(range(header_row + 1)) if header_row is not None else []
    return FoundTable(table.page, _displayed(table.bbox, table), cells, headers, table.strategy, table.method)
