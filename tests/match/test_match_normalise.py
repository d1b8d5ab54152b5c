"""The vocabulary that lets renames meet, and the guards that keep different indicators apart."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.match.normalise import (
    content, guard, key, numbers, qualifiers, unit_from_name, unit_from_values,
)

names = st.text(alphabet=string.ascii_letters + string.digits + " %&()-/+,.'<>", max_size=120)


@given(names)
@settings(max_examples=300)
def test_normalisers_never_fail_and_are_stable(name):
    k, c = key(name), content(name)
    assert k == k.strip() and "  " not in k
    assert c.split() == sorted(set(c.split()))
    assert key(name) == k and content(name) == c


@given(names)
@settings(max_examples=300)
def test_case_and_spacing_do_not_change_identity(name):
    spaced = "  " + "  ".join(name.split()) + " "
    assert key(name.upper()) == key(name.lower()) == key(spaced.lower())
    assert numbers(name.upper()) == numbers(spaced.lower())


@given(st.sampled_from(["10", "15", "45", "3", "6"]), names)
def test_numbers_in_the_name_survive_surrounding_text(n, noise):
    noise = "".join(ch for ch in noise if not ch.isdigit())
    assert int(n) in numbers(f"{noise} within {n} working days")


def test_domain_abbreviations_meet():
    assert key("Number of Looked after Children") == key("Number of children in our care") \
        == key("Number of CLA") == key("Number of LAC")
    assert key("Number of Single Assessments (SA) completed") == \
        key("Number of C&F assessments completed")
    assert key("Number of Section 47 (S47) enquiries started") == \
        key("Number of S47 enquiries started")
    assert key("Number of Universal Help Assessments (UHAs) started") == \
        key("Number of Early Help Assessment (EHA) started")
    assert content("Rate of Children In Need referrals") == content("rate of CiN referrals")


def test_denominators_are_not_defining_numbers():
    assert numbers("Rate of children with CPP per 10,000 (0-17 year olds) at end of period") \
        == frozenset()
    assert numbers("Number of adoptions (E11, E12)") == frozenset()
    assert numbers("children aged 13+ where CSE was a factor") == {13}
    assert numbers("re-referrals within one year") == numbers("re-referrals within 12 months")


def test_units_from_words_and_cells():
    assert unit_from_name("Percentage of IFA placements") == "percent"
    assert unit_from_name("% of ICPCs resulting in a CP Plan") == "percent"
    assert unit_from_name("Looked after Children rate per 10,000") == "rate_per_10k"
    assert unit_from_name("first time entrants per 100,000 10-17 year olds") == "rate_per_100k"
    assert unit_from_name("Number of transfer-ins") == "count"
    assert unit_from_values(["25%", "30%", "-"]) == "percent"
    assert unit_from_values(["21 weeks (average for ongoing cases)"]) == "weeks"
    assert unit_from_values(["286", "270"]) is None


def test_guards():
    g = guard("Number of adoptions", "count", "Percentage of adoptions", "percent")
    assert g.kind == "unit"
    g = guard("CPP visited within last 10 working days", "percent",
              "CPP seen in the last 15 working days", "percent")
    assert g.kind == "numbers"
    assert guard("CIN plan (not CWD) visited within last 6 weeks", "percent",
                 "CIN plan (not CWD) visited within last 3 weeks", "percent").kind == "numbers"
    g = guard("Number of children with Child in Need Plan (CWD)", "count",
              "Number of children with Child in Need Plan (not CWD)", "count")
    assert g.kind == "qualifier"
    assert guard("Number of S47 enquiries started", "count",
                 "Number of Section 47 enquiries completed", "count").kind == "qualifier"
    assert guard("Percentage of SA completed in 45 working days", "percent",
                 "Percentage of SA completed over 45 days", "percent").kind == "qualifier"
    assert guard("Number of children in our care", "count",
                 "Number of Looked after Children at end of period", "count") is None


def test_qualifiers_read_negation():
    assert qualifiers("Plan (not CWD)")["cwd"] == {"not_cwd"}
    assert qualifiers("Plan (CWD)")["cwd"] == {"cwd"}
    assert qualifiers("Local CLA (Non-UASC)")["uasc"] == {"non_uasc"}
