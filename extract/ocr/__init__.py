"""OCR path: a page image becomes the same `PageContent` the text layer gives.

The table logic downstream is shared, so this package's whole job is words with boxes in PDF
points (and a confidence) plus the ruling lines found in the image. Top-level functions only, so
the caller can fan pages out over a process pool.
"""

from __future__ import annotations

import functools
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..grid import Grid
from ..page import Fill, PageContent, Rule, Word
from ..periods import parse_month, respelt_month, respelt_quarter_code
from ..vocabulary import VOCABULARY
from . import image as im
from .engines import OcrEngine, get_engine, word_crop
from .faintrules import bridge_gaps
from .filledges import drawn_rules
from .fills import find_fills
from .namewords import names_read_again
from .wordgaps import split_glued

if TYPE_CHECKING:
    from .cellread import CellReading

__all__ = ["ocr_page", "ocr_image", "OcrEngine", "get_engine"]


def ocr_page(pdf_path, page_index: int, dpi: int = 300, engine: str | OcrEngine = "tesseract") -> PageContent:
    """OCR one page (0-based index); the returned PageContent's `page` is 1-based like the schema's."""
    grey = im.render(pdf_path, page_index, dpi)
    pc = ocr_image(grey, dpi, engine)
    pc.source = Path(pdf_path).name
    pc.page = page_index + 1
    return pc


