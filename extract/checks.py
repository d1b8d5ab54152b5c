"""Arithmetic checks: a scorecard row carries its own proof-reading.

The 12-month average and maximum, the % change from last month and a percentage printed beside
the counts it is made of are all functions of other printed cells. A misread digit (OCR, or a
table-logic slip that shifts a column) almost always breaks one of them, so a broken check is the
cheapest reliable signal that a cell is wrong. Every comparison allows for the rounding of both
sides as printed (a value printed with d decimals is within 0.5*10^-d of the true one).

Cells in a failed check get `check_failed` added to their flags and their confidence lowered; the
checks never change values.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

ROW_KEYS = ["source", "page", "table", "row"]
PENALTY = 0.5
RATIO_SLACK = 1.0
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True)
class CheckFailure:
    check: str
    key: tuple
    ref: str
    detail: str
    cells: tuple


def _dp(raw) -> int:
    m = re.search(r"\.(\d+)", str(raw or ""))
    return len(m.group(1)) if m else 0


def _err(raw) -> float:
    return 0.5 * 10 ** -_dp(raw) + 1e-9


_text_err = functools.lru_cache(maxsize=65536)(_err)  # `row_verdict`'s texts, seen again and again


@functools.lru_cache(maxsize=4096)
def _shift(period: str, n: int) -> str:
    y, m = int(period[:4]), int(period[5:7])
    y, m = divmod(y * 12 + m - 1 + n, 12)
    return f"{y:04d}-{m + 1:02d}"


def with_row_keys(df: pd.DataFrame) -> pd.DataFrame:
    """Frames without page/row (ground truth) get a row per consecutive run of one indicator."""
    if all(k in df.columns for k in ROW_KEYS):
        return df
    out = df.copy()
    for k in ("source", "page"):
        if k not in out.columns:
            out[k] = "" if k == "source" else 1
    ident = out[["table", "ref", "indicator"]].astype(str).agg("\x1f".join, axis=1)
    out["row"] = (ident != ident.shift()).cumsum()
    return out


def find_failures(df: pd.DataFrame) -> list[CheckFailure]:
    df = with_row_keys(df)
    fails: list[CheckFailure] = []
    num = pd.to_numeric(df["value"], errors="coerce")
    for key, g in df.groupby(ROW_KEYS, sort=False, dropna=False):
        fails += _row_checks(key, g, num)
    fails += _ratio_checks(df, num)
    return fails


MAX_SUSPECTS = 2


def _lost_sign(f: CheckFailure, df: pd.DataFrame, num: pd.Series) -> bool:
    """A % change that passes its check with the opposite sign: its faint minus was not read."""
    if f.check not in ("change_prev", "change_year"):
        return False
    i_ch, a_i, b_i = f.cells
    a, b, ch = float(num[a_i]), float(num[b_i]), float(num[i_ch])
    ea, eb, e = _err(df.at[a_i, "value_raw"]), _err(df.at[b_i, "value_raw"]), _err(df.at[i_ch, "value_raw"])
    lo, hi = ((b - eb) / (a + ea) - 1) * 100, ((b + eb) / (a - ea) - 1) * 100
    return ch != 0 and lo - e <= -ch <= hi + e


def run_checks(df: pd.DataFrame, penalty: float = PENALTY) -> pd.DataFrame:
    """Return a copy with `check_failed` flagged and confidence lowered on cells that break a check.

    Where a row's failed checks leave one or two cells that no passing check vouches for (the
    months of a failed % change are confirmed by the average they also make up), those cells are
    the misreading: their value is withheld (`low_confidence`), as a wrong number is worse than
    a missing one. Only OCR pages are checked, so only OCR values are ever withheld.
    """
    out = df.copy()
    bad: set = set()
    dfk = with_row_keys(df)
    num = pd.to_numeric(dfk["value"], errors="coerce")
    suspects: set = set()
    for key, g in dfk.groupby(ROW_KEYS, sort=False, dropna=False):
        passed: set = set()
        fails = _row_checks(key, g, num, passed)
        row_bad = {c for f in fails for c in f.cells}
        bad |= row_bad
        if 1 <= len(row_bad - passed) <= MAX_SUSPECTS:
            suspects |= row_bad - passed
        suspects |= {f.cells[0] for f in fails if _lost_sign(f, dfk, num)}
    for f in _ratio_checks(dfk, num):
        bad.update(f.cells)
    if not bad:
        return out
    idx = out.index.isin(list(bad))
    flags = out["flags"].fillna("").astype(str) if "flags" in out.columns else pd.Series("", index=out.index)
    out["flags"] = [
        (f + ";check_failed" if f else "check_failed") if b and "check_failed" not in f else f
        for f, b in zip(flags, idx, strict=False)
    ]
    if "confidence" in out.columns:
        conf = pd.to_numeric(out["confidence"], errors="coerce").fillna(1.0)
        out["confidence"] = conf.where(~idx, conf * penalty)
    if suspects:
        sus = out.index.isin(list(suspects))
        out["value"] = out["value"].astype(object).where(~sus, None)
        out["flags"] = [
            f + ";low_confidence" if s and "low_confidence" not in f else f
            for f, s in zip(out["flags"], sus, strict=True)
        ]
    return out


@dataclass
class _Row:
    """One printed row's cells, by measure and by month."""

    key: tuple
    ref: str
    g: pd.DataFrame
    num: pd.Series
    months: dict[str, int]  # YYYY-MM -> index of a value cell holding a number

    @classmethod
    def of(cls, key: tuple, g: pd.DataFrame, num: pd.Series) -> _Row:
        meas, per = g["measure"].astype(str), g["period"].astype(str)
        months = {
            p: i
            for i, p, m in zip(g.index, per, meas, strict=True)
            if m == "value" and _MONTH.match(p) and pd.notna(num[i])
        }
        return cls(key, str(g["ref"].iloc[0]), g, num, months)

    def one(self, measure: str) -> int | None:
        sel = self.g.index[(self.g["measure"].astype(str) == measure) & self.num[self.g.index].notna().to_numpy()]
        return sel[0] if len(sel) else None

    def value(self, i: int) -> float:
        return float(self.num[i])

    def err(self, i: int) -> float:
        return _err(self.g.at[i, "value_raw"])

    def period(self, i: int) -> str:
        return str(self.g.at[i, "period"])

    def fail(self, check: str, detail: str, cells: list[int]) -> CheckFailure:
        return CheckFailure(check, self.key, self.ref, detail, tuple(cells))


