"""Tables -> observations: one row per printed value cell, with its provenance.

The header row is found by what it says (period labels, known column names), rows above it are
title and band rows, rows below are indicator rows, section rows or repeated headers. A table with
no header of its own continues the previous one when its columns line up (a sheet that runs onto
the next page without repeating its header row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import ColumnModel, build_model, fy_in_text, header_score
from .periods import ReportPeriod, find_report_period
from .tables import RawTable, Slot
from .values import ARROWS, parse_value, year_note_period

FULL_SPAN = 0.6  # a cell spanning this share of the columns is a title or section row
OCR_FLOOR = 0.6  # below this an OCR'd number is withheld (value empty, flag low_confidence)


@dataclass
class TableResult:
    observations: list[dict] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)
    note: str = ""


@dataclass
class Continuation:
    """What a table without a header of its own inherits from the one before it."""

    xs: list[float]
    model: ColumnModel
    section: str
    rows: int


def row_texts(row: list[Slot | None]) -> list[str]:
    return [s.text if s else "" for s in row]


def _is_full(slot: Slot | None, n_cols: int) -> bool:
    return slot is not None and (slot.span[1] - slot.span[0]) >= max(2, FULL_SPAN * n_cols)


def find_header(table: RawTable, report: ReportPeriod | None) -> int | None:
    best, best_score = None, 0
    for i, row in enumerate(table.rows[:12]):
        score = header_score(row_texts(row), report)
        if score > best_score:
            best, best_score = i, score
    return best


def _same_columns(a: list[float], b: list[float], tol: float = 3.0) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


_PERCENT_NAME = re.compile(r"percentage|per\s*cent|%|proportion", re.I)
_RATE10K = re.compile(r"per\s*10[,.]?000|per\s*10k|rate per 10", re.I)
_RATE100K = re.compile(r"per\s*100[,.]?000|per\s*100k", re.I)
_DAYS = re.compile(r"average (number of )?days|\(days\)|days? (to|between)|average time .*days|average duration", re.I)
_WEEKS = re.compile(r"average (number of )?weeks|\(weeks\)|in weeks", re.I)


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


class TableReader:
    """Stateful across the pages of one document: carries the last column model and section."""

    def __init__(self, document_report: ReportPeriod | None = None):
        self.document_report = document_report
        self.last: Continuation | None = None
        self.bench_periods: dict[str, str] = {}

    def report_period(self, page_text: str) -> ReportPeriod | None:
        """The month the page reports on, else the document's: what period labels are read against."""
        return find_report_period(page_text) or self.document_report

    def header_row(self, table: RawTable, page_text: str) -> int | None:
        """The row `read` takes as the table's header; the rows above it are its title and band
        rows. None: no header of its own (a continued table, or none the reader recognises)."""
        return find_header(table, self.report_period(page_text))

    def read(self, table: RawTable, page_text: str) -> TableResult:
        report = self.report_period(page_text)
        header_at = find_header(table, report)
        section = ""
        row_counter = 0
        if header_at is None:
            if self.last is None or not _same_columns(self.last.xs, table.xs):
                return TableResult(note="no period header")
            model, section, row_counter = self.last.model, self.last.section, self.last.rows
            body = table.rows
            continued = True
        else:
            titles, bands = [], [""] * table.n_cols
            for row in table.rows[:header_at]:
                for c, slot in enumerate(row):
                    if slot is None or not slot.text:
                        continue
                    if _is_full(slot, table.n_cols):
                        if slot.origin:
                            titles.append(slot.text)
                    else:
                        bands[c] = f"{bands[c]} {slot.text}".strip()
            header_report = find_report_period(" ".join(titles)) or report
            model = build_model(row_texts(table.rows[header_at]), bands, header_report)
            _page_benchmark_period(model, page_text)
            self._carry_benchmark_periods(model)
            body = table.rows[header_at + 1 :]
            continued = False
        result = TableResult(note="continued from previous page" if continued else "")
        header_sig = [t.lower() for t in model.header_texts]
        for row in body:
            texts = row_texts(row)
            if _looks_like_header(texts, header_sig):
                continue
            spans = [s for s in row if s is not None and s.origin and s.text]
            if not spans:
                continue
            if len(spans) == 1 and _is_full(spans[0], table.n_cols):
                section = spans[0].text
                continue
            ref = " ".join(row[i].text for i in model.index("ref") if row[i] and row[i].origin and row[i].text)
            name = " ".join(row[i].text for i in model.index("name") if row[i] and row[i].origin and row[i].text)
            value_cols = [
                (i, col)
                for i, col in enumerate(model.columns)
                if col.kind == "measure" and row[i] is not None and row[i].origin and row[i].text
            ]
            if not value_cols:
                if name and not ref:
                    section = name
                continue
            if not name and not ref:
                continue
            row_counter += 1
            result.observations += self._row_observations(
                table, row, model, value_cols, ref, name, section, row_counter
            )
            for i in model.index("text"):
                slot = row[i]
                if slot is not None and slot.origin and slot.text:
                    result.texts.append(
                        {
                            "source": table.source,
                            "page": table.page,
                            "table": table.index,
                            "row": row_counter,
                            "ref": ref,
                            "indicator": name,
                            "field": model.columns[i].field,
                            "text": slot.text,
                        }
                    )
        self.last = Continuation(table.xs, model, section, row_counter)
        return result

    def _carry_benchmark_periods(self, model: ColumnModel) -> None:
        """A benchmarking band printed once ("using 18-19 data") holds for the document's later tables."""
        for col in model.columns:
            if col.measure in ("stat_neighbour", "england", "region"):
                if col.period:
                    self.bench_periods[col.measure] = col.period
                elif col.measure in self.bench_periods and "benchmark" not in col.header.lower():
                    col.period = self.bench_periods[col.measure]

    def _row_observations(self, table, row, model, value_cols, ref, name, section, row_no) -> list[dict]:
        parsed = {i: parse_value(row[i].text) for i, _ in value_cols}
        row_pct = any(
            p.unit == "percent"
            for i, p in parsed.items()
            if model.columns[i].measure in ("value", "avg_12m", "max_12m")
        )
        base_unit = "percent" if row_pct else name_unit(name)
        out = []
        for i, col in value_cols:
            slot = row[i]
            p = parsed[i]
            if col.measure in ("change_prev", "change_year"):
                unit = "percent"
            elif col.measure in ("direction", "rag"):
                unit = p.unit or "other"
            else:
                unit = p.unit if p.unit in ("weeks", "days") else base_unit
            flags = [f for f in p.flags if f != "empty"] + list(slot.notes)
            value = p.value
            if col.measure in ("direction", "rag") and not slot.text.strip(ARROWS + " "):
                flags = []
            period = col.period
            if not period and col.measure in ("stat_neighbour", "england", "region") and p.year_note:
                period = year_note_period(p.year_note)
            conf = 0.99
            if col.period_from_context:
                conf -= 0.03
            if value is None:
                conf -= 0.05
            if any(f.startswith(("amended", "provisional")) for f in flags) or p.unit in ("weeks", "days"):
                conf -= 0.03
            if table.strategy != "ruled":
                conf -= 0.04
            conf = round(conf * slot.conf, 3)
            if table.method == "ocr" and value is not None and conf < OCR_FLOOR:
                # a wrong number is worse than a missing one
                value = None
                flags.append("low_confidence")
            elif table.method == "ocr" and _unreadable(col.measure, slot.text, flags):
                flags.append("low_confidence")
            x0, top, x1, bottom = table.frame.to_display(slot.bbox)
            out.append(
                {
                    "source": table.source,
                    "page": table.page,
                    "table": table.index,
                    "row": row_no,
                    "section": section,
                    "ref": ref,
                    "indicator": name,
                    "area": "",
                    "period": period,
                    "measure": col.measure,
                    "value": value,
                    "value_raw": slot.text,
                    "unit": unit,
                    "flags": ";".join(flags),
                    "method": table.method,
                    "confidence": conf,
                    "x0": round(x0, 2),
                    "top": round(top, 2),
                    "x1": round(x1, 2),
                    "bottom": round(bottom, 2),
                }
            )
        return out


