"""Two people on one archive: the second `archive add` (or a reader) waits for the first, then goes on.

Each test holds a real `archive add` inside its write transaction (see processes.py), starts other
commands against the same archive, and lets the first go only once they say they are waiting.
"""

from __future__ import annotations

import multiprocessing
import subprocess

import pandas as pd

from scorekit.archive import store
from scorekit.reconcile import decisions as decmod
from tests.conftest import pdf

from .processes import archive_command, child_env, held_archive_command, read_until, wait_for

WAITING = "waiting up to"


def _held(tmp_path, db, name):
    marker, release = tmp_path / "inside", tmp_path / "release"
    proc = subprocess.Popen(
        held_archive_command(marker, release, "add", str(pdf(name)), "--archive", str(db)),
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert wait_for(lambda: marker.exists() or proc.poll() is not None) and marker.exists(), proc.stderr.read()
    return proc, release


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        archive_command(*args), env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_second_add_and_a_reader_wait_for_the_first_add(tmp_path):
    db = tmp_path / "shared.duckdb"
    first, release = _held(tmp_path, db, "scorecard-2020-10")
    second = _start("add", str(pdf("scorecard-2021-08")), "--archive", str(db), "--wait", "600")
    reader = _start("status", "--archive", str(db), "--wait", "600")
    for proc in (second, reader):
        said = read_until(proc.stderr, WAITING)
        assert said and WAITING in said[-1], said
        assert "in use by process" in said[-1] and str(db) in said[-1]
        assert proc.poll() is None
    release.write_text("go")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    out, rest = second.communicate(timeout=600)
    assert second.returncode == 0, rest
    assert "scorecard-2021-08.pdf: stored" in rest and "Traceback" not in rest
    status, _ = reader.communicate(timeout=300)
    assert reader.returncode == 0
    con = store.connect(db, read_only=True)
    files = store.files(con)
    assert sorted(files.name) == ["scorecard-2020-10.pdf", "scorecard-2021-08.pdf"]
    assert set(files.status) == {"ok"}
    counts = con.execute("SELECT file_sha, count(*) FROM observations GROUP BY file_sha").fetchall()
    assert dict(counts) == dict(zip(files.sha256, files["values"], strict=True))
    con.close()
    # the reader saw the archive once the first add had committed
    assert "scorecard-2020-10.pdf" in status


def test_a_wait_that_runs_out_is_a_one_line_error_and_loses_nothing(tmp_path):
    db = tmp_path / "shared.duckdb"
    first, release = _held(tmp_path, db, "scorecard-2020-10")
    second = _start("add", str(pdf("scorecard-2021-08")), "--archive", str(db), "--wait", "1")
    exporter = _start("export", "-o", str(tmp_path / "e.csv"), "--archive", str(db), "--wait", "0")
    _, said = second.communicate(timeout=300)
    assert second.returncode == 1
    lines = said.strip().splitlines()
    assert "still in use by process" in lines[-1] and "--wait" in lines[-1] and "Traceback" not in said
    assert lines[-1].startswith("scorekit: error:") and len([ln for ln in lines if "error" in ln]) == 1
    _, said = exporter.communicate(timeout=300)
    assert exporter.returncode == 1 and said.strip().splitlines()[-1].startswith("scorekit: error:")
    assert not (tmp_path / "e.csv").exists()
    release.write_text("go")
    assert first.wait(timeout=300) == 0
    con = store.connect(db, read_only=True)
    files = store.files(con)
    assert files.name.tolist() == ["scorecard-2020-10.pdf"] and files.status.tolist() == ["ok"]
    assert con.execute("SELECT count(*) FROM observations").fetchone()[0] == int(files["values"].iloc[0])
    con.close()


def _decide(path: str, who: int, start: multiprocessing.synchronize.Barrier) -> None:
    start.wait()
    for n in range(40):
        decmod.append(path, decmod.Decision(f"f{who}-{n}", value=float(n), note=f"by {who}"))


def test_decisions_recorded_at_the_same_time_are_all_kept(tmp_path):
    path = tmp_path / "decisions.csv"
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_decide, args=(str(path), who, start)) for who in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    lines = path.read_text().splitlines()
    assert lines[0] == ",".join(decmod.FIELDS) and lines.count(lines[0]) == 1
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert sorted(df.finding) == sorted(f"f{w}-{n}" for w in (1, 2) for n in range(40))
    assert len(decmod.load(path)) == 80
