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

_GROUP = re.compile(r"\((?:\?:)?[^()]*\)[?*]?")
_OPTIONAL = re.compile(r"(?:\\.|\[[^\]]*\]|.)[?*]|\{\d*,?\d*\}")
_SPECIAL = re.compile(r"\\[a-zA-Z]|\\.|\[[^\]]*\]|[.^$+|]")


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
def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[j : j + 2] for j in range(len(text) - 1))


class Phrases:
    """`forms[i]` stands for `values[i]`; matched on whole words, the longest form first."""

    def __init__(self, forms: Sequence[str], values: Sequence[str] | None = None) -> None:
        order = sorted(range(len(forms)), key=lambda i: len(forms[i]), reverse=True)
        self.forms = [forms[i] for i in order]
        self.values = [values[i] for i in order] if values is not None else [""] * len(order)
        self.anchors = [anchor(f) for f in self.forms]
        self.compiled = [re.compile(rf"(?<![\w&])(?:{f})(?![\w&])") for f in self.forms]
        self._always = [i for i, a in enumerate(self.anchors) if not a]
        self._by_pair: dict[str, list[int]] = {}
        for i, a in enumerate(self.anchors):
            if a:
                self._by_pair.setdefault(a[:2], []).append(i)

    def _candidates(self, text: str) -> list[int]:
        """Forms whose anchor's first two letters occur in `text` are checked for the whole anchor."""
        by_pair, anchors = self._by_pair, self.anchors
        maybe: set[int] = set(self._always)
        for pair in _pairs(text) & by_pair.keys():
            maybe.update(i for i in by_pair[pair] if anchors[i] in text)
        return sorted(maybe)

    def search(self, text: str) -> bool:
        return any(self.compiled[i].search(text) for i in self._candidates(text))

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
