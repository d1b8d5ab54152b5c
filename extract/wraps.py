"""Where a cell's text wraps onto the next line without a space character, is the break between
words or inside one?

Text layers differ: LibreOffice prints the space a word wrap replaced, other office suites and
browsers do not (`new benefit` / `claims`), and a narrow column breaks a word wherever it runs out
of room (`Rep` / `orte` / `r`, `M` / `1`). The letters say which: a break whose pieces join into
a dictionary word or a reference (`Reporter`, `M1`) is inside a word; one between two words
(`benefit` / `claims`) is a space. A line ending in a hyphen (`M2-` / `NI`) is joined as printed.
"""

from __future__ import annotations

import re

from .textquality import dictionary

_REF = re.compile(r"[A-Z]{1,6}\d{1,3}[A-Za-z]{0,2}(-[A-Z0-9]{1,4})*%?")
_SYMBOLS = re.compile(r"[()\[\]%]+")  # brackets and percent signs hug their neighbours
_LETTERS = re.compile(r"[^A-Za-z]")


def is_word(text: str) -> bool:
    letters = _LETTERS.sub("", text).lower()
    if len(letters) < 2 or len(letters) != len(text.strip(".,;:()'\"")):
        return False
    words = dictionary()
    return letters in words or (letters.endswith("s") and letters[:-1] in words)


def _whole(text: str) -> bool:
    return is_word(text) or bool(_REF.fullmatch(text.strip(".,;:()")))


def _joined(a: str, b: str) -> bool:
    if _SYMBOLS.fullmatch(a) or _SYMBOLS.fullmatch(b):  # `(` / `%` / `)`
        return True
    return _whole(a + b) and not (is_word(a) and is_word(b))


def joins(pieces: list[str]) -> list[bool]:
    """For the pieces of one token broken by wraps, whether each break joins (no space)."""
    if _whole("".join(pieces)):
        return [True] * (len(pieces) - 1)
    return [_joined(a, b) for a, b in zip(pieces, pieces[1:], strict=False)]
