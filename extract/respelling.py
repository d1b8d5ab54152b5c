"""OCR'd words that are no English word, respelt as the one word OCR's letter groups make of it.

Small type on a scan loses strokes the same few ways: `ri` read as `n` (`cnme`), `vi` as `m`
(`sermce`), `rn` as `m`. Those groups are data (`vocabulary.json`, `ocr.word_confusions`), which
the gazetteer folds place names with. A word of letters that no word list holds, folded so, is
the listed word that folds to the same letters, where exactly one does: an indicator's name then
reads as printed (`knife crime offences`), which its key and the catalogue match on. Capitals,
digits and short words (references, acronyms, codes) and words with more than one such reading
stay as read; so do place names, which no word list holds and none folds to.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import cache

from rapidfuzz.distance import Levenshtein

from .page import Word
from .secondreading import known
from .vocabulary import VOCABULARY

MIN_LETTERS = 4  # shorter words fold onto too many others to be read back
ECHO_LETTERS = 5  # a shorter word is one letter off too many of a page's words
LONG_WORD = 9  # letters from which a word two letters off a page's word is still that word
_LETTERS = re.compile(r"^(?P<lead>\W*)(?P<word>[A-Za-z]+)(?P<tail>\W*)$")


def respell(words: Sequence[Word], dictionary: Collection[str]) -> list[Word]:
    folded = _folded(frozenset(dictionary))
    out = [_unglued(_respelt(w, dictionary, folded), dictionary) for w in words]
    printed = _page_words(out, dictionary)
    return [_echoed(w, dictionary, printed) for w in out]


def _page_words(words: Sequence[Word], dictionary: Collection[str]) -> frozenset[str]:
    """The listed words the page reads, which a misread word elsewhere on it most likely is."""
    out = set()
    for w in words:
        m = _LETTERS.match(w.text)
        if m is not None and len(m.group("word")) >= ECHO_LETTERS and known(m.group("word"), dictionary):
            out.add(m.group("word").lower())
    return frozenset(out)


def _echoed(w: Word, dictionary: Collection[str], printed: frozenset[str]) -> Word:
    """A word no list holds that is one letter off one word the page reads elsewhere (two off,
    for a long word), and no other is as near: a glyph or two the blur changed (`detertions` beside
    `detections`, `referrais` beside `referrals`). The page's own words stand for the print, so
    no guess is made among the dictionary's many neighbours (`desertions`)."""
    m = _unlisted(w, dictionary, ECHO_LETTERS)
    if m is None or VOCABULARY.is_place(m.group("word")):
        return w
    text = m.group("word").lower()
    reach = 1 if len(text) < LONG_WORD else 2
    off = {p: Levenshtein.distance(text, p, score_cutoff=reach) for p in printed}
    nearest = min(off.values(), default=reach + 1)
    near = [p for p, d in off.items() if d == nearest]
    return _read_as(w, m, near[0]) if nearest <= reach and len(near) == 1 else w


def _unlisted(w: Word, dictionary: Collection[str], least: int) -> re.Match[str] | None:
    """The word's letters (marks either side apart), where no list holds them: `least` letters
    or more, in lower case but for the first (capitals and codes stay as read)."""
    m = _LETTERS.match(w.text)
    if m is None:
        return None
    text = m.group("word")
    if len(text) < least or text[1:] != text[1:].lower() or known(text, dictionary):
        return None
    return m


def _read_as(w: Word, m: re.Match[str], word: str) -> Word:
    """The word respelt as `word`, cased as read, its marks kept."""
    cased = word.capitalize() if m.group("word")[0].isupper() else word
    return replace(w, text=f"{m.group('lead')}{cased}{m.group('tail')}")


def _unglued(w: Word, dictionary: Collection[str]) -> Word:
    """A word no list holds that is one of the vocabulary's glued short words and a listed word of
    three letters or more, split one way only (`numberof`, `acouncil`), is the two words."""
    m = _LETTERS.match(w.text)
    if m is None or known(m.group("word"), dictionary) or VOCABULARY.is_place(m.group("word")):
        return w
    text = m.group("word")
    splits = [(text[:k], text[k:]) for k in range(1, len(text)) if _glued(text[:k], text[k:], dictionary)]
    if len(splits) != 1:
        return w
    a, b = splits[0]
    return replace(w, text=f"{m.group('lead')}{a} {b}{m.group('tail')}")


