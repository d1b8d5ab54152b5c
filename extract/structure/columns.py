"""A block's columns: the x-ranges its body text fills, apart by white gutters or drawn rules.

The lines that hold values say where the columns are: every phrase of them lies inside one
column, so the union of their extents, merged where they overlap, is one range per column.
Header and section lines are left out of that count (a header spanning three columns would join
them), and placed afterwards. A vertical rule running down most of the block is a boundary
whether or not text shows one.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from ..page import Rule, Word
from ..periods import parse_period, period_label
from ..vocabulary import VOCABULARY
from .figures import is_value
from .lines import WORD_SPACE, Line, Phrase

HEAD_LINE = 0.8  # a header line with this many phrases per column it stands over heads them one by one
RULE_COVER = 0.5  # a vertical rule over this share of the block's height is a column boundary
SINGLE_COLUMN = 0.6  # a phrase with this share of its width in one column is in that column
HEADS_A_LINE = 3  # columns a line must head for a phrase past its last column to head one more
BRIDGED = 0.1  # share of a block's body lines whose phrases may run across a gutter it still keeps


@dataclass(frozen=True)
class Span:
    x0: float
    x1: float


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.x0):
        if out and s.x0 <= out[-1].x1:
            out[-1] = Span(out[-1].x0, max(out[-1].x1, s.x1))
        else:
            out.append(s)
    return out


def body_lines(lines: list[Line]) -> list[Line]:
    """Lines that hold a figure beside other text (a band of years holds none); all lines of
    several phrases if few do."""
    valued = _below_bare_lines(
        _below_header_words(
            [ln for ln in lines if len(ln.phrases) >= 2 and any(is_value(p.text) for p in ln.phrases[1:])]
        )
    )
    if len(valued) >= 2:
        return valued
    return [ln for ln in lines if len(ln.phrases) >= 2]


def _below_bare_lines(valued: list[Line]) -> list[Line]:
    """Lines of bare figures above the first row that has a label are the header's lower line
    (`Mar` over `19 20 21`, column numbers), not a row: their narrow numbers would set columns
    apart from the body's own."""
    first = next((k for k, ln in enumerate(valued) if not all(is_value(p.text) for p in ln.phrases)), 0)
    rest = valued[first:]
    return rest if len(rest) >= 2 else valued


LABELLED = 3  # rows with a label of words a block needs before a label out of place means anything


def _below_header_words(valued: list[Line]) -> list[Line]:
    """Leading lines whose first phrase is words standing right of where the rows' labels end,
    and as many words as figures after it, are the header's lines, not rows: a column's name
    wrapped under a header of names holds a number (`(SA)  (SA)  47 (S47)` in `Number of
    Section 47 (S47) enquiries`), and its words, read as cells, would set columns in the gutters."""
    labels = [ln.phrases[0] for ln in valued if not is_value(ln.phrases[0].text)]
    if len(labels) < LABELLED:
        return valued
    end = median(p.x1 for p in labels)

    def header_words(ln: Line) -> bool:
        first, rest = ln.phrases[0], ln.phrases[1:]
        return not is_value(first.text) and first.x0 > end and sum(is_value(p.text) for p in rest) * 2 <= len(rest)

    k = 0
    while k < len(valued) and header_words(valued[k]):
        k += 1
    return valued[k:]


def column_spans(lines: list[Line], rules: list[Rule], top: float, bottom: float) -> list[Span]:
    body = body_lines(lines)
    spans = _closed(_merged(_unbridged([p for ln in body for p in ln.phrases], len(body))), body)
    first = min((ln.top for ln in body), default=bottom)
    spans = _merged(spans + [s for ln in lines if ln.top < first for s in headed_gutters(ln, spans)])
    cuts = vertical_cuts(rules, top, bottom)
    return _split_at(spans, cuts)


def _closed(spans: list[Span], body: list[Line]) -> list[Span]:
    """A span only one line's phrases fill (or `BRIDGED` of them), less than a word space from
    the next, belongs to that column: it is where a misread figure's pieces end (`8` `0` of
    `8 096`), not a column of its own. A column set that close would have joined the phrases."""
    if not body:
        return spans
    gap = WORD_SPACE * median(ln.em for ln in body)
    weak = max(1, int(BRIDGED * len(body)))

    def support(sp: Span) -> int:
        return sum(any(sp.x0 <= p.x0 and p.x1 <= sp.x1 for p in ln.phrases) for ln in body)

    out: list[Span] = []
    for sp in spans:
        if out and sp.x0 - out[-1].x1 < gap and min(support(out[-1]), support(sp)) <= weak:
            out[-1] = Span(out[-1].x0, max(out[-1].x1, sp.x1))
        else:
            out.append(sp)
    return out


