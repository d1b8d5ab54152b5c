"""Tables drawn as grids: the rules say where the columns, rows and merged cells are.

One exception: a grid row whose every line of text runs across several cells and holds a
number is several printed rows (a sheet boxed around its body with no rules between its rows),
so it is split at its lines. A row whose extra lines sit in one cell (a wrapped name), or whose
cells are words wrapped alike, stays one row.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field, replace

from ..grid import Cell as GridCell
from ..grid import Grid, assign_words, turned_order
from ..grid import reading_order as in_reading_order
from ..page import Word
from ..periods import parse_period, period_label
from .columns import columns_of, names_column
from .figures import data_like
from .lines import Line, Phrase, text_lines
from .model import Cell, Table, join_words
from .rows import Placed, PlacedLine, header_levels, level_cells

_Held = tuple[GridCell, list[Word]]  # a grid cell and the words it holds


def lattice_table(page: int, grid: Grid, words: list[Word]) -> tuple[Table, list[Word]]:
    """The grid's table, and the words that are not its content (outside it, or a page header
    printed across its cells in another size)."""
    for cell in grid.cells:
        cell.words.clear()
    outside = assign_words(grid, [u for w in words if (u := _unbarred(w)) is not None])
    placed: dict[int, list[Word]] = {id(c): list(c.words) for c in grid.cells if c.words}
    by_id = {id(c): c for c in grid.cells}
    rows = _table_rows(grid, _starting(placed, by_id))
    cells = rows.cells
    for k, ws in placed.items():
        gc = by_id[k]
        if k in rows.banded:
            continue
        first, last = rows.row_of[gc.row0], rows.row_of.get(gc.row1, len(rows.ys) - 1)
        cells.append(Cell(first, gc.col0, in_reading_order(ws), last - first, gc.col1 - gc.col0, drawn=True))
    cells = sorted(_dedupe(cells), key=lambda c: (c.row, c.col))
    table = Table(page, list(grid.xs), rows.ys, cells, ruled=True)
    table.header_rows = _header_rows(table)
    table.cells = [part for c in cells for part in (_named_apart(c, grid.xs) if c.row < table.header_rows else [c])]
    for c in table.cells:
        c.header = c.row < table.header_rows
    return table, outside


@dataclass
class _Rows:
    """The table's rows as the grid's rows give them: a band read line by line, a grid row
    holding several printed rows split at its lines."""

    ys: list[float]
    cells: list[Cell] = field(default_factory=list)  # the cells of bands and split rows
    row_of: dict[int, int] = field(default_factory=dict)  # grid row -> first table row
    banded: set[int] = field(default_factory=set)  # the grid cells read as bands


def _table_rows(grid: Grid, starting: dict[int, list[_Held]]) -> _Rows:
    out = _Rows([grid.ys[0]])
    ys, cells = out.ys, out.cells
    below = 0  # the grid row a band spanning several rows ends on
    for r in range(grid.n_rows):
        out.row_of[r] = len(ys) - 1
        if r < below:
            continue
        band = _unruled_header(r, starting, grid)
        if band is not None:
            out.banded |= {id(c) for c in band.cells}
            for level in band.levels:
                cells += level_cells(len(ys) - 1, level, header=True)
                ys.append(max(pl.bottom for pl in level))
            below = band.cells[0].row1
            ys[-1] = grid.ys[below]
            continue
        lines = _printed_rows(text_lines([w for _, ws in starting.get(r, []) for w in ws]), grid)
        if len(lines) > 1:
            for ln in lines:
                cells += _line_cells(len(ys) - 1, ln, grid)
                ys.append(ln.bottom)
            ys[-1] = grid.ys[r + 1]
        else:
            ys.append(grid.ys[r + 1])
    return out


def _unbarred(w: Word) -> Word | None:
    """A word without the bars OCR read at its ends, None for a bar alone: a border the image
    lost is no content (`|Ref` names no column, and bars join a row's labels across columns).
    A printed bar is certain, and stays."""
    text = w.text if w.conf == 1.0 else w.text.strip("|")
    if not text:
        return None
    return w if text == w.text else replace(w, text=text)


def _starting(placed: dict[int, list[Word]], by_id: dict[int, GridCell]) -> dict[int, list[_Held]]:
    """The cells starting on each grid row that hold words, with their words."""
    out: dict[int, list[_Held]] = {}
    for k, ws in placed.items():
        gc = by_id[k]
        out.setdefault(gc.row0, []).append((gc, ws))
    return out


@dataclass
class _Band:
    cells: list[GridCell]
    levels: list[list[PlacedLine]]


def _unruled_header(r: int, starting: dict[int, list[_Held]], grid: Grid) -> _Band | None:
    """Cells over three columns or more whose lines set labels column by column: a header whose
    inner rules are not drawn (white rules on a dark band, lost in a scan). Their lines are placed
    in the grid's columns and stacked into levels as an unruled header is. It is one row high, or
    more where no other cell starts beside it (short rules inside the band made the rows). The
    band's cells ending on one row are read together (`Target RAG DoT` boxed apart from the
    months), and a phrase whose words part at the columns' boundaries is one label per column,
    as the rules the band does not draw would have made it.
    `starting`: the cells starting on each row, with their words."""
    spans = [
        (gc, ws)
        for gc, ws in starting.get(r, [])
        if gc.col1 - gc.col0 >= 3 and not any(starting.get(k) for k in range(gc.row0 + 1, gc.row1))
    ]
    for row1 in sorted({gc.row1 for gc, _ in spans}):
        held = [(gc, ws) for gc, ws in spans if gc.row1 == row1]
        lines = _placed_lines(held, grid)
        phrases = [pl for ln in lines for pl in ln.cells]
        set_out = any(len({c.c0 for c in ln.cells if c.c1 - c.c0 == 1}) >= 3 for ln in lines)
        if set_out and sum(data_like(p.phrase.text) for p in phrases) * 2 < len(phrases):
            return _Band([gc for gc, _ in held], header_levels(lines, []))
    return None


def _placed_lines(held: list[_Held], grid: Grid) -> list[PlacedLine]:
    """The band's lines, each phrase placed in the grid's columns; a phrase never runs from one
    of the band's boxes into the next, whose rule parts them."""
    edges = sorted({gc.x0 for gc, _ in held} | {gc.x1 for gc, _ in held})
    return [
        PlacedLine(
            ln,
            [
                Placed(q, *columns_of(q, grid.xs))
                for p in ln.phrases
                for part in _parted(p, edges)
                for q in _labels(part, grid)
            ],
            False,
        )
        for ln in text_lines([w for _, ws in held for w in ws])
    ]


