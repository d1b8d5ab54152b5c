"""Does a reading account for all the ink of its cell?

The commonest misreading on a blurred scan drops a glyph: `71` for `171`, `2.6%` for `82.6%`,
`11%` for `-11%`, and two engines or two scales often drop the same one, so agreement does not
catch it. The ink does: a spreadsheet prints every figure of a page in one font, so the width of
a printed figure is a linear function of its characters' advance widths, fitted on the page's
own sure readings. A reading that leaves half a digit's width or more of the ink unexplained is
not stated; it becomes a doubtful cell whose other readings (and the row's arithmetic) may
settle it, or it is withheld.

In a grid only the missing-ink direction is tested: faint print loses ink at the ink threshold,
so a reading wider than the ink proves little. A loose figure (boxes cut to its ink) is tested
both ways: a reading claiming a whole glyph more than the ink (`719%` for a crisp `79%`, a stem
read twice) is no reading of it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace

import numpy as np

from ..page import Word
from . import glyphs
from .engines import OcrEngine
from .layout import INK, MIN_BLOB

# advance widths in em of the Calibri / Carlito figures scorecards print; a figure's ink is
# close to its advance, so other fonts of office suites fit the same line with another slope
ADVANCE = {
    **dict.fromkeys("0123456789", 0.507),
    ".": 0.252,
    ",": 0.25,
    "%": 0.715,
    "-": 0.306,
    "\u2212": 0.306,
    "–": 0.306,
    "(": 0.303,
    ")": 0.303,
}
UNFIT = 0.5  # digits of ink a reading may leave unexplained
OVERCLAIM = 0.8  # digits of ink more than printed a loose reading may claim (a `1` inks less than its advance)
BEARINGS = 0.6  # digits: the most a figure's side bearings take off its advances (the fit's intercept)
FAINT = 40  # a small upright speck lighter than this is paper noise (a minus is flat, and kept)
MIN_SURE = 10  # sure readings a page needs before its fit is trusted


def advance(text: str) -> float:
    return sum(ADVANCE.get(ch, 0.5) for ch in text)


def figure_span(img: np.ndarray, height: float) -> tuple[int, int] | None:
    """Left and right ink edge of the printed figure, without what is not print: faint upright
    specks (paper noise, a rule's stub), lines one or two pixels thin, the flat or hair-thin
    remnants of erased rules at its ends, and a `→` leading it (drawn a space apart, wider than
    it is tall, taller than a minus)."""
    import cv2

    if img.ndim != 2 or min(img.shape) < 2 or height <= 0:
        return None
    n, labels, stats, _ = cv2.connectedComponentsWithStats((img < INK).astype(np.uint8), connectivity=8)

    def darkest(i: int) -> int:
        x, y, w, h = stats[i][:4]
        return int(img[y : y + h, x : x + w][labels[y : y + h, x : x + w] == i].min())

    parts = sorted(
        (
            tuple(int(v) for v in s[:4])
            for i, s in enumerate(stats[1:n], 1)
            if s[4] >= MIN_BLOB and s[3] > 2 and (s[4] >= 0.05 * height**2 or s[2] > s[3] or darkest(i) <= FAINT)
        ),
        key=lambda p: p[0],
    )
    parts = [p for p in parts if not (p[3] <= 0.25 * height and p[2] > 1.5 * height)]
    while len(parts) > 1 and parts[0][2] <= 0.2 * height:
        parts.pop(0)
    while len(parts) > 1 and parts[-1][2] <= 0.2 * height:
        parts.pop()
    if len(parts) > 1 and parts[0][2] >= 0.9 * height and 0.3 * height <= parts[0][3] <= 0.8 * height:
        parts.pop(0)
    if not parts:
        return None
    return min(p[0] for p in parts), max(p[0] + p[2] for p in parts)


@dataclass(frozen=True)
class InkFit:
    """Ink width in pixels ~ slope * advance (em) + intercept, for one page's figures."""

    slope: float
    intercept: float

    @property
    def digit(self) -> float:
        return self.slope * ADVANCE["0"]

    def expected(self, text: str) -> float:
        """The ink width in pixels the page prints `text` in."""
        return self.slope * advance(text) + self.intercept

    def unexplained(self, width: float, text: str) -> float:
        """Digits' worth of ink the reading leaves unexplained (negative: it claims more)."""
        return (width - self.expected(text)) / self.digit

    def accounts_for(self, width: float | None, text: str) -> bool:
        return width is None or self.unexplained(width, text) < UNFIT

    @property
    def plausible(self) -> bool:
        """The line is a print's: its intercept, what side bearings and blur take off or add to
        the advances, is a fraction of a digit. A page of three-digit figures with a few wider
        ones fits a line through them that puts a lone `3` at a tenth of its ink."""
        return abs(self.intercept) <= BEARINGS * self.digit

    def matches(self, width: float, text: str) -> bool:
        """The reading accounts for the ink and claims no glyph the ink lacks."""
        return -OVERCLAIM < self.unexplained(width, text) < UNFIT


def fit_page(samples: list[tuple[float, str]]) -> InkFit | None:
    """The page's line from (ink width, text) of its sure readings, refitted twice without the
    readings far off it (a dropped glyph among the sure ones, a cell with a rule's remnant)."""
    samples = [(w, t) for w, t in samples if t]
    if len(samples) < MIN_SURE:
        return None
    x = np.array([advance(t) for _, t in samples])
    y = np.array([w for w, _ in samples], float)
    if np.ptp(x) < 0.5:
        return None  # all of one width: slope and intercept cannot be told apart
    keep = np.ones(len(x), bool)
    slope = intercept = 0.0
    for _ in range(3):
        if keep.sum() < MIN_SURE or np.ptp(x[keep]) < 0.5:
            return None
        slope, intercept = np.polyfit(x[keep], y[keep], 1)
        res = np.abs(y - (slope * x + intercept))
        keep = res <= max(3 * float(np.median(res[keep])), 2.0)
    if slope <= 0:
        return None
    return InkFit(float(slope), float(intercept))


def figure_of(r, k: int, height: float) -> tuple[int, int] | None:
    """The ink span of cell reading `r`'s figure, its number being word `k`: right of the word
    before it, and of an arrow the reading left out (`↑ 77%` read `77%`)."""
    start = int(r.words[k - 1].x1) + 1 if k else 0
    if not k and (split := glyphs.split_arrow(r.cell.image)) and split[0] and not _a_one(r, split[0]):
        start = split[1]
    span = figure_span(r.cell.image[:, start:], height)
    return None if span is None else (span[0] + start, span[1] + start)


BOLD = 1.25  # a bold face's figures are at most this much wider than the page's regular ones
ONE_FACE = 0.06  # spread of a row's width ratios within which one face prints all its figures
HEAVIER = 1.2  # a bold face's strokes over the page's: what a row that lost a glyph in each lacks


def _other_weight(unfit: list, cells: list, fit: InkFit, grids) -> list:
    """The unfit figures, less a row's set in another weight (a bold total): two thirds of its
    figures or more, three at least, leave ink unexplained, each read so by most readings, all
    are wider than the page's fit by one ratio, and their strokes are thicker than the other
    figures'; a mark dropped from each (a row of changes that lost their minus signs) widens
    them by about one ratio too, but leaves the strokes as they are. They stand as read."""
    rows: dict[tuple[int, int], list] = {}
    for c in cells:
        rows.setdefault((c[0].cell.grid, grids[c[0].cell.grid].cells[c[0].cell.cell].row0), []).append(c)
    bad = {id(c[0]) for c in unfit}
    bold: set[int] = set()
    strokes: dict[int, float] = {}
    for members in rows.values():
        wide = [(r, k, w) for r, k, w, _ in members if id(r) in bad]
        if not _mostly(wide, members) or not all(_most_read(r, r.words[k].text) for r, k, _ in wide):
            continue
        if not _one_face([w / max(1.0, fit.expected(r.words[k].text)) for r, k, w in wide], ONE_FACE):
            continue
        strokes = strokes or {id(c[0]): _stroke(c[0].cell.image) for c in cells}
        ids = {id(r) for r, _, _ in wide}
        if _heavier([strokes[i] for i in ids], [v for i, v in strokes.items() if i not in ids]):
            bold |= ids
    return [c for c in unfit if id(c[0]) not in bold]


def _mostly(wide: list, members: list) -> bool:
    """Two thirds of a row's figures or more, three at least."""
    return len(wide) >= 3 and 3 * len(wide) >= 2 * len(members)


def _one_face(ratios: list[float], spread: float) -> bool:
    """Widths over the page's fit that one other face prints: wider by one ratio, all alike."""
    return max(ratios) <= BOLD and max(ratios) - min(ratios) <= spread


def _heavier(row: list[float], rest: list[float]) -> bool:
    """The row's strokes are a bold face's over the other figures' (a dropped mark leaves them)."""
    return bool(rest) and float(np.median(row)) >= HEAVIER * float(np.median(rest))


def _stroke(img: np.ndarray) -> float:
    """The figure's stroke width in pixels: the median run of ink along its image's rows."""
    ink = np.pad(img < INK, ((0, 0), (1, 1))).astype(np.int8)
    edges = np.diff(ink, axis=1)
    runs = np.flatnonzero(edges.ravel() == -1) - np.flatnonzero(edges.ravel() == 1)
    return float(np.median(runs)) if runs.size else 0.0


def _most_read(r, text: str) -> bool:
    """Most of the cell's readings are its figure as it stands."""
    seen = [*r.readings, text]
    return 2 * seen.count(text) > len(seen)


def _a_one(r, arrow: str) -> bool:
    """The glyph `split_arrow` took for an upward or downward arrow is a figure's `1`: a `1`
    without a foot stands apart from the next digit in a face of equal-width figures, and its
    flag makes the top the heavier end, but it has no head on a straight shaft (`lone_arrow`).
    It is print the reading must account for (`2` for `12` leaves it unexplained)."""
    if arrow not in "↑↓":
        return False
    a0, a1 = glyphs.ink_runs(r.cell.image)[0]
    return glyphs.lone_arrow(r.cell.image[:, max(0, a0 - 1) : a1 + 1]) is None


def value_cells(readings, value_cols, grids):
    """The readings of single cells under a value column's header."""
    for r in readings:
        c = grids[r.cell.grid].cells[r.cell.cell]
        row, measure = value_cols.get((r.cell.grid, c.col0), (None, ""))
        if row is not None and c.row0 > row and c.col1 - c.col0 == 1 and not r.glyph:
            yield r, measure


def check_ink(readings, value_cols, grids, engine) -> InkFit | None:
    """Number cells of the value columns whose reading leaves ink unexplained become doubtful:
    their readings are cut to those that account for the ink (a lost minus put back is one, the
    second engine's reading another), for the row's arithmetic to choose from (`resolve`); with
    none left the cell is withheld. Returns the page's fit, for the readers that need it."""
    from .cellread import NO_MAJORITY, NUMBER_RE, SURE, print_height, side_padded

    height = print_height(readings)
    cells = []
    for r, measure in value_cells(readings, value_cols, grids):
        nums = [k for k, w in enumerate(r.words) if NUMBER_RE.match(w.text)]
        if len(nums) == 1 and (span := figure_of(r, nums[0], height)) is not None:
            cells.append((r, nums[0], span[1] - span[0], measure.startswith("change")))
    fit = fit_page([(w, r.words[k].text) for r, k, w, _ in cells if r.words[k].conf >= SURE])
    if fit is None:
        return None
    unfit = [(r, k, w, change) for r, k, w, change in cells if not fit.accounts_for(w, r.words[k].text)]
    unfit = _other_weight(unfit, cells, fit, grids)
    second = {}
    if engine.second is not None and unfit:
        got = engine.second.read_images([side_padded(r) for r, *_ in unfit], numeric=True)
        second = {id(r): "".join(w.text for w in words) for (r, *_), words in zip(unfit, got, strict=False)}
    for r, k, w, change in unfit:
        seen = [*r.readings, r.words[k].text, second.get(id(r), "")]
        seen += ["-" + t for t in seen if change and t and t[0].isdigit()]  # a change's lost minus
        fits = list(dict.fromkeys(t for t in seen if t and NUMBER_RE.match(t) and fit.accounts_for(w, t)))
        if os.environ.get("SCOREKIT_OCR_DEBUG"):
            print(
                "ink",
                r.cell.x0,
                r.cell.top,
                r.words[k].text,
                f"{fit.unexplained(w, r.words[k].text):+.2f}",
                seen,
                fits,
                file=sys.stderr,
            )
        r.readings = fits or [""]
        r.unfit = r.words[k].text
        r.words[k] = replace(r.words[k], conf=NO_MAJORITY)
    return fit


LOOSE_DOUBT = 0.3  # a loose figure's confidence where no reading explains its ink: below the OCR floor
LOOSE_AGREED = 0.9  # where the second engine's reading does
LOOSE_FACE = 0.1  # spread of one weight's ratios to the fit among loose words (boxes cut to blurred ink)


def check_loose(img: np.ndarray, words: list[Word], engine: OcrEngine) -> list[Word]:
    """Figures of a page read without a grid (boxes cut to their ink) whose reading leaves ink
    unexplained by the page's fit: `1` for an `11` whose serif feet touch, which both engines
    read as the one glyph they see. The second engine reads the word again; its reading stands
    where it accounts for the ink, and otherwise the figure falls below the OCR floor, withheld.
    Signed figures are left alone: a minus is printed as a hyphen or a wider dash, which no one
    advance fits (dense_a3_scorecard-70 on the eleventh probe lost 24 right changes to it)."""
    from .cellread import NUMBER_RE, SURE
    from .engines import word_crop

    figures = [k for k, w in enumerate(words) if NUMBER_RE.match(w.text) and w.text[0].isdigit()]
    fit = fit_page([(words[k].x1 - words[k].x0, words[k].text) for k in figures if words[k].conf >= SURE])
    if fit is None or not fit.plausible:
        return words
    unfit = [k for k in figures if not fit.matches(words[k].x1 - words[k].x0, words[k].text)]
    if not unfit:
        return words
    unfit = _bold_lines_out(unfit, figures, words, fit, img)
    second = engine.second
    got = second.read_images([word_crop(img, words[k]) for k in unfit], numeric=True) if second else []
    read = ["".join(w.text for w in ws) for ws in got] or [""] * len(unfit)
    out = list(words)
    for k, text in zip(unfit, read, strict=True):
        w = words[k]
        fits = bool(NUMBER_RE.match(text)) and fit.matches(w.x1 - w.x0, text)
        out[k] = replace(w, text=text, conf=LOOSE_AGREED) if fits else replace(w, conf=min(w.conf, LOOSE_DOUBT))
    return out


def _bold_lines_out(unfit: list[int], figures: list[int], words: list[Word], fit: InkFit, img: np.ndarray) -> list[int]:
    """The unfit figures, less a line's set in another weight (a bold total row): as for a grid's
    rows (`_other_weight`), two thirds of the line's figures or more, three at least, wider than
    the fit by one ratio, their strokes thicker than the other figures'."""
    from .engines import word_crop

    def line(k: int) -> list[int]:
        w = words[k]
        return [j for j in figures if abs((words[j].top + words[j].bottom) - (w.top + w.bottom)) < w.bottom - w.top]

    bold: set[int] = set()
    strokes: dict[int, float] = {}
    for k in unfit:
        members = line(k)
        wide = [j for j in members if j in unfit]
        if k in bold or not _mostly(wide, members):
            continue
        if not _one_face(
            [(words[j].x1 - words[j].x0) / max(1.0, fit.expected(words[j].text)) for j in wide], LOOSE_FACE
        ):
            continue
        strokes = strokes or {j: _stroke(word_crop(img, words[j])) for j in figures}
        if _heavier([strokes[j] for j in wide], [v for j, v in strokes.items() if j not in wide]):
            bold |= set(wide)
    return [k for k in unfit if k not in bold]
