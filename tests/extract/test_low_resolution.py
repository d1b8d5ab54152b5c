"""What a low-resolution scan breaks, each mechanism on a small page or row built here: a header
that files two cells of a row under one period, a row of figures read at two precisions, a grey
fill or an inverted band under the page's one binarisation threshold, `R&B` references,
a reference's prefix taken for an arrow, and a padded column with one reading a digit too long."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.ocr import image as im
from scorekit.extract.ocr.cellread import CellReading, _settle
from scorekit.extract.ocr.labels import REF_ALPHABET, _pick_ref
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word
from scorekit.extract.records import (
    _decimals,
    commas_read_as_points,
    withhold_clashes,
    withhold_flat_arrows,
    withhold_off_precision,
    withhold_pointless_percents,
)
from scorekit.extract.refcolumn import RefCell, RefMemory, repair_column
from scorekit.extract.vocabulary import VOCABULARY


def obs(period: str, raw: str, measure: str = "value", row: int = 1, method: str = "ocr") -> dict:
    value = float(raw.rstrip("%").replace(",", "")) if raw[:1].isdigit() else None
    return {
        "row": row,
        "ref": "M1",
        "indicator": "Number of contacts",
        "area": "",
        "period": period,
        "measure": measure,
        "value": value,
        "value_raw": raw,
        "flags": "",
        "method": method,
    }


def held(rows: list[dict]) -> list[str]:
    return [o["value_raw"] for o in rows if "low_confidence" in o["flags"]]


def test_two_cells_of_a_row_under_one_period_and_measure_are_both_withheld():
    """A band's year over six months whose labels were lost: every month reads `2020`."""
    row = [obs("2020", "1172"), obs("2020", "1403"), obs("2020-07", "1493"), obs("2020-07", "12", "change_prev")]
    out = withhold_clashes(row)
    assert held(out) == ["1172", "1403"]
    assert [o["value"] for o in out[:2]] == [None, None] and out[2]["value"] == 1493


def test_the_same_period_on_two_rows_is_no_clash():
    assert held(withhold_clashes([obs("2020-05", "1", row=1), obs("2020-05", "2", row=2)])) == []


def test_a_figure_read_without_the_rows_decimal_point_is_withheld():
    row = [
        obs(f"2020-0{m}", raw)
        for m, raw in zip(range(1, 8), ["9.0", "6.9", "65", "6.7", "9.8", "5.9", "7.0"], strict=True)
    ]
    assert held(withhold_off_precision(row)) == ["65"]


def test_a_row_mixed_with_no_clear_majority_is_withheld_whole():
    raws = ["9.0", "65", "69", "6.7", "67", "5.9"]
    row = [obs(f"2020-0{m}", raw) for m, raw in zip(range(1, 7), raws, strict=True)]
    assert held(withhold_off_precision(row)) == raws


def test_a_thousands_comma_read_as_a_point_is_a_comma_where_the_row_prints_commas():
    """`6.475` in a row of `4,787 4,997 5,730`: the scan blurred the comma; read so, the row's
    precision agrees and nothing is withheld. A row with one comma, or a point before two digits,
    says nothing of it."""
    raws = ["4,787", "6.475", "4,997", "5.563", "4921"]
    row = [obs(f"2020-0{m}", raw) for m, raw in enumerate(raws, 1)]
    row[1]["value"], row[3]["value"] = 6.475, 5.563
    out = withhold_off_precision(commas_read_as_points(row))
    assert [o["value"] for o in out] == [4787, 6475, 4997, 5563, 4921] and held(out) == []
    lone = [obs("2020-01", "4,787"), obs("2020-02", "6.475"), obs("2020-03", "5.56")]
    lone[1]["value"], lone[2]["value"] = 6.475, 5.56
    assert [o["value"] for o in commas_read_as_points(lone)] == [4787, 6.475, 5.56]


def test_changes_and_text_layers_keep_their_own_precision():
    row = [obs(f"2020-0{m}", raw) for m, raw in zip(range(1, 5), ["64.5%", "66.9%", "61.4%", "64.7%"], strict=True)]
    row += [obs("2020-04", "-2%", "change_prev"), obs("2020-04", "3", method="text")]
    assert held(withhold_off_precision(row)) == []


