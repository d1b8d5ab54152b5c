"""Rules a scan broke beside text, joined again where the page still shows them.

A light grey rule is ink to the adaptive threshold only where the paper round it is white: beside
a line of dark letters the local mean falls and the rule's pixels with it, so a row border under a
long name keeps only its pieces clear of the letters, and the cells above and below it read as
one. The grey image still shows the rule all along the gap: a row of pixels darker than the paper
a few rows above and below it. Between two tables set side by side, or down a merged cell's side,
the gap is paper.
"""

from __future__ import annotations

import numpy as np

from .image import RuleBox

DIP = 20  # grey levels under white paper beside it from which a pixel is a rule's
DIP_LEAST = 10  # and under a grey fill, however dark: a scan's noise reaches half of it
ALONG = 0.8  # share of a gap's columns that must show the dip (letters crossing it show none)


def bridge_gaps(rules_px: list[RuleBox], grey: np.ndarray, dpi: int) -> list[RuleBox]:
    """The rules with collinear pieces joined across each gap the grey image shows a rule along;
    horizontal rules first, then vertical ones, as `image.rules` gives them."""
    flat = [r for r in rules_px if r[1] == r[3]]
    upright = [(t, x0, b, x1) for x0, t, x1, b in rules_px if t != b]
    turned = [(t, x0, b, x1) for x0, t, x1, b in _bridged(upright, grey.T, dpi)]
    return _bridged(flat, grey, dpi) + sorted(turned, key=lambda r: (r[1], r[0]))


def _bridged(flat: list[RuleBox], grey: np.ndarray, dpi: int) -> list[RuleBox]:
    """Horizontal pieces (x0, y, x1, y) joined along each line of them, in reading order."""
    tol = max(2, dpi // 150)
    out: list[RuleBox] = []
    for line in _lines(sorted(flat, key=lambda r: (r[1], r[0])), tol):
        line.sort(key=lambda r: r[0])
        x0, y, x1, _ = line[0]
        for a, yy, b, _ in line[1:]:
            if a <= x1 + 1 or _shows_rule(grey, round((y + yy) / 2), int(x1), int(a), dpi):
                x1 = max(x1, b)
            else:
                out.append((x0, y, x1, y))
                x0, y, x1 = a, yy, b
        out.append((x0, y, x1, y))
    return sorted(out, key=lambda r: (r[1], r[0]))


def _lines(flat: list[RuleBox], tol: int) -> list[list[RuleBox]]:
    """Pieces chained by their y, each within `tol` of the last."""
    out: list[list[RuleBox]] = []
    for r in flat:
        if out and r[1] - out[-1][-1][1] <= tol:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def _shows_rule(grey: np.ndarray, y: int, a: int, b: int, dpi: int) -> bool:
    """Whether nearly every column of the gap [a, b) at row `y` is darker than the paper a few
    rows off it on both sides (the rule's blur spreads a row or two; each side's paper is the
    lightest of its rows, so a letter's stroke beside the rule does not hide it). A rule drawn
    over a grey fill (a RAG cell's) darkens it by less, in proportion to the fill's own grey.
    A fill's edge is dark on one side only: it is no rule."""
    hh, ww = grey.shape
    a, b = max(0, a), min(ww, b)
    off, span = max(4, dpi // 50), max(3, dpi // 100)
    if b <= a or y - off - span < 0 or y + off + span >= hh:
        return False
    g = grey[:, a:b].astype(np.int16)
    line = g[max(0, y - 1) : y + 2].min(axis=0)
    paper = np.minimum(g[y - off - span : y - off + 1].max(axis=0), g[y + off : y + off + span + 1].max(axis=0))
    return bool(((paper - line) >= np.maximum(DIP_LEAST, DIP * paper / 255.0)).mean() >= ALONG)