def _unbridged(phrases: list[Phrase], n_lines: int) -> list[Span]:
    """The phrases' extents less the few figures that bridge a gutter: a phrase of figures whose
    middle crosses an em or more of white that all but `BRIDGED` of the lines leave, between
    ranges more of them fill, is two cells run together (OCR's `21259-1358` over three months),
    and in the union it would make one column of two for the whole table. A figure that reaches a
    little into the next column's arrows bridges no gutter; words across one span it."""
    spans = [Span(p.x0, p.x1) for p in phrases]
    allowance = max(1, int(BRIDGED * n_lines))
    edges = sorted({x for s in spans for x in (s.x0, s.x1)})
    steps = list(zip(edges, edges[1:], strict=False))
    depth = [sum(s.x0 <= (a + b) / 2 < s.x1 for s in spans) for a, b in steps]

    def bridge(p: Phrase) -> bool:
        if not any(ch.isdigit() for ch in p.text):
            return False  # a label set across a gutter spans it (`Free movement of persons /`)
        inside = [(a, b, d) for (a, b), d in zip(steps, depth, strict=True) if p.x0 <= a and b <= p.x1]
        deep = [k for k, (_, _, d) in enumerate(inside) if d > allowance]
        if len(deep) < 2:
            return False
        white = sum(b - a for a, b, d in inside[deep[0] : deep[-1]] if d <= allowance)
        return white >= p.em

    return [s for s, p in zip(spans, phrases, strict=True) if not bridge(p)]


def headed_gutters(line: Line, spans: list[Span]) -> list[Span]:
    """A header's phrases that head a column with nothing printed under it (a status shown only
    as a colour): each lies in a gutter whose columns on both sides have headers of their own on
    the same line, a line whose phrases each head one column, an em or more from its neighbours;
    or, ending such a line, right of the last column (`_ends_header`)."""
    over = [[i for i, s in enumerate(spans) if p.x0 < s.x1 and p.x1 > s.x0] for p in line.phrases]
    if any(len(o) > 1 for o in over):
        return []  # a caption or a band across columns, not a line of column headers
    headed = {i for o in over for i in o}
    out = []
    edges = [-1e9] + [x for p in line.phrases for x in (p.x0, p.x1)] + [1e9]
    for k, p in enumerate(line.phrases):
        left = [i for i, s in enumerate(spans) if s.x1 <= p.x0]
        if not left or over[k] or min(p.x0 - edges[2 * k], edges[2 * k + 3] - p.x1) < p.em:
            continue  # under a column already, or a word of a line set with wide spaces
        i = left[-1]
        between = i + 1 < len(spans) and spans[i + 1].x0 >= p.x1 and {i, i + 1} <= headed
        if between or _ends_header(k, line, i, spans, headed):
            out.append(Span(p.x0, p.x1))
    return out


def _ends_header(k: int, line: Line, i: int, spans: list[Span], headed: set[int]) -> bool:
    """The line's last phrase, right of the last column and naming what a column holds (a period,
    or a name the column vocabulary knows), on a line that heads three columns or more, the last
    among them: a column at the table's edge with nothing read under it (`Trend` over arrows OCR
    drops), which would else join the header before it (`05/2016 Trend`). A word of a header set
    wide (`Fraction    of`) names nothing."""
    last = k == len(line.phrases) - 1 and i == len(spans) - 1 and i in headed and len(headed) >= HEADS_A_LINE
    return last and names_column(line.phrases[k].text)


def names_column(text: str) -> bool:
    """A header naming what a column holds: a period, or a name the column vocabulary knows."""
    return period_label(text) or VOCABULARY.rule_for(" ".join(text.lower().split())) is not None


