"""Words for the ink a whole-page OCR pass left unexplained.

Without a ruled grid a page is read in one sparse pass, and that pass drops or garbles what a
table has most of: short figures standing alone (`3`, `17` read as `uy`, a suppression `c` not
read at all). The page's ink still shows where each of them is. Every word-sized blob of ink
that no confident word covers is cut out and read as one line by both engines; a reading is
added only where the two agree (they share no model, so they rarely share a mistake), and it
replaces the unsure words it lies under. What they disagree on stays as the pass read it. A
sure word boxed short of a glyph set close beside it (`2m` for `12m`, the thin `1` outside its
box) leaves that glyph bare, and its piece of ink is read again the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ..page import Word
from ..vocabulary import VOCABULARY
from . import glyphs
from .engines import OcrEngine
from .image import true_runs

SURE = 0.5  # a word from this confidence explains its ink
AGREED = 0.9  # the confidence a reading both engines agree on is given
PAD = 6  # pixels around a blob's crop
GLYPH = 0.6  # of a line's height: bare ink this tall beside a sure word is a glyph it left out
LETTER_GAP = 0.35  # of a line's height: the widest blank between two glyphs of one word (a `1` set wide)


@dataclass(frozen=True)
class Blob:
    x0: int
    top: int
    x1: int
    bottom: int


def reread_unexplained(clean: np.ndarray, ink: np.ndarray, words: list[Word], engine: OcrEngine) -> list[Word]:
    """`words` with the blobs of `ink` (text ink, rules erased) that no sure word covers read
    again: a blob both engines read alike takes that reading in place of the words under it."""
    second = engine.second
    if second is None or not words:
        return words
    blobs = unexplained(ink, words)
    if not blobs:
        return words
    crops = [clean[max(0, b.top - PAD) : b.bottom + PAD, max(0, b.x0 - PAD) : b.x1 + PAD] for b in blobs]
    first, other = engine.read_images(crops, line=True), second.read_images(crops, line=True)
    first = _figures_again(crops, first, other, engine)
    other = _figures_again(crops, other, first, second, scale=1.0, unless=_lookalike)
    out = list(words)
    read: list[Blob] = []
    agreed: list[Word] = []
    for b, ra, rb, crop in zip(blobs, first, other, crops, strict=True):
        text = _agreed(ra, rb) or _read_twice(ra, rb, crop) or _arrow(ra, rb, crop) or _listed(ra, rb)
        if text is None or any(w.conf >= SURE and _under(w, b) and w.text not in text for w in out):
            continue  # a reading that drops a sure word's characters (`M` over `M4`) reads less than the pass did
        out = [w for w in out if not _under(w, b)]
        agreed.append(Word(text, float(b.x0), float(b.top), float(b.x1), float(b.bottom), True, AGREED))
        read.append(b)
    out += agreed
    return [w for w in out if w.conf >= SURE or (_covered(w, read) < 0.5 and not _repeats(w, agreed))]


def _figures_again(
    crops: list[np.ndarray],
    first: list[list[Word]],
    other: list[list[Word]],
    engine: OcrEngine,
    scale: float = 2.0,
    unless: Callable[[str, str], bool] = lambda a, b: False,
) -> list[list[Word]]:
    """The first engine's readings, with the blobs the other reads as a figure and the first as
    something else (`unless` the two readings say so) read again by the first as a figure,
    enlarged by `scale`: a coarse scan's small figure read as a line of text comes back as junk
    (`x` for `30`, `3` for `33`); read as a figure at twice the size it agrees with the second
    engine, or the two stay apart. The second engine reads a crisp lone `2` as `N`, which it
    reads as a `2` when asked for a figure; where its letters are the figure's lookalikes (`S`
    for `5`, a RAG's `G` for `6`), nothing says which was printed, and it is not asked."""
    again = [
        k
        for k, (a, b) in enumerate(zip(first, other, strict=True))
        if _figure(b) and not _agreed(a, b) and not unless(_text(a), _text(b))
    ]
    if not again:
        return first
    out = list(first)
    for k, words in zip(
        again, engine.read_images([_enlarged(crops[k], scale) for k in again], numeric=True), strict=True
    ):
        out[k] = words  # only the text counts: the blob is where it stands
    return out


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words).strip()


def _lookalike(read: str, figure: str) -> bool:
    """Letters that the reference lookalikes make the figure (`S` for `5`, `lO` for `10`)."""
    return "".join(VOCABULARY.lookalikes.get(ch, ch) for ch in read) == figure


def _enlarged(crop: np.ndarray, scale: float = 2.0) -> np.ndarray:
    import cv2

    if scale == 1.0:
        return crop
    return cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)


