"""Page -> tables: blocks of lines set in columns, each laid out on a grid of cells.

Ruled grids come first: their rules say where the columns and the merged cells are, and
their horizontal rules separate rows (a grid row holding several lines of values is several
rows: a sheet printed with a box around its body and none between the rows). The text outside
them is searched for blocks set in columns, whose columns come from the text's alignment.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace
from statistics import median

from ..grid import Grid, find_grids
from ..page import PageContent, Rule, Word
from .bands import widen_bands
from .blocks import Block, find_blocks, labels_periods
from .columns import (
    boundaries,
    column_spans,
    columns_of,
    covered,
    gutters,
    header_spans,
    split_by_columns,
    vertical_cuts,
)
from .figures import data_like, is_value
from .lattice import add_turned, label_columns, lattice_table
from .lines import Line, Phrase, text_lines
from .model import Cell, Table
from .rows import Placed, PlacedLine, Row, group_rows, header_levels, level_cells, separators
from .wrapped import rejoin_wrapped

MIN_COLUMNS = 2
LATTICE_ROWS = 0.6  # share of a grid's rows its rules must divide
MAX_WORDS_PER_CELL = 6  # more in the median cell is prose set in columns
FIGURES_IN_A_ROW = 3  # a lone row of a label and this many figures is a table's row
FENCE_RULES = 3  # rules drawn across one width, end to end, that say how wide a table is


@dataclass
class Columns:
    """Where a block's columns are: a phrase across boundaries its word gaps fall on is split."""

    xs: list[float]
    gutters: list[tuple[float, float]]

    @property
    def n(self) -> int:
        return len(self.xs) - 1

    def place(self, phrase: Phrase) -> list[Placed]:
        return [Placed(p, *columns_of(p, self.xs)) for p in split_by_columns(phrase, self.xs, self.gutters)]


def find_tables(page: PageContent) -> list[Table]:
    words = [w for w in page.words if w.upright and w.text.strip()]
    all_lines = text_lines(words)
    tables: list[Table] = []
    for grid in _lattices(page):
        inside, beside = _parted(words, grid)
        if inside and not _runs_on(grid, inside, beside) and not (page.method == "ocr" and _header_box(grid, inside)):
            table, rest = lattice_table(page.page, grid, inside)
            widen_bands(table, label_columns(table), ruled=True)
            add_turned(table, [w for w in page.words if not w.upright and w.text.strip() and _within(w, grid.bbox)])
            words = beside + rest
            x0, top, x1, _ = grid.bbox
            table.title = _title(all_lines, top, x0, x1)
            tables.append(table)
    lines = text_lines(words) if tables else all_lines
    for block in _fenced_blocks(lines, page):
        boxed = _under_top_rule(block.lines, page.rules)
        top, x0, x1 = boxed[0].top, block.x0, block.x1
        columns = _columns(page, boxed, top, block.bottom, x0, x1)
        found = _table(page, boxed, columns, _title(lines, top, x0, x1)) if columns else None
        if found is not None:
            tables.append(found)
    for table in tables:
        if table.ruled:
            table.frame_cells()  # a ruled cell is its frame; an aligned one is where its words are
    return sorted(tables, key=lambda t: (t.ys[0], t.xs[0]))


def _fenced_blocks(lines: list[Line], page: PageContent) -> Iterator[Block]:
    """The page's blocks, each cut to the width its rules are drawn across: text level with a
    table's rows beyond the ends of its rules (a chart's title and ticks beside it, a sidebar)
    is another thing on the page, read apart."""
    for block in find_blocks(lines, page.width):
        inside, beyond = _fence(block, page.rules)
        if not beyond:
            yield block
            continue
        yield from _fenced_blocks(text_lines(inside), page)
        yield from _fenced_blocks(text_lines(beyond), page)


def _fence(block: Block, rules: list[Rule]) -> tuple[list[Word], list[Word]]:
    """The block's words within the width that FENCE_RULES of its rules or more are drawn across,
    end to end, and the words wholly beyond it. Nothing is beyond where a word runs over an end
    (the rules mark part of the table) or where the rows' labels would be (rules drawn under
    the figures only)."""
    words = [w for ln in block.lines for w in ln.words]
    em = median(w.em for w in words)
    level = [r for r in rules if r.horizontal and block.top - em <= r.top <= block.bottom + em]
    across = [(a, b) for a, b in _ruled_lines(level, em) if b - a > 10 * em]
    fences = [[(c, d) for c, d in across if abs(c - a) <= em and abs(d - b) <= em] for a, b in across]
    fence = max(fences, key=len, default=[])
    if len(fence) < FENCE_RULES:
        return words, []
    x0, x1 = min(a for a, _ in fence), max(b for _, b in fence)
    inside = [w for w in words if x0 <= w.xc <= x1]
    if len(inside) == len(words) or any(w.x0 < x - em / 2 and w.x1 > x + em / 2 for w in words for x in (x0, x1)):
        return words, []
    if not _labelled(text_lines(inside)):
        return words, []
    return inside, [w for w in words if not x0 <= w.xc <= x1]


