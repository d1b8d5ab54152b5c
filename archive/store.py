"""The DuckDB archive: files, pages and observations, one transaction per document.

A document is extracted and matched with the archive closed, and the archive is opened only to see
what it holds of the file and then to write it, in one transaction: other processes sharing the
archive read and write between documents, and a run killed part-way leaves the documents committed
before it and nothing of the one in flight. A file already stored whole (same SHA-256) is skipped;
a failed one is tried again, and one stored with failed pages (timeouts, memory cap) has just those
pages redone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..extract.schema import COLUMNS

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from ..extract.pipeline import ExtractResult, PageReport
    from ..extract.workers import PagePool

DEFAULT_PATH = Path("scorekit.duckdb")
OBS_COLUMNS = COLUMNS + ["canonical_id", "match_score", "match_rule"]
INTEGER_COLUMNS = ("page", "table", "row")
FLOAT_COLUMNS = ("value", "confidence", "x0", "top", "x1", "bottom", "match_score")
PAGE_COLUMNS = ["file_sha", "page", "status", "method", "reason", "tables", "values"]

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

# the files stored whole or in part, in a fixed order so two builds read alike
STORED_OBSERVATIONS = """
SELECT o.* RENAME (file_sha AS sha256)
FROM observations o JOIN files f ON f.sha256 = o.file_sha
WHERE f.status IN ('ok', 'partial')
ORDER BY o.source, o.file_sha, o.page, o."table", o."row", o.x0, o.period, o.measure
"""

PAGE_COUNTS = """
SELECT count(*), coalesce(sum("values"), 0), count(*) FILTER (WHERE status = 'failed')
FROM pages WHERE file_sha = ?
"""

_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")

Opener = Callable[[], AbstractContextManager["DuckDBPyConnection"]]


class ArchiveError(Exception):
    pass


class ArchiveLockedError(ArchiveError):
    """Another process has the archive open (DuckDB allows one writer, or readers only)."""

    def __init__(self, message: str, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass
class Added:
    path: Path
    sha256: str
    status: str  # ok | partial | failed | skipped | redone N page(s)
    values: int = 0
    error: str = ""


@dataclass
class Plan:
    """What the archive holds of a file before it is read: its state, and the pages to redo."""

    path: Path
    sha256: str
    state: str | None
    redo: list[int]

    @property
    def pages(self) -> str | None:
        """The pages to extract: a redone page with the one before it, so a continued table keeps
        its columns; None for the whole document."""
        return ",".join(f"{max(1, p - 1)}-{p}" for p in self.redo) or None


@dataclass
class Batch:
    """A document's rows as the archive's tables hold them."""

    observations: pd.DataFrame
    pages: pd.DataFrame


def _holder(message: str) -> str:
    m = _LOCK_HOLDER.search(message)
    return f"process {m.group(1)}" if m else "another process"


def connect(path: str | Path | None = None, read_only: bool = False) -> DuckDBPyConnection:
    import duckdb

    path = Path(path or DEFAULT_PATH)
    if read_only and not path.exists():
        raise ArchiveError(f"{path}: no archive here (run `scorekit archive add` first)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        first = str(exc).splitlines()[0]
        if "lock" in first.lower():
            raise ArchiveLockedError(f"{path}: in use ({first})", _holder(first)) from None
        raise ArchiveError(f"{path}: cannot open archive ({first})") from None
    except duckdb.Error as exc:
        raise ArchiveError(f"{path}: cannot open archive ({str(exc).splitlines()[0]})") from None
    if not read_only:
        con.execute(SCHEMA)
    return con


def stored(con: DuckDBPyConnection, sha: str) -> str | None:
    row = con.execute("SELECT status FROM files WHERE sha256 = ?", [sha]).fetchone()
    return row[0] if row else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def plan(con: DuckDBPyConnection, path: Path, sha: str) -> Plan:
    state = stored(con, sha)
    redo: list[int] = []
    if state == "partial":
        rows = con.execute(
            "SELECT page FROM pages WHERE file_sha = ? AND status = 'failed' ORDER BY page", [sha]
        ).fetchall()
        redo = [r[0] for r in rows]
    return Plan(path, sha, state, redo)


def observation_rows(obs: pd.DataFrame, p: Plan) -> pd.DataFrame:
    """Matched observations as the archive's table holds them, with the file they came from."""
    frame = pd.DataFrame({c: obs[c] if c in obs.columns else None for c in OBS_COLUMNS})
    frame.insert(0, "path", str(p.path.resolve()))
    frame.insert(0, "file_sha", p.sha256)
    for c in INTEGER_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("Int64")
    for c in FLOAT_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in frame.columns:
        if c not in INTEGER_COLUMNS and c not in FLOAT_COLUMNS:
            frame[c] = frame[c].astype("object").where(frame[c].notna(), None)
    return frame


