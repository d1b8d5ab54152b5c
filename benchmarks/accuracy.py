"""Precision and recall of (ref or name, area, period, measure, value) against ground truth.

Fixtures: `.venv/bin/python benchmarks/accuracy.py [--engine auto|tesseract|rapidocr|tesseract+rapidocr|all]
[--json FILE] [NAME ...]`.
Also reports how many extracted numbers are printed nowhere in the PDF (must be 0), how many
readings were withheld (`low_confidence`: no value stated, so not counted as extracted) and how
often the printed name is reproduced exactly. Born-digital fixtures are read once (no OCR, the
engine does not matter); the OCR fixtures (scans, garbled text layer) once per engine asked for.

Corpus: `.venv/bin/python benchmarks/accuracy.py --corpus [--split development|validation]
[--subset ci] [--family F] [--degradation D] [-j 2] [--floors JSON] [--write-ci]` scores every document of
`fixtures/corpus/manifest.csv` (derived documents are built on first use into
`fixtures/build/corpus/`): precision and recall per document; pooled per family x degradation,
per family and per degradation; the ten worst documents, and what went wrong per family and per
degradation; and the numbers the reader invented (printed nowhere on their page). The validation
part shows pooled lines only (per degradation, per renderer, all): never a document or a family,
and `--family` never selects it.
`--manifest DIR/manifest.csv` scores a probe build instead (`python -m
scorekit.fixtures.generator.corpus --probe DIR`: bases the corpus never holds, split `probe`).
"""

from __future__ import annotations

import argparse
import json
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
    t = set(zip(truth["ref"], truth["indicator"], strict=True))
    e = set(zip(extracted["ref"].fillna(""), extracted["indicator"].fillna(""), strict=True))
    return len(t & e) / len(t) if t else 1.0


def is_ocr_fixture(name: str) -> bool:
    return "-scan" in name or name.endswith("-garbled")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--engine", choices=[*ENGINES, "all"], default="auto")
    ap.add_argument("--ocr-only", action="store_true", help="only the fixtures that need OCR")
    ap.add_argument("--json", help="fixtures: also write each fixture's precision and recall here")
    ap.add_argument("--corpus", action="store_true", help="score the corpus (fixtures/corpus/manifest.csv)")
    ap.add_argument("--split", choices=["development", "validation", "probe"], help="corpus: one part only")
    ap.add_argument("--manifest", help="corpus: score this manifest's documents (a probe build) instead")
    ap.add_argument("--subset", choices=["ci"], help="corpus: the CI test's fixed subset")
    ap.add_argument("--family", action="append", help="corpus: only these families")
    ap.add_argument("--degradation", action="append", help="corpus: only these degradations")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="corpus: documents read at once")
    ap.add_argument("--floors", help="corpus: write the measured figures as the CI test's floors (JSON) here")
    ap.add_argument("--write-ci", action="store_true", help="corpus (full run): choose the CI subset anew")
    args = ap.parse_args(argv)
    if args.corpus:
        from corpus_report import run_corpus

        return run_corpus(args)
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
    figures: dict[str, dict[str, float]] = {}
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
            figures[f"{name} {engine}"] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4)}
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
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
