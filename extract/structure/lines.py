"""Words into lines, and each line into phrases: the runs of words a table's cells are made of.

Two words are one phrase when the space between them is a word space: less than about half
their font size. Whether the text layer printed a space character says nothing here (TeX prints
none between words, office suites one inside a cell's text). A thousands group printed with a
space (`1 341`) is one phrase like any words; a table's columns stand further apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter
from statistics import median

from ..page import Word
from ..values import SPACE_GROUPED
from .model import Box, join_words, words_box

WORD_SPACE = 0.6  # em: wider than this, two words on a line are two phrases
FIGURE_SPACE = 0.45  # em: a figure and the word after it (`5 days`) are set closer than words
GROUP_SPACE = 1.2  # digit widths: the space between one number's thousands, as wide as a digit
CLOSE = 0.15  # em: two whole numbers closer than this are one
CAP = 0.7  # em: how tall a capital, a digit or an ascender stands in the usual faces
BEARINGS = 0.1  # em: the white either side of two glyphs' ink, inside a text layer's boxes
_TALL = re.compile(r"[A-Z0-9bdfhklt]")
_LOW = re.compile(r"[gjpqyQ()\[\]{}|,;/]")
SAME_INK = 0.2  # share of the shorter box's height two image boxes must share to hold the same ink
REACH = 20.0  # word heights: how far beside a word the line's words say how high the line stands
NUMBER = re.compile(r"^[(\-\u2212+<>]?[£$]?\d[\d,. ]*%?\)?[*†‡]?$")


class _Run:
    """Words set on one line: how high they stand and the size they are set in."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def em(self) -> float:
        return median(w.em for w in self.words)


@dataclass
class Phrase(_Run):
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def box(self) -> Box:
        return words_box(self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def numeric(self) -> bool:
        return bool(NUMBER.match(self.text.strip()))

    @property
    def bold(self) -> bool:
        return sum(w.bold for w in self.words) * 2 > len(self.words)


@dataclass
class Line(_Run):
    words: list[Word] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)


def lines_text(words: list[Word]) -> str:
    """The page's text line by line as its words stand: a PDF's own text order can interleave two
    strings drawn over each other letter by letter, where a title's period is then not found."""
    return "\n".join(line.text for line in text_lines(words))


def text_lines(words: list[Word]) -> list[Line]:
    """Upright words grouped into lines (a word joins the recent line whose nearest word it
    overlaps by half a height, `_home`), top to bottom, each split into phrases."""
    lines: list[Line] = []
    for w in sorted((w for w in words if w.upright and w.text.strip()), key=attrgetter("top", "x0")):
        home = _home(lines[-4:], w)
        if home is None:
            lines.append(Line([w]))
        else:
            home.words.append(w)
    lines = _rejoined(lines)
    for ln in lines:
        ln.words.sort(key=attrgetter("x0"))
        ln.phrases = phrases(ln.words)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _rejoined(lines: list[Line]) -> list[Line]:
    """A line whose words each sit level with their nearest word of the line after it, beside
    those words and over none of them, is part of that line: words of one row gathered in two
    because a mark or a speck before them stood a little higher (a header's `_`, a fill's corner
    read as `7`). Marks and specks are not judged, but go with the line (`_judged`)."""
    out: list[Line] = []
    for ln in lines:
        text = _judged(out[-1], ln) if out else []
        if text and all(_level_beside(w, ln) for w in text):
            ln.words[:0] = out[-1].words
            out[-1] = ln
        else:
            out.append(ln)
    return out


def _judged(prev: Line, line: Line) -> list[Word]:
    """The words of `prev` of letters or figures at least half as tall as `line`'s usual word."""
    tall = 0.5 * median(w.bottom - w.top for w in line.words)
    return [w for w in prev.words if any(ch.isalnum() for ch in w.text) and w.bottom - w.top >= tall]


def _level_beside(w: Word, line: Line) -> bool:
    if any(min(o.x1, w.x1) > max(o.x0, w.x0) for o in line.words):
        return False
    return _home([line], w) is line


