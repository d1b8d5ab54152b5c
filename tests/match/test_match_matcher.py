"""Renames map, traps never merge, guards hold whatever the score, decisions come first, and every
decision says why."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from scorekit.match import evaluation as ev
from scorekit.match import profile as profmod
from scorekit.match.catalogue import Alias, Catalogue, Indicator
from scorekit.match.decisions import Decision, Decisions
from scorekit.match.evaluation import without_document
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Vocabulary


def only(cat: Catalogue, *ids: str) -> Catalogue:
    out = Catalogue()
    for i in ids:
        out.add(cat.indicators[i])
    return out


def test_every_seed_name_is_its_own_exact_alias(shipped, labelled):
    results = Matcher(shipped).match_many([Query.build(r["indicator"], r["ref"], r["period"]) for r in labelled])
    wrong = [
        (r["indicator"], r["canonical_id"], x.indicator_id)
        for r, x in zip(labelled, results, strict=True)
        if x.indicator_id != r["canonical_id"]
    ]
    assert wrong == []


def test_seed_documents_held_out_are_never_given_a_wrong_id(shipped, labelled):
    """Each document against a catalogue built from the others: renames found, nothing merged."""
    docs = sorted({r["document"] for r in labelled})
    wrong, right, known = [], 0, 0
    for doc in docs:
        sub = without_document(shipped, doc)
        rows = [r for r in labelled if r["document"] == doc]
        for r, x in zip(
            rows,
            Matcher(sub).match_many([Query.build(r["indicator"], r["ref"], r["period"]) for r in rows]),
            strict=True,
        ):
            known += r["canonical_id"] in sub.indicators
            if x.indicator_id and x.indicator_id != r["canonical_id"]:
                wrong.append((doc, r["indicator"], x.indicator_id))
            right += x.indicator_id == r["canonical_id"]
    assert wrong == []
    assert right / known >= 0.977


def test_unseen_development_part_no_novel_measure_is_given_an_id(shipped, unseen):
    rows = [r for r in unseen if r.split == "development" and r.kind == "novel"]
    results = Matcher(shipped).match_many([Query.build(r.name, r.ref, r.period) for r in rows])
    assert [r.name for r, x in zip(rows, results, strict=True) if x.indicator_id] == []


def test_mash_ref_rename_is_one_indicator(shipped):
    m = Matcher(shipped)
    name = (
        "Percentage of referrals dealt with by MASH where time from referral received / "
        "recorded to completion by MASH was 24 hours / 1 working day or less"
    )
    r18 = m.match(Query.build(name, "M8-QL", "2018-06"))
    r20 = m.match(Query.build(name, "M6-CL", "2020-10"))
    assert r18.indicator_id == r20.indicator_id == "mash_referrals_1wd_pct"
    assert r18.rule == "exact_alias" and "M8-QL" in r18.explanation and "scorecard-2018-06.pdf" in r18.explanation


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Children looked after at 31 March (number)", "cla"),
        ("Number of CYPiC", "cla"),
        ("Rate of looked after children per 10000 population aged under 18", "cla_rate"),
        ("Assessments completed within 45 working days (%)", "assessments_in_45wd_pct"),
        ("Children becoming the subject of a CP plan for a second or subsequent time (%)", "cpp_repeat_pct"),
        ("Referral rate per 10000 children (rolling 12 months)", "cin_referrals_rate_12m"),
        ("Monthly rate of referrals per 10000 children", "cin_referrals_rate"),
        ("% of CLA with 3+ placements in the last 12 months", "cla_3plus_placements_pct"),
        ("Care leavers in suitable accommodation (%)", "care_leavers_suitable_accom_pct"),
    ],
)
def test_unseen_wording_lands_on_its_measure(shipped, name, expected):
    r = Matcher(shipped).match(Query.build(name, "", "2024-05"))
    assert r.indicator_id == expected and r.rule in ("name", "exact_alias"), r.explanation


@pytest.mark.parametrize(
    "name, near_miss",
    [
        ("Referral rate per 10000 children (year to date)", "cin_referrals_rate"),
        ("Number of referrals to CSC during the year", "cin_referrals"),
        ("ICPCs held within 10 working days of the strategy discussion (%)", "icpc_in_timescale_pct"),
        ("% of care leavers in unsuitable accommodation", "care_leavers_suitable_accom_pct"),
        ("% of care leavers in education employment or training", "care_leavers_neet_pct"),
        ("Number of children with a CP plan including temporary registrations", "cpp_children"),
        ("Number of single assessments started in the month", "assessments_completed"),
        ("Children with disabilities looked after (number)", "cla"),
    ],
)
def test_traps_are_never_given_their_near_miss(shipped, name, near_miss):
    r = Matcher(shipped).match(Query.build(name, "", "2024-05"))
    assert r.indicator_id != near_miss, r.explanation
    assert not r.indicator_id


def test_renames_found_by_name_when_the_document_is_new(shipped):
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
        assert (r.indicator_id, r.rule) == (expected, "name"), (name, r.explanation)


def test_trap_pairs_never_merge(shipped, traps):
    """Each alias of A against a catalogue that holds only B: never accepted as B."""
    for t in traps:
        for src, dst in ((t["id_a"], t["id_b"]), (t["id_b"], t["id_a"])):
            m = Matcher(only(shipped, dst))
            for alias in shipped.indicators[src].aliases:
                r = m.match(Query.build(alias.name, alias.ref, alias.first.period))
                assert r.indicator_id != dst, (alias.name, dst, r.explanation, t["why"])


def test_no_score_overrides_a_guard(shipped):
    """The same words, 10 against 15 working days: blocked, and the explanation says by what."""
    m = Matcher(only(shipped, "cpp_visited_15wd_pct"), accept=0.0, review=0.0)
    r = m.match(
        Query.build(
            "Percentage of children subject to a Child Protection Plan seen in the last 10 working days.",
            "CP8-QL",
            "2020-10",
        )
    )
    assert r.indicator_id == "" and r.rule == "unmatched" and r.candidates == []
    assert r.blocked[0].indicator_id == "cpp_visited_15wd_pct" and r.blocked[0].similarity >= 90
    assert "blocked (numbers: up to 10 days vs up to 15 days)" in r.explanation


def test_unit_guard_uses_cell_format(shipped):
    m = Matcher(only(shipped, "cp_transfer_ins"))
    assert m.match(Query.build("Transfer-ins", "", "2020-10", ["100%", "0%", "50%"])).indicator_id == ""
    assert m.match(Query.build("Transfer-ins", "", "2020-10", ["3", "0", "7"])).indicator_id == "cp_transfer_ins"


def test_ref_alone_is_never_enough(shipped):
    r = Matcher(shipped).match(Query.build("Number of bicycles repaired", "M1", "2020-10"))
    assert r.indicator_id == "" and r.rule == "unmatched"
    assert "words the catalogue has never seen: bicycle, repaired" in r.explanation


def test_ref_supports_a_close_name(shipped):
    sub = only(shipped, "rereferrals_12m_pct", "mash_referrals_1wd_pct")
    name = "Percentage of referrals that were re-referrals within a year, all agencies"
    with_ref = Matcher(sub).match(Query.build(name, "M6-QL", "2019-03"))
    without = Matcher(sub).match(Query.build(name, "", "2019-03"))
    assert with_ref.top is not None and with_ref.top.indicator_id == "rereferrals_12m_pct"
    assert with_ref.score > without.score and "ref M6-QL" in with_ref.explanation


def test_thresholds_split_accept_review_unmatched(shipped):
    sub = only(shipped, "cla_visited_pct")
    q = Query.build("Percentage of CLA for whom a visit has taken place within agreed timescales - all", "", "2023-10")
    score = Matcher(sub, accept=0, review=0).match(q).score
    assert Matcher(sub, accept=score, review=score - 10).match(q).rule == "name"
    assert Matcher(sub, accept=score + 1, review=score - 1).match(q).rule == "review"
    assert Matcher(sub, accept=score + 2, review=score + 1).match(q).rule == "unmatched"
    with pytest.raises(ValueError):
        Matcher(sub, accept=70, review=80)


def test_a_time_basis_the_name_leaves_unsaid_goes_to_review(shipped):
    """The seeds print the monthly and the rolling referral rate under names that do not say which."""
    r = Matcher(shipped).match(Query.build("Referral rate per 10,000 children aged 0-17", "", "2024-05"))
    assert r.rule == "review" and "the name does not say which" in r.explanation
    assert {c.indicator_id for c in r.candidates[:2]} == {"cin_referrals_rate", "cin_referrals_rate_12m"}
    said = Matcher(shipped).match(
        Query.build("Referral rate per 10,000 children aged 0-17 in the month", "", "2024-05")
    )
    assert said.indicator_id == "cin_referrals_rate"


def test_two_candidates_too_close_go_to_review(shipped):
    r = Matcher(shipped).match(Query.build("Supervision in timescales (%)", "", "2024-05"))
    assert r.rule == "review" and "closer than" in r.explanation


def test_explanations_say_what_was_read_and_why(shipped):
    r = Matcher(shipped).match(Query.build("Number of CYPiC at month end", "", "2024-05"))
    assert r.indicator_id == "cla"
    assert r.explanation.startswith("matched cla ")
    assert "cypic = children looked after" in r.explanation
    blocked = Matcher(shipped).match(Query.build("Number of contacts year to date", "", "2024-05"))
    assert "contacts" in blocked.explanation and "time basis: year to date vs in the month" in blocked.explanation


def test_decisions_are_applied_before_anything_else(shipped):
    name = "Number of children in our care"
    dec = Decisions([Decision(name, "accept", "uasc_cla")])
    r = Matcher(shipped, dec).match(Query.build(name, "", "2023-10"))
    assert (r.indicator_id, r.rule) == ("uasc_cla", "decision")
    rejected = Decisions([Decision(name, "reject", "cla")])
    r = Matcher(shipped, rejected).match(Query.build(name, "", "2023-10"))
    assert r.indicator_id != "cla" and all(c.indicator_id != "cla" for c in r.candidates)


def test_decision_matches_rewrapped_name(shipped):
    dec = Decisions([Decision("Number of referrals into statutory service in the month", "accept", "cin_referrals")])
    r = Matcher(shipped, dec).match(
        Query.build("NUMBER of referrals  into statutory service in the month", "62", "2024-01")
    )
    assert r.rule == "decision" and r.indicator_id == "cin_referrals"


def test_excluding_adults_never_lands_on_the_total():
    cat = Catalogue()
    cat.add(Indicator("eh_assessments_completed", "Number of Early Help assessments completed", "count"))
    m = Matcher(cat)
    r = m.match(Query.build("Number of Early Help assessments completed excluding adults aged 21+"))
    assert r.indicator_id == "" and "excluding adult on one side only" in r.explanation
    r = m.match(Query.build("Number of Early Help assessments completed including adults aged 21+"))
    assert r.indicator_id == "eh_assessments_completed" and r.top is not None and r.top.notes == []


def test_a_name_without_a_unit_is_never_merged_with_a_share_beside_a_count_of_the_same_events():
    cat = Catalogue()
    cat.add(Indicator("conv", "Percentage of contacts that become referrals", "percent"))
    cat.add(Indicator("conv_n", "Number of contacts that become referrals in the month", "count", time_basis="month"))
    m = Matcher(cat)
    assert m.match(Query.build("Contacts that became referrals")).indicator_id != "conv"
    cells = m.match(Query.build("Contacts that became referrals", values=["71%", "68%"]))
    assert cells.indicator_id == "conv"


def _outcomes_catalogue(with_all_cla: bool) -> Catalogue:
    cat = Catalogue()
    cat.add(
        Indicator(
            "dental12",
            "Percentage of children looked after for a year+ seeing a dentist",
            "percent",
            population="children looked after for 12 months or more",
        )
    )
    if with_all_cla:
        cat.add(Indicator("dental_all", "Percentage of current CLA seeing a dentist during the school year", "percent"))
    return cat


def test_a_title_that_omits_the_definitions_population_lands_on_its_measure():
    r = Matcher(_outcomes_catalogue(False)).match(Query.build("Children looked after who received dental checks (%)"))
    assert r.indicator_id == "dental12"
    every = Matcher(_outcomes_catalogue(False)).match(Query.build("% of all looked after children seeing a dentist"))
    assert every.indicator_id == ""


def test_a_title_stating_the_population_its_entry_is_defined_for_is_that_entry():
    cat = Catalogue()
    cat.add(
        Indicator(
            "suitable",
            "Percentage of care leavers in contact and in suitable accommodation",
            "percent",
            population="care leavers aged 19-21",
        )
    )
    m = Matcher(cat)
    assert m.match(Query.build("Care Leavers 19-21 year old in suitable accommodation (%)")).indicator_id == "suitable"
    assert m.match(Query.build("Care leavers aged 17-18 in suitable accommodation (%)")).indicator_id == ""


def test_the_words_of_an_entrys_population_are_no_evidence_against_it():
    def catalogue(population: str) -> Catalogue:
        cat = Catalogue()
        cat.add(Indicator("sgos", "Number of Special Guardianship Orders (SGOs)", "count", population=population))
        return cat

    name = Query.build("Children leaving care via SGO (number)")
    assert Matcher(catalogue("")).match(name).indicator_id == ""
    leavers = "children ceasing to be looked after on a special guardianship order"
    assert Matcher(catalogue(leavers)).match(name).indicator_id == "sgos"


def test_a_close_measure_without_that_population_sends_the_title_to_review():
    r = Matcher(_outcomes_catalogue(True)).match(Query.build("Children looked after who received dental checks (%)"))
    # `during the school year` is the other entry's time basis (round 22), which leaves its words
    # out of the score: the two now score within the margin, and either reading names both
    assert r.indicator_id == "" and "dental12" in r.explanation and "dental_all" in r.explanation
    assert "the name does not say which" in r.explanation or "closer than" in r.explanation
    said = Matcher(_outcomes_catalogue(True)).match(
        Query.build("Children looked after for 12 months or more who received dental checks (%)")
    )
    assert said.indicator_id == "dental12"


def test_a_name_that_says_neither_including_nor_excluding_what_two_measures_differ_on_goes_to_review():
    cat = Catalogue()
    cat.add(Indicator("cin_all", "Number of children in need (including CP and CLA)", "count"))
    cat.add(
        Indicator("cin_open", "Number of children in need at period end (open cases, excluding CP and CLA)", "count")
    )
    m = Matcher(cat)
    r = m.match(Query.build("Number of children in need at the end of the month"))
    assert r.indicator_id == "" and "one includes and the other excludes" in r.explanation
    assert m.match(Query.build("Number of children in need including CP and CLA")).indicator_id == "cin_all"


def test_split_rule_is_the_documented_one(unseen):
    counts = {s: sum(r.split == s for r in unseen) for s in ev.SPLITS}
    assert counts["validation"] + counts["development"] == len(unseen) >= 300
    assert 0.25 <= counts["validation"] / len(unseen) <= 0.4
    readme = (Path(__file__).resolve().parent / "README.md").read_text(encoding="utf-8")
    assert f"{counts['validation']} names in validation" in readme


@pytest.mark.parametrize("name", ["Adoption orders revoked", "Young carers assessments completed"])
def test_a_word_no_catalogue_name_uses_sends_a_name_to_review(shipped, name):
    r = Matcher(shipped).match(Query.build(name))
    assert r.indicator_id == ""
    assert "what no catalogue name does" in r.explanation or r.rule == "unmatched"


def test_an_inflection_of_a_catalogue_word_is_that_word(shipped):
    m = Matcher(shipped)
    facts = m.index.known(m.vocab.facts("Average days between placement order and matching with adopters"))
    assert "match" in facts.words and "matching" not in facts.words
    r = m.match(Query.build("Average days between placement order and matching with adopters"))
    assert r.indicator_id == "adoption_a2_days"


def test_a_national_code_is_a_word_the_catalogue_knows(shipped):
    r = Matcher(shipped).match(Query.build("A2 - average days between placement order and match with adopters"))
    assert r.indicator_id == "adoption_a2_days"


def test_an_up_to_date_measure_is_at_a_point_in_time(shipped):
    r = Matcher(shipped).match(Query.build("CLA reviews held within timescale in the month (%)"))
    assert r.indicator_id != "cla_review_uptodate_pct"


def test_the_blind_set_names_none_the_other_sets_hold(shipped, unseen):
    """The blind set measures wording the matcher was never tuned on: a name already in the
    unseen, probe or seed sets would measure tuning, not generalisation."""
    here = Path(__file__).resolve().parent
    fresh = ev.read(here / "fresh.csv")
    sets = ("probes.csv", *(f"probes{i}.csv" for i in range(2, 15)))
    probes = [r for f in sets for r in ev.read(here / f)]
    seen = {" ".join(r.name.lower().split()) for r in [*unseen, *probes]}
    with (here / "labelled.csv").open(encoding="utf-8") as f:
        seen |= {" ".join(r["indicator"].lower().split()) for r in csv.DictReader(f)}
    assert len(fresh) >= 150 and not {" ".join(r.name.lower().split()) for r in fresh} & seen
    ids = {i.id for i in shipped}
    assert all(r.answer in ids or r.answer == ev.NEW for r in fresh)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in fresh if r.kind == "trap")


@pytest.mark.parametrize(
    "probe_file, least, session",
    [
        ("probes2.csv", 120, "fifteenth"),
        ("probes3.csv", 100, "fifteenth"),
        ("probes4.csv", 120, "sixteenth"),
        ("probes5.csv", 50, "sixteenth"),
        ("probes6.csv", 100, "seventeenth"),
        ("probes7.csv", 60, "seventeenth"),
        ("probes8.csv", 250, "eighteenth"),
        ("probes9.csv", 250, "nineteenth"),
        ("probes10.csv", 200, "twentieth"),
        ("probes11.csv", 120, "twenty-first"),
        ("probes12.csv", 200, "twenty-second"),
        ("probes13.csv", 200, "twenty-third"),
        ("probes14.csv", 200, "twenty-fourth"),
        ("probes18.csv", 230, "thirtieth"),
        ("probes19.csv", 150, "thirty-first"),
        ("probes20.csv", 150, "thirty-second"),
        ("probes21.csv", 120, "thirty-third"),
        ("probes22.csv", 80, "thirty-fifth"),
    ],
)
def test_the_later_probes_are_labelled_with_catalogue_ids(shipped, probe_file, least, session):
    rows = ev.read(Path(__file__).resolve().parent / probe_file)
    ids = {i.id for i in shipped}
    assert len(rows) >= least and len({r.name for r in rows}) == len(rows)
    assert all(r.answer in ids or r.answer == ev.NEW for r in rows)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in rows if r.kind == "trap")
    assert all(r.source.startswith(f"{session} session") for r in rows)


def test_a_share_over_the_year_leaves_out_only_the_monthly_name_of_an_entry():
    """An entry printed both as `in the month` and as `during period`: a name that counts over
    the year meets the second name; an entry kept only for the month stays apart."""
    both = Indicator("adopted_pct", "Percentage of CLA ceased in the month - adopted", "percent")
    both.aliases.append(Alias.seen("", "Percentage of children leaving care who were adopted during period"))
    monthly = Indicator(
        "home_pct", "Percentage of CLA ceased in the month - returned home", "percent", time_basis="month"
    )
    cat = Catalogue()
    cat.add(both)
    cat.add(monthly)
    m = Matcher(cat)
    adopted = m.match(Query.build("Children who ceased to be looked after during the year who were adopted (%)"))
    assert adopted.top is not None and adopted.top.indicator_id == "adopted_pct"
    home = m.match(Query.build("Percentage of CLA ceased during the year - returned home"))
    assert home.indicator_id != "home_pct" and all(c.indicator_id != "home_pct" for c in home.candidates)


def _neet_catalogue(with_count: bool) -> Catalogue:
    cat = Catalogue()
    cat.add(Indicator("neet_pct", "% of 16-18 year olds not in education, employment or training (NEET)", "percent"))
    cat.add(Indicator("pupils", "Number of pupils electively home educated", "count"))
    if with_count:
        cat.add(Indicator("neet_n", "Number of 16-18 year olds not in education, employment or training", "count"))
    return cat


def _dental_catalogue(with_count: bool) -> Catalogue:
    cat = Catalogue()
    cat.add(
        Indicator(
            "dental",
            "Percentage of children looked after for a year+ seeing a dentist in year",
            "percent",
            population="children looked after for 12 months or more",
        )
    )
    cat.add(
        Indicator("cla12", "Total number of Children Looked After (CLA) in care over 12 months at period end", "count")
    )
    if with_count:
        cat.add(Indicator("dental_n", "Number of children looked after for a year+ seeing a dentist in year", "count"))
    return cat


def test_a_count_that_leaves_out_what_the_name_and_the_share_say_is_no_rival_unit():
    """A name saying no unit, beside a share that says its dental check and a count of all
    children looked after 12+ months that says none: the count is of other events, so the share
    is the only unit the catalogue offers for the name's words; a count that says the dental
    check too keeps the name at review."""
    name = Query.build("Children looked after 12 months+ who had their teeth checked by a dentist")
    alone = Matcher(_dental_catalogue(False)).match(name)
    assert alone.indicator_id == "dental"
    assert Matcher(_dental_catalogue(True)).match(name).indicator_id == ""


def test_a_name_saying_no_unit_takes_the_only_unit_the_catalogue_offers_for_its_words():
    name = Query.build("16 to 18 year olds who are not in education, employment or training (NEET)")
    alone = Matcher(_neet_catalogue(False)).match(name)
    assert alone.indicator_id == "neet_pct" and "no entry in a unit other than percent" in alone.explanation
    assert Matcher(_neet_catalogue(True)).match(name).indicator_id != "neet_pct"


def test_a_duration_the_name_does_not_say_is_not_merged_beside_a_count_of_the_same_events():
    cat = Catalogue()
    cat.add(Indicator("weeks", "Length of care proceedings (ongoing cases)", "weeks"))
    cat.add(Indicator("underway", "Number of care proceedings underway at period end", "count"))
    r = Matcher(cat).match(Query.build("Care proceedings ongoing at month end"))
    assert r.indicator_id != "weeks"


def test_a_name_saying_no_unit_is_the_count_when_a_share_of_the_same_words_is_held_for_its_unit():
    cat = Catalogue()
    cat.add(Indicator("ifa", "Number of CLA placed in IFA placements as at the end of the month", "count"))
    cat.add(Indicator("ifa_pct", "Percentage of IFA placements (of all looked after children)", "percent"))
    r = Matcher(cat).match(Query.build("CiC in IFA placements"))
    assert r.indicator_id == "ifa"
    assert Matcher(cat).match(Query.build("CiC in IFA placements (%)")).indicator_id == "ifa_pct"


def _repeat_plans(share_basis: str) -> Catalogue:
    cat = Catalogue()
    count = "Number of new child protection plans where the child had a plan before (repeat)"
    cat.add(Indicator("repeat", count, "count", time_basis="month"))
    share = "Percentage of new child protection plans where the child had a plan before (repeat)"
    cat.add(Indicator("repeat_pct", share, "percent", time_basis=share_basis))
    return cat


def test_a_name_saying_neither_unit_nor_period_goes_to_review_beside_a_share_kept_otherwise():
    """NI 65's title printed without its `%` reads as the monthly count as much as the share."""
    m = Matcher(_repeat_plans(""))
    title = "Children becoming subject to a child protection plan for a second or subsequent time"
    r = m.match(Query.build(title))
    assert r.indicator_id == "" and "says neither its unit nor its period" in r.explanation
    assert m.match(Query.build(f"{title} (%)")).indicator_id == "repeat_pct"
    assert m.match(Query.build(f"{title} in the month")).indicator_id == "repeat"
    assert Matcher(_repeat_plans("month")).match(Query.build(title)).indicator_id == "repeat"


