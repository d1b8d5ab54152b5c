"""OCR's lost strokes read back: a word no word list holds is the one listed word it folds onto."""

from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.page import Word
from scorekit.extract.respelling import respell, unsettled

WORDS = frozenset(
    {
        "crime",
        "crimes",
        "service",
        "month",
        "offences",
        "knife",
        "enquiry",
        "harrow",
        "form",
        "from",
        "working",
        "days",
        "number",
        "council",
        "case",
        "load",
    }
)


def _texts(*texts: str) -> list[str]:
    return [w.text for w in respell([Word(t, 0, 0, 10, 8) for t in texts], WORDS)]


def test_words_a_scan_lost_strokes_of_read_as_printed():
    """`ri` read as `n`, `vi` as `m`, `rn` as `m` (the vocabulary's letter groups): cased as read,
    marks kept."""
    assert _texts("Knife", "cnme", "Cnmes", "(sermce),", "rnonth") == [
        "Knife",
        "crime",
        "Crimes",
        "(service),",
        "month",
    ]


def test_an_x_whose_arms_the_blur_closed_reads_as_printed():
    """`fioed penalty notices`, `the neot working day`: an `x` read as an `o` keyed every value of
    the row by a name never printed."""
    words = WORDS | {"fixed", "next", "penalty"}
    assert [w.text for w in respell([Word(t, 0, 0, 10, 8) for t in ("fioed", "penalty", "neot")], words)] == [
        "fixed",
        "penalty",
        "next",
    ]


def test_places_references_and_words_with_no_single_reading_stay_as_read():
    """A place no list holds and none folds onto, a reference, an acronym, a short word, and
    `fonn`, which folds onto nothing listed."""
    assert _texts("Calderdale", "ASCOFO1", "UASC", "cnm", "fonn", "CP-1") == [
        "Calderdale",
        "ASCOFO1",
        "UASC",
        "cnm",
        "fonn",
        "CP-1",
    ]


def test_letters_whose_descender_was_lost_read_as_printed():
    """A cell's crop or the blur lost the tails of `g`, `q` and `y`: each read as its bowl."""
    assert _texts("workino", "davs", "enauiry") == ["working", "days", "enquiry"]


def test_a_short_word_run_into_the_next_is_two_words():
    """A narrow space lost: `numberof`, `acouncil` are a glued short word (data) and a listed word.
    Two listed words (`caseload`) or a place (`Blackpool`) stay as read."""
    assert _texts("numberof", "Acouncil", "caseload", "Blackpool") == [
        "number of",
        "A council",
        "caseload",
        "Blackpool",
    ]


@given(st.sampled_from(sorted(WORDS)))
def test_a_listed_word_is_never_respelt(word):
    assert _texts(word, word.capitalize()) == [word, word.capitalize()]


def test_a_word_one_letter_off_a_word_the_page_reads_elsewhere_is_that_word():
    """`Detertions` beside `Detections`: the page's own words stand for the print. A word as near
    to two of them, or a short one, stays as read; so does a word no page word is near."""
    words = WORDS | {"detections", "detection", "desertions"}
    page = [Word(t, 0, 0, 10, 8) for t in ("Detertions", "Detertion", "Detections", "Detection", "tate", "Offenies")]
    assert [w.text for w in respell(page, words)] == [
        "Detections",
        "Detection",
        "Detections",
        "Detection",
        "tate",
        "Offenies",
    ]
    twins = [Word(t, 0, 0, 10, 8) for t in ("crimes", "crime", "crimez")]
    assert [w.text for w in respell(twins, words)][2] == "crimez"


def test_a_thinned_l_read_as_an_i_is_read_back():
    words = WORDS | {"referrals", "plan", "total"}
    got = respell([Word(t, 0, 0, 10, 8) for t in ("referrais", "Pian", "totai")], words)
    assert [w.text for w in got] == ["referrals", "Plan", "total"]


def test_an_unsure_word_no_list_explains_is_unsettled():
    """`casehoider`, `Social!`, `Tot a!` read unsure: no word a name prints; the same words read
    sure, listed words, acronyms and codes, and place names stand as read."""

    def word(text, conf=0.5):
        return Word(text, 0, 0, 10, 5, conf=conf)

    assert unsettled(word("casehoider"), WORDS)
    assert unsettled(word("Social!"), WORDS | {"social"})
    assert unsettled(word("Tot a!"), WORDS)
    assert unsettled(word("e=churling"), WORDS)
    assert not unsettled(word("caseholder", 0.81), WORDS)  # the engine was sure enough of it
    assert not unsettled(word("crimes,"), WORDS)
    assert not unsettled(word("(EHPs,"), WORDS)
    assert not unsettled(word("Harrow"), WORDS)
    assert not unsettled(word("load)"), WORDS)
    assert not unsettled(word("vehicles*"), WORDS | {"vehicle"})
    assert not unsettled(word("12+m,"), WORDS)
    assert not unsettled(word("Camden"), WORDS)  # a place no list holds


def test_a_word_ocr_split_in_two_is_rejoined_where_a_piece_is_no_word():
    """`reque sts`: a piece no list holds beside one, together a listed word. Two listed words
    stay apart (`safe guarding`), as do codes and capitals."""
    from scorekit.extract.respelling import rejoined
    from scorekit.extract.textquality import dictionary

    words = dictionary()
    assert rejoined("Number of new reque sts for support", words) == "Number of new requests for support"
    assert rejoined("Rate per 10,000 chil dren aged 0-17", words) == "Rate per 10,000 children aged 0-17"
    assert rejoined("Percentage of safe guarding concerns", words) == "Percentage of safe guarding concerns"
    assert rejoined("Number of CLA in month", words) == "Number of CLA in month"


def test_an_acronym_glued_to_the_word_after_it_is_two_words():
    """`CLAplaced`, `CLAat`: capitals, then a listed word in small letters (or a glued short
    word). A plural's `s` (`ICPCs`) and capitals alone stay."""
    from scorekit.extract.respelling import rejoined
    from scorekit.extract.textquality import dictionary

    words = dictionary()
    assert rejoined("Number of CLAplaced in IFA", words) == "Number of CLA placed in IFA"
    assert rejoined("Number of CLAat end of month", words) == "Number of CLA at end of month"
    assert rejoined("Number of ICPCs held", words) == "Number of ICPCs held"
    assert rejoined("CAMHS referrals", words) == "CAMHS referrals"
