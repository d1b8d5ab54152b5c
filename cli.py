"""The `scorekit` command line.

Data goes to stdout (or `-o`), everything for the person at the terminal (progress, summary,
errors) to stderr, so `scorekit extract pack.pdf | csvlook` works. A file that cannot be read gets
one line naming it and the problem; the other files are still extracted and the exit status says
that something failed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .extract.output import FORMATS, infer_format, write_frame
from .extract.pipeline import ExtractError, ExtractResult, extract_file
from .match.commands import register as register_match_commands

app = typer.Typer(
    name="scorekit",
    help="Turn published performance-report PDFs into a trustworthy historical dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]scorekit: error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scorekit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """scorekit: extract, match and reconcile council performance scorecards."""


def _summary(results: list[ExtractResult], failed: list[tuple[str, str]], verbose: bool) -> None:
    table = Table(title="scorekit extract", title_justify="left", show_edge=False)
    for col in ("file", "pages", "read", "OCR", "tables", "values", "warnings"):
        table.add_column(col, justify="left" if col == "file" else "right")
    for r in results:
        read = sum(1 for p in r.pages if p.status == "read")
        ocrd = sum(1 for p in r.pages if p.method == "ocr")
        table.add_row(r.source, str(len(r.pages)), str(read), str(ocrd), str(r.n_tables), str(len(r.observations)), str(len(r.warnings)))
    for name, msg in failed:
        table.add_row(f"[red]{name}[/]", "-", "-", "-", "-", "-", "[red]failed[/]")
    err.print(table)
    for r in results:
        for w in r.warnings:
            err.print(f"[yellow]warning:[/] {r.source}: {w}", highlight=False)
        if verbose:
            for p in r.pages:
                err.print(f"  {r.source} p{p.page}: {p.status} ({p.method}) - {p.reason}; {p.tables} tables, {p.values} values", highlight=False)
        else:
            skipped = [p.page for p in r.pages if p.status == "skipped"]
            if skipped:
                err.print(f"  {r.source}: skipped {len(skipped)} pages without indicator tables: {_ranges(skipped)} (-v for reasons)", highlight=False)
            for p in r.pages:
                if p.method == "ocr":
                    err.print(f"  {r.source} p{p.page}: OCR - {p.reason.split(';')[0]}", highlight=False)


def _ranges(pages: list[int]) -> str:
    out, start, prev = [], None, None
    for p in pages + [None]:
        if start is None:
            start = prev = p
        elif p is not None and p == prev + 1:
            prev = p
        else:
            out.append(str(start) if start == prev else f"{start}-{prev}")
            start = prev = p
    return ",".join(out)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="PDF files to read.", show_default=False),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Write observations here (default: CSV on stdout)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=f"Output format: {'|'.join(FORMATS)} (default: from -o, else csv)."),
    pages: Optional[str] = typer.Option(None, "--pages", help="Pages to read, e.g. 1-3,7,10- (1-based)."),
    with_text: Optional[str] = typer.Option(None, "--with-text", help="Also write commentary/owner/reporter/outcome text to this file."),
    ocr: str = typer.Option("auto", "--ocr", help="auto: OCR pages without a usable text layer; always; never."),
    ocr_engine: str = typer.Option("tesseract", "--ocr-engine", help="OCR engine: tesseract or rapidocr (if installed)."),
    dpi: int = typer.Option(300, "--dpi", min=72, max=600, help="Resolution pages are rendered at for OCR."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Processes for OCR (0: one per core)."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Say for every page whether it was read and why."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary or progress on stderr."),
) -> None:
    """Extract indicator values from PDFs: one tidy row per printed value, traced to its page and cell."""
    if ocr not in ("auto", "always", "never"):
        raise fail(f"unknown --ocr mode {ocr!r}: use auto, always or never", 2)
    if ocr_engine not in ("tesseract", "rapidocr"):
        raise fail(f"unknown --ocr-engine {ocr_engine!r}: use tesseract or rapidocr", 2)
    try:
        out_fmt = infer_format(output, fmt)
        text_fmt = infer_format(with_text, None) if with_text else None
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    results: list[ExtractResult] = []
    failed: list[tuple[str, str]] = []
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=quiet or not err.is_terminal,
    )
    with progress:
        for path in files:
            task = progress.add_task(path.name, total=None)
            try:
                res = extract_file(
                    path, pages=pages, ocr=ocr, ocr_engine=ocr_engine, dpi=dpi, jobs=jobs or None,
                    progress=lambda d, n, t=task: progress.update(t, completed=d, total=n),
                )
            except ExtractError as exc:
                failed.append((str(path), str(exc)))
                progress.remove_task(task)
                err.print(f"[bold red]scorekit: error:[/] {path}: {exc}", highlight=False, soft_wrap=True)
                continue
            progress.remove_task(task)
            results.append(res)
    if results or not failed:
        frames = [r.observations for r in results if len(r.observations)]
        obs = pd.concat(frames, ignore_index=True) if frames else (results[0].observations if results else _empty())
        try:
            write_frame(obs, output, out_fmt)
            if with_text:
                texts = pd.concat([r.texts for r in results], ignore_index=True) if results else pd.DataFrame()
                write_frame(texts, with_text, text_fmt)
        except BrokenPipeError:
            # the reader went away (`| head`): stop quietly, as Unix tools do
            sys.stderr.close()
            raise typer.Exit(0) from None
        except (OSError, ValueError) as exc:
            raise fail(f"{output or 'stdout'}: cannot write ({exc})") from None
    if not quiet:
        _summary(results, failed, verbose)
    if failed:
        raise typer.Exit(1)


def _empty() -> pd.DataFrame:
    from .extract.pipeline import observations_frame

    return observations_frame([])


register_match_commands(app)

if __name__ == "__main__":
    app()
