"""An upright, straight page image -> what a reader needs of it: rules, fills and a clean image.

The clean image is what the engines read: dark bands (white print on navy) inverted, the paper
and light fills flattened to white by dividing by the background, the ruling lines erased (a
digit touching a cell border reads as `1491|`), and the print stretched so that its faint
strokes (a blurred `%`, a minus sign) are as dark as its heavy ones. Rules and fills are kept
for the table finder, which divides columns and rows by them as it does a text layer's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import image as im
from .fills import PixelFill, find_fills

BACKGROUND_DPI = 75  # the background is estimated at this resolution
DARKEST = 0.05  # the share of the print's pixels made black by the stretch
BACKGROUND_WINDOW = 0.08  # inches: wider than a stroke, so the max filter leaves the paper


@dataclass
class PreparedPage:
    """The page in image pixels, upright and straight."""

    clean: np.ndarray
    dpi: int
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, top, x1, bottom
    fills: list[PixelFill] = field(default_factory=list)


def prepare(straight: np.ndarray, dpi: int) -> PreparedPage:
    import cv2

    fills = find_fills(straight, dpi)
    grey = invert_dark(straight, [f for f in fills if f.dark])
    h, v = im.line_masks(im.binarise(grey), dpi)
    rules = im.rules(h, v, dpi)
    flat = flatten(grey, dpi)
    erase = cv2.dilate(cv2.bitwise_or(h, v), np.ones((3, 3), np.uint8))
    flat[erase > 0] = 255
    return PreparedPage(stretch(flat), dpi, rules, fills)


def invert_dark(grey: np.ndarray, dark: list[PixelFill]) -> np.ndarray:
    """White print on dark fills turned into dark print on light, fill by fill."""
    if not dark:
        return grey
    out = grey.copy()
    for f in dark:
        out[f.top : f.bottom, f.x0 : f.x1] = 255 - out[f.top : f.bottom, f.x0 : f.x1]
    return out


def flatten(grey: np.ndarray, dpi: int) -> np.ndarray:
    """The page divided by its background (paper, fills, shading): white where nothing is printed."""
    import cv2

    q = max(1, round(dpi / BACKGROUND_DPI))
    small = cv2.resize(grey, (grey.shape[1] // q, grey.shape[0] // q), interpolation=cv2.INTER_AREA)
    k = max(3, round(BACKGROUND_WINDOW * dpi / q))
    paper = cv2.blur(cv2.dilate(small, np.ones((k, k), np.uint8)), (k, k))
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, paper, scale=255)


def stretch(flat: np.ndarray) -> np.ndarray:
    """The print's levels stretched over the whole range: above its threshold (Otsu's) white,
    its darkest strokes black. Paper noise goes, and grey or faint print (a light typeface, a
    blurred `%`) reads as dark as black print."""
    import cv2

    hist = cv2.calcHist([flat], [0], None, [256], [0, 256]).ravel()
    cut = otsu(hist)
    below = np.cumsum(hist[:cut])
    if cut <= 0 or below[-1] == 0:
        return flat
    lo = float(np.searchsorted(below, DARKEST * below[-1]))
    span = max(1.0, cut - lo)
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * (255.0 / span), 0, 255).astype(np.uint8)
    return cv2.LUT(flat, lut)


def otsu(hist: np.ndarray) -> int:
    """Otsu's threshold of a 256-bin histogram: the level that best splits it in two."""
    levels = np.arange(len(hist), dtype=np.float64)
    weight = np.cumsum(hist)
    mass = np.cumsum(hist * levels)
    total, total_mass = weight[-1], mass[-1]
    back = weight[:-1]
    fore = total - back
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * back - total * mass[:-1]) ** 2 / (back * fore)
    between[~np.isfinite(between)] = 0
    return int(np.argmax(between)) + 1
