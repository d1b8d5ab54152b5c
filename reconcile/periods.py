"""Periods as month numbers, so 'one month later' and 'k months off' are arithmetic.

Quarters and financial years become the month they end in: a quarterly figure published in a
monthly pack is compared at the month the quarter closes.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_FY = re.compile(r"^FY(\d{4})/\d{2}(?:-Q([1-4]))?$")


@lru_cache(maxsize=1 << 14)  # a million cells print a few hundred periods
def month_index(period: str | None) -> int | None:
    p = str(period or "").strip()
    m = _MONTH.match(p)
    if m:
        return int(m.group(1)) * 12 + int(m.group(2)) - 1
    m = _FY.match(p)
    if m:
        start = int(m.group(1)) * 12 + 3  # April of the first year
        q = int(m.group(2)) if m.group(2) else 4
        return start + 3 * q - 1
    return None


def is_month(period: str | None) -> bool:
    return bool(_MONTH.match(str(period or "").strip()))


def month_label(index: int | None) -> str:
    if index is None:
        return ""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def sort_key(period: str) -> tuple[int, str]:
    m = month_index(period)
    return (m if m is not None else 1 << 30, period)
