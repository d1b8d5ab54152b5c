"""Header levels: a band over several value columns is a level of its own, and what it says
(a year, a month) completes the headers under it."""

from dataclasses import replace

import pytest

from scorekit.extract.page import PageContent, Rule, Word
from scorekit.extract.structure import find_tables

from .pages import Sheet, print_sheet, read, texts, width

YEAR_BAND = [
    ["", "2023", "", ""],
    ["Indicator", "Jan", "Feb", "Mar"],
    ["Number of referrals", "1,204", "1,310", "985"],
    ["Children in care", "412", "418", "420"],
    ["Visits on time", "90%", "91%", "88%"],
]
MONTH_BAND = [
    ["", "October 2019", "", ""],
    ["District", "Offences", "Detections", "Rate"],
    ["Basingstoke", "120", "31", "25.8%"],
    ["Eastleigh", "41", "12", "29.3%"],
    ["Hart", "230", "17", "7.4%"],
]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_a_year_over_months_is_a_level_spanning_them(ruling):
    (table,) = find_tables(print_sheet(Sheet(YEAR_BAND, ruling=ruling, spans={(0, 1): 3})).page)
    assert table.header_rows == 2
    band = table.grid()[0]
    assert band[0] is None or not band[0].text
    assert band[1] is band[2] is band[3] and (band[1].text, band[1].colspan) == ("2023", 3)
    assert [c.text for c in table.grid()[1]] == YEAR_BAND[1]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_the_months_under_a_year_band_take_its_year(ruling):
    obs = read(print_sheet(Sheet(YEAR_BAND, ruling=ruling, spans={(0, 1): 3})).page)
    got = [(o["indicator"], o["period"], o["value_raw"]) for o in obs]
    periods = ["2023-01", "2023-02", "2023-03"]
    assert got == [(row[0], p, v) for row in YEAR_BAND[2:] for p, v in zip(periods, row[1:], strict=True)]


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_a_month_over_named_columns_dates_each_of_them(ruling):
    """`October 2019` over Offences / Detections / Rate, districts down the side and the
    indicator in the title: each column is its own measure of that month."""
    sheet = Sheet(MONTH_BAND, ruling=ruling, spans={(0, 1): 3}, title="Burglary")
    (table,) = find_tables(print_sheet(sheet).page)
    assert table.header_rows == 2 and table.title == "Burglary"
    obs = read(print_sheet(sheet).page)
    assert {o["period"] for o in obs} == {"2019-10"}
    got = [(o["area"], o["indicator"], o["value_raw"], o["unit"]) for o in obs]
    names = ["Burglary - Offences", "Burglary - Detections", "Burglary - Rate"]
    units = ["count", "count", "percent"]
    want = [(r[0], n, v, u) for r in MONTH_BAND[2:] for n, v, u in zip(names, r[1:], units, strict=True)]
    assert got == want


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_bands_over_runs_of_months(ruling):
    """Two year bands side by side, each centred over its own months: a month between them
    belongs to the band nearer it."""
    rows = [
        ["", "2022", "", "2023", "", ""],
        ["Indicator", "Nov", "Dec", "Jan", "Feb", "Mar"],
        ["Number of referrals", "1,204", "1,310", "9.5", "7", "1,500"],
        ["Children in care", "412", "418", "420", "430", "431"],
    ]
    obs = read(print_sheet(Sheet(rows, ruling=ruling, spans={(0, 1): 2, (0, 3): 3})).page)
    assert [o["period"] for o in obs[:5]] == ["2022-11", "2022-12", "2023-01", "2023-02", "2023-03"]
    assert [o["value_raw"] for o in obs] == rows[2][1:] + rows[3][1:]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_figures_under_bare_month_names_are_not_their_years(ruling):
    """`Jan` over `120` is no `Jan 12` with a footnote `0`: the first row stays a row."""
    rows = [
        ["Indicator", "Jan", "Feb", "Mar"],
        ["Number of referrals", "120", "131", "98"],
        ["Children in care", "412", "418", "420"],
    ]
    (table,) = find_tables(print_sheet(Sheet(rows, ruling=ruling)).page)
    assert table.header_rows == 1
    assert texts(table) == rows


