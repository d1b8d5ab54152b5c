"""When two printed numbers are the same number.

A figure printed as a whole number (70) is the same as an unrounded one (69.51): the printer
rounded. A fraction (0.45) is the same as a percentage (45%) only when the unit says percent, so
that a rate of 0.45 is never mistaken for 45%.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

_NUM = re.compile(r"[-+]?\d[\d,]*(?:\.(\d+))?")


def decimals(raw: str | None, value: float | None) -> int:
    """Digits after the point as printed; from the value when the cell text is not a plain number."""
    m = _NUM.search(str(raw or ""))
    if m:
        return len(m.group(1) or "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1]) if "." in text else 0


def _round(value: float, places: int) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _is_fraction_of_percent(v: float, raw: str, unit: str) -> bool:
    return unit == "percent" and "%" not in raw and 0 <= abs(v) <= 1


def scaled(value: float, raw: str, unit: str, other_raw: str, other_unit: str) -> float:
    """The value on the other cell's scale, where the unit makes that legitimate."""
    if _is_fraction_of_percent(value, raw, unit) and "%" in other_raw and other_unit == "percent":
        return value * 100
    return value


@lru_cache(maxsize=1 << 16)  # the same printings are compared again and again across publications
def equivalent(a: float, a_raw: str, a_unit: str, b: float, b_raw: str, b_unit: str) -> bool:
    if a == b:
        return True
    a2 = scaled(a, a_raw, a_unit, b_raw, b_unit)
    b2 = scaled(b, b_raw, b_unit, a_raw, a_unit)
    if a2 == b2:
        return True
    if abs(a2 - b2) >= 1:  # equal once rounded to whole numbers or finer: less than 1 apart
        return False
    da = decimals(a_raw, a) if a2 == a else max(decimals(a_raw, a) - 2, 0)
    db = decimals(b_raw, b) if b2 == b else max(decimals(b_raw, b) - 2, 0)
    places = min(da, db)
    return _round(a2, places) == _round(b2, places)
