"""Matching round 22 (m34): a shorter match of a form kept where a longer one overlaps it (the
abbreviation and its long form read alike), a span's `ending` read as the span's end, the profile's
new wording (open = ongoing cases, teeth checked, compulsory school age, missing from placement,
provided by the local authority, GLD), the last 12 months against a count that states no period,
and part of an entry's population read from its recorded population."""

from __future__ import annotations

import dataclasses

import pytest

from scorekit.match import profile as profmod
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Vocabulary, vocabulary
from scorekit.match.phrases import Phrases

from .conftest import given

# -- a shorter match kept beside a longer one ---------------------------------------------------


def test_a_form_overlapped_by_a_longer_match_still_reads_its_own_shorter_match():
    p = Phrases(["eligible( children)?", "children looked after"], ["cla", "cla"])
    text, n = p.sub("percentage of eligible children looked after", lambda m, v: f" {v} ")
    assert text.split() == ["percentage", "of", "cla", "cla"]
    assert n == 2


def test_a_form_wholly_inside_a_longer_match_is_still_hidden():
    p = Phrases(["care", "children in care"], ["care", "cla"])
    assert p.found("children in care") == ["cla"]


def test_the_abbreviation_and_its_long_form_read_alike():
    v = vocabulary()
    long_form = v.canonical("Percentage of eligible children looked after with an up-to-date Care Plan")[0]
    short_form = v.canonical("Percentage of eligible CLA with an up-to-date Care Plan")[0]
    assert long_form == short_form


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "Percentage of eligible children looked after with an up-to-date Care Plan (6 months)",
            "cla_care_plan_uptodate_pct",
        ),
        (
            "% of eligible children looked after who are accessing the 2 year old education funding offer",
            "cla_2yo_funding_pct",
        ),
    ],
)
def test_a_long_form_of_an_alias_is_given_its_entry(shipped, name, answer):
    assert given(shipped, name) == answer


# -- a span's end --------------------------------------------------------------------------------


def test_ending_after_a_span_of_months_or_weeks_is_no_cessation():
    v = vocabulary()
    for name in ("three or more placements in the last 12 months ending 31 March", "in the week ending 31 March"):
        assert "ceased" not in v.canonical(name)[0].split()
    assert "ceased" in v.canonical("plans ending in the month")[0].split()


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "The percentage of children looked after at 31 March with three or more placements"
            " in the last 12 months ending 31 March",
            "cla_3plus_placements_pct",
        ),
        ("Children who ceased to be looked after in the month ending 31 March", "cla_ceased"),
    ],
)
def test_a_period_ending_on_a_date_is_the_period(shipped, name, answer):
    assert given(shipped, name) == answer


# -- the profile's new wording -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        # open cases are the ongoing ones
        ("Care proceedings: average duration in weeks (open cases)", "care_proceedings_weeks"),
        (
            "Children looked after continuously for 12 months whose teeth had been checked by a dentist (%)",
            "cla_dental_pct",
        ),
        ("CME - children missing education of compulsory school age", "cme"),
        ("EHE pupils (compulsory school age)", "ehe_pupils"),
        (
            "Looked after children recorded as having gone missing from their agreed placement"
            " for more than 24 hours in the month",
            "cla_missing_24h",
        ),
        ("Children looked after placed with foster carers provided by the local authority", "cla_inhouse_foster"),
        ("GLD at end of reception (%)", "eyfs_gld_pct"),
    ],
)
def test_wording_the_profile_now_reads(shipped, name, answer):
    assert given(shipped, name) == answer


def test_new_cases_are_still_not_the_ongoing_ones(shipped):
    assert given(shipped, "Care proceedings: average duration in weeks (new cases)") != "care_proceedings_weeks"


# -- the last 12 months against a count that states no period -------------------------------------


def test_a_count_over_the_last_12_months_is_not_one_whose_entry_states_no_period(shipped):
    name = (
        "Looked after children recorded as having gone missing from their agreed placement"
        " for more than 24 hours in the last 12 months"
    )
    res = Matcher(shipped).match(Query.build(name))
    assert res.indicator_id != "cla_missing_24h"
    assert any(
        "the last 12 months vs a period the name does not say" in h
        for b in res.blocked
        if b.indicator_id == "cla_missing_24h"
        for h in b.reasons
    )


def test_a_share_over_the_last_12_months_still_merges(shipped):
    """The rule is for counts and rates: a share of referrals re-referred is kept as it was."""
    assert (
        given(shipped, "Percentage of referrals which were re-referrals in the last 12 months") == "rereferrals_12m_pct"
    )


# -- part of an entry's recorded population ---------------------------------------------------------