def test_a_name_for_one_of_an_entrys_cohorts_counts_part_of_it_and_goes_to_review():
    cat = Catalogue()
    name = "Percentage of looked after children aged 16+ or open care leavers with an authorised pathway plan"
    cat.add(Indicator("pathway", name, "percent", population="looked after children aged 16+ and care leavers"))
    m = Matcher(cat)
    r = m.match(Query.build("% of care leavers with an authorised pathway plan"))
    assert r.indicator_id == "" and "part of its population" in r.explanation
    both = "% of looked after children aged 16+ and care leavers with an authorised pathway plan"
    assert m.match(Query.build(both)).indicator_id == "pathway"


def _one_share(indicator_id: str, name: str, population: str = "") -> Matcher:
    """A matcher over a catalogue of one share, recorded for `population`."""
    cat = Catalogue()
    cat.add(Indicator(indicator_id, name, "percent", population=population))
    return Matcher(cat)


def test_a_name_heading_a_breakdown_of_a_measure_is_never_given_its_id():
    m = _one_share("rereferrals", "Percentage of re-referrals within 12 months")
    r = m.match(Query.build("Re-referrals within 12 months by age group (%)"))
    assert r.indicator_id == "" and "heads a breakdown (by age group" in r.explanation
    assert m.match(Query.build("Re-referrals within 12 months (%)")).indicator_id == "rereferrals"


