"""Tables on a page, whatever their strategy, as one shape: rows of column slots.

`RuledTables` reads grids drawn with lines (spreadsheets printed with borders, and ruling lines
found in a scanned image); `AlignedTables` reads tables without rules from word alignment under a
header of period labels. Both return `RawTable`s, so everything after them is one code path
(camelot's lattice/stream split, behind one interface).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .grid import Cell, assign_words, cell_text, find_grids
from .page import Frame, PageContent, Word
from .periods import parse_month


@dataclass
class Slot:
    text: str
    bbox: tuple[float, float, float, float]
    span: tuple[int, int]  # first and last+1 column the printed cell covers
    origin: bool  # the slot where the printed cell starts (top-left)
    conf: float = 1.0
    notes: tuple[str, ...] = ()  # the words' OCR repairs, for the observation's flags


def _notes(words: list[Word]) -> tuple[str, ...]:
    return tuple(sorted({w.note for w in words if w.note}))


@dataclass
class RawTable:
    source: str
    page: int
    index: int
    xs: list[float]
    rows: list[list[Slot | None]]
    strategy: str
    method: str = "text"
    frame: Frame = field(default_factory=Frame)  # the page's reading frame: boxes are in it

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        tops = [s.bbox[1] for r in self.rows for s in r if s]
        bottoms = [s.bbox[3] for r in self.rows for s in r if s]
        return (self.xs[0], min(tops, default=0.0), self.xs[-1], max(bottoms, default=0.0))


def _slot(cell: Cell, r: int, c: int) -> Slot:
    conf = min((w.conf for w in cell.words), default=1.0)
    return Slot(
        cell.text, cell.bbox, (cell.col0, cell.col1), r == cell.row0 and c == cell.col0, conf, _notes(cell.words)
    )


class RuledTables:
    """Lattice strategy: cells bounded by ruling lines."""

    name = "ruled"

    def tables(self, page: PageContent) -> list[RawTable]:
        words = list(page.words)
        out = []
        for grid in find_grids(page.rules):
            if grid.n_cols < 3:
                continue
            words = assign_words(grid, words)
            rows = [[_slot(grid.matrix[r][c], r, c) for c in range(grid.n_cols)] for r in range(grid.n_rows)]
            if not any(s.text for row in rows for s in row):
                continue
            out.append(RawTable(page.source, page.page, len(out) + 1, grid.xs, rows, self.name, page.method))
        return out


_LINE_TOL = 3.0


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for w in sorted((w for w in words if w.upright), key=lambda w: (w.yc, w.x0)):
        if lines and abs(lines[-1][-1].yc - w.yc) <= _LINE_TOL:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _is_period_word(w: Word) -> bool:
    return bool(parse_month(w.text, allow_serial=True))


class AlignedTables:
    """Stream strategy for unruled tables: columns anchored on a header line of period labels."""

    name = "aligned"
    min_periods = 3

    def tables(self, page: PageContent, exclude: list[tuple[float, float, float, float]] = ()) -> list[RawTable]:
        words = [w for w in page.words if not any(_inside(w, b) for b in exclude)]
        lines = _merge_split_labels(_lines(words))
        out: list[RawTable] = []
        i = 0
        while i < len(lines):
            anchors = [w for w in lines[i] if _is_period_word(w)]
            if len(anchors) < self.min_periods:
                i += 1
                continue
            table, i = self._table_from(page, lines, i, anchors, len(out) + 1)
            if table is not None:
                out.append(table)
        return out

    def _table_from(self, page, lines, start, anchors, index):
        first = anchors[0]
        pitch = (anchors[-1].xc - first.xc) / max(1, len(anchors) - 1)
        xs = [page.width * 0.02, first.x0 - pitch * 0.15]
        for a, b in zip(anchors, anchors[1:], strict=False):
            xs.append((a.x1 + b.x0) / 2)
        xs.append(anchors[-1].x1 + pitch * 0.5)
        rows = [self._row(lines[start], xs)]
        i = start + 1
        last_bottom = max(w.bottom for w in lines[start])
        height = max(w.bottom - w.top for w in lines[start])
        while i < len(lines):
            line = lines[i]
            if line[0].top - last_bottom > 3.5 * height:
                break
            if len([w for w in line if _is_period_word(w)]) >= self.min_periods:
                break
            if not any(xs[1] <= w.xc <= xs[-1] for w in line) and rows and len(rows) > 1:
                # a wrapped name line: joins the row above when close, else starts a label block
                prev = rows[-1][0]
                if prev is not None and line[0].top - last_bottom <= 0.8 * height:
                    text = prev.text + " " + " ".join(w.text for w in line)
                    rows[-1][0] = Slot(text, _union(prev.bbox, _bbox(line)), (0, 1), True)
                    last_bottom = max(w.bottom for w in line)
                    i += 1
                    continue
            rows.append(self._row(line, xs))
            last_bottom = max(w.bottom for w in line)
            i += 1
        if len(rows) < 2:
            return None, i
        return RawTable(page.source, page.page, index, xs, rows, self.name, page.method), i

    @staticmethod
    def _row(line: list[Word], xs: list[float]) -> list[Slot | None]:
        n = len(xs) - 1
        buckets: list[list[Word]] = [[] for _ in range(n)]
        for w in line:
            if w.xc < xs[1]:
                buckets[0].append(w)
                continue
            best = min(range(1, n), key=lambda c: abs((xs[c] + xs[c + 1]) / 2 - w.xc))
            buckets[best].append(w)
        row: list[Slot | None] = []
        for c, ws in enumerate(buckets):
            if not ws:
                row.append(None)
                continue
            conf = min(w.conf for w in ws)
            row.append(Slot(cell_text(ws), _bbox(ws), (c, c + 1), True, conf, _notes(ws)))
        return row


def _merge_split_labels(lines: list[list[Word]]) -> list[list[Word]]:
    """`Oct` `22` printed as two words is one label: join month words with a following year."""
    out = []
    for line in lines:
        merged: list[Word] = []
        for w in line:
            if (
                merged
                and re.fullmatch(r"\d{2}|\d{4}", w.text)
                and re.fullmatch(r"[A-Za-z]{3,9}", merged[-1].text)
                and w.x0 - merged[-1].x1 < 6
                and parse_month(f"{merged[-1].text} {w.text}")
            ):
                p = merged.pop()
                merged.append(
                    Word(
                        f"{p.text} {w.text}",
                        p.x0,
                        min(p.top, w.top),
                        w.x1,
                        max(p.bottom, w.bottom),
                        True,
                        min(p.conf, w.conf),
                    )
                )
            else:
                merged.append(w)
        out.append(merged)
    return out


def _bbox(words: list[Word]) -> tuple[float, float, float, float]:
    return (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))


def _union(a, b):
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _inside(w: Word, box) -> bool:
    return box[0] - 1 <= w.xc <= box[2] + 1 and box[1] - 1 <= w.yc <= box[3] + 1


def find_tables(page: PageContent) -> list[RawTable]:
    """Ruled tables first; the rest of the page is searched for unruled period tables."""
    ruled = RuledTables().tables(page)
    aligned = AlignedTables().tables(page, exclude=[t.bbox for t in ruled])
    tables = ruled + aligned
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    for i, t in enumerate(tables, start=1):
        t.index = i
        t.frame = page.frame
    return tables
