"""One indicator, area, period and measure: do the printed values agree, and if not, why not."""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from .cells import Cell, plain_number
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
    return cl[0].raw or str(plain_number(cl[0].value))


def identical(cells: list[Cell]) -> bool:
    """The same number printed to the same precision everywhere: agreement, only counted."""
    printed = {(c.value, c.raw) for c in cells}
    if len({v for v, _ in printed}) > 1:
        return False
    return len(printed) == 1 or len({decimals(raw, v) for v, raw in printed}) == 1


def _split_publication(cells: list[Cell], cls_: list[list[Cell]]) -> tuple[str, list[int]] | None:
    """The first publication whose own printings fall in more than one cluster."""
    pubs: dict[str, set[int]] = defaultdict(set)
    for i, cl in enumerate(cls_):
        for c in cl:
            pubs[c.publication].add(i)
    split = [(p, sorted(ids)) for p, ids in pubs.items() if len(ids) > 1]
    return split[0] if split else None


def _within_publication(cells: list[Cell], cls_: list[list[Cell]], p: str, ids: list[int]) -> str:
    vals = [_show(cls_[i]) for i in ids]
    pages = sorted({c.page for c in cells if c.publication == p})
    names = sorted({c.indicator for c in cells if c.publication == p})
    why = (
        f"; printed under different names ({' / '.join(repr(n) for n in names)}): possibly "
        "different series matched to one indicator"
        if len(names) > 1
        else ""
    )
    return f"{' vs '.join(vals)} within one publication ({p}, pages {', '.join(map(str, pages))}){why}"


def _same_date_publications(cells: list[Cell]) -> bool:
    dates: dict[int | None, set[str]] = defaultdict(set)
    for c in cells:
        dates[c.report_month].add(c.publication)
    return any(len(ps) > 1 for ps in dates.values())


def _revision(cells: list[Cell]) -> str:
    ordered = sorted(cells, key=lambda c: c.report_month or 0)
    old, new = ordered[0], ordered[-1]
    return (
        f"{new.raw or plain_number(new.value)} in the {new.report_date} "
        f"publication ({new.source} p{new.page}) revises "
        f"{old.raw or plain_number(old.value)} from {old.report_date} ({old.source} p{old.page})"
    )


def classify(cells: list[Cell]) -> Finding | None:
    """None when every printed value is the same number exactly (agreement, only counted)."""
    if identical(cells):
        return None
    c0 = cells[0]
    finding = partial(
        Finding,
        canonical_id=c0.canonical_id,
        measure=c0.measure,
        periods=[c0.period],
        cells=cells,
        indicator=c0.indicator,
        area=c0.area,
    )
    cls_ = clusters(cells)
    if len(cls_) == 1:
        raws = sorted({c.raw for c in cells})
        return finding(EQUIVALENT, reason=f"{' vs '.join(raws)}: the same number at the printed precision and units")
    split = _split_publication(cells, cls_)
    if split is not None:
        return finding(CONTRADICTION, reason=_within_publication(cells, cls_, *split))
    if _same_date_publications(cells):
        reason = "different values from publications with the same report date: cannot be explained as a revision"
        return finding(CONTRADICTION, reason=reason)
    return finding(REVISION, reason=_revision(cells))
