"""Series printed under the wrong month labels.

A 'previous data presentation' whose labels run one month late, or a spreadsheet row lagged by a
month, shows up as a run of values in one printed row that equal another row's values k months
away while disagreeing month by month. One finding per run says so, instead of a conflict per
month. Rows are compared only with rows of higher priority (later publication, then longer
series), so a pair is judged once and the later, longer row is the reference.

Years of monthly packs print each indicator in hundreds of rows, and most pairs of rows cannot
hold a run: a row is compared with another at shift k only where at least MIN_RUN of its values
(different ones, as a run needs) equal that row's k months away (`Echoes`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from .cells import Cell
from .equivalence import equivalent
from .findings import SHIFTED, Finding

SHIFTS = (-1, 1, -2, 2)
MIN_RUN = 3
MIN_SHARE = 0.6

AGREE, EXPLAINED, MISSED, NONE = "agree", "exp", "miss", "none"

Printing = tuple[float, str, str]  # value, as printed, unit: all that equivalence looks at
Spot = tuple[int, Printing]  # a printing at a month


@dataclass
class Row:
    """One printed row's monthly values, in month order."""

    cells: list[Cell]

    def __post_init__(self) -> None:
        self.cells.sort(key=lambda c: (c.month, c.bbox[0]))
        self.spots = [_spot(c) for c in self.cells]

    @cached_property
    def by_month(self) -> dict[int, list[Cell]]:
        out: dict[int, list[Cell]] = {}
        for c in self.cells:
            out.setdefault(_month(c), []).append(c)
        return out

    @property
    def priority(self) -> tuple:
        first = self.cells[0]
        return (-(first.report_month or 0), -len(self.cells), first.instance)


@dataclass
class Run:
    explained: list[Cell]  # the values that equal the reference's k months away
    span: list[Cell]  # from the first explained value to the last, agreeing and missed ones too


@dataclass
class Shift:
    n: int
    reference: int  # the row's index
    k: int
    runs: list[Run]


def _month(c: Cell) -> int:
    if c.month is None:  # rows hold monthly cells only
        raise ValueError(f"{c.period!r} is not a month")
    return c.month


def _spot(c: Cell) -> Spot:
    return (_month(c), (c.value, c.raw, c.unit))


def _same(a: Cell, b: Cell) -> bool:
    return equivalent(a.value, a.raw, a.unit, b.value, b.raw, b.unit)


def _status(c: Cell, ref: Row, k: int) -> str:
    here, there = ref.by_month.get(_month(c), []), ref.by_month.get(_month(c) + k, [])
    if any(_same(c, r) for r in here):
        return AGREE
    if any(_same(c, r) for r in there):
        return EXPLAINED
    return MISSED if here or there else NONE


def _stretches(row: Row, ref: Row, k: int) -> Iterator[list[tuple[Cell, str]]]:
    """Stretches of consecutive months that start at an explained value and go on through
    agreeing values and single missed ones."""
    cur: list[tuple[Cell, str]] = []
    missed = False
    prev = 0
    for c in row.cells:
        st = _status(c, ref, k)
        if cur and _month(c) - prev > 1:
            yield cur
            cur, missed = [], False
        prev = _month(c)
        if st == EXPLAINED or (cur and (st == AGREE or (st == MISSED and not missed))):
            cur.append((c, st))
            missed = st == MISSED or (missed and st == AGREE)
        else:
            if cur:
                yield cur
            cur, missed = [], False
    if cur:
        yield cur


def _as_run(stretch: list[tuple[Cell, str]]) -> Run | None:
    """A stretch, up to its last explained value, is a run if enough of it is explained."""
    while stretch[-1][1] != EXPLAINED:
        stretch = stretch[:-1]
    explained = [c for c, s in stretch if s == EXPLAINED]
    months = {c.month for c, _ in stretch}
    if len(explained) < MIN_RUN or len({c.value for c in explained}) < MIN_RUN:
        return None
    return Run(explained, [c for c, _ in stretch]) if len(explained) >= MIN_SHARE * len(months) else None


