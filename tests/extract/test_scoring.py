"""Scoring: the area in the key, mistakes named from missed and spurious keys, numbers on a page."""

from __future__ import annotations

from collections import Counter

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.scoring import Key, classify, keys, number_key, printed_numbers, score
from scorekit.fixtures.generator.corpus import values as vals


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"ref": "", "indicator": "", "period": "", "measure": "value", "value": "", "value_raw": "", "page": 1}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_a_frame_without_area_scores_as_empty_area():
    truth = frame([{"indicator": "Offences", "period": "2020-10", "value": "12", "value_raw": "12", "area": ""}])
    extracted = frame([{"indicator": "Offences", "period": "2020-10", "value": 12.0, "value_raw": "12"}])
    s, missed, spurious = score(extracted, truth)
    assert (s.correct, s.truth, s.extracted) == (1, 1, 1) and not missed and not spurious


def test_the_area_tells_two_rows_of_one_indicator_apart():
    truth = frame(
        [
            {"indicator": "Rate", "period": "2019", "value": "5", "value_raw": "5", "area": "Portsmouth"},
            {"indicator": "Rate", "period": "2019", "value": "5", "value_raw": "5", "area": "England"},
        ]
    )
    extracted = frame([{"indicator": "Rate", "period": "2019", "value": 5.0, "value_raw": "5"}] * 2)
    s, missed, _ = score(extracted, truth)
    assert s.correct == 0 and sum(missed.values()) == 2
    assert Key("rate", "england", "2019", "value", "5") in keys(truth)


def test_mistakes_are_named_by_the_one_field_that_differs():
    missed = Counter(
        {
            Key("m1", "", "2020-01", "value", "5"): 1,
            Key("m2", "", "2020-01", "value", "7"): 1,
            Key("m3", "", "2020-01", "value", "9"): 1,
            Key("m4", "", "2020-01", "value", "4"): 1,
        }
    )
    spurious = Counter(
        {
            Key("m1", "", "2020-01", "value", "6"): 1,
            Key("m2", "", "2020-02", "value", "7"): 1,
            Key("mx", "", "2020-01", "value", "9"): 1,
            Key("zz", "", "2021-03", "target", "1"): 1,
        }
    )
    assert classify(missed, spurious) == Counter(
        {"misread value": 1, "wrong period column": 1, "wrong row label": 1, "not read": 1, "spurious": 1}
    )


def test_an_area_read_as_the_row_label_is_named():
    missed = Counter({Key("offences", "camden", "2020-10", "value", "12"): 1})
    spurious = Counter({Key("camden", "", "2020-10", "value", "12"): 1})
    assert classify(missed, spurious) == Counter({"area read as row label": 1})


def test_a_number_is_invented_only_where_its_page_does_not_print_it():
    truth = frame([{"indicator": "A", "value": "12", "value_raw": "12", "page": 1}])
    extracted = frame(
        [
            {"indicator": "A", "value": 12.0, "value_raw": "12", "page": 1},
            {"indicator": "A", "value": 1341.0, "value_raw": "1,341", "page": 1},
            {"indicator": "A", "value": 1341.0, "value_raw": "1,341", "page": 2},
        ]
    )
    printed = printed_numbers({1: "Total 1,341 (2019)", 2: "nothing here"}, truth)
    s, _, _ = score(extracted, truth, printed)
    assert s.not_printed == 1


number_styles = st.builds(
    vals.ValueStyle,
    thousands=st.sampled_from([",", "", " "]),
    percent=st.sampled_from(["int", "1dp", "bare"]),
    negative=st.sampled_from(["-", "minus", "paren"]),
)


@given(
    st.floats(-99999, 99999, allow_nan=False),
    st.sampled_from(["count", "percent", "rate_per_10k", "days"]),
    number_styles,
)
def test_every_printed_number_is_found_printed(v, unit, style):
    """What the generator prints, the invented-number check reads back, in any style."""
    p = vals.printed(v, unit, style)
    assert p.value is not None
    assert number_key(abs(p.value)) in printed_numbers({1: f"x {p.raw} y"})[1]
