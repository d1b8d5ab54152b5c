"""The vocabulary is data: it loads with one-line errors and a user's file extends it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.match import profile as profmod
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Vocabulary, content
from scorekit.match.phrases import Phrases, anchor


def test_shipped_profile_loads_and_names_no_council():
    prof = profmod.load()
    assert len(prof.equivalents) > 50 and prof.qualifiers and prof.time_basis
    text = profmod.DEFAULT_PATH.read_text(encoding="utf-8").lower()
    assert "scc" not in text and "southampton" not in text


def test_a_users_profile_extends_the_shipped_one(tmp_path, shipped):
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps({"equivalents": [{"token": "cla", "label": "children we look after", "forms": ["our children"]}]})
    )
    plain = Vocabulary(profmod.load())
    mine = Vocabulary(profmod.load(extra))
    assert plain.facts("Number of our children").content != mine.facts("Number of our children").content
    assert mine.facts("Number of our children").content == content("Number of children looked after")
    assert "our children = children we look after" in mine.facts("Number of our children").expansions
    assert (
        Matcher(shipped, vocab=mine).match(Query.build("Number of our children at end of month")).indicator_id == "cla"
    )
    assert (
        Matcher(shipped, vocab=plain).match(Query.build("Number of our children at end of month")).indicator_id != "cla"
    )


def test_a_users_breakdowns_extend_the_shipped_ones(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"breakdowns": ["by locality"]}))
    mine = Vocabulary(profmod.load(extra))
    assert mine.facts("Referrals by locality").breakdown == "by locality"
    assert mine.facts("Children looked after by age group").breakdown == "by age group"
    assert Vocabulary(profmod.load()).facts("Referrals by locality").breakdown == ""
    assert mine.facts("Referrals in the month").breakdown == ""


@pytest.mark.parametrize(
    "body, needle",
    [
        ("{", "not valid JSON"),
        ("[]", "a profile is a JSON object"),
        ('{"noise": ["(unclosed"]}', "is not a regular expression"),
        ('{"qualifiers": [{"group": "g", "one_sided": "maybe", "values": []}]}', "'maybe' is not one of"),
        ('{"time_basis": [{"basis": "fortnightly", "forms": ["x"]}]}', "'fortnightly' is not one of"),
        ('{"timescales": [{"subject": "s", "forms": ["x"], "limit": "soon"}]}', "limit 'soon' is not"),
    ],
)
def test_profile_errors_name_the_file(tmp_path, body, needle):
    p = tmp_path / "p.json"
    p.write_text(body)
    with pytest.raises(profmod.ProfileError) as exc:
        profmod.load(p)
    assert str(p) in str(exc.value) and needle in str(exc.value)


@given(
    st.lists(
        st.sampled_from(["cla", "care leavers", "child(ren)? in care", "s\\.? ?47", "cp plans?"]),
        min_size=1,
        max_size=5,
    ),
    st.text(alphabet="abc xyz", max_size=30),
)
def test_phrases_find_what_one_alternation_finds(forms, noise):
    """The anchor pre-filter never loses a match the plain alternation makes."""
    import re

    text = f"{noise} children in care and cp plans and s47 and care leavers {noise}"
    rx = re.compile(r"(?<![\w&])(?:" + "|".join(sorted(set(forms), key=len, reverse=True)) + r")(?![\w&])")
    p = Phrases(list(dict.fromkeys(forms)))
    assert p.search(text) == bool(rx.search(text))
    assert p.sub(text)[1] == len(rx.findall(text))


def test_anchors_are_literal_runs_every_match_holds():
    assert anchor("child(ren)? in (our )?care") == "child"
    assert anchor("looked[- ]after children") == "after children"
    assert anchor("\\(?(per|/) ?10,?000\\)?") == "000"
    assert anchor("a|b") == ""
