"""Header texts into a column model: what each column holds, for which period."""

import pytest

from scorekit.extract.headers import model_from_levels
from scorekit.extract.periods import ReportPeriod

LEVELS = [
    ["", "", "Quarter", "Quarter", "Quarter", "Quarter", ""],
    ["", "", "2019/20", "2019/20", "2019/20", "2020/21", ""],
    ["Ref", "Indicator", "Q2", "Q3", "Q4", "Q1", "Annual target"],
]


@pytest.mark.parametrize("report", [ReportPeriod(2020, 6), None])
def test_quarters_under_a_band_of_years_take_the_bands_year_not_the_reports(report):
    """A report for Q1 2020/21 shows the last three quarters of 2019/20: `Q2` alone would be
    given the report's year; the band over it says which."""
    model = model_from_levels(LEVELS, 7, report)
    got = [c.period for c in model.columns[2:6]]
    assert got == ["FY2019/20-Q2", "FY2019/20-Q3", "FY2019/20-Q4", "FY2020/21-Q1"]


def test_a_quarter_that_names_its_year_keeps_it_under_a_band():
    levels = [["", "", "2019/20"], ["Ref", "Indicator", "Q4 2018/19"]]
    assert model_from_levels(levels, 3, ReportPeriod(2020, 6)).columns[2].period == "FY2018/19-Q4"


def test_bare_months_in_turn_up_to_the_report_month_are_the_months_to_the_report():
    """A scan lost the `2020` band over `Feb`..`Oct`: in a report of October 2020 a run of months
    ending in October is the months to it; a run down from it counts back; a run ending in another
    month, or too short to be a run, says nothing of its year."""
    heads = ["Ref", "Indicator", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Annual target"]
    cols = model_from_levels([heads], len(heads), ReportPeriod(2020, 10)).columns
    assert [c.period for c in cols[2:11]] == [f"2020-{m:02d}" for m in range(2, 11)]
    assert cols[11].measure == "target"
    down = model_from_levels([["Ref", "Indicator", "Feb", "Jan", "Dec"]], 5, ReportPeriod(2021, 2)).columns
    assert [c.period for c in down[2:]] == ["2021-02", "2021-01", "2020-12"]
    other = model_from_levels([["Ref", "Indicator", "Feb", "Mar", "Apr"]], 5, ReportPeriod(2021, 5)).columns
    short = model_from_levels([["Ref", "Indicator", "Sep", "Oct"]], 4, ReportPeriod(2020, 10)).columns
    assert all(c.kind == "ignore" for c in other[2:] + short[2:])
