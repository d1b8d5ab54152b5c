"""One agreed value per indicator, period and measure.

Policy, in order: a reviewer's decision; the latest publication; the higher confidence. Values a
shifted series printed under the wrong month never win their printed month, and copies add nothing.
Ties fall to the first printing (file, page, table, row) so two builds agree exactly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .cells import Cell
from .decisions import Decisions
from .engine import Result
from .findings import CONFLICTS
from .periods import sort_key


@dataclass
class Resolved:
    canonical_id: str
    measure: str
    period: str
    value: float
    chosen: Cell
    rule: str  # decision | latest | confidence | only | agreed
    n_values: int
    n_sources: int
    finding_class: str
    finding_id: str


def apply_decisions(result: Result, decisions: Decisions) -> None:
    """Mark findings a reviewer has settled; the exit status counts the rest."""
    for f in result.findings:
        if f.cls not in CONFLICTS:
            continue
        d = decisions.for_finding(f.id)
        if d is None and len(f.periods) == 1:
            d = decisions.for_period(f.canonical_id, f.measure, f.period)
        if d is not None:
            f.resolution = "decision"
            f.resolved_value = d.value if d.value is not None else _policy(f.cells, set(f.shifted_cells))
        else:
            f.resolution = "latest publication"
            f.resolved_value = _policy(f.cells, set(f.shifted_cells))


def _rank(c: Cell) -> tuple:
    return (-(c.report_month or 0), -c.confidence, c.source, c.page, c.table, c.row, c.bbox[0])


def _policy(cells: list[Cell], excluded: set[int]) -> float | None:
    cs = [c for c in cells if c.id not in excluded]
    return min(cs, key=_rank).value if cs else None


def resolve(result: Result, decisions: Decisions) -> list[Resolved]:
    finding_of: dict[tuple, tuple[str, str]] = {}
    for f in result.findings:
        if f.cls in CONFLICTS or f.cls == "equivalent":
            for p in f.periods:
                k = (f.canonical_id, f.measure, p)
                if k not in finding_of or f.cls in CONFLICTS:
                    finding_of[k] = (f.cls, f.id)
    groups: dict[tuple, list[Cell]] = defaultdict(list)
    for c in result.cells:
        if c.id in result.copy_ids or c.id in result.shifted_ids:
            continue
        groups[(c.canonical_id, c.measure, c.period)].append(c)
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], sort_key(k[2]))):
        cs = groups[key]
        best = min(cs, key=_rank)
        values = {c.value for c in cs}
        cls, fid = finding_of.get(key, ("", ""))
        d = decisions.for_period(*key)
        if d is None and fid:
            d = decisions.for_finding(fid)
        if d is not None and d.value is not None:
            value, rule = d.value, "decision"
        elif len(cs) == 1:
            value, rule = best.value, "only"
        elif len(values) == 1:
            value, rule = best.value, "agreed"
        else:
            value = best.value
            tops = [c for c in cs if c.report_month == best.report_month]
            rule = "latest" if len(tops) < len(cs) and len({c.value for c in tops}) == 1 else "confidence"
            if d is not None:
                rule = "decision"
        out.append(
            Resolved(key[0], key[1], key[2], value, best, rule, len(values), len({c.instance for c in cs}), cls, fid)
        )
    return out
