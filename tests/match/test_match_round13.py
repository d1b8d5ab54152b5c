"""Matching round 13 (m25): the kinds of trap `tests/match/probes12.csv` and the tuning sets showed
merging, each kept apart by one general guard, and what each guard must leave matched."""

from __future__ import annotations

import dataclasses

import pytest

from scorekit.match import profile as profmod
from scorekit.match.guards import compare, side
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Vocabulary, vocabulary

from .conftest import given

V = vocabulary()


def guards(a: str, b: str) -> list[str]:
    return [f.guard for f in compare(side(V.facts(a)), side(V.facts(b)), V.profile) if f.hard]


# -- a name that counts one thing alone ----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "% of ICPCs held within 15 working days (transfer-ins only)",
        "Percentage of ICPCs within 15 days - transfer-in conferences only",
    ],
)
def test_a_name_counting_one_thing_alone_is_no_measure_of_more(shipped, name):
    assert given(shipped, name) != "icpc_in_timescale_pct"


def test_only_beside_a_word_the_other_name_is_about_agrees(shipped):
    assert given(shipped, "Number of CLA (UASC only)") == "uasc_cla"
    assert "only" not in guards("Number of CLA (UASC only)", "Number of CLA at the end of the month who are UASC")


def test_only_beside_a_word_the_other_name_gives_in_a_parenthesis_is_apart():
    entry = "% of ICPCs held within timescales (15 days from the strategy meeting, or notification for transfer-ins)"
    assert "only" in guards("% of ICPCs held within 15 working days (transfer-ins only)", entry)


def test_only_beside_a_word_the_vocabulary_does_not_stand_for_restricts_nothing(shipped):
    name = "EH assessments completed for children and young people only (excl. adults 21+)"
    assert V.facts(name).only == frozenset()
    assert given(shipped, name) == "eh_assessments_completed_excl_adults"


# -- an average over a stated span of years ------------------------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Average days from placement order to match (single year)", "adoption_a2_days"),
        ("Average days between entering care and moving in with adoptive family (single year)", "adoption_a1_days"),
    ],
)
def test_a_single_year_figure_is_not_the_scorecard_measure(shipped, name, entry):
    assert given(shipped, name) != entry


def test_a_single_year_and_a_three_year_average_are_read():
    assert ("averaged over", "a single year") in V.facts("Average days to match (single year)").qualifiers
    assert ("averaged over", "3 years") in V.facts("Average days to match, 3 year average").qualifiers


def test_an_average_that_states_no_span_still_matches(shipped):
    assert given(shipped, "A2: average days between placement order and matching with adopters") == "adoption_a2_days"


# -- a legal status narrows the children counted -------------------------------------------------


def test_children_starting_care_under_section_20_are_not_all_new_cla(shipped):
    name = "Number of children who started to be looked after under section 20 in the month"
    assert given(shipped, name) != "cla_new"
    assert "legal status" in guards(name, "Number of new CLA in month")


def test_a_count_with_its_legal_status_still_matches(shipped):
    assert given(shipped, "Total number of S20 CLA at period end") == "cla_s20"
    assert given(shipped, "Number of children on ICO at 31 March") == "cla_ico"


# -- all children open to social care are no one cohort -------------------------------------------


def test_children_open_to_social_care_are_not_one_cohort(shipped):
    name = "% of children open to CSC visited within the last 4 weeks"
    assert given(shipped, name) != "cpp_visited_4w_pct"
    entry = "Percentage of children subject to Child Protection Plan visited within last 4 weeks"
    assert "cohort" in guards(name, entry)


def test_all_children_open_to_social_care_meet_the_entry_that_counts_them_all(shipped):
    assert given(shipped, "Children open to children's social care at month end") == "open_to_service"


def test_a_referral_or_step_up_to_social_care_names_no_population(shipped):
    assert given(shipped, "Early help cases stepped up to statutory social care") == "eh_stepped_up"


# -- newly qualified workers counted in or out ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Average caseload per social worker (including ASYEs)", "Average caseload per social worker (excluding ASYEs)"],
)
def test_a_caseload_that_says_how_it_counts_newly_qualified_workers_is_apart(shipped, name):
    assert given(shipped, name) != "caseload_qsw"


def test_a_caseload_of_qualified_workers_still_matches(shipped):
    assert given(shipped, "Average caseload of qualified social workers (FTE)") == "caseload_qsw"


# -- review share: right answers that stopped in review -------------------------------------------


def test_a_title_that_says_no_unit_beside_a_share_stays_for_a_person(shipped):
    # round 23: unless the profile words it as a national indicator's title (`code_titles`, NI 65)
    untitled = Vocabulary(dataclasses.replace(profmod.load(), code_titles=()))
    name = "Children becoming subject to a child protection plan for a second or subsequent time"
    assert Matcher(shipped, vocab=untitled).match(Query.build(name)).indicator_id == ""
    assert given(shipped, name) == "cpp_repeat_pct"


def test_reviews_due_not_completed_in_time_stay_apart(shipped):
    assert given(shipped, "% of CLA reviews due in month not completed in time") != "cla_reviews_in_time_pct"


# -- the second batch's kinds ---------------------------------------------------------------------


def test_any_word_beside_only_restricts(shipped):
    assert given(shipped, "Number of contacts received (police only)") != "contacts"
    assert V.facts("Number of contacts received (police only)").only == {"police"}


