"""Matching round 17 (m29): the edited catalogue names that still got the original's id, each kept
apart by a general guard, and the look-alikes of probes15 that merged."""

from __future__ import annotations

import pytest

from scorekit.match.normalise import vocabulary

from .conftest import given

# -- a share that says its year twice counts its children over the year ------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Percentage of CLA during the year with 3+ placements during the year",
        "Percentage of CLA during the year with 3 or more placements during the year",
        "% of children looked after during the year with 3 or more placements in the year",
    ],
)
def test_a_share_saying_its_year_twice_is_no_snapshot_share(shipped, name):
    """A share's `during the year` is the window its events are counted in; said a second time it
    is when the children are counted: all the year's children are not those at the month's end."""
    assert vocabulary().facts(name).basis == frozenset({"year"})
    assert given(shipped, name) != "cla_3plus_placements_pct"


@pytest.mark.parametrize(
    "name",
    [
        "Percentage of CLA at end of month with 3+ placements during the year",
        "% of CLA at the end of the month with 3 or more placements in the year",
        "Percentage of children looked after at the end of the month with 3 or more placements in the last 12 months",
    ],
)
def test_a_share_saying_its_year_once_keeps_it_as_its_window(shipped, name):
    assert given(shipped, name) == "cla_3plus_placements_pct"


# -- a point in time beside a span of the year is two periods ------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Number of current Unaccompanied Asylum Seeking Children (UASC) looked after during the year",
        "Number of UASC looked after at end of period and during the year",
    ],
)
def test_a_point_in_time_beside_a_span_of_the_year_is_held(shipped, name):
    """`current` (a point in time) and `during the year` (every child the year held) are two
    periods, not a snapshot taken each year: the name is no snapshot count's."""
    assert vocabulary().facts(name).spanned
    assert given(shipped, name) != "uasc_cla"


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Children looked after at 31 March each year", "cla"),
        ("Number of current Unaccompanied Asylum Seeking Children (UASC) looked after at end of period", "uasc_cla"),
    ],
)
def test_a_snapshot_taken_each_year_is_one_period(shipped, name, entry):
    assert not vocabulary().facts(name).spanned
    assert given(shipped, name) == entry


# -- a share's year after its children and before what they had is when they are counted ------------


@pytest.mark.parametrize(
    "name",
    [
        "Percentage of all children looked after during the year who had 3 or more placements",
        "% of CLA in the year with 3 or more placements",
    ],
)
def test_a_year_between_the_children_and_what_they_had_is_the_cohorts(shipped, name):
    """`children looked after during the year who had 3+ placements` counts every child the year
    held (profile: cohort_years); the NI 62 share counts those looked after at the period's end."""
    assert "year" in vocabulary().facts(name).basis
    assert given(shipped, name) != "cla_3plus_placements_pct"


@pytest.mark.parametrize(
    "name",
    [
        "% of children looked after with 3 or more placements during the year",
        "Percentage of CLA with three or more placements in the year",
    ],
)
def test_a_year_after_the_events_is_their_window(shipped, name):
    assert "year" not in vocabulary().facts(name).basis
    assert given(shipped, name) == "cla_3plus_placements_pct"


# -- vocabulary (data): wordings of catalogued measures that stayed at review -------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("% of referrals closed as NFA", "referrals_nfa_pct"),
        ("Children currently supported by early help", "eh_open"),
        ("Number of children of compulsory school age missing education", "cme"),
        ("Children of compulsory school age who are electively home educated", "ehe_pupils"),
        ("Average number of children per qualified social worker (FTE basis)", "caseload_qsw"),
    ],
)
def test_published_wordings_of_catalogued_measures(shipped, name, entry):
    """`closed as NFA` is an outcome as `closed with NFA` is, `supported by early help` is receiving
    it, `of compulsory school age` is what CME and EHE counts are by definition, `(FTE basis)` is
    the caseload's `(1 FTE)`."""
    assert given(shipped, name) == entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Contacts closed as NFA (%)", "contacts_to_referral_pct"),
        ("Children of compulsory school age missing education for 4+ weeks", "cme"),
        ("Children currently supported by early help - CWD", "eh_open"),
    ],
)
def test_their_look_alikes_stay_apart(shipped, name, entry):
    assert given(shipped, name) != entry


