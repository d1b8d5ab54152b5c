"""The corpus part of `benchmarks/accuracy.py --corpus`: run the reader over corpus documents in
worker processes and print the scoreboard's tables."""

from __future__ import annotations

import json
import math
import multiprocessing as mp
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

from scorekit.fixtures.generator.corpus.manifest import Doc, read_manifest
from scorekit.fixtures.generator.corpus.scoreboard import DocScore, Pool, mistakes_by, pooled, score_doc, worst
from scorekit.fixtures.generator.corpus.subset import CI_LIST, choose_ci, ci_subset, write_ci

# OCR documents first: the long ones start early and the short ones fill the gaps
COST = {"scan300": 0, "scan200": 1, "ocrlayer": 2, "scan150": 3, "garbled": 4, "garbled-shift": 5}
SPLITS = ("development", "validation", "probe")
OPEN = ("development", "probe")
"""The parts whose documents, families and mistakes are shown. Validation shows pooled lines only
(per degradation, per renderer, all): a family x degradation line there is one document, and a
held-out part whose documents a tuner has read is held out no longer."""


def select(args) -> list[Doc]:
    docs = ci_subset() if args.subset == "ci" else read_manifest(*([Path(args.manifest)] if args.manifest else []))
    return [
        d
        for d in docs
        if (not args.split or d.split == args.split)
        and (not args.family or (d.family in args.family and d.split in OPEN))
        and (not args.degradation or d.degradation in args.degradation)
    ]


def score_all(docs: list[Doc], jobs: int, out_dir: Path | None = None) -> list[DocScore]:
    """`out_dir`: where derived documents are built (default: the corpus's build directory)."""
    order = sorted(docs, key=lambda d: (COST.get(d.degradation, 9), d.doc_id))
    ctx = mp.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        return list(pool.map(partial(score_doc, out_dir=out_dir), order))


def _f(x: float) -> str:
    return f"{x:.3f}"


def documents_table(scores: list[DocScore]) -> Table:
    t = Table(title="corpus: every document", title_justify="left")
    for col in (
        "document",
        "split",
        "renderer",
        "pages",
        "truth",
        "extracted",
        "correct",
        "precision",
        "recall",
        "invented",
        "seconds",
    ):
        t.add_column(col, justify="left" if col in ("document", "split", "renderer") else "right")
    for s in sorted(scores, key=lambda s: (s.doc.split, s.doc.doc_id)):
        d = s.doc
        if d.split not in OPEN:
            continue
        t.add_row(
            d.doc_id,
            d.split[:3],
            d.renderer,
            str(d.pages),
            str(s.truth),
            str(s.extracted),
            str(s.correct),
            _f(s.precision),
            _f(s.recall),
            str(s.invented),
            "crash" if s.error else f"{s.seconds:.1f}",
        )
    return t


def pool_table(title: str, pools: dict[tuple[str, ...], Pool], names: tuple[str, ...]) -> Table:
    t = Table(title=title, title_justify="left")
    for col in (*names, "docs", "truth", "extracted", "correct", "precision", "recall", "invented"):
        t.add_column(col, justify="left" if col in names else "right")
    for key, p in pools.items():
        t.add_row(
            *key,
            str(p.docs),
            str(p.truth),
            str(p.extracted),
            str(p.correct),
            _f(p.precision),
            _f(p.recall),
            str(p.invented),
        )
    return t


def worst_table(scores: list[DocScore], split: str) -> Table:
    t = Table(title=f"the ten worst {split} documents", title_justify="left")
    for col in ("document", "precision", "recall", "what went wrong (truth values or extracted values)"):
        t.add_column(col, justify="right" if col in ("precision", "recall") else "left")
    for s in worst([s for s in scores if s.doc.split == split]):
        wrong = "; ".join(f"{k} {n}" for k, n in Counter(s.mistakes).most_common())
        t.add_row(s.doc.doc_id, _f(s.precision), _f(s.recall), wrong)
    return t


def floor(x: float) -> float:
    """A figure rounded down to 3 decimals, a hair under: the floor a rerun of the same code meets."""
    return max(0.0, math.floor(x * 1000) / 1000 - 0.001) if x > 0 else 0.0


def write_floors(scores: list[DocScore], path: Path) -> None:
    """The CI test's floors: per family (born-digital documents) and per degradation, as measured."""
    born = [s for s in scores if s.doc.degradation == "none"]
    floors = {
        "family": {
            k[0]: {"precision": floor(p.precision), "recall": floor(p.recall)}
            for k, p in pooled(born, "family").items()
        },
        "degradation": {
            k[0]: {"precision": floor(p.precision), "recall": floor(p.recall)}
            for k, p in pooled(scores, "degradation").items()
        },
        "invented_at_most": sum(s.invented for s in scores),
    }
    path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def mistakes_table(scores: list[DocScore], split: str, by: str) -> Table:
    per = mistakes_by([s for s in scores if s.doc.split == split], by)
    kinds = sorted({k for c in per.values() for k in c}, key=lambda k: -sum(c[k] for c in per.values()))
    t = Table(title=f"{split}: what went wrong per {by} (values)", title_justify="left")
    t.add_column(by)
    for k in kinds:
        t.add_column(k, justify="right")
    for key, c in per.items():
        t.add_row(key, *(str(c[k]) for k in kinds))
    return t


def print_pools(console: Console, split: str, part: list[DocScore]) -> None:
    if split in OPEN:
        console.print(
            pool_table(
                f"{split}: pooled per family x degradation",
                pooled(part, "family", "degradation"),
                ("family", "degradation"),
            )
        )
        console.print(pool_table(f"{split}: pooled per family", pooled(part, "family"), ("family",)))
    console.print(pool_table(f"{split}: pooled per degradation", pooled(part, "degradation"), ("degradation",)))
    born = [s for s in part if s.doc.degradation == "none"]
    console.print(pool_table(f"{split}: born-digital, pooled per renderer", pooled(born, "renderer"), ("renderer",)))
    console.print(pool_table(f"{split}: pooled", pooled(part), ()))


def run_corpus(args) -> int:
    docs = select(args)
    t0 = time.perf_counter()
    scores = score_all(docs, args.jobs, Path(args.manifest).parent / "build" if args.manifest else None)
    console = Console(width=170)
    console.print(documents_table(scores))
    for split in SPLITS:
        part = [s for s in scores if s.doc.split == split]
        if part:
            print_pools(console, split, part)
    for split in OPEN:
        if any(s.doc.split == split for s in scores):
            console.print(worst_table(scores, split))
            for by in ("family", "degradation"):
                console.print(mistakes_table(scores, split, by))
    for s in scores:
        if s.error:
            name = s.doc.doc_id if s.doc.split in OPEN else f"a {s.doc.split} document"
            console.print(f"reader crashed on {name}: {s.error.strip().splitlines()[-1]}")
    invented = sum(s.invented for s in scores)
    console.print(
        f"{len(scores)} documents in {time.perf_counter() - t0:.0f} s; {invented} values invented "
        "(extracted numbers printed nowhere on their page)"
    )
    if args.write_ci:
        recall = {s.doc.doc_id: s.recall for s in scores}
        write_ci(choose_ci([s.doc for s in scores], lambda d: recall[d.doc_id]))
        console.print(f"CI subset written to {CI_LIST}")
    if args.floors:
        write_floors(scores, Path(args.floors))
        console.print(f"floors written to {args.floors}")
    return 0
