"""Cell-level OCR repairs on cells cut from the scanned fixtures: lost minus signs, references,
`%` read as `8`, PP-OCR's recogniser with a restricted alphabet, and what is withheld."""

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scorekit.extract.columns import build_model
from scorekit.extract.observations import _page_benchmark_period, _unreadable
from scorekit.extract.ocr import glyphs
from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.labels import _pick_ref, _ref_fix
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.ocr.resolve import _percent_tails
from scorekit.extract.page import Word
from scorekit.extract.scoring import score

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"


@cache
def cells(name: str, page: int) -> dict[tuple[int, int], np.ndarray]:
    """(x0, top) in points, rounded -> the prepared cell image, as the OCR path cuts them."""
    import cv2

    from scorekit.extract.ocr import image as im
    from scorekit.extract.ocr.layout import cell_images, page_grids

    grey = im.render(PDF / f"{name}.pdf", page, 300)
    straight = im.rotate(grey, im.skew_angle(grey[::2, ::2], 150))
    h, v = im.line_masks(im.binarise(straight), 300, straight)
    grids = [g for g in page_grids(im.rules(h, v, 300), 300) if g.n_cols >= 3]
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
    alone[10: 10 + h, 10: 10 + w] = minus[y: y + h, x: x + w]
    assert glyphs.dash(alone)
    assert not glyphs.dash(minus)
    digits = [img for k, img in cells("scorecard-2020-10-scan200", 0).items() if 380 < k[0] < 580]
    assert digits and not any(glyphs.dash(img) for img in digits)


def test_reference_letters_that_stand_for_digits():
    assert [_ref_fix(t) for t in ["EHS-OL", "CPS-QL (val)", "LAC?", "EHI-QL", "CP6B", "LAC12 (vel)"]] == \
        ["EH5-OL", "CP5-QL (val)", "LAC9", "EHI-QL", "CP6B", "LAC12 (vel)"]


def test_reference_vote():
    assert _pick_ref(["", "CP6B", "CP6B"], sure=False) == "CP6B"  # an inked cell the first pass read as nothing
    assert _pick_ref(["LACT NI", "LACT NI", "LAC1-NI"], sure=False) == "LAC1-NI"  # the second engine's reading
    assert _pick_ref(["LAC?", "LAC9", "LACY"], sure=True) == "LAC9"  # sure, yet not shaped like a reference
    assert _pick_ref(["EHI (val)", "EHI (val)", "EH1 (val)"], sure=True) is None  # printed so, and confirmed
    assert _pick_ref(["CPS5-QL", "CP5-QL", "CP5-QL"], sure=False) == "CP5-QL"


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


def test_a_benchmark_band_outside_the_grid_dates_the_benchmarks():
    header = ["Ref", "May-18", "Jun-18", "Stat. Neighbour", "England", "SE region"]
    model = build_model(header, [""] * len(header), None)
    _page_benchmark_period(model, "Benchmarking (Updated Nov-17, using 16-17 data)\nRef May-18 Jun-18")
    assert [c.period for c in model.columns[3:]] == ["FY2016/17"] * 3


def test_junk_in_an_ocr_value_cell_is_not_stated():
    assert _unreadable("direction", "a", ["text_only"])
    assert not _unreadable("direction", "▲", [])
    assert not _unreadable("rag", "A", ["text_only"])
    assert _unreadable("value", "jj§ 35%", ["text_only"])
    assert not _unreadable("value", "Local", ["local"])


def test_withheld_rows_are_neither_right_nor_wrong():
    truth = pd.DataFrame({"ref": ["M1", "M1"], "indicator": ["x", "x"], "period": ["2020-04", "2020-05"],
                          "measure": ["value", "value"], "value": ["10", "12"], "value_raw": ["10", "12"]})
    got = truth.assign(flags=["", "low_confidence"], value=["10", None], value_raw=["10", "l2"])
    s, _, _ = score(got, truth)
    assert (s.extracted, s.withheld, s.correct, s.precision, s.recall) == (1, 1, 1, 1.0, 0.5)


def test_ppocr_recogniser_reads_a_scanned_number_with_its_alphabet_cut_to_digits():
    pytest.importorskip("rapidocr_onnxruntime")
    from scorekit.extract.ocr.engines import NUMERIC_CHARS, get_engine

    page = cells("scorecard-2018-06-scan150", 0)
    eng = get_engine("rapidocr")
    got = eng.read_images([page[(702, 160)], page[(735, 160)]], numeric=True)
    texts = ["".join(w.text for w in ws) for ws in got]
    assert all(set(t) <= set(NUMERIC_CHARS) for t in texts)
    assert texts[0].endswith("20%") and texts[1].endswith("30%"), texts
