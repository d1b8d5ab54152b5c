"""One value cell -> one observation record in the schema (`schema.COLUMNS`).

What the cell's text says (`values.parse_value`), the unit its row is in, its flags, how sure
the reading is, and where it is printed (the cell's box on the page as displayed). A reading
from OCR that is not sure enough states no value: a wrong number is worse than a missing one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .columns import Column
from .page import Frame
from .structure import Cell
from .values import ARROWS, UNREAD, ParsedValue, parse_value, year_note_period
from .vocabulary import VOCABULARY

OCR_FLOOR = 0.6  # below this an OCR'd number is withheld (value empty, flag low_confidence)
BENCHMARKS = ("stat_neighbour", "england", "region")
CHANGES = ("change_prev", "change_year")
SIGNALS = ("direction", "rag")

_PERCENT_NAME = re.compile(r"percentage|per\s*cent|%|proportion", re.I)
_RATE10K = re.compile(r"per\s*10[,.]?000|per\s*10k|rate per 10", re.I)
_RATE100K = re.compile(r"per\s*100[,.]?000|per\s*100k", re.I)
_DAYS = re.compile(r"average (number of )?days|\(days\)|days? (to|between)|average time .*days|average duration", re.I)
_WEEKS = re.compile(r"average (number of )?weeks|\(weeks\)|in weeks", re.I)
_RAG_WORDS = {"r", "a", "g", "red", "amber", "green", "r/a", "a/g"}


@dataclass(frozen=True)
class Record:
    """Where a table's observations come from."""

    source: str
    page: int
    table: int
    method: str
    frame: Frame


def name_unit(name: str) -> str:
    if _RATE100K.search(name):
        return "rate_per_100k"
    if _RATE10K.search(name):
        return "rate_per_10k"
    if _PERCENT_NAME.search(name):
        return "percent"
    if _WEEKS.search(name):
        return "weeks"
    if _DAYS.search(name):
        return "days"
    return "count"


@dataclass(frozen=True)
class RowUnit:
    """The unit a row's figures are in, and what a printed figure is multiplied by to be in it
    (100 where a percentage is printed as a fraction, `0.25` under a `%` unit)."""

    unit: str
    scale: float = 1.0


def unit_of_row(name: str, values: list[tuple[Column, str]]) -> RowUnit:
    """A row printed with `%` in its values is in percent; else what its name (and its unit
    column, given with it) says."""
    own = [parse_value(text) for col, text in values if col.measure in ("value", "avg_12m", "max_12m", "target")]
    if any(p.unit == "percent" for p in own):
        return RowUnit("percent")
    unit = name_unit(name)
    numbers = [p.value for p in own if p.value is not None]
    if unit == "percent" and numbers and all(0 <= v <= 1 for v in numbers) and any(numbers):
        return RowUnit(unit, 100.0)
    return RowUnit(unit)


def _unit(col: Column, p: ParsedValue, row_unit: str) -> str:
    if col.measure in CHANGES:
        return "percent"
    if col.measure in SIGNALS:
        return p.unit or "other"
    return p.unit if p.unit in ("weeks", "days") else row_unit


def _confidence(col: Column, p: ParsedValue, flags: list[str], cell: Cell) -> float:
    conf = 0.99
    if col.period_from_context:
        conf -= 0.03
    if p.value is None:
        conf -= 0.05
    if any(f.startswith(("amended", "provisional")) for f in flags) or p.unit in ("weeks", "days"):
        conf -= 0.03
    return round(conf * min((w.conf for w in cell.words), default=1.0), 3)


def unreadable(measure: str, text: str, flags: list[str]) -> bool:
    """An OCR'd value cell that reads as neither a number nor any word such cells hold (`jj§ 35%`,
    `a` for `▲`): junk, kept as raw text but not stated as the cell's content."""
    t = text.strip().lower()
    worded = any(f in flags for f in ("not_applicable", "not_collected", "local"))  # `n/a`, `-`, `TBC`
    if measure == "direction":
        return bool(t.strip(ARROWS + " ")) and not worded and " ".join(t.split()) not in VOCABULARY.directions
    if measure == "rag":
        return bool(t) and t not in _RAG_WORDS and not worded
    return "text_only" in flags