def _ruled_lines(rules: list[Rule], em: float) -> list[tuple[float, float]]:
    """Where each line of rules runs, end to end: the rules drawn at one height are one line
    (a scan breaks a row's rule where a dark fill crosses it), where they are drawn along most
    of it (DRAWN_SHARE). The tops and bottoms of a scan's dark status columns, wherever a section
    row interrupts them, are short pieces at one height with the columns between them: no line."""
    out: list[tuple[float, list[tuple[float, float]]]] = []
    for r in sorted(rules, key=lambda r: r.top):
        if out and r.top - out[-1][0] <= em / 4:
            out[-1][1].append((r.x0, r.x1))
        else:
            out.append((r.top, [(r.x0, r.x1)]))
    lines = []
    for _, pieces in out:
        a, b = min(p[0] for p in pieces), max(p[1] for p in pieces)
        if b > a and covered(pieces) >= DRAWN_SHARE * (b - a):
            lines.append((a, b))
    return lines


DRAWN_SHARE = 0.5  # of a line of rules' span its pieces must cover


def _labelled(lines: list[Line]) -> bool:
    """Most lines of several phrases open with words: the rows' labels."""
    multi = [ln for ln in lines if len(ln.phrases) > 1]
    return sum(not ln.phrases[0].numeric for ln in multi) * 2 > len(multi)


def _under_top_rule(lines: list[Line], rules: list[Rule]) -> list[Line]:
    """A block's lines from the rule drawn across the top of its table: single lines above that
    rule (a caption set close over the table) are outside it, not a header level."""
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    first = next((k for k, ln in enumerate(lines) if len(ln.phrases) > 1), 0)
    if first == 0:
        return lines
    across = [r for r in rules if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= 0.9 * (x1 - x0)]
    ruled_top = any(lines[first - 1].bottom <= r.top <= lines[first].top for r in across)
    ruled_above = any(lines[0].top - lines[0].em < r.top < lines[first - 1].bottom for r in across)
    if not ruled_top or ruled_above:
        return lines
    return lines[first:]


def _lattices(page: PageContent) -> list[Grid]:
    """Grids whose rules divide most rows into cells: a header band boxed cell by cell over a
    body with rules across it only is a table the text's alignment must divide instead."""
    out = []
    for grid in find_grids(page.rules):
        if grid.n_cols < MIN_COLUMNS:
            continue  # one row is enough: the rest of a table the last page began
        divided = sum(1 for row in grid.matrix if len({id(c) for c in row}) >= 2)
        if divided >= LATTICE_ROWS * grid.n_rows:
            out.append(grid)
    return out


def _header_box(grid: Grid, words: list[Word]) -> bool:
    """A grid of one row holding words, not figures, found in a page image: a header band boxed
    on its own (a dark fill's edges read as rules) over a body its rules do not divide. Its words
    are read with the body, by their alignment; a lone ruled row of figures (the rest of a table a
    page before began) stays a grid, and a text layer's rules are the publisher's."""
    return grid.n_rows == 1 and sum(data_like(w.text) for w in words) * 2 < len(words)


def _parted(words: list[Word], grid: Grid) -> tuple[list[Word], list[Word]]:
    """The words inside the grid, and the rest."""
    inside: list[Word] = []
    beside: list[Word] = []
    box = grid.bbox
    for w in words:
        (inside if _within(w, box) else beside).append(w)
    return inside, beside


def _runs_on(grid: Grid, inside: list[Word], beside: list[Word]) -> bool:
    """The rules box part of a table, not all of it (the text's alignment reads the whole, with
    these rules as its boundaries): text close beside the grid on two of its rows or more, or
    text beside it, however far, on the lines of more than half its rows. A caption or a chart's
    title level with one row is no part of it, nor a chart's ticks that meet a row's line by chance."""
    x0, y0, x1, y1 = grid.bbox
    close, level = set(), set()
    lines = {(bisect(grid.ys, w.yc), round(w.bottom)) for w in inside}
    for w in beside:
        if not (y0 < w.yc < y1):
            continue
        row = bisect(grid.ys, w.yc)
        if (x0 - w.x1 if w.x1 <= x0 else w.x0 - x1) < 3 * w.em:
            close.add(row)
        if any((row, round(w.bottom) + d) in lines for d in (-1, 0, 1)):
            level.add(row)
    return len(close) >= min(2, grid.n_rows) or len(level) * 2 > grid.n_rows


