"""Period labels as councils print them, resolved to one canonical form.

Months become `YYYY-MM`, financial years `FY2013/14`, quarters `FY2014/15-Q2`, calendar years
`YYYY`, and a run of months (a financial year to date) `YYYY-MM/YYYY-MM`. A bare `Q1` or a
two-digit year only means something against the report's own period, so parsing takes an optional
`ReportPeriod` and returns None where the label cannot be placed rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_WORD = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# `Jul-232`: a two-digit year followed by a footnote digit printed inline
_MONTH_RE = re.compile(rf"^{_MONTH_WORD}(?P<sep>[\s\-'/.]*)(?P<year>\d{{4}}|\d{{2}})(?P<note>[¹²³\d*†]?)$", re.I)
_ISO_DATE_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?:[ T]00:00(?::00)?)?$")
_UK_DATE_RE = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})$")
_FY_RE = re.compile(r"^(?:fy\s*)?(?P<a>(?:19|20)?\d{2})\s*[/\-–]\s*(?P<b>\d{2}|\d{4})$", re.I)
_FY_PART = r"(?:fy\s*)?(?:19|20)?\d{2}\s*[/\-–]\s*\d{2,4}"
FY_IN_TEXT = re.compile(_FY_PART, re.I)  # a financial year anywhere in a label
_QUARTER_RE = re.compile(
    rf"\b(?:Q|Qtr\.?\s*|Quarter\s*)(?P<q>[1-4])\b(?:\s*(?P<fy>{_FY_PART}))?|(?P<fy2>{_FY_PART})\s*,?\s*Q(?P<q2>[1-4])\b",
    re.I,
)
_MM_YYYY_RE = re.compile(r"^(?P<m>\d{1,2})/(?P<y>\d{4})$")
_CALENDAR_YEAR_RE = re.compile(r"^(?P<y>(?:19[89]|20[0-5])\d)$")
_MONTH_RUN_RE = re.compile(
    rf"{_MONTH_WORD.replace('?P<mon>', '?P<m1>')}(?:[\s\-']*(?P<y1>\d{{4}}|\d{{2}}))?\s*(?:[-–]|to)\s*"
    rf"{_MONTH_WORD.replace('?P<mon>', '?P<m2>')}[\s\-']*(?P<year>\d{{4}}|\d{{2}})",
    re.I,
)
_TO_DATE = re.compile(r"to\s+date|\bytd\b|cumulative", re.I)
_SERIAL_RE = re.compile(r"^\d{5}(?:\.0+)?$")

# Excel serials for 1990..2060: a five-digit header outside this range is not a date.
SERIAL_MIN, SERIAL_MAX = 32874, 58439


@dataclass(frozen=True)
class ReportPeriod:
    """The period a document reports on, used to place quarters and relative labels."""

    year: int
    month: int

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def fy_start(self) -> int:
        return self.year if self.month >= 4 else self.year - 1

    def shift(self, months: int) -> str:
        return add_months(self.label, months)


def fy_label(start_year: int) -> str:
    return f"FY{start_year:04d}/{(start_year + 1) % 100:02d}"


def add_months(period: str, months: int) -> str:
    y, m = int(period[:4]), int(period[5:7])
    y2, m2 = divmod(m - 1 + months, 12)
    return f"{y + y2:04d}-{m2 + 1:02d}"


def month_diff(a: str, b: str) -> int:
    """Months from b to a, for YYYY-MM labels."""
    return (int(a[:4]) - int(b[:4])) * 12 + int(a[5:7]) - int(b[5:7])


def _year(text: str) -> int:
    y = int(text)
    if y >= 100:
        return y
    return y + (2000 if y < 70 else 1900)


def from_serial(serial: float) -> str | None:
    if not (SERIAL_MIN <= serial <= SERIAL_MAX):
        return None
    d = dt.date(1899, 12, 30) + dt.timedelta(days=int(serial))
    return f"{d.year:04d}-{d.month:02d}"


_MONTH_LOOKALIKE_YEAR = re.compile(rf"^{_MONTH_WORD}(?P<sep>[\s\-'/.]*)(?P<year>\S{{4}}|\S{{2}})$", re.I)


def respelt_month(text: str, lookalikes: Mapping[str, str]) -> str | None:
    """A month label whose year OCR read partly as letters (`Jull6`, `Aug 2O17`): the label with
    those letters put back as the digits they resemble (`lookalikes`, data), when it then names a
    month. The year must keep a digit of its own: a month's name and a word stay as printed."""
    t = " ".join(text.split())
    m = _MONTH_LOOKALIKE_YEAR.match(t)
    if m is None or parse_month(t):
        return None
    year = m.group("year")
    if not any(ch.isdigit() for ch in year) or not all(ch.isdigit() or ch in lookalikes for ch in year):
        return None
    fixed = t[: m.start("year")] + "".join(lookalikes.get(ch, ch) for ch in year)
    return fixed if parse_month(fixed) else None


