"""Cell-level OCR repairs on cells cut from the scanned fixtures: lost minus signs, references,
`%` read as `8`, PP-OCR's recogniser with a restricted alphabet, and what is withheld."""

from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scorekit.extract.columns import build_model
from scorekit.extract.ocr import glyphs
from scorekit.extract.ocr.cellread import CellReading, _restores_edge_digits, _separate_lead, _sure_second
from scorekit.extract.ocr.cleanup import clean_cell
from scorekit.extract.ocr.labels import _pick_ref, _two_lines, ref_fix
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.ocr.resolve import (
    _percent_tails,
    _pointed_places,
    _row_places,
    _settle_row,
    _slots,
    _with_point,
)
from scorekit.extract.page import Word
from scorekit.extract.reader import date_benchmarks
from scorekit.extract.records import unreadable
from scorekit.extract.scoring import score
from scorekit.extract.vocabulary import VOCABULARY

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"


@cache
def cells(name: str, page: int) -> dict[tuple[int, int], np.ndarray]:
    """(x0, top) in points, rounded -> the prepared cell image, as the OCR path cuts them."""
    import cv2

    from scorekit.extract.ocr import _rows_of_cells
    from scorekit.extract.ocr import image as im
    from scorekit.extract.ocr.layout import cell_images, page_grids

    grey = im.render(PDF / f"{name}.pdf", page, 300)
    straight = im.rotate(grey, im.skew_angle(grey[::2, ::2], 150))
    h, v = im.line_masks(im.binarise(straight), 300, straight)
    grids = [g for g in page_grids(im.one_x(im.rules(h, v, 300), 300), 300) if g.n_cols >= 3 and _rows_of_cells(g)]
    out = {}
    for c in cell_images(straight, cv2.bitwise_or(h, v), grids, 300):
        cell = grids[c.grid].cells[c.cell]
        out[(round(cell.x0), round(cell.top))] = c.image
    return out


def test_a_faint_minus_sign_is_seen_in_the_ink():
    page = cells("scorecard-2018-06-scan150", 0)
    # Jun-18 % change columns of M2 (-20%, -30%), M3 (-14%, -34%); M1's change on last year is +6%
    assert all(glyphs.leading_minus(page[k]) for k in [(702, 160), (735, 160), (702, 204), (735, 204)])
    assert not glyphs.leading_minus(page[(735, 116)])
    assert not any(glyphs.leading_minus(img) for k, img in cells("scorecard-2020-10-scan200", 0).items() if k[0] < 580)


def test_a_lone_dash_is_a_dash_and_a_digit_is_not():
    minus = cells("scorecard-2018-06-scan150", 0)[(702, 160)]
    blobs = glyphs._blobs(minus)
    x, y, w, h, _ = min(blobs, key=lambda b: b[0][0])[0]  # the minus sign, alone
    alone = np.full((h + 20, w + 20), 255, np.uint8)
    alone[10 : 10 + h, 10 : 10 + w] = minus[y : y + h, x : x + w]
    assert glyphs.dash(alone)
    assert not glyphs.dash(minus)
    digits = [img for k, img in cells("scorecard-2020-10-scan200", 0).items() if 380 < k[0] < 580]
    assert digits and not any(glyphs.dash(img) for img in digits)
    # LAC16's stat. neighbour and England on the 150-dpi scan: blurred to 8x6 pixels, one with a
    # rule's speck in its corner
    page = cells("scorecard-2018-06-scan150", 1)
    assert glyphs.dash(page[(834, 604)]) and glyphs.dash(page[(867, 604)])


def test_reference_letters_that_stand_for_digits():
    assert [
        ref_fix(t) for t in ["EHS-OL", "CPS-QL (val)", "LAC?", "EHI-QL", "CP6B", "LAC12 (vel)", "LACIL-QL", "EHI"]
    ] == ["EH5-OL", "CP5-QL (val)", "LAC9", "EHI-QL", "CP6B", "LAC12 (vel)", "LAC11-QL", "EHI"]


def test_reference_vote():
    assert _pick_ref(["", "CP6B", "CP6B"], sure=False) == "CP6B"  # an inked cell the first pass read as nothing
    assert _pick_ref(["LACT NI", "LACT NI", "LAC1-NI"], sure=False) == "LAC1-NI"  # the second engine's reading
    assert _pick_ref(["LAC?", "LAC9", "LACY"], sure=True) == "LAC9"  # sure, yet not shaped like a reference
    assert _pick_ref(["EHI (val)", "EHI (val)", "EH1 (val)"], sure=True) is None  # printed so, and confirmed
    assert _pick_ref(["CPS5-QL", "CP5-QL", "CP5-QL"], sure=False) == "CP5-QL"
    # tesseract's two scales disagree on two shapes; PP-OCR's reading (last) settles it, if it was read
    assert _pick_ref(["LACLNI", "LAC LNI", "LAC7-NI", "LAC1-NI"], sure=False, second=True) == "LAC1-NI"
    assert _pick_ref(["LACLNI", "LAC LNI", "LAC7-NI", "LAC1-NI"], sure=False) is None


