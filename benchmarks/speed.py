"""Pages per second: scorekit next to camelot (lattice) and pdfplumber's extract_tables, same pages, same run.

Run: `.venv/bin/python benchmarks/speed.py [--repeat N] [NAME ...]`. Targets (issue 2): faster than
camelot lattice on every fixture; the 20+ page agenda pack in under 10 s on a 2-core machine.
The other tools get the same page list scorekit reads (its triage is part of its speed, so
scorekit's own time covers every page of the file).
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import pdfplumber
from rich.console import Console
from rich.table import Table

from scorekit.extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
BORN_DIGITAL = ["scorecard-2020-10", "scorecard-2021-08", "agenda-2023-11", "framework-2014-15-q2"]


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_camelot(path: Path, pages: int) -> None:
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        camelot.read_pdf(str(path), pages=f"1-{pages}", flavor="lattice")


def run_pdfplumber(path: Path) -> None:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-camelot", action="store_true", help="skip camelot (slow)")
    args = ap.parse_args()
    table = Table(title="scorekit speed (pages/s, best of --repeat)", title_justify="left")
    for col in ("fixture", "pages", "scorekit s", "scorekit p/s", "camelot lattice p/s", "pdfplumber p/s", "vs camelot"):
        table.add_column(col, justify="left" if col == "fixture" else "right")
    for name in args.names or BORN_DIGITAL:
        path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
        with pdfplumber.open(str(path)) as pdf:
            n = len(pdf.pages)
        sk = timed(lambda: extract_file(path), args.repeat)
        pl = timed(lambda: run_pdfplumber(path), args.repeat)
        cam = None if args.no_camelot else timed(lambda: run_camelot(path, n), args.repeat)
        table.add_row(
            name, str(n), f"{sk:.2f}", f"{n / sk:.1f}",
            "-" if cam is None else f"{n / cam:.2f}", f"{n / pl:.1f}",
            "-" if cam is None else f"{cam / sk:.1f}x faster" if cam > sk else f"{sk / cam:.1f}x SLOWER",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
