"""Pages printed the way a spreadsheet prints a table, built in the test: no PDF, only words and rules.

Each cell string is set word by word (a word is `CHAR` em wide per character, words of a phrase a
single space apart); a `\\n` in a cell breaks it over lines within its row, which grows to hold
them. Figures are set flush right in their column, words flush left, a cell spanning columns
centred over them; the columns stand a gutter of two ems or more apart. Ruling draws every cell
border (`grid`), a rule between rows only (`rows`), or nothing (`none`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from scorekit.extract.page import Frame, PageContent, Rule, Word
from scorekit.extract.reader import PageInfo, TableReader
from scorekit.extract.structure import Table, find_tables

CHAR = 0.5  # em per character
SPACE = 0.25  # em between the words of a phrase
LEADING = 1.2  # em from one line of a cell to the next
PAD = 1.0  # em between a cell's border and its text
PAGE = (842.0, 595.0)  # A4 landscape
_FIGURE = re.compile(r"^[(\-]?[£$]?\d[\d,.]*%?\)?$")


@dataclass
class Sheet:
    """A table to print: rows of cell strings, `spans` {(row, col): colspan} for merged cells."""

    rows: list[list[str]]
    size: float = 8.0
    row_height: float = 12.0  # a one-line row; Excel prints 11 pt text in 15 pt rows
    left: float = 40.0
    top: float = 80.0
    ruling: str = "none"
    valign: str = "top"  # where a cell's lines sit in a taller row: top, middle, bottom
    spans: dict[tuple[int, int], int] = field(default_factory=dict)
    xs: list[float] | None = None  # column boundaries; by default from the widest text
    title: str = ""


@dataclass
class Printed:
    """The page, and the words each cell of the sheet was printed as (by (row, col))."""

    page: PageContent
    cells: dict[tuple[int, int], list[Word]]
    xs: list[float]
    ys: list[float]


def width(text: str, size: float) -> float:
    return CHAR * size * len(text)


def _line_words(text: str, x: float, top: float, size: float) -> list[Word]:
    out = []
    for token in text.split(" "):
        w = width(token, size)
        out.append(Word(token, x, top, x + w, top + size, size=size))
        x += w + SPACE * size
    return out


def _line_width(text: str, size: float) -> float:
    tokens = text.split(" ")
    return sum(width(t, size) for t in tokens) + SPACE * size * (len(tokens) - 1)


def column_bounds(sheet: Sheet) -> list[float]:
    """Each column as wide as its widest single-column text, with a pad either side."""
    n = max(len(r) for r in sheet.rows)
    widest = [0.0] * n
    for r, row in enumerate(sheet.rows):
        for c, text in enumerate(row):
            if sheet.spans.get((r, c), 1) == 1:
                lines = text.split("\n") if text else [""]
                widest[c] = max(widest[c], *(_line_width(ln, sheet.size) for ln in lines))
    xs = [sheet.left]
    for w in widest:
        xs.append(xs[-1] + w + 2 * PAD * sheet.size)
    return xs


def _row_bounds(sheet: Sheet) -> list[float]:
    ys = [sheet.top]
    for row in sheet.rows:
        lines = max((len(t.split("\n")) for t in row if t), default=1)
        ys.append(ys[-1] + sheet.row_height + (lines - 1) * LEADING * sheet.size)
    return ys


def _x_of(line: str, text: str, x0: float, x1: float, colspan: int, size: float) -> float:
    w = _line_width(line, size)
    if colspan > 1:
        return (x0 + x1 - w) / 2
    if _FIGURE.match(text.strip()):
        return x1 - PAD * size - w
    return x0 + PAD * size


def _first_top(n_lines: int, y0: float, y1: float, sheet: Sheet) -> float:
    block = (n_lines - 1) * LEADING * sheet.size + sheet.size
    pad = (sheet.row_height - sheet.size) / 2
    if sheet.valign == "bottom":
        return y1 - pad - block
    if sheet.valign == "middle":
        return (y0 + y1 - block) / 2
    return y0 + pad


def _cell_words(sheet: Sheet, text: str, box: tuple[float, float, float, float], colspan: int) -> list[Word]:
    x0, y0, x1, y1 = box
    lines = text.split("\n")
    top = _first_top(len(lines), y0, y1, sheet)
    out: list[Word] = []
    for k, line in enumerate(lines):
        x = _x_of(line, text, x0, x1, colspan, sheet.size)
        out += _line_words(line, x, top + k * LEADING * sheet.size, sheet.size)
    return out


def _rules(sheet: Sheet, xs: list[float], ys: list[float]) -> list[Rule]:
    if sheet.ruling == "none":
        return []
    rules = [Rule(xs[0], y, xs[-1], y) for y in ys]
    if sheet.ruling == "rows":
        return rules
    for r in range(len(ys) - 1):
        covered = {c + k for (rr, c), span in sheet.spans.items() if rr == r for k in range(1, span)}
        rules += [Rule(x, ys[r], x, ys[r + 1]) for c, x in enumerate(xs) if c not in covered]
    return rules


def _title_words(sheet: Sheet) -> list[Word]:
    if not sheet.title:
        return []
    return _line_words(sheet.title, sheet.left, sheet.top - 2.5 * sheet.size, sheet.size)


def print_sheet(sheet: Sheet) -> Printed:
    xs = sheet.xs or column_bounds(sheet)
    ys = _row_bounds(sheet)
    cells: dict[tuple[int, int], list[Word]] = {}
    for r, row in enumerate(sheet.rows):
        for c, text in enumerate(row):
            if text:
                span = sheet.spans.get((r, c), 1)
                cells[(r, c)] = _cell_words(sheet, text, (xs[c], ys[r], xs[c + span], ys[r + 1]), span)
    words = _title_words(sheet) + [w for ws in cells.values() for w in ws]
    page = PageContent("sheet.pdf", 1, PAGE[0], PAGE[1], words, _rules(sheet, xs, ys))
    return Printed(page, cells, xs, ys)


def turned_frame(page: PageContent, turn: int) -> Frame:
    """The frame of a page whose reading frame is `page`, displayed turned back by `turn` degrees."""
    w, h = (page.height, page.width) if turn in (90, 270) else (page.width, page.height)
    return Frame(turn, w, h)


def read(page: PageContent, frame: Frame | None = None) -> list[dict]:
    """Every observation the reader takes from the page's tables, in order."""
    reader = TableReader()
    info = PageInfo(page.source, page.page, page.method, frame=frame or Frame())
    return [o for k, t in enumerate(find_tables(page), start=1) for o in reader.read(t, info, k).observations]


def read_as(printed: Printed, method: str, stub_conf: float) -> list[dict]:
    """The sheet read as `method` gives it, an OCR engine sure of its first column's body words
    to `stub_conf` (references or names)."""
    page = replace(printed.page, method=method)
    if method == "ocr":
        stub = {id(w) for (r, c), ws in printed.cells.items() if c == 0 and r > 0 for w in ws}
        page.words = [replace(w, conf=stub_conf) if id(w) in stub else w for w in page.words]
    return read(page)


def texts(table: Table) -> list[list[str | None]]:
    """The table's grid as the text of the cell in each slot."""
    return [[c.text if c is not None else None for c in row] for row in table.grid()]