def test_a_reference_printed_with_a_hyphen_before_its_number_is_reference_shaped():
    """`WR-1`: a prefix, a hyphen and the number. Two rereads agreeing on it beat a first reading
    that lost the number (`WR`), as they do for `WR1`."""
    assert _pick_ref(["WR", "WwR-1", "WR-1", "WR-1"], sure=False) == "WR-1"
    assert _pick_ref(["WR", "WR-11", "WRI", "WR-11"], sure=False) == "WR-11"


def test_a_reference_wrapped_onto_two_lines_is_read_line_by_line():
    wrapped = cells("scorecard-2018-06-scan150", 1)[(30, 471)]  # `LAC11-QL` over `(%)`
    first, second = _two_lines(wrapped)
    assert first.shape[1] == second.shape[1] == wrapped.shape[1]
    assert first.shape[0] + second.shape[0] <= wrapped.shape[0] + 16
    assert _two_lines(cells("scorecard-2018-06-scan150", 1)[(30, 515)]) is None  # `LAC9 (val)`, one line


def test_what_is_left_of_erased_rules_is_no_cell():
    page = cells("scorecard-2018-06-scan150", 1)
    assert {(933, 604), (966, 604), (998, 604)} <= set(page)  # LAC16's targets: 190, TBC, TBC
    assert not {(933, 560), (966, 560), (998, 560)} & set(page)  # LAC9's: blank, but for rule remnants


def _reading(text: str) -> CellReading:
    r = CellReading(CellImage(0, 0, 0, 0, np.full((20, 60), 255, np.uint8)))
    r.words = [Word(text, 0, 0, 60, 20, True, 0.97)]
    return r


def test_percent_read_as_eight_in_a_row_of_percentages():
    header = ["Ref", "Jun-17", "Jul-17", "Aug-17", "Sep-17", "12 month average"]
    model = build_model(header, [""] * len(header), None)
    cols = {c: _reading(t) for c, t in enumerate(["M6-QL", "12.9%", "13.08", "13.1%", "12.5%", "12.88"])}
    assert _percent_tails(cols, model) == 2
    assert [cols[c].words[0].text for c in range(1, 6)] == ["12.9%", "13.0%", "13.1%", "12.5%", "12.8%"]
    counts = {c: _reading(t) for c, t in enumerate(["M1", "1491", "1258", "1358", "1378", "1370"])}
    assert _percent_tails(counts, model) == 0
    # one misread with two decimals (`9.08%` for `19.0%`) does not hide the row's format; `%` read as `5`
    header = ["Ref", "Jun-17", "Jul-17", "Aug-17", "Sep-17", "Oct-17", "Nov-17", "12 month average", "12-mnth max"]
    model = build_model(header, [""] * len(header), None)
    odd = {
        c: _reading(t)
        for c, t in enumerate(["M6-QL", "12.9%", "13.08", "9.08%", "12.5%", "14.1%", "12.2%", "72.45", "14.1%"])
    }
    assert _percent_tails(odd, model) == 2
    assert [odd[c].words[0].text for c in (2, 7)] == ["13.0%", "72.4%"]
    assert [odd[c].words[0].note for c in (1, 2, 7)] == ["", "percent_restored", "percent_restored"]


def test_a_benchmark_band_outside_the_grid_dates_the_benchmarks():
    header = ["Ref", "May-18", "Jun-18", "Stat. Neighbour", "England", "SE region"]
    model = build_model(header, [""] * len(header), None)
    date_benchmarks(model, "Benchmarking (Updated Nov-17, using 16-17 data)\nRef May-18 Jun-18")
    assert [c.period for c in model.columns[3:]] == ["FY2016/17"] * 3


def test_junk_in_an_ocr_value_cell_is_not_stated():
    assert unreadable("direction", "a", ["text_only"])
    assert not unreadable("direction", "▲", [])
    assert not unreadable("rag", "A", ["text_only"])
    assert unreadable("value", "jj§ 35%", ["text_only"])
    assert not unreadable("value", "Local", ["local"])


def test_a_direction_printed_in_words_is_stated():
    """`Worse`, `No change`: the words of the vocabulary's direction list, read whole."""
    assert not unreadable("direction", "Worse", ["text_only"])
    assert not unreadable("direction", "No  change", ["text_only"])
    assert unreadable("direction", "Nochange", ["text_only"])  # not a word the column prints
    assert not unreadable("direction", "Declining", ["text_only"])  # the falling-performance word


def test_withheld_rows_are_neither_right_nor_wrong():
    truth = pd.DataFrame(
        {
            "ref": ["M1", "M1"],
            "indicator": ["x", "x"],
            "period": ["2020-04", "2020-05"],
            "measure": ["value", "value"],
            "value": ["10", "12"],
            "value_raw": ["10", "12"],
        }
    )
    got = truth.assign(flags=["", "low_confidence"], value=["10", None], value_raw=["10", "l2"])
    s, _, _ = score(got, truth)
    assert (s.extracted, s.withheld, s.correct, s.precision, s.recall) == (1, 1, 1, 1.0, 0.5)