def _page_rows(reports: list[PageReport], sha: str) -> pd.DataFrame:
    recs = [(sha, r.page, r.status, r.method, r.reason, r.tables, r.values) for r in reports]
    return pd.DataFrame(recs, columns=PAGE_COLUMNS)


def batch(res: ExtractResult, p: Plan, matcher: Any) -> Batch:
    """The extracted document matched and shaped for the archive (only the redone pages, if any)."""
    from ..reconcile.inputs import match_frame

    obs, reports = res.observations, res.pages
    if p.redo:
        obs = obs[obs["page"].isin(p.redo)]
        reports = [r for r in reports if r.page in p.redo]
    return Batch(observation_rows(match_frame(obs, matcher), p), _page_rows(reports, p.sha256))


def record_failure(con: DuckDBPyConnection, p: Plan, error: str) -> None:
    """A file that could not be read is listed as failed, unless it is stored by now."""
    if stored(con, p.sha256) in ("ok", "partial"):
        return
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM files WHERE sha256 = ?", [p.sha256])
    con.execute(
        "INSERT INTO files VALUES (?, ?, ?, 'failed', ?, 0, 0, ?)",
        [p.sha256, str(p.path.resolve()), p.path.name, error, _now()],
    )
    con.execute("COMMIT")


def _replace_rows(con: DuckDBPyConnection, p: Plan, b: Batch) -> None:
    if p.redo:
        con.execute("DELETE FROM observations WHERE file_sha = ? AND list_contains(?, page)", [p.sha256, p.redo])
        con.execute("DELETE FROM pages WHERE file_sha = ? AND list_contains(?, page)", [p.sha256, p.redo])
    else:
        con.execute("DELETE FROM observations WHERE file_sha = ?", [p.sha256])
        con.execute("DELETE FROM pages WHERE file_sha = ?", [p.sha256])
    con.register("new_obs", b.observations)
    con.execute("INSERT INTO observations BY NAME SELECT * FROM new_obs")
    con.unregister("new_obs")
    con.register("new_pages", b.pages)
    con.execute("INSERT INTO pages SELECT * FROM new_pages")
    con.unregister("new_pages")


def _file_row(con: DuckDBPyConnection, p: Plan) -> tuple[str, str]:
    """The file's status from its pages (partial while some failed); returns (status, error)."""
    row = con.execute(PAGE_COUNTS, [p.sha256]).fetchone()
    n_pages, n_values, n_failed = row if row else (0, 0, 0)
    status = "partial" if n_failed else "ok"
    error = f"{n_failed} page(s) failed; run `archive add` again to retry them" if n_failed else ""
    con.execute("DELETE FROM files WHERE sha256 = ?", [p.sha256])
    con.execute(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [p.sha256, str(p.path.resolve()), p.path.name, status, error, n_pages, n_values, _now()],
    )
    return status, error


def write(con: DuckDBPyConnection, p: Plan, b: Batch) -> Added:
    """One transaction. Another process may have stored the file since the plan was made: then
    it is skipped, or (a redo planned on a state that has changed) left for the next run."""
    now = stored(con, p.sha256)
    if now == "ok":
        return Added(p.path, p.sha256, "skipped")
    if p.redo and now != "partial":
        return Added(p.path, p.sha256, "failed", error="changed by another run while read; run `archive add` again")
    con.execute("BEGIN TRANSACTION")
    try:
        _replace_rows(con, p, b)
        status, error = _file_row(con, p)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    done = f"redone {len(p.redo)} page(s)" if p.redo else status
    return Added(p.path, p.sha256, done, values=len(b.observations), error=error)


def add(opener: Opener, path: Path, matcher: Any, pool: PagePool | None = None) -> Added:
    """Store one document whole, or redo the pages of it that failed; `opener` opens the archive
    (for a moment: to plan, then to write)."""
    from ..extract.pipeline import ExtractError, extract_file
    from ..reconcile.inputs import sha256

    path = Path(path)
    if not path.is_file():
        return Added(path, "", "failed", error="no such file")
    sha = sha256(path)
    with opener() as con:
        p = plan(con, path, sha)
    if p.state == "ok":
        return Added(path, sha, "skipped")
    try:
        res = extract_file(path, pages=p.pages, pool=pool)
    except ExtractError as exc:
        with opener() as con:
            record_failure(con, p, str(exc))
        return Added(path, sha, "failed", error=str(exc))
    b = batch(res, p, matcher)
    with opener() as con:
        return write(con, p, b)


def observations(con: DuckDBPyConnection) -> pd.DataFrame:
    """Observations of the files stored whole or in part."""
    return con.execute(STORED_OBSERVATIONS).df()


def files(con: DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM files ORDER BY name, sha256").df()


def pages(con: DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM pages ORDER BY file_sha, page").df()
