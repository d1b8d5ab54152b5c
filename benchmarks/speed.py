"""Pages per second: scorekit next to camelot (lattice) and pdfplumber's extract_tables, same pages, same run.

Run: `.venv/bin/python benchmarks/speed.py [--repeat N] [--ocr] [NAME ...]`. Targets (issue 2): faster
than camelot lattice on every fixture; the 20+ page agenda pack in under 10 s on a 2-core machine.
`--ocr` adds the OCR section (issue 3 target: scorekit's OCR at most 1.3x bare `tesseract` per
page): the OCR fixtures' pages rendered once at 300 dpi, then read by bare `tesseract IMG OUT`
and by scorekit's `ocr_image` on the same images, each over a pool of as many workers as cores,
so both keep every core busy; s/page = wall time x workers / pages. `numbers in bare text`
is the share of the fixture's printed numbers found among bare tesseract's words: what the
ratio's denominator actually reads of the tables (scorekit's share is `accuracy.py`'s recall).
`--bare-psm 11` times bare tesseract in its sparse-text mode, the one suited to tables, instead
of its default. `benchmarks/ocr_stages.py` splits scorekit's seconds by stage.
The other tools get the same page list scorekit reads (its triage is part of its speed, so
scorekit's own time covers every page of the file).
"""

from __future__ import annotations

import argparse
import time
import warnings
from functools import partial
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


OCR_FIXTURES = ["scorecard-2020-10-scan200", "scorecard-2018-06-scan150", "scorecard-2020-10-garbled"]


def _map_ocr(pool, engine, pngs):
    return list(pool.map(partial(_scorekit_ocr, engine=engine), pngs))


def _map_bare(pool, psm, pngs):
    return list(pool.map(partial(_bare_tesseract, psm=psm), pngs))


def _bare_tesseract(png: str, psm: str = "") -> None:
    import os
    import subprocess

    subprocess.run(
        ["tesseract", png, png[:-4], *(["--psm", psm] if psm else [])],
        check=True,
        capture_output=True,
        env=dict(os.environ, OMP_THREAD_LIMIT="1"),
    )


def _number(token: str) -> str:
    token = token.replace(",", "").rstrip("%")
    return token.rstrip("0").rstrip(".") if "." in token else token


def bare_recovered(name: str, texts: list[str]) -> float:
    """Share of the fixture's printed numbers that appear as words in bare tesseract's text:
    what the denominator of the ratio reads of the table (a scorecard is laid out as a page of
    text by default, so the grid's figures are mostly lost or glued together)."""
    import re
    from collections import Counter

    from scorekit.extract.scoring import load_truth

    values = load_truth(ROOT / "fixtures" / "truth" / f"{name}.csv")["value"]
    truth = Counter(_number(v) for v in values if re.fullmatch(r"-?[\d.]+", v))
    words = Counter(_number(w) for text in texts for w in text.split())
    return sum(min(n, words[v]) for v, n in truth.items()) / max(1, sum(truth.values()))


def _scorekit_ocr(png: str, engine: str = "tesseract") -> int:
    import cv2

    from scorekit.extract.ocr import ocr_image

    return len(ocr_image(cv2.imread(png, cv2.IMREAD_GRAYSCALE), 300, engine).words)


def _warm(engine: str) -> None:
    """Load the engine's models in a worker before timing (done once per process in real runs)."""
    from scorekit.extract.ocr.engines import get_engine

    e = get_engine(engine)
    for part in (e, e.second):
        if hasattr(part, "_get"):
            part._get()


