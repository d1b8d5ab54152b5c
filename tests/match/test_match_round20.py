"""Matching round 20 (m32): a merge needs every difference between the two names explained (the
residual-difference check), and the guards for what the generated near misses still merged."""

from __future__ import annotations

import pytest

from scorekit.match import profile as profmod
from scorekit.match.matcher import Matcher, Query

from .conftest import given

# -- the residual-difference check -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "near_miss"),
    [
        # a word of the name that no name, population or definition of the entry says
        ("Percentage of statutory child protection visits in progress within 15 working days", "cpp_visited_15wd_pct"),
        ("Average number of episodes per worker in top 40", "caseload_top40"),
        ("% of EHE episodes with a statement of special educational need/EHC Plan", "ehe_send_pct"),
        (
            "% of Initial Child Protection Conferences held within 15 working days from the supervision meeting/"
            "Section 47 being initiated",
            "icpc_in_timescale_pct",
        ),
        (
            "Percentage of initial health assessments delivered within 20 working days of date child became "
            "child in need.",
            "cla_iha_20wd_pct",
        ),
    ],
)
def test_a_word_the_entry_does_not_explain_caps_the_merge_at_review(shipped, name, near_miss):
    res = Matcher(shipped).match(Query.build(name))
    assert res.indicator_id != near_miss
    assert res.rule == "review" and "does not explain" in res.explanation


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        # the event the timescale's clock runs from (an assessment's 45 working days: the referral)
        ("Assessments completed within 45 working days of referral (%)", "assessments_in_45wd_pct"),
        # the setting, not the measure (the profile's residual.free)
        ("EH open cases", "eh_open"),
        ("Contacts into the MASH (number)", "contacts"),
        # what the entry's unit implies
        ("Average length of care proceedings in weeks", "care_proceedings_weeks"),
        # what a word stands for (cp: child protection, said by the entry's child protection plans)
        ("CP visits within 10 WD (%)", "cpp_visited_10wd_pct"),
        # a word of the definition the vocabulary reads into one token (`stepped up for ... assessment`)
        ("Children stepped up from Early Help to a CSC assessment", "eh_stepped_up"),
        # a word saying only a qualifier value the entry says (repeat: re-referrals)
        ("Re-referrals repeated within 12 months (%)", "rereferrals_12m_pct"),
        # the event the entry's clock runs from, said another way (section 47 being initiated)
        (
            "% of Initial CP Conferences held within 15 working days from the strategy meeting/Section 47 being "
            "initiated",
            "icpc_in_timescale_pct",
        ),
    ],
)
def test_what_the_entry_explains_still_merges(shipped, name, answer):
    assert given(shipped, name) == answer


def test_the_residual_check_reads_its_words_from_the_profile(shipped, tmp_path):
    base = profmod.load()
    assert "case" in base.residual_free and "average" in base.residual_by_unit["weeks"]
    extra = tmp_path / "more.json"
    extra.write_text('{"residual": {"free": ["progress"], "by_unit": {"percent": ["progress"]}}}', encoding="utf-8")
    merged = profmod.load(str(extra))
    assert "progress" in merged.residual_free and merged.residual_by_unit["percent"] == ("progress",)
    assert merged.residual_by_unit["weeks"] == base.residual_by_unit["weeks"]
    for bad in ({"free": "case"}, {"by_unit": ["weeks"]}, ["case"]):
        with pytest.raises(profmod.ProfileError):
            profmod.from_dict({"residual": bad})


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Number of CP transfer-ins in month", "cp_transfer_ins"),
        ("Transfer-in CP cases received in month", "cp_transfer_ins"),
        ("Number of Children Looked After who were Adopted", "adoptions"),
        ("Eligible looked after 3 and 4 year olds taking up funded early education (%)", "cla_3_4yo_funding_pct"),
        # a statutory visit that has taken place has been completed
        ("% of statutory visits to Looked After Children completed in timescale", "cla_visited_pct"),
    ],
)
def test_the_catalogue_definitions_say_what_their_entries_count(shipped, name, answer):
    """Transfer-ins are of children on a child protection plan, adoptions of children looked
    after, the funding offer is for early education, a visit that has taken place is completed:
    the definitions say so, so a name saying it is explained."""
    assert given(shipped, name) == answer


# -- guards for what the generated near misses still merged ------------------------------------


@pytest.mark.parametrize(
    ("name", "near_miss"),
    [
        # the ages that bound what an including/excluding clause adds or leaves out
        (
            "Number of Early Help Assessment (EHA) completed in the month INCLUDING adults aged 25+",
            "eh_assessments_completed",
        ),
        (
            "Number of Early Help Assessment (EHA) completed, EXCLUDING adults aged 25+",
            "eh_assessments_completed_excl_adults",
        ),
        # an age band after `per 100,000` that is not the child population is the rate's population
        (
            "Number of first time entrants to the Youth Justice System per 100,000 10-15 year olds in period",
            "yjs_fte_rate",
        ),
        # hours short of a day are part of a day, not a number of another kind
        (
            "Percentage of referrals dealt with by MASH where time from referral received / recorded to completion by "
            "MASH was 12 hours / 1 working day or less",
            "mash_referrals_1wd_pct",
        ),
        # a share saying its year twice counts the year's children, not those at its end
        ("Percentage of CLA in the last 12 months with 3+ placements during the year", "cla_3plus_placements_pct"),
    ],
)
def test_a_generated_near_miss_stays_apart(shipped, name, near_miss):
    assert given(shipped, name) != near_miss


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Early Help assessments completed in the month, including adults aged 21+", "eh_assessments_completed"),
        ("First time entrants to the youth justice system per 100,000 10-17 year olds", "yjs_fte_rate"),
        (
            "children looked after during the previous 12 months who had three or more placements",
            "cla_3plus_placements_pct",
        ),
    ],
)
def test_the_measure_itself_still_merges(shipped, name, answer):
    assert given(shipped, name) == answer


def test_clause_ages_are_read_from_the_names_own_clauses():
    from scorekit.match.normalise import Quantity, vocabulary

    v = vocabulary()
    assert ("including", Quantity(25.0, "age", "lower")) in v.facts(
        "EHA completed including adults aged 25+"
    ).clause_ages
    # a gloss listing what a count includes, or a note's `may include`, bounds nothing
    assert not v.facts("Number of children in need (including CP / CLA / care leavers aged 17-18)").clause_ages
    assert not v.facts("absence (NB may include some children under 5)").clause_ages
