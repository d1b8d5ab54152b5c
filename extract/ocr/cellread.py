"""Read the cells of a page's grids: a general pass, then independent readings of each number.

Two independent readings of a number are the cheapest confidence signal OCR has: the general
pass sees the cell in context (arrows, `n/a`, words), the second sees only the number's own ink
as one line with tesseract's alphabet cut to digits and `%,.-`. Where they agree the number is
trustworthy; where they do not, a third reading at a larger scale decides by majority, and a
number with no majority keeps a confidence below the floor, so the table logic withholds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..page import Word
from ..values import parse_number
from . import glyphs
from .cleanup import clean_cell
from .engines import OcrEngine
from .layout import CellImage

_NUMBER = re.compile(r"^[(\-\u2212–]?\d[\d,.]*%?\)?$")
_CONFUSABLE = set("0123456789%,.-()OoIlSsBZ|")
AGREE = 0.97
MAJORITY = 0.9
NO_MAJORITY = 0.3
UPSCALE = 1.6


@dataclass
class CellReading:
    cell: CellImage
    words: list[Word] = field(default_factory=list)  # in the cell image's pixels
    readings: list[str] = field(default_factory=list)  # every reading of the cell's number


def read_cells(cells: list[CellImage], engine: OcrEngine) -> list[CellReading]:
    readings: list[CellReading] = []
    to_read: list[CellReading] = []
    for c in cells:
        r = CellReading(c)
        readings.append(r)
        g = glyphs.triangle(c.image)
        if g:
            h, w = c.image.shape
            r.words = [Word(g, 0, 0, w, h, True, 0.95)]
        else:
            to_read.append(r)
    first = engine.read_images([r.cell.image for r in to_read])
    for r, words in zip(to_read, first):
        r.words = clean_cell(words, r.cell.image)
    _numbers(to_read, engine)
    return readings


def _number_cell(words: list[Word]) -> bool:
    """One token that is (or OCR-confusably is) a number, perhaps after an arrow."""
    toks = [w.text for w in words if any(ch.isdigit() for ch in w.text) or set(w.text) <= _CONFUSABLE]
    if len(toks) != 1:
        return False
    t = toks[0]
    return sum(ch.isdigit() for ch in t) >= 1 and set(t) <= _CONFUSABLE


def _numbers(readings: list[CellReading], engine: OcrEngine) -> None:
    jobs: list[tuple[CellReading, str, int, int]] = []
    crops = []
    for r in readings:
        if not _number_cell(r.words):
            continue
        img = r.cell.image
        split = glyphs.split_arrow(img)
        arrow, x0, x1 = split if split else ("", 0, img.shape[1])
        pad = 6
        crop = np.pad(img[:, max(0, x0 - 2): min(img.shape[1], x1 + 2)], ((0, 0), (pad, pad)), constant_values=255)
        crops.append(crop)
        jobs.append((r, arrow, x0, x1))
    if not crops:
        return
    second = engine.read_images(crops, numeric=True)
    third_idx = []
    for k, ((r, arrow, x0, x1), words) in enumerate(zip(jobs, second)):
        first = next(w for w in r.words if any(ch.isdigit() for ch in w.text))
        r.readings = [first.text, "".join(w.text for w in words)]
        if _same(*r.readings):
            continue
        third_idx.append(k)
    if third_idx:
        import cv2

        big = [cv2.resize(crops[k], None, fx=UPSCALE, fy=UPSCALE, interpolation=cv2.INTER_CUBIC) for k in third_idx]
        for k, words in zip(third_idx, engine.read_images(big, numeric=True)):
            jobs[k][0].readings.append("".join(w.text for w in words))
    for r, arrow, x0, x1 in jobs:
        _settle(r, arrow, x0, x1)


def _same(a: str, b: str) -> bool:
    na, nb = parse_number(a), parse_number(b)
    return na is not None and na == nb


def _settle(r: CellReading, arrow: str, x0: int, x1: int) -> None:
    """The cell's words become the arrow (if any) and the agreed number, or a doubtful one."""
    texts = r.readings
    h = r.cell.image.shape[0]
    first = next(w for w in r.words if any(ch.isdigit() for ch in w.text))
    if _same(texts[0], texts[1]):
        text, conf = texts[1], max(AGREE, first.conf)
    else:
        votes = [t for t in texts if parse_number(t) is not None]
        best = next((t for t in votes if sum(_same(t, u) for u in votes) >= 2), None)
        text, conf = (best, MAJORITY) if best else (texts[1] if parse_number(texts[1]) else texts[0], NO_MAJORITY)
    words = []
    if arrow:
        words.append(Word(arrow, 0, 0, max(1, x0 - 2), h, True, 0.9))
    words.append(Word(text, x0, 0, x1, h, True, min(conf, 0.99)))
    r.words = words
