"""A wrap with no space character: inside a word or a reference it joins, between words it is a space."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scorekit.extract.textquality import dictionary
from scorekit.extract.wraps import is_word, joins

WORDS = sorted(w for w in dictionary() if w.isalpha() and w.isascii() and 6 <= len(w) <= 14)
SHORT = sorted(w for w in dictionary() if w.isalpha() and w.isascii() and 4 <= len(w) <= 9)


@settings(max_examples=200, deadline=None)
@given(word=st.sampled_from(WORDS), data=st.data())
def test_a_word_broken_anywhere_joins_again(word, data):
    cuts = sorted(data.draw(st.sets(st.integers(1, len(word) - 1), min_size=1, max_size=3)))
    pieces = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
    assert all(joins(pieces)), pieces


@settings(max_examples=200, deadline=None)
@given(a=st.sampled_from(SHORT), b=st.sampled_from(SHORT))
def test_two_words_keep_their_space(a, b):
    assume(not is_word(a + b))
    assert joins([a, b]) == [False]


@settings(max_examples=100, deadline=None)
@given(
    letters=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=5),
    number=st.integers(1, 999),
    tail=st.sampled_from(["", "a", "-NI", "-QL", "b%"]),
    data=st.data(),
)
def test_a_reference_broken_anywhere_joins_again(letters, number, tail, data):
    ref = f"{letters}{number}{tail}"
    cut = data.draw(st.integers(1, len(ref) - 1))
    assume(not ref[:cut].endswith("-"))
    assert joins([ref[:cut], ref[cut:]]) == [True], ref