_FY_AND_CODE = (
    re.compile(rf"^(?P<fy>{_FY_PART})\s+(?P<q>\S)(?P<n>[1-4])$", re.I),
    re.compile(rf"^(?P<q>\S)(?P<n>[1-4])\s+(?P<fy>{_FY_PART})$", re.I),
)


def respelt_quarter(text: str, lookalikes: Mapping[str, str]) -> str | None:
    """A quarter label whose `Q` OCR read as a character it takes for the same digit (`2020/21 02`,
    `O3 2019/20`): the label, `Q` put back, when the rest is a financial year. The label must be
    the year and that code alone; any other word and the code may mean something else."""
    t = " ".join(text.split())
    m = next((m for p in _FY_AND_CODE if (m := p.match(t))), None)
    if m is None or parse_quarter(t) or parse_fy(m.group("fy")) is None:
        return None
    twin = lookalikes.get("Q")
    if twin is None or not (m.group("q") == twin or lookalikes.get(m.group("q")) == twin):
        return None
    return f"Q{m.group('n')} {m.group('fy')}"


def respelt_quarter_code(text: str, lookalikes: Mapping[str, str]) -> str | None:
    """A quarter's code alone whose digit OCR read as a letter like it (`Ql`, `QZ`), its year in
    a band above: the code with the digit put back (`lookalikes`, data)."""
    t = text.strip()
    digit = lookalikes.get(t[1:], "") if len(t) == 2 and t[0] == "Q" else ""
    return f"Q{digit}" if digit in ("1", "2", "3", "4") else None


def parse_month(text: str, *, allow_serial: bool = False) -> str | None:
    """`Oct-20`, `Oct 20`, `October 2020`, `Oct-2020`, `2020-10-01`, `31/10/2020`, (serial 44135)."""
    t = " ".join(text.split()).strip(" .:'\"‘’“”")
    if not t:
        return None
    if len(t) > 2 and t[0].islower() and t[1] == t[0].upper():
        t = t[1:]  # `jJun-17`: a capital read twice, as its small letter too (no month starts so)
    m = _MONTH_RE.match(t)
    if m and not (m.group("note").isdigit() and not m.group("sep").strip()):  # `Jan 120` is no `Jan 12`
        mon = m.group("mon").lower()
        num = MONTHS.get(mon[:4] if mon.startswith("sept") else mon[:3]) or _MONTH_NAMES.get(mon)
        year = _year(m.group("year"))
        return f"{year:04d}-{num:02d}" if _CALENDAR_YEAR_RE.match(str(year)) else None  # `Oct 1074`: a figure
    m = _ISO_DATE_RE.match(t)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{m.group('y')}-{m.group('m')}"
    m = _UK_DATE_RE.match(t)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{_year(m.group('y')):04d}-{int(m.group('m')):02d}"
    m = _MM_YYYY_RE.match(t)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{m.group('y')}-{int(m.group('m')):02d}"
    if allow_serial and _SERIAL_RE.match(t):
        return from_serial(float(t))
    return None


def parse_fy(text: str) -> str | None:
    """`2013/14`, `2013-14`, `17-18`, `FY2013/14`, `21/22` -> `FY2013/14`; must be consecutive years."""
    m = _FY_RE.match(text.strip())
    if not m:
        return None
    a = _year(m.group("a"))
    b = int(m.group("b")) % 100
    if (a + 1) % 100 != b:
        return None
    return fy_label(a)


def starts_year(label: str, fiscal: bool) -> bool:
    """Whether a header's period label opens a year of the bands' kind over it: `Q1` (a
    quarter's year is the financial one), `Apr` under financial years, `Jan` under calendar ones."""
    m = _QUARTER_RE.search(label)
    if m:
        return (m.group("q") or m.group("q2")) == "1"
    words = label.split()
    return bool(words) and _month_number(words[0]) == (4 if fiscal else 1)


def parse_quarter(text: str, report: ReportPeriod | None = None) -> str | None:
    """`Q1`, `Latest Result (Q2)`, `Q2 2014/15` -> `FY2014/15-Q2` (FY from the label or the report)."""
    m = _QUARTER_RE.search(text)
    if not m:
        return _quarter_of_months(text)
    q, fy_text = (m.group("q"), m.group("fy")) if m.group("q") else (m.group("q2"), m.group("fy2"))
    fy = parse_fy(fy_text) if fy_text else None
    if fy is None:
        if report is None:
            return None
        fy = fy_label(report.fy_start)
    return f"{fy}-Q{q}"


