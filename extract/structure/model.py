"""A table as found on the page: cells on a grid, each with its text, words and box."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..page import Word

Box = tuple[float, float, float, float]


def union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def words_box(words: list[Word]) -> Box:
    return union([(w.x0, w.top, w.x1, w.bottom) for w in words])


def join_words(words: list[Word]) -> str:
    """Words of one cell in reading order: lines top to bottom, a space where one is printed."""
    out: list[str] = []
    for i, w in enumerate(words):
        out.append(w.text)
        if i + 1 < len(words) and w.space_after:
            out.append(" ")
    return "".join(out)


@dataclass
class Cell:
    row: int
    col: int
    words: list[Word]
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    box: Box | None = None  # a ruled cell's frame on the table's grid; else where its words are
    drawn: bool = False  # its span is a merged cell's rules, not where its text stands

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def bbox(self) -> Box:
        return self.box if self.box is not None else words_box(self.words)


@dataclass
class Table:
    """`xs` are the column boundaries, `ys` the row boundaries (len n + 1 each); the first
    `header_rows` rows are header levels. `title` is the text printed just above the table."""

    page: int
    xs: list[float]
    ys: list[float]
    cells: list[Cell] = field(default_factory=list)
    header_rows: int = 0
    title: str = ""
    ruled: bool = False

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> Box:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def frame_cells(self) -> None:
        """Each cell's box becomes its slots on the grid, so boxes tile as the grid does."""
        for c in self.cells:
            c.box = (self.xs[c.col], self.ys[c.row], self.xs[c.col + c.colspan], self.ys[c.row + c.rowspan])

    def grid(self) -> list[list[Cell | None]]:
        """Each slot -> the cell covering it (a spanning cell in every slot it covers)."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    out[r][k] = c
        return out