@dataclass
class _Window:
    """The twelve months up to the row's report month, as far as they are printed."""

    report: str
    cells: list[int]
    values: list[float]
    err: float  # the largest rounding error among those months

    @property
    def full(self) -> bool:
        return len(self.values) == 12


def _window(row: _Row) -> _Window | None:
    derived = (row.one("avg_12m"), row.one("max_12m"), row.one("change_prev"))
    report = next((row.period(i) for i in derived if i is not None and _MONTH.match(row.period(i))), None)
    if report is None and row.months:
        report = max(row.months)
    if report is None:
        return None
    cells = [row.months[p] for p in (_shift(report, -k) for k in range(12)) if p in row.months]
    return _Window(report, cells, [row.value(i) for i in cells], max((row.err(i) for i in cells), default=0.0))


Verdict = tuple[list[CheckFailure], list[int]]  # failures, and cells a passing check vouches for


def _check_average(row: _Row, w: _Window) -> Verdict:
    i = row.one("avg_12m")
    if i is None or not w.full:
        return [], []
    avg, mean = row.value(i), sum(w.values) / 12
    if abs(avg - mean) > row.err(i) + w.err:
        return [row.fail("avg_12m", f"printed {avg:g}, months give {mean:.3f}", [i, *w.cells])], []
    return [], [i, *w.cells]


