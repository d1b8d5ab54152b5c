"""Where on a page the tables are: runs of lines whose text is set in columns.

A line of a table has two or more phrases (its cells, apart by more than a word space) whose
gutters line up with the gutters of the lines around it; a run of such lines, close together,
with the single-phrase lines between them (a wrapped name, a section heading), is a table's
block. Justified prose has wide gaps too, but where they fall is chance: they line up with no
neighbour's. A paragraph of prose, a wide vertical gap or a line of another size ends a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from ..periods import month_name, period_label
from .figures import data_like, is_value
from .lines import CAP, Line, type_size

MAX_GAP = 2.2  # line heights (box or type size, the larger): a wider vertical gap ends a block
SIZED = 3  # characters: an OCR line of fewer says nothing of its type size
HEADER_GAP = 4.0  # line heights: the widest gap under a header of periods over the block's figures
MIN_TABULAR = 2  # lines of two or more phrases a block needs
PROSE_SHARE = 0.6  # a single phrase wider than this share of the block, and long, is prose


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    aligned: list[bool] = field(default_factory=list)
    unsized: set[int] = field(default_factory=set)  # lines whose type size is no evidence

    @property
    def tabular(self) -> int:
        return sum(self.aligned)

    def add(self, line: Line, aligned: bool, sized: bool = True) -> None:
        if not sized:
            self.unsized.add(len(self.lines))
        self.lines.append(line)
        self.aligned.append(aligned)

    def last_sized(self) -> Line:
        return next(ln for k, ln in reversed(list(enumerate(self.lines))) if k not in self.unsized)


def _gutters(line: Line) -> list[tuple[float, float]]:
    return [(a.x1, b.x0) for a, b in zip(line.phrases, line.phrases[1:], strict=False)]


def _lined_up(a: Line, b: Line) -> bool:
    return any(min(g1, h1) > max(g0, h0) for g0, g1 in _gutters(a) for h0, h1 in _gutters(b))


def columnar(lines: list[Line], reach: int = 2, window: float = 20.0) -> list[bool]:
    """Lines of two phrases or more whose gutters line up with one of the `reach` nearest such
    lines above or below, within `window` ems (a row's long commentary may stand between)."""
    multi = [i for i, ln in enumerate(lines) if len(ln.phrases) >= 2]
    out = [False] * len(lines)
    for k, i in enumerate(multi):
        ln = lines[i]
        near = [lines[j] for j in multi[max(0, k - reach) : k] + multi[k + 1 : k + 1 + reach]]
        out[i] = any(abs(n.top - ln.top) <= window * ln.em and _lined_up(ln, n) for n in near)
    return out


def _is_prose(line: Line, width: float) -> bool:
    """A long, wide line, unless it is a row of figures: a row whose gutters line up with no
    neighbour's (its label split by an OCR word gap, wrapped labels all around) is still a row."""
    words = sum(len(p.words) for p in line.phrases)
    return (line.x1 - line.x0) > PROSE_SHARE * width and words >= 8 and not _figures(line)


def _continues(block: Block, line: Line, aligned: bool, page_width: float) -> bool:
    prev = block.lines[-1]
    height = max(prev.bottom - prev.top, line.bottom - line.top, _size(prev), _size(line))
    if line.top - prev.bottom > (HEADER_GAP if _heads(prev, line) or _next_row(block, line) else MAX_GAP) * height:
        return False
    if not aligned and _is_prose(line, max(block.x1 - block.x0, 0.5 * page_width)):
        return False
    if _band_over(prev, line):
        return True  # a dark band's labels read taller than they are printed
    size, before = _size(line), _size(block.last_sized())
    if not size and not _lettered(line):
        return False  # a band's edge read as dashes: skipped, not taken into the block
    return not size or not before or 0.6 <= size / before <= 1.67


def _next_row(block: Block, line: Line) -> bool:
    """A row of figures whose gutters line up with the block's last row's: the table goes on past
    a wider gap (a wrapped label's last line OCR did not read)."""
    rows = [ln for ln, a in zip(block.lines, block.aligned, strict=True) if a and _figures(ln)]
    return bool(rows) and _figures(line) and _lined_up(rows[-1], line)


def _size(line: Line) -> float:
    """The line's type size, 0 where its words cannot tell it: a page image's word box is as
    tall as its glyphs (`(2020/21` with its parenthesis, a speck read as `ov`), so an OCR line is
    sized by its words of capitals and digits (`type_size`), and one with none is no evidence
    that the block's type changed; nor is a speck read as a glyph or two (`4` under a band)."""
    if all(w.size for w in line.words):
        return line.em
    return type_size(line.words) if sum(len(w.text) for w in line.words) >= SIZED else 0.0


def _heads(header: Line, line: Line) -> bool:
    """Whether a header of periods stands over this line's figures, most labels over one: a
    header band set off from the body by padding wider than the body's own line spacing."""
    if not labels_periods(header):
        return False
    labels = [p for p in header.phrases if period_label(p.text)]
    values = [p for p in line.phrases if is_value(p.text)]
    over = sum(any(v.x0 < p.x1 and p.x0 < v.x1 for v in values) for p in labels)
    return over * 2 > len(labels)


def labels_periods(line: Line) -> bool:
    """A header of periods: three phrases or more that name a month, a quarter or a year."""
    return sum(1 for p in line.phrases if period_label(p.text)) >= 3


def _new_table(block: Block, line: Line) -> bool:
    """A header of periods over the columns of figures above it starts another table (several on
    a page, each with its own columns and perhaps a heading of its own between); period labels
    beside them (a chart's axis) do not."""
    if not labels_periods(line):
        return False
    values = [p for ln in block.lines if _figures(ln) for p in ln.phrases if is_value(p.text)]
    if not values:
        return False
    x0, x1 = min(p.x0 for p in values), max(p.x1 for p in values)
    labels = [p for p in line.phrases if period_label(p.text)]
    return sum(p.x1 > x0 and p.x0 < x1 for p in labels) * 2 > len(labels)


REPEAT_SHARE = 2 / 3  # of a line's words the block's header printed: a header printed again


def _repeats_header(block: Block, line: Line) -> bool:
    """A line of several phrases, no row of figures, most of whose words (two at least) the
    block's header printed above its first row of figures: the next table's header (a page of
    several tables under one style, `Ref  Indicator` over each), whose periods a scan may split
    or lose, so that it names too few for a header of periods. A wrapped label's line holds no
    header's words."""
    if len(line.phrases) < 2 or _figures(line) or _valued(line):
        return False
    first = next((k for k, ln in enumerate(block.lines) if _valued(ln)), None)
    if not first:
        return False
    said = {t for ln in block.lines[:first] for t in _words(ln)}
    mine = _words(line)
    shared = [t for t in mine if t in said]
    return len(shared) >= 2 and len(shared) >= REPEAT_SHARE * len(mine)


def _valued(line: Line) -> bool:
    """A row: past its label, as many phrases read as figures or codes for none (`n/a`) as
    there are phrases of words (a header's `18` under `Mar` is one among its names)."""
    rest = line.phrases[1:]
    data = sum(data_like(p.text) for p in rest)
    return data > 0 and data * 2 >= len(rest)


def _words(line: Line) -> list[str]:
    """The line's words of three letters or more, in lower case, but for month names: a header's
    own lines name its months again (`change from` / `May-18 Jun-17` under `Jun 17 .. Jun 18`)."""
    return [
        t for w in line.words for t in re.split(r"[^a-z]+", w.text.lower()) if len(t) >= 3 and month_name(t) is None
    ]


def _figures(line: Line) -> bool:
    """A row of figures: three phrases or more, most of them values (a band of years is none)."""
    return len(line.phrases) >= 3 and sum(is_value(p.text) for p in line.phrases) * 2 > len(line.phrases)


def find_blocks(lines: list[Line], page_width: float) -> list[Block]:
    """Runs of lines set in columns, each with at least MIN_TABULAR lines of two phrases or more."""
    blocks: list[Block] = []
    current: Block | None = None
    lined_up = columnar(lines)
    for i, (ln, aligned) in enumerate(zip(lines, lined_up, strict=True)):
        if current is not None and (_new_table(current, ln) or _repeats_header(current, ln)):
            head = _heading(current)
            blocks.append(current)
            current = Block(head, [False] * len(head)) if head else None
        if current is not None and _continues(current, ln, aligned, page_width):
            current.add(ln, aligned)
            continue
        if (
            current is not None
            and i + 1 < len(lines)
            and _misread_size(current, ln, lines[i + 1], lined_up[i + 1], page_width)
        ):
            current.add(ln, aligned, sized=False)
            continue
        if current is not None and not _lettered(ln):
            continue  # dashes or bars out of line with the text: the edge of a band read as text
        if current is not None:
            blocks.append(current)
        current = Block([ln], [aligned])
    if current is not None:
        blocks.append(current)
    kept = [b if b.tabular >= MIN_TABULAR else _lone_row(b) for b in blocks]
    return [_trimmed(b) for b in kept if b is not None]


def _misread_size(block: Block, line: Line, after: Line, aligned: bool, page_width: float) -> bool:
    """A line set close under the block's last, as a wrapped cell's next line is, whose size
    alone would end the block, where the line after it continues the block: a page image's box
    for a word or two took in a rule or a fill's edge (`65%` boxed with the RAG column's edge
    above it), so its size is no evidence."""
    if not _wrap_of(block.lines[-1], line) or not _lettered(line):
        return False
    probe = Block([*block.lines, line], [*block.aligned, False], block.unsized | {len(block.lines)})
    return _continues(probe, after, aligned, page_width)


def _lone_row(block: Block) -> Block | None:
    """A block of one labelled row of figures and the lines its label wraps onto (the last row of
    a table the page before began), that row lined up with itself; None for any other."""
    rows = [k for k, ln in enumerate(block.lines) if _figures(ln) and not is_value(ln.phrases[0].text)]
    if block.tabular or len(rows) != 1:
        return None
    return Block(block.lines, [k == rows[0] for k in range(len(block.lines))])


def _lettered(line: Line) -> bool:
    """A line with a letter or digit. A line of dashes or bars is as tall as its strokes, so its
    size says nothing of the text around it: where it would end a block, it is no line of text."""
    return any(ch.isalnum() for w in line.words for ch in w.text)


def _heading(block: Block) -> list[Line]:
    """A single line closing a block, set off above what follows: the next table's heading."""
    if len(block.lines) > 1 and len(block.lines[-1].phrases) == 1 and not block.aligned[-1]:
        block.aligned.pop()
        return [block.lines.pop()]
    return []


def _trimmed(block: Block) -> Block:
    """Lines before the first and after the last lined-up line are text around the table."""
    first = block.aligned.index(True)
    last = len(block.aligned) - 1 - block.aligned[::-1].index(True)
    end = last + 1
    while end < len(block.lines) and _label_goes_on(block.lines[end - 1], block.lines[end]):
        end += 1
    start = first
    while (
        start > 0
        and not _heads_band(block, start)
        and (
            _wrap_of(block.lines[start - 1], block.lines[start])
            or _band_over(block.lines[start - 1], block.lines[start])
        )
    ):
        start -= 1
    typical = median(ln.em for ln in block.lines[start:end])
    while end - start > MIN_TABULAR and _display(block.lines[start], typical):
        if _heads_band(block, start):
            break
        start += 1
    return Block(block.lines[start:end], block.aligned[start:end])


def _heads_band(block: Block, k: int) -> bool:
    return k + 1 < len(block.lines) and _band_over(block.lines[k], block.lines[k + 1])


def _band_over(a: Line, b: Line) -> bool:
    """`a` a band of periods over the header `b` (`2019` centred over its months): a line of
    period labels only, each over the line below and no further than a line's height from it.
    A dash between them is the band's ink read as text, no label."""
    labels = [p for p in a.phrases if any(ch.isalnum() for ch in p.text)]
    if not labels or not all(period_label(p.text) for p in labels):
        return False
    return b.top - a.bottom <= (b.bottom - b.top) and b.x0 <= a.x0 and a.x1 <= b.x1


TITLE_SIZE = 1.3  # times the block's typical size: a line this large heads the page, not a column


def _display(line: Line, typical: float) -> bool:
    """A line set well larger than the table's own lines and holding no figures: the title above
    the table, which OCR can split at a wide word space into phrases that line up with the
    columns below. A line of three period labels or more is the header, however large its
    face (a bold header's capitals and descenders make OCR's boxes taller than the figures')."""
    return (
        line.em > TITLE_SIZE * typical and not any(is_value(p.text) for p in line.phrases) and not labels_periods(line)
    )


def _wrap_of(a: Line, b: Line) -> bool:
    """`b` right under `a`, the next line of a wrapped cell."""
    return b.top - a.bottom <= 0.6 * (b.bottom - b.top)


def _label_goes_on(a: Line, b: Line) -> bool:
    """`b` under the block's last row `a` (or under a line of its label) is the label's next
    line: `_wrap_of`, the gap measured against the lines' type size too, where a page image's
    box is only as tall as the glyphs (`Number of current` over `Unaccompanied` leaves a gap of a
    capital's height), and up to where a capital of that size would stand on `b`'s line (the
    box of `carers`, all small letters, starts a capital's height short of it). Only after the
    last row: above the first, the wider reach would take a header's stray marks (`T if`) as its
    lines."""
    size = max(_size(a), _size(b))
    return _wrap_of(a, b) or min(b.top, b.bottom - CAP * size) - a.bottom <= 0.6 * size
