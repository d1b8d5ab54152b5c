"""A page read without a ruled grid: its dark header band, its flat marks, and the ink the
sparse pass leaves unread, on images and word lists built in the test."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.extract.ocr import (
    _ends_in_bands,
    _glyph_high,
    _joined_years,
    _lone_marks_out,
    _lookalike_figures,
    _seams_out,
    _sparse_words,
    _specks_out,
    _to_ink,
)
from scorekit.extract.ocr.engines import OcrEngine
from scorekit.extract.ocr.image import _bands_inverted, _blurred_edge, _inverted, band_mask, clean_for_ocr
from scorekit.extract.ocr.inkwords import reread_unexplained, unexplained
from scorekit.extract.page import Word


def _banded_page() -> np.ndarray:
    """Paper with a navy band (rows 100-159) whose white header text starts 3 px under its top."""
    page = np.full((400, 600), 245, np.uint8)
    page[100:160, 50:550] = 50
    page[103:115, 100:104] = 240  # a letter's stem set close to the band's top edge
    page[140:152, 300:304] = 240
    return page


def test_header_text_at_a_bands_edge_is_inverted_with_the_band():
    page = _banded_page()
    out = clean_for_ocr(page, np.zeros_like(page), np.zeros_like(page))
    assert out[105, 101] < 100  # the letter near the edge reads dark on light
    assert out[145, 301] < 100
    assert out[130, 200] > 200  # the band's ground comes out light
    assert out[50, 200] > 200 and out[300, 200] > 200  # paper stays paper


def test_a_bands_mask_stops_at_its_edges():
    mask = band_mask(_banded_page())
    assert mask[100:160, 50:550].all()
    assert not mask[:98].any() and not mask[162:].any()
    assert not mask[:, :48].any() and not mask[:, 552:].any()


def test_a_band_under_wide_white_labels_is_one_band():
    """White labels set close (`03/2022 04/2022`) lighten the band's mean under them, so its dark
    core breaks into the gaps between labels; the gaps' dark ground joins the pieces again."""
    page = np.full((400, 600), 245, np.uint8)
    page[100:150, 50:550] = 50
    for x0 in range(95, 480, 80):
        for x in range(x0, x0 + 65, 5):
            page[110:140, x : x + 3] = 240  # dense white strokes, a label's worth
    mask = band_mask(page)
    assert mask[100:150, 60:540].all()
    assert not mask[:95].any() and not mask[155:].any()


def test_dark_print_on_paper_between_two_bands_is_not_bridged():
    page = np.full((400, 600), 245, np.uint8)
    page[100:130, 50:200] = 50
    page[100:130, 400:550] = 50
    page[108:122, 240:360:8] = 30  # a word's dark strokes on paper between them
    mask = band_mask(page)
    assert mask[100:130, 60:190].all() and mask[100:130, 410:540].all()
    assert not mask[100:130, 230:370].any()


def test_rule_marks_inside_a_band_do_not_cut_its_letters():
    """A letter's dark counter taken for a border stays: only rules outside bands are erased."""
    page = _banded_page()
    v = np.zeros_like(page)
    v[138:154, 302] = 255
    h = np.zeros_like(page)
    h[250, 60:540] = 255
    page[249:252, 60:540] = 20
    out = clean_for_ocr(page, h, v)
    assert out[145, 301] < 100 and out[145, 302] < 100
    assert out[250, 300] == 255


def _w(text, x0, top, x1, bottom, conf=0.95):
    return Word(text, x0, top, x1, bottom, True, conf)


def test_a_long_flat_mark_is_no_word_but_a_nil_dash_is():
    words = [_w("Number", 40, 90, 70, 96), _w("12", 100, 90, 108, 96), _w("—", 185, 112, 207, 112.2)]
    words += [_w("-", 120, 93, 123, 93.5), _w("33", 140, 90, 148, 96)]
    assert [w.text for w in _glyph_high(words)] == ["Number", "12", "-", "33"]


def test_a_sliver_read_as_a_glyph_is_no_word_but_a_thin_letter_and_a_nil_are():
    """A speck 0.24 pt wide beside a year (`2020 ©`) is narrower than any glyph's ink; it left the
    column's header no period. A `1` or an `l` is a stroke wide, and a nil's dot is a code."""
    words = [
        _w("2019", 199, 71.3, 213.4, 76.6),
        _w("2020", 224.6, 71.3, 238.8, 76.6),
        _w("©", 244.3, 73.2, 244.54, 75.1),
    ]
    words += [_w("l", 250, 71.3, 250.6, 76.6), _w("-", 260, 74, 260.3, 74.3)]
    assert [w.text for w in _glyph_high(words)] == ["2019", "2020", "l", "-"]


