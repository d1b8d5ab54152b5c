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
from .model import Box, join_words, words_box

WORD_SPACE = 0.6  # em: wider than this, two words on a line are two phrases
FIGURE_SPACE = 0.45  # em: a figure and the word after it (`5 days`) are set closer than words
GROUP_SPACE = 1.2  # digit widths: the space between one number's thousands, as wide as a digit
CLOSE = 0.15  # em: two whole numbers closer than this are one
CAP = 0.7  # em: how tall a capital, a digit or an ascender stands in the usual faces
BEARINGS = 0.1  # em: the white either side of two glyphs' ink, inside a text layer's boxes
_TALL = re.compile(r"[A-Z0-9bdfhklt]")
_LOW = re.compile(r"[gjpqyQ()\[\]{}|,;/]")
_GROUPS = re.compile(r"^[(\-\u2212]?[£$]?\d{1,3}(?: \d{3})+(?:\.\d+)?%?\)?$")
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


@dataclass
class _Gathering:
    """A line while its words are gathered, with its extent kept as it grows."""

    line: Line
    top: float
    bottom: float

    def add(self, w: Word) -> None:
        self.line.words.append(w)
        self.top, self.bottom = min(self.top, w.top), max(self.bottom, w.bottom)


def text_lines(words: list[Word]) -> list[Line]:
    """Upright words grouped into lines (a word joins the line it overlaps by half its height),
    top to bottom, each split into phrases."""
    open_: list[_Gathering] = []
    for w in sorted((w for w in words if w.upright and w.text.strip()), key=attrgetter("top", "x0")):
        home = _home(open_[-4:], w.top, w.bottom)
        if home is None:
            open_.append(_Gathering(Line([w]), w.top, w.bottom))
        else:
            home.add(w)
    lines = [g.line for g in open_]
    for ln in lines:
        ln.words.sort(key=attrgetter("x0"))
        ln.phrases = phrases(ln.words)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def _home(recent: list[_Gathering], top: float, bottom: float) -> _Gathering | None:
    """The latest of the recent lines a word from `top` to `bottom` overlaps by half the height
    of the lower of the two."""
    height = bottom - top
    for g in reversed(recent):
        if min(g.bottom, bottom) - max(g.top, top) >= 0.5 * min(g.bottom - g.top, height):
            return g
    return None


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
        if _GROUPS.match(f"{a.text} {b.text}"):
            return gap < max(FIGURE_SPACE * em, GROUP_SPACE * (b.x1 - b.x0) / len(b.text))
        return gap < CLOSE * em
    if ink:
        gap -= BEARINGS * em
    if a_number:
        return gap < FIGURE_SPACE * em
    return gap < WORD_SPACE * em
