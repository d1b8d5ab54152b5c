"""Where the print is: the clean page's ink gathered into runs, one per phrase of a line.

An engine's words say what it read; these say what there is to read. Tesseract's sparse mode
drops short isolated numbers (`4`, `19`) as noise and reads a digit touching a minus sign as
the digit alone; each run of ink no word accounts for, or only part of, is where a word was
lost. Glyphs closer than about half their height join (letters, a minus and its digits, a thin
thousands space), farther ones (cells, columns) do not. Found at up to 150 dpi.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INK = 224  # grey level of the clean image (paper 255, the stretch makes the print dark) below which a pixel is print
WORK_DPI = 150
JOIN = 0.45  # glyphs nearer than this share of the text's height are one run
MIN_SIDE = 0.035  # inches: a run narrower and lower than this is a speck
MAX_HEIGHT = 0.5  # inches: taller runs are pictures, logos, a chart's bars


@dataclass(frozen=True, slots=True)
class InkBox:
    """A run of print, in the page image's pixels."""

    x0: int
    top: int
    x1: int
    bottom: int

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def width(self) -> int:
        return self.x1 - self.x0


@dataclass
class InkMap:
    """The page's runs of print and, at the working scale, which run each pixel belongs to."""

    boxes: list[InkBox]
    labels: np.ndarray  # 0 where no run, i + 1 inside boxes[i]
    scale: int
    text_height: float  # the usual glyph height, in page pixels

    def runs_under(self, x0: float, top: float, x1: float, bottom: float) -> set[int]:
        """Indexes of the runs with ink inside a box given in page pixels."""
        q = self.scale
        patch = self.labels[int(top) // q : int(bottom) // q + 1, int(x0) // q : int(x1) // q + 1]
        return {int(v) - 1 for v in np.unique(patch) if v}


def ink_map(clean: np.ndarray, dpi: int) -> InkMap:
    import cv2

    q = max(1, round(dpi / WORK_DPI))
    full = (clean < INK).astype(np.uint8)
    # any ink in a q x q block marks the block: a thin minus sign survives
    ink = np.ascontiguousarray(cv2.dilate(full, np.ones((q, q), np.uint8))[::q, ::q]) if q > 1 else full
    text = _text_height(ink, dpi / q)
    k = max(2, round(JOIN * text))
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    keep = np.zeros(n, np.int32)
    boxes: list[InkBox] = []
    low, high = MIN_SIDE * dpi / q, MAX_HEIGHT * dpi / q
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        w = max(1, w - k + 1)  # the dilation's own width is not ink
        x += (k - 1) // 2
        if (w < low and h < low) or h > high:
            continue
        boxes.append(InkBox(x * q, y * q, (x + w) * q, (y + h) * q))
        keep[i] = len(boxes)
    return InkMap(boxes, keep[labels], q, text * q)


def _text_height(ink: np.ndarray, work: float) -> float:
    """The median height of glyph-sized blobs: what word spacing is measured in."""
    import cv2

    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h = stats[1:, 3]
    glyphs = h[(h >= 0.04 * work) & (h <= 0.3 * work)]
    return float(np.median(glyphs)) if len(glyphs) else 0.1 * work
