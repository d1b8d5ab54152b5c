"""Numbers settled by the row's own arithmetic, or left withheld.

Scorecard rows carry their proof-reading: the 12-month average and maximum and the % changes
are functions of the printed months (`checks.row_verdict`). A row with doubtful cells (readings
without a majority), or whose agreed numbers break those checks, has every combination of its
cells' candidate readings tried against them: the readings taken, the second engine's and the
page's own glyphs' (`pagefont`) readings of a failing row's numbers, and the two misreadings OCR
makes most on blurred print, a lost minus sign and a lost decimal point. A cell changes only when
every combination that passes every check gives it the same value, so the arithmetic, not a guess,
picks it; otherwise a doubtful
cell stays below the confidence floor and is withheld. Separately, `%` read as `8` is undone in a
row printed as percentages.
"""

from __future__ import annotations

import itertools
import math
import re

from ..checks import row_verdict
from ..columns import ColumnModel, build_model
from ..grid import Grid
from ..page import Word
from ..values import ARROWS, parse_number
from .cellread import NUMBER_RE, CellReading, side_padded
from .engines import OcrEngine
from .labels import month_row, reading_text, readings_by_row

RESOLVED = 0.9
DOUBT = 0.6  # the table logic's OCR floor: below it a number is withheld
_DERIVED = ("avg_12m", "max_12m", "change_prev", "change_year")


def _number_text(r: CellReading) -> str:
    digits = [w.text for w in r.words if any(ch.isdigit() for ch in w.text)]
    return digits[-1] if digits else ""


def is_doubtful(r: CellReading) -> bool:
    """Readings taken but no number settled: no majority, or a rescue whose two readings differ."""
    nums = [w for w in r.words if any(ch.isdigit() for ch in w.text)]
    return bool(r.readings) and (not nums or any(w.conf < DOUBT for w in nums))


def resolve_rows(readings: list[CellReading], grids: list[Grid], engine: OcrEngine | None = None, font=None) -> int:
    """Settle what the arithmetic can; returns how many cells it settled. `font` (giving the
    page's `pagefont.PageFont`, learned on first use) reads a failing row's numbers as the page
    prints them."""
    header: dict[int, tuple[int, list[str]]] = {}
    for (g, row), cols in sorted(readings_by_row(readings, grids).items()):
        if g in header or not month_row(cols):
            continue
        texts = [""] * grids[g].n_cols
        for c, r in cols.items():
            texts[c] = reading_text(r)
        header[g] = (row, texts)
    body: dict[tuple[int, int], dict[int, CellReading]] = {}
    for r in readings:
        cell = grids[r.cell.grid].cells[r.cell.cell]
        if r.cell.grid in header and cell.row0 > header[r.cell.grid][0] and cell.col1 - cell.col0 == 1:
            body.setdefault((r.cell.grid, cell.row0), {})[cell.col0] = r
    models = {g: build_model(texts, [""] * len(texts), None) for g, (_, texts) in header.items()}
    second = engine.second if engine is not None else None
    settled = points_read_again([(cols, models[g]) for (g, _row), cols in body.items()], second)
    rows = [(cols, models[g]) for (g, _row), cols in body.items() if models[g].report is not None]
    settled += sum(_percent_tails(cols, model) for cols, model in rows)
    return settled + settle_rows(rows, second, font)


def points_read_again(rows: list[tuple[dict[int, CellReading], ColumnModel]], second: OcrEngine | None) -> int:
    """Figures read without the decimal point their row prints (`802` among `58.0`, `75.5`), read
    again by the second engine: where it reads the point between the same digits, the point is
    printed. The point is the smallest glyph a scan loses, and tesseract drops it in whole runs
    of a row; two things say it is there, the row's format (three of its figures print it) and
    an engine unrelated to the one that lost it. The row's arithmetic, where it has some, checks
    the result as it checks any reading."""
    todo: list[tuple[CellReading, str]] = []
    for cols, model in rows:
        figures = {c: _number_text(r) for c, r in cols.items() if _figure_of_row(model, c)}
        places = _pointed_places(list(figures.values()))
        todo += [(cols[c], p) for c, t in figures.items() if places and (p := _with_point(t, places))]
    if second is None or not todo:
        return 0
    got = second.read_images([side_padded(r) for r, _ in todo], numeric=True)
    n = 0
    for (r, pointed), words in zip(todo, got, strict=True):
        if "".join(w.text for w in words) == pointed:
            set_number(r, pointed, note="point_read_again")
            n += 1
    return n


