"""A page turned by `/Rotate 180` (its content drawn turned back, so it displays upright) reads
the same words as the page printed upright, ligatures included.

Chromium sets `ff` and `fi` as one glyph mapped to U+FB00 / U+FB01; pdfium splits it into two
characters at one origin with half the glyph's box each. Upright the second half ends the glyph;
turned, the halves come in the other order, and a box built from the first character and the last
half alone stops short of the next letter (`Off ences`), so every name holding a ligature was lost.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from scorekit.extract.pdftext import page_content, read_layer

from ..conftest import FIXTURES, committed

# corpus renders by Chromium whose fonts carry the `ff` / `fi` ligature glyphs
LIGATURED = ["annual_trend-01", "bi_export-02", "ward_profile-04"]


def _words(path: Path) -> list[Counter[str]]:
    doc = pdfium.PdfDocument(str(path))
    try:
        pages = [page_content(read_layer(doc[i]), path.name, i + 1) for i in range(len(doc))]
        return [Counter(w.text for w in page.words) for page in pages]
    finally:
        doc.close()


def _turned_180(src: Path, dst: Path) -> Path:
    """Each page flagged `/Rotate 180` with its content drawn turned back (displays as before)."""
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.contents_coalesce()
            body = page.Contents.read_bytes()
            page.Contents.write(f"q -1 0 0 -1 {x0 + x1} {y0 + y1} cm\n".encode() + body + b"\nQ")
            page.Rotate = 180
        pdf.save(dst)
    return dst


@pytest.mark.parametrize("name", LIGATURED)
def test_a_page_turned_by_rotate_180_reads_the_same_words(tmp_path, name):
    upright = committed(FIXTURES / "corpus" / "pdf" / f"{name}.pdf")
    words = _words(upright)
    assert any(("ff" in w or "fi" in w) for page in words for w in page), "no ligature left to test"
    assert _words(_turned_180(upright, tmp_path / "turned.pdf")) == words
