"""Which publication a printed table belongs to, and its report date.

An agenda pack carries more than one publication: this month's data set and, a few pages on, the
'previous data presentation' from an earlier meeting. A table's report date is the latest month it
prints; neighbouring tables within a month of each other form one publication, so a revision
(a later publication differs) can be told from a contradiction (one publication disagrees with
itself).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .cells import Cell
from .periods import month_label

TableKey = tuple[str, int, int]  # source, page, table


@dataclass(frozen=True)
class Publication:
    month: int | None
    date: str
    name: str

    @classmethod
    def of(cls, source: str, month: int | None) -> Publication:
        date = month_label(month)
        return cls(month, date, f"{source}@{date}")


def _latest_months(cells: list[Cell]) -> dict[TableKey, int]:
    """Each table's latest month: of its values, else of its other measures."""
    values: dict[TableKey, int] = {}
    others: dict[TableKey, int] = {}
    for c in cells:
        if c.month is not None:
            d = values if c.measure == "value" else others
            k = (c.source, c.page, c.table)
            d[k] = max(d.get(k, c.month), c.month)
    return {**others, **values}


def _blocks(tables: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """(page, table, month) in page order, cut where the month moves more than one from the block's."""
    blocks: list[list[tuple[int, int, int]]] = []
    latest = 0
    for t in sorted(tables):
        if blocks and abs(t[2] - latest) <= 1:
            blocks[-1].append(t)
            latest = max(latest, t[2])
        else:
            blocks.append([t])
            latest = t[2]
    return blocks


def dates(cells: list[Cell]) -> tuple[dict[TableKey, int], dict[str, int]]:
    """The report month of each table, and of each file (for tables that print no month)."""
    by_source: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for (src, page, table), m in _latest_months(cells).items():
        by_source[src].append((page, table, m))
    table_date: dict[TableKey, int] = {}
    for src, tables in by_source.items():
        for block in _blocks(tables):
            date = max(x[2] for x in block)
            for page, table, _ in block:
                table_date[(src, page, table)] = date
    file_date = {src: max(m for _, _, m in ts) for src, ts in by_source.items()}
    return table_date, file_date


def assign(cells: list[Cell]) -> None:
    table_date, file_date = dates(cells)
    known: dict[TableKey, Publication] = {}
    for c in cells:
        k = (c.source, c.page, c.table)
        pub = known.get(k)
        if pub is None:
            pub = known[k] = Publication.of(c.source, table_date.get(k, file_date.get(c.source)))
        c.report_month = pub.month
        c.report_date = pub.date
        c.publication = pub.name
