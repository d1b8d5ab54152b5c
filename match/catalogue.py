"""The canonical indicator catalogue: one entry per measure, every printed ref/name as an alias.

An entry says what a user needs to trust a merge: the definition, unit, time basis, population, the
national codes it is published under (an NI number, an adoption scorecard code) and, for each
alias, the first and the last publication it was printed in. Fields nobody could source are left
empty rather than guessed.

The file is edited by people (through `scorekit catalogue` and `scorekit review`) and reviewed in
diffs, so it is always written in one stable order: entries by id, aliases by ref and name, keys in
a fixed order, one alias per line (a later sighting of an alias changes that one line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalise import UNITS
from .profile import BASES

DEFAULT_PATH = Path(__file__).resolve().parent / "catalogue.json"
FORMAT_VERSION = 2
POLARITIES = ("higher_better", "lower_better", "neutral", "")
TIME_BASES = ("", *BASES)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_HEAD = ("id", "name", "unit", "time_basis", "population", "polarity", "codes", "definition")


class CatalogueError(ValueError):
    pass


def period_order(period: str) -> tuple[int, int, str]:
    """Publications in time: `2023-10`, `FY2014/15-Q2` (Sep 2014), `FY2013/14` (Mar 2014)."""
    p = str(period or "")
    m = re.match(r"^(\d{4})-(\d{2})", p)
    if m:
        return int(m.group(1)), int(m.group(2)), p
    m = re.match(r"^FY(\d{4})/\d{2}(?:-Q([1-4]))?", p)
    if m:
        start, quarter = int(m.group(1)), int(m.group(2) or 4)
        month = 3 + 3 * quarter
        return (start, month, p) if month <= 12 else (start + 1, month - 12, p)
    return 0, 0, p


@dataclass(frozen=True, order=True)
class Sighting:
    """A publication: the document and the period it reports."""

    period: str = ""
    source: str = ""

    def order(self) -> tuple[tuple[int, int, str], str]:
        return period_order(self.period), self.source

    def __str__(self) -> str:
        return f"{self.source or '?'} ({self.period or '?'})"


@dataclass(frozen=True, order=True)
class Alias:
    ref: str
    name: str
    first: Sighting = Sighting()
    last: Sighting = Sighting()

    @staticmethod
    def seen(ref: str, name: str, source: str = "", period: str = "") -> Alias:
        s = Sighting(period, source)
        return Alias(ref, name, s, s)

    @property
    def same(self) -> tuple[str, str]:
        return self.ref, self.name

    def widened(self, other: Alias) -> Alias:
        first = min(self.first, other.first, key=Sighting.order)
        last = max(self.last, other.last, key=Sighting.order)
        return Alias(self.ref, self.name, first, last)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "name": self.name,
            "first": {"period": self.first.period, "source": self.first.source},
            "last": {"period": self.last.period, "source": self.last.source},
        }


@dataclass
class Indicator:
    id: str
    name: str
    unit: str
    polarity: str = ""
    definition: str = ""
    aliases: list[Alias] = field(default_factory=list)
    time_basis: str = ""
    population: str = ""
    codes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "time_basis": self.time_basis,
            "population": self.population,
            "polarity": self.polarity,
            "codes": sorted(set(self.codes)),
            "definition": self.definition,
            "aliases": [a.to_dict() for a in sorted(self.aliases)],
        }

    @property
    def refs(self) -> set[str]:
        return {a.ref for a in self.aliases if a.ref}

    @property
    def names(self) -> list[str]:
        seen: dict[str, None] = {self.name: None}
        for a in sorted(self.aliases):
            seen.setdefault(a.name, None)
        return list(seen)

    def record(self, alias: Alias) -> bool:
        """Another sighting of a printed ref/name: a new alias, or a wider first..last of an old one.
        False when nothing changed, so re-running a script is harmless."""
        for i, a in enumerate(self.aliases):
            if a.same == alias.same:
                wider = a.widened(alias)
                self.aliases[i] = wider
                return wider != a
        self.aliases.append(alias)
        return True


@dataclass
class Catalogue:
    version: int = 1
    indicators: dict[str, Indicator] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(sorted(self.indicators.values(), key=lambda i: i.id))

    def get(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise CatalogueError(f"no indicator with id {indicator_id!r}") from None

    def add(self, indicator: Indicator) -> None:
        _validate(indicator)
        if indicator.id in self.indicators:
            raise CatalogueError(f"id {indicator.id!r} already exists")
        merged = Indicator(**{**indicator.__dict__, "aliases": []})
        for a in indicator.aliases:
            merged.record(a)
        self.indicators[indicator.id] = merged

    def add_alias(self, indicator_id: str, alias: Alias) -> bool:
        return self.get(indicator_id).record(alias)

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "version": self.version, "indicators": [i.to_dict() for i in self]}


def _validate(ind: Indicator) -> None:
    checks = [
        (_ID.match(ind.id) is not None, f"id {ind.id!r} must be a lower-case slug (a-z, 0-9, _)"),
        (ind.unit in UNITS, f"unit {ind.unit!r} is not one of {', '.join(UNITS)}"),
        (
            ind.polarity in POLARITIES,
            f"polarity {ind.polarity!r} is not one of {', '.join(p for p in POLARITIES if p)}",
        ),
        (ind.time_basis in TIME_BASES, f"time_basis {ind.time_basis!r} is not one of {', '.join(BASES)}"),
    ]
    for ok, message in checks:
        if not ok:
            raise CatalogueError(f"{ind.id}: {message}" if _ID.match(ind.id) else message)


def _sighting(raw: Any) -> Sighting:
    raw = raw or {}
    return Sighting(str(raw.get("period", "")), str(raw.get("source", "")))


def _alias(raw: dict[str, Any]) -> Alias:
    """Format 2 keeps first and last publication; format 1 had one alias line per publication."""
    if "first" in raw or "last" in raw:
        first = _sighting(raw.get("first"))
        last = _sighting(raw["last"]) if raw.get("last") else first
        return Alias(str(raw.get("ref", "")), str(raw["name"]), first, last)
    return Alias.seen(str(raw.get("ref", "")), str(raw["name"]), str(raw.get("source", "")), str(raw.get("period", "")))


def from_dict(data: dict[str, Any]) -> Catalogue:
    cat = Catalogue(version=int(data.get("version", 1)))
    for raw in data.get("indicators", []):
        cat.add(
            Indicator(
                id=raw["id"],
                name=raw["name"],
                unit=raw["unit"],
                polarity=raw.get("polarity", ""),
                definition=raw.get("definition", ""),
                aliases=[_alias(a) for a in raw.get("aliases", [])],
                time_basis=raw.get("time_basis", ""),
                population=raw.get("population", ""),
                codes=[str(c) for c in raw.get("codes", [])],
            )
        )
    return cat


def load(path: str | Path | None = None) -> Catalogue:
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueError(f"{path}: no such catalogue file") from None
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    try:
        return from_dict(data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise CatalogueError(f"{path}: malformed catalogue entry ({exc})") from None
    except CatalogueError as exc:
        raise CatalogueError(f"{path}: {exc}") from None


def dumps(cat: Catalogue) -> str:
    """One alias per line: a new alias, or a later sighting of one, is a one-line diff."""
    entries = []
    for ind in cat:
        d = ind.to_dict()
        head = [f'      "{k}": {json.dumps(d[k], ensure_ascii=False)}' for k in _HEAD]
        aliases = ",\n".join("        " + json.dumps(a, ensure_ascii=False) for a in d["aliases"])
        body = ",\n".join(head) + ',\n      "aliases": [' + ("\n" + aliases + "\n      ]" if aliases else "]")
        entries.append("    {\n" + body + "\n    }")
    lines = ["{", f'  "format": {FORMAT_VERSION},', f'  "version": {cat.version},', '  "indicators": [']
    lines += [",\n".join(entries), "  ]", "}"]
    return "\n".join(lines) + "\n"


def save(cat: Catalogue, path: str | Path | None = None) -> None:
    path = Path(path) if path else DEFAULT_PATH
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(dumps(cat), encoding="utf-8")
    tmp.replace(path)
