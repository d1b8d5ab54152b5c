"""A block's lines grouped into rows, and the lines above the first row into header levels.

A row holds one line of values and the lines of its wrapped labels. Where the page draws the
row boundaries (rules, the edges of zebra fills) they decide; elsewhere a gap wider than the
block's line spacing does. Lines of labels between two lines of values go with the value line
their cell is aligned to: the table's first row shows whether values sit at the top, middle or
bottom of a cell. A single label right under a header that already heads every column of
figures, no closer to it than the rows are to each other, is the body's first row (a section
row), whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile
from statistics import median

from ..page import Fill, Rule, Word
from ..periods import parse_period
from .figures import data_like, is_value
from .lines import Line, Phrase
from .model import Cell

SEPARATOR_COVER = 0.5  # a rule or fill edge across this share of the block's width separates rows
GAP_SLACK = 0.2  # em: a gap wider than the block's usual line gap by this much ends a row
DEPTH = 0.22  # em: a descender's depth below the baseline, where no line shows it
ANY_YEAR = 2000  # completes a label that wants only its year (`Aug`) into a period


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
    for y, cover in _rule_cover(rules, x0, x1).items():
        if cover >= SEPARATOR_COVER * width:
            ys.append(y)
    for f in fills:
        if min(f.x1, x1) - max(f.x0, x0) >= SEPARATOR_COVER * width:
            ys += [f.top, f.bottom]
    return sorted(ys)


def _rule_cover(rules: list[Rule], x0: float, x1: float) -> dict[float, float]:
    """How much of the span each horizontal line of rules covers: a rule found in a page image
    comes in pieces where a fill's edge or a glyph touching it broke it, one line all the same."""
    cover: dict[float, float] = {}
    for r in sorted((r for r in rules if r.horizontal), key=lambda r: r.top):
        y = (r.top + r.bottom) / 2
        key = next((k for k in cover if abs(k - y) <= 1.0), y)
        cover[key] = cover.get(key, 0.0) + max(0.0, min(r.x1, x1) - max(r.x0, x0))
    return cover


def _between(seps: list[float], a: PlacedLine, b: PlacedLine) -> bool:
    return any(a.bottom - 1 <= y <= b.top + 1 for y in seps)


def _edge_gap(a: PlacedLine, b: PlacedLine) -> float:
    return b.top - a.bottom


_DESCENDERS = re.compile(r"[gjpqy()\[\]{}|]")
_BELOW = re.compile(r"[gjpqy()\[\]{}|,;]")


@dataclass(frozen=True)
class Ink:
    """How a page image's word boxes stand to the type: a box is as tall as its letters
    (`assessments` a third shorter than `Help`), so its lines are measured in the block's typical
    box height (`em`), and it reaches below the baseline by a descender's depth (`depth`) where
    a letter has one (`statutory`). Both 0 for words that carry their font size (a text layer's
    boxes share the font's ascent and descent)."""

    em: float = 0.0
    depth: float = 0.0

    @classmethod
    def of(cls, lines: list[PlacedLine]) -> Ink:
        heights = [w.bottom - w.top for pl in lines for w in pl.line.words if not w.size]
        if not heights:
            return cls()
        em = median(heights)
        depths = []
        for pl in lines:
            low = [w.bottom for w in pl.line.words if not w.size and _DESCENDERS.search(w.text)]
            plain = [w.bottom for w in pl.line.words if not w.size and not _BELOW.search(w.text)]
            if low and plain:
                depths.append(median(low) - median(plain))
        return cls(em, median(depths) if depths else DEPTH * em)

    def baseline(self, line: Line) -> float:
        """Where most of the line's words stand: the words that end on it, else those that end a
        descender below it, else all (a comma reaches below by less than a descender)."""
        if self.em <= 0 or any(w.size for w in line.words):
            return median(w.bottom for w in line.words)
        plain = [w.bottom for w in line.words if not _BELOW.search(w.text)]
        low = [w.bottom - self.depth for w in line.words if _DESCENDERS.search(w.text)]
        return median(plain or low or [w.bottom for w in line.words])

    def size(self, line: Line) -> float:
        return line.em if self.em <= 0 or any(w.size for w in line.words) else self.em