def period_label(text: str) -> bool:
    """A header naming a period, or a month alone (`Feb.`): its year stands in a band above it."""
    t = text.strip().lower().rstrip(".")
    return bool(parse_period(t) or (t[:3] in MONTHS and t.isalpha() and len(t) <= 9))


def month_name(text: str) -> int | None:
    """A month's name alone (`Jun`, `Sept.`, `July`), its year printed elsewhere (a band above):
    the month's number."""
    t = text.strip().lower().rstrip(".")
    return MONTHS.get(t) or _MONTH_NAMES.get(t)


def _month_number(word: str) -> int:
    w = word.lower()
    return MONTHS.get(w[:4] if w.startswith("sept") else w[:3]) or _MONTH_NAMES.get(w, 0)


def month_run(text: str) -> tuple[str, str] | None:
    """`Apr-Jun 2020`, `Apr to Oct 20`: the first and last month (the year is the last month's;
    a run over January starts the year before)."""
    m = _MONTH_RUN_RE.search(text)
    if not m:
        return None
    m1, m2, year = _month_number(m.group("m1")), _month_number(m.group("m2")), _year(m.group("year"))
    start_year = _year(m.group("y1")) if m.group("y1") else (year if m1 <= m2 else year - 1)
    return f"{start_year:04d}-{m1:02d}", f"{year:04d}-{m2:02d}"


def _quarter_of_months(text: str) -> str | None:
    """`Apr-Jun 2020` is the first quarter of 2020/21; a run to date is not a quarter."""
    run = month_run(text)
    if run is None or _TO_DATE.search(text) or month_diff(run[1], run[0]) != 2:
        return None
    first = int(run[0][5:])
    if (first - 4) % 3:
        return None
    fy_start = int(run[0][:4]) if first >= 4 else int(run[0][:4]) - 1
    return f"{fy_label(fy_start)}-Q{(first - 4) % 12 // 3 + 1}"


def parse_span(text: str) -> str | None:
    """`Year to date (Apr-Oct 2020)` -> `2020-04/2020-10`: a run of months that is no quarter."""
    run = month_run(text)
    if run is None or (_quarter_of_months(text) and not _TO_DATE.search(text)):
        return None
    return f"{run[0]}/{run[1]}"


def parse_year(text: str) -> str | None:
    """A plain calendar year, `2019`."""
    m = _CALENDAR_YEAR_RE.match(text.strip())
    return m.group("y") if m else None


def month_in_fy(text: str, fy: str) -> str | None:
    """`Jan` under a `2020/21` band is January 2021: a month word placed in a financial year."""
    t = text.strip(" .:").lower()
    num = _month_number(t) if re.fullmatch(r"[a-z]{3,9}", t) else 0
    if not num:
        return None
    start = int(fy[2:6])
    return f"{start if num >= 4 else start + 1:04d}-{num:02d}"


def parse_period(text: str, report: ReportPeriod | None = None, *, allow_serial: bool = False) -> str | None:
    """Any period label this module understands, or None."""
    t = " ".join(text.split())
    short = len(t) <= 32
    return (
        parse_month(t, allow_serial=allow_serial)
        or parse_fy(t)
        or (parse_quarter(t, report) if short else None)
        or (parse_span(t) if short else None)
        or parse_year(t)
    )


def quarter_end(label: str) -> ReportPeriod:
    """The last month of `FY2014/15-Q2` (Sep 2014), to act as a report period."""
    start = int(label[2:6])
    q = int(label[-1])
    month = 3 + 3 * q
    year = start if month <= 12 else start + 1
    return ReportPeriod(year, month if month <= 12 else month - 12)


def find_report_period(text: str) -> ReportPeriod | None:
    """The report's own period from a title or header: `Commentary (Oct-20)`, `Q2 2014/15`, `October 2020`."""
    m = re.search(r"\bQ([1-4])\s+((?:20)?\d{2}\s*/\s*\d{2})", text)
    if m:
        fy = parse_fy(m.group(2))
        if fy:
            return quarter_end(f"{fy}-Q{m.group(1)}")
    m = re.search(r"commentary\s*\(([^)]+)\)", text, re.I)
    if m:
        p = parse_month(m.group(1))
        if p:
            return ReportPeriod(int(p[:4]), int(p[5:]))
    # only spelled-out titles ("October 2020"): abbreviated labels on a page are column headers
    for m in re.finditer(rf"\b{_MONTH_WORD}[\s\-']+(\d{{4}})\b", text, re.I):
        p = parse_month(m.group(0))
        if p:
            return ReportPeriod(int(p[:4]), int(p[5:]))
    return None
