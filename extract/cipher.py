"""A text layer whose codes are not its characters: read the key off the page's own glyphs.

A font embedded without a Unicode map, or with its codes moved (glyph indices, a private
encoding), gives a text layer of junk: `3HUIRUPDQFH` or letter salad for `Performance`. Yet each
code still stands for one glyph wherever it recurs in that font: the layer is a substitution
cipher of the printed text, with every character's box, font and size exact. One OCR pass over
the rendered page reads most words right; where an OCR word covers exactly as many of the
layer's characters as it has letters, each code gets a vote for the letter read over it. A
code's letter is what its votes agree on; a code with no votes whose glyphs leave the page blank
is a space. A reader may give two codes one character (pdfium reads a font's codes through more
than one encoding), so a code is told by its advance too: glyphs of one character advancing by
clearly different widths are different glyphs. Deciphered, the layer is read like any other text
layer, with the geometry OCR only estimates, and every number printed in the same font is read
with the same key, so one misread glyph does not become a wrong value.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from .page import Word
from .pdftext import TextLayer
from .pdftext.chars import LTR, Char

AGREE = 0.75  # share of a code's votes its letter must have
MIN_DIGIT_VOTES = 2  # a digit is a value's substance: one reading of it is not enough
MIN_SECOND = 2  # readings the second way that make a character two glyphs whatever their widths
TWO_GLYPHS = 3  # readings as a digit (or a letter) of a code read mostly the other way from which it is two glyphs
WIDTH_STEP = 0.06  # advances (in ems) further apart than this are different glyphs
UNKNOWN = "\ufffd"
STRAY = 4  # readings of a code under a quarter of its glyphs may be words reaching over a space
MARGIN = 0.25  # share of a glyph's width at either side that may hold its neighbours' ink
UNSURE = -1  # the width class of a glyph whose advance is unknown, where its character has several
BLANK = -2  # the class of a lettered code's glyphs that leave the page blank: spaces sharing its character

Code = tuple[str, str, int]  # font, the character the layer gives, width class
Readings = dict[int, str]  # a printed character (its index in the layer's characters) -> the letter OCR read over it
Blank = Callable[[Char], bool]  # does this glyph leave the page blank (a space)?
Mark = Callable[[Char], str | None]  # the mark no OCR alphabet holds (an arrow) this glyph's ink shows


@dataclass(frozen=True)
class Key:
    """What each glyph code reads as, and the codes of each printed character."""

    codes: dict[int, Code]
    letters: dict[Code, str] = field(default_factory=dict)
    doubtful: frozenset[Code] = frozenset()  # codes OCR read, yet misread: none of its letters is taken

    def read(self, i: int) -> str:
        code = self.codes.get(i)
        return UNKNOWN if code is None else self.letters.get(code, UNKNOWN)


@dataclass(frozen=True)
class Deciphered:
    layer: TextLayer
    known: float  # share of the layer's printed glyphs read, by the key or by OCR over them
    codes: int  # codes the key holds


REPEAT_FIT = 0.15  # of a glyph's advance: how near the next glyph must stand to where repeats end
MAX_REPEATS = 2


def with_dropped(layer: TextLayer, blank: Blank) -> TextLayer:
    """The layer with the glyphs pdfium dropped put back. pdfium reads a run of spaces as one, so
    where a garbled font's code for a letter reads as a space, the letter's repeats vanish
    (`ac ommodation`, `6` for a printed `66`). A dropped glyph is the space-read glyph again, one
    advance on, over ink no other glyph of the line covers; its repeats end where the next glyph
    of the line stands or the page is blank."""
    chars = layer.chars
    out: list[Char] = []
    for i, c in enumerate(chars):
        out.append(c)
        if c.text == " " and not c.generated and c.style.heading == LTR and c.x1 > c.x0 and not blank(c):
            out.extend(_repeats(c, _next_on_line(chars, i), blank))
    return layer if len(out) == len(chars) else TextLayer(out, layer.objects, layer.frame)


def _next_on_line(chars: list[Char], i: int) -> Char | None:
    nxt = next((c for c in chars[i + 1 : i + 3] if not c.generated), None)
    c = chars[i]
    if nxt is None or nxt.style.heading != LTR or abs(nxt.top - c.top) > 0.1 * c.style.size:
        return None
    return nxt if nxt.x0 > c.x0 else None


def _repeats(c: Char, nxt: Char | None, blank: Blank) -> list[Char]:
    adv = c.x1 - c.x0
    room = float("inf") if nxt is None else nxt.x0 - c.x0
    out: list[Char] = []
    for j in range(1, MAX_REPEATS + 2):
        g = Char(c.text, c.x0 + j * adv, c.top, c.x1 + j * adv, c.bottom, c.style)
        if abs(room - j * adv) <= REPEAT_FIT * adv:
            return out  # the next glyph stands where the repeats end
        if (j + 1) * adv > room + REPEAT_FIT * adv or blank(g):
            return out if nxt is None or blank(g) else []
        out.append(g)
    return []  # ink runs on: not repeats of this glyph


def glyph_codes(chars: list[Char], readings: Readings) -> dict[int, Code]:
    """Each printed character's code: its font and character, and, where OCR reads the
    character as two letters (each more than once, or the second once where the widths tell the
    readings apart: `_classes_agree`), which of its advances it has where they fall into clearly
    separate widths. Only there: kerning varies one glyph's advance too. A
    glyph with no next glyph on its line (a figure's `%`) is measured by its box, which the
    layer draws as wide as its advance: unmeasured, it would join the class of whatever glyph
    shares its character and is read as that."""
    split = _read_two_ways(chars, readings, 1)
    advances: dict[tuple[str, str], list[float]] = defaultdict(list)
    own: dict[int, float] = {}
    for i, c in enumerate(chars):
        if c.generated or (c.style.font, c.text) not in split:
            continue
        nxt = chars[i + 1] if i + 1 < len(chars) else None
        if nxt is not None and _follows(c, nxt):
            own[i] = (nxt.x0 - c.x0) / c.style.size
        elif c.x1 > c.x0:
            own[i] = (c.x1 - c.x0) / c.style.size  # a word's last glyph (`%`): its box is its advance
        else:
            continue
        advances[(c.style.font, c.text)].append(own[i])
    bounds = {k: _width_bounds(v) for k, v in advances.items()}
    for k in split - _read_two_ways(chars, readings, MIN_SECOND):
        if not _classes_agree(chars, readings, own, k, bounds.get(k, [])):
            bounds[k] = []
    out: dict[int, Code] = {}
    for i, c in enumerate(chars):
        if c.generated:
            continue
        out[i] = (c.style.font, c.text, _width_class(own.get(i), bounds.get((c.style.font, c.text), [])))
    return out


def _read_two_ways(chars: list[Char], readings: Readings, second: int) -> set[tuple[str, str]]:
    """The font's characters OCR reads as two letters, the second at least `second` times."""
    letters: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for i, letter in readings.items():
        letters[(chars[i].style.font, chars[i].text)][letter] += 1
    return {k for k, c in letters.items() if len(c) > 1 and c.most_common(2)[1][1] >= second}


def _classes_agree(
    chars: list[Char], readings: Readings, own: dict[int, float], k: tuple[str, str], bounds: list[float]
) -> bool:
    """Whether a character read the second way only once is two glyphs: its advances split into
    classes, each read one way only (`S` once among eight `N`, `x` once among fourteen `2`, each
    as wide as its letter). A lone misreading of one glyph has its advance among the others'."""
    if not bounds:
        return False
    seen: dict[int, set[str]] = defaultdict(set)
    for i, letter in readings.items():
        if (chars[i].style.font, chars[i].text) == k:
            seen[_width_class(own.get(i), bounds)].add(letter)
    return UNSURE not in seen and len(seen) > 1 and all(len(v) == 1 for v in seen.values())


def _width_class(width: float | None, bounds: list[float]) -> int:
    if not bounds:
        return 0
    return UNSURE if width is None else sum(width > b for b in bounds)


def _width_bounds(widths: list[float]) -> list[float]:
    """Where sorted advances jump by more than a step: the bounds between width classes."""
    w = sorted(widths)
    return [(a + b) / 2 for a, b in zip(w, w[1:], strict=False) if b - a > WIDTH_STEP]


def _follows(c: Char, nxt: Char) -> bool:
    """The next glyph of the same line, within an em: its start is where this one's advance ends."""
    if nxt.generated or c.style.heading != LTR or nxt.style.heading != LTR:
        return False
    return abs(nxt.top - c.top) <= 0.1 * c.style.size and 0.0 < nxt.x0 - c.x0 < 1.5 * c.style.size


def read_glyphs(chars: list[Char], ocr_words: Iterable[Word], same: dict[str, str]) -> Readings:
    """The letter each OCR word (as displayed, in points) reads over each character, where it
    covers exactly as many of them as it has letters; marks OCR confuses (`same`: dashes) are
    read as one."""
    out: Readings = {}
    for text, under in _covers(chars, ocr_words, same):
        if len(under) == len(text):
            out.update(zip(under, text, strict=True))
    return out


def read_between(chars: list[Char], ocr_words: Iterable[Word], key: Key, same: dict[str, str]) -> Readings:
    """What an OCR word reads over the one glyph of it the key lacks, between the letters the key
    reads: a ligature (`ﬁ` read `fi`), or a glyph whose word OCR split or joined. Read as more
    than one character, it is a ligature's letters within a word: a wide minus read `--`, or a
    lone `x` read `xx`, is no reading of it."""
    out: Readings = {}
    for text, under in _covers(chars, ocr_words, same):
        read = [key.read(i) for i in under]
        if read.count(UNKNOWN) != 1:
            continue
        p = read.index(UNKNOWN)
        before, after = "".join(read[:p]), "".join(read[p + 1 :])
        middle = text[len(before) : len(text) - len(after)]
        ligature = middle.isalpha() and bool(before or after)
        if (len(middle) == 1 or ligature) and text.startswith(before) and text.endswith(after):
            out[under[p]] = middle
    return out


def _covers(chars: list[Char], ocr_words: Iterable[Word], same: dict[str, str]) -> Iterator[tuple[str, list[int]]]:
    """Each OCR word's text and the printed characters (their indices, left to right) it covers."""
    at = [i for i, c in enumerate(chars) if not c.generated and c.style.heading == LTR]
    if not at:
        return
    xc = np.array([(chars[i].x0 + chars[i].x1) / 2 for i in at])
    yc = np.array([(chars[i].top + chars[i].bottom) / 2 for i in at])
    for w in ocr_words:
        text = "".join(same.get(ch, ch) for ch in w.text.strip())
        inside = np.flatnonzero((xc >= w.x0) & (xc <= w.x1) & (yc >= w.top) & (yc <= w.bottom))
        if text and len(inside):
            yield text, sorted((at[j] for j in inside), key=lambda i: chars[i].x0)


def learn(
    chars: list[Char],
    ocr_words: list[Word],
    blank: Blank,
    same: dict[str, str],
    mark: Mark | None = None,
    alike: str = "",
) -> tuple[Key, Readings]:
    """The key, and OCR's reading of each character it read: first from the words that cover as
    many glyphs as they have letters, then from those where the key leaves one glyph unread."""
    readings = read_glyphs(chars, ocr_words, same)
    key = learn_key(chars, readings, blank, mark, alike)
    more = read_between(chars, ocr_words, key, same)
    if not more:
        return key, readings
    readings = more | readings
    return learn_key(chars, readings, blank, mark, alike), readings


UNKEYED_SAMPLE = 3  # glyphs of a code the key lacks read one by one


def unkeyed_glyphs(chars: list[Char], key: Key, blank: Blank) -> list[int]:
    """A few inked glyphs standing alone (spread over them all) of each code the key lacks: the
    page's OCR pass reads words and skips many a glyph alone in its cell (a `7`, an `x`, a RAG
    `R`), so a code printed mostly alone is never read, and the page is OCRed for want of it.
    Read one by one, they give the code its votes."""
    seen: dict[Code, list[int]] = defaultdict(list)
    for i, code in key.codes.items():
        if code not in key.letters and code[2] != UNSURE and chars[i].style.heading == LTR and _alone(chars, i, key):
            seen[code].append(i)
    out: list[int] = []
    for found in seen.values():
        spread = found[:: max(1, len(found) // (2 * UNKEYED_SAMPLE))]
        out.extend([i for i in spread if not blank(chars[i])][:UNKEYED_SAMPLE])
    return out


def _alone(chars: list[Char], i: int, key: Key) -> bool:
    """No printed glyph of its line beside it: a word's glyph read alone is read without the
    word that tells `p` from `D`, so only a glyph standing alone is read so."""
    c = chars[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(chars) or chars[j].generated or key.read(j) == " ":
            continue
        o = chars[j]
        if abs(o.top - c.top) <= 0.1 * c.style.size and min(abs(o.x0 - c.x1), abs(c.x0 - o.x1)) < 0.3 * c.style.size:
            return False
    return True


def read_alone(
    chars: list[Char], at: list[int], page: np.ndarray, dpi: float, read: Callable[[list[np.ndarray]], list[str]]
) -> list[Word]:
    """What `read` reads on each of these glyphs' boxes cut from the page (rendered at `dpi`),
    as words over the glyphs alone (in points). A glyph alone is one character: a wide minus
    read as `--`, a suppression `x` read as `xx`, is no reading of it."""
    s, paper = dpi / 72.0, int(page.max())
    crops = []
    for i in at:
        c = chars[i]
        box = page[max(0, int(c.top * s)) : int(c.bottom * s) + 1, max(0, int(c.x0 * s)) : int(c.x1 * s) + 1]
        crops.append(np.pad(box, 3 * PAD, constant_values=paper))
    inset = 0.1
    return [
        Word(text, chars[i].x0 + inset, chars[i].top + inset, chars[i].x1 - inset, chars[i].bottom - inset)
        for i, text in zip(at, read(crops), strict=True)
        if len(text) == 1
    ]


def learn_key(chars: list[Char], readings: Readings, blank: Blank, mark: Mark | None = None, alike: str = "") -> Key:
    """The letter each code's readings agree on; a code they do not settle whose glyphs leave the
    page blank is a space (an OCR word reaching over a space casts a stray vote for it). A code
    OCR seldom read whose every glyph's ink is one mark (`mark`: an arrow) is that mark, whatever
    OCR read over it: no OCR alphabet holds arrows, so OCR reads a `J` for a `↓`, or nothing."""
    codes = glyph_codes(chars, readings)
    votes: dict[Code, Counter] = defaultdict(Counter)
    for i, letter in readings.items():
        if codes[i][2] != UNSURE:
            votes[codes[i]][letter] += 1
    letters = _assign(votes, alike)
    if mark is not None:
        letters.update(_marks(chars, codes, mark, votes))
    unread: dict[Code, list[Char]] = defaultdict(list)
    for i, code in codes.items():
        if chars[i].style.heading == LTR and code[2] != UNSURE:
            unread[code].append(chars[i])
    letters.update(
        {
            code: " "
            for code, seen in unread.items()
            if STRAY * sum(votes[code].values()) < len(seen) and _all_blank(seen, blank)
        }
    )
    for i in _blank_glyphs(chars, codes, readings, letters, blank):
        codes[i] = (*codes[i][:2], BLANK)
        letters[codes[i]] = " "
    return Key(codes, letters, _doubtful(votes, letters))


def _blank_glyphs(
    chars: list[Char], codes: dict[int, Code], readings: Readings, letters: dict[Code, str], blank: Blank
) -> list[int]:
    """Glyphs of a lettered code that OCR read nowhere, alone blank between two inked neighbours
    of their line: a reader that gives a font's space and a letter one character (two encodings,
    `¶` for both `g` and ` `) has OCR read only the letter, so the space reads as it
    (`ChildrengandgFamilies`). A run of blank glyphs is boxes the layer put off the ink, not
    spaces; a mark may leave its box blank (`.`), so marks are left alone."""
    return [
        i
        for i, code in codes.items()
        if letters.get(code, " ").isalnum()
        and i not in readings
        and chars[i].style.heading == LTR
        and blank(chars[i])
        and _between_ink(chars, i, blank)
    ]


def _between_ink(chars: list[Char], i: int, blank: Blank) -> bool:
    if i == 0 or i + 1 >= len(chars):
        return False
    before, after = chars[i - 1], chars[i + 1]
    return _follows(before, chars[i]) and _follows(chars[i], after) and not blank(before) and not blank(after)


def _doubtful(votes: dict[Code, Counter], letters: dict[Code, str]) -> frozenset[Code]:
    """Codes the key lacks although OCR read them more than once (its letters disagree) or read
    them as a letter another code of the font holds."""
    held = {(code[0], a): code[:2] for code, a in letters.items()}
    return frozenset(
        code
        for code, c in votes.items()
        if code not in letters and (c.total() > 1 or any(held.get((code[0], a), code[:2]) != code[:2] for a in c))
    )


def decipher(layer: TextLayer, key: Key, readings: Readings) -> Deciphered:
    """The layer read with `key`; a glyph it does not hold reads as OCR read it there, else as
    U+FFFD, which no number or word matches."""
    out: list[Char] = []
    known = printed = 0
    chars = layer.chars
    for i, c in enumerate(chars):
        if c.generated:
            out.append(c)
            continue
        text = key.read(i)
        if text == UNKNOWN and key.codes[i] not in key.doubtful:
            text = readings.get(i, UNKNOWN)
        printed += 1
        known += text != UNKNOWN
        out.append(Char(text, c.x0, c.top, c.x1, c.bottom, c.style))
    return Deciphered(TextLayer(out, layer.objects, layer.frame), known / printed if printed else 0.0, len(key.letters))


def _agreed(counter: Counter) -> str:
    """The letter a code's votes agree on, or '' where they split or a digit is read once, or
    where OCR reads it as a digit and as a letter, each again and again: OCR misreads a glyph
    now and then, not time after time, so that is two glyphs sharing the code (a reader giving
    two codes one character whose advances are alike), and no one reading of it holds. The
    code is doubtful (its glyphs read as nothing), and a page whose figures it prints is OCRed."""
    if not counter:
        return ""
    letter, n = counter.most_common(1)[0]
    if n < AGREE * sum(counter.values()):
        return ""
    if letter.isdigit() and n < MIN_DIGIT_VOTES:
        return ""
    if any(o.isalnum() and o.isdigit() != letter.isdigit() and k >= TWO_GLYPHS for o, k in counter.items()):
        return ""  # `e` 81 times, `5` 23: a digit and a letter the layer gives one code (widths alike)
    return letter


def _assign(votes: dict[Code, Counter], alike: str = "") -> dict[Code, str]:
    """Each code's letter: what its votes agree on, leaving out the letters other codes of its
    font hold (a font's codes stand for distinct glyphs, so OCR's `c` for a `C`, `l` for a `/`
    or `O` for a `Q` is a misreading once another code is the `c`, `l` or `O`). The codes best
    read go first, and the rest are tried again as letters are taken. A code read only as a
    held letter whose capital and small differ in size only (`alike`: `o` read for the `O` of
    `YO2`) is its other case where no code holds that."""
    letters: dict[Code, str] = {}
    holder: dict[tuple[str, str], tuple[str, str]] = {}  # (font, letter) -> (font, character) holding it
    order = sorted(votes, key=lambda code: -max(votes[code].values()))
    for _ in range(3):
        before = len(letters)
        for code in order:
            if code in letters:
                continue
            free = Counter({a: n for a, n in votes[code].items() if holder.get((code[0], a), code[:2]) == code[:2]})
            if letter := _agreed(free):
                letters[code] = letter
                holder.setdefault((code[0], letter), code[:2])
        if len(letters) == before:
            break
    for code in order:
        if code not in letters and (other := _other_case(code, votes[code], holder, alike)):
            letters[code] = other
            holder[(code[0], other)] = code[:2]
    return letters


def _other_case(code: Code, counter: Counter, holder: dict[tuple[str, str], tuple[str, str]], alike: str) -> str:
    if len(counter) != 1:
        return ""
    letter = next(iter(counter))
    other = letter.swapcase()
    held = holder.get((code[0], letter), code[:2]) != code[:2]
    return other if letter.lower() in alike and other != letter and held and (code[0], other) not in holder else ""


MARK_SAMPLE = 8  # glyphs of a code whose ink is judged


def _marks(chars: list[Char], codes: dict[int, Code], mark: Mark, votes: dict[Code, Counter]) -> dict[Code, str]:
    """The codes OCR did not read as a letter of their own (`_read_as_letter`: it reads letters,
    not marks) whose glyphs (a sample spread over them all) each show the same mark: a `y` OCR
    reads again and again, and no other code, keeps its letter whatever its ink looks like."""
    seen: dict[Code, list[Char]] = defaultdict(list)
    for i, code in codes.items():
        if chars[i].style.heading == LTR and code[2] != UNSURE:
            seen[code].append(chars[i])
    out: dict[Code, str] = {}
    for code, glyphs in seen.items():
        if _read_as_letter(code, votes, len(glyphs)):
            continue
        found = {mark(c) for c in glyphs[:: max(1, len(glyphs) // MARK_SAMPLE)][:MARK_SAMPLE]}
        if len(found) == 1 and (m := found.pop()) is not None:
            out[code] = m
    return out


def _read_as_letter(code: Code, votes: dict[Code, Counter], glyphs: int) -> bool:
    """OCR read the code on a quarter of its glyphs or more, as a letter or digit no other code
    of the font is mostly read as. A mark (`>` for a `►`), or a letter another code is read as
    too (a `▲` OCR reads as `A` beside the font's `A`), is no such reading."""
    if not votes[code] or STRAY * votes[code].total() < glyphs:
        return False
    letter = votes[code].most_common(1)[0][0]
    others = (c for o, c in votes.items() if o != code and o[0] == code[0] and c)
    return letter.isalnum() and all(c.most_common(1)[0][0] != letter for c in others)


def mark_in(grey: np.ndarray, dpi: float, read: Callable[[np.ndarray], str | None]) -> Mark:
    """The mark `read` finds in a glyph's box (as displayed, in points) on the page rendered at
    `dpi`, its rules painted as paper, with paper round it."""
    s = dpi / 72.0
    page = _rules_out(grey, dpi, 60)
    paper = int(page.max())

    def mark(c: Char) -> str | None:
        x0, x1 = max(0, int(c.x0 * s)), int(c.x1 * s) + 1
        y0, y1 = max(0, int(c.top * s)), int(c.bottom * s) + 1
        box = page[y0:y1, x0:x1]
        if min(box.shape[:2]) < 3:
            return None
        return read(np.pad(box, PAD, constant_values=paper))

    return mark


PAD = 4  # pixels of paper round a glyph's box


def _all_blank(instances: list[Char], blank: Blank, sample: int = 16) -> bool:
    """Most of a code's glyphs (a sample spread over them all) blank: a glyph's box may catch a
    neighbour's edge. The sample is spread because the first instances may be alike and unlike
    the rest (a letter's first glyphs all narrow ones of a small face, read blank at its inset)."""
    seen = instances[:: max(1, len(instances) // sample)][:sample]
    return bool(seen) and sum(blank(c) for c in seen) >= 0.75 * len(seen)


def blank_in(grey: np.ndarray, dpi: float, contrast: int = 60) -> Blank:
    """Whether a glyph's box (as displayed, in points) holds no ink on the page rendered at `dpi`.
    A table's rules are not ink here: a row's rule runs through the foot of its words' boxes, and
    read as ink it left a font's space unread on every ruled line (the page was OCRed instead)."""
    s = dpi / 72.0
    grey = _rules_out(grey, dpi, contrast)
    h, w = grey.shape[:2]

    def blank(c: Char) -> bool:
        inset = MARGIN * (c.x1 - c.x0)  # a space's box reaches to its neighbours' serifs and slants
        x0, x1 = max(0, int((c.x0 + inset) * s) + 1), min(w, int((c.x1 - inset) * s))
        y0, y1 = max(0, int(c.top * s) + 1), min(h, int(c.bottom * s))
        if x1 <= x0 or y1 <= y0:
            return True
        box = grey[y0:y1, x0:x1]
        return int(box.max()) - int(box.min()) < contrast

    return blank


RULE = 0.25  # inches: a run of ink this long on one axis is a rule, longer than any glyph
THIN = 0.02  # inches: a rule is thinner than this; a filled band (white letters on it) is no rule


def _rules_out(grey: np.ndarray, dpi: float, contrast: int) -> np.ndarray:
    """The page with its thin horizontal and vertical rules (and their anti-aliased edges) painted
    as paper. A filled band is no rule, nor are the slivers of it beside its white letters."""
    import cv2

    ink = (grey < int(grey.max()) - contrast // 4).astype(np.uint8)
    n, t = max(15, int(dpi * RULE)), max(3, int(dpi * THIN))
    rules = np.zeros(ink.shape, bool)
    for run, across in (((n, 1), (1, t)), ((1, n), (t, 1))):
        line = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, run))
        thick = cv2.morphologyEx(line, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, across))
        band = cv2.dilate(thick, np.ones((2 * t + 1, 2 * t + 1), np.uint8))  # a band's rims are no rules
        rules |= (line > 0) & (band == 0)
    if not rules.any():
        return grey
    out = grey.copy()
    out[cv2.dilate(rules.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0] = int(grey.max())
    return out