def _figure(words: list[Word]) -> bool:
    return len(words) == 1 and FIGURE.match(words[0].text) is not None


FIGURE = re.compile(r"^-?\d[\d,.]*%?$")


def unexplained(ink: np.ndarray, words: list[Word]) -> list[Blob]:
    """Word-sized blobs of ink (letters joined across less than half a line's height) that sure
    words cover less than half of. A blob is judged word by word (its ink parted at gaps a
    fifth of a line wide): a pass that read `August` and dropped the `2024` after it leaves the
    year's ink unexplained though the words' blob is mostly covered."""
    import cv2

    typical = float(np.median([w.bottom - w.top for w in words]))
    joined = cv2.dilate(ink, np.ones((1, max(3, int(typical * 0.5))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    cover = np.zeros(ink.shape, np.uint8)
    for w in words:
        if w.conf >= SURE:
            cover[int(w.top) : int(w.bottom) + 1, int(w.x0) : _reach(w, ink, typical) + 1] = 1
    out = []
    for x, y, w, h, _area in stats[1:n]:
        if not (0.6 * typical <= h <= 1.6 * typical and w >= 0.3 * typical):
            continue
        mask = ink[y : y + h, x : x + w] > 0
        covered = cover[y : y + h, x : x + w]
        pieces = _pieces(mask, max(2, int(0.2 * typical)))
        for a, b in _uncovered_runs(pieces, mask, covered):
            if b - a >= 0.3 * typical and mask[:, a:b].sum() >= 0.05 * (b - a) * h:
                out.append(Blob(int(x + a), int(y), int(x + b), int(y + h)))
        for a, b in pieces:
            if _glyph_left_out(mask[:, a:b], covered[:, a:b], typical):
                out.append(Blob(int(x + a), int(y), int(x + b), int(y + h)))
    return out


def _reach(w: Word, ink: np.ndarray, typical: float) -> int:
    """Where a word's ink ends: a box holding fewer glyphs than the word has characters stops
    short of its last ones (`LAC12` boxed over `LAC1`), which follow within a letter's gap."""
    top, bottom, x1 = int(w.top), int(w.bottom) + 1, int(w.x1)
    short = len(w.text.replace(" ", "")) - len(true_runs(ink[top:bottom, int(w.x0) : x1 + 1].any(axis=0)))
    gap = max(2, int(LETTER_GAP * typical))
    while short > 0:
        ahead = ink[top:bottom, x1 + 1 : x1 + 1 + gap].any(axis=0)
        if not ahead.any():
            break
        start = x1 + 1 + int(np.argmax(ahead))
        run = true_runs(ink[top:bottom, start:].any(axis=0))
        x1, short = start + run[0][1] - 1, short - 1
    return x1


def _glyph_left_out(mask: np.ndarray, covered: np.ndarray, typical: float) -> bool:
    """A piece mostly under sure words with a glyph beside them that none covers: a word boxed
    short of its first or last glyph (`2m` read for `12m`, its thin `1` outside the box)."""
    ink = mask.any(axis=0)
    if not ink.any() or covered[mask].mean() < 0.5:
        return False
    bare = ink & ~(covered & mask).any(axis=0)
    for a, b in true_runs(bare):
        rows = np.flatnonzero(mask[:, a:b].any(axis=1))
        if b - a >= 2 and rows[-1] - rows[0] + 1 >= GLYPH * typical:
            return True
    return False


def _pieces(mask: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Column spans of a blob's ink parted where `gap` columns or more hold none."""
    cols = np.flatnonzero(mask.any(axis=0))
    if not len(cols):
        return []
    breaks = np.flatnonzero(np.diff(cols) > gap)
    starts = [cols[0], *cols[breaks + 1]]
    ends = [*cols[breaks], cols[-1]]
    return [(int(a), int(b) + 1) for a, b in zip(starts, ends, strict=True)]


def _uncovered_runs(pieces: list[tuple[int, int]], mask: np.ndarray, covered: np.ndarray) -> list[tuple[int, int]]:
    """Neighbouring pieces whose ink sure words cover less than half of, joined into runs."""
    runs: list[tuple[int, int]] = []
    last = False
    for a, b in pieces:
        ink = mask[:, a:b]
        bare = covered[:, a:b][ink].mean() < 0.5
        if bare and last:
            runs[-1] = (runs[-1][0], b)
        elif bare:
            runs.append((a, b))
        last = bare
    return runs


def _agreed(a: list[Word], b: list[Word]) -> str | None:
    """The one reading both engines give (letters in either case), else None."""
    ta, tb = _text(a), _text(b)
    if not ta or ta.replace(" ", "").lower() != tb.replace(" ", "").lower():
        return None
    return tb if any(ch.isdigit() for ch in tb) else ta


def _read_twice(a: list[Word], b: list[Word], crop: np.ndarray) -> str | None:
    """A suppression code's letter one engine read twice (`Cc` beside `c`) where the ink is one
    glyph: the letter once."""
    short, long = sorted((_text(a), _text(b)), key=len)
    if len(short) != 1 or long.lower() != short.lower() * 2:
        return None
    return short if _one_glyph(long, crop < glyphs.INK) else None


def letters_read_once(words: list[Word], ink: np.ndarray) -> list[Word]:
    """Words of a suppression code's letter read twice (`Cc`) over the ink of one glyph, as that
    letter (`c`)."""
    out = []
    for w in words:
        box = ink[max(0, int(w.top)) : int(round(w.bottom)), max(0, int(w.x0)) : int(round(w.x1))] > 0
        twice = len(w.text) == 2 and w.text[0].lower() == w.text[1].lower() and _one_glyph(w.text, box)
        out.append(replace(w, text=w.text[1]) if twice else w)
    return out


def _one_glyph(text: str, ink: np.ndarray) -> bool:
    """A code the vocabulary prints alone for a value not given (`c`), its ink one glyph: not an
    arrow's junk (`tt`), nor figures (two `1`s blur into one run of ink)."""
    return text[:1].lower() in VOCABULARY.missing and text.isalpha() and len(true_runs(ink.any(axis=0))) == 1


def _listed(a: list[Word], b: list[Word]) -> str | None:
    """Where the engines read one word a letter or two apart (`Qhristchurch`, `Christchurch`),
    the reading the word list holds, if only one does. Figures need both engines: a word list
    says nothing of a digit, nor of a word of a letter or two (`t` and `tt` for an arrow)."""
    from rapidfuzz.distance import Levenshtein

    from ..secondreading import MIN_LETTERS, known
    from ..textquality import dictionary

    ta, tb = _text(a), _text(b)
    if min(len(ta), len(tb)) < MIN_LETTERS or " " in ta + tb or any(ch.isdigit() for ch in ta + tb):
        return None
    if Levenshtein.distance(ta.lower(), tb.lower()) > LISTED_OFF:
        return None
    words = dictionary()
    listed = [t for t in (ta, tb) if known(t.strip(_EDGES), words)]
    return listed[0] if len(listed) == 1 else None


LISTED_OFF = 2  # letters two readings of one word may differ by
_EDGES = ".,;:()"
ARROWS = "↑↓→←↗↘▲▼►◄"
JUNK = 2  # characters: a reading this short of an arrow is what engines make of one


def _arrow(a: list[Word], b: list[Word], crop: np.ndarray) -> str | None:
    """A lone arrow (a `Trend` column's `↑`), which the engines read as junk they disagree on
    (`L` and nothing, `r` and `T`, `>` and `↓`): the arrow its ink shows, where neither reading
    holds a digit and each is a glyph or two or an arrow. A flat `→` needs one engine to have
    read an arrow: a dash or a reference's hyphen is flat too. A figure the two misread apart
    stays unread."""
    texts = [_text(a), _text(b)]
    if any(ch.isdigit() for t in texts for ch in t) or any(len(t) > JUNK and t not in ARROWS for t in texts):
        return None
    shaped = glyphs.triangle(crop) or glyphs.lone_arrow(crop)
    if shaped:
        return shaped  # a head on a straight shaft, or a filled triangle: the ink says it alone
    kind = glyphs.arrow(crop)
    if kind == "→" and not any(t in ARROWS for t in texts if t):
        return None  # flat ink is as often a dash or a hyphen's word: only an engine's arrow says
    return kind


def _covered(w: Word, blobs: list[Blob]) -> float:
    """The share of an unsure word's width that blobs read again on its line span: one word the
    pass made of two (`2017-2017` over two year labels) is centred in the gap between them."""
    span = sum(max(0.0, min(w.x1, b.x1) - max(w.x0, b.x0)) for b in blobs if b.top <= w.yc <= b.bottom)
    return span / max(w.x1 - w.x0, 1.0)


def _repeats(w: Word, agreed: list[Word]) -> bool:
    """An unsure word that holds a reading both engines agreed on, over the same ink: the pass
    read that figure with a mark beside it (`95"`, a grey fill's edge taken for a quote), and the
    mark's width would carry the figure across the gutter to the next column."""
    return any(
        a.text in w.text and a.x0 < w.x1 and w.x0 < a.x1 and a.top < w.bottom and w.top < a.bottom for a in agreed
    )


def _under(w: Word, b: Blob) -> bool:
    """Whether the word's centre lies in the blob."""
    return b.x0 <= w.xc <= b.x1 and b.top <= w.yc <= b.bottom
