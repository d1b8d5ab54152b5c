"""`scorekit archive add|status|history|conflicts|export|decide`.

Every command that opens the archive waits for another process holding it (`--wait`), and holds it
only as long as it reads or writes: `add` extracts each document with the archive closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from .. import errors
from ..extract.workers import PagePool
from ..reconcile import decisions as decmod
from ..reconcile.commands import summary
from ..reconcile.inputs import InputError, matcher
from ..reconcile.output import write as write_findings
from . import locking, series, store

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

out = Console()
err = Console(stderr=True, soft_wrap=True)
archive_app = typer.Typer(help="The archive of every published figure (DuckDB).", no_args_is_help=True)

ArchiveOpt = typer.Option(None, "--archive", "-a", help=f"Archive file (default ./{store.DEFAULT_PATH}).")
DecisionsOpt = typer.Option(None, "--decisions", "-d", help=f"Reviewers' decisions (default ./{decmod.DEFAULT_PATH}).")
WaitOpt = typer.Option(
    locking.DEFAULT_WAIT,
    "--wait",
    min=0,
    metavar="SECONDS",
    help="How long to wait for another process using the archive before giving up (exit 1).",
)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Input errors exit 2 here (1 is kept for 'conflicts remain' / 'not found' / 'archive busy')."""
    return errors.fail(message, code)


@contextmanager
def opened(archive: Path | None, read_only: bool, wait: float) -> Iterator[DuckDBPyConnection]:
    """The archive, or a one-line error: exit 1 when another process kept it past `wait`."""
    try:
        with locking.opened(archive, read_only, wait, err) as con:
            yield con
    except locking.ArchiveBusyError as exc:
        raise fail(str(exc), 1) from None
    except store.ArchiveError as exc:
        raise fail(str(exc)) from None


def stored_observations(archive: Path | None, wait: float) -> pd.DataFrame:
    """Everything stored, read in one go so the archive is free again while it is reconciled."""
    with opened(archive, True, wait) as con:
        return store.observations(con)


def _decisions(path: Path | None) -> decmod.Decisions:
    try:
        return decmod.load(path)
    except decmod.DecisionsError as exc:
        raise fail(str(exc)) from None


def _report(a: store.Added, f: Path) -> None:
    if a.status == "failed":
        errors.fail(f"{f}: {a.error}")
    elif a.status == "skipped":
        err.print(f"{f}: already stored ({a.sha256[:12]}), skipped", highlight=False)
    elif a.status.startswith("redone"):
        err.print(f"{f}: {a.status}, {a.values} values", highlight=False)
    else:
        err.print(f"{f}: stored {a.values} values" + (f" ({a.error})" if a.error else ""), highlight=False)


@archive_app.command("add")
def add_command(
    files: list[Path] = typer.Argument(..., metavar="FILES..."),
    archive: Path | None = ArchiveOpt,
    wait: float = WaitOpt,
) -> None:
    """Extract, match and store each file (one transaction each); files already stored are skipped."""
    try:
        m = matcher()
    except InputError as exc:
        raise fail(str(exc)) from None
    with opened(archive, False, wait):
        pass  # a bad archive path or a lock held past --wait is said before any file is read
    opener = partial(opened, archive, False, wait)
    failed = 0
    with PagePool() as pool:
        for f in files:
            a = store.add(opener, f, m, pool=pool)
            failed += a.status == "failed"
            _report(a, f)
    raise typer.Exit(1 if failed else 0)


@archive_app.command("status")
def status_command(archive: Path | None = ArchiveOpt, wait: float = WaitOpt) -> None:
    """Files stored, with status, pages and values."""
    with opened(archive, True, wait) as con:
        files = store.files(con)
        pages = store.pages(con)
    table = Table(title=f"{len(files)} file(s)")
    for col in ("file", "sha256", "status", "pages", "read", "values", "added", "error"):
        table.add_column(col, overflow="fold")
    for f in files.to_dict("records"):
        read = int(((pages.file_sha == f["sha256"]) & (pages.status == "read")).sum())
        table.add_row(
            f["name"],
            f["sha256"][:12],
            f["status"],
            str(f["pages"]),
            str(read),
            str(f["values"]),
            f["added_at"],
            f["error"] or "",
        )
    out.print(table)


