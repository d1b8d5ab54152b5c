"""Map printed (ref, name) pairs onto catalogue indicators, saying why.

Evidence in order: a person's decision; an exact alias (ref + normalised name); name similarity
on the normalised vocabulary, with a ref seen for the same indicator in a nearby period as
support only. Hard guards (unit, numbers in the name, conflicting qualifiers) remove a candidate
whatever its score. Scores above `accept` are accepted, between `review` and `accept` go to a
person, below `review` are candidate new indicators.

Similarity is computed for all query x alias pairs at once with `rapidfuzz.process.cdist`,
within blocks of compatible unit, then only the best few per query are re-scored in Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .catalogue import Catalogue
from .decisions import Decisions
from .normalise import (
    content,
    core,
    guard,
    key,
    numbers,
    qualifiers,
    soft_differences,
    unit_from_name,
    unit_from_values,
    units_compatible,
)

ACCEPT = 88.0
REVIEW = 72.0
SOFT_PENALTY = 10.0
REF_BONUS = 6.0
REF_WINDOW_YEARS = 3
AMBIGUITY_MARGIN = 3.0
TOP_K = 12

RULE_DECISION = "decision"
RULE_EXACT = "exact_alias"
RULE_NAME = "name"
RULE_REVIEW = "review"
RULE_UNMATCHED = "unmatched"


def norm_ref(ref: str | None) -> str:
    return re.sub(r"\s+", "", str(ref or "")).upper()


@lru_cache(maxsize=65536)
def ref_parts(ref: str | None) -> frozenset[str]:
    """Base refs a printed ref stands for: `LSCB1 / FD8` -> {LSCB1, FD8}; `LAC6 (vel)` -> {LAC6}."""
    out = set()
    for part in re.split(r"/", str(ref or "")):
        part = re.sub(r"\(.*?\)|%", "", part)
        part = norm_ref(part).strip("-")
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
class Candidate:
    indicator_id: str
    score: float
    similarity: float
    matched_name: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    indicator_id: str
    score: float
    rule: str
    explanation: str
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


class Matcher:
    def __init__(
        self,
        catalogue: Catalogue,
        decisions: Decisions | None = None,
        accept: float = ACCEPT,
        review: float = REVIEW,
        workers: int = -1,
    ) -> None:
        if not review <= accept:
            raise ValueError("the review threshold must not exceed the accept threshold")
        self.catalogue = catalogue
        self.decisions = decisions or Decisions()
        self.accept = accept
        self.review = review
        self.workers = workers
        self._unit: dict[str, str] = {}
        self._exact: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._alias_where: dict[tuple[str, str], str] = {}
        self._ref_years: dict[tuple[str, str], list[int | None]] = defaultdict(list)
        choice_text: list[str] = []
        choice_owner: list[str] = []
        choice_name: list[str] = []
        for ind in catalogue:
            self._unit[ind.id] = ind.unit
            seen: set[str] = set()
            for name in ind.names:
                c = content(name)
                if c in seen:
                    continue
                seen.add(c)
                choice_text.append(c)
                choice_owner.append(ind.id)
                choice_name.append(name)
            for a in ind.aliases:
                k = (norm_ref(a.ref), key(a.name))
                self._exact[k].add(ind.id)
                self._alias_where.setdefault((ind.id, k[0] + "|" + k[1]), f"{a.source or '?'} ({a.period or '?'})")
                for part in ref_parts(a.ref):
                    self._ref_years[(ind.id, part)].append(year_of(a.period))
        self._text = choice_text
        self._core = [core(n) for n in choice_name]
        # Guards depend only on (unit, numbers, qualifiers): names sharing them share the verdict.
        sig_ids: dict[tuple, int] = {}
        self._sig = []
        for n, o in zip(choice_name, choice_owner):
            sig = (self._unit[o], numbers(n), frozenset(qualifiers(n).items()))
            self._sig.append(sig_ids.setdefault(sig, len(sig_ids)))
        self._owner = np.array(choice_owner, dtype=object)
        self._name = choice_name
        self._blocks: dict[str | None, np.ndarray] = {None: np.arange(len(choice_text))}
        for unit in {self._unit[o] for o in choice_owner}:
            self._blocks[unit] = np.array(
                [i for i, o in enumerate(choice_owner) if self._unit[o] == unit], dtype=np.int64
            )

    # -- evidence -------------------------------------------------------------------------

    def _ref_support(self, indicator_id: str, query: Query) -> tuple[float, str]:
        if not query.ref:
            return 0.0, ""
        qyear = year_of(query.period)
        for part in ref_parts(query.ref):
            years = self._ref_years.get((indicator_id, part))
            if not years:
                continue
            near = [y for y in years if y is None or qyear is None or abs(y - qyear) <= REF_WINDOW_YEARS]
            if near:
                return REF_BONUS, f"ref {part} seen for it nearby (+{REF_BONUS:g})"
        return 0.0, ""

    def _score_candidates(self, query: Query, rows: np.ndarray, sims: np.ndarray) -> tuple[list[Candidate], list[str]]:
        rejected = self.decisions.rejected(query.name)
        qtext = content(query.name)
        qcore = core(query.name)
        scored: list[tuple[float, int]] = []
        for i, sim in zip(rows, sims):
            if self._owner[i] in rejected:
                continue
            similarity = (float(sim) + fuzz.token_set_ratio(qtext, self._text[i])) / 2.0
            if qcore != qtext or self._core[i] != self._text[i]:
                similarity = max(
                    similarity, (fuzz.ratio(qcore, self._core[i]) + fuzz.token_set_ratio(qcore, self._core[i])) / 2.0
                )
            scored.append((similarity, int(i)))
        scored.sort(key=lambda t: -t[0])
        best: dict[str, Candidate] = {}
        blocked: list[str] = []
        verdicts: dict[int, tuple] = {}
        for similarity, i in scored:
            # Guards are the costly part: stop once nothing further down can reach the top two.
            if len(best) >= 2:
                second = sorted((c.score for c in best.values()), reverse=True)[1]
                if similarity + REF_BONUS < second:
                    break
            owner = self._owner[i]
            if owner in best:
                continue
            verdict = verdicts.get(self._sig[i])
            if verdict is None:
                conflict = guard(query.name, query.unit, self._name[i], self._unit[owner])
                soft = soft_differences(query.name, self._name[i]) if conflict is None else []
                verdict = verdicts[self._sig[i]] = (conflict, soft)
            conflict, soft = verdict
            if conflict is not None:
                if similarity >= self.review:
                    blocked.append(f"{owner} {similarity:.0f} blocked: {conflict.detail}")
                continue
            score = similarity - SOFT_PENALTY * len(soft)
            notes = list(soft)
            bonus, why = self._ref_support(owner, query)
            if bonus and similarity >= self.review - REF_BONUS:
                score += bonus
                notes.append(why)
            best[owner] = Candidate(
                owner,
                round(min(score, 99.0) if similarity < 100 else min(score, 100.0), 1),
                round(similarity, 1),
                self._name[i],
                notes,
            )
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.indicator_id))
        return ranked, blocked

    def _decide(self, query: Query, ranked: list[Candidate], blocked: list[str]) -> Result:
        if not ranked or ranked[0].score < self.review:
            best = f"best {ranked[0].indicator_id} {ranked[0].score:.0f}" if ranked else "no candidate"
            extra = f"; {blocked[0]}" if blocked else ""
            return Result(
                "",
                ranked[0].score if ranked else 0.0,
                RULE_UNMATCHED,
                f"unmatched ({best} < {self.review:g}){extra}: a candidate new indicator",
                ranked[:5],
            )
        top = ranked[0]
        why = f"name {top.similarity:.0f} ~ '{top.matched_name}'"
        if top.notes:
            why += "; " + "; ".join(top.notes)
        runner = ranked[1] if len(ranked) > 1 else None
        if runner is not None and top.score < 100 and top.score - runner.score < AMBIGUITY_MARGIN:
            return Result(
                "",
                top.score,
                RULE_REVIEW,
                f"review: {top.indicator_id} {top.score:.0f} vs "
                f"{runner.indicator_id} {runner.score:.0f} too close ({why})",
                ranked[:5],
            )
        if top.score >= self.accept:
            return Result(top.indicator_id, top.score, RULE_NAME, why, ranked[:5])
        return Result("", top.score, RULE_REVIEW, f"review: {top.indicator_id} {top.score:.0f} ({why})", ranked[:5])

    # -- entry points ----------------------------------------------------------------------

    def match(self, query: Query) -> Result:
        return self.match_many([query])[0]

    def match_many(self, queries: list[Query], chunk: int = 2048) -> list[Result]:
        results: list[Result | None] = [None] * len(queries)
        pending: dict[str | None, list[int]] = defaultdict(list)
        for qi, q in enumerate(queries):
            settled = self._settled(q)
            if settled is not None:
                results[qi] = settled
            else:
                pending[q.unit if q.unit in self._blocks else None].append(qi)
        for unit, qidx in pending.items():
            block = self._blocks[unit]
            if unit is not None and unit != "other":
                block = np.concatenate([block, self._blocks.get("other", block[:0])])
            choices = [self._text[i] for i in block]
            if not choices:
                for qi in qidx:
                    results[qi] = self._decide(queries[qi], [], [])
                continue
            k = min(TOP_K, len(choices))
            for start in range(0, len(qidx), chunk):
                part = qidx[start : start + chunk]
                texts = [content(queries[qi].name) for qi in part]
                sims = process.cdist(texts, choices, scorer=fuzz.ratio, dtype=np.uint8, workers=self.workers)
                top = np.argpartition(sims, len(choices) - k, axis=1)[:, -k:]
                for row, qi in enumerate(part):
                    cols = top[row]
                    ranked, blocked = self._score_candidates(queries[qi], block[cols], sims[row, cols])
                    results[qi] = self._decide(queries[qi], ranked, blocked)
        return [r for r in results if r is not None]

    def _settled(self, query: Query) -> Result | None:
        decided = self.decisions.accepted(query.name)
        if decided is not None and decided.indicator_id in self._unit:
            return Result(
                decided.indicator_id,
                100.0,
                RULE_DECISION,
                f"decided by a person ({decided.action}{', ' + decided.decided if decided.decided else ''})",
            )
        k = (norm_ref(query.ref), key(query.name))
        ids = self._exact.get(k, set()) - self.decisions.rejected(query.name)
        if len(ids) == 1:
            (iid,) = ids
            if units_compatible(query.unit, self._unit[iid]):
                where = self._alias_where.get((iid, k[0] + "|" + k[1]), "?")
                label = f"ref {query.ref} + name" if query.ref else "name"
                return Result(iid, 100.0, RULE_EXACT, f"exact alias: {label} seen in {where}")
        return None
