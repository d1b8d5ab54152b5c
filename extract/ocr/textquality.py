"""Is a page's text layer language, or junk? A test that needs no dictionary of the document.

Broken text layers come in a few shapes: `(cid:N)` placeholders when a font has no Unicode map,
private-use or replacement characters, letter salad when codes are read as if they were ASCII,
and a scanner's OCR guesses (`atherine`, `ee`, `|`, `1491|`). Real scorecard text is words, numbers
and references, so the share of tokens shaped like one of those separates the two for any
document, English prose or table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CID = re.compile(r"\(cid:\d+\)")
NUMBER_RE = re.compile(r"^[(\-\u2212+]?[£$]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%|\+|st|nd|rd|th)?\)?$")
_ABBREV = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]?s?$|^[A-Z]{2}$")
_REF = re.compile(r"^[A-Z]{1,5}\d{1,3}[a-z]?%?$")
_WORD = re.compile(r"^([A-Z]?[a-z]+|[A-Z]+)('[a-z]{1,2})?$")
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}", re.I)
_VOWEL = re.compile(r"[aeiouy]", re.I)
_SHORT_OK = {
    "a",
    "i",
    "of",
    "to",
    "in",
    "is",
    "by",
    "on",
    "at",
    "or",
    "an",
    "as",
    "be",
    "we",
    "it",
    "if",
    "no",
    "up",
    "so",
    "do",
    "re",
    "n",
    "nd",
    "he",
    "me",
    "my",
    "us",
    "am",
    "go",
    "na",
    "tbc",
    "n/a",
    "ok",
    "vs",
    "eg",
    "ie",
}
_STRIP = "\"'()[]{}.,;:!?*\u2018\u2019\u201c\u201d"


@dataclass(frozen=True, slots=True)
class TextQuality:
    chars: int
    cid_share: float
    bad_char_share: float
    wordlike: float
    tokens: int


def _part_ok(p: str) -> bool:
    if not p:
        return True
    if NUMBER_RE.match(p) or _REF.match(p) or _ABBREV.match(p):
        return True
    low = p.lower()
    if len(p) <= 2 or low in _SHORT_OK:
        return low in _SHORT_OK or p.isdigit()
    return bool(_WORD.match(p) and _VOWEL.search(p) and not _CONSONANT_RUN.search(p))


def token_ok(tok: str) -> bool | None:
    """True for a word/number/reference, False for junk, None for a lone symbol (arrows, `-`, `|`)."""
    t = tok.strip(_STRIP)
    if not t or (len(t) == 1 and not t.isalnum()):
        return None if len(tok) <= 2 else False
    if NUMBER_RE.match(t):
        return True
    parts = re.split(r"[-/&\u2013]", t)
    return all(_part_ok(p.strip(_STRIP)) for p in parts)


def quality(text: str) -> TextQuality:
    n = len(text)
    cid = sum(len(m) for m in CID.findall(text))
    rest = CID.sub("", text)
    bad = sum(1 for ch in rest if ("\ue000" <= ch <= "\uf8ff") or ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\t"))
    good = judged = 0
    tokens = rest.split()
    for tok in tokens:
        ok = token_ok(tok)
        if ok is None:
            continue
        judged += len(tok)
        good += len(tok) if ok else 0
    return TextQuality(
        chars=n,
        cid_share=cid / n if n else 0.0,
        bad_char_share=bad / n if n else 0.0,
        wordlike=good / judged if judged else 0.0,
        tokens=len(tokens),
    )
