"""Matching round 14 (m26), the tightenings merged: look-alikes each must keep apart (a count or
rate kept apart only by its period, English and maths, two periods, lateness, first time)."""

from __future__ import annotations

import pytest

from scorekit.match.guards import side
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import vocabulary

from .conftest import given

V = vocabulary()


# -- a count kept apart only by its period still offers the words as a count ----------------------


@pytest.mark.parametrize("name", ["SGOs in year", "Special guardianship orders granted during the year"])
def test_a_yearly_count_with_no_unit_is_not_given_the_share(shipped, name):
    """The monthly count is blocked by its period; the share, observed over a year, is not: but the
    catalogue still offers these words as a count, so the unit the name leaves unsaid is no
    settled share."""
    assert given(shipped, name) not in {"sgos", "sgos_pct"}


def test_a_rolling_count_with_no_unit_is_not_given_the_rolling_rate(shipped):
    assert given(shipped, "Section 47 enquiries completed (rolling 12 months)") != "s47_completed_rate"


def _orders(with_count: bool):
    from scorekit.match.catalogue import Catalogue, Indicator

    cat = Catalogue()
    cat.add(Indicator("orders_pct", "Percentage of care orders granted", "percent"))
    if with_count:
        cat.add(Indicator("orders", "Number of care orders granted in the month", "count", time_basis="month"))
    return cat


def test_a_share_whose_words_no_count_offers_is_still_given():
    assert Matcher(_orders(False)).match(Query.build("Care orders granted in year")).indicator_id == "orders_pct"
    assert Matcher(_orders(True)).match(Query.build("Care orders granted in year")).indicator_id == ""


# -- a measure including named subjects is no measure of any subjects -----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "% of pupils achieving 5 or more A*-C GCSEs or equivalent",
        "Achievement of 5 or more A*-C grades at GCSE or equivalent",
        "% pupils achieving 5+ A*-C GCSEs",
    ],
)
def test_five_gcses_without_english_and_maths_stay_apart(shipped, name):
    """5+ A*-C in any subjects and 5+ A*-C including English and maths are two of DfE's headline
    KS4 measures: an inclusion of subjects said on one side only is a different measure."""
    assert given(shipped, name) != "gcse_5ac_em_pct"


def test_five_gcses_including_english_and_maths_meet_their_entry(shipped):
    assert given(shipped, "% pupils achieving 5+ A*-C GCSEs including English and maths") == "gcse_5ac_em_pct"


# -- a name that states two periods says two measures ---------------------------------------------


@pytest.mark.parametrize(
    "name, near",
    [
        ("CP cases at month end (new in month)", "cpp_children"),
        ("LAC cases at month end (new in month)", "cla"),
        ("Care proceedings open at month end (issued in month)", "care_proceedings"),
    ],
)
def test_two_periods_in_one_name_go_to_a_person(shipped, name, near):
    assert given(shipped, name) != near


def test_a_snapshot_taken_each_year_is_one_period():
    from scorekit.match.guards import time_basis

    facts = V.facts("Children looked after at 31 March each year")
    assert facts.basis == {"snapshot", "year"}
    entry = side(V.facts("Number of CLA at the end of the month"), "count", "snapshot")
    assert not time_basis(side(facts), entry, V.profile)


@pytest.mark.parametrize(
    "name, near",
    [
        ("CP cases at month end (not in timescale)", "cpp_children"),
        ("Number of children subject to CP Plan at end of month (not in timescale)", "cpp_children"),
        ("Late ICPCs - children (month)", "icpc_children"),
    ],
)
def test_what_was_late_is_no_measure_that_says_no_timescale(shipped, name, near):
    """`out of timescale` said on one side only counts what was late: a part, never the whole."""
    assert given(shipped, name) != near


# -- first said on one side only goes to a person -------------------------------------------------


@pytest.mark.parametrize("name", ["CPP rate per 10,000 (first time plans)", "CP rate per 10,000 (first time plans)"])
def test_first_in_a_gloss_is_a_doubt_no_score_settles(shipped, name):
    """An entry that says neither first nor repeat counts both: a name about the first ones only is
    a part of it, held for a person."""
    assert given(shipped, name) != "cpp_rate"
