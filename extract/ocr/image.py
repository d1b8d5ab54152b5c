"""Page-image preparation for OCR: render, straighten, find the ruling lines, clean for reading.

Scorecards are ruled grids. The rules are the best skew signal on the page (long, straight,
horizontal), the table logic needs them as `Rule`s just as it gets them from a text layer, and
they must be erased before OCR, or a digit touching a cell border reads as `1491|`. Header rows
are white-on-dark bands that tesseract reads poorly, so they are inverted.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..grid import SNAP


def true_runs(flags: npt.ArrayLike) -> list[tuple[int, int]]:
    """[start, end) of each run of set entries in a 1-d mask (a row's ink, a profile's dips)."""
    edges = np.flatnonzero(np.diff(np.r_[0, np.asarray(flags).astype(np.int8), 0]))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def render(pdf_path, page_index: int, dpi: int = 300) -> np.ndarray:
    """Grey page image as displayed (pdfium applies /Rotate)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return render_page(doc[page_index], dpi)
    finally:
        doc.close()


def render_page(pdfium_page, dpi: int) -> np.ndarray:
    """One open pdfium page as a contiguous 2-D grey array."""
    bmp = pdfium_page.render(scale=dpi / 72, grayscale=True)
    return np.ascontiguousarray(bmp.to_numpy().reshape(bmp.height, bmp.width, -1)[:, :, 0])


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink as 255 on 0, robust to a grey paper tone and scanner noise."""
    import cv2

    blur = cv2.GaussianBlur(grey, (3, 3), 0)
    return cv2.adaptiveThreshold(blur, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)


DARK = 110  # grey level under which a band's ground (or a neighbourhood's mean) is dark
PAPER = 200  # grey level from which a stretch beside a dark band is paper, not more band


def dark_bands(grey: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.blur(grey, (61, 61)) < DARK


def band_ink(grey: np.ndarray, dpi: int, dark: np.ndarray) -> np.ndarray:
    """Thin dark vertical marks inside dark bands: the black cell borders of a navy header row.

    They are only ~25 levels darker than the band, far below the threshold that suits
    dark-on-white, yet they are the header's column bounds. A horizontal black-hat (closing minus
    image) finds marks narrower than a few pixels whatever the band's own level, and ignores the
    white header text.
    """
    import cv2

    k = max(5, dpi // 30)
    hat = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    return ((hat > 12) & dark).astype(np.uint8) * 255


def line_masks(ink: np.ndarray, dpi: int, grey: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rule masks by morphological opening with long thin kernels.

    Kernel length ~0.25 inch: longer than any glyph, shorter than the narrowest cell side; short
    enough that a rule skewed by ~1.5 degrees still survives the opening. Given the grey page,
    dark bands get their own treatment: between the white text lines of a band everything is
    "darker than its surroundings" to the adaptive threshold, which would split every header
    row into one row per text line, so that ink is dropped there and the band's borders are
    found by `band_ink` instead (the band's own edges lie outside the dark core and survive).
    """
    import cv2

    n = max(15, int(dpi * 0.25))
    hink = vink = ink
    if grey is not None:
        dark = dark_bands(grey)
        hink = np.where(dark, 0, ink).astype(np.uint8)
        vink = cv2.bitwise_or(hink, band_ink(grey, dpi, dark))
    h = cv2.morphologyEx(hink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1)))
    v = cv2.morphologyEx(vink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n)))
    row_borders(h, v, dpi, dark if grey is not None else None)
    short_borders(vink, h, v, dpi)
    if grey is not None:
        band_rows(grey, dpi, dark, h)
        band_borders(grey, dpi, dark, h, v)
        row_borders(h, v, dpi, dark, within=dark)  # where the band's own borders end: a level's cells
    return h, v


