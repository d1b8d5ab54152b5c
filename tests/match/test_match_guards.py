"""Guards: what removes a candidate whatever its score, and what only costs it points."""

from __future__ import annotations

import pytest

from scorekit.match.guards import Side, compare, side
from scorekit.match.normalise import vocabulary

V = vocabulary()


def verdict(a: str, b: str, a_unit=None, b_unit=None, b_basis=""):
    return compare(side(V.facts(a, a_unit), a_unit), side(V.facts(b, b_unit), b_unit, b_basis), V.profile)


def hard(a, b, **kw):
    return [f for f in verdict(a, b, **kw) if f.hard]


def soft(a, b, **kw):
    return [f for f in verdict(a, b, **kw) if not f.hard]


@pytest.mark.parametrize(
    "a, b, guard",
    [
        ("Number of adoptions", "Percentage of adoptions", "unit"),
        ("CPP visited within last 10 working days", "CPP seen in the last 15 working days", "numbers"),
        ("CIN plan (not CWD) visited within 6 weeks", "CIN plan (not CWD) visited within 3 weeks", "numbers"),
        ("Percentage of SA completed in 45 working days", "Percentage of SA completed over 45 days", "threshold"),
        ("Number of S47 enquiries started", "Number of Section 47 enquiries completed", "stage"),
        ("Number of referrals in the month", "Number of referrals during the year", "time basis"),
        ("Number of referrals in the month", "Referrals received (rolling 12 months)", "time basis"),
        ("Number of contacts year to date", "Number of contacts in the month", "time basis"),
        ("% of care leavers in unsuitable accommodation", "% of care leavers in suitable accommodation", "suitability"),
        ("% of care leavers in EET", "% of care leavers not in education, employment or training", "employment"),
        ("% of children becoming subject to a CPP for the first time", "% of repeat CP plans", "occurrence"),
        ("Number of CLA excluding UASC", "Number of CLA who are UASC", "excluding"),
        (
            "Number of contacts excluding those that became referrals",
            "Number of contacts (includes contacts that become referrals)",
            "excluding",
        ),
        ("Number of CLA aged 0-4", "Number of CLA aged 1-4", "numbers"),
        ("% of children leaving care on an SGO", "% of children leaving care - CAO or SGO", "either"),
        (
            "% of children currently subject to a CP plan who are disabled",
            "% of new CP plans for disabled children",
            "time basis",
        ),
        ("Number of CLA as at 31 March", "Number of children who ceased to be looked after", "time basis"),
        ("Children on a CP plan for 12 months or more", "Children looked after for 12 months or more", "cohort"),
        ("Number of ICPCs held", "Number of ICPCs resulting in a CP plan", "protection"),
        ("% of ICPCs held within 15 days (calendar)", "% of ICPCs held within 15 days of the strategy", "numbers"),
        ("% of CP children seen within 10 calendar days", "% of CPP visited within 10 working days", "numbers"),
    ],
)
def test_a_contradiction_is_hard(a, b, guard):
    found = hard(a, b, a_unit=None, b_unit=None)
    assert any(f.guard == guard and f.stated for f in found), (a, b, [str(f) for f in verdict(a, b)])
    assert hard(b, a, a_unit=None, b_unit=None), "guards are symmetric"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Number of CLA with CIN plan (not CWD)", "Number of CLA with CIN plan"),
        (
            "Number of Early Help assessments completed excluding adults aged 21+",
            "Number of Early Help assessments completed",
        ),
        ("Number of CLA aged 16+", "Number of CLA"),
        ("Number of assessments completed over 45 working days", "Number of assessments completed"),
        ("Number of UASC looked after", "Number of CLA"),
        ("% of re-referrals (including cases stepped up from early help)", "% of re-referrals"),
        ("Number of early help referrals", "Number of referrals into statutory service"),
        ("Number of children ceasing to be looked after on a special guardianship order", "Number of CLA ceased"),
        ("Children leaving care under a child arrangements order", "Children who ceased to be looked after"),
        ("% of referrals that led to an assessment", "Percentage of referrals resulting in no further action"),
        ("Average caseload per social worker (agency)", "Average caseload per qualified social worker"),
    ],
)
def test_a_subset_on_one_side_is_hard(a, b):
    assert hard(a, b), [str(f) for f in verdict(a, b)]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Number of children in our care", "Number of Looked after Children at end of period"),
        ("Children looked after at 31 March", "Number of CLA at the end of the month"),
        ("Number of EHAs completed INCLUDING adults aged 21+", "Number of Early Help assessments completed"),
        ("Percentage of ICPCs held in timescale", "Percentage of ICPCs held within 15 working days"),
        ("Number of ICPCs held within timescale", "Number of ICPCs held within 15 working days"),
        (
            "CLA with 3+ placements in the last 12 months (%)",
            "Percentage of CLA at end of month with 3+ placements during the year",
        ),
        ("Number of eligible 16+ care leavers with a pathway plan", "Number of CLA aged 16+ with a pathway plan"),
        (
            "% of children in care for 12 months or more whose dental checks are up to date",
            "Percentage of children looked after for a year+ seeing a dentist in year",
        ),
    ],
)
def test_saying_less_is_no_contradiction(a, b):
    assert not hard(a, b), [str(f) for f in verdict(a, b)]


