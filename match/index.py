"""The catalogue's names prepared for matching: their facts, word weights, and a fast first pass.

Every name of every entry is a choice. A query is compared with all choices at once by
`rapidfuzz.process.cdist` (within the block of its unit), and only the best few per query are
scored in Python: on the shared words, weighted by how rare each word is in the catalogue (a
shared "dental" says more than a shared "cla"), and on the spelling of the whole name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process

from .catalogue import Catalogue
from .guards import Side, side
from .normalise import Facts, Quantity, Vocabulary


@dataclass(frozen=True)
class Choice:
    owner: str
    name: str
    side: Side
    words: frozenset[str]
    row: int
    implied_words: frozenset[str] = frozenset()

    @property
    def facts(self) -> Facts:
        return self.side.facts


def _with_counts(choices: list[Choice], named: dict[str, frozenset[tuple[str, frozenset[str]]]]) -> list[Choice]:
    """Each choice's side with what any name of its entry counts (children and episodes both, for
    `new CLA in month` beside `new looked after children (episodes)`), and `named`: the values of
    each group its names state as printed (`eligible CLA (16+)` names looked after children alone)."""
    by_owner: dict[str, frozenset[str]] = {}
    for c in choices:
        by_owner[c.owner] = by_owner.get(c.owner, frozenset()) | c.facts.counts
    return [
        replace(c, side=replace(c.side, counts=by_owner[c.owner], named=named.get(c.owner, frozenset())))
        if by_owner[c.owner] or named.get(c.owner)
        else c
        for c in choices
    ]


class Index:
    """An entry's choices carry what its definition implies and a title may leave unsaid: the
    numbers of its recorded population (looked after 12+ months) and the year its own name
    observes a share over."""

    def __init__(self, catalogue: Catalogue, vocab: Vocabulary, missing: float = 0.0) -> None:
        self.vocab = vocab
        self.missing = missing
        self.unit: dict[str, str] = {}
        self.population: dict[str, frozenset[Quantity]] = {}
        self.choices: list[Choice] = []
        definitions: dict[str, tuple[dict[str, frozenset[str]], frozenset[str]]] = {}
        named: dict[str, frozenset[tuple[str, frozenset[str]]]] = {}
        for ind in catalogue:
            self.unit[ind.id] = ind.unit
            seen: set[str] = set()
            population = vocab.facts(ind.population).quantities if ind.population else frozenset()
            self.population[ind.id] = population
            if ind.definition not in definitions:
                definitions[ind.definition] = _defined(vocab, ind.definition)
            defined, defined_words = definitions[ind.definition]
            said = _population_words(vocab, ind.population, population) | defined_words
            cohort = _population_cohort(vocab, ind.population)
            any_time = any(vocab.says_any_time(t) for t in (*ind.names, ind.definition))
            for name in _restated(vocab, ind.names):
                printed = vocab.facts(name, ind.unit)
                named[ind.id] = named.get(ind.id, frozenset()) | frozenset(printed.groups.items())
                f = _with_defined(_with_cohort(printed, cohort), defined)
                if f.key in seen:
                    continue
                seen.add(f.key)
                row = len(self.choices)
                year = vocab.period_window(f, ind.time_basis, any_time)
                implied = population | f.windows | year
                recorded = _population_groups(vocab, ind.population) if ind.population else None
                choice_side = side(f, ind.unit, ind.time_basis, implied, recorded)
                # the year a share may be counted over is a window a name may say in words too
                may_say = said | vocab.window_words if year else said
                self.choices.append(Choice(ind.id, name, choice_side, f.words, row, may_say - f.words))
        self.choices = _with_counts(self.choices, named)
        self.texts = [c.facts.content for c in self.choices]
        self.rows_of: dict[str, list[int]] = {}
        for i, c in enumerate(self.choices):
            self.rows_of.setdefault(c.owner, []).append(i)
        self.weight = self._weights(catalogue)
        self.unknown = float(np.median(list(self.weight.values()))) if self.weight else 1.0
        self.postings = self._postings(implied=False)
        self.reach = self._postings(implied=True)
        self._masses: dict[frozenset[str], float] = {}
        self.mass = [sum(self.weight[w] for w in c.words) for c in self.choices]
        self.mass_array = np.array(
            [
                m + sum(self.weight.get(w, self.unknown) for w in c.implied_words)
                for m, c in zip(self.mass, self.choices, strict=True)
            ],
            dtype=np.float64,
        )
        self.blocks = self._blocks()
        self.variants = self._variants()

    def _weights(self, catalogue: Catalogue) -> dict[str, float]:
        """Inverse document frequency over entries: a word in every entry weighs little."""
        words_of: dict[str, set[str]] = {}
        for c in self.choices:
            words_of.setdefault(c.owner, set()).update(c.words)
        df: Counter[str] = Counter()
        for words in words_of.values():
            df.update(words)
        n = max(len(catalogue), 1)
        return {w: math.log(1.0 + n / k) for w, k in df.items()}

    def _variants(self) -> dict[str, str]:
        """The catalogue's words by their Porter stem, where the stem names one word only."""
        by_stem: dict[str, set[str]] = {}
        for w in self.weight:
            if w.isalpha():
                by_stem.setdefault(_stem(w), set()).add(w)
        return {stem: next(iter(ws)) for stem, ws in by_stem.items() if len(ws) == 1}

    def known(self, facts: Facts) -> Facts:
        """A name's words the catalogue lacks, written as the catalogue's variant of the same word
        (matching is match, lasting is last): inflection is no evidence of another measure. A
        word of letters and digits the catalogue lacks (`LA7b`, `PM33`) is a publisher's
        reference and is left out."""
        lacking = [w for w in facts.words if w not in self.weight]
        swap: dict[str, str] = {w: v for w in lacking if w.isalpha() and (v := self.variants.get(_stem(w), w)) != w}
        swap.update({w: "" for w in lacking if _REFERENCE.fullmatch(w)})
        if not swap:
            return facts

        def spell(text: str) -> str:
            return " ".join(sorted({swap.get(w, w) for w in text.split()} - {""}))

        words = frozenset(swap.get(w, w) for w in facts.words) - {""}
        content, core = spell(facts.content), spell(facts.core)
        return replace(facts, words=words, content=content, core=core, mentions=facts.mentions | words)

    def _postings(self, implied: bool) -> dict[str, np.ndarray]:
        """Each choice under its words; for the first pass (`implied`) also under the words its
        population lets a name say (`children leaving care` for the SGOs that end care)."""
        rows: dict[str, list[int]] = {}
        for i, c in enumerate(self.choices):
            for w in c.words | c.implied_words if implied else c.words:
                rows.setdefault(w, []).append(i)
        return {w: np.array(r, dtype=np.int64) for w, r in rows.items()}

    def _blocks(self) -> dict[str | None, np.ndarray]:
        blocks: dict[str | None, np.ndarray] = {None: np.arange(len(self.choices))}
        for unit in set(self.unit.values()):
            rows = [i for i, c in enumerate(self.choices) if self.unit[c.owner] in (unit, "other")]
            blocks[unit] = np.array(rows, dtype=np.int64)
        return blocks

    def block(self, unit: str | None) -> np.ndarray:
        return self.blocks.get(unit, self.blocks[None])

    def dice(self, words: frozenset[str]) -> np.ndarray:
        """Weighted Dice of `words` against every choice, 0-100."""
        posts = [(self.reach[w], self.weight.get(w, self.unknown)) for w in words if w in self.reach]
        if not posts:
            return np.zeros(len(self.choices))
        rows = np.concatenate([p for p, _ in posts])
        weights = np.concatenate([np.full(len(p), wt) for p, wt in posts])
        shared = np.bincount(rows, weights=weights, minlength=len(self.choices))
        qmass = sum(self.weight.get(w, self.unknown) for w in words)
        return 200.0 * shared / (qmass + self.mass_array)

    def nearest(self, facts: list[Facts], rows: np.ndarray, k: int, workers: int = -1) -> list[dict[int, float]]:
        """For each name, its `k` likeliest choices within `rows` with a first similarity: the
        spelling of all pairs at once (rapidfuzz), the shared rare words per name (numpy)."""
        if not len(rows):
            return [{} for _ in facts]
        texts = [self.texts[i] for i in rows]
        spelled = process.cdist([f.content for f in facts], texts, scorer=fuzz.ratio, dtype=np.uint8, workers=workers)
        k = min(k, len(rows))
        out = []
        for n, f in enumerate(facts):
            first = np.maximum(spelled[n].astype(np.float64), self.dice(f.words)[rows])
            best = np.argpartition(-first, k - 1)[:k]
            out.append({int(r): float(v) for r, v in zip(rows[best], first[best], strict=True)})
        return out

    def similarity(self, q: Facts, c: Choice) -> float:
        """0-100: the rarer words both names share (weighted Dice), or how alike the names are
        spelled, as strings and as word sets, with and without their parenthetical glosses. A word
        set matches a subset fully, so the spelling loses `missing` points for all of the name's
        weight the choice lacks: `Children leaving care via SGO` is not all children leaving care."""
        spelled = _spelling(q.content, c.facts.content)
        if q.core and c.facts.core and (q.core != q.content or c.facts.core != c.facts.content):
            spelled = max(spelled, _spelling(q.core, c.facts.core))
        words = q.words - c.implied_words if c.implied_words else q.words
        spelled -= self.missing * self.lacking(words, c)
        return max(spelled, self.shared(words, c))

    def _mass(self, words: frozenset[str]) -> float:
        hit = self._masses.get(words)
        if hit is None:
            weight, unknown = self.weight, self.unknown
            hit = self._masses[words] = sum(weight.get(w, unknown) for w in words)
        return hit

    def lacking(self, words: frozenset[str], c: Choice) -> float:
        """The share of the words' weight that the choice does not have."""
        missing = words - c.words
        if not missing:
            return 0.0
        return self._mass(frozenset(missing)) / (self._mass(words) or 1.0)

    def shared(self, words: frozenset[str], c: Choice) -> float:
        """Weighted Dice: twice the weight of the shared words over the weight of both names."""
        both = words & c.words
        if not both:
            return 0.0
        return 200.0 * self._mass(frozenset(both)) / (self._mass(words) + self.mass[c.row])