def _parted(phrase: Phrase, edges: list[float]) -> list[Phrase]:
    out = [[phrase.words[0]]]
    for a, b in itertools.pairwise(phrase.words):
        if any(a.x1 <= e <= b.x0 for e in edges):
            out.append([])
        out[-1].append(b)
    return [Phrase(ws) for ws in out]


def _labels(phrase: Phrase, grid: Grid) -> list[Phrase]:
    """The phrase parted at the columns' boundaries where each part names a column on its own
    (`Target`, `RAG`, `DoT`; `Nov 18`, `Dec 18`), else whole: a label spanning the columns
    (`Year to date (Apr 2022-Mar 2023)`) has word gaps over boundaries too, but not one part wholly
    inside each column (`_one_to_a_column`). A word goes to the column holding its middle: a
    scanned word's box runs over a boundary by its blur."""
    if len(phrase.words) < 2 or parse_period(phrase.text):
        return [phrase]
    by_col: dict[int, list[Word]] = {}
    for w in phrase.words:
        by_col.setdefault(bisect.bisect(grid.xs, (w.x0 + w.x1) / 2), []).append(w)
    parts = [Phrase(ws) for _, ws in sorted(by_col.items())]
    if (len(parts) > 1 and all(names_column(q.text) for q in parts)) or _one_to_a_column(parts, grid):
        return parts
    return [phrase]


def _one_to_a_column(parts: list[Phrase], grid: Grid) -> bool:
    """Three parts or more, each wholly inside its column, in columns side by side: labels set one
    to a column, whose gaps a narrow column made no wider than a word space. A label spanning
    its columns runs a word over a boundary."""
    cols = [bisect.bisect(grid.xs, (q.x0 + q.x1) / 2) for q in parts]
    if len(parts) < 3 or cols != list(range(cols[0], cols[0] + len(parts))):
        return False
    return all(
        0 < c < len(grid.xs) and grid.xs[c - 1] <= q.x0 and q.x1 <= grid.xs[c] for c, q in zip(cols, parts, strict=True)
    )


def _named_apart(cell: Cell, xs: list[float]) -> list[Cell]:
    """A header cell over several columns whose words sit one label to a column, each naming a
    column (`Ref` and `Indicator`): the rule between them was lost (a white rule on a dark band
    a scan blurred), so it is a cell per column. A label spanning its columns stays whole."""
    if cell.colspan < 2:
        return [cell]
    by_col: dict[int, list[Word]] = {}
    for ln in text_lines(cell.words):
        for p in ln.phrases:
            c0, c1 = columns_of(p, xs)
            if c1 - c0 != 1:
                return [cell]
            by_col.setdefault(c0, []).extend(p.words)
    if len(by_col) != cell.colspan or not all(names_column(join_words(ws)) for ws in by_col.values()):
        return [cell]
    return [replace(cell, col=k, words=ws, colspan=1, box=None) for k, ws in sorted(by_col.items())]


