"""Reconcile matched observations: copies, shifted series, then indicator-month groups.

Order matters: copies are collapsed first (a copy must not look like agreement or a second
source), shifts next (a mislabelled run must not surface as a dozen monthly conflicts), and only
the values left are compared month by month. A group is one indicator, area, measure and period:
two areas' figures for the same month are two groups, never a conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from . import copies, publications, shifts
from .cells import Cell, from_frame
from .findings import CLASSES, COLUMNS, CONFLICTS, Finding
from .groups import classify
from .periods import sort_key

GroupKey = tuple[str, str, str, str]  # canonical_id, area, measure, period


@dataclass
class Result:
    findings: list[Finding]
    cells: list[Cell]
    groups: int = 0
    agreeing: int = 0
    shifted_ids: set[int] = field(default_factory=set)
    copy_ids: set[int] = field(default_factory=set)
    # the cells compared month by month (neither copies nor shifted), by group, in group order
    by_period: dict[GroupKey, list[Cell]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        c = Counter(f.cls for f in self.findings)
        return {k: c.get(k, 0) for k in CLASSES}

    @property
    def conflicts(self) -> list[Finding]:
        return [f for f in self.findings if f.cls in CONFLICTS]

    @property
    def unresolved(self) -> list[Finding]:
        return [f for f in self.conflicts if f.resolution != "decision"]

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([f.to_record() for f in self.findings], columns=COLUMNS)


def group_order(key: GroupKey) -> tuple:
    return (*key[:3], sort_key(key[3]))


def period_groups(cells: list[Cell], left_out: set[int]) -> dict[GroupKey, list[Cell]]:
    """The cells of each indicator, area, measure and period, in that order."""
    out: dict[GroupKey, list[Cell]] = defaultdict(list)
    for c in cells:
        if c.id not in left_out:
            out[(c.canonical_id, c.area, c.measure, c.period)].append(c)
    return {k: out[k] for k in sorted(out, key=group_order)}


def reconcile_cells(cells: list[Cell]) -> Result:
    publications.assign(cells)
    kept, dup_findings = copies.collapse(cells)
    kept_ids = {c.id for c in kept}
    shifted, shift_findings = shifts.find(kept)
    findings = dup_findings + shift_findings
    n_groups = agreeing = 0
    by_period = period_groups(kept, shifted)
    for cs in by_period.values():
        if len(cs) < 2:
            continue
        n_groups += 1
        f = classify(cs)
        if f is None:
            agreeing += 1
        else:
            findings.append(f)
    findings.sort(key=lambda f: (f.canonical_id, f.area, f.measure, sort_key(f.period), f.cls))
    copy_ids = {c.id for c in cells if c.id not in kept_ids}
    return Result(findings, cells, n_groups, agreeing, shifted, copy_ids, by_period)


def reconcile(df: pd.DataFrame) -> Result:
    return reconcile_cells(from_frame(df))
