"""A text layer whose codes are not its characters: read the key off the page's own glyphs.

A font embedded without a Unicode map, or with its codes moved (glyph indices, a private
encoding), gives a text layer of junk: `3HUIRUPDQFH` or letter salad for `Performance`. Yet each
code still stands for one glyph wherever it recurs in that font: the layer is a substitution
cipher of the printed text, with every character's box, font and size exact. One OCR pass over
the rendered page reads most words right; where an OCR word covers exactly as many of the
layer's characters as it has letters, each code gets a vote for the letter read over it. A
code's letter is what its votes agree on; a code with no votes whose glyphs leave the page blank
is a space. Deciphered, the layer is read like any other text layer, with the geometry OCR only
estimates, and every number printed in the same font is read with the same key, so one misread
glyph does not become a wrong value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from .page import Word
from .pdftext import TextLayer
from .pdftext.chars import LTR, Char

AGREE = 0.75  # share of a code's votes its letter must have
MIN_DIGIT_VOTES = 2  # a digit is a value's substance: one reading of it is not enough
UNKNOWN = "\ufffd"


@dataclass(frozen=True)
class Key:
    """What each glyph code of each font reads as: `letters[(font, code)]`."""

    letters: dict[tuple[str, str], str] = field(default_factory=dict)
    clashed: frozenset[tuple[str, str]] = frozenset()  # codes read as another's letter: OCR misread them

    def read(self, ch: Char) -> str:
        return self.letters.get((ch.style.font, ch.text), UNKNOWN)


@dataclass(frozen=True)
class Deciphered:
    layer: TextLayer
    known: float  # share of the layer's printed glyphs read, by the key or by OCR over them
    codes: int  # codes (font, code) the key holds


Blank = Callable[[Char], bool]  # does this glyph leave the page blank (a space)?
Readings = dict[int, str]  # a printed character (its index in the layer's characters) -> the letter OCR read over it


def read_glyphs(chars: list[Char], ocr_words: Iterable[Word], same: dict[str, str]) -> Readings:
    """The letter each OCR word (as displayed, in points) reads over each character, where it
    covers exactly as many of them as it has letters; marks OCR confuses (`same`: dashes) are
    read as one."""
    out: Readings = {}
    for text, under in _covers(chars, ocr_words, same):
        if len(under) == len(text):
            out.update(zip(under, text, strict=True))
    return out


def read_between(chars: list[Char], ocr_words: Iterable[Word], key: Key, same: dict[str, str]) -> Readings:
    """What an OCR word reads over the one glyph of it the key lacks, between the letters the key
    reads: a ligature (`ﬁ` read `fi`), or a glyph whose word OCR split or joined."""
    out: Readings = {}
    for text, under in _covers(chars, ocr_words, same):
        read = [key.read(chars[i]) for i in under]
        if read.count(UNKNOWN) != 1:
            continue
        p = read.index(UNKNOWN)
        before, after = "".join(read[:p]), "".join(read[p + 1 :])
        middle = text[len(before) : len(text) - len(after)]
        if middle and text.startswith(before) and text.endswith(after):
            out[under[p]] = middle
    return out


def _covers(chars: list[Char], ocr_words: Iterable[Word], same: dict[str, str]) -> Iterator[tuple[str, list[int]]]:
    """Each OCR word's text and the printed characters (their indices, left to right) it covers."""
    at = [i for i, c in enumerate(chars) if not c.generated and c.style.heading == LTR]
    if not at:
        return
    xc = np.array([(chars[i].x0 + chars[i].x1) / 2 for i in at])
    yc = np.array([(chars[i].top + chars[i].bottom) / 2 for i in at])
    for w in ocr_words:
        text = "".join(same.get(ch, ch) for ch in w.text.strip())
        inside = np.flatnonzero((xc >= w.x0) & (xc <= w.x1) & (yc >= w.top) & (yc <= w.bottom))
        if text and len(inside):
            yield text, sorted((at[j] for j in inside), key=lambda i: chars[i].x0)


def learn(chars: list[Char], ocr_words: list[Word], blank: Blank, same: dict[str, str]) -> tuple[Key, Readings]:
    """The key, and OCR's reading of each character it read: first from the words that cover as
    many glyphs as they have letters, then from those where the key leaves one glyph unread."""
    readings = read_glyphs(chars, ocr_words, same)
    key = learn_key(chars, readings, blank)
    more = read_between(chars, ocr_words, key, same)
    if not more:
        return key, readings
    readings = more | readings
    return learn_key(chars, readings, blank), readings