def test_a_cohort_the_name_states_and_the_entrys_recorded_population_does_not_narrows_it():
    def matcher(population: str) -> Matcher:
        entry = "Percentage of children open to early help with a visit in the last 4 weeks"
        return _one_share("eh_visits", entry, population)

    name = Query.build("% of children open to early help visited within 4 weeks (CIN)")
    narrowed = matcher("children receiving early help").match(name)
    assert narrowed.indicator_id == "" and "its recorded population names none" in narrowed.explanation
    unrecorded = matcher("").match(name)  # the entry explains no cin: a person decides (round 20)
    assert unrecorded.indicator_id == "" and "does not explain cin" in unrecorded.explanation
    plain = Query.build("% of children open to early help visited within 4 weeks")
    assert matcher("children receiving early help").match(plain).indicator_id == "eh_visits"
    named = matcher("children in need receiving early help").match(name)
    assert named.indicator_id == "eh_visits"


def test_a_name_saying_both_a_share_and_a_rate_goes_to_review():
    m = _one_share("parents_pct", "Percentage of children looked after placed with parents")
    r = m.match(Query.build("Percentage of children looked after placed with parents - rate"))
    assert r.indicator_id == "" and "both a share and a rate" in r.explanation
    assert m.match(Query.build("Percentage of children looked after placed with parents")).indicator_id == "parents_pct"


