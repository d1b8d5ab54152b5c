"""Ruled tables: ruling lines -> grids of cells, merged cells included.

Office suites draw every cell border as its own short line, so we first join collinear pieces,
then group lines that touch into tables, and finally decide for every pair of neighbouring grid
slots whether a line separates them (if not, they are one merged cell).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .page import Rule, Word

SNAP = 1.6  # points: lines this close are the same line (borders are ~0.5-1 pt wide)
JOIN = 2.5  # points: gap bridged when joining collinear pieces
DOUBLE = 2.5  # points: lines this close are one border drawn twice (a total's double rule; a scan)


@dataclass
class Cell:
    row0: int
    row1: int  # exclusive
    col0: int
    col1: int  # exclusive
    x0: float
    top: float
    x1: float
    bottom: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return cell_text(self.words)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass
class Grid:
    xs: list[float]
    ys: list[float]
    cells: list[Cell]
    matrix: list[list[Cell]]  # matrix[row][col] -> the cell covering that slot

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


def cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order, wrapped lines joined by a space."""
    if not words:
        return ""
    upright = [w for w in words if w.upright]
    rotated = [w for w in words if not w.upright]
    parts = []
    if upright:
        parts.append(_join(reading_order(upright)))
    if rotated:
        btt, ttb = turned_order(rotated)
        parts += [_join(run) for run in (btt, ttb) if run]
    return " ".join(parts)


def turned_order(rotated: list[Word]) -> tuple[list[Word], list[Word]]:
    """Words printed at 90 degrees in reading order: those read bottom to top, then top to bottom."""
    btt = [w for w in rotated if w.direction == "btt"]
    ttb = [w for w in rotated if w.direction != "btt"]
    return sorted(btt, key=lambda w: (round(w.x0 / 3), -w.bottom)), sorted(ttb, key=lambda w: (-round(w.x1 / 3), w.top))


def _join(words: list[Word]) -> str:
    out = []
    for i, w in enumerate(words):
        out.append(w.text)
        if i + 1 < len(words) and w.space_after:
            out.append(" ")
    return "".join(out)


def reading_order(words: list[Word]) -> list[Word]:
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[list[Word]] = []
    for w in ordered:
        if lines and abs(lines[-1][0].yc - w.yc) <= max(2.0, 0.45 * (w.bottom - w.top)):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [w for line in lines for w in sorted(line, key=lambda w: w.x0)]


