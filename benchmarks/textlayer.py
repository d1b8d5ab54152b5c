"""Text-layer pages per second on one core, in-process: scorekit's pypdfium2 source next to
pdfplumber's parse of the same pages, and the whole per-page stage (routing included).

Run: `.venv/bin/python benchmarks/textlayer.py [--repeat N] [NAME ...]` (default: the born-digital
fixtures, the agenda pack first). Target (issue 15): the agenda pack's text-layer pages at 30
pages/s or more on one core, in-process. The process is pinned to one core and timed by its CPU
seconds (on a machine shared with other work, wall time measures the others too); every figure
is the best of `--repeat` runs over all of a fixture's pages, each document opened once per run.

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


def best(fn: Callable[[], object], repeat: int) -> float:
    """CPU seconds of this process (other work on a shared machine does not count), best run."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def read_source(path: Path, counts: Counts | None = None) -> None:
    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(doc)):
            page = doc[i]
            content = page_content(read_layer(page), path.name, i + 1)
            page.close()
            if counts is not None:
                counts.words += len(content.words)
                counts.rules += len(content.rules)
                counts.fills += len(content.fills)
    finally:
        doc.close()


def read_pdfplumber(path: Path) -> None:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.chars, page.lines, page.rects  # noqa: B018 - parsing is what is timed
            page.extract_words()
            page.close()


def run_stage(path: Path, n_pages: int) -> None:
    opts = Options(isolate=False)
    try:
        for page_no in range(1, n_pages + 1):
            page_stage(str(path), page_no, opts)
    finally:
        close_documents()


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
    table = Table(title=f"text layer, pages/s on one core ({where}; best of {args.repeat})", title_justify="left")
    columns = ["fixture", "pages", "source p/s", "pdfplumber p/s", "vs pdfplumber", "page stage p/s"]
    for col in [*columns, "words", "rules", "fills"]:
        table.add_column(col, justify="left" if col == "fixture" else "right")
    for name in args.names or BORN_DIGITAL:
        path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
        doc = pdfium.PdfDocument(str(path))
        n = len(doc)
        doc.close()
        counts = Counts()
        read_source(path, counts)
        run_stage(path, n)  # the word list and letter-pair tables load once per process, not per run
        source = best(lambda p=path: read_source(p), args.repeat)
        plumber = best(lambda p=path: read_pdfplumber(p), args.repeat)
        stage = best(lambda p=path, k=n: run_stage(p, k), args.repeat)
        table.add_row(
            name,
            str(n),
            f"{n / source:.1f}",
            f"{n / plumber:.1f}",
            f"{plumber / source:.1f}x",
            f"{n / stage:.1f}",
            f"{counts.words / n:.0f}",
            f"{counts.rules / n:.0f}",
            f"{counts.fills / n:.1f}",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
