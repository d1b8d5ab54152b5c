"""A scanner's invisible OCR layer as a second reading of the words our OCR read.

The router reads a page with such a layer again (the layer's figures are too often wrong to
state: read as text, the corpus's development and probe layers give 8% of the values). Its words
still say something where our reading is doubtful: a word of ours that is no English word
(`adoppons`, `penod`), under which the layer reads an English word close to it (`adoptions`,
`period`), is that word. Two readings disagree, and the one in the language wins; figures are
left alone (a misread figure is as likely English-shaped in either reading), and so are
references, acronyms and names no word list holds (`UASC`, a place name). A small or faint
print loses strokes (`ri` read as `n`, `tt` as `r`) more than it gains them, so the layer's word
is taken only if it is no shorter than ours: `Leavers` does not become `loaves`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from .page import Word

MIN_LETTERS = 4  # shorter words are too alike for a reading of them to mean one word
CLOSE = 0.7  # SequenceMatcher ratio from which two readings are one word misread
_EDGES = ".,;:()[]|\"'\u2018\u2019\u201c\u201d"
_ENDINGS = ("s", "es", "ed", "ing")  # a word list holds the stem, not each inflection


def known(word: str, words: Collection[str]) -> bool:
    """A word in the list, or an inflection of one."""
    w = word.lower()
    return w in words or any(w.endswith(e) and w[: -len(e)] in words for e in _ENDINGS)


def second_reading(ours: Sequence[Word], layer: Sequence[Word], words: Collection[str]) -> list[Word]:
    """Our words, each unknown word replaced by the known word the layer reads over it, if the two
    are close (cased as ours is)."""
    layer = onto(layer, ours)
    return [_better(w, layer, words) for w in ours]


MIN_PAIRS = 6  # words both readings read alike, once each, from which the layer is moved onto ours
MIN_PAIR_LETTERS = 4  # shorter words repeat too often to pair one reading's with the other's
MISFIT = 3.0  # points: a pair the fit leaves this far apart is two words, not one, and is refitted without


def onto(layer: Sequence[Word], ours: Sequence[Word]) -> list[Word]:
    """The layer's words moved into our reading's frame. We read the page straightened (a scan's
    skew turned out, its perspective set square) and the layer sits on the page as scanned: at
    two degrees a word a few inches from the page's centre stands a line or two off our reading
    of it, and no word of the layer lies over ours. The words both read alike, once each, give
    an affine map from the layer to us (least squares, refitted without the pairs it leaves
    apart); with too few of them the layer stays where it is."""
    import numpy as np

    pairs = _pairs(layer, ours)
    if len(pairs) < MIN_PAIRS:
        return list(layer)
    src = np.array([[a.xc, a.yc, 1.0] for a, _ in pairs])
    dst = np.array([[b.xc, b.yc] for _, b in pairs])
    fit = np.linalg.lstsq(src, dst, rcond=None)[0]
    near = np.hypot(*(src @ fit - dst).T) <= MISFIT
    if MIN_PAIRS <= near.sum() < len(pairs):
        fit = np.linalg.lstsq(src[near], dst[near], rcond=None)[0]
    out = []
    for w in layer:
        x, y = np.array([w.xc, w.yc, 1.0]) @ fit
        dx, dy = float(x) - w.xc, float(y) - w.yc
        out.append(replace(w, x0=w.x0 + dx, x1=w.x1 + dx, top=w.top + dy, bottom=w.bottom + dy))
    return out


def _pairs(layer: Sequence[Word], ours: Sequence[Word]) -> list[tuple[Word, Word]]:
    def once(ws: Sequence[Word]) -> dict[str, Word]:
        seen: dict[str, list[Word]] = {}
        for w in ws:
            if len(w.text) >= MIN_PAIR_LETTERS and w.text.isalpha():
                seen.setdefault(w.text, []).append(w)
        return {t: v[0] for t, v in seen.items() if len(v) == 1}

    theirs, mine = once(layer), once(ours)
    return [(theirs[t], mine[t]) for t in theirs.keys() & mine.keys()]


def unlisted(w: Word, words: Collection[str]) -> bool:
    """A word of letters, not an acronym, long enough to mean one word, that no list holds."""
    text = w.text.strip(_EDGES)
    return len(text) >= MIN_LETTERS and _lettered(text) and not _listed(text, words) and not text.isupper()


def _lettered(text: str) -> bool:
    """Letters, or words of letters joined by single hyphens (`semi-independent`)."""
    return all(part.isalpha() for part in text.split("-"))


def _listed(text: str, words: Collection[str]) -> bool:
    """Known, or a compound of known words: a word list holds `semi` and `independent`, not
    every compound made of them, so a misread part (`semi-nuepencent`) is what makes one unknown."""
    return all(known(part, words) for part in text.split("-"))


def _better(w: Word, layer: Sequence[Word], words: Collection[str]) -> Word:
    if not unlisted(w, words):
        return w
    text = w.text.strip(_EDGES)
    reach = (w.bottom - w.top) / 2  # the layer's words sit roughly, not exactly, on the ink
    for other in layer:
        if not (w.x0 <= other.xc <= w.x1 and w.top - reach <= other.yc <= w.bottom + reach):
            continue
        alt = other.text.strip(_EDGES)
        if len(alt) < len(text) or not _lettered(alt) or not _listed(alt, words):
            continue
        if SequenceMatcher(None, alt.lower(), text.lower()).ratio() >= CLOSE:
            cased = alt.capitalize() if text[0].isupper() else alt.lower()
            return replace(w, text=w.text.replace(text, cased))
    return w
