import pytest

from scorekit.extract.columns import classify


@pytest.mark.parametrize(
    "glued, measure", [("SNavg", "stat_neighbour"), ("EngAvg", "england"), ("YTDtarget", "target")]
)
def test_a_header_whose_narrow_space_ocr_dropped_names_its_column(glued, measure):
    """`SN avg` read as `SNavg`: parted where the letters' case turns, it is the vocabulary's."""
    col = classify(glued, "", None, allow_serial=False)
    assert (col.kind, col.measure) == ("measure", measure)


@pytest.mark.parametrize("word", ["CiN", "NHS", "iPhone", "McDonald"])
def test_words_with_a_turn_of_case_that_name_nothing_stay_unnamed(word):
    assert classify(word, "", None, allow_serial=False).kind == "ignore"
