"""Text beside a table, level with its rows (a chart's title and ticks, a sidebar), is no part of
it where the table's rules say how wide it is."""

from dataclasses import replace

from scorekit.extract.page import Rule, Word
from scorekit.extract.structure import find_tables

from .pages import Printed, Sheet, print_sheet, read

SHEET = [
    ["Indicator", "Mar 23", "Apr 23", "May 23"],
    ["Number of children placed in\nconnected carer placements at\nthe end of the month", "59", "54", "52"],
    ["Number of children in our care", "539", "505", "517"],
    ["Percentage of children at end of\nmonth with 3 or more\nplacements during the year", "14.0%", "15.0%", "15.0%"],
    ["Number of children placed in\nresidential placements", "42", "42", "43"],
]
PERIODS = ["2023-03", "2023-04", "2023-05"]


def _chart_beside(printed: Printed) -> list[Word]:
    """A line chart's words a little right of the table: its title level with the header, its
    ticks down the side where the wrapped labels' lines stand."""
    x = printed.xs[-1] + 18
    size = 8.0
    out = [
        Word(t, x + 60 * k, printed.ys[0] + 2, x + 60 * k + 55, printed.ys[0] + 2 + size, size=size)
        for k, t in enumerate(["Placements", "at", "the", "end"])
    ]
    for k, tick in enumerate(["80", "60", "40", "20", "0"]):
        top = printed.ys[1] + 14 + 19 * k
        out.append(Word(tick, x + 10, top, x + 20, top + size, size=size))
    out += [
        Word(t, x + 30 + 50 * k, printed.ys[-1] - 10, x + 70 + 50 * k, printed.ys[-1] - 2, size=size)
        for k, t in enumerate(["Nov-22", "Jan-23", "Mar-23"])
    ]
    return out


def _printed(ruling: str) -> Printed:
    printed = print_sheet(Sheet(SHEET, ruling=ruling))
    page = replace(printed.page, words=printed.page.words + _chart_beside(printed))
    return replace(printed, page=page)


def _want() -> list[tuple[str, str, str]]:
    return [(" ".join(r[0].split("\n")), p, v) for r in SHEET[1:] for p, v in zip(PERIODS, r[1:], strict=True)]


def test_a_chart_beside_a_table_ruled_across_its_rows_is_read_apart():
    printed = _printed("rows")
    table = find_tables(printed.page)[0]
    assert table.n_cols == len(SHEET[0])
    assert [(o["indicator"], o["period"], o["value_raw"]) for o in read(printed.page)] == _want()


def test_rules_drawn_under_the_figures_only_leave_the_labels_in_the_table():
    """Rules that stop short of the rows' labels mark part of the table, not its width."""
    printed = print_sheet(Sheet(SHEET, ruling="rows"))
    x0 = printed.xs[1]
    rules = [Rule(x0, r.top, r.x1, r.bottom) for r in printed.page.rules]
    page = replace(printed.page, rules=rules)
    assert [(o["indicator"], o["period"], o["value_raw"]) for o in read(page)] == _want()


def test_rules_broken_where_a_fill_crosses_them_are_one_line():
    """A scan loses a row's rule where a dark column of status fills crosses it: the pieces at
    one height are one rule, and the table is as wide as the whole line."""
    printed = print_sheet(Sheet(SHEET, ruling="rows"))
    gap = (printed.xs[2] - 4, printed.xs[2] + 4)
    rules = [piece for r in printed.page.rules for piece in (replace(r, x1=gap[0]), replace(r, x0=gap[1]))]
    page = replace(printed.page, rules=rules)
    assert [(o["indicator"], o["period"], o["value_raw"]) for o in read(page)] == _want()


STATUS = [
    ["Measure", "Target", "Result", "RAG", "Target", "Result", "RAG"],
    ["Number of assessments completed", "316", "284", "R", "316", "375", "G"],
    ["Average number of days to assessment", "28", "24", "R", "28", "29", "G"],
    ["Number of people waiting", "653", "683", "G", "653", "610", "R"],
    ["Number of people in receipt of support", "4202", "4198", "R", "4202", "4190", "R"],
    ["Number of safeguarding concerns", "530", "549", "G", "530", "437", "R"],
]


def test_the_ends_of_dark_status_columns_are_no_rule_the_table_is_fenced_by():
    """A scan's dark RAG columns leave short rules at their tops and bottoms wherever a section
    row interrupts them: pieces at one height with the columns between them undrawn, not one
    line across the table. Three of them do not fence the columns right of the first RAG column
    off as a table of their own (the frame's three full-width rules say how wide it is)."""
    printed = print_sheet(Sheet(STATUS, ruling="none"))
    xs, ys = printed.xs, printed.ys
    frame = [Rule(xs[0], y, xs[-1], y) for y in (ys[0], ys[1], ys[-1])]
    ends = [Rule(xs[c], y, xs[c + 1], y) for y in (ys[2] + 0.5, ys[3] + 0.5, ys[4] + 0.5, ys[5] + 0.5) for c in (3, 6)]
    page = replace(printed.page, rules=frame + ends)
    tables = find_tables(page)
    assert len(tables) == 1 and tables[0].n_cols == len(STATUS[0])
