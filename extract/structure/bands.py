"""Bands: a header level over runs of value columns (`2016` over Jun ... Dec, `October 2019`
over Offences / Detections / Detection rate).

A band is printed over the middle of the columns it covers, but the grid may give it one column:
on a scan the rules an image shows through a dark band are the body's (its own borders are lost
in its ink); in a text layer an office suite draws each merged cell's borders under the band's
fill, where no reader sees them; an unruled table has no borders at all. So the band's text
says what it spans: each cell of a level above the lowest takes the widest run of free value
columns it stands centred over, and columns two neighbouring bands could both take are divided
between them (`_fairest_cut`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..periods import parse_fy, parse_year, period_label, starts_year
from .model import Cell, Table

OFF_CENTRE = 0.25  # of the narrowest column: two bands' offsets from their runs' middles that differ less tie

Run = tuple[int, int]  # first column, number of columns


@dataclass
class _Columns:
    """Where each column begins and ends for a band centred over it: between its rules where the
    grid is ruled; where its own text reaches where the grid was cut at word gaps (the first
    value column's boundary stands midway across the wide gap after the labels, far from its
    figures)."""

    table: Table
    stub: int
    extents: list[tuple[float, float]]
    periods: set[int]  # columns headed by a period's name (`Jan`, `Q3`)
    labels: dict[int, str]  # the lowest header level's text per column
    narrowest: float  # the narrowest column's width: what "centred" and a tie are measured in

    @classmethod
    def of(cls, table: Table, stub: int, ruled: bool) -> _Columns:
        xs = table.xs
        extents = list(zip(xs, xs[1:], strict=False))
        lowest = table.header_rows - 1
        if not ruled:
            reach: dict[int, tuple[float, float]] = {}
            for c in table.cells:
                if c.colspan == 1 and c.row >= lowest and c.text:
                    lo, hi = reach.get(c.col, (c.bbox[0], c.bbox[2]))
                    reach[c.col] = (min(lo, c.bbox[0]), max(hi, c.bbox[2]))
            extents = [reach.get(k, e) for k, e in enumerate(extents)]
        labels = {c.col: c.text for c in table.cells if c.row == lowest and c.colspan == 1}
        periods = {k for k, text in labels.items() if period_label(text)}
        return cls(table, stub, extents, periods, labels, min(b - a for a, b in zip(xs, xs[1:], strict=False)))

    def off_centre(self, cell: Cell, run: Run) -> float:
        x0, _, x1, _ = cell.bbox
        return abs((self.extents[run[0]][0] + self.extents[run[0] + run[1] - 1][1]) / 2 - (x0 + x1) / 2)

    def run(self, cell: Cell, bound: Run) -> Run:
        """The widest run within [bound) holding the cell that the cell's text stands centred over."""
        if cell.col + cell.colspan <= self.stub:
            return cell.col, cell.colspan
        best = (cell.col, cell.colspan)
        for a in range(bound[0], cell.col + 1):
            for b in range(cell.col + cell.colspan, bound[1] + 1):
                if b - a > best[1] and self.off_centre(cell, (a, b - a)) <= 0.5 * self.narrowest:
                    best = (a, b - a)
        return best

    def trim(self, cell: Cell) -> None:
        """A band placed over a column its text only reaches into past that column's own text
        (`Year to date (Apr 2020-Mar 2021)` set a little left of its run, over the previous run's
        last column) does not span it: its text stands beyond where the column's ends."""
        x0, _, x1, _ = cell.bbox
        while cell.colspan > 1 and cell.col >= self.stub and x0 >= self.extents[cell.col][1]:
            cell.col, cell.colspan = cell.col + 1, cell.colspan - 1
        while cell.colspan > 1 and x1 <= self.extents[cell.col + cell.colspan - 1][0]:
            cell.colspan -= 1

    def alike(self, run: Run) -> bool:
        return len({k in self.periods for k in _spanned(run)}) == 1


