"""A page image as a source of words: `PageContent` for the one table reader, and re-reads.

The page is turned upright (`orient`), straightened (`skew`), cleaned and measured for rules
and fills (`prepare`), and read whole by one engine; the runs of print that its words leave
unread, partly read or read without confidence are read again (`doubts`, `settle`) by both
engines where both are installed. Words come out in PDF points in the reading frame: the page
upright and straight, `frame.turn` saying how it sits on the page as displayed. The reader
asks nothing of where they came from, except their confidence, their alternatives, and, for a
region it doubts, `OcrPage.reread`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from ..page import Box, Fill, Frame, PageContent, Rule, Word
from . import doubts as dbt
from .inkboxes import ink_map
from .orient import quarter_turn
from .prepare import PreparedPage, prepare
from .readers import NUMBER_ALPHABET, PixelWord, paddle_page, tesseract_page
from .settle import Settled, decide, read_crops, settle
from .skew import skew_angle, straighten

ENGINES = ("auto", "tesseract", "rapidocr", "tesseract+rapidocr")


@dataclass
class OcrPage:
    """One page read: its content, and what a re-read of a region needs (the clean image)."""

    content: PageContent
    prepared: PreparedPage
    engines: tuple[str, ...]
    text_height: float
    stats: dict[str, int] = field(default_factory=dict)

    def reread(self, region: Box | np.ndarray, numeric: bool) -> list[Word]:
        """A region read again by every engine, as one line; `region` is a box in points in the
        reading frame (cut from this page's clean image) or an image of its own (grey, as
        printed: dark on light), whose words come back in its own pixels scaled to points."""
        s = self.prepared.dpi / 72.0
        if isinstance(region, np.ndarray):
            image, x0, top = region, 0.0, 0.0
        else:
            bx0, btop, bx1, bbottom = (int(round(v * s)) for v in region)
            image, x0, top = self.prepared.clean[btop:bbottom, bx0:bx1], bx0, btop
        return read_region(image, numeric, self.engines, self.prepared.dpi, (x0, top))


def engines_of(engine: str) -> tuple[str, ...]:
    """The engines a name stands for: the first reads the page, all of them re-read doubts."""
    from . import paddle

    if engine not in ENGINES:
        raise ValueError(f"unknown OCR engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "auto":
        return ("tesseract", "rapidocr") if paddle.available() else ("tesseract",)
    return tuple(engine.split("+"))


def ocr_content(image: np.ndarray, dpi: int, engine: str = "auto") -> PageContent:
    """A page image (grey, as displayed) -> its words, rules and fills in PDF points."""
    return ocr_page(image, dpi, engine).content


def ocr_page(image: np.ndarray, dpi: int, engine: str = "auto") -> OcrPage:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    engines = engines_of(engine)
    turn = quarter_turn(image, dpi)
    upright = np.ascontiguousarray(np.rot90(image, -turn // 90)) if turn else image
    angle = skew_angle(upright, dpi)
    page = prepare(straighten(upright, angle), dpi)
    words = tesseract_page(page.clean, dpi) if engines[0] == "tesseract" else paddle_page(page.clean)
    ink = ink_map(page.clean, dpi)
    assigned = dbt.assign(words, ink)
    found = dbt.doubts(ink, assigned)
    settled = settle(page.clean, found, ink.text_height, engines)
    out = _merge(words, settled, dpi)
    h, w = image.shape
    s = 72.0 / dpi
    content = PageContent(
        source="",
        page=0,
        width=upright.shape[1] * s,
        height=upright.shape[0] * s,
        words=out,
        rules=[Rule(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in page.rules],
        fills=[Fill(f.x0 * s, f.top * s, f.x1 * s, f.bottom * s, f.grey) for f in page.fills],
        method="ocr",
        note=f"engine={'+'.join(engines)} dpi={dpi} turn={turn} deskew={angle:+.2f}deg rereads={len(found)}",
        frame=Frame(turn, w * s, h * s),
    )
    stats = {"words": len(words), "runs": len(ink.boxes), "rereads": len(found)}
    return OcrPage(content, page, engines, ink.text_height, stats)


def read_region(
    image: np.ndarray, numeric: bool, engines: tuple[str, ...], dpi: int, origin: tuple[float, float] = (0.0, 0.0)
) -> list[Word]:
    """An image region read as one line by every engine; the readings settled as a page's doubts
    are, the region's origin (pixels) added to the boxes, which come out in points."""
    h, w = image.shape
    doubt = dbt.Doubt(0, 0, w, h)
    readings = read_crops([np.pad(image, 4, constant_values=255)], engines, numeric)
    settled = decide(doubt, readings[0])
    s = 72.0 / dpi
    ox, oy = origin
    return [
        Word(
            pw.text,
            (pw.x0 + ox) * s,
            (pw.top + oy) * s,
            (pw.x1 + ox) * s,
            (pw.bottom + oy) * s,
            True,
            pw.conf,
            alternatives=settled.alternatives if len(settled.words) == 1 else (),
        )
        for pw in settled.words
    ]


def _merge(words: list[PixelWord], settled: list[Settled], dpi: int) -> list[Word]:
    """The page's words with each doubt's replaced by what settled it, in points."""
    replaced = {id(w) for s in settled for w in s.doubt.words}
    s = 72.0 / dpi
    out = [_word(w, s, ()) for w in words if id(w) not in replaced]
    for st in settled:
        numeric = [w for w in st.words if dbt.numberish(w.text)]
        for w in st.words:
            out.append(_word(w, s, st.alternatives if len(numeric) == 1 and w is numeric[0] else ()))
    return sorted(out, key=lambda w: (w.top, w.x0))


def _word(w: PixelWord, s: float, alternatives: tuple[str, ...]) -> Word:
    return Word(w.text, w.x0 * s, w.top * s, w.x1 * s, w.bottom * s, True, w.conf, alternatives=alternatives)


__all__ = ["ENGINES", "NUMBER_ALPHABET", "OcrPage", "ocr_content", "ocr_page", "read_region"]
