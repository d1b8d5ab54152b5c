"""The DuckDB archive: files, pages and observations, one transaction per document.

A document is extracted and matched before its transaction opens, so the transaction only writes;
a run killed part-way leaves the documents committed before it and nothing of the one in flight.
A file already stored whole (same SHA-256) is skipped; a failed one is tried again, and one stored
with failed pages (timeouts, memory cap) has just those pages redone.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..extract.schema import COLUMNS

DEFAULT_PATH = Path("scorekit.duckdb")
OBS_COLUMNS = COLUMNS + ["canonical_id", "match_score", "match_rule"]
SLEEP_ENV = "SCOREKIT_ARCHIVE_TXN_SLEEP"
MARKER_ENV = "SCOREKIT_ARCHIVE_TXN_MARKER"

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    sha256 VARCHAR PRIMARY KEY, path VARCHAR, name VARCHAR, status VARCHAR, error VARCHAR,
    pages INTEGER, "values" INTEGER, added_at VARCHAR);
CREATE TABLE IF NOT EXISTS pages (
    file_sha VARCHAR, page INTEGER, status VARCHAR, method VARCHAR, reason VARCHAR,
    tables INTEGER, "values" INTEGER, PRIMARY KEY (file_sha, page));
CREATE TABLE IF NOT EXISTS observations (
    file_sha VARCHAR, path VARCHAR, source VARCHAR, page INTEGER, "table" INTEGER, "row" INTEGER,
    section VARCHAR, ref VARCHAR, indicator VARCHAR, area VARCHAR, period VARCHAR, measure VARCHAR,
    value DOUBLE, value_raw VARCHAR, unit VARCHAR, flags VARCHAR, method VARCHAR,
    confidence DOUBLE, x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE,
    canonical_id VARCHAR, match_score DOUBLE, match_rule VARCHAR);
ALTER TABLE observations ADD COLUMN IF NOT EXISTS area VARCHAR DEFAULT '';
"""


class ArchiveError(Exception):
    pass


@dataclass
class Added:
    path: Path
    sha256: str
    status: str  # ok | failed | skipped
    values: int = 0
    error: str = ""


