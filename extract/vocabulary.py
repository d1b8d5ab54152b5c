"""The words that name a scorecard's columns, read from `vocabulary.json`, and the places that
label area tables' rows, from `places.json`.

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

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

DEFAULT_PATH = Path(__file__).resolve().parent / "vocabulary.json"
PLACES_PATH = Path(__file__).resolve().parent / "places.json"
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
class RefMarks:
    """Where, in an unsure reading of a reference with no number, lookalikes stand for it
    (`vocabulary.json`, `ocr.reference_lookalikes`)."""

    after_prefix: str = ""  # marks just after the capitals (`Mi`)
    before_digits: str = ""  # a capital between the capitals and the digits (`LACI6`)
    prefix_end: tuple[str, ...] = ()  # capitals ending the letters before a qualifier (`EHS-OL`)
    qualifier_letters: dict[str, str] = field(default_factory=dict)  # a letter read for a qualifier's capital
    capitals: dict[str, str] = field(default_factory=dict)  # a mark read for a prefix's first capital (`$P2`)

    def mend_qualifier(self, text: str) -> str:
        """A qualifier's last capital read as a small letter OCR takes for it (`-Qt`, `-Nl`:
        `qualifier_letters`): the capital, however sure the engine was, since a qualifier of
        capitals prints none of them."""
        if not self.qualifier_letters:
            return text
        letters = "[" + "".join(re.escape(ch) for ch in self.qualifier_letters) + "]"
        return re.sub(
            rf"(\d[a-z]?-[A-Z]{{0,3}})({letters})(?=$| )", lambda m: m[1] + self.qualifier_letters[m[2]], text
        )


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[ColumnRule, ...] = field(default_factory=tuple)
    areas: frozenset[str] = frozenset()  # comparator rows of area tables, lower-cased
    missing: dict[str, str] = field(default_factory=dict)  # a missing-value code -> its flag
    printed: dict[str, str] = field(default_factory=dict)  # a code, lower-cased -> as printed
    confusions: dict[str, str] = field(default_factory=dict)  # a character OCR puts -> the printed one
    lookalikes: dict[str, str] = field(default_factory=dict)  # a mark OCR reads for a digit in a reference -> the digit
    ref_marks: RefMarks = field(default_factory=RefMarks)  # where lookalikes stand for a number
    directions: frozenset[str] = frozenset()  # words a direction column prints, lower-cased
    same_marks: dict[str, str] = field(default_factory=dict)  # a mark OCR reads for another -> the one it stands for
    places: dict[str, str] = field(default_factory=dict)  # a place's `place_key` -> its name as printed
    word_confusions: dict[str, str] = field(default_factory=dict)  # a letter group OCR reads for another -> it
    glue_words: frozenset[str] = frozenset()  # short words OCR runs into the next or last (`numberof`)
    edge_marks: str = ""  # marks OCR reads at a header's edge from a rule or a speck (`|Target`)
    closing_brackets: str = ""  # marks OCR reads for a name's closing bracket (`children’`)
    other_headers: tuple[re.Pattern[str], ...] = ()  # words in a header cell that names no period (`Target`)
    header_misreadings: dict[str, str] = field(default_factory=dict)  # a header word OCR reads -> the printed one
    case_alike: str = ""  # letters whose small and capital differ in size only, lower-cased (`o`, `O`)

    def names_other_header(self, text: str) -> bool:
        """The header cell holds a word of a header other than a period's (`Target 19/20`)."""
        return any(p.search(text) for p in self.other_headers)

    def is_place(self, text: str) -> bool:
        """A comparator area (`England`) or a place of the gazetteer (`Barnet`, `Bristol, City of`)."""
        return " ".join(text.lower().split()) in self.areas or place_key(text) in self.places

    def spell_places(self, labels: list[str]) -> list[str]:
        """Labels of an OCR'd area table with each misread place (`Bamet`) put as the one place
        close to it that no other label names: a column that names two places or more lists
        places, and each place once. What is close to two places, or to none, stays as read, and
        so does every label of a column mostly of other names (wards beside their city). A place
        read with a space where its name has a hyphen (`Southend on Sea`: a scan's hyphen is a
        few pixels, and lost) takes its hyphens back."""
        keys = {place_key(t) for t in labels if self.is_place(t)}
        if len(keys) < 2 or len(keys) * 2 < len([t for t in labels if t]):
            return labels
        out = []
        for text in labels:
            if self.is_place(text):
                out.append(self._hyphens_back(text))
                continue
            near = self._nearest_place(place_key(text), keys)
            if near is not None:
                keys.add(near)
            out.append(self.places[near] if near is not None else text)
        return out

    def _hyphens_back(self, text: str) -> str:
        """The place's name where the text is it with spaces for some of its hyphens."""
        name = self.places.get(place_key(text))
        if name is None or name.count("-") <= text.count("-"):
            return text
        same = " ".join(name.replace("-", " ").lower().split()) == " ".join(text.replace("-", " ").lower().split())
        return name if same else text

    def _nearest_place(self, key: str, taken: set[str]) -> str | None:
        folded = self._folded_places
        cutoff = PLACE_NEAR - PLACE_MARGIN
        found = process.extract(self.fold(key), folded, scorer=fuzz.ratio, limit=2, score_cutoff=cutoff)
        if not found or found[0][1] < PLACE_NEAR or found[0][2] in taken:
            return None
        if len(found) > 1 and found[0][1] - found[1][1] < PLACE_MARGIN:
            return None
        return found[0][2]

    @cached_property
    def _folded_places(self) -> dict[str, str]:
        """Each place's key -> its key with OCR's letter groups folded: `barnet` -> `bamet`."""
        return {k: self.fold(k) for k in self.places}

    def fold(self, text: str) -> str:
        """The text with each of OCR's letter groups put as its pair (`barnet` -> `bamet`)."""
        for seen, meant in self.word_confusions.items():
            text = text.replace(seen, meant)
        return text

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

    def short_code(self, text: str) -> str | None:
        """The lettered code of one or two characters (`c`, `x`) a lone glyph's reading names, or
        None. One glyph is one letter, so a letter read twice (`Cc`) is that letter."""
        t = text.strip().lower()
        if t.isalpha() and len(set(t)) == 1:
            t = t[0]
        return self.printed[t] if len(t) <= 2 and t.isalpha() and t in self.printed else None

    @cached_property
    def _confusable_codes(self) -> dict[str, str]:
        """Each worded code as `_confusable` puts it -> the code."""
        return {self._confusable(c): c for c in self.worded_codes}

    def _confusable(self, text: str) -> str:
        """The text with each character OCR confuses put as its group's one (`n/a`, `nla`: `nla`)."""
        return "".join(self.confusions.get(ch, ch) for ch in text).lower()


