"""Phrases: every match stands by its own length, whatever the length of the pattern that found it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scorekit.match.phrases import Phrases

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