def runs(row: Row, ref: Row, k: int) -> list[Run]:
    """Maximal stretches of consecutive months explained by the shift."""
    return [r for s in _stretches(row, ref, k) if (r := _as_run(s)) is not None]


def _scales(v: float) -> list[float]:
    """The value as printed and, for a fraction, as a percentage: two equivalent values are less
    than 1 apart on one of these scales (equivalence rounds to whole numbers or finer)."""
    return [v, v * 100] if abs(v) <= 1 else [v]


def _bucket(x: float) -> float:
    return float(math.floor(x)) if math.isfinite(x) else x


def _around(x: float) -> tuple[float, ...]:
    """The buckets holding every value less than 1 from x."""
    b = _bucket(x)
    return (b - 1, b, b + 1) if math.isfinite(b) else (b,)


class Echoes:
    """Which printings of a series equal another k months away, each pair judged once.

    Most rows of a series print the same figures as the rows before them, so the series' distinct
    printings are far fewer than its cells; they are found near each other by whole-number bucket.
    """

    def __init__(self, rows: list[Row]) -> None:
        self.rows_of: dict[Spot, list[int]] = defaultdict(list)  # in priority order
        for i, row in enumerate(rows):
            for spot in row.spots:
                printers = self.rows_of[spot]
                if not printers or printers[-1] != i:
                    printers.append(i)
        self.near: dict[tuple[int, float], list[tuple[float, Spot]]] = defaultdict(list)
        for spot in self.rows_of:
            for x in _scales(spot[1][0]):
                self.near[(spot[0], _bucket(x))].append((x, spot))
        self._shifted: dict[Spot, list[tuple[int, Spot]]] = {}
        self._same: dict[Spot, set[Spot]] = {}

    def equal(self, spot: Spot, k: int) -> set[Spot]:
        """The printings k months after `spot`'s month that are the same number."""
        month, (v, raw, unit) = spot
        return {
            other
            for x in _scales(v)
            for b in _around(x)
            for y, other in self.near.get((month + k, b), [])
            if (x == y or abs(x - y) < 1) and equivalent(v, raw, unit, *other[1])
        }

    def shifted(self, spot: Spot) -> list[tuple[int, Spot]]:
        """(k, printing) for every shift k and printing k months away that is the same number."""
        found = self._shifted.get(spot)
        if found is None:
            found = self._shifted[spot] = [(k, other) for k in SHIFTS for other in self.equal(spot, k)]
        return found

    def same(self, spot: Spot) -> set[Spot]:
        found = self._same.get(spot)
        if found is None:
            found = self._same[spot] = self.equal(spot, 0)
        return found

    def candidates(self, i: int, row: Row) -> set[tuple[int, int]]:
        """(row j, k) pairs, j before i, for which `row` has at least MIN_RUN different values
        equal to row j's k months away: only these can hold a run."""
        values: dict[tuple[int, int], set[float]] = defaultdict(set)
        for spot in row.spots:
            for k, other in self.shifted(spot):
                for j in self.rows_of[other]:
                    if j >= i:
                        break
                    values[(j, k)].add(spot[1][0])
        return {jk for jk, vs in values.items() if len(vs) >= MIN_RUN}

    def agreeing(self, i: int, row: Row, excluded: set[int]) -> int:
        """The most values of `row` that one row before it prints the same for the same month."""
        counts: Counter[int] = Counter()
        for spot in row.spots:
            rows = {j for other in self.same(spot) for j in self.rows_of[other] if j < i and j not in excluded}
            counts.update(rows)
        return max(counts.values(), default=0)


def _best(rows: list[Row], i: int, echoes: Echoes, excluded: set[int]) -> Shift | None:
    """The shift explaining most of row i, if it explains more than any row agrees with it."""
    best: Shift | None = None
    # earlier rows first, then SHIFTS in order: the first of equally good shifts wins
    for j, k in sorted(echoes.candidates(i, rows[i]), key=lambda jk: (jk[0], SHIFTS.index(jk[1]))):
        if j in excluded:
            continue
        found = runs(rows[i], rows[j], k)
        n = sum(len(r.explained) for r in found)
        if found and (best is None or n > best.n):
            best = Shift(n, j, k, found)
    if best is None or best.n <= echoes.agreeing(i, rows[i], excluded):
        return None
    return best


