"""Shared fixtures: a private copy of the shipped catalogue, so tests that write never touch it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from scorekit.match import catalogue as catmod
from scorekit.match import evaluation
from scorekit.match.matcher import Matcher, Query

HERE = Path(__file__).resolve().parent


def check_real_probe(shipped: catmod.Catalogue, file: str, source: str, least: int) -> None:
    """A real-wording probe file: at least `least` names, each once, labelled with catalogue ids,
    every trap with the axis it differs on, every source its round's; and no name in another set
    or the catalogue."""
    rows = evaluation.read(HERE / file)
    ids = {i.id for i in shipped}
    assert len(rows) >= least and len({r.name.lower() for r in rows}) == len(rows)
    assert all(r.answer in ids or r.answer == evaluation.NEW for r in rows)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in rows if r.kind == "trap")
    assert all(r.note.startswith("axis: ") for r in rows if r.kind == "trap")
    assert all(r.source.startswith(source) for r in rows)
    others: set[str] = {a.name.lower() for i in shipped for a in i.aliases}
    for path in HERE.glob("*.csv"):
        if path.name != file:
            with path.open(encoding="utf-8", newline="") as f:
                others |= {(r.get("name") or r.get("indicator") or "").lower() for r in csv.DictReader(f)}
    assert not {r.name.lower() for r in rows} & others


def given(shipped: catmod.Catalogue, name: str) -> str:
    """The id the matcher gives one name against the shipped catalogue ('' for none)."""
    return Matcher(shipped).match(Query.build(name)).indicator_id


@pytest.fixture(scope="session")
def shipped() -> catmod.Catalogue:
    return catmod.load()


@pytest.fixture()
def catalogue_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "catalogue.json"
    shutil.copy(catmod.DEFAULT_PATH, dst)
    return dst


@pytest.fixture(scope="session")
def labelled() -> list[dict[str, str]]:
    with (HERE / "labelled.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def traps() -> list[dict[str, str]]:
    with (HERE / "traps.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def unseen() -> list[evaluation.Labelled]:
    return evaluation.read(HERE / "unseen.csv")
