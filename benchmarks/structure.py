"""Table structure on real documents: `scorekit tables` on the 27 ICDAR 2013 EU PDFs, next to its peers.

Run: `.venv/bin/python benchmarks/structure.py [--tools NAME,...] [--out DIR] [--show N]`.

Every tool reads every PDF of `../shared/corpora/icdar2013-eu/` (the ICDAR 2013 Table
Competition's EU set) in a process of its own, one document at a time, and writes `NAME.json` in
the format `scorekit tables` prints; `../shared/corpora/icdar2013_score.py` runs them (120 s a
document) and scores them with the competition's structure measure: adjacency relations between
neighbouring non-empty cells, with the empty grid positions between them, pooled over the set;
tables found by the tool itself (complete task), paired with the truth by region overlap. The
table prints precision, recall and F1, the tables found, and the seconds summed over the
documents, process start-up included (one process per document for every tool).

Tools: `scorekit` (`scorekit tables`: the table finder on every page, as `scorekit extract`
reads them), camelot 2.0 `lattice` and `stream`, pdfplumber's `find_tables` with the `lines` and the `text`
strategy, and img2table 2.0 (borderless tables on, no OCR: words from the text layer).
img2table needs opencv-contrib-python, which would replace the locked opencv-python-headless,
so it runs from a benchmark-only venv (`.venv/bench-img2table`, made on first use from
`benchmarks/img2table.lock`, exact versions and hashes). The peers' cells go on their own grid
positions: camelot's row and column indices (a merged cell's span from the sides camelot finds
open), pdfplumber's rows and columns by distinct cell edges (spans from a cell's box),
img2table's repeated cells folded into one cell with its span. `--show N` prints the scorer's details for each tool's N
worst documents; the JSON files stay in `--out` (default: a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SIDE_VENV = ROOT / ".venv" / "bench-img2table"
SIDE_LOCK = ROOT / "benchmarks" / "img2table.lock"
HERE = Path(__file__).resolve()
PX = 72 / 200  # img2table renders pages at 200 dpi


# --- peers, run as `structure.py peer TOOL PDF OUT` in a process of their own ----------------


def _page_heights(pdf: str) -> list[float]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].get_size()[1] for i in range(len(doc))]
    finally:
        doc.close()


def _camelot_span(t, r: int, c: int) -> tuple[int, int]:
    """Camelot puts a merged cell's text in its first slot and marks the slots it covers as open on
    the sides they share (lattice; stream closes every cell): the span runs over open, empty slots."""
    n_rows, n_cols = len(t.cells), len(t.cells[0])
    cs = 1
    while c + cs < n_cols and not t.cells[r][c + cs - 1].right and not str(t.df.iloc[r, c + cs]).strip():
        cs += 1
    rs = 1
    while r + rs < n_rows and not t.cells[r + rs - 1][c].bottom and not str(t.df.iloc[r + rs, c]).strip():
        rs += 1
    return rs, cs


def _camelot(pdf: str, flavor: str) -> list[dict]:
    """Camelot's cells in PDF space (origin bottom-left) turned to the displayed page's top-left."""
    import warnings

    import camelot

    heights = _page_heights(pdf)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(pdf, pages="all", flavor=flavor, suppress_stdout=True)
    out = []
    for t in found:
        page = int(t.page)
        h = heights[page - 1]
        cells = []
        for r, row in enumerate(t.cells):
            for c, cell in enumerate(row):
                text = str(t.df.iloc[r, c]).strip()
                if text:
                    rs, cs = _camelot_span(t, r, c)
                    box = [cell.x1, h - cell.y2, cell.x2, h - cell.y1]
                    cells.append({"row": r, "col": c, "rowspan": rs, "colspan": cs, "text": text, "bbox": box})
        x1, y1, x2, y2 = t._bbox
        out.append({"page": page, "bbox": [x1, h - y2, x2, h - y1], "cells": cells})
    return out


def _span(edges: list[float], lo: float, hi: float) -> int:
    return max(1, sum(1 for e in edges if lo - 0.5 <= e < hi - 0.5))


def _plumber_table(page_no: int, table) -> dict:
    xs = sorted({c[0] for c in table.cells})
    tops = sorted({c[1] for c in table.cells})
    cells = []
    for r, (row, texts) in enumerate(zip(table.rows, table.extract(), strict=True)):
        for c, (box, text) in enumerate(zip(row.cells, texts, strict=True)):
            if box is None or not (text or "").strip():
                continue
            cells.append(
                {
                    "row": r,
                    "col": c,
                    "rowspan": _span(tops, box[1], box[3]),
                    "colspan": _span(xs, box[0], box[2]),
                    "text": text,
                    "bbox": list(box),
                }
            )
    return {"page": page_no, "bbox": list(table.bbox), "cells": cells}


def _pdfplumber(pdf: str, strategy: str) -> list[dict]:
    """pdfplumber reports boxes top-left on the page as displayed already."""
    import pdfplumber

    settings = {"vertical_strategy": strategy, "horizontal_strategy": strategy}
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            out += [_plumber_table(page.page_number, t) for t in page.find_tables(settings)]
            page.close()
    return out


def _img2table_table(page_no: int, table) -> dict:
    cells: dict[tuple, dict] = {}
    for r, row in table.content.items():
        for c, cell in enumerate(row):
            b = cell.bbox
            key = (b.x1, b.y1, b.x2, b.y2)
            if key in cells:  # a merged cell is repeated in every slot it covers
                first = cells[key]
                first["rowspan"] = max(first["rowspan"], r - first["row"] + 1)
                first["colspan"] = max(first["colspan"], c - first["col"] + 1)
                continue
            box = [b.x1 * PX, b.y1 * PX, b.x2 * PX, b.y2 * PX]
            cells[key] = {"row": r, "col": c, "rowspan": 1, "colspan": 1, "text": cell.value or "", "bbox": box}
    b = table.bbox
    return {"page": page_no, "bbox": [b.x1 * PX, b.y1 * PX, b.x2 * PX, b.y2 * PX], "cells": list(cells.values())}


def _img2table(pdf: str) -> list[dict]:
    from img2table.document import PDF

    found = PDF(src=pdf, pdf_text_extraction=True).extract_tables(ocr=None, borderless_tables=True)
    return [_img2table_table(page + 1, t) for page, tables in sorted(found.items()) for t in tables]


PEERS = {
    "camelot-lattice": lambda pdf: _camelot(pdf, "lattice"),
    "camelot-stream": lambda pdf: _camelot(pdf, "stream"),
    "pdfplumber-lines": lambda pdf: _pdfplumber(pdf, "lines"),
    "pdfplumber-text": lambda pdf: _pdfplumber(pdf, "text"),
    "img2table": _img2table,
}


def run_peer(tool: str, pdf: str, out: str) -> None:
    Path(out).write_text(json.dumps(PEERS[tool](pdf), ensure_ascii=False), encoding="utf-8")


# --- the run ---------------------------------------------------------------------------------


def side_python() -> Path:
    """img2table's own venv: made once from its lock; its OpenCV never meets the project's."""
    python = SIDE_VENV / "bin" / "python"
    stamp = SIDE_VENV / ".installed"
    if stamp.exists() and stamp.stat().st_mtime >= SIDE_LOCK.stat().st_mtime:
        return python
    print("structure: making the img2table venv (.venv/bench-img2table)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(SIDE_VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(SIDE_LOCK)], check=True)
    stamp.touch()
    return python


def commands() -> dict[str, str]:
    scorekit = ROOT / ".venv" / "bin" / "scorekit"
    me = f"{sys.executable} {HERE}"
    cmds = {
        "scorekit": f"{scorekit} tables {{pdf}} -o {{out}} -q",
    }
    cmds |= {name: f"{me} peer {name} {{pdf}} {{out}}" for name in PEERS if name != "img2table"}
    cmds["img2table"] = f"{{side}} {HERE} peer img2table {{pdf}} {{out}}"
    return cmds


def failures(outdir: Path, timings: dict) -> list[str]:
    """Documents a tool did not finish, and pages scorekit reported as failed."""
    notes = [
        f"{doc}: {'timed out' if t['timeout'] else 'exit ' + str(t['rc'])}" for doc, t in timings.items() if t["rc"]
    ]
    for log in sorted((outdir / "_logs").glob("*.log")):
        notes += [
            f"{log.stem}: {line.strip()}" for line in log.read_text(errors="replace").splitlines() if "warning:" in line
        ]
    return notes


def score_tool(scorer, name: str, cmd: str, out: Path, show: int) -> dict:
    outdir = out / name
    args = argparse.Namespace(set="eu", out=str(outdir), cmd=cmd, timeout=120, mode="complete", match="overlap")
    args.ignore_blanks, args.show = False, show
    timings = scorer.run_tool(args)
    rows = scorer.score_dir(outdir, "eu", args, timings)
    if show:
        print(f"\n=== {name}")
        scorer.show_details(rows, show)
    s = scorer.summarise(rows)
    s.update(tool=name, tables=sum(r["out_tables"] for r in rows), seconds=sum(t["seconds"] for t in timings.values()))
    s["notes"] = failures(outdir, timings)
    return s


def print_table(results: list[dict]) -> None:
    print(f"\n{'tool':18s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'tables':>6s} {'seconds':>8s}")
    for s in results:
        print(f"{s['tool']:18s} {s['P']:9.3f} {s['R']:7.3f} {s['F1']:6.3f} {s['tables']:6d} {s['seconds']:8.1f}")
    gt = results[0]["gt"] if results else 0
    print(f"# ICDAR 2013 EU, 27 PDFs, {gt} ground-truth relations; pooled over the set; seconds summed per document")
    for s in results:
        for note in s["notes"]:
            print(f"# {s['tool']}: {note}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["peer"]:
        run_peer(*argv[1:4])
        return
    cmds = commands()
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tools", default=",".join(cmds), help=f"comma-separated, of: {', '.join(cmds)}")
    p.add_argument("--out", type=Path, help="keep each tool's JSON files here (default: a temporary folder)")
    p.add_argument("--show", type=int, default=0, help="the scorer's details for each tool's N worst documents")
    p.add_argument("--corpora", type=Path, default=CORPORA, help="the folder holding icdar2013_score.py")
    args = p.parse_args(argv)
    sys.path.insert(0, str(args.corpora))
    import icdar2013_score as scorer

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(tools) - set(cmds)
    if unknown:
        p.error(f"unknown tools: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        results = []
        for name in tools:
            cmd = cmds[name].replace("{side}", str(side_python())) if name == "img2table" else cmds[name]
            results.append(score_tool(scorer, name, cmd, out, args.show))
        print_table(results)


if __name__ == "__main__":
    main(sys.argv[1:])
