"""Read a born-digital page's text layer into a `PageContent`.

pdfplumber gives characters with their matrices and the page's lines and rectangles. Rotated
characters (owner names printed at 90°) are grouped with their own reading direction so they come
out upright and in order, instead of reversed or split into two-letter fragments.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pdfplumber.page import Page
from pdfplumber.utils.text import WordExtractor

from .page import Fill, Frame, PageContent, Rule, Word
from .wraps import joins

# Grouping by size and colour keeps a page header that overlaps a table from merging into its words.
_WORD_OPTS: dict[str, Any] = {
    "x_tolerance": 1.5,
    "y_tolerance": 2.5,
    "keep_blank_chars": False,
    "extra_attrs": ["size", "non_stroking_color"],
}


def _direction(char: dict) -> str:
    a, b, c, d = char["matrix"][:4]
    if char.get("upright", True):
        return "ltr"
    return "btt" if b > 0 else "ttb"


def page_words(page) -> list[Word]:
    """Words, each knowing whether a space follows it when its cell's text is joined.

    A line that wraps without a space character is judged by `wraps.joins`: between words a
    space, inside a word (a narrow column's `Rep` / `orte` / `r`) none.
    """
    groups: dict[str, list[dict]] = {"ltr": [], "btt": [], "ttb": []}
    order: dict[int, int] = {}
    for i, ch in enumerate(page.chars):
        groups[_direction(ch)].append(ch)
        order[id(ch)] = i
    chars = page.chars
    starts_x = _line_starts(chars)
    words: list[Word] = []
    joints: list[str] = []
    starts: dict[int, int] = {}  # a word's first character -> the word
    follows: list[int] = []
    for direction, line_dir in (("ltr", "ttb"), ("btt", "ltr"), ("ttb", "rtl")):
        if not groups[direction]:
            continue
        opts = dict(_WORD_OPTS)
        if direction != "ltr":
            # a rotated glyph's "size" is its box height along the line, which varies per glyph
            opts.update(line_dir_rotated=line_dir, char_dir_rotated=direction, extra_attrs=["non_stroking_color"])
        for w, wchars in WordExtractor(**opts).iter_extract_tuples(groups[direction]):
            positions = [order[id(c)] for c in wchars]
            nxt = max(positions) + 1
            starts[min(positions)] = len(words)
            follows.append(nxt)
            joints.append(
                "space" if nxt >= len(chars) else _joint(w["text"], wchars[-1], chars[nxt], starts_x[nxt - 1])
            )
            up = direction == "ltr"
            size, bold = (w.get("size") or 0.0), _bold(wchars)
            words.append(
                Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], up, 1.0, direction, True, size=size, bold=bold)
            )
    return _settle_wraps(words, joints, [starts.get(n) for n in follows])


def _line_starts(chars: list[dict]) -> list[float]:
    """For each character, where its line of the text stream began (office suites write a cell's
    text as one run, line after line)."""
    out: list[float] = []
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i else None
        same = prev is not None and abs(ch["top"] - prev["top"]) < 0.5 * prev["size"] and ch["x0"] >= prev["x0"] - 0.5
        out.append(out[-1] if same else ch["x0"])
    return out


def _joint(text: str, last: dict, nxt: dict, line_start: float) -> str:
    """`space` (printed, or a jump elsewhere), `none` (the word goes on), or `wrap` (the next line
    of the same cell, no space character between: `wraps.joins` decides)."""
    if not nxt["text"].strip() or _far(last, nxt):
        return "space"
    size = last["size"]
    if abs(nxt["top"] - last["top"]) < 0.5 * size and nxt["x0"] >= last["x0"] - 0.5:
        # the same line: the word goes on (split by a change of colour or size) if it touches
        return "none" if nxt["x0"] - last["x1"] < 0.3 * size else "space"
    below = last["bottom"] - 0.2 * size <= nxt["top"] <= last["bottom"] + size
    if not (last.get("upright", True) and below) or abs(nxt["x0"] - line_start) > size:
        return "space"  # another cell, or text not aligned left
    return "none" if text.endswith("-") and len(text) > 1 else "wrap"  # `M2-` / `NI`; a dash alone is a word


def _settle_wraps(words: list[Word], joints: list[str], nexts: list[int | None]) -> list[Word]:
    """Each chain of words joined by wraps or by nothing is one token broken over lines: its
    pieces between wraps go to `wraps.joins`."""
    spaced = [j != "none" for j in joints]
    seen: set[int] = set()
    for i in range(len(words)):
        if i in seen or joints[i] == "space":
            continue
        chain = [i]
        while joints[chain[-1]] != "space" and (n := nexts[chain[-1]]) is not None and n not in chain:
            chain.append(n)
        seen.update(chain)
        pieces, ends = [words[chain[0]].text], []
        for k in chain[:-1]:
            nxt = words[nexts[k]].text  # type: ignore[index]  # every word but the chain's last has a next
            if joints[k] == "wrap":
                ends.append(k)
                pieces.append(nxt)
            else:
                pieces[-1] += nxt
        for k, joined in zip(ends, joins(pieces), strict=True):
            spaced[k] = not joined
    return [replace(w, space_after=s) for w, s in zip(words, spaced, strict=True)]


def _bold(chars: list[dict]) -> bool:
    return sum("bold" in str(c.get("fontname", "")).lower() for c in chars) * 2 > len(chars)


def _far(a: dict, b: dict) -> bool:
    """The next character in the stream is not this word's continuation on the next line."""
    return abs(b["size"] - a["size"]) > 0.1 or b["top"] < a["top"] - 0.5 * a["size"]


def page_rules(page, *, max_thickness: float = 2.5) -> list[Rule]:
    """Ruling lines: drawn lines, thin rectangles, and the edges of cell-sized boxes."""
    rules: list[Rule] = []
    for ln in page.lines:
        rules.append(Rule(ln["x0"], ln["top"], ln["x1"], ln["bottom"]))
    for r in page.rects:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if h <= max_thickness or w <= max_thickness:
            rules.append(Rule(r["x0"], r["top"], r["x1"], r["bottom"]))
        elif r.get("stroke"):
            x0, t, x1, b = r["x0"], r["top"], r["x1"], r["bottom"]
            rules += [Rule(x0, t, x1, t), Rule(x0, b, x1, b), Rule(x0, t, x0, b), Rule(x1, t, x1, b)]
    return rules


def page_fills(page, *, max_thickness: float = 2.5) -> list[Fill]:
    """Filled rectangles wider and taller than a rule: header bands, zebra stripes, cell colours."""
    fills = []
    for r in page.rects:
        if not r.get("fill") or min(r["x1"] - r["x0"], r["bottom"] - r["top"]) <= max_thickness:
            continue
        fills.append(Fill(r["x0"], r["top"], r["x1"], r["bottom"], _grey(r.get("non_stroking_color"))))
    return fills


def _grey(colour) -> float:
    """Luminance of a fill colour as pdfplumber gives it (grey, RGB or CMYK components, 0-1)."""
    c = list(colour) if isinstance(colour, list | tuple) else [colour] if isinstance(colour, int | float) else []
    c = [float(v) for v in c if isinstance(v, int | float)]
    if len(c) == 1:
        return c[0]
    if len(c) == 3:
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
    if len(c) == 4:
        k = c[3]
        return (0.299 * (1 - c[0]) + 0.587 * (1 - c[1]) + 0.114 * (1 - c[2])) * (1 - k)
    return 0.0


def _unrotated(page: Page, r: int):
    """Chars, lines and rects in the reading frame: the page as displayed, turned by `r`.

    pdfplumber reports a page as displayed, which shows a table printed sideways (or a /Rotate
    page drawn upright) as sideways text; the table logic wants the frame it was printed in.
    """
    if not r:
        return page.chars, page.lines, page.rects, float(page.width), float(page.height)
    w, h = float(page.width), float(page.height)
    cos, sin = _TURNS[r]
    frame = Frame((360 - r) % 360, w, h)

    def box(o: dict) -> dict:
        x0, top, x1, bottom = frame.to_reading((o["x0"], o["top"], o["x1"], o["bottom"]))
        return {**o, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top, "y0": h - bottom, "y1": h - top}

    chars = []
    for c in page.chars:
        a, b, cc, d, e, f = c["matrix"]
        a2, b2 = a * cos - b * sin, a * sin + b * cos
        c2, d2 = cc * cos - d * sin, cc * sin + d * cos
        ch = {**box(c), "matrix": (a2, b2, c2, d2, e, f), "upright": abs(b2) < 1e-6 and abs(c2) < 1e-6 and a2 > 0}
        ch["size"] = ch["bottom"] - ch["top"] if ch["upright"] else ch["x1"] - ch["x0"]
        chars.append(ch)
    ow, oh = (h, w) if r in (90, 270) else (w, h)
    return chars, [box(o) for o in page.lines], [box(o) for o in page.rects], ow, oh


_TURNS = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}