def test_a_cohort_the_entrys_population_states_is_one_of_its_cohorts():
    def matcher(population: str) -> Matcher:
        return _one_share("pathway", "Percentage of eligible CLA (16+) with an up-to-date Pathway Plan", population)

    name = Query.build("Care leavers with an up-to-date pathway plan (%)")
    alone = matcher("looked after children aged 16+").match(name)
    assert alone.indicator_id == "" and "cohort: care leavers vs looked after" in alone.explanation
    both = matcher("looked after children aged 16+ and care leavers")
    part = both.match(name)
    assert part.indicator_id == "" and "part of its population" in part.explanation
    whole = Query.build("CLA 16+ and care leavers with an up-to-date pathway plan (%)")
    assert both.match(whole).indicator_id == "pathway"


def test_the_count_does_not_win_over_a_share_whose_words_it_lacks():
    cat = Catalogue()
    cat.add(Indicator("ceased", "Number of children ceasing to be looked after during the period", "count"))
    cat.add(Indicator("adopted_pct", "Percentage of CLA ceased in the month - adopted", "percent"))
    r = Matcher(cat).match(Query.build("Children who ceased to be looked after due to adoption in month"))
    assert r.indicator_id != "ceased"


def _leavers_catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Indicator("suitable_pct", "Percentage of care leavers in contact and in suitable accommodation", "percent"))
    cat.add(Indicator("leavers", "Number of care leavers", "count"))
    cat.add(Indicator("contacts", "Number of contacts in the month", "count"))
    cat.add(Indicator("converted_pct", "Percentage of all contacts that become new referrals", "percent"))
    return cat


