"""The vocabulary that lets renames meet, and the facts that keep different measures apart."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Quantity, content, key, unit_from_name, unit_from_values, vocabulary

names = st.text(alphabet=string.ascii_letters + string.digits + " %&()-/+,.'<>:;", max_size=120)
V = vocabulary()


def facts(name: str, unit: str | None = None):
    return V.facts(name, unit)


@given(names)
@settings(max_examples=300, deadline=None)
def test_normalisers_never_fail_and_are_stable(name):
    k, c = key(name), content(name)
    assert k == k.strip() and "  " not in k
    assert c.split() == sorted(set(c.split()))
    assert key(name) == k and content(name) == c
    f = facts(name)
    assert f.words == frozenset(c.split())


@given(names)
@settings(max_examples=300, deadline=None)
def test_case_and_spacing_do_not_change_identity(name):
    spaced = "  " + "  ".join(name.split()) + " "
    assert key(name.upper()) == key(name.lower()) == key(spaced.lower())
    assert facts(name.upper()).quantities == facts(spaced.lower()).quantities


# -- thresholds and durations written one way ---------------------------------------------------

LOWER = ["{n} or more", "{n}+", "at least {n}", "{n} and over", "more than {p}", "over {p}", "{n} placements or more"]


@given(st.integers(min_value=2, max_value=99), st.sampled_from(LOWER), st.sampled_from(LOWER))
def test_a_lower_bound_reads_the_same_however_written(n, a, b):
    def said(form: str) -> str:
        text = form.format(n=n, p=n - 1)
        return f"Children with {text}" if "placements" in text else f"Children with {text} placements"

    assert facts(said(a)).quantities == facts(said(b)).quantities == {Quantity(float(n), "", "lower")}


@pytest.mark.parametrize(
    "strict, inclusive",
    [
        ("CLA with more than 3 placements during the year", "CLA with 4 or more placements during the year"),
        ("Case holders with more than 20 children", "Case holders with 21+ children"),
        ("Social workers holding over 20 cases", "Social workers holding 21 or more cases"),
    ],
)
def test_more_than_a_count_is_the_next_whole_number(strict, inclusive):
    """Things counted whole: `more than 3 placements` is 4 or more, a different threshold from 3+."""
    assert facts(strict).quantities == facts(inclusive).quantities
    at_least = strict.replace("more than", "at least").replace("over", "at least")
    assert facts(strict).quantities != facts(at_least).quantities


@pytest.mark.parametrize(
    "over, plus",
    [
        ("Children looked after for more than 12 months", "Children looked after for 12+ months"),
        ("Assessments completed over 45 working days", "Assessments completed 45+ working days"),
        ("CLA placed more than 20 miles from home", "CLA placed 20+ miles from home"),
        ("Young people over 16", "Young people 16+"),
    ],
)
def test_more_than_a_span_or_a_bare_number_keeps_its_bound(over, plus):
    """A span or distance has no next whole unit to step to, and a bare number (`over 16`) says
    nothing counted: both read as printed."""
    assert facts(over).quantities == facts(plus).quantities


@given(
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["within {n} working days", "in {n} WD", "within {n}wd", "within {n} business days"]),
)
def test_working_days_read_the_same_however_written(n, form):
    assert facts(f"Assessments completed {form.format(n=n)}").quantities == {Quantity(float(n), "days", "upper")}


@pytest.mark.parametrize(
    "a, b",
    [
        ("re-referrals in the last 12 months", "re-referrals within 12 months"),
        ("re-referrals within a year", "re-referrals within one year"),
        ("re-referrals within one year", "re-referrals within 12 months"),
        ("CP plans for 2 years or more", "CP plans for 24+ months"),
        ("CLA looked after for a year+", "CLA looked after for 12 months or more"),
        ("three or more placements", "3+ placements"),
        ("between 11 and 25 days", "11-25 days"),
        ("forty-five working days", "45 working days"),
        ("aged 16 and over", "aged 16+ years"),
        ("aged 0 to 4", "aged 0-4"),
        ("MASH decisions within 24 hours", "MASH decisions within 1 working day"),
        ("CP plans 15m+", "CP plans for 15 months or more"),
        ("seen within 48 hours", "seen within 2 days"),
    ],
)
def test_thresholds_written_different_ways_are_equal(a, b):
    assert facts(a).quantities == facts(b).quantities


@pytest.mark.parametrize("form", ["after {n} WD", "later than {n} working days", "after {n} working days"])
def test_a_limit_passed_reads_as_beyond_it_not_within_it(form):
    """`completed after 45 WD` is the late share, the rival of `within 45 working days`; the
    looked-after phrase is no limit (`looked after 12 months or more` keeps its months)."""
    beyond = facts(f"% of assessments completed {form.format(n=45)}").quantities
    assert beyond == facts("% of assessments completed over 45 working days").quantities
    assert beyond == {Quantity(45.0, "days", "lower")}
    assert facts("CLA looked after 12 months").quantities == facts("CLA in care 12 months").quantities


def test_calendar_days_however_written_are_not_working_days():
    said = {Quantity(15.0, "calendar days", "upper")}
    assert (
        facts("ICPCs within 15 calendar days").quantities == facts("ICPCs within 15 days (calendar)").quantities == said
    )
    assert facts("ICPCs within 15 days").quantities == facts("ICPCs within 15 WD").quantities != said


def test_when_a_timescale_starts_is_no_qualifier_of_the_measure():
    """`within 15 working days of ... section 47 being initiated` says when the clock starts: the
    measure counts ICPCs, not section 47 enquiries."""
    name = "ICPCs held within 15 working days of the strategy meeting / section 47 being initiated"
    assert facts(name).groups["protection"] == {"icpc"}
    assert facts("Section 47 enquiries leading to an ICPC").groups["protection"] == {"section 47", "icpc"}


def test_hours_that_are_not_whole_days_stay_hours():
    assert facts("seen within 36 hours").quantities == {Quantity(36.0, "hours", "upper")}


def test_denominators_and_default_populations_are_not_defining_numbers():
    assert facts("Rate of children with CPP per 10,000 (0-17 year olds) at end of period").quantities == frozenset()
    assert facts("Rate of referrals per 10,000 population under 18 years old").quantities == frozenset()
    assert facts("Number of adoptions (E11, E12)").quantities == frozenset()
    assert facts("children aged 13+ where CSE was a factor").quantities == {Quantity(13.0, "age", "lower")}


# -- abbreviations and synonyms, both ways ------------------------------------------------------


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_every_form_of_an_equivalent_meets_every_other(data):
    """Whichever way round (abbreviation here, long form there), the two names read alike."""
    e = data.draw(st.sampled_from([e for e in V.profile.equivalents if e.token.strip()]))
    plain = [f for f in e.forms if f.replace(" ", "").replace("-", "").replace("'", "").replace("&", "").isalnum()]
    if len(plain) < 2:
        return
    a, b = data.draw(st.sampled_from(plain)), data.draw(st.sampled_from(plain))
    assert content(f"Number of {a} in the borough") == content(f"Number of {b} in the borough"), (a, b)


@pytest.mark.parametrize(
    "long, short",
    [
        ("Number of children looked after", "Number of CLA"),
        ("Number of children in care", "Number of CiC"),
        ("Number of children and young people in care", "Number of CYPiC"),
        ("Number of children looked after", "Number of LAC"),
        ("Number of Child and Family Assessments completed", "Number of C&F assessments completed"),
        ("Number of single assessments completed", "Number of SAs completed"),
        ("Number of children with a child protection plan", "Number of children with a CPP"),
        ("Number of section 47 enquiries", "Number of S47 enquiries"),
        ("Number of initial child protection conferences", "Number of ICPCs"),
        ("Number of unaccompanied asylum seeking children", "Number of UASC"),
        ("Referrals to children's social care", "Referrals to CSC"),
        ("Number of early help assessments", "Number of EHAs"),
        ("Care leavers in education, employment or training", "Care leavers in EET"),
        ("Number of children with disabilities", "Number of CWD"),
    ],
)
def test_abbreviations_meet_their_long_forms_either_side(long, short):
    assert content(long) == content(short)
    assert key(long) == key(short)


@pytest.mark.parametrize(
    "a, b",
    [
        ("CLA returned home in a planned way", "CLA returned home as part of care planning"),
        ("CLA returned home (not planned)", "CLA returned home (unplanned)"),
        ("CLA returned home un-planned", "CLA returned home not as part of the care plan"),
        ("CLA returned home in an unplanned way", "Unplanned CLA returned home"),
    ],
)
def test_planned_and_unplanned_read_one_way_however_written(a, b):
    assert facts(a).groups["care planning"] == facts(b).groups["care planning"]
    assert not {"way", "un", "not"} & facts(a).words


def test_domain_equivalences():
    assert content("Number of referrals into statutory service") == content("Number of referrals of children in need")
    assert content("Number of children leaving care") == content("Number of children who ceased to be looked after")
    assert content("Number of care leavers") != content("Number of children leaving care")
    assert content("Percentage of re-referrals") == content("% of referrals that were re-referrals")
    timely = ["visited within timescales", "visited on time", "visited in time"]
    assert len({content(f"CLA {t}") for t in timely}) == 1
    assert content("CLA reviews up to date") == content("CLA reviews updated") != content("CLA reviews on time")
    assert content("CLA starts in the month") == content("Number of CLA started in the month")
    assert content("S47 enquiry completions") == content("S47 enquiries completed")
    assert content("CP plan cessations") == content("CP plans ceased")
    assert content("Referrals with a MASH decision") == content("Referrals with MASH completion")
    assert content("Referrals decided within 1 working day") == content("Referrals completed within 1 working day")
    assert content("Deciding on a match") != content("Completed a match")
    assert content("CLA cases reviewed in time") == content("CLA reviewed in time") == content("CLA reviews in time")
    assert content("Children with a CiN plan (not disabled)") == content("Children with a CIN plan (not CWD)")
    assert content("Care leavers we are in touch with") == content("Care leavers in touch")
    assert content("Strategy discussions/meetings held") == content("Strategy discussions held")
    assert content("Pupils electively home educated") == content("Children electively home educated")
    assert content("Average days between entering care and adoption") == content(
        "Average days from entering care to adoption"
    )
    assert content("New CP plans where the child had previously been subject of a CPP at any time") == content(
        "New repeat CP plans"
    )
    assert content("Short term placement stability: CLA with 3+ placements") == content("CLA with 3+ placements")
    assert content("Long term placement stability: CLA in the same placement") != content("CLA in the same placement")
    assert content("CLA seeing a dentist") == content("CLA with dental checks")
    assert content("Number of re-referrals to CSC").split() == ["12", "csc", "month", "rereferral"]
    assert content("Children re-referred") == content("Re-referrals")
    assert content("Children becoming the subject of a plan") == content("Children becoming subject to a CP plan")
    assert "cla" not in content("Children in care proceedings").split()
    assert content("Average duration of care proceedings") == content("Average length of care proceedings")
    assert content("Referrals with an outcome of NFA") == content("Referrals leading to NFA")
    assert content("CP plans 2nd or subsequent") == content("CP plans for a second or subsequent time")
    assert content("Re-refs within 12m") == content("Re-referrals within 12 months")
    assert content("CLs in suitable accom") == content("Care leavers in suitable accommodation")
    assert content("Avg caseload per FTE SW") == content("Average caseload per social worker")
    start = "ICPCs held within 15 working days of the start of the Section 47 enquiry"
    assert content(start) == content("ICPCs held within 15 working days of the strategy discussion")
    assert "stage" not in vocabulary().facts(start).groups
    assert content("CP plans for a second time") == content("CP plans for a second or subsequent time")
    assert content("Initial case conferences") == content("ICPCs")
    assert content("ICPCs resulting in the child's name being placed on the child protection register") == content(
        "ICPCs resulting in a CP plan"
    )

    assert content("LAC return home to live with parents or other person with parental responsibility") == content(
        "CLA returned home"
    )
    assert content("returned home as part of care planning") == content("returned home part of the care plan")
    assert content("Referrals within 12 months of a previous referral") == content("Re-referrals within 12 months")


def test_a_question_says_its_unit():
    assert unit_from_name("How many children are on the child protection register?") == "count"
    assert unit_from_name("What % of initial conferences result in a plan?") == "percent"
    assert content("How many children are on the child protection register?") == content(
        "Number of children with a CPP"
    )


# -- facts the guards read ------------------------------------------------------------------------


def test_units_from_words_and_cells():
    assert unit_from_name("Percentage of IFA placements") == "percent"
    assert unit_from_name("% of ICPCs resulting in a CP Plan") == "percent"
    assert unit_from_name("Contact to referral conversion rate (%)") == "percent"
    assert unit_from_name("Re-referral rate (12 months)") == "percent"
    assert unit_from_name("Looked after Children rate per 10,000") == "rate_per_10k"
    assert unit_from_name("first time entrants per 100,000 10-17 year olds") == "rate_per_100k"
    assert unit_from_name("Number of transfer-ins") == "count"
    assert unit_from_name("Average caseload per qualified social worker") == "other"
    assert unit_from_name("Number of temporary registrations") == "count"  # not a "ratio"
    assert unit_from_values(["25%", "30%", "-"]) == "percent"
    assert unit_from_values(["21 weeks (average for ongoing cases)"]) == "weeks"
    assert unit_from_values(["286", "270"]) is None


@pytest.mark.parametrize(
    "name, unit, basis",
    [
        ("Number of referrals in the month", "count", {"month"}),
        ("Referral rate per 10,000 (rolling 12 months)", None, {"rolling_12m"}),
        ("Referral rate per 10,000 (R12M)", None, {"rolling_12m"}),
        ("Assessment rate per 10k (12 months to date)", None, {"rolling_12m"}),
        ("Contacts in the reporting month", "count", {"month"}),
        ("Number of contacts year to date", "count", {"ytd"}),
        ("Number of referrals during the year", "count", {"year"}),
        ("Children looked after at 31 March", "count", {"snapshot"}),
        ("Number of CLA at the end of the month", "count", {"snapshot"}),
        ("% of CLA with 3+ placements during the year", "percent", set()),
        ("Number of EH assessments completed in the month (rolling)", "count", {"rolling_12m"}),
        ("Referrals in the month (rolling 12 months)", "count", {"rolling_12m"}),
        ("Contacts year to date at month end", "count", {"ytd"}),
        ("Referral rate per 10,000 (month)", "rate_per_10k", {"month"}),
        ("Contacts (number, month)", "count", {"month"}),
        ("Number of CLA (12 month)", "count", set()),
        ("Number of re-referrals in the year (within 12 months)", "count", {"year"}),
        ("Referrals to Early Help (year)", "count", {"year"}),
        ("Early help assessments started this year", "count", {"year"}),
        ("Contacts per 10,000 under-18s, last 12 months", "rate_per_10k", {"rolling_12m"}),
        ("Re-referrals within the last 12 months", "count", set()),
        ("Assessments completed - full year", "count", {"year"}),
        ("S47 enquiries started (year end outturn)", "count", {"year"}),
        ("Referrals - yearly total", "count", {"year"}),
    ],
)
def test_time_basis(name, unit, basis):
    assert facts(name, unit).basis == basis


def test_a_year_for_a_percentage_is_its_window():
    a = facts("Percentage of CLA with 3+ placements during the year", "percent")
    b = facts("CLA with 3+ placements in the last 12 months (%)", "percent")
    assert a.quantities == b.quantities and not a.basis and not b.basis


def test_meaning_flipping_words():
    assert facts("% of care leavers in unsuitable accommodation").groups["suitability"] == {"unsuitable"}
    assert facts("Care leavers not in suitable accommodation").groups["suitability"] == {"unsuitable"}
    assert facts("Care leavers in suitable accommodation").groups["suitability"] == {"suitable"}
    assert facts("Care leavers NEET").groups["employment"] == {"NEET"}
    assert facts("Care leavers not in education, employment or training").groups["employment"] == {"NEET"}
    assert facts("Care leavers in education, employment or training").groups["employment"] == {"EET"}


def test_a_possessive_leaves_no_word_of_its_own():
    assert "s" not in facts("Total number of UHAs in Children's Centres").words
    assert "s" not in facts("Percentage of CLA with Health Assessment(s) on time").words


def test_time_is_no_word_of_a_measure():
    """`Average time between ...` says a duration (its unit), not what is timed."""
    assert "time" not in facts("Average time between placement order and match (days)").words
    assert facts("Children becoming subject of a CP plan for a second time").groups["occurrence"] == {"repeat"}


def test_a_step_up_for_a_cin_assessment_is_a_step_up_to_social_care():
    assert key("Early help cases stepped up for Children In Need (CiN) assessment") == key(
        "Early help cases stepped up to children's social care"
    )


def test_not_yet_placed_with_adopters_is_not_yet_placed_for_adoption():
    assert key("Children with a placement order not yet placed with adopters") == key(
        "Children with a placement order not yet placed for adoption"
    )


def test_a_conversion_rate_or_a_timeliness_is_a_percentage():
    assert facts("Contact to referral conversion rate").unit == "percent"
    assert facts("Conversion rate of contacts to referrals").unit == "percent"
    assert facts("Timeliness of ICPCs (15 working days)").unit == "percent"
    assert facts("ICPC timeliness").groups["timeliness"] == {"in timescale"}
    assert facts("Number of ICPCs held in timescale").unit == "count"


def test_looked_after_continuously_is_looked_after_and_a_care_planning_process_is_care_planning():
    assert "continuous" not in facts("Children looked after continuously for 12 months or more").words
    assert key("CLA who returned home as part of the care planning process") == key(
        "CLA who returned home as part of care planning"
    )


def test_childrens_services_are_childrens_social_care():
    assert key("Contacts received by children's services") == key("Contacts received by children's social care")


def test_excluding_and_including_clauses():
    f = facts("Number of CIN at end of period (all open cases, excluding EHPs, EHAs, CPP and LAC)")
    assert {"cpp", "cla"} <= f.excluded and "cla" not in f.words
    assert facts("Number of children with CIN plan (not CWD)").excluded == {"cwd"}
    assert facts("Rate of CLA excluding UASC per 10,000").excluded == {"uasc"}
    assert facts("Number of EHAs completed INCLUDING adults aged 21+").included == {"adult"}
    assert facts("CLA (non-UASC) at end of month").excluded == {"uasc"}


def test_a_gloss_ending_the_name_after_a_clause_says_what_the_whole_name_measures():
    f = facts("Children looked after excluding UASC (rate per 10,000, rolling 12 months)")
    assert f.excluded == {"uasc"} and f.basis == {"rolling_12m"}
    assert facts("Number of CLA excluding (UASC)").excluded == {"uasc"}
    assert facts("Number of CIN (all open cases, excluding EHPs and LAC)").excluded == {"earlyhelp", "plan", "cla"}


def test_either_names_a_union():
    assert ("cao", "sgo") in facts("Percentage of CLA ceased - CAO or SGO").either
    assert not facts("Percentage of CLA ceased - SGO").either


def test_parenthetical_glosses_are_left_out_of_the_core():
    f = facts("Total number of Children Looked After (CLA) at period end")
    assert f.core == "cla"


@pytest.mark.parametrize(
    ("abbreviated", "spelled"),
    [
        ("CLA missing 24 hrs+", "CLA missing 24 hours or more"),
        ("assessments completed in 45 WD or less", "assessments completed in 45 working days or less"),
        ("visits within 6 wks+", "visits within 6 weeks or more"),
        ("CP plans for 2 years plus", "CP plans for 2 years or more"),
        ("CLA with 3 plus placements", "CLA with 3 or more placements"),
    ],
)
def test_a_bound_after_an_abbreviated_unit_reads_as_one_after_the_unit_spelled_out(abbreviated, spelled):
    a, b = facts(abbreviated), facts(spelled)
    assert a.quantities == b.quantities and a.quantities
    assert a.words == b.words and not a.either


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("CLA per 10,000 pop", "CLA per 10,000 population"),
        ("CLA per 10,000 0-17 yr olds", "CLA per 10,000 0-17 year olds"),
        ("CLA per 10,000 0 to 17 yr olds", "CLA per 10,000 0-17 year olds"),
        ("No. of CYP on a CP plan", "No. of children on a CP plan"),
        ("Nos. of YP in care", "Number of young people in care"),
        ("Average caseload per QSW", "Average caseload per qualified social worker"),
        ("Number of CAFs completed", "Number of early help assessments completed"),
        ("LAC excluding unaccompanied asylum seekers", "LAC excluding UASC"),
        ("CLA in connected person placements", "CLA in connected carer placements"),
        ("Strat discussions in month", "Strategy discussions in month"),
        ("S47s per 10,000 (rolling 12m)", "Section 47 enquiries per 10,000 (rolling 12m)"),
        ("CL in touch (%)", "Care leavers in touch (%)"),
        ("CLA in resi placements (%)", "CLA in residential placements (%)"),
    ],
)
def test_a_measure_written_short_reads_as_written_long(short, long):
    a, b = facts(short), facts(long)
    assert (a.words, a.excluded, a.unit) == (b.words, b.excluded, b.unit)


@pytest.mark.parametrize(
    ("name", "unit", "basis"),
    [
        ("Care leavers in suitable accommodation (num)", "count", frozenset()),
        ("CLA (no.)", "count", frozenset()),
        ("Referrals (financial year to date)", None, frozenset({"ytd"})),
        ("Number of CLA (end of month)", "count", frozenset({"snapshot"})),
    ],
)
def test_a_unit_or_a_time_basis_written_short_is_read(name, unit, basis):
    f = facts(name)
    assert (f.unit, f.basis) == (unit, basis)


@pytest.mark.parametrize(
    ("reworded", "usual"),
    [
        (
            "16-18 year olds not in education, training or employment",
            "16-18 year olds not in education, employment or training",
        ),
        ("Care leavers in employment, education or training", "Care leavers in education, employment or training"),
        ("Children in need with a disability: CIN plans", "CIN plans (CWD)"),
        ("CIN plans, children without disabilities", "CIN plans (not CWD)"),
    ],
)
def test_a_population_worded_another_way_reads_the_same(reworded, usual):
    a, b = facts(reworded), facts(usual)
    assert (a.groups.get("employment"), a.groups.get("cwd"), a.excluded) == (
        b.groups.get("employment"),
        b.groups.get("cwd"),
        b.excluded,
    )
    assert a.groups.get("employment") or a.groups.get("cwd") or a.excluded


def test_cp_cases_are_the_child_protection_cohort():
    assert facts("% of CP cases with supervision in timescale").groups.get("cohort") == frozenset({"child protection"})


@pytest.mark.parametrize(
    ("name", "unit", "basis"),
    [
        ("Care leavers in suitable accommodation (percent)", "percent", frozenset()),
        ("Care leavers in suitable accommodation - pct", "percent", frozenset()),
        ("Share of care leavers in suitable accommodation", "percent", frozenset()),
        ("Care leavers in suitable accommodation %age", "percent", frozenset()),
        ("Referrals (LTM)", None, frozenset({"rolling_12m"})),
        ("Referrals per 10,000 - R12", "rate_per_10k", frozenset({"rolling_12m"})),
        ("CLA as at 31/03", None, frozenset({"snapshot"})),
    ],
)
def test_a_share_or_a_period_written_as_councils_write_it_is_read(name, unit, basis):
    f = facts(name)
    assert (f.unit, f.basis, f.quantities) == (unit, basis, frozenset())


@pytest.mark.parametrize(
    ("name", "unit", "basis"),
    [
        ("CLA /10,000", "rate_per_10k", frozenset()),
        ("CLA rate/10k", "rate_per_10k", frozenset()),
        ("CLA p/10k", "rate_per_10k", frozenset()),
        ("CLA per 10 000 children", "rate_per_10k", frozenset()),
        ("CP plans (period end)", None, frozenset({"snapshot"})),
        ("CP plans - live", None, frozenset({"snapshot"})),
        ("Contacts - MTD", None, frozenset({"month"})),
        ("Ave days to match a child to adopters", "days", frozenset()),
    ],
)
def test_a_rate_a_point_in_time_or_an_average_in_scorecard_shorthand_is_read(name, unit, basis):
    f = facts(name)
    assert (f.unit, f.basis, f.quantities) == (unit, basis, frozenset())


@pytest.mark.parametrize(
    ("labelled", "plain"),
    [
        ("1.2 Contacts in month", "Contacts in month"),
        ("Contacts in month (target 500)", "Contacts in month"),
        ("Contacts in month - Sept 2024", "Contacts in month"),
        ("Number of contacts 2023/24", "Number of contacts"),
        ("Number of CLA at 31 March 2024", "Number of CLA at 31 March"),
        ("% of care leavers in suitable accommodation (NI 147)", "% of care leavers in suitable accommodation"),
        ("Care leavers in suitable accommodation (NI147) %", "Care leavers in suitable accommodation %"),
    ],
)
def test_a_section_number_a_target_or_a_date_is_no_part_of_the_measure(labelled, plain):
    a, b = facts(labelled), facts(plain)
    assert (a.words, a.quantities, a.basis) == (b.words, b.quantities, b.basis)


def test_a_qualifier_phrase_does_not_hide_another_groups_qualifier():
    said = vocabulary().facts("New UASC entering care in month").qualifiers
    assert ("uasc", "uasc") in said and ("flow", "in") in said


def test_days_counted_from_an_event_are_a_duration():
    assert unit_from_name("A2: days from placement order to match with adopters") == "days"
    assert unit_from_name("Assessments completed within 45 days from referral") != "days"


def test_a_deadline_counted_from_entry_into_care_is_not_a_count_of_entrants():
    f = vocabulary().facts("Initial health assessments within 20 working days of child becoming looked after (%)")
    assert ("flow", "in") not in f.qualifiers and Quantity(20.0, "days", "upper") in f.quantities
    assert ("flow", "in") in vocabulary().facts("Children becoming looked after in the month").qualifiers


def test_the_past_n_months_are_the_last_n_months():
    assert content("Children with 2+ social workers in the past 6 months") == content(
        "Children with 2+ social workers in the last 6 months"
    )
    assert vocabulary().facts("Referrals per 10,000 (previous 12 months)").basis == {"rolling_12m"}


def test_a_linking_phrase_is_not_a_word_of_the_measure():
    assert content("Children who ceased to be looked after due to a special guardianship order") == content(
        "Children who ceased to be looked after on a special guardianship order"
    )


def test_stepped_up_to_social_care_reads_as_stepped_up_from_early_help():
    assert content("Cases stepped up from early help to social care") == content("Early help cases stepped up")
    assert content("Children receiving early help services who are stepped up") == content("EH children stepped up")


def test_how_a_child_came_to_be_counted_is_no_word_of_the_measure():
    assert content("Children open to CSC reported missing in month") == content("Children open to CSC missing in month")
    assert content("Newly arrived UASC") == content("Newly UASC")


def test_ongoing_and_open_at_period_end_are_underway():
    assert content("Care proceedings ongoing") == content("Care proceedings underway")
    assert "underway" not in content("CIN cases open at the end of the month")


def test_an_assessment_or_enquiry_that_ended_was_completed():
    assert content("Number of Section 47 enquiries which ended") == content("Number of Section 47 enquiries completed")
    assert content("Assessments ending in NFA") == content("Assessments completed with NFA")
    assert "ceased" in content("Number of CLA ending")


@pytest.mark.parametrize(
    "a, b",
    [
        ("CLA placed 20 miles from the address from which they came into care", "CLA placed 20 miles from home"),
        ("CLA placed 20 miles from their home address", "CLA placed 20 miles from home"),
        ("CLA with an in-date PEP", "CLA with an up to date PEP"),
        ("Social workers holding 20+ children", "Case holders with 20+ children"),
        ("Referrals processed by MASH", "Referrals completed by MASH"),
        ("Care leavers living in suitable accommodation", "Care leavers in suitable accommodation"),
        ("Care leavers receiving supervision", "Care leavers supervision"),
        ("Children ceasing care through an SGO", "Children ceasing care SGO"),
    ],
)
def test_second_round_equivalences(a, b):
    assert content(a) == content(b)


def test_newly_arrived_counts_in_and_under_18s_is_the_default_population():
    assert facts("Number of newly arrived UASC in month").groups == facts("Number of new UASC in month").groups
    assert content("Contacts per 10,000 under-18s") == content("Contacts per 10,000")


def test_a_year_or_more_is_a_lower_bound_of_12_months():
    assert facts("CLA looked after a year or more").quantities == facts("CLA looked after 12+ months").quantities
    assert facts("CLA looked after a year or more").quantities == facts("CLA looked after for a year+").quantities


def test_a_plan_a_conference_results_in_is_a_child_protection_plan():
    assert content("ICPCs resulting in a plan") == content("ICPCs resulting in a CP plan")
    assert content("Initial conferences that led to a plan") == content("Initial conferences that led to a CP plan")
    assert content("Assessments resulting in a plan") != content("Assessments resulting in a CP plan")


def test_section_20_accommodated_is_one_thing_said_twice():
    assert content("Section 20 accommodated children") == content("Voluntarily accommodated S20s")


def test_moves_after_a_threshold_are_placements_and_without_denies_but_says_nothing_itself():
    assert content("CLA with 3+ moves in the year") == content("CLA with 3+ placements in the year")
    f = facts("Referrals stepped down without assessment")
    assert f.negated == frozenset({"assessment"}) and "without" not in f.words


def test_a_visit_completed_is_a_visit_not_a_completed_stage():
    said = facts("Percentage of statutory child protection visits completed within 10 working days")
    assert "visited" in said.words and "completed" not in said.words
    assert ("stage", "completed") not in said.qualifiers
    assert "completed" in facts("Percentage of assessments completed within 45 working days").words


def test_how_often_a_figure_is_reported_is_not_the_period_it_covers():
    said = facts("Rate of CLA per 10,000 population. Measured Quarterly. (snapshot)")
    assert said.basis == frozenset({"snapshot"}) and "measured" not in said.words
    assert facts("Referrals in the quarter").basis == frozenset({"quarter"})


def test_an_enquiry_ended_with_an_outcome_is_one_closed_with_it_and_an_end_in_a_month_is_no_outcome():
    said = {
        facts(n).words
        for n in ("S47 ended with NFA", "S47 closed with NFA", "S47 ending in NFA", "S47 completed with NFA")
    }
    assert len(said) == 1 and "result" in said.pop()
    assert "result" not in facts("CP plans ended in the month").words


def test_relevant_young_people_are_care_leavers():
    assert "careleaver" in facts("Relevant young people with an up to date pathway plan").words


def test_children_looked_after_starting_are_new_children_looked_after():
    assert facts("CLA starts in month - UASC").words == facts("Number of new CLA in month who are UASC").words
    assert ("stage", "started") not in facts("CLA starts in month").qualifiers


def test_what_an_ifa_provides_a_transfer_in_conference_and_missing_from_home_or_care_are_read_as_one():
    assert "ifa" in facts("% CLA placed in foster care with IFA providers").words
    assert facts("Transfer-in CP conferences in month").words == facts("Number of transfer-ins in month").words
    assert facts("Children missing from home or care").words == facts("Children missing").words
    assert facts("Children missing from care").words != facts("Children missing").words


def test_leaving_care_beside_in_care_and_care_experienced_young_people_are_care_leavers():
    both = facts("Young people aged 16+ in care or leaving care with a pathway plan").words
    assert {"cla", "careleaver"} <= both and "ceased" not in both
    assert "ceased" in facts("Children leaving care in the month").words
    assert "careleaver" in facts("Care experienced young people in suitable accommodation").words


def test_statutory_is_no_word_of_a_measure_but_statutory_services_are_social_care():
    assert facts("statutory CiC visits completed within timescale").words == facts("CiC visits in timescale").words
    assert facts("Referrals into statutory services").words == facts("Referrals to CSC").words


def test_a_care_order_glossed_full_is_a_full_care_order():
    assert facts("Children with a care order (full)").words == facts("Children subject of a Full Care Order").words


def test_scorecard_shorthand_no_refs_strat_recd_and_outcome_are_read():
    assert facts("No. contacts rec'd (month)").words == facts("Number of contacts in the month").words
    assert facts("No. contacts rec'd (month)").unit == "count" and not facts("No. contacts").negated
    assert facts("CiC - no. at month end").words == facts("Number of CiC at month end").words
    assert facts("Refs to CSC - month").words == facts("Referrals to CSC - month").words
    assert "strategy" in facts("ICPCs w/in 15 WD of strat (%)").words
    assert facts("SAs - outcome NFA (%)").words == facts("SAs resulting in NFA (%)").words
    assert facts("Children with no health assessment").negated


def test_mth_is_the_month():
    assert facts("S47 rate /10k (mth)").basis == frozenset({"month"})
    assert facts("No. LAC (end mth)").basis == frozenset({"snapshot"})


def test_scorecard_shorthand_for_months_working_days_and_within_is_read_in_full():
    assert facts("% CP seen in 10 w/days").quantities == facts("% CP seen in 10 working days").quantities
    assert facts("ICPCs w/in 15 WD").quantities == facts("ICPCs within 15 working days").quantities
    assert facts("CP plans 15mths+").quantities == facts("CP plans 15 months or more").quantities


def test_a_relative_clause_after_an_including_clause_says_what_the_name_counts():
    said = facts("Number of CLA including UASC who are placed out of area")
    assert {"placed", "area"} <= said.words and "uasc" in said.included
    assert facts("Contacts excluding those that became referrals").words == frozenset({"contact"})
    assert facts("Number of contacts (includes contacts that become referrals)").words == frozenset({"contact"})


def test_a_time_basis_after_an_excluding_clause_is_the_names_own():
    assert facts("Number of CLA excluding UASC in the month").basis == frozenset({"month"})
    assert facts("Number of CLA excluding UASC at the end of the month").basis == frozenset({"snapshot"})
    assert facts("Number of CLA excluding UASC in the month").excluded == frozenset({"uasc"})


def test_at_any_point_in_the_year_counts_over_the_year():
    """`at any time` says nothing of its own (a repeat plan is one after a plan at any time), but
    `at any point in the year` counts everyone over the year, not those looked after at its end."""
    assert facts("Children looked after at any point in the year").basis == {"year"}
    assert facts("Children looked after at any time during the year").basis == {"year"}
    assert facts("children who had previously been subject of a CPP at any time").basis == frozenset()


def test_a_population_in_a_denominator_gloss_is_noise_only_when_it_is_all_children():
    """`per 10,000 aged 0-17` is every rate's denominator; `per 10,000 aged 16-17` is the rate of
    an age band, which the name must keep."""
    assert facts("CLA rate (per 10,000 aged 0-17)").quantities == facts("CLA rate").quantities == frozenset()
    band = {Quantity(16.0, "age", ""), Quantity(17.0, "age", "")}
    assert facts("CLA rate (per 10,000 aged 16-17)").quantities == band
    assert facts("Rate per 10,000 aged 0-4 of children subject to a CP plan").quantities == {
        Quantity(0.0, "age", ""),
        Quantity(4.0, "age", ""),
    }


@pytest.mark.parametrize("name", ["CLA per 10,000 under 5s", "CLA per 10,000 under-5s", "CLA aged under 5 per 10,000"])
def test_under_fives_are_an_age_band(name):
    """`under 5s` names children by age, as `aged under 5` does: not a bare number a rate may leave unsaid."""
    assert facts(name).quantities == {Quantity(5.0, "age", "upper")}


@pytest.mark.parametrize("name", ["2 year old funding take-up - CLA (%)", "Uptake of the 2 year old funding - CLA (%)"])
def test_take_up_of_an_offer_is_accessing_it(name):
    said = facts("% of eligible CLA who are accessing the 2 year old education funding offer").words
    assert "accessing" in facts(name).words & said


@pytest.mark.parametrize(
    ("postposed", "usual"),
    [
        ("Number of CLA (UASC excluded)", "Number of CLA (excluding UASC)"),
        ("Number of CLA, UASC excluded", "Number of CLA excluding UASC"),
        ("EH assessments completed (adults 21+ excluded)", "EH assessments completed excluding adults 21+"),
        ("Number of CLA - UASC included", "Number of CLA including UASC"),
        ("CLA rate per 10k - UASC incl.", "CLA rate per 10k including UASC"),
        ("EH assessments completed - adults excl.", "EH assessments completed excluding adults"),
        ("CIN plans - CWD removed (no.)", "CIN plans excluding CWD (no.)"),
    ],
)
def test_a_clause_written_after_its_object_reads_as_one_written_before_it(postposed, usual):
    a, b = facts(postposed), facts(usual)
    assert (a.excluded, a.included, a.words) == (b.excluded, b.included, b.words)
    assert a.excluded | a.included


def test_excluded_from_school_is_no_clause():
    assert facts("Children excluded from school").excluded == frozenset()


def test_a_clause_written_after_its_object_finds_its_measure():
    """`excluded` is the grammar's own word, never a slip of `excludes`."""
    cat = Catalogue()
    cat.add(Indicator("cla", "Number of children looked after", "count"))
    cat.add(Indicator("cla_excl_uasc", "Number of children looked after excluding UASC", "count"))
    assert (
        Matcher(cat).match(Query.build("Number of children looked after (UASC excluded)")).indicator_id
        == "cla_excl_uasc"
    )


