"""PP-OCR (rapidocr's ONNX models, inside its wheel: nothing is downloaded) as a reader of crops.

Its detector and recogniser also read whole pages, but at five to ten times tesseract's time on
a scanned page, so here the recogniser reads what tesseract left in doubt: one text line per
crop, batched by similar width with no padding floor (rapidocr's own driver pads every crop to
320 px, so a three-digit number costs what a sentence does). One inference gives two readings:
over the model's whole alphabet, and over a restricted one (digits and number signs), from
the same probabilities with every other character masked out and not renormalised, so a crop
whose ink is no number keeps a low confidence. The text-direction classifier says whether a
line is upside down.
"""

from __future__ import annotations

import math
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

HEIGHT = 48  # the recogniser's input height
MAX_BATCH = 4  # larger batches measured slower per crop on CPU
SPREAD = 1.25  # widest / narrowest crop in one batch
MAX_WIDTH = 4096


@dataclass(frozen=True, slots=True)
class LineReading:
    """One crop read as one line: over the whole alphabet, and over the restricted one."""

    text: str
    conf: float  # the least sure character's probability
    restricted: str = ""
    restricted_conf: float = 0.0


@cache
def _rapid() -> Any:
    """One RapidOCR per process, single-threaded (pages run one per core), with the limits that
    suit A3 tables: no shrinking of the page, no cap of 1,000 boxes, no direction classifier
    on every box (it flips short cells such as `15`)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(
        max_side_len=8000,
        det_limit_side_len=8000,
        det_limit_type="max",
        det_max_candidates=20000,
        use_cls=False,
        intra_op_num_threads=1,
        inter_op_num_threads=1,
    )


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def classifier() -> Any:
    """rapidocr's text-direction classifier: crops in, (label '0'|'180', score) per crop out."""
    return _rapid().text_cls


def read_lines(crops: list[np.ndarray], alphabet: str = "") -> list[LineReading]:
    """Each grey crop read as one line of text; with `alphabet`, also restricted to it."""
    rec = _rapid().text_rec
    characters: list[str] = rec.postprocess_op.character
    mask = np.array([ch in set(alphabet) | {"blank"} for ch in characters], bool) if alphabet else None
    out = [LineReading("", 0.0)] * len(crops)
    for batch in _batches(crops):
        probs = rec.session(_tensor([crops[i] for i in batch]))[0]
        for k, i in enumerate(batch):
            text, conf = _decode(probs[k], characters, None)
            rtext, rconf = _decode(probs[k], characters, mask) if mask is not None else ("", 0.0)
            out[i] = LineReading(_plain(text), conf, _plain(rtext), rconf)
    return out


def page_lines(image: np.ndarray) -> list[tuple[list[list[float]], str, float]]:
    """Detector and recogniser over a whole page: (quadrilateral, text, score) per text line."""
    import cv2

    rgb = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image
    result, _ = _rapid()(rgb, use_cls=False)
    return [(box, _plain(text), float(score)) for box, text, score in result or []]


def _width(crop: np.ndarray) -> int:
    return max(HEIGHT // 2, min(MAX_WIDTH, math.ceil(HEIGHT * crop.shape[1] / max(1, crop.shape[0]))))


def _batches(crops: list[np.ndarray]) -> list[list[int]]:
    widths = [_width(c) for c in crops]
    order = sorted(range(len(crops)), key=widths.__getitem__)
    out: list[list[int]] = []
    for i in order:
        if out and len(out[-1]) < MAX_BATCH and widths[i] <= SPREAD * widths[out[-1][0]]:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _tensor(crops: list[np.ndarray]) -> np.ndarray:
    import cv2

    widths = [_width(c) for c in crops]
    batch = np.zeros((len(crops), 3, HEIGHT, max(widths)), np.float32)
    for k, (crop, w) in enumerate(zip(crops, widths, strict=True)):
        shrink = crop.shape[0] > HEIGHT
        img = cv2.resize(crop, (w, HEIGHT), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC)
        batch[k, :, :, :w] = img.astype(np.float32) / 127.5 - 1.0
    return batch


def _decode(probs: np.ndarray, characters: list[str], mask: np.ndarray | None) -> tuple[str, float]:
    """Greedy CTC: the best class per step, repeats collapsed, blanks (index 0) dropped."""
    p = probs if mask is None else np.where(mask, probs, 0.0)
    best = p.argmax(axis=1)
    conf = p[np.arange(len(best)), best]
    keep = best != 0
    keep[1:] &= best[1:] != best[:-1]
    text = "".join(characters[i] for i in best[keep])
    return text, float(conf[keep].min()) if keep.any() else 0.0


def _plain(text: str) -> str:
    """The model's alphabet is Chinese-first: full-width `％`, `，` and `（` come back as such."""
    return unicodedata.normalize("NFKC", text).strip()