def test_cohorts_that_overlap_do_not_contradict():
    """Care leavers against looked after children and care leavers: a subset, not two populations
    that share no child; a part of the population, which a person decides (a held doubt)."""
    found = verdict("% of care leavers with a pathway plan", "% of CLA aged 16+ or care leavers with a pathway plan")
    assert [(f.hard, f.holds) for f in found if f.guard == "cohort"] == [(False, True)]
    wider = verdict("% of CLA aged 16+ or care leavers with a pathway plan", "% of care leavers with a pathway plan")
    assert not [f for f in wider if f.guard == "cohort"]
    assert [f.guard for f in hard("% of care leavers with a pathway plan", "% of CLA with a pathway plan")] == [
        "cohort"
    ]


def test_a_kind_of_placement_says_placed():
    found = verdict(
        "CLA in residential care at month end", "Number of CLA placed in residential placements at month end"
    )
    assert not [f for f in found if f.guard == "placed"], [str(f) for f in found]


def test_a_counting_convention_left_out_is_no_doubt():
    """Transfer-ins and temporary registrations are left out of conference and plan counts by
    convention: a name that does not say so counts the same children."""
    found = verdict(
        "Children considered at ICPC",
        "Number of children subject to ICPCs, excluding transfer-ins and temporary registrations",
    )
    assert not [f for f in found if f.guard == "excluding"], [str(f) for f in found]
    assert hard("Number of CLA excluding those placed for adoption", "Number of CLA")


def test_a_repeat_on_one_side_only_is_a_doubt():
    found = soft("Children who became subject to a CP plan", "New CP plans for a second or subsequent time")
    assert [f.guard for f in found] == ["occurrence"], [str(f) for f in found]


def test_the_catalogues_time_basis_stands_for_a_name_that_says_none():
    assert hard("Rate of referrals per 10,000 (rolling 12 months)", "Rate of referrals per 10,000", b_basis="month")
    assert not hard(
        "Rate of referrals per 10,000 (rolling 12 months)", "Rate of referrals per 10,000", b_basis="rolling_12m"
    )
    assert not hard("Rate of referrals per 10,000", "Rate of referrals per 10,000", b_basis="month")


def test_a_name_that_does_not_say_rate_or_percent_doubts_one():
    found = soft("Children in need at 31 March", "Rate of children in need per 10,000", b_unit="rate_per_10k")
    assert [f.guard for f in found] == ["unit"]


def test_a_cumulative_basis_is_what_a_name_counts_whatever_month_it_is_reported_in():
    assert hard("Referrals in the month (rolling 12 months)", "Number of referrals in the month")
    assert not hard("Referrals in the month (rolling 12 months)", "Referrals received (rolling 12 months)")


def test_a_share_or_a_duration_a_name_does_not_state_holds_the_candidate_at_review():
    (f,) = soft("Contacts that became referrals", "Percentage of contacts that became referrals", b_unit="percent")
    assert f.guard == "unit" and f.holds
    (d,) = [f for f in soft("Placement order to match", "Average days to match", b_unit="days") if f.guard == "unit"]
    assert d.holds


def test_a_name_that_counts_something_other_than_children_is_not_a_count_of_children():
    (f,) = hard("Number of CP plans (not children)", "Number of children subject to a CP plan")
    assert f.guard == "counted"
    assert not V.facts("Number of CP plans (not children)").excluded