def observation(
    ctx: Record, row: int, section: str, ref: str, name: str, area: str, col: Column, cell: Cell, row_unit: RowUnit
) -> dict:
    text = cell.text
    p = parse_value(text)
    if p.value is not None and row_unit.scale != 1 and col.measure in ("value", "avg_12m", "max_12m", "target"):
        p = ParsedValue(round(p.value * row_unit.scale, 10), p.unit, p.flags, p.year_note)
    flags = [f for f in p.flags if f != "empty"] + sorted({w.note for w in cell.words if w.note})
    if col.measure in SIGNALS and not text.strip(ARROWS + " "):
        flags = []
    period = col.period
    if not period and col.measure in BENCHMARKS and p.year_note:
        period = year_note_period(p.year_note)
    value = p.value
    conf = _confidence(col, p, flags, cell)
    if UNREAD in text:
        value = None  # a glyph no reader read: what it says is not known
        flags.append("low_confidence")
    elif ctx.method == "ocr" and value is not None and conf < OCR_FLOOR:
        value = None
        flags.append("low_confidence")
    elif ctx.method == "ocr" and unreadable(col.measure, text, flags):
        flags.append("low_confidence")
    x0, top, x1, bottom = ctx.frame.to_display(cell.bbox)
    return {
        "source": ctx.source,
        "page": ctx.page,
        "table": ctx.table,
        "row": row,
        "section": section,
        "ref": ref,
        "indicator": name,
        "area": area,
        "period": period,
        "measure": col.measure,
        "value": value,
        "value_raw": text,
        "unit": _unit(col, p, row_unit.unit),
        "flags": ";".join(flags),
        "method": ctx.method,
        "confidence": conf,
        "x0": round(x0, 2),
        "top": round(top, 2),
        "x1": round(x1, 2),
        "bottom": round(bottom, 2),
    }


def withhold(obs: dict, why: str = "") -> dict:
    """The observation with its value withheld (`low_confidence`, raw text kept, and `why` where
    a flag says more): what nothing settles is not stated."""
    flags = [f for f in (obs["flags"] or "").split(";") if f]
    flags += [f for f in ("low_confidence", why) if f and f not in flags]
    return {**obs, "value": None, "flags": ";".join(flags)}


_SAME_PLACE = ("row", "ref", "indicator", "area", "period", "measure")


def withhold_clashes(observations: list[dict]) -> list[dict]:
    """Two OCR'd cells of one row that the header files under the same period and measure: the
    header as read does not say which is which (a band's year over months whose labels were
    lost, two `% change` columns read alike), so neither value is stated. A text layer's header
    is what was printed, a month printed twice included, so its rows are left as they are."""
    keys = [tuple(obs[k] for k in _SAME_PLACE) for obs in observations]
    seen = Counter(keys)
    return [
        withhold(obs) if obs["method"] == "ocr" and seen[key] > 1 else obs
        for obs, key in zip(observations, keys, strict=True)
    ]


_DECIMALS = re.compile(r"\d(?:\.(\d+))?\D*$")  # the places of the cell's last number
_SERIES = ("row", "ref", "indicator", "area")
_FORMATTED = ("value", "avg_12m", "max_12m", "target", "previous_year", *BENCHMARKS)


def _decimals(raw: str) -> int | None:
    m = _DECIMALS.search(raw.replace(",", ""))
    return len(m.group(1) or "") if m else None


def _ocr_figure(obs: dict) -> bool:
    """An OCR'd figure of a measure printed in the row's number format (not a change)."""
    return obs["method"] == "ocr" and obs["measure"] in _FORMATTED and obs["value"] is not None


_COMMA_GROUPED = re.compile(r"\d,\d{3}(?!\d)")
_POINT_GROUPED = re.compile(r"^\D*\d{1,3}\.\d{3}\D*$")


def commas_read_as_points(observations: list[dict]) -> list[dict]:
    """OCR'd figures whose thousands comma a scan blurred into a point (`6.475` in a row of
    `4,787 4,997 5,730`): a row prints one number format, and where two of its figures or more
    group thousands with a comma, a point before exactly three digits is that comma. Read so,
    the row's precision agrees (`withhold_off_precision`) instead of withholding it whole."""
    series: dict[tuple, list[int]] = {}
    for k, obs in enumerate(observations):
        if _ocr_figure(obs):
            series.setdefault(tuple(obs[f] for f in _SERIES), []).append(k)
    out = list(observations)
    for members in series.values():
        raws = {k: str(observations[k]["value_raw"]) for k in members}
        if sum(bool(_COMMA_GROUPED.search(r)) for r in raws.values()) < 2:
            continue
        for k, raw in raws.items():
            if _POINT_GROUPED.match(raw) and "," not in raw:
                value = float(observations[k]["value"]) * 1000
                out[k] = {**observations[k], "value": round(value), "value_raw": raw.replace(".", ",")}
    return out


