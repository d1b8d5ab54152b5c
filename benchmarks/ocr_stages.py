"""Where an OCR page's time goes: scorekit's stages next to bare `tesseract` on the same page.

Run: `.venv/bin/python benchmarks/ocr_stages.py [--engine E] [--repeat N] [NAME ...]`.

`benchmarks/speed.py --ocr-only` gives the ratio the target is set on (two workers, whole
fixtures); this table says which stage a page's seconds are spent in, in one process, so a
change that should speed a stage up can be seen to. Each page is rendered once at 300 dpi
(not timed), read once to warm the engines, then timed; best of `--repeat`. A stage's time is
its own (a stage it calls is counted there), split into the engines' time (tesseract, PP-OCR)
and the rest (numpy, OpenCV, Python). Stages: `prepare` (deskew, rule masks, grids), `cut cells`,
`read cells` (the general pass over the cells and each number's rereads), `labels` (headers and
references read again), `rescue` (value cells the general pass read as nothing or junk), `ink
test`, `glyphs` (the page's print), `arithmetic` (rows settled by their checks), `outside text`
(titles and notes outside the grids), `other` (the rest of `ocr_image`).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict

import pdfplumber
from rich.console import Console
from rich.table import Table
from speed import (  # run as a script: its folder is on the path
    OCR_FIXTURES,
    ROOT,
    _bare_tesseract,
)

# (module, function, stage): what ocr_image calls, by stage
STAGES = [
    ("image", "skew_angle", "prepare"),
    ("image", "rotate", "prepare"),
    ("image", "binarise", "prepare"),
    ("image", "line_masks", "prepare"),
    ("image", "rules", "prepare"),
    ("layout", "page_grids", "prepare"),
    ("layout", "cell_images", "cut cells"),
    ("labels", "read_header_first", "read cells"),
    ("labels", "fix_labels", "labels"),
    ("labels", "measure_columns", "labels"),
    ("cellread", "rescue_numbers", "rescue"),
    ("inkfit", "check_ink", "ink test"),
    ("pagefont", "page_font", "glyphs"),
    ("pagefont", "read_doubtful", "glyphs"),
    ("resolve", "resolve_rows", "arithmetic"),
    ("layout", "outside_image", "outside text"),
    ("image", "clean_for_ocr", "outside text"),
]
COLUMNS = [
    "prepare",
    "cut cells",
    "read cells",
    "labels",
    "rescue",
    "ink test",
    "glyphs",
    "arithmetic",
    "outside text",
    "other",
]


class Clock:
    """Exclusive seconds per (stage, kind): kind is an engine's name or `rest`."""

    def __init__(self) -> None:
        self.spent: dict[tuple[str, str], float] = defaultdict(float)
        self.stack: list[list] = []  # [stage, kind, start, seconds of its callees]

    def wrap(self, fn, stage: str, kind: str = "rest"):
        def timed(*args, **kwargs):
            outer = self.stack[-1][0] if self.stack else "other"
            frame = [stage or outer, kind, time.perf_counter(), 0.0]
            self.stack.append(frame)
            try:
                return fn(*args, **kwargs)
            finally:
                self.stack.pop()
                took = time.perf_counter() - frame[2]
                self.spent[(frame[0], kind)] += took - frame[3]
                if self.stack:
                    self.stack[-1][3] += took

        return timed


def instrument(engine) -> Clock:
    """Wrap ocr_image's stages and the engines' calls, in this process only."""
    import importlib

    from scorekit.extract.ocr import tess

    clock = Clock()
    for module, name, stage in STAGES:
        mod = importlib.import_module(f"scorekit.extract.ocr.{module}")
        setattr(mod, name, clock.wrap(getattr(mod, name), stage))
    tess.run = clock.wrap(tess.run, "", "tesseract")
    engine.words = clock.wrap(engine.words, "outside text")
    if engine.second is not None:
        engine.second.read_images = clock.wrap(engine.second.read_images, "", "PP-OCR")
    return clock


