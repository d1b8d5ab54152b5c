"""`scorekit report conflicts`: the review page (HTML) or workbook (xlsx) of the findings.

Inputs are observation files or PDFs to reconcile now; with none, the archive's contents.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from .. import errors
from ..archive.locking import DEFAULT_WAIT
from ..reconcile import decisions as decmod
from ..reconcile.inputs import InputError

err = Console(stderr=True, soft_wrap=True)
report_app = typer.Typer(help="Reports for reviewers.", no_args_is_help=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Input errors exit 2 here (1 is kept for 'conflicts remain' / 'not found')."""
    return errors.fail(message, code)


@report_app.command("conflicts")
def conflicts_report(
    inputs: list[Path] = typer.Argument(None, metavar="[OBS-or-PDF...]"),
    output: Path = typer.Option(Path("review.html"), "-o", "--output", help="review.html or .xlsx"),
    archive: Path | None = typer.Option(None, "--archive", "-a", help="Archive to read when no inputs are given."),
    decisions: Path | None = typer.Option(None, "--decisions", "-d"),
    pdf_dir: list[Path] = typer.Option([], "--pdf-dir", help="Where to find PDFs named in observation files."),
    include_all: bool = typer.Option(False, "--all", help="Also show equivalents and duplicate copies."),
    max_cells: int = typer.Option(40, "--max-cells", min=1, help="Crops shown per finding."),
    wait: float = typer.Option(
        DEFAULT_WAIT, "--wait", min=0, metavar="SECONDS", help="How long to wait for another process using the archive."
    ),
) -> None:
    """Every conflict with the printed cells it rests on, a chart, and how to record a decision."""
    suffix = output.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        raise fail(f"{output}: unknown format {suffix or '(none)'!r}; use .html or .xlsx")
    try:
        if inputs:
            from ..reconcile.commands import run

            result = run(list(inputs), decisions)
        else:
            from ..archive import series
            from ..archive.commands import stored_observations

            result = series.result(stored_observations(archive, wait), decmod.load(decisions))
    except (InputError, decmod.DecisionsError) as exc:
        raise fail(str(exc)) from None
    try:
        if suffix == ".xlsx":
            from .xlsx import write

            write(result, output, include_all=True)
        else:
            from .crops import Cropper
            from .html import build

            cropper = Cropper(list(pdf_dir))
            try:
                page = build(result, cropper, include_all=include_all, max_cells=max_cells)
            finally:
                cropper.close()
            output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror or exc})") from None
    err.print(f"wrote {len(result.conflicts)} conflict(s) to {output}", highlight=False)


def register(app: typer.Typer) -> None:
    """Called by the main CLI: adds `report`."""
    app.add_typer(report_app, name="report")
