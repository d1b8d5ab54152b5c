"""Filled rectangles in a page image: header bands, zebra stripes, section rows, coloured cells.

A text layer hands its filled rectangles over as objects; a scan shows them only as ground
darker than the paper. Their edges divide rows as drawn rules do (a section row's light fill
has no rule over it, and without the fill its heading reads as the last line of the row above),
and a band holds a header's lines together. The ground is the page with its dark print taken
out (a closing wider than a stroke: a median keeps the grey between a line's letters); a dark
band's white print is the band's (`image.band_mask`). A fill is a rectangle of ground darker
than the paper, wide and tall enough to hold a line of print.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layout import percentile

STROKE = 2.0  # points: wider than a stroke of print, narrower than a fill is tall
FILL_CONTRAST = 12  # grey levels under the paper's from which the ground is a fill
MIN_HEIGHT = 6.0  # points: a fill holds a line of print; a thick rule is no fill
MIN_WIDTH = 24.0  # points
SQUARE = 0.85  # share of its bounding box a fill's ground covers: a rectangle, not a blot
MAX_PAGE = 0.5  # share of the page: a fill this big is the paper's own tone


@dataclass(frozen=True)
class FillBox:
    """In pixels of the image it was found in; `grey` 0 black to 1 white."""

    x0: int
    top: int
    x1: int
    bottom: int
    grey: float


def find_fills(grey: np.ndarray, dpi: int, band: np.ndarray, rules: np.ndarray) -> list[FillBox]:
    """The fills of a page image and its dark bands (`band`, a mask of the same shape). A light
    fill set against a band or another fill (a section row under a header), or parted from one of
    the same tone by a rule (`rules`, a mask), is a fill of its own."""
    import cv2

    k = int(STROKE * dpi / 72) | 1
    ground = cv2.medianBlur(cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8)), 5)
    paper = float(percentile(ground, 95))
    near_band = cv2.dilate(band.astype(np.uint8), np.ones((k, k), np.uint8)) > 0
    light = (ground < paper - FILL_CONTRAST) & ~near_band & ~_edges(ground) & ~(rules > 0)
    return _rectangles(band, ground, dpi) + _rectangles(light, ground, dpi)


def _edges(ground: np.ndarray) -> np.ndarray:
    """Where the ground steps from one tone to another: the seam between two fills set edge to
    edge (a section row's grey under a header's), which would otherwise be one fill."""
    g = ground.astype(np.int16)
    out = np.zeros(ground.shape, bool)
    out[1:] |= np.abs(np.diff(g, axis=0)) > FILL_CONTRAST // 2
    out[:, 1:] |= np.abs(np.diff(g, axis=1)) > FILL_CONTRAST // 2
    return out


def _rectangles(mask: np.ndarray, ground: np.ndarray, dpi: int) -> list[FillBox]:
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=4)
    min_w, min_h = MIN_WIDTH * dpi / 72, MIN_HEIGHT * dpi / 72
    page = mask.shape[0] * mask.shape[1]
    ws, hs, areas = (stats[:, i].astype(np.int64) for i in (2, 3, 4))
    big = (ws >= min_w) & (hs >= min_h) & (areas >= SQUARE * ws * hs) & (ws * hs <= MAX_PAGE * page)
    out = []
    for k in np.flatnonzero(big[1:n]) + 1:
        x, y, w, h, _area = (int(v) for v in stats[k])
        level = float(np.median(ground[y : y + h, x : x + w][labels[y : y + h, x : x + w] == k]))
        out.append(FillBox(x, y, x + w, y + h, level / 255.0))
    return out