class _Fixed(OcrEngine):
    """An engine that reads each crop as the next of its answers."""

    def __init__(self, answers: list[str], second: OcrEngine | None = None):
        self.answers = answers
        self.second = second

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        return [[Word(t, 0, 0, 5, 5, True, 0.9)] if t else [] for t in self.answers[: len(images)]]


def _inked() -> tuple[np.ndarray, list[Word]]:
    """Two figures' ink at x 100-130 and 200-212, rows 50-70; the sparse pass read the first only."""
    ink = np.zeros((120, 300), np.uint8)
    ink[50:70, 100:108] = 255
    ink[50:70, 112:120] = 255
    ink[50:70, 124:130] = 255
    ink[50:70, 200:212] = 255
    words = [_w("123", 100, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]
    return ink, words


def test_unexplained_ink_is_the_blob_no_sure_word_covers():
    ink, words = _inked()
    (blob,) = unexplained(ink, words)
    assert (blob.x0, blob.x1) == (200, 212)


def test_a_reading_both_engines_agree_on_is_added():
    ink, words = _inked()
    clean = 255 - ink
    got = reread_unexplained(clean, ink, words, _Fixed(["7"], second=_Fixed(["7"])))
    assert sorted(w.text for w in got) == ["123", "7", "Ref"]


def test_readings_the_engines_disagree_on_add_nothing():
    ink, words = _inked()
    clean = 255 - ink
    got = reread_unexplained(clean, ink, words, _Fixed(["1"], second=_Fixed(["7"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]


class _AsFigure(OcrEngine):
    """An engine reading a crop as `text`, and as `figure` when asked for a figure."""

    def __init__(self, text: str, figure: str):
        self.text, self.figure, self.second, self.asked = text, figure, None, 0

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        self.asked += numeric
        return [[Word(self.figure if numeric else self.text, 0, 0, 5, 5, True, 0.9)] for _ in images]


def test_a_lone_figure_the_second_engine_read_as_a_letter_is_read_again_as_a_figure():
    """A crisp lone `2` PP-OCR reads as `N` in a line: asked for a figure it reads `2`, and the
    two engines agree. A letter the reference lookalikes make the figure (`S`, `5`) is what a
    printed letter would give too: it is not asked, and nothing is added."""
    ink, words = _inked()
    clean = 255 - ink
    second = _AsFigure("N", "2")
    got = reread_unexplained(clean, ink, words, _Fixed(["2"], second=second))
    assert sorted(w.text for w in got) == ["123", "2", "Ref"] and second.asked == 1
    second = _AsFigure("S", "5")
    got = reread_unexplained(clean, ink, words, _Fixed(["5"], second=second))
    assert sorted(w.text for w in got) == ["123", "Ref"] and second.asked == 0


def test_a_word_the_engines_read_a_letter_apart_is_the_one_the_word_list_holds():
    """`Qhristchurch` and `Christchurch`, a wrapped label's first word the sparse pass dropped:
    the listed reading stands. Two readings both listed, or a figure, stay unread."""
    ink, words = _inked()
    clean = 255 - ink
    got = reread_unexplained(clean, ink, words, _Fixed(["Qhristchurch"], second=_Fixed(["Christchurch"])))
    assert sorted(w.text for w in got) == ["123", "Christchurch", "Ref"]
    got = reread_unexplained(clean, ink, words, _Fixed(["form"], second=_Fixed(["from"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]
    got = reread_unexplained(clean, ink, words, _Fixed(["7l"], second=_Fixed(["71"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]
    got = reread_unexplained(clean, ink, words, _Fixed(["tt"], second=_Fixed(["t"])))  # an arrow's junk
    assert sorted(w.text for w in got) == ["123", "Ref"]


def _arrow_ink() -> tuple[np.ndarray, list[Word]]:
    """An upward arrow at x 200-212, rows 50-70 (a head three rows deep over a stem), beside a
    figure the sparse pass read."""
    ink = np.zeros((120, 300), np.uint8)
    for k in range(6):
        ink[50 + k, 206 - k : 207 + k] = 255
    ink[56:70, 205:208] = 255
    words = [_w("123", 100, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]
    return ink, words


def test_a_lone_arrow_the_engines_read_as_junk_is_the_arrow_its_ink_shows():
    ink, words = _arrow_ink()
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["r"], second=_Fixed(["T"])))
    assert sorted(w.text for w in got) == ["123", "Ref", "↑"]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["L"], second=_Fixed([""])))
    assert "↑" in [w.text for w in got]  # the ink, not the reading, says which way


def test_flat_ink_is_an_arrow_where_its_ink_has_a_head():
    """A `→` is flat, and so are a dash and a reference's hyphen: flat ink with a head that
    narrows to a point is an arrow whatever the engines read; a plain stroke is none."""
    ink = np.zeros((120, 300), np.uint8)
    ink[58:62, 194:214] = 255
    for k in range(8):
        ink[52 + k : 68 - k, 212 + k] = 255
    words = [_w("123", 100, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]
    got = reread_unexplained(255 - ink, ink, words, _Fixed([">"], second=_Fixed(["↓"])))
    assert "→" in [w.text for w in got]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["-"], second=_Fixed([""])))
    assert "→" in [w.text for w in got]
    dash = np.zeros((120, 300), np.uint8)
    dash[57:63, 194:220] = 255
    got = reread_unexplained(255 - dash, dash, words, _Fixed(["-"], second=_Fixed([""])))
    assert "→" not in [w.text for w in got]


def test_a_glyph_read_as_a_digit_by_either_engine_is_no_arrow():
    ink, words = _arrow_ink()
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["1"], second=_Fixed(["T"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]


def test_an_agreed_reading_replaces_the_unsure_word_over_its_ink():
    ink, words = _inked()
    words.append(_w("uy", 200, 50, 212, 70, conf=0.2))
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["17"], second=_Fixed(["17"])))
    assert sorted(w.text for w in got) == ["123", "17", "Ref"]


def test_an_unsure_word_holding_an_agreed_reading_over_its_ink_goes():
    """`95"`: the figure read with a fill's edge beside it, wider than the figure, over less than
    half of which the agreed `95` stands; the mark's width would bridge the next column's gutter."""
    ink, words = _inked()
    words.append(_w('12"', 200, 50, 230, 70, conf=0.46))
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["12"], second=_Fixed(["12"])))
    assert sorted(w.text for w in got) == ["12", "123", "Ref"]


def test_a_word_the_pass_dropped_beside_one_it_read_is_unexplained():
    """`August 2024` read as `August`: the year's ink joins the month's blob, and is read again."""
    ink = np.zeros((120, 300), np.uint8)
    for x in (100, 110, 120, 130, 140):
        ink[50:70, x : x + 7] = 255  # the month's letters
    for x in (156, 166, 176, 186):
        ink[50:70, x : x + 7] = 255  # the year's digits, a word space after it
    words = [_w("August", 100, 50, 147, 70), _w("Ref", 10, 50, 40, 70)]
    (blob,) = unexplained(ink, words)
    assert (blob.x0, blob.x1) == (156, 193)


def test_a_word_boxed_short_of_its_first_glyph_is_read_again_whole():
    """`12m` read `2m`, boxed round the `2m` only: the thin `1` set close before it is a glyph
    no word covers, and the piece it belongs to is read again; a speck there is no glyph."""
    ink = np.zeros((120, 300), np.uint8)
    ink[50:70, 100:103] = 255  # the `1`
    ink[50:70, 106:114] = 255
    ink[55:70, 117:130] = 255
    words = [_w("2m", 106, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]
    (blob,) = unexplained(ink, words)
    assert (blob.x0, blob.x1) == (100, 130)
    ink[50:70, 100:103] = 0
    ink[66:69, 101:103] = 255  # a speck
    assert unexplained(ink, words) == []


def test_a_reading_again_that_drops_a_sure_words_characters_does_not_replace_it():
    """`12m` boxed as `2m` is read again whole; engines agreeing on less than the sure word under
    the piece (`2` for `2m`) read less than the pass did, and the word stays."""
    ink = np.zeros((120, 300), np.uint8)
    ink[50:70, 100:103] = 255
    ink[50:70, 106:114] = 255
    ink[55:70, 117:130] = 255
    words = [_w("2m", 106, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["12m"], second=_Fixed(["12m"])))
    assert sorted(w.text for w in got) == ["12m", "Ref"]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["2"], second=_Fixed(["2"])))
    assert sorted(w.text for w in got) == ["2m", "Ref"]


def test_a_words_last_glyph_left_outside_its_box_is_still_its_own():
    """`LAC12` boxed over `LAC1`: the `2` a wide-set `1`'s gap after the box is the word's fifth
    character, not ink to read again; the next word, a space away, is not reached."""
    ink = np.zeros((120, 300), np.uint8)
    for x in (100, 110, 120, 130):
        ink[50:70, x : x + 7] = 255
    ink[50:70, 143:150] = 255  # the `2`, 6 pixels past the box
    ink[50:70, 170:185] = 255  # the next word
    words = [_w("LAC12", 100, 50, 137, 70), _w("(val)", 170, 50, 185, 70), _w("Ref", 10, 50, 40, 70)]
    assert unexplained(ink, words) == []
    assert [(b.x0, b.x1) for b in unexplained(ink, [_w("LAC1", 100, 50, 137, 70), *words[1:]])] == [(143, 150)]


def test_letters_the_pass_all_but_rejects_are_specks_but_figures_stay():
    words = [_w("pe", 30, 83, 33, 90, conf=0.0), _w("Robbery", 30, 75, 66, 83), _w("3", 90, 75, 94, 83, conf=0.01)]
    assert [w.text for w in _specks_out(words)] == ["Robbery", "3"]


def test_a_speck_read_as_a_letter_alone_on_its_line_is_no_word():
    """`i` at a fill's corner between two rows would part the table there; a footnote's small
    mark beside its row's words stays."""
    words = [_w("owed", 30, 134, 60, 144), _w("i", 508, 143, 509, 145.7), _w("H02", 30, 150, 50, 158)]
    words += [_w("a", 62, 134, 64, 137)]
    assert [w.text for w in _lone_marks_out(words)] == ["owed", "H02", "a"]


def test_a_column_rule_that_text_stops_inside_a_band_separates_nothing_in_that_row():
    """A navy band of two header rows (a rule between them at 140, the body below): a label
    spanning columns in the top row stops the rule under it mid-row; clipped to the rule at 140,
    it no longer cuts that label. A rule that runs from the band's top edge, one a light line
    across the band stops (a row's border), and one ending with no rule across it to be clipped
    to, stay as found."""
    band = np.zeros((600, 800), bool)
    band[100:180, 50:700] = True
    grey = np.full((600, 800), 245, np.uint8)
    grey[100:180, 50:700] = 50
    grey[110:117, 290:297] = 240  # white letters either side of the rule at 300, over its end
    grey[110:117, 302:310] = 240
    grey[115:117, 420:520] = 240  # a light line across the band over the rule at 470
    flat = (50.0, 140.0, 650.0, 140.0)
    stopped = (300.0, 118.0, 300.0, 400.0)
    full = (200.0, 100.0, 200.0, 400.0)
    lined = (470.0, 118.0, 470.0, 400.0)
    lone = (680.0, 118.0, 680.0, 400.0)
    other = (50.0, 300.0, 560.0, 300.0)
    got = _ends_in_bands([flat, stopped, full, lined, lone, other], band, grey, 300)
    assert got == [flat, (300.0, 140.0, 300.0, 400.0), full, lined, lone, other]


def _lettered_band(fill: int, left: int, right: int) -> tuple[np.ndarray, np.ndarray]:
    """A dark band (rows 100-179) of grey `fill`, with white letters (rows 110-124) ending `left`
    px before and starting `right` px after x 300 and x 400."""
    band = np.zeros((600, 800), bool)
    band[100:180, 50:700] = True
    grey = np.full((600, 800), 245, np.uint8)
    grey[100:180, 50:700] = fill
    for x in (300, 400):
        grey[110:125, x - left - 6 : x - left] = 240
        grey[110:125, x + right : x + right + 6] = 240
    return band, grey


def test_a_column_rule_run_up_through_a_labels_word_gap_to_the_bands_top_edge_stops_under_it():
    """The band's top row holds a label spanning columns (`Benchmark|ing`); the rule from the
    body runs up between two of its letters to the band's top edge, no darker than the fill: it
    is clipped to the rule at 140. A border drawn darker than the fill, letters close beside it
    too, stays."""
    band, grey = _lettered_band(50, 2, 3)
    grey[100:400, 399:402] = 15  # a border drawn over the fill
    flat = (50.0, 140.0, 650.0, 140.0)
    through = (300.0, 100.0, 300.0, 400.0)
    border = (400.0, 100.0, 400.0, 400.0)
    got = _ends_in_bands([flat, through, border], band, grey, 300)
    assert got == [flat, (300.0, 140.0, 300.0, 400.0), border]


def test_a_light_line_drawn_across_a_band_between_two_labels_is_a_border():
    """A band whose cells a light line parts (`Detection rate | Offences`, grey 120 on a fill of
    40), the line's middle two pixels off the rule's x, with white letters close on either side:
    the rule from the body keeps its run up through the band. The same letters either side of a
    plain stretch of fill still clip it."""
    band, grey = _lettered_band(40, 4, 5)
    grey[100:180, 401:404] = 120  # a light line drawn across the band
    flat = (50.0, 140.0, 650.0, 140.0)
    through = (300.0, 100.0, 300.0, 400.0)
    light = (400.0, 100.0, 400.0, 400.0)
    got = _ends_in_bands([flat, through, light], band, grey, 300)
    assert got == [flat, (300.0, 140.0, 300.0, 400.0), light]


def test_a_rule_run_up_through_a_word_space_past_a_doubled_top_edge_stops_under_the_label():
    """A band whose top edge the masks find twice (rules at 104 and 112) holds a label of three
    lines spanning columns; the rule from the body runs up through the space between two of its
    words (`collected|as`, ten pixels at 300 dpi) and through the plain fill above it: it is
    clipped to the rule under the label (at 170). The same space beside a border drawn darker
    than the fill keeps that border."""
    band = np.zeros((600, 800), bool)
    band[100:200, 50:700] = True
    grey = np.full((600, 800), 245, np.uint8)
    grey[100:200, 50:700] = 50
    for x in (300, 400):
        grey[120:132, x - 12 : x - 6] = 240  # words either side, a word space apart
        grey[120:132, x + 4 : x + 10] = 240
    grey[100:400, 399:402] = 15
    edges = [(50.0, 104.0, 650.0, 104.0), (50.0, 112.0, 650.0, 112.0), (50.0, 170.0, 650.0, 170.0)]
    through = (300.0, 100.0, 300.0, 400.0)
    border = (400.0, 100.0, 400.0, 400.0)
    got = _ends_in_bands([*edges, through, border], band, grey, 300)
    assert got == [*edges, (300.0, 170.0, 300.0, 400.0), border]


def test_a_rule_run_up_through_plain_fill_over_a_border_drawn_in_the_band_stops_at_the_border():
    """A band of two rows: a year spanning its months over the months' own cells, whose borders
    are drawn darker than the fill. A column rule from below, drawn through the months' row, ran
    on up through the year's plain fill, cutting the year's cell in two (the months left of the
    cut lost their year): it is clipped to the months' row. A border drawn through both rows
    stays whole, and so does a rule through plain fill in a band that draws no border at all."""
    band = np.zeros((600, 800), bool)
    band[100:180, 50:700] = True
    grey = np.full((600, 800), 245, np.uint8)
    grey[100:180, 50:700] = 55
    grey[140:400, 299:302] = 12  # the months' border, drawn from the year's row down
    grey[100:400, 399:402] = 12  # a border through both rows
    edges = [(50.0, 100.0, 650.0, 100.0), (50.0, 140.0, 650.0, 140.0), (50.0, 180.0, 650.0, 180.0)]
    cut, whole, undrawn = (300.0, 100.0, 300.0, 400.0), (400.0, 100.0, 400.0, 400.0), (500.0, 100.0, 500.0, 400.0)
    got = _ends_in_bands([*edges, cut, whole, undrawn], band, grey, 300)
    assert got == [*edges, (300.0, 140.0, 300.0, 400.0), whole, undrawn]


def test_a_dark_bands_seams_are_no_rules_but_its_borders_that_run_on_below_are():
    """Between a navy header's white labels the masks find dark gaps that look like column rules;
    a grid built on them cuts the labels (`Dece | mber`). A border the column rules below carry
    on is kept."""
    band = np.zeros((600, 800), bool)
    band[100:140, 50:700] = True
    seam = (300.0, 102.0, 300.0, 138.0)
    border = (200.0, 101.0, 200.0, 139.0)
    column_rule = (201.0, 140.0, 201.0, 500.0)
    underline = (50.0, 140.0, 700.0, 140.0)
    beside = (750.0, 100.0, 750.0, 140.0)
    got = _seams_out([seam, border, column_rule, underline, beside], band, 300)
    assert got == [border, column_rule, underline, beside]


def test_one_unsure_word_the_pass_made_of_two_goes_when_both_are_read_again():
    """`2017-2017` over two year labels is centred in the gap between them, under neither
    blob; once both are read, the merged word is gone."""
    ink = np.zeros((120, 300), np.uint8)
    for x in (100, 110, 120, 130, 160, 170, 180, 190):
        ink[50:70, x : x + 7] = 255
    words = [_w("2017-2017", 100, 50, 197, 70, conf=0.3), _w("Ref", 10, 50, 40, 70)]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["2017", "2017"], second=_Fixed(["2017", "2017"])))
    assert sorted(w.text for w in got) == ["2017", "2017", "Ref"]