def _figure_of_row(model: ColumnModel, c: int) -> bool:
    """A column whose figures share the row's number format: not a change (`+3%` beside `45.2`)."""
    col = model.columns[c] if c < len(model.columns) else None
    return col is not None and col.kind == "measure" and col.measure not in _CHANGE


def _percent_tails(cols: dict[int, CellReading], model: ColumnModel) -> int:
    """`13.08` in a row printed `13.0%`, `12.9%`, ...: at low resolution `%` reads as `8` (or `5`,
    `6`). Where most of a row's values end in `%`, most of those with one number of decimals, a
    value with one decimal more and no `%` is that misreading (a spreadsheet prints a row in one
    format)."""
    texts = {}
    for c, r in cols.items():
        col = model.columns[c] if c < len(model.columns) else None
        if col is not None and col.kind == "measure" and col.measure in ("value", "avg_12m", "max_12m"):
            texts[c] = _number_text(r)
    pct = [t for t in texts.values() if t.endswith("%")]
    if len(pct) < 3 or len(pct) < 0.6 * len(texts) or not (n := _row_places(pct)):
        return 0
    tail = re.compile(rf"^\d+\.\d{{{n}}}\d$")
    fixed = 0
    for c, t in texts.items():
        if tail.match(t):
            r = cols[c]
            r.words = [
                Word(t[:-1] + "%", w.x0, w.top, w.x1, w.bottom, True, min(w.conf, RESOLVED), note="percent_restored")
                if w.text == t
                else w
                for w in r.words
            ]
            fixed += 1
    return fixed


def _slots(cols: dict[int, CellReading], model: ColumnModel) -> dict[int, tuple[str, str]]:
    """Column -> (measure, period) for the cells the row's arithmetic covers. A measure two
    columns claim (`% change from Sep-20` and `% change from Oct-19` both read as change from
    last month, the report month unknown here) is left out: checking one against the other's
    arithmetic would "correct" a right value."""
    slots = {}
    for c in cols:
        col = model.columns[c] if c < len(model.columns) else None
        if (
            col is not None
            and col.kind == "measure"
            and (col.measure in _DERIVED or (col.measure == "value" and len(col.period) == 7))
        ):
            slots[c] = (col.measure, col.period)
    claimed = [m for m, _ in slots.values()]
    return {c: mp for c, mp in slots.items() if mp[0] == "value" or claimed.count(mp[0]) == 1}


def _verdict(texts: dict[int, str], slots: dict[int, tuple[str, str]], report: str) -> tuple[int, int]:
    months = {slots[c][1]: t for c, t in texts.items() if slots[c][0] == "value"}
    derived = {slots[c][0]: t for c, t in texts.items() if slots[c][0] != "value"}
    return row_verdict(months, derived, report)


def _passes(texts: dict[int, str], slots: dict[int, tuple[str, str]], report: str) -> bool:
    applied, failed = _verdict(texts, slots, report)
    return bool(applied) and not failed


def set_number(r: CellReading, text: str, note: str = "check_resolved", conf: float = RESOLVED) -> None:
    """The cell's number becomes `text`; an arrow or a word (`*Prov`) beside it stays, the
    misreadings go (`Ww` for a blurred `-1%`)."""
    h, w = r.cell.image.shape
    keep = [
        x
        for x in r.words
        if x.text
        and (
            not x.text.strip(ARROWS + " ")
            or (sum(ch.isalpha() for ch in x.text) >= 3 and not any(ch.isdigit() for ch in x.text))
        )
    ]
    x0 = min((x.x0 for x in r.words if any(ch.isdigit() for ch in x.text)), default=0)
    r.words = keep + [Word(text, x0, 0, w, h, True, conf, note=note)]


