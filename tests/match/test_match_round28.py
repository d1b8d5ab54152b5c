"""Matching round 28 (m47): the shapes of merged traps, probed one axis at a time
(`tests/match/probes23.csv`), and the Welsh measure probes21 still merged.

- Another nation's measure (a Welsh performance measure's code, `(PMC24)`, or the nation's
  name; the profile's `elsewhere`) that says `in timescale` means its own nation's timescale
  (Wales assesses within 42 working days), not the limit England's guidance sets: it is held
  for a person, never merged with the 45-working-day share.
- An entry said to be held in timescale (`ICPCs which were held within timescales`) implies the
  event its timescale's clock runs from (the strategy discussion): a name stating that event
  (`within 15 working days of the strategy discussion`) says nothing the entry does not explain.
- `due to be completed` is a stage (not yet done), not the connective `due to` (because of) the
  noise drops: `Number of single assessments due to be completed in the month` is not the
  month's completed assessments.
- A count or a rate for a financial year printed bare (`Number of contacts (2023/24)`) is the
  year's, not the month's: the noise drops the year from the words, the time basis guard still
  reads it.
- A closing `- number` is a count's gloss like `(number)`: beside a rate's gloss the name says two
  units, held for a person.
- A name that counts at any time (`subject to a plan at any time`, `ever looked after`) and says no
  basis of its own is not a count at a point in time (the noise drops `at any time`).
- `(all ages)` says the whole population, not those aged 4+; `children per 10,000` is a rate,
  not a caseload (a caseload is per worker, never per a number).
- A name that says it counts the whole population is not a measure of an age band other than
  childhood's: care leavers `(all ages)` are not those aged 19-21.
- An inclusion the profile marks `widens` (connected carers) that the name adds to an entry
  including nothing is another measure; one only the entry says is still free."""

from __future__ import annotations

import pytest

from scorekit.match.catalogue import Catalogue
from scorekit.match.guards import Side, inclusions
from scorekit.match.normalise import vocabulary
from scorekit.match.profile import from_dict, load

from .conftest import given

# -- another nation's timescale --------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "% of assessment completed for children within statutory timescales (PMC24)",
        "Number of assessments completed within statutory timescales (PMC24)",
        "Percentage of ICPCs held within timescale (Wales)",
    ],
)
def test_another_nations_in_timescale_is_not_englands_limit(shipped: Catalogue, name):
    assert given(shipped, name) not in ("assessments_in_45wd_pct", "assessments_in_45wd", "icpc_in_timescale_pct")


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("% of assessments completed within statutory timescales", "assessments_in_45wd_pct"),
        ("Percentage of ICPCs held in timescale", "icpc_in_timescale_pct"),
        (
            "SCC/004 The percentage of children looked after on 31 March who have had three or more placements "
            "during the year",
            "cla_3plus_placements_pct",
        ),
    ],
)
def test_englands_timescales_and_other_nations_measures_without_one_are_kept(shipped: Catalogue, name, answer):
    assert given(shipped, name) == answer


def test_another_nation_is_read_from_the_profile_not_the_code():
    voc = vocabulary()
    assert voc.facts("% of assessments within statutory timescales (PMC24)").elsewhere
    assert voc.facts("Percentage of ICPCs held within timescale (Wales)").elsewhere
    assert not voc.facts("% of assessments within statutory timescales").elsewhere
    # the code is read as within 45 working days only where the profile does not mark it
    assert "within 45 working days" not in voc.canonical("% of assessment completed in timescale (PMC24)")[0]
    assert "within 45 working days" in voc.canonical("% of assessment completed in timescale")[0]


def test_elsewhere_is_a_profile_list_of_patterns():
    prof = from_dict({"elsewhere": ["ruritania"]})
    assert prof.elsewhere == ("ruritania",)


# -- the clock an entry's `in timescale` implies ---------------------------------------------


def test_an_entry_in_timescale_implies_its_clocks_start():
    voc = vocabulary()
    entry = "Number of children subject to Initial Child Protection Conferences (ICPCs) which were held in timescale"
    assert voc.facts(entry).clock_from == {"strategy discussion"}
    assert voc.facts("Percentage of ICPCs held in 15 working days of strategy discussion").clock_from == {
        "strategy discussion"
    }


@pytest.mark.parametrize(
    "name",
    [
        "Number of children subject to an ICPC held within 15 working days of the strategy discussion",
        "ICPCs held in month within 15 working days of the strategy discussion (number of children)",
    ],
)
def test_the_clocks_start_is_explained_by_an_entry_held_in_timescale(shipped: Catalogue, name):
    assert given(shipped, name) == "icpc_in_timescale"


# -- due to be done ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "not_this"),
    [
        ("Number of single assessments due to be completed in the month", "assessments_completed"),
        ("Number of S47 enquiries due to be completed in the month", "s47_completed"),
        ("Number of early help assessments due to be started", "eh_assessments_started"),
    ],
)
def test_due_to_be_done_is_not_done(shipped: Catalogue, name, not_this):
    assert given(shipped, name) != not_this