def test_a_figure_read_with_a_lookalike_stands_where_a_digits_only_reading_agrees():
    """`$26` is `526` when the digits-only reading says so; `1s4` read again as `164` stays as
    read (the caller withholds it); `S43` starts like a reference and is not touched."""
    img = np.full((100, 300), 255, np.uint8)
    words = [
        _w("$26", 10, 40, 40, 60),
        _w("1s4", 60, 40, 90, 60),
        _w("S43", 110, 40, 140, 60),
        _w("12", 160, 40, 180, 60),
    ]
    got = _lookalike_figures(img, words, _Fixed(["526", "164"]))
    assert [w.text for w in got] == ["526", "1s4", "S43", "12"]


def test_a_months_year_broken_in_two_is_one_word_but_a_label_and_its_figure_stay_two():
    """`Jun-1` `7` a hair apart is `Jun-17`; `Jun` and a figure a column away are two words."""
    words = [_w("Jun-1", 40, 100, 62, 107), _w("7", 63, 100.8, 66, 107.6), _w("993", 120, 100, 135, 107)]
    words += [_w("Jun", 40, 120, 52, 127), _w("12", 90, 120, 98, 127)]
    assert [w.text for w in _joined_years(words)] == ["Jun-17", "993", "Jun", "12"]


def test_a_band_is_found_at_every_resolution():
    """A header band 14 points high is 30 px at 150 dpi, thinner than the 41 px a 300-dpi scan's
    neighbourhood takes: the neighbourhood is as wide on the page at every resolution."""
    page = np.full((300, 600), 245, np.uint8)
    page[100:130, 50:550] = 60
    for x in range(100, 500, 12):
        page[106:124, x : x + 3] = 235  # the white labels' strokes
    mask = band_mask(page, dpi=150)
    assert mask[100:130, 60:540].all()
    assert not mask[:96].any() and not mask[134:].any()
    assert clean_for_ocr(page, np.zeros_like(page), np.zeros_like(page), dpi=150)[115, 101] < 100


