"""Two or three dots side by side in a cell: `..`, the code statistical tables print for a figure
that is not available; and a faint `-` (nothing to report), the other code a scan makes light.

A dot is the smallest print on a page. At 150 dpi it is a few pixels of light grey: the cell's
ink box (`layout.ink_box`) sees nothing and the cell is dropped as blank, or the binarisation
joins the two dots into one short flat blob that reads as a dash (`-`, another code). Their
cores still show them: the pixels darker than some level between the cell's darkest and its
paper make two or three round marks of one size on one line, a dot's width or two apart (joined
dots part at a deeper level than faint ones show at), where a dash's core is one long mark and
a figure's ink is taller than any dot.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..page import Word

DOT = 3.0  # points: a dot, however blurred, is no wider or taller
FAINT = 40  # grey levels the darkest pixel stands under the paper from which a cell holds print
SAME = 2.5  # area ratio within which marks are one size
GAP = 3.0  # dot widths two dots stand apart at most
ROUND = 2.0  # a dot's width over its height, or height over width, at most
MIN_CORE = 3  # pixels: a smaller core is a speck's
SLIVER = 4  # pixels: a rule's remnant is no thicker
SPECK = 0.3  # of the largest mark's pixels: a smaller mark beside it is a speck, not print
LOOSE = 0.9  # the confidence of dots read from their shape on a page without a grid
DASH_LONG = 2.0  # a dash's core is this many times as wide as it is thick, at least
DASH_WIDE = 4.0  # dots' widths: a dash is no wider (a longer stroke is a rule's piece)
LEVELS = (0.5, 0.35, 0.2, 0.1)  # of the way from the darkest pixel to the paper: the cores looked at, deepest last


@dataclass(frozen=True)
class _Mark:
    x0: int
    top: int
    x1: int
    bottom: int
    area: int

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


def dots(img: np.ndarray, dpi: int = 300) -> str | None:
    """`..` or `...` where a cell image's only print is that many dots on one line."""
    marks = _dots(img, dpi)
    return "." * len(marks) if marks else None


def faint_dash(img: np.ndarray, dpi: int = 300) -> bool:
    """A cell image whose only print is a `-` too light for the ink threshold (a serif face's
    short thin hyphen, blurred to grey by a scan)."""
    return _dash(img, dpi) is not None


def dots_box(img: np.ndarray, dpi: int, margin: int) -> tuple[int, int, int, int] | None:
    """The box (x0, top, x1, bottom) of the dots, or the faint dash, a cell's crop holds inside
    `margin` pixels of its edges (what is left of its rules stands there), if that is all it
    holds."""
    inner = img[margin : img.shape[0] - margin, margin : img.shape[1] - margin]
    marks = (_dots(inner, dpi) or _dash(inner, dpi)) if inner.size else None
    if not marks:
        return None
    return (
        margin + min(m.x0 for m in marks),
        margin + min(m.top for m in marks),
        margin + max(m.x1 for m in marks),
        margin + max(m.bottom for m in marks),
    )


def _dots(img: np.ndarray, dpi: int) -> list[_Mark] | None:
    if img.ndim != 2 or min(img.shape) < 2:
        return None
    paper, darkest = float(np.percentile(img, 75)), float(img.min())
    if paper - darkest < FAINT:
        return None
    most = DOT * dpi / 72
    shown = [m for m in _marks(img < darkest + LEVELS[0] * (paper - darkest)) if not _remnant(m)]
    largest = max((m.area for m in shown), default=0)
    if not shown or not all(_low(m, most) for m in shown if m.area >= SPECK * largest):
        return None  # print taller than a dot, or upright, where it shows: a figure, a letter
    for level in LEVELS:
        marks = [m for m in _marks(img < darkest + level * (paper - darkest)) if not _remnant(m)]
        if _in_a_row(marks, most):
            return marks
    return None


def _dash(img: np.ndarray, dpi: int) -> list[_Mark] | None:
    """The one mark of the cell's core, at least twice as wide as it is thick, no thicker than
    half a dot and no longer than four: a dash; dots part in the core, a figure's or a letter's
    is taller, and a rule's piece longer."""
    if img.ndim != 2 or min(img.shape) < 2:
        return None
    counts = np.cumsum(np.bincount(img.ravel(), minlength=256))
    paper, darkest = float(np.searchsorted(counts, 0.75 * img.size)), float(img.min())
    if paper - darkest < FAINT:
        return None
    core = img < darkest + LEVELS[0] * (paper - darkest)
    rows = np.flatnonzero(core.any(axis=1))
    if rows[-1] - rows[0] + 1 > DOT * dpi / 72 / 2:
        return None  # print taller than a dash's stroke: most cells, told cheaply
    marks = _marks(core)
    largest = max((m.area for m in marks), default=0)
    marks = [m for m in marks if m.area >= SPECK * largest]
    if len(marks) != 1:
        return None
    w, h, most = marks[0].x1 - marks[0].x0, marks[0].bottom - marks[0].top, DOT * dpi / 72
    return marks if h <= most / 2 and DASH_LONG * h <= w <= DASH_WIDE * most else None