def _finding(run: Run, shift: Shift, ref: Row) -> Finding:
    refs: list[Cell] = []
    seen: set[int] = set()
    for c in run.span:
        for m in (_month(c), _month(c) + shift.k):
            for r in ref.by_month.get(m, []):
                if r.id not in seen:
                    seen.add(r.id)
                    refs.append(r)
    first, last = run.span[0], run.span[-1]
    r0 = ref.cells[0]
    k = shift.k
    where = "the same publication" if first.publication == r0.publication else f"the {r0.report_date} publication"
    reason = (
        f"{len(run.explained)} values printed for {first.period}..{last.period} on page {first.page} "
        f"({first.source}, reported {first.report_date}) equal page {r0.page}'s values "
        f"{abs(k)} month{'s' if abs(k) > 1 else ''} {'later' if k > 0 else 'earlier'} "
        f"in {where}: month labels shifted by {k:+d}"
    )
    return Finding(
        SHIFTED,
        first.canonical_id,
        first.measure,
        sorted({c.period for c in run.span}),
        run.span + refs,
        reason,
        shift_months=k,
        indicator=first.indicator,
        shifted_cells=[c.id for c in run.explained],
        area=first.area,
    )


def _series_rows(cells: list[Cell]) -> Iterator[list[Row]]:
    """Each indicator-area-measure's printed monthly rows, highest priority first, where some row
    is long enough to hold a run."""
    by_row: dict[tuple, list[Cell]] = defaultdict(list)
    for c in cells:
        if c.month is not None and len(c.period) == 7:
            by_row[(c.canonical_id, c.area, c.measure, c.source, c.page, c.table, c.row)].append(c)
    by_series: dict[tuple, list[list[Cell]]] = defaultdict(list)
    for key, cs in by_row.items():
        by_series[key[:3]].append(cs)
    for _, series in sorted(by_series.items(), key=lambda kv: kv[0]):
        if len(series) > 1 and any(len(cs) >= MIN_RUN for cs in series):
            yield sorted((Row(cs) for cs in series), key=lambda r: r.priority)


def _shifted(rows: list[Row]) -> Iterator[tuple[Shift, Row]]:
    echoes = Echoes(rows)
    shifted: set[int] = set()
    for i in range(1, len(rows)):
        if len(rows[i].cells) < MIN_RUN:
            continue  # shorter than a run, though it may be another row's reference
        best = _best(rows, i, echoes, shifted)
        if best is not None:
            shifted.add(i)
            yield best, rows[best.reference]


def find(cells: list[Cell]) -> tuple[set[int], list[Finding]]:
    """Cells explained by a shift (left out of per-month comparison) and one finding per run."""
    explained: set[int] = set()
    findings: list[Finding] = []
    for rows in _series_rows(cells):
        for shift, ref in _shifted(rows):
            for run in shift.runs:
                explained.update(c.id for c in run.explained)
                findings.append(_finding(run, shift, ref))
    return explained, _merge(findings)


def _merge(findings: list[Finding]) -> list[Finding]:
    """Two printed rows of one publication carrying the same mislabelled run are one finding."""
    out: dict[tuple, Finding] = {}
    for f in findings:
        shifted = set(f.shifted_cells)
        run = [c for c in f.cells if c.id in shifted]
        run_values = tuple((c.period, c.value) for c in run)
        key = (f.canonical_id, f.area, f.measure, tuple(f.periods), f.shift_months, run[0].publication, run_values)
        g = out.get(key)
        if g is None:
            out[key] = f
            continue
        have = {c.id for c in g.cells}
        g.cells.extend(c for c in f.cells if c.id not in have)
        g.shifted_cells.extend(f.shifted_cells)
        both = set(g.shifted_cells)
        pages = sorted({c.page for c in g.cells if c.id in both})
        if "(the same run is printed" not in g.reason:
            g.reason += f" (the same run is printed on pages {', '.join(map(str, pages))})"
    return list(out.values())