FLOOR = [
    ("cellread", "settle_numbers"),
    ("cellread", "rescue_numbers"),
    ("inkfit", "check_ink"),
    ("pagefont", "read_doubtful"),
    ("resolve", "resolve_rows"),
]


def floor() -> None:
    """Every cell read once, nothing checked: no number reread or rescued, no ink test, glyphs
    or arithmetic. What any reading of the grid's cells costs at least, and what it recovers."""
    import importlib

    for module, name in FLOOR:
        setattr(importlib.import_module(f"scorekit.extract.ocr.{module}"), name, lambda *a, **k: None)


def recall(name: str, engine: str) -> str:
    """Precision / recall of the fixture read in this process (so `--floor` applies)."""
    from scorekit.extract.pipeline import extract_file
    from scorekit.extract.scoring import load_truth, score

    s, _, _ = score(
        extract_file(ROOT / "fixtures" / "pdf" / f"{name}.pdf", ocr_engine=engine, jobs=1).observations,
        load_truth(ROOT / "fixtures" / "truth" / f"{name}.csv"),
    )
    return f"{s.precision:.3f} / {s.recall:.3f}"


def bare_tesseract(png: str) -> float:
    t0 = time.perf_counter()
    _bare_tesseract(png)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--engine", default="tesseract", choices=["tesseract", "tesseract+rapidocr"])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--floor", action="store_true", help=floor.__doc__.split(":")[0] + " (and its precision / recall)")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"

    import cv2

    from scorekit.extract.ocr import ocr_image
    from scorekit.extract.ocr.engines import get_engine
    from scorekit.extract.ocr.image import render

    engine = get_engine(args.engine)
    if args.floor:
        floor()
    clock = instrument(engine)
    what = "every cell read once, nothing checked (--floor)" if args.floor else "by stage"
    table = Table(
        title=f"OCR seconds per page {what}, one process, best of {args.repeat}, engine {args.engine} "
        "(each stage: engines' seconds + the rest)",
        title_justify="left",
    )
    for col in (
        "page",
        "bare tesseract",
        "scorekit",
        "ratio",
        *COLUMNS,
        *(["precision / recall"] if args.floor else []),
    ):
        table.add_column(col, justify="left" if col == "page" else "right")
    names = [n for n in OCR_FIXTURES if not args.names or n in args.names]
    with tempfile.TemporaryDirectory(prefix="scorekit-stages-") as tmp:
        for name in names:
            path = ROOT / "fixtures" / "pdf" / f"{name}.pdf"
            with pdfplumber.open(str(path)) as pdf:
                n = len(pdf.pages)
            for i in range(n):
                grey = render(path, i, 300)
                png = f"{tmp}/{name}-{i}.png"
                cv2.imwrite(png, grey)
                bare = min(bare_tesseract(png) for _ in range(args.repeat))
                ocr_image(grey, 300, engine)
                best, spent = float("inf"), {}
                for _ in range(args.repeat):
                    clock.spent.clear()
                    t0 = time.perf_counter()
                    ocr_image(grey, 300, engine)
                    took = time.perf_counter() - t0
                    if took < best:
                        best, spent = took, dict(clock.spent)
                spent[("other", "rest")] = best - sum(spent.values()) + spent.get(("other", "rest"), 0.0)
                cells = []
                for stage in COLUMNS:
                    engines = sum(v for (s, k), v in spent.items() if s == stage and k != "rest")
                    cells.append(f"{engines:.2f} + {spent.get((stage, 'rest'), 0.0):.2f}")
                score_ = [recall(name, args.engine) if i == n - 1 else ""] if args.floor else []
                table.add_row(f"{name} p{i + 1}", f"{bare:.2f}", f"{best:.2f}", f"{best / bare:.2f}x", *cells, *score_)
    Console(width=250).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
