"""Does a cell's text read as a figure or as a label? The structure finder's one question about
what text says: lines of figures are rows, lines of labels above them are the header."""

from __future__ import annotations

import re

from ..periods import parse_period
from ..values import ARROWS
from ..vocabulary import VOCABULARY
from .lines import NUMBER

_YEAR = re.compile(r"^(19[89]\d|20[0-5]\d)$")
_LEADING_NUMBER = re.compile(r"^[<>]?[-−]?[£$]?\(?\d[\d,.]*%?\)?\s")  # a figure, then its note
_NOTED = re.compile(r"^[<>]?[-−(]?[£$]?\d[\d,.]*%?\)?(\s*\*\s*\w+\.?)?(\s*\([^)]*\))?(\s+(days?|weeks?))?$", re.I)


def data_like(text: str) -> bool:
    """Reads as a figure, not a label: a number, a number and its note (`21 weeks (average`;
    not a range `(0-17` or a period label `2013/14`), or a code for a missing value (`n/a`)."""
    t = " ".join(text.split()).strip(ARROWS + " ")
    if t.lower() in VOCABULARY.missing or is_value(t):
        return True
    if not _LEADING_NUMBER.match(t) or _YEAR.match(t.split()[0]):
        return False
    return parse_period(t) is None


def is_value(text: str) -> bool:
    """A number, perhaps with a marked note (`52% *Prov`, `62% (2014)`, `21 weeks`), and not a
    year (a header of years is a header, not a row of values)."""
    t = " ".join(text.split())
    if _YEAR.match(t):
        return False
    return bool(NUMBER.match(t) or _NOTED.match(t))