def test_a_number_the_measures_definition_implies_may_be_left_unsaid():
    """DfE titles omit `looked after 12 months or more` for the outcomes measured only for them."""
    entry = V.facts("Percentage of CLA looked after for a year+ seeing a dentist in year", "percent")
    implied = V.facts("children looked after for 12 months or more").quantities | entry.windows
    q = V.facts("Children looked after who received dental checks (%)")
    assert compare(side(q, q.unit), side(entry, "percent", "", implied), V.profile) == []
    bare = compare(side(q, q.unit), side(entry, "percent"), V.profile)
    assert any(f.hard and f.guard == "numbers" for f in bare)
    every = V.facts("% of all looked after children with a dental check")
    assert every.whole and any(
        f.hard for f in compare(side(every, "percent"), side(entry, "percent", "", implied), V.profile)
    )


def test_numbers_an_entrys_population_states_agree_and_other_values_contradict():
    entry = V.facts("Percentage of care leavers in suitable accommodation", "percent")
    implied = V.facts("care leavers aged 19-21").quantities
    ages = V.facts("Care leavers aged 19-21 in suitable accommodation (%)")
    assert compare(side(ages, ages.unit), side(entry, "percent", "", implied), V.profile) == []
    younger = V.facts("Care leavers aged 17-18 in suitable accommodation (%)")
    (f,) = compare(side(younger, younger.unit), side(entry, "percent", "", implied), V.profile)
    assert f.hard and "its population" in str(f)


def test_a_bare_number_takes_the_kind_the_population_gives_it():
    entry = V.facts("Percentage of young people with an up to date Pathway Plan (16+)", "percent")
    implied = V.facts("looked after children aged 16+ and care leavers").quantities
    q = V.facts("Young people with an up to date pathway plan (%)")
    assert compare(side(q, q.unit), side(entry, "percent", "", implied), V.profile) == []


def test_a_bare_number_in_an_entrys_name_takes_the_bound_its_population_gives():
    entry = V.facts("Percentage of CLA placed 20 miles from the address from which they came into care", "percent")
    implied = V.facts("children looked after placed more than 20 miles from home").quantities
    under = V.facts("Percentage of CLA placed <20 miles from home", "percent")
    (f,) = [f for f in compare(side(under, "percent"), side(entry, "percent", "", implied), V.profile) if f.hard]
    assert f.guard == "threshold"
    assert not [f for f in compare(side(under, "percent"), side(entry, "percent"), V.profile) if f.hard]


def test_a_percentage_observed_over_the_year_carries_its_window():
    assert V.facts("% of CLA with 3+ placements during the year", "percent").windows
    assert not V.facts("% of CLA with 3+ placements within 12 months", "percent").windows
    assert not V.facts("Number of referrals during the year", "count").windows


def test_a_years_count_is_not_a_count_kept_for_an_unsaid_period():
    (f,) = hard("Number of children missing from education in the year", "Number of children missing from education")
    assert f.guard == "time basis" and not f.stated
    assert not hard("Children who ceased to be looked after during the year", "Children ceasing care during the period")
    assert not hard("CLA with 3+ placements during the year (%)", "CLA with 3+ placements (%)")


def test_a_name_that_says_its_figure_accumulates_is_not_one_that_says_no_basis():
    """A rolling or year-to-date count is another measure than an entry that says no basis; a
    rolling share goes to a person; a name that says nothing meets a rolling entry freely."""
    (n,) = hard("Number of children ceasing care (rolling 12 months)", "Number of children ceasing care")
    assert n.guard == "time basis" and not n.stated
    (s,) = soft("% of ICPCs within 15 working days (rolling 12 months)", "% of ICPCs within 15 working days")
    assert s.guard == "time basis" and s.holds
    assert soft("Assessments in 45 working days year to date (%)", "Assessments in 45 working days (%)")[0].holds
    assert not verdict("Rate of referrals per 10,000", "Rate of referrals per 10,000", b_basis="rolling_12m")
    assert not verdict("Rate of referrals (rolling 12 months)", "Rate of referrals", b_basis="rolling_12m")


def test_a_timescale_kept_says_the_event_was_completed():
    assert not soft("CLA reviews held on time (%)", "Percentage of CLA reviews completed in time")
    assert [f.guard for f in soft("CLA reviews (%)", "Percentage of CLA reviews completed")] == ["stage"]