MAX_COMBOS = 16384  # combinations of a row's open cells' readings tried against its checks
_CHANGE = ("change_prev", "change_year")


def settle_rows(rows: list[tuple[dict[int, CellReading], ColumnModel]], second: OcrEngine | None, font=None) -> int:
    """Each row's doubtful numbers, and the settled numbers of a row that breaks its own
    arithmetic, tried against every check the row prints.

    A cell's candidates are its readings (all of them, if no majority settled it), the second
    engine's reading and the page's own glyphs' (taken for every number of a failing row: two
    tesseract readings can agree on one mistake, `7` for a blurred `997`), for a % change in
    doubt the same figure with the sign OCR loses most, and in a failing row a figure without
    the decimal point the row prints. A value is taken only where every combination that passes
    every check gives it, and some alternative for the cell fails: the arithmetic chooses, not a
    guess. Rows that pass with no doubtful cell are never read again."""
    plans = []
    for cols, model in rows:
        slots = _slots(cols, model)
        texts = {c: _number_text(cols[c]) for c in slots}
        doubtful = {c for c in slots if is_doubtful(cols[c])}
        firm = {c: t for c, t in texts.items() if c not in doubtful}
        report = _report_label(model)
        failing = bool(_verdict(firm, slots, report)[1])
        if doubtful or failing:
            plans.append((cols, slots, texts, doubtful, failing, report))
    alt: dict[int, list[str]] = {}
    cells = [cols[c] for cols, slots, _, _, failing, _ in plans if failing for c in slots]
    if second is not None and cells:
        got = second.read_images([side_padded(r) for r in cells], numeric=True)
        alt = {id(r): ["".join(w.text for w in words)] for r, words in zip(cells, got, strict=False)}
    if font is not None and cells and (glyphs := font()) is not None:
        for r in cells:
            alt.setdefault(id(r), []).append(glyphs.read_cell(r))
    return sum(_settle_row(*plan, alt) for plan in plans)


def _report_label(model: ColumnModel) -> str:
    """The period the row's arithmetic is checked for: `resolve_rows` settles only rows whose
    model has one."""
    if model.report is None:
        raise ValueError("a row without a report period has no arithmetic to settle")
    return model.report.label


def _settle_row(cols, slots, texts, doubtful, failing, report, alt) -> int:
    places = _pointed_places([texts[c] for c in slots if slots[c][0] not in _CHANGE and c not in doubtful])
    options = {}
    for c in slots:
        r = cols[c]
        seen = list(r.readings) if c in doubtful else [texts[c]]
        options[c] = _candidates(seen + alt.get(id(r), []), (failing or c in doubtful) and slots[c][0] in _CHANGE)
        if failing and places and slots[c][0] not in _CHANGE:
            options[c] += [v for v in (_with_point(t, places) for t in options[c]) if v and v not in options[c]]
    probes: dict[int, list[str]] = {}
    for c in doubtful:
        if len(options[c]) == 1:
            probes[c] = [
                p
                for p in sorted({cols[c].unfit, _probe(options[c][0], slots[c][0] in _CHANGE)} - {""})
                if parse_number(p) not in (None, parse_number(options[c][0]))
            ]
            options[c] += probes[c]
    open_ = [c for c in slots if len(options[c]) > 1]
    if not open_ or math.prod(len(options[c]) for c in open_) > MAX_COMBOS:
        return 0
    fixed = {c: t for c, t in texts.items() if c not in open_ and c not in doubtful}
    passing = _passing(open_, options, fixed, slots, report)
    if not passing:
        # no reading of some doubtful cell fits (`7` for a blurred `0` under a maximum of 2): if
        # leaving exactly one such cell out lets the rest pass, the rest is settled without it
        retry = []
        for c in (c for c in open_ if c in doubtful):
            rest = [d for d in open_ if d != c]
            if got := _passing(rest, options, fixed, slots, report):
                retry.append((rest, got))
        if len(retry) != 1:
            return 0
        open_, passing = retry[0]
    n = 0
    for k, c in enumerate(open_):
        probe = probes.get(c, [])
        values = {_value(combo[k]) for combo in passing if combo[k] not in probe}
        if len(values) != 1 or (probe and {combo[k] for combo in passing} >= set(probe)):
            continue
        text = next(combo[k] for combo in passing if combo[k] not in probe)
        if c in doubtful or parse_number(text) != parse_number(texts[c] or "x"):
            set_number(cols[c], text)
            n += 1
    return n


