"""What a column holds is read from its header and its body together: a header that can name two
measures is settled by what is printed under it, derived columns take the newer end of the run
of months, and a single row under a header of periods is a table."""

import pytest

from scorekit.extract.page import Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.lines import phrases

from .pages import Sheet, print_sheet, read


def _measures(rows: list[list[str]], ruling: str = "none") -> dict[tuple[str, str], set[str]]:
    """(measure, period) -> the raw values read under it."""
    out: dict[tuple[str, str], set[str]] = {}
    for o in read(print_sheet(Sheet(rows, ruling=ruling)).page):
        out.setdefault((o["measure"], o["period"]), set()).add(o["value_raw"])
    return out


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_trend_over_words_is_a_direction_and_over_figures_a_change(ruling):
    worded = [
        ["Indicator", "Sep-23", "Oct-23", "Trend"],
        ["Number of referrals", "204", "310", "Worse"],
        ["Children in care", "412", "418", "No change"],
    ]
    figures = [row[:3] + [t] for row, t in zip(worded, ["Trend", "-3%", "2%"], strict=True)]
    assert _measures(worded, ruling)[("direction", "2023-10")] == {"Worse", "No change"}
    assert _measures(figures, ruling)[("change_prev", "2023-10")] == {"-3%", "2%"}


def test_a_status_of_rag_words_is_the_rag():
    rows = [
        ["Indicator", "Sep-23", "Oct-23", "Status"],
        ["Number of referrals", "204", "310", "Green"],
        ["Children in care", "412", "418", "Red"],
    ]
    assert _measures(rows)[("rag", "2023-10")] == {"Green", "Red"}


def test_derived_columns_of_months_running_back_describe_the_newest():
    rows = [
        ["Indicator", "May-22", "Apr-22", "Mar-22", "DoT"],
        ["Council tax collected", "61%", "67%", "64%", "Better"],
        ["Business rates collected", "66%", "67%", "65%", "Worse"],
    ]
    assert _measures(rows)[("direction", "2022-05")] == {"Better", "Worse"}


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_one_row_under_a_header_of_months_is_a_table(ruling):
    rows = [
        ["Ref", "Indicator", "Feb-18", "Mar-18", "Apr-18"],
        ["CP3", "Percentage of conferences held in time", "46.4%", "38.5%", "58.3%"],
    ]
    got = {(o["ref"], o["period"], o["value_raw"]) for o in read(print_sheet(Sheet(rows, ruling=ruling)).page)}
    assert got == {("CP3", "2018-02", "46.4%"), ("CP3", "2018-03", "38.5%"), ("CP3", "2018-04", "58.3%")}


def test_a_number_set_apart_by_a_dash_before_the_name_is_its_reference():
    rows = [
        ["Indicator", "Sep-23", "Oct-23"],
        ["74 - Percentage of children visited", "60%", "66%"],
        ["16 - 17 year olds in education", "88%", "90%"],
    ]
    got = {(o["ref"], o["indicator"]) for o in read(print_sheet(Sheet(rows)).page)}
    assert got == {("74", "Percentage of children visited"), ("", "16 - 17 year olds in education")}


def test_period_labels_beside_the_table_do_not_start_another():
    """A chart's axis of months printed to the right of the table, between two of its rows."""
    rows = [
        ["Indicator", "Oct-22", "Nov-22", "Dec-22"],
        ["Council tax arrears", "441", "339", "458"],
        ["Reminder notices issued", "5,082", "5,100", "5,384"],
        ["Days to process claims", "21", "14", "20"],
        ["Calls answered", "9,812", "8,801", "11,239"],
    ]
    printed = print_sheet(Sheet(rows))
    right = printed.xs[-1] + 60
    top = (printed.ys[2] + printed.ys[3]) / 2 - 4
    months = ["Mar-22", "May-22", "Jul-22"]
    printed.page.words += [Word(m, right + 40 * i, top, right + 40 * i + 24, top + 8) for i, m in enumerate(months)]
    got = {(o["indicator"], o["period"]) for o in read(printed.page)}
    assert {name for name, _ in got} == {row[0] for row in rows[1:]}
    assert len(got) == 12


