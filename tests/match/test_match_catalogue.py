"""The shipped catalogue covers the seeds and survives being edited and written back."""

from __future__ import annotations

import json

import pytest

from scorekit.match import catalogue as catmod
from scorekit.match.catalogue import Alias, Indicator
from scorekit.match.normalise import UNITS


def test_shipped_catalogue_covers_every_labelled_name(shipped, labelled):
    assert 180 <= len(shipped) <= 260
    for row in labelled:
        ind = shipped.get(row["canonical_id"])
        assert Alias(row["period"], row["document"], row["ref"], row["indicator"]) in ind.aliases


def test_entries_are_complete(shipped):
    for ind in shipped:
        assert ind.unit in UNITS and ind.name and ind.definition and ind.aliases


def test_refs_are_reused_across_indicators(shipped):
    """Why the ref can never be the key: M6-CL and CP2 each name two indicators."""
    owners = {}
    for ind in shipped:
        for a in ind.aliases:
            owners.setdefault(a.ref, set()).add(ind.id)
    assert owners["M6-CL"] == {"mash_referrals_1wd_pct", "rereferrals_12m_pct"}
    assert owners["CP2"] == {"icpc_children", "cpp_children"}
    assert len(owners["74"]) >= 3


def test_written_file_is_stable_and_diff_friendly(catalogue_copy):
    text = catalogue_copy.read_text(encoding="utf-8")
    cat = catmod.load(catalogue_copy)
    assert catmod.dumps(cat) == text
    cat.add_alias("cla", Alias("2024-03", "scorecard-2024-03.pdf", "C1", "Children in our care"))
    catmod.save(cat, catalogue_copy)
    after = catalogue_copy.read_text(encoding="utf-8").splitlines()
    before = text.splitlines()
    assert len(after) == len(before) + 1
    added = [line for line in after if line not in before]
    assert len(added) == 1 and "scorecard-2024-03.pdf" in added[0]
    json.loads(catalogue_copy.read_text(encoding="utf-8"))


def test_add_is_validated(shipped):
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("cla", "dup", "count"))
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("Bad Id", "x", "count"))
    with pytest.raises(catmod.CatalogueError):
        shipped.add(Indicator("x_new", "x", "furlongs"))


def test_load_errors_name_the_file(tmp_path):
    bad = tmp_path / "cat.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(catmod.CatalogueError, match=str(bad)):
        catmod.load(bad)
    with pytest.raises(catmod.CatalogueError, match="no such"):
        catmod.load(tmp_path / "missing.json")


def test_search_understands_abbreviations(shipped):
    ids = [i.id for i, _ in shipped.search("C&F assessments completed", limit=3)]
    assert "assessments_completed" in ids
    assert shipped.search("M8-QL", limit=1)[0][0].id == "mash_referrals_1wd_pct"
