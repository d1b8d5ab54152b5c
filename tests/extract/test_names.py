"""A reference printed at the head of an indicator's name is split off it, with the mark of a
percentage it carries (`EH3a%`, `CP2b %`), and a name that opens with a figure keeps it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.names import is_reference, noted_marks, split_ref, strip_noted


@pytest.mark.parametrize(
    ("printed", "ref", "name"),
    [
        ("M1 - Number of contacts", "M1", "Number of contacts"),
        ("EH5-QL - Number of children missing", "EH5-QL", "Number of children missing"),
        ("EH4 (val) - Number of assessments", "EH4 (val)", "Number of assessments"),
        ("EH3a% - Percentage of assessments within 10 days", "EH3a%", "Percentage of assessments within 10 days"),
        ("CP2b % - Percentage of transfer-ins", "CP2b %", "Percentage of transfer-ins"),
        ("74 - Percentage of calls answered", "74", "Percentage of calls answered"),
        ("50% of calls answered in 20 seconds", "", "50% of calls answered in 20 seconds"),
        ("Number of contacts", "", "Number of contacts"),
    ],
)
def test_the_reference_at_the_head_of_a_name(printed, ref, name):
    assert split_ref(printed) == (ref, name)


REFS = st.from_regex(r"[A-Z]{1,4}[0-9]{1,3}[a-z]?( ?%)?", fullmatch=True)
NAMES = st.from_regex(r"(Number|Percentage|Rate) of [a-z]{3,10}( [a-z]{2,10}){0,4}", fullmatch=True)


@given(ref=REFS, name=NAMES, dash=st.sampled_from([" - ", " – ", ": "]))
def test_any_reference_with_a_percent_mark_splits_off_whole(ref, name, dash):
    assert is_reference(ref)
    assert split_ref(f"{ref}{dash}{name}") == (ref, name)


def test_a_bracketed_mark_ending_a_name_is_dropped_where_the_page_prints_its_note():
    marks = noted_marks(
        "Rate of children subject to CP plans (a)  71  70\n(a) Cumulative year to date.\n(2) Provisional"
    )
    assert marks == {"(a)", "(2)"}
    assert strip_noted("Rate of children subject to CP plans (a)", marks) == "Rate of children subject to CP plans"
    assert strip_noted("Households in band (b)", marks) == "Households in band (b)"
    assert strip_noted("Rate of children subject to CP plans (a)", noted_marks("no notes here")).endswith("(a)")


def test_a_mark_for_a_capital_in_a_names_list_of_codes_is_the_capital_the_others_print():
    from scorekit.extract.names import capital_codes
    from scorekit.extract.vocabulary import VOCABULARY

    caps = VOCABULARY.ref_marks.capitals
    assert capital_codes("Number of adoptions (E11, £12)", caps) == "Number of adoptions (E11, E12)"
    assert capital_codes("Spend (£11, £12)", caps) == "Spend (£11, £12)"  # amounts: no capital printed
    assert capital_codes("Cost per head (£12)", caps) == "Cost per head (£12)"
    assert capital_codes("Orders (E43, E44)", caps) == "Orders (E43, E44)"
