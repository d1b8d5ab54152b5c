"""Read the cells of a page's grids: a general pass, then independent readings of each number.

Two independent readings of a number are the cheapest confidence signal OCR has: the general
pass sees the cell in context (arrows, `n/a`, words), the second sees only the number's own ink
as one line with tesseract's alphabet cut to digits and `%,.-`. Where they agree the number is
trustworthy; where they do not, a third reading at a larger scale decides by majority, and a
number with no majority keeps a confidence below the floor, so the table logic withholds it.
A lone clean number tesseract is sure of (SURE) is not read again: on the fixtures a second
reading disagreed with such a first one in 2 of 323 cases, both header fragments.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace

import numpy as np

from ..page import Word
from ..values import SPACE_GROUPED, parse_number
from ..vocabulary import VOCABULARY
from . import glyphs
from .cleanup import clean_cell, prefix_letter
from .dots import dots, faint_dash
from .engines import OcrEngine, word_crop
from .image import true_runs
from .layout import INK, CellImage

NUMBER_RE = re.compile(r"^[(\-\u2212–]?\d[\d,.]*%?\)?$")
_CONFUSABLE = set("0123456789%,.-()OoIlSsBZ|")
_WORDS = {"-", "n/a", "na", "tbc", "nil", "r", "a", "g"}
AGREE = 0.97
MAJORITY = 0.9
NO_MAJORITY = 0.3
SURE = 0.95  # first-pass confidence above which a clean number is not read again
LEAD_SURE = 0.85  # first-pass confidence from which letters before a number are kept as text
SECOND_SCALE = 1.6  # at 1.0 tesseract drops lone digits (`0`) in single-line mode
THIRD_SCALE = 2.2


def scale_of(img: np.ndarray, f: float) -> np.ndarray:
    import cv2

    return cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)


@dataclass
class CellReading:
    cell: CellImage
    words: list[Word] = field(default_factory=list)  # in the cell image's pixels
    readings: list[str] = field(default_factory=list)  # every reading of the cell's number
    glyph: bool = False  # settled from its shape (`▲`, a lone `-`), not read
    unfit: str = ""  # a reading the cell's ink rules out (`inkfit`)
    restored: str = ""  # the second engine's number with an edge digit tesseract's readings dropped


def side_padded(r: CellReading) -> np.ndarray:
    """The cell's image with white at its sides: a figure cropped tight to its ink loses its edge
    digits to a recogniser reading it alone."""
    return np.pad(r.cell.image, ((0, 0), (6, 6)), constant_values=255)


def read_cells(cells: list[CellImage], engine: OcrEngine, numbers: bool = True) -> list[CellReading]:
    """A general reading of every cell, then (unless `numbers` is off, for a caller that settles
    several batches at once: each OCR call costs a tesseract start) the numbers' own readings."""
    readings: list[CellReading] = []
    to_read: list[CellReading] = []
    for c in cells:
        r = CellReading(c)
        readings.append(r)
        g = (
            glyphs.lone_arrow(c.image)
            or glyphs.triangle(c.image)
            or glyphs.flat_arrow(c.image)
            or dots(c.image)
            or ("-" if glyphs.dash(c.image) or faint_dash(c.image) else None)
        )
        if g:
            h, w = c.image.shape
            r.words = [Word(g, 0, 0, w, h, True, 0.95)]
            r.glyph = True
        else:
            to_read.append(r)
    first = engine.read_images([r.cell.image for r in to_read])
    for r, words in zip(to_read, first, strict=False):
        r.words = zeros_read_as_os(r.cell.image, clean_cell(words, r.cell.image))
    unread = [r for r in to_read if _lines_unread(r)]
    _reread_as_blocks(unread, engine)
    _read_lost_lines([r for r in unread if _lost_lines(r)], engine)
    if numbers:
        settle_numbers(readings, engine)
    return readings


def ink_lines(img: np.ndarray) -> list[tuple[int, int]]:
    """The cell's lines of print: runs of inked rows at least half as tall as its tallest."""
    runs = true_runs((img < INK).any(axis=1))
    tallest = max((b - a for a, b in runs), default=0)
    return [(a, b) for a, b in runs if b - a >= 0.5 * tallest]


