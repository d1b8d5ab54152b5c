"""Is a page's text layer language, or junk?

Broken text layers come in a few shapes: `(cid:N)` placeholders when a font has no Unicode map,
private-use or replacement characters, letter salad when codes are read as if they were ASCII,
and a scanner's OCR guesses (`atherine`, `ee`, `|`, `1491|`). Real scorecard text is words, numbers
and references, so the share of tokens shaped like one of those separates the two for any
document, English prose or table.

Shape alone misses one case: codes shifted by a constant, which turn `Performance scorecard` into
`3HUIRUPDQFH VFRUHFDUG`, shaped like references and capitals. Those are letters but not words. A
dictionary alone cannot say so (a table of pesticides is mostly words no dictionary holds), but
the order of letters can: a letter-pair model learned from the system's English word list
(`dictionary()`) gives real text, chemical names and surnames included, a mean log2 probability
per letter pair of -4.1 or more over a page's distinct longer words (720 pages: the fixtures,
the development corpus's and the probes' renders, the seed dumps, ICDAR 2013), and pages with
their letters shifted -5.3 or less (3,135 shifted pages).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

CID = re.compile(r"\(cid:\d+\)")
_BAD_CHAR = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b-\x1f]")  # private use, replacement, controls
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


# Debian's wbritish (scripts/bootstrap.sh installs it), else another English list
WORD_LISTS = (
    Path("/usr/share/dict/british-english"),
    Path("/usr/share/dict/american-english"),
    Path("/usr/share/dict/words"),
)
LONG_WORD = re.compile(r"[A-Za-z]{4,}")
MIN_LONG_WORDS = 12  # fewer say too little about the language of the page
IMPLAUSIBLE = -5.25  # mean log2 P(letter | previous letter) below this: letters, not words


class WordListMissingError(RuntimeError):
    pass


@cache
def dictionary() -> frozenset[str]:
    """The English words a text layer's longer words are looked up in, lower-cased."""
    return frozenset(word.lower() for word in _word_list())


@cache
def common_words() -> frozenset[str]:
    """The list's words printed in lower case: no names (`Leta`, `Ina`), which two short words
    glued together (`leta` for `let a`) would otherwise pass for."""
    return frozenset(word for word in _word_list() if word.islower())


@cache
def _word_list() -> tuple[str, ...]:
    for path in WORD_LISTS:
        if path.exists():
            with path.open(encoding="utf-8", errors="ignore") as fh:
                return tuple(line.strip() for line in fh if line.strip())
    names = ", ".join(str(p) for p in WORD_LISTS)
    raise WordListMissingError(f"no English word list ({names}): install Debian's wbritish")


@cache
def _letter_pairs() -> dict[str, float]:
    """log2 P(letter | previous letter) over the word list, `^` and `$` marking a word's ends."""
    pairs: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for word in dictionary():
        w = "^" + "".join(c for c in word if "a" <= c <= "z") + "$"
        for a, b in zip(w, w[1:], strict=False):
            pairs[a + b] = pairs.get(a + b, 0) + 1
            firsts[a] = firsts.get(a, 0) + 1
    alphabet = "^abcdefghijklmnopqrstuvwxyz$"
    return {
        a + b: math.log2((pairs.get(a + b, 0) + 0.1) / (firsts.get(a, 0) + 0.1 * len(alphabet)))
        for a in alphabet
        for b in alphabet
    }


def letter_plausibility(text: str) -> tuple[float, int]:
    """Mean log2 probability of a letter after the one before it, over the distinct words of four
    letters or more, and their number. A word printed in every row of a table is one piece of
    evidence about the language, not twenty."""
    long_words = {t.lower() for t in LONG_WORD.findall(text)}
    if not long_words:
        return 0.0, 0
    return sum(_word_plausibility(t) for t in long_words) / len(long_words), len(long_words)


@lru_cache(maxsize=1 << 16)  # words recur on every page of a pack
def _word_plausibility(word: str) -> float:
    table = _letter_pairs()
    w = "^" + word + "$"
    return sum(table[w[i : i + 2]] for i in range(len(w) - 1)) / (len(w) - 1)


@dataclass(frozen=True, slots=True)
class TextQuality:
    chars: int
    cid_share: float
    bad_char_share: float
    wordlike: float
    tokens: int
    plausibility: float = 0.0
    long_words: int = 0

    @property
    def letters_not_words(self) -> bool:
        """Shaped like words, yet not in the order of a language's letters: codes shifted or remapped."""
        return self.long_words >= MIN_LONG_WORDS and self.plausibility < IMPLAUSIBLE


def _part_ok(p: str) -> bool:
    if not p:
        return True
    if NUMBER_RE.match(p) or _REF.match(p) or _ABBREV.match(p):
        return True
    low = p.lower()
    if len(p) <= 2 or low in _SHORT_OK:
        return low in _SHORT_OK or p.isdigit()
    return bool(_WORD.match(p) and _VOWEL.search(p) and not _CONSONANT_RUN.search(p))


@lru_cache(maxsize=1 << 16)  # tokens recur on every page of a pack
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
    bad = len(_BAD_CHAR.findall(rest))
    good = judged = 0
    tokens = rest.split()
    for tok in tokens:
        ok = token_ok(tok)
        if ok is None:
            continue
        judged += len(tok)
        good += len(tok) if ok else 0
    plausibility, long_words = letter_plausibility(rest)
    return TextQuality(
        chars=n,
        cid_share=cid / n if n else 0.0,
        bad_char_share=bad / n if n else 0.0,
        wordlike=good / judged if judged else 0.0,
        tokens=len(tokens),
        plausibility=plausibility,
        long_words=long_words,
    )
