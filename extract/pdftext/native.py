"""The few pdfium functions read once per character, bound with plain C types and no argument
checking.

pypdfium2's bindings check and convert every argument against its declared pointer types; at
two calls per character on pages of 5,000 characters that checking costs more than pdfium's
own work. Bound here from the addresses pypdfium2 already resolved, with their return types but
no argument types, a call costs about a third of a checked one (`benchmarks/textlayer.py`).
Unchecked means the caller passes what C expects: pointers as ctypes objects (`c_void_p`,
`byref`), integers as Python ints, floats as `c_float`; a Python int passed for a pointer
would be cut to 32 bits.
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
