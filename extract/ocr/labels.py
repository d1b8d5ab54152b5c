"""Header labels and row references: the cells whose misreading costs a whole column or row.

A misread number loses one value; a misread month header loses the column, a misread ref the
row's identity. So both get the care numbers get, plus what the table itself says about them:

- A header cell that is not a month label is read again, larger, as one line of text.
- Month headers run in steps of one month from column to column. A label still unreadable
  between two readable ones, or at the end of such a run, is the one the run implies; at the
  ends only a short cell that is no other kind of header qualifies, and the run must hold at
  least three labels that agree with each other.
- A reference is read again as one line; a reading shaped like a reference (`M1`, `EH3a%`,
  `CP3-QL`) beats one that is not (`Mi`), and two readings shaped like different references are
  settled by a third, or the first reading stands.
- The header is read before the body, so the body's commentary-like columns need not be read.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from ..grid import Grid
from ..page import Word
from ..periods import (
    FY_IN_TEXT,
    add_months,
    month_diff,
    month_name,
    parse_fy,
    parse_month,
    parse_period,
    parse_quarter,
    parse_year,
    respelt_quarter,
)
from ..vocabulary import VOCABULARY
from .cellread import CellReading, scale_of
from .engines import OcrEngine
from .layout import CellImage

HEADER_ROWS = 12
MIN_REFS = 3  # cells a column without a header needs to be known as references by their shape
MOSTLY = 2 / 3  # share of those cells shaped as references
SURE = 0.85  # tesseract's own word confidence above which a reference is not read again
MAX_LETTERS = 5  # capitals of a reading with no number whose last ones may stand for it
SCALE = 2.0
THIRD = 2.8
REF_SHAPE = re.compile(
    r"^[A-Z](?:[A-Z]|&(?=[A-Z])){0,4}[ -]?\d{1,3}[a-zA-Z]?%?(-[A-Z]{1,4})?%?( \((val|%|no|[a-z]{1,4})\))?$"
)  # `M1`, `EH3a%`, `CP3-QL (val)`, `LAC 10`, `WR-1`
REF_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-%()& "  # `(vel)`, `R&B1` are printed too
_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def reading_text(r: CellReading) -> str:
    return " ".join(w.text for w in r.words).strip()


def row_months(cols: dict[int, CellReading]) -> dict[int, str | None]:
    """Each cell's month, dated as the text layer's header reader dates it (`columns.serial_row`:
    Excel serials where several stand side by side), so an OCR'd header of chart data is one."""
    from ..columns import serial_row

    texts = {c: reading_text(r) for c, r in cols.items()}
    serial = serial_row(list(texts.values()))
    return {c: parse_month(t, allow_serial=serial) for c, t in texts.items()}


def month_labels(cols: dict[int, CellReading]) -> dict[int, bool]:
    """Each cell: a month label, dated (`row_months`) or a month's name alone (`Jun`), its year
    printed in a band above."""
    months = row_months(cols)
    return {c: months[c] is not None or month_name(reading_text(r)) is not None for c, r in cols.items()}


def month_row(cols: dict[int, CellReading]) -> bool:
    """Two month labels or more: the row is a table's header of months."""
    return sum(month_labels(cols).values()) >= 2


def _year_of(text: str) -> int | None:
    """A year header's year: a calendar year (`2016`) or a financial year's first (`2016/17`)."""
    if year := parse_year(text):
        return int(year)
    fy = parse_fy(text)
    return int(fy[2:6]) if fy else None


def years_row(cols: dict[int, CellReading]) -> bool:
    """Two neighbouring cells naming years one apart (`2015` `2016`, `2016/17` `2017/18`): a
    header of years over value columns, as a row of figures (`2019` `2021` tonnes) seldom is."""
    years = {c: _year_of(reading_text(r)) for c, r in cols.items()}
    return any(
        (a := years.get(c)) is not None and (b := years.get(c + 1)) is not None and abs(a - b) == 1 for c in years
    )


def header_rows(rows: dict[tuple[int, int], dict[int, CellReading]]) -> list[tuple[int, int]]:
    """The rows that head value columns, top down: every row of months, and a grid's first row
    of years in step where no row of months comes before it (below the header, a row of
    figures that happen to read as years is a row of the body)."""
    out: list[tuple[int, int]] = []
    headed: set[int] = set()
    for g, row in sorted(rows):
        if month_row(rows[(g, row)]) or (g not in headed and years_row(rows[(g, row)])):
            out.append((g, row))
            headed.add(g)
    return out


