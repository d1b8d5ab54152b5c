"""Renames map, traps never merge, guards hold, decisions come first, refs only support."""

from __future__ import annotations

import pytest

from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.decisions import Decision, Decisions
from scorekit.match.matcher import Matcher, Query


def without_document(cat: Catalogue, document: str) -> Catalogue:
    out = Catalogue()
    for ind in cat:
        kept = [a for a in ind.aliases if a.source != document]
        if kept:
            out.add(Indicator(ind.id, kept[-1].name, ind.unit, ind.polarity, ind.definition, kept))
    return out


def only(cat: Catalogue, *ids: str) -> Catalogue:
    out = Catalogue()
    for i in ids:
        out.add(cat.indicators[i])
    return out


def test_every_labelled_name_maps_to_its_label(shipped, labelled):
    results = Matcher(shipped).match_many([Query.build(r["indicator"], r["ref"], r["period"]) for r in labelled])
    wrong = [
        (r["indicator"], r["canonical_id"], x.indicator_id)
        for r, x in zip(labelled, results)
        if x.indicator_id != r["canonical_id"]
    ]
    assert wrong == []


def test_mash_ref_rename_is_one_indicator(shipped):
    m = Matcher(shipped)
    name = (
        "Percentage of referrals dealt with by MASH where time from referral received / "
        "recorded to completion by MASH was 24 hours / 1 working day or less"
    )
    r18 = m.match(Query.build(name, "M8-QL", "2018-06"))
    r20 = m.match(Query.build(name, "M6-CL", "2020-10"))
    assert r18.indicator_id == r20.indicator_id == "mash_referrals_1wd_pct"
    assert r18.rule == "exact_alias" and "M8-QL" in r18.explanation


def test_renames_found_by_name_when_the_document_is_new(shipped):
    """With the 2023 pack unseen, its renamed names must still land on the old indicators."""
    m = Matcher(without_document(shipped, "agenda-2023-11.pdf"))
    cases = {
        "Number of C&F assessments completed": "assessments_completed",
        "Rate of children in our care per 10,000": "cla_rate",
        "Number of CLA at the end of the month": "cla",
        "Percentage of C&F assessments completed within 45 working days": "assessments_in_45wd_pct",
        "Number of Early Help assessments started": "eh_assessments_started",
        "Number of children subject to CP Plan at end of month": "cpp_children",
    }
    for name, expected in cases.items():
        r = m.match(Query.build(name, "", "2023-10"))
        assert r.indicator_id == expected, (name, r.explanation)
        assert r.rule == "name" and r.explanation


def test_universal_help_became_early_help(shipped):
    m = Matcher(without_document(shipped, "scorecard-2021-08.pdf"))
    r = m.match(
        Query.build(
            "Number of Early Help Plans (EHPs) opened in the month (includes EHPs "
            "completed, and those still open at end of period)",
            "EH1b",
            "2021-08",
        )
    )
    assert r.indicator_id == "eh_plans_opened"


def test_same_ref_different_indicators(shipped):
    m = Matcher(shipped)
    a = m.match(
        Query.build(
            "Number of children subject to Initial Child Protection Conferences "
            "(ICPCs), excluding transfer-Ins and temporary registrations",
            "CP2",
            "2020-10",
        )
    )
    b = m.match(Query.build("Total number of children with a CP plan at period end", "CP2", "FY2014/15-Q2"))
    assert (a.indicator_id, b.indicator_id) == ("icpc_children", "cpp_children")


def test_trap_pairs_never_merge(shipped, traps):
    """Each alias of A against a catalogue that holds only B: never accepted as B."""
    for t in traps:
        for src, dst in ((t["id_a"], t["id_b"]), (t["id_b"], t["id_a"])):
            m = Matcher(only(shipped, dst))
            for alias in shipped.indicators[src].aliases:
                r = m.match(Query.build(alias.name, alias.ref, alias.period))
                assert r.indicator_id != dst, (alias.name, dst, r.explanation, t["why"])


def test_unit_guard_uses_cell_format(shipped):
    """A name that says nothing about its unit, printed with % cells, is no count."""
    m = Matcher(only(shipped, "cp_transfer_ins"))
    r = m.match(Query.build("Transfer-ins", "", "2020-10", ["100%", "0%", "50%"]))
    assert r.indicator_id == ""
    r = m.match(Query.build("Transfer-ins", "", "2020-10", ["3", "0", "7"]))
    assert r.indicator_id == "cp_transfer_ins"


def test_number_guard_is_not_overridden_by_score(shipped):
    m = Matcher(only(shipped, "cpp_visited_15wd_pct"))
    r = m.match(
        Query.build(
            "Percentage of children subject to a Child Protection Plan seen in the last 10 working days.",
            "CP8-QL",
            "2020-10",
        )
    )
    assert r.indicator_id == "" and r.rule == "unmatched"
    assert "blocked" in r.explanation and "numbers" in r.explanation