def _cluster(values: list[float], tol: float = SNAP) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _join_segments(segs: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Join collinear (pos, start, end) pieces that overlap or nearly touch.

    Pieces are grouped by position first (a chain of positions each within SNAP of the last),
    then joined in order of their start: rounding positions to SNAP buckets instead put two
    pieces of one rule at 328.7 and 328.8 pt in different buckets, and the later bucket's piece
    (a header band's border above the body's rule) was swallowed without extending the rule."""
    out: list[list[float]] = []
    group: list[tuple[float, float, float]] = []
    for seg in sorted(segs) + [(float("inf"), 0.0, 0.0)]:
        if group and seg[0] - group[-1][0] > SNAP:
            start = len(out)
            for pos, a, b in sorted(group, key=lambda s: s[1]):
                if len(out) > start and a <= out[-1][2] + JOIN:
                    out[-1][2] = max(out[-1][2], b)
                else:
                    out.append([pos, a, b])
            group = []
        group.append(seg)
    return [(s[0], s[1], s[2]) for s in out]


def _split(rules: list[Rule]) -> tuple[list, list]:
    hs, vs = [], []
    for r in rules:
        if r.horizontal:
            if r.x1 - r.x0 >= 2:
                hs.append(((r.top + r.bottom) / 2, r.x0, r.x1))
        elif r.bottom - r.top >= 2:
            vs.append(((r.x0 + r.x1) / 2, r.top, r.bottom))
    return _join_segments(hs), _join_segments(vs)


def _components(hs: list, vs: list) -> list[tuple[list, list]]:
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_x = sorted(range(len(vs)), key=lambda j: vs[j][0])  # a line meets only the verticals within its span
    xs = [vs[j][0] for j in by_x]
    for i, (y, hx0, hx1) in enumerate(hs):
        for j in by_x[bisect.bisect_left(xs, hx0 - JOIN) : bisect.bisect_right(xs, hx1 + JOIN)]:
            _, vy0, vy1 = vs[j]
            if vy0 - JOIN <= y <= vy1 + JOIN:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


COVERED = 0.6  # of a slot's side: a rule running along this much of it parts the slot from the next
BROKEN = 0.35  # ... or this much, from both its ends: a scan lost the rule's middle beside text


def _covers(segs: list, a: float, b: float) -> bool:
    """Do the segments (all at one line's position) run along most of [a, b], or from both its
    ends along a good part of it? A faint rule's ink thins to nothing under the letters of the
    line it runs beside (the threshold is taken from the dark text around it), so a scanned row
    border can keep only its two ends in a wide name column; a merged cell's side has no rule,
    or only the stubs of its neighbours' rules that overshoot a border."""
    pieces = [(max(a, s0), min(b, s1)) for _, s0, s1 in segs if min(b, s1) > max(a, s0)]
    covered = sum(y - x for x, y in pieces)
    if covered >= (b - a) * COVERED:
        return True
    stub = 0.1 * (b - a)
    ends = any(x <= a + SNAP and y - x >= stub for x, y in pieces) and any(
        y >= b - SNAP and y - x >= stub for x, y in pieces
    )
    return ends and covered >= (b - a) * BROKEN


def _at(segs: list, pos: float) -> list:
    return [s for s in segs if abs(s[0] - pos) <= SNAP]


def find_grids(rules: list[Rule], *, min_rows: int = 1, min_cols: int = 2) -> list[Grid]:
    hs, vs = _split(rules)
    grids = []
    for ch, cv in _components(hs, vs):
        if len(ch) < 2 or len(cv) < 2:
            continue
        ys = _cluster([h[0] for h in ch], DOUBLE)
        xs = _cluster([v[0] for v in cv], DOUBLE)
        if len(ys) - 1 < min_rows or len(xs) - 1 < min_cols:
            continue
        grids.append(_build(xs, ys, ch + _floating(hs, ch, ys, xs), cv + _floating(vs, cv, xs, ys)))
    grids.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return grids


def _floating(segs: list, own: list, at: list[float], across: list[float]) -> list:
    """Pieces of a grid's lines that touch no line across them (a scanned rule's middle, its
    ends lost beside text): they lie on one of the grid's lines, within its span."""
    held = set(own)
    return [
        s
        for s in segs
        if s not in held
        and any(abs(s[0] - p) <= SNAP for p in at)
        and across[0] - JOIN <= s[1]
        and s[2] <= across[-1] + JOIN
    ]


class _Slots:
    """Union-find over a grid's slots: slots with no rule between them are one cell."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merged_slots(xs: list[float], ys: list[float], hs: list, vs: list) -> _Slots:
    nr, nc = len(ys) - 1, len(xs) - 1
    slots = _Slots(nr * nc)
    verticals = [_at(vs, x) for x in xs[1:-1]]
    horizontals = [_at(hs, y) for y in ys[1:-1]]
    for r in range(nr):
        for c in range(nc - 1):
            if not _covers(verticals[c], ys[r], ys[r + 1]):
                slots.union(r * nc + c, r * nc + c + 1)
    for r in range(nr - 1):
        for c in range(nc):
            if not _covers(horizontals[r], xs[c], xs[c + 1]):
                slots.union(r * nc + c, (r + 1) * nc + c)
    return slots


def _build(xs: list[float], ys: list[float], hs: list, vs: list) -> Grid:
    nr, nc = len(ys) - 1, len(xs) - 1
    cells: list[Cell] = []
    matrix: list[list[Cell]] = [[None] * nc for _ in range(nr)]  # type: ignore[list-item]
    for r0, r1, c0, c1 in _spans(_merged_slots(xs, ys, hs, vs), nr, nc):
        cell = Cell(r0, r1, c0, c1, xs[c0], ys[r0], xs[c1], ys[r1])
        cells.append(cell)
        for r in range(r0, r1):
            for c in range(c0, c1):
                matrix[r][c] = cell
    return Grid(xs, ys, cells, matrix)


def _spans(slots: _Slots, nr: int, nc: int) -> list[tuple[int, int, int, int]]:
    """Each merged cell's rows and columns. Slots joined into a shape no cell has (an L, where a
    scan lost a rule or two: a header cell open at its foot into a band running the table's
    width) are no one cell; each row's run of them is one, or the bounding box would lay a cell
    over its neighbours and read their words twice."""
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            members.setdefault(slots.find(r * nc + c), []).append((r, c))
    out = []
    for held in members.values():
        rows, cols = [r for r, _ in held], [c for _, c in held]
        r0, r1, c0, c1 = min(rows), max(rows) + 1, min(cols), max(cols) + 1
        if len(held) == (r1 - r0) * (c1 - c0):
            out.append((r0, r1, c0, c1))
            continue
        for r in range(r0, r1):
            out += [(r, r + 1, a, b) for a, b in _runs(sorted(c for rr, c in held if rr == r))]
    return sorted(out)


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for c in cols:
        if out and c == out[-1][1]:
            out[-1][1] = c + 1
        else:
            out.append([c, c + 1])
    return [(a, b) for a, b in out]


def assign_words(grid: Grid, words: list[Word]) -> list[Word]:
    """Put each word into the cell under its centre; return the words outside the grid."""
    outside = []
    x0, y0, x1, y1 = grid.bbox
    for w in words:
        cx, cy = w.xc, w.yc
        slack = 0.4 * (w.bottom - w.top)
        if not (x0 <= cx <= x1 and y0 <= cy <= y1) or w.top < y0 - slack or w.bottom > y1 + slack:
            outside.append(w)
            continue
        c = min(max(bisect.bisect_right(grid.xs, cx) - 1, 0), grid.n_cols - 1)
        r = min(max(bisect.bisect_right(grid.ys, cy) - 1, 0), grid.n_rows - 1)
        grid.matrix[r][c].words.append(w)
    return outside + _drop_crossing_lines(grid)


def _drop_crossing_lines(grid: Grid) -> list[Word]:
    """A line of text in another size, printed across three or more cells that hold text of
    their own (a page header laid over the table's header row), is no cell's content: a
    spreadsheet clips or wraps a cell's text at its border, and overflows only into empty cells.
    (Wrapped headers side by side, `Target 17-` `Target 18-`, run on like one line but share
    their cells' size.)"""
    dropped: list[Word] = []
    for r in range(grid.n_rows):
        row_cells = {id(c): c for c in grid.matrix[r]}.values()
        words = sorted(((w, cell) for cell in row_cells for w in cell.words), key=lambda p: (round(p[0].top), p[0].x0))
        line: list[tuple[Word, Cell]] = []
        ends: list[tuple[Word, Cell] | None] = [*words, None]
        for pair in ends:
            w = pair[0] if pair is not None else None
            prev = line[-1][0] if line else None
            if (
                prev is not None
                and w is not None
                and abs(w.top - prev.top) < 1
                and 0 <= w.x0 - prev.x1 < 0.8 * (w.bottom - w.top)
                and pair is not None
            ):
                line.append(pair)
                continue
            cells = {id(c): c for _, c in line}.values()
            ids = {id(v) for v, _ in line}
            own = [x for c in cells for x in c.words if id(x) not in ids]
            size = line[0][0].bottom - line[0][0].top if line else 0
            if (
                len(cells) >= 3
                and all(any(id(x) not in ids for x in c.words) for c in cells)
                and all(abs((x.bottom - x.top) - size) > 0.05 * size for x in own)
            ):
                for c in cells:
                    c.words[:] = [x for x in c.words if id(x) not in ids]
                dropped += [v for v, _ in line]
            line = [pair] if pair is not None else []
    return dropped