def _label(period: str) -> str:
    return f"{_MON[int(period[5:7]) - 1]}-{period[2:4]}"


def _set(r: CellReading, text: str, conf: float) -> None:
    h, w = r.cell.image.shape
    r.words = [Word(text, 0, 0, w, h, True, conf)]


def readings_by_row(readings: list[CellReading], grids: list[Grid]) -> dict[tuple[int, int], dict[int, CellReading]]:
    """(grid, row) -> {column: reading} for single-column cells of the top rows."""
    out: dict[tuple[int, int], dict[int, CellReading]] = {}
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        if c.row0 < HEADER_ROWS and c.col1 - c.col0 == 1:
            out.setdefault((r.cell.grid, c.row0), {})[c.col0] = r
    return out


HEAD_STEP = 1  # rows read at a time until the header row turns up


def read_header_first(cells: list[CellImage], grids: list[Grid], engine: OcrEngine) -> list[CellReading]:
    """The top rows first, until the header row is read; then the rest, without the columns the
    header names as text.

    Commentary, outcome, owner and reporter cells are most of a scorecard's ink and none of its
    values, so reading them cost two thirds of the OCR time. Once the header row is read, their
    cells below it are skipped (an engine with `text_columns` set reads them all). A grid whose
    header is not found in its top rows is read whole.
    """
    from .cellread import read_cells, settle_numbers

    where = [grids[c.grid].cells[c.cell] for c in cells]
    if getattr(engine, "text_columns", False):
        return read_cells(cells, engine)
    done: list[CellReading] = []
    header_row: dict[int, int] = {}
    skip: set[tuple[int, int]] = set()
    top = 0
    while top < HEADER_ROWS and len(header_row) < len({c.grid for c in cells}):
        batch = [
            c
            for c, g in zip(cells, where, strict=False)
            if top <= g.row0 < top + HEAD_STEP and c.grid not in header_row
        ]
        done += read_cells(batch, engine, numbers=False)
        top += HEAD_STEP
        for (g, row), cols in sorted(readings_by_row(done, grids).items()):
            if g in header_row or not (month_row(cols) or years_row(cols)):
                continue
            header_row[g] = row
            skip |= {(g, c) for c, r in cols.items() if _kind(reading_text(r)) == "text"}
    seen = {id(r.cell) for r in done}
    rest = [
        c
        for c, g in zip(cells, where, strict=False)
        if id(c) not in seen
        and not ((c.grid, g.col0) in skip and g.col1 - g.col0 == 1 and g.row0 > header_row.get(c.grid, 1 << 30))
    ]
    readings = done + read_cells(rest, engine, numbers=False)
    settle_numbers(readings, engine)
    return readings


def fix_labels(readings: list[CellReading], grids: list[Grid], engine: OcrEngine) -> None:
    rows = readings_by_row(readings, grids)
    _respell_quarters(readings)
    _reread_headers(rows, engine)
    _reread_bands(readings, grids, rows, engine)
    for (g, row), cols in rows.items():
        body = _body_columns(rows, g, row)
        _complete_months(cols, body)
        _complete_quarters(cols)
        _complete_years(cols)
        _second_change(cols, body)
    _reread_refs(readings, grids, rows, engine)
    _reread_stubs(readings, grids, engine)


def _respell_quarters(readings: list[CellReading]) -> None:
    """`2020/21 02` is `Q2 2020/21` (`periods.respelt_quarter`, the lookalikes as data)."""
    for r in readings:
        if fixed := respelt_quarter(reading_text(r), VOCABULARY.lookalikes):
            _set(r, fixed, min((w.conf for w in r.words), default=0.9))


def _kind(text: str) -> str:
    from ..columns import classify

    return classify(text, "", None, allow_serial=False).kind


def measure_columns(readings: list[CellReading], grids: list[Grid]) -> dict[tuple[int, int], tuple[int, str]]:
    """(grid, column) -> (header row, measure), for the columns a header row (two month labels or
    more) names as holding values; the measure is `value` for a month."""
    from ..columns import classify

    out: dict[tuple[int, int], tuple[int, str]] = {}
    rows = readings_by_row(readings, grids)
    for g, row in header_rows(rows):
        cols = rows[(g, row)]
        months = month_labels(cols)
        for c, r in cols.items():
            col = classify(reading_text(r), "", None, allow_serial=False)
            month = months[c]
            if (g, c) not in out and (month or col.kind == "measure"):
                out[(g, c)] = (row, "value" if month else col.measure)
    return out