def row_borders(
    h: np.ndarray, v: np.ndarray, dpi: int, dark: np.ndarray | None = None, within: np.ndarray | None = None
) -> None:
    """A row border the image lost (a grey line inside a dark header band), drawn into `h` in
    place where three column borders or more end on one line with no rule there: cell borders
    end at a row's border, so their ends draw it, out to the column borders that cross it, where
    rules above and below box the span in. Borders a band's core (`dark`) cut short, ending
    where the core does, end at no row: `band_ink` looks for them only inside the core. `within`:
    where ends may draw a row (inside the bands, once their own borders are found)."""
    import cv2

    contours, _ = cv2.findContours(v, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [cv2.boundingRect(c) for c in contours]
    tol = max(2, dpi // 100)
    tops = [(y, x) for x, y, _w, _h in boxes if not _core_edge(dark, x, y, -3 * tol)]
    bottoms = [(y + hh, x) for x, y, _w, hh in boxes if not _core_edge(dark, x, y + hh, 3 * tol)]
    if within is not None:
        tops, bottoms = _ends_within(within, tops), _ends_within(within, bottoms)
    for ends in (tops, bottoms):
        for ys, xs in _aligned(sorted(ends), tol):
            y = int(np.median(ys))
            through = [b for b in boxes if b[1] < y - tol and b[1] + b[3] > y + tol]
            if not all(_rule_to_rule(h, b, tol) for b in through if min(xs) < b[0] < max(xs)):
                continue
            crossing = [x + w // 2 for x, _top, w, _hh in through]
            x0 = max((x for x in crossing if x < min(xs)), default=min(xs))
            x1 = min((x for x in crossing if x > max(xs)), default=max(xs)) + 1
            if h[max(0, y - tol) : y + tol + 1, x0:x1].any(axis=0).mean() < 0.5 and _boxed(h, x0, x1, y):
                h[max(0, y - 1) : y + 1, x0:x1] = 255


def _ends_within(mask: np.ndarray, ends: list[tuple[int, int]]) -> list[tuple[int, int]]:
    hh, ww = mask.shape
    return [(y, x) for y, x in ends if mask[min(y, hh - 1), min(x, ww - 1)]]


def _core_edge(dark: np.ndarray | None, x: int, y: int, step: int) -> bool:
    """Whether a border ending at row `y` ends where a dark band's core does (`step` beyond it
    lies outside the core, inside it lies within)."""
    if dark is None:
        return False
    hh = dark.shape[0]
    inside, beyond = dark[min(max(0, y - step), hh - 1), x], dark[min(max(0, y + step), hh - 1), x]
    return bool(inside) and not beyond


def _rule_to_rule(h: np.ndarray, box: Sequence[int], tol: int) -> bool:
    """Whether a border running through a row line starts and ends on rules, as a cell spanning
    rows does; the gaps between a dark band's white letters start and end on letters, and those
    of its two lines overlap, so that each line's ends would otherwise draw a row."""
    x, top, w, hh = box
    cols = slice(max(0, x - 3 * tol), x + w + 3 * tol)
    return bool(
        h[max(0, top - tol) : top + tol + 1, cols].any() and h[max(0, top + hh - 1 - tol) : top + hh + tol, cols].any()
    )


def _boxed(h: np.ndarray, x0: int, x1: int, y: int) -> bool:
    """Whether rules run across the whole span both above and below `y` (a table's rows, not a
    chart's bars, whose ends line up too)."""
    across = np.asarray(h[:, x0:x1].all(axis=1))
    return bool(across[:y].any() and across[y + 1 :].any())


def _aligned(ends: list[tuple[int, int]], tol: int) -> list[tuple[list[int], list[int]]]:
    """Runs of three or more (y, x) ends whose y agree within `tol`."""
    out: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for y, x in ends:
        if run and y - run[0][0] > tol:
            out.append(run)
            run = []
        run.append((y, x))
    out.append(run)
    return [([y for y, _ in r], [x for _, x in r]) for r in out if len(r) >= 3]


def short_borders(vink: np.ndarray, h: np.ndarray, v: np.ndarray, dpi: int) -> None:
    """Cell borders of a row shorter than the rule kernel (a one-line header, a row between two
    section bands), drawn into `v` in place.

    Such a border is too short to tell from a glyph's stroke by its length, but it runs from
    one horizontal rule to the next, which a glyph does not, and a column border lines up with
    it above or below. A stroke that already holds a long border (a glyph set against it) is
    left as the kernel found it.
    """
    import cv2

    n = max(9, int(dpi * 0.08))  # a row is at least a line of small print tall
    short = cv2.morphologyEx(vink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n)))
    contours, _ = cv2.findContours(short, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for c in contours:
        x, y, w, hgt = cv2.boundingRect(c)
        if w > max(3, dpi // 25) or v[y : y + hgt, x : x + w].any():
            continue
        if joins_rules(h, x, x + w, y, y + hgt, dpi) and _continues(v, x, x + w, y, y + hgt, dpi):
            v[y : y + hgt, x : x + w] |= short[y : y + hgt, x : x + w]


def _continues(v: np.ndarray, x0: int, x1: int, top: int, bottom: int, dpi: int) -> bool:
    """Whether a column border lines up with the stroke above or below it (a gap between two
    white letters in a dark band runs from rule to rule too, but no border lines up with it)."""
    tol, xs = _around(x0, x1, dpi)
    return bool(v[bottom + tol :, xs].any() or v[: max(0, top - tol), xs].any())


def joins_rules(h: np.ndarray, x0: int, x1: int, top: int, bottom: int, dpi: int) -> bool:
    """Whether a vertical stroke's two ends meet horizontal rules (a cell border's, not a glyph's)."""
    tol, xs = _around(x0, x1, dpi)
    return bool(h[max(0, top - tol) : top + tol, xs].any() and h[max(0, bottom - tol) : bottom + tol, xs].any())


def _around(x0: int, x1: int, dpi: int) -> tuple[int, slice]:
    """The tolerance a rule's end is met within, and a stroke's columns widened by it."""
    tol = max(2, dpi // 100)
    return tol, slice(max(0, x0 - tol), x1 + tol)


def band_borders(grey: np.ndarray, dpi: int, dark: np.ndarray, hout: np.ndarray, out: np.ndarray) -> None:
    """Cell borders of a dark band too faint or blurred for `band_ink` (a low-resolution scan).

    A border darker than the band: white header text can only make a column brighter, so the
    median of each column over a stripe of the band's rows is the band's level except at a border,
    where it dips, however noisy the single pixels are. A dip found in the band's solid core is
    followed up and down the page while the column stays dark, out to the band's own edges or to
    a row border inside it (a cell spanning the columns above). A grey border lighter than the
    band is found by `band_lines`, level by level. The band's outline is a rule too: where the
    scan lost the black border, the edge of the dark fill is still the cell's edge. Drawn into
    the rule masks `hout` and `out` in place.
    """
    import cv2

    hh, ww = grey.shape
    m = max(2, dpi // 10)
    q = 4  # bands are found on a quarter-scale mask: a full-page label image is 70 MB at 300 dpi
    n, _, stats, _ = cv2.connectedComponentsWithStats(
        np.ascontiguousarray(dark[::q, ::q]).astype(np.uint8), connectivity=8
    )
    stats = stats * q
    stripe = max(10, dpi // 6)
    max_w = max(3, dpi // 25)
    for x, y, w, h, _area in stats[1:n]:
        if w < dpi or h < dpi // 10:
            continue
        ya, yb = max(0, y - m), min(hh, y + h + m)
        xa, xb = max(0, x - m), min(ww, x + w + m)
        t, b = y, y + h
        rows = np.flatnonzero(np.median(grey[ya:yb, x : x + w], axis=1) < DARK)
        cols = np.flatnonzero(np.median(grey[y : y + h, xa:xb], axis=0) < DARK)
        if len(rows) and len(cols):
            t, b, left, right = ya + rows[0], ya + rows[-1], xa + cols[0], xa + cols[-1]
            for yy in (t, b):
                hout[max(0, yy - 1) : yy + 2, left : right + 1] = 255
            for xx in (left, right):
                if _band_ends(grey[t : b + 1], xx, m):
                    out[t : b + 1, max(0, xx - 1) : xx + 2] = 255
            for y0, y1 in _levels(hout, t, b, left, right, dpi):
                for xx in band_lines(grey[y0:y1, left : right + 1], max_w):
                    c = left + xx
                    if not _found(out[y0:y1, max(0, c - max_w - 2) : c + max_w + 3]):
                        out[y0:y1, max(0, c - 1) : c + 2] = 255
        for y0 in range(y, y + h, stripe):
            y1 = min(y + h, y0 + stripe)
            if y1 - y0 < stripe // 2:
                continue
            inside = dark[y0:y1, x : x + w].all(axis=0)
            if not inside.any():
                continue
            prof = np.median(grey[y0:y1, x : x + w], axis=0)
            low = inside & (prof < np.median(prof[inside]) - 8)
            for lo, hi in true_runs(low):
                if hi - lo > max_w:
                    continue
                c = x + (lo + hi) // 2
                col = grey[:, max(0, c - 1) : c + 2].min(axis=1)
                ruled = np.asarray(hout[:, max(0, c - 1) : c + 2].any(axis=1))  # a level's border
                ruled = _inner(ruled, t, b, dpi)  # the band's own outline ends no border
                top, bot = y0, y1
                while top > 0 and col[top - 1] < DARK and not ruled[top - 1]:
                    top -= 1
                while bot < len(col) and col[bot] < DARK and not ruled[bot]:
                    bot += 1
                out[top:bot, max(0, c - 1) : c + 2] = 255


def _inner(ruled: np.ndarray, t: int, b: int, dpi: int) -> np.ndarray:
    """Only the runs of `ruled` that part the band's rows t..b into levels, as `_levels` does:
    a blurred outline is drawn some rows into the band and ends no border."""
    out = np.zeros_like(ruled)
    for y0, y1 in true_runs(ruled):
        if t + dpi // 15 < (y0 + y1) // 2 < b - dpi // 15:
            out[y0:y1] = True
    return out


def _levels(hout: np.ndarray, t: int, b: int, left: int, right: int, dpi: int) -> list[tuple[int, int]]:
    """The band's rows t..b parted at the row borders drawn inside it (`Benchmarking` over `SN`,
    `ENG`): the borders of a lower level's cells run its height, not the band's."""
    inside = np.flatnonzero(hout[t : b + 1, left : right + 1].mean(axis=1) > 0)
    cuts = [t + (a + e) // 2 for a, e in true_runs(np.isin(np.arange(b - t + 1), inside))]
    edges = [t, *[c for c in cuts if t + dpi // 15 < c < b - dpi // 15], b + 1]
    return [(y0, y1) for y0, y1 in itertools.pairwise(edges) if y1 - y0 >= dpi // 15]


def _found(near: np.ndarray) -> bool:
    """Whether a border is in the mask already over most of these rows: a line the band's darker
    marks gave is left as they drew it."""
    return bool(near.any(axis=1).mean() >= 0.5)


LINE_OFF = 20  # grey levels a border stands off its band by, lighter or darker
LINE_ROWS = 0.9  # share of the band's rows a border stands off in; a letter's stroke ends in a line
LINE_BESIDE = 0.3  # share of them at most beside it: a border has the band's own ground on either side
LINE_GAP = 3  # pixels beside a border looked at: a cell's text may start a few pixels from it


def band_lines(band: np.ndarray, max_w: int) -> list[int]:
    """The x (within `band`, a dark band's rows and columns) of each thin line that runs the
    band's whole height, lighter or darker than its ground: a grey grid line drawn over a navy
    fill is lighter than the band, which `band_ink` and the dips of `band_borders` (darker marks)
    miss, and its header cells then merge. White letters stand off the band too, but only in
    their line's rows, and never alone: the strokes beside them do as well."""
    level = float(np.median(band))
    off = (np.abs(band.astype(np.int16) - level) > LINE_OFF).mean(axis=0)
    out = []
    for a, b in true_runs(off >= LINE_ROWS):
        beside = off[max(0, a - LINE_GAP - 2) : max(0, a - 2)], off[b + 2 : b + LINE_GAP + 2]
        if b - a <= max_w and all(side.size and side.max() <= LINE_BESIDE for side in beside):
            out.append((a + b) // 2)
    return out


def band_rows(grey: np.ndarray, dpi: int, dark: np.ndarray, hout: np.ndarray) -> None:
    """Row borders inside a dark band (the line under a title that heads some of its columns,
    `Benchmarking` over `SN`, `ENG`), lighter or darker than the band: a thin run of rows that
    stand off the band's level across a stripe of its columns, as no line of letters does (they
    have gaps, and stand among others), drawn over the run of stripes that show it at the same
    height. Into `hout`."""
    import cv2

    q = 4
    n, _, stats, _ = cv2.connectedComponentsWithStats(
        np.ascontiguousarray(dark[::q, ::q]).astype(np.uint8), connectivity=8
    )
    stripe, max_h = max(10, dpi // 6), max(3, dpi // 50)
    for x, y, w, h, _area in stats[1:n] * q:
        if w < dpi or h < dpi // 10:
            continue
        dips: list[tuple[int, int, int]] = []
        for x0 in range(x, x + w - stripe // 2, stripe):
            x1 = min(x + w, x0 + stripe)
            block = grey[y : y + h, x0:x1].astype(np.int16)
            inside = dark[y : y + h, x0:x1].all(axis=1)
            if inside.sum() < 3:
                continue
            share = (np.abs(block - np.median(block[inside])) > 30).mean(axis=1)
            runs = true_runs(share >= 0.9)
            dips += [(y + (a + b) // 2, x0, x1) for a, b in runs if b - a <= max_h and _alone(share, a, b, max_h)]
        for row, x0, x1 in _runs_of_dips(dips, stripe):
            hout[max(0, row - 1) : row + 2, x0:x1] = 255


def _alone(share: np.ndarray, a: int, b: int, gap: int) -> bool:
    """Rows `a`..`b` stand off the band with the band's own level a few rows above and below: a
    line, not a stroke of a line of letters (whose other strokes stand off the band too)."""
    near = [k for k in (a - gap, b - 1 + gap) if 0 <= k < len(share)]
    return bool(near) and all(share[k] <= 0.3 for k in near)


def _runs_of_dips(dips: list[tuple[int, int, int]], stripe: int) -> list[tuple[int, int, int]]:
    """Dips at one height (within 2 px) in neighbouring stripes, joined; a lone stripe's is noise."""
    out: list[tuple[int, int, int]] = []
    for row, x0, x1 in sorted(dips, key=lambda d: (d[1], d[0])):
        near = [k for k, (r, _, e) in enumerate(out) if abs(r - row) <= 2 and x0 - e <= stripe // 4]
        if near:
            r, a, _ = out[near[0]]
            out[near[0]] = (r, a, x1)
        else:
            out.append((row, x0, x1))
    return [(r, a, b) for r, a, b in out if b - a >= 2 * stripe]


def _band_ends(rows: np.ndarray, x: int, m: int) -> bool:
    """Whether paper lies beside the band's edge at `x`, on one side or the other (`rows`: the
    band's rows): a core cut short where the band goes on (a run of white labels lightens the
    blur that finds cores) ends at no cell's edge."""
    sides = (rows[:, max(0, x - m - 2) : max(0, x - 2)], rows[:, x + 3 : x + m + 3])
    return any(side.size and np.median(side) >= PAPER for side in sides)


def skew_angle(grey: np.ndarray, dpi: int) -> float:
    """Page skew in degrees (positive = counter-clockwise): the long rules' angle where the page
    has rules, else its lines of text's (`text_skew`)."""
    ink = binarise(grey)
    h, _ = line_masks(ink, dpi)
    angle = _rule_skew(h, grey.shape[1] // 10)
    return angle if angle is not None else text_skew(ink, dpi)


def _rule_skew(h: np.ndarray, min_width: int) -> float | None:
    """Each long rule is a connected component of the horizontal-rule mask; a straight line fitted
    to its pixels gives its angle, and the length-weighted median over the rules is the page's.
    (A Hough transform at 0.1 degree resolution took seconds on an A3 page at 300 dpi.) None
    when the page has no long rules."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(h, connectivity=8)
    angles, weights = [], []
    for i in range(1, n):
        x, y, w, hh, _area = stats[i]
        if w < min_width:
            continue
        ys, xs = np.nonzero(labels[y : y + hh, x : x + w] == i)
        if len(xs) < 10:
            continue
        slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
        a = float(np.degrees(np.arctan(slope)))
        if abs(a) < 5:
            angles.append(-a)
            weights.append(float(w))
    if not angles:
        return None
    order = np.argsort(angles)
    cum = np.cumsum(np.asarray(weights)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])


MAX_SKEW = 4.0  # degrees either way a scanner's feed sets a page
SKEW_STEPS = (0.2, 0.02)  # degrees: the coarse search's step, then the fine one's around its best
STRIP = 0.25  # inches: the width of the vertical strips whose row profiles are shifted against each other


def text_skew(ink: np.ndarray, dpi: int) -> float:
    """The skew that sets a ruleless page's ink in the sharpest rows: the projection-profile
    method. Lines of text and a table's rows are dark bands between white leading when the page
    is straight; sheared by the right slope, each strip's row profile lines up with the others and
    the summed profile's energy peaks. Strips are shifted, not the page rotated, so a hundred
    trial angles cost a few milliseconds; 0 on a blank page."""
    strip = max(1, int(STRIP * dpi))
    k = ink.shape[1] // strip
    if k < 2 or not ink.any():
        return 0.0
    rows = ink[:, : k * strip].reshape(ink.shape[0], k, strip).sum(axis=2, dtype=np.float64)
    xs = (np.arange(k) + 0.5) * strip
    best, span = 0.0, MAX_SKEW
    for step in SKEW_STEPS:
        trials = np.arange(best - span, best + span + step / 2, step)
        best = float(max(trials, key=lambda a: _sharpness(rows, xs, a)))
        span = step
    return best


def _sharpness(rows: np.ndarray, xs: np.ndarray, angle: float) -> float:
    """The energy of the row profile summed over strips, each strip shifted by where a line of
    slope `angle` (counter-clockwise) crosses it."""
    shifts = np.rint(xs * np.tan(np.radians(angle))).astype(int)
    lo, hi = min(0, shifts.min()), max(0, shifts.max())
    total = np.zeros(rows.shape[0] + hi - lo)
    for j, d in enumerate(shifts):
        total[d - lo : d - lo + rows.shape[0]] += rows[:, j]
    return float(np.dot(total, total))


def rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    if abs(angle) < 0.02:
        return grey
    hh, ww = grey.shape
    m = cv2.getRotationMatrix2D((ww / 2, hh / 2), -angle, 1.0)
    return cv2.warpAffine(grey, m, (ww, hh), flags=cv2.INTER_LINEAR, borderValue=255)


KEYSTONE = 1.0  # points: the drift along its length from which a long rule's lean is straightened


def straighten(grey: np.ndarray, angle: float, dpi: int) -> np.ndarray:
    """The page turned by `angle` (`rotate`), and with its long rules made upright and level
    where a scan's perspective leans them apart (a page not flat on the glass: the left column's
    rule leaning a degree, the right one's a third of one). Rotation alone leaves each column's
    rule drifting by a different few points over the page, and the cells cut along the grid clip
    the letters set close to them. Each rule's lean is fitted on the turned page at half its
    pixels, the verticals' as a linear function of their x and the horizontals' of their y (how a
    slight perspective leans them); where the page's corners go under those leans gives the
    perspective that sets both along the axes. The page is resampled once, turn and perspective
    together. A page whose rules drift less than `KEYSTONE` is only turned."""
    import cv2

    half = rotate(grey[::2, ::2], angle)
    h, v = line_masks(binarise(half), dpi // 2)
    lean_v = _lean(v, axis=0, min_len=half.shape[0] // 10)
    lean_h = _lean(h, axis=1, min_len=half.shape[1] // 10)
    px = KEYSTONE * dpi / 72
    if (lean_v is None or lean_v.drift * 2 < px) and (lean_h is None or lean_h.drift * 2 < px):
        return rotate(grey, angle)
    hh, ww = grey.shape
    corners = np.array([[0, 0], [ww, 0], [ww, hh], [0, hh]], dtype=np.float64) / 2
    moved = corners.copy()
    if lean_v is not None:
        moved[:, 0] -= lean_v.slope(corners[:, 0]) * (corners[:, 1] - lean_v.centre)
    if lean_h is not None:
        moved[:, 1] -= lean_h.slope(corners[:, 1]) * (corners[:, 0] - lean_h.centre)
    lean = cv2.getPerspectiveTransform((corners * 2).astype(np.float32), (moved * 2).astype(np.float32))
    turn = np.vstack([cv2.getRotationMatrix2D((ww / 2, hh / 2), -angle, 1.0), [0, 0, 1]])
    return cv2.warpPerspective(grey, lean @ turn, (ww, hh), flags=cv2.INTER_LINEAR, borderValue=255)


@dataclass(frozen=True)
class _Lean:
    """The lean (drift across per pixel along) of a page's long rules as a line in their
    position; `centre` is where along them they are left in place, `drift` the most any drifts."""

    a: float
    b: float
    centre: float
    drift: float

    def slope(self, at: np.ndarray) -> np.ndarray:
        return self.a + self.b * at


def _lean(mask: np.ndarray, axis: int, min_len: int) -> _Lean | None:
    """`axis` 0: the vertical rules of `mask` (lean in x per y, by x); 1: the horizontal ones."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    at, lean, weight, mids = [], [], [], []
    for i in range(1, n):
        x, y, w, hgt, _area = stats[i]
        length = hgt if axis == 0 else w
        if length < min_len:
            continue
        ys, xs = np.nonzero(labels[y : y + hgt, x : x + w] == i)
        along, across = (ys + y, xs + x) if axis == 0 else (xs + x, ys + y)
        slope = float(np.polyfit(along.astype(float), across.astype(float), 1)[0])
        if abs(slope) > 0.05:
            continue
        at.append(float(across.mean()))
        lean.append(slope)
        weight.append(float(length))
        mids.append((float(along.min()), float(along.max())))
    if not lean:
        return None
    if len(lean) >= 3 and max(at) - min(at) >= min_len:
        b, a = np.polyfit(at, lean, 1, w=np.sqrt(weight))
    else:
        a, b = float(np.average(lean, weights=weight)), 0.0
    top, bottom = min(m[0] for m in mids), max(m[1] for m in mids)
    centre = (top + bottom) / 2
    drift = max(abs(a + b * p) for p in at) * (bottom - top) / 2
    return _Lean(float(a), float(b), centre, drift)


def rules(h_mask: np.ndarray, v_mask: np.ndarray, dpi: int) -> list[tuple[float, float, float, float]]:
    """Rule boxes (x0, top, x1, bottom) in pixels: one per connected line component, each
    orientation in reading order.

    A component's box is its outer contour's: labelling the components instead writes a 70 MB
    label image per mask at 300 dpi (0.1 s each), for boxes the contours give in a hundredth."""
    import cv2

    out = []
    min_len = dpi * 0.25
    for mask, horizontal in ((h_mask, True), (v_mask, False)):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        found = []
        for x, y, w, hgt in sorted(tuple(cv2.boundingRect(c)) for c in contours):
            short = (w if horizontal else hgt) < min_len
            if short and (horizontal or not joins_rules(h_mask, x, x + w, y, y + hgt, dpi)):
                continue
            if horizontal:
                yc = y + hgt / 2
                found.append((float(x), yc, float(x + w), yc))
            else:
                xc = x + w / 2
                found.append((xc, float(y), xc, float(y + hgt)))
        out += sorted(found, key=lambda r: (r[1], r[0]))
    return out


PIECES_APART = 2.5  # points: pieces of one vertical rule a scan's residual skew sets this far apart


RuleBox = tuple[float, float, float, float]


def one_x(rules_px: list[RuleBox], dpi: int) -> list[RuleBox]:
    """The rules with the pieces of each vertical rule that a skew set apart at one x (`_one_line`)."""
    flat = [r for r in rules_px if r[1] == r[3]]
    upright = _one_line([r for r in rules_px if r[1] != r[3]], dpi * PIECES_APART / 72, dpi * SNAP / 72)
    return flat + sorted(upright, key=lambda r: (r[1], r[0]))


def _one_line(verticals: list[RuleBox], tol: float, snap: float = 0.0) -> list[RuleBox]:
    """Pieces of one vertical rule, one below the other, that a residual skew set a pixel or two
    apart (a rule broken by a band across the table): one x for all, or the grid takes two
    columns a point wide there and shifts the rows below the break into the next column. Rules
    side by side (a double border) are left apart, and pieces within `snap` of each other, which
    the grid takes for one line anyway, as they are."""
    out: list[RuleBox] = []
    group: list[RuleBox] = []
    for r in sorted(verticals) + [(float("inf"), 0.0, 0.0, 0.0)]:
        if group and (r[0] - group[-1][0] > tol or any(min(g[3], r[3]) > max(g[1], r[1]) for g in group)):
            length = sum(g[3] - g[1] for g in group)
            x = sum(g[0] * (g[3] - g[1]) for g in group) / length if length else group[0][0]
            apart = group[-1][0] - group[0][0] > snap
            out += [(x, g[1], x, g[3]) if apart else g for g in group]
            group = []
        group.append(r)
    return out


def clean_for_ocr(
    grey: np.ndarray, h_mask: np.ndarray, v_mask: np.ndarray, dpi: int = 300, band: np.ndarray | None = None
) -> np.ndarray:
    """Invert dark bands (white-on-navy headers), erase rules and flatten the background, leaving
    dark text on white.

    Rules are erased outside the bands only: inside one, the rule masks also hold the dark gaps
    between white letters (`band_ink` takes a letter's counter for a border), and erasing them
    cuts strokes out of the very header the inversion is for (`Nar`, `Ajpr` for Mar, Apr); a
    black border on a dark band disappears in the inversion anyway. `band` is the page's
    `band_mask` where the caller has made it already.
    """
    import cv2

    band = band_mask(grey, dpi) if band is None else band
    out = _bands_inverted(grey, band)
    lines = cv2.dilate(cv2.bitwise_or(h_mask, v_mask), np.ones((3, 3), np.uint8))
    out[(lines > 0) & ~band] = 255
    out[_blurred_edge(grey, band, dpi, lines > 0)] = 255
    return flatten(out)


def _blurred_edge(grey: np.ndarray, band: np.ndarray, dpi: int, rules: np.ndarray | None = None) -> np.ndarray:
    """The ring just outside each band where a scan's blur greys the paper, and the band's
    outermost pixels where the blur lightened them (inverted, a grey line): left as they are,
    they are a box drawn round the header, whose sides read as `[`, `|` or `i` beside the labels.
    Print that reaches out of the ring keeps the ring's pixels above and below its strokes: a
    line set close over a band has its letters' feet there (`16-17` came out `14-17`).
    Print is the page's ink by its neighbourhood, not by one grey level: a 150-dpi scan's small
    print is lighter than a band's ground. Rules (`rules`, a mask) are no print: a table's frame
    joins the band's blurred edge to the page beyond the ring."""
    import cv2

    if not band.any():
        return band
    k = int(BAND_EDGE * dpi / 72) * 2 + 1
    ring = (cv2.dilate(band.astype(np.uint8), np.ones((k, k), np.uint8)) > 0) & ~band
    ink = (binarise(grey) > 0) & ~band
    if rules is not None:
        ink &= ~rules
    n, labels = cv2.connectedComponents(ink.astype(np.uint8), connectivity=8)
    out_of_ring = np.zeros(n, bool)
    out_of_ring[labels[ink & ~ring]] = True
    reaching = ink & out_of_ring[labels]
    kept = cv2.dilate(reaching.astype(np.uint8), np.ones((k, 5), np.uint8)) > 0
    rim = band & ~(cv2.erode(band.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0) & (grey > DARK)
    return (ring & ~kept) | rim


INVERT_WINDOW = 15  # pixels: the neighbourhood whose brightest pixel is a band's own level


def _bands_inverted(grey: np.ndarray, band: np.ndarray) -> np.ndarray:
    """The page with each band inverted, computed over the band's box only (and the reach of
    its neighbourhood): over the whole page it cost half a second a page for a few bands."""
    import cv2

    out = grey.copy()
    n, labels, stats, _ = cv2.connectedComponentsWithStats(band.astype(np.uint8), connectivity=8)
    hh, ww = grey.shape
    r = INVERT_WINDOW // 2
    for k in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[k])
        ya, yb, xa, xb = max(0, y - r), min(hh, y + h + r), max(0, x - r), min(ww, x + w + r)
        inside = labels[ya:yb, xa:xb] == k
        out[ya:yb, xa:xb][inside] = _inverted(grey[ya:yb, xa:xb])[inside].astype(np.uint8)
    return out


def _inverted(grey: np.ndarray) -> np.ndarray:
    """The page inverted and levelled: a navy band inverts to a mid grey, not paper, and
    tesseract's page-wide threshold reads the scan's speckle on it as letters (`BsSan`); each
    pixel is scaled by the brightest of its neighbourhood (wider than a stroke: the band's own
    level) so that the band's ground comes out as light as paper, its text as dark as ink."""
    import cv2

    inv = 255 - grey
    ground = cv2.dilate(inv, np.ones((INVERT_WINDOW, INVERT_WINDOW), np.uint8)).astype(np.float32)
    return np.clip(inv.astype(np.float32) * (245.0 / np.maximum(ground, 1.0)), 0, 255)


BAND_EDGE = 1.5  # points: how far a scan's blur greys the paper round a band
BAND_WINDOW = 10.0  # points: the neighbourhood whose mean says a band's core (41 px at 300 dpi)


def band_mask(grey: np.ndarray, dpi: int = 300) -> np.ndarray:
    """Where the page is a dark band, out to the band's own edges.

    A pixel whose neighbourhood is dark on average lies in a band's core; near the band's edge the
    neighbourhood takes in the paper around it, so a header line set close to the band's top or
    bottom (half a window) was left uninverted and its letters' tops cut off. Each core is grown
    to the rows and columns beside it whose median across the band is still dark: the band's
    rectangle, which white text cannot lighten in the median and a fill next to it (a RAG cell)
    does not reach across. The neighbourhood is as wide on the page at every resolution: in
    pixels fixed at 300 dpi's, a 150-dpi scan's header band, thinner than the window, was never
    dark on average and stayed white on dark.
    """
    import cv2

    window = int(BAND_WINDOW * dpi / 72) | 1
    core = (cv2.blur(grey, (window, window)) < DARK).astype(np.uint8)
    out = core.copy()
    m = window // 2
    hh, ww = grey.shape
    n, _, stats, _ = cv2.connectedComponentsWithStats(core, connectivity=8)
    for x, y, w, h, _area in stats[1:n]:
        ya, yb = max(0, y - m), min(hh, y + h + m)
        xa, xb = max(0, x - m), min(ww, x + w + m)
        rows = np.flatnonzero(np.median(grey[ya:yb, x : x + w], axis=1) < DARK)
        cols = np.flatnonzero(np.median(grey[y : y + h, xa:xb], axis=0) < DARK)
        if len(rows) and len(cols):
            out[ya + rows[0] : ya + rows[-1] + 1, xa + cols[0] : xa + cols[-1] + 1] = 1
    return _bands(grey, _bridged(grey, out, window) > 0)


PRINT_CONTRAST = 40  # grey levels between a ground and dark print on it, blurred as it may be
LIGHT_PRINT = 60  # grey levels over a band's ground its white print reaches, blurred as it may be
DARK_SHARE = 0.05  # of a piece's pixels darker than its ground by PRINT_CONTRAST: print on it
LIGHT_SHARE = 0.01  # of a piece's pixels lighter than its ground by LIGHT_PRINT: a band's print


def _bands(grey: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The pieces of `mask` that are bands: dark ground (`DARK`), and light print on it wherever
    there is print darker than it (a band's own black rules). Dark print set close on a mid-grey
    fill (a RAG column's `Red` on grey) is dark on average too, but inverted it is white on
    white; so is a sliver of that fill the piece grew into."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    out = mask.copy()
    for k in range(1, n):
        x, y, w, h, _area = (int(v) for v in stats[k])
        box = labels[y : y + h, x : x + w] == k
        levels = grey[y : y + h, x : x + w][box]
        ground = float(np.median(levels))
        darker = float(np.mean(levels < ground - PRINT_CONTRAST))
        lighter = float(np.mean(levels > ground + LIGHT_PRINT))
        if ground >= DARK or (darker >= DARK_SHARE and lighter < LIGHT_SHARE):
            out[y : y + h, x : x + w][box] = False
    return out


SHARED_ROWS = 0.5  # of the thinner piece's height: two pieces of one band side by side share this much


def _bridged(grey: np.ndarray, mask: np.ndarray, window: int) -> np.ndarray:
    """Pieces of one band joined across the gaps between them: under a wide white label
    (`03/2022` set close to the next) the band's mean is no longer dark, and its core breaks
    into the gaps between labels. A gap is the band's where, with strokes thinner than a
    letter's width taken out (a min filter), it is still dark: white print on a dark ground,
    not dark print on paper. Each piece joins the nearest on its right that shares its rows,
    and both take the rows of either where their ground is dark: a piece whose labels thinned
    its core (`2018/19` at the band's end) was grown to only part of the band's height."""
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    pieces = sorted(tuple(int(v) for v in st[:4]) for st in stats[1:n])
    solid = None
    out = mask.copy()
    for k, (x, y, w, h) in enumerate(pieces):
        beside = [p for p in pieces[k + 1 :] if p[0] >= x + w and _shared_rows((x, y, w, h), p)]
        if not beside:
            continue
        if solid is None:
            solid = cv2.erode(grey, np.ones((window // 4, window // 4), np.uint8))
        x2, y2, w2, h2 = beside[0]
        top, bottom = min(y, y2), max(y + h, y2 + h2)
        if solid[top:bottom, x + w : x2].mean() < DARK and solid[top:bottom, x : x2 + w2].mean() < DARK:
            out[top:bottom, x : x2 + w2] = 1
    return out


def _shared_rows(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    shared = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return shared >= SHARED_ROWS * min(a[3], b[3])


def flatten(img: np.ndarray) -> np.ndarray:
    """Every fill (an inverted band, a grey section row, off-white paper) brought to white and
    the print to black. Tesseract binarises a page with one threshold, which puts a mid-grey fill
    on the ink's side and loses the text on it (a scan's inverted header, a grey section row);
    divided by its local background, the text stands on white wherever it is printed. The
    background is a closing wider than any stroke; the stretch after it drops the paper's grain."""
    import cv2

    bg = cv2.morphologyEx(img, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    norm = img.astype(np.float32)
    norm *= 255.0
    norm /= np.maximum(bg, 1).astype(np.float32)
    norm -= 60.0
    norm *= 255.0 / 155.0
    return np.clip(norm, 0, 255, out=norm).astype(np.uint8)
