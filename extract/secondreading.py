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
    return [_better(w, layer, words) for w in ours]


def unlisted(w: Word, words: Collection[str]) -> bool:
    """A word of letters, not an acronym, long enough to mean one word, that no list holds."""
    text = w.text.strip(_EDGES)
    return len(text) >= MIN_LETTERS and text.isalpha() and not known(text, words) and not text.isupper()


def _better(w: Word, layer: Sequence[Word], words: Collection[str]) -> Word:
    if not unlisted(w, words):
        return w
    text = w.text.strip(_EDGES)
    reach = (w.bottom - w.top) / 2  # the layer's words sit roughly, not exactly, on the ink
    for other in layer:
        if not (w.x0 <= other.xc <= w.x1 and w.top - reach <= other.yc <= w.bottom + reach):
            continue
        alt = other.text.strip(_EDGES)
        if len(alt) < len(text) or not alt.isalpha() or not known(alt, words):
            continue
        if SequenceMatcher(None, alt.lower(), text.lower()).ratio() >= CLOSE:
            cased = alt.capitalize() if text[0].isupper() else alt.lower()
            return replace(w, text=w.text.replace(text, cased))
    return w