def _reread_headers(rows, engine: OcrEngine) -> None:
    """Rows with at least two month labels: their cells that name no known column are read again,
    larger, as a block of lines; the new reading is kept where it names a column (`12-mnth` ->
    `12-mnth max.`, `` -> `SN`) or is a month label."""
    todo = []
    for key in header_rows(rows):
        cols = rows[key]
        months = month_labels(cols)
        todo += [r for c, r in cols.items() if not months[c] and _kind(reading_text(r)) == "ignore"]
    if not todo:
        return
    left = [
        r
        for r, words in zip(
            todo, engine.read_images([scale_of(r.cell.image, SCALE) for r in todo], line=True), strict=False
        )
        if not _name_column(r, words)
    ]
    if engine.second is not None and left:
        for r, words in zip(left, engine.second.read_images([r.cell.image for r in left]), strict=False):
            _name_column(r, words)


def _reread_bands(
    readings: list[CellReading],
    grids: list[Grid],
    rows: dict[tuple[int, int], dict[int, CellReading]],
    engine: OcrEngine,
) -> None:
    """A header of months named without their year (`Oct` .. `Jul`) takes it from the band right
    above them: a band cell over such months that reads as no period is read again, larger, as
    one line, then by the second engine, and the reading that is a period (`2022`) kept. A year
    set large and bold on a dark band is what tesseract reads as nothing."""
    undated: set[tuple[int, int]] = set()
    header: dict[int, int] = {}
    for (g, row), cols in sorted(rows.items()):
        if g in header or not month_row(cols):
            continue
        header[g] = row
        dated, labels = row_months(cols), month_labels(cols)
        undated |= {(g, c) for c in cols if labels[c] and dated[c] is None}
    todo = []
    for r in readings:
        cell = grids[r.cell.grid].cells[r.cell.cell]
        over = {(r.cell.grid, c) for c in range(cell.col0, cell.col1)}
        if cell.row1 == header.get(r.cell.grid, -1) and over & undated and not parse_period(reading_text(r)):
            todo.append(r)
    for reader, scale in ((engine, SCALE), (engine.second, 1.0)):
        if reader is None or not todo:
            continue
        got = reader.read_images([scale_of(r.cell.image, scale) for r in todo], line=True)
        todo = [r for r, words in zip(todo, got, strict=True) if not _band_period(r, words)]


STUB_DOUBT = 0.5  # tesseract's confidence in every word of a row's label below which it is read again


def _reread_stubs(readings: list[CellReading], grids: list[Grid], engine: OcrEngine) -> None:
    """The row labels left of a grid's value columns (areas, names, codes) that tesseract read
    as nothing or all but rejected, every word of them (`Us` for a bold `Thurrock` at 0.16, `=`
    for `England`), are read by the second engine; its reading stands where it holds a letter or
    digit and the engine is surer of every word of it than tesseract was of any of its own. A
    label with one doubtful word among sure ones is left as read: the second engine runs a
    long name's words together (`ofEngland`)."""
    if engine.second is None:
        return
    heads: dict[int, tuple[int, int]] = {}  # grid -> (header row, first value column)
    for (g, c), (row, _) in measure_columns(readings, grids).items():
        heads[g] = (row, min(c, heads.get(g, (row, c))[1]))
    for g, head in _figures_start(readings, grids).items():
        heads.setdefault(g, head)
    refs = _ref_columns(readings_by_row(readings, grids), grids)
    todo = []
    for r in readings:
        cell = grids[r.cell.grid].cells[r.cell.cell]
        row, first = heads.get(r.cell.grid, (1 << 30, 0))
        if cell.row0 <= row or cell.col1 > first or (r.cell.grid, cell.col0) in refs or r.glyph:
            continue
        if not r.words or max(w.conf for w in r.words) < STUB_DOUBT:
            todo.append(r)
    if not todo:
        return
    for r, words in zip(todo, engine.second.read_images([r.cell.image for r in todo]), strict=True):
        text = " ".join(w.text for w in words).strip()
        sure = min((w.conf for w in words), default=0.0)
        if any(ch.isalnum() for ch in text) and sure > max((w.conf for w in r.words), default=0.0):
            r.words = words


