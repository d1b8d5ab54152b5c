"""Arrows the sparse pass left unread: ink no word explains, a letter tall and shaped as an
arrow, is that arrow; ink a word's box covers, a speck, and a plain stroke are not."""

import numpy as np

from scorekit.extract.ocr.loosearrows import loose_arrows
from scorekit.extract.page import Word

# A 300-dpi scan's upward arrow, 21 pixels long: its head two pixels wider than its shaft.
WIDTHS = [2, 3, 5, 6, 5, 5, 4, 3, 3, 3, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4, 3]


def _page() -> tuple[np.ndarray, list[Word]]:
    """A line of a word (`1234`, boxed) and three unread marks: an arrow, a plain bar, a speck."""
    img = np.full((80, 300), 255, np.uint8)
    img[30:50, 20:70] = 0  # the word's ink
    for k, w in enumerate(WIDTHS):
        img[29 + k, 150 - w // 2 : 150 - w // 2 + w] = 0  # the arrow
    img[29:50, 200:204] = 0  # a plain stroke, as tall
    img[40:43, 250:253] = 0  # a speck
    return img, [Word("1234", 20, 30, 70, 50, True, 0.95)]


def test_unexplained_ink_shaped_as_an_arrow_is_read_as_one():
    img, words = _page()
    got = loose_arrows(img, (img < 128).astype(np.uint8) * 255, words)
    assert [(w.text, w.x0, w.top) for w in got] == [("↑", 147.0, 29.0)]


def test_ink_a_word_explains_is_left_to_it():
    img, words = _page()
    words.append(Word("t", 145, 28, 156, 51, True, 0.4))
    assert loose_arrows(img, (img < 128).astype(np.uint8) * 255, words) == []


def test_a_page_of_no_words_gives_no_marks():
    img, _ = _page()
    assert loose_arrows(img, (img < 128).astype(np.uint8) * 255, []) == []