def _within(w: Word, box: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = box
    return x0 <= w.xc <= x1 and y0 <= w.yc <= y1


def _columns(page: PageContent, lines: list[Line], top: float, bottom: float, x0: float, x1: float) -> Columns | None:
    spans = column_spans(lines, page.rules, top, bottom)
    if len(spans) < MIN_COLUMNS:
        return None
    xs = boundaries(spans, vertical_cuts(page.rules, top, bottom), x0, x1, header_spans(lines, spans))
    return Columns(xs, gutters(spans, xs))


def _stub_columns(lines: list[list[Placed]], n: int) -> int:
    """Leading columns whose phrases are mostly words: the labels of the rows. A first column of
    bare whole numbers (and words: its header) before a column of words is the rows' references
    (`101`, `74`), a label too, not a column of figures."""
    texts: list[list[str]] = [[] for _ in range(n)]
    for cells in lines:
        for c in cells:
            if c.c1 - c.c0 == 1:
                texts[c.c0].append(c.phrase.text)

    def words(k: int) -> bool:
        return bool(texts[k]) and sum(map(is_value, texts[k])) * 2 < len(texts[k])

    stub = 1 if n > 2 and _numbered(texts[0]) and words(1) else 0
    while stub < n - 1 and words(stub):
        stub += 1
    return max(stub, 1)


def _holds_values(cells: list[Placed], stub: int) -> bool:
    """A line of a row's values: most of its cells past the labels read as figures (a header
    of years, or of `12 month average`, does not). Phrases in one column are one cell's text:
    a wrapped label's line `18 years old`, its figure set off by a scan's wider word space, is a
    label, not a figure and its note."""
    texts: dict[tuple[int, int], list[str]] = {}
    for c in cells:
        texts.setdefault((c.c0, c.c1), []).append(c.phrase.text)
    data = [" ".join(t) for (c0, _), t in texts.items() if c0 >= stub]
    if len(texts) < 2 or not data:
        return False
    return sum(data_like(t) for t in data) * 2 >= len(data)


def _table(page: PageContent, lines: list[Line], columns: Columns, title: str) -> Table | None:
    placed_cells = [[pc for p in ln.phrases for pc in columns.place(p)] for ln in lines]
    stub = _stub_columns(placed_cells, columns.n)
    placed = [PlacedLine(ln, cells, _holds_values(cells, stub)) for ln, cells in zip(lines, placed_cells, strict=True)]
    seps = separators(page.rules, page.fills, columns.xs[0], columns.xs[-1])
    header, rows = group_rows(placed, seps, stub, page.fills)
    if not _tabular(rows, header):
        return None
    header = [pl for pl in map(_unmarked, header) if pl.cells]
    rejoin_wrapped(header, columns.xs)
    table = _layout(page.page, columns.xs, header_levels(header, seps), rows, title)
    widen_bands(table, stub)
    return table


def _unmarked(pl: PlacedLine) -> PlacedLine:
    """A header line without its marks of no letter or digit: a dash a scan read between a dark
    band's labels names no column, and would cut the band's label short of the columns it spans."""
    return replace(pl, cells=[c for c in pl.cells if any(ch.isalnum() for ch in c.phrase.text)])


def _numbered(texts: list[str]) -> bool:
    """Bare whole numbers of up to four digits, at least as many as the rest, which are no figures
    (the header's words: `Ref` over one row's `74` where the other rows print no reference)."""
    whole = [t for t in texts if t.isdigit() and len(t) <= 4]
    return len(whole) * 2 >= len(texts) and not any(is_value(t) for t in texts if t not in whole)


def _tabular(rows: list[Row], header: list[PlacedLine]) -> bool:
    """Two rows or more of several short cells, or one under a header of periods, or one of a
    label and three figures or more (the last row of a table the page before began): not a
    paragraph whose gaps happen to line up."""
    full = [r for r in rows if len({c.c0 for pl in r.lines for c in pl.cells}) >= 2]
    if len(full) < (1 if any(labels_periods(pl.line) for pl in header) or _figure_row(full) else 2):
        return False
    sizes = sorted(len(c.phrase.words) for r in full for pl in r.lines for c in pl.cells)
    return sizes[len(sizes) // 2] <= MAX_WORDS_PER_CELL


def _figure_row(rows: list[Row]) -> bool:
    cells = [c for r in rows[:1] for pl in r.lines for c in pl.cells]
    figures = sum(is_value(c.phrase.text) for c in cells)
    return len(rows) == 1 and FIGURES_IN_A_ROW <= figures < len(cells)


def _title(lines: list[Line], top: float, x0: float, x1: float) -> str:
    """The nearest line above the table, if close: a caption, or the name of its indicator. A
    scan's word box can reach below the table's top (a heading's box taller than its letters), so
    a line is above it where its middle is."""
    above = [ln for ln in lines if ln.top + ln.bottom <= 2 * top and ln.x1 > x0 and ln.x0 < x1]
    if not above:
        return ""
    ln = above[-1]
    return ln.text if top - ln.bottom < 3 * (ln.bottom - ln.top) else ""


def _layout(page: int, xs: list[float], levels: list[list[PlacedLine]], rows: list[Row], title: str) -> Table:
    cells: list[Cell] = []
    ys: list[float] = []
    for r, level in enumerate(levels):
        ys.append(min(pl.top for pl in level))
        cells += level_cells(r, level, header=True)
    for k, row in enumerate(rows, start=len(levels)):
        ys.append(min(pl.top for pl in row.lines))
        cells += level_cells(k, row.lines, header=False)
    last = rows[-1].lines if rows else levels[-1]
    ys.append(max(pl.bottom for pl in last))
    return Table(page, xs, ys, cells, header_rows=len(levels), title=title)