def test_a_share_over_100_without_the_tables_decimals_is_withheld_though_its_row_agrees():
    """`72.0%` read `720%` in every cell of its row: the row agrees with itself, but the table's
    other shares print a decimal, and no share over 100 prints without one there."""
    table = [obs(f"2020-0{m}", raw, row=1) for m, raw in zip(range(1, 4), ["73.9%", "68.0%", "74.3%"], strict=True)]
    table += [obs(f"2020-0{m}", raw, row=2) for m, raw in zip(range(1, 4), ["720%", "717%", "77%"], strict=True)]
    table += [obs("2020-01", "131", row=3), obs("2020-01", "1,250", row=4)]
    assert held(withhold_pointless_percents(table)) == ["720%", "717%"]
    whole = [obs(f"2020-0{m}", raw) for m, raw in zip(range(1, 4), ["120%", "131%", "98%"], strict=True)]
    assert held(withhold_pointless_percents(whole + table[:2])) == []  # two shares with decimals: too few


def test_a_whole_percentage_over_100_in_a_table_of_shares_is_withheld():
    """`717%` for a blurred `77%` (a `7`'s stem read as a `1`) among whole shares, every other
    one no more than 100: a share is at most the whole. Changes run past 100 and are kept, and so
    is the table where percentages over 100 are common or too few are printed to tell."""
    raws = ["52%", "64%", "100%", "71%", "59%", "66%", "48%", "83%", "90%", "57%", "717%"]
    table = [obs(f"20{10 + m}-01", raw, row=m) for m, raw in enumerate(raws)]
    change = obs("2021-01", "250%", "change_year", row=20)
    assert held(withhold_pointless_percents([*table, change])) == ["717%"]
    assert held(withhold_pointless_percents(table[5:])) == []  # six percentages: too few
    common = [*table, obs("2030-01", "120%", row=30)]
    assert held(withhold_pointless_percents(common)) == []  # two in twelve over 100


@given(st.integers(0, 99999), st.integers(0, 3))
def test_decimal_places_are_counted_after_thousands_separators(n, places):
    raw = f"{n:,.{places}f}%"
    assert _decimals(raw) == places


def test_the_text_on_a_grey_fill_or_an_inverted_band_comes_out_black_on_white():
    """Tesseract's one threshold for the page puts a mid-grey fill on the ink's side."""
    page = np.full((300, 800), 240, np.uint8)
    page[40:140, 50:750] = 60  # a navy header band, white letters on it
    page[80:100, 100:105] = 235
    page[200:240, 50:750] = 170  # a grey section row with dark print on it
    page[210:230, 100:105] = 40
    empty = np.zeros_like(page)
    clean = im.clean_for_ocr(page, empty, empty)
    assert clean[200:240, 200:700].min() >= 235  # the fill is gone
    assert clean[215:225, 101:104].max() <= 60  # its print is black
    assert clean[60:120, 200:700].min() >= 235  # the band, inverted, is white
    assert clean[85:95, 101:104].max() <= 60  # and its letters black
    assert clean[260:, :].min() >= 235  # the paper's grey and grain are gone


def test_references_with_an_ampersand_are_reference_shaped():
    assert "&" in REF_ALPHABET
    assert _pick_ref(["R&B2", "R&B2", "R&B2"], sure=False) == "R&B2"
    assert _pick_ref(["R&B2", "RB2", "RB2"], sure=False) == "RB2"  # two rereads still overrule


def test_a_reference_printed_with_a_space_is_reference_shaped():
    """`R&B 01` set against the cell's left border: the first pass reads only `01`, sure of it;
    the three rereads agree on the whole reference, which is printed with a space."""
    assert _pick_ref(["01", "R&B 01", "R&B 01", "R&B 01"], sure=True) == "R&B 01"
    assert _pick_ref(["H 05", "H 05", "H05"], sure=False) == "H 05"


def test_letters_before_a_number_that_no_arrow_explains_are_kept():
    img = np.full((40, 120), 255, np.uint8)
    r = CellReading(CellImage(0, 0, 0, 0, img))
    r.words = [Word("AS", 5, 5, 30, 30, True, 0.95), Word("01", 40, 5, 70, 30, True, 0.9)]
    r.readings = ["01", "01"]
    _settle(r, "", 0, 120)
    assert [w.text for w in r.words] == ["AS", "01"] and r.words[1].x0 > r.words[0].x1