@archive_app.command("history")
def history_command(
    indicator: str = typer.Argument(..., metavar="INDICATOR"),
    measure: str = typer.Option("value", "--measure"),
    area: str = typer.Option("", "--area", help="The area's figures (default: the publisher's own)."),
    archive: Path | None = ArchiveOpt,
    decisions: Path | None = DecisionsOpt,
    wait: float = WaitOpt,
) -> None:
    """Every published value of INDICATOR (a canonical id) for each month, with its source."""
    dec = _decisions(decisions)
    df = series.history(stored_observations(archive, wait), indicator, dec, measure, area)
    if df.empty:
        where = f", area {area!r}" if area else ""
        raise fail(f"no values for indicator {indicator!r} (measure {measure}{where}) in the archive", 1)
    table = Table(title=f"{indicator} ({measure}{', ' + area if area else ''})")
    for col in df.columns:
        table.add_column(col, overflow="fold")
    for rec in df.itertuples(index=False):
        table.add_row(*[str(v) for v in rec])
    out.print(table)


@archive_app.command("conflicts")
def conflicts_command(
    output: Path | None = typer.Option(None, "-o", "--output", help="Write all findings (.csv/.json)."),
    archive: Path | None = ArchiveOpt,
    decisions: Path | None = DecisionsOpt,
    wait: float = WaitOpt,
) -> None:
    """The conflicts among everything stored; exit status 1 while some are unresolved."""
    dec = _decisions(decisions)
    r = series.result(stored_observations(archive, wait), dec)
    if output:
        try:
            write_findings(r, output)
        except (OSError, ValueError) as exc:
            raise fail(f"{output}: cannot write ({exc})") from None
    table = Table(title="conflicts")
    for col in ("id", "class", "indicator", "area", "measure", "period", "values", "resolution"):
        table.add_column(col, overflow="fold")
    for f in r.conflicts:
        rec = f.to_record()
        table.add_row(
            rec["finding_id"], f.cls, f.canonical_id, f.area, f.measure, rec["period"], rec["values"], f.resolution
        )
    out.print(table)
    err.print(summary(r), highlight=False, markup=False)
    raise typer.Exit(1 if r.unresolved else 0)


@archive_app.command("export")
def export_command(
    fmt: series.ExportFormat = typer.Option(series.ExportFormat.csv, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "-o", "--output"),
    archive: Path | None = ArchiveOpt,
    decisions: Path | None = DecisionsOpt,
    wait: float = WaitOpt,
) -> None:
    """One agreed value per indicator, area, period and measure, with where it was printed."""
    dec = _decisions(decisions)
    df = series.export_frame(stored_observations(archive, wait), dec)
    path = output or Path(f"scorekit-export.{fmt}")
    try:
        series.write_export(df, path, fmt)
    except OSError as exc:
        raise fail(f"{path}: cannot write ({exc.strerror or exc})") from None
    err.print(f"wrote {len(df)} resolved values to {path}", highlight=False)


@archive_app.command("decide")
def decide_command(
    finding: str = typer.Argument("", metavar="[FINDING_ID]"),
    value: float | None = typer.Option(
        None, "--value", help="The agreed figure (omit to accept the latest publication)."
    ),
    indicator: str = typer.Option("", "--indicator"),
    period: str = typer.Option("", "--period"),
    measure: str = typer.Option("value", "--measure"),
    area: str = typer.Option("", "--area", help="The area the figure is for (default: the publisher's own)."),
    note: str = typer.Option("", "--note"),
    decisions: Path | None = DecisionsOpt,
) -> None:
    """Record a reviewer's decision in the decisions file (keep it in git).

    The decisions file is not the archive: deciding never waits for it. Decisions recorded at the
    same moment by two people are appended one after the other.
    """
    if not finding and not (indicator and period):
        raise fail("give a FINDING_ID, or --indicator and --period")
    d = decmod.Decision(finding, indicator, measure, period, value, note, area=area)
    path = decmod.append(decisions, d)
    err.print(f"recorded decision in {path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Called by the main CLI: adds `archive`."""
    app.add_typer(archive_app, name="archive")