def widen_bands(table: Table, stub: int, ruled: bool = False) -> None:
    """Each band takes the run of value columns it stands centred over (see the module)."""
    cols = _Columns.of(table, stub, ruled)
    for level in range(table.header_rows - 1):
        for c in table.cells:
            if c.row == level and not _framed(c):
                cols.trim(c)
        cells = sorted((c for c in table.cells if c.row == level), key=lambda c: c.col)
        above = [c for c in table.cells if c.row == level - 1 and c.col + c.colspan > stub]
        bounds = [
            _within_parent(
                (
                    max(stub, cells[i - 1].col + cells[i - 1].colspan if i else stub),
                    cells[i + 1].col if i + 1 < len(cells) else table.n_cols,
                ),
                cells[i],
                above,
            )
            for i in range(len(cells))
        ]
        for i in range(len(cells) - 1):
            if _framed(cells[i]) or _framed(cells[i + 1]):
                continue
            a, b = cols.run(cells[i], bounds[i]), cols.run(cells[i + 1], bounds[i + 1])
            if a[0] + a[1] > b[0]:
                cut = _fairest_cut(cols, cells[i], cells[i + 1], (bounds[i][0], bounds[i + 1][1]))
                bounds[i], bounds[i + 1] = (bounds[i][0], cut), (cut, bounds[i + 1][1])
        for cell, bound in zip(cells, bounds, strict=True):
            if not _framed(cell):
                cell.col, cell.colspan = cols.run(cell, bound)


def _framed(cell: Cell) -> bool:
    """A merged cell the rules draw spans what they enclose; a band a scan's dark ink hid the
    rules of spans what its text stands centred over."""
    return cell.drawn and cell.colspan > 1


def _within_parent(bound: Run, cell: Cell, above: list[Cell]) -> Run:
    """A band under a band (a wrapped name's next line, `Q1` under `2019/20`) stays inside the
    cell of the level above it: its centred run may not reach into the neighbouring band."""
    parent = next((p for p in above if p.col <= cell.col < p.col + p.colspan), None)
    if parent is None:
        return bound
    lo, hi = max(bound[0], parent.col), min(bound[1], parent.col + parent.colspan)
    return (lo, hi) if lo < hi else bound


def _fairest_cut(cols: _Columns, a: Cell, b: Cell, outer: Run) -> int:
    """Where band `a` ends and its neighbour `b` begins, within [outer): where the two leave no
    column between their texts undated; then where each spans columns of one kind (months, or
    none: `2023` over Jan..Oct, not over Dec..Target); then where they stand nearest the middles
    of their runs (`2021` stands about centred over Nov..Target too, but that leaves `2020` over
    Oct alone, off its middle); then where they cover more (`2022` over four months beside `2023`
    over ten: `Jan` is nearer the short band's text, yet `2023` is centred over it); nearer text
    deciding ties. Between two bands of years, first where the second's year opens."""
    first, last = a.col + a.colspan, b.col
    near = _nearer(cols.table.xs, a, b, first, last)
    quantum = OFF_CENTRE * cols.narrowest
    starts = _year_starts(cols, a, b)

    def covered(cut: int) -> tuple[int, bool, int, int, int, int]:
        left, right = cols.run(a, (outer[0], cut)), cols.run(b, (cut, outer[1]))
        between = len(set(range(a.col, b.col + b.colspan)) & (_spanned(left) | _spanned(right)))
        alike = cols.alike(left) + cols.alike(right)
        off = round((cols.off_centre(a, left) + cols.off_centre(b, right)) / quantum)
        return between, cut in starts, alike, -off, left[1] + right[1], -abs(cut - near)

    return max(range(first, last + 1), key=covered) if first <= last else near


def _year_starts(cols: _Columns, a: Cell, b: Cell) -> set[int]:
    """Where two bands of years meet, the columns whose period opens a year (`2017/18` over Q1..Q4
    beside `2018/19` over Q1: the second band begins at the second `Q1`, however the two texts
    stand centred). Empty unless both bands name a year."""
    fy = [parse_fy(c.text) for c in (a, b)]
    if not all(fy) and not all(parse_year(c.text) for c in (a, b)):
        return set()
    return {k for k, text in cols.labels.items() if starts_year(text, all(fy))}


def _nearer(xs: list[float], a: Cell, b: Cell, lo: int, hi: int) -> int:
    """The first column of [lo, hi) nearer b's text than a's (hi if none), never into a's own."""
    mid_a, mid_b = (a.bbox[0] + a.bbox[2]) / 2, (b.bbox[0] + b.bbox[2]) / 2
    cut = lo
    while cut < hi and abs((xs[cut] + xs[cut + 1]) / 2 - mid_a) <= abs((xs[cut] + xs[cut + 1]) / 2 - mid_b):
        cut += 1
    return min(max(cut, a.col + a.colspan), b.col)


def _spanned(run: Run) -> set[int]:
    return set(range(run[0], run[0] + run[1]))
