"""Text-layer pages per second on one core, in-process: scorekit's pypdfium2 source next to
pdfplumber's parse of the same pages, and the whole per-page stage (routing included).

Run: `.venv/bin/python benchmarks/textlayer.py [--repeat N] [NAME ...]` (default: the born-digital
fixtures, the agenda pack first). Target (issue 15): the agenda pack's text-layer pages at 30
pages/s or more on one core, in-process. The process is pinned to one core and timed by its CPU
seconds (on a machine shared with other work, wall time measures the others too); each page's
time is its best of `--repeat` runs (each run opens the document once and reads every page),
and a fixture's pages/s is its page count over the sum of those.

Columns: `source` reads every page into words, rules and fills (`pdftext.read_layer` and
`page_content`); `pdfplumber` parses the same pages into characters, lines and rectangles and
runs its own `extract_words` (what the text layer cost before issue 15, before scorekit's word
grouping); `page stage` is `pipeline.page_stage` on every page: routing, triage, reading and
finding tables (pages triage skips as prose cost only their cheap look). `words`, `rules` and
`fills` are per page, from the source.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from rich.console import Console
from rich.table import Table

from scorekit.extract.pdftext import page_content, read_layer
from scorekit.extract.pipeline import Options, close_documents, page_stage

ROOT = Path(__file__).resolve().parent.parent
BORN_DIGITAL = ["agenda-2023-11", "scorecard-2020-10", "scorecard-2021-08", "framework-2014-15-q2", "scorecard-2018-06"]


@dataclass
class Counts:
    words: int = 0
    rules: int = 0
    fills: int = 0


Timer = Callable[[int, Callable[[], object]], None]  # times one page's step
Runner = Callable[[Timer], None]  # opens a document and hands each page's step to the timer


def per_page(run: Runner, n_pages: int, repeat: int) -> float:
    """CPU seconds for a fixture's pages: each page's best of `repeat`, summed. `run` opens the
    document once and calls its argument for each page; the argument times that page."""
    best = [float("inf")] * n_pages
    for _ in range(repeat):

        def timed(page_no: int, step: Callable[[], object]) -> None:
            t0 = time.process_time()
            step()
            best[page_no - 1] = min(best[page_no - 1], time.process_time() - t0)

        run(timed)
    return sum(best)


def source(path: Path, counts: Counts | None = None) -> Runner:
    def run(timed: Timer) -> None:
        doc = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(doc)):
                timed(i + 1, lambda i=i: _read_page(doc, i, path.name, counts))
        finally:
            doc.close()

    return run


def _read_page(doc, i: int, name: str, counts: Counts | None) -> None:
    page = doc[i]
    content = page_content(read_layer(page), name, i + 1)
    page.close()
    if counts is not None:
        counts.words += len(content.words)
        counts.rules += len(content.rules)
        counts.fills += len(content.fills)


def plumber(path: Path) -> Runner:
    def run(timed: Timer) -> None:
        with pdfplumber.open(str(path)) as pdf:
            for i, page in enumerate(pdf.pages):
                timed(i + 1, lambda page=page: _plumber_page(page))

    return run


def _plumber_page(page) -> None:
    page.chars, page.lines, page.rects  # noqa: B018 - parsing is what is timed
    page.extract_words()
    page.close()


def stage(path: Path, n_pages: int) -> Runner:
    def run(timed: Timer) -> None:
        opts = Options(isolate=False)
        try:
            for page_no in range(1, n_pages + 1):
                timed(page_no, lambda k=page_no: page_stage(str(path), k, opts))
        finally:
            close_documents()

    return run


def pin_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="fixtures (default: the born-digital ones)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    where = pin_one_core()
    title = f"text layer, pages/s on one core ({where}; CPU seconds, each page's best of {args.repeat})"
    table = Table(title=title, title_justify="left")
    columns = ["fixture", "pages", "source p/s", "pdfplumber p/s", "vs pdfplumber", "page stage p/s"]
    for col in [*columns, "words", "rules", "fills"]:
        table.add_column(col, justify="left" if col == "fixture" else "right")
    for name in args.names or BORN_DIGITAL:
        path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
        doc = pdfium.PdfDocument(str(path))
        n = len(doc)
        doc.close()
        counts = Counts()
        source(path, counts)(lambda _page, step: step())
        stage(path, n)(lambda _page, step: step())  # the word list and letter-pair tables load once per process
        read = per_page(source(path), n, args.repeat)
        parse = per_page(plumber(path), n, args.repeat)
        staged = per_page(stage(path, n), n, args.repeat)
        table.add_row(
            name,
            str(n),
            f"{n / read:.1f}",
            f"{n / parse:.1f}",
            f"{parse / read:.1f}x",
            f"{n / staged:.1f}",
            f"{counts.words / n:.0f}",
            f"{counts.rules / n:.0f}",
            f"{counts.fills / n:.1f}",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
