"""Header labels and references: the repairs that only the table's own structure justifies."""

import numpy as np

from scorekit.extract.ocr import glyphs
from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.labels import _complete_months, _complete_quarters, _complete_years, _ref_fix
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word


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
    assert [_ref_fix(t) for t in ["Mi", "EHib", "LAC 10 (%)", "CP3-Qt (val)", "M1", "Front Door"]] == [
        "M1",
        "EH1b",
        "LAC10 (%)",
        "CP3-QL (val)",
        "M1",
        "Front Door",
    ]


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


def test_a_stub_header_beside_a_run_of_months_is_no_month():
    cols = {c: reading(t) for c, t in enumerate(["Ward", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "Nay-24"])}
    _complete_months(cols)
    assert texts(cols) == ["Ward", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24"]


def test_a_garble_no_longer_like_its_month_still_heads_the_figures_under_it():
    cols = {c: reading(t) for c, t in enumerate(["Outcome", "muri?", "wah?", "Aug 17", "Sep-17", "Oct-17"])}
    _complete_months(cols, figures={1, 2, 3, 4, 5})
    assert texts(cols) == ["Outcome", "Jun-17", "Jul-17", "Aug 17", "Sep-17", "Oct-17"]


def test_a_quarter_whose_number_was_lost_is_the_one_the_run_implies():
    cols = {i: reading(t) for i, t in enumerate(["Ref", "Qtr 2015-16", "Qtr2 2015-16", "Qtr 3 2015-16", "Qu4 2015-16"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Ref", "Q1 2015-16", "Qtr2 2015-16", "Qtr 3 2015-16", "Q4 2015-16"]


def test_a_quarter_label_of_another_year_or_a_lone_quarter_is_left_as_read():
    cols = {i: reading(t) for i, t in enumerate(["Qtr 2014-15", "Qtr2 2015-16", "Qtr 3 2015-16", "Annual target"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Qtr 2014-15", "Qtr2 2015-16", "Qtr 3 2015-16", "Annual target"]
    cols = {i: reading(t) for i, t in enumerate(["Qtr 2015-16", "Qtr2 2015-16"])}
    _complete_quarters(cols)
    assert texts(cols) == ["Qtr 2015-16", "Qtr2 2015-16"]