@pytest.mark.parametrize("form", ["less UASC", "ex. UASC", "apart from UASC", "excluding UASC"])
def test_what_a_figure_leaves_out_reads_however_written(form):
    assert facts(f"CLA at month end {form}").excluded == {"uasc"}
    assert facts("Assessments completed in 45 days or less").excluded == frozenset()


def test_w_o_is_without():
    assert facts("CLA at month end w/o UASC").negated == facts("CLA at month end without UASC").negated == {"uasc"}


@pytest.mark.parametrize(
    ("other", "usual"),
    [
        ("CLA placed in children's homes", "CLA placed in residential"),
        ("CLA placed with agency foster carers", "CLA placed with IFAs"),
        ("CLA placed with prospective adopters", "CLA placed for adoption"),
        ("separated migrant children looked after", "UASC looked after"),
        ("children's disability service: children with CIN plans", "CWD with CIN plans"),
        ("early intervention assessments started", "early help assessments started"),
        ("targeted support assessments started", "early help assessments started"),
    ],
)
def test_other_words_for_a_placement_a_population_or_a_service(other, usual):
    a, b = facts(other), facts(usual)
    assert (a.words, a.groups) == (b.words, b.groups)


def test_signed_off_volume_of_and_subsequent_plans():
    """An assessment signed off is completed; the volume of contacts is their number; subsequent
    plans are repeat plans."""
    assert (
        facts("Number of assessments signed off in month").words
        == facts("Number of assessments completed in month").words
    )
    assert facts("Volume of contacts in month").unit == "count"
    assert facts("Volume of contacts in month").words == facts("Number of contacts in month").words
    assert "repeat" in facts("CP plans starting that are subsequent plans").words


