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