def test_not_part_of_the_care_plan_is_not_part_of_it():
    (f,) = hard(
        "LAC returned home NOT part of the care plan (%)", "% of CLA ceased - returned home as part of care planning"
    )
    assert f.guard == "care planning"


def test_a_name_that_says_episodes_in_a_gloss_does_not_lack_them():
    assert not hard(
        "CLA missing for 24 hours or more (episodes)", "Number of episodes of CLA missing for 24 hours or more"
    )
    assert hard("CLA missing for 24 hours or more", "Number of episodes of CLA missing for 24 hours or more")


def test_adopted_is_not_placed_for_adoption():
    (f,) = hard("Number of CLA who were adopted", "Number of CLA placed for adoption")
    assert f.guard == "adoption stage"
    assert not hard("Adoptions of children placed for adoption", "Number of CLA placed for adoption")


def test_findings_read_as_reasons():
    (f,) = hard("CPP visited within 10 working days", "CPP visited within 15 working days")
    assert str(f) == "numbers: up to 10 days vs up to 15 days"


def test_a_timescale_is_the_time_limit_the_other_name_states():
    assert (
        verdict("% of assessments completed in timescale", "% of C&F assessments completed within 45 working days")
        == []
    )
    assert [
        f.guard for f in soft("% of assessments completed", "% of assessments completed within 45 working days")
    ] == ["numbers"]


def test_in_timescale_on_one_side_only_is_another_measure():
    """Round 19: a subset of the events, not a doubt a score may outweigh (it was soft before)."""
    found = hard("Number of RCPCs held in timescale", "Number of children subject to RCPCs in the month")
    assert "timescale" in [f.guard for f in found]


def test_in_timescale_against_a_stated_timescale_is_no_doubt():
    found = soft("ICPCs held in timescale (%)", "Percentage of ICPCs held within 15 working days of the strategy")
    assert [f.guard for f in found if f.guard == "timescale"] == []


def test_negation_names_an_exclusion():
    assert V.facts("New CLA in month who are not UASC").excluded == frozenset({"uasc"})
    assert hard("New CLA in month who are not UASC", "Number of new CLA in month who are UASC")


def test_a_duration_is_nearly_always_said():
    found = soft("Children in care proceedings at month end", "Length of care proceedings", b_unit="weeks")
    assert "the name does not say weeks" in [f.detail for f in found]


def test_between_two_shares_in_timescale_on_one_side_only_is_no_doubt():
    """A share of children with a health assessment is the share whose assessment is in
    timescale; between two counts the timely ones stay a subset: another measure."""
    shares = verdict(
        "Percentage of LAC having Health Checks",
        "Percentage of children in care for 12+ months with health assessment in timescales",
        "percent",
        "percent",
    )
    assert "timescale" not in [f.guard for f in shares]
    counts = hard(
        "Number of RCPCs held in timescale", "Number of children subject to RCPCs", a_unit="count", b_unit="count"
    )
    assert "timescale" in [f.guard for f in counts]


@pytest.mark.parametrize(
    ("denied", "counted"),
    [
        (
            "Percentage of CLA reviews due in month not completed in time",
            "Percentage of CLA reviews due in month completed in time",
        ),
        ("Contacts not progressing to referral (%)", "Percentage of all contacts that become new referrals"),
        ("Children looked after with no health assessment (%)", "Percentage of CLA with health assessments up to date"),
        ("CLA without a PEP (%)", "% of CLA with an updated Personal Education Plan"),
    ],
)
def test_a_name_that_denies_what_the_other_counts_is_another_measure(denied, counted):
    assert "negation" in [f.guard for f in hard(denied, counted)]


def test_a_denial_given_as_a_gloss_agrees_with_a_name_that_says_it_or_not():
    glossed = "Number of referrals that were stepped down from CSC (no assessment required)"
    assert "negation" not in [f.guard for f in verdict("Referrals stepped down with no assessment", glossed)]
    assert "negation" not in [f.guard for f in verdict("Referrals stepped down", glossed)]
    assert "negation" not in [f.guard for f in verdict("No. of referrals stepped down", glossed)]