def _figures_start(readings: list[CellReading], grids: list[Grid]) -> dict[int, tuple[int, int]]:
    """Grid -> (the row above its first figure, its leftmost column of figures): a grid whose
    header names no period (`Offences`, `Detections` under `Apr-21`) still has its row labels
    left of its figures (`Croydon`, read as nothing in its first row, lost the row)."""
    from ..structure.figures import data_like

    read: dict[tuple[int, int], int] = {}
    figures: dict[tuple[int, int], list[int]] = {}
    for r in readings:
        c, text = grids[r.cell.grid].cells[r.cell.cell], reading_text(r)
        if c.col1 - c.col0 == 1 and text:
            read[(r.cell.grid, c.col0)] = read.get((r.cell.grid, c.col0), 0) + 1
            if data_like(text):
                figures.setdefault((r.cell.grid, c.col0), []).append(c.row0)
    out: dict[int, tuple[int, int]] = {}
    for (g, col), rows in sorted(figures.items()):
        if g not in out and 2 * len(rows) > read[(g, col)]:
            out[g] = (min(rows) - 1, col)
    return out


def _band_period(r: CellReading, words: list[Word]) -> bool:
    """Keep a reading that is a period; say whether it was."""
    text = " ".join(w.text for w in words).strip()
    if not parse_period(text):
        return False
    _set(r, text, min((w.conf for w in words), default=0.9))
    return True


def _name_column(r: CellReading, words: list[Word]) -> bool:
    """Keep a reading that names a column or a month; say whether one did."""
    for text in (" ".join(w.text for w in words).strip(), reading_text(r)):
        text = _AVG.sub("avg", text)
        if parse_month(text) or month_name(text) or _kind(text) != "ignore":
            _set(r, text, min((w.conf for w in words), default=0.9))
            return True
    return False


_AVG = re.compile(r"(?<=nth )av[eoqc9]\b", re.I)  # the `g` of `avg` in a small bold face


@dataclass(frozen=True)
class BodyColumns:
    """What the cells under a header row read as, column by column: mostly figures, or mostly
    words (a stub of names, which no header of periods runs over)."""

    figures: frozenset[int] = frozenset()
    words: frozenset[int] = frozenset()


def _body_columns(rows: dict[tuple[int, int], dict[int, CellReading]], g: int, row: int) -> BodyColumns:
    from ..structure.figures import data_like

    texts: dict[int, list[str]] = {}
    for (gg, r), cols in rows.items():
        if gg == g and r > row:
            for c, reading in cols.items():
                if t := reading_text(reading):
                    texts.setdefault(c, []).append(t)

    def most(ts: list[str], test: Callable[[str], bool]) -> bool:
        return sum(map(test, ts)) * 2 > len(ts)

    return BodyColumns(
        frozenset(c for c, ts in texts.items() if most(ts, data_like)),
        frozenset(c for c, ts in texts.items() if most(ts, lambda t: _WORD.search(t) is not None and not data_like(t))),
    )


_WORD = re.compile(r"[^\W\d_]{3}")


def _complete_months(cols: dict[int, CellReading], body: BodyColumns = BodyColumns()) -> None:
    """`body.figures`: the columns with figures under them, which a garbled end of the run may head
    however little its reading still looks like a month; `body.words`: columns of names, which it
    never heads however much their header looks like one (`Ward` beside `May 23` is no `Apr-23`)."""
    months = row_months(cols)
    read = {c: m for c, m in months.items() if m}
    known = sorted(read)
    if len(known) < 3:
        return
    # the anchor most other labels agree with (month = anchor + column offset)
    best = max(known, key=lambda a: sum(month_diff(read[c], read[a]) == c - a for c in known))
    run = [c for c in known if month_diff(read[c], read[best]) == c - best]
    if len(run) < 3:
        return
    lo, hi = run[0], run[-1]

    def implied(c: int) -> str:
        return _label(add_months(read[best], c - best))

    for c in range(lo + 1, hi):
        r = cols.get(c)
        if r is not None and months[c] is None and not VOCABULARY.names_other_header(reading_text(r)):
            _set(r, implied(c), 0.9)
    printed = _printed_serials(cols, run) or implied
    for step, start in ((-1, lo - 1), (1, hi + 1)):
        for c in _run_extension(cols, months, start, step, printed, body):
            _set(cols[c], implied(c), 0.9)


