"""A page's characters as pdfium's text page gives them, placed on the page as displayed.

Every character gets an em box, its advance wide and the font size tall, standing on the baseline
(pdfminer's box where a font's descriptor gives no descent, as office suites write them): one
convention for every font, so that the words of two fonts on one line share their top and bottom
(the descents fonts carry vary, or are missing).
Boxes are PDF points, origin at the top-left of the page as displayed (`/Rotate` applied), with
the direction the text runs on that page, so a reader can turn the page to its text's frame.

pdfium leaves a few marks of its own in the stream: `\\x02` or `\\ufffe` for a hyphen it judged
to end a line (read as `-`), and generated characters (line breaks, and spaces where it saw a gap
without a space character). A generated space between two characters of one line is kept, as a
space character with a box spanning the gap (rotated text loses its real spaces to these); the
rest are dropped.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from . import native

LTR, BTT, TTB, RTL = "ltr", "btt", "ttb", "rtl"  # the quarter a baseline runs in: rightwards, up, down, leftwards
HYPHEN_MARKS = ("\x02", "\ufffe")  # how pdfium marks a hyphen it judged to end a line
_FONT_NAME = 256
_ONE = ctypes.c_float(1.0)  # the font size a glyph's width is asked at


@dataclass(slots=True)
class Style:
    """What a text object gives each of its characters."""

    size: float  # the font size in points, scaled by the text's matrix
    font: str
    bold: bool
    colour: int  # fill colour as packed RGBA: equal colours compare equal
    dx: float  # the baseline's direction on the page as displayed (unit vector, y down)
    dy: float
    ux: float  # from the baseline up to the top of the glyphs, the font size long
    uy: float
    invisible: bool  # render mode 3: a scanner's OCR layer
    heading: str = LTR  # the quarter the baseline runs in


def heading(dx: float, dy: float) -> str:
    """The quarter a baseline runs in (y down)."""
    if dx > abs(dy):
        return LTR
    if -dx > abs(dy):
        return RTL
    return BTT if dy < 0 else TTB


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    style: Style
    generated: bool = False


@dataclass(frozen=True, slots=True)
class Display:
    """User space -> the page as displayed: x' = a x + b y + c, y' = d x + e y + f (y down)."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float
    width: float
    height: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.b * y + self.c, self.d * x + self.e * y + self.f

    def vector(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.b * y, self.d * x + self.e * y

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as displayed (x0, top, x1, bottom)."""
        xa, ya = self.point(left, bottom)
        xb, yb = self.point(right, top)
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def display_of(page) -> Display:
    """The transform pdfium's page space takes to the page as displayed (its crop box, turned by
    `/Rotate`)."""
    left, bottom, right, top = page.get_bbox()
    width, height = page.get_size()
    turn = page.get_rotation() % 360
    if turn == 90:
        return Display(0, 1, -bottom, 1, 0, -left, width, height)
    if turn == 180:
        return Display(-1, 0, right, 0, 1, -bottom, width, height)
    if turn == 270:
        return Display(0, -1, top, -1, 0, right, width, height)
    return Display(1, 0, -left, 0, -1, top, width, height)


@dataclass(frozen=True, slots=True)
class _Object:
    """A text object as its characters are placed: its style, its font at its size, and the
    offsets that turn a character's origin and advance into its box as displayed."""

    style: Style
    font: int  # pdfium's font handle
    scale: float  # text space -> page space along the baseline (font size x the matrix's stretch)
    horizontal: bool  # the baseline runs along x in page space
    forward: bool  # ... towards larger coordinates
    # a character's box from its origin: x0 = x + advance * box[0] + box[2], x1 = x + advance *
    # box[1] + box[3], top and bottom the same from box[4:] with y
    box: tuple[float, float, float, float, float, float, float, float]


