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
