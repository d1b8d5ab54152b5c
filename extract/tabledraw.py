"""What the reader found, drawn over the page it found it on (`scorekit tables --show`).

After pdfplumber's `debug_tablefinder` and camelot's plots: the page image with each table's box,
its cells and its header rows laid over it, and a line saying how the page was read, so a person
sees at a glance why a page gave what it gave (a table missed, two columns run together, the
header taken from the wrong row). Boxes come in displayed page coordinates, the frame pdfium
renders in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .tablejson import HEADER, Box, FoundTable

MAX_PIXELS = 40e6  # a huge page is drawn at a lower resolution rather than exhausting memory

# RGBA: the table's frame by strategy, its cells, header rows (the header row itself stronger)
_FRAME = {"ruled": (214, 39, 40, 255), "aligned": (31, 119, 180, 255)}
_CELL = (44, 160, 44, 210)
_HEADER = (255, 179, 0, 110)
_HEADER_LINE = (255, 127, 0, 255)
_BANNER = (255, 255, 255, 215)
_INK = (20, 20, 20, 255)


@dataclass(frozen=True)
class PageStatus:
    """How the page was read, for the line drawn at its top."""

    page: int
    status: str  # read | skipped | failed
    method: str
    reason: str


def render_page(pdf_path: Path, page: int, dpi: float, password: str | None = None) -> tuple[Image.Image, float]:
    """The page as displayed (its /Rotate applied), and the pixels per PDF point it was drawn at."""
    import pypdfium2 as pdfium  # it ships no type information

    doc = pdfium.PdfDocument(str(pdf_path), password=password)
    try:
        pdf_page = doc[page - 1]
        w, h = pdf_page.get_size()
        scale = min(dpi / 72, (MAX_PIXELS / max(w * h, 1.0)) ** 0.5)
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()
    return image, scale


def _px(box: Box, scale: float) -> tuple[float, float, float, float]:
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)


def _draw_table(draw: ImageDraw.ImageDraw, table: FoundTable, index: int, scale: float, font) -> None:
    for cell in table.cells:
        box = _px(cell.bbox, scale)
        if cell.role == HEADER:
            draw.rectangle(box, fill=_HEADER)
        draw.rectangle(box, outline=_CELL, width=1)
    header = [_px(c.bbox, scale) for c in table.cells if c.role == HEADER]
    if header:
        x0, top = min(b[0] for b in header), min(b[1] for b in header)
        x1, bottom = max(b[2] for b in header), max(b[3] for b in header)
        draw.rectangle((x0, top, x1, bottom), outline=_HEADER_LINE, width=2)
    frame = _FRAME.get(table.strategy, _FRAME["ruled"])
    box = _px(table.bbox, scale)
    draw.rectangle(box, outline=frame, width=3)
    label = f"T{index} {table.strategy}{' ' + table.method if table.method != 'text' else ''} "
    label += f"{table.n_rows}x{table.n_cols}{'' if header else ', no header'}"
    size = font.size if hasattr(font, "size") else 12
    top = max(0.0, box[1] - size - 4)
    draw.rectangle(draw.textbbox((box[0], top), label, font=font), fill=_BANNER)
    draw.text((box[0], top), label, fill=frame, font=font)


def draw_tables(image: Image.Image, scale: float, tables: list[FoundTable], status: PageStatus) -> Image.Image:
    """A copy of `image` with the tables, their cells and header rows drawn over it."""
    base = image.convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font = ImageFont.load_default(size=max(10, round(9 * scale)))
    for i, table in enumerate(tables, start=1):
        _draw_table(draw, table, i, scale, font)
    line = f"page {status.page}: {status.status} ({status.method}), tables: {len(tables)} - {status.reason}"
    draw.rectangle(draw.textbbox((4, 4), line, font=font), fill=_BANNER)
    draw.text((4, 4), line, fill=_INK, font=font)
    return Image.alpha_composite(base, overlay).convert("RGB")


def save_page_image(
    pdf_path: Path,
    status: PageStatus,
    tables: list[FoundTable],
    out_dir: Path,
    dpi: float = 100,
    password: str | None = None,
) -> Path:
    """Render, draw and write `NAME-pPAGE.png` in `out_dir`; returns the file written."""
    image, scale = render_page(pdf_path, status.page, dpi, password)
    out = out_dir / f"{pdf_path.stem}-p{status.page}.png"
    draw_tables(image, scale, tables, status).save(out)
    return out
