"""The two engines as readers of a page and of crops, in image pixels.

Tesseract reads the whole page in sparse-text mode (psm 11: a table is not paragraphs, and its
layout analysis would merge neighbouring cells into lines and drop short numbers); PP-OCR can
too (detector and recogniser), at several times the cost. Either reads crops as single lines,
optionally restricted to a number's characters: tesseract through its character whitelist,
crops stacked one per line in a few images (a tesseract call costs more than a short line),
PP-OCR through its decoder (`paddle.read_lines`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NUMBER_ALPHABET = "0123456789%,.-()"


@dataclass(frozen=True, slots=True)
class PixelWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float


@dataclass(frozen=True, slots=True)
class CropReading:
    """One engine's reading of a crop as a line; `numeric`: with the number alphabet."""

    engine: str
    text: str
    conf: float
    numeric: bool = False


def tesseract_page(image: np.ndarray, dpi: int) -> list[PixelWord]:
    from . import tess

    return [PixelWord(t.text, t.x0, t.top, t.x1, t.bottom, t.conf) for t in tess.run(image, 11, dpi=dpi)]


def paddle_page(image: np.ndarray) -> list[PixelWord]:
    """PP-OCR's text lines, each cut into words with boxes shared out by characters."""
    from . import paddle

    out: list[PixelWord] = []
    for box, text, score in paddle.page_lines(image):
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        out += split_line(text, min(xs), min(ys), max(xs), max(ys), score)
    return out


def tesseract_lines(crops: list[np.ndarray], alphabet: str = "") -> list[CropReading]:
    """Each crop read as one line (psm 7's job, done for many crops at once: stacked one per
    line with white between, psm 6, each word sent back to the crop whose slot holds it)."""
    from . import tess
    from .mosaic import pack

    texts: list[list[tuple[float, str, float]]] = [[] for _ in crops]
    if crops:
        gap = max(30, int(np.median([c.shape[0] for c in crops])))
        width = max(c.shape[1] for c in crops) + 2 * gap
        for m in pack(crops, gap, width=width, column=True):
            for w in tess.run(m.image, 6, whitelist=alphabet):
                hit = m.owner((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2)
                if hit is not None:
                    texts[hit[0]].append((w.x0, w.text, w.conf))
    out = []
    for parts in texts:
        parts.sort()
        text = " ".join(t for _, t, _ in parts)
        out.append(CropReading("tesseract", text, min((c for _, _, c in parts), default=0.0), bool(alphabet)))
    return out


def paddle_lines(crops: list[np.ndarray], alphabet: str = "") -> list[list[CropReading]]:
    """PP-OCR's reading of each crop, and with `alphabet` its restricted reading too."""
    from . import paddle

    out = []
    for r in paddle.read_lines(crops, alphabet):
        readings = [CropReading("rapidocr", r.text, r.conf)]
        if alphabet:
            readings.append(CropReading("rapidocr", r.restricted, r.restricted_conf, True))
        out.append(readings)
    return out


def split_line(text: str, x0: float, top: float, x1: float, bottom: float, conf: float) -> list[PixelWord]:
    """A line's words, each given the share of the line's box its characters take."""
    tokens = text.split()
    if not tokens:
        return []
    per = (x1 - x0) / max(1, len(text))
    out, pos = [], 0
    for t in tokens:
        start = text.index(t, pos)
        out.append(PixelWord(t, x0 + start * per, top, x0 + (start + len(t)) * per, bottom, conf))
        pos = start + len(t)
    return out
