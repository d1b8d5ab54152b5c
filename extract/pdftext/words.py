"""Characters -> words, each knowing whether a space follows it when its cell's text is joined.

Words are made as pdfplumber makes them (its `extract_words` with `x_tolerance=1.5`,
`y_tolerance=2.5`, split by size and colour so a page header overlapping a table does not merge
into its words): consecutive characters of one direction, size and colour are clustered into
lines, sorted along each line, and cut where a gap or a space character falls. Rotated text
(owner names printed at 90 degrees) is grouped with its own reading direction, so it comes out
in order, not reversed or split into two-letter fragments.

A line that wraps without a space character is judged by `wraps.joins`: between words a space,
inside a word (a narrow column's `Rep` / `orte` / `r`) none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from ..page import Word
from ..wraps import joins
from .chars import Char
from .frame import BTT, LTR, TTB

X_TOLERANCE = 1.5
GAP_RATIO = 0.15
"""The widest gap inside a word, as a share of the type size, where 1.5 pt is wider: a space in
small type (0.2 em of 6.75 pt is 1.35 pt) that a printer drew as a gap, with no space character,
parts two words; pdfplumber's `x_tolerance_ratio` is the same measure."""
Y_TOLERANCE = 2.5
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_MARKS = frozenset(LIGATURES)
SPACE, NONE, WRAP = "space", "none", "wrap"


def gap_tolerance(size: float) -> float:
    return min(X_TOLERANCE, GAP_RATIO * size)


def _ltr_begins(p: Char, c: Char) -> bool:
    return c.x0 < p.x0 or c.x0 > p.x1 + gap_tolerance(p.style.size) or abs(c.top - p.top) > Y_TOLERANCE


def _btt_begins(p: Char, c: Char) -> bool:
    return c.bottom > p.bottom or c.bottom < p.top - Y_TOLERANCE or abs(c.x0 - p.x0) > X_TOLERANCE


def _ttb_begins(p: Char, c: Char) -> bool:
    return c.top < p.top or c.top > p.bottom + Y_TOLERANCE or abs(c.x0 - p.x0) > X_TOLERANCE


@dataclass(frozen=True)
class _Way:
    """How one direction's text runs, as pdfplumber reads it: the key clustering characters into
    lines and its tolerance, the order along a line, and where a new word begins (a character
    starting before the previous one, beyond its end plus the tolerance, or off its line)."""

    line_key: Callable[[Char], float]
    tolerance: float
    order: Callable[[Char], Any]
    begins: Callable[[Char, Char], bool]
    upright: bool


WAYS = {
    LTR: _Way(attrgetter("top"), Y_TOLERANCE, attrgetter("x0"), _ltr_begins, True),
    BTT: _Way(lambda c: c.x0, X_TOLERANCE, lambda c: (-c.bottom, -c.top), _btt_begins, False),
    TTB: _Way(lambda c: -c.x1, X_TOLERANCE, lambda c: (c.top, c.bottom), _ttb_begins, False),
}


def direction(c: Char) -> str:
    """`ltr` for upright text, `btt` for text reading upwards, `ttb` for the rest."""
    h = c.style.heading
    return h if h in (LTR, BTT) else TTB


@dataclass
class _Piece:
    """A word before its joint is settled: its characters, and where they stand in the stream."""

    chars: list[Char]
    text: str
    first: int
    after: int  # the stream position just after its last character
    joint: str

    def word(self, space_after: bool) -> Word:
        cs = self.chars
        way = direction(cs[0])
        x0, top, x1, bottom, bold = _extent(cs)
        return Word(
            self.text,
            x0,
            top,
            x1,
            bottom,
            upright=way == LTR,
            direction=way,
            space_after=space_after,
            size=cs[0].style.size,
            bold=bold * 2 > len(cs),
        )


def _extent(cs: list[Char]) -> tuple[float, float, float, float, int]:
    """The characters' box (x0, top, x1, bottom) and how many are bold, in one pass: words are
    made by the ten thousand, and a comprehension per edge costs several times as much."""
    x0, top, x1, bottom = cs[0].x0, cs[0].top, cs[0].x1, cs[0].bottom
    bold = 0
    for c in cs:
        x0, top = (c.x0 if c.x0 < x0 else x0), (c.top if c.top < top else top)
        x1, bottom = (c.x1 if c.x1 > x1 else x1), (c.bottom if c.bottom > bottom else bottom)
        bold += c.style.bold
    return x0, top, x1, bottom, bold


def page_words(chars: list[Char]) -> list[Word]:
    """Words of a page's characters (in the reading frame, in stream order)."""
    starts = _line_starts(chars)
    ways = [direction(c) for c in chars]
    pieces: list[_Piece] = []
    for name, way in WAYS.items():
        positions = [i for i, w in enumerate(ways) if w == name]
        if positions:
            pieces += _words(chars, positions, way, starts)
    return _settle_wraps(pieces)


def _words(chars: list[Char], positions: list[int], way: _Way, starts: list[float]) -> list[_Piece]:
    out = []
    for run in _runs(chars, positions, way.upright):
        for ordered in _lines(chars, run, way):
            for word in _cut(chars, ordered, way):
                out.append(_piece(chars, word, starts))
    return out


