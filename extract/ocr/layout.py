"""Ruled grid in a page image -> one prepared image per printed cell.

Reading a table cell by cell is what makes OCR of scorecards dependable: a cell's words cannot
drift into the neighbouring column, a cell can be read in the mode that suits it (one line of
digits, a wrapped name), and a white-on-navy header cell is inverted on its own instead of by a
page-wide guess. The grid comes from the same `find_grids` the text layer uses, so merged cells
and column boundaries mean the same thing on both paths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..grid import Grid, find_grids
from ..page import Rule
from .dots import dots_box
from .image import true_runs

INK = 150  # grey level below which a pixel is ink once the cell is dark-on-light
MIN_BLOB = 6  # pixels: smaller specks are scanner noise
BOX_INK = 185  # a cell's extent counts faint ink too: the `%` or `-` of a blurred scan is light grey


@dataclass
class CellImage:
    grid: int
    cell: int
    x0: int  # crop origin in the page image
    top: int
    image: np.ndarray  # dark text on white, rules erased, cropped to the ink
    inverted: bool = False


def page_grids(rules_px: list[tuple[float, float, float, float]], dpi: int) -> list[Grid]:
    s = 72.0 / dpi
    return find_grids([Rule(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in rules_px])


def cell_images(grey: np.ndarray, lines: np.ndarray, grids: list[Grid], dpi: int) -> list[CellImage]:
    """Every inked cell of every grid, cropped to its ink with a white margin."""
    import cv2

    k = max(1, round(dpi / 150))
    erase = cv2.dilate(lines, np.ones((k + 1, k + 1), np.uint8))
    p = dpi / 72.0
    pad = max(6, dpi // 40)
    margin = max(2, dpi // 60)
    out = []
    hh, ww = grey.shape
    for gi, g in enumerate(grids):
        for ci, c in enumerate(g.cells):
            x0, y0 = max(0, int(c.x0 * p) + k), max(0, int(c.top * p) + k)
            x1, y1 = min(ww, int(c.x1 * p) - k), min(hh, int(c.bottom * p) - k)
            if x1 - x0 < 4 or y1 - y0 < 4:
                continue
            crop = grey[y0:y1, x0:x1]
            inverted = percentile(crop, 50) < 110
            if inverted:
                crop = 255 - crop
            lines_in = erase[y0:y1, x0:x1]
            lined = ruled(lines_in, k) if c.col1 - c.col0 > 1 else lines_in > 0
            crop = np.where(lined, 255, stretch(whiten(crop))).astype(np.uint8)
            crop = without_rules(crop)
            box = ink_box(cv2.blur(crop, (5, 5)), BOX_INK)
            if box is None or _hairline(crop, dpi):
                box = dots_box(crop, dpi, _edge(dpi))  # a blurred `..` is lighter than any ink box sees
                if box is None:
                    continue
            bx0, by0, bx1, by1 = _widen(box, crop.shape, margin)
            tight = crop[by0:by1, bx0:bx1]
            img = np.pad(tight, pad, constant_values=255)
            out.append(CellImage(gi, ci, x0 + bx0 - pad, y0 + by0 - pad, img, inverted))
    return out


def ruled(mask: np.ndarray, edge: int) -> np.ndarray:
    """The pieces of a cell's line mask that reach its edge (within `edge` pixels): its borders,
    and rules running into it. A piece wholly inside the cell is print the masks took for a
    rule: a bold face blurred on a grey band runs its letters together into a stroke longer
    than any glyph (`Percentage`), and erasing it cuts the word in half.

    `cell_images` keeps such pieces in cells spanning columns only (a band's or a section's
    label). Single cells hold them too at 150 dpi, but there erasing them has cost little, and
    changing those crops moves tesseract's readings of other cells on the page (its adaptive
    classifier carries over from cell to cell): on the fixtures a reference's qualifier flipped
    (`LAC11-OL` for `LAC11-QL`) from a crop that was byte-identical."""
    import cv2

    on = mask > 0
    if not on.any():
        return on
    n, labels, stats, _ = cv2.connectedComponentsWithStats(on.astype(np.uint8), connectivity=8)
    h, w = mask.shape
    x, y, bw, bh = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    edged = (x <= edge) | (y <= edge) | (x + bw >= w - edge) | (y + bh >= h - edge)
    edged[0] = False
    return edged[labels]


RULE_SHARE = 0.9  # a row or column of a cell this much inked is a rule, not print


def without_rules(crop: np.ndarray) -> np.ndarray:
    """The cell with any straight line across it whited out: a rule the page's masks missed (a grey
    line inside a dark band, a border a residual skew moved into the cell) reads as `=`, `|` or
    `_`, and tesseract loses the word beside it. No print runs across a whole cell."""
    ink = crop < INK
    rows = [r for r in np.flatnonzero(ink.mean(axis=1) >= RULE_SHARE) if _run(ink[r]) >= RULE_SHARE * ink.shape[1]]
    cols = [c for c in np.flatnonzero(ink.mean(axis=0) >= RULE_SHARE) if _run(ink[:, c]) >= RULE_SHARE * ink.shape[0]]
    if not len(rows) and not len(cols):
        return crop
    out = crop.copy()
    for r in rows:
        out[max(0, r - 1) : r + 2, :] = 255
    for c in cols:
        out[:, max(0, c - 1) : c + 2] = 255
    return out


def _run(line: np.ndarray) -> int:
    """The longest unbroken stretch of ink: a rule's, where a line of letters has gaps."""
    return max((b - a for a, b in true_runs(line)), default=0)