# -- a timescale counted from another event -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Percentage of assessments completed within 45 working days of the contact", "assessments_in_45wd_pct"),
        ("% of C&F assessments completed within 45 working days of the assessment starting", "assessments_in_45wd_pct"),
        ("% of ICPCs held within 15 working days of the referral", "icpc_in_timescale_pct"),
    ],
)
def test_a_limit_counted_from_another_event_is_another_measure(shipped, name, entry):
    """An assessment's 45 working days run from the referral and an ICPC's 15 from the strategy
    discussion (profile: a timescale's `from`, `clock_starts`): a name stating only the limit
    implies that start, and one counting from another event is another measure."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Percentage of assessments completed within 45 working days of the referral", "assessments_in_45wd_pct"),
        ("Percentage of single assessments completed within 45 working days", "assessments_in_45wd_pct"),
        ("ICPCs within 15 working days of the start of the S47 - %", "icpc_in_timescale_pct"),
        ("% of ICPCs held within 15 working days", "icpc_in_timescale_pct"),
    ],
)
def test_a_limit_from_its_own_start_or_none_is_the_measure(shipped, name, entry):
    assert given(shipped, name) == entry


def test_the_clock_start_read():
    v = vocabulary()
    contact = "Percentage of assessments completed within 45 working days of the contact"
    assert v.facts(contact).clock_from == {"contact"}
    assert v.facts("Percentage of C&F assessments completed within 45 working days").clock_from == {"referral"}
    assert v.facts("ICPCs within 15 WD of strat (%)").clock_from == {"strategy discussion"}


# -- a team's figure, a sector's placements ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Average caseload per social worker in the assessment teams", "caseload_qsw"),
        ("Average caseload per qualified social worker within the children in care team", "caseload_qsw"),
        ("Number of CLA placed in residential placements - local authority homes", "cla_residential"),
        ("CLA placed in children's homes run by the council (number)", "cla_residential"),
        ("Number of CLA placed in residential - voluntary sector", "cla_residential"),
    ],
)
def test_one_team_or_one_sector_is_a_part(shipped, name, entry):
    """A caseload `in the assessment teams` is one team's, and residential placements in the
    council's own or the voluntary sector's homes are a part, as the independent sector's are."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Average caseload per qualified social worker (all teams)", "caseload_qsw"),
        ("Number of CLA placed in residential placements at month end", "cla_residential"),
    ],
)
def test_the_whole_still_matches(shipped, name, entry):
    assert given(shipped, name) == entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("% of reviews completed within the timescale set", "cla_reviews_in_time_pct"),
        ("Home educated children with an EHC plan or statement (%)", "ehe_send_pct"),
        ("Adopter applications (Stage 1, carer units)", "adopter_applications_stage1"),
    ],
)
def test_more_published_wordings(shipped, name, entry):
    """`within the timescale set` is in timescale; `home educated` is elective home education (all
    home education in England is elected); `, carer units)` is the count's gloss as `(carer units)` is."""
    assert given(shipped, name) == entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Home educated children with an EHC plan (number)", "ehe_send_pct"),
        ("% of reviews completed outside the timescale set", "cla_reviews_in_time_pct"),
        ("Adopter applications (Stage 2, carer units)", "adopter_applications_stage1"),
    ],
)
def test_more_look_alikes_stay_apart(shipped, name, entry):
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("CP cases at month end", "cpp_children"),
        ("CP rate per 10,000 at month end", "cpp_rate"),
        ("S/G orders granted in the month", "sgos"),
        ("LAC cases at month end (number)", "cla"),
    ],
)
def test_a_cohorts_cases_and_shorthands(shipped, name, entry):
    """A cohort's `cases` are its children (`CP cases`: children on a plan; `LAC cases`: looked
    after), a `CP rate` is the plans' rate, `S/G orders` are special guardianship orders."""
    assert given(shipped, name) == entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("CP case conferences held in the month", "cpp_children"),
        ("Unallocated CP cases at month end", "cpp_children"),
        ("CP rate per 10,000 (under 1s)", "cpp_rate"),
        ("S/G order applications in the month", "sgos"),
        ("S/G orders granted - year to date", "sgos"),
        ("LAC cases per social worker", "cla"),
        ("CLA cases (UASC only) at month end", "cla"),
    ],
)
def test_their_traps_stay_apart(shipped, name, entry):
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry, same",
    [
        ("CLA 3+ placements in yr (%)", "cla_3plus_placements_pct", True),
        ("Referral rate per 10k (rolling yr)", "cin_referrals_rate_12m", True),
        ("CLA 3+ placements in last yr (number)", "cla_3plus_placements_pct", False),
        ("Referral rate per 10k (yr to date)", "cin_referrals_rate_12m", False),
    ],
)
def test_yr_is_a_year(shipped, name, entry, same):
    """`yr` is the year a basis or a window is read from (`rolling yr`, `in yr`, `yr to date`)."""
    assert (given(shipped, name) == entry) is same


