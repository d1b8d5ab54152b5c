"""Wording found in published titles (LAIT, DfE releases, LG Inform, StatsWales, councils'
scorecards; `tests/match/probes.csv`, source `real wording`): what each mechanism reads, on names
written here in the same way."""

from __future__ import annotations

import pytest

from scorekit.match.guards import compare, side
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Quantity, vocabulary

from .conftest import given

V = vocabulary()


def facts(name: str, unit: str | None = None):
    return V.facts(name, unit)


# -- the population a rate is counted over is no duration ----------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Rate of looked after children per 10,000 population (0-17 years)",
        "Rate of children with a CP plan per 10,000 population (0-18 years)",
        "Children in need per 10,000 population aged 0-18 years",
    ],
)
def test_an_age_band_from_0_is_the_population_not_a_duration(name):
    assert facts(name).quantities == frozenset()


def test_a_duration_range_stays_a_duration():
    assert facts("Children in need by duration (1 - 2 years) (%)").quantities == {
        Quantity(12.0, "months"),
        Quantity(24.0, "months"),
    }


# -- time basis -----------------------------------------------------------------------------------


def test_the_year_ending_is_a_period_not_a_cessation():
    f = facts("Children looked after with three or more placements during the year ending 31 March (%)", "percent")
    assert "flow" not in f.groups
    assert facts("Child protection plans ending in the month").groups["flow"] == {"out"}


@pytest.mark.parametrize(
    "name, basis",
    [
        ("Children starting to be looked after each year", {"year"}),
        ("Open early help cases at the end of the reporting period", {"snapshot"}),
        ("Referrals per 10,000 children (last 12 months)", {"rolling_12m"}),
        ("Rate of referrals per 10,000 (previous 12 months)", {"rolling_12m"}),
    ],
)
def test_time_basis_phrases(name, basis):
    assert facts(name).basis == basis


def test_the_last_12_months_of_a_percentage_is_its_window():
    a = facts("% of children looked after with 3 or more placements (last 12 months)", "percent")
    b = facts("% of children looked after with 3 or more placements during the year", "percent")
    assert not a.basis and a.quantities == b.quantities


# -- what is no measure word ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "coded, plain",
    [
        (
            "PM33. The percentage of looked after children with three or more placements",
            "The percentage of looked after children with three or more placements",
        ),
        (
            "NI 65 Percentage of children becoming subject to a CP plan for a second time",
            "Percentage of children becoming subject to a CP plan for a second time",
        ),
        ("Placement 1 - % LAC with three or more placements", "% LAC with three or more placements"),
        (
            "Leaving Care 3 - Number of care leavers in suitable accommodation",
            "Number of care leavers in suitable accommodation",
        ),
        ("Reduce the rate of children looked after per 10,000", "rate of children looked after per 10,000"),
        (
            "Increase the percentage of care leavers in suitable accommodation",
            "percentage of care leavers in suitable accommodation",
        ),
    ],
)
def test_publishers_codes_and_aims_say_nothing_of_the_measure(coded, plain):
    a, b = facts(coded), facts(plain)
    assert (a.words, a.quantities) == (b.words, b.quantities)


def test_a_word_holding_a_digit_is_a_reference_not_an_unseen_word(shipped):
    m = Matcher(shipped)
    q = Query.build("Rate of children in our care per 10,000 LA7b")
    assert m._unseen(q) == frozenset()
    assert m.match(q).indicator_id == "cla_rate"


# -- vocabulary --------------------------------------------------------------------------------


def test_re_registration_on_the_cp_register_is_a_repeat_plan(shipped):
    f = facts("Percentage of re-registrations of children on the child protection register")
    assert {"repeat", "cpp"} <= f.words
    assert given(
        shipped, "Percentage of children that became subject to a CP plan for the second or a subsequent time"
    ) == ("cpp_repeat_pct")


def test_persistent_absentees_and_health_checks():
    assert {"persistent", "absent"} <= facts("Children looked after classed as persistent absentees (%)").words
    assert {"health", "assessment"} <= facts("Percentage of children looked after having health checks").words
    assert "having" not in facts("Percentage of children looked after having health checks").words


def test_a_school_phase_names_a_subset(shipped):
    assert facts("Total absence from primary schools (%)").groups["school phase"] == {"primary"}
    assert given(shipped, "Total absence from primary schools (%)") != "pupil_absence_pct"


def test_a_gloss_on_school_age_is_no_measure_word(shipped):
    assert given(shipped, "Number of children electively home educated") == "ehe_pupils"


# -- up to date and in timescale ---------------------------------------------------------------------


