import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.values import parse_number, parse_value, year_note_period


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators(n):
    assert parse_number(f"{n:,}") == (n, False)


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False))
def test_percentages_as_shown(d):
    assert parse_number(f"{d}%") == (float(d), True)


@pytest.mark.parametrize(
    "raw,value,unit,flags",
    [
        ("→ -3%", -3, "percent", []),
        ("↑ 15%", 15, "percent", []),
        ("1,147", 1147, "", []),
        ("69.51", 69.51, "", []),
        ("80% *Prov (2014)", 80, "percent", ["provisional"]),
        ("66.4% (amended from 68.9%)", 66.4, "percent", ["amended", "amended_from=68.9"]),
        ("21 weeks (average for ongoing cases)", 21, "weeks", []),
        ("n/a", None, "", ["not_applicable"]),
        ("-", None, "", ["not_applicable"]),
        ("- n/a", None, "", ["not_applicable"]),
        ("→ n/a", None, "", ["not_applicable"]),
        ("Local", None, "", ["local"]),
        ("Pending data accuracy work", None, "", ["not_collected"]),
        ("New - not yet collected", None, "", ["not_collected"]),
        ("No comparator", None, "", ["text_only"]),
        ("645 (3-year average)", 645, "", []),
        ("(37%)", -37, "percent", []),
    ],
)
def test_printed_cells(raw, value, unit, flags):
    p = parse_value(raw)
    assert p.value == value and p.unit == unit and p.flags == flags


def test_year_notes_place_benchmarks():
    assert parse_value("53.0% *Prov (2014)").year_note == "2014"
    assert year_note_period("2014") == "FY2013/14"
    assert year_note_period("2013/14") == "FY2013/14"


@given(st.text(max_size=60))
def test_never_raises_and_never_invents_non_finite_numbers(text):
    p = parse_value(text)
    assert p.value is None or math.isfinite(p.value)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30))
def test_words_alone_give_no_number(text):
    assert parse_value(text).value is None


_FIGURE_AND_NOTE = st.tuples(
    st.sampled_from(["", "(", "-", "£"]),
    st.sampled_from(["7", "12", "1,147", "18 137", "0.5"]),
    st.sampled_from(["", ")", "%", ")%", "%)"]),
    st.sampled_from(["", " days", " weeks", " as of April", " (2014)", " *Prov", " (amended from 6)"]),
).map("".join)


@given(_FIGURE_AND_NOTE)
def test_figures_with_stray_brackets_never_raise(text):
    """A scan's reading of a figure and its note can lose either bracket (`7) days`, `(7 days`):
    such a cell is text, and the document it is in is still read."""
    p = parse_value(text)
    assert p.value is None or math.isfinite(p.value)


def test_a_figure_whose_bracket_is_not_its_own_is_text():
    assert parse_value("7) days").flags == ["text_only"]
    assert parse_value("(7 days").value is None
    assert parse_value("(7) days").value == -7.0


def test_a_glyph_no_reader_could_read_says_nothing():
    """A garbled layer's RAG letter its key did not read (U+FFFD) is no text value."""
    assert parse_value("\ufffd").flags == ["empty"] and parse_value("\ufffd").value is None
    assert parse_value("12 \ufffd").value == 12
