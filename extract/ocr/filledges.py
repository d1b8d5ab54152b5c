"""Rules that are only the edge of a grey fill, left out of the rules a page image's cell grid
is built from.

The line masks take the step from paper to a grey cell (a RAG column shaded its whole height)
for a line. A grid made of those edges cuts each row at the fill's sides instead of between its
columns, and its cells' readings run three columns together. A drawn rule is darker than the
ground on both sides of it; a fill's edge is no darker than the fill beside it. The page keeps
all its rules (a fill's edges still part rows and columns for the table finder), and a dark
band's edges stay in the grid's: the header band's own code reads them (`_seams_out`,
`_ends_in_bands`).
"""

from __future__ import annotations

import numpy as np

SIDE = 1.5  # points: how far off a rule its sides are sampled, past a blurred rule's own ink
DRAWN = 10  # grey levels a drawn rule stands darker than the darker of the grounds beside it

PixelRule = tuple[float, float, float, float]


def drawn_rules(rules_px: list[PixelRule], grey: np.ndarray, band: np.ndarray, dpi: int) -> list[PixelRule]:
    """The rules that are drawn lines, not a grey fill's edges."""
    off = max(2, round(SIDE * dpi / 72))
    return [r for r in rules_px if not _fill_edge(r, grey, band, off)]


def _fill_edge(rule: PixelRule, grey: np.ndarray, band: np.ndarray, off: int) -> bool:
    """Judged at the darkest column near the rule: a mask's rule can stand a few pixels off
    its ink."""
    x0, top, x1, bottom = (round(v) for v in rule)
    vertical = x0 == x1
    g, b = (grey, band) if vertical else (grey.T, band.T)
    at, a, z = (x0, top, bottom) if vertical else (top, x0, x1)
    if at - 3 * off < 0 or at + 3 * off >= g.shape[1] or z <= a:
        return False
    rows = slice(a, z + 1)
    near = np.median(g[rows, at - off : at + off + 1], axis=0)
    at += int(np.argmin(near)) - off
    sides = (slice(at - 2 * off, at - off), slice(at + off + 1, at + 2 * off + 1))
    if any(b[rows, side].mean() > 0.5 for side in sides):
        return False
    darker_side = min(float(np.median(g[rows, side])) for side in sides)
    return float(near.min()) >= darker_side - DRAWN
