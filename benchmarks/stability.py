"""How far the OCR figures move when only the scan resolution, or only OpenCV, changes (issue 15).

Target: "the OCR figures move by at most 0.5 points between renders at 290, 300 and 310 dpi and
between the two newest OpenCV releases". Run:

    .venv/bin/python benchmarks/stability.py [-j 2] [--per-family N | --all] [--dpi D ...]
        [--scans DIR] [--json FILE]

Documents: the corpus's development born-digital documents only (never the validation part); by
default per family the two with the fewest pages (then by id): 46 documents, 58 pages, 5,715
values, 17 minutes at `-j 2` on this 2-core machine shared with other jobs (`--all`: all 92,
139 pages). Each is scanned at every dpi the way the corpus makes its `scanNNN` documents
(`degradations.materialise`, i.e. `scans.scan_params` and `scans.scan_document`) with one seed
per document, so skew, blur, noise, JPEG quality and perspective are the same at every dpi and
only the resolution (and with it the noise's and JPEG's pixels) moves. scorekit renders every OCR
page at 300 dpi, so a 290- or 310-dpi scan reaches the reader resampled to 300 dpi. Each scan is
read and scored as `accuracy.py --corpus` does (`scoreboard.score_doc`, default engine). Printed:
precision and recall per document and pooled per dpi, and the largest spread in points. Scans go
to a temporary directory, or to `--scans DIR`, where a later run finds and reuses them.

OpenCV: the lock pins opencv-python-headless 5.0.0.93. The newest release, read on the same scans
(the first run makes them, so only the reader's OpenCV differs), in a throwaway copy of the venv
(a copy keeps tesserocr, built against the system's tesseract); the lock is not touched:

    cp -a .venv /tmp/cv51
    /tmp/cv51/bin/python -m pip install --no-deps --force-reinstall opencv-python-headless==5.1.0.95
    mkdir -p /tmp/stab/cv50 /tmp/stab/cv51
    .venv/bin/python -m pip freeze --all > /tmp/stab/cv50/versions.txt
    /tmp/cv51/bin/python -m pip freeze --all > /tmp/stab/cv51/versions.txt
    .venv/bin/python benchmarks/stability.py --scans /tmp/stab/scans --json /tmp/stab/cv50/stability.json
    /tmp/cv51/bin/python benchmarks/stability.py --scans /tmp/stab/scans --json /tmp/stab/cv51/stability.json
    .venv/bin/python benchmarks/moved.py /tmp/stab/cv50 /tmp/stab/cv51
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from scorekit.fixtures.generator.corpus.manifest import Doc, read_manifest
from scorekit.fixtures.generator.corpus.scoreboard import DocScore, Pool, pooled
from scorekit.fixtures.generator.corpus.seeding import stable_seed

DPIS = [290, 300, 310]


def chosen(per_family: int) -> list[Doc]:
    """Per family the `per_family` development born-digital documents with the fewest pages (0: all)."""
    born = [d for d in read_manifest() if d.split == "development" and d.degradation == "none"]
    by_family: dict[str, list[Doc]] = {}
    for d in sorted(born, key=lambda d: (d.pages, d.doc_id)):
        by_family.setdefault(d.family, []).append(d)
    picked = [d for docs in by_family.values() for d in (docs[:per_family] if per_family > 0 else docs)]
    return sorted(picked, key=lambda d: d.doc_id)


def scanned(doc: Doc, dpi: int) -> Doc:
    """The document as a corpus scan at `dpi`; its seed names the document alone, not the dpi."""
    seed = stable_seed("stability", doc.doc_id)
    return dataclasses.replace(doc, doc_id=f"{doc.doc_id}-scan{dpi}", degradation=f"scan{dpi}", seed=seed)


def dpi_of(s: DocScore) -> int:
    return int(s.doc.degradation.removeprefix("scan"))


def points(figures: list[float]) -> float:
    return 100 * (max(figures) - min(figures)) if figures else 0.0


@dataclasses.dataclass
class Document:
    """One base document's scores, one per dpi."""

    name: str
    scores: dict[int, DocScore]

    def spread(self) -> float:
        ok = [s for s in self.scores.values() if not s.error]
        return max(points([s.precision for s in ok]), points([s.recall for s in ok]))


