"""Many small images read in one OCR call: packed on shelves with white between them.

Starting tesseract costs more than reading a short cell, and a tall one-column stack is mostly
white paper that its layout analysis still has to walk, so the cells of a page are packed in
rows ("shelves") into a few compact images; each word read is mapped back to the cell it lies in
by its position. The gaps are wider than any word space, so sparse-text mode never joins two
cells into one word. Tesseract stores coordinates as 16-bit integers, hence the size cap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MAX_SIDE = 30000


@dataclass
class Mosaic:
    image: np.ndarray
    members: list[int] = field(default_factory=list)  # indexes into the packed list
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # x0, top, x1, bottom
    gap: int = 0

    def owner(self, xc: float, yc: float) -> tuple[int, int, int] | None:
        """(packed index, x offset, y offset) of the image whose slot holds the point."""
        m = self.gap / 2
        for i, (x0, t, x1, b) in zip(self.members, self.boxes, strict=False):
            if x0 - m <= xc <= x1 + m and t - m <= yc <= b + m:
                return i, x0, t
        return None

    def under(self, x0: float, top: float, x1: float, bottom: float) -> list[int]:
        """The packed indexes of the images whose slots a word's box overlaps: more than one, and
        the word ran across cells (`19` `20` read as `1920`)."""
        return [
            i
            for i, (sx0, st, sx1, sb) in zip(self.members, self.boxes, strict=False)
            if x0 < sx1 and sx0 < x1 and top < sb and st < bottom
        ]


def pack(
    images: list[np.ndarray], gap: int, width: int = 3000, max_side: int = MAX_SIDE, column: bool = False
) -> list[Mosaic]:
    """Shelf packing in the given order (reading order keeps similar cells on one shelf).

    `column` stacks one image per shelf: for single-line reading, where tesseract would otherwise
    read two numbers side by side as one line and may glue them into one word.
    """
    width = max(width, max(im.shape[1] for im in images) + 2 * gap) if images else width
    placed: list[list[tuple[int, int, int]]] = [[]]
    x = y = gap
    shelf_h = 0
    for i, im in enumerate(images):
        h, w = im.shape
        if x + w + gap > width or (column and x > gap):
            x, y = gap, y + shelf_h + gap
            shelf_h = 0
        if y + h + gap > max_side and placed[-1]:
            placed.append([])
            x, y, shelf_h = gap, gap, 0
        placed[-1].append((i, x, y))
        x += w + gap
        shelf_h = max(shelf_h, h)
    out = []
    for group in placed:
        if not group:
            continue
        height = max(y + images[i].shape[0] for i, _, y in group) + gap
        canvas = np.full((height, width), 255, np.uint8)
        m = Mosaic(canvas, gap=gap)
        for i, x, y in group:
            h, w = images[i].shape
            canvas[y : y + h, x : x + w] = images[i]
            m.members.append(i)
            m.boxes.append((x, y, x + w, y + h))
        out.append(m)
    return out