def test_a_re_referral_is_counted_within_12_months_unless_the_name_states_another_window():
    """The DfE counts a re-referral within 12 months of the previous referral (profile `windows`):
    a name stating no window means that one; `outside 12 months` or `within 6 months` keeps its own."""
    twelve = frozenset({Quantity(12.0, "months", "upper")})
    assert facts("Re-referral rate").quantities == facts("Re-referrals within 12 months (%)").quantities == twelve
    assert facts("Re-referral rate").unit == "percent"
    assert facts("% re-referrals within 6 months").quantities == frozenset({Quantity(6.0, "months", "upper")})
    assert facts("% re-referrals outside 12 months").quantities == frozenset({Quantity(12.0, "months", "lower")})
    assert facts("Referrals in the month").quantities == frozenset()


def test_a_list_of_consecutive_ages_is_their_band():
    assert (
        facts("Care leavers aged 19, 20 and 21 in suitable accommodation").quantities
        == facts("Care leavers aged 19-21 in suitable accommodation").quantities
    )
    assert facts("CLA aged 10, 11, 12, 13, 14 and 15").quantities == facts("CLA aged 10-15").quantities
    assert Quantity(22.0, "", "") in facts("Care leavers aged 19, 20 and 22").quantities


def test_second_or_later_is_2_or_more_and_a_previous_plan_is_a_repeat_plan():
    assert (
        facts("Children on their second or later CP plan").quantities
        == facts("Children on a 2nd or more CP plan").quantities
    )
    assert (
        facts("Children becoming subject to a CP plan for a second or subsequent time").words
        == facts("Children becoming subject to a CP plan for a 2nd or subsequent time").words
    )
    assert "repeat" in facts("New CP plans where the child had a previous plan").words
    assert "repeat" in facts("Children becoming subject to a plan for the second time").words


