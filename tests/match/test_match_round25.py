"""Matching round 25 (m39): the leftovers of `tests/match/probes20.csv` (a LAIT `NEET:` heading read
as part of the measure, DfE titles shaped `X during the year: percentage that were Y`, DfE's
`secure units, children's homes or semi-independent living` placements, a CP-plan rate one point
under the accept threshold) and what `tests/match/probes21.csv` (real published titles) showed:
a financial year a count is for (`in 2013-14`), the country a national figure is for, reference
codes (`SCC/004`, `OP504`, `(PMC24)`), `the previous one`, `this quarter`, `by the end of December
2021`, `at the end of quarter 2`, `dealt with`, `short term placement stability` printed alone."""

from __future__ import annotations

import pytest

from scorekit.match.catalogue import Catalogue
from scorekit.match.normalise import Quantity, vocabulary

from .conftest import given

# -- a year a count is for ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "near_miss"),
    [
        ("The number of referrals to children's social care in 2013-14", "cin_referrals"),
        ("The number of section 47 enquiries carried out in 2013-14", "s47_completed"),
        ("Number of children started to be looked after in 2018-19", "cla_new"),
        ("Number of children adopted from care in 2018/19", "adoptions"),
    ],
)
def test_a_count_in_a_financial_year_is_a_years_count_not_the_months(shipped: Catalogue, name, near_miss):
    assert vocabulary().facts(name).basis == {"year"}
    assert given(shipped, name) != near_miss


def test_a_year_so_far_is_the_year_to_date_and_a_year_printed_alone_is_still_noise(shipped: Catalogue):
    assert vocabulary().facts("The number of new EHCPs issued by the council so far in 2023/24").basis == {"ytd"}
    assert vocabulary().facts("Re-referrals within 12 months (%) - 2022/23 outturn").basis == {"year"}
    assert not vocabulary().facts("Number of referrals 2023/24").basis
    assert given(shipped, "Number of children left care during 2018-19") == "cla_ceased"


# -- a heading a name is printed under ---------------------------------------------------------


def test_a_heading_is_the_topic_not_a_member_of_an_either_or(shipped: Catalogue):
    assert vocabulary().facts("NEET: 16-17 year olds whose activity is not known (%)").heading == {"neet"}
    assert given(shipped, "NEET: 16-17 year olds whose activity is not known (%)") == ""
    assert given(shipped, "NEET: 16-17 year olds NEET or whose activity is not known (%)") == "neet_nk_16_17_pct"


def test_a_heading_the_measure_says_again_adds_no_words(shipped: Catalogue):
    name = (
        "Child protection: rate of children subject to a child protection plan at 31 March per"
        " 10,000 children aged under 18"
    )
    assert "cp" not in vocabulary().facts(name).words
    assert given(shipped, name) == "cpp_rate"
    # a heading the rest does not say again keeps its words: it may be all that names the cohort
    assert "cin" in vocabulary().facts("CIN: number of plans").words
    # a long opening clause is the measure's population, no heading
    assert not vocabulary().facts("Referrals to children's social care during the year ending 31 March: number").heading


# -- a statistical release's `X: percentage that were Y` ----------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "Referrals to children's social care during the year ending 31 March: percentage that were within 12"
            " months of a previous referral",
            "rereferrals_12m_pct",
        ),
        (
            "Child protection plans starting during the year ending 31 March: percentage that were a second or"
            " subsequent plan",
            "cpp_repeat_pct",
        ),
    ],
)
def test_a_share_after_its_population_and_a_colon_is_the_share_of_that_population(shipped: Catalogue, name, answer):
    assert vocabulary().canonical(name)[0].startswith("percentage of ")
    assert given(shipped, name) == answer


def test_a_year_said_of_the_children_counted_is_the_period_not_a_window(shipped: Catalogue):
    name = (
        "Child protection plans starting during the year ending 31 March: percentage that were a"
        " second or subsequent plan"
    )
    assert vocabulary().facts(name).cohort_year
    # a window of the earlier plan, said as one, still keeps the share apart from `at any time`
    trap = "% of new CPPs during the year where the child had a previous plan within the last 12 months"
    assert not vocabulary().facts(trap).cohort_year
    assert given(shipped, trap) != "cpp_repeat_pct"