def test_ppocr_recogniser_reads_a_scanned_number_with_its_alphabet_cut_to_digits():
    from scorekit.extract.ocr.engines import NUMERIC_CHARS, get_engine

    page = cells("scorecard-2018-06-scan150", 0)
    eng = get_engine("rapidocr")
    got = eng.read_images([page[(702, 160)], page[(735, 160)]], numeric=True)
    texts = ["".join(w.text for w in ws) for ws in got]
    assert all(set(t) <= set(NUMERIC_CHARS) for t in texts)
    assert texts[0].endswith("20%") and texts[1].endswith("30%"), texts


def _row(texts: list[str]) -> tuple[dict[int, CellReading], object]:
    """The Jun-18 scorecard's M1 row as a reading, 13 months and the derived columns."""
    header = [
        "Ref",
        *(
            f"{m}-{y}"
            for m, y in [
                ("Jun", 17),
                ("Jul", 17),
                ("Aug", 17),
                ("Sep", 17),
                ("Oct", 17),
                ("Nov", 17),
                ("Dec", 17),
                ("Jan", 18),
                ("Feb", 18),
                ("Mar", 18),
                ("Apr", 18),
                ("May", 18),
                ("Jun", 18),
            ]
        ),
        "% change from previous month",
        "% change from same month prev. yr",
        "12 month average",
        "12-mnth max value",
    ]
    model = build_model(header, [""] * len(header), None)
    return {c: _reading(t) for c, t in enumerate(["M1", *texts])}, model


M1 = [
    "1357",
    "1491",
    "1259",
    "1358",
    "1378",
    "1215",
    "997",
    "1421",
    "1309",
    "1376",
    "1649",
    "1554",
    "1433",
    "-8%",
    "6%",
    "1370",
    "1649",
]


def test_the_row_arithmetic_restores_a_lost_minus_and_picks_between_engines():
    texts = list(M1)
    texts[13] = "8%"  # the faint minus lost by both engines
    cols, model = _row(texts)
    cols[7].readings = ["", "7", "7", "997"]  # tesseract twice `7`, PP-OCR `997`: no majority
    cols[7].words[0] = Word("7", 0, 0, 60, 20, True, 0.3)
    slots = _slots(cols, model)
    args = (cols, slots, {c: cols[c].words[0].text for c in slots}, {7}, True, "2018-06", {})
    assert _settle_row(*args) == 2
    assert cols[7].words[-1].text == "997" and cols[14].words[-1].text == "-8%"
    assert cols[7].words[-1].note == cols[14].words[-1].note == "check_resolved"  # and it says so in the flags


def test_a_row_that_passes_is_left_alone_and_an_ambiguous_one_too():
    cols, model = _row(list(M1))
    slots = _slots(cols, model)
    assert _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, set(), False, "2018-06", {}) == 0
    texts = list(M1)
    texts[13], texts[14] = "", ""  # no change figures: nothing can tell 7 from 997 but the average
    cols, model = _row(texts)
    cols[7].readings = ["", "7", "997"]
    cols[7].words[0] = Word("7", 0, 0, 60, 20, True, 0.3)
    cols[12].readings = ["", "1554", "1564"]
    cols[12].words[0] = Word("1554", 0, 0, 60, 20, True, 0.3)
    slots = _slots(cols, model)
    _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, {7, 12}, False, "2018-06", {})
    assert cols[7].words[-1].text == "997"  # only 997 makes the average
    assert cols[12].words[-1].conf == 0.3  # 1554 and 1564 both fit the rounded average: left withheld


def test_one_candidate_left_is_taken_only_where_the_arithmetic_rules_out_the_alternative():
    texts = list(M1)
    texts[6] = "7"  # Dec-17's `997` with two glyphs dropped: the ink rules `7` out, PP-OCR read `997`
    cols, model = _row(texts)
    cols[7].readings, cols[7].unfit = ["997"], "7"
    cols[7].words[0] = Word("7", 0, 0, 60, 20, True, 0.3)
    slots = _slots(cols, model)
    assert _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, {7}, False, "2018-06", {}) == 1
    assert cols[7].words[-1].text == "997"
    texts[15:17] = ["", ""]  # no average, no maximum: nothing reaches Dec-17
    cols, model = _row(texts)
    cols[7].readings, cols[7].unfit = ["997"], "7"
    cols[7].words[0] = Word("7", 0, 0, 60, 20, True, 0.3)
    slots = _slots(cols, model)
    assert _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, {7}, False, "2018-06", {}) == 0
    assert cols[7].words[-1].conf == 0.3


