"""Typing slips: read as the one known word they miss, never guessed between two."""

from __future__ import annotations

from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.matcher import Matcher, Query
from scorekit.match.spelling import Slips


def test_a_slip_is_read_as_the_one_word_it_misses():
    slips = Slips(["children looked after", "rate per 10,000"])
    assert slips.fix("Rate of Looked Afer Children") == "Rate of Looked after Children"
    assert slips.fix("Rate of Lookde after Children").lower() == "rate of looked after children"


def test_known_words_short_words_and_ambiguous_slips_stay_as_printed():
    slips = Slips(["placed placement", "care card", "children in care"])
    assert slips.fix("Children in care") == "Children in care"
    assert slips.fix("CiC in LAC") == "CiC in LAC"
    assert slips.fix("cars") == "cars"  # one slip from both care and card
    assert slips.fix("revoked orders") == "revoked orders"


def test_a_published_title_with_a_slip_finds_its_measure():
    cat = Catalogue()
    cat.add(Indicator("cla_rate", "Rate of children looked after per 10,000", "rate_per_10k"))
    r = Matcher(cat).match(Query.build("Rate of Looked Afer Children rate per 10,000 population (0-18 years)"))
    assert r.indicator_id == "cla_rate"


def test_a_pattern_escape_is_no_letter_of_a_word():
    """The grammar's patterns are among the spelled texts: `\\boutside` spells `outside`, so a
    name's `outside` is a known word, not a slip of `boutside`."""
    slips = Slips([r"(?:\bmore than|\boutside(?: of)?)\s*(\d+)"])
    assert slips.fix("completed outside 45 working days") == "completed outside 45 working days"
    assert "boutside" not in slips.known


def test_one_letter_past_a_known_word_is_an_ending_not_a_slip():
    slips = Slips([r"child(ren)? with (a )?disabilit(y|ies)"])
    assert slips.fix("Children in need with a disability") == "Children in need with a disability"


def test_a_contraction_is_read_as_the_one_known_word_whose_letters_it_keeps():
    slips = Slips(["number of contacts", "care leavers", "assessments completed", "month match"])
    assert slips.fix("Ctcts received") == "contacts received"
    assert slips.fix("Care lvrs") == "Care leavers"
    assert slips.fix("Assessmts completed") == "assessments completed"
    assert slips.fix("in mth") == "in mth"  # month and match both keep m, t, h
    assert slips.fix("CL in EET") == "CL in EET"  # two letters are initials


def test_a_slip_is_never_read_as_a_word_that_carries_no_meaning():
    """`male` is one letter from `made`, a stop word: reading it so would erase the word that
    makes `Number of male CLA` a part of all CLA, so it stays as printed (and unknown)."""
    slips = Slips(["number of children made", "children looked after", "made"], empty=["made"])
    assert slips.fix("Number of male CLA") == "Number of male CLA"
    assert slips.fix("Number of mde CLA") == "Number of mde CLA"
    assert Slips(["children looked after"], empty=["made"]).fix("Looked Afer Children") == "Looked after Children"


def test_a_slip_is_never_read_as_a_number_word(shipped):
    """`your` is one letter from `four`: read so, `children subject to a CP plan in your local
    authority` would count those past some 4 and miss its measure."""
    m = Matcher(shipped)
    name = "How many children are subject to a Child Protection Plan in your local authority?"
    assert not m.match(Query.build(name)).explanation.count("numbers: 4")
    assert m.match(Query.build(name)).indicator_id == "cpp_children"