def _runs(chars: list[Char], positions: list[int], upright: bool) -> list[list[int]]:
    """Consecutive characters of one size and colour, as pdfplumber splits them (rotated text by
    colour only: its sizes there are per glyph). Characters of one text object share a style,
    so its key is made only where the style changes."""
    runs: list[list[int]] = []
    style, key = None, None
    for i in positions:
        st = chars[i].style
        if st is not style:
            style, new = st, (st.size if upright else 0.0, st.colour)
            if new != key:
                key = new
                runs.append([])
        runs[-1].append(i)
    return runs


def _lines(chars: list[Char], run: list[int], way: _Way) -> list[list[int]]:
    """pdfplumber's `cluster_objects`: distinct line keys chained within the tolerance, each
    cluster in stream order, then sorted along the line."""
    key, order = way.line_key, way.order
    keys = [key(chars[i]) for i in run]
    along = {i: order(chars[i]) for i in run}
    cluster: dict[float, int] = {}
    n, last = 0, None
    for k in sorted(set(keys)):
        if last is not None and k > last + way.tolerance:
            n += 1
        cluster[k] = n
        last = k
    if n == 0:
        return [sorted(run, key=along.__getitem__)]
    lines: list[list[int]] = [[] for _ in range(n + 1)]
    for i, k in zip(run, keys, strict=True):
        lines[cluster[k]].append(i)
    return [sorted(line, key=along.__getitem__) for line in lines if line]


def _cut(chars: list[Char], ordered: list[int], way: _Way) -> list[list[int]]:
    words: list[list[int]] = []
    current: list[int] = []
    begins = way.begins
    for i in ordered:
        c = chars[i]
        if c.text.isspace() or not c.text:
            if current:
                words.append(current)
            current = []
        elif current and begins(chars[current[-1]], c):
            words.append(current)
            current = [i]
        else:
            current.append(i)
    if current:
        words.append(current)
    return words


def _piece(chars: list[Char], word: list[int], starts: list[float]) -> _Piece:
    cs = [chars[i] for i in word]
    texts = [c.text for c in cs]
    text = "".join(texts)
    if not _LIGATURE_MARKS.isdisjoint(text):
        text = "".join([LIGATURES.get(t, t) for t in texts])
    after = max(word) + 1
    joint = SPACE if after >= len(chars) else _joint(text, cs[-1], chars[after], starts[after - 1])
    return _Piece(cs, text, min(word), after, joint)


def _line_starts(chars: list[Char]) -> list[float]:
    """For each character, where its line of the text stream began (office suites write a cell's
    text as one run, line after line)."""
    out: list[float] = []
    prev = None
    for ch in chars:
        same = prev is not None and abs(ch.top - prev.top) < 0.5 * prev.style.size and ch.x0 >= prev.x0 - 0.5
        out.append(out[-1] if same else ch.x0)
        prev = ch
    return out


def _joint(text: str, last: Char, nxt: Char, line_start: float) -> str:
    """`space` (printed, or a jump elsewhere), `none` (the word goes on), or `wrap` (the next line
    of the same cell, no space character between: `wraps.joins` decides)."""
    size = last.style.size
    if not nxt.text.strip() or abs(nxt.style.size - size) > 0.1 or nxt.top < last.top - 0.5 * size:
        return SPACE
    if direction(last) != LTR:
        return SPACE
    if abs(nxt.top - last.top) < 0.5 * size and nxt.x0 >= last.x0 - 0.5:
        # the same line: the word goes on (split by a change of colour or size) if no wider gap
        # than the one that parts words lies between (pdfium lists no space some printers draw)
        return NONE if nxt.x0 - last.x1 <= gap_tolerance(size) else SPACE
    below = last.bottom - 0.2 * size <= nxt.top <= last.bottom + size
    if not below or abs(nxt.x0 - line_start) > size:
        return SPACE  # another cell, or text not aligned left
    return NONE if text.endswith("-") and len(text) > 1 else WRAP  # `M2-` / `NI`; a dash alone is a word


def _settle_wraps(pieces: list[_Piece]) -> list[Word]:
    """Each chain of words joined by wraps or by nothing is one token broken over lines: its
    pieces between wraps go to `wraps.joins`."""
    at = {p.first: k for k, p in enumerate(pieces)}
    nexts = [at.get(p.after) for p in pieces]
    spaced = [p.joint != NONE for p in pieces]
    seen: set[int] = set()
    for i, p in enumerate(pieces):
        if i in seen or p.joint == SPACE:
            continue
        chain = [i]
        while pieces[chain[-1]].joint != SPACE and (n := nexts[chain[-1]]) is not None and n not in chain:
            chain.append(n)
        seen.update(chain)
        texts, ends = [pieces[i].text], []
        for k in chain[:-1]:
            nxt = pieces[nexts[k]].text  # type: ignore[index]  # every piece but the chain's last has a next
            if pieces[k].joint == WRAP:
                ends.append(k)
                texts.append(nxt)
            else:
                texts[-1] += nxt
        for k, joined in zip(ends, joins(texts), strict=True):
            spaced[k] = not joined
    return [p.word(s) for p, s in zip(pieces, spaced, strict=True)]
