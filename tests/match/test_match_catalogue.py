"""The shipped catalogue covers the seeds, says what each measure is, and survives being edited."""

from __future__ import annotations

import json

import pytest

from scorekit.match import catalogue as catmod
from scorekit.match.catalogue import Alias, Indicator, Sighting, period_order
from scorekit.match.normalise import UNITS
from scorekit.match.search import search


def test_every_seed_name_is_an_alias_seen_in_its_document_period(shipped, labelled):
    assert 180 <= len(shipped) <= 260
    for row in labelled:
        ind = shipped.get(row["canonical_id"])
        hits = [a for a in ind.aliases if (a.ref, a.name) == (row["ref"], row["indicator"])]
        assert len(hits) == 1, row
        a = hits[0]
        assert period_order(a.first.period) <= period_order(row["period"]) <= period_order(a.last.period)
        assert row["document"] in (a.first.source, a.last.source) or a.first != a.last


def test_alias_history_spans_first_to_last_publication(shipped):
    (a,) = [a for a in shipped.get("cla_rate").aliases if a.ref == "LAC1-NI"]
    assert (a.first.source, a.last.source) == ("scorecard-2018-06.pdf", "scorecard-2021-08.pdf")


def test_entries_are_complete_and_sourced(shipped):
    for ind in shipped:
        assert ind.unit in UNITS and ind.name and ind.definition and ind.aliases
        assert ind.time_basis in catmod.TIME_BASES
    assert shipped.get("cla_3plus_placements_pct").codes == ["NI 62"]
    assert shipped.get("care_leavers_suitable_accom_pct").codes == ["NI 147"]
    assert shipped.get("cin_referrals_rate").time_basis == "month"
    assert shipped.get("cin_referrals_rate_12m").time_basis == "rolling_12m"
    assert shipped.get("cla").time_basis == "snapshot"


def test_refs_are_reused_across_indicators(shipped):
    """Why the ref can never be the key: M6-CL and CP2 each name two indicators."""
    owners: dict[str, set[str]] = {}
    for ind in shipped:
        for a in ind.aliases:
            owners.setdefault(a.ref, set()).add(ind.id)
    assert owners["M6-CL"] == {"mash_referrals_1wd_pct", "rereferrals_12m_pct"}
    assert owners["CP2"] == {"icpc_children", "cpp_children"}


def test_written_file_is_stable_and_diff_friendly(catalogue_copy):
    text = catalogue_copy.read_text(encoding="utf-8")
    cat = catmod.load(catalogue_copy)
    assert catmod.dumps(cat) == text
    # a new alias is one new line
    cat.add_alias("cla", Alias.seen("C1", "Children in our care", "scorecard-2024-03.pdf", "2024-03"))
    catmod.save(cat, catalogue_copy)
    after = catalogue_copy.read_text(encoding="utf-8").splitlines()
    before = text.splitlines()
    assert len(after) == len(before) + 1
    # a later sighting of an alias changes its one line
    cat.add_alias("cla", Alias.seen("C1", "Children in our care", "scorecard-2024-05.pdf", "2024-05"))
    catmod.save(cat, catalogue_copy)
    again = catalogue_copy.read_text(encoding="utf-8").splitlines()
    changed = [line for line in again if line not in after]
    assert len(again) == len(after) and len(changed) == 1
    assert '"first": {"period": "2024-03"' in changed[0] and '"last": {"period": "2024-05"' in changed[0]
    json.loads(catalogue_copy.read_text(encoding="utf-8"))


def test_sightings_widen_in_time_order():
    ind = Indicator("x", "X", "count")
    assert ind.record(Alias.seen("", "X", "b.pdf", "2021-08"))
    assert ind.record(Alias.seen("", "X", "a.pdf", "FY2014/15-Q2"))
    assert not ind.record(Alias.seen("", "X", "c.pdf", "2019-01"))
    (a,) = ind.aliases
    assert (a.first, a.last) == (Sighting("FY2014/15-Q2", "a.pdf"), Sighting("2021-08", "b.pdf"))


def test_format_1_files_still_load(tmp_path):
    old = {
        "format": 1,
        "indicators": [
            {
                "id": "cla",
                "name": "Number of CLA",
                "unit": "count",
                "aliases": [
                    {"ref": "LAC1", "name": "Number of CLA", "source": "b.pdf", "period": "2020-10"},
                    {"ref": "LAC1", "name": "Number of CLA", "source": "a.pdf", "period": "2018-06"},
                ],
            }
        ],
    }
    p = tmp_path / "old.json"
    p.write_text(json.dumps(old))
    (a,) = catmod.load(p).get("cla").aliases
    assert (a.first.source, a.last.source) == ("a.pdf", "b.pdf")


def test_add_is_validated(shipped):
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("cla", "dup", "count"))
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("Bad Id", "x", "count"))
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("x_new", "x", "furlongs"))
    with pytest.raises(catmod.CatalogueError, match="time_basis"):
        shipped.add(Indicator("x_new", "x", "count", time_basis="fortnightly"))


def test_load_errors_name_the_file(tmp_path):
    bad = tmp_path / "cat.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(catmod.CatalogueError, match=str(bad)):
        catmod.load(bad)
    with pytest.raises(catmod.CatalogueError, match="no such"):
        catmod.load(tmp_path / "missing.json")


def test_search_understands_abbreviations(shipped):
    ids = [i.id for i, _ in search(shipped, "C&F assessments completed", limit=3)]
    assert "assessments_completed" in ids
    assert search(shipped, "M8-QL", limit=1)[0][0].id == "mash_referrals_1wd_pct"


@pytest.mark.parametrize(
    "a, b",
    [("2023-10", "2023-11"), ("FY2013/14", "FY2014/15-Q2"), ("FY2014/15-Q2", "2015-01"), ("2014-06", "FY2014/15-Q2")],
)
def test_periods_order_in_time(a, b):
    assert period_order(a) < period_order(b)
