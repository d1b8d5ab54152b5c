"""The checks must pass every truth they are built to prove-read, and catch planted misreads."""

import pandas as pd
import pytest

from scorekit.extract.checks import find_failures, run_checks

from ..conftest import truth as truth_path

CLEAN = ["scorecard-2018-06", "scorecard-2020-10", "framework-2014-15-q2"]


def truth(name):
    return pd.read_csv(truth_path(name), dtype=str, keep_default_na=False)


def row(ref, months, start=(2017, 6), dp=0, pct=False, avg=None, mx=None, ch=None, unit="count"):
    y, m = start
    out = []
    for v in months:
        raw = f"{v:.{dp}f}" + ("%" if pct else "")
        out.append(
            {
                "ref": ref,
                "indicator": ref,
                "period": f"{y:04d}-{m:02d}",
                "measure": "value",
                "value": v,
                "value_raw": raw,
                "unit": unit,
            }
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    rep = out[-1]["period"]
    for meas, v in (("avg_12m", avg), ("max_12m", mx), ("change_prev", ch)):
        if v is not None:
            raw = f"{v:.{dp if meas != 'change_prev' else 0}f}" + ("%" if pct or meas == "change_prev" else "")
            out.append(
                {
                    "ref": ref,
                    "indicator": ref,
                    "period": rep,
                    "measure": meas,
                    "value": v,
                    "value_raw": raw,
                    "unit": unit,
                }
            )
    return out


def frame(*rows):
    df = pd.DataFrame([r for rs in rows for r in rs])
    df["table"], df["flags"], df["confidence"] = "t", "", 0.9
    return df


LAC1 = [526, 515, 514, 523, 517, 528, 519, 517, 518, 522, 521, 524, 534]


@pytest.mark.parametrize("name", CLEAN)
def test_truth_passes_its_own_checks(name):
    assert find_failures(truth(name)) == []


def test_jun18_truth_exercises_every_check():
    df = truth("scorecard-2018-06")
    assert {"avg_12m", "max_12m", "change_prev", "change_year"} <= set(df.measure)
    df.loc[(df.ref == "LAC1") & (df.period == "2018-01") & (df.measure == "value"), ["value", "value_raw"]] = [
        "579",
        "579",
    ]
    checks = {f.check for f in find_failures(df)}
    assert {"avg_12m", "max_12m"} <= checks


def test_clean_row_passes_with_half_up_rounding():
    assert find_failures(frame(row("LAC1", LAC1, avg=521, mx=534, ch=2))) == []


def test_misread_month_breaks_average_and_max_and_is_flagged():
    bad = LAC1.copy()
    bad[5] = 928
    out = run_checks(frame(row("LAC1", bad, avg=521, mx=534, ch=2)))
    failed = out[out["flags"].str.contains("check_failed")]
    assert {"avg_12m", "max_12m"} <= set(failed.measure)
    assert (failed.confidence < 0.9).all()
    assert (out.loc[~out["flags"].str.contains("check_failed"), "confidence"] == 0.9).all()


def test_change_prev_allows_rounding_but_catches_a_wrong_sign():
    assert find_failures(frame(row("M1", [1554, 1433], start=(2018, 5), ch=-8))) == []
    assert [f.check for f in find_failures(frame(row("M1", [1554, 1433], start=(2018, 5), ch=8)))] == ["change_prev"]


def test_fewer_months_than_twelve_only_bounds_the_max():
    assert find_failures(frame(row("M1", [1147, 1172, 1403], start=(2020, 8), avg=1337, mx=1607))) == []
    assert [
        f.check for f in find_failures(frame(row("M1", [1147, 1772, 1403], start=(2020, 8), avg=1337, mx=1607)))
    ] == ["max_12m"]


def test_percentage_beside_its_counts():
    num = [307, 299, 246, 281, 309, 257]
    den = [1357, 1491, 1259, 1358, 1378, 1215]
    pct = [round(n / d * 100, 1) for n, d in zip(num, den, strict=False)]
    ok = frame(row("M2", num), row("M1", den), row("M3", pct, dp=1, pct=True, unit="percent"))
    assert find_failures(ok) == []
    pct[2] = 49.5
    bad = find_failures(frame(row("M2", num), row("M1", den), row("M3", pct, dp=1, pct=True, unit="percent")))
    assert [(f.check, f.ref) for f in bad] == [("count_ratio", "M3")]


def test_a_misread_the_other_checks_pin_down_is_withheld():
    out = run_checks(frame(row("LAC1", LAC1, avg=521, mx=534, ch=-2)))
    ch = out[out.measure == "change_prev"].iloc[0]
    assert ch["value"] is None and "low_confidence" in ch["flags"]
    assert out[out.measure == "value"].value.notna().all()


def test_a_misread_month_the_checks_cannot_place_keeps_its_value():
    bad = LAC1.copy()
    bad[5] = 928
    out = run_checks(frame(row("LAC1", bad, avg=521, mx=534, ch=2)))
    assert out.value.notna().all()


def test_row_verdict_prefers_the_reading_the_arithmetic_supports():
    from scorekit.extract.checks import row_verdict

    months = {r["period"]: r["value_raw"] for r in row("LAC1", LAC1) if r["measure"] == "value"}
    derived = {"avg_12m": "521", "max_12m": "534", "change_prev": "2%"}
    assert row_verdict(months, derived, "2018-06") == (3, 0)
    months["2018-01"] = "817"
    assert row_verdict(months, derived, "2018-06")[1] == 2


def test_a_change_that_fits_with_its_sign_flipped_is_withheld():
    out = run_checks(frame(row("M1", [1554, 1433], start=(2018, 5), ch=8)))
    assert out[out.measure == "change_prev"].iloc[0]["value"] is None
    assert out[out.measure == "value"].value.notna().all()
