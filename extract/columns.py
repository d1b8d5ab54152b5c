"""What each column of an indicator table holds, read from its header.

A scorecard's header mixes period labels (`Apr-20`, `44865`, `Latest Result (Q2)`, `2013/14`) with
named columns (`% change from Sep-20`, `12-mnth avg`, `SN`, `Target 19-20`, `So'ton 21/22`). A band
above the header (`Benchmarking (Updated Mar-19, using 18-19 data)`) qualifies the columns beneath
it. Relative labels are placed against the report period.
"""

from __future__ import annotations

import itertools
import math
import re
import string
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .periods import ReportPeriod, add_months, month_diff, parse_fy, parse_month, parse_period, parse_quarter
from .values import UNREAD
from .vocabulary import VOCABULARY, ColumnRule

_YEARLY = re.compile(r"(?:FY)?\d{4}(?:/\d{2})?")  # a calendar or financial year's period
_FY_IN_TEXT = re.compile(r"(?<![\d/])(?:20)?(\d{2})\s*[-/–]\s*(\d{2})(?![\d/])")


@dataclass
class Column:
    kind: str  # ref | name | text | measure | ignore
    measure: str = ""
    period: str = ""
    field: str = ""  # for text columns: owner, commentary, ...
    header: str = ""
    period_from_context: bool = False
    sub: str = ""  # under a period band, what the column counts (`Offences`): part of the indicator
    indicator: str = ""  # a band naming the indicator over its own columns (side-by-side indicators)


@dataclass
class ColumnModel:
    columns: list[Column]
    report: ReportPeriod | None
    header_texts: list[str] = field(default_factory=list)

    def index(self, kind: str) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.kind == kind]


def _norm(text: str) -> str:
    t = " ".join(text.replace("\u2019", "'").split()).strip().strip(VOCABULARY.edge_marks).strip()
    return _unbracketed(t)


def _unbracketed(text: str) -> str:
    """The header without a square bracket it does not close or open (`[Ref`): a band's or
    box's edge read as one."""
    if text.startswith("[") and "]" not in text:
        text = text[1:].lstrip()
    if text.endswith("]") and "[" not in text:
        text = text[:-1].rstrip()
    return text


def header_period(text: str, report: ReportPeriod | None, *, allow_serial: bool) -> tuple[str, bool] | None:
    """The period a value column's header names, and whether the report period was needed."""
    t = _norm(text)
    if not t:
        return None
    p = parse_month(t, allow_serial=allow_serial)
    if p:
        return p, False
    p = parse_fy(t)
    if p:
        return p, False
    m = re.search(r"\(?\s*(Q[1-4](?:\s+(?:20)?\d{2}\s*/\s*\d{2})?)\s*\)?", t, re.I)
    if m and (t.upper() == m.group(1).upper() or re.search(r"latest|result|quarter", t, re.I)):
        q = parse_quarter(m.group(1), report)
        if q:
            return q, bool(report) and not re.search(r"\d{2}\s*/\s*\d{2}", m.group(1))
    p = parse_period(t, report) if len(t) <= 32 else None
    return (p, False) if p else None


def fy_in_text(text: str) -> str:
    for m in _FY_IN_TEXT.finditer(text):
        fy = parse_fy(f"{m.group(1)}/{m.group(2)}")
        if fy:
            return fy
    return ""


def classify(header: str, band: str, report: ReportPeriod | None, *, allow_serial: bool) -> Column:
    """One column from its own header text and the band text above it (a fresh, mutable copy)."""
    return replace(_classify(header, band, report, allow_serial))


