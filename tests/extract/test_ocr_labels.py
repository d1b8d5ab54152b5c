"""Header labels and references: the repairs that only the table's own structure justifies."""

import numpy as np

from scorekit.extract.ocr import glyphs
from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.labels import (
    BodyColumns,
    _body_columns,
    _complete_months,
    _complete_quarters,
    _complete_years,
    ref_fix,
)
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word
from scorekit.extract.vocabulary import VOCABULARY


def reading(text):
    r = CellReading(CellImage(0, 0, 0, 0, np.full((20, 60), 255, np.uint8)))
    r.words = [Word(text, 0, 0, 60, 20, True, 0.5)] if text else []
    return r


def texts(cols):
    return [" ".join(w.text for w in cols[c].words) for c in sorted(cols)]


def test_a_garbled_month_inside_or_at_the_end_of_a_run_is_the_one_the_run_implies():
    cols = {
        c: reading(t)
        for c, t in enumerate(["Ref", "jurvi7", "whi?", "Aug-17", "Sep-17", "0ct~17", "Nov-17", "% change"])
    }
    _complete_months(cols)
    assert texts(cols) == ["Ref", "Jun-17", "Jul-17", "Aug-17", "Sep-17", "Oct-17", "Nov-17", "% change"]


def test_two_labels_are_not_a_run():
    cols = {c: reading(t) for c, t in enumerate(["xx", "Aug-17", "Sep-17", "yy"])}
    _complete_months(cols)
    assert texts(cols) == ["xx", "Aug-17", "Sep-17", "yy"]


def test_a_year_range_runs_to_the_next_year_only():
    cols = {c: reading(t) for c, t in enumerate(["Apr-20", "May-20", "Target 17-", "Target 18: 19", "Target 17-19"])}
    _complete_years(cols)
    assert texts(cols)[2:] == ["Target 17-18", "Target 18-19", "Target 17-19"]


def test_reference_confusions():
    assert [ref_fix(t) for t in ["Mi", "EHib", "LAC 10 (%)", "CP3-Qt (val)", "M1", "Front Door"]] == [
        "M1",
        "EH1b",
        "LAC10 (%)",
        "CP3-QL (val)",
        "M1",
        "Front Door",
    ]


def test_reference_confusions_are_the_vocabularys_lookalikes(monkeypatch):
    """Where lookalikes stand for a number is data a user's file extends: a `prefix_end` capital
    (`I`, here) makes `EHI` `EH1`, and a qualifier letter (`1` for `L`) makes `-Q1` `-QL`."""
    from dataclasses import replace

    import scorekit.extract.ocr.labels as labels

    assert [ref_fix(t) for t in ["LAC?", "Mé", "ABCZ", "ABLL-QL", "EHI", "LACLNI", "CP3-Q1"]] == [
        "LAC9",
        "M6",
        "ABC2",
        "AB11-QL",
        "EHI",
        "LACLNI",
        "CP3-Q1",
    ]
    marks = replace(VOCABULARY.ref_marks, prefix_end=("I",), qualifier_letters={"1": "L"})
    monkeypatch.setattr(labels, "VOCABULARY", replace(VOCABULARY, ref_marks=marks))
    assert [ref_fix(t) for t in ["ABCZ", "EHI", "CP3-Q1"]] == ["ABCZ", "EH1", "CP3-QL"]


def test_reference_marks_from_a_users_file_add_to_the_bundled(tmp_path):
    import pytest

    from scorekit.extract.vocabulary import VocabularyError, load

    extra = tmp_path / "mine.json"
    extra.write_text('{"ocr": {"reference_lookalikes": {"prefix_end": ["E"], "after_prefix": "s"}}}', "utf-8")
    marks = load(extra=extra).ref_marks
    assert marks.prefix_end[0] == "E" and set(VOCABULARY.ref_marks.prefix_end) < set(marks.prefix_end)
    assert marks.after_prefix.startswith("s") and marks.qualifier_letters == VOCABULARY.ref_marks.qualifier_letters
    extra.write_text('{"ocr": {"reference_lookalikes": {"prefix_end": ["K"]}}}', "utf-8")
    with pytest.raises(VocabularyError, match="mine.json: reference_lookalikes: K stand for no digit"):
        load(extra=extra)