def learn_key(chars: list[Char], readings: Readings, blank: Blank) -> Key:
    """The letter each code's readings agree on; a code never read whose glyphs leave the page
    blank is a space."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for i, letter in readings.items():
        votes[(chars[i].style.font, chars[i].text)][letter] += 1
    letters = {code: letter for code, counter in votes.items() if (letter := _agreed(counter))}
    clashed = _drop_clashes(letters, votes)
    unread: dict[tuple[str, str], list[Char]] = defaultdict(list)
    for c in chars:
        code = (c.style.font, c.text)
        if not c.generated and c.style.heading == LTR and code not in votes:
            unread[code].append(c)
    letters.update({code: " " for code, seen in unread.items() if _all_blank(seen, blank)})
    return Key(letters, frozenset(clashed))


def decipher(layer: TextLayer, key: Key, readings: Readings) -> Deciphered:
    """The layer read with `key`; a glyph it does not hold reads as OCR read it there, else as
    U+FFFD, which no number or word matches."""
    out: list[Char] = []
    known = printed = 0
    chars = layer.chars
    for i, c in enumerate(chars):
        if c.generated:
            out.append(c)
            continue
        text = key.read(c)
        if text == UNKNOWN and (c.style.font, c.text) not in key.clashed:
            text = readings.get(i, UNKNOWN)
        printed += 1
        known += text != UNKNOWN
        x1 = _advance_end(c, chars[i + 1] if i + 1 < len(chars) else None)
        out.append(Char(text, c.x0, c.top, x1, c.bottom, c.style))
    return Deciphered(TextLayer(out, layer.objects, layer.frame), known / printed if printed else 0.0, len(key.letters))


def _advance_end(c: Char, nxt: Char | None) -> float:
    """Where the glyph's advance ends: at the next glyph of its line. A font's widths are looked
    up by character, and a moved code looks up another glyph's width, so a box can end short
    of the next glyph and split a word (`(%` `)`); a gap the reader saw is a generated space."""
    if nxt is None or nxt.generated or c.style.heading != LTR or nxt.style.heading != LTR:
        return c.x1
    if abs(nxt.top - c.top) > 0.1 * c.style.size or not 0.0 < nxt.x0 - c.x1 < c.style.size:
        return c.x1
    return nxt.x0


def _agreed(counter: Counter) -> str:
    """The letter a code's votes agree on, or '' where they split or a digit is read once."""
    letter, n = counter.most_common(1)[0]
    if n < AGREE * sum(counter.values()):
        return ""
    if letter.isdigit() and n < MIN_DIGIT_VOTES:
        return ""
    return letter


def _drop_clashes(letters: dict[tuple[str, str], str], votes: dict[tuple[str, str], Counter]) -> set[tuple[str, str]]:
    """A font's codes stand for distinct glyphs: where two codes of one font read as the same
    letter (OCR's `l` for `/`, `I` or `1`), only the one with more votes keeps it; the others
    are returned."""
    taken: set[tuple[str, str]] = set()
    clashed: set[tuple[str, str]] = set()
    for code, letter in sorted(letters.items(), key=lambda kv: -votes[kv[0]][kv[1]]):
        if (code[0], letter) in taken:
            del letters[code]
            clashed.add(code)
        taken.add((code[0], letter))
    return clashed


def _all_blank(instances: list[Char], blank: Blank, sample: int = 8) -> bool:
    """Most of a code's glyphs (a sample) blank: a glyph's box may catch a neighbour's edge."""
    seen = instances[:sample]
    return bool(seen) and sum(blank(c) for c in seen) >= 0.75 * len(seen)


def blank_in(grey: np.ndarray, dpi: float, contrast: int = 60) -> Blank:
    """Whether a glyph's box (as displayed, in points) holds no ink on the page rendered at `dpi`."""
    s = dpi / 72.0
    h, w = grey.shape[:2]

    def blank(c: Char) -> bool:
        x0, x1 = max(0, int(c.x0 * s) + 1), min(w, int(c.x1 * s))
        y0, y1 = max(0, int(c.top * s) + 1), min(h, int(c.bottom * s))
        if x1 <= x0 or y1 <= y0:
            return True
        box = grey[y0:y1, x0:x1]
        return int(box.max()) - int(box.min()) < contrast

    return blank