class _Reader:
    """Reads one text page; a text object is read once, at its first character."""

    def __init__(self, textpage, display: Display, loose: bool = False):
        self.loose = loose  # advances from pdfium's boxes alone (a garbled layer's characters look up wrong widths)
        self.raw = native.handle(textpage.raw)
        self.handle = textpage.raw
        self.display = display
        self.objects: dict[int, tuple[_Object, dict[int, float]]] = {}  # with its font's advances at its scale
        self.kinds: dict[tuple, _Object] = {}
        self.fonts: dict[int, tuple[str, int]] = {}
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_at = ctypes.byref(self.matrix)
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.rgba_at = [ctypes.byref(c) for c in self.rgba]
        self.advances: dict[tuple[int, float], dict[int, float]] = {}  # (font, scale) -> code -> advance
        self.rect = pdfium_c.FS_RECTF()
        self.rect_at = ctypes.byref(self.rect)
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.ox_at, self.oy_at = ctypes.byref(self.ox), ctypes.byref(self.oy)
        self.width_out = ctypes.c_float()
        self.width_at = ctypes.byref(self.width_out)

    def chars(self) -> list[Char]:
        """The page's characters; the loop runs once per character of pages of thousands, so
        the placing (`_char`) is written into it."""
        n = pdfium_c.FPDFText_CountChars(self.handle)
        text = _page_text(self.handle, n)
        codes = [ord(c) for c in text] if text else [native.unicode_of(self.raw, i) for i in range(n)]
        out: list[Char] = []
        gap_before: set[int] = set()
        raw, objects, ox, oy, texts = self.raw, self.objects, self.ox, self.oy, _TEXT
        char_origin, ox_at, oy_at = native.char_origin, self.ox_at, self.oy_at
        dsp = self.display
        da, db, dc, dd, de, df = dsp.a, dsp.b, dsp.c, dsp.d, dsp.e, dsp.f
        last = (None, 0.0, 0.0)
        for i, obj in enumerate([native.text_object(raw, i) for i in range(n)]):
            if obj is None:  # generated by pdfium
                if codes[i] == 32 and out:
                    gap_before.add(len(out))
                continue
            char_origin(raw, i, ox_at, oy_at)
            here = (obj, px := ox.value, py := oy.value)
            if here == last:  # a piece of a ligature pdfium split (`ﬁ` -> `f`, `i`): one glyph
                out[-1] = self._piece(out[-1], i, codes[i])
                continue
            last = here
            o, advances = objects.get(obj) or self._object(i, obj)
            code = codes[i]
            adv = self._advance(i, code, o) if self.loose else advances.get(code)
            if adv is None:
                adv = advances[code] = self._advance(i, code, o)
            x, y = da * px + db * py + dc, dd * px + de * py + df
            ax0, ax1, ux0, ux1, ay0, ay1, uy0, uy1 = o.box
            text = texts.get(code) or _text(code)
            out.append(
                Char(text, x + adv * ax0 + ux0, y + adv * ay0 + uy0, x + adv * ax1 + ux1, y + adv * ay1 + uy1, o.style)
            )
        return _with_gaps(out, gap_before)

    def _advance(self, i: int, code: int, o: _Object) -> float:
        """How far the glyph advances along its baseline: the font's width for it, as pdfminer
        and every viewer place the next glyph.

        pdfium's loose box reaches from the origin to the advance's end, widened to the glyph's
        ink where that sticks out (an italic `f`, a `j`); the font's width, looked up by the
        character, is taken where it falls inside that box, so a character the lookup maps to
        another glyph cannot widen a word. Both are the same wherever the glyph recurs in the
        same font at the same size, so each is measured once."""
        native.loose_box(self.raw, i, self.rect_at)
        r, ox, oy = self.rect, self.ox.value, self.oy.value
        if o.horizontal:
            loose = r.right - ox if o.forward else ox - r.left
        else:
            loose = r.top - oy if o.forward else oy - r.bottom
        if self.loose:  # one character may stand for two glyphs: each glyph its own box
            return max(loose, 0.0)
        ok = o.font and native.glyph_width(ctypes.c_void_p(o.font), code, _ONE, self.width_at)
        width = self.width_out.value * o.scale if ok else 0.0
        return width if 0.0 < width < loose - 0.01 else max(loose, 0.0)

    def _piece(self, glyph: Char, i: int, code: int) -> Char:
        """The glyph's character gains the piece; its box is the whole glyph's advance, which
        pdfium's loose boxes of its pieces give (a ligature's pieces are not in the font's width
        table). On a page turned by `/Rotate 180` the pieces' boxes run the other way, the last
        piece's box at the glyph's start: the previous piece's box is taken in too."""
        x0, top, x1, bottom = self._loose(i)
        px0, ptop, px1, pbottom = self._loose(i - 1)
        x0, top, x1, bottom = min(x0, px0), min(top, ptop), max(x1, px1), max(bottom, pbottom)
        if abs(glyph.style.dx) >= abs(glyph.style.dy):
            x0, top, x1, bottom = min(glyph.x0, x0), glyph.top, max(glyph.x1, x1), glyph.bottom
        else:
            x0, top, x1, bottom = glyph.x0, min(glyph.top, top), glyph.x1, max(glyph.bottom, bottom)
        return Char(glyph.text + chr(code), x0, top, x1, bottom, glyph.style)

    def _loose(self, i: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(self.handle, i, self.rect)
        r = self.rect
        return self.display.box(r.left, r.bottom, r.right, r.top)

    def _object(self, i: int, obj: int) -> tuple[_Object, dict[int, float]]:
        """A text object's placing, and its font's advances at its size; objects alike (same
        font, size, matrix, colour and render mode: most of a table's cells) share one."""
        m = self.matrix
        native.char_matrix(self.raw, i, self.matrix_at)
        native.fill_colour(self.raw, i, *self.rgba_at)
        pointer = ctypes.c_void_p(obj)
        font = native.text_font(pointer) or 0
        key = (
            font,
            native.font_size(self.raw, i),
            m.a,
            m.b,
            m.c,
            m.d,
            tuple(c.value for c in self.rgba),
            native.render_mode(pointer),
        )
        placed = self.kinds.get(key)
        if placed is None:
            placed = self.kinds[key] = self._kind(i, key)
        self.objects[obj] = (placed, self.advances.setdefault((placed.font, placed.scale), {}))
        return self.objects[obj]

    def _kind(self, i: int, key: tuple) -> _Object:
        font, font_size, a, b, c, d, (red, green, blue, alpha), mode = key
        name, weight = self.fonts.get(font) or self._font(i, font)
        along = math.hypot(a, b) or 1.0
        up = math.hypot(c, d) or 1.0
        size = font_size * up
        dx, dy = self.display.vector(a / along, b / along)
        ux, uy = self.display.vector(c / up * size, d / up * size)
        style = Style(
            size=size,
            font=name,
            bold="bold" in name.lower() or weight >= 700,
            colour=(red << 24) | (green << 16) | (blue << 8) | alpha,
            dx=dx,
            dy=dy,
            ux=ux,
            uy=uy,
            invisible=mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE,
            heading=heading(dx, dy),
        )
        box = (
            min(0.0, dx),
            max(0.0, dx),
            min(0.0, ux),
            max(0.0, ux),
            min(0.0, dy),
            max(0.0, dy),
            min(0.0, uy),
            max(0.0, uy),
        )
        horizontal = abs(a) >= abs(b)
        forward = (a if horizontal else b) > 0
        return _Object(style, font, font_size * along, horizontal, forward, box)

    def _font(self, i: int, font: int) -> tuple[str, int]:
        buf = ctypes.create_string_buffer(_FONT_NAME)
        flags = ctypes.c_int()
        n = pdfium_c.FPDFText_GetFontInfo(self.handle, i, buf, _FONT_NAME, flags)
        name = buf.value.decode("utf-8", "replace") if 0 < n <= _FONT_NAME else ""
        self.fonts[font] = (name, int(pdfium_c.FPDFText_GetFontWeight(self.handle, i)))
        return self.fonts[font]


_TEXT: dict[int, str] = {}


def _text(code: int) -> str:
    """A character code's text, pdfium's hyphen marks read as `-` (remembered: pages repeat
    their characters)."""
    text = chr(code) if code else ""
    _TEXT[code] = "-" if text in HYPHEN_MARKS else text
    return _TEXT[code]


def _page_text(handle, n: int) -> str:
    """The text page's characters as one string, if it lines up with them one to one (pdfium
    leaves a few control characters out of it); else empty, and each character's code is asked
    for."""
    if not n:
        return ""
    buf = (ctypes.c_ushort * (2 * n + 2))()
    written = pdfium_c.FPDFText_GetText(handle, 0, n, buf)
    text = bytes(buf)[: max(0, written - 1) * 2].decode("utf-16-le", "replace")
    return text if len(text) == n else ""


def _with_gaps(chars: list[Char], gap_before: set[int]) -> list[Char]:
    """The characters with pdfium's generated spaces put back where they stand between two
    characters of one line."""
    if not gap_before:
        return chars
    out: list[Char] = []
    for i, ch in enumerate(chars):
        if i in gap_before and (space := _gap(chars[i - 1], ch)) is not None:
            out.append(space)
        out.append(ch)
    return out


def _gap(a: Char, b: Char) -> Char | None:
    """A space spanning the gap from `a` to `b`, if `b` goes on `a`'s line in its direction."""
    st = a.style
    if b.style.dx != st.dx or b.style.dy != st.dy:
        return None
    horizontal = abs(st.dx) >= abs(st.dy)
    forward = (st.dx if horizontal else st.dy) > 0
    cross = abs(b.top - a.top) if horizontal else abs(b.x0 - a.x0)
    lo, hi = _span(a, horizontal)
    b_lo, b_hi = _span(b, horizontal)
    start, end = (hi, b_lo) if forward else (b_hi, lo)
    if cross >= 0.5 * st.size or end - start < -0.5:
        return None
    start, end = min(start, end), max(start, end)
    if horizontal:
        return Char(" ", start, a.top, end, a.bottom, st, generated=True)
    return Char(" ", a.x0, start, a.x1, end, st, generated=True)


def _span(ch: Char, horizontal: bool) -> tuple[float, float]:
    return (ch.x0, ch.x1) if horizontal else (ch.top, ch.bottom)


def read_chars(page, textpage=None, loose: bool = False) -> tuple[list[Char], Display]:
    """A pdfium page's characters in the order of its text page (content order, objects of one
    line in left-to-right order), as displayed. `textpage`: the page's text page if already open;
    `loose`: each advance as pdfium's box gives it, for a layer whose characters are not its glyphs'."""
    display = display_of(page)
    own = textpage is None
    textpage = textpage or page.get_textpage()
    try:
        return _Reader(textpage, display, loose).chars(), display
    finally:
        if own:
            textpage.close()
