"""A doubtful crop read again by both engines, and what its words become.

Each doubt is read by PP-OCR over its whole alphabet (is it a number at all: `c`, `n/a`, `R`?)
and over a number's characters, and, where any reading holds a digit, by tesseract restricted
to a number's characters. The readings vote, tesseract's page reading among them; two engines
with unrelated models rarely make the same mistake, so agreement is the evidence. What wins
becomes the words; every other number read is kept as an alternative on them, for the reader
to let the table's own arithmetic choose, or to withhold the value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .doubts import Doubt, numberish
from .readers import NUMBER_ALPHABET, CropReading, PixelWord, paddle_lines, split_line, tesseract_lines

PAD = 0.25  # of the text height: white kept around a crop
AGREED = 0.95  # confidence of a reading two engines agree on
ALONE = 0.5  # at most this for a reading no other engine shares
NUMBER = re.compile(r"^[(\-\u2212+]?[£$]?\d[\d,. ]*%?\)?$")
MIN_VOTE = 0.3  # a number-alphabet reading less sure than this does not vote
ENGINE_ORDER = ("rapidocr", "tesseract")  # who wins a tie


@dataclass
class Settled:
    """What a doubt's crop now holds: its words, each with the other numbers read there."""

    doubt: Doubt
    words: list[PixelWord]
    alternatives: tuple[str, ...]


def settle(clean: np.ndarray, found: list[Doubt], text_height: float, engines: tuple[str, ...]) -> list[Settled]:
    crops = [crop(clean, d, text_height) for d in found]
    readings = read_crops(crops, engines)
    return [decide(d, r) for d, r in zip(found, readings, strict=True)]


def crop(clean: np.ndarray, d: Doubt, text_height: float) -> np.ndarray:
    pad = max(2, int(PAD * text_height))
    part = clean[max(0, d.top - pad // 2) : d.bottom + pad // 2, max(0, d.x0 - pad // 2) : d.x1 + pad // 2]
    return np.pad(part, pad // 2 + 1, constant_values=255)


def read_crops(
    crops: list[np.ndarray], engines: tuple[str, ...], numeric: bool | None = None
) -> list[list[CropReading]]:
    """Every engine's readings of each crop. For a page's doubts (`numeric` None): PP-OCR's over
    both alphabets on all, tesseract's over a number's characters on those where any reading so
    far has a digit. For a region the reader asks about, both engines over a number's
    characters (`numeric`) or over their whole alphabets."""
    out: list[list[CropReading]] = [[] for _ in crops]
    if "rapidocr" in engines and crops:
        for i, rs in enumerate(paddle_lines(crops, "" if numeric is False else NUMBER_ALPHABET)):
            out[i] += rs
    if "tesseract" in engines:
        ask = [i for i, rs in enumerate(out) if numeric is not None or not rs or _has_digit(rs)]
        alphabet = "" if numeric is False else NUMBER_ALPHABET
        for i, r in zip(ask, tesseract_lines([crops[i] for i in ask], alphabet), strict=True):
            out[i].append(r)
    return out


def _has_digit(readings: list[CropReading]) -> bool:
    return any(numberish(r.text) for r in readings if not r.numeric)


def decide(d: Doubt, readings: list[CropReading]) -> Settled:
    page = (
        [CropReading("tesseract", " ".join(w.text for w in d.words), min(w.conf for w in d.words))] if d.words else []
    )
    votes = [r for r in page + readings if _votes(r, readings)]
    if not votes:
        return Settled(d, list(d.words), ())
    tally = Counter(_key(r.text) for r in votes)
    best = max(votes, key=lambda r: (tally[_key(r.text)], _prefer(r)))
    agreed = tally[_key(best.text)] >= 2
    conf = max(AGREED, best.conf) if agreed else min(ALONE, best.conf)
    others = tuple(dict.fromkeys(r.text for r in votes if _key(r.text) != _key(best.text) and NUMBER.match(r.text)))
    if page and _key(page[0].text) == _key(best.text):
        words = [_with_conf(w, max(w.conf, conf) if agreed else w.conf) for w in d.words]
    else:
        words = split_line(best.text, d.x0, d.top, d.x1, d.bottom, conf)
    return Settled(d, words, others)


def _votes(r: CropReading, readings: list[CropReading]) -> bool:
    """A number-alphabet reading votes only where its engine's whole-alphabet reading (if it
    made one) saw a digit too: forced to digits, a `c` or an arrow reads as some number."""
    if not r.text:
        return False
    if not r.numeric:
        return True
    whole = [o for o in readings if o.engine == r.engine and not o.numeric]
    return bool(NUMBER.match(r.text)) and r.conf >= MIN_VOTE and all(numberish(o.text) for o in whole)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\u2212", "-")


def _prefer(r: CropReading) -> tuple[int, int, float]:
    """A tie goes to a whole-alphabet reading (it saw letters too), then by engine, then confidence."""
    return (not r.numeric, -ENGINE_ORDER.index(r.engine), r.conf)


def _with_conf(w: PixelWord, conf: float) -> PixelWord:
    return PixelWord(w.text, w.x0, w.top, w.x1, w.bottom, conf)
