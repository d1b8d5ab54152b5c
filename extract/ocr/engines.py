"""OCR engines behind one small interface: a page image in, words with pixel boxes out.

Coordinates stay in pixels here; `ocr_page` converts to PDF points, so an engine knows nothing
about PDFs. Engines are plain top-level classes so a process pool can pickle them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

import numpy as np

from ..page import Word

NUMERIC = re.compile(r"^[\d%,.\-\u2212()]+$")
NUMERIC_CHARS = "0123456789%,.-"


class OcrEngine:
    name = "base"
    second: OcrEngine | None = None  # an independent reader for the cells this one cannot settle

    def words(self, image: np.ndarray) -> list[Word]:
        """Words anywhere on a page image (sparse text: titles and notes outside the grids)."""
        raise NotImplementedError

    def read_images(
        self, images: list[np.ndarray], numeric: bool = False, line: bool = False, alphabet: str = ""
    ) -> list[list[Word]]:
        """Words of each small image (a table cell), in that image's pixels.

        `numeric` says every image shows one number, so the engine may restrict its alphabet;
        `line` that every image is one short line of text (a label, a reference), `alphabet`
        the only characters it may hold.
        """
        raise NotImplementedError


class TesseractEngine(OcrEngine):
    """One `image_to_data` pass per page, then a second look at doubtful numbers.

    psm 11 (sparse text) because a table is not paragraphs: tesseract's layout analysis merges
    neighbouring cells into lines and drops short numbers. Low-confidence numeric words are
    read again on a padded crop as a single line restricted to digits and `%,.-`, which fixes
    most of `1O`, `S7`, `2l%` kinds of misreads.
    """

    name = "tesseract"

    def __init__(
        self,
        psm: int = 11,
        retry_below: float = 0.80,
        lang: str = "eng",
        cell_psm: int = 11,
        text_columns: bool = False,
    ):
        self.text_columns = text_columns  # read commentary/outcome/owner/reporter cells too
        self.psm = psm
        self.cell_psm = cell_psm
        self.retry_below = retry_below
        self.lang = lang

    def words(self, image: np.ndarray) -> list[Word]:
        from . import tess

        out = []
        for t in tess.run(image, self.psm, lang=self.lang):
            w = Word(t.text, t.x0, t.top, t.x1, t.bottom, True, t.conf)
            if w.conf < self.retry_below and _numberish(t.text):
                w = self._reread_number(image, w)
            out.append(w)
        return out

    def read_images(
        self, images: list[np.ndarray], numeric: bool = False, line: bool = False, alphabet: str = ""
    ) -> list[list[Word]]:
        """Cells packed into mosaics: text cells on shelves in sparse mode, numbers one per line.

        A number read as one line of a single-column stack, alphabet restricted, is tesseract's
        most accurate mode; sparse mode over shelves is its cheapest for a page of mixed cells.
        A word goes to the cell its centre lies in; one whose box runs across two cells
        (tesseract joined `19` and `20` as `1920`, or stretched `target` over a neighbour's lines)
        only where that cell has no reading of its own: it is as likely the neighbour's text.
        """
        from . import tess
        from .mosaic import pack

        out: list[list[Word]] = [[] for _ in images]
        if not images:
            return out
        gap = max(30, int(np.median([im.shape[0] for im in images])))
        single = numeric or line
        psm, wl = (6, NUMERIC_CHARS) if numeric else (6, alphabet) if line else (self.cell_psm, "")
        width = max(im.shape[1] for im in images) + 2 * gap if single else 3000
        spanning: dict[int, list[Word]] = {}
        for m in pack(images, gap, width=width, column=single):
            for w in tess.run(m.image, psm, whitelist=wl, lang=self.lang):
                hit = m.owner((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2)
                if hit is None:
                    continue
                i, dx, dy = hit
                word = Word(w.text, w.x0 - dx, w.top - dy, w.x1 - dx, w.bottom - dy, True, w.conf)
                across = len(m.under(w.x0, w.top, w.x1, w.bottom)) > 1
                (spanning.setdefault(i, []) if across else out[i]).append(word)
        for i, words in spanning.items():
            out[i] = out[i] or words
        return out

    def _reread_number(self, image: np.ndarray, w: Word) -> Word:
        import pytesseract

        d = pytesseract.image_to_data(
            word_crop(image, w),
            lang=self.lang,
            config=f"--psm 7 -c tessedit_char_whitelist={NUMERIC_CHARS}",
            output_type=pytesseract.Output.DICT,
        )
        parts = [
            (t.strip(), float(c))
            for t, c in zip(d["text"], d["conf"], strict=False)
            if t and t.strip() and float(c) >= 0
        ]
        if not parts:
            return w
        text = "".join(t for t, _ in parts)
        conf = min(c for _, c in parts) / 100
        if conf > w.conf and NUMERIC.match(text):
            return Word(text, w.x0, w.top, w.x1, w.bottom, True, conf)
        return w


class RapidOcrEngine(OcrEngine):
    """RapidOCR (PP-OCR models in ONNX, shipped inside the `rapidocr-onnxruntime` wheel).

    Its defaults suit photos, not A3 tables: it shrinks the long side to 2,000 px (6pt digits
    become unreadable), keeps at most 1,000 detected boxes (a scorecard page has more) and its
    text-direction classifier flips short cells such as `15`; all three are lifted or turned off.
    It returns text lines, which are split into words with boxes apportioned by character count.
    """

    name = "rapidocr"

    def __init__(self, max_side: int = 8000):
        self.max_side = max_side
        self._engine = None

    def __getstate__(self):
        return {"max_side": self.max_side, "_engine": None}

    def _get(self):
        if self._engine is None:
            from rapidocr_onnxruntime import RapidOCR

            self._engine = RapidOCR(
                max_side_len=self.max_side,
                det_limit_side_len=self.max_side,
                det_limit_type="max",
                det_max_candidates=20000,
                use_cls=False,
                intra_op_num_threads=1,
                inter_op_num_threads=1,
            )
        return self._engine

    def words(self, image: np.ndarray) -> list[Word]:
        import cv2

        rgb = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if image.ndim == 2 else image
        result, _ = self._get()(rgb, use_cls=False)
        out: list[Word] = []
        for box, text, score in result or []:
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            out.extend(split_line(_plain(text), min(xs), min(ys), max(xs), max(ys), float(score)))
        return out

    def read_images(
        self, images: list[np.ndarray], numeric: bool = False, line: bool = False, alphabet: str = ""
    ) -> list[list[Word]]:
        """The recogniser alone, one text line per crop: a cell is already located, so detection
        would only cost time and split `96 %` apart. A wrapped cell is cut into its lines first.

        `numeric` and `alphabet` restrict the decoding (see `recognise`).
        """
        from .recognise import recognise

        crops, owners = [], []
        for i, im in enumerate(images):
            for top, bottom in [(0, im.shape[0])] if numeric or line else text_lines(im):
                for x0, x1 in pieces(im[top:bottom]):
                    crops.append(im[top:bottom, x0:x1])
                    owners.append((i, x0, top, x1, bottom))
        out: list[list[Word]] = [[] for _ in images]
        if not crops:
            return out
        rec = self._get().text_rec
        results = recognise(rec.session, rec.postprocess_op.character, crops, NUMERIC_CHARS if numeric else alphabet)
        for (i, x0, top, x1, bottom), (text, score) in zip(owners, results, strict=False):
            out[i].extend(split_line(_plain(text), x0, top, x1, bottom, score))
        return out


def _plain(text: str) -> str:
    """The model's alphabet is Chinese-first: full-width `％`, `，` and `（` come back as such."""
    import unicodedata

    return unicodedata.normalize("NFKC", text).strip()


def pieces(line: np.ndarray, ink: int = 150, longest: float = 8.0) -> list[tuple[int, int]]:
    """A text line cut at word gaps into pieces at most `longest` line-heights wide: the
    recogniser's attention grows with the square of its input's width, so a 40-word comment read
    whole costs ten times what it costs read in pieces."""
    h, w = line.shape
    if w <= longest * h:
        return [(0, w)]
    cols = np.asarray((line < ink).any(axis=0))  # numpy types `any(axis=...)` as possibly a scalar
    gap = max(3, h // 4)
    cuts, run = [], 0
    for x in range(w):
        run = run + 1 if not cols[x] else 0
        if run == gap:
            cuts.append(x - gap // 2)
    out, start = [], 0
    for a, b in zip(cuts, cuts[1:] + [w], strict=False):
        if b - start > longest * h and a > start:
            out.append((start, a))
            start = a
    out.append((start, w))
    return out


def text_lines(image: np.ndarray, ink: int = 150, pad: int = 4) -> list[tuple[int, int]]:
    """Row bands holding ink, split at blank rows; bands thinner than a third of the tallest (a
    dot, an underline) join the nearest one."""
    rows = np.flatnonzero((image < ink).any(axis=1))
    if rows.size == 0:
        return [(0, image.shape[0])]
    bands: list[list[int]] = [[int(rows[0]), int(rows[0])]]
    for r in rows[1:]:
        if r - bands[-1][1] > 1:
            bands.append([int(r), int(r)])
        else:
            bands[-1][1] = int(r)
    tall = max(b - a + 1 for a, b in bands)
    merged: list[list[int]] = []
    for a, b in bands:
        if merged and (b - a + 1 < tall / 3 or merged[-1][1] - merged[-1][0] + 1 < tall / 3):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(max(0, a - pad), min(image.shape[0], b + pad + 1)) for a, b in merged]


def split_line(text: str, x0: float, top: float, x1: float, bottom: float, conf: float) -> list[Word]:
    toks = text.split()
    if len(toks) <= 1:
        return [Word(text.strip(), x0, top, x1, bottom, True, conf)] if text.strip() else []
    per = (x1 - x0) / max(1, len(text))
    out, pos = [], 0
    for t in toks:
        start = text.index(t, pos)
        out.append(Word(t, x0 + start * per, top, x0 + (start + len(t)) * per, bottom, True, conf))
        pos = start + len(t)
    return out


def word_crop(image: np.ndarray, w: Word) -> np.ndarray:
    """A word's box on the page image (pixels) with white round it, for reading it again alone."""
    pad = max(4, int((w.bottom - w.top) * 0.4))
    y0, y1 = max(0, int(w.top) - pad), min(image.shape[0], int(w.bottom) + pad)
    x0, x1 = max(0, int(w.x0) - pad), min(image.shape[1], int(w.x1) + pad)
    return np.pad(image[y0:y1, x0:x1], pad, constant_values=255)


def _numberish(text: str) -> bool:
    t = text.strip("|[]()")
    digits = sum(ch.isdigit() for ch in t)
    return digits >= 1 and digits >= 0.5 * len(t)


def _paired() -> OcrEngine:
    """Tesseract reads the page; PP-OCR reads what tesseract's own readings leave unsettled. Two
    engines with unrelated models rarely make the same mistake, so their agreement is evidence no
    third tesseract reading gives, and the recogniser costs ~15 ms a cell, paid only on those."""
    eng = TesseractEngine()
    eng.second = RapidOcrEngine()
    eng.name = "tesseract+rapidocr"
    return eng


def _auto() -> OcrEngine:
    """The pair where PP-OCR is installed (it measures better on every fixture), else tesseract."""
    import importlib.util

    return _paired() if importlib.util.find_spec("rapidocr_onnxruntime") else TesseractEngine()


class EngineName(StrEnum):
    """The engines `--ocr-engine` offers: auto is the pair where rapidocr is installed, else tesseract."""

    auto = "auto"
    tesseract = "tesseract"
    rapidocr = "rapidocr"
    paired = "tesseract+rapidocr"


ENGINES: dict[str, Callable[[], OcrEngine]] = {
    EngineName.auto: _auto,
    EngineName.tesseract: TesseractEngine,
    EngineName.rapidocr: RapidOcrEngine,
    EngineName.paired: _paired,
}


_LOADED: dict[str, OcrEngine] = {}


def get_engine(name: str | OcrEngine) -> OcrEngine:
    """One engine per name per process: loading PP-OCR's models costs more than reading a page."""
    if isinstance(name, OcrEngine):
        return name
    if name not in ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; known: {', '.join(ENGINES)}")
    if name not in _LOADED:
        _LOADED[name] = ENGINES[name]()
    return _LOADED[name]