def test_a_cell_no_reading_of_which_fits_is_left_out_and_the_rest_settled():
    # LAC14 on the 150-dpi scan: zeros read `9`, `6`, `7` under a printed maximum of 2
    header = [
        "Ref",
        *(
            f"{m}-{y}"
            for m, y in [
                ("Jul", 17),
                ("Aug", 17),
                ("Sep", 17),
                ("Oct", 17),
                ("Nov", 17),
                ("Dec", 17),
                ("Jan", 18),
                ("Feb", 18),
                ("Mar", 18),
                ("Apr", 18),
                ("May", 18),
                ("Jun", 18),
            ]
        ),
        "12 month average",
        "12-mnth max value",
    ]
    model = build_model(header, [""] * len(header), None)
    cols = {
        c: _reading(t)
        for c, t in enumerate(["LAC14", "9", "1", "1", "0", "0", "2", "0", "0", "1", "6", "7", "7", "0", "2"])
    }
    for c, readings in {1: ["", "0", "9"], 10: ["", "6", "0"], 11: ["", "7", ""], 12: ["", "0", "7"]}.items():
        cols[c].readings = readings
        cols[c].words[0] = Word(cols[c].words[0].text, 0, 0, 60, 20, True, 0.3)
    slots = _slots(cols, model)
    assert (
        _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, {1, 10, 11, 12}, False, "2018-06", {}) == 3
    )
    assert [cols[c].words[-1].text for c in (1, 10, 12)] == ["0", "0", "0"]
    assert cols[11].words[-1].conf == 0.3  # `7` alone: nothing fits, so it stays withheld


def test_a_lost_decimal_point_is_a_candidate_only_in_a_row_printed_with_decimals():
    assert _row_places(["11.6%", "10.1%", "2.6%", "7.3%", "86%", "7.4%"]) == 1
    assert _row_places(["1357", "1491", "1259", "1358"]) == 0
    assert [_with_point(t, 1) for t in ["86%", "27%", "8.6%", "5"]] == ["8.6%", "2.7%", "", ""]


def test_a_row_half_of_whose_points_a_scan_lost_is_settled_by_its_average():
    # 150-dpi scan: seven of twelve months read without their point, every change cell in doubt
    months = [("Mar", 18), ("Apr", 18), ("May", 18), ("Jun", 18), ("Jul", 18), ("Aug", 18), ("Sep", 18)]
    months += [("Oct", 18), ("Nov", 18), ("Dec", 18), ("Jan", 19), ("Feb", 19), ("Mar", 19)]
    header = ["Ref", *(f"{m}-{y}" for m, y in months), "% change from previous month", "% change from Mar-18"]
    header += ["12 month average", "12-mnth max value"]
    model = build_model(header, [""] * len(header), None)
    read = ["R1", "9.0", "65", "69", "67", "9.8", "67", "5.9", "7.0", "48", "67", "68", "9.2", "10.0", "9%", "11%"]
    cols = {c: _reading(t) for c, t in enumerate([*read, "7.3", "10.0"])}
    slots = _slots(cols, model)
    assert _settle_row(cols, slots, {c: cols[c].words[0].text for c in slots}, set(), True, "2019-03", {}) == 7
    settled = "9.0 6.5 6.9 6.7 9.8 6.7 5.9 7.0 4.8 6.7 6.8 9.2 10.0"
    assert [cols[c].words[-1].text for c in range(1, 14)] == settled.split()
    assert _pointed_places(["9.0", "65", "69", "9.8", "67", "5.9", "7.0", "48"]) == 1
    assert _pointed_places(["90", "65", "6.9", "9.8", "67"]) == 0  # two points are no row's format


def test_scanned_header_wordings_name_their_columns():
    from scorekit.extract.columns import classify
    from scorekit.extract.periods import ReportPeriod

    oct20 = ReportPeriod(2020, 10)
    assert classify("from Oct-19 % change", "", oct20, allow_serial=False).measure == "change_year"
    assert classify("Sat. Neghbour", "", oct20, allow_serial=False).measure == "stat_neighbour"


def test_cell_text_repairs():
    blank = np.full((20, 60), 255, np.uint8)

    def cleaned(*texts):
        return [
            w.text
            for w in clean_cell([Word(t, 10 * i, 0, 10 * i + 8, 10, True, 0.8) for i, t in enumerate(texts)], blank)
        ]

    assert cleaned("-Wa") == ["- n/a"] and cleaned("-n/a") == ["- n/a"] and cleaned("N/A") == ["N/A"]
    assert cleaned("wa") == ["n/a"] and cleaned("Wa") == ["n/a"] and cleaned("was") == ["was"]
    assert cleaned("nla") == ["n/a"] and cleaned("n|a") == ["n/a"] and cleaned("na") == ["na"]  # `/` read as `l`
    assert cleaned("—s", "Local") == ["Local"] and cleaned("_—_", "Local") == ["Local"]
    assert cleaned("_—_LAC1-NI") == ["LAC1-NI"] and cleaned("_LAC13") == ["LAC13"] and cleaned("-12%") == ["-12%"]


def test_pieces_of_one_rule_join_whatever_their_rounding():
    from scorekit.extract.grid import _join_segments

    # a header band's border (328.8 pt, above) and the body's rule (328.68 pt, below): one rule
    joined = _join_segments([(328.68, 72.96, 649.2), (328.8, 35.5, 72.2)])
    assert len(joined) == 1 and joined[0][1] == 35.5 and joined[0][2] == 649.2
    assert len(_join_segments([(100.0, 0.0, 10.0), (100.5, 30.0, 40.0)])) == 2  # a gap is a gap