def connect(path: str | Path | None = None, read_only: bool = False):
    import duckdb

    path = Path(path or DEFAULT_PATH)
    if read_only and not path.exists():
        raise ArchiveError(f"{path}: no archive here (run `scorekit archive add` first)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise ArchiveError(f"{path}: cannot open archive ({str(exc).splitlines()[0]})") from None
    if not read_only:
        con.execute(SCHEMA)
    return con


def stored(con, sha: str) -> str | None:
    row = con.execute("SELECT status FROM files WHERE sha256 = ?", [sha]).fetchone()
    return row[0] if row else None


def _hook() -> None:
    """Test hook: say we are inside the transaction, then wait to be killed."""
    marker = os.environ.get(MARKER_ENV)
    if marker:
        Path(marker).write_text("in transaction")
    delay = float(os.environ.get(SLEEP_ENV) or 0)
    if delay:
        time.sleep(delay)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _record_failure(con, path: Path, sha: str, error: str) -> None:
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM files WHERE sha256 = ?", [sha])
    con.execute(
        "INSERT INTO files VALUES (?, ?, ?, 'failed', ?, 0, 0, ?)", [sha, str(path.resolve()), path.name, error, _now()]
    )
    con.execute("COMMIT")


def _failed_pages(con, sha: str) -> list[int]:
    rows = con.execute(
        "SELECT page FROM pages WHERE file_sha = ? AND status = 'failed' ORDER BY page", [sha]
    ).fetchall()
    return [r[0] for r in rows]


def _frames(res, sha: str, path: Path, matcher, only_pages: set[int] | None):
    from ..reconcile.inputs import match_frame

    obs = res.observations
    reports = res.pages
    if only_pages is not None:
        obs = obs[obs["page"].isin(list(only_pages))]
        reports = [p for p in reports if p.page in only_pages]
    df = match_frame(obs, matcher)
    frame = pd.DataFrame({c: df[c] if c in df.columns else None for c in OBS_COLUMNS})
    frame.insert(0, "path", str(path.resolve()))
    frame.insert(0, "file_sha", sha)
    for c in ("page", "table", "row"):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("Int64")
    for c in ("value", "confidence", "x0", "top", "x1", "bottom", "match_score"):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in frame.columns:
        if c not in ("page", "table", "row", "value", "confidence", "x0", "top", "x1", "bottom", "match_score"):
            frame[c] = frame[c].astype("object").where(frame[c].notna(), None)
    pages = pd.DataFrame(
        [
            {
                "file_sha": sha,
                "page": p.page,
                "status": p.status,
                "method": p.method,
                "reason": p.reason,
                "tables": p.tables,
                "values": p.values,
            }
            for p in reports
        ],
        columns=["file_sha", "page", "status", "method", "reason", "tables", "values"],
    )
    return frame, pages


def add(con, path: Path, matcher, pool=None) -> Added:
    """Store one document whole; a document stored with failed pages has only those pages redone.

    A redone page is read together with the page before it, so a table continued from that page
    keeps its columns; only the redone page's rows are replaced.
    """
    from ..extract.pipeline import ExtractError, extract_file
    from ..reconcile.inputs import sha256

    path = Path(path)
    if not path.is_file():
        return Added(path, "", "failed", error="no such file")
    sha = sha256(path)
    state = stored(con, sha)
    if state == "ok":
        return Added(path, sha, "skipped")
    redo = _failed_pages(con, sha) if state == "partial" else []
    spec = ",".join(f"{max(1, p - 1)}-{p}" for p in redo) or None
    try:
        res = extract_file(path, pages=spec, pool=pool)
    except ExtractError as exc:
        if not redo:
            _record_failure(con, path, sha, str(exc))
        return Added(path, sha, "failed", error=str(exc))
    frame, pages = _frames(res, sha, path, matcher, set(redo) if redo else None)
    con.execute("BEGIN TRANSACTION")
    try:
        if redo:
            marks = ",".join("?" * len(redo))
            con.execute(f"DELETE FROM observations WHERE file_sha = ? AND page IN ({marks})", [sha, *redo])
            con.execute(f"DELETE FROM pages WHERE file_sha = ? AND page IN ({marks})", [sha, *redo])
        else:
            con.execute("DELETE FROM observations WHERE file_sha = ?", [sha])
            con.execute("DELETE FROM pages WHERE file_sha = ?", [sha])
        con.register("new_obs", frame)
        con.execute("INSERT INTO observations BY NAME SELECT * FROM new_obs")
        con.unregister("new_obs")
        con.register("new_pages", pages)
        con.execute("INSERT INTO pages SELECT * FROM new_pages")
        con.unregister("new_pages")
        _hook()
        n_pages, n_values, n_failed = con.execute(
            "SELECT count(*), coalesce(sum(\"values\"), 0), count(*) FILTER (WHERE status = 'failed') FROM pages WHERE file_sha = ?",
            [sha],
        ).fetchone()
        status = "partial" if n_failed else "ok"
        error = f"{n_failed} page(s) failed; run `archive add` again to retry them" if n_failed else ""
        con.execute("DELETE FROM files WHERE sha256 = ?", [sha])
        con.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [sha, str(path.resolve()), path.name, status, error, n_pages, n_values, _now()],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Added(path, sha, status if not redo else f"redone {len(redo)} page(s)", values=len(frame), error=error)


def observations(con) -> pd.DataFrame:
    """Observations of the files stored whole, in a fixed order so two builds read alike."""
    df = con.execute(
        "SELECT o.* RENAME (file_sha AS sha256) FROM observations o JOIN files f ON f.sha256 = o.file_sha "
        "WHERE f.status IN ('ok', 'partial') ORDER BY o.source, o.file_sha, o.page, o.\"table\", o.\"row\", o.x0, o.period, o.measure"
    ).df()
    return df


def files(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM files ORDER BY name, sha256").df()


def pages(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM pages ORDER BY file_sha, page").df()
