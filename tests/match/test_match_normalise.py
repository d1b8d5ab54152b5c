"""The vocabulary that lets renames meet, and the guards that keep different indicators apart."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.match.normalise import (
    content,
    core,
    guard,
    key,
    numbers,
    qualifiers,
    soft_differences,
    unit_from_name,
    unit_from_values,
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
    assert (
        key("Number of Looked after Children")
        == key("Number of children in our care")
        == key("Number of CLA")
        == key("Number of LAC")
    )
    assert key("Number of Single Assessments (SA) completed") == key("Number of C&F assessments completed")
    assert key("Number of Section 47 (S47) enquiries started") == key("Number of S47 enquiries started")
    assert key("Number of Universal Help Assessments (UHAs) started") == key(
        "Number of Early Help Assessment (EHA) started"
    )
    assert content("Rate of Children In Need referrals") == content("rate of CiN referrals")


def test_denominators_are_not_defining_numbers():
    assert numbers("Rate of children with CPP per 10,000 (0-17 year olds) at end of period") == frozenset()
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
    g = guard("CPP visited within last 10 working days", "percent", "CPP seen in the last 15 working days", "percent")
    assert g.kind == "numbers"
    assert (
        guard(
            "CIN plan (not CWD) visited within last 6 weeks",
            "percent",
            "CIN plan (not CWD) visited within last 3 weeks",
            "percent",
        ).kind
        == "numbers"
    )
    g = guard(
        "Number of children with Child in Need Plan (CWD)",
        "count",
        "Number of children with Child in Need Plan (not CWD)",
        "count",
    )
    assert g.kind == "qualifier"
    assert (
        guard("Number of S47 enquiries started", "count", "Number of Section 47 enquiries completed", "count").kind
        == "qualifier"
    )
    assert (
        guard(
            "Percentage of SA completed in 45 working days",
            "percent",
            "Percentage of SA completed over 45 days",
            "percent",
        ).kind
        == "qualifier"
    )
    assert (
        guard("Number of children in our care", "count", "Number of Looked after Children at end of period", "count")
        is None
    )


def test_qualifiers_read_negation():
    assert qualifiers("Plan (not CWD)")["cwd"] == {"not_cwd"}
    assert qualifiers("Plan (CWD)")["cwd"] == {"cwd"}
    assert qualifiers("Local CLA (Non-UASC)")["uasc"] == {"non_uasc"}


# -- equivalences councils use interchangeably (each test fails without its rule) ----------------


def test_synonym_padding_does_not_stop_the_next_rule():
    # "of CiN" becomes " cin " with padding; the re-referral rule after it must still apply.
    assert key("% of referrals of CiN that are re-referrals") == key("% of re-referrals")


def test_referrals_into_statutory_service_are_cin_referrals():
    assert content("Number of referrals into statutory service in the month") == content(
        "Number of referrals of Children in Need"
    )
    assert content("Number of referrals to children's social care") == content("Number of CiN referrals")


def test_leaving_care_is_ceasing_to_be_looked_after_not_a_care_leaver():
    assert content("Percentage of children leaving care who were adopted during period") == content(
        "Percentage of CLA ceased in the month - adopted"
    )
    assert qualifiers("Number of children leaving care")["flow"] == {"out"}
    assert content("Number of children who ceased to be looked after") == content("Number of CLA ceased")
    assert content("Number of care leavers") != content("Number of children leaving care")


def test_at_least_n_is_n_plus_and_plural_s_in_brackets_is_a_plural():
    a = "Percentage of children in care for at least 12 months with health assessments"
    b = "Percentage of children looked after for a year+ with Health Assessment(s)"
    assert content(a) == content(b)
    assert numbers(a) == numbers(b) == {12}
    assert qualifiers(a)["bound"] == qualifiers(b)["bound"] == {"lower"}


def test_timeliness_wordings_meet():
    names = [
        "CLA visited within timescales",
        "CLA visited on time",
        "CLA visited in time",
        "CLA visited within agreed timescale",
        "CLA visited up to date",
    ]
    assert len({content(n) for n in names}) == 1
    # ... without touching the bounds that are numbers
    assert numbers("visited within 10 working days") == {10}


def test_inclusion_is_the_default_exclusion_is_a_subset():
    incl = "Number of Early Help Assessment (EHA) completed in the month INCLUDING adults aged 21+"
    excl = "Number of Early Help Assessment (EHA) completed, EXCLUDING adults aged 21+"
    plain = "Number of Early Help assessments completed"
    # the age defines who "adults" are, it is not a number of the indicator
    assert numbers(incl) == numbers(excl) == frozenset()
    assert guard(incl, "count", plain, "count") is None
    assert soft_differences(incl, plain) == []
    assert guard(excl, "count", plain, "count") is not None
    assert guard(incl, "count", excl, "count") is not None
    # a defining age is still a number
    assert numbers("referrals where CSE is a factor (for children aged 13+)") == {13}


def test_core_drops_glosses_but_keeps_parentheses_with_numbers():
    framework = "% of referrals of CiN that are re-referrals (within 1 year) (including stepped-up cases)"
    assert core(framework) == content("Percentage of re-referrals within 12 months")
    assert core("Total number of Children Looked After (CLA) at period end") == content("CLA")