def test_a_speck_is_not_as_tall_as_print():
    from scorekit.extract.ocr.cellread import _ink_height, print_height

    page = cells("scorecard-2018-06-scan150", 0)
    m1 = [_reading("1491") for _ in range(3)]
    for r, k in zip(m1, [(357, 116), (386, 116), (415, 116)], strict=False):  # M1 Jul-17..Sep-17
        r.cell.image = page[k]
    tall = print_height(m1)
    assert (998, 338) not in page  # an empty Target 19-20 cell: its rules' remnants are no cell
    lone = cells("scorecard-2018-06-scan150", 1)[(415, 116)]  # LAC6 (val) Sep-17: `3`
    assert _ink_height(lone) >= 0.7 * tall


def test_a_word_read_as_junk_is_reread_as_a_word():
    from scorekit.extract.ocr.cellread import _read_words
    from scorekit.extract.ocr.engines import get_engine

    page = cells("scorecard-2018-06-scan150", 1)
    junk, doubtful, number = _reading("6COTBCC«CTBC"), _reading("8"), _reading("190")
    for r, k in [(junk, (966, 604)), (doubtful, (998, 604)), (number, (933, 604))]:  # LAC16's targets
        r.cell.image = page[k]
    doubtful.words[0] = Word("8", 0, 0, 60, 20, True, 0.3)
    _read_words([junk, doubtful, number], get_engine("rapidocr"))
    # a settled number is not reread as a word; a doubtful one is (PP-OCR reads this `TBC` as
    # `T8C`, `8` for `B`, as tesseract's numeric readings did)
    assert [r.words[0].text for r in (junk, doubtful, number)] == ["TBC", "TBC", "190"]
    # benchmark cells of M3, M8-QL, EH1b: a blurred `Local` read as nothing or junk; PP-OCR is only
    # 0.53-0.96 sure of it, yet reads nothing else there
    left = [_reading(t) for t in ["", "", "=", "stocal—Ssistocal", "Ssisdccal"]]
    for r, k in zip(left, [(900, 204), (867, 249), (834, 338), (867, 338), (900, 338)], strict=False):
        r.cell.image = cells("scorecard-2018-06-scan150", 0)[k]
    _read_words(left, get_engine("rapidocr"))
    assert [r.words[0].text for r in left] == ["Local"] * 5


def test_tesseract_in_process_reads_what_its_cli_reads():
    """tesserocr, where it is built on the CLI's own tesseract, is used instead of a process per
    call (0.1-0.2 s each, eight a page): it must read exactly what the CLI reads."""
    from scorekit.extract.ocr import tess
    from scorekit.extract.ocr.mosaic import pack

    if tess._api("eng") is None:
        pytest.skip("tesserocr is not installed, or not built on this tesseract")
    page = cells("scorecard-2018-06-scan150", 0)
    images = [img for k, img in sorted(page.items()) if k[1] in (116, 160, 204)]
    for m, psm, whitelist in [(pack(images, 30)[0], 11, ""), (pack(images, 30, column=True)[0], 6, "0123456789%,.-")]:
        api = tess.run(m.image, psm, whitelist=whitelist)
        cli = tess._run_cli(m.image, psm, whitelist=whitelist, lang="eng", dpi=300, timeout=120)
        assert len(api) > 20 and api == cli
    assert tess.run(pack(images, 30)[0].image, 11) == tess._run_cli(
        pack(images, 30)[0].image, 11, whitelist="", lang="eng", dpi=300, timeout=120
    )  # no whitelist left over


def test_a_settled_number_keeps_its_arrow_and_words_and_drops_its_misreadings():
    """LAC16's `-1%` read as `Ww` beside nothing: once the arithmetic or the page's glyphs
    settle the figure, the misreading must not stay in the cell (it made the value withheld)."""
    from scorekit.extract.ocr.resolve import set_number

    r = _reading("↑")
    r.words += [Word(t, 10 * i, 0, 10 * i + 8, 20, True, 0.3) for i, t in enumerate(["Ww", "1%", "*Prov"], 1)]
    set_number(r, "-1%", "font_matched", 0.9)
    assert [w.text for w in r.words] == ["↑", "*Prov", "-1%"]
    assert r.words[-1].note == "font_matched" and r.words[-1].x0 == 20


def test_a_numbers_thousands_set_off_by_a_space_are_no_arrow_before_it():
    """`18 137` read as `18` and `137`: the `18` is the number's thousands, not an arrow read as
    digits, which the cell's figure would be read without (`137`)."""
    from scorekit.extract.page import Word

    def w(text, x0, x1):
        return Word(text, x0, 0, x1, 10, True, 0.9)

    assert not _separate_lead([w("18", 0, 12), w("137", 16, 34)])
    assert not _separate_lead([w("1", 0, 6), w("234", 10, 28), w("567", 32, 50)])
    assert _separate_lead([w("JL", 0, 12), w("-19%", 16, 40)])
    assert _separate_lead([w("1", 0, 6), w("87%", 10, 30)])


@pytest.mark.parametrize(
    ("second", "majority", "restores"),
    [
        ("18162", "8162", True),
        ("11.9%", "1.9%", True),
        ("1270", "127", True),
        ("3406", "06", True),
        ("118162", "8162", True),
        ("-12", "12", False),
    ],
)
def test_digits_tesseract_dropped_at_the_edge_are_ones_the_second_engine_restores(second, majority, restores):
    """Tesseract's scales share one model and drop a thin `1` glued to the next digit, or a pair
    of touching digits, alike; the second engine's reading restores them when it is theirs with
    more digits at an edge."""
    assert _restores_edge_digits(second, majority) is restores


