"""Score extracted observations against a fixture's ground truth.

A printed value is identified by (ref or name, area, period, measure, value): the ref where the
truth has one (refs can repeat, so matching is a multiset), else the normalised name. Text-only
cells compare by their normalised printed text. `area` is empty for the publisher's own figures
and names the area in area tables (rows are local authorities, regions, boroughs); a frame
without the column (extracted frames today, the nine fixtures' truth) has it empty. Used by the
accuracy benchmark and the tests, so both measure the same thing.

A row flagged `low_confidence` states no value (the OCR reading was withheld, its raw text kept
for review), so it is counted as withheld, not as extracted: precision is over what scorekit
asserts, recall over what was printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?")  # 1 341: thousands set off by a space


def _norm(text) -> str:
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return ""
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def number_key(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) or v == "":
        return ""
    f = round(float(v), 6)
    return str(int(f)) if f.is_integer() else repr(f)


class Key(NamedTuple):
    """What identifies one printed value."""

    ident: str
    area: str
    period: str
    measure: str
    value: str


def keys(df: pd.DataFrame) -> Counter:
    out: Counter = Counter()
    areas = df["area"] if "area" in df.columns else pd.Series("", index=df.index)
    for r, area in zip(df.itertuples(index=False), areas, strict=True):
        ident = _norm(r.ref) or _norm(r.indicator)
        val = number_key(r.value)
        if not val:
            val = "text:" + _norm(r.value_raw)
        out[Key(ident, _norm(area), _norm(r.period), _norm(r.measure), val)] += 1
    return out


class Rates:
    """Precision and recall from the counts a score keeps."""

    truth: int
    extracted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0


@dataclass
class Score(Rates):
    truth: int
    extracted: int
    correct: int
    not_printed: int  # extracted numbers that appear nowhere among the printed values
    withheld: int = 0  # rows whose reading was withheld (`low_confidence`)


def score(
    extracted: pd.DataFrame, truth: pd.DataFrame, printed_on: Mapping[int, set[str]] | None = None
) -> tuple[Score, Counter, Counter]:
    """The score, plus the missed truth keys and the spurious extracted keys.

    `not_printed` counts stated numbers printed nowhere among the truth's values, or, given
    `printed_on` (page -> the numbers printed on it, see `printed_numbers`), nowhere on their page.
    """
    held = (
        extracted["flags"].fillna("").str.contains("low_confidence")
        if "flags" in extracted
        else pd.Series(False, index=extracted.index)
    )
    stated = extracted[~held]
    t, e = keys(truth), keys(stated)
    correct = sum((t & e).values())
    if printed_on is None:
        printed = {number_key(v) for v in truth["value"]} | {_norm(v) for v in truth["value_raw"]}
        not_printed = sum(1 for v in stated["value"] if number_key(v) and number_key(v) not in printed)
    else:
        not_printed = sum(
            1
            for v, page in zip(stated["value"], stated["page"], strict=True)
            if number_key(v) and number_key(v) not in printed_on.get(int(page), set())
        )
    return Score(sum(t.values()), sum(e.values()), correct, not_printed, int(held.sum())), t - e, e - t


def printed_numbers(texts: Mapping[int, str], truth: pd.DataFrame | None = None) -> dict[int, set[str]]:
    """Page -> every number printed on it (either sign), from its text and its truth's values."""
    out: dict[int, set[str]] = {}
    for page, text in texts.items():
        found = {re.sub(r"[,\s]", "", m) for m in NUMBER.findall(text) + GROUPED.findall(text)}
        out[page] = {number_key(f) for f in found} | {number_key("-" + f) for f in found}
    if truth is not None and "page" in truth.columns:
        for v, page in zip(truth["value"], truth["page"], strict=True):
            out.setdefault(int(page), set()).add(number_key(v))
    return out


# what a missed key and a spurious key differ in, named for the reader's mistake, most telling first
MISTAKES = {
    "value": "misread value",
    "period": "wrong period column",
    "ident": "wrong row label",
    "measure": "wrong measure",
    "area": "wrong area",
}


def classify(missed: Counter, spurious: Counter) -> Counter:
    """Name what went wrong: a missed value paired with a spurious one that differs in one field only.

    An area table's value filed under its area as the row label, with no area (`Camden`, where the
    truth has the indicator and area Camden), is `area read as row label`. What pairs with nothing
    is `not read` (missed) or `spurious` (extracted, printed nowhere so).
    """
    left = Counter(spurious)
    index = {f: _index(left, f) for f in MISTAKES}
    as_label: dict[tuple[str, ...], Key] = {(k.ident, k.period, k.measure, k.value): k for k in left if not k.area}
    out: Counter = Counter()
    for key, n in missed.items():
        for _ in range(n):
            out[_area_as_label(key, left, as_label) or _pair(key, left, index)] += 1
    out["spurious"] += sum(left.values())
    return +out


def _area_as_label(key: Key, left: Counter, as_label: dict[tuple[str, ...], Key]) -> str:
    other = as_label.get((key.area, key.period, key.measure, key.value)) if key.area else None
    if other is None or left[other] <= 0:
        return ""
    left[other] -= 1
    return "area read as row label"


def _without(key: Key, field: str) -> tuple[str, ...]:
    return tuple(v for f, v in zip(Key._fields, key, strict=True) if f != field)


def _index(keys: Counter, field: str) -> dict[tuple[str, ...], list[Key]]:
    out: dict[tuple[str, ...], list[Key]] = {}
    for k in keys:
        out.setdefault(_without(k, field), []).append(k)
    return out


def _pair(key: Key, left: Counter, index: dict[str, dict[tuple[str, ...], list[Key]]]) -> str:
    for field, mistake in MISTAKES.items():
        for other in index[field].get(_without(key, field), []):
            if left[other] > 0 and getattr(other, field) != getattr(key, field):
                left[other] -= 1
                return mistake
    return "not read"


def load_truth(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)