def test_x_including_y_names_both_of_x_or_y():
    found = verdict(
        "NEET 16-17 year olds including not known (%)", "% of 16-17 year olds NEET or whose activity is not known"
    )
    assert "either" not in [f.guard for f in found]
    assert "either" in [f.guard for f in hard("NEET 16-17 year olds (%)", "% of 16-17 year olds NEET or not known")]


@pytest.mark.parametrize(
    ("a", "b", "a_unit", "b_unit", "b_basis"),
    [
        ("Number of families open to the service", "Number of children open to the service", "count", "count", ""),
        (
            "Number of CLA placed for adoption during the period",
            "Number of CLA placed for adoption",
            None,
            "count",
            "snapshot",
        ),
        (
            "Percentage of CLA ceased during the year - returned home",
            "Percentage of CLA ceased in the month - returned home",
            "percent",
            "percent",
            "month",
        ),
        (
            "Number of children stepped down for CIN assessment",
            "Number of children stepped up for CIN assessment",
            "count",
            "count",
            "",
        ),
    ],
)
def test_who_is_counted_when_and_which_way_keep_measures_apart(a, b, a_unit, b_unit, b_basis):
    assert hard(a, b, a_unit=a_unit, b_unit=b_unit, b_basis=b_basis)


def test_a_part_of_the_population_range_is_another_measure():
    """A measure of care leavers aged 19-21 is not that of those aged 21."""

    def entry(name: str) -> Side:
        implied = V.facts("care leavers aged 19-21").quantities
        return side(V.facts(name, "percent"), "percent", "", implied)

    cat = entry("Percentage of care leavers in suitable accommodation")
    part = side(V.facts("Care leavers aged 21 in suitable accommodation (%)"))
    whole = side(V.facts("Care leavers aged 19 to 21 in suitable accommodation (%)"))
    assert any(f.hard and f.guard == "numbers" for f in compare(part, cat, V.profile))
    assert not any(f.hard for f in compare(whole, cat, V.profile))


def test_a_section_47_enquiry_is_not_a_conference():
    found = hard("Strategy discussions resulting in an ICPC (%)", "Strategy discussions resulting in Section 47")
    assert {f.guard for f in found} == {"protection", "stage counted"}


def test_a_step_up_or_down_on_one_side_only_is_a_doubt():
    (f,) = soft("Referrals stepped down to EH (no assessment)", "Number of referrals into Early Help")
    assert f.guard == "step"


def test_a_bare_distance_against_a_bound_one_is_a_doubt_no_score_settles():
    found = [
        f
        for f in soft("CLA placed 20 miles from home (%)", "CLA placed <20 miles from home (%)")
        if f.guard == "threshold"
    ]
    assert found and all(f.holds for f in found)


def test_a_bare_duration_is_the_window_a_bound_states():
    assert not [
        f
        for f in verdict("CP visits in the last 4 weeks (%)", "CP visited within last 4 weeks (%)")
        if f.guard == "threshold"
    ]


def test_a_bracketed_list_counts_every_item_so_one_alone_is_a_part():
    (f,) = [
        f
        for f in hard(
            "Number of care leavers open to the service", "Children open to the service (Assessment, CIN, CP, CLA, CL)"
        )
        if f.guard == "either"
    ]
    assert "careleaver alone" in f.detail


def test_a_count_of_foster_carers_is_not_a_count_of_children_placed_with_them():
    assert [
        f
        for f in hard("Children in care with in-house foster carers", "Number of in-house foster carers at period end")
        if f.guard == "carers counted"
    ]
    assert not hard("In-house foster carers (households) at period end", "Number of in-house foster carers")


def test_a_step_down_goes_to_early_help():
    assert not [
        f
        for f in verdict(
            "Referrals stepped down to early help", "Referrals stepped down from CSC (no assessment required)"
        )
        if f.guard == "service"
    ]
    assert [f for f in hard("Referrals to early help", "Referrals to CSC") if f.guard == "service"]