@lru_cache(maxsize=8192)
def _classify(header: str, band: str, report: ReportPeriod | None, allow_serial: bool) -> Column:
    """Header rows repeat on every page and in every copy of a table: classify each text once."""
    h = _norm(header)
    full = _norm(f"{band} {h}")
    if not h:
        return Column("ignore", header=full)
    rule = VOCABULARY.rule_for(h.lower())
    if rule is not None:
        return _from_rule(rule, h, band, report)
    hp = header_period(h, report, allow_serial=allow_serial)
    if hp:
        return Column("measure", "value", hp[0], header=h, period_from_context=hp[1])
    if _named_year(h):
        return Column("measure", "previous_year", fy_in_text(h), header=h)
    if (parted := _parted(h)) != h and (rule := VOCABULARY.rule_for(parted.lower())) is not None:
        return _from_rule(rule, parted, band, report)
    if UNREAD in h:
        return _unread_glyphs(h, band, report, allow_serial) or Column("ignore", header=full)
    return Column("ignore", header=full)


MAX_READINGS = 500  # spellings of a header with unread glyphs tried at most


def _unread_glyphs(header: str, band: str, report: ReportPeriod | None, allow_serial: bool) -> Column | None:
    """A header with glyphs a garbled layer's cipher left unread (`Last \ufffdear (2017/18)`,
    `\ufffdirec\ufffdon of travel`, a ligature being one glyph for two letters): the column it
    names whatever words they make, where every spelling that names a column names the same one
    (`year` is the only word `?ear` makes a header of; `Q? 2017/18` could be any quarter)."""
    options = [_spellings(w) if UNREAD in w else [w] for w in header.split(" ")]
    if not all(options) or math.prod(len(o) for o in options) > MAX_READINGS:
        return None
    named: dict[tuple[str, str, str], Column] = {}
    for words in itertools.product(*options):
        col = _classify(" ".join(words), band, report, allow_serial)
        if col.kind != "ignore":
            named.setdefault((col.kind, col.measure, col.period), col)
    return next(iter(named.values())) if len(named) == 1 else None


def _spellings(word: str) -> list[str]:
    """The dictionary's words a word with unread glyphs may be (a glyph one letter or two), and
    with one such glyph, the word with any one letter or digit there."""
    from .textquality import dictionary

    pattern = re.compile(".{1,2}".join(re.escape(part) for part in word.lower().split(UNREAD)))
    out = [w for w in dictionary() if pattern.fullmatch(w)]
    if word.count(UNREAD) == 1:
        out += [word.replace(UNREAD, ch) for ch in string.ascii_letters + string.digits]
    return out


_CASE_TURN = re.compile(r"(?<=[A-Z]{2})(?=[a-z]{2})|(?<=[a-z])(?=[A-Z])")


def _parted(header: str) -> str:
    """The header with words parted where the letters' case turns (`SNavg`, `EngAvg`): OCR drops
    a narrow space between words set in different cases, and a header's vocabulary is words."""
    return _CASE_TURN.sub(" ", header)


def for_body(header: str, band: str, report: ReportPeriod | None, figures: bool | None) -> Column | None:
    """The column a header names given what its body holds (`figures`: True for figures, False
    for words, None for nothing known): `Region` over figures is the measure it can also name,
    `Trend` over words a direction, over figures a change. None when no rule allows that body."""
    h = _norm(header)
    first = VOCABULARY.rule_for(h.lower())
    if first is not None and first.fits(figures) and not (first.kind == "area" and figures):
        return None
    kinds = ("change", "measure")
    rule = VOCABULARY.rule_for(h.lower(), kinds=kinds, figures=figures)
    return _from_rule(rule, h, band, report) if rule is not None else None


def _from_rule(rule: ColumnRule, h: str, band: str, report: ReportPeriod | None) -> Column:
    if rule.kind in ("ref", "name", "area"):
        return Column(rule.kind, header=h)
    if rule.kind == "code":
        return Column("ignore", header=h)
    if rule.kind == "text":
        return Column("text", field=rule.field, header=h)
    if rule.kind == "change":
        return _change(h, rule, report)
    period = {
        "report": report.label if report else "",
        "year": fy_in_text(h),
        "year_or_band": fy_in_text(h) or fy_in_text(band),
    }.get(rule.period, "")
    header = _norm(f"{band} {h}") if rule.period == "year_or_band" else h
    return Column("measure", rule.measure, period, header=header)


