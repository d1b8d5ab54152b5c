"""The vocabulary's gazetteer: which labels are places, and how a scanned label is spelt."""

from scorekit.extract.vocabulary import VOCABULARY, place_key


def test_spellings_of_one_place_share_a_key():
    assert place_key("St. Helens") == place_key("St Helens")
    assert place_key("Telford & Wrekin") == place_key("Telford and Wrekin")
    assert VOCABULARY.is_place("Bristol, City of") and VOCABULARY.is_place("Southend-on-Sea")
    assert VOCABULARY.is_place("England") and not VOCABULARY.is_place("Referrals")


def test_a_misread_place_in_a_list_of_places_takes_the_places_spelling():
    read = ["Barking and Dagenham", "Bamet", "Bexley", "Greenvach", "Hackney", "Hiliingdon", "Merton", "All boroughs"]
    assert VOCABULARY.spell_places(read) == [
        "Barking and Dagenham",
        "Barnet",
        "Bexley",
        "Greenwich",
        "Hackney",
        "Hillingdon",
        "Merton",
        "All boroughs",
    ]


def test_a_place_read_with_spaces_for_its_hyphens_takes_them_back():
    """A scan's hyphen is a few pixels and OCR drops it; a name printed another way stays."""
    read = ["Southend on Sea", "Stoke-on-Trent", "Luton", "Stockton on-Tees", "St Helens", "England"]
    assert VOCABULARY.spell_places(read) == [
        "Southend-on-Sea",
        "Stoke-on-Trent",
        "Luton",
        "Stockton-on-Tees",
        "St Helens",
        "England",
    ]


def test_a_place_the_list_already_names_is_not_given_twice():
    assert VOCABULARY.spell_places(["Barnet", "Bexley", "Barnes"]) == ["Barnet", "Bexley", "Barnes"]


def test_labels_that_are_not_a_list_of_places_stay_as_read():
    read = ["Bamet", "Referrals", "Contacts"]
    assert VOCABULARY.spell_places(read) == read


def test_wards_beside_their_city_are_not_respelt_as_places():
    read = ["Bargate", "Coxford", "Bitterne", "Southampton", "England"]
    assert VOCABULARY.spell_places(read) == read


def test_header_edge_marks_are_data_a_user_file_extends(tmp_path):
    """A mark a user's scanner leaves beside headers (`¦Target`) is listed in their own file, on
    top of the bundled ones."""
    from scorekit.extract.vocabulary import load

    assert "|" in VOCABULARY.edge_marks and "¦" not in VOCABULARY.edge_marks
    extra = tmp_path / "mine.json"
    extra.write_text('{"ocr": {"header_edge_marks": {"marks": "\u00a6|"}}}', encoding="utf-8")
    marks = load(extra=extra).edge_marks
    assert "¦" in marks and set(VOCABULARY.edge_marks) <= set(marks) and marks.count("|") == 1


def test_words_naming_other_headers_than_periods_are_data(tmp_path):
    """`Lead officer` among month labels is no misread month once a user lists it; a pattern
    that does not compile is a one-line error naming the file."""
    import pytest

    from scorekit.extract.vocabulary import VocabularyError, load

    assert VOCABULARY.names_other_header("Target 19/20") and not VOCABULARY.names_other_header("Oct 20")
    assert not VOCABULARY.names_other_header("Lead officer")
    extra = tmp_path / "mine.json"
    extra.write_text('{"ocr": {"other_header_words": {"stems": ["lead off"]}}}', encoding="utf-8")
    mine = load(extra=extra)
    assert mine.names_other_header("Lead officer") and mine.names_other_header("Target 19/20")
    extra.write_text('{"ocr": {"other_header_words": {"stems": ["lead ("]}}}', encoding="utf-8")
    with pytest.raises(VocabularyError, match="mine.json: other_header_words: bad pattern"):
        load(extra=extra)


def test_header_misreadings_are_data_a_user_file_extends(tmp_path, monkeypatch):
    """A scanned `Ret,` heads a column of references; a user whose scans read `Rof` lists it."""
    from scorekit.extract import vocabulary
    from scorekit.extract.ocr.labels import _names_refs

    assert _names_refs("Ret,") and _names_refs("‘Refs") and _names_refs("Ref No.")
    assert not _names_refs("Rof") and not _names_refs("Indicator")
    extra = tmp_path / "mine.json"
    extra.write_text('{"ocr": {"header_misreadings": {"words": {"Rof": "Ref"}}}}', encoding="utf-8")
    mine = vocabulary.load(extra=extra)
    assert mine.header_misreadings["rof"] == "ref" and mine.header_misreadings["ret"] == "ref"
    monkeypatch.setattr("scorekit.extract.ocr.labels.VOCABULARY", mine)
    assert _names_refs("Rof")
