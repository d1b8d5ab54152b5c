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
    """The rules that are drawn lines, not a grey fill's edges; and the edges of a fill inside a
    ruled table, which are its cells' borders (drawn lighter than a dark fill, they are no
    darker than it)."""
    off = max(2, round(SIDE * dpi / 72))
    edges = [r for r in rules_px if _fill_edge(r, grey, band, off)]
    drawn = [r for r in rules_px if r not in edges]
    return [r for r in rules_px if r not in edges or _in_ruled_table(r, drawn)]


RULED = 4  # drawn rules alongside an edge, over its whole length, that make a table ruled there
ALONG = 0.9  # share of the edge's length a drawn rule alongside it runs


def _in_ruled_table(edge: PixelRule, drawn: list[PixelRule]) -> bool:
    """Drawn rules parallel to the edge run its whole length, on both sides of it, and enough of
    them that the table is ruled there: a frame round an unruled table, or a lone border, is not."""
    vertical = edge[0] == edge[2]
    at, a, z = (edge[0], edge[1], edge[3]) if vertical else (edge[1], edge[0], edge[2])
    beside = []
    for r in drawn:
        if (r[0] == r[2]) != vertical:
            continue
        rat, ra, rz = (r[0], r[1], r[3]) if vertical else (r[1], r[0], r[2])
        if min(z, rz) - max(a, ra) >= ALONG * (z - a):
            beside.append(rat)
    return len(beside) >= RULED and min(beside) < at < max(beside)


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
