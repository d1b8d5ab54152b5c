"""Filled rectangles in a page image: header bands, zebra stripes, shaded cells, with their grey.

A page's background is what its print leaves: at about 100 dpi the ink is marked (strokes
darker than what a closing a few strokes wide puts over them, so a dark band is not ink but
its letters' neighbours are) and each pixel's background is the mean of the unmarked pixels in a window
wide enough to span the gaps between letters and shorter than a table row, so a zebra stripe
keeps its level and a dark band keeps its own under white text. A fill is a region of that
background darker than the paper by more than scanner noise, shaped like a rectangle, at least
a short word wide and a thin line high; its grey is its level over the paper's, so a stripe on
a scan's off-white paper has the grey it was printed with, near enough.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WORK_DPI = 100
WINDOW = (0.4, 0.05)  # inches, across and down: the background's window
STROKE = 0.12  # inches: print narrower than this is ink, wider (a band) is background
INK_CONTRAST = 10  # grey levels a stroke is darker than what closes over it
MIN_CONTRAST = 7  # grey levels below the paper: less is scanner noise and JPEG blocking
MIN_WIDTH = 0.3  # inches
MIN_HEIGHT = 0.08
SOLID = 0.85  # share of its bounding box a region must fill to be a rectangle
TOLERANCE = 8  # grey levels: a fill's background varies this much on a scan
BRIDGE = 0.06  # inches: thinner runs of a level are the blurred edges between two other fills
MAX_KINDS = 8  # fills of more greys than this on one page are not looked for
DARK = 0.5  # a fill darker than this is printed on in white: read inverted


@dataclass(frozen=True, slots=True)
class PixelFill:
    """A fill in image pixels; `grey` 0 black to 1 the paper's white."""

    x0: int
    top: int
    x1: int
    bottom: int
    grey: float

    @property
    def dark(self) -> bool:
        return self.grey < DARK


def find_fills(grey: np.ndarray, dpi: int) -> list[PixelFill]:
    import cv2

    q = max(1, round(dpi / WORK_DPI))
    small = cv2.resize(grey, (grey.shape[1] // q, grey.shape[0] // q), interpolation=cv2.INTER_AREA)
    work = dpi / q
    bg = background(small, work)
    paper = float(np.percentile(bg, 90))
    top = paper - MIN_CONTRAST
    bridge = max(3, round(BRIDGE * work))
    out: list[PixelFill] = []
    for level in _peaks(bg, top, MIN_WIDTH * MIN_HEIGHT * work * work):
        tol = min(max(TOLERANCE, 0.12 * (paper - level)), top - level)
        near = (np.abs(bg.astype(np.int16) - level) <= tol).astype(np.uint8)
        mask = cv2.morphologyEx(near, cv2.MORPH_OPEN, np.ones((bridge, bridge), np.uint8))
        out += [_fill(_edges(r, bg, level, paper), bg, paper, q) for r in _regions(mask, work) if r.solid]
    return sorted(_outermost(out), key=lambda f: (f.top, f.x0))


def _peaks(bg: np.ndarray, below: float, min_area: float) -> list[int]:
    """The background levels darker than `below` that many pixels share: one per kind of fill
    (a zebra stripe's grey, a band's navy, each RAG colour), whatever its neighbours."""
    hist = np.bincount(bg.ravel(), minlength=256).astype(float)[: max(0, int(below))]
    if not len(hist):
        return []
    smooth = np.convolve(hist, np.ones(2 * TOLERANCE + 1), mode="same")
    peaks: list[int] = []
    for level in np.argsort(-smooth)[: 4 * MAX_KINDS]:
        if smooth[level] < min_area or len(peaks) == MAX_KINDS:
            break
        if all(abs(int(level) - p) > TOLERANCE for p in peaks):
            peaks.append(int(level))
    return peaks


def _edges(region: _Region, bg: np.ndarray, level: float, paper: float) -> _Region:
    """The region's box grown to where its background turns nearer the paper's than its own:
    a scan blurs a fill's edge over a few pixels that the level's tolerance leaves out."""
    dark = bg < (level + paper) / 2
    h, w = region.mask.shape
    x0, y0, x1, y1 = region.x, region.y, region.x + w, region.y + h
    rows = np.median(dark[:, x0:x1], axis=1) > 0  # rows whose pixels under the box are mostly dark
    y0, y1 = _grow(rows, y0, y1)
    cols = np.median(dark[y0:y1, :], axis=0) > 0
    x0, x1 = _grow(cols, x0, x1)
    return _Region(x0, y0, np.ones((y1 - y0, x1 - x0), bool))


def _grow(dark: np.ndarray, a: int, b: int) -> tuple[int, int]:
    """[a, b) widened over the dark entries on either side of it."""
    while a > 0 and dark[a - 1]:
        a -= 1
    while b < len(dark) and dark[b]:
        b += 1
    return a, b


def _outermost(fills: list[PixelFill]) -> list[PixelFill]:
    """Fills not inside another: white print on a dark band leaves lighter patches that look
    like small fills of their own."""

    def inside(a: PixelFill, b: PixelFill) -> bool:
        return a is not b and b.x0 <= a.x0 and b.top <= a.top and a.x1 <= b.x1 and a.bottom <= b.bottom

    return [f for f in fills if not any(inside(f, g) for g in fills)]


def background(small: np.ndarray, work: float) -> np.ndarray:
    """Each pixel's background level: the mean of the pixels around it that are not ink."""
    import cv2

    k = max(3, round(work * STROKE))
    strokes = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = (strokes < INK_CONTRAST).astype(np.float32)
    size = (max(3, int(WINDOW[0] * work) | 1), max(1, int(WINDOW[1] * work) | 1))
    total = cv2.boxFilter(small.astype(np.float32) * paper, -1, size, normalize=False)
    count = cv2.boxFilter(paper, -1, size, normalize=False)
    return np.where(count > 0, total / np.maximum(count, 1), small).astype(np.uint8)


@dataclass(frozen=True)
class _Region:
    x: int
    y: int
    mask: np.ndarray  # the region's pixels within its bounding box

    @property
    def solid(self) -> bool:
        return bool(self.mask.mean() >= SOLID)


def _regions(mask: np.ndarray, work: float, x0: int = 0, y0: int = 0) -> list[_Region]:
    """Connected regions of `mask` at least a fill's size, each as its box's own mask."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= MIN_WIDTH * work and h >= MIN_HEIGHT * work:
            out.append(_Region(x0 + x, y0 + y, labels[y : y + h, x : x + w] == i))
    return out


def _fill(region: _Region, bg: np.ndarray, paper: float, q: int) -> PixelFill:
    h, w = region.mask.shape
    level = float(np.median(bg[region.y : region.y + h, region.x : region.x + w][region.mask]))
    return PixelFill(region.x * q, region.y * q, (region.x + w) * q, (region.y + h) * q, min(1.0, level / paper))