@pytest.mark.parametrize(
    ("second", "majority"), [("18163", "8162"), ("1816", "8162"), ("I8162", "8162"), ("3406", "40")]
)
def test_a_second_reading_that_differs_otherwise_restores_nothing(second, majority):
    assert not _restores_edge_digits(second, majority)


def _words(text: str, conf: float) -> list:
    from scorekit.extract.page import Word

    return [Word(text, 0, 0, 40, 20, True, conf)] if text else []


@pytest.mark.parametrize(
    ("tesseract", "ppocr", "conf", "sure"),
    [
        (("06", "406"), "3406", 0.99, True),  # touching `34` dropped at both scales
        (("24", "24"), "3424", 0.99, True),
        (("", ""), "3424", 0.99, True),  # tesseract saw nothing
        (("06", "406"), "3406", 0.80, False),  # PP-OCR not sure
        (("3407", ""), "3406", 0.99, False),  # a real disagreement
        (("06", ""), "3460", 0.99, False),  # tesseract's digits are not its edge
    ],
)
def test_a_sure_ppocr_number_settles_a_cell_tesseract_read_only_part_of(tesseract, ppocr, conf, sure):
    reads = [_words(t, 0.5) for t in tesseract] + [_words(ppocr, conf)]
    texts = [*tesseract, ppocr]
    numbers = [t for t in texts if t]
    assert _sure_second(reads, texts, numbers) is sure


def test_a_word_tesseract_ran_across_two_cells_goes_only_to_a_cell_with_no_reading(monkeypatch):
    """Sparse mode over a mosaic stretches `target` from one cell over its neighbour's lines, or
    reads `19` and `20` of neighbouring cells as `1920`: such a word goes to the cell its centre
    lies in only where that cell has no word of its own."""
    from scorekit.extract.ocr import engines, tess
    from scorekit.extract.ocr.mosaic import pack

    images = [np.full((40, 100), 255, np.uint8)] * 4
    m = pack(images, 40)[0]
    (ax0, at, ax1, ab), (bx0, bt, bx1, _), (cx0, _, _, _), (dx0, dt, _, db) = m.boxes
    assert m.under(ax0 + 5, at + 5, ax1 - 5, ab - 5) == [0]
    assert m.under(ax0 + 50, at + 5, bx0 + 60, ab - 5) == [0, 1]
    read = [
        tess.TessWord("Stat.", bx0 + 5, bt + 5, bx0 + 40, bt + 15, 0.9, (1, 1, 1)),
        tess.TessWord("target", ax0 + 20, at + 20, bx1 - 10, bt + 30, 0.9, (1, 1, 2)),  # centred on the 2nd
        tess.TessWord("1920", cx0 + 80, dt + 5, dx0 + 60, db - 5, 0.4, (1, 1, 3)),  # centred on the 4th
    ]
    monkeypatch.setattr(tess, "run", lambda *a, **k: read)
    got = engines.TesseractEngine().read_images(images)
    assert [[w.text for w in ws] for ws in got] == [[], ["Stat."], [], ["1920"]]


class _BlockReader:
    """An engine whose block reading (`line=True`) reads every line of a cell."""

    second = None

    def __init__(self, block: list[Word]):
        self.block = block
        self.asked = 0

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        self.asked += len(images)
        return [list(self.block) for _ in images]


def _three_lines() -> np.ndarray:
    img = np.full((90, 60), 255, np.uint8)
    for top in (10, 40, 70):
        img[top : top + 12, 10:50] = 0
    return img


def test_a_cell_with_a_line_of_print_no_word_stands_on_is_read_again_as_a_block():
    from scorekit.extract.ocr.cellread import _lines_unread, _reread_as_blocks, ink_lines

    r = CellReading(CellImage(0, 0, 0, 0, _three_lines()))
    r.words = [Word("claims", 10, 70, 50, 82, True, 0.9)]  # sparse mode kept the last line only
    assert ink_lines(r.cell.image) == [(10, 22), (40, 52), (70, 82)]
    assert _lines_unread(r)
    block = [Word(t, 10, top, 50, top + 12, True, 0.9) for t, top in (("Number", 10), ("of", 40), ("claims", 70))]
    _reread_as_blocks([r], _BlockReader(block))  # type: ignore[arg-type]
    assert [w.text for w in r.words] == ["Number", "of", "claims"]


def test_a_block_reading_that_reads_fewer_lines_is_not_taken():
    from scorekit.extract.ocr.cellread import _reread_as_blocks

    r = CellReading(CellImage(0, 0, 0, 0, _three_lines()))
    r.words = [Word("of", 10, 40, 50, 52, True, 0.9), Word("claims", 10, 70, 50, 82, True, 0.9)]
    _reread_as_blocks([r], _BlockReader([Word("claims", 10, 70, 50, 82, True, 0.9)]))  # type: ignore[arg-type]
    assert [w.text for w in r.words] == ["of", "claims"]