def test_repeat_referrals_to_social_care_are_re_referrals():
    assert "rereferral" in facts("Repeat referrals to children's social care (%)").words
    assert "referral" not in facts("Repeat referrals to children's social care (%)").words


def test_local_children_are_children_who_are_not_uasc():
    assert facts("CLA at month end (local children only)").excluded == frozenset({"uasc"})
    assert facts("CLA at month end (local children only)").excluded == facts("CLA at month end (non-UASC)").excluded


def test_a_disability_a_dental_assessment_a_location_and_an_all_ages_population_are_read():
    assert ("cwd", "cwd") in facts("Children on a CIN plan who have a disability").qualifiers
    assert facts("CLA with dental assessments (%)").words == facts("CLA with dental checks (%)").words
    assert ("location", "inside the authority") in facts(
        "Children in residential placements within the L.A."
    ).qualifiers
    assert ("location", "outside the authority") in facts("CLA placed out of area").qualifiers
    assert ("ages", "all ages") in facts("Referrals per 10,000 population (all ages)").qualifiers
    assert not facts("Number of care leavers (all ages)").groups.get("ages")
    assert not facts("Care leavers in contact with the authority").groups.get("location")


def test_a_rate_over_the_last_12_months_rolls_and_a_share_or_a_bare_name_takes_it_as_its_window():
    assert facts("Assessments per 10,000 children over the last 12 months").basis == frozenset({"rolling_12m"})
    assert facts("Contacts during the past year (number)").basis == frozenset({"rolling_12m"})
    share = facts("% of CLA with 3+ placements during the last 12 months")
    assert share.basis == frozenset() and share.windows == facts("% of CLA with 3+ placements in the year").windows
    bare = facts("CLA during the previous 12 months who had 3+ placements")
    assert bare.basis == frozenset() and bare.windows