def by_document(scores: list[DocScore]) -> list[Document]:
    out: dict[str, Document] = {}
    for s in scores:
        name = Path(s.doc.base).stem
        out.setdefault(name, Document(name, {})).scores[dpi_of(s)] = s
    return sorted(out.values(), key=lambda d: d.name)


def _pr(s: DocScore) -> str:
    return "crash" if s.error else f"{s.precision:.3f} / {s.recall:.3f}"


def documents_table(docs: list[Document], dpis: list[int]) -> Table:
    t = Table(title="per document: precision / recall at each dpi", title_justify="left")
    for col in ("document", "pages", "truth", *(f"{d} dpi" for d in dpis), "spread (points)"):
        t.add_column(col, justify="left" if col == "document" else "right")
    for d in docs:
        first = next(iter(d.scores.values()))
        cells = [_pr(d.scores[dpi]) if dpi in d.scores else "-" for dpi in dpis]
        t.add_row(d.name, str(first.doc.pages), str(first.truth), *cells, f"{d.spread():.1f}")
    return t


def pooled_table(pools: dict[int, Pool]) -> Table:
    t = Table(title="pooled per dpi", title_justify="left")
    for col in ("dpi", "docs", "truth", "extracted", "correct", "precision", "recall", "invented", "crashed"):
        t.add_column(col, justify="right")
    for dpi, p in pools.items():
        figures = (p.docs, p.truth, p.extracted, p.correct)
        t.add_row(
            str(dpi), *map(str, figures), f"{p.precision:.4f}", f"{p.recall:.4f}", str(p.invented), str(p.crashed)
        )
    return t


def figures(pools: dict[int, Pool], docs: list[Document]) -> dict:
    """What `--json` writes, in the shape `benchmarks/moved.py` compares."""
    return {
        "pooled": {
            str(dpi): {"precision": round(p.precision, 4), "recall": round(p.recall, 4), "invented": p.invented}
            for dpi, p in pools.items()
        },
        "spread_points": {
            "precision": round(points([p.precision for p in pools.values()]), 2),
            "recall": round(points([p.recall for p in pools.values()]), 2),
        },
        "documents": {
            d.name: {
                str(dpi): {"precision": round(s.precision, 4), "recall": round(s.recall, 4)}
                for dpi, s in sorted(d.scores.items())
            }
            for d in docs
        },
    }


def summary(pools: dict[int, Pool], docs: list[Document]) -> str:
    p = points([x.precision for x in pools.values()])
    r = points([x.recall for x in pools.values()])
    worst = max(docs, key=lambda d: d.spread())
    over = sum(d.spread() > 0.5 for d in docs)
    return (
        f"largest spread over {', '.join(map(str, pools))} dpi, pooled: precision {p:.2f} points, recall {r:.2f} "
        f"points (target <= 0.5); per document: {worst.spread():.1f} points ({worst.name}); "
        f"{over} of {len(docs)} documents move by more than 0.5 points"
    )


def main(argv: list[str] | None = None) -> int:
    from corpus_report import score_all  # benchmarks/ is on the path when run as a script

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-j", "--jobs", type=int, default=2, help="documents read at once")
    ap.add_argument("--per-family", type=int, default=2, help="documents per family (fewest pages first)")
    ap.add_argument("--all", action="store_true", help="every development born-digital document")
    ap.add_argument("--dpi", type=int, action="append", help=f"resolutions (default: {DPIS})")
    ap.add_argument("--scans", type=Path, help="keep the scanned PDFs here (reused when present)")
    ap.add_argument("--json", type=Path, help="also write the figures here (for benchmarks/moved.py)")
    args = ap.parse_args(argv)
    dpis = sorted(args.dpi or DPIS)
    docs = chosen(0 if args.all else args.per_family)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="scorekit-stability-") as tmp:
        out_dir = args.scans or Path(tmp)
        scores = score_all([scanned(d, dpi) for d in docs for dpi in dpis], args.jobs, out_dir)
    pools = {int(k[0].removeprefix("scan")): p for k, p in pooled(scores, "degradation").items()}
    pools = dict(sorted(pools.items()))
    per_doc = by_document(scores)
    console = Console(width=170)
    console.print(documents_table(per_doc, dpis))
    console.print(pooled_table(pools))
    console.print(summary(pools, per_doc))
    console.print(f"{len(docs)} documents x {len(dpis)} resolutions in {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(figures(pools, per_doc), indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