def _passing(open_: list[int], options, fixed: dict[int, str], slots, report: str) -> list[tuple[str, ...]]:
    """The combinations of the open cells' options that pass every check the row prints."""
    return [
        combo
        for combo in itertools.product(*(options[c] for c in open_))
        if _passes({**fixed, **dict(zip(open_, combo, strict=False))}, slots, report)
    ]


def _probe(text: str, change: bool) -> str:
    """Another value for a doubtful cell with one candidate left: the arithmetic confirms the
    candidate only if it rules out this probe or the reading the ink ruled out (`inkfit`), so a
    check that does not reach the cell confirms nothing. A change's probe is its sign flipped,
    any other value's a figure far from it. Probes are never taken."""
    p = parse_number(text)
    if p is None:
        return ""
    pct = "%" if text.endswith("%") else ""
    if change:
        return text[1:] if text.startswith("-") else ("-" + text if p[0] else "")
    return f"{p[0] * 2 + 1:g}{pct}"


def _row_places(texts: list[str]) -> int:
    """Decimal places most of a row's figures print with (a spreadsheet formats a row alike)."""
    places = [len(t.rstrip("%").partition(".")[2]) for t in texts if t and any(ch.isdigit() for ch in t)]
    best = max(set(places), key=places.count, default=0)
    return best if places.count(best) >= 3 and places.count(best) >= 0.6 * len(places) else 0


def _pointed_places(texts: list[str]) -> int:
    """Decimal places three or more of a row's figures print with: a spreadsheet formats a row
    alike, so where a scan lost the point (the smallest glyph) in half a row's figures, those
    print it too. Only a candidate: the row's arithmetic (a 12-month average pins every month
    to a tenth) says which lost it."""
    places = [len(t.rstrip("%").partition(".")[2]) for t in texts if t and any(ch.isdigit() for ch in t)]
    pointed = [p for p in places if p]
    best = max(set(pointed), key=pointed.count, default=0)
    return best if pointed.count(best) >= 3 else 0


def _with_point(text: str, places: int) -> str:
    """`86%` -> `8.6%` in a row printed with one decimal: the point is the smallest glyph a scan
    loses."""
    digits = text.rstrip("%")
    if "." in digits or not digits.isdigit() or len(digits) <= places:
        return ""
    return f"{digits[:-places]}.{digits[-places:]}" + text[len(digits) :]


def _candidates(seen: list[str], flip: bool) -> list[str]:
    out: list[str] = []
    for t in seen:
        if (
            t
            and NUMBER_RE.match(t)
            and parse_number(t) is not None
            and all(parse_number(t) != parse_number(o) for o in out)
        ):
            out.append(t)
    if flip:
        out += ["-" + t for t in out if not t.startswith(("-", "\u2212", "–", "(")) and _value(t) != 0]
    return out


def _value(text: str) -> float:
    """A candidate's number: only readings that parse become candidates."""
    p = parse_number(text)
    if p is None:
        raise ValueError(f"candidate {text!r} is not a number")
    return p[0]
