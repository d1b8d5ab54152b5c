"""Apply the matcher to an observation table: one decision per printed name, copied to its rows.

A name is matched once per (source, ref, indicator), with the cells of its value column as unit
evidence and its latest period for the nearby-ref check; every row of it gets the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .matcher import Matcher, Query, Result

OUTPUT_COLUMNS = ["canonical_id", "match_score", "match_rule", "match_explanation"]


@dataclass
class NameGroup:
    source: str
    ref: str
    indicator: str
    period: str
    rows: int
    query: Query
    result: Result | None = None


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    if name in df.columns:
        return df[name].astype("string").fillna("").astype(str)
    return pd.Series([""] * len(df), index=df.index, dtype=str)


def groups(df: pd.DataFrame) -> tuple[list[NameGroup], pd.Series]:
    """The distinct printed names, and for each row the index of its group."""
    source, ref, name = _col(df, "source"), _col(df, "ref"), _col(df, "indicator")
    period, measure, raw = _col(df, "period"), _col(df, "measure"), _col(df, "value_raw")
    keys = list(zip(source, ref, name))
    index: dict[tuple[str, str, str], int] = {}
    values: list[list[str]] = []
    periods: list[list[str]] = []
    counts: list[int] = []
    row_group = []
    for i, k in enumerate(keys):
        g = index.get(k)
        if g is None:
            g = index[k] = len(values)
            values.append([])
            periods.append([])
            counts.append(0)
        counts[g] += 1
        if measure.iat[i] in ("", "value"):
            values[g].append(raw.iat[i])
            if period.iat[i]:
                periods[g].append(period.iat[i])
        row_group.append(g)
    out = []
    for (src, r, n), g in index.items():
        p = max(periods[g]) if periods[g] else ""
        out.append(NameGroup(src, r, n, p, counts[g], Query.build(n, r, p, values[g])))
    return out, pd.Series(row_group, index=df.index)


def annotate(df: pd.DataFrame, matcher: Matcher) -> tuple[pd.DataFrame, list[NameGroup]]:
    gs, row_group = groups(df)
    results = matcher.match_many([g.query for g in gs])
    for g, r in zip(gs, results):
        g.result = r
    out = df.copy()
    out["canonical_id"] = [results[g].indicator_id for g in row_group]
    out["match_score"] = [results[g].score for g in row_group]
    out["match_rule"] = [results[g].rule for g in row_group]
    out["match_explanation"] = [results[g].explanation for g in row_group]
    return out, gs
