"""References a sparse pass read with a letter for a digit, read again by the second engine."""

import numpy as np

from scorekit.extract.ocr.refwords import lookalike_refs
from scorekit.extract.page import Word

from .answering_engine import Answers, WithSecond


def _words(*texts: str) -> list[Word]:
    return [Word(t, 10 + 60 * i, 20, 60 + 60 * i, 40, True, 0.93) for i, t in enumerate(texts)]


def test_a_reference_read_with_a_letter_for_its_digit_is_the_digit_where_the_second_engine_reads_it():
    page = np.full((60, 400), 255, np.uint8)
    second = Answers(["EH5-OL", "MS"])
    out = lookalike_refs(page, _words("EHS-OL", "Number", "MS", "of"), WithSecond(second))
    assert [w.text for w in out] == ["EH5-OL", "Number", "MS", "of"]  # `MS`: the second engine read the letter
    assert out[0].conf == 0.93 and second.asked[0][:2] == (2, True)  # only the two repairable words, as lines


def test_nothing_is_repaired_without_a_second_engine_or_on_its_repaired_reading():
    page = np.full((60, 400), 255, np.uint8)
    words = _words("EHS-OL", "CINS")
    assert lookalike_refs(page, words, WithSecond(None)) == words
    assert [w.text for w in lookalike_refs(page, words, WithSecond(Answers(["EHS-OL", "CIN 5"])))] == ["EHS-OL", "CIN5"]
