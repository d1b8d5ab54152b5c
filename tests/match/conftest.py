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
