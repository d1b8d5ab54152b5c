"""Printed symbols no OCR model knows: direction-of-travel triangles and arrows.

Tesseract's English model has no `▲` or `↑`; it reads them as `A`, `t`, `j`, `>` or drops them.
Their shapes are simple enough to tell apart from the ink itself: a filled triangle is one solid
blob whose width grows towards its base; an arrow is a thin stroke with a head at one end.
A zero beside digits that both engines read as the letter `O` (`AB04` read `ABO4`) is told apart
the same way: a zero's ink is clearly taller than wide and as wide as the digits beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .image import true_runs
from .layout import BOX_INK, INK


def _blobs(img: np.ndarray, level: int = INK):
    import cv2

    if img.ndim != 2 or min(img.shape) < 2:
        return []  # OpenCV crashes (not raises) on an empty image
    ink = (img < level).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return [(stats[i], labels == i) for i in range(1, n) if stats[i][4] >= 6]


def _glyph_blobs(img: np.ndarray):
    """The blobs of a cell's glyph, without the specks beside it (a rule's remnant): those with
    under a third of the largest one's pixels."""
    blobs = _blobs(img)
    return [b for b in blobs if b[0][4] >= 0.3 * max(b[0][4] for b in blobs)]


SOLID = 0.85  # a blob's pixels over its hull's area from which it has no bay (`6`, `9`, `0`: a hole or bay)
FILLED = 0.72  # a triangle's share of its box at most: half, and more where a scan blurred it
SOLID_SIDEWAYS = 0.95  # and for one pointing sideways, which more letters blur into (`A`, `v`, `<`)


def triangle(img: np.ndarray) -> str | None:
    """`▲`/`▼` when the ink is one filled triangle, its broad end below or above; `►`/`◄`, where
    it is neither, when it widens straight from an apex at one side and is solid throughout."""
    blobs = _blobs(img)
    if len(blobs) != 1:
        return None
    (x, y, w, h, area), mask = blobs[0]
    if h < 6 or not (0.6 <= w / h <= 1.8) or not (0.38 <= area / (w * h) <= FILLED):
        return None
    import cv2

    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.contourArea(cv2.convexHull(max(contours, key=cv2.contourArea)))
    if hull <= 0 or area / hull < SOLID:
        return None
    mask = mask[y : y + h, x : x + w]
    end = _heavier_end(mask, 3, 1.8)
    if end is not None:
        return {"bottom": "▲", "top": "▼"}[end]
    if area / hull < SOLID_SIDEWAYS:
        return None
    found = {mark for mark, m in (("◄", mask.T), ("►", mask.T[::-1])) if _pointed(m)}
    return found.pop() if len(found) == 1 else None


ROUNDED = 0.25  # share of a triangle's rows past its widest that a blur may round off its base


def _pointed(mask: np.ndarray) -> bool:
    """The glyph, its apex at the top, widens from it straight to a base at the bottom, centred on
    one axis: a filled triangle's rows. A `4`'s, an `r`'s or a `*`'s do not. A scan's blur rounds
    the base's corners, so the rows past the widest (a quarter at most) are left out."""
    profile = _profile(mask)
    if profile is None or not profile.centred:
        return False
    widths = profile.widths
    widest = len(widths) - int(np.argmax(widths[::-1]))
    return len(widths) - widest <= ROUNDED * len(widths) and _tapers(widths[:widest])


def _tapers(widths: np.ndarray) -> bool:
    """Widths growing from a point, near enough in a straight line: a head's or a triangle's sides."""
    n, base = len(widths), float(widths[-1])
    if n < 3 or widths[0] > 0.45 * base or base < widths.max() - 1:
        return False
    steps = np.diff(widths)
    if (steps < -1).any() or steps.max() > 0.6 * (base - widths[0]):
        return False  # a bar that juts out at once (`t`, `f`) does not widen row by row
    fit = np.polyval(np.polyfit(np.arange(n), widths, 1), np.arange(n))
    return bool(np.abs(widths - fit).mean() <= max(1.0, 0.1 * base))


@dataclass(frozen=True)
class _Profile:
    widths: np.ndarray  # each row's ink from its first to its last pixel
    centred: bool  # every row's middle on one axis


