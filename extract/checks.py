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


def _row_checks(key, g: pd.DataFrame, num: pd.Series, passed: set | None = None) -> list[CheckFailure]:
    ref = str(g["ref"].iloc[0])
    meas = g["measure"].astype(str)
    per = g["period"].astype(str)
    months = {
        p: i
        for i, p, m in zip(g.index, per, meas, strict=True)
        if m == "value" and _MONTH.match(p) and pd.notna(num[i])
    }
    out: list[CheckFailure] = []

    def fail(check, detail, cells):
        out.append(CheckFailure(check, key, ref, detail, tuple(cells)))

    def ok(cells):
        if passed is not None:
            passed.update(cells)

    def one(measure):
        sel = g.index[(meas == measure) & num[g.index].notna().to_numpy()]
        return sel[0] if len(sel) else None

    i_avg, i_max = one("avg_12m"), one("max_12m")
    report = next((per[i] for i in (i_avg, i_max, one("change_prev")) if i is not None and _MONTH.match(per[i])), None)
    if report is None and months:
        report = max(months)
    if report is None:
        return out
    window = [_shift(report, -k) for k in range(12)]
    inwin = [months[p] for p in window if p in months]
    vals = [float(num[i]) for i in inwin]
    e_month = max((_err(g.at[i, "value_raw"]) for i in inwin), default=0.0)

    if i_avg is not None and len(vals) == 12:
        avg, e = float(num[i_avg]), _err(g.at[i_avg, "value_raw"]) + e_month
        mean = sum(vals) / 12
        if abs(avg - mean) > e:
            fail("avg_12m", f"printed {avg:g}, months give {mean:.3f}", [i_avg, *inwin])
        else:
            ok([i_avg, *inwin])
    if i_max is not None and vals:
        mx, e = float(num[i_max]), _err(g.at[i_max, "value_raw"]) + e_month
        if len(vals) == 12 and abs(mx - max(vals)) > e:
            fail("max_12m", f"printed {mx:g}, months give {max(vals):g}", [i_max, *inwin])
        elif len(vals) == 12:
            ok([i_max])
        elif len(vals) < 12 and max(vals) > mx + e:
            fail(
                "max_12m", f"printed {mx:g} below a printed month {max(vals):g}", [i_max, inwin[vals.index(max(vals))]]
            )
    if i_avg is not None and i_max is not None:
        if float(num[i_avg]) > float(num[i_max]) + _err(g.at[i_avg, "value_raw"]) + _err(g.at[i_max, "value_raw"]):
            fail("avg_le_max", "12-month average above the 12-month maximum", [i_avg, i_max])

    for measure, back in (("change_prev", 1), ("change_year", 12)):
        i_ch = one(measure)
        prev = _shift(report, -back)
        if i_ch is None or report not in months or prev not in months:
            continue
        a_i, b_i = months[prev], months[report]
        a, b = float(num[a_i]), float(num[b_i])
        ea, eb = _err(g.at[a_i, "value_raw"]), _err(g.at[b_i, "value_raw"])
        if a - ea <= 0:
            continue
        lo = ((b - eb) / (a + ea) - 1) * 100
        hi = ((b + eb) / (a - ea) - 1) * 100
        ch, e = float(num[i_ch]), _err(g.at[i_ch, "value_raw"])
        if ch + e < lo or ch - e > hi:
            fail(measure, f"printed {ch:g}%, values give {((b / a) - 1) * 100:.1f}%", [i_ch, a_i, b_i])
        else:
            ok([i_ch, a_i, b_i])
    return out


def _ratio_checks(df: pd.DataFrame, num: pd.Series) -> list[CheckFailure]:
    """Percent rows that equal one count row over another in most months of the same table.

    The relation (which count over which) is not printed, so it is inferred: a pair that
    reproduces the percentage in at least 3/4 of at least 4 shared months is taken to be its
    definition, and months that miss it by more than RATIO_SLACK points are failures (real
    returns are revised between snapshots, so near-misses of a few tenths are not evidence).
    """
    out: list[CheckFailure] = []
    is_val = (df["measure"].astype(str) == "value") & df["period"].astype(str).str.match(_MONTH) & num.notna()
    d = df[is_val]
    for tkey, t in d.groupby(["source", "page", "table"], sort=False, dropna=False):
        series = {}
        for rkey, g in t.groupby("row", sort=False):
            series[rkey] = (
                str(g["unit"].iloc[0]),
                str(g["ref"].iloc[0]),
                dict(zip(g["period"].astype(str), g.index, strict=True)),
            )
        pct = [k for k, (u, _, _) in series.items() if u == "percent"]
        cnt = [k for k, (u, _, _) in series.items() if u == "count"]
        for p in pct:
            _, pref, pm = series[p]
            best = None
            for n in cnt:
                for dn in cnt:
                    if n == dn:
                        continue
                    shared = [x for x in pm if x in series[n][2] and x in series[dn][2]]
                    if len(shared) < 4:
                        continue
                    ok, badm = 0, []
                    for x in shared:
                        nv, dv = float(num[series[n][2][x]]), float(num[series[dn][2][x]])
                        if dv <= 0:
                            continue
                        pv = float(num[pm[x]])
                        dev = abs(nv / dv * 100 - pv)
                        if dev <= _err(df.at[pm[x], "value_raw"]) + 1e-6:
                            ok += 1
                        elif dev > RATIO_SLACK:
                            badm.append(x)
                    if ok >= 4 and ok >= 0.75 * (ok + len(badm)) and (best is None or ok > best[0]):
                        best = (ok, n, dn, badm)
            if best and best[3]:
                _, n, dn, badm = best
                for x in badm:
                    cells = [pm[x], series[n][2][x], series[dn][2][x]]
                    out.append(
                        CheckFailure(
                            "count_ratio",
                            (*tkey, p),
                            pref,
                            f"{x}: {series[n][1]} / {series[dn][1]} != printed %",
                            tuple(cells),
                        )
                    )
    return out


def row_verdict(months: dict[str, str], derived: dict[str, str], report: str) -> tuple[int, int]:
    """(checks that apply, checks that fail) for one row given as printed text.

    `months` maps `YYYY-MM` to the printed cell, `derived` maps avg_12m / max_12m / change_prev /
    change_year to theirs. The same tolerances as `find_failures`; used before any observation
    exists, to choose between an OCR number's disagreeing readings.
    """
    from .values import parse_number

    def num(t):
        p = parse_number(t) if t else None
        return None if p is None else p[0]

    m = {p: (num(t), _err(t)) for p, t in months.items() if num(t) is not None}
    window = [_shift(report, -k) for k in range(12)]
    vals = [m[p][0] for p in window if p in m]
    e_month = max((m[p][1] for p in window if p in m), default=0.0)
    applied = failed = 0
    avg, mx = num(derived.get("avg_12m")), num(derived.get("max_12m"))
    if avg is not None and len(vals) == 12:
        applied += 1
        failed += abs(avg - sum(vals) / 12) > _err(derived["avg_12m"]) + e_month
    if mx is not None and vals:
        applied += 1
        e = _err(derived["max_12m"]) + e_month
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
        e = _err(derived[measure])
        failed += ch + e < lo or ch - e > hi
    return applied, failed
