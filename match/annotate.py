"""Apply the matcher to an observation table: one decision per printed name, copied to its rows.

A name is matched once per (source, ref, indicator), with the cells of its value column as unit
evidence and its latest period for the nearby-ref check; every row of it gets the same answer.
A name left for review or new gets its provisional identity (`provisional.py`), so the rows reach
reconcile and the archive like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import provisional
from .matcher import RULE_DECISION, RULE_EXACT, RULE_NAME, Matcher, Query, Result

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

    @property
    def outcome(self) -> Result:
        if self.result is None:
            raise ValueError(f"{self.indicator!r} has not been matched")
        return self.result


def _col(df: pd.DataFrame, name: str) -> list[str]:
    if name in df.columns:
        return [str(v) for v in df[name].astype("string").fillna("")]
    return [""] * len(df)


@dataclass
class _Seen:
    values: list[str]
    periods: list[str]
    rows: int = 0


def groups(df: pd.DataFrame) -> tuple[list[NameGroup], list[int]]:
    """The distinct printed names, and for each row the index of its group."""
    source, ref, name = _col(df, "source"), _col(df, "ref"), _col(df, "indicator")
    period, measure, raw = _col(df, "period"), _col(df, "measure"), _col(df, "value_raw")
    index: dict[tuple[str, str, str], int] = {}
    seen: list[_Seen] = []
    row_group = []
    for i, k in enumerate(zip(source, ref, name, strict=True)):
        g = index.setdefault(k, len(seen))
        if g == len(seen):
            seen.append(_Seen([], []))
        seen[g].rows += 1
        if measure[i] in ("", "value"):
            seen[g].values.append(raw[i])
            if period[i]:
                seen[g].periods.append(period[i])
        row_group.append(g)
    out = []
    for (src, r, n), g in index.items():
        p = max(seen[g].periods) if seen[g].periods else ""
        out.append(NameGroup(src, r, n, p, seen[g].rows, Query.build(n, r, p, seen[g].values[:50])))
    return out, row_group


def annotate(df: pd.DataFrame, matcher: Matcher, publisher: str | None = None) -> tuple[pd.DataFrame, list[NameGroup]]:
    """`publisher` overrides the publisher of the provisional identities (see `provisional`)."""
    gs, row_group = groups(df)
    results = matcher.match_many([g.query for g in gs])
    for g, r in zip(gs, results, strict=True):
        g.result = r
    out = df.copy()
    out["canonical_id"] = [results[g].indicator_id for g in row_group]
    out["match_score"] = [results[g].score for g in row_group]
    out["match_rule"] = [results[g].rule for g in row_group]
    out["match_explanation"] = [results[g].explanation for g in row_group]
    waiting = out["canonical_id"] == ""
    if waiting.any():
        out = provisional.fill(out, publisher)
        out.loc[waiting, "match_explanation"] = "provisional identity; " + out.loc[waiting, "match_explanation"].astype(
            str
        )
    return out, gs


def settle(df: pd.DataFrame, matcher: Matcher) -> pd.DataFrame:
    """Rows still under a provisional identity are matched again (a reviewer may have decided, or
    the catalogue grown since); those that now have a canonical id move to it, and keep the
    provisional one in `provisional_id`."""
    if "canonical_id" not in df.columns or df.empty:
        return df
    out = df.copy()
    cid = out["canonical_id"].astype("string").fillna("")
    waiting = cid.str.startswith(provisional.PREFIX)
    if "provisional_id" not in out.columns:
        out["provisional_id"] = ""
    out["provisional_id"] = out["provisional_id"].astype("string").fillna("").astype(object)
    out.loc[waiting, "provisional_id"] = cid[waiting]
    if not waiting.any():
        return out
    again, _ = annotate(out.loc[waiting].drop(columns=["canonical_id"]), matcher)
    moved = again["match_rule"].isin([RULE_DECISION, RULE_EXACT, RULE_NAME])
    rows = again.index[moved]
    for col in ("canonical_id", "match_score", "match_rule", "match_explanation"):
        if col in out.columns or col == "canonical_id":
            out[col] = out[col].astype(object) if col in out.columns else ""
            out.loc[rows, col] = again.loc[rows, col]
    return out
