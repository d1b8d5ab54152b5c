"""A band's name wrapped over lines stays one cell per line, wherever its word spaces fall.

A band too long for the columns it spans wraps, and `columns.split_by_columns` splits a phrase
whose word gaps each lie in a gutter: a wrapped line of prose does that by chance when its words
are about as wide as the columns (`sent for` / `reuse,` / `recycling` / `and` over four years).
A line set as part of a paragraph (a line of words next to it at line spacing, centred on the
same middle or starting or ending at the same edge) is one cell like the rest of its paragraph.
Periods and figures are never its prose: `2019/20` over two OCR-merged sub-headers stays apart.
"""

from __future__ import annotations

from ..periods import parse_period
from .columns import columns_of
from .figures import data_like
from .lines import Phrase, type_size
from .rows import Placed, PlacedLine

LEADING_GAP = 0.6  # em: lines of one paragraph are set closer than this, edge to edge
ALIGNED = 1.0  # em: two lines' middles or edges this close are set to the same alignment


def rejoin_wrapped(header: list[PlacedLine], xs: list[float]) -> None:
    """Undo the column split of every band line (not the lowest, which names the columns)
    that is a wrapped line of a paragraph."""
    for k, pl in enumerate(header[:-1]):
        neighbours = [header[j] for j in (k - 1, k + 1) if 0 <= j < len(header) - 1]
        for phrase in pl.line.phrases:
            pieces = [c for c in pl.cells if c.phrase.words[0] in phrase.words]
            if len(pieces) > 1 and _prose(phrase) and any(_wraps_with(phrase, pl, n) for n in neighbours):
                at = pl.cells.index(pieces[0])
                pl.cells[at : at + len(pieces)] = [Placed(phrase, *columns_of(phrase, xs))]


def _prose(phrase: Phrase) -> bool:
    """Words, most of them neither a period nor a figure (`2019/20`, `Q1 Q2` are no prose)."""
    if not any(ch.isalpha() for ch in phrase.text) or parse_period(phrase.text):
        return False
    marks = sum(bool(parse_period(w.text) or data_like(w.text)) for w in phrase.words)
    return marks * 2 < len(phrase.words)


def _wraps_with(phrase: Phrase, line: PlacedLine, other: PlacedLine) -> bool:
    upper, lower = (other, line) if other.top < line.top else (line, other)
    em = max(line.line.em, other.line.em, type_size(line.line.words), type_size(other.line.words))
    if lower.top - upper.bottom > LEADING_GAP * em:
        return False
    return any(_prose(q) and _aligned(phrase, q, em) for q in other.line.phrases)


def _aligned(a: Phrase, b: Phrase, em: float) -> bool:
    if min(a.x1, b.x1) <= max(a.x0, b.x0):
        return False
    middles = abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2
    return min(middles, abs(a.x0 - b.x0), abs(a.x1 - b.x1)) <= ALIGNED * em
