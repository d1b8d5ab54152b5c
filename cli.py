"""The `scorekit` command line.

Data goes to stdout (or `-o`), everything for the person at the terminal (progress, summary,
errors) to stderr, so `scorekit extract pack.pdf | csvlook` works. A file that cannot be read gets
one line naming it and the problem; the other files are still extracted and the exit status says
that something failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .archive.commands import register as register_archive_commands
from .errors import err, fail
from .extract.ocr.engines import EngineName
from .extract.output import OutputFormat, Sink, infer_format
from .extract.pipeline import TEXT_COLUMNS, ExtractError, OcrMode, Options, iter_extract
from .extract.schema import COLUMNS, OBSERVATION_DTYPES
from .extract.workers import PagePool
from .match.commands import register as register_match_commands
from .reconcile.commands import register as register_reconcile_commands
from .report.commands import register as register_report_commands

app = typer.Typer(
    name="scorekit",
    help="Turn published performance-report PDFs into a trustworthy historical dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from .environment import versions

        typer.echo(f"scorekit {__version__}")
        for name, v in versions().items():
            typer.echo(f"  {name} {v}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Show the version, and those of the OCR and PDF libraries it reads with, and exit.",
    ),
) -> None:
    """scorekit: extract, match and reconcile council performance scorecards."""


def _stop_children() -> None:
    """Kill every worker this command started. Ctrl-C can land while the pool is starting a
    worker, before it records it: the pool cannot stop what it does not know of, that worker
    waits for work forever, and the interpreter's exit waits for it. The command owns every
    child process it has."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.kill()


def _summary(results: list[FileRun], failed: list[tuple[str, str]], verbose: bool) -> None:
    table = Table(title="scorekit extract", title_justify="left", show_edge=False)
    for col in ("file", "pages", "read", "OCR", "tables", "values", "warnings"):
        table.add_column(col, justify="left" if col == "file" else "right")
    for r in results:
        read = sum(1 for p in r.pages if p.status == "read")
        ocrd = sum(1 for p in r.pages if p.method == "ocr")
        table.add_row(
            r.source, str(len(r.pages)), str(read), str(ocrd), str(r.n_tables), str(r.values), str(len(r.warnings))
        )
    for name, _ in failed:
        table.add_row(f"[red]{name}[/]", "-", "-", "-", "-", "-", "[red]failed[/]")
    err.print(table)
    for r in results:
        for line in _page_notes(r, verbose):
            err.print(line, highlight=False)


def _page_notes(r: FileRun, verbose: bool) -> list[str]:
    """Warnings, then every page's reason (-v), or the skipped pages and the OCR'd ones."""
    lines = [f"[yellow]warning:[/] {r.source}: {w}" for w in r.warnings]
    if verbose:
        return lines + [
            f"  {r.source} p{p.page}: {p.status} ({p.method}) - {p.reason}; {p.tables} tables, {p.values} values"
            for p in r.pages
        ]
    skipped = [p.page for p in r.pages if p.status == "skipped"]
    if skipped:
        lines.append(
            f"  {r.source}: skipped {len(skipped)} pages without indicator tables: {_ranges(skipped)} (-v for reasons)"
        )
    return lines + [f"  {r.source} p{p.page}: OCR - {p.reason.split(';')[0]}" for p in r.pages if p.method == "ocr"]


def _ranges(pages: list[int]) -> str:
    """`1,2,3,7,9,10` -> `1-3,7,9-10`."""
    runs: list[list[int]] = []
    for p in sorted(pages):
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ",".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