def test_a_header_rows_borders_read_as_bars_are_rules_not_words():
    """A scan's header band whose inner borders the image lost, and OCR read as `|`: the row is
    one grid cell, and the bars must not join its labels into one phrase across the columns,
    nor hide a label they touch (`|2015/16`)."""
    rows = [
        ["Ref", "Indicator", "2014/15", "2015/16", "2016/17"],
        ["REV-1", "Council tax collected", "62%", "65%", "63%"],
        ["REV-2", "Business rates collected", "69%", "68%", "64%"],
    ]
    printed = print_sheet(Sheet(rows, ruling="grid"))
    page = printed.page
    y0, y1 = printed.ys[0], printed.ys[1]
    inner = printed.xs[3:5]
    page.rules = [r for r in page.rules if not (r.x0 == r.x1 and r.x0 in inner and r.top == y0)]
    page.words += [Word("|", x - 0.5, y0 + 1, x + 0.5, y1 - 1, conf=0.9) for x in inner]
    year = next(w for w in page.words if w.text == "2015/16")
    barred = Word("|2015/16", year.x0 - 2, year.top, year.x1, year.bottom, conf=0.9)
    page.words = [w for w in page.words if w is not year] + [barred]
    got = {(o["ref"], o["period"], o["value_raw"]) for o in read(page)}
    assert ("REV-1", "FY2015/16", "65%") in got and ("REV-2", "FY2016/17", "64%") in got


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_two_digit_figures_under_a_year_bands_months_are_a_row(ruling):
    """`Apr` over `73` reads as April 1973, and so do most of a row's small figures; they are no
    header line completing the months, for the years they would give run in no order."""
    rows = [
        ["", "2023", "", "", "", ""],
        ["Indicator", "Mar", "Apr", "May", "Jun", "Jul"],
        ["Number of early help assessments", "110", "73", "74", "62", "19"],
        ["Children in care", "412", "418", "420", "430", "431"],
    ]
    obs = read(print_sheet(Sheet(rows, ruling=ruling, spans={(0, 1): 5})).page)
    assert [o["period"] for o in obs[:5]] == ["2023-03", "2023-04", "2023-05", "2023-06", "2023-07"]
    assert [o["value_raw"] for o in obs] == rows[2][1:] + rows[3][1:]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_a_rows_few_figures_that_read_as_years_in_order_do_not_make_it_header(ruling):
    """Under a year band's six months, `Jul` over `81` and `Nov` over `90` read as July 1981 and
    November 1990, in order; but the other months' figures (`125`, `195`) complete none of them,
    so the line is the first row, not a header line giving the months their years."""
    rows = [
        ["", "2020", "", "", "", "", ""],
        ["Indicator", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"],
        ["Households owed a prevention duty", "125", "81", "195", "127", "121", "90"],
        ["Households owed a relief duty", "140", "133", "157", "118", "124", "131"],
    ]
    sheet = Sheet(rows, ruling=ruling, spans={(0, 1): 6})
    (table,) = find_tables(print_sheet(sheet).page)
    assert table.header_rows == 2
    obs = read(print_sheet(sheet).page)
    assert [o["period"] for o in obs[:6]] == ["2020-06", "2020-07", "2020-08", "2020-09", "2020-10", "2020-11"]
    assert [o["value_raw"] for o in obs] == rows[2][1:] + rows[3][1:]


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_a_year_band_set_apart_over_its_months_is_still_the_header(ruling):
    """A band of a year a little further above its months than a wrapped line would be (rows
    taller than their text, or the band in a box of its own): the months still take its year."""
    obs = read(print_sheet(Sheet(YEAR_BAND, ruling=ruling, spans={(0, 1): 3}, row_height=15.0)).page)
    assert [o["period"] for o in obs[:3]] == ["2023-01", "2023-02", "2023-03"]
    assert [o["value_raw"] for o in obs] == [v for row in YEAR_BAND[2:] for v in row[1:]]


def _scanned_month_band() -> PageContent:
    """MONTH_BAND printed with the month merged over its three columns, then read from a scan
    whose rule finder saw the body's rules run up through the dark band (its own borders lost
    in its ink): the grid divides the band row at every column."""
    printed = print_sheet(Sheet(MONTH_BAND, ruling="grid", spans={(0, 1): 3}, title="Burglary"))
    xs, ys = printed.xs, printed.ys
    through = [Rule(xs[k], ys[0], xs[k], ys[1]) for k in (2, 3)]
    return replace(printed.page, rules=printed.page.rules + through, method="ocr")


def test_a_scans_band_the_grid_cut_spans_the_columns_it_stands_centred_over():
    page = _scanned_month_band()
    (table,) = find_tables(page)
    band = table.grid()[0]
    assert band[1] is band[2] is band[3] and band[1].text == "October 2019"
    assert {o["period"] for o in read(page)} == {"2019-10"} and len(read(page)) == 9


def test_a_text_layers_band_its_rules_divide_spans_the_columns_it_stands_centred_over():
    """The same grid drawn in a text-layer PDF: an office suite draws each cell's borders under a
    merged band's dark fill too, where no reader sees them; the label centred over the columns
    says what the band spans, as on a scan (fresh probe bases: `Q3 2017/18` over Target, Actual
    and RAG dated the Actual column only)."""
    page = replace(_scanned_month_band(), method="text")
    (table,) = find_tables(page)
    band = table.grid()[0]
    assert band[1] is band[2] is band[3] and band[1].text == "October 2019"
    assert {o["period"] for o in read(page)} == {"2019-10"} and len(read(page)) == 9


def _boxed_header(method: str) -> PageContent:
    """MONTH_BAND with its two header rows boxed on their own (the box's edges and the rule
    beside the stub) over a body ruled between rows only."""
    printed = print_sheet(Sheet(MONTH_BAND, ruling="rows", spans={(0, 1): 3}, title="Burglary"))
    xs, ys = printed.xs, printed.ys
    box = [Rule(xs[0], y, xs[-1], y) for y in (ys[0], ys[2])]
    box += [Rule(x, ys[0], x, ys[2]) for x in (xs[0], xs[1], xs[-1])]
    body = [Rule(xs[0], y, xs[-1], y) for y in ys[3:]]
    return replace(printed.page, rules=box + body, method=method)


def test_a_scans_header_boxed_on_its_own_is_read_with_the_body_under_it():
    """A dark header band's edges, and the one rule beside the stub, read from a page image box
    the header as a grid of one row. That box is no table; its words head the body's columns,
    the month band over all three."""
    page = _boxed_header("ocr")
    (table,) = find_tables(page)
    assert table.header_rows == 2 and texts(table)[1] == MONTH_BAND[1]
    obs = read(page)
    assert {o["period"] for o in obs} == {"2019-10"} and len(obs) == 9


def test_a_text_layers_one_row_grid_stays_a_grid():
    """The same box drawn in a text-layer PDF is the publisher's: it stays a table of its own."""
    assert len(find_tables(_boxed_header("text"))) == 2


def test_a_scans_header_box_whose_inner_rules_are_lost_but_one_is_read_by_alignment():
    """A dark header box over an area table, two lines high: its borders lost in the scan but the
    line under the indicator's name, over the years only. The grid makes the box one cell two rows
    high; its lines are set column by column all the same, and head the body as a band and years."""
    rows = [
        ["", "", "Missed collections", "", ""],
        ["Code", "Area", "2018", "2019", "2020"],
        *[[str(800 + k), f"Area {k}", f"{80 + k}.6", f"{70 + k}.0", f"{60 + k}.2"] for k in range(8)],
    ]
    printed = print_sheet(Sheet(rows, ruling="grid", spans={(0, 2): 3}))
    xs, ys = printed.xs, printed.ys
    kept = [r for r in printed.page.rules if not (r.top < ys[2] - 1 and (r.x0 == r.x1 and xs[0] < r.x0 < xs[-1]))]
    kept = [r for r in kept if not (r.x0 != r.x1 and abs(r.top - ys[1]) < 0.5)]
    page = replace(printed.page, rules=[*kept, Rule(xs[2] + 2, ys[1], xs[5] - 2, ys[1])], method="ocr")
    got = {(o["indicator"], o["area"], o["period"], o["value_raw"]) for o in read(page)}
    want = {
        ("Missed collections", r[1], y, v)
        for r in rows[2:]
        for y, v in zip(["2018", "2019", "2020"], r[2:], strict=False)
    }
    assert got == want


def test_a_bands_labels_set_close_in_two_boxes_are_a_label_per_column():
    """A scan's dark band whose inner borders are lost in two stretches (over `Target RAG DoT`
    and over the months), its labels set so close that they run into one phrase across the
    columns: both boxes are the header, a label to each column their words part at."""
    labels = ["Indicator", "Target", "RAG", "DoT", "Nov 18", "Dec 18", "Jan 19", "Feb 19"]
    rows = [labels, ["Households owed a relief duty", "120", "G", "=", "122", "111", "138", "155"]]
    xs = [40.0, 200.0]
    for text in labels[1:]:
        xs.append(xs[-1] + width(text.replace(" ", "  "), 8.0) + 1.0)
    printed = print_sheet(Sheet(rows, ruling="grid", xs=xs))
    page = printed.page
    y0 = printed.ys[0]
    lost = [xs[2], xs[3], xs[5], xs[6], xs[7]]
    page.rules = [r for r in page.rules if not (r.x0 == r.x1 and r.x0 in lost and r.top == y0)]
    moved = []
    for c in range(1, len(labels)):
        x = xs[c] + 0.5
        for w in printed.cells[(0, c)]:
            moved.append((w, replace(w, x0=x, x1=x + w.x1 - w.x0)))
            x += w.x1 - w.x0 + 2.0
    old = {id(w): new for w, new in moved}
    page.words = [old.get(id(w), w) for w in page.words]
    obs = read(page)
    got = {(o["measure"], o["period"], o["value_raw"]) for o in obs}
    assert {
        ("value", "2018-11", "122"),
        ("value", "2019-02", "155"),
        ("target", "", "120"),
        ("rag", "2019-02", "G"),
    } <= got


def test_a_header_of_month_names_read_taller_than_the_figures_is_no_title():
    """OCR's boxes round a bold header's capitals and descenders (`February`) are taller than the
    figures': a line that much larger reads as the title over a table, yet one naming three
    periods or more is the table's header, with its years on the line under it."""
    rows = [["Ward", "February", "March", "April", "May"], ["", "2017", "2017", "2017", "2017"]]
    rows += [["Bargate", "413", "410", "396", "393"], ["Bassett", "542", "502", "487", "519"]]
    rows += [["Bevois", "477", "395", "395", "498"]]
    page = print_sheet(Sheet(rows, ruling="none", title="Value of council tax arrears collected")).page
    top = min(w.top for w in page.words if w.text == "February")
    page.words = [replace(w, bottom=w.top + 1.5 * w.em, size=1.5 * w.em) if w.top == top else w for w in page.words]
    got = {(o["area"], o["period"], o["value_raw"]) for o in read(page)}
    assert ("Bargate", "2017-02", "413") in got and ("Bevois", "2017-05", "498") in got and len(got) == 12


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_two_year_bands_take_their_own_months_not_the_figures_beside_them(ruling):
    """`2020` centred over Sep..Dec, `2021` over Jan..Aug, then `12-month avg` and `Target`:
    `2021` stands near enough the middle of Nov..Target too, but that would leave `2020` over
    one month and date the target; each band spans columns of one kind."""
    months = ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
    figures = [str(900 + 7 * k) for k in range(14)]
    rows = [
        ["", "2020", "", "", "", "2021", *[""] * 9],
        ["Indicator", *months, "12-mth\navg", "Target"],
        ["Missed bin collections", *figures],
        ["Fly-tipping incidents", *reversed(figures)],
    ]
    xs = [64.0, 217.0, 248.0, 274.0, 300.0, 327.0, 353.0, 379.0, 406.0, 432.0, 459.0, 486.0, 511.0, 546.0, 583.0, 608.0]
    obs = read(print_sheet(Sheet(rows, ruling=ruling, spans={(0, 1): 4, (0, 5): 8}, xs=xs)).page)
    want = [f"2020-{m:02d}" for m in range(9, 13)] + [f"2021-{m:02d}" for m in range(1, 9)]
    assert [(o["period"], o["measure"]) for o in obs[:12]] == [(p, "value") for p in want]
    assert [o["value_raw"] for o in obs[:12]] == figures[:12]
    target = next(o for o in obs if o["measure"] == "target")
    assert (target["period"], target["value_raw"]) == ("", figures[13])


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_header_cells_wrapping_on_below_a_line_of_years_stay_the_header(ruling):
    """`Feb` over `16` ends on a line the months' years make look like figures; `Change on last`
    and `Rolling 12m` wrap one line further (`year`, `avg`): words alone over value columns, no
    label, so the header's, not the first row's."""
    months = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
    rows = [
        ["Ref", "Indicator", *[f"{m}\n16" for m in months], "%\nchange", "Change\non last\nyear", "Rolling\n12m\navg"],
        ["ENV-1", "Missed bin collections", *[f"1,{k}73" for k in range(7)], "19.0%", "18.0%", "1,897"],
        ["ENV-2", "Fly-tipping incidents", *[f"2,{k}33" for k in range(7)], "-7.0%", "-4.0%", "2,677"],
    ]
    xs = [40.0, 80.0, *[200.0 + 40 * k for k in range(11)]]
    obs = read(print_sheet(Sheet(rows, xs=xs, ruling=ruling)).page)
    got = [(o["ref"], o["measure"], o["period"], o["value_raw"]) for o in obs if o["measure"] != "value"]
    assert got == [
        (row[0], measure, "2016-08", value)
        for row in rows[1:]
        for measure, value in zip(["change_prev", "change_year", "avg_12m"], row[9:], strict=True)
    ]


def test_two_header_labels_whose_rule_a_scan_lost_are_a_label_each():
    """`Ref` and `Indicator` in one grid cell (the white rule between them on a dark band was
    not found) name a column each: the references stay references, not part of the names. A
    label centred over the columns it spans stays whole."""
    rows = [
        ["", "", "2023", "", ""],
        ["Ref", "Indicator", "Jan", "Feb", "Mar"],
        ["CP1", "Number of referrals", "1,204", "1,310", "985"],
        ["CP2", "Children in care", "412", "418", "420"],
    ]
    printed = print_sheet(Sheet(rows, ruling="grid", spans={(0, 2): 3}))
    ys = printed.ys
    lost = [
        r
        for r in printed.page.rules
        if r.x0 == r.x1 == printed.xs[1] and r.top >= ys[1] - 0.1 and r.bottom <= ys[2] + 0.1
    ]
    assert len(lost) == 1
    page = replace(printed.page, rules=[r for r in printed.page.rules if r is not lost[0]])
    (table,) = find_tables(page)
    assert texts(table)[1][:3] == ["Ref", "Indicator", "Jan"]
    assert all(c.header for c in table.grid()[1])
    assert texts(table)[0][2:] == ["2023"] * 3
    got = [(o["ref"], o["indicator"], o["period"]) for o in read(page)]
    assert got[0] == ("CP1", "Number of referrals", "2023-01") and got[-1] == ("CP2", "Children in care", "2023-03")


def _lost_band_rules(printed, header_rows: int) -> list[Rule]:
    """The grid's rules less those inside a dark header band over the value columns, which the
    scan lost (white rules on dark ink)."""
    xs, ys = printed.xs, printed.ys
    inner_v = [r for r in printed.page.rules if r.x0 == r.x1 and xs[1] < r.x0 < xs[-1] and r.bottom <= ys[header_rows]]
    inner_h = [r for r in printed.page.rules if r.x0 != r.x1 and ys[0] < r.top < ys[header_rows]]
    lost = {id(r) for r in inner_v + inner_h}
    return [r for r in printed.page.rules if id(r) not in lost]


def test_a_scans_month_labels_blurred_over_their_borders_are_a_label_per_column():
    """A year band over months in one dark box whose inner rules the scan lost; the month labels
    are set close to their columns' right borders, and blur carries each word's box a little over
    the border. Each month still heads the column holding the middle of its word."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    rows = [
        ["", "2023", "", "", "", "", ""],
        ["Indicator", *months],
        ["Number of referrals", "104", "131", "98", "120", "117", "122"],
        ["Children in care", "412", "418", "420", "425", "431", "428"],
    ]
    xs = [40.0, 200.0 + 0.0]
    for _ in months:
        xs.append(xs[-1] + 26.0)
    printed = print_sheet(Sheet(rows, ruling="grid", xs=xs, spans={(0, 1): 6}))
    page = printed.page
    page.rules = _lost_band_rules(printed, 2)
    moved = {}
    for c in range(1, len(months) + 1):
        for w in printed.cells[(1, c)]:
            x1 = xs[c + 1] + 1.0
            moved[id(w)] = replace(w, x0=x1 - (w.x1 - w.x0) - 1.0, x1=x1)
    page.words = [moved.get(id(w), w) for w in page.words]
    page = replace(page, method="ocr")
    got = {(o["indicator"], o["period"], o["value_raw"]) for o in read(page)}
    want = {(r[0], f"2023-{k + 1:02d}", v) for r in rows[2:] for k, v in enumerate(r[1:])}
    assert got == want


def test_a_first_row_whose_figures_ocr_garbled_is_body_not_header():
    """Under a row of months, a first body row whose figures the scan's dark band edge spoiled
    (`2006«=—C`, `OSs`) names no column: it is the body's first row, so the rows under it keep
    their months and the label is not read as a header."""
    rows = [
        ["Indicator", "Jan 23", "Feb 23", "Mar 23", "Apr 23"],
        ["Assessments completed", "2006«=—C", "OSs", "2u1", "235"],
        ["Number of referrals", "104", "131", "98", "120"],
        ["Children in care", "412", "418", "420", "425"],
    ]
    page = replace(print_sheet(Sheet(rows, ruling="grid")).page, method="ocr")
    table = find_tables(page)[0]
    assert table.header_rows == 1
    got = {(o["indicator"], o["period"], o["value_raw"]) for o in read(page)}
    assert {("Number of referrals", "2023-01", "104"), ("Children in care", "2023-04", "425")} <= got


def test_measures_under_bands_of_periods_spanning_columns_stay_the_header():
    """Periods that each span three columns head the measures under them, which the column
    vocabulary need not know: the row of measures is a header level, not the body."""
    rows = [
        ["", "Aug-24", "", "", "Year to date (Apr-Aug 2024)", "", ""],
        ["Borough", "Offences", "Detections", "Detection rate", "Offences", "Detections", "Detection rate"],
        ["Barnet", "35", "2", "24%", "161", "12", "28%"],
        ["Bromley", "20", "4", "24%", "80", "18", "20%"],
    ]
    page = print_sheet(Sheet(rows, ruling="grid", spans={(0, 1): 3, (0, 4): 3})).page
    assert find_tables(page)[0].header_rows == 2


def test_a_bands_labels_set_close_one_to_a_column_are_a_label_each_whatever_they_say():
    """A scan's dark band, its inner rules all lost (one grid cell over the whole header), whose
    labels under two periods are set so close they run into one phrase: each lies wholly inside
    its own column, so each names its column, though no vocabulary knows `Offences`."""
    rows = [
        ["", "Nov-18", "", "", "Year to date", "", ""],
        ["District", "Offences", "Detections", "Solved", "Offences", "Detections", "Solved"],
        ["Basingstoke", "144", "21", "15.8%", "1501", "141", "20.2%"],
        ["Eastleigh", "120", "14", "17.1%", "880", "171", "16.0%"],
    ]
    xs = [40.0, 120.0]
    for text in rows[1][1:]:
        xs.append(xs[-1] + width(text, 8.0) + 1.0)
    printed = print_sheet(Sheet(rows, ruling="grid", xs=xs, spans={(0, 1): 3, (0, 4): 3}, title="Burglary"))
    y0, y2 = printed.ys[0], printed.ys[2]
    page = printed.page
    inner = [r for r in page.rules if (r.x0 == r.x1 and r.top < y2 and xs[0] < r.x0 < xs[-1]) or r.top == printed.ys[1]]
    page.rules = [r for r in page.rules if r not in inner] + [Rule(xs[0], y0, xs[0], y2), Rule(xs[-1], y0, xs[-1], y2)]
    moved = {}
    for c in range(1, len(xs) - 1):
        x = xs[c] + 0.5
        for w in printed.cells[(1, c)]:
            moved[id(w)] = replace(w, x0=x, x1=x + w.x1 - w.x0)
            x += w.x1 - w.x0 + 2.0
    page.words = [moved.get(id(w), w) for w in page.words]
    got = {(o["indicator"], o["area"], o["period"], o["value_raw"]) for o in read(replace(page, method="ocr"))}
    assert ("Burglary - Offences", "Basingstoke", "2018-11", "144") in got
    assert ("Burglary - Solved", "Eastleigh", "2018-11", "17.1%") in got
    assert ("Burglary - Detections", "Eastleigh", "2018-11", "14") in got
