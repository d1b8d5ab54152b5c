"""One agreed value per indicator, area, period and measure.

Policy, in order: a reviewer's decision; the latest publication; the higher confidence. Values a
shifted series printed under the wrong month never win their printed month, and copies add nothing.
Ties fall to the first printing (file, page, table, row) so two builds agree exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cells import Cell
from .decisions import Decision, Decisions
from .engine import GroupKey, Result
from .findings import CONFLICTS, EQUIVALENT


@dataclass
class Resolved:
    canonical_id: str
    area: str
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
            d = decisions.for_period(f.canonical_id, f.measure, f.period, f.area)
        f.resolution = "latest publication" if d is None else "decision"
        decided = d.value if d is not None else None
        f.resolved_value = decided if decided is not None else _policy(f.cells, set(f.shifted_cells))


def _rank(c: Cell) -> tuple:
    return (-(c.report_month or 0), -c.confidence, c.source, c.page, c.table, c.row, c.bbox[0])


def _policy(cells: list[Cell], excluded: set[int]) -> float | None:
    cs = [c for c in cells if c.id not in excluded]
    return min(cs, key=_rank).value if cs else None


def _findings_by_group(result: Result) -> dict[GroupKey, tuple[str, str]]:
    """The finding (class, id) behind each group; a conflict before an equivalent."""
    out: dict[GroupKey, tuple[str, str]] = {}
    for f in result.findings:
        if f.cls in CONFLICTS or f.cls == EQUIVALENT:
            for p in f.periods:
                k = (f.canonical_id, f.area, f.measure, p)
                if k not in out or f.cls in CONFLICTS:
                    out[k] = (f.cls, f.id)
    return out


def _rule(cs: list[Cell], n_values: int, best: Cell, d: Decision | None) -> str:
    """How the group's value was chosen (a decision with no value leaves the policy's choice)."""
    if d is not None and d.value is not None:
        return "decision"
    if len(cs) == 1:
        return "only"
    if n_values == 1:
        return "agreed"
    if d is not None:
        return "decision"
    tops = [c for c in cs if c.report_month == best.report_month]
    return "latest" if len(tops) < len(cs) and len({c.value for c in tops}) == 1 else "confidence"


def resolve(result: Result, decisions: Decisions) -> list[Resolved]:
    finding_of = _findings_by_group(result)
    out = []
    for key, cs in result.by_period.items():
        best = min(cs, key=_rank) if len(cs) > 1 else cs[0]
        n_values = len({c.value for c in cs})
        cls, fid = finding_of.get(key, ("", ""))
        cid, area, measure, period = key
        d = decisions.for_period(cid, measure, period, area)
        if d is None and fid:
            d = decisions.for_finding(fid)
        rule = _rule(cs, n_values, best, d)
        value = d.value if rule == "decision" and d is not None and d.value is not None else best.value
        out.append(
            Resolved(
                canonical_id=cid,
                area=area,
                measure=measure,
                period=period,
                value=value,
                chosen=best,
                rule=rule,
                n_values=n_values,
                n_sources=len({c.instance for c in cs}),
                finding_class=cls,
                finding_id=fid,
            )
        )
    return out