def test_a_number_cell_is_not_read_as_a_block():
    from scorekit.extract.ocr.cellread import _lines_unread

    r = CellReading(CellImage(0, 0, 0, 0, _three_lines()))
    r.words = [Word("12", 10, 70, 50, 82, True, 0.9)]
    assert not _lines_unread(r)


def test_a_header_whose_last_line_reads_as_a_month_is_read_again_as_a_block():
    """`% change from` over `Aug-20`: sparse mode kept the month alone, which names another
    column (a month's figures) than the cell's whole text does."""
    from scorekit.extract.ocr.cellread import _lines_unread

    r = CellReading(CellImage(0, 0, 0, 0, _three_lines()))
    r.words = [Word("Aug-20", 10, 70, 50, 82, True, 0.9)]
    assert _lines_unread(r)


def _inked(height: int, width: int, boxes: list[tuple[int, int, int, int]]) -> np.ndarray:
    """A white cell with black boxes (top, bottom, x0, x1) standing for words' ink."""
    img = np.full((height, width), 255, np.uint8)
    for top, bottom, x0, x1 in boxes:
        img[top:bottom, x0:x1] = 0
    return img


def _two_words() -> np.ndarray:
    """One line of print: a word at 10-50 and one at 62-90, 12 pixels high."""
    return _inked(30, 100, [(8, 20, 10, 50), (8, 20, 62, 90)])


def test_a_word_cut_short_leaves_its_last_letters_bare_and_the_cell_is_read_again():
    """Sparse mode reads `old` as `ol` at full confidence, its box drawn round the two letters
    it read: the `d` is ink no word spans."""
    from scorekit.extract.ocr.cellread import _bare_ink, _lines_unread, ink_lines

    r = CellReading(CellImage(0, 0, 0, 0, _two_words()))
    r.words = [Word("years", 10, 8, 50, 20, True, 0.96), Word("ol", 62, 8, 80, 20, True, 0.97)]
    assert _bare_ink(r.words, r.cell.image, ink_lines(r.cell.image)) == 10
    assert _lines_unread(r)
    r.words[1] = Word("old", 62, 8, 90, 20, True, 0.97)
    assert _bare_ink(r.words, r.cell.image, ink_lines(r.cell.image)) == 0
    assert not _lines_unread(r)


def test_a_speck_no_word_spans_is_no_letter():
    from scorekit.extract.ocr.cellread import _lines_unread

    img = _two_words()
    img[10:12, 93:95] = 0
    r = CellReading(CellImage(0, 0, 0, 0, img))
    r.words = [Word("years", 10, 8, 50, 20, True, 0.96), Word("old", 62, 8, 90, 20, True, 0.97)]
    assert not _lines_unread(r)


def _after_block(first: list[Word], block: list[Word]) -> list[str]:
    """The cell's words once its block reading `block` is weighed against `first`."""
    from scorekit.extract.ocr.cellread import _reread_as_blocks

    r = CellReading(CellImage(0, 0, 0, 0, _two_words()))
    r.words = list(first)
    _reread_as_blocks([r], _BlockReader(block))  # type: ignore[arg-type]
    return [w.text for w in r.words]


def test_a_block_reading_stands_where_it_finishes_words_not_where_it_rewrites_or_joins_them():
    """`ol` finished as `old`, `ld` started as `old`: taken. `years` misread `vears`, or `Nov`
    and `22` (set apart) joined as `Nov22`: the first reading stays."""
    years, old = Word("years", 10, 8, 50, 20, True, 0.96), Word("old", 62, 8, 90, 20, True, 0.97)
    assert _after_block([years, Word("ol", 62, 8, 80, 20, True, 0.97)], [years, old]) == ["years", "old"]
    assert _after_block([years, Word("ld", 72, 8, 90, 20, True, 0.97)], [years, old]) == ["years", "old"]
    misread = [Word("vears", 10, 8, 50, 20, True, 0.9), old]
    assert _after_block([years, Word("ol", 62, 8, 80, 20, True, 0.97)], misread) == ["years", "ol"]
    apart = [Word("Nov", 10, 8, 50, 20, True, 0.96), Word("22", 72, 8, 90, 20, True, 0.97)]
    assert _after_block(apart, [Word("Nov22", 10, 8, 90, 20, True, 0.9)]) == ["Nov", "22"]


def _name_over_short_line() -> np.ndarray:
    """A long name's line at rows 10-22 and a short second line (`47`) at rows 28-40."""
    return _inked(50, 200, [(10, 22, 10, 190), (28, 40, 10, 30)])


def test_a_descender_reaching_the_next_line_does_not_read_it():
    from scorekit.extract.ocr.cellread import _lines_unread, _lost_lines

    r = CellReading(CellImage(0, 0, 0, 0, _name_over_short_line()))
    r.words = [
        Word("Percentage of Strategy", 10, 10, 120, 30, True, 0.96),
        Word("Section", 130, 10, 190, 22, True, 0.96),
    ]
    assert _lost_lines(r) == [(28, 40)]
    assert _lines_unread(r)


