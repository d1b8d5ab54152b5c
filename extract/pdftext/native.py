"""The pdfium functions read once per character or drawn object, bound with plain C types and
no argument checking.

pypdfium2's bindings check and convert every argument against its declared pointer types (and
wrap every handle they return in a typed pointer); at two calls per character on pages of 5,000
characters, and three per path segment, that costs more than pdfium's own work. Bound here from
the addresses pypdfium2 already resolved, with their return types but no argument types, a call
costs about a third of a checked one (`benchmarks/textlayer.py`). Unchecked means the caller
passes what C expects: pointers as ctypes objects (`c_void_p`, `byref`), integers as Python ints
(C `int`), floats as `c_float`; a Python int passed for a pointer would be cut to 32 bits.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

_VP = ctypes.c_void_p


def _bound(fn: Any, restype: Any) -> Any:
    address = ctypes.cast(fn, _VP).value
    if not address:
        raise ImportError(f"pdfium's {fn.__name__} is not loaded")
    return ctypes.CFUNCTYPE(restype)(address)


def handle(raw: Any) -> ctypes.c_void_p:
    """A pypdfium2 raw handle (a typed pointer) as the plain pointer the bound functions take."""
    return _VP(ctypes.cast(raw, _VP).value)


text_object = _bound(pdfium_c.FPDFText_GetTextObject, _VP)
unicode_of = _bound(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
loose_box = _bound(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
char_origin = _bound(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
text_font = _bound(pdfium_c.FPDFTextObj_GetFont, _VP)
glyph_width = _bound(pdfium_c.FPDFFont_GetGlyphWidth, ctypes.c_int)
render_mode = _bound(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int)
font_size = _bound(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
char_matrix = _bound(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
fill_colour = _bound(pdfium_c.FPDFText_GetFillColor, ctypes.c_int)

page_object = _bound(pdfium_c.FPDFPage_GetObject, _VP)
object_type = _bound(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
object_matrix = _bound(pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int)
object_fill = _bound(pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int)
draw_mode = _bound(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int)
segments = _bound(pdfium_c.FPDFPath_CountSegments, ctypes.c_int)
segment = _bound(pdfium_c.FPDFPath_GetPathSegment, _VP)
segment_type = _bound(pdfium_c.FPDFPathSegment_GetType, ctypes.c_int)
segment_point = _bound(pdfium_c.FPDFPathSegment_GetPoint, ctypes.c_int)
form_objects = _bound(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int)
form_object = _bound(pdfium_c.FPDFFormObj_GetObject, _VP)  # its index is an unsigned long: pass c_ulong
