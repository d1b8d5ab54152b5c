"""An area table's indicator names, each a band wrapped over lines above a run of years: every
line of a band is one cell over the band's own columns, whatever its word spaces line up with."""

from dataclasses import replace

import pytest

from scorekit.extract.page import Rule
from scorekit.extract.structure import find_tables

from .pages import Sheet, print_sheet, read, texts

YEARS = ["2015", "2016", "2017", "2018", "2019"]
FIRST = "Percentage of people receiving\nlong-term support who had a review in\nthe last 12 months"
SECOND = "Council tax collected as a percentage\nof the amount due (cumulative)"
BODY = [
    ["E06000026", "Plymouth", "58.5%", "57.0%", "58.2%", "57.7%", "62.6%", "80.6%", "84.1%", "80.6%", "79.0%", "83.9%"],
    ["E06000033", "Southend", "50.8%", "50.2%", "51.4%", "51.1%", "51.0%", "65.2%", "68.0%", "69.9%", "65.7%", "67.1%"],
    ["E92000001", "England", "60.3%", "58.2%", "57.3%", "57.1%", "60.4%", "74.1%", "73.0%", "71.1%", "70.7%", "74.2%"],
]
# the first year column runs from the area labels' gutter, wider than the rest
XS = [40, 84, 170, 205, 235, 265, 299, 330, 360, 389, 418, 448, 478]


def _sheet(first: str, ruling: str) -> Sheet:
    band = ["", "", first, "", "", "", "", SECOND, "", "", "", ""]
    rows = [band, ["ONS code", "Area", *YEARS, *YEARS], *BODY]
    return Sheet(rows, ruling=ruling, spans={(0, 2): 5, (0, 7): 5}, xs=XS)


def _name(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("ruling", ["none", "rows"])
@pytest.mark.parametrize("first", [FIRST, FIRST.replace("the last 12 months", "the last twelve\nmonths")])
def test_each_band_names_its_own_five_years(first, ruling):
    """`the last 12 months` wraps in words about as wide as the year columns (each gap between
    them in a gutter) and `months` stands centred where a run of six columns would also be."""
    page = print_sheet(_sheet(first, ruling)).page
    (table,) = find_tables(page)
    for level in texts(table)[: table.header_rows - 1]:
        assert len(set(level[2:7])) == 1 and len(set(level[7:])) == 1
    obs = read(page)
    by_name = {_name(first): 0, _name(SECOND): 0}
    for o in obs:
        by_name[o["indicator"]] += 1
    assert by_name == {_name(first): 15, _name(SECOND): 15}
    assert [o["value_raw"] for o in obs if o["area"] == "Plymouth"] == BODY[0][2:]


def test_bands_boxed_with_their_years_stay_one_level_each():
    """A scan's grid with no rule under the bands nor between their columns (the image lost
    them): the band lines and the years share one grid row. Each band's centred lines stack into
    its one title, the years are the level under them, and the body is read by area and year."""
    printed = print_sheet(_sheet(FIRST, "grid"))
    xs, ys = printed.xs, printed.ys
    rules = [Rule(xs[0], y, xs[-1], y) for k, y in enumerate(ys) if k != 1]
    rules += [Rule(x, ys[0] if k in (0, len(xs) - 1) else ys[2], x, ys[-1]) for k, x in enumerate(xs)]
    page = replace(printed.page, rules=rules)
    (table,) = find_tables(page)
    assert table.header_rows == 2
    assert texts(table)[0][2:] == [_name(FIRST)] * 5 + [_name(SECOND)] * 5
    assert texts(table)[1] == ["ONS code", "Area", *YEARS, *YEARS]
    obs = read(page)
    assert [o["value_raw"] for o in obs if o["area"] == "Plymouth"] == BODY[0][2:]
    assert {o["indicator"] for o in obs} == {_name(FIRST), _name(SECOND)}