def test_up_to_date_is_a_state_not_a_review_held_in_time(shipped):
    assert given(shipped, "Looked after children reviews held on time (%)") != "cla_review_uptodate_pct"


def test_up_to_date_still_says_a_timescale_was_kept():
    a = side(facts("Percentage of CLA for 12+ months whose health assessments are up to date"), "percent")
    b = side(facts("Percentage of CLA for 12+ months with health assessments on time"), "percent")
    assert not [f for f in compare(a, b, V.profile) if f.guard == "timescale"]


def test_placement_moves_are_placements_and_childrens_homes_are_residential(shipped):
    assert given(shipped, "Children in care with 3 or more placement moves in the last 12 months (%)") == (
        "cla_3plus_placements_pct"
    )
    assert given(shipped, "% of children looked after placed in residential children's homes") == "cla_residential_pct"
    assert given(shipped, "Number of children's homes") == ""


def test_the_adoption_scorecard_wording_of_a_match_and_a_wait(shipped):
    a2 = (
        "Average time between a LA receiving court authority to place a child and deciding on a match"
        " to an adoptive family (days)"
    )
    assert given(shipped, a2) == "adoption_a2_days"
    assert (
        given(shipped, "Number of children with placement order waiting to be placed") == "placement_order_not_placed"
    )


def test_a_count_of_conferences_is_not_a_count_of_the_children_they_were_for(shipped):
    """`Number of ICPCs` counts conferences (one may be for a sibling group); the catalogue's
    entries count the children subject to them, or say so (`based on count of children`)."""
    held = facts("How many Initial Child Protection Conferences have been held?")
    assert ("counted", "conferences") in held.qualifiers
    assert ("counted", "conferences") not in facts("Number of children subject to ICPCs in the month").qualifiers
    assert ("counted", "conferences") not in facts("Number of ICPCs resulting in a CP plan").qualifiers
    assert given(shipped, "Number of ICPCs") != "icpc_children"
    assert given(shipped, "Number of RCPCs held") != "rcpc_children"
    assert given(shipped, "Children subject to ICPCs held in the month") == "icpc_children"


def test_a_grade_band_is_part_of_what_an_attainment_measure_counts(shipped):
    """5+ GCSEs at A*-G is another measure than 5+ at A*-C (profile group `grades`)."""
    assert ("grades", "a*-g") in facts("% of pupils achieving 5+ A*-G GCSEs").qualifiers
    assert ("grades", "a*-c") in facts("% achieving 5 or more A* to C GCSEs").qualifiers
    assert given(shipped, "% of pupils achieving 5+ A*-G GCSEs") != "gcse_5ac_em_pct"
    assert given(shipped, "% of pupils achieving 5+ A*-C GCSEs including English and maths") == "gcse_5ac_em_pct"


def test_n_in_brackets_says_a_count_as_a_percent_sign_says_a_share():
    """Scorecards print `(n)` beside `(%)`: the number of the same children."""
    assert facts("CLA (n) placed 20+ miles").unit == "count"
    assert facts("Contacts leading to referral (n) in month").unit == "count"
    assert facts("CLA (n) placed 20+ miles").words == facts("CLA (%) placed 20+ miles").words


def test_a_dental_visit_is_a_dental_check_not_a_social_workers_visit():
    dental = facts("CLA with up-to-date dental visits")
    assert ("checked", "dental check") in dental.qualifiers
    assert ("activity", "visit") not in dental.qualifiers


def test_the_councils_own_carers_are_its_in_house_carers():
    assert facts("CLA placed with our own foster carers").words == facts("CLA placed with in-house foster carers").words
    assert "inhouse" in facts("Children placed with the council's own foster carers (%)").words


def test_a_timeframe_is_a_timescale(shipped):
    assert given(shipped, "Number of assessments completed in the timeframe") == "assessments_in_45wd"
    assert (
        facts("% of assessments completed within timeframe").words
        == facts("% of assessments completed in timescale").words
    )
    late = facts("Assessments completed outside the time frame (%)").words
    assert late == facts("Assessments completed out of timescale (%)").words


def test_a_referral_within_12_months_of_an_earlier_one_is_a_re_referral(shipped):
    """`of an earlier referral`, `of a prior referral`, with the service named between: the
    re-referral share, as `of a previous referral` was read."""
    name = "Percentage of referrals to children's social care that are within 12 months of an earlier referral"
    assert "rereferral" in facts(name).words
    assert given(shipped, name) == "rereferrals_12m_pct"
    assert "rereferral" in facts("% of referrals which were within 12 months of a prior referral").words


