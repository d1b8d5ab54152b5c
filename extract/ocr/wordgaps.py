"""Words an engine glued across a printed space, split where their own ink shows the space.

Tesseract's sparse mode decides word breaks by the gaps of the whole line; a space set narrow
beside wide ones is lost, and a reference printed `H 01` comes back `H01` on some rows and
`H 10` on others, so its column no longer says which is printed. A word's ink is cut into runs
of inked columns; where the runs can only fall on the word's characters one way (one run a
character, or one place where letters give way to digits that the runs allow), the blank at a
break between a letter and a figure or a `%` is measured against the word's ink height. A space
leaves a good quarter of the height or more (the face's space plus the glyphs' bearings);
letters and digits set close leave a quarter at most (two straight stems in a face with wide
bearings, or a tabular `1`). Blanks between two digits are never a space here (two `1`s stand as
far apart), nor between two letters (runs matched to letters by count alone mislead) unless the
word list says so: a word it lacks parts there into two it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..page import Word
from ..vocabulary import VOCABULARY
from .image import true_runs

SPACE_GAP = 0.27  # of the word's ink height: a blank this wide inside a word is a printed space
WORD_GAP = 0.3  # of the ink height: the space between two glued words (letters stand 0.25 apart at most)
WIDER = 1.5  # how much wider than every other blank of the word a space between two glued words stands
PLACE = 0.15  # of a word's width: how far from where its letters put it a space between two words may stand
DIGIT = (0.55, 0.95)  # a figure's advance over its height, narrow faces to wide ones
ONE = 0.15  # the ink of a `1`'s stem over its height
SPECK = 0.3  # of the word's ink height: a run of ink lower than this is a speck, no glyph


@dataclass(frozen=True)
class _Break:
    at: int  # characters before the break
    x0: int  # the blank's columns in the word's crop
    x1: int


def split_glued(words: list[Word], ink: np.ndarray, figures: bool = True) -> list[Word]:
    """Each word, or its parts where its ink shows a space the reading left out (boxes in the
    image's pixels, cut to ink as `ink` holds it). Without `figures`, only words the word list
    lacks are parted (a cell's label: its figures are settled elsewhere)."""
    out: list[Word] = []
    for w in words:
        out += _split(w, ink, figures)
    return out


def _split(w: Word, ink: np.ndarray, figures_too: bool) -> list[Word]:
    text = w.text
    mixed = figures_too and len(text) >= 2 and all(ch.isalnum() or ch == "%" for ch in text)
    glued = _unlisted(text)
    if not mixed and not glued:
        return [w]
    top, bottom, left = max(0, int(w.top)), int(round(w.bottom)), max(0, int(w.x0))
    box = ink[top:bottom, left : int(round(w.x1))] > 0
    rows = np.flatnonzero(box.any(axis=1))
    if not len(rows):
        return [w]
    height = rows[-1] - rows[0] + 1
    runs = [r for r in true_runs(box.any(axis=0)) if _tall(box[:, r[0] : r[1]], height)]
    spaces = [b for b in _breaks(text, runs, height) if b.x1 - b.x0 >= SPACE_GAP * height and _may_part(text, b.at)]
    if glued and not spaces:
        spaces = _word_space(text, true_runs(box.any(axis=0)), height)
    if not spaces:
        return [w]
    parts, start, x = [], 0, 0
    for b in spaces + [_Break(len(text), box.shape[1], box.shape[1])]:
        parts.append(replace(w, text=text[start : b.at], x0=float(left + x), x1=float(left + b.x0)))
        start, x = b.at, b.x1
    return parts


def _may_part(text: str, at: int) -> bool:
    """Whether a space may stand between `text[:at]` and the rest: between a letter and a figure,
    or before a `%`, and never after letters ending as a reference's prefix rarely does, in what OCR reads for a
    digit (`REVO7`: `REV07`, the `0` blurred into an `O`; `vocabulary.json`'s `prefix_end`).
    Between two letters the runs fall on the characters by count alone, and a letter broken in
    two beside two touching ones counts the same (`det ection`)."""
    before, after = text[at - 1], text[at]
    if (before.isalpha() and after.isalpha()) or (before.isdigit() and after.isdigit()):
        return False  # two letters, or two figures (tabular `1`s stand a space apart)
    if before.isalpha() and after.isdigit():
        return not any(text[:at].endswith(m) for m in VOCABULARY.ref_marks.prefix_end)
    return True


def _unlisted(text: str) -> bool:
    """A word of letters (hyphens allowed) the word list does not hold: two words glued, maybe."""
    letters = text.replace("-", "")
    return len(letters) >= 3 and letters.isalpha() and not _listed(text)


def _listed(text: str) -> bool:
    from ..secondreading import known
    from ..textquality import common_words

    words = common_words()
    return all(known(part, words) for part in text.split("-") if part) and not text.startswith("-")


def _word_space(text: str, runs: list[tuple[int, int]], height: int) -> list[_Break]:
    """The one place a word the list lacks (`asa`, `re-leta`) parts into two words it holds, one
    of them a short word a narrow space loses (`as`, `a`; `Qtr` is no `Qt r`), between two
    letters where its ink shows a blank as wide as a space. The letters' share
    of the word says where that blank should stand; letters often touch, so runs of ink cannot
    be counted off as letters. The blank is the word's widest by far (a coarse scan breaks
    glyphs and sets letters apart: `caseholder` at 150 dpi shows four blanks a third of its
    height wide), and a hyphen's ink is no blank. Between letters a blank says nothing alone;
    the word list must agree. A lone capital is a name's first letter (`T` of `Thurrock`)."""
    gaps = [_Break(0, a[1], b[0]) for a, b in zip(runs, runs[1:], strict=False)]
    if not gaps:
        return []
    widest = max(gaps, key=lambda g: g.x1 - g.x0)
    others = [g.x1 - g.x0 for g in gaps if g is not widest]
    if widest.x1 - widest.x0 < max(WORD_GAP * height, WIDER * max(others, default=0)):
        return []
    left, width = runs[0][0], runs[-1][1] - runs[0][0]
    blanks = [widest]
    found = []
    for at in range(1, len(text)):
        head, tail = text[:at], text[at:]
        if not (head[-1].isalpha() and tail[0].isalpha()):
            continue
        if not all(_listed(p) and (len(p) > 1 or p.islower()) for p in (head, tail)) or not _glue(head, tail):
            continue
        share = _letters(head) / _letters(text)
        near = [g for g in blanks if abs((g.x0 + g.x1) / 2 - left - share * width) <= PLACE * width]
        found += [replace(g, at=at) for g in near[:1]]
    return found if len(found) == 1 else []


def _glue(head: str, tail: str) -> bool:
    """One of the two is a short word a narrow space loses (`vocabulary.json`'s `glued_words`)."""
    return any(part.lower() in VOCABULARY.glue_words for part in (head, tail.split("-")[0]))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _tall(ink: np.ndarray, height: int) -> bool:
    """A glyph's ink, not a speck beside it: a letter without ascenders stands a third of the
    word's height or more."""
    rows = np.flatnonzero(ink.any(axis=1))
    return rows[-1] - rows[0] + 1 >= SPECK * height


def _breaks(text: str, runs: list[tuple[int, int]], height: int) -> list[_Break]:
    """The blanks between runs that fall at a known place between two characters: every blank
    where each run is one character, else the one blank the runs leave for a lone change
    between letters and digits (where several could, the one whose digits' side is as wide as
    its digits)."""
    blanks = [_Break(0, a[1], b[0]) for a, b in zip(runs, runs[1:], strict=False)]
    if len(runs) == len(text):
        return [replace(g, at=k + 1) for k, g in enumerate(blanks)]
    turns = [k + 1 for k in range(len(text) - 1) if text[k].isalpha() != text[k + 1].isalpha()]
    if len(turns) != 1:
        return []
    before, after = turns[0], len(text) - turns[0]
    fits = [k for k in range(len(blanks)) if k + 1 <= before and len(runs) - k - 1 <= after]
    if len(fits) > 1:
        fits = [k for k in fits if _holds_digits(text, runs, k, height)]
    return [replace(blanks[fits[0]], at=turns[0])] if len(fits) == 1 else []


def _holds_digits(text: str, runs: list[tuple[int, int]], k: int, height: int) -> bool:
    """The ink on the digits' side of blank `k` is as wide as that many digits can be: a figure
    is set about as wide as it is tall (`DIGIT`), the narrowest ink a `1`'s stem."""
    n = sum(ch.isdigit() for ch in text)
    span = runs[k][1] - runs[0][0] if text[0].isdigit() else runs[-1][1] - runs[k + 1][0]
    return (n - 1) * DIGIT[0] * height + ONE * height <= span <= n * DIGIT[1] * height