def _change(h: str, rule: ColumnRule, report: ReportPeriod | None) -> Column:
    """`% change from Sep-20`: from the previous month (or quarter), or from a year earlier."""
    ref = _change_from(h, report)
    measure = "change_prev"
    if ref and report and len(ref) == 7:
        measure = "change_year" if month_diff(report.label, ref) >= 12 else "change_prev"
    elif rule.says_year(h.lower()):
        measure = "change_year"
    return Column("measure", measure, report.label if report else "", header=h)


def _change_from(h: str, report: ReportPeriod | None) -> str | None:
    """The period a change is measured from (`Sep-20` in `% change from Sep-20`)."""
    ref = parse_period(re.sub(r".*change\s+(from|since|on)\s+", "", h, flags=re.I), report)
    if ref is None and (m := re.search(r"\b(?:from|since|on)\s+(\S+)", h, re.I)):
        ref = parse_period(m.group(1), report)  # `from Oct-19 % change`: a scan's lines out of order
    return ref if ref is not None else _month_word(h, report)


def _annual_changes(cols: list[Column]) -> None:
    """A change from a month that no report period places (`% change from Nov-22` on a page that
    prints no date) beside columns of whole years only is a change over a year: a table of
    annual figures compares a year with the one before, not with the previous month."""
    periods = [c.period for c in cols if c.kind == "measure" and c.measure == "value"]
    if not periods or not all(_YEARLY.fullmatch(p) for p in periods):
        return
    for c in cols:
        if c.kind == "measure" and c.measure == "change_prev" and len(_change_from(c.header, None) or "") == 7:
            c.measure = "change_year"


def _month_word(h: str, report: ReportPeriod | None) -> str | None:
    """The one month a change header names with its `from` lost (`change Oct-19`: OCR drops the
    small words of a dense header first); None where no word or more than one parses as one."""
    months = {p for w in h.split() if (p := parse_period(w, report)) is not None and len(p) == 7}
    return months.pop() if len(months) == 1 else None


def _named_year(h: str) -> bool:
    """`Hampshire 21/22`: a name and a financial year, the publisher's own figure for an earlier
    year printed beside the benchmarks."""
    rest = _FY_IN_TEXT.sub(" ", h).split()
    return bool(fy_in_text(h)) and 0 < len(rest) <= 2 and all(re.fullmatch(r"[A-Za-z'’.]+", w) for w in rest)


def header_score(texts: list[str], report: ReportPeriod | None) -> int:
    """How much a row looks like an indicator-table header: period labels and known names count."""
    allow_serial = serial_row(texts)
    score = 0
    periods = 0
    for t in texts:
        col = _classify(t, "", report, allow_serial)  # read-only here: no copy needed
        if col.kind == "measure" and col.measure == "value":
            periods += 1
            score += 1
        elif col.kind in ("ref", "name") or (col.kind == "measure"):
            score += 1
    return score if periods >= 2 or score >= 4 else 0


def serial_row(texts: list[str]) -> bool:
    """Excel serial dates count only where several sit side by side, as in chart data (on a
    text layer and in OCR'd headers alike)."""
    n = sum(1 for t in texts if parse_month(_norm(t), allow_serial=True) and re.fullmatch(r"\d{5}(\.0+)?", _norm(t)))
    return n >= 3


_MISREAD_MONTH = re.compile(r"^[^\W\d_]{1,4}\W?\s*(\d{2}|\d{4})\W?$")


def _undate_if_unsure(header: list[str], cols: list[Column], newest: str) -> None:
    """Columns the newest month dates are left unread where the header may not show it."""
    if _newest_unsure(header, cols, newest):
        for c in cols:
            if c.kind == "measure" and c.measure != "value" and c.period == newest:
                c.kind = "ignore"


