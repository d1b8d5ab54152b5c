"""Score extracted observations against a fixture's ground truth.

A printed value is identified by (ref or name, period, measure, value): the ref where the truth
has one (refs can repeat, so matching is a multiset), else the normalised name. Text-only cells
compare by their normalised printed text. Used by the accuracy benchmark and the tests, so both
measure the same thing.

A row flagged `low_confidence` states no value (the OCR reading was withheld, its raw text kept
for review), so it is counted as withheld, not as extracted: precision is over what scorekit
asserts, recall over what was printed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd


def _norm(text) -> str:
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return ""
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def _num(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) or v == "":
        return ""
    f = round(float(v), 6)
    return str(int(f)) if f.is_integer() else repr(f)


def keys(df: pd.DataFrame) -> Counter:
    out: Counter = Counter()
    for r in df.itertuples(index=False):
        ident = _norm(r.ref) or _norm(r.indicator)
        val = _num(r.value)
        if not val:
            val = "text:" + _norm(r.value_raw)
        out[(ident, _norm(r.period), _norm(r.measure), val)] += 1
    return out


@dataclass
class Score:
    truth: int
    extracted: int
    correct: int
    not_printed: int  # extracted numbers that appear nowhere among the printed values
    withheld: int = 0  # rows whose reading was withheld (`low_confidence`)

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0


def score(extracted: pd.DataFrame, truth: pd.DataFrame) -> tuple[Score, Counter, Counter]:
    """The score, plus the missed truth keys and the spurious extracted keys."""
    held = (
        extracted["flags"].fillna("").str.contains("low_confidence")
        if "flags" in extracted
        else pd.Series(False, index=extracted.index)
    )
    stated = extracted[~held]
    t, e = keys(truth), keys(stated)
    correct = sum((t & e).values())
    printed = {_num(v) for v in truth["value"]} | {_norm(v) for v in truth["value_raw"]}
    not_printed = sum(1 for v in stated["value"] if _num(v) and _num(v) not in printed)
    return Score(sum(t.values()), sum(e.values()), correct, not_printed, int(held.sum())), t - e, e - t


def load_truth(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)