@dataclass
class FileRun:
    source: str
    pages: list = field(default_factory=list)
    values: int = 0

    @property
    def n_tables(self) -> int:
        return sum(p.tables for p in self.pages)

    @property
    def warnings(self) -> list[str]:
        return [f"page {p.page}: {p.reason}" for p in self.pages if p.status == "failed"]


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="PDF files to read.", show_default=False),
    output: str | None = typer.Option(None, "-o", "--output", help="Write observations here (default: CSV on stdout)."),
    fmt: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="Output format (default: from -o's extension, else csv)."
    ),
    pages: str | None = typer.Option(None, "--pages", help="Pages to read, e.g. 1-3,7,10- (1-based)."),
    with_text: str | None = typer.Option(
        None, "--with-text", help="Also write commentary/owner/reporter/outcome text to this file."
    ),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help="auto: OCR pages without a usable text layer."),
    ocr_engine: EngineName = typer.Option(
        EngineName.auto, "--ocr-engine", help="auto: tesseract+rapidocr where rapidocr is installed, else tesseract."
    ),
    dpi: int = typer.Option(300, "--dpi", min=72, max=600, help="Resolution pages are rendered at for OCR."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="Worker processes for pages (0: one per core; 1: no workers)."
    ),
    password: str | None = typer.Option(None, "--password", help="Password for encrypted PDFs (user password)."),
    page_timeout: float = typer.Option(
        300.0, "--page-timeout", min=1, help="Seconds one page may take before it is given up."
    ),
    max_memory: int = typer.Option(
        3072,
        "--max-memory",
        min=256,
        help="Memory a worker may add while reading one page, in MB (a cap against decompression bombs).",
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address: one task per document on the cluster."
    ),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Say for every page whether it was read and why."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary or progress on stderr."),
) -> None:
    """Extract indicator values from PDFs: one tidy row per printed value, traced to its page and cell."""
    try:
        out_fmt = infer_format(output, fmt)
        sink = Sink(output, out_fmt, OBSERVATION_DTYPES)
        text_sink = Sink(with_text, infer_format(with_text, None)) if with_text else None
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    opts = Options(
        pages=pages,
        ocr=ocr,
        ocr_engine=ocr_engine,
        dpi=dpi,
        jobs=jobs or None,
        password=password,
        page_timeout=page_timeout,
        max_memory_mb=max_memory,
    )
    runs: list[FileRun] = []
    failed: list[tuple[str, str]] = []
    try:
        if scheduler:
            _extract_on_cluster(files, opts, scheduler, sink, text_sink, runs, failed)
        else:
            _extract_here(files, opts, sink, text_sink, runs, failed, quiet)
        sink.close()
        if text_sink:
            text_sink.close()
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as Unix tools do
        sys.stderr.close()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        _stop_children()
        err.print("scorekit: interrupted; output so far is complete up to the last page written", highlight=False)
        raise typer.Exit(130) from None
    except OSError as exc:
        raise fail(f"{output or 'stdout'}: cannot write ({exc})") from None
    if not quiet:
        _summary(runs, failed, verbose)
    if failed:
        raise typer.Exit(1)


def _file_failed(path: Path, message: str, failed: list) -> None:
    failed.append((str(path), message))
    fail(f"{path}: {message}")


def _extract_here(files, opts, sink, text_sink, runs, failed, quiet) -> None:
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )
    with progress, PagePool(opts.jobs, opts.page_timeout, opts.max_memory_mb) as pool:
        for path in files:
            task = progress.add_task(path.name, total=None)
            run = FileRun(path.name)
            try:
                for out in iter_extract(path, opts, pool=pool, progress=_progress_of(progress, task)):
                    run.pages.append(out.report)
                    run.values += len(out.rows)
                    sink.write_rows(out.rows, COLUMNS)
                    if text_sink is not None:
                        text_sink.write_rows(out.text_rows, TEXT_COLUMNS)
            except ExtractError as exc:
                _file_failed(path, str(exc), failed)
                continue
            finally:
                progress.remove_task(task)
            _finish(path, run, runs, failed)


def _progress_of(progress: Progress, task: TaskID) -> Callable[[int, int], None]:
    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return update


def _finish(path: Path, run: FileRun, runs: list, failed: list) -> None:
    if run.pages and all(p.status == "failed" for p in run.pages):
        _file_failed(path, f"no page could be read ({run.pages[0].reason})", failed)
    else:
        runs.append(run)


