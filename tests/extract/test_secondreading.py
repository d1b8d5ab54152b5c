"""A scanner's invisible layer as a second reading of our OCR's words, on words built in the test."""

from scorekit.extract.page import Word
from scorekit.extract.secondreading import known, second_reading
from scorekit.extract.textquality import dictionary

WORDS = frozenset({"number", "of", "adoptions", "period", "loaves", "leaver", "children", "end"})


def _line(texts: list[str], top: float = 100.0, shift: float = 0.0) -> list[Word]:
    out, x = [], 40.0
    for t in texts:
        out.append(Word(t, x + shift, top + shift, x + shift + 6 * len(t), top + shift + 8))
        x += 6 * len(t) + 5
    return out


def test_an_unknown_word_takes_the_close_english_word_the_layer_reads_over_it():
    ours = _line(["Number", "of", "adoppons", "penod"])
    layer = _line(["Number", "ot", "adoptions", "period"], shift=1.5)  # roughly on the ink
    assert [w.text for w in second_reading(ours, layer, WORDS)] == ["Number", "of", "adoptions", "period"]
    assert [w.x0 for w in second_reading(ours, layer, WORDS)] == [w.x0 for w in ours]  # our boxes stay


def test_figures_references_and_known_words_stay_as_we_read_them():
    ours = _line(["4S", "CIN5", "Calderdale", "number", "UASC"])
    layer = _line(["45", "CINS", "Calendar", "numbers", "USA"])
    assert [w.text for w in second_reading(ours, layer, WORDS)] == ["4S", "CIN5", "Calderdale", "number", "UASC"]


def test_a_shorter_or_distant_or_misplaced_reading_is_no_repair():
    words = WORDS - {"leaver"}
    ours = _line(["Leavers", "chldrn"])
    assert [w.text for w in second_reading(ours, _line(["loaves", "cheese"]), words)] == ["Leavers", "chldrn"]
    below = _line(["Leavers", "children"], top=130.0)
    assert [w.text for w in second_reading(ours, below, words)] == ["Leavers", "chldrn"]
    assert [w.text for w in second_reading(ours, _line(["Leavers", "children"]), words)] == ["Leavers", "children"]


def test_an_inflection_of_a_listed_word_is_known():
    assert known("Leavers", WORDS)
    assert known("adoptions", dictionary())
    assert not known("adoppons", dictionary())


def test_a_compound_with_a_misread_part_takes_the_layers_compound_of_known_words():
    """`semi-nuepencent` under the layer's `semi-independent`: a word list holds the parts, not
    every compound; a compound whose parts are all known stays as we read it."""
    words = WORDS | {"semi", "independent", "including", "re", "referrals"}
    ours = _line(["including", "semi-nuepencent", "re-referrals"])
    layer = _line(["including", "\u2018semi-independent", "re-reterrals"])
    assert [w.text for w in second_reading(ours, layer, words)] == ["including", "semi-independent", "re-referrals"]


def test_the_layer_of_a_skewed_scan_is_moved_onto_our_straightened_reading():
    """We read the page turned upright; the layer sits on it as scanned, two degrees off, so
    a word far from the page's centre has no layer word over it until the words both read alike
    map one frame onto the other."""
    import math

    texts = ["Number", "placed", "within", "months", "children", "families", "adoptions"]
    ours = [w for k, t in enumerate(texts) for w in _line([t, "penod"], top=80.0 + 40 * k)]
    turn = math.radians(2.0)

    def scanned(w: Word) -> Word:
        x, y = w.xc - 600, w.yc - 400  # the centre of a landscape page, the words at its left
        dx = x * math.cos(turn) - y * math.sin(turn) + 600 - w.xc
        dy = x * math.sin(turn) + y * math.cos(turn) + 400 - w.yc
        text = "period" if w.text == "penod" else w.text
        return Word(text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy)

    layer = [scanned(w) for w in ours]
    assert all(abs(a.yc - b.yc) > 12 for a, b in zip(layer, ours, strict=True))  # a line and a half off
    got = second_reading(ours, layer, WORDS)
    assert [w.text for w in got if w.text in ("penod", "period")] == ["period"] * len(texts)
