"""Precision and recall of (ref or name, period, measure, value) per fixture against ground truth.

Run: `.venv/bin/python benchmarks/accuracy.py [--engine auto|tesseract|rapidocr|tesseract+rapidocr|all] [NAME ...]`. Also
reports how many extracted numbers are printed nowhere in the PDF (must be 0), how many readings
were withheld (`low_confidence`: no value stated, so not counted as extracted) and how often the
printed name is reproduced exactly. Born-digital fixtures are read once (no OCR, the engine does
not matter); the OCR fixtures (scans, garbled text layer) once per engine asked for.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from scorekit.extract.ocr.engines import ENGINES
from scorekit.extract.pipeline import extract_file
from scorekit.extract.scoring import load_truth, score

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixtures(names: list[str]) -> list[str]:
    available = sorted(
        p.stem for p in (FIXTURES / "truth").glob("*.csv") if (FIXTURES / "pdf" / f"{p.stem}.pdf").exists()
    )
    return [n for n in available if not names or n in names]


def name_exact(extracted, truth) -> float:
    t = set(zip(truth["ref"], truth["indicator"], strict=False))
    e = set(zip(extracted["ref"].fillna(""), extracted["indicator"].fillna(""), strict=False))
    return len(t & e) / len(t) if t else 1.0


def is_ocr_fixture(name: str) -> bool:
    return "-scan" in name or name.endswith("-garbled")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--engine", choices=[*ENGINES, "all"], default="auto")
    ap.add_argument("--ocr-only", action="store_true", help="only the fixtures that need OCR")
    args = ap.parse_args(argv)
    engines = [e for e in ENGINES if e != "auto"] if args.engine == "all" else [args.engine]
    table = Table(title="scorekit accuracy", title_justify="left")
    for col in (
        "fixture",
        "engine",
        "pages",
        "truth",
        "extracted",
        "withheld",
        "correct",
        "precision",
        "recall",
        "not printed",
        "names exact",
        "seconds",
    ):
        table.add_column(col, justify="left" if col == "fixture" else "right")
    for name in fixtures(args.names):
        ocr = is_ocr_fixture(name)
        if args.ocr_only and not ocr:
            continue
        truth = load_truth(FIXTURES / "truth" / f"{name}.csv")
        for engine in engines if ocr else ["-"]:
            t0 = time.perf_counter()
            res = extract_file(FIXTURES / "pdf" / f"{name}.pdf", ocr_engine=engine if ocr else "tesseract")
            dt = time.perf_counter() - t0
            s, _, _ = score(res.observations, truth)
            table.add_row(
                name,
                engine,
                str(len(res.pages)),
                str(s.truth),
                str(s.extracted),
                str(s.withheld),
                str(s.correct),
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                str(s.not_printed),
                f"{name_exact(res.observations, truth):.3f}",
                f"{dt:.2f}",
            )
    Console(width=170).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
