"""How far an upright page image is skewed, from the long straight things on it.

Ruled tables give long rules; borderless ones only their text lines. Both are blobs much longer
than tall once the ink is closed along the lines, and each blob's axis (from its second moments)
gives an angle; the page's is the length-weighted median, so a stray diagonal (a chart's line,
a signature) does not move it. Found at about 100 dpi, where a 1-degree skew over a 2-inch line
is still 3.5 pixels of rise. The blobs' median is then refined to a twentieth of a degree by
the angle at which the rows of ink are sharpest (the projection profile's energy), which the
blobs' shapes (a header band, two lines run together) can bias by a sixth of a degree.
"""

from __future__ import annotations

import numpy as np

WORK_DPI = 100
MAX_ANGLE = 5.0  # degrees: blobs steeper than this are not lines of the page's grid or text
MIN_LENGTH = 1.5  # inches: shorter blobs are words, whose axis says little
REFINE = 0.4  # degrees either side of the blobs' angle searched by the profile
STEP = 0.05
STRIPS = 48
SUBROW = 4  # profiles are shifted in quarter rows


def skew_angle(grey: np.ndarray, dpi: int) -> float:
    """Degrees the page is turned counter-clockwise (0 when it has no long lines)."""
    import cv2

    q = max(1, round(dpi / WORK_DPI))
    small = cv2.resize(grey, (grey.shape[1] // q, grey.shape[0] // q), interpolation=cv2.INTER_AREA)
    work = dpi / q
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 21, 12)
    k = max(3, round(work * 0.08))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    angles, weights = [], []
    for c in contours:
        _, _, w, h = cv2.boundingRect(c)
        if w < MIN_LENGTH * work or w < 6 * h:
            continue
        a = _axis_angle(c)
        if abs(a) <= MAX_ANGLE:
            angles.append(a)
            weights.append(float(w))
    if not angles:
        return 0.0
    return _sharpest(ink, _weighted_median(angles, weights))


def _sharpest(ink: np.ndarray, around: float) -> float:
    """The angle near `around` whose straightened rows of ink have the most profile energy.

    A small turn is, to a row profile, a shear: the image is cut into vertical strips, each
    strip's rows summed once, and each angle's profile is the strips' profiles shifted by the
    rise at their centres and added, instead of the image turned once per angle."""
    strips = np.array_split(ink, STRIPS, axis=1)
    rows = np.arange(0, ink.shape[0], 1 / SUBROW)
    profiles = [np.interp(rows, np.arange(ink.shape[0]), s.sum(axis=1, dtype=np.float64)) for s in strips]
    widths = np.array([s.shape[1] for s in strips])
    centres = np.cumsum(widths) - widths / 2 - ink.shape[1] / 2
    steps = np.arange(around - REFINE, around + REFINE + STEP / 2, STEP)
    energy = [_energy(profiles, np.rint(SUBROW * centres * np.tan(np.radians(a))).astype(int)) for a in steps]
    return float(steps[int(np.argmax(energy))])


def _energy(profiles: list[np.ndarray], rises: np.ndarray) -> float:
    pad = int(np.abs(rises).max()) + 1
    total = np.zeros(len(profiles[0]) + 2 * pad)
    for prof, rise in zip(profiles, rises, strict=True):
        total[pad + rise : pad + rise + len(prof)] += prof
    return float(np.square(np.diff(total)).sum())


def _axis_angle(contour: np.ndarray) -> float:
    """The blob's long axis, in degrees counter-clockwise (image y runs down)."""
    import cv2

    m = cv2.moments(contour)
    if m["m00"] <= 0:
        return 90.0
    return float(-np.degrees(0.5 * np.arctan2(2 * m["mu11"], m["mu20"] - m["mu02"])))


def _weighted_median(values: list[float], weights: list[float]) -> float:
    if not values:
        return 0.0
    order = np.argsort(values)
    cum = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(values)[order][np.searchsorted(cum, cum[-1] / 2)])


def straighten(grey: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """The image turned back by `angle` about its centre, the corners filled with `fill`."""
    import cv2

    if abs(angle) < 0.02:
        return grey
    hh, ww = grey.shape
    m = cv2.getRotationMatrix2D((ww / 2, hh / 2), -angle, 1.0)
    return cv2.warpAffine(grey, m, (ww, hh), flags=cv2.INTER_LINEAR, borderValue=fill)