def test_a_bands_blurred_border_leaves_no_box_round_the_header():
    """A scan greys the paper round a band and lightens the band's outermost pixels; inverted,
    they were a box round the header whose sides read as `[`, `|` or `i`. They are paper; the
    band's ground and its white letters inside are not."""
    page = np.full((300, 600), 245, np.uint8)
    page[100:140, 50:550] = 55
    page[99, 50:550] = page[140, 50:550] = 170  # the blur just outside
    page[100:140, 50] = page[100:140, 549] = 130  # the band's own edge, half lightened
    page[110:130, 100:104] = 235  # a white letter's stem
    band = np.zeros(page.shape, bool)
    band[100:140, 50:550] = True
    edge = _blurred_edge(page, band, 300)
    assert edge[100:140, 50].all() and edge[100:140, 549].all()
    assert edge[99, 60:540].all() and edge[140, 60:540].all()
    assert not edge[101:139, 51:549].any()


def test_print_set_close_over_a_band_keeps_its_feet():
    """A caption's letters end a pixel or two over the band (`16-17` over a benchmark band): the
    ring's pixels under a stroke that reaches out of the ring are print, not the band's blur."""
    page = np.full((300, 600), 245, np.uint8)
    page[100:140, 50:550] = 55
    page[80:99, 200:204] = 120  # a light stem of small print, its foot in the ring
    band = np.zeros(page.shape, bool)
    band[100:140, 50:550] = True
    edge = _blurred_edge(page, band, 300)
    assert not edge[90:100, 200:204].any()
    assert edge[95:100, 300:400].all()


