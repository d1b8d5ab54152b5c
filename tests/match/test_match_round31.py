"""Matching round 31 (m50): real published wording (`tests/match/probes26.csv`: councils' freedom
of information answers, scrutiny and corporate parenting minutes, a safeguarding partnership's KPI
table, DfE's children in need data set labels, Ofsted's fostering main findings)."""

from __future__ import annotations

import pytest

from .conftest import check_real_probe, given


def test_the_real_wording_probe_is_labelled_and_new(shipped):
    check_real_probe(shipped, "probes26.csv", "thirty-ninth session, matching round 31 (m50), real wording: ", 30)


# -- a date stamp is a point in time ------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Number of children subject to CP Plan as of 16 October 2023",
        "As of 13.05.2024, how many children are subject to a Child Protection Plan in your local authority?",
        "Number of children on a child protection plan as at 13/05/24",
        "How many children are on a child protection plan at present?",
    ],
)
def test_a_dated_or_present_count_is_a_snapshot_not_a_number(shipped, name):
    from scorekit.match.normalise import vocabulary

    facts = vocabulary().facts(name)
    assert facts.basis == frozenset({"snapshot"}) and not facts.quantities
    assert given(shipped, name) == "cpp_children"


def test_a_span_between_two_dates_is_no_snapshot():
    from scorekit.match.normalise import vocabulary

    name = "Between 01.01.2024 - 10.05.2024, how many Initial Child Protection Conferences (ICPC) have been held?"
    assert "snapshot" not in vocabulary().facts(name).basis


# -- a count and another unit printed together --------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Number and rate of children and young people with a child protection plan (CPP)",
        "Rate and number of children looked after",
        "Number and % of care leavers in suitable accommodation",
    ],
)
def test_a_name_printing_a_count_and_a_rate_or_share_says_two_units(shipped, name):
    from scorekit.match.normalise import vocabulary

    assert vocabulary().facts(name).two_units
    assert given(shipped, name) == ""


def test_a_count_alone_is_no_pair_of_units(shipped):
    assert given(shipped, "Number of children with a child protection plan") == "cpp_children"
    assert given(shipped, "Rate of children with a child protection plan per 10,000") == "cpp_rate"


# -- a statutory visit is the social worker's ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iid"),
    [
        (
            "Percentage of children on a CP plan seen by their social worker within 10 working days",
            "cpp_visited_10wd_pct",
        ),
        ("SW visits to children on CP plans within 10 working days (%)", "cpp_visited_10wd_pct"),
        ("% of children on a CP plan seen by their social worker in the last 15 working days", "cpp_visited_15wd_pct"),
    ],
)
def test_a_visit_by_the_social_worker_is_the_statutory_visit(shipped, name, iid):
    assert given(shipped, name) == iid


def test_an_early_help_visit_by_a_social_worker_is_not_merged(shipped):
    # early help is visited by its practitioners: the entry says no social worker
    name = "Percentage of children open to Early Help seen by a social worker in the last 4 weeks"
    assert given(shipped, name) == ""


# -- NI 62's title ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Stability of placements of looked after children: number of placements (3 or more)",
        "NI 62: Stability of placements of looked after children - number of placements",
        "Stability of placements of looked after children - number of placements (%)",
    ],
)
def test_ni_62s_title_is_the_share_with_three_or_more_placements(shipped, name):
    assert given(shipped, name) == "cla_3plus_placements_pct"


@pytest.mark.parametrize(
    "name",
    [
        "Stability of placements of looked after children: length of placement",  # NI 63
        "Stability of placements of looked after children: number of placements (number)",
        "NI 62 Number of looked after children with 3 or more placements",
    ],
)
def test_other_stability_titles_are_not_ni_62s_share(shipped, name):
    assert given(shipped, name) != "cla_3plus_placements_pct"


# -- a plan named by its heading ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iid"),
    [
        ("Child protection: children subject to a plan at month end", "cpp_children"),
        ("Child protection plans: children subject to a plan at 31 March, rate per 10,000 children", "cpp_rate"),
    ],
)
def test_a_bare_plan_under_a_child_protection_heading_is_a_child_protection_plan(shipped, name, iid):
    from scorekit.match.normalise import vocabulary

    assert "cpp" in vocabulary().canonical(name)[0].split()
    assert given(shipped, name) == iid


def test_a_heading_naming_no_one_kind_of_plan_leaves_the_plan_as_printed():
    from scorekit.match.normalise import vocabulary

    v = vocabulary()
    assert v.canonical("Looked after children: children with an up to date plan")[0].endswith("plan")
    assert "cpp" not in v.canonical("Child protection: children with a pathway plan")[0].split()


# -- a child who returns home ceases to be looked after ---------------------------------------------


def test_children_ceasing_care_in_the_month_who_returned_home_are_the_months_returns(shipped):
    name = "Children who ceased to be looked after in the month who returned home"
    assert given(shipped, name) == "cla_returned_home"


def test_a_years_returns_home_are_not_the_months(shipped):
    assert given(shipped, "Children who ceased to be looked after during the year: returned home (number)") == ""


# -- what an entry's definition says of the measure ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iid"),
    [
        ("Referrals stepped down to early help with no assessment", "referrals_stepped_down"),
        ("% of CLA placed at home with parents at month end", "cla_placed_parents_pct"),
        ("Caseholders with 20 or more children on their caseload (month end)", "caseholders_20plus"),
        ("Families attached per quarter (Families Matter)", "fm_families_attached"),
        ("Children under 5 registered with a children's centre (Sure Start) (%)", "sure_start_under5_pct"),
        ("Percentage of children in need referrals that were re-referrals within 12 months", "rereferrals_12m_pct"),
        (
            "Children looked after at 31 March with a placement order not yet placed for adoption",
            "placement_order_not_placed",
        ),
    ],
)
def test_a_word_the_entrys_definition_says_no_longer_holds_a_paraphrase_back(shipped, name, iid):
    assert given(shipped, name) == iid


# -- `(all placements)` restricts nothing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iid"),
    [
        ("Number of CLA at month end (all placements)", "cla"),
        ("Number of CLA aged 10-15 (all placement types) at period end", "cla_age_10_15"),
    ],
)
def test_all_placements_in_a_gloss_is_no_placement_of_one_kind(shipped, name, iid):
    assert given(shipped, name) == iid


def test_a_count_of_placements_is_not_a_count_of_children(shipped):
    assert given(shipped, "Number of CLA placements (all placements)") != "cla"
