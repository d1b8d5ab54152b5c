"""A finding: one disagreement (or one harmless repeat) with every printed value behind it.

Classes, from harmless to serious: `equivalent` and `duplicate_copy` are not conflicts but are
written so nothing is silently dropped; `shifted_series`, `revision` and `contradiction` are.
`shift_months` is k such that the value printed at month p belongs to month p + k.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .cells import Cell, plain_number

EQUIVALENT = "equivalent"
DUPLICATE = "duplicate_copy"
SHIFTED = "shifted_series"
REVISION = "revision"
CONTRADICTION = "contradiction"
CLASSES = (EQUIVALENT, DUPLICATE, SHIFTED, REVISION, CONTRADICTION)
CONFLICTS = (SHIFTED, REVISION, CONTRADICTION)

COLUMNS = [
    "finding_id",
    "canonical_id",
    "indicator",
    "area",
    "measure",
    "period",
    "periods",
    "class",
    "shift_months",
    "values",
    "reason",
    "resolved_value",
    "resolution",
    "sources",
]


@dataclass
class Finding:
    cls: str
    canonical_id: str
    measure: str
    periods: list[str]
    cells: list[Cell]
    reason: str
    shift_months: int | None = None
    indicator: str = ""
    resolved_value: float | None = None
    resolution: str = ""
    shifted_cells: list[int] = field(default_factory=list)
    area: str = ""  # empty for the publisher's own figures

    @property
    def period(self) -> str:
        return self.periods[0] if self.periods else ""

    @property
    def is_conflict(self) -> bool:
        return self.cls in CONFLICTS

    @property
    def id(self) -> str:
        """Stable across runs of the same documents, so a decision can name it. The area is part
        of it only where there is one: the publisher's own findings keep the ids they had."""
        locs = sorted(f"{c.source}:{c.page}:{c.table}:{c.row}:{c.period}:{c.measure}" for c in self.cells)
        area = [f"area={self.area}"] if self.area else []
        key = "|".join([self.cls, self.canonical_id, *area, self.measure, ",".join(self.periods), *locs])
        return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]

    def values(self) -> list:
        seen: list = []
        for c in sorted(self.cells, key=lambda c: (-(c.report_month or 0), c.source, c.page)):
            v = plain_number(c.value)
            if v not in seen:
                seen.append(v)
        return seen

    def to_record(self) -> dict:
        return {
            "finding_id": self.id,
            "canonical_id": self.canonical_id,
            "indicator": self.indicator or (self.cells[0].indicator if self.cells else ""),
            "area": self.area,
            "measure": self.measure,
            "period": self.period,
            "periods": ";".join(self.periods),
            "class": self.cls,
            "shift_months": self.shift_months if self.shift_months is not None else "",
            "values": " | ".join(str(v) for v in self.values()),
            "reason": self.reason,
            "resolved_value": "" if self.resolved_value is None else plain_number(self.resolved_value),
            "resolution": self.resolution,
            "sources": json.dumps([c.evidence() for c in self.cells], ensure_ascii=False),
        }
