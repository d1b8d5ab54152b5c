"""Two year bands side by side over runs of months of very different lengths: each band takes
the months it stands centred over, even where a month is nearer the shorter band's text."""

import pytest

from .pages import Sheet, print_sheet, read

LATE = ["Sep", "Oct", "Nov", "Dec"]
EARLY = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
BODY = [
    ["62", "Number of referrals", *[str(300 + 7 * k) for k in range(14)]],
    ["10", "Number of assessments", *[str(200 + 5 * k) for k in range(14)]],
    ["101", "Children in need", *[str(1000 + 11 * k) for k in range(14)]],
]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_four_months_of_one_year_beside_ten_of_the_next(ruling):
    """Numbered references down the side (figures, like the body's) and the indicators' names."""
    band = ["", "", "2022", "", "", "", "2023", *[""] * 9]
    rows = [band, ["Ref", "Indicator", *LATE, *EARLY], *BODY]
    obs = read(print_sheet(Sheet(rows, ruling=ruling, spans={(0, 2): 4, (0, 6): 10})).page)
    months = [f"2022-{m:02d}" for m in range(9, 13)] + [f"2023-{m:02d}" for m in range(1, 11)]
    for row in BODY:
        got = [(o["period"], o["value_raw"]) for o in obs if o["indicator"] == row[1]]
        assert got == list(zip(months, row[2:], strict=True))


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_a_band_of_years_begins_where_its_year_opens(ruling):
    """`2017/18` over Q1..Q4 beside `2018/19` over the next Q1, then England: `2018/19` stands as
    well centred over Q4, Q1 and England as over its own Q1, but its year opens at that Q1.
    (Whether England takes the band's year is not settled here.)"""
    band = ["", "", "2017/18", "", "", "", "2018/19", ""]
    rows = [band, ["Ref", "Indicator", "Q1", "Q2", "Q3", "Q4", "Q1", "England"]]
    rows += [[r[0], r[1], *(str(int(v) % 97) for v in r[2:8])] for r in BODY]
    xs = [40.0, 80.0, 200.0, 230.0, 260.0, 290.0, 320.0, 350.0, 380.0]
    obs = read(print_sheet(Sheet(rows, ruling=ruling, spans={(0, 2): 4, (0, 6): 1}, xs=xs)).page)
    got = {(o["period"], o["measure"]) for o in obs if o["indicator"] == BODY[0][1]}
    quarters = {(f"FY2017/18-Q{q}", "value") for q in range(1, 5)} | {("FY2018/19-Q1", "value")}
    assert quarters <= got


def test_a_band_wider_than_its_run_reaching_into_the_run_before_does_not_span_it():
    """`Year to date (Apr 2020-Mar 2021)` centred over its three columns, its text reaching a
    little into the last column of `Mar-21`'s run, past where that column's own text ends: it
    spans its three columns, and `Mar-21` keeps all of its own."""
    band = ["", "Mar-21", "", "", "Year to date (Apr 2020-Mar 2021)", "", ""]
    head = ["Borough", "Offences", "Detections", "Rate", "Offences", "Detections", "Rate"]
    body = [[area, *(str(10 + 7 * k + n) for k in range(6))] for n, area in enumerate(["Barnet", "Bexley", "Brent"])]
    xs = [40.0, 100.0, 150.0, 200.0, 235.0, 285.0, 335.0, 370.0]
    obs = read(print_sheet(Sheet([band, head, *body], spans={(0, 1): 3, (0, 4): 3}, xs=xs)).page)
    got = {(o["indicator"].split()[-1], o["period"]) for o in obs if o["area"] == "Barnet"}
    assert got == {(m, p) for m in ("Offences", "Detections", "Rate") for p in ("2021-03", "2020-04/2021-03")}
