"""Observations as cells: one printed number with everything a reviewer needs to find it again.

A frame of a million observations becomes a million cells, so the frame is cleaned column by
column and each distinct text is one shared string object.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from .periods import month_index

BBOX = ("x0", "top", "x1", "bottom")


@dataclass(slots=True)
class Cell:
    id: int
    source: str
    page: int
    table: int
    row: int
    ref: str
    indicator: str
    area: str  # empty for the publisher's own figures
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
    provisional_id: str = ""  # the provisional identity a mapped name had (match/provisional.py)

    @property
    def instance(self) -> tuple[str, int, int, int]:
        """The printed row this cell sits in."""
        return (self.source, self.page, self.table, self.row)

    @property
    def series(self) -> tuple[str, str, str]:
        """What the cell is a figure of: indicator, area and measure; with the period, a group."""
        return (self.canonical_id, self.area, self.measure)

    def evidence(self) -> dict:
        ev = {
            "file": self.source,
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "period": self.period,
            "value": plain_number(self.value),
            "value_raw": self.raw,
            "unit": self.unit,
            "bbox": [round(v, 1) for v in self.bbox],
            "method": self.method,
            "confidence": round(self.confidence, 3),
            "report_date": self.report_date,
            "indicator": self.indicator,
            "ref": self.ref,
        }
        if self.area:
            ev["area"] = self.area
        return ev


def plain_number(v: float) -> float | int:
    """A figure as it reads: 70.0 -> 70, 69.5 stays."""
    return int(v) if float(v).is_integer() else v


def _number(x: Any, default: float) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return default
    return default if math.isnan(v) else v


def _numbers(df: pd.DataFrame, col: str, default: float) -> pd.Series:
    """The column as floats, `default` where it is missing or not a number."""
    if col not in df.columns:
        return pd.Series(default, index=df.index, dtype="float64")
    s = df[col]
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return s.astype("float64").fillna(default)
    return s.map(lambda x: _number(x, default)).astype("float64")


def _texts(df: pd.DataFrame, col: str) -> np.ndarray:
    """The column as strings ("" for missing), each distinct text one object."""
    if col not in df.columns:
        return np.full(len(df), "", dtype=object)
    codes, uniques = pd.factorize(df[col], use_na_sentinel=True)
    texts = np.array([str(u) for u in uniques] + [""], dtype=object)
    return texts[codes]


def from_frame(df: pd.DataFrame) -> list[Cell]:
    """Matched observations with a number, an indicator and a period: the only ones that can conflict."""
    df = df.reset_index(drop=True)
    cols: dict[str, Any] = {"id": np.arange(len(df))}
    for name in (
        "source",
        "ref",
        "indicator",
        "area",
        "canonical_id",
        "period",
        "unit",
        "path",
        "sha256",
        "provisional_id",
    ):
        cols[name] = _texts(df, name)
    cols["raw"] = _texts(df, "value_raw")
    for name, default in (("measure", "value"), ("method", "text")):
        texts = _texts(df, name)
        cols[name] = np.where(texts == "", default, texts).astype(object)
    for name in ("page", "table", "row"):
        cols[name] = np.trunc(_numbers(df, name, 0.0).to_numpy()).astype(np.int64)
    cols["value"] = _numbers(df, "value", math.nan).to_numpy()
    cols["confidence"] = _numbers(df, "confidence", 1.0).to_numpy()
    keep = (cols["canonical_id"] != "") & (cols["period"] != "") & ~np.isnan(cols["value"])
    kept = {k: v[keep].tolist() for k, v in cols.items()}
    months = {p: month_index(p) for p in set(kept["period"])}
    kept["month"] = [months[p] for p in kept["period"]]
    kept["bbox"] = list(zip(*(_numbers(df, c, 0.0).to_numpy()[keep].tolist() for c in BBOX), strict=True))
    n = len(kept["id"])
    args = [kept[f.name] if f.name in kept else [f.default] * n for f in fields(Cell)]
    return list(map(Cell, *args))