def _printed_serials(cols: dict[int, CellReading], run: list[int]) -> Callable[[int], str] | None:
    """For a run of Excel serial dates, the serial its spacing implies at a column: what a
    garbled end of the run (`8343` beside `43312`) should still half read as."""
    serials = {c: int(t) for c in run if re.fullmatch(r"\d{5}", t := reading_text(cols[c]))}
    if len(serials) < 2:
        return None
    a, b = min(serials), max(serials)
    step = (serials[b] - serials[a]) / (b - a)
    return lambda c: str(round(serials[b] + (c - b) * step))


_QUARTERISH = re.compile(r"^(?:q|qtr|qu|quarter)\w{0,3}\.?(?:\s*\S)?$", re.I)


def _complete_quarters(cols: dict[int, CellReading]) -> None:
    """`Qtr 2015-16` beside `Qtr 2 2015-16`, `Qtr 3 2015-16`: a quarter label whose number was
    lost (a lone `1` at a scan's resolution, `Qu4`) is the one the run of quarters implies, where
    two or more read in order and the cell still names a quarter and the year the run implies.
    So is one whose `Q` was lost (`4 2015/16` before `Q1 2016/17`) and whose number is the run's."""
    index = {c: _quarter_index(q) for c, r in cols.items() if (q := parse_quarter(reading_text(r)))}
    if len(index) < 2:
        return
    first = min(index)
    if any(index[c] - index[first] != c - first for c in index):
        return
    for c, r in cols.items():
        implied = index[first] + c - first
        year = implied // 4
        m = FY_IN_TEXT.search(reading_text(r))
        if c in index or m is None or parse_fy(m.group(0)) != f"FY{year}/{(year + 1) % 100:02d}":
            continue
        rest = (reading_text(r)[: m.start()] + reading_text(r)[m.end() :]).strip()
        if _QUARTERISH.match(rest) or rest == str(implied % 4 + 1):
            _set(r, f"Q{implied % 4 + 1} {m.group(0)}", 0.9)


def _quarter_index(label: str) -> int:
    """`FY2015/16-Q2` -> quarters since year 0 (2015 * 4 + 1)."""
    return int(label[2:6]) * 4 + int(label[-1]) - 1


def _run_extension(
    cols: dict[int, CellReading],
    months: dict[int, str | None],
    start: int,
    step: int,
    label: Callable[[int], str],
    body: BodyColumns,
) -> list[int]:
    """The columns beyond a run's end that continue it: unread cells shaped like a label over no
    column of names, up to the farthest one that heads figures or still reads half like the label
    the run implies."""
    c, shaped = start, []
    while c in cols and months[c] is None and c not in body.words and _fillable(reading_text(cols[c])):
        shaped.append(c)
        c += step
    while shaped and shaped[-1] not in body.figures and not _like(reading_text(cols[shaped[-1]]), label(shaped[-1])):
        shaped.pop()
    return shaped


_TARGET = re.compile(r"^target\s*(\d{2})\s*[-–:;.,]?\s*(\d{2})?\W*$", re.I)


def _complete_years(cols: dict[int, CellReading]) -> None:
    """`Target 17-` (the wrapped `18` lost) is `Target 17-18`: a year range runs to the next year."""
    if not month_row(cols):
        return
    for r in cols.values():
        m = _TARGET.match(reading_text(r))
        if m:
            a = int(m.group(1))
            if m.group(2) is None or int(m.group(2)) == (a + 1) % 100:
                _set(r, f"Target {a:02d}-{(a + 1) % 100:02d}", 0.9)


def _second_change(cols: dict[int, CellReading], body: BodyColumns = BodyColumns()) -> None:
    """Two `% change` columns that both read as change from last month: the header's second line
    (`from same month prev. yr`) was lost from one, and a header names a measure once, so the
    one that does not say `previous month` is the change over the year. A header over words
    (`body.words`) names no change, whatever it reads as with figures under it (`Trend` over
    `Same`, `Improving` is a direction beside `% change from Jul-18`)."""
    from ..columns import classify

    if not month_row(cols):
        return
    changes = [
        c
        for c in sorted(cols)
        if c not in body.words
        and classify(reading_text(cols[c]), "", None, allow_serial=False).measure == "change_prev"
    ]
    if len(changes) != 2:
        return
    yearly = [c for c in changes if re.search(r"same|\byr\b|year", reading_text(cols[c]), re.I)]
    loose = [
        c
        for c in changes
        if not re.search(r"prev(ious)?\.?\s*month|from\s+[a-z]{3}\W?\d{2}", reading_text(cols[c]), re.I)
    ]
    pick = yearly[0] if len(yearly) == 1 else loose[0] if len(loose) == 1 and loose[0] == changes[1] else None
    if pick is not None:
        _set(cols[pick], "% change from same month prev. yr", 0.9)


