"""Matching round 30 (m49): real published wording (`tests/match/probes25.csv`: DfE's children's
social care outcomes and enablers dashboard, Explore Education Statistics data set titles,
StatsWales performance measures, a safeguarding partnership's KPI table, FOI responses, council
minutes), and the standing faults of the earlier real-wording and paraphrase probes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import check_real_probe

HERE = Path(__file__).resolve().parent


def _given(shipped, name: str) -> str:
    from scorekit.match.matcher import Matcher, Query

    return Matcher(shipped).match(Query.build(name)).indicator_id


def test_the_real_wording_probe_is_labelled_and_new(shipped):
    check_real_probe(shipped, "probes25.csv", "thirty-eighth session, matching round 30 (m49), real wording: ", 25)


# -- a Welsh performance measure's code ---------------------------------------------------------


def test_a_welsh_performance_measure_code_marks_another_nations_measure():
    from scorekit.match.normalise import vocabulary

    v = vocabulary()
    assert v.facts("PM24. The percentage of assessments completed for children within statutory timescales").elsewhere
    assert v.facts("PM 33 - Looked after children with three or more placements (%)").elsewhere
    assert not v.facts("Percentage of assessments completed within 45 working days (5pm cut-off)").elsewhere


def test_wales_statutory_timescale_under_its_pm_code_is_not_englands_45_working_days(shipped):
    # Wales assesses within 42 working days from referral: `statutory timescales` there is not 45
    name = "PM24. The percentage of assessments completed for children within statutory timescales"
    assert _given(shipped, name) != "assessments_in_45wd_pct"


# -- a breakdown by local authority -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Percentage of CLA with 3 or more placements during the year by LA",
        "Re-referrals within 12 months (%) by LA",
    ],
)
def test_a_table_by_la_heads_a_breakdown(shipped, name):
    assert _given(shipped, name) == ""


def test_children_looked_after_by_the_la_is_no_breakdown(shipped):
    assert _given(shipped, "Children looked after by LA at month end") == "cla"


# -- a plan's ordinal as a state vs becoming subject to a repeat plan ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "% of children on a CP plan that is their second or subsequent plan",
        "Proportion of children subject to a CP plan which is their second or subsequent plan",
    ],
)
def test_a_plan_that_is_their_second_or_subsequent_is_the_current_plans_ordinal(shipped, name):
    # children on a plan now, that plan being their 2nd or later (as `2nd or more CP plan` says it);
    # not new plans where the child had a plan before (NI 65)
    assert _given(shipped, name) == "cpp_second_plus_pct"


def test_becoming_subject_for_a_second_or_subsequent_time_stays_ni_65(shipped):
    name = "Percentage of children becoming subject to a CP plan for a second or subsequent time"
    assert _given(shipped, name) == "cpp_repeat_pct"


# -- words of publications the profile lacked ----------------------------------------------------


@pytest.mark.parametrize(
    "name, answer",
    [
        # a referral with a previous referral is a re-referral
        ("Percentage of referrals with a previous referral within 12 months", "rereferrals_12m_pct"),
        ("% of referrals to children's social care having a previous referral within 12 months", "rereferrals_12m_pct"),
        # UASC who arrived in the month are new to care
        ("Number of UASC arrived in the month", "uasc_new"),
        ("UASC who arrived in month (number)", "uasc_new"),
        # living with parents while looked after is a placement with parents (P1)
        (
            "Number of children living with their parents while looked after at the end of the month",
            "cla_placed_parents",
        ),
        ("Children living at home with parents whilst in care (number) at month end", "cla_placed_parents"),
        # a column heading `- latest month` says which figure, not a period counted over
        ("Number of children looked after - latest month", "cla"),
        ("Children subject to a CP plan (latest month)", "cpp_children"),
    ],
)
def test_a_publications_wording_is_given_its_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


def test_uasc_arriving_in_the_year_is_not_the_months_new_uasc(shipped):
    assert _given(shipped, "Number of UASC who arrived in the year") != "uasc_new"


def test_a_previous_referral_over_another_window_is_not_the_12_month_share(shipped):
    assert _given(shipped, "Percentage of referrals with a previous referral within 24 months") != "rereferrals_12m_pct"


@pytest.mark.parametrize(
    "name, answer",
    [
        # a social care referral is a referral to children's social care
        ("Number of Social Care Referrals", "cin_referrals"),
        ("Social care referrals received in month", "cin_referrals"),
        # returning to MARAC is a repeat case
        ("Percentage of cases returning to MARAC within 12 months", "marac_repeat_pct"),
        ("Percentage of cases returned to MARAC within 12 months", "marac_repeat_pct"),
        # registered on the child protection register is subject to a plan
        ("Number of children registered on the child protection register at the end of the month", "cpp_children"),
        ("Children registered on the CP register at month end", "cpp_children"),
        # a child protection case is a child on a plan
        ("Number of child protection cases at the end of the month", "cpp_children"),
        ("Child protection cases at period end (number)", "cpp_children"),
        # a social worker glossed `(qualified, FTE)` is a qualified social worker
        ("Average number of children per social worker (qualified, FTE)", "caseload_qsw"),
        ("Average caseload per social worker (qualified, FTE)", "caseload_qsw"),
    ],
)
def test_more_of_a_publications_wording_is_given_its_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


def test_a_child_protection_case_conference_is_no_child_protection_case(shipped):
    assert _given(shipped, "Number of child protection case conferences held") != "cpp_children"


@pytest.mark.parametrize(
    "name, answer",
    [
        # DfE's definition of a referral: a concern about a child's welfare
        ("Number of referrals where there is a concern about a child's welfare", "cin_referrals"),
        ("Referrals in which there was a concern about the child's welfare (number) in month", "cin_referrals"),
        # what a re-referral is counted from, said `of the previous one`
        (
            "Re-referral rate (new referral case is received within 12 months of the previous one)",
            "rereferrals_12m_pct",
        ),
        # a Public Health Outcomes Framework heading before the measure
        (
            "School readiness: percentage of children achieving a good level of development at the end of Reception",
            "eyfs_gld_pct",
        ),
    ],
)
def test_a_definition_or_a_heading_is_read_as_the_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


def test_child_protection_plans_with_their_initials_starting_are_new_plans():
    from scorekit.match.normalise import vocabulary

    facts = vocabulary().facts("Number of Child Protection Plans (CPP) starting in the month")
    assert ("flow", "in") in facts.qualifiers and "new" in facts.words


def test_the_returning_to_marac_and_marac_forms_keep_an_anchor_word():
    import json

    from scorekit.match.phrases import anchor_words

    profile = json.loads((HERE.parent.parent / "match" / "profile.json").read_text(encoding="utf-8"))
    forms = [f for e in profile["equivalents"] for f in e["forms"] if "marac" in f]
    assert forms and all(anchor_words(f) for f in forms)


@pytest.mark.parametrize(
    "name",
    [
        # Darlington's and Wales' wording of the front door's one-day timeliness
        "% of referrals screened and completed within one day",
        "Referrals screened and completed within 1 day (%)",
        "Decisions made on referrals within 1 working day",
        "SCC/006 - decisions made on referrals within 1 working day",
    ],
)
def test_referrals_screened_or_decided_within_a_day_are_the_front_doors_timeliness(shipped, name):
    assert _given(shipped, name) == "mash_referrals_1wd_pct"


def test_referrals_decided_within_another_limit_are_not_the_one_day_share(shipped):
    assert _given(shipped, "Decisions made on referrals within 3 working days") != "mash_referrals_1wd_pct"


@pytest.mark.parametrize(
    "name",
    [
        "percentage of children looked after with an up to date statutory visit",
        "CLA with an up-to-date visit (%)",
    ],
)
def test_an_up_to_date_statutory_visit_is_a_visit_in_timescale(shipped, name):
    assert _given(shipped, name) == "cla_visited_pct"


def test_an_up_to_date_review_is_still_the_up_to_date_review(shipped):
    assert _given(shipped, "Percentage of CLA with an up to date review") == "cla_review_uptodate_pct"


@pytest.mark.parametrize(
    "name",
    [
        "% of children currently subject to a CP plan who have had a previous plan",
        "Percentage of children on CP plans with a second or subsequent plan (at 31 March)",
        "Children currently on their second or subsequent CP plan (%)",
        "% of children on a CP plan at month end who have been on a plan before",
    ],
)
def test_a_share_of_children_on_a_plan_now_that_had_one_before_is_the_current_ordinal(shipped, name):
    assert _given(shipped, name) == "cpp_second_plus_pct"


@pytest.mark.parametrize(
    "name, answer",
    [
        # becoming subject in a period is NI 65, whatever else the name says
        ("Percentage of children becoming subject to a CP plan for a second or subsequent time (at 31 March)", ""),
        ("Percentage of children becoming subject to a CP plan for a second or subsequent time", "cpp_repeat_pct"),
        # a name stating no unit may count the children on a repeat plan, which the catalogue lacks
        ("Children with a CP plan at month end - second or subsequent plan", ""),
    ],
)
def test_becoming_subject_or_no_unit_is_not_read_as_the_current_ordinal(shipped, name, answer):
    got = _given(shipped, name)
    assert got != "cpp_second_plus_pct" and (not answer or got == answer)
