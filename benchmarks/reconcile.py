"""Reconcile at scale: a million synthetic observations, and the time and peak memory they take.

Run: `.venv/bin/python benchmarks/reconcile.py [--indicators 1200] [--publications 48]`.

The observations are what four years of a council's monthly packs look like, made up so every kind
of finding is there in bulk. Each publication prints every indicator's last 13 months and a target,
England and neighbour figure for its month. A later publication revises 5% of indicator-months;
2% of rows are printed rounded (equivalent); one page in 24 of each publication is printed twice
(copies); one publication in four reprints an older meeting's table with its month labels one month
late (shifted series) and one in three has a summary page that disagrees with its main table now
and then (contradictions); every other one has an area table (six areas' figures for the same
indicators and months, which are no conflict).

The frame is written to a temporary parquet file and reconciled in a fresh process as
`scorekit reconcile` and `archive export` would (load, reconcile, decisions, resolve, write the
findings), so the peak memory is that of a run over these observations alone. Target (issue 13):
under 60 s and 4 GB for a million observations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

START = 2020 * 12  # the first month printed, January 2020, as a month number
WINDOW = 13  # months of values each publication prints
ROWS_PER_PAGE = 25
AREAS = np.array(["", "Area A", "Area B", "Area C", "Area D", "Area E", "Area F"])
UNITS = np.array(["count", "percent", "rate_per_10k"])
MEASURES = np.array(["value", "target", "england", "stat_neighbour"])


def label(month: int | np.ndarray) -> np.ndarray:
    """Month numbers (from START) as `YYYY-MM` labels."""
    m = START + np.asarray(month)
    return np.char.add(np.char.add((m // 12).astype(str), "-"), np.char.zfill((m % 12 + 1).astype(str), 2))


class Truth:
    """Each indicator's figures, the revised ones, and the publication a revision is first printed in.

    Publication p reports month p + 12 and prints months p .. p + 12.
    """

    def __init__(self, rng: np.random.Generator, indicators: int, publications: int) -> None:
        shape = (indicators, publications + WINDOW)
        self.unit = rng.choice(3, size=indicators, p=[0.6, 0.3, 0.1])
        counts = self.unit[:, None] == 0
        base = np.where(self.unit == 0, rng.integers(20, 2000, indicators), rng.uniform(5, 95, indicators))
        walk = base[:, None] * (1 + rng.normal(0, 0.04, shape).cumsum(axis=1))
        self.figure = np.where(counts, np.round(walk), np.round(walk, 1))
        self.revised = self.figure + np.where(counts, 1, 0.1) * rng.integers(1, 30, shape)
        first = np.arange(shape[1]) - (WINDOW - 1)
        revised = rng.random(shape) < 0.05
        self.revised_in = np.where(revised, first + rng.integers(1, WINDOW, shape), 1 << 30)

    def printed(self, ind: np.ndarray, month: np.ndarray, pub: np.ndarray) -> np.ndarray:
        return np.where(pub >= self.revised_in[ind, month], self.revised[ind, month], self.figure[ind, month])


def _grid(*sizes: int) -> list[np.ndarray]:
    return [a.ravel() for a in np.meshgrid(*(np.arange(n) for n in sizes), indexing="ij")]


def main_tables(t: Truth, rng: np.random.Generator) -> pd.DataFrame:
    """Every indicator's row in every publication: 13 months, then target, England, neighbours."""
    indicators, months = t.figure.shape
    pub, ind, col = _grid(months - WINDOW, indicators, WINDOW + 3)
    month = pub + np.minimum(col, WINDOW - 1)
    measure = np.maximum(col - WINDOW + 1, 0)
    value = np.where(measure == 0, t.printed(ind, month, pub), np.round(t.figure[ind, month] * (1 + 0.1 * measure), 1))
    rounded = np.repeat(rng.random((months - WINDOW) * indicators) < 0.02, WINDOW + 3)
    return pd.DataFrame(
        {
            "pub": pub,
            "page": 1 + ind // ROWS_PER_PAGE,
            "row": 1 + ind % ROWS_PER_PAGE,
            "col": col,
            "ind": ind,
            "month": month,
            "label": month,
            "measure": measure,
            "value": value,
            "rounded": rounded,
            "area": 0,
        }
    )