def test_due_to_as_because_of_is_still_noise():
    voc = vocabulary()
    assert ("stage", "due") in voc.facts("Number of single assessments due to be completed").qualifiers
    assert "due" not in voc.facts("Number of referrals due to neglect").words


# -- a financial year printed bare ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "not_this"),
    [
        ("Number of contacts (2023/24)", "contacts"),
        ("Number of referrals to children's social care 2022-23", "cin_referrals"),
        ("Section 47 enquiries started 2023/24", "s47_started"),
        ("Number of children who started to be looked after 2022-23", "cla_new"),
    ],
)
def test_a_count_for_a_financial_year_printed_bare_is_not_the_months(shipped: Catalogue, name, not_this):
    assert given(shipped, name) != not_this


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Children looked after per 10,000 (2022/23)", "cla_rate"),
        ("Percentage of re-referrals within 12 months 2022-23", "rereferrals_12m_pct"),
        ("Number of children looked after at 31 March 2024", "cla"),
    ],
)
def test_a_year_beside_a_snapshot_or_a_share_is_its_date(shipped: Catalogue, name, answer):
    assert given(shipped, name) == answer


def test_only_one_bare_financial_year_is_read():
    voc = vocabulary()
    assert voc.facts("Number of contacts (2023/24)").year_span
    assert not voc.facts("Number of contacts in 2023/24").year_span  # said with `in`: a basis
    assert not voc.facts("Number of referrals 2020-21 to 2022-23").year_span  # a series
    assert not voc.facts("Number of contacts 2023").year_span  # a single year may be a date


# -- a closing `- number` beside a rate ------------------------------------------------------


def test_a_closing_number_beside_a_rate_is_two_units(shipped: Catalogue):
    voc = vocabulary()
    assert voc.facts("Children looked after (per 10,000 population aged 0-17) - number").two_units
    assert given(shipped, "Children looked after (per 10,000 population aged 0-17) - number") != "cla_rate"
    assert not voc.facts("Contacts - number").two_units
    assert given(shipped, "Contacts - number") == "contacts"


# -- at any time vs at a point in time -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "not_this"),
    [
        ("Number of children who have been subject to a child protection plan at any time", "cpp_children"),
        ("Number of children ever looked after", "cla"),
    ],
)
def test_at_any_time_is_no_point_in_time(shipped: Catalogue, name, not_this):
    assert given(shipped, name) != not_this


def test_a_point_in_time_is_still_its_entry(shipped: Catalogue):
    assert given(shipped, "Number of children subject to a child protection plan at the end of the month") == (
        "cpp_children"
    )
    assert vocabulary().facts("Number of children ever looked after").any_time


def test_a_repeats_previous_plan_at_any_time_is_not_the_names_period():
    # the `at any time` a previous plan is said in belongs to the repeat the equivalents read
    name = "Number of new CP plans where the child had previously been subject of a CP plan at any time"
    assert not vocabulary().facts(name).any_time


# -- all ages; children per a number ---------------------------------------------------------


def test_all_ages_is_the_whole_population_not_those_aged_4_plus(shipped: Catalogue):
    name = "Percentage of children looked after who took part in their review (all ages)"
    assert given(shipped, name) != "cla_review_participation_pct"
    assert given(shipped, "Percentage of CLA who participated in their review (aged 4+)") == (
        "cla_review_participation_pct"
    )


def test_children_per_a_number_is_a_rate_not_a_caseload(shipped: Catalogue):
    assert given(shipped, "Children per 10,000 aged 0-17 looked after at the end of the month") == "cla_rate"
    assert given(shipped, "Cases per qualified social worker (FTE)") == "caseload_qsw"


# -- the whole population vs an age band -----------------------------------------------------


def test_the_whole_population_is_not_an_age_band(shipped: Catalogue):
    name = "Percentage of care leavers in suitable accommodation (all ages)"
    assert given(shipped, name) != "care_leavers_suitable_accom_pct"
    assert given(shipped, "Percentage of care leavers in suitable accommodation (aged 19-21)") == (
        "care_leavers_suitable_accom_pct"
    )


def test_all_children_is_still_the_child_population(shipped: Catalogue):
    assert given(shipped, "Rate of referrals per 10,000 (all children)") == "cin_referrals_rate_12m"


# -- an inclusion that widens ----------------------------------------------------------------


def test_an_inclusion_the_name_adds_is_another_measure(shipped: Catalogue):
    name = "Number of CLA placed with in-house foster carers (incl. connected carers)"
    assert given(shipped, name) != "cla_inhouse_foster"


def test_widens_is_hard_from_the_name_and_free_from_the_entry():
    voc, prof = vocabulary(), load()
    name = voc.facts("Number of CLA placed with in-house foster carers (incl. connected carers)")
    entry = voc.facts("Number of CLA placed with in-house Foster Carers at period end")
    a, b = Side(name, "count", frozenset()), Side(entry, "count", frozenset())
    assert any(f.hard for f in inclusions(a, b, prof))
    assert not any(f.hard or f.guard == "including" for f in inclusions(b, a, prof))