def test_miles_or_more_is_a_lower_bound():
    assert (
        facts("CLA placed 20 miles or more from home").quantities == facts("CLA placed 20+ miles from home").quantities
    )
    assert facts("CLA placed 20 miles or more from home").quantities == {Quantity(20.0, "miles", "lower")}


def test_open_to_the_service_is_open_to_childrens_social_care():
    assert facts("Children open to the service").words == facts("Children open to children's social care").words
    assert "csc" not in facts("Children open to early help (all service areas)").words


def test_a_financial_year_a_numbered_quarter_and_last_month_are_time_bases():
    assert facts("Referrals - FY 2023/24 total").basis == frozenset({"year"})
    assert facts("Referrals in Q2").basis == frozenset({"quarter"})
    assert facts("Contacts received last month").basis == facts("Contacts received in the month").basis
    assert facts("Number of contacts (FYTD)").basis == frozenset({"ytd"})


def test_child_protection_plans_started_are_children_becoming_subject_to_a_plan():
    assert (
        facts("CP plans started in the month").words
        == facts("Children becoming subject to a CP plan in the month").words
    )


def test_longer_than_and_more_than_a_year_are_lower_bounds():
    assert facts("SAs taking longer than 45 days").quantities == facts("SAs completed over 45 days").quantities
    assert facts("Children in care for more than a year").quantities == facts("Children in care 12+ months").quantities