def _home(recent: list[Line], w: Word) -> Line | None:
    """The latest of the recent lines whose word nearest `w` across the page it overlaps by half
    the height of the lower of the two. The nearest word, not the line's whole extent: a scan's
    residual skew or perspective sets a long row's far end a line lower, and its extent would take
    in the next line of a wrapped label beside it."""
    height = w.bottom - w.top
    for ln in reversed(recent):
        near = min(ln.words, key=lambda o: max(o.x0 - w.x1, w.x0 - o.x1, 0.0))
        if min(near.bottom, w.bottom) - max(near.top, w.top) >= 0.5 * min(near.bottom - near.top, height):
            return ln
        if _crossing(w, ln):
            return ln
    return None


def _crossing(w: Word, line: Line) -> bool:
    """A word boxed round its ink (a page image's: no size) crosses the ink box of one of the
    line's: the same ink read twice (a `c` and the `co)` a second reading made of it and a speck),
    which goes with the line, not between it and the next. A text layer's boxes span the font's
    whole height, and those of two lines set close cross without sharing any ink, as do an OCR
    engine's padded boxes of two lines of a wrapped label: boxes that share a sliver of height
    share ink only where the word stands within the height of the line's words beside it."""
    if w.size:
        return False
    crossed = [
        o
        for o in line.words
        if not o.size and min(o.x1, w.x1) > max(o.x0, w.x0) and min(o.bottom, w.bottom) > max(o.top, w.top)
    ]
    return any(_shared(o, w) >= SAME_INK * min(o.bottom - o.top, w.bottom - w.top) for o in crossed) or (
        bool(crossed) and _within_line(w, line)
    )


def _shared(a: Word, b: Word) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def _within_line(w: Word, line: Line) -> bool:
    """Most of the word's height lies within the height of the line's words beside it (`REACH`
    of its heights either way: not the whole line's, which a residual skew makes taller)."""
    h = w.bottom - w.top
    beside = [o for o in line.words if max(o.x0 - w.x1, w.x0 - o.x1) <= REACH * h]
    top, bottom = min(o.top for o in beside), max(o.bottom for o in beside)
    return min(bottom, w.bottom) - max(top, w.top) >= 0.5 * h


def phrases(words: list[Word]) -> list[Phrase]:
    out: list[Phrase] = []
    numeric = [NUMBER.match(w.text) is not None for w in words]
    size = type_size(words)
    ems = [w.size or size or w.em for w in words]
    for k, w in enumerate(words):
        if k and _joined(words[k - 1], w, numeric[k - 1], numeric[k], max(ems[k - 1], ems[k]), not w.size):
            out[-1].words.append(w)
        else:
            out.append(Phrase([w]))
    return out


def type_size(words: list[Word]) -> float:
    """The type size of a line of words that carry none (0 if nothing tells it). A page image's
    word box is as tall as its letters, `ENV 01` seven tenths of the size, `use` half, `apply`
    nearly all; the words of capitals, digits and ascenders with nothing below the baseline
    stand one height, the size's `CAP`, whatever the face."""
    tall = [w.bottom - w.top for w in words if not w.size and _TALL.search(w.text) and not _LOW.search(w.text)]
    return median(tall) / CAP if tall else 0.0


def _joined(a: Word, b: Word, a_number: bool, b_number: bool, em: float, ink: bool = False) -> bool:
    """A word space joins words, except between two whole numbers (neighbouring cells of
        figures set close), unless they are one number's thousands (`1` `341`, about a digit's width
    apart however narrow the `1`'s box); a figure and a word
        only a narrower space joins (`66%` beside a centred `No change` is two cells). Boxes round
    the ink (`ink`) stand apart by the glyphs' side bearings too."""
    gap = b.x0 - a.x1
    if a_number and b_number:
        if SPACE_GROUPED.match(f"{a.text} {b.text}"):
            return gap < max(FIGURE_SPACE * em, GROUP_SPACE * (b.x1 - b.x0) / len(b.text))
        return gap < CLOSE * em
    if ink:
        gap -= BEARINGS * em
    if a_number:
        return gap < FIGURE_SPACE * em
    return gap < WORD_SPACE * em