def _profile(mask: np.ndarray) -> _Profile | None:
    if not mask.any(axis=1).all():
        return None
    firsts = mask.argmax(axis=1)
    lasts = mask.shape[1] - 1 - mask[:, ::-1].argmax(axis=1)
    widths, centres = lasts - firsts + 1, (firsts + lasts) / 2
    return _Profile(widths, bool(np.abs(centres - np.median(centres)).max() <= max(1.5, 0.15 * widths.max())))


def _stroke_mask(img: np.ndarray) -> np.ndarray | None:
    """The cell's one glyph cropped to its box, if it has one glyph and no hole in it (a `6`'s
    or a `9`'s bowl, however narrow its counter): what an arrow's shape is judged on."""
    blobs = _glyph_blobs(img)
    if len(blobs) != 1:
        return None
    (x, y, w, h, _), mask = blobs[0]
    mask = mask[y : y + h, x : x + w]
    return None if _holed(mask) else mask


def lone_arrow(img: np.ndarray) -> str | None:
    """`↑`, `↓`, `→` or `←` where a cell's one glyph is an arrow: a straight shaft on one axis,
    a head at one end that widens from a point. A digit's stroke bends off the axis (`7`) or
    ends in a flat bar (`1`, `T`), so a cell of one digit is no arrow."""
    mask = _stroke_mask(img)
    if mask is None:
        return None
    h, w = mask.shape
    if h >= 1.3 * w:
        return {"start": "↑", "end": "↓"}.get(_head(mask) or "")
    if w >= 1.3 * h:
        return {"start": "←", "end": "→"}.get(_head(mask.T) or "")
    return None


def thin_arrow(img: np.ndarray) -> str | None:
    """`↑`, `↓`, `→` or `←` for a thin arrow whose small head a scan blurred into little more
    than a bump (a head two pixels wider than its shaft): one thin straight stroke, centred on
    its axis, a bump near one end only, and past the bump a tip narrower than it. A `1`, `t`
    or `f` has such a bump too, so this is for cells their column says hold arrows."""
    mask = _stroke_mask(img)
    if mask is None:
        return None
    for m, (start, end) in ((mask, ("↑", "↓")), (mask.T, ("←", "→"))):
        n, across = m.shape
        if n < THIN_LENGTH or n < THIN * across:
            continue
        profile = _profile(m)
        if profile is None or not profile.centred:
            return None
        shaft = float(np.median(profile.widths))
        ahead, behind = _bump(profile.widths, shaft), _bump(profile.widths[::-1], shaft)
        return None if ahead == behind else (start if ahead else end)
    return None


THIN = 2.5  # a thin arrow's length over its width
THIN_LENGTH = 12  # pixels: shorter, a stroke's profile says too little
BUMP_REACH = 0.4  # share of the length from an end within which a head lies


def _bump(widths: np.ndarray, shaft: float) -> bool:
    """Rows two pixels or more wider than the shaft, and a third wider, near the first end, with
    a narrower tip before them: a head, not a crossbar at the end (a serif `1`'s foot)."""
    reach = max(3, int(BUMP_REACH * len(widths)))
    head = widths[:reach]
    wide = np.flatnonzero(head >= shaft + 2)
    if not len(wide) or head.max() < 1.3 * shaft:
        return False
    return int(wide[0]) >= 1 and widths[0] < head.max() - 1