@pytest.mark.parametrize(
    "name, entry, same",
    [
        ("Prospective adopters approved in the period", "adopters_approved", True),
        ("Prospective adopters approved (households)", "adopters_approved", True),
        ("Prospective adopters in assessment at month end", "adopters_approved", False),
        ("Adopters awaiting approval at period end", "adopters_approved_rate", False),
        ("Prospective adopters approved - rate per 1,000", "adopters_approved_rate", False),
    ],
)
def test_prospective_adopters_are_adopters(shipped, name, entry, same):
    """Adopters are prospective until a child is placed with them: `prospective adopters
    approved` are the adopters approved in the period."""
    assert (given(shipped, name) == entry) is same


@pytest.mark.parametrize(
    "name, entry, same",
    [
        ("Avg weeks care proceedings (open cases)", "care_proceedings_weeks", True),
        ("Average length of care proceedings (new cases)", "care_proceedings_weeks", False),
        ("Average length of care proceedings concluded in the year (weeks)", "care_proceedings_weeks", False),
    ],
)
def test_open_proceedings_are_ongoing(shipped, name, entry, same):
    """Proceedings `(open cases)` are those underway, as `(ongoing cases)` are."""
    assert (given(shipped, name) == entry) is same


# -- probes15's third batch: what merged ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("% children achieving a good level of development at the end of the EYFS - free school meals", "eyfs_gld_pct"),
        ("Key Stage 4 attainment - the gap between SEN pupils and others", "ks4_disadvantaged_gap"),
        ("Key Stage 2 attainment - disadvantaged pupils (%)", "ks2_disadvantaged_gap"),
        ("% Pupils attaining 5 or more A*-C grades at GCSE (not including English and Maths)", "gcse_5ac_em_pct"),
        ("Number of children missing education - new in the month", "cme"),
        ("Number of serious offences committed by children looked after", "yp_serious_offences"),
    ],
)
def test_a_pupil_group_a_gap_an_exclusion_a_flow_a_cohort(shipped, name, entry):
    """A pupil group (FSM, SEN, EAL) is part of the pupils; a gap between groups is no share of one;
    `(not including X)` leaves X out; a trailing `- new` counts a flow in; a cohort the entry's
    recorded population (young people) does not name is part of it."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("% children achieving a good level of development at the end of the EYFS", "eyfs_gld_pct"),
        ("Key Stage 2 attainment gap between disadvantaged pupils and others", "ks2_disadvantaged_gap"),
        ("% pupils achieving 5+ A*-C GCSEs including English and maths", "gcse_5ac_em_pct"),
        ("Home educated children with an EHC plan or statement (%)", "ehe_send_pct"),
        ("Number of serious offences committed by young people in the period", "yp_serious_offences"),
    ],
)
def test_the_whole_measures_still_match(shipped, name, entry):
    assert given(shipped, name) == entry


def test_not_including_in_a_parenthesis_excludes():
    f = vocabulary().facts("% Pupils attaining 5 or more A*-C grades at GCSE (not including English and Maths)")
    assert f.excluded == {"english", "math"} and not f.included


@pytest.mark.parametrize(
    "name, entry, same",
    [
        ("Number of children who had an assessment completed in the month", "assessments_completed", False),
        ("Number of children who had a S47 enquiry completed in the month", "s47_completed", False),
        ("Number of C&F assessments completed in the month", "assessments_completed", True),
    ],
)
def test_children_who_had_an_event_are_no_count_of_events(shipped, name, entry, same):
    """`Number of children who had an assessment` counts children, `Number of assessments` the
    assessments (a child may have two): the individual children a count is of."""
    assert (given(shipped, name) == entry) is same


# -- probes15's fifth batch: a trailing gloss naming a part -------------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Number of referrals into statutory service in the month - from MASH", "cin_referrals"),
        ("Number of Early Help assessments started - schools", "eh_assessments_started"),
        ("Percentage of re-referrals within 12 months - CP", "rereferrals_12m_pct"),
        ("Average number of children per qualified Social Worker (1 FTE) - CIN teams", "caseload_qsw"),
    ],
)
def test_a_trailing_part_is_a_part(shipped, name, entry):
    """A trailing `- from MASH`, `- schools` names a source, `- CIN teams` a team: a part of the
    figure; `- CP` after a measure of no cohort is the cohort's share only, a doubt no score
    settles (it was a soft cost a 93 outscored)."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Number of referrals into statutory service in the month - KPI 4", "cin_referrals"),
        ("Number of referrals into statutory service in the month", "cin_referrals"),
        ("Number of Early Help assessments started", "eh_assessments_started"),
    ],
)
def test_a_trailing_reference_changes_nothing(shipped, name, entry):
    assert given(shipped, name) == entry


