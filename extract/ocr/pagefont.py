"""A third reader for blurred figures: the page's own print, learned from its sure readings.

Both OCR engines were trained on other fonts at other resolutions; a scan's figures are one
font (the spreadsheet's), blurred one way. The page's sure readings show every digit many times
over in exactly that print, so each glyph's average image is a better model of a doubtful
cell's ink than either engine has: on the 150-dpi scan the two engines read the bold, blurred
`45` as `45` and `75`, while the page's own `4` and `7` tell them apart. The figures are laid
out by the page's fitted advance widths (`inkfit`), right-aligned as a spreadsheet prints them,
each glyph matched where it should sit, give or take a few pixels of side bearing.

Its reading is a vote, never a value on its own: it settles a doubtful cell only where it
agrees with one of the engines' readings, and otherwise joins the candidates the row's
arithmetic chooses from (`resolve`).
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import dataclass

import numpy as np

from .inkfit import ADVANCE, InkFit

HEIGHT = 24  # pixels a figure is scaled to
DIGIT = 14.0  # pixels a digit's advance is scaled to
MIN_DIGIT = 4.0  # pixels of a digit's advance below which a page's fit is not of print
SLACK = 3  # pixels a glyph may sit off its nominal place (side bearings differ)
MIN_SAMPLES = 3  # sure glyphs a class needs before it is learned
WIDTH_SLACK = 0.6  # digits of width by which a format may miss the figure's ink
MIN_SCORE = 0.6  # mean glyph correlation below which the cell is not this page's print
MIN_MARGIN = 0.03  # a digit's least lead over the next-best: a blurred `0` scores `8` and `0` alike
FONT_MATCHED = 0.9  # a cell's confidence where the page's glyphs and an engine agree
FORMATS = [
    ("-" * sign) + "d" * n + (".d" if point else "") + pct
    for sign, n, point, pct in itertools.product((0, 1), (1, 2, 3, 4), (0, 1), ("", "%"))
] + ["d,ddd"]
DIGITS = "0123456789"


def _width(ch: str) -> int:
    return int(round(DIGIT * ADVANCE[ch] / ADVANCE["0"]))


@dataclass
class Figure:
    """A cell's printed figure, scaled so a digit's advance is DIGIT pixels."""

    image: np.ndarray  # inverted grey (ink high), HEIGHT rows
    x0: float
    x1: float
    bearing: float  # half the page's ink-width intercept: the side bearing at each end
    fit: InkFit
    ink: int  # the figure's ink width in the cell's own pixels

    @classmethod
    def cut(cls, img: np.ndarray, span: tuple[int, int], fit: InkFit) -> Figure | None:
        import cv2

        from .layout import INK

        x0, x1 = span
        rows = np.flatnonzero((img[:, x0:x1] < INK).any(axis=1))
        if rows.size < 2 or not MIN_DIGIT <= fit.digit <= 10 * DIGIT:
            return None  # a fit that makes a digit a few pixels wide is no print at OCR resolution
        fx = DIGIT / fit.digit
        inv = 255.0 - img[rows[0] : rows[-1] + 1].astype(np.float32)
        scaled = cv2.resize(inv, (max(1, round(img.shape[1] * fx)), HEIGHT), interpolation=cv2.INTER_AREA)
        return cls(scaled, x0 * fx, x1 * fx, -fit.intercept * fx / 2, fit, x1 - x0)

    def places(self, text: str) -> list[float]:
        """Where each glyph of `text` starts, right-aligned on the figure's ink."""
        pos = self.x1 + self.bearing - sum(_width(c) for c in text)
        out = []
        for c in text:
            out.append(pos)
            pos += _width(c)
        return out

    def window(self, at: float, ch: str) -> np.ndarray:
        a, w = int(round(at)) - SLACK, _width(ch) + 2 * SLACK
        out = np.zeros((HEIGHT, w), np.float32)
        lo, hi = max(0, a), min(self.image.shape[1], a + w)
        if hi > lo:
            out[:, lo - a : hi - a] = self.image[:, lo:hi]
        return out


@dataclass
class Reading:
    text: str
    score: float  # mean correlation of its glyphs with the page's
    margin: float  # the least lead of a digit over the next-best digit


def _unit(rows: np.ndarray) -> np.ndarray:
    """Rows made zero-mean and unit-length: their dot products are then normalised correlations."""
    rows = rows - rows.mean(axis=-1, keepdims=True)
    norm = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norm > 0, norm, 1.0)


def _correlations(window: np.ndarray, width: int, stack: np.ndarray) -> np.ndarray:
    """Each glyph of `stack` (unit rows) against every placement of a `width`-wide glyph in
    `window`: one row per placement, one column per glyph."""
    patches = np.lib.stride_tricks.sliding_window_view(window, (HEIGHT, width))[0]
    return _unit(patches.reshape(len(patches), -1)) @ stack.T


