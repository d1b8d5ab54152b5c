"""`scorekit archive add|status|history|conflicts|export|decide`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .. import errors
from ..extract.workers import PagePool
from ..reconcile import decisions as decmod
from ..reconcile.commands import summary
from ..reconcile.inputs import InputError, matcher
from ..reconcile.output import write as write_findings
from . import series, store

out = Console()
err = Console(stderr=True, soft_wrap=True)
archive_app = typer.Typer(help="The archive of every published figure (DuckDB).", no_args_is_help=True)

ArchiveOpt = typer.Option(None, "--archive", "-a", help=f"Archive file (default ./{store.DEFAULT_PATH}).")
DecisionsOpt = typer.Option(None, "--decisions", "-d", help=f"Reviewers' decisions (default ./{decmod.DEFAULT_PATH}).")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Input errors exit 2 here (1 is kept for 'conflicts remain' / 'not found')."""
    return errors.fail(message, code)


def _open(archive: Path | None, read_only: bool = True):
    try:
        return store.connect(archive, read_only=read_only)
    except store.ArchiveError as exc:
        raise fail(str(exc)) from None


def _decisions(path: Path | None) -> decmod.Decisions:
    try:
        return decmod.load(path)
    except decmod.DecisionsError as exc:
        raise fail(str(exc)) from None


@archive_app.command("add")
def add_command(files: list[Path] = typer.Argument(..., metavar="FILES..."), archive: Path | None = ArchiveOpt) -> None:
    """Extract, match and store each file (one transaction each); files already stored are skipped."""
    con = _open(archive, read_only=False)
    try:
        m = matcher()
    except InputError as exc:
        raise fail(str(exc)) from None
    failed = 0
    with PagePool() as pool:
        for f in files:
            a = store.add(con, f, m, pool=pool)
            if a.status == "failed":
                failed += 1
                errors.fail(f"{f}: {a.error}")
            elif a.status == "skipped":
                err.print(f"{f}: already stored ({a.sha256[:12]}), skipped", highlight=False)
            elif a.status.startswith("redone"):
                err.print(f"{f}: {a.status}, {a.values} values", highlight=False)
            else:
                err.print(f"{f}: stored {a.values} values" + (f" ({a.error})" if a.error else ""), highlight=False)
    con.close()
    raise typer.Exit(1 if failed else 0)


@archive_app.command("status")
def status_command(archive: Path | None = ArchiveOpt) -> None:
    """Files stored, with status, pages and values."""
    con = _open(archive)
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
    archive: Path | None = ArchiveOpt,
    decisions: Path | None = DecisionsOpt,
) -> None:
    """Every published value of INDICATOR (a canonical id) for each month, with its source."""
    con = _open(archive)
    df = series.history(con, indicator, _decisions(decisions), measure)
    if df.empty:
        raise fail(f"no values for indicator {indicator!r} (measure {measure}) in the archive", 1)
    table = Table(title=f"{indicator} ({measure})")
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
) -> None:
    """The conflicts among everything stored; exit status 1 while some are unresolved."""
    con = _open(archive)
    r = series.result(con, _decisions(decisions))
    if output:
        try:
            write_findings(r, output)
        except (OSError, ValueError) as exc:
            raise fail(f"{output}: cannot write ({exc})") from None
    table = Table(title="conflicts")
    for col in ("id", "class", "indicator", "measure", "period", "values", "resolution"):
        table.add_column(col, overflow="fold")
    for f in r.conflicts:
        rec = f.to_record()
        table.add_row(rec["finding_id"], f.cls, f.canonical_id, f.measure, rec["period"], rec["values"], f.resolution)
    out.print(table)
    err.print(summary(r), highlight=False, markup=False)
    raise typer.Exit(1 if r.unresolved else 0)


@archive_app.command("export")
def export_command(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, parquet or xlsx."),
    output: Path | None = typer.Option(None, "-o", "--output"),
    archive: Path | None = ArchiveOpt,
    decisions: Path | None = DecisionsOpt,
) -> None:
    """One agreed value per indicator, period and measure, with where it was printed."""
    if fmt not in ("csv", "parquet", "xlsx"):
        raise fail(f"unknown --format {fmt!r}: use csv, parquet or xlsx")
    con = _open(archive)
    df = series.export_frame(con, _decisions(decisions))
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
    note: str = typer.Option("", "--note"),
    decisions: Path | None = DecisionsOpt,
) -> None:
    """Record a reviewer's decision in the decisions file (keep it in git)."""
    if not finding and not (indicator and period):
        raise fail("give a FINDING_ID, or --indicator and --period")
    path = decmod.append(decisions, decmod.Decision(finding, indicator, measure, period, value, note))
    err.print(f"recorded decision in {path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Called by the main CLI: adds `archive`."""
    app.add_typer(archive_app, name="archive")
