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


MARK_HIGH = 0.45  # of a line's figures' height: ink no taller may be a suppression mark's points
MARK_APART = 0.6  # of that height: other ink this close beside the points makes them a word's


def suppression_marks(words: list[Word], grey: np.ndarray, ink: np.ndarray) -> list[Word]:
    """`..` marks the sparse pass dropped, read from their ink: small blobs no word covers, on a
    line of figures and standing on its baseline, clear of other ink, whose shape is two points
    side by side (`glyphs.points`). Too small for the rereading of unexplained ink (word-sized
    blobs), they would leave their cells empty, the row's next value read into their column."""
    import cv2

    from . import glyphs

    figures = [w for w in words if re.search(r"\d", w.text)]
    if not figures:
        return words
    n, _, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8), connectivity=8)
    boxes = [(int(s[0]), int(s[1]), int(s[2]), int(s[3])) for s in stats[1:n] if s[4] >= 4]
    typical = float(np.median([w.bottom - w.top for w in figures]))
    small = sorted(b for b in boxes if b[3] <= MARK_HIGH * typical and b[2] <= 1.5 * typical)
    out: list[Word] = []
    for group in _mark_groups(small, typical):
        x0, top = min(b[0] for b in group), min(b[1] for b in group)
        x1, bottom = max(b[0] + b[2] for b in group), max(b[1] + b[3] for b in group)
        line = [w for w in figures if abs(bottom - w.bottom) <= 0.2 * (w.bottom - w.top) and w.top < top]
        if not line or any(w.x0 < x1 and x0 < w.x1 and w.top < bottom and top < w.bottom for w in words):
            continue
        reach = MARK_APART * typical
        line_top = min(w.top for w in line)
        beside = [b for b in boxes if b not in group and b[1] < bottom and line_top < b[1] + b[3]]
        if any(b[0] < x1 + reach and x0 - reach < b[0] + b[2] for b in beside):
            continue  # a word's point or a sentence's: points of a mark stand alone
        crop = grey[max(0, top - 4) : bottom + 4, max(0, x0 - 4) : x1 + 4]
        if glyphs.points(crop) == "..":
            out.append(Word("..", float(x0), float(line_top), float(x1), float(bottom), True, MARK_CONF))
    return words + out


MARK_CONF = 0.9


def _mark_groups(small: list[tuple[int, int, int, int]], typical: float) -> list[list[tuple[int, int, int, int]]]:
    """Small blobs (sorted by their left edge) alone, or two side by side on one line."""
    groups: list[list[tuple[int, int, int, int]]] = []
    used: set[int] = set()
    for i, a in enumerate(small):
        if i in used:
            continue
        pair = next(
            (
                j
                for j in range(i + 1, len(small))
                if j not in used
                and 0 <= small[j][0] - (a[0] + a[2]) <= 0.4 * typical
                and abs(small[j][1] + small[j][3] - a[1] - a[3]) <= 0.15 * typical
            ),
            None,
        )
        if pair is not None:
            used.add(pair)
            groups.append([a, small[pair]])
        else:
            groups.append([a])
    return groups
