"""What a reviewer needs to settle one name: its candidates side by side, with what the catalogue
says each one is and what the guards found.

Built from the matcher's result and the catalogue only, so `scorekit review` (rich tables on a
terminal) and any other front end show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .annotate import NameGroup
from .catalogue import Catalogue, CatalogueError
from .explain import Blocked, Candidate
from .guards import BASIS_LABELS
from .matcher import RULE_REVIEW, RULE_UNMATCHED
from .normalise import key

MAX_CANDIDATES = 3
MAX_BLOCKED = 2


@dataclass
class Column:
    """One candidate measure: the catalogue's account of it and the evidence for and against."""

    indicator_id: str
    status: str  # "candidate" | "blocked"
    score: str
    name: str
    definition: str
    unit: str
    time_basis: str
    population: str
    codes: str
    matched: str
    seen: str
    guards: list[str]


def _alias_span(cat: Catalogue, iid: str, name: str) -> str:
    for a in cat.get(iid).aliases:
        if a.name == name:
            return str(a.first) if a.first == a.last else f"{a.first} .. {a.last}"
    return ""


def _column(cat: Catalogue, iid: str, status: str, score: str, matched: str, guards: list[str]) -> Column:
    try:
        ind = cat.get(iid)
    except CatalogueError:
        return Column(iid, status, score, "?", "", "", "", "", "", matched, "", guards)
    return Column(
        iid,
        status,
        score,
        ind.name,
        ind.definition,
        ind.unit,
        BASIS_LABELS.get(ind.time_basis, ind.time_basis) or "not recorded",
        ind.population or "not recorded",
        ", ".join(ind.codes) or "-",
        matched,
        _alias_span(cat, iid, matched),
        guards,
    )


def columns(cat: Catalogue, candidates: list[Candidate], blocked: list[Blocked]) -> list[Column]:
    """The best candidates, then the best entries the guards removed (a reviewer should see why)."""
    out = [
        _column(cat, c.indicator_id, "candidate", f"{c.score:.0f} (name {c.similarity:.0f})", c.matched_name, c.notes)
        for c in candidates[:MAX_CANDIDATES]
    ]
    out += [
        _column(cat, b.indicator_id, "blocked", f"name {b.similarity:.0f}", b.matched_name, b.reasons)
        for b in blocked[:MAX_BLOCKED]
    ]
    return out


def queue(gs: list[NameGroup]) -> list[NameGroup]:
    """Names left for review first (best score first), then candidate new indicators; one per wording."""
    seen: set[str] = set()
    q = []
    for g in gs:
        k = key(g.indicator)
        if g.outcome.rule in (RULE_REVIEW, RULE_UNMATCHED) and k not in seen:
            seen.add(k)
            q.append(g)
    return sorted(q, key=lambda g: (g.outcome.rule != RULE_REVIEW, -g.outcome.score, g.indicator))


def find(gs: list[NameGroup], name: str) -> NameGroup | None:
    k = key(name)
    return next((g for g in gs if key(g.indicator) == k), None)
