"""The same row printed again on another page (the Nov-23 pack prints its B4B tables twice).

A copy adds no evidence: it is collapsed onto the first printing, and the finding keeps every page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from .cells import Cell
from .findings import DUPLICATE, Finding
from .periods import sort_key


class PrintedRow(NamedTuple):
    canonical_id: str
    area: str
    source: str
    page: int
    table: int
    row: int


def _printed_rows(cells: list[Cell]) -> dict[PrintedRow, list[Cell]]:
    rows: dict[tuple, list[Cell]] = defaultdict(list)
    for c in cells:
        rows[(c.canonical_id, c.area, c.source, c.page, c.table, c.row)].append(c)
    return {PrintedRow._make(k): cs for k, cs in rows.items()}


def _alike(rows: dict[PrintedRow, list[Cell]]) -> list[list[PrintedRow]]:
    """Rows of one file printing the same figures for the same months, on more than one page,
    first printing first."""
    by_content: dict[tuple, list[PrintedRow]] = defaultdict(list)
    for key, cs in rows.items():
        content = tuple(sorted((c.measure, c.period, c.value) for c in cs))
        by_content[(key.canonical_id, key.area, key.source, content)].append(key)
    out = []
    for keys in by_content.values():
        if len({k.page for k in keys}) > 1:
            out.append(sorted(keys, key=lambda k: (k.page, k.table, k.row)))
    return out


def _findings(keys: list[PrintedRow], rows: dict[PrintedRow, list[Cell]]) -> list[Finding]:
    every = [c for k in keys for c in rows[k]]
    first = rows[keys[0]]
    pages = sorted({k.page for k in keys})
    where = f"the same row printed {len(keys)} times in {keys[0].source} (pages {', '.join(map(str, pages))})"
    out = []
    for measure in sorted({c.measure for c in first}):
        mcells = [c for c in every if c.measure == measure]
        out.append(
            Finding(
                DUPLICATE,
                keys[0].canonical_id,
                measure,
                sorted({c.period for c in mcells}, key=sort_key),
                mcells,
                f"{where} with identical values; collapsed onto page {pages[0]}",
                indicator=first[0].indicator,
                area=keys[0].area,
            )
        )
    return out


def collapse(cells: list[Cell]) -> tuple[list[Cell], list[Finding]]:
    rows = _printed_rows(cells)
    dropped: set[int] = set()
    findings: list[Finding] = []
    for keys in _alike(rows):
        for k in keys[1:]:
            dropped.update(c.id for c in rows[k])
        findings += _findings(keys, rows)
    return [c for c in cells if c.id not in dropped], findings
