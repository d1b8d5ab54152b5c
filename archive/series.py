"""The resolved series with provenance, and every published value of one indicator."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..extract.output import neutralise_frame
from ..reconcile import decisions as decmod
from ..reconcile.cells import _num
from ..reconcile.engine import Result, reconcile
from ..reconcile.resolve import apply_decisions, resolve
from . import store

EXPORT_COLUMNS = [
    "canonical_id",
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


def result(con, decisions: decmod.Decisions, matcher=None) -> Result:
    """Stored names still under a provisional identity move to the canonical id a reviewer has
    mapped them to since they were stored (`match/provisional.py`)."""
    from ..match import provisional
    from ..reconcile.inputs import matcher as default_matcher

    r = reconcile(provisional.settle(provisional.fill(store.observations(con)), matcher or default_matcher()))
    apply_decisions(r, decisions)
    return r


def export_frame(con, decisions: decmod.Decisions) -> pd.DataFrame:
    r = result(con, decisions)
    rows = []
    for s in resolve(r, decisions):
        c = s.chosen
        rows.append(
            {
                "canonical_id": s.canonical_id,
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
        )
    return pd.DataFrame(rows, columns=EXPORT_COLUMNS)


def write_export(df: pd.DataFrame, path: Path, fmt: str) -> None:
    if fmt == "csv":
        neutralise_frame(df).to_csv(path, index=False)
    elif fmt == "parquet":
        df.to_parquet(path, index=False)
    elif fmt == "xlsx":
        neutralise_frame(df).to_excel(path, index=False, sheet_name="resolved", engine="openpyxl")
    else:
        raise ValueError(f"unknown format {fmt!r}: use csv, parquet or xlsx")


def history(con, indicator: str, decisions: decmod.Decisions, measure: str = "value", matcher=None) -> pd.DataFrame:
    """Every value published for each period, marked where it is the agreed one or set aside.
    A provisional id finds its rows after they moved to a canonical one."""
    r = result(con, decisions, matcher)
    wanted = [
        c for c in r.cells if indicator in (c.canonical_id, c.extra.get("provisional_id")) and c.measure == measure
    ]
    ids = {c.canonical_id for c in wanted}
    chosen = {
        (s.period, s.chosen.id): s.rule for s in resolve(r, decisions) if s.canonical_id in ids and s.measure == measure
    }
    rows = []
    for c in sorted(wanted, key=lambda c: (c.month or 0, c.period, -(c.report_month or 0), c.source, c.page)):
        note = chosen.get((c.period, c.id), "")
        if c.id in r.copy_ids:
            note = "copy"
        elif c.id in r.shifted_ids:
            note = "shifted (not used)"
        rows.append(
            {
                "period": c.period,
                "value": _num(c.value),
                "value_raw": c.raw,
                "source": c.source,
                "page": c.page,
                "table": c.table,
                "report_date": c.report_date,
                "indicator": c.indicator,
                "used": note,
            }
        )
    return pd.DataFrame(
        rows, columns=["period", "value", "value_raw", "source", "page", "table", "report_date", "indicator", "used"]
    )
