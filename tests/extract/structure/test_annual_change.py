"""A change column beside whole years, on a page that prints no date: `% change from Nov-22`
cannot be placed against a report month, and a table of annual figures compares years."""

import pytest

from .pages import Sheet, print_sheet, read

BODY = [
    ["ENV01", "Number of missed bin collections", "900", "1,024", "605", "-4%"],
    ["ENV02", "Missed collections per 100,000", "68.2", "52.8", "76.1", "-18%"],
    ["ENV03", "Tonnes of garden waste collected", "886", "1,466", "1,292", "-24%"],
]


def _changes(header: list[str]) -> list[tuple[str, str, str]]:
    obs = read(print_sheet(Sheet([header, *BODY])).page)
    return [(o["ref"], o["measure"], o["value_raw"]) for o in obs if o["measure"].startswith("change")]


@pytest.mark.parametrize("years", [["2022", "2021", "2020"], ["2022/23", "2021/22", "2020/21"]])
def test_a_change_from_a_month_beside_years_is_over_a_year(years):
    got = _changes(["Ref", "Indicator", *years, "% change from Nov-22"])
    assert got == [(row[0], "change_year", row[-1]) for row in BODY]


def test_beside_months_the_same_header_is_from_the_previous_month():
    got = _changes(["Ref", "Indicator", "Oct-22", "Nov-22", "Dec-22", "% change from Nov-22"])
    assert got == [(row[0], "change_prev", row[-1]) for row in BODY]