def _fillable(text: str) -> bool:
    """A garbled month label: short, two tokens at most (`ut 2` for `Oct 20`), no other header
    word."""
    t = text.strip()
    return 2 <= len(t) <= 8 and len(t.split()) <= 2 and not VOCABULARY.names_other_header(t)


def _like(text: str, label: str) -> bool:
    """Still half like the month label (`jurvi7` is `Jun-17`; a stub's `Ward` is no month)."""
    from rapidfuzz import fuzz

    plain = re.sub(r"[^a-z0-9]", "", text.lower())
    return max(fuzz.ratio(plain, re.sub(r"[^a-z0-9]", "", label.lower())), fuzz.ratio(plain, label[:3].lower())) >= 40


def _ref_columns(rows, grids) -> set[tuple[int, int]]:
    """The columns whose header names references (`Ref`, `No.`): in a grid whose header row of
    periods is found, a cell of that row or above it; a body cell read as `no` (a blurred `c`)
    names no column."""
    out = set()
    heads: dict[int, int] = {}
    for g, row in header_rows(rows):
        heads.setdefault(g, row)
    for (g, row), cols in rows.items():
        if row > heads.get(g, row):
            continue
        for c, r in cols.items():
            if _names_refs(reading_text(r)):
                out.add((g, c))
                _set(r, "Ref", 0.9)  # `Ref,` is no column name the table logic knows
    return out


def ref_cells(readings: list[CellReading], grids: list[Grid]) -> list[CellReading]:
    """The cells of the columns whose header names references, or (a table continued without
    its header) most of whose cells read as references, one column wide."""
    by_col: dict[tuple[int, int], list[CellReading]] = {}
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        if c.col1 - c.col0 == 1:
            by_col.setdefault((r.cell.grid, c.col0), []).append(r)
    named = _ref_columns(readings_by_row(readings, grids), grids)
    return [r for key, col in by_col.items() if key in named or _refs_mostly(col) for r in col]


def _refs_mostly(col: list[CellReading]) -> bool:
    texts = [t for r in col if (t := reading_text(r))]
    return len(texts) >= MIN_REFS and sum(bool(REF_SHAPE.match(t)) for t in texts) >= MOSTLY * len(texts)


def _names_refs(header: str) -> bool:
    """The scanned header names a column of references, read through OCR's header misreadings."""
    word = " ".join(header.lower().split()).strip(VOCABULARY.edge_marks + " ").rstrip(".,:;'")
    word = VOCABULARY.header_misreadings.get(word, word)
    return VOCABULARY.rule_for(word, kinds=("ref",)) is not None


def ref_fix(text: str) -> str:
    """Undo the confusions OCR makes in this kind of token where the reading has no number, by
    where the vocabulary says its lookalikes stand for one (`ocr.reference_lookalikes`): `Mi`,
    `EHib` -> `M1`, `EH1b`; `LACI6` -> `LAC16`; `EHS-OL`, `LACIL-QL` -> `EH5-OL`, `LAC11-QL`; a
    qualifier's `-Qt` -> `-QL`; and without the space it puts into a widely kerned `LAC 10`."""
    marks, look = VOCABULARY.ref_marks, VOCABULARY.lookalikes
    text = marks.mend_qualifier(re.sub(r"^([A-Z]{1,5}) (?=\d)", r"\1", text))
    if marks.after_prefix:
        m = re.match(rf"^([A-Z]{{1,5}}){_chars(marks.after_prefix)}(.*)$", text)
        if m and (not m[3] or re.match(r"^(\d|[a-z]?(%|-|$| \())", m[3])):
            text = m[1] + look[m[2]] + m[3]
    if marks.before_digits:
        text = re.sub(rf"^([A-Z]{{1,4}}){_chars(marks.before_digits)}(?=\d)", lambda m: m[1] + look[m[2]], text)
    for end in sorted(marks.prefix_end, key=len, reverse=True):
        m = re.match(rf"^([A-Z]{{1,{MAX_LETTERS - len(end)}}})({re.escape(end)})(?=-|$| \()", text)
        if m:
            return m[1] + "".join(look[ch] for ch in end) + text[m.end() :]
    return text


