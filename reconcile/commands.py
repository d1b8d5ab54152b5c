"""`scorekit reconcile`: the conflicts among everything the given documents print.

The exit status is for scripted checks: 0 when no conflict is left unresolved (equivalents and
duplicate copies never count), 1 when some are, 2 when an input cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .. import errors
from . import decisions as decmod
from .engine import Result, reconcile
from .findings import CLASSES
from .inputs import InputError, load
from .output import write
from .resolve import apply_decisions

out = Console()
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Input errors exit 2 here (1 is kept for 'conflicts remain' / 'not found')."""
    return errors.fail(message, code)


def run(inputs: list[Path], decisions: Path | None) -> Result:
    """Shared with `report`: inputs -> findings with decisions applied; errors as InputError."""
    try:
        df = load(inputs)
        dec = decmod.load(decisions)
    except decmod.DecisionsError as exc:
        raise InputError(str(exc)) from None
    result = reconcile(df)
    apply_decisions(result, dec)
    return result


def summary(result: Result) -> str:
    counts = result.counts()
    parts = ", ".join(f"{counts[c]} {c}" for c in CLASSES)
    return (
        f"{result.groups} indicator-periods with more than one printed value "
        f"({result.agreeing} agree exactly); findings: {parts}; "
        f"{len(result.unresolved)} conflict(s) unresolved"
    )


def reconcile_command(
    inputs: list[Path] = typer.Argument(
        ..., metavar="OBS-or-PDF...", help="Matched observations (.csv/.json/.parquet) or PDFs."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write findings here (.csv or .json)."),
    decisions: Path | None = typer.Option(
        None, "--decisions", "-d", help=f"Reviewers' decisions (default ./{decmod.DEFAULT_PATH})."
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary on stderr."),
) -> None:
    """Group values by indicator, period and measure, and classify every disagreement."""
    if output is not None and output.suffix.lower() not in (".csv", ".json"):
        raise fail(f"{output}: unknown format {output.suffix or '(none)'!r}; use .csv or .json")
    try:
        result = run(inputs, decisions)
    except InputError as exc:
        raise fail(str(exc)) from None
    if output is not None:
        try:
            write(result, output)
        except OSError as exc:
            raise fail(f"{output}: cannot write ({exc.strerror or exc})") from None
    else:
        table = Table(title="conflicts")
        for col in ("class", "indicator", "area", "measure", "period", "k", "values", "reason"):
            table.add_column(col, overflow="fold")
        for f in result.conflicts:
            r = f.to_record()
            table.add_row(
                f.cls, f.canonical_id, f.area, f.measure, r["period"], str(r["shift_months"]), r["values"], f.reason
            )
        out.print(table)
    if not quiet:
        err.print(summary(result), highlight=False, markup=False)
    raise typer.Exit(1 if result.unresolved else 0)


def register(app: typer.Typer) -> None:
    """Called by the main CLI: adds `reconcile`."""
    app.command("reconcile")(reconcile_command)