def _in_a_row(marks: list[_Mark], most: float) -> bool:
    """Two or three round marks of one size on one line, a dot's width or two apart."""
    if not 2 <= len(marks) <= 3 or not all(_round(m, most) for m in marks):
        return False
    if max(m.area for m in marks) > SAME * min(m.area for m in marks):
        return False
    tallest = max(m.bottom - m.top for m in marks)
    if max(m.yc for m in marks) - min(m.yc for m in marks) > tallest / 2:
        return False
    width = sum(m.x1 - m.x0 for m in marks) / len(marks)
    gaps = [b.x0 - a.x1 for a, b in zip(marks, marks[1:], strict=False)]
    return all(0 < g <= GAP * width for g in gaps)


def _marks(core: np.ndarray) -> list[_Mark]:
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(core.astype(np.uint8), connectivity=8)
    found = [_Mark(int(x), int(y), int(x + w), int(y + h), int(a)) for x, y, w, h, a in stats[1:n] if a >= MIN_CORE]
    return sorted(found, key=lambda m: m.x0)


def _remnant(m: _Mark) -> bool:
    """A sliver of a rule the cell's crop kept at its edge: a few pixels thick, three times as long."""
    w, h = m.x1 - m.x0, m.bottom - m.top
    return min(w, h) <= SLIVER and max(w, h) >= 3 * min(w, h)


def _low(m: _Mark, most: float) -> bool:
    """No taller than a dot and not upright: dots, two joined into a flat blob, or a dash."""
    w, h = m.x1 - m.x0, m.bottom - m.top
    return h <= most and h <= ROUND * w


def _round(m: _Mark, most: float) -> bool:
    w, h = m.x1 - m.x0, m.bottom - m.top
    return w <= most and h <= most and w <= ROUND * h and h <= ROUND * w


def loose_dots(grey: np.ndarray, ink: np.ndarray, words: list[Word], dpi: int) -> list[Word]:
    """`..` standing where no word is, on a page read without a grid: a sparse pass drops marks
    that small. Blobs of `ink` no taller than a dot, clear of every word, alone or two or three
    in a row, that the grey image shows as dots and nothing else beside them (a run of leader
    dots is longer; a word's full stop lies inside its box; a dash's core is one mark)."""
    most = DOT * dpi / 72
    small = [m for m in _marks(ink > 0) if m.x1 - m.x0 <= 3 * most and m.bottom - m.top <= most]
    loose = sorted((m for m in small if not any(_near(m, w) for w in words)), key=lambda m: (m.x0, m.top))
    out = []
    for run in _runs(loose):
        pad = int(most)
        x0, top = max(0, min(m.x0 for m in run) - pad), max(0, min(m.top for m in run) - pad)
        x1, bottom = max(m.x1 for m in run) + pad, max(m.bottom for m in run) + pad
        if _ink_beside(ink[top:bottom, x0:x1], run, x0, top):
            continue
        text = dots(grey[top:bottom, x0:x1], dpi)
        if text is not None:
            out.append(
                Word(
                    text,
                    float(min(m.x0 for m in run)),
                    float(min(m.top for m in run)),
                    float(max(m.x1 for m in run)),
                    float(max(m.bottom for m in run)),
                    True,
                    LOOSE,
                )
            )
    return out


def _ink_beside(ink: np.ndarray, run: list[_Mark], x0: int, top: int) -> bool:
    """Ink within a dot's reach of the run that is not the run's, more than a speck: a letter
    beside it (an `i`'s dot above its stem), where a `..` printed for a figure stands alone."""
    others = ink > 0
    for m in run:
        others[m.top - top : m.bottom - top, m.x0 - x0 : m.x1 - x0] = False
    return bool(others.any()) and bool(_marks(others))


def _near(m: _Mark, w: Word) -> bool:
    reach = 0.2 * (w.bottom - w.top)
    return m.x1 > w.x0 - reach and m.x0 < w.x1 + reach and m.bottom > w.top - reach and m.top < w.bottom + reach


def _runs(marks: list[_Mark]) -> list[list[_Mark]]:
    """Marks in a row on one line, each the next's neighbour, up to three of them (a mark alone
    may be two dots the binarisation joined: `dots` parts them, or not)."""
    runs: list[list[_Mark]] = []
    used: set[int] = set()
    for k, m in enumerate(marks):
        if k in used:
            continue
        run = [m]
        for j in range(k + 1, len(marks)):
            if marks[j].x0 - run[-1].x1 > GAP * (run[-1].x1 - run[-1].x0):
                break
            if j not in used and _in_a_row([run[-1], marks[j]], float("inf")):
                run.append(marks[j])
                used.add(j)
        if len(run) <= 3:
            runs.append(run)
    return runs