def _chars(marks: Iterable[str]) -> str:
    """A regular-expression group of one of these characters."""
    return "([" + "".join(re.escape(ch) for ch in marks) + "])"


def _spaced(text: str, others: list[str]) -> str:
    """PP-OCR drops the space in `CP2b %`; where another reading has the same characters with
    spaces, it is taken as that reading."""
    return next((o for o in others if o.replace(" ", "") == text.replace(" ", "")), text)


def _reread_refs(readings, grids, rows, engine: OcrEngine) -> None:
    """A sure first reading (tesseract's confidence) keeps its letters but a qualifier's
    (`RefMarks.mend_qualifier`): `EHi (val)` is printed so, and only two rereads agreeing on a
    reference shape overrule it; an unsure one gets the confusion repairs of `ref_fix` and the
    majority of its readings."""
    ref_cols = _ref_columns(rows, grids)
    if not ref_cols:
        return
    todo, sure = [], []
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        t = reading_text(r)
        if (r.cell.grid, c.col0) not in ref_cols or c.col1 - c.col0 != 1 or len(t) > 14 or _names_refs(t):
            continue
        ok = bool(t) and min(w.conf for w in r.words) >= SURE  # an inked cell read as nothing is read again
        if ok and REF_SHAPE.match(t):
            continue
        todo.append(r)
        sure.append(ok)
    if not todo:
        return
    fix = [VOCABULARY.ref_marks.mend_qualifier if ok else ref_fix for ok in sure]
    split = [_two_lines(r.cell.image) for r in todo]
    images = [s[0] if s else r.cell.image for r, s in zip(todo, split, strict=False)]
    texts = [[f(_line_text(r, s))] for r, f, s in zip(todo, fix, split, strict=False)]
    for scale in (SCALE, THIRD):
        idx = [k for k, ts in enumerate(texts) if len(ts) == 1 or (ts[0] != ts[1] and len(ts) == 2)]
        if not idx:
            break
        got = engine.read_images([scale_of(images[k], scale) for k in idx], line=True, alphabet=REF_ALPHABET)
        for k, words in zip(idx, got, strict=False):
            texts[k].append(fix[k](" ".join(w.text for w in words).strip()))
    idx = [k for k, ts in enumerate(texts) if not _agreed(ts)]
    if engine.second is not None and idx:
        got = engine.second.read_images([images[k] for k in idx], line=True, alphabet=REF_ALPHABET)
        for k, words in zip(idx, got, strict=False):
            texts[k].append(fix[k](_spaced(" ".join(w.text for w in words).strip(), texts[k])))
    picks = [
        _pick_ref(ts, ok, second=engine.second is not None and k in idx)
        for k, (ts, ok) in enumerate(zip(texts, sure, strict=False))
    ]
    for r, pick, s in zip(todo, picks, split, strict=False):
        if s is None and pick is not None and pick != reading_text(r):
            _set(r, pick, 0.9)
    texts_at = _row_names(grids, readings)
    quals = _qualifiers(todo, split, grids, texts_at, engine)
    if os.environ.get("SCOREKIT_OCR_DEBUG"):
        print(
            "refs",
            [
                (round(min((w.conf for w in r.words), default=0), 2), ts, q)
                for r, ts, q in zip(todo, texts, quals, strict=False)
            ],
            file=sys.stderr,
        )
    for r, pick, ts, s, q in zip(todo, picks, texts, split, quals, strict=False):
        if s is None or not q:
            continue
        if pick is None:
            c = grids[r.cell.grid].cells[r.cell.cell]
            pick = _sibling(ts, [texts_at.get((r.cell.grid, row, c.col0), "") for row in (c.row0 - 1, c.row1)])
        pick = pick or ts[0]
        if REF_SHAPE.match(pick):
            _set(r, f"{pick} ({q})", 0.9)


def _sibling(ts: list[str], neighbours: list[str]) -> str | None:
    """A wrapped reference's first line, where the readings disagree, as the reading that is the
    reference of the row above or below: a qualifier (`(%)`, `(val)`) tells two rows of one
    indicator apart, so its sibling carries the same reference."""
    bases = {re.sub(r"\s*\(.*\)$", "", n) for n in neighbours if REF_SHAPE.match(n)}
    return next((t for t in ts if REF_SHAPE.match(t) and t in bases), None)