_BENCH_NOTE = re.compile(r"using\s+((?:20)?\d{2}\s*[-/–]\s*\d{2})\s+data", re.I)


def _page_benchmark_period(model: ColumnModel, page_text: str) -> None:
    """Benchmark columns whose band lies outside the table's grid (a box drawn above a scanned
    header, so no cell of the grid): one `using 16-17 data` on the page dates them."""
    cols = [c for c in model.columns if c.measure in ("stat_neighbour", "england", "region") and not c.period]
    years = {fy_in_text(m.group(1)) for m in _BENCH_NOTE.finditer(page_text)} - {""}
    if cols and len(years) == 1:
        (fy,) = years
        for c in cols:
            c.period, c.period_from_context = fy, True


def _unreadable(measure: str, text: str, flags: list[str]) -> bool:
    """An OCR'd value cell that reads as neither a number nor any word such cells hold (`jj§ 35%`,
    `a` for `▲`): junk, kept as raw text but not stated as the cell's content."""
    t = text.strip().lower()
    worded = any(f in flags for f in ("not_applicable", "not_collected", "local"))  # `n/a`, `-`, `TBC`
    if measure == "direction":
        return bool(t.strip(ARROWS + " ")) and not worded
    if measure == "rag":
        return bool(t) and t not in _RAG_WORDS and not worded
    return "text_only" in flags


_RAG_WORDS = {"r", "a", "g", "red", "amber", "green", "r/a", "a/g"}


def _looks_like_header(texts: list[str], header_sig: list[str]) -> bool:
    pairs = [(a.lower(), b) for a, b in zip(texts, header_sig, strict=False) if a or b]
    if not pairs:
        return False
    same = sum(1 for a, b in pairs if a == b and a)
    return same >= max(2, 0.6 * len(pairs))