def test_a_cohort_that_is_part_of_an_entrys_recorded_population_is_a_doubt(shipped):
    res = Matcher(shipped).match(Query.build("Care leavers with an up to date pathway plan (%)"))
    assert res.indicator_id != "pathway_plan_uptodate_pct"
    assert "part of it" in res.explanation


def test_a_cohort_another_name_of_the_entry_names_alone_still_merges(shipped):
    """`Percentage of eligible CLA (16+) with an up-to-date Pathway Plan` is one of the entry's names."""
    assert given(shipped, "Percentage of CLA aged 16+ with an up to date pathway plan") == "pathway_plan_uptodate_pct"


# -- the school year, and a cohort's date --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        # the gloss that defines persistent absence, and the date that defines the cohort
        "Persistent absentees for CLA 12 months on 31 March (overall absence 10% or more)",
        "Percentage of children looked after for at least 12 months at 31 March who were persistent absentees",
    ],
)
def test_a_dfe_persistent_absence_title_is_the_school_year_measure(shipped, name):
    assert given(shipped, name) == "cla_persistent_absence_pct"


def test_the_school_year_is_a_year_no_month_is(shipped):
    assert "year" in vocabulary().facts("persistent absence during the school year").basis
    res = Matcher(shipped).match(Query.build("Persistent absentees for CLA 12 months in the month (%)"))
    assert res.indicator_id != "cla_persistent_absence_pct"


def test_severe_absence_is_not_persistent_absence(shipped):
    """Only the threshold that defines persistent absence is a gloss: 50% or more stays a number."""
    assert "50" in vocabulary().canonical("Persistent absentees for CLA (overall absence 50% or more)")[0]


def test_an_up_to_date_visit_is_one_that_took_place(shipped):
    res = Matcher(shipped).match(Query.build("percentage of CLA with an up to date statutory visit"))
    assert "stage" not in res.explanation


# -- the catalogue: where a child is placed is counted at a point in time ------------------------


@pytest.mark.parametrize("entry", ["cla_placed_over_20_miles_pct", "cla_placed_within_20_miles_pct"])
def test_the_distance_shares_are_kept_at_a_point_in_time(shipped, entry):
    assert shipped.get(entry).time_basis == "snapshot"


def test_a_distance_share_over_a_month_is_not_the_one_at_its_end(shipped):
    assert given(shipped, "% CLA in the quarter placed more than 20 miles from home") != "cla_placed_over_20_miles_pct"
    assert given(shipped, "% CLA on 31 March placed more than 20 miles from home") == "cla_placed_over_20_miles_pct"
    assert given(shipped, "CLA placed more than 20 miles from home (%)") == "cla_placed_over_20_miles_pct"


# -- what a share is of ---------------------------------------------------------------------------


def test_a_share_of_a_stage_counts_that_stage_whatever_labels_the_name():
    v = vocabulary()
    assert v.facts("Referral conversion: % of contacts progressing to referral").groups["stage counted"] == {"contacts"}
    assert v.facts("Percentage of referrals that were re-referrals").groups["stage counted"] == {"referrals"}


def test_a_labelled_conversion_share_is_the_entrys(shipped):
    assert given(shipped, "Referral conversion: % of contacts progressing to referral") == "contacts_to_referral_pct"


# -- a name that says no unit counts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("S47s completed", "s47_completed"),
        ("Single Assessments (SA) completed", "assessments_completed"),
        ("Contacts received (includes contacts that become referrals)", "contacts"),
    ],
)
def test_a_name_saying_no_unit_is_the_count_not_the_rate(shipped, name, answer):
    assert given(shipped, name) == answer


def test_a_name_saying_no_unit_still_doubts_the_share_beside_a_count(shipped):
    """NI 65 printed without its `%`: the share is still a rival the name does not rule out, where
    the profile does not word the code's title (round 23's `code_titles` read it as the share)."""
    untitled = Vocabulary(dataclasses.replace(profmod.load(), code_titles=()))
    name = "Children becoming subject to a CP plan for a second or subsequent time"
    res = Matcher(shipped, vocab=untitled).match(Query.build(name))
    assert res.indicator_id == "" and "neither its unit nor its period" in res.explanation


def test_a_rate_without_its_base_is_still_read_as_a_rate(shipped):
    assert given(shipped, "Rate of S47 enquiries completed (rolling 12 months)") != "s47_completed"


def test_per_annum_abbreviated_is_a_year(shipped):
    assert vocabulary().facts("Referrals received p.a.").basis == {"year"}
    assert not vocabulary().facts("Care leavers with a PA (%)").basis
    assert given(shipped, "Referrals received p.a.") != "cin_referrals"
