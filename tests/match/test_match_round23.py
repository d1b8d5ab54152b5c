"""Matching round 23 (m35): a council's later wording of its own measures (children we care for,
entering and leaving our care, local authority foster carers), the year a share whose entry states
no period may be counted over (in its numbers and in its words, unless the entry counts `at any
time`), national indicators' titles read in their code's unit without the code (NI 65), and the
generator's label for a share's last 12 months."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from scorekit.match import profile as profmod
from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.matcher import Matcher, Query
from scorekit.match.normalise import Vocabulary, vocabulary

from .conftest import given

HERE = Path(__file__).resolve().parent

# -- a council's later wording of its own measures ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("Children We Care For (CWCF) - number at month end", "cla"),
        ("Children and young people we care for", "cla"),
        ("Children entering our care in the month", "new cla"),
        ("Children who left our care in the month", "cla ceased"),
        ("Children placed with local authority foster carers", "inhouse"),
    ],
)
def test_a_councils_later_wording_reads_as_the_profile_token(name, token):
    assert f" {token} " in f" {vocabulary().canonical(name)[0]} "


def test_care_proceedings_are_still_no_one_leaving_care():
    assert "cla ceased" not in vocabulary().canonical("Children leaving care proceedings")[0]


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Children We Care For (CWCF) - number at month end", "cla"),
        ("Children we care for per 10,000 children (0-17)", "cla_rate"),
        ("Children we care for excluding UASC (number)", "cla_excl_uasc"),
        ("Children who left our care in the month", "cla_ceased"),
        ("Children who left our care in the month - UASC", "uasc_ceased"),
        ("Children entering our care in the month", "cla_new"),
        ("Looked after children placed with local authority foster carers at 31 March", "cla_inhouse_foster"),
    ],
)
def test_a_councils_later_wording_is_given_its_entry(shipped, name, answer):
    assert given(shipped, name) == answer


# -- the year of a share whose entry states no period ------------------------------------------


def _share_catalogue() -> Catalogue:
    cat = Catalogue()
    cat.add(Indicator("nfa_pct", "Percentage of referrals leading to NFA", "percent"))
    cat.add(Indicator("contacts", "Number of contacts in the month", "count", time_basis="month"))
    return cat


def test_a_share_in_the_year_meets_an_entry_that_states_no_period():
    m = Matcher(_share_catalogue())
    assert m.match(Query.build("Referrals in the year resulting in no further action (%)")).indicator_id == "nfa_pct"


def test_no_year_is_implied_for_a_share_kept_monthly_or_with_a_span_of_its_own():
    v = vocabulary()
    share = v.facts("Percentage of referrals leading to NFA", "percent")
    assert v.period_window(share)
    assert not v.period_window(share, "month")
    assert not v.period_window(v.facts("Percentage of visits within 6 weeks", "percent"))
    assert not v.period_window(v.facts("Number of referrals", "count"))
    assert not v.period_window(share, "", any_time=True)


def test_an_entry_counting_at_any_time_is_no_years_share():
    v = vocabulary()
    assert v.says_any_time("where child had previously been subject of a CPP at any time (repeat)")
    assert not v.says_any_time("Percentage of referrals leading to NFA")
    cat = Catalogue()
    cat.add(
        Indicator(
            "repeat_pct",
            "Percentage of new Child Protection Plans (CPP) where child had previously been subject of a CPP"
            " at any time (repeat)",
            "percent",
        )
    )
    res = Matcher(cat).match(Query.build("New CP plans where the child had a previous plan in the last 12 months (%)"))
    assert res.indicator_id != "repeat_pct"


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Referrals in the year resulting in no further action (%)", "referrals_nfa_pct"),
        ("Strategy discussions in the year that led to a section 47 enquiry (%)", "strategy_to_s47_pct"),
        (
            "Children who ceased to be looked after during the year: percentage on a special guardianship order",
            "sgos_pct",
        ),
    ],
)
def test_a_share_of_the_year_is_given_the_entry_that_states_no_period(shipped, name, answer):
    assert given(shipped, name) == answer


def test_the_years_words_are_ones_such_an_entry_may_say():
    v = vocabulary()
    assert v.window_words <= v.facts("Children who ceased to be looked after during the year: percentage adopted").words
    m = Matcher(_share_catalogue())
    nfa = next(c for c in m.index.choices if c.owner == "nfa_pct")
    contacts = next(c for c in m.index.choices if c.owner == "contacts")
    assert v.window_words <= nfa.implied_words and not v.window_words & contacts.implied_words


# -- a national indicator's title without its code ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Becoming the subject of a child protection plan for a second or subsequent time", "cpp_repeat_pct"),
        ("Children becoming subject to a child protection plan for a second or subsequent time", "cpp_repeat_pct"),
        ("Number of children becoming the subject of a plan for a second or subsequent time", "cpp_repeat"),
    ],
)
def test_a_national_indicators_title_is_read_in_its_codes_unit(shipped, name, answer):
    assert given(shipped, name) == answer


def test_a_code_title_gives_its_unit_only_where_the_rest_of_the_name_says_none(shipped):
    m = Matcher(shipped)
    title = "children becoming the subject of a CP plan for a second or subsequent time"
    assert m._coded(Query.build(title)).unit == "percent"
    assert m._coded(Query.build(f"Number of {title}")).unit == "count"
    # a unit the cells gave stays
    assert m._coded(Query(title, unit="weeks")).unit == "weeks"


def test_a_code_title_whose_code_the_catalogue_lacks_gives_nothing():
    cat = Catalogue()
    cat.add(Indicator("repeat", "Number of repeat plans", "count"))
    assert (
        Matcher(cat)._coded(Query.build("Becoming the subject of a CP plan for a second or subsequent time")).unit
        is None
    )


def test_code_titles_are_profile_data_a_user_file_extends(tmp_path):
    base = profmod.load()
    assert any(t.code == "NI 65" for t in base.code_titles)
    extra = tmp_path / "more.json"
    extra.write_text(json.dumps({"code_titles": [{"code": "NI 65", "forms": ["repeat child protection plans"]}]}))
    merged = profmod.load(extra)
    (ni65,) = [t for t in merged.code_titles if t.code == "NI 65"]
    assert ni65.forms[0] == "repeat child protection plans" and len(ni65.forms) > 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"code_titles": [{"code": "NI 1", "forms": ["(unclosed"]}]}))
    with pytest.raises(profmod.ProfileError):
        profmod.load(bad)


def test_a_canonical_reading_is_read_once():
    v = Vocabulary(profmod.load())
    name = "Children becoming the subject of a CP plan for a second or subsequent time"
    assert v.canonical(name) is v.canonical(name)


# -- the generator's label for a share's last 12 months -----------------------------------------


def test_the_generator_calls_a_shares_last_12_months_its_year_where_the_entry_states_no_period():
    spec = importlib.util.spec_from_file_location("generate_probes17", HERE / "generate_probes17.py")
    assert spec and spec.loader
    g = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(g)
    p = g.Profile(json.loads((HERE.parent.parent / "match" / "profile.json").read_text()))
    share = {
        "id": "x",
        "unit": "percent",
        "time_basis": "",
        "population": "",
        "name": "re-referral rate",
        "aliases": [],
    }
    count = {**share, "unit": "count"}
    assert g.same_measure(p, share, "month", "last_12m")
    assert not g.same_measure(p, count, "month", "last_12m")
    assert not g.same_measure(p, share, "month", "snapshot")
