"""References on a page read without a grid, read again where a lookalike may stand for a digit.

On a ruled page the reference column is known and every doubtful reference is read again
(`labels._reread_refs`). A sparse pass has no columns yet: `EHS-OL` comes back for a blurred
`EH5-OL` at the engine's full confidence, and the reader, which sees a prefix nothing else in
its column prints and no number, can only withhold the row. A word whose lookalike repair
(`labels.ref_fix`, driven by `vocabulary.json`'s `reference_lookalikes`) gives a reference is
read again by the second engine, whose model is unrelated to tesseract's: where that engine
itself reads the digit the repair puts there, the repair stands. Its reading is compared as
read, not repaired, so the repair cannot vouch for itself; where it reads the letter, or
anything else, the word stays as tesseract read it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..page import Word
from .engines import OcrEngine, word_crop

AGREED = 0.9  # the confidence of a reference its repair and the second engine agree on


def lookalike_refs(img: np.ndarray, words: list[Word], engine: OcrEngine) -> list[Word]:
    """The words, each reference-shaped repair the second engine reads as printed taken."""
    from .labels import REF_ALPHABET, REF_SHAPE, ref_fix

    if engine.second is None:
        return words
    todo = [(k, fixed) for k, w in enumerate(words) if (fixed := ref_fix(w.text)) != w.text and REF_SHAPE.match(fixed)]
    if not todo:
        return words
    got = engine.second.read_images([word_crop(img, words[k]) for k, _ in todo], line=True, alphabet=REF_ALPHABET)
    out = list(words)
    for (k, fixed), read in zip(todo, got, strict=True):
        if "".join(w.text for w in read) == fixed.replace(" ", ""):
            out[k] = replace(words[k], text=fixed, conf=max(words[k].conf, AGREED))
    return out
