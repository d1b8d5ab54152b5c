"""The few pdfium functions read once per character, bound with plain C types.

pypdfium2's bindings check and convert every argument against its declared pointer types; at
three calls per character on pages of 5,000 characters that checking costs more than pdfium's
own work. The same functions taking and returning plain addresses are about twice as fast, and
are bound once here from the addresses pypdfium2 already resolved.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

_VP = ctypes.c_void_p
_INT = ctypes.c_int


def _bound(fn: Any, restype: Any, *argtypes: Any) -> Any:
    address = ctypes.cast(fn, _VP).value
    if not address:
        raise ImportError(f"pdfium's {fn.__name__} is not loaded")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def address(handle: Any) -> int:
    """A pypdfium2 raw handle (a typed pointer) as the plain address the bound functions take."""
    return int(ctypes.cast(handle, _VP).value or 0)


text_object = _bound(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)
unicode_of = _bound(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VP, _INT)
loose_box = _bound(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)
char_origin = _bound(pdfium_c.FPDFText_GetCharOrigin, _INT, _VP, _INT, _VP, _VP)
text_font = _bound(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
glyph_width = _bound(pdfium_c.FPDFFont_GetGlyphWidth, _INT, _VP, ctypes.c_uint32, ctypes.c_float, _VP)
render_mode = _bound(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT, _VP)
font_size = _bound(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, _INT)
char_matrix = _bound(pdfium_c.FPDFText_GetMatrix, _INT, _VP, _INT, _VP)
fill_colour = _bound(pdfium_c.FPDFText_GetFillColor, _INT, _VP, _INT, _VP, _VP, _VP, _VP)
