"""Raw tables as a person (or another tool's scorer) reads them: cells on a grid, as displayed.

The reader keeps a table as rows of column slots in the page's reading frame, a merged cell
repeated in every slot it covers. Here each printed cell appears once, at its top-left grid
position, with its row and column span; boxes and grid positions are both turned to the page as
displayed (origin top-left, PDF points; row 0 the top row on screen), the frame the ICDAR 2013
scorer and a rendered page image use. Each cell says where the reader's header decision put it:
in the header row, above it (title and band rows), or in the body.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .tables import RawTable, Slot

Box = tuple[float, float, float, float]
HEADER, ABOVE_HEADER, BODY = "header", "above_header", "body"


@dataclass(frozen=True)
class FoundCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: Box
    role: str = BODY  # header | above_header | body: `TableReader.header_row`'s decision


@dataclass
class FoundTable:
    page: int
    bbox: Box
    cells: list[FoundCell] = field(default_factory=list)
    strategy: str = ""  # ruled | aligned
    method: str = "text"  # text | ocr

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Place:
    row: int
    col: int
    rowspan: int
    colspan: int


def _displayed(box: Box, table: RawTable) -> Box:
    x0, top, x1, bottom = table.frame.to_display(box)
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def _turned(p: _Place, table: RawTable) -> _Place:
    """A grid position in the reading frame -> on the page as displayed (as `Frame.to_display`
    turns boxes: the reading frame turned back `frame.turn` degrees)."""
    n_rows, n_cols = len(table.rows), table.n_cols
    turn = table.frame.turn
    if turn == 270:
        return _Place(p.col, n_rows - p.row - p.rowspan, p.colspan, p.rowspan)
    if turn == 180:
        return _Place(n_rows - p.row - p.rowspan, n_cols - p.col - p.colspan, p.rowspan, p.colspan)
    if turn == 90:
        return _Place(n_cols - p.col - p.colspan, p.row, p.colspan, p.rowspan)
    return p


def _rowspan(table: RawTable, r: int, c: int, slot: Slot) -> int:
    """Rows the printed cell covers: the slots below it that repeat it (same box, not an origin)."""
    n = 1
    for row in table.rows[r + 1 :]:
        below = row[c] if c < len(row) else None
        if below is None or below.origin or below.bbox != slot.bbox:
            break
        n += 1
    return n


def _role(row: int, rowspan: int, header_row: int | None) -> str:
    if header_row is None or row > header_row:
        return BODY
    return HEADER if row + rowspan > header_row else ABOVE_HEADER


def found_table(table: RawTable, header_row: int | None) -> FoundTable:
    """One reader table as cells on its grid; `header_row` is the reader's header decision."""
    cells = []
    for r, row in enumerate(table.rows):
        for c, slot in enumerate(row):
            if slot is None or not slot.origin:
                continue
            rowspan = _rowspan(table, r, c, slot)
            p = _turned(_Place(r, c, rowspan, max(1, slot.span[1] - slot.span[0])), table)
            role = _role(r, rowspan, header_row)
            cells.append(FoundCell(p.row, p.col, p.rowspan, p.colspan, slot.text, _displayed(slot.bbox, table), role))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return FoundTable(table.page, _displayed(table.bbox, table), cells, table.strategy, table.method)