def vertical_cuts(rules: list[Rule], top: float, bottom: float) -> list[float]:
    """Where vertical rules run down RULE_COVER of the block or more. The pieces of one rule
    (within CUT_X of one another) count together: a scan breaks a column's rule, or a dark
    column's edge, wherever a section row's fill or rule crosses it."""
    height = max(bottom - top, 1.0)
    lines: list[list[tuple[float, float, float]]] = []  # each rule's pieces: x, top, bottom
    for r in sorted((r for r in rules if not r.horizontal), key=lambda r: (r.x0 + r.x1) / 2):
        x = (r.x0 + r.x1) / 2
        piece = (x, max(r.top, top), min(r.bottom, bottom))
        if lines and x - lines[-1][-1][0] <= CUT_X:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    cuts = []
    for pieces in lines:
        if covered([(a, b) for _, a, b in pieces]) >= RULE_COVER * height:
            weights = [max(b - a, 0.0) for _, a, b in pieces]
            cuts.append(sum(x * w for (x, _, _), w in zip(pieces, weights, strict=True)) / max(sum(weights), 1e-9))
    return cuts


CUT_X = 1.5  # points: pieces of one vertical rule stand this close across (a scan's pixel or two)


def covered(pieces: list[tuple[float, float]]) -> float:
    """The length the pieces (from, to) cover, overlaps counted once."""
    total, end = 0.0, float("-inf")
    for a, b in sorted(pieces):
        if b > end and b > a:
            total += b - max(a, end)
            end = b
    return total


