"""What the table logic sees of a page, whatever produced it.

A text layer and an OCR engine both reduce a page to words with boxes, the ruling lines drawn on
it and the filled rectangles (header bands, zebra stripes); everything after that (tables, rows,
observations) is one code path, which asks where a word came from only to weigh its confidence.
Coordinates are PDF points with the origin at the top-left of the page's reading frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    upright: bool = True
    conf: float = 1.0
    direction: str = "ltr"
    space_after: bool = True  # False where a wrapped line broke inside a word (no space printed)
    note: str = ""  # an OCR repair the reading carries into the observation's flags (`check_resolved`)
    size: float = 0.0  # font size in points where the source knows it (0: the box's height)
    bold: bool = False

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def em(self) -> float:
        """The word's font size: what gaps and tolerances around it are measured in."""
        return self.size or (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling line: horizontal when `top == bottom` (within a point), vertical otherwise."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled rectangle larger than a rule: a header band, a zebra stripe, a coloured cell.
    `grey` is its luminance, 0 black to 1 white."""

    x0: float
    top: float
    x1: float
    bottom: float
    grey: float


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Frame:
    """Where the reading frame (the page turned so that its text is upright) sits on the page as
    displayed: turning the displayed page `turn` degrees clockwise gives the reading frame.

    A landscape page in a portrait report (`/Rotate 90`, content drawn to display upright) reads
    as displayed: turn 0. A table drawn sideways with no flag, reading bottom to top, is turned
    90. Sources put words in the reading frame; boxes go back to the display for output."""

    turn: int = 0
    width: float = 0.0  # the page as displayed
    height: float = 0.0

    @property
    def size(self) -> tuple[float, float]:
        """The reading frame's width and height."""
        return (self.height, self.width) if self.turn in (90, 270) else (self.width, self.height)

    def to_reading(self, box: Box) -> Box:
        x0, top, x1, bottom = box
        w, h = self.width, self.height
        if self.turn == 90:
            return (h - bottom, x0, h - top, x1)
        if self.turn == 180:
            return (w - x1, h - bottom, w - x0, h - top)
        if self.turn == 270:
            return (top, w - x1, bottom, w - x0)
        return box

    def to_display(self, box: Box) -> Box:
        x0, top, x1, bottom = box
        w, h = self.width, self.height
        if self.turn == 90:
            return (top, h - x1, bottom, h - x0)
        if self.turn == 180:
            return (w - x1, h - bottom, w - x0, h - top)
        if self.turn == 270:
            return (w - bottom, x0, w - top, x1)
        return box


@dataclass
class PageContent:
    source: str
    page: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    method: str = "text"
    note: str = ""
    frame: Frame = field(default_factory=Frame)  # where the reading frame sits on the page as displayed