def test_ref_alone_is_never_enough(shipped):
    r = Matcher(shipped).match(Query.build("Number of bicycles repaired", "M1", "2020-10"))
    assert r.indicator_id == "" and r.rule == "unmatched"


def test_ref_supports_a_close_name(shipped):
    sub = only(shipped, "rereferrals_12m_pct", "mash_referrals_1wd_pct")
    name = "Percentage of referrals that were re-referrals within a year of closure"
    with_ref = Matcher(sub).match(Query.build(name, "M6-QL", "2019-03"))
    without = Matcher(sub).match(Query.build(name, "", "2019-03"))
    assert with_ref.top.indicator_id == "rereferrals_12m_pct"
    assert with_ref.score > without.score and "ref M6-QL" in with_ref.explanation


def test_thresholds_split_accept_review_unmatched(shipped):
    sub = only(shipped, "cla_visited_pct")
    q = Query.build("Percentage of CLA for whom a visit has taken place within agreed timescales", "", "2023-10")
    score = Matcher(sub).match(q).score
    assert Matcher(sub, accept=score, review=score - 10).match(q).rule == "name"
    assert Matcher(sub, accept=score + 1, review=score - 1).match(q).rule == "review"
    assert Matcher(sub, accept=score + 2, review=score + 1).match(q).rule == "unmatched"
    with pytest.raises(ValueError):
        Matcher(sub, accept=70, review=80)


def test_decisions_are_applied_before_anything_else(shipped):
    name = "Number of children in our care"
    dec = Decisions([Decision(name, "accept", "uasc_cla")])
    r = Matcher(shipped, dec).match(Query.build(name, "", "2023-10"))
    assert (r.indicator_id, r.rule) == ("uasc_cla", "decision")
    rejected = Decisions([Decision(name, "reject", "cla")])
    r = Matcher(shipped, rejected).match(Query.build(name, "", "2023-10"))
    assert r.indicator_id != "cla"
    assert all(c.indicator_id != "cla" for c in r.candidates)


def test_decision_matches_rewrapped_name(shipped):
    dec = Decisions([Decision("Number of referrals into statutory service in the month", "accept", "cin_referrals")])
    r = Matcher(shipped, dec).match(
        Query.build("NUMBER of referrals  into statutory service in the month", "62", "2024-01")
    )
    assert r.rule == "decision" and r.indicator_id == "cin_referrals"


def test_held_out_renames_found_through_domain_equivalences(shipped):
    """Renames only the equivalence rules can find: each document's wording is unseen."""
    cases = [
        ("agenda-2023-11.pdf", "Number of referrals into statutory service in the month", "cin_referrals"),
        ("agenda-2023-11.pdf", "Percentage of CLA ceased in the month - adopted", "adoptions_pct"),
        (
            "agenda-2023-11.pdf",
            ("Percentage of children in care for at least 12 months for whom health assessments are up to date."),
            "cla_health_assessment_pct",
        ),
        ("agenda-2023-11.pdf", "Percentage of re-referrals within 12 months", "rereferrals_12m_pct"),
        (
            "framework-2014-15-q2.pdf",
            ("% of referrals of CiN that are re-referrals (within 1 year) (including stepped-up cases)"),
            "rereferrals_12m_pct",
        ),
        (
            "scorecard-2020-10.pdf",
            ("Number of Early Help Assessment (EHA) completed in the month INCLUDING adults aged 21+"),
            "eh_assessments_completed",
        ),
    ]
    for doc, name, expected in cases:
        r = Matcher(without_document(shipped, doc)).match(Query.build(name, "", "2023-10"))
        assert r.indicator_id == expected and r.rule == "name", (name, r.explanation)


def test_excluding_adults_never_lands_on_the_total(shipped):
    cat = Catalogue()
    cat.add(Indicator("eh_assessments_completed", "Number of Early Help assessments completed", "count"))
    m = Matcher(cat)
    r = m.match(Query.build("Number of Early Help assessments completed excluding adults aged 21+"))
    assert r.indicator_id == "" and "only on one side" in r.explanation
    # an inclusion restates the default: a candidate, with no penalty for it
    r = m.match(Query.build("Number of Early Help assessments completed including adults aged 21+"))
    assert r.top.indicator_id == "eh_assessments_completed" and r.top.notes == []


def test_up_to_date_reviews_are_not_reviews_completed_in_time(shipped):
    m = Matcher(only(shipped, "cla_reviews_in_time_pct"))
    r = m.match(Query.build("Percentage of CLA children with an up to date review"))
    assert r.indicator_id == ""