def test_an_unsure_lead_is_still_taken_for_an_arrow():
    img = np.full((40, 120), 255, np.uint8)
    r = CellReading(CellImage(0, 0, 0, 0, img))
    r.words = [Word("JL", 5, 5, 30, 30, True, 0.4), Word("-19%", 40, 5, 90, 30, True, 0.9)]
    r.readings = ["-19%", "-19%"]
    _settle(r, "", 0, 120)
    assert [w.text for w in r.words] == ["-19%"]


def test_one_reading_a_digit_too_long_does_not_stop_the_rest_of_its_prefix_being_repaired():
    column = ["REVO1", "REV02", "REV03", "REV04", "REV06", "REVO07", "REVO8", "REVO9", "REV10", "REV11"]
    got = repair_column([RefCell(t, 0.5) for t in column], VOCABULARY.lookalikes, RefMemory())
    assert [g.text for g in got] == [f"REV{n:02d}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11)]
    assert not [g.text for g in got if g.doubtful]  # REVO07 between REV06 and REV08 is REV07: the count says so


def test_a_speck_beside_a_header_word_does_not_hide_the_column():
    from scorekit.extract.columns import classify

    assert classify("\u2018Ref", "", None, allow_serial=False).kind == "ref"
    assert classify("|Indicator", "", None, allow_serial=False).kind == "name"


def test_a_bare_number_among_prefixed_references_is_doubtful():
    """`17` above `H-2`: the count implies `H-1`, which the reading does not end in."""
    column = ["17", "H-2", "H-3", "H-4", "H-5", "H-6"]
    got = repair_column([RefCell(t, 0.5) for t in column], VOCABULARY.lookalikes, RefMemory())
    assert [g.text for g in got if g.doubtful] == ["17"]
    column[0] = "11"  # `H-1` with its prefix lost and its dash read as a one: the count settles it
    got = repair_column([RefCell(t, 0.5) for t in column], VOCABULARY.lookalikes, RefMemory())
    assert [g.text for g in got] == [f"H-{n}" for n in range(1, 7)] and not any(g.doubtful for g in got)
    numbered = repair_column([RefCell(t, 0.5) for t in ["65", "68", "74"]], VOCABULARY.lookalikes, RefMemory())
    assert not any(g.doubtful for g in numbered)


def test_a_month_a_text_layer_prints_twice_is_stated_as_printed():
    row = [obs("2023-08", "1804", method="text"), obs("2023-08", "1467", method="text")]
    assert held(withhold_clashes(row)) == []


def test_a_change_header_that_lost_its_from_still_names_its_month():
    """A dense scanned header loses its small words first (`% change from Oct-19` read as
    `change Oct-19`): the month left still says which change the column holds."""
    from scorekit.extract.columns import classify
    from scorekit.extract.periods import ReportPeriod

    oct20 = ReportPeriod(2020, 10)
    assert classify("change Oct-19", "", oct20, allow_serial=False).measure == "change_year"
    assert classify("change Sep-20", "", oct20, allow_serial=False).measure == "change_prev"
    assert classify("change Sep-20 Oct-19", "", oct20, allow_serial=False).measure == "change_prev"


@pytest.mark.parametrize(
    ("header", "measure"),
    [
        ("Unange on last year", "change_year"),  # `Change` lost to a dark band's blur
        ("Compared with previous year", "change_year"),
        ("Increase over last month", "change_prev"),
        ("Last year", "previous_year"),
        ("Same month last year", "previous_year"),
    ],
)
def test_a_header_that_sets_a_period_against_the_last_one_is_a_change_whatever_its_first_word(header, measure):
    from scorekit.extract.columns import classify

    assert classify(header, "", None, allow_serial=False).measure == measure


def test_a_direction_read_as_a_dash_among_arrows_is_withheld():
    """`→` whose head blurred away reads `-`: where the table's other directions read as arrows,
    the dash is withheld; where none does, or the page is a text layer, it stands."""
    table = [obs("2020-10", raw, "direction", row=r) for r, raw in enumerate(["↑", "-", "→", "\u2013"], start=1)]
    out = withhold_flat_arrows(table)
    assert held(out) == ["-", "\u2013"]
    assert held(withhold_flat_arrows([obs("2020-10", "-", "direction"), obs("2020-10", "Better", "direction")])) == []
    printed = [obs("2020-10", raw, "direction", method="text") for raw in ("↑", "-")]
    assert held(withhold_flat_arrows(printed)) == []
