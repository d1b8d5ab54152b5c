"""Which publication a printed table belongs to, and its report date.

An agenda pack carries more than one publication: this month's data set and, a few pages on, the
'previous data presentation' from an earlier meeting. A table's report date is the latest month it
prints; neighbouring tables within a month of each other form one publication, so a revision
(a later publication differs) can be told from a contradiction (one publication disagrees with
itself).
"""

from __future__ import annotations

from collections import defaultdict

from .cells import Cell
from .periods import month_label


def assign(cells: list[Cell]) -> None:
    values: dict[tuple[str, int, int], int] = {}
    others: dict[tuple[str, int, int], int] = {}
    for c in cells:
        if c.month is not None:
            d = values if c.measure == "value" else others
            k = (c.source, c.page, c.table)
            d[k] = max(d.get(k, c.month), c.month)
    latest = {**others, **values}
    by_source: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for (src, page, table), m in latest.items():
        by_source[src].append((page, table, m))
    block_date: dict[tuple[str, int, int], int] = {}
    for src, tables in by_source.items():
        tables.sort()
        groups: list[list[tuple[int, int, int]]] = []
        for t in tables:
            if groups and abs(t[2] - max(x[2] for x in groups[-1])) <= 1:
                groups[-1].append(t)
            else:
                groups.append([t])
        for g in groups:
            date = max(x[2] for x in g)
            for page, table, _ in g:
                block_date[(src, page, table)] = date
    file_date = {src: max(m for _, _, m in ts) for src, ts in by_source.items()}
    for c in cells:
        m = block_date.get((c.source, c.page, c.table), file_date.get(c.source))
        c.report_month = m
        c.report_date = month_label(m)
        c.publication = f"{c.source}@{c.report_date}"