def _check_maximum(row: _Row, w: _Window) -> Verdict:
    i = row.one("max_12m")
    if i is None or not w.values:
        return [], []
    mx, e, top = row.value(i), row.err(i) + w.err, max(w.values)
    if w.full:
        if abs(mx - top) > e:
            return [row.fail("max_12m", f"printed {mx:g}, months give {top:g}", [i, *w.cells])], []
        return [], [i]
    if top > mx + e:
        return [
            row.fail("max_12m", f"printed {mx:g} below a printed month {top:g}", [i, w.cells[w.values.index(top)]])
        ], []
    return [], []


def _check_average_below_maximum(row: _Row, w: _Window) -> Verdict:
    i_avg, i_max = row.one("avg_12m"), row.one("max_12m")
    if i_avg is None or i_max is None or row.value(i_avg) <= row.value(i_max) + row.err(i_avg) + row.err(i_max):
        return [], []
    return [row.fail("avg_le_max", "12-month average above the 12-month maximum", [i_avg, i_max])], []


def _check_changes(row: _Row, w: _Window) -> Verdict:
    fails: list[CheckFailure] = []
    vouched: list[int] = []
    for measure, back in (("change_prev", 1), ("change_year", 12)):
        i_ch, prev = row.one(measure), _shift(w.report, -back)
        if i_ch is None or w.report not in row.months or prev not in row.months:
            continue
        a_i, b_i = row.months[prev], row.months[w.report]
        a, b, ea, eb = row.value(a_i), row.value(b_i), row.err(a_i), row.err(b_i)
        if a - ea <= 0:
            continue
        lo, hi = ((b - eb) / (a + ea) - 1) * 100, ((b + eb) / (a - ea) - 1) * 100
        ch, e = row.value(i_ch), row.err(i_ch)
        if ch + e < lo or ch - e > hi:
            fails.append(
                row.fail(measure, f"printed {ch:g}%, values give {((b / a) - 1) * 100:.1f}%", [i_ch, a_i, b_i])
            )
        else:
            vouched += [i_ch, a_i, b_i]
    return fails, vouched


ROW_CHECKS = (_check_average, _check_maximum, _check_average_below_maximum, _check_changes)


def _row_checks(key, g: pd.DataFrame, num: pd.Series, passed: set | None = None) -> list[CheckFailure]:
    row = _Row.of(key, g, num)
    w = _window(row)
    if w is None:
        return []
    out: list[CheckFailure] = []
    for check in ROW_CHECKS:
        fails, vouched = check(row, w)
        out += fails
        if passed is not None:
            passed.update(vouched)
    return out


@dataclass(frozen=True)
class _Series:
    unit: str
    ref: str
    cells: dict[str, int]  # YYYY-MM -> index


@dataclass(frozen=True)
class _Definition:
    """A percent row found to be one count row over another: in how many months, and where not."""

    agreeing: int
    numerator: int
    denominator: int
    misses: list[str]


def _ratio_checks(df: pd.DataFrame, num: pd.Series) -> list[CheckFailure]:
    """Percent rows that equal one count row over another in most months of the same table.

    The relation (which count over which) is not printed, so it is inferred: a pair that
    reproduces the percentage in at least 3/4 of at least 4 shared months is taken to be its
    definition, and months that miss it by more than RATIO_SLACK points are failures (real
    returns are revised between snapshots, so near-misses of a few tenths are not evidence).
    """
    out: list[CheckFailure] = []
    is_val = (df["measure"].astype(str) == "value") & df["period"].astype(str).str.match(_MONTH) & num.notna()
    for tkey, t in df[is_val].groupby(["source", "page", "table"], sort=False, dropna=False):
        series = {
            rkey: _Series(
                str(g["unit"].iloc[0]), str(g["ref"].iloc[0]), dict(zip(g["period"].astype(str), g.index, strict=True))
            )
            for rkey, g in t.groupby("row", sort=False)
        }
        counts = [k for k, v in series.items() if v.unit == "count"]
        for p in (k for k, v in series.items() if v.unit == "percent"):
            best = _definition(series, p, counts, df, num)
            if best is None:
                continue
            pct, n, dn = series[p], series[best.numerator], series[best.denominator]
            for x in best.misses:
                cells = (pct.cells[x], n.cells[x], dn.cells[x])
                out.append(
                    CheckFailure("count_ratio", (*tkey, p), pct.ref, f"{x}: {n.ref} / {dn.ref} != printed %", cells)
                )
    return out


