"""The archive: whole documents only, skipped re-adds, identical rebuilds, and the commands."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from scorekit.archive import store
from scorekit.archive.commands import register
from tests.conftest import BORN_DIGITAL, command_app, pdf

from .processes import archive_command, child_env, held_archive_command, wait_for

runner = CliRunner()
ALL = [str(pdf(n)) for n in BORN_DIGITAL]


@pytest.fixture(scope="module")
def app():
    return command_app(register)


@pytest.fixture(scope="module")
def built(app, tmp_path_factory):
    d = tmp_path_factory.mktemp("archive")
    db = d / "a.duckdb"
    res = runner.invoke(app, ["archive", "add", *ALL, "--archive", str(db)])
    assert res.exit_code == 0, res.output
    return db


def test_rebuilding_from_all_fixtures_gives_the_identical_export(app, built, tmp_path):
    db2 = tmp_path / "b.duckdb"
    # another order, to show order does not matter either
    assert runner.invoke(app, ["archive", "add", *reversed(ALL), "--archive", str(db2)]).exit_code == 0
    dec = ["-d", str(tmp_path / "none.csv")]
    for i, db in enumerate((built, db2)):
        res = runner.invoke(
            app, ["archive", "export", "--format", "csv", "-o", str(tmp_path / f"e{i}.csv"), "--archive", str(db), *dec]
        )
        assert res.exit_code == 0, res.output
    a, b = (tmp_path / "e0.csv").read_bytes(), (tmp_path / "e1.csv").read_bytes()
    assert a == b
    df = pd.read_csv(tmp_path / "e0.csv")
    assert len(df) > 2000
    assert not df.duplicated(["canonical_id", "measure", "period"]).any()
    assert {
        "source",
        "sha256",
        "page",
        "x0",
        "top",
        "x1",
        "bottom",
        "method",
        "confidence",
        "report_date",
        "resolution",
    } <= set(df.columns)
    # contacts Aug-23: the Nov-23 pack's 1471 beats the previous presentation's 1467
    row = df[(df.canonical_id == "contacts") & (df.measure == "value") & (df.period == "2023-08")].iloc[0]
    assert row.value == 1471
    for fmt in ("parquet", "xlsx"):
        out = tmp_path / f"e.{fmt}"
        assert (
            runner.invoke(
                app, ["archive", "export", "-f", fmt, "-o", str(out), "--archive", str(built), *dec]
            ).exit_code
            == 0
        )
        assert out.stat().st_size > 0


def test_same_file_is_skipped_and_status_lists_files_and_pages(app, built):
    res = runner.invoke(app, ["archive", "add", ALL[0], "--archive", str(built)])
    assert res.exit_code == 0 and "skipped" in res.output
    con = store.connect(built, read_only=True)
    files = store.files(con)
    assert len(files) == 4 and set(files.status) == {"ok"}
    assert {"sha256", "path", "status", "error", "pages", "values", "added_at"} <= set(files.columns)
    pages = store.pages(con)
    assert {"file_sha", "page", "status", "method", "reason"} <= set(pages.columns) and len(pages) >= 30
    con.close()
    out = runner.invoke(app, ["archive", "status", "--archive", str(built)]).output
    assert "4 file(s)" in out and "ok" in out


def test_history_conflicts_and_decisions(app, built, tmp_path):
    dec = tmp_path / "decisions.csv"
    res = runner.invoke(app, ["archive", "history", "contacts", "--archive", str(built), "-d", str(dec)])
    assert res.exit_code == 0 and "1467" in res.output and "1471" in res.output
    res = runner.invoke(
        app, ["archive", "conflicts", "--archive", str(built), "-d", str(dec), "-o", str(tmp_path / "f.csv")]
    )
    assert res.exit_code == 1
    f = pd.read_csv(tmp_path / "f.csv", dtype=str, keep_default_na=False)
    fid = f[(f.canonical_id == "contacts") & (f.period == "2023-08") & (f["class"] == "revision")].finding_id.iloc[0]
    assert runner.invoke(app, ["archive", "decide", fid, "--value", "1467", "-d", str(dec)]).exit_code == 0
    out = tmp_path / "e.csv"
    runner.invoke(app, ["archive", "export", "-o", str(out), "--archive", str(built), "-d", str(dec)])
    df = pd.read_csv(out)
    row = df[(df.canonical_id == "contacts") & (df.measure == "value") & (df.period == "2023-08")].iloc[0]
    assert row.value == 1467 and row.resolution == "decision"


def test_a_failed_file_is_recorded_and_errors_are_one_line(app, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    db = tmp_path / "x.duckdb"
    res = runner.invoke(app, ["archive", "add", str(bad), "--archive", str(db)])
    assert res.exit_code == 1 and "bad.pdf" in res.output and "Traceback" not in res.output
    con = store.connect(db, read_only=True)
    assert store.files(con).status.tolist() == ["failed"]
    con.close()
    res = runner.invoke(app, ["archive", "status", "--archive", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and len(res.output.strip().splitlines()) == 1


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rpartition(") ")[2][0] != "Z"
    except OSError:
        return False


def test_sigkill_inside_a_transaction_leaves_only_whole_documents(tmp_path):
    db = tmp_path / "k.duckdb"
    first = subprocess.run(
        archive_command("add", str(pdf("scorecard-2021-08")), "--archive", str(db)),
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    marker = tmp_path / "inside"
    proc = subprocess.Popen(
        held_archive_command(marker, None, "add", str(pdf("framework-2014-15-q2")), "--archive", str(db)),
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert wait_for(lambda: marker.exists() or proc.poll() is not None) and marker.exists(), "never reached COMMIT"
    workers = {
        int(p) for p in (Path("/proc") / str(proc.pid) / "task" / str(proc.pid) / "children").read_text().split()
    }
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert workers and wait_for(lambda: not any(_alive(w) for w in workers)), "page workers outlived their parent"
    con = store.connect(db, read_only=False)
    files = store.files(con)
    assert files.name.tolist() == ["scorecard-2021-08.pdf"]
    shas = {r[0] for r in con.execute("SELECT DISTINCT file_sha FROM observations").fetchall()}
    assert shas == set(files.sha256)
    assert {r[0] for r in con.execute("SELECT DISTINCT file_sha FROM pages").fetchall()} == set(files.sha256)
    n = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    assert n == int(files["values"].iloc[0])
    con.close()
