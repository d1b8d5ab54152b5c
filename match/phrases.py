"""A list of phrase patterns applied as one, fast on short names.

A profile holds hundreds of forms; one alternation of all of them costs a millisecond a name, most
of it trying forms whose words are not in the name at all. Each form's anchor (the longest run of
letters every match must contain) is found once; a name is tried only against the forms whose
anchors it contains, through an alternation compiled once per such subset and kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_SEPARATOR = re.compile(r"\[[^\]\w]+\](?!\?|\*)")
_GROUP = re.compile(r"\((?:\?:)?[^()]*\)[?*]?")
_OPTIONAL = re.compile(r"(?:\\.|\[[^\]]*\]|.)[?*]|\{\d*,?\d*\}")
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
        if m.end() < len(run) or after == "" or after.startswith(" ") or _SEPARATOR.match(after):
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
        self._always = [i for i, a in enumerate(self.anchors) if not a]
        self._by_word: dict[str, list[int]] = {}
        self._by_run: list[tuple[str, int]] = []
        for i, (f, a) in enumerate(zip(self.forms, self.anchors, strict=True)):
            words = anchor_words(f, common)
            for w in words:
                self._by_word.setdefault(w, []).append(i)
            if a and not words:
                self._by_run.append((a, i))
        self._anchored = frozenset(self._by_word)

    def _candidates(self, text: str) -> list[int]:
        """Forms whose anchor word is one of the text's words, and forms without one whose anchor
        occurs in the text."""
        by_word = self._by_word
        hits = _words(text) & self._anchored
        if not hits and not self._by_run:
            return self._always
        maybe: set[int] = set(self._always)
        for w in hits:
            maybe.update(by_word[w])
        if self._by_run:
            maybe.update([i for a, i in self._by_run if a in text])
        return sorted(maybe)

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
        found = [(m, i) for i in self._candidates(text) for m in self._finditer(i, text)]
        if len(found) < 2:
            return found
        found.sort(key=lambda mi: (mi[0].start() - mi[0].end(), mi[1]))
        kinds = self.kinds
        taken: list[tuple[re.Match[str], int]] = []
        for m, i in found:
            if all(m.end() <= t.start() or m.start() >= t.end() or kinds[i] != kinds[j] for t, j in taken):
                taken.append((m, i))
        return sorted(taken, key=lambda mi: mi[0].start())

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
        parts: list[str] = []
        values: list[str] = []
        at = 0
        for m, i in self.matches(text):
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


def _blank(m: re.Match[str], value: str) -> str:
    return " "
