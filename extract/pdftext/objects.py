"""A page's drawn objects, from pdfium's object list: ruling lines, filled rectangles, images, and
whether its text is drawn invisibly.

Paths are cut into their subpaths and read as pdfminer reads them: two points make a line, four
corners in axis-parallel order a rectangle, anything else (curves, diagonals, polygons) is left
out. A rectangle no thicker than a rule is a rule, a stroked one gives its four edges, a filled
one is a fill (a header band, a zebra stripe) with its colour's luminance. Objects inside form
XObjects are placed with their forms' matrices.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pypdfium2.raw as pdfium_c

from ..page import Fill, Frame, Rule
from . import native
from .chars import Display

MAX_THICKNESS = 2.5  # a rectangle this thin is a ruling line
MAX_DEPTH = 4  # forms within forms, as deep as pdfium is asked to look
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_VP = ctypes.c_void_p


@dataclass(frozen=True, slots=True)
class Shape:
    """A line or an axis-parallel rectangle as displayed, with how it was painted."""

    x0: float
    top: float
    x1: float
    bottom: float
    line: bool  # two points (else a rectangle)
    stroke: bool
    fill: bool
    grey: float  # luminance of the fill colour, 0 black to 1 white


@dataclass
class PageObjects:
    shapes: list[Shape] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # as displayed
    text_objects: int = 0
    invisible_text: int = 0

    @property
    def invisible_share(self) -> float:
        return self.invisible_text / self.text_objects if self.text_objects else 0.0


def turned(shapes: list[Shape], frame: Frame) -> list[Shape]:
    """The shapes in the page's reading frame."""
    if not frame.turn:
        return shapes
    out = []
    for s in shapes:
        x0, top, x1, bottom = frame.to_reading((s.x0, s.top, s.x1, s.bottom))
        out.append(replace(s, x0=x0, top=top, x1=x1, bottom=bottom))
    return out


def rules_of(shapes: list[Shape], max_thickness: float = MAX_THICKNESS) -> list[Rule]:
    """Ruling lines: drawn lines, thin rectangles, and the edges of cell-sized stroked boxes."""
    rules: list[Rule] = []
    for s in shapes:
        thin = min(s.x1 - s.x0, s.bottom - s.top) <= max_thickness
        if s.line or thin:
            rules.append(Rule(s.x0, s.top, s.x1, s.bottom))
        elif s.stroke:
            x0, t, x1, b = s.x0, s.top, s.x1, s.bottom
            rules += [Rule(x0, t, x1, t), Rule(x0, b, x1, b), Rule(x0, t, x0, b), Rule(x1, t, x1, b)]
    return rules


def fills_of(shapes: list[Shape], max_thickness: float = MAX_THICKNESS) -> list[Fill]:
    """Filled rectangles wider and taller than a rule: header bands, zebra stripes, cell colours."""
    return [
        Fill(s.x0, s.top, s.x1, s.bottom, s.grey)
        for s in shapes
        if not s.line and s.fill and min(s.x1 - s.x0, s.bottom - s.top) > max_thickness
    ]


def read_objects(page, display: Display) -> PageObjects:
    """The page's objects, read through `native`'s unchecked bindings: every object handle is a
    `c_void_p`."""
    out = PageObjects()
    handle = native.handle(page.raw)
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        _visit(_VP(native.page_object(handle, i)), _IDENTITY, display, out, 0)
    return out


def _visit(obj: ctypes.c_void_p, outer: Matrix, display: Display, out: PageObjects, depth: int) -> None:
    kind = native.object_type(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        out.text_objects += 1
        out.invisible_text += native.render_mode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        out.shapes += _shapes(obj, _times(_matrix(obj), outer), display)
    elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        out.images.append(_image_box(obj, outer, display))
    elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
        inner = _times(_matrix(obj), outer)
        for k in range(native.form_objects(obj)):
            _visit(_VP(native.form_object(obj, ctypes.c_ulong(k))), inner, display, out, depth + 1)


def _matrix(obj: ctypes.c_void_p) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not native.object_matrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(m: Matrix, n: Matrix) -> Matrix:
    """`m` then `n` (PDF's row-vector convention: m x n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _image_box(obj: ctypes.c_void_p, outer: Matrix, display: Display) -> tuple[float, float, float, float]:
    """An image fills the unit square of its matrix."""
    m = _times(_matrix(obj), outer)
    pts = [display.point(*_apply(m, x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _shapes(obj: ctypes.c_void_p, m: Matrix, display: Display) -> list[Shape]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    native.draw_mode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
    if not fill_mode.value and not stroke.value:
        return []
    grey = _grey(obj) if fill_mode.value else 0.0
    out = []
    for sub in _subpaths(obj):
        pts = [display.point(*_apply(m, x, y)) for x, y in sub]
        kind = _kind(pts)
        if kind:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            out.append(
                Shape(
                    min(xs), min(ys), max(xs), max(ys), kind == "line", bool(stroke.value), bool(fill_mode.value), grey
                )
            )
    return out


def _subpaths(obj: ctypes.c_void_p) -> Iterator[list[Point]]:
    """Each subpath's points, but for those with a curve segment (no line or box, a chart's pie)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    current: list[Point] = []
    curved = False
    for k in range(native.segments(obj)):
        seg = _VP(native.segment(obj, k))
        kind = native.segment_type(seg)
        native.segment_point(seg, x_at, y_at)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO and current:
            if not curved:
                yield current
            current, curved = [], False
        current.append((x.value, y.value))
        curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
    if current and not curved:
        yield current


def _kind(pts: list) -> str:
    """`line`, `rect` or `` (pdfminer's test: two points; four corners with axis-parallel sides,
    the first repeated at the end or not)."""
    if len(pts) == 2:
        return "line"
    if len(pts) == 5 and pts[4] == pts[0]:
        pts = pts[:4]
    if len(pts) != 4:
        return ""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
    if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0):
        return "rect"
    return ""


def _grey(obj: ctypes.c_void_p) -> float:
    """Luminance of the fill colour (pdfium gives it as RGB whatever the colour space)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not native.object_fill(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return 0.0
    return (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255