def test_a_count_saying_under_half_the_shared_words_is_no_rival_unit():
    """All care leavers are not the count beside those in suitable accommodation; all contacts
    may be the count beside contacts that became referrals (a flow is counted as often as shared)."""
    m = Matcher(_leavers_catalogue())
    assert m.match(Query.build("Care leavers in suitable accommodation")).indicator_id == "suitable_pct"
    assert m.match(Query.build("Contacts that became referrals")).indicator_id == ""


def test_the_only_unit_on_offer_does_not_settle_a_word_no_catalogue_name_uses():
    name = Query.build("Mainstream 16-18 year olds not in education, employment or training (NEET)")
    r = Matcher(_neet_catalogue(False)).match(name)
    assert r.indicator_id == "" and "mainstream" in r.explanation


def test_a_bare_distance_is_not_settled_by_an_exact_alias_with_a_bound(shipped):
    """`placed 20 miles from home` reads as `placed <20 miles from home` word for word: the bound on
    one side only keeps the exact alias from settling it, and its definition (more than 20 miles)
    tells the two entries apart."""
    within = only(shipped, "cla_placed_within_20_miles_pct")
    over = shipped.indicators["cla_placed_over_20_miles_pct"]
    res = Matcher(within).match(Query.build(over.name))
    assert res.indicator_id == ""
    assert Matcher(shipped).match(Query.build("% of CLA placed more than 20 miles from home")).indicator_id == (
        "cla_placed_over_20_miles_pct"
    )


