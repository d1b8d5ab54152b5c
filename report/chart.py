"""A small time-series chart as inline SVG: one line per printed row, the disputed points ringed."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..reconcile.cells import Cell, plain_number
from ..reconcile.periods import month_label

PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e"]
W, H, PAD_L, PAD_R, PAD_T, PAD_B = 520, 200, 48, 12, 12, 34
LEGEND_ROW = 18


@dataclass
class Point:
    cell: Cell
    month: int


@dataclass
class Scale:
    """Months across, values up, over the points' extent (a flat series gets a unit of headroom)."""

    m0: int
    m1: int
    v0: float
    v1: float

    @classmethod
    def of(cls, pts: list[Point]) -> Scale:
        v0, v1 = min(p.cell.value for p in pts), max(p.cell.value for p in pts)
        if v0 == v1:
            v0, v1 = v0 - 1, v1 + 1
        return cls(min(p.month for p in pts), max(p.month for p in pts), v0, v1)

    @property
    def span(self) -> int:
        return max(self.m1 - self.m0, 1)

    def x(self, m: int) -> float:
        return PAD_L + (m - self.m0) / self.span * (W - PAD_L - PAD_R)

    def y(self, v: float) -> float:
        return PAD_T + (self.v1 - v) / (self.v1 - self.v0) * (H - PAD_T - PAD_B)


def _points(cells: list[Cell]) -> list[Point]:
    return [Point(c, c.month) for c in cells if c.month is not None]


def _frame(s: Scale, n_series: int, title: str) -> list[str]:
    height = H + LEGEND_ROW * ((n_series + 1) // 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{W}" height="{height}" '
        f'viewBox="0 0 {W} {height}" role="img" aria-label="{escape(title)}">',
        f'<rect x="{PAD_L}" y="{PAD_T}" width="{W - PAD_L - PAD_R}" height="{H - PAD_T - PAD_B}" '
        'fill="#fafafa" stroke="#ddd"/>',
    ]
    for v in (s.v0, (s.v0 + s.v1) / 2, s.v1):
        parts.append(
            f'<text x="{PAD_L - 4}" y="{s.y(v) + 4:.1f}" text-anchor="end" font-size="10">'
            f"{plain_number(round(v, 2))}</text>"
        )
    for m in range(s.m0, s.m1 + 1, max(1, s.span // 6)):
        parts.append(
            f'<text x="{s.x(m):.1f}" y="{H - PAD_B + 14}" text-anchor="middle" font-size="10">{month_label(m)}</text>'
        )
    return parts


def _series(s: Scale, i: int, label: str, pts: list[Point]) -> list[str]:
    """One printed row: its line, its points, and its legend entry."""
    color = PALETTE[i % len(PALETTE)]
    pts = sorted(pts, key=lambda p: (p.month, p.cell.bbox[0]))
    parts = []
    if len(pts) > 1:
        path = " ".join(f"{s.x(p.month):.1f},{s.y(p.cell.value):.1f}" for p in pts)
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.6" points="{path}"/>')
    for p in pts:
        parts.append(
            f'<circle cx="{s.x(p.month):.1f}" cy="{s.y(p.cell.value):.1f}" r="2.2" fill="{color}">'
            f"<title>{escape(label)} {p.cell.period}: {escape(p.cell.raw)}</title></circle>"
        )
    lx, ly = 8 + (i % 2) * (W // 2), H + 4 + LEGEND_ROW * (i // 2)
    parts.append(
        f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{color}"/>'
        f'<text x="{lx + 14}" y="{ly + 9}" font-size="10">{escape(label[:70])}</text>'
    )
    return parts


def _ring(s: Scale, p: Point) -> str:
    c = p.cell
    return (
        f'<circle class="conflict" cx="{s.x(p.month):.1f}" cy="{s.y(c.value):.1f}" r="5.5" '
        f'fill="none" stroke="#d62728" stroke-width="2"><title>disputed: {c.period} '
        f"{escape(c.raw)} ({escape(c.source)} p{c.page})</title></circle>"
    )


def svg(series: dict[str, list[Cell]], marked: set[int], title: str) -> str:
    """The chart, or "" when nothing in it has a month to stand at."""
    by_label = {label: _points(cs) for label, cs in series.items()}
    pts = [p for ps in by_label.values() for p in ps]
    if not pts:
        return ""
    s = Scale.of(pts)
    parts = _frame(s, len(series), title)
    for i, (label, ps) in enumerate(by_label.items()):
        parts += _series(s, i, label, ps)
    parts += [_ring(s, p) for p in pts if p.cell.id in marked]
    parts.append("</svg>")
    return "".join(parts)
