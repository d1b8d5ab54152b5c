"""A small time-series chart as inline SVG: one line per printed row, the disputed points ringed."""

from __future__ import annotations

from html import escape

from ..reconcile.cells import Cell, _num
from ..reconcile.periods import month_label

PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e"]
W, H, PAD_L, PAD_R, PAD_T, PAD_B = 520, 200, 48, 12, 12, 34


def svg(series: dict[str, list[Cell]], marked: set[int], title: str) -> str:
    pts = [c for cs in series.values() for c in cs if c.month is not None]
    if not pts:
        return ""
    m0, m1 = min(c.month for c in pts), max(c.month for c in pts)
    v0, v1 = min(c.value for c in pts), max(c.value for c in pts)
    if v0 == v1:
        v0, v1 = v0 - 1, v1 + 1
    span_m = max(m1 - m0, 1)

    def x(m: int) -> float:
        return PAD_L + (m - m0) / span_m * (W - PAD_L - PAD_R)

    def y(v: float) -> float:
        return PAD_T + (v1 - v) / (v1 - v0) * (H - PAD_T - PAD_B)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{W}" height="{H + 18 * ((len(series) + 1) // 2)}" '
        f'viewBox="0 0 {W} {H + 18 * ((len(series) + 1) // 2)}" role="img" aria-label="{escape(title)}">',
        f'<rect x="{PAD_L}" y="{PAD_T}" width="{W - PAD_L - PAD_R}" height="{H - PAD_T - PAD_B}" fill="#fafafa" stroke="#ddd"/>',
    ]
    for v in (v0, (v0 + v1) / 2, v1):
        parts.append(
            f'<text x="{PAD_L - 4}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="10">{_num(round(v, 2))}</text>'
        )
    step = max(1, span_m // 6)
    for m in range(m0, m1 + 1, step):
        parts.append(
            f'<text x="{x(m):.1f}" y="{H - PAD_B + 14}" text-anchor="middle" font-size="10">{month_label(m)}</text>'
        )
    for i, (label, cs) in enumerate(series.items()):
        color = PALETTE[i % len(PALETTE)]
        cs = sorted((c for c in cs if c.month is not None), key=lambda c: (c.month, c.bbox[0]))
        if len(cs) > 1:
            path = " ".join(f"{x(c.month):.1f},{y(c.value):.1f}" for c in cs)
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.6" points="{path}"/>')
        for c in cs:
            parts.append(
                f'<circle cx="{x(c.month):.1f}" cy="{y(c.value):.1f}" r="2.2" fill="{color}">'
                f"<title>{escape(label)} {c.period}: {escape(c.raw)}</title></circle>"
            )
        lx, ly = 8 + (i % 2) * (W // 2), H + 4 + 18 * (i // 2)
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{color}"/>'
            f'<text x="{lx + 14}" y="{ly + 9}" font-size="10">{escape(label[:70])}</text>'
        )
    for c in pts:
        if c.id in marked:
            parts.append(
                f'<circle class="conflict" cx="{x(c.month):.1f}" cy="{y(c.value):.1f}" r="5.5" '
                f'fill="none" stroke="#d62728" stroke-width="2"><title>disputed: {c.period} '
                f"{escape(c.raw)} ({escape(c.source)} p{c.page})</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)