def test_a_share_during_the_year_is_a_share_in_the_period(shipped):
    """An entry whose names count `during period` is observed over whatever period is reported: the
    year of an annual release is one, so `during the year` adds no restriction."""
    r = Matcher(shipped).match(Query.build("Percentage of children leaving care during the year who were adopted"))
    assert r.indicator_id == "adoptions_pct", r.explanation


def test_a_rate_is_not_the_sole_unit_for_a_name_that_rules_out_the_count_for_another_reason():
    """Only the unit unsaid and no other unit on offer: the entry's unit stands. With a second
    doubt (what the name excludes, the entry does not say), a person decides."""
    count = Indicator("contacts", "Number of contacts in the month", "count", time_basis="month")
    count.aliases.append(Alias.seen("", "Number of contacts received (includes contacts that become referrals)"))
    cat = Catalogue()
    cat.add(count)
    cat.add(Indicator("contacts_rate", "Rate of contacts per 10,000 population under 18", "rate_per_10k"))
    m = Matcher(cat)
    assert m.match(Query.build("Contacts excluding those that became referrals")).indicator_id == ""
    assert m.match(Query.build("Contacts per 10,000 population under 18")).indicator_id == "contacts_rate"


def _icpc_catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Indicator("icpc", "Number of children subject to Initial Child Protection Conferences (ICPCs)", "count"))
    cat.add(
        Indicator(
            "icpc_timely",
            "Number of children subject to Initial Child Protection Conferences (ICPCs) "
            "which were held within timescales",
            "count",
        )
    )
    return cat