def test_what_a_measure_checks_is_no_word_another_measure_may_swap():
    """A review, a PEP, a health assessment, an initial one and a dental check are what a share
    counts: two names that check different things are different measures; a name that checks
    none of them against one that does is a doubt; a review as a deadline checks nothing."""
    found = hard(
        "Percentage of CLA reviews held within 20 working days",
        "Percentage of initial health assessments within 20 working days of child becoming looked after",
    )
    assert [f.guard for f in found] == ["checked"]
    assert hard("% of CLA with a PEP within 20 working days", "% of CLA with an IHA within 20 working days")
    (d,) = soft("% of children looked after for a year+", "% of children looked after for a year+ seeing a dentist")
    assert d.guard == "checked" and not d.stated
    assert not hard("% of CLA with a PEP reviewed", "% of CLA with an up to date PEP")
    deadline = verdict("CLA with a permanence plan by their 6 month review (%)", "CLA with a permanence plan (%)")
    assert not [f for f in deadline if f.guard == "checked"]
    assert not verdict("% of CLA visited (as at latest review)", "% of CLA visited (as at latest CLA review)")


def test_children_in_need_are_a_cohort_apart_from_those_on_a_plan_or_in_care():
    found = hard(
        "% of children on CIN plans visited within 4 weeks", "% of children on a CP plan visited within 4 weeks"
    )
    assert [f.guard for f in found] == ["cohort"]
    assert hard("% of CLA with supervision in timescale (CWD)", "% of children with a CIN plan (CWD) with supervision")
    overlap = verdict("Number of children open to the service (CIN, CP, CLA)", "Number of children in need")
    assert not [f for f in overlap if f.guard == "cohort"]


def test_children_in_need_are_not_all_on_a_child_in_need_plan():
    """Children in need (with a disability) are more than those on a CIN plan; a visit, a review or
    supervision is of a plan, so a name that counts one need not say it."""
    (f,) = soft("Children in need with a disability", "Number of children with Child in Need Plan (CWD)")
    assert f.guard == "on a plan"
    visits = verdict("CIN (not CWD) visited in the last 6 weeks (%)", "% of children with a CIN plan (not CWD) visited")
    assert not [f for f in visits if f.guard == "on a plan"]


def test_what_closed_in_a_period_is_not_what_opened_or_arrived():
    """A flow one name counts and the other does not (closed referrals, referrals received) is
    another measure, not a doubt (round 16: `ceasing to be subject to a plan` against those on one)."""
    (f,) = hard("Closed referrals to CSC in the month", "Number of referrals in the month")
    assert f.guard == "flow"
    closed = verdict("Early help plans closed in the month", "Early help plans opened in the month")
    assert {f.guard for f in closed} == {"flow", "stage"}
    assert [f.guard for f in closed if f.hard] == ["flow"]  # `opened` says the flow in without naming it
    assert not verdict("Referrals closed with no further action (%)", "Percentage of referrals leading to NFA")


def test_returning_home_says_the_child_left_care():
    found = verdict("Children who ceased to be looked after in the month who returned home", "Children returned home")
    assert not [f for f in found if f.guard == "flow"]


def test_a_measure_of_social_workers_is_a_doubt_against_one_that_names_none():
    (f,) = soft("Children's social worker absence rate (%)", "% pupil absence (all schools)")
    assert f.guard == "workforce"
    assert not verdict("Average caseload per social worker", "Average number of children per qualified social worker")


def test_a_measure_of_exploitation_is_a_doubt_against_one_that_names_none():
    (f,) = soft("Number of CSE strategy meetings held", "Number of strategy discussions held")
    assert f.guard == "concern"


def test_persistent_absence_is_not_all_absence():
    (f,) = soft("Total absence from school of CLA (%)", "% of CLA of school age with persistent absence")
    assert f.guard == "absence"


def test_a_name_leaving_out_part_of_what_an_entry_counts_whole_is_another_measure():
    """`Contacts excluding police notifications` counts less than `Number of contacts`: blocked,
    whatever the word; an entry that excludes things itself may be worded another way, so the
    same exclusion there only costs points; and an entry's exclusion a name leaves unsaid is soft.
    Two lists of exclusions that differ by a cohort count different children (`excluding CP`
    counts the looked-after children `excluding CPP and LAC` leaves out)."""
    assert any(f.guard == "excluding" for f in hard("Contacts excluding police notifications", "Number of contacts"))
    assert any(f.guard == "excluding" for f in hard("CLA excluding those placed for adoption", "Number of CLA"))
    assert not hard("Children in need excluding CP and LAC", "Number of CIN excluding EHPs, CPP and LAC")
    found = hard("Children in need excluding CP", "Number of CIN excluding CPP and LAC")
    assert any(f.guard == "excluding" for f in found)
    assert not hard("Number of contacts", "Contacts excluding police notifications")
    assert not hard("ICPCs excluding transfer-ins", "Number of children subject to ICPCs")