def _upright_after(matrix: tuple, turn: int) -> bool:
    a, b, c, d = matrix[:4]
    cos, sin = _TURNS[turn]
    a2, b2, c2 = a * cos - b * sin, a * sin + b * cos, c * cos - d * sin
    return abs(b2) < 1e-6 and abs(c2) < 1e-6 and a2 > 0


def reading_turn(page: Page) -> int:
    """The turn of the page as displayed that sets most of its text upright: /Rotate on a page
    drawn upright (the flag undone), a landscape page counter-drawn to display upright (none),
    or a table drawn sideways with no flag at all. Ties keep /Rotate, then none."""
    flagged = int(page.rotation or 0) % 360
    counts = {t: sum(_upright_after(ch["matrix"], t) for ch in page.chars) for t in _TURNS}
    return max(_TURNS, key=lambda t: (counts[t], t == flagged, t == 0))


class _Frame:
    """A page's objects in its unrotated frame, with the attributes the readers use."""

    def __init__(self, page: Page):
        self.rotation = reading_turn(page)
        self.chars, self.lines, self.rects, self.width, self.height = _unrotated(page, self.rotation)


def read_page(page: Page, source: str) -> PageContent:
    frame = _Frame(page)
    return PageContent(
        source=source,
        page=page.page_number,
        width=frame.width,
        height=frame.height,
        words=page_words(frame),
        rules=page_rules(frame),
        fills=page_fills(frame),
        method="text",
        frame=Frame((360 - frame.rotation) % 360, float(page.width), float(page.height)),
    )
