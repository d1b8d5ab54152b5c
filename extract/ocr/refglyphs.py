"""A reference's figures read against the page's own print.

Tesseract can read a reference's digit as another digit at full confidence (`LAC5` for a
`LAC9` in a humanist face) and a zero as a letter (`FMO11`); the reading then fits its column's
scheme, nothing in the column doubts it, and every value of the row is filed under a wrong
reference. The page's figures show each digit many times over in the same print (`pagefont`),
and a reference's digits are set in it too. Each glyph of a reference is cut from the cell's
ink (runs of inked columns, matched to the reading's characters from each word's right end,
where digits stand and letters kern into each other) and compared with the page's digits.

The print's reading is a vote, as it is for figures: where it names another digit than the
reading, the second engine reads the cell again, and where that reading is the print's, it
stands. Where the second engine reads something else, a digit the print contests is not
stated: the reference's words are noted `ref_contested` and the reader withholds its row. A
letter the print takes for a digit (a real `O` in `YO2` looks like a zero too, a lower-case `o`
scores up to 0.85, an `S` 0.90 against the `5`) is changed only where the second engine agrees,
and otherwise stands as read. Of 98 digits in rightly read references of five eleventh-probe
300-dpi scans, none scored another digit above SURE_GLYPH by MARGIN. A page with too few figures to learn its
print still has the second engine read a lookalike between a reference's letters and its
number.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..page import Word
from ..schema import REF_CONTESTED as CONTESTED
from ..vocabulary import VOCABULARY
from .engines import OcrEngine
from .layout import INK
from .pagefont import Figure, PageFont

SURE_GLYPH = 0.85  # correlation with a page digit from which the print names that digit
MARGIN = 0.15  # the named digit's least lead over the next-best digit
WIDER = 1.5  # how much wider than any blank within a word the blanks between words are
AGREED = 0.9  # the confidence of a reference the print and the second engine agree on
MIN_SEEN = 5  # digits of a page's references the print must read before it contests one
TRUSTED = 0.8  # share of them it must read as the engines did


@dataclass(frozen=True)
class Glyph:
    """One character of a reading where the print names a digit for it."""

    index: int  # in the reading's text
    read: str
    printed: str


def ink_words(img: np.ndarray, words: int) -> list[list[tuple[int, int]]] | None:
    """The cell's runs of inked pixel columns, parted into `words` words at the widest blanks;
    None where those blanks are not clearly wider than the rest (a `1`'s wide bearing can leave
    as wide a blank as a narrow space)."""
    inked = np.flatnonzero((img < INK).any(axis=0)) if img.size else np.array([], int)
    if not inked.size:
        return None
    breaks = np.flatnonzero(np.diff(inked) > 1)
    runs = [(int(a), int(b) + 1) for a, b in zip(inked[np.r_[0, breaks + 1]], inked[np.r_[breaks, -1]], strict=True)]
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(runs)]
    if len(gaps) < words - 1:
        return None
    order = sorted(range(len(gaps)), key=lambda k: -gaps[k])
    cuts, rest = sorted(order[: words - 1]), order[words - 1 :]
    if cuts and rest and min(gaps[k] for k in cuts) < WIDER * max(gaps[k] for k in rest):
        return None
    bounds = [0, *(k + 1 for k in cuts), len(runs)]
    return [runs[a:b] for a, b in itertools.pairwise(bounds)]


def printed_digits(img: np.ndarray, text: str, font: PageFont) -> list[Glyph]:
    """The characters of `text` that are digits or a digit's lookalike and whose glyph the print
    names as a digit, each word's glyphs matched from its right end; none where the ink's words
    are not the reading's."""
    tokens = text.split()
    words = ink_words(img, len(tokens))
    if words is None:
        return []
    out, start = [], 0
    for token, runs in zip(tokens, words, strict=True):
        start = text.index(token, start)
        for k in range(1, min(len(runs), len(token)) + 1):
            ch = token[-k]
            if not (ch.isdigit() or VOCABULARY.lookalikes.get(ch, "").isdigit()):
                continue
            fig = Figure.cut(img, runs[-k], font.fit)
            got = font.read_glyph(fig) if fig is not None else None
            if got is not None and got.score >= SURE_GLYPH and got.margin >= MARGIN:
                out.append(Glyph(start + len(token) - k, ch, got.text))
        start += len(token)
    return out


def check_refs(readings, font: Callable[[], PageFont | None], engine: OcrEngine) -> int:
    """The reference cells' readings (`readings`) checked against the print; returns how many
    the print and the second engine corrected."""
    from .labels import REF_ALPHABET, REF_SHAPE, reading_text

    cells = []
    for r in readings:
        text = reading_text(r)
        if not any(ch.isdigit() or VOCABULARY.lookalikes.get(ch, "").isdigit() for ch in text):
            continue
        glyphs = font()
        cells.append((r, text, printed_digits(r.cell.image, text, glyphs) if glyphs else _before_number(text)))
    trusted = _print_trusted([g for _, _, found in cells for g in found])
    todo = []
    for r, text, found in cells:
        changed = [g for g in found if g.printed != g.read and (trusted or not g.read.isdigit())]
        printed, contested = _with(text, changed), any(g.read.isdigit() for g in changed)
        if contested or (changed and REF_SHAPE.match(printed)):
            todo.append((r, printed, contested))  # letters only where they make a reference (`CINS`)
    if not todo:
        return 0
    second = engine.second or engine
    got = second.read_images([r.cell.image for r, _, _ in todo], line=True, alphabet=REF_ALPHABET)
    fixed = 0
    for (r, printed, contested), words in zip(todo, got, strict=True):
        if "".join(w.text for w in words) == printed.replace(" ", ""):
            h, w = r.cell.image.shape
            r.words = [Word(printed, 0, 0, w, h, True, AGREED)]
            fixed += 1
        elif contested:
            r.words = [replace(w, note=CONTESTED) for w in r.words]
    return fixed


def _print_trusted(glyphs: list[Glyph]) -> bool:
    """The print reads the column's digits as the engines do, but for a few: its templates model
    the references' face (a 150-dpi scan's bold references score as other digits throughout, and
    then the print contests nothing)."""
    digits = [g for g in glyphs if g.read.isdigit()]
    return len(digits) >= MIN_SEEN and sum(g.printed == g.read for g in digits) >= TRUSTED * len(digits)


def _before_number(text: str) -> list[Glyph]:
    """Without the page's print (too few figures to learn it), the lookalikes standing between a
    reference's letters and its number (`FMO11`, `LACI6`), as the digits they may be."""
    out, start = [], 0
    for token in text.split():
        start = text.index(token, start)
        first = next((k for k, ch in enumerate(token) if ch.isdigit()), 0)
        k = first
        while k > 1 and token[k - 1].isalpha() and VOCABULARY.lookalikes.get(token[k - 1], "").isdigit():
            k -= 1
        if k < first and token[:k].isalpha():
            out += [Glyph(start + j, token[j], VOCABULARY.lookalikes[token[j]]) for j in range(k, first)]
        start += len(token)
    return out


def _with(text: str, glyphs: list[Glyph]) -> str:
    chars = list(text)
    for g in glyphs:
        chars[g.index] = g.printed
    return "".join(chars)
