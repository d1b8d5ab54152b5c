"""A list of phrase patterns applied as one, fast on short names.

A profile holds hundreds of forms; one alternation of all of them costs a millisecond a name, most
of it trying forms whose words are not in the name at all. Each form's anchor (the longest run of
letters every match must contain) is found once; a name is tried only against the forms whose
anchors it contains, through an alternation compiled once per such subset and kept.
"""

from __future__ import annotations

import re
import re._constants as _c  # type: ignore[import-not-found]  # the engine's own parser: no stubs
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[a-z0-9]+")  # a string of them lies within one word of a text wherever it is
_SEPARATOR = re.compile(r"\[[^\]\w]+\](?!\?|\*)")
_GROUP = re.compile(r"\((?:\?:)?[^()]*\)[?*]?")
_OPTIONAL = re.compile(r"(?:\\.|\[[^\]]*\]|.)[?*]|\{\d*,?\d*\}")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_SPECIAL = re.compile(r"\\[a-zA-Z]|\\.|\[[^\]]*\]|[.^$+|]")


def anchor_words(form: str, common: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Whole words one of which every match of `form` contains: one word, or a word and its plural
    where the form ends it in `s?` (the longest uncommon choice); () when the form has none."""
    run = anchor(form)
    at = form.find(run) if run else -1
    if at < 0:
        return ()
    before, after = form[:at], form[at + len(run) :]
    options: list[tuple[str, ...]] = []
    for m in re.finditer(r"[a-z0-9]+", run):
        left = m.start() > 0 or before == "" or before.endswith(" ")
        if not left:
            continue
        ends = after == "" or (after.startswith(" ") and not after.startswith((" ?", " *"))) or _SEPARATOR.match(after)
        if m.end() < len(run) or ends:
            options.append((m.group(),))
        elif m.end() == len(run) and re.match(r"s\?(?:$| )", after):
            options.append((m.group(), m.group() + "s"))
    return max(options, key=lambda o: (o[0] not in common, len(o[0])), default=())


def anchor(form: str) -> str:
    """The longest literal run every match of `form` contains, or '' when there is none to rely on."""
    if _top_level_alternation(form):
        return ""
    text = re.sub(r"\\.", "\x00", form)
    while True:
        stripped = _GROUP.sub("\x00", text)
        if stripped == text:
            break
        text = stripped
    text = _OPTIONAL.sub("\x00", text)
    text = _SPECIAL.sub("\x00", text)
    runs = [r for r in text.split("\x00") if not re.search(r"[()\\]", r)]
    best = max(runs, key=len, default="")
    return best if len(best.strip()) >= 2 else ""


NEEDED_LENGTH = 2  # a shorter string is in nearly every name: no use asking for it
MOST_NEEDS = 3


def needs(form: str) -> tuple[tuple[str, ...], ...]:
    """Strings every match of `form` holds, read from the parsed pattern: each entry lists
    alternatives one of which is there (`(individual|unique|distinct) child` needs one of three,
    and ` child`). At most `MOST_NEEDS`, the longest first; () for a form that says none."""
    try:
        parsed = _parser.parse(form)
    except re.error:
        return ()
    found = {alts for alts in _needed(list(parsed)) if all(len(s) >= NEEDED_LENGTH for s in alts)}
    return tuple(sorted(found, key=lambda alts: (-min(len(s) for s in alts), alts))[:MOST_NEEDS])


def _needed(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """What a parsed sequence needs: each run of literals, and what each part it must match needs
    (a group, a repeat of at least one, one of a set of branches each needing something)."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(("".join(run),))
            run = []
        if op is _c.SUBPATTERN and not av[1]:
            out += _needed(list(av[3]))
        elif op in _REPEATS and av[0] >= 1:
            out += _needed(list(av[2]))
        elif op is _c.BRANCH:
            each = [_best(_needed(list(alt))) for alt in av[1]]
            if all(each):
                out.append(tuple(sorted({s for alts in each for s in alts})))
    if run:
        out.append(("".join(run),))
    return out


def gate(form: str) -> tuple[str, ...]:
    """Strings of letters and digits one of which every match of `form` holds (each needed
    string's longest such piece), the likeliest to be absent from a name: () for none."""
    best: tuple[str, ...] = ()
    for alts in needs(form):
        pieces = tuple(sorted({max(_LETTERS.findall(x), key=len, default="") for x in alts}))
        if all(len(p) >= NEEDED_LENGTH for p in pieces) and (not best or min(map(len, pieces)) > min(map(len, best))):
            best = pieces
    return best


def _best(found: list[tuple[str, ...]]) -> tuple[str, ...]:
    usable = [alts for alts in found if all(len(s) >= NEEDED_LENGTH for s in alts)]
    return max(usable, key=lambda alts: min(len(s) for s in alts), default=())


def _top_level_alternation(form: str) -> bool:
    depth = 0
    escaped = False
    for ch in form:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text))


