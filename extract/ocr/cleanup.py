"""OCR-specific repairs of one cell's words, each justified by the cell's own ink.

- A short junk token beside a number (`t 15%`, `-12% j`, `> -3%`) is an arrow the model has no
  glyph for: its ink is classified as an arrow and the token becomes `↑`/`↓`/`→`, or it is dropped
  if the ink is not arrow-shaped (a number with a stray mark must still parse), unless it is a
  capital read surely before a whole number: a reference's prefix (`W 06`).
- A lone word that reads as a code of the vocabulary's `missing` lists after OCR's usual
  confusions, or one edit from one (`Loca`, `Locai`, `LocaI` for `Local`), is that code.
- Marks with no letter or digit beside a word (`_—_ Local`) are specks and rule remnants, and so
  are marks with an underscore among them glued to a word's start (`_—_LAC1-NI`, `_LAC13`): a
  rule over the cell's text read with it.
- `-Wa`, `-na`, `- Wa`, `wa` are `- n/a` or `n/a`: the slash of a small `n/a` is the stroke a blurred scan loses
  first, and `n/a` is, with `Local`, the word these columns print most.
"""

from __future__ import annotations

import re

import numpy as np

from ..page import Word
from ..vocabulary import VOCABULARY
from . import glyphs

_NUM = re.compile(r"\d")
_JUNK = re.compile(r"^[^\w%]{1,2}$|^[tjJlI|][lbI|]?$|^[A-Za-z]$")
_MARKS = re.compile(r"^[_—–~=|'\"‘’“”`^*.,:;]+[a-z]?$")  # `—s`: a rule's remnant and a speck
_GLUED = re.compile(r"^(?=[_—–~=|-]*_)[_—–~=|-]+(?=[A-Za-z0-9])")
_NA = re.compile(r"^(-\s*)?[nNWw]\s*[/|lI]?\s*[aA]$")
SURE_LETTER = 0.9  # an engine's confidence in a lone capital that is a letter printed, not a mark read as one


def clean_cell(words: list[Word], image: np.ndarray) -> list[Word]:
    if not words:
        return words
    words = [_unglued(w) for w in words]
    has_number = any(_NUM.search(w.text) for w in words)
    if not has_number and any(sum(ch.isalpha() for ch in w.text) >= 3 for w in words):
        words = [w for w in words if not _MARKS.match(w.text)]
    text = " ".join(w.text for w in words)
    if (m := _NA.match(text)) and (m.group(1) or text[0] in "Ww") and text != "- n/a":
        x0, top = min(w.x0 for w in words), min(w.top for w in words)
        x1, bottom = max(w.x1 for w in words), max(w.bottom for w in words)
        return [Word("- n/a" if m.group(1) else "n/a", x0, top, x1, bottom, True, min(w.conf for w in words))]
    out = []
    for k, w in enumerate(words):
        if has_number and not _NUM.search(w.text) and _JUNK.match(w.text) and len(words) <= 3:
            g = glyphs.arrow(_crop(image, w))
            if g:
                out.append(Word(g, w.x0, w.top, w.x1, w.bottom, True, w.conf))
            elif prefix_letter(w, words[k + 1 : k + 2]):
                out.append(w)
            continue
        code = VOCABULARY.ocr_code(w.text) if len(words) == 1 else None
        if code is not None and code.lower() != w.text.lower():
            out.append(Word(code, w.x0, w.top, w.x1, w.bottom, True, w.conf))
            continue
        out.append(w)
    return out


def prefix_letter(w: Word, after: list[Word]) -> bool:
    """A capital read surely just before a whole number: a reference's prefix set apart (`W 06`),
    not a mark beside a figure (an arrow's ink was made its arrow before this is asked)."""
    return len(w.text) == 1 and w.text.isupper() and w.conf >= SURE_LETTER and bool(after) and after[0].text.isdigit()


def _unglued(w: Word) -> Word:
    text = _GLUED.sub("", w.text)
    return w if text == w.text else Word(text, w.x0, w.top, w.x1, w.bottom, True, w.conf, note=w.note)


def _crop(image: np.ndarray, w: Word) -> np.ndarray:
    h, wd = image.shape
    return image[max(0, int(w.top) - 1) : min(h, int(w.bottom) + 2), max(0, int(w.x0) - 1) : min(wd, int(w.x1) + 2)]
