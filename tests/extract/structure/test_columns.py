"""Column finding: each printed value in its own cell at its row and column, ruled or not.

The property test leaves out unruled tables whose wrapped names are set in the middle of their
rows with only some names wrapped: the value line overlaps its label's lines and the rows' label
lines are not yet told apart there.
"""

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.extract.page import PageContent, Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.columns import Span, boundaries

from .pages import Sheet, print_sheet, read, texts
from .transposed_page import NUMBERED, transposed

MONTHS = ["Apr-23", "May-23", "Jun-23", "Jul-23", "Aug-23"]
ROWS = [
    ["Indicator", *MONTHS],
    ["Number of referrals", "1,204", "1,341", "98", "7", "15"],
    ["Re-referrals within 12 months", "21%", "19%", "22%", "18%", "20%"],
    ["Children in care", "412", "418", "420", "425", "431"],
    ["Average days to assessment", "34", "31", "29", "30", "28"],
]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_one_table_with_every_value_at_its_row_and_column(ruling):
    (table,) = find_tables(print_sheet(Sheet(ROWS, ruling=ruling)).page)
    assert (table.n_rows, table.n_cols, table.header_rows) == (5, 6, 1)
    assert table.ruled == (ruling == "grid")
    assert texts(table) == ROWS


def test_labels_set_left_and_figures_set_right_share_their_column():
    """Columns wider than their text: a header flush left and a figure flush right under it
    overlap nowhere, and still are one column."""
    printed = print_sheet(Sheet(ROWS, xs=[40, 200, 260, 320, 380, 440, 500]))
    (header,) = printed.cells[(0, 4)]  # `Jul-23`, flush left
    (seven,) = printed.cells[(1, 4)]  # `7`, flush right under it
    assert header.x1 < seven.x0, "the header and the figure under it share no x"
    (table,) = find_tables(printed.page)
    grid = table.grid()
    assert grid[0][4].text == "Jul-23" and grid[1][4].text == "7"
    assert grid[2][0].text == "Re-referrals within 12 months"


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_each_cell_box_holds_the_words_printed_in_it(ruling):
    printed = print_sheet(Sheet(ROWS, ruling=ruling))
    (table,) = find_tables(printed.page)
    for row in table.grid():
        for cell in row:
            assert cell is not None
            x0, top, x1, bottom = cell.bbox
            for w in printed.cells[(cell.row, cell.col)]:
                assert x0 - 0.01 <= w.x0 and w.x1 <= x1 + 0.01 and top - 0.01 <= w.top and w.bottom <= bottom + 0.01


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_each_value_read_once_with_its_name_and_month(ruling):
    got = [(o["indicator"], o["period"], o["value_raw"]) for o in read(print_sheet(Sheet(ROWS, ruling=ruling)).page)]
    periods = ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08"]
    assert got == [(row[0], p, v) for row in ROWS[1:] for p, v in zip(periods, row[1:], strict=True)]


WORDS = "number of children referrals assessments completed within working days visits care leavers plans reviewed"


@st.composite
def sheets(draw) -> tuple[list[list[str]], list[str], list[str]]:
    """A table of months across and named rows down: its rows, the rows' names as printed on
    one line, and the months' periods."""
    n_cols, n_rows = draw(st.integers(2, 6)), draw(st.integers(2, 8))
    start = draw(st.integers(2015 * 12, 2025 * 12))
    months = [divmod(start + k, 12) for k in range(n_cols)]
    header = [date(y, m + 1, 1).strftime("%b-%y") for y, m in months]
    periods = [f"{y}-{m + 1:02d}" for y, m in months]
    word = st.sampled_from(WORDS.split())
    names = draw(st.lists(st.lists(word, min_size=1, max_size=9), min_size=n_rows, max_size=n_rows, unique_by=tuple))
    wraps = [draw(st.integers(2, 5)) for _ in names]
    values = st.integers(0, 250_000).map(lambda v: f"{v:,}")
    body = [
        [_wrapped(n, per_line), *draw(st.lists(values, min_size=n_cols, max_size=n_cols))]
        for n, per_line in zip(names, wraps, strict=True)
    ]
    return [["Indicator", *header], *body], [" ".join(n).capitalize() for n in names], periods


def _wrapped(words: list[str], per_line: int) -> str:
    lines = [" ".join(words[k : k + per_line]) for k in range(0, len(words), per_line)]
    return "\n".join(lines).capitalize()


# (ruling, vertical alignment): an unruled table whose wrapped names sit in the middle of their
# rows is left out, the reader's open case (see the module docstring)
LAYOUTS = [
    ("none", "top"),
    ("none", "bottom"),
    ("rows", "top"),
    ("rows", "bottom"),
    ("grid", "top"),
    ("grid", "middle"),
    ("grid", "bottom"),
]