def _two_lines(img: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """A reference wrapped onto two lines (`LAC11-QL` over `(%)`) as its two line images: read
    as one line, the pair is neither."""
    from .engines import text_lines

    bands = text_lines(img)
    if len(bands) != 2:
        return None
    (a0, a1), (b0, b1) = bands
    return np.pad(img[a0:a1], ((4, 4), (0, 0)), constant_values=255), np.pad(
        img[b0:b1], ((4, 4), (0, 0)), constant_values=255
    )


def _line_text(r: CellReading, split) -> str:
    """The first reading's words on the reference's own line (all of them for a one-line cell)."""
    if split is None:
        return reading_text(r)
    cut = split[0].shape[0] - 4
    return " ".join(w.text for w in r.words if (w.top + w.bottom) / 2 < cut).strip()


_QUALIFIER = re.compile(r"^(val|vel|no|all|%)$")
_PERCENT_NAME = re.compile(r"^\W*(percentage|proportion|%)", re.I)


def _qualifiers(todo, split, grids, names: dict[tuple[int, int, int], str], engine: OcrEngine) -> list[str | None]:
    """The bracketed second line of each wrapped reference: the word the engines read there
    (`val`, `no`, `%`), or, where a bracket holds ink no engine can read and the row's name
    begins `Percentage`, `%` -- the one qualifier references carry for a percentage."""
    idx = [k for k, s in enumerate(split) if s is not None]
    out: list[str | None] = [None] * len(todo)
    if not idx:
        return out
    seen: dict[int, list[str]] = {k: [] for k in idx}
    for eng, scale in ((engine, SCALE), (engine.second, 1.0)):
        if eng is None:
            continue
        got = eng.read_images([scale_of(split[k][1], scale) for k in idx], line=True, alphabet=REF_ALPHABET)
        for k, words in zip(idx, got, strict=False):
            seen[k].append(re.sub(r"[()\[\]{}|\s]", "", " ".join(w.text for w in words)).lower())
    for k in idx:
        said = [t for t in seen[k] if _QUALIFIER.match(t)]
        c = grids[todo[k].cell.grid].cells[todo[k].cell.cell]
        if said and said.count(said[0]) == len(said):
            out[k] = said[0]
        elif (
            not said
            and all(len(t) <= 3 for t in seen[k])
            and _PERCENT_NAME.match(names.get((todo[k].cell.grid, c.row0, c.col1), ""))
        ):
            out[k] = "%"
    return out


def _row_names(grids, readings) -> dict[tuple[int, int, int], str]:
    """(grid, row, column) -> the text of the cell starting there."""
    out = {}
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        out[(r.cell.grid, c.row0, c.col0)] = reading_text(r)
    return out


def _agreed(ts: list[str]) -> str | None:
    """The reference two rereads agree on."""
    shaped = [t for t in ts[1:] if REF_SHAPE.match(t)]
    return next((t for t in shaped if shaped.count(t) >= 2), None)


def _pick_ref(ts: list[str], sure: bool, second: bool = False) -> str | None:
    """First reading, then rereads: two rereads agreeing on a reference shape win; else an unsure
    first reading yields to two readings that agree, or to the only reference-shaped one. Where
    several shapes remain and the last reading is the second engine's, it decides: tesseract's
    own readings already disagree among themselves (`LAC7-NI`, `LAC1-NI` at two scales)."""
    pick = _agreed(ts)
    shaped = [t for t in ts if REF_SHAPE.match(t)]
    if pick is None and not sure:
        pick = next((t for t in shaped if shaped.count(t) >= 2), None)
        if pick is None and REF_SHAPE.match(ts[0]):
            pick = ts[0]
        elif pick is None and len(set(shaped)) == 1:
            pick = shaped[0]  # the only reading shaped like a reference; the first was not
        elif pick is None and second and REF_SHAPE.match(ts[-1]):
            pick = ts[-1]
    elif pick is None and not REF_SHAPE.match(ts[0]) and ts[0] not in ts[1:] and len(set(shaped)) == 1:
        pick = shaped[0]  # a sure first reading no reread confirms, and not a reference: `LAC?`
    return pick