PLACE_NEAR = 70.0  # rapidfuzz ratio, letter groups folded: `Greenvach` to `Greenwich` is 78
PLACE_MARGIN = 10.0  # ahead of the next place by this much, or the reading stays


def place_key(text: str) -> str:
    """A place's name as spellings agree on it: `St. Helens`, `St Helens`; `Telford & Wrekin`."""
    t = text.lower().replace("&", " and ")
    t = re.sub(r"[.,'’()]", "", t).replace("-", " ")
    return " ".join(t.split())


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as exc:
        raise VocabularyError(f"{where}: bad pattern ({exc})") from None


def _more_marks(marks: RefMarks, section: dict) -> RefMarks:
    """The marks with a file's added: the first file to list a letter's reading keeps it."""
    return RefMarks(
        marks.after_prefix + "".join(m for m in section.get("after_prefix", "") if m not in marks.after_prefix),
        marks.before_digits + "".join(m for m in section.get("before_digits", "") if m not in marks.before_digits),
        marks.prefix_end + tuple(m for m in section.get("prefix_end", []) if m not in marks.prefix_end),
        {**section.get("qualifier_letters", {}), **marks.qualifier_letters},
        {**section.get("capitals", {}), **marks.capitals},
    )


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


def load(path: Path = DEFAULT_PATH, extra: Path | None = None, places_path: Path = PLACES_PATH) -> Vocabulary:
    rules: list[ColumnRule] = []
    areas: set[str] = set()
    places: dict[str, str] = {}
    word_confusions: dict[str, str] = {}
    missing: dict[str, str] = {}
    printed: dict[str, str] = {}
    confusions: dict[str, str] = {}
    lookalikes: dict[str, str] = {}
    marks = RefMarks()
    directions: set[str] = set()
    same_marks: dict[str, str] = {}
    header_misreadings: dict[str, str] = {}
    glue_words: set[str] = set()
    edge_marks = ""
    case_alike = ""
    closing_brackets = ""
    other_headers: tuple[re.Pattern[str], ...] = ()
    for p in [q for q in (extra, path, places_path) if q is not None]:
        try:
            data = json.loads(Path(p).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise VocabularyError(f"{p}: cannot read the column vocabulary ({exc})") from None
        rules += [_rule(r, f"{p}: column rule {i + 1}") for i, r in enumerate(data.get("columns", []))]
        areas |= {a.lower() for a in data.get("areas", {}).get("names", [])}
        for group in data.get("places", {}).get("groups", {}).values():
            places.update({place_key(name): name for name in group})
        for flag in FLAGS:
            for code in data.get("missing", {}).get(flag, []):
                missing.setdefault(code.lower(), flag)
                printed.setdefault(code.lower(), code)
        directions |= {" ".join(w.lower().split()) for w in data.get("directions", {}).get("words", [])}
        ocr = data.get("ocr", {})
        glue_words |= {w.lower() for w in ocr.get("glued_words", {}).get("words", [])}
        other_headers += _compile(ocr.get("other_header_words", {}).get("stems", []), f"{p}: other_header_words")
        marks = _more_marks(marks, ocr.get("reference_lookalikes", {}))
        edge_marks += "".join(m for m in ocr.get("header_edge_marks", {}).get("marks", "") if m not in edge_marks)
        alike = ocr.get("case_alike", {}).get("letters", "").lower()
        case_alike += "".join(m for m in dict.fromkeys(alike) if m not in case_alike)
        closing = ocr.get("bracket_lookalikes", {}).get("closing", "")
        closing_brackets += "".join(m for m in closing if m not in closing_brackets)
        for pairs, key, inner in (
            (confusions, "confusions", None),
            (lookalikes, "reference_lookalikes", "pairs"),
            (word_confusions, "word_confusions", "groups"),
            (same_marks, "same_marks", "marks"),
            (header_misreadings, "header_misreadings", "words"),
        ):
            section = ocr.get(key, {})
            for seen, meant in (section.get(inner, {}) if inner else section).items():
                pairs.setdefault(seen, meant)
    unpaired = sorted(set(marks.after_prefix + marks.before_digits + "".join(marks.prefix_end)) - set(lookalikes))
    if unpaired:
        raise VocabularyError(
            f"{extra or path}: reference_lookalikes: {' '.join(unpaired)} stand for no digit in 'pairs'"
        )
    return Vocabulary(
        tuple(rules),
        frozenset(areas),
        missing,
        printed,
        confusions,
        lookalikes,
        marks,
        frozenset(directions),
        same_marks,
        places,
        word_confusions,
        frozenset(glue_words),
        edge_marks,
        closing_brackets,
        other_headers,
        {seen.lower(): meant.lower() for seen, meant in header_misreadings.items()},
        case_alike,
    )


VOCABULARY = load()