def ocr_image(grey, dpi: int, engine: str | OcrEngine = "tesseract") -> PageContent:
    """Ruled tables are read cell by cell; whatever lies outside them (titles) as sparse text."""
    import cv2
    import numpy as np

    from .cellread import rescue_numbers
    from .directions import arrows_by_column
    from .inkfit import check_ink
    from .labels import fix_labels, measure_columns, read_header_first, ref_cells
    from .layout import cell_images, outside_image, page_grids
    from .pagefont import page_font, read_doubtful
    from .refglyphs import check_refs
    from .resolve import resolve_rows

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    angle = im.skew_angle(grey[::2, ::2], dpi // 2)  # long rules give the angle as well at half the pixels
    straight = im.straighten(grey, angle, dpi)
    h, v = im.line_masks(im.binarise(straight), dpi, straight)
    eng = get_engine(engine)
    band = im.band_mask(straight, dpi)
    found = bridge_gaps(im.rules(h, v, dpi), straight, dpi)
    rules_px = _ends_in_bands(_seams_out(im.one_x(found, dpi), band, dpi), band, straight, dpi)
    drawn = drawn_rules(rules_px, straight, band, dpi)
    grids = [g for g in page_grids(drawn, dpi) if g.n_cols >= 3 and _rows_of_cells(g)]
    s = 72.0 / dpi
    words: list[Word] = []
    if grids:
        readings = read_header_first(cell_images(straight, cv2.bitwise_or(h, v), grids, dpi), grids, eng)
        fix_labels(readings, grids, eng)
        value_cols = measure_columns(readings, grids)
        arrows_by_column(readings, value_cols, grids)
        rescue_numbers(readings, value_cols, grids, eng)
        fit = check_ink(readings, value_cols, grids, eng)
        font = functools.cache(lambda: page_font(readings, value_cols, grids, fit))
        read_doubtful(readings, value_cols, grids, font)
        check_refs(ref_cells(readings, grids), font, eng)
        resolve_rows(readings, grids, eng, font)
        for r in readings:
            words += _cell_words(r, s)
        rest = outside_image(im.clean_for_ocr(straight, h, v, dpi, band), grids, dpi)
        if rest is not None:
            words += _sparse_words(rest, h, v, eng, s)
    else:
        words = _sparse_words((im.clean_for_ocr(straight, h, v, dpi, band), 0, 0), h, v, eng, s)
    rules = [Rule(x0 * s, t * s, x1 * s, b * s) for x0, t, x1, b in rules_px]
    fills = [
        Fill(f.x0 * s, f.top * s, f.x1 * s, f.bottom * s, f.grey)
        for f in find_fills(straight, dpi, band, cv2.bitwise_or(h, v))
    ]
    words = _joined_years([_respelt(w) for w in _lone_marks_out(_glyph_high(_edge_marks_off(words, rules)))])
    words = names_read_again(straight, _years_from_specks(words), eng, s)
    hh, ww = grey.shape
    del np
    return PageContent(
        source="",
        page=0,
        width=ww * s,
        height=hh * s,
        words=words,
        rules=rules,
        fills=fills,
        method="ocr",
        note=f"engine={eng.name} dpi={dpi} deskew={angle:+.2f}deg cells={sum(len(g.cells) for g in grids)}",
    )


def _cell_words(r: CellReading, s: float) -> list[Word]:
    """A cell's words on the page, in points, with two words its reading glued parted where the
    word list and the cell's ink agree (a label's `asa` for `as a`)."""
    ox, oy = r.cell.x0, r.cell.top
    return [
        Word(w.text, (w.x0 + ox) * s, (w.top + oy) * s, (w.x1 + ox) * s, (w.bottom + oy) * s, True, w.conf, note=w.note)
        for w in split_glued(r.words, im.binarise(r.cell.image), figures=False)
    ]


MAX_ROW = 72.0  # points: a grid row taller than an inch on average holds a table's body, not a row of it


def _rows_of_cells(grid: Grid) -> bool:
    """The grid's rows are a table's rows: a frame round a table whose only other rules are the
    edges of grey columns makes a grid of a few rows an inch tall or more, each cell holding a
    column's dozen lines, which a cell's reading (one line, or a short wrapped name) loses."""
    return (grid.ys[-1] - grid.ys[0]) / grid.n_rows <= MAX_ROW


SEAM = 0.9  # share of a vertical rule's length inside a dark band from which it may be a seam
SEAM_X = 2.0  # points: a band's border and the column rule below it stand this close


def _seams_out(
    rules_px: list[tuple[float, float, float, float]], band, dpi: int
) -> list[tuple[float, float, float, float]]:
    """Vertical rules within a dark band that no rule outside it continues: the dark gaps between
    its white labels, which the masks take for rules and a grid's columns would cut the labels at
    (`Dece | mber`). A band's real borders carry on as the column rules of the rows below."""
    inside = [r for r in rules_px if r[0] == r[2] and _banded(r, band) >= SEAM]
    outside = [r for r in rules_px if r[0] == r[2] and r not in inside]
    near = SEAM_X * dpi / 72.0
    seams = [r for r in inside if not any(abs(r[0] - o[0]) <= near for o in outside)]
    return [r for r in rules_px if r not in seams]


def _ends_in_bands(
    rules_px: list[tuple[float, float, float, float]], band, grey, dpi: int
) -> list[tuple[float, float, float, float]]:
    """Vertical rules that white text stops inside a dark band, clipped back to the last
    horizontal rule they cross. In a band every column of pixels between letters is as dark as a
    border, so a column rule from below runs on up through the band until white text stops it: a
    label spanning columns (`Year to date (Apr 2022-Mar 2023)`) stops it mid-row, and the rule
    ending there separates nothing in that row (print never crosses a border). A rule a light
    line across the band stops is at a row's border, and stays."""
    flat = [r for r in rules_px if r[1] == r[3]]
    near = SEAM_X * dpi / 72.0
    out = []
    for x0, top, x1, bottom in rules_px:
        if x0 == x1:
            ys = sorted(r[1] for r in flat if r[0] - near <= x0 <= r[2] + near and top - near <= r[1] <= bottom + near)
            if ys and _inside(band, x0, top, dpi) and _text_at(grey, x0, top - 2, dpi):
                top = max(top, ys[0])
            if ys and _inside(band, x0, bottom, dpi) and _text_at(grey, x0, bottom + 2, dpi):
                bottom = min(bottom, ys[-1])
            top = _top_past_gaps(grey, band, x0, top, [y for y in ys if y > top + near], dpi)
            if bottom <= top:
                continue
        out.append((x0, top, x1, bottom))
    return out


TEXT_LIGHT = 0.7  # share of a row's pixels around a rule's end, light, from which it is a light line
DRAWN = 10  # grey levels a border drawn over a dark band's fill stands darker than the fill


def _top_past_gaps(grey, band, x: float, top: float, below: list[float], dpi: int) -> float:
    """Where a rule's run up through a dark band's gaps ends: past every stretch between the
    horizontal rules it crosses, from its top down, that passes between white letters, over
    stretches too short to tell (a band's doubled top edge), until one drawn over the fill. A
    stretch of plain fill above one drawn over the same band is no border either: the band
    draws its borders where it has them, so a year over its months (`2017` spanning `Feb` to
    `Dec`) is one cell, not cut where the rule from below ran up through its fill."""
    start, plain = top, None
    for y in below:
        kind = _stretch(grey, band, x, start, y, dpi)
        if kind in ("border", "outside"):
            return plain if kind == "border" and plain is not None else top
        if kind == "gap":
            top = y
        if kind == "fill":
            plain = y
        start = y
    return top


def _stretch(
    grey, band, x: float, y0: float, y1: float, dpi: int
) -> Literal["gap", "fill", "short", "border", "outside"]:
    """What a rule's stretch across a dark band's row is: `gap` where it is no darker than the
    band's fill and passes between white letters (the gap between two words of a label spanning
    columns, `Benchmark|ing`, which a rule from the rows below runs up through), `fill` where no
    letters are beside it, `short` where too short to tell, `border` where drawn over the fill
    (darker than it, or a light line across it on nearly every row), `outside` outside a band."""
    import numpy as np

    d = max(2, round(SEAM_X * dpi / 72.0))
    rows = np.arange(round(y0) + d, round(y1) - d)
    xi, off = round(x), max(3, round(1.5 * dpi / 72))
    if rows.size == 0:
        return "short"
    if xi - 2 * off < 0 or xi + 2 * off >= grey.shape[1] or not _inside(band, x, (y0 + y1) / 2, dpi):
        return "outside"
    line = grey[rows, xi - 1 : xi + 2].min(axis=1)
    sides = np.concatenate([grey[rows, xi - 2 * off : xi - off], grey[rows, xi + off : xi + 2 * off]], axis=1)
    fill = sides[sides < 128]
    if fill.size == 0 or float(np.median(line)) < float(np.median(fill)) - DRAWN:
        return "border"
    light = grey[rows, xi - 2 : xi + 3].max(axis=1) > float(np.median(fill)) + LIGHT_LINE
    if float(np.mean(light)) >= LIGHT_ROWS:
        return "border"  # a light line drawn across the fill, parting two cells
    return "gap" if any(_text_at(grey, x, float(y), dpi, WORD_SPACE) for y in rows) else "fill"


LIGHT_LINE = 40  # grey levels a light line drawn across a dark band stands lighter than its fill
LIGHT_ROWS = 0.9  # share of a stretch's rows such a line is light in (a letter's stroke is light in a few)
WORD_SPACE = 2.5  # points: the widest space between two words of a label, at the sizes tables print in


def _text_at(grey, x: float, y: float, dpi: int, close_pt: float = 1.5) -> bool:
    """Whether white letters lie across the row at a rule's end in a dark band: light print within
    `close_pt` on both sides of it (a label over the rule's line; a label set close beside a border
    that blur joined to it is on one side only), and not a light line drawn across."""
    h, w = grey.shape
    row = grey[min(max(0, round(y)), h - 1)]
    reach, close = round(0.125 * dpi), max(2, round(close_pt * dpi / 72))
    xi = min(max(0, round(x)), w - 1)
    near = row[max(0, xi - reach) : xi + reach]
    light = float((near > 128).mean()) if near.size else 0.0
    left, right = row[max(0, xi - close) : xi + 1], row[xi : xi + close + 1]
    return 0.0 < light < TEXT_LIGHT and bool((left > 128).any() and (right > 128).any())


def _inside(band, x: float, y: float, dpi: int) -> bool:
    """Whether the point lies inside a band, away from its edges (where a rule meets the band's
    own border)."""
    d = max(2, round(SEAM_X * dpi / 72.0))
    h, w = band.shape
    xi = min(max(0, round(x)), w - 1)
    return all(0 <= yy < h and band[yy, xi] for yy in (round(y) - d, round(y) + d))


def _banded(rule: tuple[float, float, float, float], band) -> float:
    x, top, _, bottom = (round(v) for v in rule)
    column = band[max(0, top) : max(top + 1, bottom), min(max(0, x), band.shape[1] - 1)]
    return float(column.mean()) if column.size else 0.0


def _sparse_words(region, h, v, eng: OcrEngine, s: float) -> list[Word]:
    """Words of a page region read in one sparse pass (`region`: its image and where it stands on
    the page), with the ink that pass left unexplained read again (`inkwords`) and the decimal
    points and arrows it dropped read from their ink (`inkpoints`, `loosearrows`), in points."""
    import cv2
    import numpy as np

    from .cellread import zeros_read_as_os
    from .dots import loose_dots
    from .inkfit import check_loose
    from .inkpoints import points_from_ink
    from .inkwords import letters_read_once, reread_unexplained
    from .loosearrows import loose_arrows
    from .refwords import lookalike_refs

    img, ox, oy = region
    ink = im.binarise(img)
    lines = cv2.dilate(cv2.bitwise_or(h, v), np.ones((3, 3), np.uint8))[oy : oy + img.shape[0], ox : ox + img.shape[1]]
    ink[lines > 0] = 0
    words = _specks_out(reread_unexplained(img, ink, _own_lines(eng.words(img), ink), eng))
    words = lookalike_refs(img, _lookalike_figures(img, words, eng), eng)
    words = split_glued(_to_ink(zeros_read_as_os(img, words), ink), ink)
    words = letters_read_once(words, ink)
    words = (
        check_loose(img, points_from_ink(words, img, ink), eng)
        + loose_arrows(img, ink, words)
        + loose_dots(img, ink, words, round(72 / s))
    )
    return [
        Word(w.text, (w.x0 + ox) * s, (w.top + oy) * s, (w.x1 + ox) * s, (w.bottom + oy) * s, True, w.conf)
        for w in words
    ]


def _to_ink(words: list[Word], ink) -> list[Word]:
    """Each word's box cut down to its own ink: an engine's box may take in blank paper (a
    band's blurred edge it binarised as ink, under a header's `20`), the top of the next line's
    glyphs, or the next words of its line (a blurred `Apr` boxed over `May Jun`), and a box
    taller than its glyphs makes its line look set in a larger face than the rows it heads."""
    out = []
    for w in _clear_of_neighbours(words):
        top, bottom = max(0, int(w.top)), int(round(w.bottom))
        left = max(0, int(w.x0))
        box = ink[top:bottom, left : int(round(w.x1))]
        run = _own_rows(box.sum(axis=1))
        if run is None:
            out.append(w)
            continue
        cols = box[run[0] : run[1]].any(axis=0).nonzero()[0]
        out.append(
            replace(
                w,
                x0=float(left + cols[0]),
                top=float(top + run[0]),
                x1=float(left + cols[-1] + 1),
                bottom=float(top + run[1]),
            )
        )
    return out


DOT = 2  # a run of ink beside a word's line is a mark of it (an `i`'s dot) when under half the line's height


def _own_lines(words: list[Word], ink) -> list[Word]:
    """Each word's box cut down to its own line of print, its width as the engine gave it: a
    box run down over the next line (a tight band title's) would explain that line's ink."""
    out = []
    for w in words:
        top = max(0, int(w.top))
        run = _own_rows(ink[top : int(round(w.bottom)), max(0, int(w.x0)) : int(round(w.x1))].sum(axis=1))
        out.append(w if run is None else replace(w, top=float(top + run[0]), bottom=float(top + run[1])))
    return out


def _own_rows(rows) -> tuple[int, int] | None:
    """The rows of the heaviest run of inked rows, with the runs close beside it (an `i`'s dot, a
    `%`'s circles): the word's own line, not a sliver of another's its box clipped, nor the next
    line a tight band's box took in below."""
    inked = [k for k, n in enumerate(rows) if n]
    if not inked:
        return None
    runs: list[list[int]] = [[inked[0], inked[0] + 1]]
    for k in inked[1:]:
        if k <= runs[-1][1] + 1:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    main = max(runs, key=lambda r: int(rows[r[0] : r[1]].sum()))
    reach = max(2, (main[1] - main[0]) // 3)
    near = [r for r in runs if r[1] >= main[0] - reach and r[0] <= main[1] + reach]
    near = [r for r in near if r is main or DOT * (r[1] - r[0]) < main[1] - main[0]]
    return min(r[0] for r in near), max(r[1] for r in near)


def _clear_of_neighbours(words: list[Word]) -> list[Word]:
    """A box that runs on over the next words of its line ends where the first of them starts:
    two printed words never share ink, and the engine read them apart."""
    out = []
    for w in words:
        level = [
            o.x0
            for o in words
            if o is not w
            and w.x0 < o.x0 < w.x1
            and min(o.bottom, w.bottom) - max(o.top, w.top) > 0.5 * (w.bottom - w.top)
        ]
        out.append(replace(w, x1=min(level) - 1.0) if level and min(level) - 1.0 > w.x0 else w)
    return out


_FIGURE = re.compile(r"^[(\-]?\d[\d,.]*%?\)?$")
FIGURE_AGREED = 0.9  # the confidence of a figure its lookalikes and a digits-only reading agree on


def _lookalike_figures(img, words: list[Word], eng: OcrEngine) -> list[Word]:
    """Figures read with a lookalike for a digit (`$26` for `526`, `1s4`) read again with digits
    only: where that reading is the one the lookalikes give, it stands. A word that starts with
    a letter is left alone (`S43`, `Q1` are references and quarters)."""
    todo = [(k, fixed) for k, w in enumerate(words) if (fixed := _as_figure(w.text)) is not None]
    if not todo:
        return words
    crops = [word_crop(img, words[k]) for k, _ in todo]
    out = list(words)
    for (k, fixed), got in zip(todo, eng.read_images(crops, numeric=True), strict=True):
        if "".join(w.text for w in got) == fixed:
            out[k] = replace(words[k], text=fixed, conf=FIGURE_AGREED)
    return out


def _as_figure(text: str) -> str | None:
    """The figure a word reads as with its lookalikes swapped for digits, if it is not one as read."""
    if _FIGURE.match(text) or not any(ch.isdigit() for ch in text) or text[:1].isalpha():
        return None
    fixed = "".join(VOCABULARY.lookalikes.get(ch, ch) for ch in text)
    return fixed if _FIGURE.match(fixed) else None


SPECK = 0.05  # a sparse pass's confidence in letters at most this: a fill's edge or a speck


def _specks_out(words: list[Word]) -> list[Word]:
    """Words of letters the pass all but rejects (`pe` read at a dark band's corner, 0.00) are
    no text; as a line of their own between a table's caption and its header they join the two.
    Figures stay whatever their confidence: the value checks downstream weigh those."""
    return [w for w in words if w.conf > SPECK or any(ch.isdigit() for ch in w.text)]


_RULE_MARKS = re.compile(r"^[_—–~-]{2,}$")  # `__—`: a rule or a fill's edge read as marks; a lone dash is a nil


def _glyph_high(words: list[Word]) -> list[Word]:
    """Words at least a fifth as tall as the page's typical word, or made of dashes: letters or
    digits in a box that flat (the edge of a colour fill read as `ii`) are no text, and they
    would split a table's header from its body as a line of their own. Runs of rule-like marks
    are no text either: they join the labels beside them into one phrase."""
    if not words:
        return words
    heights = sorted(w.bottom - w.top for w in words)
    typical = heights[len(heights) // 2]
    return [w for w in words if _glyphs(w, typical)]


def _lone_marks_out(words: list[Word]) -> list[Word]:
    """Marks with no word of letters or digits beside them on their line: a rule's remnant (`—`
    under a row), not a nil, which a row prints on its label's line; alone they part the table
    there. So does a speck read as a letter (`i` at a fill's corner), less than half as tall as
    the page's typical word and alone on its line. A low stroke read as `_` goes wherever it
    stands: no table prints one, and between two words (`Code _ Local authority`) it joins two
    columns' headers into one phrase."""
    words = [w for w in words if w.text.strip("_")]
    texts = [w for w in words if any(ch.isalnum() for ch in w.text)]
    heights = sorted(w.bottom - w.top for w in texts)
    small = 0.5 * heights[len(heights) // 2] if heights else 0.0

    by_top = sorted(texts, key=lambda o: o.top)
    tops = [o.top for o in by_top]
    tallest = max((o.bottom - o.top for o in texts), default=0.0)

    def beside(w: Word) -> bool:
        near = by_top[bisect_left(tops, w.top - tallest) : bisect_right(tops, w.bottom)]
        return any(o is not w and _overlap(o, w) >= 0.5 * min(o.bottom - o.top, w.bottom - w.top) for o in near)

    lettered = {id(w) for w in texts}
    return [w for w in words if beside(w) or (id(w) in lettered and w.bottom - w.top >= small)]


def _respelt(w: Word) -> Word:
    """A month label with its year's lookalike letters read back as digits (`Jull6`), a quarter's
    code with its digit's (`Ql`)."""
    fixed = respelt_month(w.text, VOCABULARY.lookalikes) or respelt_quarter_code(w.text, VOCABULARY.lookalikes)
    return w if fixed is None else replace(w, text=fixed)


YEAR_GAP = 0.4  # of a word's height: a gap this narrow inside a month's year is a break, not a space


def _joined_years(words: list[Word]) -> list[Word]:
    """A month label whose year OCR broke in two (`Jun-1` `7`): one word, where the pieces set
    closer than a word space make a month together and the first does not alone."""
    gone: set[int] = set()
    out = list(words)
    for i, a in enumerate(words):
        if not (a.text[:1].isalpha() and a.text[-1:].isdigit()) or parse_month(a.text) is not None:
            continue
        j = next((j for j, b in enumerate(words) if j not in gone and j != i and _year_broken(a, b)), None)
        if j is not None:
            b = words[j]
            gone.add(j)
            out[i] = Word(
                a.text + b.text, a.x0, min(a.top, b.top), b.x1, max(a.bottom, b.bottom), True, min(a.conf, b.conf)
            )
    return [w for k, w in enumerate(out) if k not in gone]


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SPECKED_YEAR = re.compile(r"^\d{1,4}((?:19|20)\d\d)$")
SPECK_SURE = 0.6  # a pass's confidence from which a long run of digits is read as printed


def _years_from_specks(words: list[Word]) -> list[Word]:
    """A year read with specks before it as digits (`4382016` for `2016`), on a line of years
    (a header `2014 2015 ... 2017`) and within their range: the line's own sequence says what it
    is, where the pass was unsure of the run. Any other run of digits stays as read."""
    out = list(words)
    for k, w in enumerate(words):
        m = _SPECKED_YEAR.match(w.text)
        if m is None or w.conf >= SPECK_SURE:
            continue
        level = [o for o in words if o is not w and _overlap(o, w) >= 0.5 * min(o.bottom - o.top, w.bottom - w.top)]
        years = sorted(int(o.text) for o in level if _YEAR.match(o.text))
        figures = [o for o in level if any(ch.isdigit() for ch in o.text)]
        if len(years) < 2 or len(years) * 2 < len(figures) or not years[0] <= int(m[1]) <= years[-1] + 1:
            continue
        cut = (w.x1 - w.x0) * (len(w.text) - 4) / len(w.text)
        out[k] = replace(w, text=m[1], x0=w.x0 + cut)
    return out


def _year_broken(a: Word, b: Word) -> bool:
    level = _overlap(a, b) >= 0.5 * min(a.bottom - a.top, b.bottom - b.top)
    close = 0 <= b.x0 - a.x1 <= YEAR_GAP * (a.bottom - a.top)
    return level and close and b.text.isdigit() and parse_month(a.text + b.text) is not None


def _overlap(a: Word, b: Word) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


_STROKES = re.compile(r"^[|!'\"`:;,\[\]‘’“”«»]+$")  # a rule's or a fill's edge read as strokes

_EDGE_TAIL = re.compile(r"^(?P<figure>[\-−]?\d[\d,.]*%?)(?P<marks>[)\]|!,'’:;]+)$")
EDGE_NEAR = 0.5  # of a word's height: how close its end stands to a vertical rule that inked its last marks


def _edge_marks_off(words: list[Word], rules: list[Rule]) -> list[Word]:
    """A figure set flush right against a vertical rule or a dark column's edge, with strokes
    after it that open nothing (`4198)`, `549!`, `4190,`): at low resolution the rule's ink joins
    the word as its last marks, and the figure would read as text. The marks go where the word
    ends at the rule; a bracket the figure opens (`(4198)`) stays, as does a figure clear of any
    rule."""
    verticals = [r for r in rules if not r.horizontal]
    out = []
    for w in words:
        m = _EDGE_TAIL.match(w.text)
        if m is not None and "(" not in w.text:
            reach = EDGE_NEAR * (w.bottom - w.top)
            if any(r.top <= w.yc <= r.bottom and abs((r.x0 + r.x1) / 2 - w.x1) <= reach for r in verticals):
                w = replace(w, text=m["figure"].rstrip(",."))
        out.append(w)
    return out


SLIVER = 0.07  # of the typical word's height: narrower than any glyph's ink (a speck beside `2020` read as `©`)


def _glyphs(w: Word, typical: float) -> bool:
    """Words no narrower than a glyph's ink, unless a code for a missing value (`-`); letters at
    least a fifth of the typical height; marks (a nil's dash) no wider than a long
    dash is: a flat mark twice the text's height long is the edge of a fill or a rule. Strokes
    alone (`|`, `"`, `»`) are the edge of a grey column, which as a line of their own between
    two rows would part a table's header from its body, unless they are a code a table prints
    for a missing value (`:`)."""
    height, marks = w.bottom - w.top, not any(ch.isalnum() for ch in w.text)
    if w.x1 - w.x0 < SLIVER * typical and w.text.lower() not in VOCABULARY.missing:
        return False
    if _RULE_MARKS.match(w.text) or (_STROKES.match(w.text) and w.text not in VOCABULARY.missing):
        return False
    if marks and height < 0.2 * typical and w.x1 - w.x0 > 2 * typical:
        return False
    return height >= 0.2 * typical or marks