_AGE_WORDS = frozenset({"aged", "age", "year", "old"})


def _restated(vocab: Vocabulary, names: list[str]) -> list[str]:
    """An entry's names, and each half of a name that says its measure twice across a slash
    (`Number of care proceedings underway / Number of children subject of PLO at period end`):
    a title may print either half alone. A slash inside a measure (`CP / LAC`) splits nothing."""
    out = list(names)
    for name in names:
        halves = [h.strip() for h in name.split(" / ")]
        if len(halves) == 2 and all(vocab.unit_of(vocab.canonical(h)[0]) for h in halves):
            out += halves
    return out


def _population_cohort(vocab: Vocabulary, population: str) -> dict[str, frozenset[str]]:
    """The values of overlapping groups (cohorts) an entry's recorded population states: an entry
    for looked after children aged 16+ and care leavers is one for care leavers too, however
    its own names say it."""
    if not population:
        return {}
    overlapping = {q.group for q in vocab.profile.qualifiers if q.overlap_agrees}
    return {g: v for g, v in vocab.facts(population).groups.items() if g in overlapping}


def _population_groups(vocab: Vocabulary, population: str) -> dict[str, frozenset[str]]:
    """Every qualifier group an entry's recorded population states, with the values it states; a
    cohort named in so many words counts too, where the reading folds it into another word
    (`referrals of children in need` are read as referrals)."""
    groups = dict(vocab.facts(population).groups)
    text = population.lower()
    for q in vocab.profile.qualifiers:
        if q.overlap_agrees:
            named = {v.value for v in q.values if re.search(rf"\b{re.escape(v.value)}\b", text)}
            if named:
                groups[q.group] = groups.get(q.group, frozenset()) | named
    return groups


