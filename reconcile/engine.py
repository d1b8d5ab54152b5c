"""Reconcile matched observations: copies, shifted series, then indicator-month groups.

Order matters: copies are collapsed first (a copy must not look like agreement or a second
source), shifts next (a mislabelled run must not surface as a dozen monthly conflicts), and only
the values left are compared month by month.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from . import copies, publications, shifts
from .cells import Cell, from_frame
from .findings import CLASSES, CONFLICTS, Finding
from .groups import classify
from .periods import sort_key


@dataclass
class Result:
    findings: list[Finding]
    cells: list[Cell]
    groups: int = 0
    agreeing: int = 0
    shifted_ids: set[int] = field(default_factory=set)
    copy_ids: set[int] = field(default_factory=set)

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
        from .findings import COLUMNS

        return pd.DataFrame([f.to_record() for f in self.findings], columns=COLUMNS)


def reconcile_cells(cells: list[Cell]) -> Result:
    publications.assign(cells)
    kept, dup_findings = copies.collapse(cells)
    kept_ids = {c.id for c in kept}
    shifted, shift_findings = shifts.find(kept)
    groups: dict[tuple, list[Cell]] = defaultdict(list)
    for c in kept:
        if c.id not in shifted:
            groups[(c.canonical_id, c.measure, c.period)].append(c)
    findings = dup_findings + shift_findings
    n_groups = agreeing = 0
    for key in sorted(groups, key=lambda k: (k[0], k[1], sort_key(k[2]))):
        cs = groups[key]
        if len({c.instance for c in cs}) < 2 and len(cs) < 2:
            continue
        n_groups += 1
        f = classify(cs)
        if f is None:
            agreeing += 1
        else:
            findings.append(f)
    findings.sort(key=lambda f: (f.canonical_id, f.measure, sort_key(f.period), f.cls))
    return Result(findings, cells, n_groups, agreeing, shifted, {c.id for c in cells if c.id not in kept_ids})


def reconcile(df: pd.DataFrame) -> Result:
    return reconcile_cells(from_frame(df))