def test_two_blurred_digits_run_together_are_not_an_arrow():
    img = np.full((30, 90), 255, np.uint8)
    img[5:25, 5:35] = 0  # a digit-high blob as wide as two digits
    img[5:25, 50:60] = 0
    img[5:25, 65:75] = 0
    assert glyphs.split_arrow(img) is None


def test_a_header_names_change_from_last_month_once():
    from scorekit.extract.ocr.labels import _second_change

    cols = {c: reading(t) for c, t in enumerate(["May-18", "Jun-18", "% change from previous month", "% change"])}
    _second_change(cols)
    assert texts(cols)[3] == "% change from same month prev. yr"


def test_a_trend_header_over_words_is_no_second_change():
    """`Trend` reads as a change with figures under it; over `Same`, `Improving` it is a direction,
    and `% change from Jul-18` beside it is the only change the header names."""
    from scorekit.extract.ocr.labels import _second_change

    heads = ["Jun-19", "Jul-19", "% change from Jul-18", "Trend"]
    cols = {c: reading(t) for c, t in enumerate(heads)}
    _second_change(cols, BodyColumns(figures=frozenset({0, 1, 2}), words=frozenset({3})))
    assert texts(cols) == heads


def test_a_stub_header_beside_a_run_of_months_is_no_month():
    cols = {c: reading(t) for c, t in enumerate(["Ward", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "Nay-24"])}
    _complete_months(cols)
    assert texts(cols) == ["Ward", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24"]


def test_a_stub_header_over_names_is_no_month_however_like_one_it_reads():
    """`Ward` half reads as `Apr` (fuzz 57): over a column of names it is still no month."""
    cols = {c: reading(t) for c, t in enumerate(["Ward", "May 23", "Jun 23", "Jul 23"])}
    _complete_months(cols)
    assert texts(cols)[0] == "Apr-23"
    cols = {c: reading(t) for c, t in enumerate(["Ward", "May 23", "Jun 23", "Jul 23"])}
    _complete_months(cols, BodyColumns(figures=frozenset({1, 2, 3}), words=frozenset({0})))
    assert texts(cols) == ["Ward", "May 23", "Jun 23", "Jul 23"]


def test_a_header_rows_body_columns_are_figures_or_names():
    header = {c: reading(t) for c, t in enumerate(["Ward", "May 23", "Jun 23"])}
    body = [["Bargate", "23293", "n/a"], ["Bevois", "21713", "23347"], ["0", "19997", "20863"]]
    rows = {(0, 0): header} | {(0, k + 1): {c: reading(t) for c, t in enumerate(r)} for k, r in enumerate(body)}
    assert _body_columns(rows, 0, 0) == BodyColumns(figures=frozenset({1, 2}), words=frozenset({0}))
    assert _body_columns(rows, 0, 3) == BodyColumns()


def test_a_garble_no_longer_like_its_month_still_heads_the_figures_under_it():
    cols = {c: reading(t) for c, t in enumerate(["Outcome", "muri?", "wah?", "Aug 17", "Sep-17", "Oct-17"])}
    _complete_months(cols, BodyColumns(figures=frozenset({1, 2, 3, 4, 5})))
    assert texts(cols) == ["Outcome", "Jun-17", "Jul-17", "Aug 17", "Sep-17", "Oct-17"]


def test_a_month_label_garbled_into_two_short_tokens_still_ends_the_run():
    cols = {
        c: reading(t) for c, t in enumerate(["Indicator", "Jul 20", "Aug 20", "Sep 20", "ut 2", "% change", "SN avg"])
    }
    _complete_months(cols)
    assert texts(cols) == ["Indicator", "Jul 20", "Aug 20", "Sep 20", "Oct-20", "% change", "SN avg"]


def test_a_quarter_whose_number_was_lost_is_the_one_the_run_implies():
    cols = {i: reading(t) for i, t in enumerate(["Ref", "Qtr 2015-16", "Qtr2 2015-16", "Qtr 3 2015-16", "Qu4 2015-16"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Ref", "Q1 2015-16", "Qtr2 2015-16", "Qtr 3 2015-16", "Q4 2015-16"]


def test_a_quarter_whose_q_was_lost_is_the_runs_where_its_number_agrees():
    """`4 2015/16` before `Q1 2016/17`: a label's `Q` lost to the band's fill left its column no
    period, and a row's values nowhere. A number the run does not imply stays as read."""
    cols = {i: reading(t) for i, t in enumerate(["Ref", "4 2015/16", "Q1 2016/17", "Q2 2016/17"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Ref", "Q4 2015/16", "Q1 2016/17", "Q2 2016/17"]
    cols = {i: reading(t) for i, t in enumerate(["Ref", "3 2015/16", "Q1 2016/17", "Q2 2016/17"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Ref", "3 2015/16", "Q1 2016/17", "Q2 2016/17"]


def test_a_quarter_label_of_another_year_or_a_lone_quarter_is_left_as_read():
    cols = {i: reading(t) for i, t in enumerate(["Qtr 2014-15", "Qtr2 2015-16", "Qtr 3 2015-16", "Annual target"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Qtr 2014-15", "Qtr2 2015-16", "Qtr 3 2015-16", "Annual target"]
    cols = {i: reading(t) for i, t in enumerate(["Qtr 2015-16", "Qtr2 2015-16"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Qtr 2015-16", "Qtr2 2015-16"]


def _printed(text: str) -> np.ndarray:
    """`text` as a 200-dpi scan prints it at 9 pt: dark glyphs on white."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 25)
    img = Image.new("L", (200, 50), 255)
    ImageDraw.Draw(img).text((10, 10), text, font=font, fill=0)
    return np.asarray(img)


def test_a_zero_read_as_o_beside_digits_is_told_from_its_ink():
    assert glyphs.zeros_for_os(_printed("AB04"), "ABO4") == "AB04"
    assert glyphs.zeros_for_os(_printed("AB 304"), "AB 3O4") == "AB 304"


def test_a_capital_o_printed_beside_digits_stays_a_letter():
    assert glyphs.zeros_for_os(_printed("ABO4"), "ABO4") == "ABO4"
    assert glyphs.zeros_for_os(_printed("O7"), "O7") == "O7"


def test_a_word_whose_glyphs_do_not_stand_apart_is_left_as_read():
    img = _printed("AB04")
    img = img.copy()
    img[28, :] = 0  # an underline joins every glyph
    assert glyphs.zeros_for_os(img, "ABO4") == "ABO4"


def test_excel_serial_dates_side_by_side_make_a_header_of_months():
    from scorekit.extract.ocr.labels import month_row, row_months

    cols = {c: reading(t) for c, t in enumerate(["Indicator", "43131", "43159", "43190"])}
    assert month_row(cols)
    assert row_months(cols) == {0: None, 1: "2018-01", 2: "2018-02", 3: "2018-03"}
    assert not month_row({c: reading(t) for c, t in enumerate(["Indicator", "43131", "1234", "2345"])})


def test_a_garbled_serial_at_the_end_of_a_run_of_serials_is_the_month_it_implies():
    cols = {c: reading(t) for c, t in enumerate(["Indicator", "43131", "43159", "43190", "43220", "8251", "Total"])}
    _complete_months(cols)
    assert texts(cols) == ["Indicator", "43131", "43159", "43190", "43220", "May-18", "Total"]


def test_a_narrow_faces_capital_o_wider_than_the_digits_beside_it_stays_a_letter():
    """In a condensed face a capital O is under 0.8 as wide as tall, like a wide face's zero;
    beside a `2` half its width it is still the letter (`YO2`)."""
    img = np.full((40, 80), 255, np.uint8)
    img[10:28, 5:17] = 0  # Y
    img[10:28, 21:35] = 0  # O, 14 x 18
    img[10:28, 39:48] = 0  # 2, 9 x 18
    assert glyphs.zeros_for_os(img, "YO2") == "YO2"
    img[10:28, 21:35] = 255
    img[10:28, 23:32] = 0  # a zero as wide as the 2
    assert glyphs.zeros_for_os(img, "YO2") == "Y02"


def _ruled(rows: list[list[str]], spans: dict[tuple[int, int], int]):
    """A grid of `rows` (a cell spanning columns where `spans` {(row, col): colspan} says) and a
    reading of each cell as its text: what `read_header_first` hands `fix_labels`."""
    from scorekit.extract.grid import Cell, Grid
    from scorekit.extract.ocr.cellread import CellReading

    n = len(rows[0])
    xs, ys = [40.0 * k for k in range(n + 1)], [20.0 * k for k in range(len(rows) + 1)]
    cells, readings = [], []
    matrix: list[list] = [[None] * n for _ in rows]
    for r, row in enumerate(rows):
        c = 0
        while c < n:
            span = spans.get((r, c), 1)
            cell = Cell(r, r + 1, c, c + span, xs[c], ys[r], xs[c + span], ys[r + 1])
            for k in range(c, c + span):
                matrix[r][k] = cell
            reading = CellReading(CellImage(0, len(cells), 0, 0, np.full((20, 40 * span), 255, np.uint8)))
            reading.words = [Word(row[c], 0, 0, 40, 20, True, 0.5)] if row[c] else []
            cells.append(cell)
            readings.append(reading)
            c += span
    return readings, [Grid(xs, ys, cells, matrix)]


class _Engines:
    """Tesseract reading a band's bold year as nothing; the second engine reading `year`."""

    def __init__(self, year: str):
        self.second = self
        self.year = year
        self.first = True

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        first, self.first = self.first, False
        return [[] if first else [Word(self.year, 0, 0, 40, 20, True, 0.99)] for _ in images]


YEAR_BAND_MONTHS = [
    ["", "", "", ""],
    ["Indicator", "Oct", "Nov", "Dec"],
    ["Number of missed collections", "1,074", "1,198", "863"],
]


def test_months_named_without_their_year_make_a_header_row_of_value_columns():
    """`Oct` `Nov` `Dec` under a year band: the row is the header, and its columns hold values
    (their numbers get the care value columns get), though no label says its year."""
    from scorekit.extract.ocr.labels import measure_columns, month_row

    cols = {c: reading(t) for c, t in enumerate(YEAR_BAND_MONTHS[1])}
    assert month_row(cols)
    readings, grids = _ruled(YEAR_BAND_MONTHS, {(0, 1): 3})
    assert measure_columns(readings, grids) == {(0, c): (1, "value") for c in (1, 2, 3)}


def test_a_year_band_over_months_named_alone_read_as_nothing_is_read_again():
    """A year set bold on a dark band over `Oct` .. `Dec` that tesseract reads as nothing: read
    again, the band gives the months their year."""
    from scorekit.extract.ocr.labels import fix_labels, reading_text

    readings, grids = _ruled(YEAR_BAND_MONTHS, {(0, 1): 3})
    fix_labels(readings, grids, _Engines("2022"))  # type: ignore[arg-type]
    assert reading_text(readings[1]) == "2022"


def test_a_band_read_again_as_no_period_is_left_as_read():
    from scorekit.extract.ocr.labels import fix_labels, reading_text

    readings, grids = _ruled(YEAR_BAND_MONTHS, {(0, 1): 3})
    fix_labels(readings, grids, _Engines("Waste"))  # type: ignore[arg-type]
    assert reading_text(readings[1]) == ""


AREA_YEARS = [
    ["", "", "Percentage of single assessments", "", "", "Business rates collected", "", ""],
    ["ONS code", "Area", "2015", "2016", "2017", "2015", "m7", "2018"],
    ["E06000034", "Thurrock", "14%", "16%", "13%", "89%", "85%", "91%"],
    ["E06000018", "Nottingham", "2016", "2015", "14%", "71%", "71%", "c"],
]


def test_a_row_of_years_in_step_heads_the_value_columns_under_it():
    """Years over each indicator's columns (an area table): the row is the header as a row of
    months is, so the columns under its years hold values (a garbled `m7` is left to the header's
    rereading); a row of figures below that reads as years is not a second header."""
    from scorekit.extract.ocr.labels import measure_columns

    readings, grids = _ruled(AREA_YEARS, {(0, 0): 2, (0, 2): 3, (0, 5): 3})
    got = measure_columns(readings, grids)
    assert got == {(0, c): (1, "value") for c in (2, 3, 4, 5, 7)}


def test_years_not_in_step_make_no_header():
    from scorekit.extract.ocr.labels import years_row

    assert not years_row({c: reading(t) for c, t in enumerate(["Tonnes", "2019", "2021", "1,954"])})
    assert years_row({c: reading(t) for c, t in enumerate(["Area", "2016/17", "2017/18"])})


class _SecondReads:
    """Tesseract reading nothing more; the second engine reading every image as `text`."""

    def __init__(self, text: str, conf: float):
        self.second = self
        self.word = Word(text, 0, 0, 40, 20, True, conf)
        self.asked: list[int] = []

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        self.asked.append(len(images))
        return [[self.word] if self is self.second and not line else [] for _ in images]


class _ReadsAs:
    """Every engine reading every reference cell as `text`, sure of it."""

    def __init__(self, text: str):
        self.second = self
        self.text = text

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        return [[Word(self.text, 0, 0, 40, 20, True, 0.97)] for _ in images]


def test_a_sure_references_qualifier_read_with_a_small_letter_is_its_capital():
    """`CP1-Nl` read sure, and so read again: a qualifier of capitals prints no small `l`, so it
    is the `I` OCR took for one (a sans-serif `I` is an `l`'s shape), and the row's values are
    no longer filed under a reference never printed. A sure `CP2b` keeps its small letter."""
    from dataclasses import replace

    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Ref", "Indicator", "2015", "2016"], ["CP1-Nl", "Plans", "14", "16"], ["CP2b", "Visits", "12", "12"]]
    readings, grids = _ruled(rows, {})
    for k in (4, 8):
        readings[k].words = [replace(readings[k].words[0], conf=0.97)]
    fix_labels(readings, grids, _ReadsAs("CP1-Nl"))  # type: ignore[arg-type]
    assert reading_text(readings[4]) == "CP1-NI"
    assert reading_text(readings[8]) == "CP2b"


def test_a_row_label_tesseract_all_but_rejected_is_the_second_engines_reading():
    """A bold `Thurrock` tesseract reads as `Us` at 0.16, left of the value columns: the second
    engine's surer `Thurrock` stands. A label tesseract is sure of is not read again."""
    from dataclasses import replace

    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Area", "2015", "2016"], ["Us", "14%", "16%"], ["Nottingham", "12%", "12%"]]
    readings, grids = _ruled(rows, {})
    readings[3].words = [replace(readings[3].words[0], conf=0.16)]
    readings[6].words = [replace(readings[6].words[0], conf=0.96)]
    engine = _SecondReads("Thurrock", 0.7)
    fix_labels(readings, grids, engine)  # type: ignore[arg-type]
    assert [reading_text(readings[k]) for k in (3, 6)] == ["Thurrock", "Nottingham"]
    assert reading_text(readings[4]) == "14%"  # a value column's cell is no label


def test_a_row_label_read_as_nothing_under_a_header_of_no_periods_is_read_again():
    """Boroughs down the side, `Offences` and `Detections` under a band: no header names a
    period, so no value column was known, and `Croydon` read as nothing lost its row. Left of
    the figures, it is read by the second engine; the figures are not."""
    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Borough", "Offences", "Detections"], ["", "169", "38"], ["Ealing", "135", "28"]]
    readings, grids = _ruled(rows, {})
    readings[6].words = [Word("Ealing", 0, 0, 40, 20, True, 0.97)]
    fix_labels(readings, grids, _SecondReads("Croydon", 0.98))  # type: ignore[arg-type]
    assert [reading_text(readings[k]) for k in (3, 4, 6)] == ["Croydon", "169", "Ealing"]


def test_a_second_reading_less_sure_than_tesseracts_leaves_the_label_as_read():
    from dataclasses import replace

    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Area", "2015", "2016"], ["Luton", "14%", "16%"]]
    readings, grids = _ruled(rows, {})
    readings[3].words = [replace(readings[3].words[0], conf=0.45)]
    fix_labels(readings, grids, _SecondReads("Lutor", 0.3))  # type: ignore[arg-type]
    assert reading_text(readings[3]) == "Luton"


def test_a_label_with_one_doubtful_word_among_sure_ones_is_left_as_read():
    """`HSG 01 Households in temporary accommodation` with one word read at 0.3: the label is
    read, and the second engine (which runs words together) is not asked to read it again."""
    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Indicator", "2015", "2016"], ["Households in temporary", "14%", "16%"]]
    readings, grids = _ruled(rows, {})
    readings[3].words = [
        Word("Households", 0, 0, 40, 10, True, 0.96),
        Word("in", 0, 0, 40, 10, True, 0.3),
        Word("temporary", 0, 0, 40, 10, True, 0.95),
    ]
    engine = _SecondReads("Householdsintemporary", 0.9)
    fix_labels(readings, grids, engine)  # type: ignore[arg-type]
    assert reading_text(readings[3]) == "Households in temporary"


def test_a_body_cell_read_as_no_names_no_column_of_references():
    """A blurred `c` under a header of years read as `no`: below the header row it names no
    reference column (`No.`), so the cell keeps its reading and its column is not read as one."""
    from scorekit.extract.ocr.labels import fix_labels, reading_text

    rows = [["Area", "2015", "2016"], ["Luton", "no", "17%"], ["Medway", "8%", "10%"]]
    readings, grids = _ruled(rows, {})
    fix_labels(readings, grids, _SecondReads("", 0.0))  # type: ignore[arg-type]
    assert [reading_text(r) for r in readings] == [t for row in rows for t in row]


def test_reference_cells_are_a_column_its_header_names_or_a_continued_tables_column_of_references():
    from scorekit.extract.ocr.labels import reading_text, ref_cells

    headed = [["Ref", "Indicator", "Apr-23"], ["AB1", "Referrals", "12"], ["AB2", "Plans", "3"]]
    readings, grids = _ruled(headed, {})
    assert [reading_text(r) for r in ref_cells(readings, grids)] == ["Ref", "AB1", "AB2"]
    continued = [["AB3", "Referrals", "12"], ["AB4", "Plans", "3"], ["AB5 (val)", "Visits", "7"], ["", "Note", ""]]
    readings, grids = _ruled(continued, {})
    assert [reading_text(r) for r in ref_cells(readings, grids)] == ["AB3", "AB4", "AB5 (val)", ""]
    names = [["Total", "Referrals", "12"], ["AB4", "Plans", "3"], ["Other", "Visits", "7"]]
    readings, grids = _ruled(names, {})
    assert ref_cells(readings, grids) == []
