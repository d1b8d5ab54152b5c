"""The canonical indicator catalogue: one entry per indicator, every printed ref/name as an alias.

The file is edited by people (through `scorekit catalogue add/add-alias`) and reviewed in diffs, so
it is always written in one stable order: entries by id, aliases by period, source, ref, name, and
keys in a fixed order with one alias per line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalise import UNITS

DEFAULT_PATH = Path(__file__).resolve().parent / "catalogue.json"
FORMAT_VERSION = 1
POLARITIES = ("higher_better", "lower_better", "neutral", "")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Alias:
    period: str
    source: str
    ref: str
    name: str

    def to_dict(self) -> dict[str, str]:
        return {"ref": self.ref, "name": self.name, "source": self.source, "period": self.period}


@dataclass
class Indicator:
    id: str
    name: str
    unit: str
    polarity: str = ""
    definition: str = ""
    aliases: list[Alias] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "unit": self.unit,
            "polarity": self.polarity,
            "definition": self.definition,
            "aliases": [a.to_dict() for a in sorted(set(self.aliases))],
        }

    @property
    def refs(self) -> set[str]:
        return {a.ref for a in self.aliases if a.ref}

    @property
    def names(self) -> list[str]:
        seen: dict[str, None] = {self.name: None}
        for a in sorted(set(self.aliases)):
            seen.setdefault(a.name, None)
        return list(seen)


@dataclass
class Catalogue:
    version: int = 1
    indicators: dict[str, Indicator] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self):
        return iter(sorted(self.indicators.values(), key=lambda i: i.id))

    def get(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise CatalogueError(f"no indicator with id {indicator_id!r}") from None

    def add(self, indicator: Indicator) -> None:
        if not _ID.match(indicator.id):
            raise CatalogueError(f"id {indicator.id!r} must be a lower-case slug (a-z, 0-9, _)")
        if indicator.id in self.indicators:
            raise CatalogueError(f"id {indicator.id!r} already exists")
        if indicator.unit not in UNITS:
            raise CatalogueError(f"unit {indicator.unit!r} is not one of {', '.join(UNITS)}")
        if indicator.polarity not in POLARITIES:
            raise CatalogueError(
                f"polarity {indicator.polarity!r} is not one of {', '.join(p for p in POLARITIES if p)}"
            )
        self.indicators[indicator.id] = indicator

    def add_alias(self, indicator_id: str, alias: Alias) -> bool:
        """Returns False when the alias was already there, so re-running a script is harmless."""
        ind = self.get(indicator_id)
        if alias in ind.aliases:
            return False
        ind.aliases.append(alias)
        return True

    def search(self, text: str, limit: int = 10) -> list[tuple[Indicator, float]]:
        """Names by shared words first (token set), closeness of the whole name second; a printed
        ref in TEXT finds its indicators outright."""
        import numpy as np
        from rapidfuzz import fuzz, process

        from .normalise import key

        choices: list[str] = []
        owners: list[str] = []
        for ind in self:
            for name in ind.names:
                choices.append(key(name))
                owners.append(ind.id)
        if not choices:
            return []
        q = key(text) or text.lower()
        by_set = process.cdist([q], choices, scorer=fuzz.token_set_ratio)[0]
        by_sort = process.cdist([q], choices, scorer=fuzz.token_sort_ratio)[0]
        combined = by_set + by_sort / 1000.0
        words = {w.upper() for w in re.split(r"[\s,;]+", text) if w}
        best: dict[str, float] = {}
        for idx in np.argsort(-combined)[: limit * 6]:
            best[owners[idx]] = max(best.get(owners[idx], 0.0), float(combined[idx]))
        for ind in self:
            if words & {r.replace(" ", "").upper() for r in ind.refs}:
                best[ind.id] = 101.0
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.indicators[i], min(s, 100.0)) for i, s in ranked]

    def to_dict(self) -> dict:
        return {"format": FORMAT_VERSION, "version": self.version, "indicators": [i.to_dict() for i in self]}


def from_dict(data: dict) -> Catalogue:
    cat = Catalogue(version=int(data.get("version", 1)))
    for raw in data.get("indicators", []):
        aliases = [
            Alias(period=a.get("period", ""), source=a.get("source", ""), ref=a.get("ref", ""), name=a["name"])
            for a in raw.get("aliases", [])
        ]
        cat.add(
            Indicator(
                id=raw["id"],
                name=raw["name"],
                unit=raw["unit"],
                polarity=raw.get("polarity", ""),
                definition=raw.get("definition", ""),
                aliases=aliases,
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
    except (KeyError, TypeError) as exc:
        raise CatalogueError(f"{path}: malformed catalogue entry ({exc})") from None
    except CatalogueError as exc:
        raise CatalogueError(f"{path}: {exc}") from None


def dumps(cat: Catalogue) -> str:
    """One alias per line: a new alias is a one-line diff."""
    lines = ["{", f'  "format": {FORMAT_VERSION},', f'  "version": {cat.version},', '  "indicators": [']
    entries = []
    for ind in cat:
        d = ind.to_dict()
        head = [
            f'      "{k}": {json.dumps(d[k], ensure_ascii=False)}'
            for k in ("id", "name", "unit", "polarity", "definition")
        ]
        aliases = ",\n".join("        " + json.dumps(a, ensure_ascii=False) for a in d["aliases"])
        body = ",\n".join(head) + ',\n      "aliases": [' + ("\n" + aliases + "\n      ]" if aliases else "]")
        entries.append("    {\n" + body + "\n    }")
    lines.append(",\n".join(entries))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def save(cat: Catalogue, path: str | Path | None = None) -> None:
    path = Path(path) if path else DEFAULT_PATH
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(dumps(cat), encoding="utf-8")
    tmp.replace(path)