class PageFont:
    """Glyph templates of one page's print."""

    def __init__(self, templates: dict[str, np.ndarray], fit: InkFit, height: float):
        self.templates = templates
        self.fit = fit
        self.height = height  # of the page's printed figures (`cellread.print_height`)
        self._digits = _unit(np.stack([templates[d].ravel() for d in DIGITS]))
        self._others = {ch: _unit(t.ravel()[None, :]) for ch, t in templates.items() if ch not in DIGITS}

    @classmethod
    def learn(cls, figures: list[tuple[Figure, str]], fit: InkFit, height: float = 0.0) -> PageFont | None:
        """Each glyph's mean image over the sure figures, re-aligned twice on the mean (a `1`
        sits further right in its advance than an `8`)."""
        samples: dict[str, list[np.ndarray]] = {}
        for fig, text in figures:
            for ch, at in zip(text, fig.places(text), strict=False):
                if ch in ADVANCE:
                    samples.setdefault(ch, []).append(fig.window(at, ch))
        templates = {}
        for ch, wins in samples.items():
            if len(wins) < MIN_SAMPLES:
                continue
            w = _width(ch)
            mean = np.mean([x[:, SLACK : SLACK + w] for x in wins], axis=0)
            for _ in range(2):
                unit = _unit(mean.ravel()[None, :])
                mean = np.mean(
                    [x[:, k : k + w] for x in wins for k in [int(np.argmax(_correlations(x, w, unit)))]], axis=0
                )
            templates[ch] = mean.astype(np.float32)
        if not all(d in templates for d in DIGITS):
            return None  # too few sure figures to know every digit
        return cls(templates, fit, height)

    def _scores(self, fig: Figure, at: float, ch: str) -> np.ndarray:
        """Each candidate glyph's best correlation within SLACK of where it should sit (one
        matrix product for all ten digits, the hot loop of a page's doubtful cells)."""
        glyph = "0" if ch == "d" else ch
        stack = self._digits if ch == "d" else self._others[ch]
        return _correlations(fig.window(at, glyph), _width(glyph), stack).max(axis=0)

    def read_cell(self, r) -> str:
        """Cell reading `r`'s figure as this page prints it, or "" where the page's glyphs are
        not sure of it."""
        from .cellread import NUMBER_RE
        from .inkfit import figure_of

        nums = [k for k, w in enumerate(r.words) if NUMBER_RE.match(w.text)]
        span = figure_of(r, nums[0] if len(nums) == 1 else 0, self.height)
        fig = Figure.cut(r.cell.image, span, self.fit) if span else None
        got = self.read(fig) if fig else None
        if os.environ.get("SCOREKIT_OCR_DEBUG"):
            print("font", r.cell.x0, r.cell.top, r.readings, got, file=sys.stderr)
        return got.text if got and got.score >= MIN_SCORE and got.margin >= MIN_MARGIN else ""

    def read_glyph(self, fig: Figure) -> Reading:
        """The digit one glyph's ink is, centred in a digit's advance (a `1` sits mid-advance,
        not at its right edge)."""
        at = (fig.x0 + fig.x1) / 2 - _width("0") / 2
        scores = self._scores(fig, at, "d")
        second, best = np.argsort(scores)[-2:]
        return Reading(DIGITS[best], float(scores[best]), float(scores[best] - scores[second]))

    def read(self, fig: Figure) -> Reading | None:
        """The best-matching figure among the number formats whose width fits the ink."""
        best: Reading | None = None
        seen: dict[tuple[int, str], np.ndarray] = {}  # right-aligned formats share their last glyphs' places
        for fmt in FORMATS:
            if (
                any(ch not in self.templates for ch in fmt if ch != "d")
                or abs(fig.fit.unexplained(fig.ink, fmt.replace("d", "0"))) > WIDTH_SLACK
            ):
                continue
            text, total, margin = "", 0.0, 1.0
            for ch, at in zip(fmt, fig.places(fmt.replace("d", "0")), strict=False):
                key = (int(round(at)), ch)
                if key not in seen:
                    seen[key] = self._scores(fig, at, ch)
                scores = seen[key]
                if ch == "d":
                    top2 = np.argsort(scores)[-2:]
                    ch = DIGITS[top2[1]]
                    margin = min(margin, float(scores[top2[1]] - scores[top2[0]]))
                text += ch
                total += float(scores.max())
            if best is None or total / len(fmt) > best.score:
                best = Reading(text, total / len(fmt), margin)
        return best


def page_font(readings, value_cols, grids, fit: InkFit | None) -> PageFont | None:
    """The glyphs of the page's settled figures (a majority or better, and accounting for their
    ink), where there are enough of them."""
    from .cellread import MAJORITY, NUMBER_RE, print_height
    from .inkfit import figure_of, value_cells
    from .resolve import is_doubtful

    if fit is None:
        return None
    height = print_height(readings)
    sure = []
    for r, _ in value_cells(readings, value_cols, grids):
        nums = [k for k, w in enumerate(r.words) if NUMBER_RE.match(w.text)]
        if (
            len(nums) == 1
            and not is_doubtful(r)
            and r.words[nums[0]].conf >= MAJORITY
            and (span := figure_of(r, nums[0], height))
            and (fig := Figure.cut(r.cell.image, span, fit))
        ):
            sure.append((fig, r.words[nums[0]].text))
    return PageFont.learn(sure, fit, height)


def read_doubtful(readings, value_cols, grids, font) -> int:
    """Doubtful number cells of the value columns, read against the page's own glyphs (`font`
    gives them, learned on first use: most pages of a clean scan have no doubtful cell).

    Where that reading agrees with one of the engines' readings, the cell is settled (two
    independent readers agree; `flags` says `font_matched`); otherwise the reading joins the
    cell's candidates for the row's arithmetic. Returns how many cells it settled."""
    from ..values import parse_number
    from .cellread import NUMBER_RE
    from .inkfit import value_cells
    from .resolve import is_doubtful, set_number

    doubtful = [r for r, _ in value_cells(readings, value_cols, grids) if is_doubtful(r)]
    glyphs = font() if doubtful else None
    if glyphs is None:
        return 0
    settled = 0
    for r in doubtful:
        if not (got := glyphs.read_cell(r)):
            continue
        if any(parse_number(t) == parse_number(got) for t in r.readings if t and NUMBER_RE.match(t)):
            set_number(r, got, "font_matched", FONT_MATCHED)
            settled += 1
        else:
            r.readings = [*r.readings, got]
    return settled