def test_dark_print_on_a_mid_grey_fill_is_no_band():
    """`Red` in bold dark red on a grey RAG column: dark on average where the word stands, but
    its print is darker than its ground, so it is not inverted (it came out white on white)."""
    page = np.full((300, 600), 245, np.uint8)
    page[40:240, 300:360] = 145  # the grey column
    for y in (60, 120, 180):
        for x in range(305, 355, 4):
            page[y : y + 31, x : x + 2] = 30  # a bold word's strokes, close set
    assert not band_mask(page, 300)[40:240, 300:360].any()


def test_a_tables_frame_does_not_keep_the_blur_round_its_band():
    """The frame's rules run from the band's blurred edge on down the page: they reach out of the
    ring, but they are rules, not print, and keep none of it."""
    page = np.full((300, 600), 245, np.uint8)
    page[100:140, 50:550] = 55
    page[97:100, 50:550] = page[140:143, 50:550] = 170  # the blur just outside
    page[97:290, 48:51] = page[97:290, 549:552] = 60  # the frame's sides
    band = np.zeros(page.shape, bool)
    band[100:140, 50:550] = True
    rules = np.zeros(page.shape, bool)
    rules[97:290, 47:53] = rules[97:290, 548:554] = True
    assert _blurred_edge(page, band, 300, rules)[97:100, 60:540].all()


