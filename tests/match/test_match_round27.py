"""Matching round 27 (m43): look-alike measures kept apart, found on `tests/match/probes22.csv`
(real published titles, mostly traps) and the generated probes' traps that were still given an id.

- A name counting over the last 12 months is not a count at a point in time whose own 12 months
  is a length of stay (`in care up to 12 months at period end`): `Number of CLA in the last 12
  months` was given the entry of children in care up to 12 months.
- A repeat (a re-referral, a repeat plan) on one side only holds a merge for a person: `Referrals
  received in the last 12 months` is not the month's re-referrals."""

from __future__ import annotations

import pytest

from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import vocabulary

from .conftest import given

# -- the last 12 months vs a length of stay at a point in time -------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Number of CLA in the last 12 months",
        "Children in Care in the last 12 months",
        "Total number of Children Looked After (CLA) in care up to 12 months in the last 12 months",
        "Number of children looked after over the past twelve months",
    ],
)
def test_the_last_12_months_is_no_length_of_stay_at_period_end(shipped: Catalogue, name):
    assert given(shipped, name) != "cla_under_12m"


@pytest.mark.parametrize(
    "name",
    [
        "Children looked after for less than 12 months",
        "Number of children looked after in care up to 12 months at the end of the month",
    ],
)
def test_a_length_of_stay_under_12_months_is_still_that_entry(shipped: Catalogue, name):
    assert given(shipped, name) == "cla_under_12m"


def test_a_re_referrals_own_12_months_is_its_window_not_the_year_back(shipped: Catalogue):
    assert given(shipped, "% re-referrals within 12 months (as at month end)") == "rereferrals_12m_pct"
    voc = vocabulary()
    assert voc.facts("Number of CLA in the last 12 months").year_back
    assert not voc.facts("% re-referrals within 12 months").year_back
    assert not voc.facts("Children looked after for less than 12 months").year_back


# -- a repeat on one side only ---------------------------------------------------------------


def _referrals_and_repeats() -> Catalogue:
    cat = Catalogue()
    cat.add(
        Indicator(
            "rereferrals_12m",
            "Number of referrals which are re-referrals within one year of a closure assessment",
            "count",
            time_basis="month",
        )
    )
    cat.add(
        Indicator(
            "cin_referrals", "Number of referrals into statutory service in the month", "count", time_basis="month"
        )
    )
    return cat


@pytest.mark.parametrize(
    "name",
    ["Referrals received in the last 12 months", "Number of referrals into statutory service in the last 12 months"],
)
def test_referrals_are_never_merged_with_re_referrals(name):
    res = Matcher(_referrals_and_repeats()).match(Query.build(name))
    assert res.indicator_id != "rereferrals_12m"
    top = res.top
    assert top is not None and top.indicator_id == "rereferrals_12m"
    assert any(h.startswith("occurrence: 'repeat' only on one side") for h in top.held)


def test_the_shipped_catalogue_keeps_a_years_referrals_from_re_referrals(shipped: Catalogue):
    assert given(shipped, "Referrals received in the last 12 months") != "rereferrals_12m"
    assert given(shipped, "Number of re-referrals within one year of a closure assessment") == "rereferrals_12m"


# -- a table split by geography or by a level is a breakdown ----------------------------------


@pytest.mark.parametrize(
    "name, by",
    [
        ("C4 Section 47s and Initial Child Protection Conferences by local authority", "by local authority"),
        ("E1. Re-referrals by level of intervention by CSC, 2017-23", "by level of intervention"),
        ("Placement stability by local authority", "by local authority"),
        ("Percentage of re-referrals within 12 months by region", "by region"),
        ("Children on the child protection register by HSC Trust", "by hsc trust"),
    ],
)
def test_a_table_split_by_area_or_level_heads_a_breakdown(name, by):
    assert vocabulary().facts(name).breakdown == by


def test_a_breakdown_by_area_is_never_given_the_figure_it_splits(shipped: Catalogue):
    assert given(shipped, "Number of Section 47 (S47) enquiries started by local authority") == ""


@pytest.mark.parametrize(
    "name",
    [
        "Children looked after by the local authority; number and rate per 1,000 children aged 0-17 years.",
        "Rate of children starting to be looked after by local authority who were unaccompanied asylum seekers",
    ],
)
def test_looked_after_by_the_authority_is_who_looks_after_not_a_breakdown(name):
    assert vocabulary().facts(name).breakdown == ""