def _definition(series: dict, p, counts: list, df: pd.DataFrame, num: pd.Series) -> _Definition | None:
    best: _Definition | None = None
    for n in counts:
        for dn in counts:
            found = None if n == dn else _agreement(series[p].cells, series[n].cells, series[dn].cells, df, num)
            if found is None:
                continue
            ok, misses = found
            if ok >= 4 and ok >= 0.75 * (ok + len(misses)) and (best is None or ok > best.agreeing):
                best = _Definition(ok, n, dn, misses)
    return best


def _agreement(pm: dict, nm: dict, dm: dict, df: pd.DataFrame, num: pd.Series) -> tuple[int, list[str]] | None:
    """Months where percent = numerator / denominator as printed, and months it misses by far."""
    shared = [x for x in pm if x in nm and x in dm]
    if len(shared) < 4:
        return None
    ok, misses = 0, []
    for x in shared:
        nv, dv = float(num[nm[x]]), float(num[dm[x]])
        if dv <= 0:
            continue
        dev = abs(nv / dv * 100 - float(num[pm[x]]))
        if dev <= _err(df.at[pm[x], "value_raw"]) + 1e-6:
            ok += 1
        elif dev > RATIO_SLACK:
            misses.append(x)
    return ok, misses


@functools.lru_cache(maxsize=65536)
def _printed_number(text: str | None) -> float | None:
    """A cell's number, cached: `row_verdict` sees the same few texts in thousands of combinations
    when the arithmetic chooses between a row's readings."""
    from .values import parse_number

    p = parse_number(text) if text else None
    return None if p is None else p[0]


@functools.lru_cache(maxsize=1024)
def _twelve_months(report: str) -> tuple[str, ...]:
    """The twelve months ending with the report's."""
    return tuple(_shift(report, -k) for k in range(12))


def row_verdict(months: dict[str, str], derived: dict[str, str], report: str) -> tuple[int, int]:
    """(checks that apply, checks that fail) for one row given as printed text.

    `months` maps `YYYY-MM` to the printed cell, `derived` maps avg_12m / max_12m / change_prev /
    change_year to theirs. The same tolerances as `find_failures`; used before any observation
    exists, to choose between an OCR number's disagreeing readings.
    """
    num = _printed_number
    m = {p: (v, _text_err(t)) for p, t in months.items() if (v := num(t)) is not None}
    window = _twelve_months(report)
    vals = [m[p][0] for p in window if p in m]
    e_month = max((m[p][1] for p in window if p in m), default=0.0)
    applied = failed = 0
    avg, mx = num(derived.get("avg_12m")), num(derived.get("max_12m"))
    if avg is not None and len(vals) == 12:
        applied += 1
        failed += abs(avg - sum(vals) / 12) > _text_err(derived["avg_12m"]) + e_month
    if mx is not None and vals:
        applied += 1
        e = _text_err(derived["max_12m"]) + e_month
        failed += abs(mx - max(vals)) > e if len(vals) == 12 else max(vals) > mx + e
    for measure, back in (("change_prev", 1), ("change_year", 12)):
        ch, prev = num(derived.get(measure)), _shift(report, -back)
        if ch is None or report not in m or prev not in m:
            continue
        (a, ea), (b, eb) = m[prev], m[report]
        if a - ea <= 0:
            continue
        applied += 1
        lo = ((b - eb) / (a + ea) - 1) * 100
        hi = ((b + eb) / (a - ea) - 1) * 100
        e = _text_err(derived[measure])
        failed += ch + e < lo or ch - e > hi
    return applied, failed