def test_a_figure_and_a_centred_word_half_an_em_apart_are_two_cells():
    size = 9.0
    figure = Word("66%", 100.0, 50.0, 115.0, 50.0 + size, size=size)
    word = Word("No", 115.0 + 0.55 * size, 50.0, 130.0 + 0.55 * size, 50.0 + size, size=size)
    unit = Word("days", 115.0 + 0.25 * size, 50.0, 135.0 + 0.25 * size, 50.0 + size, size=size)
    assert [p.text for p in phrases([figure, word])] == ["66%", "No"]
    assert [p.text for p in phrases([figure, unit])] == ["66% days"]


def test_thousands_apart_by_a_digits_width_are_one_number_neighbouring_cells_are_not():
    """OCR boxes are as narrow as the ink: the `1` of `1 297` ends well before its advance, so
    the space looks wide in ems; measured in the next group's digits it is one digit wide."""
    one = Word("1", 239.0, 91.0, 241.0, 97.5)
    group = Word("297", 246.0, 91.0, 260.0, 97.5)
    left = Word("529", 262.0, 112.0, 275.0, 118.5)
    right = Word("636", 289.0, 112.0, 302.0, 118.5)
    assert [p.text for p in phrases([one, group])] == ["1 297"]
    assert [p.text for p in phrases([left, right])] == ["529", "636"]


def test_a_caption_set_close_over_the_top_rule_is_the_title_not_a_header_level():
    """A scan's OCR sets the caption's size and place loosely: close over a table whose top is
    ruled, it could pass for a band."""
    rows = [
        ["LA code", "Local authority", "2021", "2022", "2023"],
        ["839", "Bournemouth", "8%", "7%", "9%"],
        ["870", "Reading", "11%", "10%", "10%"],
        ["846", "Brighton and Hove", "13%", "11%", "12%"],
    ]
    sheet = Sheet(rows, ruling="rows")
    printed = print_sheet(sheet)
    top = sheet.top - 1.3 * sheet.size
    caption = [("Percentage", 0.0), ("of", 5.25), ("adoptions", 6.5)]
    printed.page.words += [
        Word(t, sheet.left + dx * sheet.size, top, sheet.left + (dx + 0.5 * len(t)) * sheet.size, top + sheet.size)
        for t, dx in caption
    ]
    (table,) = find_tables(printed.page)
    assert (table.header_rows, table.title) == (1, "Percentage of adoptions")


@pytest.mark.parametrize("ruling", ["none", "rows"])
def test_a_header_over_a_column_left_blank_is_a_column_of_its_own(ruling):
    """A status shown only as a colour leaves its column's body blank; its header must not join
    the neighbouring column's and split the months' two-line labels into two header levels."""
    rows = [
        ["Indicator", "Annual\ntarget", "Status", "Direction\nof travel", "Aug\n23", "Sep\n23"],
        ["Number of children placed in borough", "70", "", "", "76", "80"],
        ["Number of children in care", "400", "", "", "412", "420"],
    ]
    got = _measures([list(r) for r in rows], ruling)
    assert got[("value", "2023-08")] == {"76", "412"} and got[("target", "")] == {"70", "400"}


@pytest.mark.parametrize("stub_header", ["", "a"])
def test_a_column_of_references_is_known_by_its_body_when_its_header_is_not(stub_header):
    rows = [
        [stub_header, "Indicator", "Q2 23/24", "Q3 23/24"],
        ["PCS 01", "Total notifiable offences recorded", "2165", "2293"],
        ["PCS 02", "Residential burglary offences", "92", "116"],
    ]
    got = {(o["ref"], o["indicator"]) for o in read(print_sheet(Sheet(rows)).page)}
    assert got == {("PCS 01", "Total notifiable offences recorded"), ("PCS 02", "Residential burglary offences")}


def test_a_glyph_no_reader_read_is_withheld_not_stated():
    """A deciphered layer's RAG letter its key did not read (U+FFFD): the cell's observation is
    flagged and states no value, whatever the page's reading method."""
    rows = [
        ["Indicator", "Jun-21", "RAG"],
        ["Number of referrals", "412", "\ufffd"],
        ["Number of contacts", "1,204", "G"],
    ]
    got = {(o["indicator"], o["measure"]): o for o in read(print_sheet(Sheet(rows, ruling="grid")).page)}
    unread = got[("Number of referrals", "rag")]
    assert unread["value"] is None and "low_confidence" in unread["flags"]
    assert "low_confidence" not in got[("Number of contacts", "rag")]["flags"]