def copies(main: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One page in 24 of each publication (at least one) printed again 1000 pages on."""
    last = main.groupby("pub")["page"].max()
    chosen = pd.DataFrame(
        [(p, pg) for p, n in last.items() for pg in rng.choice(np.arange(1, n + 1), max(1, n // 24), replace=False)],
        columns=["pub", "page"],
    )
    return main.merge(chosen).assign(page=lambda d: d["page"] + 1000)


def previous_presentations(t: Truth, rng: np.random.Generator) -> pd.DataFrame:
    """One publication in four reprints a tenth of the rows of the one three months before, each
    month's figure printed under the next month's label."""
    indicators, months = t.figure.shape
    pub, ind, col = _grid(months - WINDOW, indicators, WINDOW)
    keep = (pub >= 3) & (rng.random(months - WINDOW) < 0.25)[pub] & (ind % 10 == 3)
    pub, ind, col = pub[keep], ind[keep], col[keep]
    month = pub - 3 + col
    return pd.DataFrame(
        {
            "pub": pub,
            "page": 2000 + ind // ROWS_PER_PAGE,
            "row": 1 + ind % ROWS_PER_PAGE,
            "col": col,
            "ind": ind,
            "month": month,
            "label": month + 1,
            "measure": 0,
            "value": t.printed(ind, month, pub - 3),
            "rounded": False,
            "area": 0,
        }
    )


def summaries(t: Truth, rng: np.random.Generator) -> pd.DataFrame:
    """One publication in three has a summary page of 40 indicators' latest figures; one in ten of
    them disagrees with the main table."""
    indicators, months = t.figure.shape
    pub, k = _grid(months - WINDOW, 40)
    keep = (rng.random(months - WINDOW) < 0.33)[pub]
    pub, k = pub[keep], k[keep]
    ind = (k * 29 + pub * 7) % indicators
    month = pub + WINDOW - 1
    value = t.printed(ind, month, pub) + np.where(rng.random(len(pub)) < 0.1, np.where(t.unit[ind] == 0, 3, 0.3), 0)
    return pd.DataFrame(
        {
            "pub": pub,
            "page": 3000,
            "row": 1 + k,
            "col": 0,
            "ind": ind,
            "month": month,
            "label": month,
            "measure": 0,
            "value": value,
            "rounded": False,
            "area": 0,
        }
    )


def area_tables(t: Truth, rng: np.random.Generator) -> pd.DataFrame:
    """Every other publication: six areas' figures for a tenth of the indicators, last three months."""
    indicators, months = t.figure.shape
    pub, ind, area, col = _grid(months - WINDOW, indicators, len(AREAS) - 1, 3)
    keep = (pub % 2 == 0) & (ind % 10 == 7)
    pub, ind, area, col = pub[keep], ind[keep], area[keep] + 1, col[keep]
    month = pub + WINDOW - 3 + col
    value = t.printed(ind, month, pub) * (0.7 + 0.1 * area)
    value = np.where(t.unit[ind] == 0, np.round(value), np.round(value, 1))
    return pd.DataFrame(
        {
            "pub": pub,
            "page": 4000 + ind // ROWS_PER_PAGE,
            "row": 1 + area,
            "col": col,
            "ind": ind,
            "month": month,
            "label": month,
            "measure": 0,
            "value": value,
            "rounded": False,
            "area": area,
        }
    )


def observations(layout: pd.DataFrame, t: Truth) -> pd.DataFrame:
    """The printed cells in the observation schema, matched (canonical_id set)."""
    unit = t.unit[layout["ind"].to_numpy()]
    value = layout["value"].to_numpy()
    whole = (unit == 0) | layout["rounded"].to_numpy()
    shown = np.where(whole, np.round(value), value)
    raw = np.where(whole, shown.astype(np.int64).astype(str), np.char.mod("%.1f", shown))
    row, col = layout["row"].to_numpy(), layout["col"].to_numpy()
    ind = layout["ind"].to_numpy().astype(str)
    return pd.DataFrame(
        {
            "source": np.char.add(np.char.add("pack-", label(layout["pub"].to_numpy() + WINDOW - 1)), ".pdf"),
            "page": layout["page"].to_numpy(),
            "table": 1,
            "row": row,
            "section": "",
            "ref": np.char.add("R", ind),
            "indicator": np.char.add("Indicator ", ind),
            "area": AREAS[layout["area"].to_numpy()],
            "period": label(layout["label"].to_numpy()),
            "measure": MEASURES[layout["measure"].to_numpy()],
            "value": shown,
            "value_raw": np.where(unit == 1, np.char.add(raw, "%"), raw),
            "unit": UNITS[unit],
            "flags": "",
            "method": "text",
            "confidence": 1.0,
            "x0": 200.0 + 30 * col,
            "top": 100.0 + 20 * row,
            "x1": 225.0 + 30 * col,
            "bottom": 112.0 + 20 * row,
            "canonical_id": np.char.add("ind", np.char.zfill(ind, 5)),
            "match_rule": "exact",
        }
    )


def synthetic(indicators: int = 1200, publications: int = 48, seed: int = 13) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    t = Truth(rng, indicators, publications)
    main = main_tables(t, rng)
    parts = [main, copies(main, rng), previous_presentations(t, rng), summaries(t, rng), area_tables(t, rng)]
    layout = pd.concat(parts, ignore_index=True).sort_values(["pub", "page", "row", "col"], kind="stable")
    return observations(layout, t)


_RUN = """
import json, resource, sys, time
import pandas as pd
from scorekit.reconcile import decisions
from scorekit.reconcile.engine import reconcile
from scorekit.reconcile.output import write
from scorekit.reconcile.resolve import apply_decisions, resolve
src, out = sys.argv[1], sys.argv[2]
wall, cpu, res = {}, {}, {}
def stage(name, fn):
    w, c = time.perf_counter(), time.process_time()
    res[name] = fn()
    wall[name], cpu[name] = time.perf_counter() - w, time.process_time() - c
stage("load", lambda: pd.read_parquet(src))
stage("reconcile", lambda: reconcile(res["load"]))
r = res["reconcile"]
stage("decisions", lambda: apply_decisions(r, decisions.Decisions()))
stage("resolve", lambda: len(resolve(r, decisions.Decisions())))
stage("write", lambda: write(r, out))
print(json.dumps({"observations": len(res["load"]), "wall": wall, "cpu": cpu, "resolved": res["resolve"],
    "counts": r.counts(), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(frame: pd.DataFrame, folder: Path) -> dict:
    src, out = folder / "observations.parquet", folder / "findings.csv"
    frame.to_parquet(src, index=False)
    proc = subprocess.run([sys.executable, "-c", _RUN, str(src), str(out)], capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}")
    return json.loads(proc.stdout)


def report(res: dict, frame: pd.DataFrame) -> Table:
    table = Table(title=f"reconcile: {res['observations']:,} observations")
    table.add_column("stage")
    table.add_column("wall s", justify="right")
    table.add_column("cpu s", justify="right")
    for stage, s in res["wall"].items():
        table.add_row(stage, f"{s:.1f}", f"{res['cpu'][stage]:.1f}")
    total = [sum(v for k, v in res[t].items() if k != "load") for t in ("wall", "cpu")]
    table.add_row("total (without load)", f"{total[0]:.1f}", f"{total[1]:.1f}", style="bold")
    table.add_row("peak memory", f"{res['peak_mb']:,.0f} MB", "", style="bold")
    table.add_row("resolved values", f"{res['resolved']:,}", "")
    for cls, n in res["counts"].items():
        table.add_row(f"findings: {cls}", f"{n:,}", "")
    for measure, n in sorted(Counter(frame["measure"]).items()):
        table.add_row(f"cells: {measure}", f"{n:,}", "")
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--indicators", type=int, default=1200)
    ap.add_argument("--publications", type=int, default=48)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    frame = synthetic(args.indicators, args.publications, args.seed)
    with tempfile.TemporaryDirectory() as d:
        res = run(frame, Path(d))
    Console().print(report(res, frame))


if __name__ == "__main__":
    main()
