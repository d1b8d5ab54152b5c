"""A number whose readings disagree, settled by the row's own arithmetic, or left withheld.

Scorecard rows carry their proof-reading: the 12-month average and maximum and the % changes
are functions of the printed months (`checks.row_verdict`). Where one or a few cells of a row
have no majority among their readings, every combination of their readings is tried against
those checks with the row's agreed cells; a cell is settled only when all the combinations that
pass every check agree on its value and some alternative for it fails, so the arithmetic, not a
guess, picks it. Otherwise it stays below the confidence floor and is withheld.
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from ..checks import row_verdict
from ..columns import build_model
from ..grid import Grid
from ..page import Word
from ..periods import parse_month
from ..values import parse_number
from .cellread import _NUMBER, CellReading
from .engines import OcrEngine
from .labels import _rows, _text

MAX_DOUBTFUL = 3
RESOLVED = 0.9
DOUBT = 0.6  # the table logic's OCR floor: below it a number is withheld
_DERIVED = ("avg_12m", "max_12m", "change_prev", "change_year")


def _number_text(r: CellReading) -> str:
    digits = [w.text for w in r.words if any(ch.isdigit() for ch in w.text)]
    return digits[-1] if digits else ""


def _doubtful(r: CellReading) -> bool:
    """Readings taken but no number settled: no majority, or a rescue whose two readings differ."""
    nums = [w for w in r.words if any(ch.isdigit() for ch in w.text)]
    return bool(r.readings) and (not nums or any(w.conf < DOUBT for w in nums))


def resolve_rows(readings: list[CellReading], grids: list[Grid], engine: OcrEngine | None = None) -> int:
    """Settle what the arithmetic can; returns how many cells it settled."""
    header: dict[int, tuple[int, list[str]]] = {}
    for (g, row), cols in sorted(_rows(readings, grids).items()):
        if g in header or sum(parse_month(_text(r)) is not None for r in cols.values()) < 2:
            continue
        texts = [""] * grids[g].n_cols
        for c, r in cols.items():
            texts[c] = _text(r)
        header[g] = (row, texts)
    body: dict[tuple[int, int], dict[int, CellReading]] = {}
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        if r.cell.grid in header and c.row0 > header[r.cell.grid][0] and c.col1 - c.col0 == 1:
            body.setdefault((r.cell.grid, c.row0), {})[c.col0] = r
    models = {g: build_model(texts, [""] * len(texts), None) for g, (_, texts) in header.items()}
    rows = [(cols, models[g]) for (g, _row), cols in body.items() if models[g].report is not None]
    settled = sum(_percent_tails(cols, model) + _resolve_row(cols, model) for cols, model in rows)
    if engine is not None and engine.second is not None:
        settled += second_look(rows, engine.second)
    return settled


def _percent_tails(cols: dict[int, CellReading], model) -> int:
    """`13.08` in a row printed `13.0%`, `12.9%`, ...: at low resolution `%` reads as `8`. Where
    most of a row's values end in `%` with one number of decimals, a value with one decimal more
    ending in `8` is that misreading (a spreadsheet prints a row in one format)."""
    texts = {}
    for c, r in cols.items():
        col = model.columns[c] if c < len(model.columns) else None
        if col is not None and col.kind == "measure" and col.measure in ("value", "avg_12m", "max_12m"):
            texts[c] = _number_text(r)
    pct = [t for t in texts.values() if t.endswith("%")]
    if len(pct) < 3 or len(pct) < 0.6 * len(texts):
        return 0
    places = {len(t[:-1].partition(".")[2]) for t in pct}
    if len(places) != 1 or not (n := places.pop()):
        return 0
    tail = re.compile(rf"^\d+\.\d{{{n}}}8$")
    fixed = 0
    for c, t in texts.items():
        if tail.match(t):
            r = cols[c]
            r.words = [Word(t[:-1] + "%", w.x0, w.top, w.x1, w.bottom, True, min(w.conf, RESOLVED)) if w.text == t else w for w in r.words]
            fixed += 1
    return fixed


def _resolve_row(cols: dict[int, CellReading], model) -> int:
    report = model.report.label
    slots = _slots(cols, model)
    doubtful = [c for c in slots if _doubtful(cols[c])]
    if not doubtful or len(doubtful) > MAX_DOUBTFUL:
        return 0
    if any(not _number_text(cols[c]) or parse_number(_number_text(cols[c])) is None for c in slots if c not in doubtful and cols[c].readings):
        return 0
    options = {c: sorted({t for t in cols[c].readings if t and _NUMBER.match(t) and parse_number(t) is not None}) for c in doubtful}
    if any(not o for o in options.values()):
        return 0
    fixed = {c: _number_text(cols[c]) for c in slots if c not in doubtful}
    passing = [combo for combo in itertools.product(*(options[c] for c in doubtful))
               if _passes({**fixed, **dict(zip(doubtful, combo))}, slots, report)]
    n = 0
    for k, c in enumerate(doubtful):
        values = {parse_number(combo[k])[0] for combo in passing}
        if len(values) != 1 or len({parse_number(t)[0] for t in options[c]}) < 2:
            continue
        _set_number(cols[c], next(combo[k] for combo in passing))
        n += 1
    return n


def _slots(cols: dict[int, CellReading], model) -> dict[int, tuple[str, str]]:
    """Column -> (measure, period) for the cells the row's arithmetic covers. A measure two
    columns claim (`% change from Sep-20` and `% change from Oct-19` both read as change from
    last month, the report month unknown here) is left out: checking one against the other's
    arithmetic would "correct" a right value."""
    slots = {}
    for c in cols:
        col = model.columns[c] if c < len(model.columns) else None
        if col is not None and col.kind == "measure" and (col.measure in _DERIVED or (col.measure == "value" and len(col.period) == 7)):
            slots[c] = (col.measure, col.period)
    claimed = [m for m, _ in slots.values()]
    return {c: mp for c, mp in slots.items() if mp[0] == "value" or claimed.count(mp[0]) == 1}


def _passes(texts: dict[int, str], slots: dict[int, tuple[str, str]], report: str) -> bool:
    months = {slots[c][1]: t for c, t in texts.items() if slots[c][0] == "value"}
    derived = {slots[c][0]: t for c, t in texts.items() if slots[c][0] != "value"}
    applied, failed = row_verdict(months, derived, report)
    return bool(applied) and not failed


def _set_number(r: CellReading, text: str) -> None:
    h, w = r.cell.image.shape
    keep = [x for x in r.words if not any(ch.isdigit() for ch in x.text)]
    x0 = min((x.x0 for x in r.words if any(ch.isdigit() for ch in x.text)), default=0)
    r.words = keep + [Word(text, x0, 0, w, h, True, RESOLVED)]


MAX_OPEN = 6  # cells of one row whose readings are tried against each other
_CHANGE = ("change_prev", "change_year")


def second_look(rows: list[tuple[dict[int, CellReading], object]], engine: OcrEngine) -> int:
    """Rows whose settled numbers break their own arithmetic, read again by an independent engine.

    Two tesseract readings that agree can still agree on the same mistake (`7` for a blurred
    `997`), and both engines lose the faint minus of a `-8%`. Every number of such a row is read
    by the second engine; each cell's candidates are its settled reading, the second engine's,
    and for a % change the same figure with the sign OCR drops most. Of all combinations, the
    values that make every check pass must be the same in each passing one, else nothing
    changes. Rows whose numbers pass are never read again: this costs only where print is in doubt."""
    todo = []
    for cols, model in rows:
        slots = _slots(cols, model)
        texts = {c: _number_text(cols[c]) for c in slots}
        months = {slots[c][1]: t for c, t in texts.items() if slots[c][0] == "value"}
        derived = {slots[c][0]: t for c, t in texts.items() if slots[c][0] != "value"}
        applied, failed = row_verdict(months, derived, model.report.label)
        if failed:
            todo.append((cols, slots, texts, model.report.label))
    cells = [cols[c] for cols, slots, _, _ in todo for c in slots]
    if not cells:
        return 0
    got = engine.read_images([np.pad(r.cell.image, ((0, 0), (6, 6)), constant_values=255) for r in cells], numeric=True)
    alt = {id(r): "".join(w.text for w in words) for r, words in zip(cells, got)}
    n = 0
    for cols, slots, texts, report in todo:
        options = {c: _candidates(texts[c], alt[id(cols[c])], slots[c][0] in _CHANGE) for c in slots}
        open_ = [c for c in slots if len(options[c]) > 1]
        if not open_ or len(open_) > MAX_OPEN:
            continue
        passing = [combo for combo in itertools.product(*(options[c] for c in open_))
                   if _passes({**texts, **dict(zip(open_, combo))}, slots, report)]
        for k, c in enumerate(open_):
            values = {parse_number(combo[k])[0] for combo in passing}
            if len(values) == 1 and parse_number(texts[c] or "x") is None or (
                    len(values) == 1 and values != {parse_number(texts[c])[0]}):
                text = passing[0][k]
                cols[c].readings.append(text)
                _set_number(cols[c], text)
                n += 1
    return n


def _candidates(settled: str, second: str, change: bool) -> list[str]:
    out = []
    for t in (settled, second):
        if t and _NUMBER.match(t) and parse_number(t) is not None and all(parse_number(t) != parse_number(o) for o in out):
            out.append(t)
    if change:
        out += ["-" + t for t in out if not t.startswith(("-", "\u2212", "–")) and parse_number(t)[0] != 0 and "-" + t not in out]
    return out