def _newest_unsure(header: list[str], cols: list[Column], newest: str) -> bool:
    """Whether the run of months may end later than its newest label read: a label beside its
    newer end that names nothing yet is shaped like a month misread (`ut 20` for `Oct 20`). The
    columns the newest month dates (changes, averages, maxima) would then be dated a month or two
    early: a wrong key. (A newest month printed twice, as the latest figure's own column, is
    usual in print.)"""
    at = [k for k, c in enumerate(cols) if c.kind == "measure" and c.measure == "value" and c.period == newest]
    older = [k for k, c in enumerate(cols) if c.kind == "measure" and c.measure == "value" and len(c.period) == 7]
    if not at or min(older) == max(older):
        return False
    k = max(at) + 1 if min(older) < min(at) else min(at) - 1
    return 0 <= k < len(cols) and cols[k].kind == "ignore" and bool(_MISREAD_MONTH.match(_norm(header[k])))


LIKE_NEIGHBOUR = 50  # rapidfuzz ratio of a misread month label to the label beside it (`08120274`, `07/2022`)


def _month(c: Column) -> bool:
    return c.kind == "measure" and c.measure == "value" and len(c.period) == 7


def _mend_month_runs(header: list[str], cols: list[Column], figures: list[bool | None] | None = None) -> None:
    """A column between two months a month either side of it is the month between them, where it
    reads as another month (`06/2022` twice, after `04/2022`), as a garble of its neighbour's
    label (`08120274` between `07/2022` and `09/2022`), or as nothing known over a body of
    figures (a header OCR lost, `` or `eg` for `Jun 22`, given `figures`: whether each column's
    body holds mostly figures): runs of months skip none, so the neighbours settle what an OCR
    misreading broke. A month printed twice at a run's end (the latest figure's own column) has
    no neighbour on one side and stays."""
    from rapidfuzz import fuzz

    for k in range(1, len(cols) - 1):
        a, c, b = cols[k - 1], cols[k], cols[k + 1]
        if not (_month(a) and _month(b)) or month_diff(b.period, a.period) != 2:
            continue
        implied = add_months(a.period, 1)
        garbled = c.kind == "ignore" and (
            max(fuzz.ratio(_norm(header[k]), _norm(header[j])) for j in (k - 1, k + 1)) >= LIKE_NEIGHBOUR
            or (figures is not None and k < len(figures) and bool(figures[k]))
        )
        if (_month(c) and c.period != implied) or garbled:
            cols[k] = replace(a, period=implied, header=c.header)


def build_model(
    header: list[str], bands: list[str], report: ReportPeriod | None, figures: list[bool | None] | None = None
) -> ColumnModel:
    """Columns from the header row and the band above it (`figures`: whether each column's body
    holds mostly figures, where the caller knows).

    Derived columns (change, DoT, RAG, 12-month figures) describe the table's own latest month, so a
    header with month columns sets the report period itself (a commentary label such as
    `Commentary (Oct-20)` first, else the newer end of the run of months: the rightmost, or the
    leftmost where they run back in time); `report` is used for quarter tables.
    """
    allow_serial = serial_row(header)
    months = [p for t in header if (p := parse_month(_norm(t), allow_serial=allow_serial))]
    for t in header:
        m = re.search(r"commentary\s*\(([^)]+)\)", t, re.I)
        if m and (month := parse_month(m.group(1))):
            months = [month]
            break
    if months:
        last = months[0] if months[0] > months[-1] else months[-1]
        report = ReportPeriod(int(last[:4]), int(last[5:]))
    cols = [classify(h, b, report, allow_serial=allow_serial) for h, b in zip(header, bands, strict=False)]
    _mend_month_runs(header, cols, figures)
    if report is not None and months:
        _undate_if_unsure(header, cols, report.label)
    if report is None:
        _annual_changes(cols)
    if not any(c.kind in ("name", "area") for c in cols):
        # an unlabelled first text column (chart data) holds the names
        for c in cols:
            if c.kind == "measure":
                break
            if c.kind == "ignore":
                c.kind = "name"
                break
    return ColumnModel(cols, report, list(header))
