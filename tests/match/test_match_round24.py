"""Matching round 24 (m37): the cyclic collector held off while a batch is matched (10k x 2k
names: a quarter of the time went to its full passes over the index), and the wording of
`tests/match/probes20.csv`: an annual release's `year to 31 March`, section 20 as the DfE release
words it, children `on their caseload` (a count, not an average) and foster placements with
relatives or friends (connected carers)."""

from __future__ import annotations

import gc

import pytest

from scorekit.match import index as indexmod
from scorekit.match.catalogue import Catalogue
from scorekit.match.matcher import Matcher, Query, collector_paused
from scorekit.match.normalise import vocabulary

from .conftest import given

# -- the collector held off for a batch --------------------------------------------------------


def test_a_batch_is_matched_with_the_collector_held_off_and_given_back(shipped: Catalogue, monkeypatch):
    seen: list[bool] = []
    nearest = indexmod.Index.nearest

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return nearest(self, *args, **kwargs)

    monkeypatch.setattr(indexmod.Index, "nearest", spy)
    assert gc.isenabled()
    Matcher(shipped).match_many([Query.build("Contacts received in the month by the front door team")])
    assert seen == [False]
    assert gc.isenabled()


def test_the_index_is_built_with_the_collector_held_off(shipped: Catalogue, monkeypatch):
    seen: list[bool] = []
    weights = indexmod.Index._weights

    def spy(self, catalogue):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return weights(self, catalogue)

    monkeypatch.setattr(indexmod.Index, "_weights", spy)
    Matcher(shipped)
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_left_as_it_was_found_even_when_the_batch_fails():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise RuntimeError("a failing batch")
    except RuntimeError:
        pass
    assert gc.isenabled()


# -- probes20: an annual release's `year to 31 March` -------------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("Percentage of re-referrals within 12 months (year to 31 March)", "rereferrals_12m_pct"),
        ("Percentage of assessments completed within 45 working days (year to 31 March)", "assessments_in_45wd_pct"),
        (
            "Percentage of initial child protection conferences held within 15 working days (year to 31 March)",
            "icpc_in_timescale_pct",
        ),
    ],
)
def test_the_year_to_31_march_is_the_year_a_share_is_counted_over(shipped: Catalogue, name, answer):
    assert given(shipped, name) == answer


def test_a_count_for_the_year_to_31_march_is_a_years_count_not_a_snapshot():
    assert vocabulary().facts("Number of section 47 enquiries started (year to 31 March)").basis == {"year"}
    assert vocabulary().facts("Number of looked after children (at 31 March)").basis == {"snapshot"}


# -- probes20: section 20 as the DfE release words it ---------------------------------------------


def test_a_voluntary_agreement_under_section_20_of_the_act_is_section_20(shipped: Catalogue):
    name = (
        "Children looked after at 31 March accommodated under a voluntary agreement under section 20 of the"
        " Children Act 1989"
    )
    assert given(shipped, name) == "cla_s20"


# -- probes20: a caseload a count is of ----------------------------------------------------------


def test_children_on_their_caseload_say_what_is_held_not_an_average():
    assert Query.build("Caseholders with 20 or more children on their caseload (month end)").unit is None
    assert Query.build("Average caseload per qualified social worker (FTE)").unit == "other"
    assert Query.build("Social worker caseload").unit == "other"


# -- probes20: foster placements with relatives or friends ---------------------------------------


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "Children looked after at 31 March placed in foster placements with relatives or friends (%)",
            "cla_connected_carers_pct",
        ),
        ("Children looked after placed with relatives or friends (number)", "cla_connected_carers"),
    ],
)
def test_relatives_or_friends_are_connected_carers(shipped: Catalogue, name, answer):
    assert given(shipped, name) == answer


# -- probes20: a census date is a point in time ---------------------------------------------------


def test_a_census_date_is_a_point_in_time_not_a_number(shipped: Catalogue):
    name = "Children and family social workers: average caseload per FTE (at 30 September)"
    assert vocabulary().facts(name).basis == {"snapshot"}
    assert not vocabulary().facts(name).quantities
    assert given(shipped, name) == "caseload_qsw"
    assert vocabulary().facts("Children subject to a child protection plan as at 30 June").basis == {"snapshot"}


# -- probes20: LAIT's `Workforce:` heading --------------------------------------------------------


def test_the_workforce_heading_says_nothing_of_the_measure(shipped: Catalogue):
    assert given(shipped, "Workforce: children and family social workers' average caseload per FTE") == "caseload_qsw"
    assert given(shipped, "Workforce: average caseload of agency social workers") == ""
    assert "workforce" not in vocabulary().facts("Workforce: social worker turnover rate (FTE) (%)").words