def test_a_setting_a_child_is_placed_in_is_a_placement(shipped):
    assert given(shipped, "% of CLA placed in residential settings at month end") == "cla_residential_pct"
    assert facts("CLA in unregulated settings").words == facts("CLA in unregulated placements").words


def test_referrals_passed_on_to_one_team_are_not_those_passed_to_another(shipped):
    """Where a name says whom referrals were passed on to (the child protection team, the
    assessment team, early help), another destination is another measure."""
    to_cp = facts("Number of referrals which MASH passed on to Child Protection Team for S47 enquiry")
    to_assessment = facts("MASH referrals passed to the Assessment team")
    assert ("destination", "child protection team") in to_cp.qualifiers
    assert ("destination", "assessment team") in to_assessment.qualifiers
    assert any(f.hard for f in compare(side(to_assessment), side(to_cp), V.profile))
    assert given(shipped, "MASH referrals passed to the Assessment team") != "mash_s47_referrals"


def test_children_placed_with_foster_carers_are_a_subset_unless_the_entry_names_a_kind_of_carer(shipped):
    """`placed for adoption with their foster carers` narrows children placed for adoption (a
    doubt); in-house, IFA, connected or the council's own carers are foster carers already."""
    subset = "Number of CLA placed for adoption with their foster carers (fostering for adoption)"
    assert ("carer", "foster carers") in facts(subset).qualifiers
    assert given(shipped, subset) != "cla_placed_for_adoption"
    finds = compare(
        side(facts("CLA placed with in-house carers")), side(facts("CLA placed with in-house foster carers")), V.profile
    )
    assert not [f for f in finds if f.guard == "carer"]


@pytest.mark.parametrize(
    "name, not_this",
    [
        ("% of open CP plans where the child had a previous plan", "cpp_repeat_pct"),
        ("Number of open referrals", "cin_referrals"),
    ],
)
def test_open_plans_or_referrals_are_counted_at_a_point_in_time(shipped, name, not_this):
    """`open` before what is opened (plans, referrals, assessments, enquiries) counts those open
    now, not those begun in the period; `open cases` and `open to` keep their words."""
    assert facts(name).basis == {"snapshot"}
    assert given(shipped, name) != not_this
    assert facts("EH open cases").basis == frozenset()


def test_an_age_band_only_the_name_states_counts_part_of_the_population(shipped):
    """Children aged 11-17 on a CP plan are part of those the entry counts: a doubt for a person,
    however close the rest of the wording."""
    name = "Percentage of children aged 11-17 subject to a Child Protection Plan seen in the last 15 working days"
    finds = compare(
        side(facts(name)),
        side(facts("Percentage of children subject to a CP plan seen in the last 15 working days")),
        V.profile,
    )
    assert any(f.guard == "numbers" and f.holds and not f.hard for f in finds)
    assert given(shipped, name) == ""
    assert given(shipped, "Rate of CLA per 10,000 children aged 0-17") == "cla_rate"


def test_a_share_over_the_year_is_not_a_share_at_a_point_in_time(shipped):
    """Children placed with IFAs during the year, as a share, is not the share placed with IFAs at
    the month's end; a point-in-time entry whose own name says the year (3+ placements during
    the year) still meets it."""
    assert given(shipped, "Percentage of CLA placed in IFA placements in the year") != "cla_ifa_pct"
    assert given(shipped, "Percentage of CLA with 3 or more placements during the year") == "cla_3plus_placements_pct"


def test_a_bracketed_r12_is_the_rolling_year_not_a_publishers_code(shipped):
    """`(H5)`, `(U1,U3)` are placement codes and say nothing; `(R12)` says the figure rolls."""
    assert facts("Number of S47 enquiries started (R12)").basis == {"rolling_12m"}
    assert given(shipped, "Number of S47 enquiries started (R12)") != "s47_started"
    assert facts("Number of CLA placed in Residential placements (H5)").basis == frozenset()


def test_a_total_of_conferences_that_names_no_children_counts_the_meetings(shipped):
    assert ("counted", "conferences") in facts("Total ICPCs held within timescale").qualifiers
    assert given(shipped, "Total ICPCs held within timescale") != "icpc_in_timescale"


@pytest.mark.parametrize(
    "name, not_this",
    [
        ("Rate of CIN per 10,000 (ex CP and CLA)", "cin_all_rate"),
        ("Re-referrals in 12 months - % - step-ups excluded", "rereferrals_12m_incl_stepup_pct"),
        ("assessments (SA) completed by the MASH (month)", "assessments_completed"),
    ],
)
def test_councils_shorthand_for_what_is_left_out_or_who_did_it(shipped, name, not_this):
    """`(ex CP and CLA)` excludes as `(excl. CP and CLA)` does; a postposed `excluded` takes only
    what follows the last ` - `; a gloss between `assessments` and `completed by the MASH` still
    names who completed them."""
    assert given(shipped, name) != not_this