class Phrases:
    """`forms[i]` stands for `values[i]`; matched on whole words, the longest form first."""

    def __init__(
        self,
        forms: Sequence[str],
        values: Sequence[str] | None = None,
        common: frozenset[str] = frozenset(),
        kinds: Sequence[str] | None = None,
    ) -> None:
        order = sorted(range(len(forms)), key=lambda i: len(forms[i]), reverse=True)
        self.forms = [forms[i] for i in order]
        self.values = [values[i] for i in order] if values is not None else [""] * len(order)
        self.kinds = [kinds[i] for i in order] if kinds is not None else [""] * len(order)
        self.anchors = [anchor(f) for f in self.forms]
        # Whole words, and not the second half of a hyphenated word (`re-referrals` is no `referrals`).
        self.compiled = [re.compile(rf"(?<![\w&])(?<![a-z]-)(?:{f})(?![\w&])") for f in self.forms]
        # The same without the leading look-behinds, which keep the engine from skipping ahead to
        # a form's first letter: twice as fast, with the word start checked on each match found.
        self._bare = [re.compile(rf"(?:{f})(?![\w&])") for f in self.forms]
        # Each form is tried only where the text holds what every match of it holds: its anchor
        # word, or, where they say more (`of` beside `previous referral|closure|...`; a form with
        # no anchor that reads the text up to `rcpc`), a string of letters one of whose
        # alternatives is in a word of the text; else its anchor run, else always.
        self._by_word: dict[str, list[int]] = {}
        self._gates: dict[str, list[int]] = {}
        self._by_run: list[tuple[str, int]] = []
        self._always: list[int] = []
        for i, (f, a) in enumerate(zip(self.forms, self.anchors, strict=True)):
            words = anchor_words(f, common)
            pieces = gate(f)
            if pieces and (not words or min(map(len, pieces)) > len(words[0])):
                for x in pieces:
                    self._gates.setdefault(x, []).append(i)
            elif words:
                for w in words:
                    self._by_word.setdefault(w, []).append(i)
            elif a:
                self._by_run.append((a, i))
            else:
                self._always.append(i)
        self._gate_lengths = sorted({len(x) for x in self._gates})
        self._opened: dict[str, frozenset[int]] = {}

    def _candidates(self, text: str) -> list[int]:
        """The forms the text's words open, and those whose anchor run is in the text."""
        words, opened = _words(text), self._opened
        try:
            maybe = set(self._always).union(*[opened[w] for w in words])
        except KeyError:
            maybe = set(self._always).union(*[self._opens(w) for w in words])
        if self._by_run:
            maybe.update([i for a, i in self._by_run if a in text])
        return list(maybe)  # in any order: `matches` orders what it finds

    def _opens(self, word: str) -> frozenset[int]:
        """The forms anchored on `word`, and those a gate string within it opens: read once a word."""
        hit = self._opened.get(word)
        if hit is None:
            gates, found = self._gates, set(self._by_word.get(word, ()))
            for n in self._gate_lengths:
                for at in range(len(word) - n + 1):
                    found.update(gates.get(word[at : at + n], ()))
            hit = self._opened[word] = frozenset(found)
        return hit

    def search(self, text: str) -> bool:
        return any(next(self._finditer(i, text), None) for i in self._candidates(text))

    def _finditer(self, i: int, text: str) -> Iterator[re.Match[str]]:
        """`compiled[i].finditer(text)`, match for match: a match the look-behinds would refuse
        (inside a word, after `re-`) is skipped and the search goes on from the next letter."""
        m = self._bare[i].search(text)
        return iter(()) if m is None else self._from(i, text, m)

    def _from(self, i: int, text: str, m: re.Match[str] | None) -> Iterator[re.Match[str]]:
        """The matches from the first one found on (most forms tried find none, and cost no more)."""
        pattern = self._bare[i]
        end = len(text)
        while True:
            if m is None:
                return
            start = m.start()
            if _starts_a_word(text, start):
                yield m
                pos = m.end() if m.end() > start else start + 1
            else:
                pos = start + 1
            m = pattern.search(text, pos) if pos <= end else None

    def matches(self, text: str) -> list[tuple[re.Match[str], int]]:
        """The matches that stand, longest match first (then the longer form): a match overlapping
        one of its own kind already standing is dropped, so `did not result in` is read whole, not
        as `result in`; forms of different kinds each read their own words."""
        found = []
        bare = self._bare
        for i in self._candidates(text):
            m = bare[i].search(text)
            if m is not None:
                found += [(x, i) for x in self._from(i, text, m)]
        if len(found) < 2:
            return found
        found.sort(key=lambda mi: (mi[0].start() - mi[0].end(), mi[1]))
        kinds = self.kinds
        taken: list[tuple[re.Match[str], int]] = []
        dropped: list[tuple[re.Match[str], int]] = []
        for m, i in found:
            if all(m.end() <= t.start() or m.start() >= t.end() or kinds[i] != kinds[j] for t, j in taken):
                taken.append((m, i))
            else:
                dropped.append((m, i))
        for m, i in dropped:
            taken += self._shorter(text, m, i, taken)
        return sorted(taken, key=lambda mi: mi[0].start())

    def _shorter(
        self, text: str, m: re.Match[str], i: int, taken: list[tuple[re.Match[str], int]]
    ) -> list[tuple[re.Match[str], int]]:
        """A match that overlaps a longer one standing may still hold a shorter match of its own
        form in the words the longer one leaves (`eligible children` beside `children looked
        after` still reads `eligible`): an optional part of a form is not all of it, so the
        abbreviation and the long form read alike. Found only in the words no match of its kind
        holds, each ending where a word does."""
        kinds = self.kinds
        spans = sorted((t.start(), t.end()) for t, j in taken if kinds[j] == kinds[i])
        gaps, at = [], m.start()
        for s, e in spans:
            if e <= at or s >= m.end():
                continue
            if s > at:
                gaps.append((at, s))
            at = max(at, e)
        if at < m.end():
            gaps.append((at, m.end()))
        out: list[tuple[re.Match[str], int]] = []
        for s, e in gaps:
            while s < e and text[s] == " ":
                s += 1
            x = self._bare[i].match(text, s, e) if s < e and _starts_a_word(text, s) else None
            if x is None or x.end() == x.start() or _inside_a_word(text, x.end()):
                continue
            if all(x.end() <= t.start() or x.start() >= t.end() for t, j in taken + out if kinds[j] == kinds[i]):
                out.append((x, i))
        return out

    def take(self, text: str, each: bool = False) -> tuple[str, list[str]]:
        """Every match taken out of the text, with the values found (each once; with `each`, one
        per match, in the order they stand)."""
        text, values = self._replace(text, _blank)
        return text, values if each else list(dict.fromkeys(values))

    def found(self, text: str) -> list[str]:
        """The values matched (each once); a longer match hides the shorter
        forms inside it."""
        return list(dict.fromkeys(self._replace(text, _blank)[1]))

    def sub(self, text: str, repl: Callable[[re.Match[str], str], str] | str = " ") -> tuple[str, int]:
        """Replace every match; what one form wrote is never read by another."""
        fn = (lambda m, value: repl) if isinstance(repl, str) else repl
        text, values = self._replace(text, fn)
        return text, len(values)

    def _replace(self, text: str, fn: Callable[[re.Match[str], str], str]) -> tuple[str, list[str]]:
        found = self.matches(text)
        if not found:
            return text, []
        parts: list[str] = []
        values: list[str] = []
        at = 0
        for m, i in found:
            parts.append(text[at : m.start()])
            parts.append(fn(m, self.values[i]))
            values.append(self.values[i])
            at = m.end()
        parts.append(text[at:])
        return "".join(parts), values


def _starts_a_word(text: str, at: int) -> bool:
    """The look-behinds `(?<![\\w&])(?<![a-z]-)`: no word character or `&` just before, and not
    the second half of a hyphenated word."""
    if at == 0:
        return True
    before = text[at - 1]
    if before.isalnum() or before in "_&":
        return False
    return not (before == "-" and at >= 2 and "a" <= text[at - 2] <= "z")


def _inside_a_word(text: str, at: int) -> bool:
    """The look-ahead `(?![\\w&])` on the whole text: a word character or `&` at `at`."""
    return at < len(text) and (text[at].isalnum() or text[at] in "_&")


def _blank(m: re.Match[str], value: str) -> str:
    return " "
