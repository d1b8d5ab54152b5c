"""The words that name a scorecard's columns, read from `vocabulary.json`.

Publishers name the same column many ways (`SN`, `Stat. Neighbours`, `Statistical neighbour
average`), and a new publisher brings new ones; the list is data so a user can extend it
(`load(extra)`: the extra file's rules are tried first) without touching the reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz.distance import Levenshtein

DEFAULT_PATH = Path(__file__).resolve().parent / "vocabulary.json"
KINDS = ("ref", "name", "area", "code", "text", "change", "measure")
PERIODS = ("report", "year", "year_or_band", "none")
BODIES = ("any", "figures", "words")
FLAGS = ("not_applicable", "not_collected", "local")  # what a code in the `missing` lists says


class VocabularyError(ValueError):
    pass


@dataclass(frozen=True)
class ColumnRule:
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    measure: str = ""
    field: str = ""
    period: str = "none"
    year: tuple[re.Pattern[str], ...] = ()
    body: str = "any"  # what the column's body must hold for the rule to apply: figures, words or any

    def matches(self, header: str) -> bool:
        return any(p.search(header) for p in self.patterns)

    def fits(self, figures: bool | None) -> bool:
        """Does a body of figures (True), of words (False) or of nothing known (None) allow it?"""
        return figures is None or self.body == "any" or self.body == ("figures" if figures else "words")

    def says_year(self, header: str) -> bool:
        return any(p.search(header) for p in self.year)


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[ColumnRule, ...] = field(default_factory=tuple)
    areas: frozenset[str] = frozenset()  # comparator rows of area tables, lower-cased
    missing: dict[str, str] = field(default_factory=dict)  # a missing-value code -> its flag
    printed: dict[str, str] = field(default_factory=dict)  # a code, lower-cased -> as printed
    confusions: dict[str, str] = field(default_factory=dict)  # a character OCR puts -> the printed one
    lookalikes: dict[str, str] = field(default_factory=dict)  # a mark OCR reads for a digit in a reference -> the digit
    directions: frozenset[str] = frozenset()  # words a direction column prints, lower-cased
    same_marks: dict[str, str] = field(default_factory=dict)  # a mark OCR reads for another -> the one it stands for

    def rule_for(self, header: str, kinds: tuple[str, ...] = KINDS, figures: bool | None = None) -> ColumnRule | None:
        """The first rule of these kinds naming this (lower-cased, space-collapsed) header and
        allowing a body of figures (`figures` True) or words (False)."""
        return next((r for r in self.rules if r.kind in kinds and r.matches(header) and r.fits(figures)), None)

    @property
    def worded_codes(self) -> set[str]:
        """Codes of three characters or more, lower-cased: the ones OCR can be trusted to read."""
        return {c for c in self.printed if len(c) >= 3}

    def ocr_code(self, text: str) -> str | None:
        """The printed code an OCR'd lone word stands for (`Loca1`, `LocaI`, `T8C`), or None.
        Codes of one or two characters (`x`, `..`) are too easily made of specks to guess at."""
        t = self._confusable(text.strip())
        codes = self._confusable_codes
        if t in codes:
            return self.printed[codes[t]]
        near = {self.printed[c] for k, c in codes.items() if len(k) >= 4 and Levenshtein.distance(t, k) <= 1}
        return near.pop() if len(near) == 1 else None

    @cached_property
    def _confusable_codes(self) -> dict[str, str]:
        """Each worded code as `_confusable` puts it -> the code."""
        return {self._confusable(c): c for c in self.worded_codes}

    def _confusable(self, text: str) -> str:
        """The text with each character OCR confuses put as its group's one (`n/a`, `nla`: `nla`)."""
        return "".join(self.confusions.get(ch, ch) for ch in text).lower()


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as exc:
        raise VocabularyError(f"{where}: bad pattern ({exc})") from None


def _rule(raw: dict, where: str) -> ColumnRule:
    kind = raw.get("kind", "")
    if kind not in KINDS:
        raise VocabularyError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    period = raw.get("period", "none")
    if period not in PERIODS:
        raise VocabularyError(f"{where}: period {period!r} is not one of {', '.join(PERIODS)}")
    body = raw.get("body", "any")
    if body not in BODIES:
        raise VocabularyError(f"{where}: body {body!r} is not one of {', '.join(BODIES)}")
    return ColumnRule(
        kind,
        _compile(raw.get("patterns", []), where),
        measure=raw.get("measure", ""),
        field=raw.get("field", ""),
        period=period,
        year=_compile(raw.get("year", []), where),
        body=body,
    )


def load(path: Path = DEFAULT_PATH, extra: Path | None = None) -> Vocabulary:
    rules: list[ColumnRule] = []
    areas: set[str] = set()
    missing: dict[str, str] = {}
    printed: dict[str, str] = {}
    confusions: dict[str, str] = {}
    lookalikes: dict[str, str] = {}
    directions: set[str] = set()
    same_marks: dict[str, str] = {}
    for p in [q for q in (extra, path) if q is not None]:
        try:
            data = json.loads(Path(p).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise VocabularyError(f"{p}: cannot read the column vocabulary ({exc})") from None
        rules += [_rule(r, f"{p}: column rule {i + 1}") for i, r in enumerate(data.get("columns", []))]
        areas |= {a.lower() for a in data.get("areas", {}).get("names", [])}
        for flag in FLAGS:
            for code in data.get("missing", {}).get(flag, []):
                missing.setdefault(code.lower(), flag)
                printed.setdefault(code.lower(), code)
        for seen, meant in data.get("ocr", {}).get("confusions", {}).items():
            confusions.setdefault(seen, meant)
        for seen, digit in data.get("ocr", {}).get("reference_lookalikes", {}).get("pairs", {}).items():
            lookalikes.setdefault(seen, digit)
        directions |= {" ".join(w.lower().split()) for w in data.get("directions", {}).get("words", [])}
        for seen, mark in data.get("ocr", {}).get("same_marks", {}).get("marks", {}).items():
            same_marks.setdefault(seen, mark)
    return Vocabulary(
        tuple(rules), frozenset(areas), missing, printed, confusions, lookalikes, frozenset(directions), same_marks
    )


VOCABULARY = load()