def _lines_unread(r: CellReading) -> bool:
    """A cell of words (a wrapped header, a long name) whose print the words do not all stand on:
    sparse mode drops short centred lines of a narrow header cell (`Number`, `of`, `council`;
    `% change from` over `Aug-20`), and ends a short wrapped line early at full confidence
    (`ol` for `old`, `period` without its `end`). A cell of figures is left as read, and so is one
    read as nothing on one line (an arrow's or a figure's ink: their own readings settle it)."""
    if r.words and all(NUMBER_RE.match(w.text) for w in r.words):
        return False
    lines = ink_lines(r.cell.image)
    if len(lines) >= 2 and _lines_read(r.words, lines) < len(lines):
        return True
    return bool(r.words) and _bare_ink(r.words, r.cell.image, lines) > 0


def _lines_read(words: list[Word], lines: list[tuple[int, int]]) -> int:
    return sum(bool(_on_line(words, a, b)) for a, b in lines)


def _on_line(words: list[Word], a: int, b: int) -> list[Word]:
    """The words standing on the line of print [a, b): their middle on it (a descender of the
    line above reaches into its rows)."""
    return [w for w in words if a <= (w.top + w.bottom) / 2 < b]


def _lost_lines(r: CellReading) -> list[tuple[int, int]]:
    lines = ink_lines(r.cell.image)
    return [(a, b) for a, b in lines if not _on_line(r.words, a, b)] if len(lines) >= 2 else []


def _read_lost_lines(todo: list[CellReading], engine: OcrEngine) -> None:
    """Each line of print no word stands on, read on its own as one line, its words added: where
    a block reading would misread the lines already read (`fercentage`), the line alone (`47`
    under a long name) is read apart."""
    crops = [(r, a, b) for r in todo for a, b in _lost_lines(r)]
    if not crops:
        return
    pad = 4
    images = [r.cell.image[max(0, a - pad) : b + pad] for r, a, b in crops]
    for (r, a, _), words in zip(crops, engine.read_images(images, line=True), strict=True):
        dy = max(0, a - pad)
        r.words += [
            replace(w, top=w.top + dy, bottom=w.bottom + dy) for w in clean_cell(words, r.cell.image) if w.text.strip()
        ]


BARE_LETTER = 0.3  # of a line's height: the narrowest run of ink no word's box spans that is a letter, not a speck


def _bare_ink(words: list[Word], img: np.ndarray, lines: list[tuple[int, int]]) -> int:
    """Columns of the lines' ink that no word on the line spans, in runs a letter wide (runs
    parted by less than a letter's gap count as one): what a reading left out. An engine's
    box is drawn round the glyphs it read, so a word cut short leaves its last letters bare."""
    bare = 0
    for a, b in lines:
        inked = np.asarray((img[a:b] < INK).any(axis=0))
        for w in _on_line(words, a, b):
            inked[max(0, int(w.x0)) : int(np.ceil(w.x1))] = False
        gap = max(1, int(0.15 * (b - a)))
        for x0, x1 in _joined(true_runs(inked), gap):
            if x1 - x0 >= BARE_LETTER * (b - a):
                bare += x1 - x0
    return bare


