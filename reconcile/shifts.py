"""Series printed under the wrong month labels.

A 'previous data presentation' whose labels run one month late, or a spreadsheet row lagged by a
month, shows up as a run of values in one printed row that equal another row's values k months
away while disagreeing month by month. One finding per run says so, instead of a conflict per
month. Rows are compared only with rows of higher priority (later publication, then longer
series), so a pair is judged once and the later, longer row is the reference.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .cells import Cell
from .equivalence import equivalent
from .findings import SHIFTED, Finding

SHIFTS = (-1, 1, -2, 2)
MIN_RUN = 3
MIN_SHARE = 0.6


@dataclass
class Run:
    series: list[Cell]
    reference: list[Cell]
    k: int
    explained: list[Cell]
    span: list[Cell]


def _same(a: Cell, b: Cell) -> bool:
    return equivalent(a.value, a.raw, a.unit, b.value, b.raw, b.unit)


def _status(c: Cell, ref: dict[int, list[Cell]], k: int) -> str:
    here, there = ref.get(c.month, []), ref.get(c.month + k, [])
    if any(_same(c, r) for r in here):
        return "agree"
    if any(_same(c, r) for r in there):
        return "exp"
    return "miss" if here or there else "none"


def _runs(series: list[Cell], ref: dict[int, list[Cell]], k: int) -> list[tuple[list[Cell], list[Cell]]]:
    """Maximal stretches of consecutive months explained by the shift; agreeing months and single
    unexplained months may sit inside a stretch."""
    out = []
    cur: list[tuple[Cell, str]] = []
    gap = 0

    def close():
        while cur and cur[-1][1] != "exp":
            cur.pop()
        exp = [c for c, s in cur if s == "exp"]
        months = {c.month for c, _ in cur}
        if len(exp) >= MIN_RUN and len({c.value for c in exp}) >= MIN_RUN and len(exp) >= MIN_SHARE * len(months):
            out.append((exp, [c for c, _ in cur]))

    prev_month = None
    for c in series:
        st = _status(c, ref, k)
        contiguous = prev_month is not None and c.month - prev_month <= 1
        prev_month = c.month
        if cur and not contiguous:
            close()
            cur, gap = [], 0
        if st == "exp":
            cur.append((c, st))
            gap = 0
        elif cur and st == "agree":
            cur.append((c, st))
        elif cur and st == "miss" and gap == 0:
            cur.append((c, st))
            gap = 1
        else:
            if cur:
                close()
            cur, gap = [], 0
    if cur:
        close()
    return out


def find(cells: list[Cell]) -> tuple[set[int], list[Finding]]:
    """Cells explained by a shift (left out of per-month comparison) and one finding per run."""
    series: dict[tuple, list[Cell]] = defaultdict(list)
    for c in cells:
        if c.month is not None and len(c.period) == 7:
            series[(c.canonical_id, c.measure, *c.instance)].append(c)
    by_indicator: dict[tuple, list[list[Cell]]] = defaultdict(list)
    for key, cs in series.items():
        cs.sort(key=lambda c: (c.month, c.bbox[0]))
        by_indicator[key[:2]].append(cs)
    explained: set[int] = set()
    findings: list[Finding] = []
    for (cid, measure), rows in sorted(by_indicator.items()):
        if len(rows) < 2:
            continue
        rows.sort(key=lambda cs: (-(cs[0].report_month or 0), -len(cs), cs[0].instance))
        indexed = []
        for cs in rows:
            d: dict[int, list[Cell]] = defaultdict(list)
            for c in cs:
                d[c.month].append(c)
            indexed.append(d)
        shifted_rows: set[int] = set()
        for i in range(1, len(rows)):
            best = None
            agree = 0
            for j in range(i):
                if j in shifted_rows:
                    continue
                agree = max(agree, sum(1 for c in rows[i] if _status(c, indexed[j], 0) == "agree"))
                for k in SHIFTS:
                    runs = _runs(rows[i], indexed[j], k)
                    n = sum(len(r[0]) for r in runs)
                    if runs and (best is None or n > best[0]):
                        best = (n, j, k, runs)
            if best is None or best[0] <= agree:
                continue
            shifted_rows.add(i)
            _, j, k, runs = best
            for exp, span in runs:
                explained.update(c.id for c in exp)
                refs = []
                for c in span:
                    for m in (c.month, c.month + k):
                        refs.extend(r for r in indexed[j].get(m, []) if r not in refs)
                first, last = span[0], span[-1]
                s, r = first, rows[j][0]
                where = "the same publication" if s.publication == r.publication else f"the {r.report_date} publication"
                reason = (
                    f"{len(exp)} values printed for {first.period}..{last.period} on page {s.page} "
                    f"({s.source}, reported {s.report_date}) equal page {r.page}'s values "
                    f"{abs(k)} month{'s' if abs(k) > 1 else ''} {'later' if k > 0 else 'earlier'} "
                    f"in {where}: month labels shifted by {k:+d}"
                )
                periods = sorted({c.period for c in span}, key=lambda p: p)
                findings.append(
                    Finding(
                        SHIFTED,
                        cid,
                        measure,
                        periods,
                        span + refs,
                        reason,
                        shift_months=k,
                        indicator=s.indicator,
                        shifted_cells=[c.id for c in exp],
                    )
                )
    return explained, _merge(findings)


def _merge(findings: list[Finding]) -> list[Finding]:
    """Two printed rows of one publication carrying the same mislabelled run are one finding."""
    out: dict[tuple, Finding] = {}
    for f in findings:
        run = [c for c in f.cells if c.id in set(f.shifted_cells)]
        key = (
            f.canonical_id,
            f.measure,
            tuple(f.periods),
            f.shift_months,
            run[0].publication,
            tuple((c.period, c.value) for c in run),
        )
        if key in out:
            g = out[key]
            g.cells.extend(c for c in f.cells if c not in g.cells)
            g.shifted_cells.extend(f.shifted_cells)
            pages = sorted({c.page for c in g.cells if c.id in set(g.shifted_cells)})
            if "(the same run is printed" not in g.reason:
                g.reason += f" (the same run is printed on pages {', '.join(map(str, pages))})"
        else:
            out[key] = f
    return list(out.values())
