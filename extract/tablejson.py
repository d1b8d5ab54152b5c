"""Tables as a person (or another tool's scorer) reads them: cells on a grid, as displayed.

The finder lays a table out in its page's reading frame (text upright). Here each printed cell
appears once, at its top-left grid position, with its row and column span; boxes and grid
positions are both turned to the page as displayed (origin top-left, PDF points; row 0 the top
row on screen), the frame the ICDAR 2013 scorer and a rendered page image use. Each cell says
whether the finder put it in the table's header levels.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .page import Frame
from .structure import Cell, Table

Box = tuple[float, float, float, float]
HEADER, BODY = "header", "body"


@dataclass(frozen=True)
class FoundCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: Box
    role: str = BODY  # header | body: the finder's header levels


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


def _displayed(box: Box, frame: Frame) -> Box:
    x0, top, x1, bottom = frame.to_display(box)
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def _turned(p: _Place, table: Table, turn: int) -> _Place:
    """A grid position in the reading frame -> on the page as displayed (as `Frame.to_display`
    turns boxes: the reading frame is the display turned `turn` degrees clockwise)."""
    n_rows, n_cols = table.n_rows, table.n_cols
    if turn == 90:
        return _Place(n_cols - p.col - p.colspan, p.row, p.colspan, p.rowspan)
    if turn == 180:
        return _Place(n_rows - p.row - p.rowspan, n_cols - p.col - p.colspan, p.rowspan, p.colspan)
    if turn == 270:
        return _Place(p.col, n_rows - p.row - p.rowspan, p.colspan, p.rowspan)
    return p


def _found_cell(cell: Cell, table: Table, frame: Frame) -> FoundCell:
    p = _turned(_Place(cell.row, cell.col, cell.rowspan, cell.colspan), table, frame.turn)
    role = HEADER if cell.header or cell.row < table.header_rows else BODY
    return FoundCell(p.row, p.col, p.rowspan, p.colspan, cell.text, _displayed(cell.bbox, frame), role)


def found_table(table: Table, frame: Frame, method: str = "text") -> FoundTable:
    """One table as cells on its grid, on the page as displayed."""
    cells = sorted((_found_cell(c, table, frame) for c in table.cells), key=lambda c: (c.row, c.col))
    strategy = "ruled" if table.ruled else "aligned"
    return FoundTable(table.page, _displayed(table.bbox, frame), cells, strategy, method)