def _origins(table: Table) -> list[list[Cell]]:
    """Each row's cells that start on it and hold text."""
    return [
        [c for k, c in enumerate(row) if c is not None and c.row == r and c.col == k and c.text]
        for r, row in enumerate(table.grid())
    ]


def label_columns(table: Table) -> int:
    """Leading columns whose cells are mostly words: the labels of the rows."""
    return _label_columns(_origins(table), table.n_cols)


def _header_rows(table: Table) -> int:
    """Rows above the first whose cells past the label columns read mostly as figures, stopping
    at a row of one label alone in the first column (a section heading) once a header row has
    been seen; a band over the value columns is part of the header. Under a row of periods one to
    a column, a row whose cells mostly name no column is the body, however badly its figures
    were read (under a band of periods spanning columns, the measures they split into follow)."""
    origins = _origins(table)
    stub = _label_columns(origins, table.n_cols)
    dated = False
    for r, cells in enumerate(origins):
        data = [c for c in cells if c.col >= stub]
        if data and sum(data_like(c.text) for c in data) * 2 >= len(data):
            return r
        if r and len(cells) == 1 and cells[0].col == 0:
            return r  # a label alone in the first column: a section heading, the body has begun
        if dated and data and sum(names_column(c.text) for c in data) * 2 < len(data):
            return r  # under a row of periods, a row naming no column is the body misread
        dated = dated or (len(data) >= 2 and all(c.colspan == 1 and period_label(c.text) for c in data))
    return 0


def _label_columns(rows: list[list[Cell]], n_cols: int) -> int:
    """Leading columns whose cells are mostly words: the labels of the rows."""
    stub = 0
    while stub < n_cols - 1:
        cells = [c for row in rows for c in row if c.col == stub]
        if cells and sum(data_like(c.text) for c in cells) * 2 >= len(cells):
            break
        stub += 1
    return max(stub, 1)


def _cell_at(grid: Grid, x: float, y: float):
    import bisect

    c = min(max(bisect.bisect_right(grid.xs, x) - 1, 0), grid.n_cols - 1)
    r = min(max(bisect.bisect_right(grid.ys, y) - 1, 0), grid.n_rows - 1)
    return grid.matrix[r][c]


def _columns_of(line: Line, grid: Grid) -> set[int]:
    return {id(_cell_at(grid, p.words[0].xc, p.words[0].yc)) for p in line.phrases}


def _printed_rows(lines: list[Line], grid: Grid) -> list[Line]:
    """The row's lines, if every one runs across two cells or more and holds a number; else none
    (two cells of words wrapped over as many lines are one row)."""
    if len(lines) < 2 or any(len(_columns_of(ln, grid)) < 2 for ln in lines):
        return []
    if not all(any(p.numeric for p in ln.phrases) for ln in lines):
        return []
    return lines


def _line_cells(row: int, line: Line, grid: Grid) -> list[Cell]:
    by_cell: dict[int, list[Word]] = {}
    cols: dict[int, tuple[int, int]] = {}
    for p in line.phrases:
        gc = _cell_at(grid, p.words[0].xc, p.words[0].yc)
        by_cell.setdefault(id(gc), []).extend(p.words)
        cols[id(gc)] = (gc.col0, gc.col1)
    return [Cell(row, cols[k][0], ws, 1, cols[k][1] - cols[k][0]) for k, ws in by_cell.items()]


def _dedupe(cells: list[Cell]) -> list[Cell]:
    seen: set[tuple[int, int]] = set()
    out = []
    for c in cells:
        if (c.row, c.col) not in seen:
            seen.add((c.row, c.col))
            out.append(c)
    return out


def add_turned(table: Table, words: list[Word]) -> None:
    """Words printed at 90 degrees inside a ruled cell (an owner's name set sideways in a
    narrow column) are that cell's text, after any upright text it holds."""
    by_slot: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        r = bisect.bisect_right(table.ys, w.yc) - 1
        c = bisect.bisect_right(table.xs, w.xc) - 1
        if 0 <= r < table.n_rows and 0 <= c < table.n_cols:
            by_slot.setdefault((r, c), []).append(w)
    grid = table.grid()
    for (r, c), ws in by_slot.items():
        btt, ttb = turned_order(ws)
        cell = grid[r][c]
        if cell is None:
            cell = Cell(r, c, [], header=r < table.header_rows)
            table.cells.append(cell)
            grid[r][c] = cell
        cell.words += btt + ttb
    table.cells.sort(key=lambda c: (c.row, c.col))