def _glued(a: str, b: str, dictionary: Collection[str]) -> bool:
    glue = VOCABULARY.glue_words
    if (a.lower() in glue) == (b.lower() in glue):
        return False
    word = b if a.lower() in glue else a
    return len(word) >= 3 and word[1:] == word[1:].lower() and known(word, dictionary)


@cache
def _folded(dictionary: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each folded spelling -> the listed words that fold to it."""
    out: dict[str, set[str]] = {}
    for word in dictionary:
        if word.isalpha() and len(word) >= MIN_LETTERS:
            out.setdefault(VOCABULARY.fold(word), set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


def _respelt(w: Word, dictionary: Collection[str], folded: dict[str, frozenset[str]]) -> Word:
    m = _unlisted(w, dictionary, MIN_LETTERS)
    if m is None:
        return w
    meant = folded.get(VOCABULARY.fold(m.group("word").lower()), frozenset())
    return _read_as(w, m, next(iter(meant))) if len(meant) == 1 else w


_PIECE = re.compile(r"^[A-Za-z][a-z]+$")
_TAILED = re.compile(r"^(?P<word>[a-z]+)(?P<tail>[.,;:)]*)$")


def rejoined(text: str, dictionary: Collection[str]) -> str:
    """A name whose word OCR split in two at a wide gap (`new reque sts for support`): two
    neighbouring pieces of letters, one at least no list holds, that together make a listed
    word, are that word (`requests`). Pieces both listed stay apart (`safe guarding` may be
    printed so), as do capitals and codes. An acronym glued to the word after it at a narrow
    gap (`CLAplaced`: capitals, then a listed word in small letters) is the two words."""
    words = [part for w in text.split(" ") for part in _capitals_apart(w, dictionary)]
    out: list[str] = []
    k = 0
    while k < len(words):
        a = words[k]
        b = _TAILED.match(words[k + 1]) if k + 1 < len(words) else None
        if b is not None and _PIECE.match(a) and _split_word(a, b.group("word"), dictionary):
            out.append(a + words[k + 1])
            k += 2
            continue
        out.append(a)
        k += 1
    return " ".join(out)


_CAPITALS_GLUED = re.compile(r"^(?P<caps>[A-Z]{2,})(?P<word>[a-z]{2,})(?P<tail>[.,;:)]*)$")


def _capitals_apart(w: str, dictionary: Collection[str]) -> list[str]:
    """`CLAplaced` -> `CLA`, `placed`: the word listed, of three letters or more, or one of the
    vocabulary's glued short words (`CLAat`); a plural's `s` is no word (`ICPCs`)."""
    m = _CAPITALS_GLUED.match(w)
    if m is None or known(w, dictionary):
        return [w]
    word = m.group("word")
    if not (word in VOCABULARY.glue_words or (len(word) >= 3 and known(word, dictionary))):
        return [w]
    return [m.group("caps"), word + m.group("tail")]


def _split_word(a: str, b: str, dictionary: Collection[str]) -> bool:
    if len(a) < 2 or len(b) < 2 or (known(a, dictionary) and known(b, dictionary)):
        return False
    return known(a + b, dictionary)


UNSURE = 0.75  # an engine's word confidence below which a reading no list explains is not taken as printed:
# on the sixth probe the misread words read 0.03-0.70 (`casehoider` 0.54), a printed one 0.81 (`caseholder`)
_NAME_MARKS = set("&%£+-/'.,:;()[]*#")  # marks an indicator's name prints beside its letters and figures
_EDGE = ".,;:()[]/\"'*"


def unsettled(w: Word, dictionary: Collection[str]) -> bool:
    """An OCR'd word the engine was unsure of that no word list explains: a mark no name prints
    inside it (`Social!`, `e=churling`), or letters no list holds, in lower case but for the
    first (`casehoider`, `recerving`; codes and acronyms stay: `EHPs`), that no respelling
    settled. A name read so files its values under a name nobody printed."""
    if w.conf >= UNSURE:
        return False
    for part in w.text.split():
        core = part.strip(_EDGE)
        if any(not ch.isalnum() and ch not in _NAME_MARKS for ch in core):
            return True
        m = _LETTERS.match(core)
        if m is None or VOCABULARY.is_place(m.group("word")):
            continue
        text = m.group("word")
        if len(text) >= MIN_LETTERS and text[1:] == text[1:].lower() and not known(text, dictionary):
            return True
    return False