def _hairline(crop: np.ndarray, dpi: int) -> bool:
    """All the cell's ink hugs its edges: what is left of erased rules (`-` would be read from
    it), not print, which stands clear of the rules."""
    e = _edge(dpi)
    inner = crop[e:-e, e:-e]
    return inner.size > 0 and int((inner < INK).sum()) < MIN_BLOB


def _edge(dpi: int) -> int:
    """Pixels along a cell's crop where what is left of its rules stands."""
    return max(2, dpi // 100) + 1


def _widen(box, shape, m: int) -> tuple[int, int, int, int]:
    """The ink box grown by a few pixels of the cell itself: the faint edge of a blurred glyph
    (a low-resolution scan) is lighter than INK, and a crop cut through it reads `3` as `1`."""
    x0, y0, x1, y1 = box
    return max(0, x0 - m), max(0, y0 - m), min(shape[1], x1 + m), min(shape[0], y1 + m)


def whiten(crop: np.ndarray) -> np.ndarray:
    """Stretch the cell's background to white: an inverted navy band is mid-grey, scanned paper
    is off-white, and a grey block inside a white margin reads to tesseract as a picture."""
    bg = percentile(crop, 75)
    if bg >= 250 or bg < 60:
        return crop
    return np.clip(crop.astype(np.float32) * (255.0 / bg), 0, 255).astype(np.uint8)


def stretch(crop: np.ndarray) -> np.ndarray:
    """Darken faint print so its darkest ink is black: a low-resolution scan blurs thin strokes
    (`%`, `-`, `1`) to light grey that tesseract drops, while the thick ones stay dark."""
    lo = percentile(crop, 0.5)
    if lo <= 20 or lo >= 200:
        return crop
    return np.clip((crop.astype(np.float32) - lo) * (255.0 / (255.0 - lo)), 0, 255).astype(np.uint8)


def percentile(img: np.ndarray, q: float) -> float:
    """`np.percentile(img, q)` of a grey image, to the last bit, from its histogram: a page asks
    three per cell, and sorting each cell's pixels for them cost more than the rest of cutting."""
    cum = np.cumsum(np.bincount(img.ravel(), minlength=256))
    n = int(cum[-1])
    at = (n - 1) * (q / 100)
    lo = int(np.floor(at))
    a, b = (int(v) for v in np.searchsorted(cum, [lo, min(lo + 1, n - 1)], side="right"))
    t, d = at - lo, float(b - a)
    return b - d * (1 - t) if t >= 0.5 else a + d * t


def ink_box(crop: np.ndarray, level: int = INK) -> tuple[int, int, int, int] | None:
    import cv2

    if min(crop.shape) < 2:
        return None
    ink = (crop < level).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = [s for s in stats[1:n] if s[4] >= MIN_BLOB]
    if not keep:
        return None
    x0 = min(s[0] for s in keep)
    y0 = min(s[1] for s in keep)
    x1 = max(s[0] + s[2] for s in keep)
    y1 = max(s[1] + s[3] for s in keep)
    return int(x0), int(y0), int(x1), int(y1)


def outside_image(clean: np.ndarray, grids: list[Grid], dpi: int) -> tuple[np.ndarray, int, int] | None:
    """The page with its grids blanked, cropped to what ink is left (titles, notes), or None."""
    p = dpi / 72.0
    img = clean.copy()
    for g in grids:
        x0, y0, x1, y1 = g.bbox
        img[max(0, int(y0 * p) - 3) : int(y1 * p) + 4, max(0, int(x0 * p) - 3) : int(x1 * p) + 4] = 255
    import cv2

    q = 4  # found at a quarter of the pixels; a min filter first keeps thin strokes dark
    box = ink_box(np.ascontiguousarray(cv2.erode(img, np.ones((q, q), np.uint8))[::q, ::q]))
    if box is None:
        return None
    x0, y0, x1, y1 = (v * q for v in box)
    pad = dpi // 20
    x0, y0 = max(0, x0 - pad), max(0, y0 - pad)
    return img[y0 : y1 + pad, x0 : x1 + pad], x0, y0
