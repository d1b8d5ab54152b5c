"""Scoring a matcher against labelled names: the development/validation split and the tallies.

Kept apart from the benchmark so the tests that guard the split and the tallies use the same
code the published figures come from.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .catalogue import Alias, Catalogue, Indicator

NEW = "new"
KINDS = ("paraphrase", "trap", "novel")
SPLITS = ("development", "validation")


class Outcome(Protocol):
    indicator_id: str


@dataclass(frozen=True)
class Labelled:
    name: str
    ref: str
    period: str
    answer: str
    kind: str
    near_miss: str = ""
    source: str = ""
    note: str = ""

    @property
    def split(self) -> str:
        return split(self.name)


def split(name: str) -> str:
    """Validation when the name's SHA-1, read as an integer, is divisible by 3: fixed, and
    blind to everything a matcher could be tuned on."""
    digest = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)  # noqa: S324 (a split rule, not security)
    return "validation" if digest % 3 == 0 else "development"


def read(path: str | Path) -> list[Labelled]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        if r["kind"] not in KINDS:
            raise ValueError(f"{path}: kind {r['kind']!r} of {r['name']!r} is not one of {', '.join(KINDS)}")
        out.append(Labelled(**{k: (v or "") for k, v in r.items()}))
    return out


@dataclass
class Tally:
    """How many names of one kind got each outcome."""

    names: int = 0
    right: int = 0
    review: int = 0
    merged: int = 0
    wrong: int = 0
    wrong_names: list[str] = field(default_factory=list)

    def rate(self, count: int) -> float:
        return count / self.names if self.names else 0.0


@dataclass
class Scores:
    paraphrase: Tally = field(default_factory=Tally)
    trap: Tally = field(default_factory=Tally)
    novel: Tally = field(default_factory=Tally)

    def of(self, kind: str) -> Tally:
        tally: Tally = getattr(self, kind)
        return tally


def score(rows: Sequence[Labelled], results: Iterable[Outcome]) -> Scores:
    """`review` is every name given no id (the review queue holds `review` and `unmatched`);
    `merged` is a trap given its near miss; `wrong` is any other id that is not the answer."""
    out = Scores()
    for row, res in zip(rows, results, strict=True):
        t = out.of(row.kind)
        t.names += 1
        got = res.indicator_id
        if not got:
            t.review += 1
        elif got == row.answer:
            t.right += 1
        elif row.near_miss and got == row.near_miss:
            t.merged += 1
            t.wrong_names.append(f"{row.name!r}: {got} (answer {row.answer})")
        else:
            t.wrong += 1
            t.wrong_names.append(f"{row.name!r}: {got} (answer {row.answer})")
    return out


def without_document(cat: Catalogue, document: str) -> Catalogue:
    """The catalogue as it would be had `document` never been seen: an alias first and last seen
    there goes; one seen elsewhere too keeps its other end."""
    out = Catalogue(version=cat.version)
    for ind in cat:
        kept = []
        for a in ind.aliases:
            first, last = a.first, a.last
            if first.source == document and last.source == document:
                continue
            first = last if first.source == document else first
            last = first if last.source == document else last
            kept.append(Alias(a.ref, a.name, first, last))
        if kept:
            latest = max(kept, key=lambda a: a.last.order())
            out.add(
                Indicator(
                    ind.id,
                    latest.name,
                    ind.unit,
                    ind.polarity,
                    ind.definition,
                    kept,
                    ind.time_basis,
                    ind.population,
                    ind.codes,
                )
            )
    return out
