"""The printed cell behind a value, cut from its rendered page, as a PNG data URI.

Each page is rendered once and every crop on it is cut from that image: a report with a thousand
cells costs a few dozen renders.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

from PIL import Image

SCALE = 2.0
MARGIN_X, MARGIN_Y = 14.0, 3.0


class Cropper:
    def __init__(self, pdf_dirs: list[Path] | None = None) -> None:
        self.pdf_dirs = [Path(p) for p in pdf_dirs or []]
        self._docs: dict[str, Any] = {}  # pypdfium2 documents
        self._pages: dict[tuple[str, int], Image.Image] = {}

    def locate(self, path: str, source: str) -> Path | None:
        if path and Path(path).is_file():
            return Path(path)
        for d in self.pdf_dirs:
            if (d / source).is_file():
                return d / source
        return None

    def _page(self, pdf: Path, page: int) -> Image.Image:
        key = (str(pdf), page)
        if key not in self._pages:
            import pypdfium2 as pdfium

            doc = self._docs.get(str(pdf))
            if doc is None:
                doc = self._docs[str(pdf)] = pdfium.PdfDocument(str(pdf))
            self._pages[key] = doc[page - 1].render(scale=SCALE).to_pil().convert("RGB")
        return self._pages[key]

    def crop(self, path: str, source: str, page: int, bbox: tuple[float, float, float, float]) -> str | None:
        pdf = self.locate(path, source)
        if pdf is None or page < 1 or not any(bbox):
            return None
        try:
            img = self._page(pdf, page)
        except Exception:  # a damaged or missing page leaves a gap, not a failed report
            return None
        x0, top, x1, bottom = bbox
        box = (
            max(0, int((x0 - MARGIN_X) * SCALE)),
            max(0, int((top - MARGIN_Y) * SCALE)),
            min(img.width, int((x1 + MARGIN_X) * SCALE)),
            min(img.height, int((bottom + MARGIN_Y) * SCALE)),
        )
        if box[2] <= box[0] or box[3] <= box[1]:
            return None
        buf = io.BytesIO()
        img.crop(box).save(buf, format="PNG", optimize=True)
        return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")

    def close(self) -> None:
        for doc in self._docs.values():
            doc.close()
        self._docs.clear()
        self._pages.clear()