def test_a_band_with_black_rules_and_white_print_is_a_band():
    """Black column rules and a little white print: more of the band is darker than its ground
    than lighter (a percentile of each says nothing), but the white print makes it a band."""
    page = np.full((300, 600), 245, np.uint8)
    page[100:140, 50:550] = 53
    for x in range(100, 550, 25):
        page[100:140, x : x + 2] = 0  # its column rules, black
    page[115:125, 60:540:10] = 255  # a little white print
    assert band_mask(page, 300)[102:138, 60:540].all()


def test_a_words_box_is_cut_down_to_the_rows_its_ink_fills():
    """A header's `20` boxed down to a band's blurred edge, blank paper under its glyphs, would
    make its line look set larger than the body it heads; a box with no ink stays as it is."""
    ink = np.zeros((100, 100), np.uint8)
    ink[20:42, 10:30] = 255
    tall, blank = _w("20", 8, 10, 32, 60), _w("c", 60, 10, 70, 60)
    got = _to_ink([tall, blank], ink)
    assert [(w.top, w.bottom) for w in got] == [(20.0, 42.0), (10, 60)]


def _two_line_title() -> tuple[np.ndarray, Word]:
    """A band title wrapped in two lines set tight (rows 20-43 and 48-71, a blank of 4 rows),
    with the engine's box for the first line's word run down over the second line's word."""
    ink = np.zeros((100, 200), np.uint8)
    ink[20:44, 10:150] = 255
    ink[48:72, 90:150] = 255
    return ink, _w("Benchmarking", 10, 18, 150, 72)


