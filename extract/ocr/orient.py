"""Which way up a page image is, in quarter turns.

Two questions, answered cheaply. Do the text lines run across the image or down it? Words are
rows of glyphs, so closing the ink along the text's direction makes blobs long that way and
closing it the other way does not; the direction with more line-shaped blobs wins. Then which
end is up: the longest of those lines, turned to run across, go to PP-OCR's text-direction
classifier (0 or 180 degrees a line, a model inside rapidocr's wheel, a few milliseconds a line)
and the majority decides. Without rapidocr, tesseract's orientation detection (OSD) decides,
which reads the whole page and costs about a third of reading it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WORK_DPI = 75  # lines are found at this resolution: a word is still a blob, the page 16x smaller
MAX_LINES = 24  # the longest lines sent to the classifier
SURE = 0.9  # the classifier's score below which a line does not vote


@dataclass(frozen=True)
class LineBlobs:
    """Line-shaped blobs, in full-resolution pixels (x, y, w, h), of the direction they run."""

    across: bool  # the text runs across the image (upright or upside down)
    boxes: np.ndarray


def quarter_turn(grey: np.ndarray, dpi: int) -> int:
    """Degrees clockwise (0, 90, 180, 270) that turn the image so its text is upright."""
    lines = line_blobs(grey, dpi)
    if len(lines.boxes) == 0:
        return 0
    flipped = _upside_down(grey, lines)
    if lines.across:
        return 180 if flipped else 0
    return 270 if flipped else 90


def line_blobs(grey: np.ndarray, dpi: int) -> LineBlobs:
    import cv2

    q = max(1, round(dpi / WORK_DPI))
    small = cv2.resize(grey, (grey.shape[1] // q, grey.shape[0] // q), interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 12)
    work = dpi / q
    k = max(3, round(work * 0.06))  # wider than a letter gap, narrower than most cell gaps
    thin, thick = max(2, round(work * 0.04)), round(work * 0.2)
    found = []
    for across, kernel in ((True, (k, 1)), (False, (1, k))):
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
        long, short = (stats[1:, 2], stats[1:, 3]) if across else (stats[1:, 3], stats[1:, 2])
        keep = (long >= 3 * short) & (short >= thin) & (short <= thick)
        found.append(LineBlobs(across, stats[1:][keep, :4] * q))
    return max(found, key=lambda lb: (len(lb.boxes), lb.across))


def _upside_down(grey: np.ndarray, lines: LineBlobs) -> bool:
    crops = _line_crops(grey, lines)
    try:
        return _classify(crops)
    except ImportError:
        return _osd_upside_down(grey if lines.across else np.rot90(grey, -1))


def _line_crops(grey: np.ndarray, lines: LineBlobs) -> list[np.ndarray]:
    import cv2

    length = lines.boxes[:, 2] if lines.across else lines.boxes[:, 3]
    out = []
    for x, y, w, h in lines.boxes[np.argsort(-length)[:MAX_LINES]]:
        pad = max(2, int(min(w, h)) // 4)
        crop = grey[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad]
        out.append(crop if lines.across else cv2.rotate(crop, cv2.ROTATE_90_CLOCKWISE))
    return out


def _classify(crops: list[np.ndarray]) -> bool:
    """True if most sure lines read upside down."""
    import cv2

    from .paddle import classifier

    cls = classifier()
    _, results, _ = cls([cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops])
    votes = [label for label, score in results if score >= SURE]
    return sum(v == "180" for v in votes) * 2 > len(votes)


def _osd_upside_down(across: np.ndarray) -> bool:
    """Tesseract's orientation detection on the page turned so its lines run across."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    import cv2

    with tempfile.TemporaryDirectory(prefix="scorekit-osd-") as tmp:
        src = Path(tmp) / "page.pgm"
        cv2.imwrite(str(src), across)
        out = subprocess.run(
            ["tesseract", str(src), "stdout", "--psm", "0"],
            capture_output=True,
            text=True,
            check=False,
            env=dict(os.environ, OMP_THREAD_LIMIT="1"),
        )
    rotate = [ln.split(":")[1].strip() for ln in out.stdout.splitlines() if ln.startswith("Rotate:")]
    return rotate == ["180"]
