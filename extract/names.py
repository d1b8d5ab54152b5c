"""An indicator's name as printed -> its reference and its name.

Some publishers print the reference inside the name (`M1 - Number of contacts`); footnote
markers (`*`, `†`, `¹`) belong to the page, not the name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_REF_BODY = r"[A-Z][A-Za-z&]{0,6}[-\s]?\d{1,3}[A-Za-z]{0,2}(?:[-/][A-Z0-9]{1,4})*(?:\s?\((?:[a-z]{1,4}|%)\)|\s?%)?"
_REF_IN_NAME = re.compile(rf"^(?P<ref>{_REF_BODY})\s*[-–:.]\s+(?P<name>\S.*)$")
_NUMBERED = re.compile(r"^(?P<ref>\d{1,3}[a-z]?)\s+[-–]\s+(?P<name>[A-Za-z].*)$")  # `74 - Percentage of ...`
_MARKERS = re.compile(r"\s*(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\))$")


_REF = re.compile(rf"^{_REF_BODY}$")


def is_reference(text: str) -> bool:
    """Shaped like an indicator's reference: `M1`, `R&B-1`, `LAC11-QL`, `CP2b`, `EH3a%` (a
    percentage's mark printed after its reference, close or a space apart: `CP2b %`)."""
    return bool(_REF.match(text.strip()))


def split_ref(name: str) -> tuple[str, str]:
    """(`M1`, `Number of contacts`) from `M1 - Number of contacts` or `74 - Number of contacts`
    (a number is a reference only set apart by a spaced dash, before a word); ("", name) otherwise."""
    name = strip_markers(name)
    m = _REF_IN_NAME.match(name) or _NUMBERED.match(name)
    if m:
        return m.group("ref"), m.group("name")
    return "", name


_LEADING_REF = re.compile(rf"^(?P<ref>{_REF_BODY})\s+(?P<name>[A-Z][a-z]+\s+\S.*)$")


def lead_ref(text: str) -> tuple[str, str]:
    """(`AB 1`, `Number of contacts`) from `AB 1 Number of contacts`: a reference cell that holds
    the name too, its own cell empty (whole-page OCR sets a row's words by gaps, and a narrow gap
    joins them); (text, "") otherwise."""
    m = _LEADING_REF.match(text.strip())
    return (m.group("ref"), m.group("name")) if m else (text, "")


_READ_REF_IN_NAME = re.compile(r"^(?P<ref>\S{1,8}(?:\s?\((?:[A-Za-z]{1,4}|%)\))?)\s+[-–:]\s+(?P<name>[A-Za-z].*)$")


def split_read_ref(name: str) -> tuple[str, str]:
    """What may be a reference OCR misread before a name (`$P2 - Burglary`, `#11 - Referrals`,
    `MS - Number`, `LACS (val) - Number`): a short first word holding a digit, or capitals ending
    in a digit's lookalike, with the bracketed qualifier a reference prints after it (`(val)`,
    `(%)`) if any, set apart by a spaced dash. Only its column can say whether it is one
    (`refcolumn`); ("", name) otherwise."""
    m = _READ_REF_IN_NAME.match(strip_markers(name))
    if m is None or not (any(ch.isdigit() for ch in m.group("ref")) or _digit_read_as_letter(m.group("ref"))):
        return "", name
    return m.group("ref"), m.group("name")


def _digit_read_as_letter(word: str) -> bool:
    """Capitals ending in a letter OCR reads for a digit (`MS` for `M5`, `EHS-OL` for `EH5-QL`)."""
    from .vocabulary import VOCABULARY

    stem = re.split(r"[-(\s]", word, maxsplit=1)[0]
    return 2 <= len(stem) <= 6 and stem.isalpha() and stem.isupper() and stem[-1] in VOCABULARY.lookalikes


def strip_markers(name: str) -> str:
    return _MARKERS.sub("", name.strip())


_EDGE_MARK = re.compile(r"^[\\|‘’'“”\"(]+(?=[A-Z])")
_QUOTES = "‘’'“”\""
_CLOSING = "’'”\""
_OPENING = {"’": "‘", "”": "“", '"': '"'}


def strip_edge_mark(name: str) -> str:
    """An OCR'd name without the mark glued before its first capital (`\\Number of ...`,
    `‘Tonnes of ...`, `(Number of ...`): a rule's remnant or a speck at the cell's edge read as
    a stroke, or as an opening quote or bracket that the name never closes."""
    m = _EDGE_MARK.match(name)
    if m is None:
        return name
    marks, rest = m.group(), name[m.end() :]
    if any(ch in _QUOTES for ch in marks) and any(ch in _CLOSING for ch in rest):
        return name
    if "(" in marks and rest.count(")") > rest.count("("):
        return name
    return rest


def close_bracket(name: str, lookalikes: str) -> str:
    """An OCR'd name that opens a bracket it never closes and ends in a mark OCR reads for the
    closing one (`(based on count of children’`: the bracket's thin curve read as a quote):
    the bracket. A quote the name opened itself (`‘...’`) is a quote."""
    body = name.rstrip()
    last = body[-1:]
    if not last or last not in lookalikes or body.count("(") != body.count(")") + 1:
        return name
    if _OPENING.get(last, "\0") in body[:-1]:
        return name
    return body[:-1] + ")"


_CODE_LIST = re.compile(r"\(([^()]*,[^()]*)\)")
_CODE = re.compile(r"^(\s*)(\S)(\d+)(\s*)$")


def capital_codes(name: str, capitals: Mapping[str, str]) -> str:
    """An OCR'd name whose bracketed list of codes (`(E11, E12)`) has a code starting with a mark
    OCR reads for a capital (`£12`: `capitals`, data) where every other code of the list starts
    with that capital: the capital. A lone `£12` is money, and a list of amounts stays."""

    def mend(m: re.Match[str]) -> str:
        parts = [_CODE.match(x) for x in m.group(1).split(",")]
        if any(c is None for c in parts):
            return m.group(0)
        heads = [c.group(2) for c in parts if c is not None]
        marked = [h for h in heads if h in capitals]
        letters = {h for h in heads if h not in capitals}
        if not marked or len(letters) != 1 or not all(capitals[h] in letters for h in marked):
            return m.group(0)
        out = [f"{c.group(1)}{capitals.get(c.group(2), c.group(2))}{c.group(3)}{c.group(4)}" for c in parts if c]
        return f"({','.join(out)})"

    return _CODE_LIST.sub(mend, name)


_NOTE_MARK = re.compile(r"^\s*(\([a-z0-9]\))\s+\S", re.M)
_TRAILING_MARK = re.compile(r"\s+(\([a-z0-9]\))$")


def noted_marks(page_text: str) -> frozenset[str]:
    """The bracketed marks (`(a)`, `(2)`) that begin a line of the page: its notes."""
    return frozenset(_NOTE_MARK.findall(page_text))


def strip_noted(name: str, marks: frozenset[str]) -> str:
    """A name without the bracketed mark it ends in, where the page prints a note under that
    mark: a reference to the note, not a part of the name (`(a)` alone may be one)."""
    m = _TRAILING_MARK.search(name)
    return name[: m.start()] if m and m.group(1) in marks else name