@settings(max_examples=150, deadline=None)
@given(sheets(), st.sampled_from(LAYOUTS))
def test_every_printed_value_is_read_once_with_its_row_and_month(sheet, layout):
    rows, names, periods = sheet
    ruling, valign = layout
    obs = read(print_sheet(Sheet(rows, ruling=ruling, valign=valign)).page)
    got = Counter((o["indicator"], o["period"], o["value_raw"]) for o in obs)
    printed = [(n, p, v) for n, row in zip(names, rows[1:], strict=True) for p, v in zip(periods, row[1:], strict=True)]
    want = Counter(printed)
    assert got == want
    assert all(o["value"] == float(o["value_raw"].replace(",", "")) for o in obs)


def test_a_header_of_bare_two_digit_years_is_not_a_row_setting_columns():
    """`Mar` over `21` in a wide column, a short table whose last columns hold only `-`: the
    header's lower line of bare numbers is not a row, so the dashes stay under their headers."""
    rows = [
        ["Ref", "Indicator", "Mar\n19", "Mar\n20", "Mar\n21", "Aug\n21"],
        ["YO2", "First time entrants", "52.9", "51.4", "-", "-"],
        ["FM011", "Families attached", "52", "54", "-", "-"],
    ]
    printed = print_sheet(Sheet(rows, xs=[40, 80, 200, 250, 300, 350, 400]))
    (table,) = find_tables(printed.page)
    grid = table.grid()
    assert table.n_cols == 6
    assert [grid[2][c].text for c in range(2, 6)] == ["52", "54", "-", "-"]
    assert [" ".join(grid[0][c].text.split()) for c in range(2, 6)] == ["Mar 19", "Mar 20", "Mar 21", "Aug 21"]


def test_a_boundary_goes_where_no_header_of_its_two_columns_reaches_into_the_gap():
    """A long month name set tight over narrow figures reaches past the middle of the gap
    between two columns' figures; the boundary goes into the stretch of the gap it leaves
    clear. A band over both columns leaves none, and the middle stands."""
    spans = [Span(40, 120), Span(232, 252), Span(290, 294)]
    month = [Span(48, 84), Span(208, 236), Span(256, 292)]
    assert boundaries(spans, [], 40, 300, month)[1:3] == [164, 254]
    assert boundaries(spans, [], 40, 300)[1:3] == [176, 271]
    assert boundaries(spans, [], 40, 300, [Span(236, 294)])[1:3] == [176, 271]


def test_bare_numbers_before_the_names_are_references_not_figures():
    """`101` and `10` before the names are the rows' references: a name's next line beginning
    with a figure (`10,000 population`) beside a wrapped comment is still that name."""
    rows = [
        ["Ref", "Indicator", "Apr-23", "May-23", "Commentary"],
        ["101", "Rate of assessments per\n10,000 population", "615.1", "586.7", "Demand is above\nthe usual levels"],
        ["10", "Number of children\nin need", "451", "518", "Stable this\nmonth"],
    ]
    got = {(o["ref"], o["indicator"], o["period"], o["value_raw"]) for o in read(print_sheet(Sheet(rows)).page)}
    want = {
        (r[0], r[1].replace("\n", " "), p, v)
        for r in rows[1:]
        for p, v in zip(["2023-04", "2023-05"], r[2:4], strict=False)
    }
    assert got == want


def test_a_chart_title_level_with_a_ruled_tables_header_leaves_it_a_ruled_table():
    """Text close beside one row of a ruled table is a caption or a chart's title, not the rest
    of the table; text close beside two rows or more, or on the lines of most rows however far,
    is the table running on past its rules."""
    printed = print_sheet(Sheet(ROWS, ruling="grid"))
    x1, top = printed.xs[-1], printed.ys[0]
    title = [
        Word(t, x1 + 10 + 30 * k, top + 2, x1 + 36 + 30 * k, top + 10, size=8)
        for k, t in enumerate(["Chart", "of", "visits"])
    ]
    (table, *_) = find_tables(replace(printed.page, words=printed.page.words + title))
    assert table.ruled and texts(table) == ROWS
    ticks = [
        Word(t, x1 + 10, y + 2, x1 + 18, y + 10, size=8) for t, y in zip(["80", "60"], printed.ys[1:3], strict=False)
    ]
    (table, *_) = find_tables(replace(printed.page, words=printed.page.words + ticks))
    assert not table.ruled
    labels = [w for w in printed.page.words if w.x0 < printed.xs[1]]
    far = [replace(w, text="n/a", x0=x1 + 60, x1=x1 + 72) for w in labels]  # a column the rules left out
    (table, *_) = find_tables(replace(printed.page, words=printed.page.words + far))
    assert not table.ruled