def test_one_of_two_cohorts_alone_is_part_of_an_entry_counting_both(shipped):
    name = "Number of CLA aged 16+ or care leavers with an authorised pathway plan (care leavers only)"
    assert given(shipped, name) != "pathway_plan"


def test_a_one_word_gloss_names_what_the_entry_counts(shipped):
    assert given(shipped, "CIN plans (CWD only) - number") == "cin_plan_cwd"


def test_a_median_is_no_figure_that_does_not_say_median(shipped):
    assert given(shipped, "Length of care proceedings in weeks (median, ongoing cases)") != "care_proceedings_weeks"


def test_at_any_point_in_the_month_keeps_the_month(shipped):
    assert V.facts("Number of children subject to a CP plan at any point in the month").basis == {"month"}
    assert given(shipped, "Number of children subject to a CP plan at any point in the month") != "cpp_children"


def test_proceedings_concluded_are_not_proceedings_ongoing(shipped):
    assert given(shipped, "Average length of care proceedings (concluded cases, weeks)") != "care_proceedings_weeks"
    assert given(shipped, "Care proceedings: average duration in weeks") == "care_proceedings_weeks"


# -- the third batch's kinds ----------------------------------------------------------------------


def test_a_week_is_its_own_time_basis(shipped):
    assert V.facts("Number of contacts received in the week").basis == {"week"}
    assert given(shipped, "Number of contacts received in the week") != "contacts"


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Number of children subject to S47 enquiries completed in the month", "s47_completed"),
        ("Number of strategy discussions held (children) in the month", "strategy_discussions"),
    ],
)
def test_children_counted_are_not_the_enquiries_or_discussions_counted(shipped, name, entry):
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("RCPCs held in month (children)", "rcpc_children"),
        ("CLA missing 24 hrs+ (children)", "cla_missing_24h"),
        ("Number of strategy discussions held in the month", "strategy_discussions"),
    ],
)
def test_a_count_of_children_or_events_said_alike_still_matches(shipped, name, entry):
    assert given(shipped, name) == entry


# -- the fourth batch's kinds ---------------------------------------------------------------------


def test_a_total_is_not_an_average(shipped):
    assert given(shipped, "Total caseload of qualified social workers (FTE)") != "caseload_qsw"
    assert given(shipped, "Total number of children with a CP plan at period end") == "cpp_children"


def test_unborn_children_are_a_population_of_their_own(shipped):
    assert given(shipped, "Number of children with a CP plan at month end (unborn)") != "cpp_children"


def test_an_entry_counting_only_what_followed_a_strategy_discussion_is_not_all_of_it(shipped):
    assert given(shipped, "Number of new referrals where CSE is a factor (all ages)") != "cse_referrals_strategy"
    assert given(shipped, "Number of strategy discussions held in the month") == "strategy_discussions"


# -- the fifth batch's kinds ----------------------------------------------------------------------


def test_a_care_order_is_a_legal_status(shipped):
    assert given(shipped, "Number of CLA placed with parents (under a care order) at month end") != "cla_placed_parents"


def test_a_carer_named_on_one_side_only_is_a_different_placement(shipped):
    name = "Number of CLA placed for adoption at period end (with foster carers)"
    assert given(shipped, name) != "cla_placed_for_adoption"
    assert given(shipped, "Number of CLA placed with in-house foster carers at month end") == "cla_inhouse_foster"


def test_a_bare_number_on_one_side_only_is_a_doubt_no_score_settles(shipped):
    """`(second reviews)`: which review is counted, a number with no unit or bound that the other
    name does not say: the entry is held for a person, not given for its high score."""
    assert given(shipped, "% of CLA reviews due in month completed in time (second reviews)") == ""


# -- the sixth batch's kinds ----------------------------------------------------------------------


def test_a_name_saying_what_the_entry_gloss_denies_contradicts_it(shipped):
    assert given(shipped, "Number of referrals stepped down from CSC (after assessment)") != "referrals_stepped_down"
    assert "negation" in guards(
        "Number of children stepped down from CSC to early help following assessment",
        "Number of referrals that were stepped down from CSC (no assessment required)",
    )


def test_a_step_said_on_one_side_only_is_a_different_measure(shipped):
    assert given(shipped, "Number of early help plans opened in the month (step down)") != "eh_plans_opened"


def test_in_contact_said_on_one_side_only_is_a_doubt_unless_suitability_says_it(shipped):
    assert given(shipped, "Number of care leavers (in contact)") != "care_leavers"
    assert given(shipped, "% of care leavers aged 19-21 in suitable accommodation") == "care_leavers_suitable_accom_pct"


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Number of contacts received in the month (open cases)", "contacts"),
        ("Number of referrals in the month (new cases)", "cin_referrals"),
        ("Percentage of contacts that become new referrals of CiN (police)", "contacts_to_referral_pct"),
    ],
)
def test_a_gloss_naming_a_case_status_or_a_source_narrows_the_name(shipped, name, entry):
    assert given(shipped, name) != entry


def test_leaving_out_what_was_in_timescale_leaves_a_different_measure(shipped):
    assert given(shipped, "Number of CP plans (not reviewed in timescale)") != "cpp_children"
    assert "excluding" in guards("Number of CP plans (not reviewed in timescale)", "Number of children with a CP plan")
