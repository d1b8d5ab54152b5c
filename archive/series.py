"""The resolved series with provenance, and every published value of one indicator.

Both work on the stored observations as read from the archive, so the archive is free again
while they are reconciled.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pandas as pd

from ..extract.output import neutralise_frame
from ..reconcile import decisions as decmod
from ..reconcile.cells import Cell, plain_number
from ..reconcile.engine import Result, reconcile
from ..reconcile.resolve import Resolved, apply_decisions, resolve

EXPORT_COLUMNS = [
    "canonical_id",
    "area",
    "measure",
    "period",
    "value",
    "resolution",
    "n_values",
    "n_sources",
    "finding_class",
    "finding_id",
    "indicator",
    "ref",
    "value_raw",
    "unit",
    "source",
    "sha256",
    "report_date",
    "page",
    "table",
    "row",
    "x0",
    "top",
    "x1",
    "bottom",
    "method",
    "confidence",
]
HISTORY_COLUMNS = ["period", "value", "value_raw", "source", "page", "table", "report_date", "indicator", "used"]


def result(observations: pd.DataFrame, decisions: decmod.Decisions, matcher=None) -> Result:
    """Stored names still under a provisional identity move to the canonical id a reviewer has
    mapped them to since they were stored (`match/provisional.py`)."""
    from ..match import provisional
    from ..match.annotate import settle
    from ..reconcile.inputs import matcher as default_matcher

    r = reconcile(settle(provisional.fill(observations), matcher or default_matcher()))
    apply_decisions(r, decisions)
    return r


def _export_row(s: Resolved) -> dict:
    c = s.chosen
    return {
        "canonical_id": s.canonical_id,
        "area": s.area,
        "measure": s.measure,
        "period": s.period,
        "value": float(s.value),
        "resolution": s.rule,
        "n_values": s.n_values,
        "n_sources": s.n_sources,
        "finding_class": s.finding_class,
        "finding_id": s.finding_id,
        "indicator": c.indicator,
        "ref": c.ref,
        "value_raw": c.raw,
        "unit": c.unit,
        "source": c.source,
        "sha256": c.sha256,
        "report_date": c.report_date,
        "page": c.page,
        "table": c.table,
        "row": c.row,
        "x0": c.bbox[0],
        "top": c.bbox[1],
        "x1": c.bbox[2],
        "bottom": c.bbox[3],
        "method": c.method,
        "confidence": c.confidence,
    }


def export_frame(observations: pd.DataFrame, decisions: decmod.Decisions) -> pd.DataFrame:
    """One agreed value per indicator, area, measure and period."""
    r = result(observations, decisions)
    return pd.DataFrame([_export_row(s) for s in resolve(r, decisions)], columns=EXPORT_COLUMNS)


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"


def write_export(df: pd.DataFrame, path: Path, fmt: str) -> None:
    if fmt == "csv":
        neutralise_frame(df).to_csv(path, index=False)
    elif fmt == "parquet":
        df.to_parquet(path, index=False)
    elif fmt == "xlsx":
        neutralise_frame(df).to_excel(path, index=False, sheet_name="resolved", engine="openpyxl")
    else:
        raise ValueError(f"unknown format {fmt!r}: use csv, parquet or xlsx")


def _use(c: Cell, r: Result, chosen: dict[tuple[str, int], str]) -> str:
    if c.id in r.copy_ids:
        return "copy"
    if c.id in r.shifted_ids:
        return "shifted (not used)"
    return chosen.get((c.period, c.id), "")


def _history_row(c: Cell, used: str) -> dict:
    return {
        "period": c.period,
        "value": plain_number(c.value),
        "value_raw": c.raw,
        "source": c.source,
        "page": c.page,
        "table": c.table,
        "report_date": c.report_date,
        "indicator": c.indicator,
        "used": used,
    }


def history(
    observations: pd.DataFrame,
    indicator: str,
    decisions: decmod.Decisions,
    measure: str = "value",
    area: str = "",
    matcher=None,
) -> pd.DataFrame:
    """Every value published for each period, marked where it is the agreed one or set aside. A
    provisional id finds its rows after a reviewer mapped them to a canonical one."""
    r = result(observations, decisions, matcher)
    wanted = [
        c for c in r.cells if indicator in (c.canonical_id, c.provisional_id) and (c.area, c.measure) == (area, measure)
    ]
    keys = {(c.canonical_id, area, measure) for c in wanted}
    chosen = {
        (s.period, s.chosen.id): s.rule for s in resolve(r, decisions) if (s.canonical_id, s.area, s.measure) in keys
    }
    ordered = sorted(wanted, key=lambda c: (c.month or 0, c.period, -(c.report_month or 0), c.source, c.page))
    return pd.DataFrame([_history_row(c, _use(c, r, chosen)) for c in ordered], columns=HISTORY_COLUMNS)
