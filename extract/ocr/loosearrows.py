"""Arrows the sparse pass left unread: a page whose table has no column rules is read as sparse
text, and neither engine has an arrow in its alphabet, so a direction-of-travel column comes
back empty. Ink no word's box explains, which the reread of unexplained ink (`inkwords`) read
as nothing either, a letter tall and shaped as an arrow or a triangle by `glyphs`, is that
mark: a `1` or a `t` that shares a blurred arrow's bump is read there, so unexplained ink shaped
so is no letter. The table reader decides which column the mark stands in."""

from __future__ import annotations

from statistics import median

import numpy as np

from ..page import Word
from . import glyphs

SHAPED = 0.9  # the confidence of a mark read from its ink alone
TALL = (0.6, 1.6)  # an arrow's height over the page's typical word height
PAD = 3  # pixels of paper round a blob's crop
MIN_AREA = 12  # pixels: a speck's ink, no glyph


def loose_arrows(img: np.ndarray, ink: np.ndarray, words: list[Word]) -> list[Word]:
    """Marks read from unexplained ink, in the image's pixels."""
    import cv2

    heights = [w.bottom - w.top for w in words if any(ch.isalnum() for ch in w.text)]
    if not heights:
        return []
    typical = median(heights)
    covered = np.zeros(ink.shape, bool)
    for w in words:
        covered[max(0, int(w.top)) : int(round(w.bottom)) + 1, max(0, int(w.x0)) : int(round(w.x1)) + 1] = True
    n, labels, stats, _ = cv2.connectedComponentsWithStats((ink > 0).astype(np.uint8), connectivity=8)
    out = []
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if area < MIN_AREA or not TALL[0] * typical <= max(bw, bh) <= TALL[1] * typical:
            continue
        if covered[y : y + bh, x : x + bw].any():
            continue
        mark = _mark(img, labels == i, x, y, bw, bh)
        if mark:
            out.append(Word(mark, float(x), float(y), float(x + bw), float(y + bh), True, SHAPED))
    return out


def _mark(img: np.ndarray, blob: np.ndarray, x: int, y: int, w: int, h: int) -> str | None:
    """The blob's shape as the binarisation found it, black on white: a small arrow's ink is grey,
    and a fixed ink level keeps only the darkest pixels of its shaft."""
    y0, x0 = max(0, y - PAD), max(0, x - PAD)
    crop = np.where(blob[y0 : y + h + PAD, x0 : x + w + PAD], 0, 255).astype(np.uint8)
    return glyphs.lone_arrow(crop) or glyphs.thin_arrow(crop) or glyphs.flat_arrow(crop) or glyphs.triangle(crop)