def _with_cohort(f: Facts, cohort: dict[str, frozenset[str]]) -> Facts:
    if not cohort or not f.groups.keys() & cohort.keys():
        return f
    groups = {g: v | cohort[g] if g in cohort and v else v for g, v in f.groups.items()}
    qualifiers = frozenset((g, v) for g, vs in groups.items() for v in vs)
    return replace(f, groups=groups, qualifiers=qualifiers)


def _defined(vocab: Vocabulary, definition: str) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The one value of each `defined` group an entry's definition states (assessments completed),
    and the words it says it with: every name of the entry states it, however briefly worded."""
    flagged = {q.group: q for q in vocab.profile.qualifiers if q.defined}
    if not definition or not flagged:
        return {}, frozenset()
    qualifiers, words = vocab.stated(definition)
    values: dict[str, set[str]] = {}
    for g, v in qualifiers:
        if g in flagged:
            values.setdefault(g, set()).add(v)
    groups = {g: frozenset(v) for g, v in values.items() if len(v) == 1}
    forms = {form for g, vs in groups.items() for qv in flagged[g].values if qv.value in vs for form in qv.forms}
    return groups, frozenset(words & forms)


def _with_defined(f: Facts, defined: dict[str, frozenset[str]]) -> Facts:
    if not defined.keys() - f.groups.keys():
        return f
    groups = {**{g: v for g, v in defined.items() if g not in f.groups}, **f.groups}
    qualifiers = frozenset((g, v) for g, vs in groups.items() for v in vs)
    return replace(f, groups=groups, qualifiers=qualifiers)


def _population_words(vocab: Vocabulary, population: str, numbers: frozenset[Quantity]) -> frozenset[str]:
    """The words a name uses to state its entry's population (`children leaving care` for the SGOs
    that end care, `19-21 year old`): no evidence against the entry, whose definition says them."""
    if not population:
        return frozenset()
    said = set(vocab.facts(population).words)
    return frozenset(said | (_AGE_WORDS if any(q.kind == "age" for q in numbers) else set()))


_STEMMER = snowballstemmer.stemmer("english")
_REFERENCE = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def _spelling(a: str, b: str) -> float:
    return (fuzz.ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2.0
