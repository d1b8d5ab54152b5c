"""Cheap page triage: which pages of a 160-page agenda pack may hold an indicator table.

Uses pdfium's text (fast, C) rather than a full layout parse, so prose, minutes and glossary pages
cost milliseconds. A page is read when it shows period labels beside numbers, or is dense with
numbers (a table continued from the previous page has no header of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .periods import parse_month

_TOKEN = re.compile(r"\S+")
_NUMBERISH = re.compile(r"^[(\-−–]?[£]?\d[\d,]*(\.\d+)?%?\)?$")
_PERIODISH = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[-'\s]?\d{2,4}$|^\d{5}$|^q[1-4]\b|^(20)?\d{2}/\d{2}$",
    re.I,
)


MIN_CONTINUED = 4
"""Numbers enough, dense among its words, for a page to hold the rest of a table the page before
began: its last row alone is a label and a few figures (`H-14 Households on the register 8,237
7,843 8,301 7,719`)."""


@dataclass(frozen=True)
class Triage:
    candidate: bool
    reason: str
    numbers: int
    periods: int
    tokens: int


@lru_cache(maxsize=4)  # a page's text is looked at by the router, then for the page's reason
def triage_text(text: str) -> Triage:
    tokens = _TOKEN.findall(text)
    numbers = sum(1 for t in tokens if _NUMBERISH.match(t))
    periods = sum(1 for t in tokens if _PERIODISH.match(t) and (not t.isdigit() or parse_month(t, allow_serial=True)))
    # month names split from their year by a space ("Oct 22") count as well
    periods += len(re.findall(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s\d{2}\b", text))
    n = max(1, len(tokens))
    if periods >= 3 and numbers >= 6:
        return Triage(True, f"{periods} period labels, {numbers} numbers", numbers, periods, n)
    if numbers >= MIN_CONTINUED and numbers / n >= 0.25:
        return Triage(True, f"dense numbers ({numbers}/{n} tokens), possibly a continued table", numbers, periods, n)
    if not tokens:
        return Triage(False, "no text layer", 0, 0, 0)
    return Triage(
        False, f"prose or list ({numbers} numbers, {periods} period labels in {n} tokens)", numbers, periods, n
    )
