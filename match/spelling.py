"""Typing slips and contractions in printed names: a word no catalogue name and no profile label
uses, one slip (a letter missing, extra, wrong or two swapped) from exactly one word they do, is
read as that word; so is one that keeps a known word's letters in order, its first and last
among them, when exactly one known word (with its plural) does (`Ctcts`, `Assessmts`, `lvrs`, `mth`).

`Looked Afer Children` is a published title; without this its words meet nothing and the name is
a candidate new indicator. A word two slips away, or one slip from two known words, or the
contraction of two, stays as printed: it may be another measure's word, and the unseen-word
doubt keeps it for a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

_WORD = re.compile(r"[a-z]+")
_ESCAPE = re.compile(r"\\[a-z]")  # `\b`, `\d` in a pattern the texts include: no letters of a word
MIN_LENGTH = 4  # shorter words are abbreviations (CiC, LAC, SGO) as often as slips
MIN_CONTRACTION = 3  # `mth`, `wks`; two letters are initials, not a contraction


class Slips:
    def __init__(self, texts: Iterable[str], empty: Iterable[str] = ()) -> None:
        """`empty` are known words a slip is never read as: those that carry no meaning (the
        profile's stop words), since that would erase a word (`male` is not a slip of `made`), and
        number words, since that would make a number (`your` is not a slip of `four`)."""
        self.known = frozenset(w for t in texts for w in _WORD.findall(_ESCAPE.sub(" ", t.lower())))
        meant = sorted(self.known - frozenset(empty))
        # the words a slip may be meant as, by length: one slip changes a word's length by one at most
        self._by_length: dict[int, list[str]] = {}
        for w in meant:
            if len(w) >= MIN_LENGTH - 1:
                self._by_length.setdefault(len(w), []).append(w)
        self._by_first: dict[str, list[str]] = {}
        for w in meant:
            self._by_first.setdefault(w[0], []).append(w)
        self._cache: dict[str, str] = {}
        self._words: dict[str, str] = {}

    def fix(self, name: str) -> str:
        """The name with each slip read as the word it misses; unchanged when it has none."""
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._fix(name)
        return hit

    def _fix(self, name: str) -> str:
        swaps = {w: c for w in set(_WORD.findall(name.lower())) if (c := self._meant(w))}
        if not swaps:
            return name
        return re.sub(r"[A-Za-z]+", lambda m: swaps.get(m.group(0).lower(), m.group(0)), name)

    def _meant(self, word: str) -> str:
        """The known word `word` is a slip or a contraction of, or "": read once per word."""
        if word in self.known:
            return ""
        hit = self._words.get(word)
        if hit is None:
            hit = self._words[word] = self._slip(word) or self._contracted(word)
        return hit

    def _slip(self, word: str) -> str:
        if len(word) < MIN_LENGTH:
            return ""
        n = len(word)
        choices = [w for length in (n - 1, n, n + 1) for w in self._by_length.get(length, ())]
        near = process.extract(word, choices, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=2)
        if len(near) != 1:
            return ""
        meant = str(near[0][0])
        # one letter past a known word is an ending (`disability` past a pattern's `disabilit(y|ies)`)
        return "" if word[:-1] == meant else meant

    def _contracted(self, word: str) -> str:
        if len(word) < MIN_CONTRACTION:
            return ""
        fits = [k for k in self._by_first.get(word[0], ()) if _contraction(word, k)]
        singular = {k[:-1] if k.endswith("s") and k[:-1] in self.known else k for k in fits}
        return fits[0] if len(singular) == 1 and len(fits) == 1 else ""


def _contraction(word: str, known: str) -> bool:
    """`word` keeps `known`'s letters in order, its first and last among them, two or more dropped."""
    if len(known) < len(word) + 2 or word[-1] != known[-1]:
        return False
    letters = iter(known)
    return all(c in letters for c in word)