def test_ex_excludes_only_inside_a_gloss():
    assert facts("Number of CLA (ex UASC)").excluded == {"uasc"}
    assert not facts("Number of ex-offenders").excluded


@pytest.mark.parametrize(
    "name, basis",
    [
        ("Number of S47 enquiries completed (since April)", {"ytd"}),
        ("Number of referrals to CSC over the year", {"year"}),
        ("Interim care orders made mth", {"month"}),
        ("Contacts - month - rate per 10,000", {"month"}),
        ("Contacts per 10,000 - month", {"month"}),
    ],
)
def test_more_ways_of_saying_the_period(name, basis):
    """`since April` is the year to date, `over the year` the year, a name ending in a bare
    `mth`, or a ` - month - ` between dashes, the month; a number before ` - month` is no
    duration (`10,000 - month` is not 10,000 months)."""
    assert facts(name).basis == basis
    assert not facts(name).quantities


def test_under_18_months_is_a_duration_not_the_child_population():
    assert facts("Re-referrals in under 18 months (%)").quantities
    assert not facts("Rate of CLA per 10,000 under 18").quantities


def test_a_rate_per_10000_then_mth_is_the_month_not_a_duration():
    for name in ("Contacts /10,000 mth", "Rate of contacts per 10,000 mth"):
        assert facts(name).basis == {"month"} and not facts(name).quantities
    assert facts("Children missing for 1 month").quantities


@pytest.mark.parametrize(
    "name, expected",
    [
        ("CLA ex UASC", "cla_excl_uasc"),
        ("No. of care-leavers", "care_leavers"),
        ("No. of unaccompanied asylum seeking CLA", "uasc_cla"),
    ],
)
def test_councils_shorthand_for_populations(shipped, name, expected):
    """`ex UASC` before a population the profile knows excludes it; `care-leavers` hyphenated;
    `unaccompanied asylum seeking CLA` are UASC looked after."""
    assert given(shipped, name) == expected


def test_episodes_started_say_children_coming_in():
    """`CLA episodes started` says the flow in that `new CLA` names: no doubt on it, and no
    meeting with children ceasing to be looked after."""
    started = side(facts("Number of CLA episodes started in the month"))
    new = side(facts("Number of new Looked after Children (episodes)"))
    ceased = side(facts("Number of children ceasing to be looked after during the period"))
    assert not [f for f in compare(started, new, V.profile) if f.guard == "flow"]
    assert any(f.hard for f in compare(started, ceased, V.profile) if f.guard == "flow")


def test_a_cohort_appended_to_a_measure_of_everyone_is_a_subgroup(shipped):
    """`... (CLA)`, `... - CLA`, `... - CIN` after a measure whose names say no cohort (young
    people re-offending, pupil absence) report it for that cohort: a doubt; an entry whose names
    say the cohort is unaffected."""
    assert given(shipped, "% young people re-offending within 12 months (CLA)") == ""
    assert ("subgroup", "children in need only") in facts("Persistent absence - CIN").qualifiers
    new_cla = side(facts("Number of new CLA in month"))
    assert not [
        f for f in compare(side(facts("New starters in month - CLA")), new_cla, V.profile) if f.guard == "subgroup"
    ]


def test_icpcs_counted_with_an_n_name_no_children(shipped):
    assert ("counted", "conferences") in facts("ICPCs held within timescale (n)").qualifiers
    assert given(shipped, "ICPCs held within timescale (n)") != "icpc_in_timescale"
    assert ("counted", "conferences") not in facts("ICPCs held within 15 WD (%)").qualifiers


@pytest.mark.parametrize(
    "name", ["ICPCs held in the month (number)", "ICPCs held (count)", "ICPCs held in the month - number"]
)
def test_icpcs_counted_in_a_gloss_the_noise_takes_name_no_children(shipped, name):
    assert ("counted", "conferences") in facts(name).qualifiers
    assert given(shipped, name) != "icpc_children"


def test_a_count_gloss_on_children_subject_to_icpcs_keeps_them_children(shipped):
    assert ("counted", "conferences") not in facts("Children subject to ICPCs (number)").qualifiers
    assert given(shipped, "Children subject to ICPCs (number)") == "icpc_children"


