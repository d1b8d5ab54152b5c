"""The text layer as a source of words: a born-digital page read with pypdfium2 alone.

pdfium's text page gives each character with its box, font and colour, and its object list the
paths (ruling lines, filled bands) and images; read this way a page costs a sixth of what
pdfplumber's parse and word grouping cost (`benchmarks/textlayer.py`). `read_layer` reads a page
once into what both the router and the table reader need; `page_content` turns it into the
`PageContent` every source produces: words in the page's reading frame (turned so that its text
is upright), rules and fills in the same frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..page import Frame, PageContent, Word
from .chars import Char, read_chars
from .frame import reading_frame, to_frame
from .objects import PageObjects, fills_of, read_objects, rules_of, turned
from .words import page_words

__all__ = ["TextLayer", "page_content", "read_layer"]


@dataclass
class TextLayer:
    """One page as pdfium reads it: characters and drawn objects as displayed, and the frame its
    text reads upright in."""

    chars: list[Char]
    objects: PageObjects
    frame: Frame

    @cached_property
    def reading_chars(self) -> list[Char]:
        return to_frame(self.chars, self.frame)

    @cached_property
    def words(self) -> list[Word]:
        """Words in the reading frame."""
        return page_words(self.reading_chars)


def read_layer(page, textpage=None, loose: bool = False) -> TextLayer:
    """Read a pypdfium2 page's characters and objects (`textpage`: its text page, if open;
    `loose`: advances from pdfium's boxes, not the font's widths looked up by character)."""
    chars, display = read_chars(page, textpage, loose)
    objects = read_objects(page, display)
    return TextLayer(chars, objects, reading_frame(chars, display.width, display.height))


def page_content(layer: TextLayer, source: str, page_no: int) -> PageContent:
    frame = layer.frame
    width, height = frame.size
    shapes = turned(layer.objects.shapes, frame)
    return PageContent(
        source=source,
        page=page_no,
        width=width,
        height=height,
        words=layer.words,
        rules=rules_of(shapes),
        fills=fills_of(shapes),
        method="text",
        frame=frame,
    )
