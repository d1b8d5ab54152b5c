"""OCR path: a page image becomes the same `PageContent` the text layer gives.

The table logic downstream is shared, so this package's whole job is words with boxes in PDF
points (and a confidence) plus the ruling lines found in the image. Top-level functions only, so
the caller can fan pages out over a process pool.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..page import PageContent, Rule, Word
from . import image as im
from .engines import OcrEngine, get_engine

__all__ = ["ocr_page", "ocr_image", "OcrEngine", "get_engine"]


def ocr_page(pdf_path, page_index: int, dpi: int = 300, engine: str | OcrEngine = "tesseract") -> PageContent:
    """OCR one page (0-based index); the returned PageContent's `page` is 1-based like the schema's."""
    grey = im.render(pdf_path, page_index, dpi)
    pc = ocr_image(grey, dpi, engine)
    pc.source = Path(pdf_path).name
    pc.page = page_index + 1
    return pc


def ocr_image(grey, dpi: int, engine: str | OcrEngine = "tesseract") -> PageContent:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    angle = im.skew_angle(grey, dpi)
    straight = im.rotate(grey, angle)
    h, v = im.line_masks(im.binarise(straight), dpi)
    eng = get_engine(engine)
    px = eng.words(im.clean_for_ocr(straight, h, v))
    s = 72.0 / dpi
    words = [Word(w.text, w.x0 * s, w.top * s, w.x1 * s, w.bottom * s, w.upright, w.conf) for w in px]
    rules = [Rule(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in im.rules(h, v, dpi)]
    hh, ww = grey.shape
    return PageContent(
        source="", page=0, width=ww * s, height=hh * s, words=words, rules=rules, method="ocr",
        note=f"engine={eng.name} dpi={dpi} deskew={angle:+.2f}deg",
    )
