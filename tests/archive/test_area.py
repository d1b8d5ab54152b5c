"""The archive keys on area, and an archive made before observations had an area still opens.

Observations are written with the store's own transaction from frames (hand-made area figures, or
the four fixtures' frozen matched observations), so no PDF is extracted here.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from scorekit.archive import locking, store
from scorekit.archive.commands import register
from scorekit.extract.schema import COLUMNS
from tests.conftest import command_app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent.parent / "reconcile" / "golden" / "fixtures.parquet"

# the tables as archives were made before `area` (the parent of commit 4e330d3)
OLD_SCHEMA = """
CREATE TABLE files (
    sha256 VARCHAR PRIMARY KEY, path VARCHAR, name VARCHAR, status VARCHAR, error VARCHAR,
    pages INTEGER, "values" INTEGER, added_at VARCHAR);
CREATE TABLE pages (
    file_sha VARCHAR, page INTEGER, status VARCHAR, method VARCHAR, reason VARCHAR,
    tables INTEGER, "values" INTEGER, PRIMARY KEY (file_sha, page));
CREATE TABLE observations (
    file_sha VARCHAR, path VARCHAR, source VARCHAR, page INTEGER, "table" INTEGER, "row" INTEGER,
    section VARCHAR, ref VARCHAR, indicator VARCHAR, period VARCHAR, measure VARCHAR,
    value DOUBLE, value_raw VARCHAR, unit VARCHAR, flags VARCHAR, method VARCHAR,
    confidence DOUBLE, x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE,
    canonical_id VARCHAR, match_score DOUBLE, match_rule VARCHAR);
"""


@pytest.fixture(scope="module")
def app():
    return command_app(register)


def _obs(source: str, row: int, area: str, period: str, value: float) -> dict:
    rec = dict.fromkeys(COLUMNS, "")
    rec.update(
        source=source,
        page=1,
        table=1,
        row=row,
        indicator="Children in care",
        area=area,
        period=period,
        measure="value",
        value=value,
        value_raw=f"{value:g}",
        unit="count",
        method="text",
        confidence=1.0,
        x0=100.0,
        top=50.0 + 12 * row,
        x1=130.0,
        bottom=60.0 + 12 * row,
        canonical_id="cla",
    )
    return rec


def _store(db: Path, source: str, rows: list[dict]) -> None:
    """One document's observations written as `archive add` writes them."""
    plan = store.Plan(Path(source), f"sha-{source}", None, [])
    pages = pd.DataFrame([(plan.sha256, 1, "read", "text", "", 1, len(rows))], columns=store.PAGE_COLUMNS)
    with locking.opened(db) as con:
        added = store.write(con, plan, store.Batch(store.observation_rows(pd.DataFrame(rows), plan), pages))
    assert added.status == "ok"


@pytest.fixture(scope="module")
def areas(tmp_path_factory):
    """The publisher's own figure and two areas' for one month, printed in two monthly packs; the
    later pack revises one area's figure."""
    db = tmp_path_factory.mktemp("areas") / "a.duckdb"
    for source, area_a in (("pack-2023-09.pdf", 55.0), ("pack-2023-10.pdf", 57.0)):
        _store(
            db,
            source,
            [
                _obs(source, 1, "", "2023-09", 40.0),
                _obs(source, 2, "Area A", "2023-09", area_a),
                _obs(source, 3, "Area B", "2023-09", 61.0),
                _obs(source, 1, "", "2023-10" if source.endswith("10.pdf") else "2023-08", 42.0),
            ],
        )
    return db


def test_export_has_one_value_per_area(app, areas, tmp_path):
    out = tmp_path / "e.csv"
    res = runner.invoke(app, ["archive", "export", "-o", str(out), "--archive", str(areas), "-d", str(tmp_path / "d")])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out, dtype={"area": str}, keep_default_na=False)
    sep = df[df.period == "2023-09"].set_index("area")
    assert sorted(sep.index) == ["", "Area A", "Area B"]
    assert sep.loc["", "value"] == 40 and sep.loc["Area B", "value"] == 61
    assert sep.loc["Area A", "value"] == 57 and sep.loc["Area A", "resolution"] == "latest"
    assert sep.loc["", "finding_class"] == "" and sep.loc["Area B", "resolution"] == "agreed"


