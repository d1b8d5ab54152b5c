"""A list of phrase patterns applied as one, fast on short names.

A profile holds hundreds of forms; one alternation of all of them costs a millisecond a name, most
of it trying forms whose words are not in the name at all. Each form's anchor (the longest run of
letters every match must contain) is found once; a name is tried only against the forms whose
anchors it contains, through an alternation compiled once per such subset and kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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
        self, forms: Sequence[str], values: Sequence[str] | None = None, common: frozenset[str] = frozenset()
    ) -> None:
        order = sorted(range(len(forms)), key=lambda i: len(forms[i]), reverse=True)
        self.forms = [forms[i] for i in order]
        self.values = [values[i] for i in order] if values is not None else [""] * len(order)
        self.anchors = [anchor(f) for f in self.forms]
        # Whole words, and not the second half of a hyphenated word (`re-referrals` is no `referrals`).
        self.compiled = [re.compile(rf"(?<![\w&])(?<![a-z]-)(?:{f})(?![\w&])") for f in self.forms]
        self._always = [i for i, a in enumerate(self.anchors) if not a]
        self._by_word: dict[str, list[int]] = {}
        self._by_run: list[tuple[str, int]] = []
        for i, (f, a) in enumerate(zip(self.forms, self.anchors, strict=True)):
            words = anchor_words(f, common)
            for w in words:
                self._by_word.setdefault(w, []).append(i)
            if a and not words:
                self._by_run.append((a, i))

    def _candidates(self, text: str) -> list[int]:
        """Forms whose anchor word is one of the text's words, and forms without one whose anchor
        occurs in the text."""
        maybe: set[int] = set(self._always)
        by_word = self._by_word
        for w in _words(text) & by_word.keys():
            maybe.update(by_word[w])
        maybe.update(i for a, i in self._by_run if a in text)
        return sorted(maybe)

    def search(self, text: str) -> bool:
        return any(self.compiled[i].search(text) for i in self._candidates(text))

    def take(self, text: str) -> tuple[str, list[str]]:
        """Every match taken out of the text, longest form first, with the values of the forms found."""
        out = []
        for i in self._candidates(text):
            text, n = self.compiled[i].subn(" ", text)
            if n:
                out.append(self.values[i])
        return text, out

    def found(self, text: str) -> list[str]:
        """The values of the forms matched (each form once), longest first; a longer match hides
        the shorter forms inside it."""
        out = []
        for i in self._candidates(text):
            text, n = self.compiled[i].subn(_HIDE, text)
            if n:
                out.append(self.values[i])
        return out

    def sub(self, text: str, repl: Callable[[re.Match[str], str], str] | str = " ") -> tuple[str, int]:
        """Replace every match, longest form first; what one form wrote is never read by another."""
        done: list[str] = []
        total = 0

        def keep(replacement: str) -> str:
            done.append(replacement)
            return _MARK + chr(_BASE + len(done) - 1)

        def make(value: str) -> Callable[[re.Match[str]], str]:
            if isinstance(repl, str):
                fixed = repl
                return lambda m: keep(fixed)
            fn = repl
            return lambda m: keep(fn(m, value))

        for i in self._candidates(text):
            text, n = self.compiled[i].subn(make(self.values[i]), text)
            total += n
        if done:
            text = _MARKED.sub(lambda m: done[ord(m.group(0)[1]) - _BASE], text)
        return text, total


# Private-use characters: no form can match them, and they are not word characters.
_MARK = "\ue000"
_BASE = 0xE100
_MARKED = re.compile("\ue000[\ue100-\uf8ff]")
_HIDE = " \ue000\ue0ff "