def test_made_subject_to_a_plan_and_starting_care_are_flows_in():
    assert (
        facts("Transfer-ins made subject to a CP plan").words
        == facts("Transfer-ins becoming subject to a CP plan").words
    )
    assert facts("UASC starting care in the month").words == facts("UASC entering care in the month").words


def test_compulsory_school_age_is_a_word_of_the_measure_outside_a_gloss():
    """`(only relating to children of compulsory school age)` glosses a school count; `CLA of
    compulsory school age` is a subset of children looked after, so its words stay."""
    assert "compulsory" in facts("CLA of compulsory school age").words
    assert (
        "compulsory"
        not in facts("Children missing education (only relating to children of compulsory school age)").words
    )


def test_key_stages_are_named_not_counted_and_differ():
    assert facts("KS2 attainment gap").quantities == facts("Key Stage 2 attainment gap").quantities == frozenset()
    assert facts("KS2 attainment gap").groups["key stage"] == {"key stage 2"}
    assert facts("Key Stage 4 attainment gap").groups["key stage"] == {"key stage 4"}


def test_reception_is_the_early_years_foundation_stage_and_reaching_is_achieving():
    assert (
        facts("Children reaching a good level of development at the end of reception").words
        == facts("Children achieving a good level of development at the end of the Early Years Foundation Stage").words
    )
    assert facts("Young people reoffending").words == facts("Young people re-offending").words


