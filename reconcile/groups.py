"""One indicator, one period, one measure: do the printed values agree, and if not, why not."""

from __future__ import annotations

from collections import defaultdict

from .cells import Cell, _num
from .equivalence import decimals, equivalent
from .findings import CONTRADICTION, EQUIVALENT, REVISION, Finding


def clusters(cells: list[Cell]) -> list[list[Cell]]:
    """Values that are the same number once printed precision and units are allowed for."""
    out: list[list[Cell]] = []
    for c in sorted(cells, key=lambda c: -len(c.raw)):
        for cl in out:
            if all(equivalent(c.value, c.raw, c.unit, o.value, o.raw, o.unit) for o in cl):
                cl.append(c)
                break
        else:
            out.append([c])
    return out


def _show(cl: list[Cell]) -> str:
    return cl[0].raw or str(_num(cl[0].value))


def classify(cells: list[Cell]) -> Finding | None:
    """None when every printed value is the same number exactly (agreement, only counted)."""
    c0 = cells[0]
    base = dict(
        canonical_id=c0.canonical_id, measure=c0.measure, periods=[c0.period], cells=cells, indicator=c0.indicator
    )
    cls_ = clusters(cells)
    if len(cls_) == 1:
        if len({c.value for c in cells}) == 1 and len({decimals(c.raw, c.value) for c in cells}) == 1:
            return None
        raws = sorted({c.raw for c in cells})
        return Finding(
            EQUIVALENT, reason=f"{' vs '.join(raws)}: the same number at the printed precision and units", **base
        )
    pubs: dict[str, set[int]] = defaultdict(set)
    for i, cl in enumerate(cls_):
        for c in cl:
            pubs[c.publication].add(i)
    split = [p for p, ids in pubs.items() if len(ids) > 1]
    if split:
        p = split[0]
        vals = [_show(cls_[i]) for i in sorted(pubs[p])]
        pages = sorted({c.page for c in cells if c.publication == p})
        names = sorted({c.indicator for c in cells if c.publication == p})
        why = (
            f"; printed under different names ({' / '.join(repr(n) for n in names)}): possibly "
            "different series matched to one indicator"
            if len(names) > 1
            else ""
        )
        return Finding(
            CONTRADICTION,
            reason=f"{' vs '.join(vals)} within one publication ({p}, pages {', '.join(map(str, pages))}){why}",
            **base,
        )
    dates = defaultdict(set)
    for p in pubs:
        dates[next(c.report_month for c in cells if c.publication == p)].add(p)
    if any(len(ps) > 1 for ps in dates.values()):
        return Finding(
            CONTRADICTION,
            reason="different values from publications with the same report date: cannot be explained as a revision",
            **base,
        )
    ordered = sorted(cells, key=lambda c: c.report_month or 0)
    old, new = ordered[0], ordered[-1]
    return Finding(
        REVISION,
        reason=f"{new.raw or _num(new.value)} in the {new.report_date} "
        f"publication ({new.source} p{new.page}) revises "
        f"{old.raw or _num(old.value)} from {old.report_date} ({old.source} p{old.page})",
        **base,
    )