def _split_at(spans: list[Span], cuts: list[float]) -> list[Span]:
    """A column range a rule runs through is two columns (text on both sides of it)."""
    out: list[Span] = []
    for s in spans:
        inner = [c for c in cuts if s.x0 + 1 < c < s.x1 - 1]
        edges = [s.x0, *inner, s.x1]
        out += [Span(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    return out


def gutters(spans: list[Span], xs: list[float]) -> list[tuple[float, float]]:
    """The white space between neighbouring columns (at least the boundary itself)."""
    out = []
    for i, x in enumerate(xs[1:-1]):
        a, b = (spans[i].x1, spans[i + 1].x0) if i + 1 < len(spans) else (x, x)
        out.append((min(a, x), max(b, x)))
    return out


def boundaries(
    spans: list[Span], cuts: list[float], x0: float, x1: float, heads: list[Span] | None = None
) -> list[float]:
    """Column boundaries: a rule in the gutter where there is one, else the middle of the gutter's
    widest stretch that no header of the two columns reaches into (`heads`: the header's phrases;
    a long month name over short figures overhangs the gutter), else the gutter's middle."""
    xs = [min(x0, spans[0].x0)]
    for a, b in zip(spans, spans[1:], strict=False):
        inside = [c for c in cuts if a.x1 - 1 <= c <= b.x0 + 1]
        xs.append(inside[0] if inside else _clear_of_heads(a, b, heads or []))
    xs.append(max(x1, spans[-1].x1))
    return xs


def _clear_of_heads(a: Span, b: Span, heads: list[Span]) -> float:
    free = [Span(a.x1, b.x0)]
    for h in heads:
        if a.x0 <= h.x0 and h.x1 <= b.x1 and not (h.x0 < a.x1 and h.x1 > b.x0):
            free = [part for f in free for part in _minus(f, h)]
    best = max(free, key=lambda f: f.x1 - f.x0, default=None)
    return (best.x0 + best.x1) / 2 if best is not None else (a.x1 + b.x0) / 2


def _minus(f: Span, h: Span) -> list[Span]:
    return [s for s in (Span(f.x0, min(f.x1, h.x0)), Span(max(f.x0, h.x1), f.x1)) if s.x1 > s.x0]


def header_spans(lines: list[Line], spans: list[Span]) -> list[Span]:
    """The extents of the one-word period labels (`September`, `Q3`) on the header's lines that
    head a column each (as many phrases as the columns they stand over): the heads a long name set
    tight pushes past a gutter's middle. A band's line (`2007` over `N` and `% Pos`) heads
    several columns with each of its phrases, and moves no boundary."""
    first = min((ln.top for ln in body_lines(lines)), default=float("inf"))
    out = []
    for ln in lines:
        covered = [s for s in spans if s.x1 > ln.phrases[0].x0 and s.x0 < ln.phrases[-1].x1]
        if ln.top < first and len(ln.phrases) >= 3 and len(ln.phrases) >= HEAD_LINE * len(covered):
            out += [Span(p.x0, p.x1) for p in ln.phrases if len(p.words) == 1 and period_label(p.text)]
    return out


def columns_of(phrase: Phrase, xs: list[float]) -> tuple[int, int]:
    """First and last+1 column a phrase covers. A phrase mostly inside one column is in that
    column (a header wider than its numbers runs over the gutters a little); one spread over
    several is a cell spanning them."""
    width = max(phrase.x1 - phrase.x0, 1e-6)
    overlaps = [max(0.0, min(phrase.x1, xs[i + 1]) - max(phrase.x0, xs[i])) for i in range(len(xs) - 1)]
    best = max(range(len(overlaps)), key=lambda i: overlaps[i])
    if overlaps[best] >= SINGLE_COLUMN * width:
        return best, best + 1
    slack = 0.25 * phrase.em
    first = next((i for i in range(len(xs) - 1) if phrase.x0 < xs[i + 1] - slack), len(xs) - 2)
    last = next((i for i in range(len(xs) - 2, -1, -1) if phrase.x1 > xs[i] + slack), first)
    return first, max(first, last) + 1


def _named_apart(phrase: Phrase, xs: list[float], gutters: list[tuple[float, float]]) -> list[Phrase]:
    """A phrase mostly in one column that is column names set close, each in a column of its own
    (`December January` over two columns of figures, `December` ending near the gutter): split
    where its word gaps fall in the gutters it crosses, if each piece stands in its own column
    and names what a column holds; a name overhanging a gutter (`Percentage of`) stays whole."""
    slack = 0.25 * phrase.em
    first = next((i for i in range(len(xs) - 1) if phrase.x0 < xs[i + 1] - slack), len(xs) - 2)
    last = next((i for i in range(len(xs) - 2, -1, -1) if phrase.x1 > xs[i] + slack), first)
    if last <= first:
        return [phrase]
    pieces = _cut(phrase, gutters[first:last])
    if len(pieces) != last - first + 1:
        return [phrase]
    for k, piece in enumerate(pieces):
        inside = min(piece.x1, xs[first + k + 1]) - max(piece.x0, xs[first + k])
        if inside < SINGLE_COLUMN * (piece.x1 - piece.x0) or not names_column(piece.text):
            return [phrase]
    return pieces


def _cut(phrase: Phrase, gutters: list[tuple[float, float]]) -> list[Phrase]:
    """The phrase cut at its first word gap in each gutter ([phrase] where one has none)."""
    cuts = []
    for g0, g1 in gutters:
        gaps = [
            k
            for k, (a, b) in enumerate(zip(phrase.words, phrase.words[1:], strict=False))
            if a.x1 <= g1 + _over(a, g0, g1) and b.x0 >= g0 - _over(b, g0, g1)
        ]
        if not gaps:
            return [phrase]
        cuts.append(gaps[0] + 1)
    edges = [0, *sorted(set(cuts)), len(phrase.words)]
    return [Phrase(phrase.words[a:b]) for a, b in zip(edges, edges[1:], strict=False)]


def _over(w: Word, g0: float, g1: float) -> float:
    """How far a mark of no letter or digit may reach over a gutter's edge: at a rule (a gutter
    of no width) a scan reads the rule's ink, or a dark column's edge, as one (`=`, `|`)."""
    return 0.25 * w.em if g1 - g0 < 0.5 and not any(ch.isalnum() for ch in w.text) else 0.0


def split_by_columns(phrase: Phrase, xs: list[float], gutters: list[tuple[float, float]]) -> list[Phrase]:
    """A phrase across column boundaries with a gap between two of its words in each gutter it
    crosses (OCR, or two neighbouring cells printed close together) is one phrase per column;
    otherwise it is one cell spanning them (a band over several columns)."""
    c0, c1 = columns_of(phrase, xs)
    if len(phrase.words) < 2 or parse_period(phrase.text):
        return [phrase]  # one label across the columns (`Year to date (Apr-Oct 2019)`)
    if c1 - c0 < 2:
        return _named_apart(phrase, xs, gutters)
    pieces = _cut(phrase, gutters[c0 : c1 - 1])
    return pieces if len(pieces) == c1 - c0 else [phrase]