def test_conflicts_are_within_an_area_only(app, areas, tmp_path):
    out = tmp_path / "f.csv"
    res = runner.invoke(
        app, ["archive", "conflicts", "-o", str(out), "--archive", str(areas), "-d", str(tmp_path / "d")]
    )
    assert res.exit_code == 1, res.output
    f = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert f[["class", "area", "period", "values"]].values.tolist() == [["revision", "Area A", "2023-09", "57 | 55"]]
    assert "Area A" in res.output


def test_history_of_an_area_and_of_the_publishers_own_figures(app, areas, tmp_path):
    dec = ["--archive", str(areas), "-d", str(tmp_path / "d")]
    res = runner.invoke(app, ["archive", "history", "cla", "--area", "Area A", *dec])
    assert res.exit_code == 0 and "55" in res.output and "57" in res.output and "40" not in res.output
    res = runner.invoke(app, ["archive", "history", "cla", *dec])
    assert res.exit_code == 0 and "40" in res.output and "55" not in res.output and "61" not in res.output
    res = runner.invoke(app, ["archive", "history", "cla", "--area", "Area Z", *dec])
    assert res.exit_code == 1 and "Area Z" in res.output


def test_a_decision_names_an_area(app, areas, tmp_path):
    dec = tmp_path / "d.csv"
    args = ["--indicator", "cla", "--period", "2023-09", "--area", "Area A", "--value", "56", "-d", str(dec)]
    assert runner.invoke(app, ["archive", "decide", *args]).exit_code == 0
    out = tmp_path / "e.csv"
    runner.invoke(app, ["archive", "export", "-o", str(out), "--archive", str(areas), "-d", str(dec)])
    df = pd.read_csv(out, dtype={"area": str}, keep_default_na=False).set_index("area")
    assert df.loc["Area A", "value"] == 56 and df.loc["Area A", "resolution"] == "decision"
    assert df[df.period == "2023-09"].loc["", "resolution"] == "agreed"


def _old_archive(db: Path) -> int:
    """The fixtures' observations in an archive laid out as before `area` existed."""
    obs = pd.read_parquet(FIXTURES).drop(columns=["area"])
    con = duckdb.connect(str(db))
    con.execute(OLD_SCHEMA)
    for source, rows in obs.groupby("source", sort=True):
        sha = rows["sha256"].iloc[0]
        plan = store.Plan(Path(str(source)), sha, None, [])
        frame = store.observation_rows(rows, plan).drop(columns=["area"])
        con.register("old", frame)
        con.execute("INSERT INTO observations BY NAME SELECT * FROM old")
        con.unregister("old")
        con.execute("INSERT INTO files VALUES (?, ?, ?, 'ok', '', 1, ?, '2026-01-01')", [sha, "", source, len(rows)])
    con.close()
    return len(obs)


def _columns(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    cols = [r[0] for r in con.execute("DESCRIBE observations").fetchall()]
    con.close()
    return cols


def test_an_archive_made_before_area_opens_gains_it_and_exports(app, tmp_path):
    db = tmp_path / "old.duckdb"
    n = _old_archive(db)
    assert "area" not in _columns(db)
    dec = ["-d", str(tmp_path / "none.csv"), "--archive", str(db)]
    before = tmp_path / "before.csv"
    res = runner.invoke(app, ["archive", "export", "-o", str(before), *dec])  # read-only: not migrated
    assert res.exit_code == 0, res.output
    assert "area" not in _columns(db)

    store.connect(db).close()  # opened for writing, as `archive add` does
    assert "area" in _columns(db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(*) FILTER (WHERE area = '') FROM observations").fetchone() == (n, n)
    con.close()
    after = tmp_path / "after.csv"
    assert runner.invoke(app, ["archive", "export", "-o", str(after), *dec]).exit_code == 0
    assert before.read_bytes() == after.read_bytes()
    df = pd.read_csv(after, dtype={"area": str}, keep_default_na=False)
    assert len(df) > 2000 and (df["area"] == "").all()
    assert runner.invoke(app, ["archive", "status", "--archive", str(db)]).exit_code == 0
