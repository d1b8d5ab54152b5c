"""Matching round 15 (m27): look-alikes probes14 showed merging, each kept apart by a general
guard (a benchmark or target column named like the measure, ...)."""

from __future__ import annotations

import pytest

from .conftest import given

# -- a benchmark or target column is named after the measure it sits beside ---------------------


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Contact rate per 10,000 children aged 0-17 (England)", "contacts_rate"),
        ("Rate of contacts per 10,000 population under 18 years old (SN)", "contacts_rate"),
        ("Rate of contacts per 10,000 population under 18 years old - national", "contacts_rate"),
        ("Children in need at 31 March - England rate per 10,000", "cin_all_rate"),
        ("Re-referrals within 12 months (%) - target", "rereferrals_12m_pct"),
        ("Percentage of re-referrals within 12 months: target", "rereferrals_12m_pct"),
        ("% of single assessments completed within 45 working days - target", "assessments_in_45wd_pct"),
    ],
)
def test_a_column_named_for_a_comparator_or_a_target_is_no_figure_of_the_measure(shipped, name, entry):
    """A LAIT or scorecard column headed `England`, `SN` or `target` after the measure's name
    holds another authority's (or the aimed-at) figure: it must not be given the measure's id."""
    assert given(shipped, name) != entry


@pytest.mark.parametrize(
    "name, entry",
    [
        ("Rate of contacts per 10,000 population under 18 years old", "contacts_rate"),
        ("Percentage of re-referrals within 12 months (target 22%)", "rereferrals_12m_pct"),
    ],
)
def test_the_measure_itself_still_meets_its_entry(shipped, name, entry):
    """The measure's own name, and a name stating the target it is judged against in a gloss,
    still meet it."""
    assert given(shipped, name) == entry