@pytest.mark.parametrize("name", ["Contacts per 10,000 0-17 mth", "Referrals per 10,000 aged 0-17 mths"])
def test_a_month_after_the_child_population_is_the_month_not_a_duration(name):
    f = facts(name)
    assert f.basis == frozenset({"month"})
    assert not any(q.kind == "months" for q in f.quantities)


def test_a_monthly_rate_is_not_the_rolling_rate(shipped):
    assert given(shipped, "Contacts per 10,000 0-17 mth") != "contacts_rate"
    assert given(shipped, "Referrals per 10,000 0-17 mth") == "cin_referrals_rate"


def test_a_span_of_months_with_no_number_is_no_time_basis():
    assert "month" not in facts("Children in care for months").basis


@pytest.mark.parametrize(
    "name",
    [
        "New contacts where CSE is a factor",
        "Number of contacts where CSE is a factor (aged 13+)",
        "New contacts where CSE is a factor (for children aged 13+)",
        "S47 enquiries where CSE was a factor aged 13+",
    ],
)
def test_another_stage_of_the_pathway_is_another_measure(shipped, name):
    assert given(shipped, name) not in ("cse_referrals_13plus", "cse_referrals_strategy")
    entry = side(facts("Number of new referrals of children aged 13+ where CSE was a factor"))
    assert [f for f in compare(side(facts(name)), entry, V.profile) if f.guard == "stage counted" and f.hard]


@pytest.mark.parametrize(
    "name, stage",
    [
        ("Percentage of all contacts that become new referrals", "contacts"),
        ("Referrals as % of contacts", "contacts"),
        ("Assessments completed within 45 days of referral", "assessments"),
        ("% of ICPCs resulting in a CP plan", "initial conferences"),
        ("Re-referrals within 12 months", "referrals"),
    ],
)
def test_the_stage_counted_is_the_first_named_or_the_share_s_base(name, stage):
    assert facts(name).groups.get("stage counted") == frozenset({stage})


def test_a_name_naming_no_stage_meets_one_that_does(shipped):
    assert given(shipped, "CSE referrals aged 13+") == "cse_referrals_13plus"
    assert given(shipped, "Referrals as % of contacts") == "contacts_to_referral_pct"


@pytest.mark.parametrize(
    "name, near_miss",
    [
        # reworded tuning-set traps ('Adoption orders applied for', 'Number of In-House Foster Carers
        # Recruited', 'Average caseload of ASYE social workers') in words the catalogue knows
        ("Adoption order applications in the period", "adoption_orders_granted"),
        ("Number of In-House Foster Carers approved", "foster_carers_inhouse"),
        ("Number of in-house foster carers approved in the quarter", "foster_carers_inhouse"),
        ("Average caseload of newly qualified social workers", "caseload_qsw"),
        ("Average caseload of NQSWs", "caseload_qsw"),
    ],
)
def test_traps_in_known_words_stay_apart(shipped, name, near_miss):
    assert given(shipped, name) != near_miss


def test_an_order_applied_for_is_not_one_granted():
    applied, granted = side(facts("Adoption order applications")), side(facts("Adoption orders granted"))
    assert [f for f in compare(applied, granted, V.profile) if f.guard == "order stage" and f.hard]


def test_carers_approved_in_a_period_are_a_flow_approved_carers_a_stock():
    assert ("flow", "in") in facts("Number of foster carers approved in the month").qualifiers
    assert ("flow", "in") in facts("Number of newly approved adopters in period").qualifiers
    assert ("flow", "in") not in facts("Number of approved foster carers at the end of the month").qualifiers


@pytest.mark.parametrize(
    "name, expected",
    [
        ("eligible LAC had an up-to-date plan", "cla_care_plan_uptodate_pct"),
        ("Care leavers in accommodation considered suitable (19 to 21 years)", "care_leavers_suitable_accom_pct"),
    ],
)
def test_a_unit_left_unsaid_costs_nothing_where_the_catalogue_offers_no_other(shipped, name, expected):
    assert given(shipped, name) == expected


def test_a_unit_left_unsaid_beside_a_count_of_the_same_events_stays_for_a_person(shipped):
    assert given(shipped, "Contacts converting to referrals") == ""


def test_progressed_onto_is_resulting_in(shipped):
    name = "How many of the children who had an ICPC, progressed onto a CP plan as a result of the ICPC?"
    assert given(shipped, name) == "icpc_to_cpp"


def test_the_end_of_a_numbered_quarter_is_a_point_in_time():
    assert facts("Children in Care at the end of the first quarter").basis == frozenset({"snapshot"})