def test_a_source_or_agent_named_on_one_side_only_is_a_subset():
    assert any(f.guard == "source" for f in hard("Referrals from schools in the month", "Referrals in the month"))
    assert any(f.guard == "source" for f in hard("Assessments completed by the MASH", "Assessments completed"))
    assert any(f.guard == "parenthood" for f in hard("Care leavers who are parents", "Number of care leavers"))
    assert not hard("Referrals completed by MASH in 1 working day (%)", "Referrals dealt with by MASH in 24 hours (%)")


def test_all_pupils_and_children_looked_after_are_different_cohorts():
    assert any(
        f.guard == "cohort" for f in hard("Absence of looked after children (%)", "% pupil absence (all schools)")
    )
    assert any(
        f.guard == "cohort" for f in hard("CLA achieving level 4+ at KS2 (%)", "% Pupils attaining level 4+ at KS2")
    )
    assert not hard("Pupil absence, all schools (%)", "% pupil absence (all schools)")
    assert any(
        f for f in verdict("Overall absence of looked after children (%)", "% pupil absence (all schools)") if f.hard
    )


def test_a_median_is_not_an_average():
    assert any(
        f.guard == "statistic"
        for f in hard("Median days from placement order to match", "Average days from placement order to match")
    )
    assert not hard("Mean days from placement order to match", "Average days from placement order to match")


def test_a_parents_disability_is_no_childs_and_a_source_after_shorthand_is_read():
    assert not [
        f
        for f in verdict("Parents with a disability (number)", "Children with a disability (number)")
        if f.guard == "excluding"
    ]
    assert ("cwd", "cwd") not in V.facts("Parents with a disability (number)").qualifiers
    assert any(f.guard == "source" for f in hard("Refs rec'd in mth from schools", "Number of referrals in the month"))


def test_the_whole_population_is_not_those_past_a_lower_bound_even_where_a_year_is_named_twice():
    """`all CLA ... in the year` names 12 months as its window; the entry's `looked after for a
    year+` names it as who is counted: the whole population is another measure."""
    entry = "Percentage of children looked after for a year+ seeing a dentist in year"
    assert [f.guard for f in hard("% of all CLA with a dental check in the year", entry, a_unit="percent")] == [
        "numbers"
    ]
    assert hard("% of CLA with a dental check in the year (any length of stay)", entry, a_unit="percent")
    implied = V.facts("children looked after aged 16+").quantities
    whole = V.facts("% of all CLA with a pathway plan")
    found = compare(
        side(whole, "percent"), side(V.facts("% with a pathway plan", "percent"), "percent", "", implied), V.profile
    )
    assert [f.guard for f in found if f.hard] == ["numbers"]
    assert not hard("% of CLA looked after 12+ months seeing a dentist in the year", entry, a_unit="percent")


def test_a_conference_count_is_not_a_count_of_children_subject_to_one():
    children = "Number of children subject to Initial Child Protection Conferences (ICPCs)"
    assert [f.guard for f in hard("Number of ICPCs held (conferences)", children)] == ["counted"]
    assert [f.guard for f in hard("ICPCs held in month (count of conferences, not children)", children)] == ["counted"]
    assert not hard("Number of children subject to an ICPC in the month", children)


def test_a_name_offering_one_more_alternative_counts_more():
    entry = "Percentage of CLA ceased in the month - CAO or SGO"
    found = hard("% of children leaving care adopted, on an SGO or a CAO", entry)
    assert [f.guard for f in found] == ["either"]
    assert not hard("% of children ceasing care on an SGO or a CAO", entry)
    assert "either" in [f.guard for f in hard("% of children leaving care adopted or on an SGO", "Adoptions (%)")]


def test_new_says_started_without_naming_it():
    assert not [
        f
        for f in verdict("Number of CLA episodes started", "Number of new Looked after Children")
        if f.guard == "stage"
    ]
    assert [f for f in verdict("Number of CLA episodes completed", "Number of new CLA") if f.guard == "stage"]


def test_a_value_said_without_naming_it_contradicts_another_named():
    """`new referrals` says they came in; `closed referrals` that they went out: two measures,
    though only one names its flow."""
    new = "Number of new referrals where CSE is a factor (for children aged 13+)"
    assert [f.guard for f in hard("Number of closed referrals where CSE is a factor (aged 13+)", new)] == ["flow"]
    assert not hard("Number of referrals where CSE is a factor (aged 13+)", new)