# -- DfE's residential placement category ------------------------------------------------------


def test_secure_units_childrens_homes_and_semi_independent_living_are_the_residential_placements(shipped: Catalogue):
    pct = (
        "Children looked after at 31 March placed in secure units, children's homes or"
        " semi-independent living accommodation (%)"
    )
    count = (
        "Children looked after at 31 March placed in secure units, children's homes and"
        " semi-independent living accommodation"
    )
    assert given(shipped, pct) == "cla_residential_pct"
    assert given(shipped, count) == "cla_residential"
    assert given(shipped, "% of CLA placed in secure units") == ""  # one of the settings alone is not the category


# -- the country a national figure is for; a chart's `- Trend` -----------------------------------


def test_the_country_a_figure_is_for_is_no_word_of_the_measure(shipped: Catalogue):
    name = (
        "Rate per 10,000 children under 18 on the child protection register at 31 March, between"
        " 2016/17 and 2022/23 in Wales"
    )
    assert "wale" not in vocabulary().facts(name).words
    assert given(shipped, name) == "cpp_rate"
    assert given(shipped, "How many children in England are on a child protection plan?") == "cpp_children"
    assert "trend" not in vocabulary().facts("CP1- Number of children in care - Trend").words


# -- reference codes ---------------------------------------------------------------------------


def test_reference_codes_are_no_numbers_of_the_measure(shipped: Catalogue):
    name = (
        "SCC/004 The percentage of children looked after on 31 March who have had three or more"
        " placements during the year"
    )
    assert Quantity(4.0) not in vocabulary().facts(name).quantities
    assert given(shipped, name) == "cla_3plus_placements_pct"
    assert given(shipped, "OP504 (The number of child contacts received)") == "contacts"
    assert "pmc24" not in vocabulary().facts("% of children seen by a dentist (PMC24)").words
    # a code that is the measure's own word stays: S47, KS2
    assert "s47" in vocabulary().facts("S47 enquiries started in the month").words


# -- `the previous one`, `this quarter`, a month's end, a quarter's end -------------------------


def test_one_after_a_determiner_is_no_number():
    name = "Re-referral rate (new referral case is received within 12 months of the previous one)"
    assert {q.value for q in vocabulary().facts(name).quantities} == {12.0}
    assert "one" not in vocabulary().facts(name).words  # a pronoun, no word of the measure
    assert (
        Quantity(1.0, "days", "upper")
        in vocabulary().facts("Referrals completed within one working day (%)").quantities
    )


def test_this_quarter_is_the_quarter(shipped: Catalogue):
    assert vocabulary().facts("S47 enquiries started this quarter").basis == {"quarter"}
    name = (
        "% of the children referred during this quarter re-referred to Children's Social Care"
        " within 12 months of a previous referral"
    )
    assert given(shipped, name) == "rereferrals_12m_pct"


@pytest.mark.parametrize(
    "name",
    [
        "Number of Children in Care (CiC) by the end of December 2021",
        "Number of looked after children at the end of quarter 2",
    ],
)
def test_the_end_of_a_month_or_a_numbered_quarter_is_a_point_in_time(shipped: Catalogue, name):
    assert vocabulary().facts(name).basis == {"snapshot"}
    assert given(shipped, name) == "cla"


# -- words of other publications ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Children Protection Plans (per 10,000)", "cpp_rate"),
        ("% of referrals dealt with within 24hrs", "mash_referrals_1wd_pct"),
        (
            "% of looked after children who were due a review health check received them within the required timescale",
            "cla_health_assessment_pct",
        ),
    ],
)
def test_other_publications_words_for_catalogued_measures(shipped: Catalogue, name, answer):
    assert given(shipped, name) == answer


def test_short_term_placement_stability_printed_alone_is_the_share_with_3_or_more_placements(shipped: Catalogue):
    assert given(shipped, "Short term placement stability") == "cla_3plus_placements_pct"
    # as a heading over the measure spelled out it stays what the noise takes
    name = "Short-term placement stability: CLA with 3 or more placements in the year (%)"
    assert given(shipped, name) == "cla_3plus_placements_pct"
