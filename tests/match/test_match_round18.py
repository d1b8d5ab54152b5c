"""Matching round 18 (m30): the look-alikes of probes16 that merged, each kept apart by a general
guard in the profile."""

from __future__ import annotations

import pytest

from scorekit.match.normalise import vocabulary

from .conftest import given

EARLIER = ("comparator", "an earlier period")

# -- an earlier period named as a label is a comparator, not the month's period ----------------------


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Previous month: referrals", "cin_referrals"),
        ("Referrals - previous month", "cin_referrals"),
        ("Referrals - last month", "cin_referrals"),
        ("Last month - contacts", "contacts"),
        ("Same month last year - contacts received", "contacts"),
        ("Last year: re-referrals within 12 months (%)", "rereferrals_12m_pct"),
        ("Last year's outturn - re-referral rate (%)", "rereferrals_12m_pct"),
    ],
)
def test_an_earlier_period_as_a_label_is_a_comparator(shipped, name, near):
    """`Previous month:` heading a name, `- last month` ending it, `same month last year`: the
    figure of an earlier period beside this one, not this period's (the time basis no longer takes
    the words the comparator reads)."""
    assert EARLIER in vocabulary().facts(name).qualifiers
    assert given(shipped, name) != near


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Number of referrals in the previous month", "cin_referrals"),
        ("Referrals received last month", "cin_referrals"),
        ("Contacts in the last month", "contacts"),
    ],
)
def test_the_last_month_as_the_period_counted_stays_the_month(shipped, name, answer):
    assert vocabulary().facts(name).basis == frozenset({"month"})
    assert EARLIER not in vocabulary().facts(name).qualifiers
    assert given(shipped, name) == answer


# -- `of which`: a part of what the name first counts ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Referrals in the month, of which from schools", "cin_referrals"),
        ("Children open to Early Help, of which with an Early Help plan", "eh_open"),
        ("Contacts received in the month - of which from the police", "contacts"),
        ("CLA at month end - of whom placed with parents", "cla"),
    ],
)
def test_of_which_names_a_part_of_the_whole_it_follows(shipped, name, near):
    """`X, of which Y` is the count of Y among X: never the entry for all X, whatever the score
    (a doubt no score settles: the part may be catalogued under Y's own words)."""
    assert given(shipped, name) != near


# -- missing episodes are episodes, not children --------------------------------------------------


def test_missing_episodes_are_not_missing_children(shipped):
    name = "Missing episodes for all children open to the authority"
    assert ("counted", "episodes") in vocabulary().facts(name).qualifiers
    assert given(shipped, name) != "missing_children"


def test_of_which_heading_a_row_names_the_part_itself(shipped):
    """`Of which: re-referrals ...` heads a row under its whole: the name states the part in full."""
    assert given(shipped, "Of which: re-referrals within 12 months (number)") == "rereferrals_12m"


# -- a rate of a cohort: per 10,000 looked after children is not per 10,000 children ----------------


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Children in need per 10,000 looked after children", "cin_all_rate"),
        ("Children subject to a CP plan per 10,000 children in need", "cpp_rate"),
    ],
)
def test_a_rate_of_a_cohort_is_not_a_rate_of_the_child_population(shipped, name, near):
    assert ("rate base", "a cohort, not the child population") in vocabulary().facts(name).qualifiers
    assert given(shipped, name) != near


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Rate per 10,000 Initial Child Protection Conferences (ICPCs)", "icpc_rate"),
        ("ICPC rate per 10,000", "icpc_rate"),
        ("Looked after children per 10,000 children aged under 18", "cla_rate"),
    ],
)
def test_a_rate_of_events_per_10000_children_keeps_its_base(shipped, name, answer):
    assert ("rate base", "a cohort, not the child population") not in vocabulary().facts(name).qualifiers
    assert given(shipped, name) == answer


# -- the cohort eligible for an offer is not the share taking it up --------------------------------


def test_children_eligible_are_not_the_share_taking_up_the_offer(shipped):
    assert given(shipped, "Children eligible for 2 year old funding (looked after)") != "cla_2yo_funding_pct"
    assert given(shipped, "% of eligible CLA taking up the 2 year old education funding offer") == "cla_2yo_funding_pct"


# -- tuning paraphrases sent to review for a word of wording alone ---------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Strategy meetings/discussions taking place this month", "strategy_discussions"),
        ("Looked after under s20 (voluntary) at month end", "cla_s20"),
        ("% of CLA placed in unregistered or unregulated provision at month end", "cla_unregulated_pct"),
        ("Rate of CLA per 10,000 - our performance", "cla_rate"),
    ],
)
def test_wording_alone_no_longer_holds_a_paraphrase(shipped, name, answer):
    """`meetings/discussions`, s20 glossed `(voluntary)`, unregulated
    `provision`, `- our performance` (the authority's own figure): the vocabulary reads them."""
    assert given(shipped, name) == answer


# -- a share's numerator or denominator (its cohort) said beside it --------------------------------


@pytest.mark.parametrize(
    ("name", "near", "part"),
    [
        ("Care leavers aged 19-21 (cohort) - suitable accommodation", "care_leavers_suitable_accom_pct", "denominator"),
        ("Re-referrals within 12 months (%) (denominator)", "rereferrals_12m_pct", "denominator"),
        ("Numerator: ICPCs held within 15 working days", "icpc_in_timescale_pct", "numerator"),
    ],
)
def test_a_shares_numerator_or_denominator_is_not_the_share(shipped, name, near, part):
    assert ("share part", part) in vocabulary().facts(name).qualifiers
    assert given(shipped, name) != near


@pytest.mark.parametrize("name", ["Care proceedings open at period end", "Number of care proceedings currently open"])
def test_care_proceedings_open_are_underway(shipped, name):
    assert given(shipped, name) == "care_proceedings"
