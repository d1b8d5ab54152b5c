"""Matching round 21 (m33): the counted-unit guard (what a name counts: children, episodes,
households, families, places), and a word of the profile's holding a digit (`s47`) read by the
residual-difference check as the word it is."""

from __future__ import annotations

import pytest

from scorekit.match import profile as profmod
from scorekit.match.guards import COUNTED_GUARD, counted, side
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import vocabulary

from .conftest import given

# -- the counted unit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("Number of in-house foster carers at the end of period", {"households"}),
        # the head of a compound is what is counted
        ("Number of in-house foster carer children registered at the end of the quarter", {"children"}),
        ("In-house foster carer households at the end of period", {"households"}),
        # a unit alone in a parenthesis, or after a dash at the end, says what is counted
        ("Number of new Looked after Children (episodes)", {"episodes"}),
        ("Number of CLA missing for 24 hours or more - episodes", {"episodes"}),
        # the first unit named, not one in a clause after it
        ("Households with a child on a CP plan at period end", {"households"}),
        # a rate's base (`per 10,000 children`) is no compound with what it is a rate of
        ("Approved adoptive families per 10,000 children", {"households"}),
        ("Number of referrals", set()),
    ],
)
def test_a_name_counts_the_head_of_what_it_names(name, counts):
    assert vocabulary().facts(name).counts == counts


@pytest.mark.parametrize(
    ("name", "near_miss"),
    [
        ("Number of in-house foster carer children registered at the end of the quarter", "foster_carers_inhouse"),
        ("Number of in-house foster carer children at the end of period", "foster_carers_inhouse"),
    ],
)
def test_names_counting_different_things_never_merge(shipped, name, near_miss):
    res = Matcher(shipped).match(Query.build(name))
    assert res.indicator_id != near_miss
    assert any(COUNTED_GUARD in h for b in res.blocked if b.indicator_id == near_miss for h in b.reasons)


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        # what the entry counts, said another way
        ("In-house foster carer households at the end of period", "foster_carers_inhouse"),
        # a name that names no counted thing takes the entry's
        ("In-house foster carers at period end", "foster_carers_inhouse"),
        # an entry counts what any of its names counts: new CLA in month beside (episodes)
        ("Number of children starting to be looked after in month", "cla_new"),
    ],
)
def test_the_same_counted_thing_still_merges(shipped, name, answer):
    assert given(shipped, name) == answer


@pytest.mark.parametrize(
    "name",
    [
        "Number of episodes who ceased to be looked after during the year",
        "episodes ceasing to be looked after each year",
    ],
)
def test_a_counted_value_the_entry_counts_is_no_one_sided_difference(shipped, name):
    """`episodes` is said by one name of cla_ceased (`(episodes)`) and not by the other (`Number of
    children ceasing to be looked after during the period`): against that other name it is no
    difference, for the entry counts episodes."""
    assert given(shipped, name) == "cla_ceased"


def test_episodes_printed_under_the_children_they_are_of_agree():
    """A count of episodes of care is often titled by its children (`children ceasing to be
    looked after` of an entry counting episodes): the profile's `titled_as` says so."""
    prof = profmod.load()
    v = vocabulary()
    kids = side(v.facts("Number of children ceasing to be looked after during the period"), "count")
    episodes = side(v.facts("Number of ceasing Looked after Children (episodes)"), "count")
    households = side(v.facts("Number of in-house foster carers at the end of period"), "count")
    assert counted(kids, episodes, prof) == [] and counted(episodes, kids, prof) == []
    found = counted(kids, households, prof)
    assert len(found) == 1 and found[0].hard and found[0].guard == COUNTED_GUARD
    # a duration is of an event, whoever it is counted for
    assert counted(side(kids.facts, "days"), households, prof) == []


def test_the_counted_units_are_profile_data(tmp_path):
    base = profmod.load()
    assert {"children", "episodes", "households", "families", "places"} <= {c.value for c in base.counted_units}
    extra = tmp_path / "more.json"
    extra.write_text(
        '{"counted_units": [{"value": "beds", "forms": ["beds?"]}, {"value": "households", "forms": ["homes"]}]}',
        encoding="utf-8",
    )
    merged = profmod.load(str(extra))
    units = {c.value: c for c in merged.counted_units}
    assert "beds" in units and "homes" in units["households"].forms and "households?" in units["households"].forms
    with pytest.raises(profmod.ProfileError):
        profmod.from_dict({"counted_units": [{"value": "x", "forms": ["("]}]})
    with pytest.raises(profmod.ProfileError):
        profmod.from_dict({"counted_units": [{"value": "x", "forms": ["x"], "titled_as": "children"}]})


