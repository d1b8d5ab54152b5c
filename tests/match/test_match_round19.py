"""Matching round 19 (m31): the generated near misses (`tests/match/probes17.csv`, made by
`tests/match/generate_probes17.py`) and the guards for what of them merged."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scorekit.match import evaluation as ev

from .conftest import given

HERE = Path(__file__).resolve().parent


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("generate_probes17", HERE / "generate_probes17.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("probe_file", ["probes17.csv", "probes17b.csv"])
def test_the_generated_probes_are_labelled_with_catalogue_ids(shipped, probe_file):
    rows = ev.read(HERE / probe_file)
    ids = {i.id for i in shipped}
    assert len(rows) >= 1000 and len({" ".join(r.name.lower().split()) for r in rows}) == len(rows)
    assert all(r.answer in ids or r.answer == ev.NEW for r in rows)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in rows if r.kind == "trap")
    assert all(r.answer in ids for r in rows if r.kind == "paraphrase")
    assert all(r.source.startswith("twenty-seventh session, matching round 19 (m31): generated") for r in rows)


def test_the_generator_reads_no_held_out_set():
    text = (HERE / "generate_probes17.py").read_text(encoding="utf-8")
    assert 'fresh.csv"' not in text and 'unseen.csv"' not in text
    assert 'glob("probes*.csv")' in text


def test_the_generator_changes_one_part_along_the_profiles_axes():
    g = _generator()
    p = g.Profile(__import__("json").loads((HERE.parent.parent / "match" / "profile.json").read_text()))
    ind = {"id": "x", "unit": "count", "time_basis": "month", "population": ""}
    basis = dict(g.basis_traps(p, ind, "Number of contacts in the month"))
    assert "Number of contacts year to date" in basis and "Number of contacts rolling 12 months" in basis
    units = dict(g.unit_traps(p, ind, "Number of contacts in the month"))
    assert set(units) == {"Percentage of contacts in the month", "Rate per 10,000 of contacts in the month"}
    assert dict(g.number_traps(ind, "Assessments completed in 45 working days")) == {
        "Assessments completed in 20 working days": "threshold: 45 -> 20"
    }
    assert g.number_traps(ind, "Number of adoptions (E11, E12)") == []
    para = dict(g.abbreviation_paraphrases(p, ind, "Number of CLA at the end of the month"))
    assert "Number of children looked after at the end of the month" in para


# -- what probes17 merged: the counted unit, a leading label, a share over a week ---------------


def test_households_are_not_children(shipped):
    """A count of households is not a count of children, whatever the rest of the name says."""
    assert given(shipped, "% households subject to repeat CP plans") != "cpp_repeat_pct"
    assert given(shipped, "Percentage of Looked after households visited within timescales") != "cla_visited_pct"
    assert given(shipped, "Households with a child on a CP plan at period end") != "cpp_children"


def test_adopters_and_foster_carers_are_counted_in_households(shipped):
    """Adopters and foster carers are counted by household: saying so is no other measure."""
    assert given(shipped, "Prospective adopters approved (households)") == "adopters_approved"
    assert given(shipped, "In-house foster carers (households) at period end") == "foster_carers_inhouse"


def test_episodes_counted_at_the_head_of_a_name_are_not_children(shipped):
    """`Number of episodes ...`, `% episodes ...` count episodes, not the children named after."""
    assert given(shipped, "% episodes subject to repeat child protection plans") != "cpp_repeat_pct"
    assert (
        given(shipped, "Number of episodes looked after placed for adoption at period end") != "cla_placed_for_adoption"
    )
    assert given(shipped, "Number of new Looked after Children (episodes)") == "cla_new"


def test_a_count_of_foster_carers_with_its_period_first_is_still_the_carers(shipped):
    """`At the end of period: number of in-house foster carers` counts carers, not the children
    placed with them: the period said first does not hide what is counted."""
    assert given(shipped, "At the end of period: number of in-house foster carers") == "foster_carers_inhouse"


def test_a_share_over_a_week_is_not_the_years(shipped):
    """A share over the year (`seeing a dentist in year`) is not the week's, as it is not the
    month's or the quarter's."""
    name = "Percentage of children looked after for a year+ seeing a dentist in the week"
    assert given(shipped, name) != "cla_dental_pct"


def test_the_last_12_months_is_not_a_month_or_a_point_in_time(shipped):
    """A share over the last 12 months is not one its entry's words keep for the month or take at
    its end; a re-referral's own 12-month window says no period, so it still meets the month's."""
    assert given(shipped, "Percentage of looked after children placed in IFA placements in the last 12 months") != (
        "cla_ifa_pct"
    )
    name = "Percentage of CLA who participated in their reviews (aged 4+) in the last 12 months"
    assert given(shipped, name) != "cla_review_participation_pct"
    assert given(shipped, "Number of referrals into statutory service in the month (re-referrals only)") == (
        "rereferrals_12m"
    )


def test_cohorts_that_overlap_without_one_holding_the_other_differ(shipped):
    """Children in need 16+ or care leavers share the care leavers with looked after children 16+
    or care leavers, yet neither counts the other: different measures. A name naming the same
    cohorts still meets the entry."""
    name = "Number of children in need aged 16+ or care leavers with an authorised pathway plan"
    assert given(shipped, name) != "pathway_plan"
    same = "Number of looked after children aged 16+ and care leavers with an authorised pathway plan"
    assert given(shipped, same) == "pathway_plan"


def test_events_in_timescale_are_not_all_the_events(shipped):
    """Assessments completed in the timeframe are a part of those completed, not all of them."""
    assert given(shipped, "Assessments finished in the timeframe") != "assessments_completed"
    assert given(shipped, "Number of C&F assessments completed") == "assessments_completed"


def test_households_are_counted_where_carers_are_the_head_of_the_count(shipped):
    """A count of adopters or foster carers counts households; a measure that only names adopters
    (children matched with an adoptive family) counts no household."""
    name = "Average days between placement order and match with adopters for households"
    assert given(shipped, name) != "adoption_a2_days"
    assert given(shipped, "Stage 2 adopter applications (number)") == "adopter_applications_stage2"
    assert given(shipped, "Children in care with in-house foster carers (period end)") == "cla_inhouse_foster"


def test_of_which_ends_an_including_clause(shipped):
    """`including CP, CLA and care leavers, of which UASC`: what follows `of which` is the part
    counted, not one more member of what the count includes."""
    name = "Number of all Children in Need (including CP, CLA and care leavers, of which UASC"
    assert given(shipped, name) != "cin_all"
