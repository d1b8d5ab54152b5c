"""Value cells as printed, to a number plus what the print says about it.

The printed text is kept verbatim elsewhere (`value_raw`); here we only decide what number it shows
(percentages as shown: 25% -> 25), its unit where the cell itself says so, and flags such as
provisional or amended. Anything that is not clearly one number gets no number: a wrong value is
worse than an empty one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .vocabulary import VOCABULARY

ARROWS = "↑↓→←↗↘▲▼►◄▶◀⬆⬇➔➜➡⇧⇩"
_NUM = (
    r"[-−–]?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?|[-−–]?\(?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?\)?"
    r"|[-−–]?\(?\d+(?:\.\d+)?\)?|[-−–]?\.\d+"
)
SPACE_GROUPED = re.compile(
    r"^[(\-\u2212]?[£$]?\d{1,3}(?: \d{3})+(?:\.\d+)?%?\)?$"
)  # `18 137`: thousands set off by a space
_NUMBER_RE = re.compile(rf"^(?P<cur>£)?(?P<num>{_NUM})\s*(?P<pct>%)?$")
_AMENDED_RE = re.compile(rf"^(?P<main>.+?)\s*\(\s*amended\s+from\s+(?P<old>{_NUM})\s*%?\s*\)$", re.I)
_PROV_RE = re.compile(r"^(?P<main>.+?)\s*\*\s*prov(?:isional)?\.?(?:\s*\((?P<note>[^)]*)\))?$", re.I)
_UNIT_WORD_RE = re.compile(rf"^(?P<num>{_NUM})\s*(?P<unit>weeks?|days?|wks?)\b(?P<rest>.*)$", re.I)
_NOT_APPLICABLE = {"-", "–", "—", "n/a", "na", "n.a.", "n/a.", "not applicable", "nil"}
_NOT_COLLECTED_RE = re.compile(
    r"pending|not yet (?:collected|available|reportable)|reportable from|not collected|"
    r"not available|awaiting|tbc|to be confirmed|no data|data not",
    re.I,
)


_LEADING_RE = re.compile(rf"^(?P<num>{_NUM})\s*(?P<pct>%)?\s+(?P<rest>[A-Za-z(].*)$")
_YEAR_NOTE_RE = re.compile(r"\((?:[^()]*?\s)?((?:19|20)\d{2}(?:/\d{2})?)\)")


@dataclass
class ParsedValue:
    value: float | None
    unit: str = ""
    flags: list[str] = field(default_factory=list)
    year_note: str = ""  # `(2014)`, `(2013/14)`: the year a benchmark figure refers to


def _to_number(text: str) -> float:
    t = re.sub(r"[,\s\u00a0\u202f]", "", text).replace("−", "-").replace("–", "-")
    neg = t.startswith("-")
    t = t.lstrip("-")
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1]
    elif "(" in t or ")" in t:
        raise ValueError(text)
    v = float(t)
    return -v if neg else v


UNREAD = "\ufffd"


def clean(text: str) -> str:
    return " ".join(text.split())


def parse_number(text: str) -> tuple[float, bool] | None:
    """A single printed number: `1,147`, `25%`, `-3%`, `69.51`, `(3)`, `(37%)` -> (value, is_percent)."""
    t = clean(text)
    if t.startswith("(") and t.endswith("%)"):  # a spreadsheet's negative percentage
        inner = parse_number(t[1:-1])
        return (-inner[0], True) if inner is not None and inner[1] and inner[0] >= 0 else None
    m = _NUMBER_RE.match(t)
    if not m:
        return None
    try:
        return _to_number(m.group("num")), bool(m.group("pct"))
    except ValueError:
        return None


def parse_value(text: str) -> ParsedValue:
    """Decide what a value cell says. Unknown wording keeps no number and says `text_only`; a
    glyph no reader could read (U+FFFD, a garbled layer's unread mark) says nothing."""
    t = clean(text.replace(UNREAD, " "))
    if not t:
        return ParsedValue(None, flags=["empty"])
    for reading in (_code, _figure, _annotated, _worded, _qualified):
        if (parsed := reading(t)) is not None:
            return parsed
    return ParsedValue(None, flags=["text_only"])


def _code(t: str) -> ParsedValue | None:
    """A suppression or missing-value code standing alone (`..`, `x`, `c`, `- n/a`, `Local`):
    the vocabulary's codes."""
    low = t.lower()
    if low in VOCABULARY.missing:
        return ParsedValue(None, flags=[VOCABULARY.missing[low]])
    if low in _NOT_APPLICABLE or re.sub(r"^[-–—\s]+", "", low.strip(ARROWS + " ")) in _NOT_APPLICABLE:
        return ParsedValue(None, flags=["not_applicable"])  # `→ n/a`: no direction, no change
    return None


def _figure(t: str) -> ParsedValue | None:
    """A number, perhaps provisional (`123*`) or bounded (`<5`), beside a direction arrow."""
    stripped = t.strip(ARROWS + " ")
    if stripped.endswith("*") and (num := parse_number(stripped[:-1].rstrip())) is not None:
        return ParsedValue(num[0], "percent" if num[1] else "", ["provisional"])
    if (num := parse_number(stripped)) is not None:
        return ParsedValue(num[0], "percent" if num[1] else "")
    if stripped[:1] in "<>≤≥" and (num := parse_number(stripped.lstrip("<>≤≥= "))) is not None:
        bound = "less_than" if stripped[0] in "<≤" else "greater_than"
        return ParsedValue(num[0], "percent" if num[1] else "", [bound])
    return None


def _annotated(t: str) -> ParsedValue | None:
    """A figure with a printed note: amended from another, provisional, or in days or weeks."""
    if (m := _AMENDED_RE.match(t)) is not None:
        inner = parse_value(m.group("main"))
        old = parse_number(m.group("old"))
        if inner.value is not None and old is not None:
            return ParsedValue(inner.value, inner.unit, inner.flags + ["amended", f"amended_from={_fmt(old[0])}"])
    if (m := _PROV_RE.match(t)) is not None:
        inner = parse_value(m.group("main"))
        if inner.value is not None:
            note = m.group("note") or ""
            year = _YEAR_NOTE_RE.search(f"({note})") if note else None
            return ParsedValue(inner.value, inner.unit, inner.flags + ["provisional"], year.group(1) if year else "")
    if (m := _UNIT_WORD_RE.match(t)) is not None and (num := _balanced_number(m.group("num"))) is not None:
        unit = "weeks" if m.group("unit").lower().startswith("w") else "days"
        return ParsedValue(num, unit, [])
    return None


def _worded(t: str) -> ParsedValue | None:
    if t.lower().startswith("n/a"):
        return ParsedValue(None, flags=["not_applicable"])
    if _NOT_COLLECTED_RE.search(t):
        return ParsedValue(None, flags=["not_collected"])
    return None


def _qualified(t: str) -> ParsedValue | None:
    """A number with a qualifier: `88% as of April 1st 2014`, `645 (3-year average)`, `62% (2014)`."""
    if (m := _LEADING_RE.match(t)) is None or (num := _balanced_number(m.group("num"))) is None:
        return None
    year = _YEAR_NOTE_RE.search(m.group("rest"))
    unit = "percent" if m.group("pct") else ""
    return ParsedValue(num, unit, [], year.group(1) if year else "")


def _balanced_number(text: str) -> float | None:
    """The number, unless a bracket it opens or closes is not its own (`7) days`, a scan's `(7`):
    a cell that is text, not a figure with a note."""
    try:
        return _to_number(text)
    except ValueError:
        return None


def year_note_period(note: str) -> str:
    """`2014` -> `FY2013/14` (a figure published for the year ending then); `2013/14` -> `FY2013/14`."""
    if not note:
        return ""
    if "/" in note:
        a, b = note.split("/")
        return f"FY{a}/{b}" if (int(a) + 1) % 100 == int(b) else ""
    y = int(note)
    return f"FY{y - 1}/{y % 100:02d}"


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)