def _joined(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out and a - out[-1][1] <= gap:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _reread_as_blocks(todo: list[CellReading], engine: OcrEngine) -> None:
    """Cells read again as blocks of lines; the new reading stands where it reads more lines, or
    as many, leaving less of their ink bare, and carries every word read before, whole or within
    a longer one over it (`ol` in `old`, `ns` in `plans`), each in a word of its own: a block
    reading joins words a wide cell sets apart (`Nov22`) and misreads others (`fercentage`) as
    readily as it finishes a cut one."""
    if not todo:
        return
    for r, words in zip(todo, engine.read_images([r.cell.image for r in todo], line=True), strict=True):
        lines = ink_lines(r.cell.image)
        block = clean_cell(words, r.cell.image)
        read, more = _lines_read(r.words, lines), _lines_read(block, lines)
        if more > read or (
            more == read
            and _bare_ink(block, r.cell.image, lines) < _bare_ink(r.words, r.cell.image, lines)
            and _carries(block, r.words)
        ):
            r.words = block


def _carries(block: list[Word], words: list[Word]) -> bool:
    """Each word lies within one word of the block over it, no two within the same."""
    holders = [next((k for k, b in enumerate(block) if w.text in b.text and _overlap(w, b)), None) for w in words]
    return None not in holders and len(set(holders)) == len(holders)


def _overlap(a: Word, b: Word) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


def zeros_read_as_os(img: np.ndarray, words: list[Word]) -> list[Word]:
    """Words (in `img`'s pixels) with the zeros their ink shows where both engines read `O`."""
    out = []
    for w in words:
        text = glyphs.zeros_for_os(word_crop(img, w), w.text) if "O" in w.text else w.text
        out.append(w if text == w.text else replace(w, text=text, note="zero_from_ink"))
    return out


def settle_numbers(readings: list[CellReading], engine: OcrEngine) -> None:
    read = [r for r in readings if not r.glyph]
    _numbers(read, engine)
    for r in read:
        restore_minus(r)


def restore_minus(r: CellReading) -> None:
    """Put back a minus sign the readings lost but the ink shows (`glyphs.leading_minus`)."""
    nums = [k for k, w in enumerate(r.words) if NUMBER_RE.match(w.text) and w.text[0] not in "-\u2212–("]
    if len(nums) != 1:
        return
    k = nums[0]
    w = r.words[k]
    start = int(r.words[k - 1].x1) if k else 0
    m = int(w.bottom - w.top) // 3  # this word's line only, in a wrapped cell
    if glyphs.leading_minus(
        r.cell.image[max(0, int(w.top) - m) : int(w.bottom) + m + 1, max(0, start) : int(w.x1) + 1]
    ):
        r.words[k] = replace(w, text="-" + w.text, note="minus_restored")


def _number_cell(words: list[Word]) -> bool:
    """One token that is (or OCR-confusably is) a number, perhaps after an arrow; not a
    reference whose prefix is set apart (`W 06`)."""
    if words and prefix_letter(words[0], words[1:2]):
        return False
    if _separate_lead(words):
        words = words[1:]  # `JL -19%`: an arrow read as letters; split_arrow decides from the ink
    if any(sum(ch.isalpha() and ch not in _CONFUSABLE for ch in w.text) >= 2 for w in words):
        return False
    toks = [w.text for w in words if any(ch.isdigit() for ch in w.text) or set(w.text) <= _CONFUSABLE]
    if len(toks) == 2 and len(toks[0]) == 1:
        toks = toks[1:]  # `1 -87%`: an arrow read as a digit; split_arrow decides from the ink
    if len(toks) != 1:
        return False
    t = toks[0]
    return sum(ch.isdigit() for ch in t) >= 1 and set(t) <= _CONFUSABLE


def _lone_glyph(r: CellReading) -> bool:
    """A one-character cell the general pass misread as junk (`0` as `ie)`): worth a digit read."""
    text = " ".join(w.text for w in r.words)
    if not text or len(text) > 3 or text.lower() in _WORDS or any(ch.isdigit() for ch in text):
        return False
    runs = glyphs.ink_runs(r.cell.image)
    if len(runs) != 1:
        return False
    ink = r.cell.image < 150
    rows = np.where(ink.any(axis=1))[0]
    return (runs[0][1] - runs[0][0]) <= 1.0 * (rows[-1] - rows[0] + 1)


def _numbers(readings: list[CellReading], engine: OcrEngine) -> None:
    jobs: list[tuple[CellReading, str, int, int]] = []
    crops = []
    lone: list[tuple[CellReading, str]] = []
    tall = print_height(readings)
    for r in readings:
        if _lone_glyph(r):
            if _ink_height(r.cell.image) < 0.7 * tall:
                continue  # a speck, not a digit the first pass missed
            h, w = r.cell.image.shape
            lone.append((r, " ".join(w.text for w in r.words)))
            r.words = [Word("", 0, 0, w, h, True, 0.0)]
        elif not _number_cell(r.words):
            continue
        elif _ink_height(r.cell.image) < 0.7 * tall:
            r.words = []  # a rule's remnant or a speck read as `1`: figures of one table share a height
            continue
        if (
            len(r.words) == 1
            and r.words[0].conf >= SURE
            and NUMBER_RE.match(r.words[0].text)
            and parse_number(r.words[0].text)
        ):
            r.readings = [
                r.words[0].text
            ] * 2  # tesseract is sure of a lone clean number: a reread agrees 99% of the time
            continue
        img = r.cell.image
        split = glyphs.split_arrow(img)
        if split and split[0] != "→" and not _separate_lead(r.words):
            split = None  # `↑`/`↓` look like a `1`; only a token apart in the first pass makes one an arrow
        arrow, x0, x1 = split if split else ("", 0, img.shape[1])
        pad = 6
        crop = np.pad(img[:, max(0, x0 - 2) : min(img.shape[1], x1 + 2)], ((0, 0), (pad, pad)), constant_values=255)
        crops.append(crop)
        jobs.append((r, arrow, x0, x1))
    if not crops:
        return
    second = engine.read_images([scale_of(c, SECOND_SCALE) for c in crops], numeric=True)
    third_idx = []
    for k, ((r, _arrow, _x0, _x1), words) in enumerate(zip(jobs, second, strict=False)):
        first = _number_word(r.words)
        r.readings = [first.text, "".join(w.text for w in words)]
        if _same(*r.readings):
            continue
        third_idx.append(k)
    if third_idx:
        big = [scale_of(crops[k], THIRD_SCALE) for k in third_idx]
        for k, words in zip(third_idx, engine.read_images(big, numeric=True), strict=False):
            jobs[k][0].readings.append("".join(w.text for w in words))
        if engine.second is not None:
            for k, words in zip(
                third_idx, engine.second.read_images([crops[k] for k in third_idx], numeric=True), strict=False
            ):
                _second_reading(jobs[k][0], words)
    for r, arrow, x0, x1 in jobs:
        _settle(r, arrow, x0, x1)
        if os.environ.get("SCOREKIT_OCR_DEBUG") and not _same(r.readings[0], r.readings[1]):
            print("readings", r.cell.x0, r.cell.top, r.readings, [w.text for w in r.words], file=sys.stderr)
    _short_codes(lone, engine.second)


def _short_codes(lone: list[tuple[CellReading, str]], second: OcrEngine | None) -> None:
    """A one-glyph cell in which no reading found a number, and which the first pass read as a
    short code (`c`, `x`: suppressed), is that code where the second engine reads it too. A code
    of one letter is never guessed from one reading (`VOCABULARY.ocr_code`), as specks make
    them; two unrelated engines naming the same letter-high glyph are no speck."""
    todo = [
        (r, code)
        for r, first in lone
        if (code := VOCABULARY.short_code(first)) and not any(parse_number(w.text) is not None for w in r.words)
    ]
    if second is None or not todo:
        return
    for (r, code), words in zip(todo, second.read_images([r.cell.image for r, _ in todo]), strict=True):
        if VOCABULARY.short_code(" ".join(w.text for w in words)) == code:
            h, w = r.cell.image.shape
            r.words = [Word(code, 0, 0, w, h, True, MAJORITY)]


def _second_reading(r: CellReading, words: list[Word]) -> None:
    """The second engine's reading of a cell tesseract's readings disagree on: one more vote where
    they have no majority; where they have one, the number it restores if sure of it. Tesseract's
    readings at several scales share one model and drop one thin edge digit alike (`8162` for
    `18162`, a `1` glued to the `8`); an unrelated model that reads the digit, the rest the same,
    outweighs them."""
    text = "".join(w.text for w in words)
    best = _majority(r.readings)
    if best is None:
        r.readings.append(text)
    elif min((w.conf for w in words), default=0.0) >= SURE and _restores_edge_digits(text, best):
        r.restored = text


def _restores_edge_digits(text: str, best: str) -> bool:
    """`text` is `best` with more digits before or after it: the ones tesseract drops where
    glyphs touch (`3416` read `16`) or a thin `1` is glued to its neighbour (`8162`)."""
    if parse_number(text) is None or not NUMBER_RE.match(text) or parse_number(best) is None:
        return False
    extra = len(text) - len(best)
    if extra < 1:
        return False
    return (text.endswith(best) and text[:extra].isdigit()) or (text.startswith(best) and text[-extra:].isdigit())


def _separate_lead(words: list[Word]) -> bool:
    """A short first token apart from the rest (an arrow read as `JL` or `1`), not the
    thousands of a number set off by a space (`18 137`)."""
    return (
        len(words) >= 2
        and len(words[0].text) <= 2
        and words[0].x1 < words[1].x0
        and not SPACE_GROUPED.match(" ".join(w.text for w in words))
    )


def _number_word(words: list[Word]) -> Word:
    digits = [w for w in words if any(ch.isdigit() for ch in w.text)]
    return max(digits, key=lambda w: len(w.text)) if digits else words[0]


def _same(a: str, b: str) -> bool:
    na, nb = parse_number(a), parse_number(b)
    return na is not None and na == nb


def _majority(texts: list[str]) -> str | None:
    votes = [t for t in texts if parse_number(t) is not None]
    return next((t for t in votes if sum(_same(t, u) for u in votes) >= 2), None)


def _settle(r: CellReading, arrow: str, x0: int, x1: int) -> None:
    """The cell's words become the arrow (if any) and the agreed number, or a doubtful one."""
    texts = r.readings
    h = r.cell.image.shape[0]
    first = _number_word(r.words)
    if r.restored:
        text, conf = r.restored, MAJORITY
    elif _same(texts[0], texts[1]):
        text, conf = texts[1], max(AGREE, first.conf)
    else:
        best = _majority(texts)
        text, conf = (best, MAJORITY) if best else (texts[1] if parse_number(texts[1]) else texts[0], NO_MAJORITY)
    words = []
    if arrow:
        words.append(Word(arrow, 0, 0, max(1, x0 - 2), h, True, 0.9))
    elif (lead := _lettered_lead(r.words)) is not None:
        words.append(lead)  # `AS 01`: a reference's prefix, which no arrow's ink explains
        x0 = max(x0, int(lead.x1) + 1)
    words.append(Word(text, x0, 0, x1, h, True, min(conf, 0.99)))
    r.words = words


def _lettered_lead(words: list[Word]) -> Word | None:
    """A first word the engine read surely as two letters or more, set apart before the number:
    text, not an arrow read as letters (the ink found no arrow)."""
    if not _separate_lead(words):
        return None
    lead = words[0]
    return lead if len(lead.text) >= 2 and lead.text.isalpha() and lead.conf >= LEAD_SURE else None


_WORDISH = re.compile(r"[A-Za-z]{3,}|^n/?a$|^-+$|^tbc$", re.I)


NUMBERS_ONLY = ("value", "avg_12m", "max_12m", "stat_neighbour", "england", "region", "target", "previous_year")
MONTHLY = ("value", "avg_12m", "max_12m")  # columns of figures only, where no benchmark's `Local` is printed
LETTERS = ("rag", "direction")  # the columns where `R`, `A`, `G` are printed


def rescue_numbers(
    readings: list[CellReading], value_cols: dict[tuple[int, int], tuple[int, str]], grids, engine: OcrEngine
) -> None:
    """Cells under a value column header that the general pass read as nothing or as junk (`%`,
    `$12`, ``): a lone `0` or a blurred `96%` is dropped by sparse-text mode, and a blurred `7`
    passes for a triangle, which no month column holds. They are read as a number at two
    scales (and by the second engine, if any), and only two identical readings count; anything
    else stays as it was, so a word cell (`n/a`, `Local`) never turns into a number. What still
    holds no number may be a garbled word (`socal`): `_read_words`."""
    todo, wordy = [], []
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        row, measure = value_cols.get((r.cell.grid, c.col0), (None, ""))
        if row is None or c.row0 <= row or c.col1 - c.col0 != 1 or r.readings:
            continue
        numbers_only = measure in NUMBERS_ONLY  # no arrow, no RAG letter
        text = " ".join(w.text for w in r.words).strip()
        word = text.lower() in _WORDS and (measure in LETTERS or text.lower() not in ("r", "a", "g"))
        if (
            (len(text) > 6 and not any(ch.isdigit() for ch in text))
            or _WORDISH.search(text)
            or word
            or parse_number(text) is not None
        ):
            if numbers_only and parse_number(text) is None and text.lower() not in VOCABULARY.worded_codes:
                if measure in MONTHLY and not word and not VOCABULARY.ocr_code(text):
                    todo.append(r)  # `BON`, `POX`: a blurred `83%`, `79%` read as letters
                else:
                    wordy.append(r)  # `socal`, `~—s Lal`: a blurred `Local`
            continue
        if not numbers_only and (any(ch in "▲▼↑↓→" for ch in text) or glyphs.triangle(r.cell.image)):
            continue
        todo.append(r)
    if todo:
        tall = print_height(readings)
        crops = [side_padded(r) for r in todo]
        both = engine.read_images([scale_of(c, f) for f in (SECOND_SCALE, THIRD_SCALE) for c in crops], numeric=True)
        readers = [both[: len(crops)], both[len(crops) :]]  # one OCR call for both scales
        if engine.second is not None:
            readers.append(engine.second.read_images(crops, numeric=True))
        for r, *reads in zip(todo, *readers, strict=False):
            texts = ["".join(w.text for w in words) for words in reads]
            r.readings = ["", *texts]
            numbers = [t for t in texts if parse_number(t) is not None and NUMBER_RE.match(t)]
            best = next((t for t in numbers if numbers.count(t) >= 2), None)
            if _sure_second(reads, texts, numbers):
                best = texts[2]
            if _ink_height(r.cell.image) < 0.7 * tall:
                best, numbers = None, []  # a speck or a rule's remnant that reads as `1`: not print
            h, w = r.cell.image.shape
            if best is not None and (len(texts) < 3 or texts[2] in ("", best)):
                r.words = [Word(best, 0, 0, w, h, True, MAJORITY)]
                restore_minus(r)
            elif numbers:
                # the engines disagree (`7`, `7` against PP-OCR's `997`): a doubtful reading the
                # row's arithmetic may settle (`resolve`), else withheld
                r.words = [Word(numbers[-1], 0, 0, w, h, True, NO_MAJORITY)]
    _read_words(wordy + todo, engine.second)


def _sure_second(reads: list[list[Word]], texts: list[str], numbers: list[str]) -> bool:
    """PP-OCR is sure of a number where tesseract saw none, or only its edge digits (`06` and
    `3406` for `3406`, whose touching `34` tesseract drops at every scale): absence, not
    disagreement."""
    if len(reads) != 3 or texts[2] not in numbers or min((w.conf for w in reads[2]), default=0) < SURE:
        return False
    return all(t == texts[2] or _restores_edge_digits(texts[2], t) for t in texts[:2] if t in numbers)


def _ink_height(img: np.ndarray) -> int:
    rows = np.flatnonzero((img < INK).any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def print_height(readings: list[CellReading]) -> float:
    """The height of printed figures on this page: the median ink height of the cells already
    read as a number."""
    hs = [_ink_height(r.cell.image) for r in readings if any(NUMBER_RE.match(w.text) for w in r.words)]
    return float(np.median(hs)) if hs else 0.0


WORD_SURE = 0.5  # PP-OCR's confidence in one of those words: it reads a blurred `Local` at 0.53-0.96


def _read_words(todo: list[CellReading], second: OcrEngine | None) -> None:
    """What no numeric reading settled, read by the second engine as text: a value cell may hold a
    word (`Local`, `n/a`, `TBC`), which the first pass drops, or reads as junk (`6COTBCC«CTBC`)
    or as a doubtful number (`7`, `8` for `TBC`), as readily as it does a blurred number. Only
    those words are taken (`T8C` is `TBC`), read whole; anything else stays as it was."""
    left = [
        r
        for r in todo
        if " ".join(w.text for w in r.words).strip().lower() not in VOCABULARY.worded_codes
        and (parse_number(" ".join(w.text for w in r.words)) is None or all(w.conf < MAJORITY for w in r.words))
    ]
    if second is None or not left:
        return
    for r, words in zip(left, second.read_images([r.cell.image for r in left]), strict=False):
        text = " ".join(w.text for w in words).strip()
        word = VOCABULARY.ocr_code(text)
        if word and min(w.conf for w in words) >= WORD_SURE:
            h, w = r.cell.image.shape
            r.words = [Word(word, 0, 0, w, h, True, MAJORITY)]
