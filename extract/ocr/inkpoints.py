"""Decimal points the sparse pass dropped, put back where the word's own ink shows them.

A blurred point is the smallest glyph on a scan, and tesseract's sparse mode drops it: `6.1`
comes back `61` in a row of `5.3 2.5 3.4`, and the row, its figures no longer in one number
format, is withheld whole (`records.withhold_off_precision`). The ink still holds the point: a
speck between two digits' ink, on their baseline, no wider than a stroke, apart from both where
the ink is cut halfway between the darkest stroke and the paper (blur joins them at the
binarisation's level). A comma hangs below the baseline; a mark with three digits after it could
be either, and is left alone. A row left in two number formats is still withheld downstream
where no two-thirds majority settles it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from ..page import Word
from .image import true_runs

TALL = 0.6  # of the word's ink height: a run this tall is a digit
POINT_HIGH = 0.35  # of the ink height: a point stands no higher than this above the baseline
POINT_WIDE = 0.3  # of the ink height: and is no wider
REACH = 0.4  # of the word's box height: how far below it a comma's tail is looked for
POINT_MIN = 0.1  # of the ink height: nor narrower or lower than this (a scanner's speck)
BELOW = 0.1  # of the ink height: a mark reaching further below the digits' bottom is a comma
MIN_DIGIT = 14  # pixels: digits shorter (a 150-dpi scan's) leave a point too few pixels to tell from a speck


def points_from_ink(words: list[Word], grey: np.ndarray, ink: np.ndarray) -> list[Word]:
    """Each word, with the decimal point its ink shows and its reading lacks (boxes in the
    images' pixels; `ink` the page's binarised ink)."""
    return [_pointed(w, grey, ink) for w in words]


def _pointed(w: Word, grey: np.ndarray, ink: np.ndarray) -> Word:
    """The point as the binarisation finds the ink, else in the strokes' cores: a blurred point
    joins a digit at the binarisation's level, and a thin stroke breaks at the cores'."""
    if not re.fullmatch(r"\d{2,}", w.text):
        return w
    top, bottom, left = max(0, int(w.top)), int(round(w.bottom)), max(0, int(w.x0))
    below = round(REACH * (bottom - top))  # a comma's tail may hang below the word's box
    rows, cols = slice(top, bottom + below + 1), slice(left, int(round(w.x1)) + 1)
    crop = grey[rows, cols]
    if not crop.size:
        return w
    binarised = ink[rows, cols] > 0
    found = _point_at(w.text, binarised)
    if found is None:
        cores = crop < (int(crop.min()) + int(np.median(crop))) // 2
        found = _point_at(w.text, cores)
        if found is not None and binarised[: found.top, found.x0 : found.x1].any():
            found = None  # a piece of a faint stroke the cores broke off, not a point blur joined
    return w if found is None else replace(w, text=f"{w.text[: found.at]}.{w.text[found.at :]}")


@dataclass(frozen=True)
class _Found:
    at: int  # digits before the point
    x0: int  # the point's columns in the crop
    x1: int
    top: int  # the row from which a point's ink may stand: above it, a stroke's


def _point_at(text: str, box: np.ndarray) -> _Found | None:
    """Where the point the ink shows stands, if it shows one."""
    rows = np.flatnonzero(box.any(axis=1))
    if not len(rows):
        return None
    height = rows[-1] - rows[0] + 1
    runs = true_runs(box.any(axis=0))
    extents = [_extent(box[:, a:b]) for a, b in runs]
    tall = [k for k, (_, h) in enumerate(extents) if h >= TALL * height]
    if len(tall) != len(text):
        return None
    base = max(extents[k][0] + extents[k][1] - 1 for k in tall)
    digit = base - min(extents[k][0] for k in tall) + 1
    if digit < MIN_DIGIT:
        return None
    between = [k for k in range(tall[0], tall[-1] + 1) if k not in tall]
    if len(between) != 1 or not _point(extents[between[0]], runs[between[0]][1] - runs[between[0]][0], base, digit):
        return None
    at = sum(1 for k in tall if k < between[0])
    if len(text) - at == 3:
        return None  # `1.234` or `1,234`: a point and a thousands comma look alike
    x0, x1 = runs[between[0]]
    return _Found(at, x0, x1, max(0, round(base - POINT_HIGH * digit)))


def _extent(run: np.ndarray) -> tuple[int, int]:
    """The run's first inked row and its height."""
    rows = np.flatnonzero(run.any(axis=1))
    return (int(rows[0]), int(rows[-1] - rows[0] + 1)) if len(rows) else (0, 0)


def _point(extent: tuple[int, int], width: int, base: int, digit: int) -> bool:
    """A speck on the digits' baseline (`base`), small beside their height (`digit`)."""
    start, tall = extent
    if not POINT_MIN * digit <= width <= POINT_WIDE * digit or not POINT_MIN * digit <= tall <= POINT_HIGH * digit:
        return False
    return start >= base - POINT_HIGH * digit and start + tall - 1 <= base + BELOW * digit
