"""Section rows: a label alone on its row (in the first column, or spanning the table) with no
figures under the period columns heads the rows below it. Directly under a header whose period
cells are all filled it is the body's first row, not a level of the header, whatever it says."""

import pytest

from scorekit.extract.structure import find_tables

from .pages import LEADING, Sheet, print_sheet, read, texts

HEADER = ["Ref", "Indicator", "Apr-23", "May-23", "Jun-23"]
BODY = [
    ["W1", "Household waste collected", "1,204", "1,310", "985"],
    ["W2", "Missed bins per 100k", "41", "38", "52"],
]
PERIODS = ["2023-04", "2023-05", "2023-06"]
SECTIONS = ["Collection", "Early Help", "Adult Social Care"]


def sheet(section: str, ruling: str, spanning: bool, valign: str = "top") -> Sheet:
    blank = [""] * (len(HEADER) - 1)
    spans = {(1, 0): len(HEADER)} if spanning else {}
    return Sheet([HEADER, [section, *blank], *BODY], ruling=ruling, spans=spans, valign=valign)


CASES = [(s, r, sp) for s in SECTIONS for r in ("none", "rows", "grid") for sp in (False, True)]


@pytest.mark.parametrize(("section", "ruling", "spanning"), CASES)
def test_a_section_row_under_the_header_is_no_header_level(section, ruling, spanning):
    (table,) = find_tables(print_sheet(sheet(section, ruling, spanning)).page)
    assert table.header_rows == 1
    assert [c.text if c is not None else "" for c in table.grid()[0]] == HEADER


@pytest.mark.parametrize(("section", "ruling", "spanning"), CASES)
def test_the_rows_under_a_section_row_are_read_in_that_section(section, ruling, spanning):
    obs = read(print_sheet(sheet(section, ruling, spanning)).page)
    got = [(o["section"], o["ref"], o["indicator"], o["period"], o["value_raw"]) for o in obs]
    want = [(section, r[0], r[1], p, v) for r in BODY for p, v in zip(PERIODS, r[2:], strict=True)]
    assert got == want


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_a_section_row_under_a_banded_header_leaves_both_levels(ruling):
    """A year band over the months, the months, then the section: two header levels still."""
    rows = [
        ["", "", "2023", "", ""],
        ["Ref", "Indicator", "Apr", "May", "Jun"],
        ["Collection", "", "", "", ""],
        *BODY,
    ]
    printed = print_sheet(Sheet(rows, ruling=ruling, spans={(0, 2): 3}))
    (table,) = find_tables(printed.page)
    assert table.header_rows == 2
    got = [(o["section"], o["ref"], o["period"], o["value_raw"]) for o in read(printed.page)]
    assert got == [("Collection", r[0], p, v) for r in BODY for p, v in zip(PERIODS, r[2:], strict=True)]


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_a_stub_header_wrapped_onto_a_tighter_line_stays_header(ruling):
    """`Performance` / `indicator` set a line's leading apart, closer than the rows are: one
    header cell wrapped in its row, not a section row."""
    rows = [["Performance\nindicator", "Apr-23", "May-23", "Jun-23"]] + [r[1:] for r in BODY]
    (table,) = find_tables(print_sheet(Sheet(rows, ruling=ruling)).page)
    assert table.header_rows == 1
    assert [c.text for c in table.grid()[0]] == ["Performance indicator", "Apr-23", "May-23", "Jun-23"]


def test_a_lone_label_over_a_column_of_figures_is_that_columns_header():
    """Rows set a line's leading apart, as a wrapped cell's lines are: nothing in the spacing
    tells `avg` from a row, but it stands over figures, where no row's label does."""
    rows = [["Indicator", "Apr-23", "May-23", "12-month\navg"]] + [[r[1], *r[2:4], r[4]] for r in BODY]
    sheet = Sheet(rows, row_height=LEADING * 8.0)
    (table,) = find_tables(print_sheet(sheet).page)
    assert table.header_rows == 1
    assert [c.text for c in table.grid()[0]] == ["Indicator", "Apr-23", "May-23", "12-month avg"]


def test_a_lone_label_followed_by_a_line_naming_columns_is_no_section_row():
    """A caption's last line alone in the first column, then the `(%)` and the column headers
    under it: the body has not begun (ICDAR 2013 eu-014 prints its caption so)."""
    rows = [
        ["Table 10: Funding indicators for", "vocational"],
        ["training in 2006", ""],
        ["", "(%)"],
        ["Indicators", "Weight in 2006"],
        ["Effectiveness", ""],
        ["Employment", "40"],
        ["Completion", "30"],
    ]
    (table,) = find_tables(print_sheet(Sheet(rows)).page)
    grid = texts(table)
    assert any("Indicators" in (t or "") for row in grid[: table.header_rows] for t in row)
    assert grid[table.header_rows :] == [["Effectiveness", None], ["Employment", "40"], ["Completion", "30"]]


def test_a_section_row_running_on_over_the_figures_close_under_the_header_is_no_header_level():
    """Rows whose names wrap over three lines stand further apart than the header from the
    section row under it; the section's label, longer than its column, runs on over the months:
    no header cell of the labels does that, so it opens the body all the same."""
    wrapped = [[r[0], r[1].replace(" ", "\n", 2), *r[2:]] for r in BODY]
    section = "Children remain within or return to their families"
    printed = print_sheet(Sheet([HEADER, ["", section, "", "", ""], *wrapped], xs=[40, 70, 150, 200, 250, 300]))
    (table,) = find_tables(printed.page)
    assert table.header_rows == 1
    got = [(o["section"], o["ref"], o["period"], o["value_raw"]) for o in read(printed.page)]
    assert got == [(section, r[0], p, v) for r in BODY for p, v in zip(PERIODS, r[2:], strict=True)]