# -- the residual check reads a profile word holding a digit -----------------------------------


def test_a_profile_word_with_a_digit_is_a_word_the_entry_must_explain(shipped):
    """`s47` names an enquiry: a name saying it of foster carers is not the count of them."""
    m = Matcher(shipped)
    for name in (
        "Number of in-house foster carer number of s47 registered at the end of the quarter",
        "Number of in-house foster carers with s47 at the end of period",
    ):
        res = m.match(Query.build(name))
        assert res.indicator_id != "foster_carers_inhouse"
        assert "does not explain" in res.explanation and "s47" in res.explanation
    # a publisher's reference holding a digit is still no word (`PM33`)
    assert given(shipped, "PM33. Number of in-house foster carers at the end of period") == "foster_carers_inhouse"


# -- the generated near misses: what the generator called a near miss and is the measure itself ---


def _generator():  # type: ignore[no-untyped-def]
    import importlib.util
    from pathlib import Path

    here = Path(__file__).resolve().parent
    spec = importlib.util.spec_from_file_location("generate_probes17", here / "generate_probes17.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, mod.Profile(__import__("json").loads((here.parent.parent / "match" / "profile.json").read_text()))


def _entry(shipped, iid):  # type: ignore[no-untyped-def]
    ind = shipped.get(iid)
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "time_basis": ind.time_basis,
        "population": ind.population,
        "aliases": [{"name": a.name} for a in ind.aliases],
    }


def test_a_time_basis_phrase_replaces_its_preposition_too(shipped):
    g, p = _generator()
    ind = _entry(shipped, "cla_3plus_placements_pct")
    names = {
        n for _, n, _ in g.basis_changes(p, ind, "% of CLA who have had 3 or more placements within the last 12 months")
    }
    assert "% of CLA who have had 3 or more placements in the month" in names
    assert not any("within the in" in n or "within the at" in n or "within the during" in n for n in names)
    cla = _entry(shipped, "cla_placed_over_20_miles_pct")
    moved = {n for _, n, _ in g.basis_changes(p, cla, "% CLA on 31 March placed more than 20 miles from home")}
    assert "% CLA in the month placed more than 20 miles from home" in moved and not any(" on in " in n for n in moved)


def test_a_basis_word_that_is_no_phrase_of_the_measure_is_not_spliced(shipped):
    g, p = _generator()
    ind = _entry(shipped, "rereferrals_12m_pct")
    # a word before a period it does not name: `in current month` is not `in in the month month`
    assert g.basis_changes(p, ind, "Proportion of social care re-referrals in 12 months - in current month") == []
    # a basis word before a noun goes to the end of the name, or is left out where the entry has
    # no basis of its own (`annual health assessment` says what kind of assessment)
    health = _entry(shipped, "cla_health_assessment_pct")
    got = g.basis_changes(p, health, "Percentage of children looked after who had their annual health assessment")
    head = "Percentage of children looked after who had their health assessment"
    # (the last 12 months of a share that states no period is its year said another way, no
    # near miss: round 23)
    assert {(k, n) for k, n, _ in got} == {
        ("trap", f"{head} {tail}") for tail in ("rolling 12 months", "year to date", "at the end of the month")
    }
    # a verb (`to live with`) is no basis
    home = _entry(shipped, "cla_ceased_home_pct")
    assert g.basis_changes(p, home, "LAC Return home to live with parents as part of the care plan (%)") == []