def test_a_stated_limit_meets_the_entry_in_timescale_when_it_is_that_events_timescale():
    """An ICPC's timescale is 15 working days (profile `timescales`): a name stating that limit is
    the entry worded `in timescale`; a name stating another limit is another measure."""
    m = Matcher(_icpc_catalogue())
    r = m.match(Query.build("Children subject to initial child protection conferences held within 15 WD"))
    assert r.indicator_id == "icpc_timely" and "within 15 working days = in timescale" in r.explanation
    other = m.match(Query.build("Number of ICPCs held within 20 working days"))
    assert other.indicator_id != "icpc_timely" and all(c.indicator_id != "icpc_timely" for c in other.candidates)


def test_an_event_said_in_timescale_states_its_limit_and_no_other_events():
    cat = Catalogue()
    cat.add(Indicator("sa_10d", "Percentage of Single Assessments (SA) completed within 10 days", "percent"))
    cat.add(Indicator("sa_45wd", "Percentage of Single Assessments (SA) completed in 45 working days", "percent"))
    assert Matcher(cat).match(Query.build("Single assessments completed on time (%)")).indicator_id == "sa_45wd"
    words = Matcher(cat).vocab.canonical("Percentage of children open for assessment who had supervision in timescales")
    assert "45 working days" not in words[0]


def test_an_unplanned_subset_is_never_the_entry_that_does_not_say_so():
    """No entry counts unplanned returns or endings alone: one saying so only in a gloss is still
    another measure than all of them (or the planned ones)."""
    cat = Catalogue()
    cat.add(Indicator("home", "Number of children returned home in the month", "count", time_basis="month"))
    cat.add(Indicator("home_planned", "Number of CLA returned home as part of care planning", "count"))
    cat.add(Indicator("cpp_ended", "Number of ceasing Child Protection Plans (CPP)", "count"))
    m = Matcher(cat)
    for name in ("Number of children returned home in the month (unplanned)", "Number of ceasing CP plans (unplanned)"):
        r = m.match(Query.build(name))
        assert r.indicator_id == "" and all(c.indicator_id not in ("home", "cpp_ended") for c in r.candidates)


def test_a_caseload_by_headcount_is_not_the_caseload_per_full_time_equivalent():
    cat = Catalogue()
    cat.add(Indicator("caseload", "Average number of children per qualified Social Worker (1 FTE)", "other"))
    m = Matcher(cat)
    assert m.match(Query.build("Average caseload per social worker (headcount)")).indicator_id == ""
    assert m.match(Query.build("Average caseload per qualified social worker (FTE)")).indicator_id == "caseload"


def test_a_stage_the_definition_states_is_stated_by_every_name_of_the_entry():
    cat = Catalogue()
    definition = "Assessments completed over the last 12 months per 10,000 children aged 0-17 (rolling)."
    cat.add(
        Indicator(
            "rate",
            "Rate of assessments per 10,000 population under 18 years old",
            "rate_per_10k",
            definition=definition,
            time_basis="rolling_12m",
        )
    )
    m = Matcher(cat)
    done = m.match(Query.build("Rate of completed assessments per 10,000 children aged under 18 (rolling 12 months)"))
    assert done.indicator_id == "rate"
    begun = m.match(Query.build("Rate of assessments started per 10,000 children (rolling 12 months)"))
    assert begun.indicator_id == "" and all(c.indicator_id != "rate" for c in begun.candidates)


