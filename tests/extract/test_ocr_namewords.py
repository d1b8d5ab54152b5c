"""A word of a name no list holds in lower case, read again by the second engine."""

import numpy as np

from scorekit.extract.ocr.namewords import names_read_again
from scorekit.extract.page import Word

from .answering_engine import Answers, WithSecond


def _words(*texts: str) -> list[Word]:
    return [Word(t, 10.0 + 30 * i, 20.0, 35.0 + 30 * i, 30.0, True, 0.95) for i, t in enumerate(texts)]


def test_a_sure_misread_word_is_the_listed_word_the_second_engine_reads():
    page = np.full((200, 800), 255, np.uint8)
    second = Answers(["rate", "Thurrock"])
    got = names_read_again(page, _words("detection", "tate", "in", "Thurrock", "EHPS"), WithSecond(second), 0.5)
    assert [w.text for w in got] == ["detection", "rate", "in", "Thurrock", "EHPS"]
    assert second.crops == 2  # `tate` (a name in the list, not a lower-case word) and the place name


def test_the_word_stays_where_the_second_engine_reads_it_alike_or_there_is_none():
    page = np.full((200, 800), 255, np.uint8)
    words = _words("tate", "chid")
    assert names_read_again(page, words, WithSecond(Answers(["tate"])), 0.5) == words
    assert names_read_again(page, words, WithSecond(None), 0.5) == words
