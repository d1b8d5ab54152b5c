"""Matching round 29 (m48): paraphrases in the wording of publications no earlier set drew on
(`tests/match/probes24.csv`): Welsh, Scottish and Northern Irish statistics, Ofsted ILACS, the
SSDA903 and CIN census guidance, councils' annual reports and self-evaluations, JSNA tables,
committee-report headings and ChAT labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorekit.match import evaluation as ev

HERE = Path(__file__).resolve().parent


def test_the_paraphrase_probe_is_labelled_with_catalogue_ids(shipped):
    rows = ev.read(HERE / "probes24.csv")
    ids = {i.id for i in shipped}
    assert len(rows) >= 290 and len({r.name.lower() for r in rows}) == len(rows)
    assert sum(r.kind == "paraphrase" for r in rows) >= 150 and sum(r.kind == "trap" for r in rows) >= 50
    assert all(r.answer in ids or r.answer == ev.NEW for r in rows)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in rows if r.kind == "trap")
    assert all(r.note.startswith("axis: ") for r in rows if r.kind == "trap")
    assert all(r.source.startswith("thirty-seventh session, matching round 29 (m48)") for r in rows)


def _given(shipped, name: str) -> str:
    from scorekit.match.matcher import Matcher, Query

    return Matcher(shipped).match(Query.build(name)).indicator_id


def test_a_footnote_mark_is_no_part_of_the_name():
    from scorekit.match.normalise import clean

    assert clean("Children looked after at 31 March\u00b2") == "children looked after at 31 march"
    assert clean("Rate per 10,000 children aged 0-17\u00b9\u2020") == "rate per 10,000 children aged 0-17"


@pytest.mark.parametrize(
    "name, answer",
    [
        ("Children looked after at 31 March\u00b2", "cla"),
        ("Children subject to a CP plan at period end\u00b3", "cpp_children"),
        ("Looked after children rate per 10,000 children aged 0-17\u2020", "cla_rate"),
    ],
)
def test_a_name_with_a_footnote_mark_is_given_its_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


@pytest.mark.parametrize(
    "name, answer",
    [
        # the Welsh and older English name of children's social care
        ("Referrals to social services in month", "cin_referrals"),
        # Scottish and Northern Irish releases: admissions to and discharges from care
        ("Number of admissions into care in the month", "cla_new"),
        ("Number of discharges from care during the period", "cla_ceased"),
        # C&F spelt out with an ampersand
        ("Child & Family assessments completed in the month", "assessments_completed"),
        # the front door named by its model
        ("Number of contacts to the integrated front door in the month", "contacts"),
        # the council is the authority a care leaver keeps in touch with
        ("Percentage of care leavers in touch with their council", "care_leavers_in_contact_pct"),
        # a section 47 enquiry by what it is
        ("Child protection enquiries started in the month", "s47_started"),
        # short-term placement stability as a heading before the measure
        (
            "Placement stability - short term: percentage of CLA with 3+ placements in the year",
            "cla_3plus_placements_pct",
        ),
        # the register's wording and the verb first for becoming subject to a plan
        ("% of children added to the child protection register for a second or subsequent time", "cpp_repeat_pct"),
        ("Number of children starting a child protection plan who had a previous plan in the month", "cpp_repeat"),
    ],
)
def test_other_publications_words_for_a_catalogued_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


@pytest.mark.parametrize(
    "name",
    [
        "Children in care council meetings held",  # a council of children, not the authority
        "Placement stability - long term: percentage of CLA with 3+ placements in the year",
        "Percentage of care leavers not in touch with their council",
        "Number of discharges from care proceedings in the period",
    ],
)
def test_the_new_readings_merge_no_look_alike(shipped, name):
    got = _given(shipped, name)
    assert got not in {"cla", "cla_3plus_placements_pct", "care_leavers_in_contact_pct", "cla_ceased"}


@pytest.mark.parametrize(
    "name, answer",
    [
        # a population stated by residence
        ("Rate of children looked after per 10,000 resident children aged 0-17", "cla_rate"),
        # newly looked after is starting to be looked after
        ("Number of children newly looked after in the month", "cla_new"),
        # `(all reasons)` says no breakdown by reason
        ("Number of children who ceased to be looked after (all reasons) in the period", "cla_ceased"),
        # case conferences, initial and review
        ("% of initial child protection case conferences held within 15 working days", "icpc_in_timescale_pct"),
        ("Children subject to review child protection case conferences in the month", "rcpc_children"),
        # child protection planning is being subject to a plan
        ("Children subject to child protection planning at the end of the month", "cpp_children"),
    ],
)
def test_more_words_for_a_catalogued_measure(shipped, name, answer):
    assert _given(shipped, name) == answer


def test_the_new_readings_add_no_form_tried_against_every_name():
    """A form with no anchor word is tried on every name (see `phrases`): the round's readings
    keep the profile's count of such equivalents where it was (136), so matching is no slower."""
    import json

    from scorekit.match.phrases import anchor_words

    profile = json.loads((HERE.parent.parent / "match" / "profile.json").read_text(encoding="utf-8"))
    forms = [f for e in profile["equivalents"] for f in e["forms"]]
    assert sum(not anchor_words(f) for f in forms) <= 136
    assert anchor_words("initial (child protection|cp) case conferences?")
