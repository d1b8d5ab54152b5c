"""Which of a page's readings to doubt: where the print and the words an engine read disagree.

A run of print (`inkboxes`) with no word on it was not read at all; one whose words leave ink
unexplained at either end lost a glyph (a minus sign, a leading digit, a `%`); a number read
with low confidence may be misread. Each is one crop to read again. A long run (a label) is
not read again whole for one doubtful number in it: only that word and the ink around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .inkboxes import InkBox, InkMap
from .readers import PixelWord

SURE = 0.90  # a number read with less confidence is read again
LOOSE = 0.35  # of the text height: ink beyond a run's words by more than this is unexplained
LONG = 8.0  # runs wider than this many text heights are read again word by word
AROUND = 0.6  # of the text height: the ink kept around a doubtful word of a long run


@dataclass
class Doubt:
    """A crop to read again (image pixels) and the words it replaces (none where none was read)."""

    x0: int
    top: int
    x1: int
    bottom: int
    words: list[PixelWord] = field(default_factory=list)
    uncovered: bool = False  # no word was read on it


@dataclass
class Assigned:
    """The page's words sorted by the run of print they stand on."""

    by_run: dict[int, list[PixelWord]]
    loose: list[PixelWord]  # words on no run (faint print, or a run too small to keep)


def assign(words: list[PixelWord], ink: InkMap) -> Assigned:
    by_run: dict[int, list[PixelWord]] = {}
    loose = []
    for w in words:
        runs = ink.runs_under(w.x0, w.top, w.x1, w.bottom)
        if not runs:
            loose.append(w)
            continue
        best = max(runs, key=lambda i: _overlap(w, ink.boxes[i]))
        by_run.setdefault(best, []).append(w)
    return Assigned(by_run, loose)


def doubts(ink: InkMap, assigned: Assigned) -> list[Doubt]:
    out: list[Doubt] = []
    height = ink.text_height
    for i, box in enumerate(ink.boxes):
        words = assigned.by_run.get(i, [])
        if not words:
            out.append(Doubt(box.x0, box.top, box.x1, box.bottom, [], uncovered=True))
        elif _unexplained(box, words, height) or any(_unsure(w) for w in words):
            out += _crops(box, words, height)
    return out


def numberish(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _unsure(w: PixelWord) -> bool:
    return w.conf < SURE and numberish(w.text)


def _unexplained(box: InkBox, words: list[PixelWord], height: float) -> bool:
    """Print beyond the run's words at either end: a glyph the engine did not read."""
    if not any(numberish(w.text) for w in words):
        return False
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    return x0 - box.x0 > LOOSE * height or box.x1 - x1 > LOOSE * height


def _crops(box: InkBox, words: list[PixelWord], height: float) -> list[Doubt]:
    if box.width <= LONG * height:
        return [Doubt(box.x0, box.top, box.x1, box.bottom, sorted(words, key=lambda w: w.x0))]
    out = []
    m = AROUND * height
    for w in words:
        if _unsure(w):
            x0, x1 = max(box.x0, int(w.x0 - m)), min(box.x1, int(w.x1 + m))
            out.append(Doubt(x0, box.top, x1, box.bottom, [w]))
    return out


def _overlap(w: PixelWord, b: InkBox) -> float:
    return max(0.0, min(w.x1, b.x1) - max(w.x0, b.x0)) * max(0.0, min(w.bottom, b.bottom) - max(w.top, b.top))
