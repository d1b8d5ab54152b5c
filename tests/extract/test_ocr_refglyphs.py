"""A reference's digits read against the page's own print (`ocr.refglyphs`), on cells set in a
face office suites print scorecards in, scanned soft."""

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.inkfit import fit_page
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.ocr.pagefont import Figure, PageFont
from scorekit.extract.ocr.refglyphs import AGREED, Glyph, check_refs, ink_words, printed_digits
from scorekit.extract.page import Word
from scorekit.extract.schema import REF_CONTESTED

from .answering_engine import Answers, WithSecond
from .test_ocr_fixtures import figure

FACE = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"
PX = 42  # 10 points at 300 dpi


def _cell(text: str, kerned: int = 0) -> np.ndarray:
    """`text` set at 300 dpi and blurred as a scan blurs it; its first `kerned` letters set a
    third of a digit closer together, touching as a kerned `LA` does."""
    face = ImageFont.truetype(FACE, PX)
    img = Image.new("L", (round(face.getlength(text)) + 24, PX + 16), 255)
    x = 12.0
    for k, ch in enumerate(text):
        ImageDraw.Draw(img).text((x, 6), ch, font=face, fill=0)
        x += face.getlength(ch) - (PX / 6 if k + 1 < kerned else 0)
    return np.asarray(img.filter(ImageFilter.GaussianBlur(0.8)))


def _font() -> PageFont:
    texts = [str(n) for k in range(40) for n in [(k * 7919) % 10 ** (1 + k % 4)]]
    imgs = [_cell(t) for t in texts]
    height = PX * 0.62
    spans = [figure(i, height) for i in imgs]
    fit = fit_page([(s[1] - s[0], t) for s, t in zip(spans, texts, strict=True)])
    assert fit is not None
    font = PageFont.learn([(Figure.cut(i, s, fit), t) for i, s, t in zip(imgs, spans, texts, strict=True)], fit)
    assert font is not None
    return font


FONT = _font()


def _reading(printed: str, read: str, conf: float = 0.9) -> CellReading:
    img = _cell(printed)
    h, w = img.shape
    return CellReading(CellImage(0, 0, 0, 0, img), [Word(read, 0, 0, w, h, True, conf)])


def test_the_print_names_the_digit_a_sure_reading_mistook():
    assert printed_digits(_cell("LAC9 (val)"), "LAC5 (val)", FONT) == [Glyph(3, "5", "9")]
    assert printed_digits(_cell("CP38"), "CP36", FONT) == [Glyph(3, "6", "8"), Glyph(2, "3", "3")]


def test_kerned_capitals_do_not_move_the_digits_matched_from_the_right():
    """`LA` sets as one run of ink; the digits at the word's end are still each their glyph."""
    img = _cell("LAC14", kerned=3)
    assert len(ink_words(img, 1)[0]) < len("LAC14")
    got = printed_digits(img, "LAC14", FONT)
    assert [(g.index, g.printed) for g in got] == [(4, "4"), (3, "1")]


def test_a_reading_that_lost_a_space_still_matches_its_digits_from_the_right():
    assert printed_digits(_cell("LAC9 (val)"), "LAC5(val)", FONT) == [Glyph(3, "5", "9")]


def test_blanks_no_wider_than_the_rest_part_no_words():
    img = np.full((20, 60), 255, np.uint8)
    for x in (2, 16, 30, 44):
        img[4:16, x : x + 10] = 0  # four glyphs four pixels apart
    assert [len(w) for w in ink_words(img, 1) or []] == [4]
    assert ink_words(img, 2) is None
    img[4:16, 44:54] = 255
    img[4:16, 50:58] = 0  # the last ten pixels off: a space
    assert [len(w) for w in ink_words(img, 2) or []] == [3, 1]


def _column() -> list[CellReading]:
    """References the print reads as the engines did: what makes it trusted to contest one."""
    return [_reading(t, t) for t in ("AB12", "AB34", "AB56 (val)", "AB78")]


def test_a_digit_the_print_and_the_second_engine_agree_on_replaces_the_reading():
    r = _reading("LAC9 (val)", "LAC5 (val)")
    second = Answers(["LAC9 (val)"])
    assert check_refs([*_column(), r], lambda: FONT, WithSecond(second)) == 1
    assert [(w.text, w.conf, w.note) for w in r.words] == [("LAC9 (val)", AGREED, "")]


def test_a_digit_the_print_contests_and_nothing_settles_is_noted_contested():
    r = _reading("LAC9", "LAC5")
    assert check_refs([*_column(), r], lambda: FONT, WithSecond(Answers(["LAC5"]))) == 0
    assert [(w.text, w.note) for w in r.words] == [("LAC5", REF_CONTESTED)]


def test_a_print_that_reads_the_columns_other_digits_otherwise_contests_nothing():
    """A 150-dpi scan's bold references, which the figures' templates read as other digits
    throughout: the print does not model their face, and no reference is withheld on its word."""
    column = [_reading(printed, read) for printed, read in (("AB12", "AB47"), ("AB34", "AB36"), ("AB56", "AB56"))]
    r = _reading("LAC9", "LAC5")
    second = Answers([])
    assert check_refs([*column, r], lambda: FONT, WithSecond(second)) == 0
    assert second.crops == 0 and all(w.note == "" for x in [*column, r] for w in x.words)


def test_a_letter_stands_unless_the_second_engine_reads_the_digit():
    for second, want in (("FMO11", ("FMO11", "")), ("FM011", ("FM011", ""))):
        r = _reading("FM011", "FMO11")
        check_refs([r], lambda: FONT, WithSecond(Answers([second])))
        assert [(w.text, w.note) for w in r.words] == [want]


def test_readings_the_print_agrees_with_are_not_read_again():
    second = Answers([])
    readings = [_reading(t, t) for t in ("LAC9 (val)", "CP3-QL", "M1", "EH14b", "Ref", "Front Door")]
    assert check_refs(readings, lambda: FONT, WithSecond(second)) == 0
    assert second.crops == 0 and all(w.note == "" for r in readings for w in r.words)


def test_letters_the_print_takes_for_digits_are_read_again_only_where_they_make_a_reference():
    """`CINS` for `CIN5` is read again (and taken where the second engine reads `CIN5`); the
    `o`s of a heading in the column, which the print may take for zeros, are not."""
    r = _reading("CIN5", "CINS")
    assert check_refs([r], lambda: FONT, WithSecond(Answers(["CIN5"]))) == 1
    assert [w.text for w in r.words] == ["CIN5"]
    second = Answers([])
    check_refs([_reading("Good Outcomes", "Good Outcomes")], lambda: FONT, WithSecond(second))
    assert second.crops == 0


def test_without_the_print_a_lookalike_before_the_number_is_the_digit_where_the_second_engine_reads_it():
    """A page of three rows has too few figures to learn its print: `FMO11` is read again, and
    is `FM011` where the second engine reads that; `YO2` read again as `YO2` stays."""
    r = _reading("FM011", "FMO11")
    assert check_refs([r], lambda: None, WithSecond(Answers(["FM011"]))) == 1
    assert [w.text for w in r.words] == ["FM011"]
    r = _reading("YO2", "YO2")
    assert check_refs([r], lambda: None, WithSecond(Answers(["YO2"]))) == 0
    assert [(w.text, w.note) for w in r.words] == [("YO2", "")]
    second = Answers([])
    check_refs([_reading(t, t) for t in ("LAC10 (%)", "EHI-QL", "M1")], lambda: None, WithSecond(second))
    assert second.crops == 0
