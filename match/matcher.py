"""Map printed (ref, name) pairs onto catalogue indicators, saying why.

Evidence in order: a person's decision; an exact alias (ref + normalised name) that the guards
allow; name similarity on the profile's vocabulary, with a ref seen for the same indicator in a
nearby period as support only. The guards (unit, time basis, numbers and thresholds, qualifiers,
exclusions) remove a candidate whatever its score; their doubts cost it points. A score at or
above `accept`, clear of the runner-up, is accepted; between `review` and `accept` goes to a
person; below `review` is a candidate new indicator.

The penalties and thresholds were read from the development part of `tests/match/unseen.csv`, the
seed documents and the trap pairs only (`benchmarks/matching.py --calibrate` prints the sweep): of
the settings that give no novel name an id, merge no trap pair, keep the seed documents' precision
at 1.000 and recall at 0.977 or more, and leave at most the one development trap and paraphrase the
catalogue's own wording cannot tell apart, the one with the most development paraphrases right;
between equals, the more cautious. The validation part was not used.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import explain
from .catalogue import Catalogue
from .decisions import Decisions
from .explain import Blocked, Candidate, Evidence
from .guards import BASIS_LABELS, UNIT_GUARD, Finding, Side, compare, side
from .index import Choice, Index
from .normalise import Facts, Vocabulary, clean, grammar_texts, unit_from_name, unit_from_values, vocabulary
from .profile import Profile
from .spelling import Slips

ACCEPT = 78.0
REVIEW = 60.0
SOFT_PENALTY = 10.0
UNSEEN_PENALTY = 5.0
MISSING_PENALTY = 10.0
REF_BONUS = 6.0
REF_WINDOW_YEARS = 3
AMBIGUITY_MARGIN = 5.0
BASIS_MARGIN = 12.0
# Choices the first pass hands on per name, and as many again when those leave nothing acceptable:
# 6 find 188 of the 191 development paraphrases' answers, 10 find 190 (as many as 12 or 24).
TOP_K = 6
WIDER_K = 10

RULE_DECISION = "decision"
RULE_EXACT = "exact_alias"
RULE_NAME = "name"
RULE_REVIEW = "review"
RULE_UNMATCHED = "unmatched"


_DIGIT = re.compile(r"\d")  # a word holding a digit is a code or a number, never a word another measure uses


_GLOSSED = re.compile(r"\b([a-z]{2,6})\s*\(([a-z][a-z' -]*)\)")  # `plo (public law outline)`
_GLOSS_OF = re.compile(r"((?:[a-z][a-z'-]* ){2,6})\(([a-z]{2,6})\)")  # `public law outline (plo)`


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def _only_unit(held: tuple[str, ...]) -> bool:
    """The doubts that hold a candidate are all about a unit the name leaves unsaid."""
    return all(h.startswith(f"{UNIT_GUARD}:") for h in held)


def _code_units(catalogue: Catalogue) -> list[tuple[re.Pattern[str], str]]:
    """Each national code the catalogue records (`NI 65`, `Adoption scorecard A1`), as printed
    with or without its spaces, and the unit of the entry that carries it."""
    out = []
    for ind in catalogue:
        for code in ind.codes:
            spaced = r"\s*".join(re.escape(part) for part in code.split())
            out.append((re.compile(rf"(?<![\w]){spaced}(?![\w])", re.I), ind.unit))
    return out


def _code_titles(catalogue: Catalogue, prof: Profile) -> list[tuple[re.Pattern[str], str]]:
    """Each national code's title the profile words (`code_titles`, patterns on a name as
    cleaned) whose code the catalogue records, and the unit of the entry that carries it."""
    units = {code.lower(): ind.unit for ind in catalogue for code in ind.codes}
    return [
        (re.compile(rf"\b(?:{'|'.join(t.forms)})\b"), units[t.code.lower()])
        for t in prof.code_titles
        if t.code.lower() in units
    ]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off for one batch, and given back as it was found. A
    batch makes hundreds of thousands of small objects (facts, findings, candidates) that hold no
    cycles, and each of the collector's full passes walks every object the index and the
    vocabulary's caches hold; at 10,000 names x 2,000 entries those passes were a quarter of the
    time. Reference counting still frees what the batch drops.

    What the batch keeps (the caches, the results) goes straight to the oldest generation: given
    back young, the collector's next young pass would walk every one of those objects (a fifth of
    a second at that scale) only to find them alive. A caller's own frozen objects are left as
    they are."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                gc.freeze()  # every tracked object to the permanent generation ...
                gc.unfreeze()  # ... and from there to the oldest, unwalked
            gc.enable()


def norm_ref(ref: str | None) -> str:
    return re.sub(r"\s+", "", str(ref or "")).upper()


@lru_cache(maxsize=65536)
def ref_parts(ref: str | None) -> frozenset[str]:
    """Base refs a printed ref stands for: `LSCB1 / FD8` -> {LSCB1, FD8}; `LAC6 (vel)` -> {LAC6}."""
    out = set()
    for part in re.split(r"/", str(ref or "")):
        part = norm_ref(re.sub(r"\(.*?\)|%", "", part)).strip("-")
        if part and part not in {"TBC", "NAN"}:
            out.add(part)
    return frozenset(out)


def year_of(period: str | None) -> int | None:
    m = re.search(r"(19|20)\d{2}", str(period or ""))
    return int(m.group(0)) if m else None


@dataclass(frozen=True)
class Query:
    name: str
    ref: str = ""
    unit: str | None = None
    period: str = ""

    @staticmethod
    def build(name: str, ref: str = "", period: str = "", values: list[str] | None = None) -> Query:
        """The unit comes from the words, and from the cells when the words say count or nothing."""
        unit = unit_from_name(name)
        cell_unit = unit_from_values(values or [])
        if cell_unit and unit in (None, "count"):
            unit = cell_unit
        return Query(name=str(name), ref=str(ref or ""), unit=unit, period=str(period or ""))


@dataclass
class Result:
    indicator_id: str
    score: float
    rule: str
    explanation: str
    candidates: list[Candidate] = field(default_factory=list)
    blocked: list[Blocked] = field(default_factory=list)

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True)
class Settings:
    accept: float = ACCEPT
    review: float = REVIEW
    soft_penalty: float = SOFT_PENALTY
    unseen_penalty: float = UNSEEN_PENALTY
    missing_penalty: float = MISSING_PENALTY
    margin: float = AMBIGUITY_MARGIN


class Matcher:
    def __init__(
        self,
        catalogue: Catalogue,
        decisions: Decisions | None = None,
        accept: float = ACCEPT,
        review: float = REVIEW,
        workers: int = -1,
        vocab: Vocabulary | None = None,
        soft_penalty: float = SOFT_PENALTY,
        unseen_penalty: float = UNSEEN_PENALTY,
        missing_penalty: float = MISSING_PENALTY,
        margin: float = AMBIGUITY_MARGIN,
    ) -> None:
        if not review <= accept:
            raise ValueError("the review threshold must not exceed the accept threshold")
        self.catalogue = catalogue
        self.decisions = decisions or Decisions()
        self.settings = Settings(accept, review, soft_penalty, unseen_penalty, missing_penalty, margin)
        self.workers = workers
        self.vocab = vocab or vocabulary()
        with collector_paused():
            self._build(catalogue, missing_penalty)

    def _build(self, catalogue: Catalogue, missing_penalty: float) -> None:
        self.index = Index(catalogue, self.vocab, missing_penalty)
        self._exact: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._ref_years: dict[tuple[str, str], list[int | None]] = defaultdict(list)
        self._known_refs: set[str] = set()
        self._index_aliases()
        self._verdicts: dict[tuple[tuple[str, str | None], int], list[Finding]] = {}
        self._ref_cache: dict[tuple[str, str, str], str] = {}
        self._unseen_cache: dict[tuple[str, str | None], frozenset[str]] = {}
        self._facts_cache: dict[tuple[str, str | None], Facts] = {}
        codes = (code.lower() for ind in catalogue for code in ind.codes)
        self._code_units = _code_units(catalogue)
        prof = self.vocab.profile
        self._code_titles = _code_titles(catalogue, prof)
        self.slips = Slips(self._spelled_words(catalogue), [*prof.stop_words, *prof.number_words])
        said = {w for c in self.index.choices for w in c.implied_words}
        self._known_words = self.index.weight.keys() | {w for code in codes for w in self.vocab.tokens(code)} | said
        # the words the profile's phrases stand for, which its guards read wherever a name says them
        self._profile_words = frozenset(w for e in prof.equivalents for w in self.vocab.tokens(e.token))
        self._free = self._read_words(prof.residual_free)
        self._unit_free = {u: self._read_words(ws) for u, ws in prof.residual_by_unit.items()}
        self._explaining: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._parts_cache: dict[str, frozenset[str]] = {}
        self._said_cache: dict[str, frozenset[str]] = {}

    @property
    def accept(self) -> float:
        return self.settings.accept

    @property
    def review(self) -> float:
        return self.settings.review

    def _index_aliases(self) -> None:
        by_name = {(c.owner, c.facts.key): i for i, c in enumerate(self.index.choices)}
        for ind in self.catalogue:
            for a in ind.aliases:
                k = self.vocab.facts(a.name, ind.unit).key
                self._exact[(norm_ref(a.ref), k)].add(by_name[(ind.id, k)])
                for part in ref_parts(a.ref):
                    self._ref_years[(ind.id, part)] += [year_of(a.first.period), year_of(a.last.period)]
                    self._known_refs.add(part)

    # -- evidence -------------------------------------------------------------------------

    def _facts(self, query: Query) -> Facts:
        k = (query.name, query.unit)
        hit = self._facts_cache.get(k)
        if hit is None:
            name = self.slips.fix(query.name)
            hit = self._facts_cache[k] = self.index.known(self.vocab.facts(name, query.unit))
        return hit

    def _spelled_words(self, catalogue: Catalogue) -> list[str]:
        """Words a name may be meant to spell: the catalogue's names and populations, and every
        word the profile's phrases and the grammar of numbers spell out."""
        prof = self.vocab.profile
        texts = [n for ind in catalogue for n in ind.names] + [ind.population for ind in catalogue]
        texts += [e.label for e in prof.equivalents] + [b.label for b in prof.time_basis]
        texts += [f for e in prof.equivalents for f in e.forms] + [f for b in prof.time_basis for f in b.forms]
        texts += [f for q in prof.qualifiers for v in q.values for f in v.forms]
        texts += [*prof.noise, *prof.unit_words, *(c for u in prof.units for c in u.cues)]
        texts += [*prof.inclusions.excluding, *prof.inclusions.including, *prof.any_period, *prof.whole_population]
        return texts + list(prof.stop_words) + list(prof.number_words) + grammar_texts()

    def _query_side(self, query: Query) -> Side:
        return side(self._facts(query), query.unit)

    def _ref_support(self, indicator_id: str, query: Query) -> str:
        if not query.ref or not (ref_parts(query.ref) & self._known_refs):
            return ""
        k = (indicator_id, query.ref, query.period)
        hit = self._ref_cache.get(k)
        if hit is None:
            hit = self._ref_cache[k] = self._ref_note(indicator_id, query)
        return hit

    def _ref_note(self, indicator_id: str, query: Query) -> str:
        qyear = year_of(query.period)
        for part in ref_parts(query.ref):
            years = self._ref_years.get((indicator_id, part), [])
            if any(y is None or qyear is None or abs(y - qyear) <= REF_WINDOW_YEARS for y in years):
                return f"ref {part} seen for it nearby (+{REF_BONUS:g})"
        return ""

    def _verdict(self, q: Side, qsig: tuple[str, str | None], row: int) -> list[Finding]:
        """Guards depend only on the two names' facts: one verdict per (query name, choice)."""
        hit = self._verdicts.get((qsig, row))
        if hit is None:
            hit = self._verdicts[(qsig, row)] = compare(q, self.index.choices[row].side, self.vocab.profile)
        return hit

    def _candidate(self, query: Query, choice: Choice, similarity: float, findings: list[Finding]) -> Candidate:
        soft = [f for f in findings if not f.hard]
        unseen = self._unseen(query)
        score = similarity - self.settings.soft_penalty * len(soft) - self.settings.unseen_penalty * len(unseen)
        notes = sorted(str(f) for f in soft)  # a set's order would change between runs (hash seeds)
        if unseen:
            notes.append(f"words the catalogue has never seen: {', '.join(sorted(unseen))}")
        why = self._ref_support(choice.owner, query) if query.ref else ""
        if why and similarity >= self.review - REF_BONUS:
            score += REF_BONUS
            notes.append(why)
        held = tuple(sorted(str(f) for f in soft if f.holds))
        unsaid = self.index.population[choice.owner] - self._facts(query).quantities
        return Candidate(
            choice.owner,
            round(min(score, 100.0), 1),
            round(similarity, 1),
            choice.name,
            notes,
            tuple(sorted(unseen)),
            held,
            tuple(str(x) for x in sorted(unsaid)),
            len(soft),
        )

    def _entry(self, query: Query, q: Side, sims: dict[int, float], owner: str) -> Candidate | Blocked:
        """All of an entry's names speak for its measure: what the query contradicts in any one of
        them (10 vs 15 working days, excluding vs including) blocks the entry, and so does a hard
        finding against every one; otherwise its best-scoring name stands for it."""
        rows = self.index.rows_of[owner]
        qsig = (query.name, query.unit)
        verdicts = [self._verdict(q, qsig, row) for row in rows]
        contradicted = [str(f) for fs in verdicts for f in fs if f.hard and f.stated]
        open_rows = [(r, fs) for r, fs in zip(rows, verdicts, strict=True) if not any(f.hard for f in fs)]
        if contradicted or not open_rows:
            hard = contradicted or [str(f) for fs in verdicts for f in fs if f.hard]
            sim, row = max((sims[r], r) for r in rows)
            return Blocked(owner, round(sim, 1), self.index.choices[row].name, list(dict.fromkeys(hard))[:2])
        scored = [self._candidate(query, self.index.choices[r], sims[r], fs) for r, fs in open_rows]
        return max(scored, key=lambda c: (c.score, c.similarity))

    def _unseen(self, query: Query) -> frozenset[str]:
        """Content words of the name, outside its longer parenthetical glosses, that no catalogue
        name or national code uses: evidence of another measure. A word holding a digit (`PM33`) is a
        publisher's reference, not one."""
        k = (query.name, query.unit)
        hit = self._unseen_cache.get(k)
        if hit is None:
            facts = self._facts(query)
            glossed = (facts.glossed & facts.words) - self._profile_words
            words = (w for w in {*facts.core.split(), *glossed} if len(w) > 1)
            hit = frozenset(w for w in words if w not in self._known_words and not _DIGIT.search(w))
            self._unseen_cache[k] = hit
        return hit

    def _reach(self, query: Query, owner: str, best: float) -> float:
        """The most an entry could score: its best name's similarity, with the ref's support if it could apply."""
        return best + REF_BONUS if query.ref and self._ref_support(owner, query) else best

    def _evidence(self, query: Query, near: dict[int, float]) -> Evidence:
        """Entries in order of their best name's similarity; the guards are asked only while an
        entry further down could still reach the top two."""
        rejected = self.decisions.rejected(query.name)
        q = self._query_side(query)
        sims: dict[int, float] = {}
        reach: dict[str, float] = {}
        for r in sorted(near, key=lambda r: -near[r]):
            owner = self.index.choices[r].owner
            if owner in reach or owner in rejected:
                continue
            for x in self.index.rows_of[owner]:
                sims[x] = self.index.similarity(q.facts, self.index.choices[x])
            reach[owner] = self._reach(query, owner, max(sims[x] for x in self.index.rows_of[owner]))
        ranked: list[Candidate] = []
        blocked: list[Blocked] = []
        first = second = float("-inf")  # the two best scores ranked so far
        for owner, bound in sorted(reach.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(ranked) >= 2 and bound <= second:
                break
            found = self._entry(query, q, sims, owner)
            if isinstance(found, Candidate):
                ranked.append(found)
                if found.score > first:
                    first, second = found.score, first
                elif found.score > second:
                    second = found.score
            elif found.similarity >= self.review:
                blocked.append(found)
        ranked.sort(key=lambda c: (-c.score, c.indicator_id))
        return Evidence(ranked, blocked, q.facts.expansions)

    def _other_basis(self, ev: Evidence, q: Side) -> Candidate | None:
        """A close candidate that differs from the top one only in a time basis the name leaves unsaid."""
        if q.basis or ev.top is None:
            return None
        top = self.catalogue.get(ev.top.indicator_id)
        for c in ev.ranked[1:]:
            other = self.catalogue.get(c.indicator_id)
            close = c.score >= max(self.review, ev.top.score - BASIS_MARGIN)
            if close and other.unit == top.unit and top.time_basis and other.time_basis not in ("", top.time_basis):
                return c
        return None

    def _unsaid_either(self, ev: Evidence, q: Side, top: Candidate) -> str | None:
        """Why the name may mean a close entry as much as the top one, for something the name does
        not say: the period, what is included, or a state (up to date)."""
        other = self._other_basis(ev, q)
        if other is not None:
            return explain.unsaid_basis(
                ev,
                other,
                self.catalogue.get(top.indicator_id).time_basis,
                self.catalogue.get(other.indicator_id).time_basis,
            )
        disputed = self._other_inclusion(ev, q)
        if disputed is not None:
            return explain.unsaid_inclusion(ev, *disputed)
        state = self._other_state(ev, q)
        return explain.unsaid_state(ev, *state) if state is not None else None

    def _unclear(self, ev: Evidence, q: Side) -> str | None:
        """Why the name is no one figure of one measure, whatever its score: it heads a breakdown
        (`by age group`), or it says both a share and a rate."""
        if q.facts.breakdown:
            return explain.breakdown(ev, q.facts.breakdown)
        return explain.two_units(ev) if q.facts.two_units else None

    def _unsaid_unit_and_period(self, full: Evidence, q: Side, top: Candidate) -> str | None:
        """A name that says neither its unit nor its period, read as a count kept for a period (new
        plans in the month), beside a share of the same words kept otherwise that only the unsaid
        unit holds back (NI 65, printed without its `%`): the name fits the share but for its unit
        and the count but for its period, so nothing it says favours the count. A rate is no such
        rival: a rate is printed with its base (`rate`, `per 10,000`), and a name that says none
        (`S47s completed`) is read as the count."""
        if q.unit is not None or q.basis or top.held or top.score < self.accept:
            return None
        basis = self.catalogue.get(top.indicator_id).time_basis
        unit = self.index.unit[top.indicator_id]
        if not basis:
            return None
        for c in full.ranked:
            rival = self.index.unit[c.indicator_id]
            if rival == unit or rival.startswith("rate_") or c.similarity < top.similarity - self.settings.margin:
                continue
            only_unit = bool(c.held) and _only_unit(c.held) and c.doubts == len(c.held)
            if only_unit and self.catalogue.get(c.indicator_id).time_basis != basis:
                return explain.unsaid_unit(full, top, c, BASIS_LABELS.get(basis, basis))
        return None

    def _other_state(self, ev: Evidence, q: Side) -> tuple[Candidate, list[str]] | None:
        """Entries of one unit as alike to the name, one holding a state in a group whose unsaid
        values split the catalogue (`up to date`) and the other not, and a name that says no
        value of that group: the name may mean either."""
        top = ev.top
        splits = {g.group for g in self.vocab.profile.qualifiers if g.unsaid_splits} - q.facts.groups.keys()
        if top is None or not splits:
            return None
        unit = self.index.unit[top.indicator_id]

        def state(c: Candidate) -> frozenset[tuple[str, str]]:
            return frozenset(gv for gv in self.vocab.facts(c.matched_name, unit).qualifiers if gv[0] in splits)

        mine = state(top)
        for c in ev.ranked[1:]:
            if self.index.unit[c.indicator_id] != unit or c.similarity < top.similarity - self.settings.margin:
                continue
            theirs = state(c)
            if theirs != mine:
                return c, sorted(v for _, v in mine ^ theirs)
        return None

    def _other_inclusion(self, ev: Evidence, q: Side) -> tuple[Candidate, list[str]] | None:
        """A close candidate that excludes what the top one includes (or the reverse: all children
        in need including CP and CLA, open cases excluding them), when the name says neither."""
        top = ev.top
        if top is None:
            return None
        said = q.facts.included | q.facts.excluded | q.facts.words
        mine = self.vocab.facts(top.matched_name, self.index.unit[top.indicator_id])
        for c in ev.ranked[1:]:
            if c.score < max(self.review, top.score - BASIS_MARGIN):
                continue
            theirs = self.vocab.facts(c.matched_name, self.index.unit[c.indicator_id])
            disputed = (mine.included & theirs.excluded) | (mine.excluded & theirs.included)
            if disputed and not disputed & said:
                return c, sorted(disputed)
        return None

    def _unrestricted(self, query: Query, q: Side, top: Candidate) -> Candidate | None:
        """When the top entry was reached by leaving its definition's restriction unsaid (looked
        after 12+ months), the best other entry of its unit that does not carry that restriction
        and scores close: the name may mean either. Only entries sharing a word with the name
        can score that close."""
        floor = max(self.review, top.score - BASIS_MARGIN)
        unit = self.index.unit[top.indicator_id]
        scope = self.index.population[top.indicator_id] - q.facts.quantities
        best: Candidate | None = None
        postings = self.index.postings
        sharing = {self.index.choices[int(r)].owner for w in q.facts.words if w in postings for r in postings[w]}
        for owner in sorted(sharing):
            if owner == top.indicator_id or self.index.unit[owner] != unit or scope <= self.index.population[owner]:
                continue
            rows = self.index.rows_of[owner]
            sims = {r: self.index.similarity(q.facts, self.index.choices[r]) for r in rows}
            if max(sims.values()) < floor:
                continue
            found = self._entry(query, q, sims, owner)
            if isinstance(found, Candidate) and found.score >= floor:
                best = found if best is None or found.score > best.score else best
        return best

    def _rival_unit(self, query: Query, q: Side, top: Candidate) -> Candidate | Blocked | None:
        """When the name says no unit, the most alike entry of another unit that the guards leave
        open (the count beside a share of the same events), however its doubts score: with none
        within the ambiguity margin of the review threshold, the top entry's unit is the only one
        the catalogue offers for these words. An entry saying under half the words the name and
        the share agree on counts something else (all care leavers beside those in suitable
        accommodation), unless the name says what may be counted or shared alike (contacts that
        became referrals beside all contacts). So does one that leaves out a telling qualifier the
        name and the share both say (all children looked after 12+ months beside those with a
        dental check), unless some entry of another unit says it (the count of those checks).
        An entry kept apart only by its period still offers the words in its unit: `SGOs in year`
        is the monthly count's measure over a year, no nearer the share for that."""
        unit = self.index.unit[top.indicator_id]
        postings = self.index.postings
        sharing = {self.index.choices[int(r)].owner for w in q.facts.words if w in postings for r in postings[w]}
        either = {g.group for g in self.vocab.profile.qualifiers if g.count_or_share} & q.facts.groups.keys()
        shared = frozenset() if either else q.facts.words & self._words_of(top)
        agreed = frozenset() if either else self._telling(q.facts.qualifiers) & self._qualifiers_of(top)
        if agreed and any(
            self.index.unit[c.owner] != unit and agreed <= c.facts.qualifiers
            for owner in sharing
            for c in (self.index.choices[r] for r in self.index.rows_of[owner])
        ):
            agreed = frozenset()  # the catalogue counts what the name and the share say: no telling
        best: Candidate | Blocked | None = None
        for owner in sorted(sharing):
            if self.index.unit[owner] == unit:
                continue
            rows = self.index.rows_of[owner]
            sims = {r: self.index.similarity(q.facts, self.index.choices[r]) for r in rows}
            if max(sims.values()) < self.review - self.settings.margin:
                continue
            found = self._entry(query, q, sims, owner)
            if isinstance(found, Blocked) and not self._apart_by_period_only(query, q, owner):
                continue
            if 2 * len(shared & self._words_of(found)) < len(shared):
                continue
            if agreed - self._qualifiers_of(found):
                continue
            if best is None or found.similarity > best.similarity:
                best = found
        return best

    def _apart_by_period_only(self, query: Query, q: Side, owner: str) -> bool:
        """Some name of the entry is kept from the query by its time basis alone."""
        qsig = (query.name, query.unit)
        for row in self.index.rows_of[owner]:
            hard = [f for f in self._verdict(q, qsig, row) if f.hard]
            if hard and all(f.guard == "time basis" for f in hard):
                return True
        return False

    def _held(self, ev: Evidence, top: Candidate, q: Side, query: Query | None) -> Result:
        """A doubt no score settles goes to a person, unless it is only the unit the name leaves
        unsaid, the entry raises no other doubt, and the catalogue offers its words in no other
        unit: `contacts excluding those that became referrals` rules out the count of all contacts,
        and is no nearer the rate of all of them for that."""
        sole = query is not None and _only_unit(top.held) and top.doubts == len(top.held)
        rival = self._rival_unit(query, q, top) if sole and query is not None else top
        if rival is not None:
            return Result("", top.score, RULE_REVIEW, explain.held(ev), ev.ranked[:5], ev.blocked)
        if top.unseen:
            return Result("", top.score, RULE_REVIEW, explain.unseen_words(ev), ev.ranked[:5], ev.blocked)
        why = explain.sole_unit(ev, self.accept, self.index.unit[top.indicator_id])
        return Result(top.indicator_id, top.score, RULE_NAME, why, ev.ranked[:5], ev.blocked)

    def _counts_first(self, ev: Evidence, q: Side) -> Evidence:
        """A name that says no unit is more likely a count: a share or a duration held only for
        the unit the name leaves unsaid gives way to an entry the name fits without that doubt
        (`CiC in IFA placements` is the count beside the share), if that entry says every word of
        the name the share does (`ceased due to adoption` is not all children who ceased)."""
        if q.unit is not None:
            return ev
        sure = [c for c in ev.ranked if not (c.held and _only_unit(c.held))]
        if len(sure) == len(ev.ranked) or not sure or sure[0].score < self.review:
            return ev
        said = self._words_of(sure[0])
        for c in ev.ranked:
            if c not in sure and (q.facts.words & self._words_of(c)) - said:
                return ev
        return Evidence(sure, ev.blocked, ev.expansions)

    @staticmethod
    def _unit_unsaid_only(top: Candidate) -> bool:
        """The top entry's one doubt is the unit the name leaves unsaid, and every word of the name
        is known: that doubt is settled by asking the catalogue for the words in another unit
        (`_held`), not by its cost, so the score it would have without that cost is what counts."""
        return bool(top.held) and _only_unit(top.held) and top.doubts == len(top.held) and not top.unseen

    def _words_of(self, c: Candidate | Blocked) -> frozenset[str]:
        return self.vocab.facts(c.matched_name, self.index.unit[c.indicator_id]).words

    def _qualifiers_of(self, c: Candidate | Blocked) -> frozenset[tuple[str, str]]:
        return frozenset(self.vocab.facts(c.matched_name, self.index.unit[c.indicator_id]).qualifiers)

    def _telling(self, pairs: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
        """The qualifier values that tell one measure from another when only one name says them
        (the profile's `one_sided` is not free for them): a dental check, a visit."""
        groups = {g.group: g for g in self.vocab.profile.qualifiers}
        return frozenset((g, v) for g, v in pairs if g in groups and groups[g].policy(v) != "free")

    def _decide(self, ev: Evidence, q: Side, query: Query | None = None) -> Result:
        full, ev = ev, self._counts_first(ev, q)
        s, top, runner = self.settings, ev.top, ev.runner
        score = top.score if top else 0.0
        if top is None or top.score < s.review:
            return Result("", score, RULE_UNMATCHED, explain.unmatched(ev, s.review), ev.ranked[:5], ev.blocked)
        unclear = self._unclear(ev, q)
        if unclear is not None:
            return Result("", score, RULE_REVIEW, unclear, ev.ranked[:5], ev.blocked)
        if runner is not None and top.score - runner.score < s.margin:
            return Result("", score, RULE_REVIEW, explain.too_close(ev, s.margin), ev.ranked[:5], ev.blocked)
        unsaid = self._unsaid_either(ev, q, top) or self._unsaid_unit_and_period(full, q, top)
        if unsaid is not None:
            return Result("", score, RULE_REVIEW, unsaid, ev.ranked[:5], ev.blocked)
        reach = top.score + (s.soft_penalty if self._unit_unsaid_only(top) else 0.0)
        if reach >= s.accept and top.unsaid and query is not None:
            wider = self._unrestricted(query, q, top)
            if wider is not None:
                return Result("", score, RULE_REVIEW, explain.unsaid_scope(ev, wider), ev.ranked[:5], ev.blocked)
        if reach >= s.accept and top.held:
            return self._held(ev, top, q, query)
        if top.score >= s.accept and top.unseen:
            return Result("", score, RULE_REVIEW, explain.unseen_words(ev), ev.ranked[:5], ev.blocked)
        if top.score >= s.accept:
            return Result(top.indicator_id, score, RULE_NAME, explain.accepted(ev, s.accept), ev.ranked[:5], ev.blocked)
        return Result("", score, RULE_REVIEW, explain.review(ev, s.accept), ev.ranked[:5], ev.blocked)

    # -- entry points ----------------------------------------------------------------------

    def match(self, query: Query) -> Result:
        return self.match_many([query])[0]

    def _same(self, q: Query) -> tuple[object, ...]:
        """Queries that must get the same answer: the same name as read, slips and all (re-cased
        or re-spaced is the same name), the same decisions, the same unit, and a ref that could
        only support the same entries (most refs support none)."""
        read = clean(self.slips.fix(q.name))
        decided = (self.decisions.accepted(q.name), frozenset(self.decisions.rejected(q.name)))
        if not q.ref or not (ref_parts(q.ref) & self._known_refs):
            return read, decided, q.unit, "", ""
        return read, decided, q.unit, q.ref, str(year_of(q.period))

    def match_many(self, queries: list[Query], chunk: int = 2048) -> list[Result]:
        """Each distinct question once: settled by a decision or an exact alias, else by the index."""
        with collector_paused():
            return self._match_many(queries, chunk)

    def _match_many(self, queries: list[Query], chunk: int) -> list[Result]:
        queries = [self._coded(q) for q in queries]
        same = [self._same(q) for q in queries]
        first: dict[tuple[object, ...], int] = {}
        for qi, k in enumerate(same):
            first.setdefault(k, qi)
        answers: dict[int, Result] = {}
        pending: dict[str | None, list[int]] = defaultdict(list)
        for qi in first.values():
            settled = self._settled(queries[qi])
            if settled is not None:
                answers[qi] = settled
            else:
                unit = queries[qi].unit
                pending[unit if unit in self.index.blocks else None].append(qi)
        for unit, qidx in pending.items():
            rows = self.index.block(unit)
            for start in range(0, len(qidx), chunk):
                part = qidx[start : start + chunk]
                facts = [self._facts(queries[qi]) for qi in part]
                for qi, near in zip(part, self.index.nearest(facts, rows, WIDER_K, self.workers), strict=True):
                    answers[qi] = self._answer(queries[qi], near)
        return [answers[first[k]] for k in same]

    def _coded(self, query: Query) -> Query:
        """A name that says no unit but prints a national code the catalogue records (`NI 65`)
        has the unit of the measure that code names; so has one that says, without the code, the
        code's title (the profile's `code_titles`) and no unit of its own outside it: NI 65
        printed without its number or its `%` is the share (`Number of children becoming ...`
        is the count); a unit word inside the title is the title's."""
        coded = [u for code, u in self._code_units if code.search(query.name)]
        if coded:
            units = set(coded)
            return replace(query, unit=units.pop()) if query.unit is None and len(units) == 1 else query
        if not self._code_titles:
            return query
        text = clean(query.name)
        found = [(m, unit) for pattern, unit in self._code_titles if (m := pattern.search(text)) is not None]
        if not found or (query.unit is not None and query.unit != self._unit_said(text)):
            return query  # no title, or a unit the cells gave, not the words
        titled = {unit for m, unit in found if self._unit_said(f"{text[: m.start()]} {text[m.end() :]}") is None}
        return replace(query, unit=titled.pop()) if len(titled) == 1 else query

    def _unit_said(self, text: str) -> str | None:
        return self.vocab.unit_of(self.vocab.canonical(text)[0])

    def _read_words(self, texts: tuple[str, ...]) -> frozenset[str]:
        """Words as a name's reading has them (`children's social care` is `csc`)."""
        return frozenset(w for t in texts for w in self.vocab.tokens(self.vocab.canonical(t)[0]))

    def _said(self, text: str) -> frozenset[str]:
        """The words of a prose text (a definition, a population), as read on the canonical vocabulary
        and as printed: a phrase the vocabulary reads as one token may say more words than it keeps
        (`stepped up for children in need assessment` is read `stepup`)."""
        hit = self._said_cache.get(text)
        if hit is None:
            read = self.vocab.tokens(self.vocab.canonical(text)[0]) + self.vocab.tokens(clean(text))
            hit = self._said_cache[text] = frozenset(read)
        return hit

    def _parts(self, word: str) -> frozenset[str]:
        """The words of what a profile token stands for (`cp`: protection; `cpp`: protection,
        plan); nothing for a word that stands for itself."""
        hit = self._parts_cache.get(word)
        if hit is None:
            label = self.vocab.profile.label(word)
            hit = self._parts_cache[word] = frozenset(self.vocab.tokens(label)) if label != word else frozenset()
        return hit

    def _explains(self, owner: str) -> tuple[frozenset[str], frozenset[str]]:
        """The words an entry accounts for: every word of its names, of what its population and
        definition say, of the event its timescale's clock runs from (an assessment's 45 working
        days: the referral), and the words of what each of those words stands for."""
        hit = self._explaining.get(owner)
        if hit is None:
            ind = self.catalogue.get(owner)
            own: set[str] = set()
            for r in self.index.rows_of[owner]:
                c = self.index.choices[r]
                own |= c.words | c.implied_words
                own.update(w for start in c.facts.clock_from for w in self.vocab.tokens(start))
            for text in (ind.definition, ind.population):
                if text:
                    own |= self._said(text)
            parts = set(own)
            for w in own:
                parts |= self._parts(w)
            hit = self._explaining[owner] = (frozenset(own), frozenset(parts))
        return hit

    def _qualified(self, owner: str) -> frozenset[tuple[str, str]]:
        """Every qualifier value some name of the entry says."""
        return frozenset(q for r in self.index.rows_of[owner] for q in self.index.choices[r].facts.qualifiers)

    def residual(self, query: Query, owner: str) -> list[str]:
        """The meaning-bearing words of the name that the entry does not explain: not a word of
        its names, population or definition, nor one the words of those stand for (`cp` beside
        `child protection plans`), nor a word the profile frees (the setting, not the measure) or
        the entry's unit implies (`average` for a duration), nor a number (the guards read those;
        a word of the profile's holding a digit, `s47`, names a thing and is read as a word),
        nor a word saying only qualifier values the entry says (`repeat` beside re-referrals), nor
        a word stating an event the entry's clock runs from (`section 47 being initiated`)."""
        own, parts = self._explains(owner)
        free = self._free | self._unit_free.get(self.index.unit[owner], frozenset())
        out = []
        for w in self._facts(query).words:
            if w in own or w in free or w in parts or len(w) < 2 or (_DIGIT.search(w) and w not in self._profile_words):
                continue
            said = self._parts(w)
            if said and said <= parts:
                continue
            values = self.vocab.values_of(w)
            if values and values <= self._qualified(owner):
                continue
            out.append(w)
        if out:
            # the words stating an event the entry's clock also runs from
            starts = {s for r in self.index.rows_of[owner] for s in self.index.choices[r].facts.clock_from}
            for start, words in self.vocab.clock_words(query.name).items():
                if start in starts:
                    out = [w for w in out if w not in words]
        if out:
            # the words of a phrase joining the name's parts, and of a spelt-out abbreviation the
            # entry explains (`PLO (Public Law Outline)`)
            said = self._connective_words(query.name) | self._spelt_out(query.name, own | parts | free)
            out = [w for w in out if w not in said]
        return sorted(out)

    def _connective_words(self, name: str) -> frozenset[str]:
        """The words of the profile's connectives (`as a result of`) that the name says only as
        them: `progress to be LAC as a result of` still says a result outside the connective."""
        text = clean(name)
        found = [c for c in self.vocab.profile.residual_connectives if re.search(rf"\b{re.escape(c)}\b", text)]
        if not found:
            return frozenset()
        words = {w for c in found for w in self.vocab.tokens(self.vocab.canonical(c)[0])}
        for c in found:
            text = re.sub(rf"\b{re.escape(c)}\b", " ; ", text)
        return frozenset(words - set(self.vocab.tokens(self.vocab.canonical(text)[0])))

    def _spelt_out(self, name: str, explained: frozenset[str]) -> frozenset[str]:
        """The words of a parenthesis whose initials spell the word just before it (`PLO (Public
        Law Outline)`), or of the words just before a parenthesis holding their initials (`Public
        Law Outline (PLO)`), where the entry explains that word: a gloss says it again."""
        text = clean(name)
        out: set[str] = set()
        for m in _GLOSSED.finditer(text):
            word, inside = m.group(1), m.group(2).split()
            if word in explained and _initials(inside) == word:
                out.update(self.vocab.tokens(" ".join(inside)))
        for m in _GLOSS_OF.finditer(text):
            short = m.group(2)
            before = m.group(1).split()[-len(short) :]
            if short in explained and _initials(before) == short:
                out.update(self.vocab.tokens(" ".join(before)))
        return frozenset(out)

    def _explained(self, query: Query, res: Result) -> Result:
        """A merge needs every difference between the two names explained: a word of the name the
        entry does not account for caps the decision at review."""
        if res.rule != RULE_NAME:
            return res
        left = self.residual(query, res.indicator_id)
        if not left:
            return res
        why = res.explanation.removeprefix("matched ")
        return Result(
            "",
            res.score,
            RULE_REVIEW,
            f"review: {why}; but the entry does not explain {', '.join(left)}",
            res.candidates,
            res.blocked,
        )

    def _answer(self, query: Query, near: dict[int, float]) -> Result:
        """The closest `TOP_K` choices first; the wider set only when they leave nothing acceptable
        (a name worded unlike its measure's names ranks it lower in the first pass)."""
        q = self._query_side(query)
        closest = dict(sorted(near.items(), key=lambda kv: -kv[1])[:TOP_K])
        res = self._decide(self._evidence(query, closest), q, query)
        if len(near) > TOP_K and (res.top is None or res.top.score < self.accept):
            res = self._decide(self._evidence(query, near), q, query)
        return self._explained(query, res)

    def _settled(self, query: Query) -> Result | None:
        decided = self.decisions.accepted(query.name)
        if decided is not None and decided.indicator_id in self.index.unit:
            when = f", {decided.decided}" if decided.decided else ""
            return Result(decided.indicator_id, 100.0, RULE_DECISION, f"decided by a person ({decided.action}{when})")
        q = self._query_side(query)
        k = (norm_ref(query.ref), q.facts.key)
        rows = {r for r in self._exact.get(k, set()) if self._same_numbers(q, r)}
        owners = {self.index.choices[r].owner for r in rows} - self.decisions.rejected(query.name)
        if len(owners) != 1:
            return None
        row = next(r for r in rows if self.index.choices[r].owner in owners)
        if any(f.hard for f in compare(q, self.index.choices[row].side, self.vocab.profile)):
            return None
        (iid,) = owners
        label = f"ref {query.ref} + name" if query.ref else "name"
        return Result(iid, 100.0, RULE_EXACT, f"exact alias: {label} as printed in {self._where(iid, k)}")

    def _same_numbers(self, q: Side, row: int) -> bool:
        """An exact alias settles a name only with its numbers bound the same way: `placed 20 miles
        from home` and `placed <20 miles from home` share their words, not their measure."""
        return self.index.choices[row].side.facts.quantities == q.facts.quantities

    def _where(self, iid: str, k: tuple[str, str]) -> str:
        for a in self.catalogue.get(iid).aliases:
            if (norm_ref(a.ref), self.vocab.facts(a.name, self.index.unit[iid]).key) == k:
                return str(a.first) if a.first == a.last else f"{a.first} .. {a.last}"
        return "?"
