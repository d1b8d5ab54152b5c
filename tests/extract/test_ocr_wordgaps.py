"""A word the engine glued across a printed space is split where its ink shows the space, in the
faces the corpus prints and at 150 to 300 dpi; letters and digits set close, and wide-set `1`s,
stay one word."""

import numpy as np
import pytest

from scorekit.extract.ocr.image import binarise
from scorekit.extract.ocr.wordgaps import split_glued
from scorekit.extract.page import Word

FACES = [
    "liberation/LiberationSans-Regular.ttf",
    "liberation/LiberationSerif-Regular.ttf",
    "liberation/LiberationSansNarrow-Regular.ttf",
    "dejavu/DejaVuSans.ttf",
]


def _printed(text: str, face: str, dpi: int) -> tuple[np.ndarray, Word]:
    """`text` printed at 9 pt and scanned at `dpi`, and a reading of it with its spaces left out,
    boxed round its ink as the page reader boxes words."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(f"/usr/share/fonts/truetype/{face}", round(9 * dpi / 72))
    img = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(img).text((20, 30), text, font=font, fill=0)
    ink = binarise(np.asarray(img))
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    word = Word(text.replace(" ", ""), cols[0], rows[0], cols[-1] + 1, rows[-1] + 1, True, 0.6)
    return ink, word


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("text", ["H 01", "H 07", "AC 12", "LAC 3", "LAC 12", "cs 11"])
def test_a_reference_printed_with_a_space_is_split_at_it(text, face, dpi):
    ink, word = _printed(text, face, dpi)
    got = split_glued([word], ink)
    assert [w.text for w in got] == text.split(" ")
    assert got[0].x1 < got[1].x0 and got[0].x0 == word.x0 and got[1].x1 == word.x1


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize(
    "text",
    ["SP10", "H01", "W11", "REV12", "HN14", "LAC1", "LAC12", "cs11", "CP2b", "CP2b%", "56%", "15%", "M11", "2024"],
)
def test_letters_and_digits_set_close_stay_one_word(text, face, dpi):
    ink, word = _printed(text, face, dpi)
    assert [w.text for w in split_glued([word], ink)] == [text]


def test_a_space_before_a_percent_sign_is_put_back():
    ink, word = _printed("CP2b %", FACES[3], 300)
    assert [w.text for w in split_glued([word], ink)] == ["CP2b", "%"]


def test_no_space_after_letters_a_prefix_rarely_ends_in():
    """`REVO7`: the `O` is as likely a blurred `0` (`prefix_end` in the vocabulary)."""
    ink, word = _printed("REVO 7", FACES[0], 300)
    assert [w.text for w in split_glued([word], ink)] == ["REVO7"]
    ink, word = _printed("REV 7", FACES[0], 300)
    assert [w.text for w in split_glued([word], ink)] == ["REV", "7"]


@pytest.mark.parametrize("face", [*FACES, "dejavu/DejaVuSans-Bold.ttf"])
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("text", ["to a", "as a", "re-let a", "in a"])
def test_two_words_glued_into_one_the_word_list_lacks_are_parted_at_the_space(text, face, dpi):
    """Not in a narrow face at 200 dpi after a `t`: its space is as narrow as a bold face's letters
    stand apart (`WORD_GAP`), and that reading stays glued."""
    ink, word = _printed(text, face, dpi)
    narrow_t = "Narrow" in face and dpi == 200 and "t a" in text
    assert [w.text for w in split_glued([word], ink)] == ([word.text] if narrow_t else text.split(" "))


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("dpi", [150, 200, 300])
@pytest.mark.parametrize("text", ["percentage", "households", "Thurrock", "Tameside", "Yarm", "re-lets"])
def test_a_word_set_close_is_never_parted_between_letters(text, face, dpi):
    ink, word = _printed(text, face, dpi)
    assert [w.text for w in split_glued([word], ink, figures=False)] == [text]


def test_letters_glued_into_no_two_listed_words_stay_as_read():
    """Between letters a blank alone says nothing (a broken glyph leaves one): without the word
    list's say, `xq zv` read `xqzv` stays as read."""
    ink, word = _printed("xq zv", FACES[0], 300)
    assert [w.text for w in split_glued([word], ink)] == ["xqzv"]


def test_a_lone_capital_is_no_word_of_its_own():
    """`Yarm` printed with a wide `Y` overhang reads as a name, not `Y arm`."""
    ink, word = _printed("Y arm", FACES[0], 300)
    assert [w.text for w in split_glued([word], ink)] == ["Yarm"]


def test_a_reading_that_does_not_map_onto_its_ink_is_left_alone():
    ink, word = _printed("H 01", FACES[0], 300)
    assert split_glued([Word("H0", word.x0, word.top, word.x1, word.bottom)], ink)[0].text == "H0"
    assert split_glued([Word("H 01", word.x0, word.top, word.x1, word.bottom)], ink)[0].text == "H 01"
    assert split_glued([Word("H-01", word.x0, word.top, word.x1, word.bottom)], ink)[0].text == "H-01"


def test_a_speck_inside_a_words_box_is_no_letter():
    ink, word = _printed("of", FACES[0], 200)  # its two letters touch
    top, x0 = int(word.top), int(word.x0)
    ink[top + 12 : top + 15, x0 - 12 : x0 - 9] = 255  # a scan's speck, boxed with the word
    specked = Word("of", x0 - 12, word.top, word.x1, word.bottom)
    assert [w.text for w in split_glued([specked], ink)] == ["of"]


def _blocks(text: str, gaps: list[int]) -> tuple[np.ndarray, Word]:
    """A word's ink as letter-wide blocks 28 px tall, one a letter, set `gaps` px apart in turn."""
    ink = np.zeros((60, 400), np.uint8)
    x = 10
    for k in range(len(text)):
        ink[10:38, x : x + 14] = 255
        x += 14 + (gaps[k] if k < len(gaps) else 0)
    return ink, Word(text, 10, 10, x, 38, True, 0.9)


def test_a_glued_word_whose_widest_blank_stands_out_is_parted_there():
    ink, word = _blocks("numberof", [2, 2, 2, 2, 2, 12, 2])
    assert [w.text for w in split_glued([word], ink, figures=False)] == ["number", "of"]


def test_a_coarse_scans_word_with_several_blanks_as_wide_is_left_whole():
    """At 150 dpi a word's glyphs break and stand apart (`caseholder` shows four blanks a third of
    its height wide): where the word list would part it the blank is no wider than the others."""
    ink, word = _blocks("numberof", [2, 10, 2, 2, 11, 10, 2])
    assert [w.text for w in split_glued([word], ink, figures=False)] == ["numberof"]


def test_two_listed_words_neither_a_short_word_a_space_loses_stay_one():
    """`Qtr` is no `Qt r`, nor `caseholder` a `case holder`: one part must be a glued short word."""
    for text, gaps in (("Qtr", [2, 12]), ("caseholder", [2, 2, 2, 12, 2, 2, 2, 2, 2])):
        ink, word = _blocks(text, gaps)
        assert [w.text for w in split_glued([word], ink, figures=False)] == [text]
