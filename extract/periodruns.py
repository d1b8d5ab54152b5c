"""A header level's run of periods settles the labels in it that OCR garbled.

Period labels across a header count on one step at a time (`Feb-16` .. `May-16`, `Q2 2020/21` ..
`Q4 2020/21`, `Dec` `Jan` `Feb`), up or down. Where most of a level's labels parse and stand in
such a run, a label beside or inside the run that parses as nothing (`Jjun-16`, `Ql 2021/22`,
`Nar`) is the period the run puts there, if it still reads like that period's label: a header
word that continues no run (`Target`, `12 mth average`) reads like none and stands. A label
that parses as a period is never overruled (a bare month name inside or beside a run of dated
months, at the place the run puts that month, takes the run's year: `May` among `Jun22` and
`Apr 22`), and a level without a run of three is left as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .periods import MONTHS, parse_fy, parse_month, parse_quarter

MIN_RUN = 3  # labels in step a level needs before it settles any other
LIKE = 60  # rapidfuzz ratio from which a garbled label's letters read like the period's
DIGITS_LIKE = 80  # and its digits like the period's
FRAGMENT = 1  # letters of a label a scan mostly lost (`a` for `Aug22`); two (`No`) name columns
_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class _Place:
    """A label's place in its kind of sequence: months count on, quarters too, bare month names
    count round the year."""

    kind: str  # month | quarter | name
    n: int


@dataclass
class _Span:
    text: str
    cols: list[int]


def settle_level(level: list[str]) -> list[str]:
    """The level with its garbled period labels settled by the run they stand in (a spanning
    label repeated over its columns is one label)."""
    spans = _spans(level)
    places = [_place(s.text) for s in spans]
    out = list(level)
    for k, label in (_settled(spans, places) | _years_among_years(spans)).items():
        for c in spans[k].cols:
            out[c] = label
    return out


def _years_among_years(spans: list[_Span]) -> dict[int, str]:
    """`2011-12` beside `2012-13`: a label that reads both as a month (December 2011) and as a
    financial year, beside a label that reads only as the financial year one on or back from it
    (or beside one settled so) and beside no month, is that year (`2011/12`): months do not stand
    in a run of years."""
    out: dict[int, str] = {}
    years: dict[int, int] = {
        k: int(fy[2:6]) for k, s in enumerate(spans) if (fy := parse_fy(s.text)) and not parse_month(s.text.strip())
    }
    for _ in range(len(spans)):
        before = len(out)
        for k, span in enumerate(spans):
            fy = parse_fy(span.text)
            if k in out or not (fy and parse_month(span.text.strip())):
                continue
            start = int(fy[2:6])
            beside = [j for j in (k - 1, k + 1) if 0 <= j < len(spans)]
            if any(parse_month(spans[j].text.strip()) and not parse_fy(spans[j].text) for j in beside):
                continue
            if any(abs(years[j] - start) == 1 for j in beside if j in years):
                out[k] = f"{start}/{(start + 1) % 100:02d}"
                years[k] = start
        if len(out) == before:
            break
    return out


def _spans(level: list[str]) -> list[_Span]:
    out: list[_Span] = []
    for c, text in enumerate(level):
        if out and text and out[-1].text == text and out[-1].cols[-1] == c - 1:
            out[-1].cols.append(c)
        else:
            out.append(_Span(text, [c]))
    return out


def _place(text: str) -> _Place | None:
    t = text.strip()
    if not t:
        return None
    if month := parse_month(t):
        return _Place("month", int(month[:4]) * 12 + int(month[5:7]) - 1)
    if (quarter := parse_quarter(t)) and re.match(r"^FY\d{4}/\d{2}-Q[1-4]$", quarter):
        return _Place("quarter", int(quarter[2:6]) * 4 + int(quarter[-1]) - 1)
    word = t.lower().rstrip(".")
    if word.isalpha() and (n := MONTHS.get(word[:4] if word.startswith("sept") else word)):
        return _Place("name", n - 1)
    return None


def _step(a: _Place, b: _Place, apart: int, d: int) -> bool:
    """Whether `b`, `apart` labels after `a`, is where a run counting by `d` puts it."""
    if a.kind != b.kind:
        return False
    if a.kind == "name":
        return (b.n - a.n - d * apart) % 12 == 0
    return b.n - a.n == d * apart


def _settled(spans: list[_Span], places: list[_Place | None]) -> dict[int, str]:
    """The labels the level's best run settles, by span index."""
    best: tuple[int, int, int] | None = None  # (length, anchor, step)
    for a, pa in enumerate(places):
        for d in (1, -1):
            if pa is None:
                continue
            n = sum(1 for k, pk in enumerate(places) if pk is not None and _step(pa, pk, k - a, d))
            if n >= MIN_RUN and (best is None or n > best[0]):
                best = (n, a, d)
    if best is None:
        return {}
    _, a, d = best
    anchor = places[a] or _Place("", 0)  # a run's anchor parsed: it is one of its labels
    run = [k for k, pk in enumerate(places) if pk is not None and _step(anchor, pk, k - a, d)]
    dated = all(re.search(r"\d", spans[k].text) for k in run)
    out: dict[int, str] = {}
    for k in _candidates(spans, places, run[0], run[-1]):
        label = _label(_Place(anchor.kind, anchor.n + d * (k - a)))
        if _reads_like(spans[k].text, label, dated):
            out[k] = label
    for k in _undated(places, anchor, a, d, run[0], run[-1]):
        out[k] = _label(_Place(anchor.kind, anchor.n + d * (k - a)))
    return out