def test_a_line_no_word_stands_on_is_read_on_its_own_and_added():
    from scorekit.extract.ocr.cellread import _read_lost_lines

    r = CellReading(CellImage(0, 0, 0, 0, _name_over_short_line()))
    first = [Word("Percentage", 10, 10, 120, 22, True, 0.96), Word("Section", 130, 10, 190, 22, True, 0.96)]
    r.words = list(first)
    engine = _BlockReader([Word("47", 10, 4, 30, 16, True, 0.95)])
    _read_lost_lines([r], engine)  # type: ignore[arg-type]
    assert [w.text for w in r.words] == ["Percentage", "Section", "47"]
    assert (r.words[-1].top, r.words[-1].bottom) == (28, 40)
    assert engine.asked == 1


def test_a_capital_read_surely_before_a_whole_number_is_a_references_prefix():
    """`W 06` is a reference whose prefix is set apart, not a figure with a mark beside it; a
    letter the engine was unsure of, or one before a percentage, stays a mark."""
    from scorekit.extract.ocr.cellread import _number_cell

    blank = np.full((20, 60), 255, np.uint8)

    def read(text: str, conf: float, figure: str = "06") -> list[Word]:
        return [Word(text, 0, 0, 8, 10, True, conf), Word(figure, 14, 0, 30, 10, True, 0.97)]

    assert [w.text for w in clean_cell(read("W", 0.93), blank)] == ["W", "06"]
    assert not _number_cell(clean_cell(read("W", 0.93), blank))
    assert [w.text for w in clean_cell(read("W", 0.6), blank)] == ["06"]
    assert [w.text for w in clean_cell(read("W", 0.93, "15%"), blank)] == ["15%"]
    assert [w.text for w in clean_cell(read("t", 0.95), blank)] == ["06"]


class _Second:
    """A second engine reading each crop as the next of its answers, counting the crops."""

    def __init__(self, answers: list[str]):
        self.answers, self.crops = answers, 0

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        self.crops += len(images)
        return [[Word(t, 0, 0, 5, 5, True, 0.9)] for t in self.answers[: len(images)]]


def test_a_point_the_row_prints_and_the_second_engine_reads_is_put_back():
    from scorekit.extract.ocr.resolve import points_read_again

    header = ["Ref", "Oct-22", "Nov-22", "Dec-22", "Jan-23", "Feb-23", "Mar-23", "% change"]
    model = build_model(header, [""] * len(header), None)
    read = ["WR-2", "802", "58.0", "738", "57.2", "75.5", "536", "-3.2%"]
    cols = {c: _reading(t) for c, t in enumerate(read)}
    second = _Second(["80.2", "73.8", "536"])  # the last: the second engine lost the point too
    assert points_read_again([(cols, model)], second) == 2 and second.crops == 3
    assert [cols[c].words[-1].text for c in range(1, 7)] == ["80.2", "58.0", "73.8", "57.2", "75.5", "536"]
    counts = {c: _reading(t) for c, t in enumerate(["WR-1", "1074", "1198", "863", "825", "597", "638", "2.1%"])}
    assert points_read_again([(counts, model)], _Second(["10.74"] * 6)) == 0  # no point printed in the row


def _typed_cell(text: str, px: int = 30) -> np.ndarray:
    """`text` typed in Pillow's own face (shipped with it) at a 300-dpi scan's size, blurred."""
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (px * (len(text) + 2), px * 2), 255)
    ImageDraw.Draw(img).text((px // 2, px // 3), text, font=ImageFont.load_default(size=px), fill=0)
    return cv2.GaussianBlur(np.array(img), (3, 3), 0.7)


def test_a_suppression_letter_both_engines_read_is_stated():
    """A lone `c` (suppressed) holds no number for the numeric readings; the first pass's `c` or
    `Cc` stands where PP-OCR reads the same letter, and a speck the first pass called `c` does
    not."""
    from scorekit.extract.ocr.cellread import settle_numbers
    from scorekit.extract.ocr.engines import get_engine

    figures = [_reading(t) for t in ("152", "175", "123")]
    for r in figures:
        r.cell.image = _typed_cell(r.words[0].text)
    code, doubled, speck = _reading("c"), _reading("Cc"), _reading("c")
    code.cell.image = doubled.cell.image = _typed_cell("c")
    speck.cell.image = np.full((40, 40), 255, np.uint8)
    speck.cell.image[8:30, 18:21] = 0  # a rule's stub, as tall as print
    for r in (code, doubled, speck):
        r.words[0] = replace(r.words[0], conf=0.6)
    settle_numbers([*figures, code, doubled, speck], get_engine("auto"))
    assert [r.words[0].text for r in (code, doubled)] == ["c", "c"]
    assert speck.words[0].text != "c"
    assert [r.words[-1].text for r in figures] == ["152", "175", "123"]


def test_a_short_code_is_named_by_its_letter_only():
    assert VOCABULARY.short_code("Cc") == "c" and VOCABULARY.short_code(" x ") == "x"
    assert VOCABULARY.short_code("..") is None and VOCABULARY.short_code("ab") is None
    assert VOCABULARY.short_code("TBC") is None
