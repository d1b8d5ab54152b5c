"""A block's lines grouped into rows, and the lines above the first row into header levels.

A row holds one line of values and the lines of its wrapped labels. Where the page draws the
row boundaries (rules, the edges of zebra fills) they decide; elsewhere a gap wider than the
block's line spacing does. Lines of labels between two lines of values go with the value line
their cell is aligned to: the table's first row shows whether values sit at the top, middle or
bottom of a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..page import Fill, Rule
from .lines import Line, Phrase

SEPARATOR_COVER = 0.5  # a rule or fill edge across this share of the block's width separates rows
GAP_SLACK = 0.2  # em: a gap wider than the block's usual line gap by this much ends a row


@dataclass
class Placed:
    """A phrase in its columns [c0, c1)."""

    phrase: Phrase
    c0: int
    c1: int


@dataclass
class PlacedLine:
    line: Line
    cells: list[Placed]
    value: bool  # holds a value outside the stub columns

    @property
    def top(self) -> float:
        return self.line.top

    @property
    def bottom(self) -> float:
        return self.line.bottom


@dataclass
class Row:
    lines: list[PlacedLine] = field(default_factory=list)

    @property
    def value(self) -> bool:
        return any(pl.value for pl in self.lines)


def separators(rules: list[Rule], fills: list[Fill], x0: float, x1: float) -> list[float]:
    """y of every rule or fill edge that runs across most of the block."""
    width = max(x1 - x0, 1.0)
    ys = []
    for r in rules:
        if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= SEPARATOR_COVER * width:
            ys.append((r.top + r.bottom) / 2)
    for f in fills:
        if min(f.x1, x1) - max(f.x0, x0) >= SEPARATOR_COVER * width:
            ys += [f.top, f.bottom]
    return sorted(ys)


def _between(seps: list[float], a: PlacedLine, b: PlacedLine) -> bool:
    return any(a.bottom - 1 <= y <= b.top + 1 for y in seps)


def _usual_gap(lines: list[PlacedLine]) -> float:
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False))
    return gaps[len(gaps) // 4] if gaps else 0.0


def segments(lines: list[PlacedLine], seps: list[float]) -> list[list[PlacedLine]]:
    """Runs of lines no drawn separator and no wide gap divides."""
    usual = _usual_gap(lines)
    out: list[list[PlacedLine]] = []
    for pl in lines:
        if out:
            prev = out[-1][-1]
            wide = pl.top - prev.bottom > usual + GAP_SLACK * pl.line.em
            if not (_between(seps, prev, pl) or wide):
                out[-1].append(pl)
                continue
        out.append([pl])
    return out


def _alignment(first: list[PlacedLine]) -> str:
    """top, middle or bottom: where the value line sits in the first segment holding one."""
    i = next(k for k, pl in enumerate(first) if pl.value)
    before, after = i, len(first) - 1 - i
    if before and after:
        return "middle"
    return "bottom" if before else "top"


def rows_of(segment: list[PlacedLine], align: str) -> list[Row]:
    """A segment with several value lines: one row each, label lines shared out by alignment."""
    anchors = [i for i, pl in enumerate(segment) if pl.value]
    if len(anchors) <= 1:
        return [Row(list(segment))]
    owner = [0] * len(segment)
    for k, i in enumerate(anchors):
        owner[i] = k
    for i in range(len(segment)):
        if segment[i].value:
            continue
        prev = max((k for k, a in enumerate(anchors) if a < i), default=None)
        nxt = min((k for k, a in enumerate(anchors) if a > i), default=None)
        owner[i] = _share(i, prev, nxt, anchors, align)
    rows = [Row() for _ in anchors]
    for pl, k in zip(segment, owner, strict=True):
        rows[k].lines.append(pl)
    return rows


def _share(i: int, prev: int | None, nxt: int | None, anchors: list[int], align: str) -> int:
    if prev is None:
        return 0 if nxt is None else nxt
    if nxt is None:
        return prev
    if align == "top":
        return prev
    if align == "bottom":
        return nxt
    run_start, run_end = anchors[prev] + 1, anchors[nxt] - 1
    return prev if i - run_start < (run_end - run_start + 1) / 2 else nxt


def group_rows(lines: list[PlacedLine], seps: list[float]) -> tuple[list[PlacedLine], list[Row]]:
    """The header lines (above the first value line's row) and the body rows."""
    segs = segments(lines, seps)
    first = next((k for k, s in enumerate(segs) if any(pl.value for pl in s)), None)
    if first is None:
        return [], [Row(s) for s in segs]
    align = _alignment(segs[first])
    header: list[PlacedLine] = [pl for s in segs[:first] for pl in s]
    if align == "top":
        lead = next(i for i, pl in enumerate(segs[first]) if pl.value)
        header += segs[first][:lead]
        segs[first] = segs[first][lead:]
    rows: list[Row] = []
    for s in segs[first:]:
        rows += rows_of(s, align)
    return header, rows


def header_levels(header: list[PlacedLine], seps: list[float]) -> list[list[PlacedLine]]:
    """Header lines into levels: a line whose cells stack under the previous line's, in the same
    columns, is that cell's text wrapping; a line with a cell spanning others is a level."""
    levels: list[list[PlacedLine]] = []
    for pl in header:
        if levels and not _between(seps, levels[-1][-1], pl) and _wraps_under(levels[-1][-1], pl):
            levels[-1].append(pl)
        else:
            levels.append([pl])
    return levels


def _wraps_under(above: PlacedLine, below: PlacedLine) -> bool:
    spans = {(c.c0, c.c1) for c in above.cells}
    gap = below.top - above.bottom
    return gap < 0.8 * below.line.em and all((c.c0, c.c1) in spans for c in below.cells)