def ocr_section(names: list[str], jobs: int, engines: list[str], repeat: int = 1, psm: str = "") -> Table:
    """Seconds per page, best of `repeat` runs each. On this 2-core machine the ratio of one run
    of the same code moved by up to 0.45x between runs, the best of three by 0.17x; the bare
    tesseract figure is steady, scorekit's is not (two workers, six pages: one slow page sets
    the wall time)."""
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    import cv2

    from scorekit.extract.ocr import tess
    from scorekit.extract.ocr.image import render

    how = "in-process (tesserocr)" if tess._api("eng") is not None else "CLI"
    table = Table(
        title=(
            f"OCR seconds per page at 300 dpi, {jobs} workers, best of {repeat}, scorekit's tesseract {how} "
            f"(target: scorekit <= 1.3x bare tesseract{f' --psm {psm}' if psm else ''})"
        ),
        title_justify="left",
    )
    for col in (
        "fixture",
        "pages",
        "bare tesseract s/page",
        "numbers in bare text",
        *(f"{e} s/page" for e in engines),
        *(f"{e} ratio" for e in engines),
    ):
        table.add_column(col, justify="left" if col == "fixture" else "right")
    with tempfile.TemporaryDirectory(prefix="scorekit-speed-") as tmp, ProcessPoolExecutor(jobs) as pool:
        for name in names:
            path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
            with pdfplumber.open(str(path)) as pdf:
                n = len(pdf.pages)
            pngs = []
            for i in range(n):
                png = f"{tmp}/{name}-{i}.png"
                cv2.imwrite(png, render(path, i, 300))
                pngs.append(png)
            bare = timed(partial(_map_bare, pool, psm, pngs), repeat) * jobs / n
            ours = []
            for engine in engines:
                list(pool.map(_warm, [engine] * jobs * 2))
                run = partial(_map_ocr, pool, engine, pngs)
                ours.append(timed(run, repeat) * jobs / n)
            found = bare_recovered(name, [Path(p[:-4] + ".txt").read_text(errors="replace") for p in pngs])
            table.add_row(
                name,
                str(n),
                f"{bare:.2f}",
                f"{found:.0%}",
                *(f"{t:.2f}" for t in ours),
                *(f"{t / bare:.2f}x" for t in ours),
            )
    return table


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-camelot", action="store_true", help="skip camelot (slow)")
    ap.add_argument("--ocr", action="store_true", help="add the OCR section (scorekit vs bare tesseract)")
    ap.add_argument("--ocr-only", action="store_true", help="only the OCR section")
    ap.add_argument("--jobs", type=int, default=0, help="OCR workers (default: all cores)")
    ap.add_argument(
        "--bare-psm",
        default="",
        help="page segmentation mode of bare tesseract (default: its own, 3; 11 is sparse text, the mode for tables)",
    )
    ap.add_argument(
        "--engine",
        action="append",
        choices=["tesseract", "tesseract+rapidocr", "rapidocr"],
        help="OCR engine(s) to time (repeatable; default: tesseract and tesseract+rapidocr)",
    )
    args = ap.parse_args()
    args.engine = args.engine or ["tesseract", "tesseract+rapidocr"]
    if args.ocr or args.ocr_only:
        import os

        ocr_names = [n for n in args.names if n in OCR_FIXTURES] or OCR_FIXTURES
        Console(width=180).print(
            ocr_section(ocr_names, args.jobs or os.cpu_count() or 1, args.engine, args.repeat, args.bare_psm)
        )
        if args.ocr_only:
            return 0
    table = Table(title="scorekit speed (pages/s, best of --repeat)", title_justify="left")
    for col in (
        "fixture",
        "pages",
        "scorekit s",
        "scorekit p/s",
        "camelot lattice p/s",
        "pdfplumber p/s",
        "vs camelot",
    ):
        table.add_column(col, justify="left" if col == "fixture" else "right")
    for name in [n for n in args.names if n not in OCR_FIXTURES] or BORN_DIGITAL:
        path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
        with pdfplumber.open(str(path)) as pdf:
            n = len(pdf.pages)
        sk = timed(partial(extract_file, path), args.repeat)
        pl = timed(partial(run_pdfplumber, path), args.repeat)
        cam = None if args.no_camelot else timed(partial(run_camelot, path, n), args.repeat)
        table.add_row(
            name,
            str(n),
            f"{sk:.2f}",
            f"{n / sk:.1f}",
            "-" if cam is None else f"{n / cam:.2f}",
            f"{n / pl:.1f}",
            "-" if cam is None else f"{cam / sk:.1f}x faster" if cam > sk else f"{sk / cam:.1f}x SLOWER",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