def _holed(mask: np.ndarray) -> bool:
    import cv2

    _, hierarchy = cv2.findContours(mask.astype(np.uint8), cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    return hierarchy is not None and bool((hierarchy[0][:, 3] >= 0).any())


def _head(mask: np.ndarray) -> str | None:
    """Which end of an upright glyph is an arrow's head ("start": the top), None if it is no
    arrow: rows centred on one axis; a head widening from a point in straight sides (a `t`'s
    crossbar juts out at once); past its widest rows, a shaft at most half as wide over nearly
    all of a third of the height or more."""
    n = mask.shape[0]
    profile = _profile(mask) if n >= 8 else None
    if profile is None or not profile.centred:
        return None
    widths = profile.widths
    widest = int(widths.max())
    shaft = widths <= 0.55 * widest
    wide = np.flatnonzero(widths >= 0.9 * widest)
    lo, hi = int(wide[0]), int(wide[-1])

    def pointed(tail: np.ndarray, head: np.ndarray, near: bool) -> bool:
        return len(tail) >= 0.3 * n and tail.mean() >= 0.7 and near and _tapers(head)

    up = pointed(shaft[hi + 1 :], widths[: lo + 1], lo <= 0.6 * n)
    down = pointed(shaft[:lo], widths[hi:][::-1], hi >= 0.4 * n)
    if up == down:
        return None
    return "start" if up else "end"


DASH_THICK = 10  # pixels at 300 dpi; a digit is 20 or more tall, however blurred


def dash(img: np.ndarray) -> bool:
    """A cell whose only ink is one short flat stroke: the `-` a spreadsheet prints for nothing to
    report, which sparse-text OCR drops as a speck. Blurred at 150 dpi it is barely wider than
    tall (8 by 6 pixels)."""
    blobs = _glyph_blobs(img)
    if len(blobs) != 1:
        return False
    (x, y, w, h, area), _ = blobs[0]
    return h <= DASH_THICK and w >= 1.3 * h and 6 <= w <= 60 and area >= 0.6 * w * h


HEAD_THICK = 1.4  # an arrow head's height over its shaft's: a dash's ends are no thicker than its middle


def flat_arrow(img: np.ndarray) -> str | None:
    """`→` or `←` where a cell's one glyph is a flat stroke with a head at one end: a small arrow
    blurred so that its head no longer tapers to a point (`lone_arrow` sees none) is still
    clearly thicker than its shaft, only at that end (its last third); a dash is as thick
    from end to end. Only ink `dash` would take for a dash is judged: a word blurred into one
    blob is taller, and its ascenders stand anywhere."""
    if not dash(img):
        return None
    blobs = _glyph_blobs(img)
    if len(blobs) != 1:
        return None
    (x, y, w, h, _), mask = blobs[0]
    if w < 2 * h or h < 4:
        return None
    heights = mask[y : y + h, x : x + w].sum(axis=0)
    shaft = float(np.median(heights))
    thick = np.flatnonzero(heights >= HEAD_THICK * shaft)
    if not len(thick):
        return None
    if thick[0] >= 2 * w / 3:
        return "→"
    if thick[-1] < w / 3:
        return "←"
    return None


def arrow(img: np.ndarray) -> str | None:
    """`↑`, `↓` or `→` for a lone arrow glyph (a token OCR read as junk beside a number)."""
    blobs = _blobs(img)
    if not blobs:
        return None
    xs = [b[0][0] for b in blobs] + [b[0][0] + b[0][2] for b in blobs]
    ys = [b[0][1] for b in blobs] + [b[0][1] + b[0][3] for b in blobs]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    if h < 4 or w < 2:
        return None
    mask = np.zeros(img.shape, bool)
    for _, m in blobs:
        mask |= m
    mask = mask[min(ys) : max(ys), min(xs) : max(xs)]
    if w > 1.3 * h:
        return "→"
    if h < 1.3 * w:
        return None
    end = _heavier_end(mask, 4, 1.4)
    return None if end is None else {"top": "↑", "bottom": "↓"}.get(end)


def _heavier_end(mask: np.ndarray, parts: int, ratio: float) -> str | None:
    """Which end of a glyph holds more ink: the broad end of a triangle, the head of an arrow."""
    rows = mask.sum(axis=1).astype(float)
    n = max(1, mask.shape[0] // parts)
    top, bottom = rows[:n].mean(), rows[-n:].mean()
    if top > ratio * bottom:
        return "top"
    if bottom > ratio * top:
        return "bottom"
    return None


def ink_runs(img: np.ndarray) -> list[tuple[int, int]]:
    """Horizontal extents of the ink separated by word-sized gaps (a space, not letter spacing)."""
    ink = img < INK
    rows = np.where(ink.any(axis=1))[0]
    if not len(rows):
        return []
    h = rows[-1] - rows[0] + 1
    cols = ink.sum(axis=0) > 0
    min_gap = max(3, int(0.3 * h))
    runs: list[list[int]] = []
    gap = 0
    for x, on in enumerate(cols):
        if on:
            if runs and gap < min_gap:
                runs[-1][1] = x + 1
            else:
                runs.append([x, x + 1])
            gap = 0
        else:
            gap += 1
    return [(a, b) for a, b in runs]


ZERO_ASPECT = 0.8  # ink width over height: a zero's 0.55-0.72 in common faces, a capital O's 0.85-1
DIGIT_WIDE = 1.15  # a zero is as wide as the word's other digits; a capital O in a narrow face 1.4+


def zeros_for_os(img: np.ndarray, text: str) -> str:
    """`text` with each `O` beside a digit read as `0` where its glyph's ink is a zero's shape:
    clearly taller than wide, and no wider than the word's other digits (a narrow face's O is
    as tall for its width as a wide face's zero, but still wider than its digits). Only a word
    whose glyphs stand apart, one to a character, is judged; any other is left as read."""
    spots = [i for i, ch in enumerate(text) if ch == "O" and _beside_digit(text, i)]
    if not spots:
        return text
    boxes = _glyph_boxes(img)
    at = [i for i, ch in enumerate(text) if not ch.isspace()]
    if len(boxes) != len(at):
        return text
    digits = [boxes[k][0] for k, i in enumerate(at) if text[i].isdigit() and text[i] != "1"]
    widest = DIGIT_WIDE * float(np.median(digits)) if digits else float("inf")
    out = list(text)
    for i in spots:
        w, h = boxes[at.index(i)]
        if w <= ZERO_ASPECT * h and w <= widest:
            out[i] = "0"
    return "".join(out)


def _beside_digit(text: str, i: int) -> bool:
    return (i > 0 and text[i - 1].isdigit()) or (i + 1 < len(text) and text[i + 1].isdigit())


def _glyph_boxes(img: np.ndarray) -> list[tuple[int, int]]:
    """(width, height) of the ink of each column run: one per glyph where no two glyphs touch."""
    ink = img < INK
    out = []
    for a, b in true_runs(ink.any(axis=0)):
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        out.append((int(b - a), int(rows[-1] - rows[0] + 1)))
    return out


def split_arrow(img: np.ndarray) -> tuple[str, int, int] | None:
    """For a cell like `↑ 15%`: (arrow, x0, x1) of the number part, or None if no arrow leads it.

    Only a separate first run followed by more ink counts: an arrow always precedes its number
    with a space, so a `1` inside a number is never mistaken for one.
    """
    runs = ink_runs(img)
    if len(runs) < 2:
        return None
    a0, a1 = runs[0]
    head = img[:, max(0, a0 - 1) : a1 + 1]
    blobs = _blobs(head)
    if len(blobs) != 1:
        return None
    x, y, w, h, _ = blobs[0][0]
    if w > 2.2 * h or h > 3 * (runs[-1][1] - runs[1][0]):
        return None
    rest = img[:, runs[1][0] : runs[-1][1]] < INK
    ys = np.flatnonzero(rest.any(axis=1))
    digit_h = ys[-1] - ys[0] + 1 if len(ys) else h
    if max(w, h) < 0.4 * digit_h:
        return None  # a speck, not a glyph
    kind = arrow(head) or ""
    if kind == "→" and h > 0.85 * digit_h:
        return None  # digit-high: two blurred digits run together (`29` of `299`), not an arrow
    return kind, runs[1][0], runs[-1][1]


MINUS_LEVELS = (INK, 170, BOX_INK)  # grey levels a minus is looked for at, the ink's first


def leading_minus(img: np.ndarray) -> bool:
    """A minus sign before the digits: the one blob left of the first tall column of ink, short,
    flat and at mid-height. A blurred scan prints it as a faint stub that OCR drops, and a lost
    sign turns a fall into a rise. A 150-dpi scan's minus is light grey (its core 140-160): at
    the ink's level it is a speck or nothing, so lighter levels are looked at too, where the
    blur has not yet joined it to the first digit."""
    return any(_minus_at(img, level) for level in MINUS_LEVELS)


def _minus_at(img: np.ndarray, level: int) -> bool:
    dark = img < level
    rows = np.flatnonzero(dark.sum(axis=1) >= 2)
    if rows.size < 6:
        return False
    top, band = rows[0], rows[-1] + 1 - rows[0]
    tall = np.flatnonzero(dark[top : top + band].sum(axis=0) >= 0.4 * band)
    if tall.size == 0:
        return False
    left = [b for b, _ in _blobs(img[:, : tall[0]], level) if b[0] + b[2] < tall[0]]
    if len(left) != 1:
        return False
    x, y, w, h, _ = left[0]
    mid = (y + h / 2 - top) / band
    return h <= 0.35 * band and w >= max(1.2 * h, band / 5) and 0.3 <= mid <= 0.75
