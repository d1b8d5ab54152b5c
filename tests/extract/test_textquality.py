"""Letters that are not words: a text layer whose codes were shifted reads as capitals and
digits shaped like references, and only a dictionary tells it from real text."""

import pypdfium2 as pdfium
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scorekit.extract.router import WORDLIKE_TEXT
from scorekit.extract.textquality import quality

from ..conftest import BORN_DIGITAL, pdf


def _pages(name: str) -> list[str]:
    doc = pdfium.PdfDocument(pdf(name))
    try:
        out = []
        for page in doc:
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
        return out
    finally:
        doc.close()


PAGES = [(name, i, text) for name in BORN_DIGITAL for i, text in enumerate(_pages(name), start=1)]


def _shift(text: str, k: int) -> str:
    """What an extractor reads when a font's codes sit `k` away from the characters they draw."""
    return "".join(chr(ord(c) + k) if c.isascii() and c.isalpha() else c for c in text)


@pytest.mark.parametrize("name,page,text", PAGES, ids=[f"{n}-p{i}" for n, i, _ in PAGES])
def test_real_pages_are_words(name, page, text):
    assert not quality(text).letters_not_words


def test_a_table_of_chemical_names_is_words():
    """Few of these are in an English dictionary, all are in the order of English letters."""
    names = (
        "hexachlorocyclohexane Alachlor Aldrin Atrazine Chlordane Chlordecone Chlorfenvinphos Chlorpyrifos "
        "Diuron Endosulphan Endrin Heptachlor Isodrin Isoproturon Lindane Mirex Simazine Toxaphene "
        "Tributylin Trifluralin Triphenyltin trichloroethane tetrachloroethane dichloroethane"
    )
    assert not quality(names).letters_not_words


def test_the_shifted_title_of_the_issue_is_letters_not_words():
    text = "3HUIRUPDQFH VFRUHFDUG " * 3 + " ".join(w for _, _, t in PAGES[:1] for w in _shift(t, -29).split())
    q = quality(text)
    assert q.letters_not_words and q.plausibility < -6


def test_a_word_repeated_down_a_table_is_one_piece_of_evidence():
    q = quality("Children in care " * 30)
    assert q.long_words == 2


_NUMBERS_PAGE = next(p for p in PAGES if p[:2] == ("agenda-2023-11", 12))


@settings(max_examples=40, deadline=None)
@example(k=11, page=_NUMBERS_PAGE)  # five distinct words, repeated: too little to tell
@example(k=-21, page=_NUMBERS_PAGE)
@given(k=st.integers(-40, 40).filter(lambda k: k not in (0, 32, -32)), page=st.sampled_from(PAGES))
def test_any_shift_of_a_real_page_is_caught(k, page):
    """Caught by one test or the other: a shift that turns most letters into symbols leaves text
    not shaped like words; one that keeps them letters leaves letters in no language's order.
    (A shift of 32 only changes the letters' case: the words stay words.)"""
    q = quality(_shift(page[2], k))
    assert q.wordlike < WORDLIKE_TEXT or q.letters_not_words or q.long_words < 12, (k, page[:2], q)