def _extract_on_cluster(files, opts, address, sink, text_sink, runs, failed) -> None:
    """One task per document on a Dask cluster; pages inside a task run in that worker."""
    try:
        from distributed import Client
    except ImportError:
        raise fail("--scheduler needs the 'distributed' package (pip install distributed)", 2) from None
    from .extract.cluster import extract_on_cluster

    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise fail(f"cannot reach the Dask scheduler at {address} ({exc})", 1) from None
    with client:
        for path, result in extract_on_cluster(client, files, opts):
            if isinstance(result, ExtractError):
                _file_failed(path, str(result), failed)
                continue
            run = FileRun(result.source, result.pages, len(result.observations))
            sink.write(result.observations)
            if text_sink is not None:
                text_sink.write(result.texts)
            _finish(path, run, runs, failed)


@app.command()
def tables(
    file: Path = typer.Argument(..., help="PDF file to read.", show_default=False),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the tables' JSON here (default: stdout)."),
    pages: str | None = typer.Option(None, "--pages", help="Pages to read, e.g. 1-3,7,10- (1-based)."),
    show: Path | None = typer.Option(
        None, "--show", help="Write one PNG per page into this folder, the tables, cells and header rows drawn over it."
    ),
    password: str | None = typer.Option(None, "--password", help="Password for encrypted PDFs (user password)."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="Worker processes for pages (0: one per core; 1: no workers)."
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress or summary on stderr."),
) -> None:
    """The raw tables scorekit's reader finds, as JSON: cells on their grid, boxes in PDF points as displayed."""
    import json

    opts = Options(pages=pages, jobs=jobs or None, password=password)
    try:
        if show is not None:
            show.mkdir(parents=True, exist_ok=True)
        found, reports = _find_tables(file, opts, show, quiet)
    except ExtractError as exc:
        raise fail(f"{file}: {exc}") from None
    except OSError as exc:
        raise fail(f"{show}: cannot write ({exc})") from None
    if reports and all(r.status == "failed" for r in reports):
        raise fail(f"{file}: no page could be read ({reports[0].reason})")
    text = json.dumps([t.to_json() for t in found], indent=1, ensure_ascii=False)
    try:
        if output is None:
            typer.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None
    except OSError as exc:
        raise fail(f"{output or 'stdout'}: cannot write ({exc})") from None
    if not quiet:
        _tables_summary(file, reports, len(found))


def _find_tables(file: Path, opts: Options, show: Path | None, quiet: bool) -> tuple[list, list]:
    """Every page's tables as `FoundTable`s, and the pages' reports; a failed page gets one line."""
    from .extract.pipeline import iter_tables
    from .extract.tabledraw import PageStatus, save_page_image
    from .extract.tablejson import found_table

    found, reports = [], []
    with _page_progress(quiet) as progress, PagePool(opts.jobs, opts.page_timeout, opts.max_memory_mb) as pool:
        task = progress.add_task(file.name, total=None)
        for page in iter_tables(
            file, opts, pool=pool, progress=lambda d, n: progress.update(task, completed=d, total=n)
        ):
            r = page.report
            reports.append(r)
            page_tables = [found_table(t, page.frame, page.report.method) for t in page.tables]
            found += page_tables
            if r.status == "failed":
                warning = f"scorekit: warning: {file} page {r.page}: {r.reason}"
                err.print(warning, highlight=False, markup=False, soft_wrap=True)
            elif show is not None:
                status = PageStatus(r.page, r.status, r.method, r.reason)
                save_page_image(file, status, page_tables, show, password=opts.password)
    return found, reports


def _page_progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    )


def _tables_summary(file: Path, reports: list, n_tables: int) -> None:
    read = [r.page for r in reports if r.status == "read"]
    skipped = [r.page for r in reports if r.status == "skipped"]
    line = f"{file.name}: {len(reports)} pages, {len(read)} read, {n_tables} tables"
    if skipped:
        line += f"; no table found on pages {_ranges(skipped)}"
    err.print(line, highlight=False, markup=False, soft_wrap=True)


register_match_commands(app)
register_reconcile_commands(app)
register_archive_commands(app)
register_report_commands(app)

if __name__ == "__main__":
    app()