@pytest.mark.parametrize(
    ("iid", "name", "new", "kind"),
    [
        # an entry counting what a document's period covers: another span is the same measure
        ("cla_ceased", "CLA ceasing during the year", "CLA ceasing in the quarter", "paraphrase"),
        ("cla_ceased", "CLA ceasing during the year", "CLA ceasing year to date", "trap"),
        # a basis the entry's own names state
        ("adoptions_pct", "Percentage of LAC adopted in year", "Percentage of LAC adopted in the month", "paraphrase"),
        ("adoptions_pct", "Percentage of LAC adopted in year", "Percentage of LAC adopted in the quarter", "trap"),
        # the year before a cohort's point in time, said another way or left unsaid beside it
        (
            "cla_3plus_placements_pct",
            "% CLA on 31 March with 3 or more placements during the year",
            "% CLA on 31 March with 3 or more placements in the last 12 months",
            "paraphrase",
        ),
        (
            "cla_3plus_placements_pct",
            "Percentage of CLA with 3 or more placements during the year",
            "Percentage of CLA with 3 or more placements at the end of the month",
            "paraphrase",
        ),
        (
            "cla_3plus_placements_pct",
            "% CLA on 31 March with 3 or more placements during the year",
            "% CLA on 31 March with 3 or more placements in the month",
            "trap",
        ),
        # an entry with a basis of its own: any other is a near miss
        ("cla_new", "Number of new CLA in month", "Number of new CLA in the quarter", "trap"),
    ],
)
def test_a_change_of_time_basis_is_labelled_by_what_the_entry_counts_over(shipped, iid, name, new, kind):
    g, p = _generator()
    got = {n: k for k, n, _ in g.basis_changes(p, _entry(shipped, iid), name)}
    assert got[new] == kind


def test_a_name_still_stating_the_new_basis_is_not_changed_by_it(shipped):
    g, p = _generator()
    got = {n for _, n, _ in g.basis_changes(p, _entry(shipped, "cla"), "Children looked after at 31 March each year")}
    assert "Children looked after at 31 March at the end of the month" not in got
    assert "Children looked after at 31 March in the month" in got


def test_a_basis_the_entrys_names_state_is_no_basis_added(shipped):
    g, p = _generator()
    ind = _entry(shipped, "cla_3plus_placements_pct")
    added = dict(g.basis_traps(p, ind, "Placement 1 - % LAC with three or more placements"))
    assert "Placement 1 - % LAC with three or more placements (during the year)" not in added
    assert "Placement 1 - % LAC with three or more placements (in the month)" in added


def test_the_counted_thing_the_entry_says_and_a_leading_label_are_no_near_miss(shipped):
    g, p = _generator()
    new = _entry(shipped, "cla_new")
    assert "Number of episodes entering care" not in dict(g.other_traps(new, "Number of children entering care"))
    assert dict(g.counted_paraphrases(new, "Number of children entering care")) == {
        "Number of episodes entering care": "counted as the entry says: children -> episodes"
    }
    assert "Number of families entering care" in dict(g.other_traps(new, "Number of children entering care"))
    three = _entry(shipped, "cla_3plus_placements_pct")
    assert g.number_traps(three, "Placement 1 - % LAC with three or more placements") == []
    assert g.number_traps(three, "% LAC with 3 or more placements") == [
        ("% LAC with 4 or more placements", "threshold: 3 -> 4")
    ]


# -- what the residual check takes as explained: a connective, a spelt-out abbreviation -----------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        # `as a result of` joins the name's parts: its words say nothing of the measure
        (
            "The percentage of looked after children who ceased to be LAC as a result of permanency "
            "(adoption and special guardianship)",
            "cla_ceased_permanence_pct",
        ),
        # a parenthesis spelling out the abbreviation before it says that abbreviation again
        (
            "How many children are currently subject to PLO (Public Law outline) in your local authority",
            "care_proceedings",
        ),
    ],
)
def test_a_connective_or_a_spelt_out_abbreviation_is_explained(shipped, name, answer):
    assert given(shipped, name) == answer


def test_a_connective_frees_only_the_words_it_says(shipped):
    m = Matcher(shipped)
    # `progress to` reads as a result: said outside the connective, it is still the name's word
    garbled = "The percentage of looked after children who in progress to be LAC as a result of permanency (adoption)"
    assert "result" in m.residual(Query.build(garbled), "cla_ceased_permanence_pct")
    # initials that spell no word beside the parenthesis gloss nothing
    assert m._spelt_out("children subject to plo (public law order outline)", frozenset({"plo"})) == frozenset()
    assert m._spelt_out("children subject to public law outline (plo)", frozenset({"plo"})) == frozenset(
        {"public", "law", "outline"}
    )


def test_the_connectives_are_profile_data(tmp_path):
    base = profmod.load()
    assert "as a result of" in base.residual_connectives
    extra = tmp_path / "more.json"
    extra.write_text('{"residual": {"connectives": ["by reason of"]}}', encoding="utf-8")
    assert profmod.load(str(extra)).residual_connectives[-1] == "by reason of"
    with pytest.raises(profmod.ProfileError):
        profmod.from_dict({"residual": {"connectives": "due to"}})