def test_scorecard_abbreviations_sec_refs_mth_ha_ih_wks_and_with_parents_are_read():
    assert facts("Sec. 47s completed in mth").words == facts("Section 47 enquiries completed in the month").words
    assert facts("Refs rec'd in mth").words == facts("Referrals received in the month").words
    assert facts("Refs rec'd in mth").basis == facts("S47 rate /10k (mth)").basis == frozenset({"month"})
    assert facts("CiC - no. at mth end").basis == facts("No. LAC (end mth)").basis == frozenset({"snapshot"})
    assert facts("CiC 12m+ - HA up to date").words == facts("CiC 12m+ - health assessment up to date").words
    assert facts("IH foster carers").words == facts("In-house foster carers").words
    assert facts("Avg wks care proceedings").unit == "weeks"
    assert facts("CiC w/ parents (P1)").words == facts("CiC placed with parents (P1)").words


def test_numbers_say_a_count_and_an_independent_foster_care_agency_is_an_ifa():
    assert facts("LAC numbers").unit == "count" and facts("LAC numbers").words == facts("Number of LAC").words
    assert facts("LAC placed with independent foster care agencies").words == facts("LAC placed with IFAs").words


def test_starting_care_proceedings_is_no_child_starting_care():
    assert "new cla" not in V.canonical("Children starting care proceedings in the month")[0]
    assert "new cla" in V.canonical("UASC starting care in the month")[0]