# -- probes15's sixth batch: a leading gloss naming a part -----------------------------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Team 2 - Number of children subject to CP Plan at end of month", "cpp_children"),
        ("Under 5s - Number of new CLA in month", "cla_new"),
        ("Schools - Number of referrals into statutory service in the month", "cin_referrals"),
        ("Police: Number of contacts in the month", "contacts"),
        ("Number of Section 47 (S47) enquiries started (CSE)", "s47_started"),
    ],
)
def test_a_leading_team_age_or_source_is_a_part(shipped, name, entry):
    """`Team 2 -` and `Under 5s -` are no document reference (`LAC 13 -`) but a team and an age
    band; a leading `Schools -` names a source; a concern (CSE) holds for a person."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("LAC 13 - Number of children in our care", "cla"),
        ("MASH: referrals processed within 24 hours (%)", "mash_referrals_1wd_pct"),
        ("Number of children subject to CP Plan at end of month (all categories)", "cpp_children"),
    ],
)
def test_a_leading_reference_or_service_is_no_part(shipped, name, entry):
    assert given(shipped, name) == entry


@pytest.mark.parametrize(
    "name, entry, same",
    [
        ("Number of referrals into statutory service in the month (repeat)", "cin_referrals", False),
        ("Child protection plans started in the month", "cpp_repeat", False),
        ("Number of new CP plans where the child had a previous plan (repeat)", "cpp_repeat", True),
        ("Number of repeat CP plans in the month", "cpp_repeat", True),
    ],
)
def test_a_repeat_gloss_counts_repeats_only(shipped, name, entry, same):
    """`(repeat)` says a figure counts repeats only: no count of every referral, and an entry so
    glossed is no count of every plan started; a name that says repeat in its words meets it."""
    assert (given(shipped, name) == entry) is same