@pytest.mark.parametrize(("n_rows", "junk_row", "junk"), [(12, 3, "21259-1358"), (9, 9, "50 E302")])
def test_one_row_run_across_a_gutter_leaves_the_columns_of_the_others(n_rows, junk_row, junk):
    """A scan's junk read as one word over two cells (`21259-1358`) bridges the gutter between
    their columns; on one line of twelve it is a cell that runs over, not one column made of two.
    So on one of nine, though a tenth of nine lines rounds to none."""
    rows = [["Indicator", *MONTHS]]
    rows += [[f"Measure {k}", *(str(100 + 7 * k + j) for j in range(5))] for k in range(n_rows)]
    printed = print_sheet(Sheet(rows))
    a, b = printed.cells[(junk_row, 2)][0], printed.cells[(junk_row, 3)][0]
    words = [w for w in printed.page.words if w is not a and w is not b] + [replace(a, text=junk, x1=b.x1)]
    (table,) = find_tables(replace(printed.page, words=words))
    assert table.n_cols == 6
    grid = texts(table)
    assert grid[0] == rows[0]
    assert [row[4] for k, row in enumerate(grid) if k != junk_row] == [
        row[4] for k, row in enumerate(rows) if k != junk_row
    ]


def test_a_figure_read_in_two_pieces_that_stand_out_of_its_column_makes_no_column():
    """`8 096` read as `8` and `0`, the `8` a little left of the column's other figures and
    apart from them by a sliver of white: one line's piece, closer than a word space, is part of
    that column, not a column of its own that would split the month's header from its figures."""
    rows = [["Indicator", *MONTHS]] + [[f"Measure {k}", *(str(100 + 7 * k + j) for j in range(5))] for k in range(12)]
    printed = print_sheet(Sheet(rows))
    cell = printed.cells[(5, 3)][0]
    left = min(w.x0 for k in range(1, 13) for w in printed.cells[(k, 3)])
    em = cell.size
    piece = replace(cell, text="8", x0=left - 0.6 * em, x1=left - 0.35 * em, size=0.0)
    rest = replace(cell, text="0", x0=left + 0.05 * em, size=0.0)
    words = [replace(w, size=0.0) for w in printed.page.words if w is not cell] + [piece, rest]
    (table,) = find_tables(replace(printed.page, words=words))
    assert table.n_cols == 6
    assert texts(table)[0] == rows[0]


def test_a_last_column_with_nothing_read_under_it_keeps_its_own_header():
    """A trend column whose arrows the scan lost: its header stands past the last column of
    figures, and heads a column of its own instead of joining the month's (`Aug-23 Trend`)."""
    rows = [[*row, "Trend" if k == 0 else ""] for k, row in enumerate(ROWS)]
    (table,) = find_tables(print_sheet(Sheet(rows)).page)
    assert texts(table)[0] == [*ROWS[0], "Trend"]
    assert [row[5] for row in texts(table)[1:]] == [row[5] for row in ROWS[1:]]


def test_a_header_word_set_wide_past_the_last_column_heads_nothing():
    """`Fraction    of` over the last column: `of` names no column, and stays its header's word."""
    rows = [[*row, "of" if k == 0 else ""] for k, row in enumerate(ROWS)]
    (table,) = find_tables(print_sheet(Sheet(rows)).page)
    assert len(texts(table)[0]) == len(ROWS[0])


def test_a_reference_column_only_one_row_fills_is_still_a_label_column():
    """`Ref` over one row's `74`, the other rows printing no reference: with the names beside it,
    both are the rows' labels, and a section heading under the header stays a section."""
    rows = [
        ["", "", "Q4 2022/23", "", "Q1 2023/24", ""],
        ["Ref", "Measure", "Target", "Actual", "Target", "Actual"],
        ["", "Placement stability and permanence", "", "", "", ""],
        ["74", "Number of children placed for adoption", "28", "25", "28", "30"],
        ["", "Number of children in our care", "520", "539", "520", "505"],
        ["", "Number of children in need", "1,100", "1,210", "1,100", "1,180"],
    ]
    obs = read(print_sheet(Sheet(rows, spans={(0, 2): 2, (0, 4): 2, (2, 1): 5})).page)
    got = {(o["indicator"], o["period"], o["measure"], o["value_raw"]) for o in obs}
    assert ("Number of children in our care", "FY2023/24-Q1", "value", "505") in got
    assert ("Number of children placed for adoption", "FY2022/23-Q4", "target", "28") in got