def test_local_childrens_homes_and_council_foster_carers_are_no_population_or_location():
    assert not facts("CLA placed in local children's homes").excluded
    assert not facts("CLA in council foster placements").groups.get("location")
    assert facts("CLA placed within the council area").groups.get("location") == {"inside the authority"}


def test_a_re_referral_at_any_time_takes_no_12_month_window():
    assert facts("Re-referrals at any time (%)").quantities == frozenset()
    assert facts("Referrals that were re-referrals at any point (%)").quantities == frozenset()


def test_a_total_population_of_children_is_no_population_of_all_ages():
    assert not facts("CLA rate per 10,000 total population aged under 18").groups.get("ages")
    assert facts("Referrals per 10,000 total population").groups.get("ages") == {"all ages"}


def test_a_span_of_one_unit_written_in_words_is_a_lower_bound():
    assert facts("CLA in care for over a month").quantities == facts("CLA in care for 1+ months").quantities
    assert facts("Children missing for more than a day").quantities == facts("Children missing 24+ hours").quantities
    assert facts("Visited more than a week ago").quantities == {Quantity(1.0, "weeks", "lower")}


def test_a_band_from_nothing_is_a_limit():
    """`0-10 days` is `within 10 days`; an age band from 0 stays a band (aged 0-4 is not 1-4)."""
    assert facts("% of SAs completed in 0-10 days").quantities == facts("% of SAs completed within 10 days").quantities
    assert facts("CLA aged 0-4").quantities == {Quantity(0.0, "age", ""), Quantity(4.0, "age", "")}
    assert facts("% of SAs completed in 11-25 days").quantities == {
        Quantity(11.0, "days", "upper"),
        Quantity(25.0, "days", "upper"),
    }


def test_a_rate_per_thousand_is_its_own_unit():
    assert unit_from_name("CPP per 1k") == unit_from_name("Rate of CLA per 1,000 children") == "rate_per_1k"
    assert unit_from_name("Rate of CLA per 10,000") == "rate_per_10k"
    assert unit_from_name("CLA per 100,000") == "rate_per_100k"


@pytest.mark.parametrize(
    "name, basis",
    [
        ("Referrals in-year", "year"),
        ("Contacts received since 1st April", "ytd"),
        ("Contacts since 1 April 2023", "ytd"),
        ("S47s started, April to date", "ytd"),
    ],
)
def test_more_ways_to_say_a_year_or_the_year_so_far(name, basis):
    assert V.facts(name).basis == {basis}


def test_a_first_written_1st_is_the_first_time_but_a_date_is_not():
    assert V.facts("1st referrals in month").groups["occurrence"] == {"first"}
    assert V.facts("1st referrals in month").quantities == frozenset()
    assert "occurrence" not in V.facts("Contacts since 1st April").groups


def test_for_the_nth_time_or_more_is_a_lower_bound_as_nth_or_more_is():
    said = facts("Children subject to 2nd or more CP plan").quantities
    assert facts("Children on a CP plan for the 2nd time or more").quantities == said
    assert facts("Children on a CP plan for the second time or more").quantities == said == {Quantity(2.0, "", "lower")}


def test_at_the_end_of_each_month_is_a_point_in_time():
    assert V.facts("Number of children in care at the end of each month").basis == {"snapshot"}
    assert V.facts("Number of contacts each month").basis == {"month"}


def test_eligible_two_year_olds_are_no_children_looked_after():
    """`eligible` alone names looked after children (an eligible child); `eligible 2 year olds`
    are the children entitled to funded early education."""
    assert V.facts("% of eligible CLA accessing the 2 year old offer").groups["cohort"] == {"looked after"}
    assert "cohort" not in V.facts("% of eligible 2 year olds taking up funded early education").groups


def test_an_annualised_figure_is_counted_over_twelve_months():
    assert V.facts("Rate of referrals per 10,000 (annualised)").basis == {"rolling_12m"}


def test_children_who_experienced_a_thing_are_children_with_it():
    assert (
        V.facts("% of CLA who had experienced three or more moves in a year").words
        == V.facts("% of CLA who had three or more moves in a year").words
    )


@pytest.mark.parametrize(
    "bare, aged",
    [
        (
            "Care leavers in suitable accommodation (19 to 21 years)",
            "Care leavers aged 19-21 in suitable accommodation",
        ),
        ("Care leavers in education, employment or training (17 to 18 years)", "Care leavers aged 17-18 in EET"),
        ("CLA 16+ years", "CLA aged 16+"),
    ],
)
def test_years_from_ten_up_are_an_age_not_a_span(bare, aged):
    """No plan, wait or stay in care a measure counts runs to ten years: such years are the age
    band of the population (the DfE dashboard prints `(19 to 21 years)` without `aged`)."""
    assert facts(bare).quantities == facts(aged).quantities
    assert facts("CP plans lasting 2 years or more").quantities == {Quantity(24.0, "months", "lower")}
