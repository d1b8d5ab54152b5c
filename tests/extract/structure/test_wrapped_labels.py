"""Wrapped labels: a name printed over several lines of its cell is one row, its lines joined
with single spaces, its values read once."""

import pytest

from scorekit.extract.structure import find_tables

from .pages import Sheet, print_sheet, read

HEADER = ["Indicator", "Apr-23", "May-23", "Jun-23"]
TWO = "Re-referrals within\n12 months"
THREE = "Percentage of assessments\ncompleted within 45\nworking days"


def rows(*names: str) -> list[list[str]]:
    values = [["1,204", "1,310", "985"], ["91%", "88%", "90%"], ["412", "418", "420"], ["21%", "19%", "22%"]]
    return [HEADER] + [[n, *v] for n, v in zip(names, values, strict=False)]


NAMES = ("Number of referrals", THREE, "Children in care", TWO)
CASES = [
    # (ruling, vertical alignment of the cells in a taller row, the names)
    *[(r, a, NAMES) for r in ("none", "rows") for a in ("top", "bottom")],
    *[("grid", a, NAMES) for a in ("top", "middle", "bottom")],
    *[(r, "middle", ("Number of referrals", THREE, "Children in care")) for r in ("none", "rows")],
    *[(r, "middle", ("Number of referrals", TWO, "Children in care")) for r in ("none", "rows")],
]


@pytest.mark.parametrize(("ruling", "valign", "names"), CASES)
def test_a_wrapped_name_is_one_row(ruling, valign, names):
    sheet = rows(*names)
    (table,) = find_tables(print_sheet(Sheet(sheet, ruling=ruling, valign=valign)).page)
    assert table.n_rows == len(sheet)
    assert [row[0].text for row in table.grid()] == [" ".join(r[0].split("\n")) for r in sheet]
    assert [[c.text for c in row[1:]] for row in table.grid()] == [r[1:] for r in sheet]


@pytest.mark.parametrize(("ruling", "valign", "names"), CASES)
def test_a_wrapped_names_values_are_read_once_under_it(ruling, valign, names):
    sheet = rows(*names)
    obs = read(print_sheet(Sheet(sheet, ruling=ruling, valign=valign)).page)
    got = [(o["indicator"], o["period"], o["value_raw"]) for o in obs]
    periods = ["2023-04", "2023-05", "2023-06"]
    want = [(" ".join(r[0].split("\n")), p, v) for r in sheet[1:] for p, v in zip(periods, r[1:], strict=True)]
    assert got == want


def test_a_wrapped_header_is_one_level():
    """A header cell wrapped over two lines (`Target` / `2023/24`) is one cell, its lines joined."""
    sheet = [
        ["Indicator", "Apr-23\n(actual)", "Target\n2023/24"],
        ["Number of referrals", "1,204", "1,300"],
        ["Children in care", "412", "400"],
    ]
    (table,) = find_tables(print_sheet(Sheet(sheet, valign="bottom")).page)
    assert table.header_rows == 1
    assert [c.text for c in table.grid()[0]] == ["Indicator", "Apr-23 (actual)", "Target 2023/24"]