def test_places_counted_are_no_children_placed():
    entry = "Number of CLA placed in Residential placements as at the end of the month"
    assert "counted" in [f.guard for f in hard("Number of children's homes places", entry)]
    assert "counted" not in [f.guard for f in verdict("Eligible CLA accessing funded places (%)", entry)]


def test_children_who_went_missing_are_not_the_children_placed():
    entry = "Number of CLA placed in Residential placements as at the end of the month"
    assert "missing" in [f.guard for f in hard("CLA who went missing from residential placements", entry)]
    assert not hard("Number of children missing from education", "Number of Children Missing from Education")


def test_referrals_from_early_help_are_a_named_source():
    found = hard("Referrals to children's social care from Early Help", "Number of referrals into Early Help")
    assert "source" in [f.guard for f in found]


@pytest.mark.parametrize(
    "name",
    [
        "Target: rate of CLA per 10,000",
        "CLA rate per 10k - regional average",
        "Rate of CLA per 10,000 - statistical neighbours",
        "Rate of CLA per 10,000 (England average)",
    ],
)
def test_a_target_or_another_authoritys_average_is_no_figure_of_the_measure(name):
    assert "comparator" in [f.guard for f in hard(name, "Rate of children in our care per 10,000")]


def test_a_target_met_is_the_measure_of_a_target():
    assert "comparator" not in [f.guard for f in verdict("Families Matter target met (%)", "% of target met")]


def test_girls_or_boys_alone_are_a_subset():
    entry = "Number of first time entrants to the Youth Justice System per 100,000 10-17 year olds in period"
    assert "sex" in [f.guard for f in hard("First time entrants to the YJS per 100,000 aged 10-17 (girls)", entry)]
    assert "sex" in [f.guard for f in hard("Boys: first time entrants", "Girls: first time entrants")]


def test_one_subject_of_a_combined_measure_is_another_measure():
    entry = "% Pupils attaining level 4+ in Reading, Writing and Maths at Key Stage 2"
    assert "either" in [f.guard for f in hard("% pupils attaining level 4+ in reading at KS2", entry)]
    assert not hard("% of pupils achieving level 4+ in reading, writing and maths at KS2", entry)
    glossed = "Rate of children in need per 10,000 (all children with an open referral, CIN, CPP and LAC)"
    assert not V.facts(glossed).either


def test_a_name_for_all_children_is_no_entry_for_a_cohort():
    entry = "% of eligible CLA who are accessing the 3 and 4 year old education funding offer"
    found = hard("% of 3 and 4 year olds taking up funded early education (all children)", entry)
    assert "cohort" in [f.guard for f in found]
    assert "cohort" not in [f.guard for f in verdict("% of 3 and 4 year olds taking up funded early education", entry)]


@pytest.mark.parametrize(
    "a, b",
    [
        ("% of single assessments completed in 46 days or more", "% of SAs completed over 45 days"),
        ("SAs completed in 46+ working days (%)", "Percentage of SA completed in more than 45 working days"),
        ("ICPCs held 16+ days after the strategy", "ICPCs held more than 15 days after the strategy"),
        (
            "CP visits 11 calendar days or more after the last visit",
            "CP visits more than 10 calendar days after the last visit",
        ),
    ],
)
def test_over_n_days_and_n_plus_1_days_or_more_are_one_threshold(a, b):
    assert not [f for f in verdict(a, b) if f.guard == "numbers"]
    assert not [f for f in verdict(b, a) if f.guard == "numbers"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("% of single assessments completed in 47 days or more", "% of SAs completed over 45 days"),
        ("% of single assessments completed in 46 days or more", "% of SAs completed in 45 days or more"),
        ("% of single assessments completed within 46 days", "% of SAs completed over 45 days"),
        # months are no whole count of a span: more than 12 months is not 13 months or more
        ("CLA for 13 months or more", "CLA for more than 12 months"),
    ],
)
def test_other_thresholds_stay_apart(a, b):
    assert [f for f in hard(a, b) if f.guard == "numbers"]


def test_whole_spans_are_profile_data():
    assert "days" in V.profile.whole_spans and "months" not in V.profile.whole_spans