def test_a_box_run_down_over_the_next_line_is_cut_to_its_own():
    ink, tall = _two_line_title()
    (got,) = _to_ink([tall], ink)
    assert (got.top, got.bottom) == (20.0, 44.0)


def test_the_second_line_of_a_title_under_a_tall_box_is_read_again():
    """The sparse pass boxed `Benchmarking` down over `data)` and dropped it: cut to its ink first,
    the box leaves the second line's ink unexplained, and both engines' reading of it is added."""
    ink, tall = _two_line_title()

    class _Pass(_Fixed):
        def words(self, image):
            return [tall]

    eng = _Pass(["data)"], second=_Fixed(["data)"]))
    blank = np.zeros_like(ink)
    got = _sparse_words((255 - ink, 0, 0), blank, blank, eng, 1.0)
    assert sorted(w.text for w in got) == ["Benchmarking", "data)"]


def test_a_words_box_is_cut_to_its_own_ink_not_the_next_lines_or_the_next_words():
    """A blurred `Apr` boxed by the engine over the `May` and `Jun` it read apart, and down into
    the next line's glyphs: boxes of one line that share ink would make one phrase of three
    month headers, and a taller box a larger face. Each box ends at its own ink."""
    ink = np.zeros((100, 200), np.uint8)
    for x0 in (10, 50, 90):  # Apr, May, Jun
        ink[20:32, x0 : x0 + 24] = 255
    ink[44:50, 50:70] = 255  # the top of the next line's figure, under `May`
    ink[16:18, 60:62] = 255  # a dot close over `May`: its own
    words = [_w("Apr", 8, 18, 118, 34), _w("May", 48, 14, 76, 52), _w("Jun", 88, 18, 118, 34)]
    got = [(w.x0, w.top, w.x1, w.bottom) for w in _to_ink(words, ink)]
    assert got == [(10.0, 20.0, 34.0, 32.0), (50.0, 16.0, 74.0, 32.0), (90.0, 20.0, 114.0, 32.0)]


def test_a_cells_label_words_glued_by_the_reading_are_parted_on_the_page():
    """A cell read `asa` where its ink prints `as a`: the page gets `as` and `a`, in points."""
    from PIL import Image, ImageDraw, ImageFont

    from scorekit.extract.ocr import _cell_words
    from scorekit.extract.ocr.cellread import CellReading
    from scorekit.extract.ocr.layout import CellImage

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 38)
    img = Image.new("L", (220, 60), 255)
    ImageDraw.Draw(img).text((10, 5), "as a", font=font, fill=0)
    image = np.asarray(img)
    cols, rows = np.flatnonzero((image < 128).any(axis=0)), np.flatnonzero((image < 128).any(axis=1))
    read = Word("asa", float(cols[0]), float(rows[0]), float(cols[-1] + 1), float(rows[-1] + 1), True, 0.9)
    got = _cell_words(CellReading(CellImage(0, 0, 100, 200, image), [read]), 0.5)
    assert [w.text for w in got] == ["as", "a"]
    assert got[0].x0 == (100 + cols[0]) * 0.5 and got[0].x1 < got[1].x0