def test_a_number_in_a_wrapped_column_name_sets_no_columns_between_the_figures():
    """`Number of Section 47 (S47) enquiries` wrapped so that a line holds `(SR)  (SR)  47 (S47)`:
    read as a row, its words would make columns of their own in the gutters, and each name would
    head a column of its own beside its figures. Its first phrase stands right of where the rows'
    labels end, and it holds more words than figures: a line of the header."""
    (table,) = find_tables(transposed(NUMBERED))
    assert len(table.xs) == 5
    grid = texts(table)
    assert grid[0][1].startswith("AB4 Number of Single Referrals (SR)")
    assert grid[0][3].startswith("CD1 Number of Section 47 (S47)")
    assert grid[-6][1:] == ["244", "71%", "115"]


def test_month_names_set_close_over_their_own_columns_head_one_column_each():
    """`December` ending near the gutter and `January` just past it, read as one phrase, 60% of it
    over December's column: its words head a column each (each a month, each in its column), and
    each column of figures has its own period; `Percentage of` overhanging a gutter stays whole."""
    row = [("Ref", 43.4, 59.8), ("Indicator", 78.2, 125.0)]
    header = [*row, ("December", 231.1, 282.7), ("January", 290.2, 330.7), ("February", 340.3, 385.7)]
    header += [("March", 395.0, 426.0)]
    words = [Word(t, a, 354.7, b, 362.9) for t, a, b in header]
    words += [Word(t, a, 370.3, b, 378.2) for t, a, b in [("2016", 245.3, 267.8), ("2017", 299.5, 322.6)]]
    words += [Word(t, a, 370.3, b, 378.2) for t, a, b in [("2017", 351.4, 373.9), ("2017", 398.9, 422.2)]]
    words += [Word("Benefits", 43.4, 387.8, 85.0, 396.0), Word("processing", 88.3, 387.8, 142.3, 398.4)]
    figures = [("21", "22", "20", "19"), ("18,403", "18,483", "18,282", "18,536"), ("96%", "96%", "96%", "96%")]
    for k, ref in enumerate(["AB5", "AB6", "AB7"]):
        y = 406.3 + 20 * k
        cells = [(ref, 43.4, 68.9), ("Average", 77.8, 116.6), ("number", 120.7, 157.9), ("of", 161.8, 170.6)]
        cells += [("days", 173.8, 195.1), ("to", 198.7, 208.1)]
        words += [Word(t, a, y, b, y + 7.9) for t, a, b in cells]
        ends = (283.7, 332.2, 386.9, 427.7)
        words += [Word(t, x - 5.2 * len(t), y, x, y + 7.9) for t, x in zip(figures[k], ends, strict=True)]
    (table,) = find_tables(PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr"))
    assert texts(table)[0][2:] == ["December 2016", "January 2017", "February 2017", "March 2017"]


def test_the_pieces_of_a_vertical_rule_a_scan_broke_cut_the_columns_together():
    """A dark column's edge broken where section rows cross it, a pixel or so apart across: no
    piece runs down half the block, all of them together do."""
    from scorekit.extract.page import Rule
    from scorekit.extract.structure.columns import vertical_cuts

    pieces = [Rule(200.0, 0.0, 200.0, 30.0), Rule(200.6, 34.0, 200.6, 70.0), Rule(199.8, 74.0, 199.8, 100.0)]
    assert vertical_cuts(pieces, 0.0, 100.0) == [pytest.approx(200.0, abs=0.5)]
    assert vertical_cuts([*pieces, Rule(300.0, 0.0, 300.0, 30.0)], 0.0, 100.0) == [pytest.approx(200.0, abs=0.5)]


def test_a_mark_read_off_the_rule_between_two_headers_does_not_join_them():
    """`Target 2020/21` and `RAG rating` wrapped over two columns a dark column's edge parts: its
    ink read as `=` reaches a little over the rule, and the line still splits there."""
    from scorekit.extract.structure.columns import split_by_columns
    from scorekit.extract.structure.lines import Phrase

    words = [
        Word("2020/21", 145.7, 82.8, 172.3, 92.2),
        Word("=", 176.6, 82.8, 179.0, 92.2),
        Word("rating", 182.4, 82.8, 201.4, 92.2),
    ]
    pieces = split_by_columns(Phrase(words), [139.3, 178.9, 207.2], [(178.9, 178.9)])
    assert [p.text for p in pieces] == ["2020/21", "= rating"]
    letters = [Word("2020/21", 145.7, 82.8, 172.3, 92.2), Word("rating", 178.6, 82.8, 201.4, 92.2)]
    assert [p.text for p in split_by_columns(Phrase(letters), [139.3, 178.9, 207.2], [(178.9, 178.9)])] == [
        "2020/21 rating"
    ]
