"""Matching round 15 (m27): look-alikes probes14 showed merging, each kept apart by a general
guard (a benchmark or target column named like the measure, ...)."""

from __future__ import annotations

import pytest

from .conftest import given

# -- a benchmark or target column is named after the measure it sits beside ---------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Contact rate per 10,000 children aged 0-17 (England)", "contacts_rate"),
        ("Rate of contacts per 10,000 population under 18 years old (SN)", "contacts_rate"),
        ("Rate of contacts per 10,000 population under 18 years old - national", "contacts_rate"),
        ("Children in need at 31 March - England rate per 10,000", "cin_all_rate"),
        ("Re-referrals within 12 months (%) - target", "rereferrals_12m_pct"),
        ("Percentage of re-referrals within 12 months: target", "rereferrals_12m_pct"),
        ("% of single assessments completed within 45 working days - target", "assessments_in_45wd_pct"),
        ("Number of referrals into statutory service in the month (target)", "cin_referrals"),
    ],
)
def test_a_column_named_for_a_comparator_or_a_target_is_no_figure_of_the_measure(shipped, name, entry):
    """A LAIT or scorecard column headed `England`, `SN` or `target` after the measure's name
    holds another authority's (or the aimed-at) figure: it must not be given the measure's id."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Rate of contacts per 10,000 population under 18 years old", "contacts_rate"),
        ("Percentage of re-referrals within 12 months (target 22%)", "rereferrals_12m_pct"),
        ("Number of contacts in the month (target: 900)", "contacts"),
    ],
)
def test_the_measure_itself_still_meets_its_entry(shipped, name, entry):
    """The measure's own name, and a name stating the target it is judged against in a gloss,
    still meet it."""
    assert given(shipped, name) == entry


# -- a short gloss names a part of the measure or another column ---------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Children subject to a CP plan at the end of the month (neglect)", "cpp_children"),
        ("Rate of children subject to CP plans per 10,000 (sexual abuse)", "cpp_rate"),
        ("Number of CLA at the end of the month (Asian)", "cla"),
        ("Number of contacts in the month (forecast)", "contacts"),
        ("Number of referrals into statutory service in the month (variance)", "cin_referrals"),
        ("Number of referrals into statutory service in the month (East team)", "cin_referrals"),
    ],
)
def test_a_short_gloss_of_words_the_catalogue_never_saw_is_no_free_ride(shipped, name, entry):
    """A one- or two-word gloss names a subset (a category of abuse, an ethnic group, a team) or
    another column (a forecast, a variance): its words weigh as the name's own, so words no
    catalogue name uses send it to a person instead of riding on the measure's name."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Number of contacts in the month (actual)", "contacts"),
        ("Number of referrals into statutory service in the month (provisional)", "cin_referrals"),
        ("Number of CLA at the end of the month (validated)", "cla"),
        ("Number of Adopter applications at Stage 2 (carer units)", "adopter_applications_stage2"),
        ("Number of CLA placed in Connected Carer placements (kinship) at month end", "cla_connected_carers"),
        ("Percentage of CLA ceased in the month - returned home (care planning)", "cla_ceased_home_pct"),
        ("Number of Early Help assessments completed (recorded on Mosaic)", "eh_assessments_completed"),
    ],
)
def test_a_gloss_saying_the_figures_state_or_restating_the_measure_still_meets_it(shipped, name, entry):
    """Words on a figure's state (actual, provisional, validated) or where it is recorded say
    nothing of the measure, and a gloss in the profile's words (carer units, kinship, care
    planning) restates it."""
    assert given(shipped, name) == entry


# -- a run of quarters from the first is the year so far; other words for done and for excluding ---


@pytest.mark.parametrize(
    "name",
    ["Number of Section 47 (S47) enquiries started Q1-Q3", "S47 enquiries started H1", "S47 enquiries started Apr-Dec"],
)
def test_a_run_of_quarters_or_months_from_april_is_no_months_figure(shipped, name):
    """`Q1-Q3`, `H1`, `Apr-Dec` count from the start of the financial year: a period code holding
    a digit is no publisher's reference to pass over, and the monthly count is not it."""
    assert given(shipped, name) != "s47_started"


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Single assessments finished in the month", "assessments_completed"),
        ("Number of CLA at the end of the month net of UASC", "cla_excl_uasc"),
        ("CLA rate per 10,000 not counting UASC", "cla_rate_excl_uasc"),
    ],
)
def test_finished_is_completed_and_net_of_excludes(shipped, name, entry):
    assert given(shipped, name) == entry


def test_children_who_are_disabled_are_children_with_disabilities(shipped):
    name = "Children with a child in need plan who are disabled (number at period end)"
    assert given(shipped, name) == "cin_plan_cwd"
    assert given(shipped, name.replace("are disabled", "are not disabled")) != "cin_plan_cwd"


# -- two lists of exclusions that differ by a cohort -------------------------------------------


@pytest.mark.parametrize("name", ["CIN at month end excluding CP", "Children in need at month end (excl. CP)"])
def test_children_in_need_excluding_cp_alone_are_not_those_excluding_cp_and_lac(shipped, name):
    """`excluding CP` counts the looked-after children that the entry's list (EHPs, EHAs, CPP and
    LAC) leaves out: two lists of exclusions that differ by a cohort count different children."""
    assert given(shipped, name) != "cin_open"


def test_the_same_cohorts_excluded_in_other_words_still_meet(shipped):
    assert given(shipped, "Children in need at month end excluding CP and LAC") == "cin_open"
