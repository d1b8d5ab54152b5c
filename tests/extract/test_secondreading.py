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
