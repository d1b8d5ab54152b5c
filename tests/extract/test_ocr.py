"""OCR of a scanned page gives PageContent the table logic can use: words in points, rules, values."""

import collections

import pandas as pd
import pytest

from scorekit.extract.ocr import ocr_page
from scorekit.extract.ocr.engines import split_line
from scorekit.extract.page import PageContent

from ..conftest import pdf, truth

SCAN = pdf("scorecard-2020-10-scan200")
SOURCE = pdf("scorecard-2020-10")


@pytest.fixture(scope="module")
def page1() -> PageContent:
    return ocr_page(SCAN, 0, dpi=300)


def test_page_content_shape(page1):
    assert page1.method == "ocr" and page1.page == 1 and page1.source == SCAN.name
    assert abs(page1.width - 1190.55) < 2 and abs(page1.height - 841.89) < 2
    assert all(0 <= w.conf <= 1 for w in page1.words)
    assert all(0 <= w.x0 < w.x1 <= page1.width + 1 and 0 <= w.top < w.bottom <= page1.height + 1 for w in page1.words)
    horizontal = [r for r in page1.rules if r.horizontal]
    assert len(horizontal) >= 10 and len(page1.rules) - len(horizontal) >= 10
    assert "deskew=" in page1.note


def test_known_values_recovered_near_their_printed_place(page1):
    import pdfplumber

    with pdfplumber.open(SOURCE) as pdf:
        printed = pdf.pages[0].extract_words()
    t = pd.read_csv(truth("scorecard-2020-10"), dtype=str, keep_default_na=False)
    values = set(t.value_raw[t.value != ""])
    expected = [w for w in printed if w["text"] in values]
    found = 0
    for w in expected:
        near = [
            o
            for o in page1.words
            if o.text == w["text"]
            and abs(o.xc - (w["x0"] + w["x1"]) / 2) < 8
            and abs(o.yc - (w["top"] + w["bottom"]) / 2) < 8
        ]
        found += bool(near)
    assert len(expected) > 50
    assert found / len(expected) >= 0.6, f"{found}/{len(expected)}"
    words = collections.Counter(w.text for w in page1.words)
    for v in ("1147", "1172", "1403", "1493", "1343", "1607", "1555"):
        assert words[v] >= 1, v


def test_line_split_apportions_boxes():
    ws = split_line("12 345", 0, 0, 60, 10, 0.9)
    assert [w.text for w in ws] == ["12", "345"]
    assert ws[0].x1 <= ws[1].x0 and ws[1].x1 == pytest.approx(60)


def test_letters_flatter_than_any_glyph_and_runs_of_rule_marks_are_no_text_but_a_dash_is():
    from scorekit.extract.ocr import _glyph_high
    from scorekit.extract.page import Word

    words = [Word(t, 10 * k, 100, 10 * k + 8, 107, True, 0.9) for k, t in enumerate(["Aug", "23", "Status"])]
    fill_edge = Word("ii", 250, 105.4, 267, 105.6, True, 0.6)
    dash = Word("-", 36, 158.4, 40, 159.6, True, 0.9)
    shade_edge = Word("__—", 446, 67, 457, 77, True, 0.5)  # between `Aug` and `Target`, joining them
    assert _glyph_high([*words, fill_edge, dash, shade_edge]) == [*words, dash]


def test_strokes_alone_are_the_edge_of_a_fill_not_text():
    """A `|` or `"` read off a grey column's edge, which would stand as a line of its own between
    two rows and split the table there; a nil's dash or colon and a word holding a stroke stay."""
    from scorekit.extract.ocr import _glyph_high
    from scorekit.extract.page import Word

    words = [Word(t, 20 * k, 100, 20 * k + 15, 106, True, 0.9) for k, t in enumerate(["H-7", "Rent", "95%", "KP|"])]
    speck = Word("|", 238.3, 112.8, 239.0, 113.2, True, 0.8)
    edges = [Word(t, 241.4 + 20 * k, 96.2, 242.9 + 20 * k, 98.4, True, 0.86) for k, t in enumerate(['"', "‘", "»"])]
    nils = [Word("-", 300, 103, 303, 104, True, 0.9), Word(":", 320, 101, 321, 106, True, 0.9)]
    assert _glyph_high([*words, speck, *edges, *nils]) == [*words, *nils]


def test_a_mark_alone_on_its_line_is_a_rules_remnant_but_a_nil_in_a_row_stays():
    from scorekit.extract.ocr import _lone_marks_out
    from scorekit.extract.page import Word

    row = [Word(t, 40 * k, 100, 40 * k + 20, 106, True, 0.9) for k, t in enumerate(["H-7", "Rent", "95%"])]
    nil = Word("—", 200, 102, 206, 103, True, 0.9)
    remnant = Word("—", 120, 110.8, 133, 111.1, True, 0.5)
    assert _lone_marks_out([*row, nil, remnant]) == [*row, nil]
    low = Word("_", 30, 101, 34, 106, True, 0.69)  # `Code _ Local authority`
    assert _lone_marks_out([*row, low]) == row


def test_strokes_a_rule_inked_after_a_figure_set_against_it_are_no_part_of_it():
    """A figure set flush right against a dark column's edge reads with the edge as its last
    marks (`4198)`, `549!`, `4190,`); they go where the word ends at a vertical rule. A figure in
    brackets it opens, and one clear of any rule, stay as read."""
    from scorekit.extract.ocr import _edge_marks_off
    from scorekit.extract.page import Rule, Word

    edge = Rule(236.2, 119.0, 236.2, 570.0)
    at = [Word(t, 215.5, 242.6, 235.4, 250.8, True, 0.88) for t in ("4198)", "549!", "4190,", "91.8%)", "437'")]
    bracketed = Word("(4198)", 212.0, 262.6, 235.4, 270.8, True, 0.9)
    clear = Word("4198)", 150.0, 282.6, 170.0, 290.8, True, 0.9)
    out = _edge_marks_off([*at, bracketed, clear], [edge])
    assert [w.text for w in out] == ["4198", "549", "4190", "91.8%", "437", "(4198)", "4198)"]
    above = Word("4198)", 215.5, 100.0, 235.4, 108.0, True, 0.88)  # beyond the rule's ends
    assert _edge_marks_off([above], [edge])[0].text == "4198)"


def test_a_year_read_with_specks_before_it_on_a_line_of_years_is_the_year():
    """`4382016` (specks read as `438`) between `2015` and `2017` on a header's line of years is
    `2016`; a sure run of digits, one on a line of figures, or one outside the line's years stays."""
    from scorekit.extract.ocr import _years_from_specks
    from scorekit.extract.page import Word

    def line(texts, confs, top=84.5):
        return [
            Word(t, 194 + 29 * k, top, 194 + 29 * k + 14, top + 6, True, c)
            for k, (t, c) in enumerate(zip(texts, confs, strict=True))
        ]

    years = line(["2014", "2015", "4382016", "2017", "2017"], [0.96, 0.86, 0.36, 0.94, 0.96])
    assert [w.text for w in _years_from_specks(years)] == ["2014", "2015", "2016", "2017", "2017"]
    sure = line(["2014", "2015", "4382016", "2017"], [0.96, 0.86, 0.9, 0.94])
    figures = line(["462", "392", "4382016", "354", "2015"], [0.9, 0.9, 0.36, 0.9, 0.9])
    beyond = line(["2014", "2015", "4381987", "2017"], [0.96, 0.86, 0.36, 0.94])
    for ws in (sure, figures, beyond):
        assert [w.text for w in _years_from_specks(ws)] == [w.text for w in ws]
