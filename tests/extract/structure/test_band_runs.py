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