def _base_gap(a: PlacedLine, b: PlacedLine, ink: Ink) -> float:
    """From baseline to baseline, less `b`'s size."""
    return ink.baseline(b.line) - ink.baseline(a.line) - ink.size(b.line)


def _usual(lines: list[PlacedLine], gap: Callable[[PlacedLine, PlacedLine], float]) -> float:
    """The gap between the lines of one cell: the narrowest between successive lines, or less
    where lines often overlap (a figure set in the middle of its label's lines)."""
    gaps = sorted(gap(a, b) for a, b in zip(lines, lines[1:], strict=False))
    if not gaps:
        return 0.0
    return min(gaps[len(gaps) // 4], min((g for g in gaps if g >= 0), default=0.0))


@dataclass(frozen=True)
class Gaps:
    """The block's usual gap between the lines of one cell, edge to edge and baseline to
    baseline. A page image's words are boxes round their ink: one descender (`p`) or capital
    reaches a line's edge into the gap, which then says more of the letters than of the
    spacing, while the baseline (`Ink`) stands where it does whatever the letters. A gap is wide
    only where both measures find it wider than usual.

    A scan's baselines still wander by a pixel or two, as much as the slack a text layer needs;
    there a baseline gap is wide where it is nearer the rows' spacing (two lines of figures one
    under the other) than the lines' (`rows`; 0 where no two lines of figures follow)."""

    edge: float
    base: float
    ink: Ink = Ink()
    rows: float = 0.0

    @classmethod
    def of(cls, lines: list[PlacedLine]) -> Gaps:
        ink = Ink.of(lines)
        base = _usual(lines, lambda a, b: _base_gap(a, b, ink))
        rows = [_base_gap(a, b, ink) for a, b in zip(lines, lines[1:], strict=False) if a.value and b.value]
        return cls(_usual(lines, _edge_gap), base, ink, median(rows) if rows and ink.em else 0.0)

    def wide(self, a: PlacedLine, b: PlacedLine) -> bool:
        slack = GAP_SLACK * self.ink.size(b.line)
        cut = self.base + slack
        if self.rows > cut:
            cut = (self.base + self.rows) / 2
        return _edge_gap(a, b) > self.edge + slack and _base_gap(a, b, self.ink) > cut


def segments(lines: list[PlacedLine], seps: list[float], gaps: bool = True) -> list[list[PlacedLine]]:
    """Runs of lines no drawn separator (and, with `gaps`, no wide gap) divides."""
    usual = Gaps.of(lines) if gaps else None
    out: list[list[PlacedLine]] = []
    for pl in lines:
        if out:
            prev = out[-1][-1]
            wide = usual is not None and usual.wide(prev, pl)
            if not (_between(seps, prev, pl) or wide):
                out[-1].append(pl)
                continue
        out.append([pl])
    return out


def _alignment(segs: list[list[PlacedLine]]) -> str:
    """top, middle or bottom: where the value line sits in the rows that show it (a segment of
    one value line and label lines around it); top where none does."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for seg in segs:
        anchors = [i for i, pl in enumerate(seg) if pl.value]
        if len(anchors) != 1 or len(seg) < 2:
            continue
        before, after = anchors[0], len(seg) - 1 - anchors[0]
        votes["middle" if before and after else "bottom" if before else "top"] += 1
    return max(votes, key=lambda k: (votes[k], k == "top"))


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


def _in_band(fills: list[Fill], a: PlacedLine, b: PlacedLine) -> bool:
    """Both lines inside one filled band (a header printed on a coloured band)."""
    for f in fills:
        if f.top - 1 <= a.top and b.bottom <= f.bottom + 1 and min(f.x1, a.line.x1) > max(f.x0, a.line.x0):
            return True
    return False


def _header_end(lines: list[PlacedLine], stub: int, seps: list[float], fills: list[Fill], spacing: Spacing) -> int:
    """How many lines the header takes: up to the last line above the first value line that
    holds text outside the label columns (a label line alone above a value line is a wrapped
    name; a header names the value columns), and never past a section heading (`_body_start`)."""
    first = next((i for i, pl in enumerate(lines) if pl.value and not _numbers_over_names(lines, i, stub)), None)
    if first is None:
        return 0
    usual = Gaps.of(lines)
    first = _body_start(lines, first, spacing, seps, usual)
    named = [i for i in range(first) if any(c.c1 > stub for c in lines[i].cells)]
    if not named:
        return 0
    end = named[-1] + 1
    while end < first and not _set_off(lines[end - 1], lines[end], seps, usual):
        end += 1  # a header cell's text wrapping onto the next line (`LA` / `code`)
    while end < len(lines) and (
        _in_band(fills, lines[end - 1], lines[end])
        or _completes(lines[:end], lines[end])
        or _wraps_on(lines[end - 1], lines[end], stub, seps, usual)
        or _noted_wrap(lines[end - 1], lines[end], stub, seps, usual)
    ):
        end += 1  # the header's next line, figures or not (`Nov` over `18`)
    return end


def _numbers_over_names(lines: list[PlacedLine], i: int, stub: int) -> bool:
    """Bare whole numbers alone over the value columns, no label, right above a line of words
    heading them: the columns' references (`101`, `10` over their indicators' names in a
    transposed table), a level of the header. A row has a label; a year under a month has no
    words under it."""
    pl, below = lines[i], lines[i + 1] if i + 1 < len(lines) else None
    return (
        below is not None
        and not below.value
        and any(c.c1 > stub for c in below.cells)
        and all(c.c0 >= stub and c.phrase.text.isdigit() and len(c.phrase.text) <= 4 for c in pl.cells)
    )


def _wraps_on(prev: PlacedLine, pl: PlacedLine, stub: int, seps: list[float], usual: Gaps) -> bool:
    """Words alone over value columns right under a header that ended in a line of figures
    (`16` under `Feb`): header cells wrapping on (`Change on last` / `year`), not a row, which
    has a label."""
    return not pl.value and all(c.c0 >= stub for c in pl.cells) and not _set_off(prev, pl, seps, usual)


def _noted_wrap(prev: PlacedLine, pl: PlacedLine, stub: int, seps: list[float], usual: Gaps) -> bool:
    """A line read as figures that holds no label and no figure alone, only numbers among words
    (`45 working` / `45 working` / `started`), set close under the header: the names of the
    columns wrapping on (`completed in 45 working days`), not a row. A row has a label, or
    figures of its own."""
    return (
        pl.value
        and all(c.c0 >= stub for c in pl.cells)
        and not any(is_value(c.phrase.text) for c in pl.cells)
        and not _set_off(prev, pl, seps, usual)
    )


def _body_start(lines: list[PlacedLine], first: int, spacing: Spacing, seps: list[float], usual: Gaps) -> int:
    """Where the body begins above its first value line `first`: at a section heading, a line of
    labels alone that a rule or a gap sets off from a line naming value columns, or a single
    label under lines that already head every column of figures (`Spacing.opens_body`)."""
    stub = spacing.stub
    for i in range(1, first):
        prev, pl = lines[i - 1], lines[i]
        labels = all(c.c1 <= stub for c in pl.cells) and any(c.c1 > stub for c in prev.cells)
        if (labels and _set_off(prev, pl, seps, usual)) or spacing.opens_body(lines, i):
            return i
    return first


@dataclass
class Spacing:
    """What tells a section row from the next line of a header, or of a wrapped name, where no
    rule or wider gap sets it off: the columns the body's figures stand in, and the gap between
    two rows of figures (a cell's wrapped line is set a line's leading below, closer than rows)."""

    stub: int  # the label columns
    value_columns: set[int]
    row_gap: float | None  # None: no two rows of figures follow each other to show it

    @classmethod
    def of(cls, lines: list[PlacedLine], stub: int) -> Spacing:
        return cls(stub, _value_columns(lines, stub), _row_gap(lines))

    def apart(self, a: PlacedLine, b: PlacedLine) -> bool:
        """`b` no closer under `a` than the body's rows are to each other."""
        return self.row_gap is not None and b.top - a.bottom >= self.row_gap - GAP_SLACK * b.line.em

    def opens_body(self, lines: list[PlacedLine], i: int) -> bool:
        """A single label, no figure, where rows' labels stand (alone in a label column, or
        spanning from one), under lines that already head every column of figures, set apart
        from them as rows are (or running on over the figures' columns, which no header cell
        of the labels does), and followed down to the first line of figures by row labels only:
        a section row, whatever it says. A lone label over a column of figures is the next
        line of that column's header (`12-month` / `avg`); one followed by a line naming
        columns ends a caption over the header."""
        if not 0 < i < len(lines) or lines[i].value or not self._lone_label(lines[i]) or not self.value_columns:
            return False
        headed = {k for line in lines[:i] for c in line.cells for k in range(c.c0, c.c1)}
        below = takewhile(lambda line: not line.value, lines[i + 1 :])
        body = all(c.c1 <= self.stub for line in below for c in line.cells)
        spans = lines[i].cells[0].c1 > min(self.value_columns)
        return self.value_columns <= headed and body and (spans or self.apart(lines[i - 1], lines[i]))

    def own_row(self, lines: list[PlacedLine], i: int) -> bool:
        """The section row at `i` set apart as rows are from the line below too: a row of its
        own, not the first line of the next row's wrapped name."""
        return self.opens_body(lines, i) and i + 1 < len(lines) and self.apart(lines[i], lines[i + 1])

    def _lone_label(self, pl: PlacedLine) -> bool:
        return len(pl.cells) == 1 and pl.cells[0].c0 < self.stub and not data_like(pl.cells[0].phrase.text)


def _value_columns(lines: list[PlacedLine], stub: int) -> set[int]:
    """The columns past the labels where the value lines hold figures."""
    return {c.c0 for pl in lines if pl.value for c in pl.cells if c.c0 >= stub and data_like(c.phrase.text)}


def _row_gap(lines: list[PlacedLine]) -> float | None:
    """The usual gap between one line of figures and the next right under it: the rows' spacing."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if a.value and b.value]
    return median(gaps) if gaps else None


def _completes(header: list[PlacedLine], line: PlacedLine) -> bool:
    """A line that finishes the period labels above it (`Aug` over `16`): header, not figures.
    The periods it completes run one way in time, as a header's do; figures under `Apr May Jun`
    (`73 74 62`) read as years too, but in no order. And it completes most of the labels above
    it that want a year: a row's figures under six months complete two of them at most where
    the rest are no years (`Jul` over `81`, `Nov` over `90`, but `Jun` over `125`)."""
    above: dict[int, str] = {}
    for pl in header:
        for c in pl.cells:
            above[c.c0] = f"{above.get(c.c0, '')} {c.phrase.text}".strip()
    done, wanting = [], 0
    for c in line.cells:
        text = above.get(c.c0, "")
        if not text or parse_period(text):
            continue
        wanting += parse_period(f"{text} {ANY_YEAR}") is not None
        if period := parse_period(f"{text} {c.phrase.text}"):
            done.append(period)
    runs = done == sorted(set(done)) or done == sorted(set(done), reverse=True)
    return len(done) >= 2 and len(done) * 2 > wanting and runs


def _set_off(prev: PlacedLine, pl: PlacedLine, seps: list[float], usual: Gaps) -> bool:
    return _between(seps, prev, pl) or usual.wide(prev, pl)


def group_rows(
    lines: list[PlacedLine], seps: list[float], stub: int, fills: list[Fill]
) -> tuple[list[PlacedLine], list[Row]]:
    """The header lines and the body rows."""
    spacing = Spacing.of(lines, stub)
    end = _header_end(lines, stub, seps, fills, spacing)
    lead = end + 1 if end < len(lines) and spacing.own_row(lines, end) else end
    body = lines[lead:]
    segs = ([lines[end:lead]] if lead > end else []) + segments(body, seps, gaps=not _rows_drawn(body, seps))
    align = _alignment(segs)
    rows: list[Row] = []
    for s in segs:
        rows += rows_of(s, align)
    return lines[:end], rows


def _rows_drawn(lines: list[PlacedLine], seps: list[float]) -> bool:
    """Whether a rule or fill edge divides every two successive lines of figures: the page draws
    its rows, and the gaps between lines (which in a page image vary with the ink of each line,
    a descender against the next line's capitals) have nothing to add."""
    values = [pl for pl in lines if pl.value]
    pairs = list(zip(values, values[1:], strict=False))
    return bool(pairs) and all(_between(seps, a, b) for a, b in pairs)


def header_levels(header: list[PlacedLine], seps: list[float]) -> list[list[PlacedLine]]:
    """Header lines into levels. Lines between the same separators are one level, each column's
    lines stacked into one cell (a header wrapped over lines, or set in the middle of a tall
    band), except a band: a line above the segment's fullest line whose cells each stand over
    cells of that line (`2016` over `Jun` ... `Dec`, `April 2023` over `Offences` ...), or
    span columns other lines divide. A band is a level of its own, above."""
    levels: list[list[PlacedLine]] = []
    for seg in segments(header, seps, gaps=False):
        bands = [pl for pl in seg if _is_band(pl, seg)]
        rest = [pl for pl in seg if pl not in bands]
        levels += _wrapped_bands(bands) + ([rest] if rest else [])
    return levels


def _wrapped_bands(bands: list[PlacedLine]) -> list[list[PlacedLine]]:
    """Band lines stacked into levels: a line set close under a band, each of its cells inside a
    different cell of the band's first line, is that band's title wrapped (a scan's centred lines
    are narrower than the columns they head); a line dividing a cell above is a level below."""
    levels: list[list[PlacedLine]] = []
    for pl in bands:
        if levels and _wraps(levels[-1], pl):
            levels[-1].append(pl)
        else:
            levels.append([pl])
    return levels


def _wraps(level: list[PlacedLine], pl: PlacedLine) -> bool:
    above = level[-1]
    if pl.top - above.bottom > above.line.em:
        return False
    holders = [next((k for k, c in enumerate(level[0].cells) if c.c0 <= p.c0 and p.c1 <= c.c1), -1) for p in pl.cells]
    return -1 not in holders and len(set(holders)) == len(holders)


def _is_band(pl: PlacedLine, seg: list[PlacedLine]) -> bool:
    divided = {c.c0 for other in seg for c in other.cells if c.c1 - c.c0 == 1}
    if any(c.c1 - c.c0 > 1 and divided & set(range(c.c0, c.c1)) for c in pl.cells):
        return True
    base = max(seg, key=lambda other: len(other.cells))
    if base is pl or pl.bottom > base.top or len(pl.cells) * 2 > len(base.cells):
        return False
    if any(other is not pl and other.top < pl.bottom and other.bottom > pl.top for other in seg):
        return False  # beside another column's lines: the first line of a label wrapped in its cell
    under = {k for c in base.cells for k in range(c.c0, c.c1)}
    return all(c.c0 in under for c in pl.cells)


def level_cells(r: int, lines: list[PlacedLine], header: bool) -> list[Cell]:
    """One cell per column span: the phrases of these lines in it, top to bottom. In a header, a
    line's phrase within the span of a wider one above it is that cell's text wrapped (a line
    spanning columns that other lines divide is a band, a level of its own: `header_levels`)."""
    by_span: dict[tuple[int, int], list[Word]] = {}
    for pl in lines:
        for c in pl.cells:
            span = _wrapped_into(by_span, c.c0, c.c1) if header else (c.c0, c.c1)
            by_span.setdefault(span, []).extend(c.phrase.words)
    out = [Cell(r, c0, words, 1, c1 - c0, header) for (c0, c1), words in sorted(by_span.items())]
    return _no_overlaps(out)


def _wrapped_into(spans: dict[tuple[int, int], list[Word]], c0: int, c1: int) -> tuple[int, int]:
    wider = [(a, b) for a, b in spans if a <= c0 and c1 <= b and b - a > c1 - c0]
    return min(wider, key=lambda s: s[1] - s[0]) if wider else (c0, c1)


def _no_overlaps(cells: list[Cell]) -> list[Cell]:
    """A phrase spanning columns another cell of the row holds (a label run into its
    neighbour) is cut back to the columns nobody else holds."""
    taken: dict[int, Cell] = {}
    out = []
    for cell in sorted(cells, key=lambda c: c.colspan):
        free = [k for k in range(cell.col, cell.col + cell.colspan) if k not in taken]
        if not free:
            taken[cell.col].words += cell.words
            continue
        cell.col, cell.colspan = free[0], free[-1] - free[0] + 1
        for k in range(cell.col, cell.col + cell.colspan):
            taken[k] = cell
        out.append(cell)
    return sorted(out, key=lambda c: c.col)
