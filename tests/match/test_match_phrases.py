"""Phrases: every match stands by its own length, whatever the length of the pattern that found it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.match.normalise import vocabulary
from scorekit.match.phrases import Phrases, anchor_words, gate, needs

FORMS = ["result(ed|ing|s)? in", "did not result in", "care", "children in care", "in care proceedings"]
VALUES = ["result", "notresult", "care", "cla", "proceedings"]
P = Phrases(FORMS, VALUES)


def test_the_longer_match_wins_over_the_longer_pattern():
    text, _ = P.sub("icpcs that did not result in a plan", lambda m, v: f" {v} ")
    assert "notresult" in text.split()
    assert "result" not in text.split()


def test_found_names_each_value_once_and_hides_what_a_longer_match_holds():
    assert P.found("children in care and children in care") == ["cla"]


WORDS = st.sampled_from(["did", "not", "result", "in", "children", "care", "proceedings", "a", "plan", "resulting"])


@given(st.lists(WORDS, max_size=12))
def test_matches_never_overlap_and_each_is_a_match_of_its_form(words):
    text = " ".join(words)
    spans = P.matches(text)
    for (a, _), (b, _) in zip(spans, spans[1:], strict=False):
        assert a.end() <= b.start()
    for m, i in spans:
        assert P.compiled[i].fullmatch(text, m.start(), m.end())


@given(st.lists(WORDS, max_size=12))
def test_sub_with_the_match_itself_is_the_identity(words):
    text = " ".join(words)
    assert P.sub(text, lambda m, v: m.group(0)) == (text, len(P.matches(text)))


def test_a_longer_match_hides_only_forms_of_its_own_kind():
    p = Phrases(
        ["new uasc", "uasc", "not in contact", "in contact"], ["flow", "uasc", "out", "in"], kinds=["a", "b", "c", "c"]
    )
    assert sorted(p.found("new uasc entering care")) == ["flow", "uasc"]
    assert p.found("not in contact") == ["out"]


GLUE = st.sampled_from(["children", "care", "re-", "x-", "&", "_", "in", " ", "-", "(", "resulting", "proceedings"])


@given(st.lists(GLUE, max_size=10))
def test_each_form_finds_what_its_whole_word_pattern_finds(parts):
    """The fast search (no leading look-behinds, the word start checked on each match) finds the
    same matches as the whole-word pattern, inside hyphenated words and after `&` or `_` too."""
    text = "".join(parts)
    for i in range(len(P.forms)):
        assert [m.span() for m in P._finditer(i, text)] == [m.span() for m in P.compiled[i].finditer(text)]


def _every_form(p: Phrases, text: str) -> list[tuple[tuple[int, int], int]]:
    """`matches` with every form tried (no anchor, no gate): what the fast path must equal."""
    found = [(m, i) for i in range(len(p.forms)) for m in p.compiled[i].finditer(text)]
    found.sort(key=lambda mi: (mi[0].start() - mi[0].end(), mi[1]))
    taken: list[tuple[re.Match[str], int]] = []
    for m, i in found:
        if all(m.end() <= t.start() or m.start() >= t.end() or p.kinds[i] != p.kinds[j] for t, j in taken):
            taken.append((m, i))
    return [(m.span(), i) for m, i in sorted(taken, key=lambda mi: mi[0].start())]


def test_a_gate_is_what_every_match_holds():
    assert gate(r"^(?:(?!\b(?:contacts?|rcpc)\b).)*?\b(?:rcpc)\b") == ("rcpc",)
    assert gate("(individual|unique|distinct) (child(ren)?|young people)") == ("distinct", "individual", "unique")
    assert gate(r"(as )?at (the )?end of (each|every) (month|period|quarter)") == ("month", "period", "quarter")
    assert gate("(children )?(looked after)?") == ()  # nothing it must hold
    assert needs("result(ed|ing|s)? in") == (("result",), (" in",))


_PROFILE_WORDS = st.sampled_from(
    (  # noqa: SIM905
        "children child in care rcpc icpc s47 section 47 of the previous referral referrals re-referrals as a "
        "percentage % by police ( ) - unique individual young people end month at quarter target england within "
        "15 working days not in contact new uasc cla assessments completed per 10,000 rate (n) number no. "
        "timescales time frame contacts plans started"
    ).split()
)


@settings(deadline=None, max_examples=80)
@given(st.lists(_PROFILE_WORDS, min_size=1, max_size=12))
def test_the_profiles_phrases_find_what_every_form_tried_finds(words):
    """Anchors and gates only leave out forms that cannot match: every phrase list of the profile
    finds what trying each of its forms on the whole text finds."""
    v = vocabulary()
    text = " ".join(words)
    for p in (v._equiv, v._qualifiers, v._bases, v._noise, v._units, v._unit_words, v._clause_words):
        assert [(m.span(), i) for m, i in p.matches(text)] == _every_form(p, text)


def test_a_word_an_optional_space_joins_is_no_anchor():
    """`ks ?2` matches `ks2`, one word: its anchor is not the word `ks` (the form was never tried)."""
    assert anchor_words("ks ?2") == ()
    assert [m.group(0) for m, _ in vocabulary()._equiv.matches("ks2 attainment gap")] == ["ks2"]
