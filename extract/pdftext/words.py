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

from dataclasses import dataclass, replace
from itertools import groupby

from ..page import Word
from ..wraps import joins
from .chars import Char
from .frame import BTT, LTR, heading

X_TOLERANCE = 1.5
Y_TOLERANCE = 2.5
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
SPACE, NONE, WRAP = "space", "none", "wrap"


@dataclass(frozen=True, slots=True)
class _Line:
    """How one direction's lines run: the key clustering characters into lines and the tolerance,
    the order along a line, and a character's start, end and line position along those."""

    direction: str

    def line_key(self, c: Char) -> float:
        return c.top if self.direction == LTR else c.x0 if self.direction == BTT else -c.x1

    def line_tolerance(self) -> float:
        return Y_TOLERANCE if self.direction == LTR else X_TOLERANCE

    def order(self, c: Char) -> tuple[float, float]:
        if self.direction == LTR:
            return (c.x0, c.x0)
        return (-c.bottom, -c.top) if self.direction == BTT else (c.top, c.bottom)

    def begins_word(self, prev: Char, cur: Char) -> bool:
        """pdfplumber's test: the character starts before the previous one, beyond its end plus
        the tolerance, or off its line."""
        if self.direction == LTR:
            a, b, c = prev.x0, prev.x1, cur.x0
            off_line = abs(cur.top - prev.top) > Y_TOLERANCE
            gap = X_TOLERANCE
        else:
            a, b, c = (
                (-prev.bottom, -prev.top, -cur.bottom) if self.direction == BTT else (prev.top, prev.bottom, cur.top)
            )
            off_line = abs(cur.x0 - prev.x0) > X_TOLERANCE
            gap = Y_TOLERANCE
        return c < a or c > b + gap or off_line


def direction(c: Char) -> str:
    """`ltr` for upright text, `btt` for text reading upwards, `ttb` for the rest."""
    h = heading(c.style.dx, c.style.dy)
    return h if h in (LTR, BTT) else "ttb"


@dataclass
class _Piece:
    """A word before its joint is settled: the word, and where its characters stand in the stream."""

    word: Word
    first: int
    after: int  # the stream position just after its last character
    joint: str


def page_words(chars: list[Char]) -> list[Word]:
    """Words of a page's characters (in the reading frame, in stream order)."""
    starts = _line_starts(chars)
    pieces: list[_Piece] = []
    for way in (LTR, BTT, "ttb"):
        positions = [i for i, c in enumerate(chars) if direction(c) == way]
        if positions:
            pieces += _words(chars, positions, _Line(way), starts)
    return _settle_wraps(pieces)


def _words(chars: list[Char], positions: list[int], line: _Line, starts: list[float]) -> list[_Piece]:
    out = []
    upright = line.direction == LTR
    for _, run in groupby(positions, key=lambda i: _group(chars[i], upright)):
        for ordered in _lines(chars, list(run), line):
            for word in _cut(chars, ordered, line):
                out.append(_piece(chars, word, starts))
    return out


def _group(c: Char, upright: bool) -> tuple:
    """pdfplumber's split by size and colour (rotated text by colour only: sizes are per glyph there)."""
    return (round(c.style.size, 3), c.style.colour) if upright else (c.style.colour,)


def _lines(chars: list[Char], run: list[int], line: _Line) -> list[list[int]]:
    """pdfplumber's `cluster_objects`: distinct line keys chained within the tolerance, each
    cluster in stream order, then sorted along the line."""
    keys = sorted({line.line_key(chars[i]) for i in run})
    cluster: dict[float, int] = {}
    n, last = 0, None
    for k in keys:
        if last is not None and k > last + line.line_tolerance():
            n += 1
        cluster[k] = n
        last = k
    by_cluster = sorted(run, key=lambda i: cluster[line.line_key(chars[i])])
    return [
        sorted(group, key=lambda i: line.order(chars[i]))
        for _, group in groupby(by_cluster, key=lambda i: cluster[line.line_key(chars[i])])
    ]


def _cut(chars: list[Char], ordered: list[int], line: _Line) -> list[list[int]]:
    words: list[list[int]] = []
    current: list[int] = []
    for i in ordered:
        c = chars[i]
        if c.text.isspace() or not c.text:
            if current:
                words.append(current)
            current = []
        elif current and line.begins_word(chars[current[-1]], c):
            words.append(current)
            current = [i]
        else:
            current.append(i)
    if current:
        words.append(current)
    return words


def _piece(chars: list[Char], word: list[int], starts: list[float]) -> _Piece:
    cs = [chars[i] for i in word]
    text = "".join(LIGATURES.get(c.text, c.text) for c in cs)
    way = direction(cs[0])
    bold = sum(c.style.bold for c in cs) * 2 > len(cs)
    w = Word(
        text,
        min(c.x0 for c in cs),
        min(c.top for c in cs),
        max(c.x1 for c in cs),
        max(c.bottom for c in cs),
        upright=way == LTR,
        direction=way,
        size=cs[0].style.size,
        bold=bold,
    )
    after = max(word) + 1
    joint = SPACE if after >= len(chars) else _joint(text, cs[-1], chars[after], starts[after - 1])
    return _Piece(w, min(word), after, joint)


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
        return NONE  # the same line goes on (a word split by a change of colour or size)
    below = last.bottom - 0.2 * size <= nxt.top <= last.bottom + size
    if not below or abs(nxt.x0 - line_start) > size:
        return SPACE  # another cell, or text not aligned left
    return NONE if text.endswith("-") else WRAP


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
        texts, ends = [pieces[i].word.text], []
        for k in chain[:-1]:
            nxt = pieces[nexts[k]].word.text  # type: ignore[index]  # every piece but the chain's last has a next
            if pieces[k].joint == WRAP:
                ends.append(k)
                texts.append(nxt)
            else:
                texts[-1] += nxt
        for k, joined in zip(ends, joins(texts), strict=True):
            spaced[k] = not joined
    return [replace(p.word, space_after=s) for p, s in zip(pieces, spaced, strict=True)]
