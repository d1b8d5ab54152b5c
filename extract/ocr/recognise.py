"""PP-OCR's text recogniser (rapidocr's ONNX model) driven for table cells.

rapidocr's own driver pads every crop to at least 320 px wide (a 3-digit cell costs as much as a
sentence) and decodes over the model's whole 6,600-character alphabet. Cells are short and their
alphabet is often known, so crops are batched by similar width with no floor, and the CTC output is
decoded over the allowed characters only: a `%` cannot come back as `％`, nor `0` as `O`, and the
confidence of a cell whose ink is no digit stays low because the masked probabilities are not
renormalised.
"""

from __future__ import annotations

import math

import numpy as np

HEIGHT = 48  # the model's input height
MAX_BATCH = 4  # measured: larger batches are slower per crop on CPU
SPREAD = 1.25  # widest / narrowest crop in one batch


def recognise(session, characters: list[str], crops: list[np.ndarray], allowed: str = "") -> list[tuple[str, float]]:
    """(text, confidence) per grey crop; confidence is the least sure character's probability."""
    import cv2

    widths = [max(HEIGHT // 2, min(4 * 1024, math.ceil(HEIGHT * c.shape[1] / max(1, c.shape[0])))) for c in crops]
    order = sorted(range(len(crops)), key=widths.__getitem__)
    mask = _mask(characters, allowed) if allowed else None
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and end - start < MAX_BATCH and widths[order[end]] <= SPREAD * widths[order[start]]:
            end += 1
        idx = order[start:end]
        w = widths[idx[-1]]
        batch = np.zeros((len(idx), 3, HEIGHT, w), np.float32)
        for k, i in enumerate(idx):
            img = cv2.resize(
                crops[i],
                (widths[i], HEIGHT),
                interpolation=cv2.INTER_AREA if crops[i].shape[0] > HEIGHT else cv2.INTER_CUBIC,
            )
            batch[k, :, :, : widths[i]] = img.astype(np.float32) / 127.5 - 1.0
        probs = session(batch)[0]
        for k, i in enumerate(idx):
            out[i] = _decode(probs[k], characters, mask)
        start = end
    return out


def _mask(characters: list[str], allowed: str) -> np.ndarray:
    keep = set(allowed) | {"blank"}
    return np.array([ch in keep for ch in characters], bool)


def _decode(probs: np.ndarray, characters: list[str], mask: np.ndarray | None) -> tuple[str, float]:
    """Greedy CTC: best class per step, repeats collapsed, blanks (index 0) dropped."""
    p = probs if mask is None else np.where(mask, probs, 0.0)
    best = p.argmax(axis=1)
    conf = p[np.arange(len(best)), best]
    keep = best != 0
    keep[1:] &= best[1:] != best[:-1]
    text = "".join(characters[i] for i in best[keep])
    return text, float(conf[keep].min()) if keep.any() else 0.0
