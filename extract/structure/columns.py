"""A block's columns: the x-ranges its body text fills, apart by white gutters or drawn rules.

The lines that hold values say where the columns are: every phrase of them lies inside one
column, so the union of their extents, merged where they overlap, is one range per column.
Header and section lines are left out of that count (a header spanning three columns would join
them), and placed afterwards. A vertical rule running down most of the block is a boundary
whether or not text shows one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..page import Rule
from .lines import Line, Phrase

RULE_COVER = 0.5  # a vertical rule over this share of the block's height is a column boundary


@dataclass(frozen=True)
class Span:
    x0: float
    x1: float


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.x0):
        if out and s.x0 <= out[-1].x1:
            out[-1] = Span(out[-1].x0, max(out[-1].x1, s.x1))
        else:
            out.append(s)
    return out


def body_lines(lines: list[Line]) -> list[Line]:
    """Lines that hold a number beside other text; all lines of several phrases if few do."""
    valued = [ln for ln in lines if len(ln.phrases) >= 2 and any(p.numeric for p in ln.phrases[1:])]
    if len(valued) >= 2:
        return valued
    return [ln for ln in lines if len(ln.phrases) >= 2]


def column_spans(lines: list[Line], rules: list[Rule], top: float, bottom: float) -> list[Span]:
    spans = _merged([Span(p.x0, p.x1) for ln in body_lines(lines) for p in ln.phrases])
    cuts = vertical_cuts(rules, top, bottom)
    return _split_at(spans, cuts)


def vertical_cuts(rules: list[Rule], top: float, bottom: float) -> list[float]:
    height = max(bottom - top, 1.0)
    cuts = []
    for r in rules:
        if r.horizontal:
            continue
        cover = min(r.bottom, bottom) - max(r.top, top)
        if cover >= RULE_COVER * height:
            cuts.append((r.x0 + r.x1) / 2)
    return sorted(cuts)


def _split_at(spans: list[Span], cuts: list[float]) -> list[Span]:
    """A column range a rule runs through is two columns (text on both sides of it)."""
    out: list[Span] = []
    for s in spans:
        inner = [c for c in cuts if s.x0 + 1 < c < s.x1 - 1]
        edges = [s.x0, *inner, s.x1]
        out += [Span(a, b) for a, b in zip(edges, edges[1:], strict=False)]
    return out


def boundaries(spans: list[Span], cuts: list[float], x0: float, x1: float) -> list[float]:
    """Column boundaries: a rule in the gutter where there is one, else the gutter's middle."""
    xs = [min(x0, spans[0].x0)]
    for a, b in zip(spans, spans[1:], strict=False):
        inside = [c for c in cuts if a.x1 - 1 <= c <= b.x0 + 1]
        xs.append(inside[0] if inside else (a.x1 + b.x0) / 2)
    xs.append(max(x1, spans[-1].x1))
    return xs


def columns_of(phrase: Phrase, xs: list[float]) -> tuple[int, int]:
    """First and last+1 column a phrase covers (by its extent, with a little slack)."""
    slack = 0.25 * phrase.em
    first = next((i for i in range(len(xs) - 1) if phrase.x0 < xs[i + 1] - slack), len(xs) - 2)
    last = next((i for i in range(len(xs) - 2, -1, -1) if phrase.x1 > xs[i] + slack), first)
    return first, max(first, last) + 1


def split_by_columns(phrase: Phrase, xs: list[float]) -> list[Phrase]:
    """A phrase across column boundaries that each fall between two of its words (OCR or a
    tight header joined neighbouring cells) is one phrase per column; otherwise it spans."""
    c0, c1 = columns_of(phrase, xs)
    if c1 - c0 < 2 or len(phrase.words) < 2:
        return [phrase]
    pieces: list[list] = [[phrase.words[0]]]
    for a, b in zip(phrase.words, phrase.words[1:], strict=False):
        boundary = [x for x in xs[c0 + 1 : c1] if a.x1 <= x <= b.x0]
        if boundary:
            pieces.append([b])
        else:
            pieces[-1].append(b)
    if len(pieces) != c1 - c0:
        return [phrase]
    return [Phrase(ws) for ws in pieces]