def _undated(places: list[_Place | None], anchor: _Place, a: int, d: int, lo: int, hi: int) -> list[int]:
    """Bare month names inside a run of dated months or next to its ends, each the month the run
    puts at its place: the year a scan lost under it (`May` over nothing, its `22` unread) is
    the run's."""
    if anchor.kind != "month":
        return []
    out = []
    for k in range(max(lo - 1, 0), min(hi + 2, len(places))):
        pk = places[k]
        if pk is not None and pk.kind == "name" and (anchor.n + d * (k - a) - pk.n) % 12 == 0:
            out.append(k)
    return out


def _candidates(spans: list[_Span], places: list[_Place | None], lo: int, hi: int) -> list[int]:
    """Unparsed labels inside the run, and those beside its ends up to the first that is a
    period or blank."""
    inside = [k for k in range(lo + 1, hi) if places[k] is None and spans[k].text.strip()]
    beside = []
    for start, step in ((lo - 1, -1), (hi + 1, 1)):
        k = start
        while 0 <= k < len(spans) and places[k] is None and spans[k].text.strip():
            beside.append(k)
            k += step
    return inside + beside


def _label(p: _Place) -> str:
    if p.kind == "name":
        return _NAMES[p.n % 12]
    if p.kind == "month":
        year, month = divmod(p.n, 12)
        return f"{_NAMES[month]} {year}"
    start, q = divmod(p.n, 4)
    return f"Q{q + 1} {start}/{(start + 1) % 100:02d}"


def _reads_like(text: str, label: str, dated: bool) -> bool:
    """The garbled label against the period's: its letters like the label's (`Jjun`, `Ql`, `Nar`;
    `Target` is no `Mar`), and its digits, where it has any, like the label's (a two-digit year
    printed for the four the label spells counts as the same); a letter alone that begins the
    label's name is what a scan left of it (`a` for `Aug22`); where its letters are the label's
    to the letter, its digits need only be as many (`Aug 2929`: a scan's blur closes a zero's
    counter, and only the run says which year it is). Where the run's labels print
    their years (`dated`), one with no digit at all is another column (`DoT` after `2021-09`)."""
    from rapidfuzz import fuzz

    letters, digits = _parts(text)
    want_letters, want_digits = _parts(label)
    if text.strip().isalpha() and len(text.strip()) <= FRAGMENT:
        return want_letters.startswith(letters)
    if fuzz.ratio(letters, want_letters) < LIKE:
        return False
    if not digits:
        return not dated
    short = want_digits[:-4] + want_digits[-2:] if len(want_digits) >= 4 else want_digits
    if letters == want_letters and len(digits) in (len(want_digits), len(short)):
        return True
    return max(fuzz.ratio(digits, want_digits), fuzz.ratio(digits, short)) >= DIGITS_LIKE


def _parts(text: str) -> tuple[str, str]:
    t = text.lower()
    return re.sub(r"[^a-z]", "", t), re.sub(r"[^0-9]", "", t)
