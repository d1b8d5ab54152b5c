"""Observations as cells: one printed number with everything a reviewer needs to find it again."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .periods import month_index


@dataclass
class Cell:
    id: int
    source: str
    page: int
    table: int
    row: int
    ref: str
    indicator: str
    canonical_id: str
    period: str
    month: int | None
    measure: str
    value: float
    raw: str
    unit: str
    method: str
    confidence: float
    bbox: tuple[float, float, float, float]
    path: str = ""
    sha256: str = ""
    report_date: str = ""
    report_month: int | None = None
    publication: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def instance(self) -> tuple[str, int, int, int]:
        """The printed row this cell sits in."""
        return (self.source, self.page, self.table, self.row)

    def evidence(self) -> dict:
        return {
            "file": self.source,
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "period": self.period,
            "value": _num(self.value),
            "value_raw": self.raw,
            "unit": self.unit,
            "bbox": [round(v, 1) for v in self.bbox],
            "method": self.method,
            "confidence": round(self.confidence, 3),
            "report_date": self.report_date,
            "indicator": self.indicator,
            "ref": self.ref,
        }


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _f(x, default: float = 0.0) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(v) else v


def _i(x) -> int:
    return int(_f(x, 0))


def _s(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return ""
    return str(x)


def from_frame(df: pd.DataFrame) -> list[Cell]:
    """Matched observations with a number, an indicator and a period: the only ones that can conflict."""
    cells: list[Cell] = []
    cols = set(df.columns)
    for i, rec in enumerate(df.to_dict("records")):
        cid = _s(rec.get("canonical_id"))
        period = _s(rec.get("period"))
        value = _f(rec.get("value"), math.nan)
        if not cid or not period or math.isnan(value):
            continue
        cells.append(
            Cell(
                id=i,
                source=_s(rec.get("source")),
                page=_i(rec.get("page")),
                table=_i(rec.get("table")),
                row=_i(rec.get("row")),
                ref=_s(rec.get("ref")),
                indicator=_s(rec.get("indicator")),
                canonical_id=cid,
                period=period,
                month=month_index(period),
                measure=_s(rec.get("measure")) or "value",
                value=value,
                raw=_s(rec.get("value_raw")),
                unit=_s(rec.get("unit")),
                method=_s(rec.get("method")) or "text",
                confidence=_f(rec.get("confidence"), 1.0),
                bbox=tuple(_f(rec.get(c)) for c in ("x0", "top", "x1", "bottom")),
                path=_s(rec.get("path")) if "path" in cols else "",
                sha256=_s(rec.get("sha256")) if "sha256" in cols else "",
                extra={"provisional_id": _s(rec.get("provisional_id"))} if "provisional_id" in cols else {},
            )
        )
    return cells