def test_a_national_code_the_catalogue_records_says_the_unit_a_name_leaves_unsaid():
    cat = Catalogue()
    repeat = "Number of children becoming the subject of a child protection plan for a second or subsequent time"
    cat.add(Indicator("repeat", repeat, "count"))
    cat.add(Indicator("repeat_pct", repeat.replace("Number", "Percentage"), "percent", codes=["NI 65"]))
    m = Matcher(cat)
    name = "Children becoming the subject of a child protection plan for a second or subsequent time"
    assert m.match(Query.build(f"NI 65 {name}")).indicator_id == "repeat_pct"
    assert m.match(Query.build(f"NI65 {name}")).indicator_id == "repeat_pct"
    # without its code the title alone says the unit only where the profile words the code's
    # title (`code_titles`, round 23): a profile that does not, reads no unit into it
    untitled = Vocabulary(dataclasses.replace(profmod.load(), code_titles=()))
    assert Matcher(cat, vocab=untitled).match(Query.build(name)).indicator_id != "repeat_pct"
    assert m.match(Query.build(name)).indicator_id == "repeat_pct"


def test_an_education_health_and_care_plan_is_not_a_child_in_need_plan():
    """A share of children in need who hold an EHCP is not the share with a CIN plan; a name of
    an EHCP share still meets its own measure."""
    cat = Catalogue()
    cat.add(Indicator("cin_with_plan_pct", "% of Children in Need with a CiN plan", "percent"))
    cat.add(
        Indicator("ehe_send_pct", "% of EHE children with a statement of special educational need/EHC Plan", "percent")
    )
    m = Matcher(cat)
    assert m.match(Query.build("Children on CIN plans with an EHCP (%)")).indicator_id != "cin_with_plan_pct"
    assert (
        m.match(Query.build("% of EHE children with a statement of special educational need or EHC plan")).indicator_id
        == "ehe_send_pct"
    )


def test_an_independent_placement_is_the_independent_sectors_with_or_without_the_word_sector():
    cat = Catalogue()
    cat.add(Indicator("resi_pct", "Percentage of CLA placed in Residential placements", "percent"))
    cat.add(
        Indicator("indep_pct", "Percentage of CLA placed in Residential placements - independent sector", "percent")
    )
    m = Matcher(cat)
    assert m.match(Query.build("% of CLA in independent residential placements")).indicator_id == "indep_pct"


def test_children_not_yet_placed_are_not_every_child_with_the_order():
    """`not yet placed for adoption` narrows those with a placement order: a name of all of them is
    another measure, however close its words; one awaiting placement is the same."""
    cat = Catalogue()
    cat.add(
        Indicator(
            "po_not_placed",
            "Number of children with a placement order who are not yet placed for adoption at period end",
            "count",
        )
    )
    m = Matcher(cat)
    assert m.match(Query.build("Number of children subject to a Placement Order at period end")).indicator_id == ""
    awaiting = m.match(Query.build("Children with a placement order awaiting adoption placement at period end (no.)"))
    assert awaiting.indicator_id == "po_not_placed"


@pytest.mark.parametrize(
    "name, answer",
    [
        ("% of CLA visited in timescale (as at the last review)", "cla_visited_at_review_pct"),
        (
            "Children becoming the subject of a child protection plan for a second or subsequent time ever (%)",
            "cpp_repeat_pct",
        ),
    ],
)
def test_other_words_for_the_latest_review_and_for_at_any_time(shipped, name, answer):
    assert Matcher(shipped).match(Query.build(name)).indicator_id == answer


def test_a_name_saying_neither_state_of_a_split_measure_goes_to_review():
    """`up to date` costs a name that leaves it unsaid nothing, but where the catalogue holds the
    measure with and without it (profile `unsaid_splits`), a name saying neither may mean either."""
    cat = Catalogue()
    cat.add(
        Indicator("plan_pct", "Percentage of CLA aged 16+ or care leavers with an authorised pathway plan", "percent")
    )
    cat.add(
        Indicator(
            "plan_current_pct", "Percentage of CLA aged 16+ or care leavers with an up-to-date pathway plan", "percent"
        )
    )
    m = Matcher(cat)
    either = m.match(Query.build("% of CLA 16+ and care leavers with a pathway plan"))
    assert either.indicator_id == "" and "does not say which" in either.explanation
    assert m.match(Query.build("% of CLA 16+ and care leavers with an up to date pathway plan")).indicator_id == (
        "plan_current_pct"
    )
    alone = Catalogue()
    alone.add(Indicator("plan_current_pct", "Percentage of CLA (16+) with an up-to-date pathway plan", "percent"))
    assert Matcher(alone).match(Query.build("% of CLA 16+ with a pathway plan")).indicator_id == "plan_current_pct"
