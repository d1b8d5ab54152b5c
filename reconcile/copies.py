"""The same row printed again on another page (the Nov-23 pack prints its B4B tables twice).

A copy adds no evidence: it is collapsed onto the first printing, and the finding keeps every page.
"""

from __future__ import annotations

from collections import defaultdict

from .cells import Cell
from .findings import DUPLICATE, Finding
from .periods import sort_key


def collapse(cells: list[Cell]) -> tuple[list[Cell], list[Finding]]:
    rows: dict[tuple, list[Cell]] = defaultdict(list)
    for c in cells:
        rows[(c.canonical_id, *c.instance)].append(c)
    by_signature: dict[tuple, list[tuple]] = defaultdict(list)
    for key, cs in rows.items():
        sig = (key[0], key[1], tuple(sorted((c.measure, c.period, c.value) for c in cs)))
        by_signature[sig].append(key)
    dropped: set[int] = set()
    findings: list[Finding] = []
    for sig, keys in by_signature.items():
        keys.sort(key=lambda k: (k[2], k[3], k[4]))
        if len(keys) < 2 or len({k[2] for k in keys}) < 2:
            continue
        every = [c for k in keys for c in rows[k]]
        for k in keys[1:]:
            dropped.update(c.id for c in rows[k])
        first = rows[keys[0]]
        pages = sorted({k[2] for k in keys})
        for measure in sorted({c.measure for c in first}):
            mcells = [c for c in every if c.measure == measure]
            periods = sorted({c.period for c in mcells}, key=sort_key)
            findings.append(
                Finding(
                    DUPLICATE,
                    sig[0],
                    measure,
                    periods,
                    mcells,
                    f"the same row printed {len(keys)} times in {sig[1]} (pages {', '.join(map(str, pages))}) "
                    f"with identical values; collapsed onto page {pages[0]}",
                    indicator=first[0].indicator,
                )
            )
    return [c for c in cells if c.id not in dropped], findings