class _ByMode(OcrEngine):
    """An engine that reads a crop one way as a line of text and another as a figure."""

    def __init__(self, as_text: str, as_figure: str, second: OcrEngine | None = None):
        self.as_text, self.as_figure, self.second = as_text, as_figure, second
        self.figure_sizes: list[tuple[int, int]] = []

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        if numeric:
            self.figure_sizes += [im.shape for im in images]
        text = self.as_figure if numeric else self.as_text
        return [[Word(text, 0, 0, 5, 5, True, 0.9)] if text else [] for _ in images]


def test_a_figure_the_engines_read_apart_is_read_again_as_a_figure_enlarged():
    """A coarse scan's `30` read as a line `x` by the first engine and `30` by the second: read
    again as a figure, twice the size, the first agrees and the figure is added."""
    ink, words = _inked()
    first = _ByMode("x", "30", second=_Fixed(["30"]))
    got = reread_unexplained(255 - ink, ink, words, first)
    assert sorted(w.text for w in got) == ["123", "30", "Ref"]
    height, crop_h = first.figure_sizes[0][0], 20 + 2 * 6
    assert height == 2 * crop_h


def test_a_figure_read_again_that_still_disagrees_adds_nothing():
    ink, words = _inked()
    got = reread_unexplained(255 - ink, ink, words, _ByMode("x", "3", second=_Fixed(["30"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]


def _one_letter() -> tuple[np.ndarray, list[Word]]:
    """One glyph's ink (a suppression code's `c`) at x 200-212 beside a figure the pass read."""
    ink = np.zeros((120, 300), np.uint8)
    ink[50:70, 100:130] = 255
    ink[55:70, 200:212] = 255
    return ink, [_w("123", 100, 50, 130, 70), _w("Ref", 10, 50, 40, 70)]


def test_a_lone_letter_one_engine_read_twice_over_one_glyph_is_the_letter_once():
    ink, words = _one_letter()
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["Cc"], second=_Fixed(["c"])))
    assert sorted(w.text for w in got) == ["123", "Ref", "c"]
    got = reread_unexplained(255 - ink, ink, words, _Fixed(["11"], second=_Fixed(["1"])))
    assert sorted(w.text for w in got) == ["123", "Ref"]  # figures stay apart


def test_a_word_of_one_letter_twice_over_one_glyphs_ink_is_that_letter():
    from scorekit.extract.ocr.inkwords import letters_read_once

    ink, _ = _one_letter()
    ink[55:70, 215:227] = 255  # a second glyph after the first
    one, two = _w("Cc", 198, 50, 213, 70), _w("cc", 198, 50, 228, 70)
    assert [w.text for w in letters_read_once([one, two, _w("11", 198, 50, 213, 70)], ink)] == ["c", "cc", "11"]


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 90), st.integers(1, 40), st.integers(1, 40)), max_size=4),
)
def test_bands_inverted_box_by_box_match_the_whole_page_inverted(seed, boxes):
    page = np.random.default_rng(seed).integers(0, 256, (80, 100), dtype=np.uint8)
    band = np.zeros(page.shape, bool)
    for x, y, w, h in boxes:
        band[y : y + h, x : x + w] = True
    whole = np.where(band, _inverted(page), page).astype(np.uint8)
    assert np.array_equal(_bands_inverted(page, band), whole)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ab", "7", "-", "|", "x1"]), st.integers(0, 200), st.integers(1, 30))))
def test_marks_alone_on_their_line_are_found_among_near_words_as_among_all(specs):
    words = [
        Word(t, 10.0 * i, float(top), 10.0 * i + 8, float(top + h), True, 0.9) for i, (t, top, h) in enumerate(specs)
    ]
    texts = [w for w in words if any(ch.isalnum() for ch in w.text)]
    heights = sorted(w.bottom - w.top for w in texts)
    small = 0.5 * heights[len(heights) // 2] if heights else 0.0

    def beside(w):
        return any(
            o is not w and min(o.bottom, w.bottom) - max(o.top, w.top) >= 0.5 * min(o.bottom - o.top, w.bottom - w.top)
            for o in texts
        )

    kept = [w for w in words if beside(w) or (w in texts and w.bottom - w.top >= small)]
    assert _lone_marks_out(words) == kept