def withhold_off_precision(observations: list[dict]) -> list[dict]:
    """OCR'd figures printed at another precision than the rest of their row (`65` in a row of
    `9.0 6.9 6.7`): a row's figures (its values, averages, maxima, targets, benchmarks; not its
    changes) share one number format, and a lost decimal point or a separator read as one is a
    wrong value. Where two thirds of the row's figures, three or more, agree, the others are
    withheld; where the row is mixed with no such majority, nothing says which format is printed,
    and all its figures are withheld."""
    series: dict[tuple, list[int]] = {}
    for k, obs in enumerate(observations):
        if _ocr_figure(obs):
            series.setdefault(tuple(obs[f] for f in _SERIES), []).append(k)
    off: set[int] = set()
    for members in series.values():
        places = {k: p for k in members if (p := _decimals(str(observations[k]["value_raw"]))) is not None}
        counts = Counter(places.values())
        if len(counts) < 2:
            continue
        usual, n = counts.most_common(1)[0]
        settled = n >= 3 and 3 * n >= 2 * len(places)
        off |= {k for k, p in places.items() if not settled or p != usual}
    return [withhold(obs) if k in off else obs for k, obs in enumerate(observations)]


_DASHES = ("-", "\u2013", "\u2014", "\u2212")


def withhold_flat_arrows(observations: list[dict]) -> list[dict]:
    """OCR'd direction cells read as a dash in a table whose other direction cells read as
    arrows: a flat arrow (`→`) whose head a scan blurred away reads as a dash, and nothing on
    the page tells the two apart, so the cell is withheld rather than stated as not applicable."""
    arrowed = any(
        o["method"] == "ocr" and o["measure"] == "direction" and any(a in str(o["value_raw"]) for a in ARROWS)
        for o in observations
    )
    if not arrowed:
        return observations
    return [
        withhold(o)
        if o["method"] == "ocr" and o["measure"] == "direction" and str(o["value_raw"]).strip() in _DASHES
        else o
        for o in observations
    ]


def withhold_pointless_percents(observations: list[dict]) -> list[dict]:
    """OCR'd percentages over 100 printed without the decimals the table's other percentages
    carry (`720%` in a table of `73.9%`, `68.0%`): the point is the smallest glyph a scan loses,
    and where a whole row lost it `withhold_off_precision` sees nothing off. A table prints its
    shares alike; one over 100 without them is that misreading or a rare figure, and a wrong
    value is worse than a missing one. Where three of the table's percentages or more print
    decimals, such figures are withheld; so are they where the table's whole percentages are
    shares (`_over_the_whole`)."""
    shares = {
        k: p
        for k, obs in enumerate(observations)
        if _ocr_figure(obs)
        and str(obs["value_raw"]).rstrip().endswith("%")
        and (p := _decimals(str(obs["value_raw"]))) is not None
    }
    off = _over_the_whole(observations, shares)
    if sum(p > 0 for p in shares.values()) >= 3:
        off |= {k for k, p in shares.items() if p == 0 and abs(float(observations[k]["value"])) > 100}
    return [withhold(obs) if k in off else obs for k, obs in enumerate(observations)]


MIN_SHARES = 10  # a table's percentages (not changes) from which they show it prints shares
SHARE_RULE = 0.9  # of them no more than 100 from which the ones over it are misread


def _over_the_whole(observations: list[dict], shares: dict[int, int]) -> set[int]:
    """Whole percentages over 100 in a table whose percentages are shares: nine in ten of them,
    ten at least, no more than 100 (`717%` for a blurred `77%` among `52%`..`100%`, a `7`'s
    stem read as a `1`). Changes are left alone: they run past 100 either way."""
    levels = {
        k: abs(float(observations[k]["value"]))
        for k in shares
        if not str(observations[k]["measure"]).startswith("change")
    }
    over = {k for k, v in levels.items() if v > 100 and shares[k] == 0}
    if len(levels) < MIN_SHARES or len(over) > (1 - SHARE_RULE) * len(levels):
        return set()
    return over
