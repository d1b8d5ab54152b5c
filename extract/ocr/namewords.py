"""Words of a page no word list holds, read again by the second engine.

A misread word the engine was sure of (`tate` for `rate`) files a row's values under a name
nobody printed, and its confidence does not tell it from a printed word: a word list does,
taken as the words it prints in lower case (`Tate` is a name, `tate` in a name a misreading).
Such a word is read again on its own crop by the second engine, whose model is unrelated to
tesseract's; where that engine reads a listed word close to it, the listed word stands, as a
scanner's OCR layer is taken over an unlisted reading (`secondreading`: no shorter, since blur
loses strokes rather than adds them). Where it reads the same letters, or anything else, the
word stays: a place name or a coinage no list holds is printed so.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..page import Word
from ..secondreading import second_reading, unlisted
from ..textquality import common_words
from .engines import OcrEngine, word_crop


def names_read_again(img: np.ndarray, words: list[Word], engine: OcrEngine, scale: float) -> list[Word]:
    """`words` (in points; `img` the page at `1 / scale` pixels a point), each unlisted word the
    second engine reads as a listed one close to it taken as that word."""
    if engine.second is None:
        return words
    listed = common_words()
    todo = [k for k, w in enumerate(words) if unlisted(w, listed)]
    if not todo:
        return words
    crops = [word_crop(img, _in_pixels(words[k], scale)) for k in todo]
    out = list(words)
    for k, read in zip(todo, engine.second.read_images(crops, line=True), strict=True):
        again = replace(words[k], text=" ".join(w.text for w in read))
        out[k] = second_reading([words[k]], [again], listed)[0]
    return out


def _in_pixels(w: Word, scale: float) -> Word:
    return replace(w, x0=w.x0 / scale, top=w.top / scale, x1=w.x1 / scale, bottom=w.bottom / scale)
