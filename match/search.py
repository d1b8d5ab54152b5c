"""`scorekit catalogue search`: indicators whose names share the words of a text, or print its ref."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from .normalise import key

if TYPE_CHECKING:
    from .catalogue import Catalogue, Indicator


def search(cat: Catalogue, text: str, limit: int = 10) -> list[tuple[Indicator, float]]:
    """Names by shared words first (token set), closeness of the whole name second; a printed
    ref in TEXT finds its indicators outright."""
    choices: list[str] = []
    owners: list[str] = []
    for ind in cat:
        for name in ind.names:
            choices.append(key(name))
            owners.append(ind.id)
    if not choices:
        return []
    q = key(text) or text.lower()
    by_set = process.cdist([q], choices, scorer=fuzz.token_set_ratio)[0]
    by_sort = process.cdist([q], choices, scorer=fuzz.token_sort_ratio)[0]
    combined = by_set + by_sort / 1000.0
    best: dict[str, float] = {}
    for idx in np.argsort(-combined)[: limit * 6]:
        best[owners[idx]] = max(best.get(owners[idx], 0.0), float(combined[idx]))
    words = {w.upper() for w in re.split(r"[\s,;]+", text) if w}
    for ind in cat:
        if words & {r.replace(" ", "").upper() for r in ind.refs}:
            best[ind.id] = 101.0
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(cat.indicators[i], min(s, 100.0)) for i, s in ranked]
