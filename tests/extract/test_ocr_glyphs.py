"""Direction marks told from their ink: arrows and filled triangles in four directions, at the
sizes a 150 to 300 dpi scan prints them, and the digits and letters they must not be taken for."""

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.extract.ocr import glyphs

TURNS = {"↑": 0, "→": 1, "↓": 2, "←": 3}  # quarter turns clockwise from an upward arrow
TRIANGLES = {"▲": 0, "►": 1, "▼": 2, "◄": 3}


def _turned(up: np.ndarray, turns: int) -> np.ndarray:
    return np.rot90(up, -turns).copy()


def _cell(ink: np.ndarray, pad: int = 8) -> np.ndarray:
    """Dark ink on white paper, a little blur as a scan gives."""
    img = np.where(ink, 0, 255).astype(np.uint8)
    img = np.pad(img, pad, constant_values=255)
    return cv2.GaussianBlur(img, (3, 3), 0.6)


def _arrow(height: int, shaft: float = 0.22, head: float = 0.45) -> np.ndarray:
    """An upward arrow `height` pixels tall: a head a `head` share of the height, a shaft
    `shaft` of the head's width."""
    width = max(5, int(height * 0.6)) | 1
    ink = np.zeros((height, width), np.uint8)
    tip = int(height * head)
    pts = np.array([[width // 2, 0], [width - 1, tip], [0, tip]], np.int32)
    cv2.fillPoly(ink, [pts], 1)
    half = max(1, int(width * shaft / 2))
    ink[tip:, width // 2 - half : width // 2 + half + 1] = 1
    return ink.astype(bool)


def _triangle(height: int) -> np.ndarray:
    width = int(height * 1.15)
    ink = np.zeros((height, width), np.uint8)
    cv2.fillPoly(ink, [np.array([[width // 2, 0], [width - 1, height - 1], [0, height - 1]], np.int32)], 1)
    return ink.astype(bool)


@pytest.mark.parametrize("height", [10, 14, 20, 28])
@pytest.mark.parametrize("mark", list(TURNS))
def test_an_arrow_alone_in_a_cell_is_read_from_its_ink(mark, height):
    cell = _cell(_turned(_arrow(height), TURNS[mark]))
    assert glyphs.lone_arrow(cell) == mark
    assert glyphs.triangle(cell) is None


@pytest.mark.parametrize("height", [9, 14, 20, 28])
@pytest.mark.parametrize("mark", list(TRIANGLES))
def test_a_filled_triangle_points_its_way_in_four_directions(mark, height):
    cell = _cell(_turned(_triangle(height), TRIANGLES[mark]))
    assert glyphs.triangle(cell) == mark
    assert glyphs.lone_arrow(cell) is None


def _text(text: str, scale: float, thick: int) -> np.ndarray:
    img = np.full((60, 40 * len(text) + 20), 255, np.uint8)
    cv2.putText(img, text, (6, 44), cv2.FONT_HERSHEY_SIMPLEX, scale, 0, thick, cv2.LINE_AA)
    return img


@pytest.mark.parametrize("text", list("0123456789ITLlVAYv!-+") + ["n/a", "..", "12", "--"])
@pytest.mark.parametrize(("scale", "thick"), [(0.6, 1), (0.9, 2), (1.2, 3)])
def test_digits_letters_and_suppression_marks_are_no_direction_mark(text, scale, thick):
    cell = _text(text, scale, thick)
    assert glyphs.lone_arrow(cell) is None
    assert glyphs.triangle(cell) is None


@settings(max_examples=60, deadline=None)
@given(height=st.integers(10, 40), shaft=st.floats(0.12, 0.35), head=st.floats(0.3, 0.55), turns=st.integers(0, 3))
def test_any_arrow_with_a_head_and_a_straight_shaft_points_its_way(height, shaft, head, turns):
    cell = _cell(_turned(_arrow(height, shaft, head), turns))
    assert glyphs.lone_arrow(cell) == list(TURNS)[turns]


def _typed(text: str, px: int) -> np.ndarray:
    """`text` in Pillow's own face (shipped with it, so on every machine), blurred as a scan."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (px * 4 + 20, px * 2 + 20), 255)
    ImageDraw.Draw(img).text((10, 10), text, font=ImageFont.load_default(size=px), fill=0)
    return cv2.GaussianBlur(np.array(img), (3, 3), 0.7)


@pytest.mark.parametrize("text", list("0123456789AVvrt*#<>") + ["R", "G", "n/a"])
@pytest.mark.parametrize("px", [14, 20, 28, 40])
def test_a_typed_digit_or_letter_is_no_mark_whatever_its_size(text, px):
    """A blurred `4` is nearly a triangle with a tail, an `A` or a `v` a filled one, a `6` an
    arrow's head on a stem: their holes, bays and stems that jut out at once tell them apart."""
    cell = _typed(text, px)
    assert glyphs.triangle(cell) is None and glyphs.lone_arrow(cell) is None and glyphs.flat_arrow(cell) is None


def _blunt_arrow(length: int, shaft: int, head: int) -> np.ndarray:
    """A rightward arrow blurred at a low resolution: a flat shaft `shaft` pixels thick, its head
    no longer a point but a blunt block `head` pixels tall over its last fifth."""
    ink = np.zeros((head, length), bool)
    top = (head - shaft) // 2
    ink[top : top + shaft, :] = True
    ink[:, length - max(3, length // 5) :] = True
    return ink


@pytest.mark.parametrize(("length", "shaft", "head"), [(23, 5, 8), (20, 4, 6), (28, 5, 8)])
def test_a_small_arrow_whose_head_blurred_blunt_is_still_an_arrow_not_a_dash(length, shaft, head):
    """`→` in a direction column at 200 dpi: 23 by 8 pixels, its head 8 tall over a shaft of 5 and
    no longer tapering, which `dash` alone would take for the `-` of nothing to report."""
    ink = _blunt_arrow(length, shaft, head)
    assert glyphs.flat_arrow(_cell(ink)) == "→"
    assert glyphs.flat_arrow(_cell(ink[:, ::-1])) == "←"


@pytest.mark.parametrize(("length", "thick"), [(11, 6), (9, 5), (20, 4), (30, 6)])
def test_a_dash_as_thick_from_end_to_end_is_no_arrow(length, thick):
    assert glyphs.flat_arrow(_cell(np.ones((thick, length), bool))) is None


@pytest.mark.parametrize("text", list("0123456789ITLlVAYv!-+") + ["n/a", "..", "12", "--", "-1"])
@pytest.mark.parametrize(("scale", "thick"), [(0.6, 1), (0.9, 2), (1.2, 3)])
def test_digits_letters_and_marks_are_no_flat_arrow(text, scale, thick):
    assert glyphs.flat_arrow(_text(text, scale, thick)) is None


@pytest.mark.parametrize(("length", "x_height", "tall"), [(60, 12, 18), (45, 10, 16), (80, 14, 22)])
def test_a_word_blurred_into_one_blob_is_no_flat_arrow(length, x_height, tall):
    """A borough's name at 150 dpi runs into one blob, its lower-case letters flat and an ascender
    (`d`, `l`) near its end standing taller: as thick at one end as a blunt arrow's head, but a
    line of text tall, taller than any dash or small arrow."""
    ink = np.zeros((tall, length), bool)
    ink[tall - x_height :, :] = True
    ink[:, length - length // 5 : length - length // 5 + 3] = True
    assert glyphs.flat_arrow(_cell(ink)) is None


@pytest.mark.parametrize(("height", "width", "blur"), [(14, 20, 1.2), (14, 20, 1.6), (12, 16, 1.2), (16, 20, 2.0)])
def test_a_sideways_triangle_a_scan_blurred_still_points_its_way(height, width, blur):
    """A small `►` at 200 dpi: the blur rounds its base's corners (its widest row is no longer
    the last) and fills its box past two thirds."""
    ink = np.zeros((height, width), np.uint8)
    cv2.fillPoly(ink, [np.array([[0, 0], [width - 1, height // 2], [0, height - 1]], np.int32)], 1)
    img = cv2.GaussianBlur(np.pad(np.where(ink, 0, 255).astype(np.uint8), 12, constant_values=255), (0, 0), blur)
    assert glyphs.triangle(img) == "►"
    assert glyphs.triangle(img[:, ::-1]) == "◄"


def test_a_minus_lighter_than_the_ink_level_is_seen_at_a_lighter_level():
    """A blurred 150-dpi minus is a light-grey stroke (its core 140-160) that the ink level finds
    as a speck or not at all; at a lighter level it is a flat stroke at mid-height before the
    digits. A light speck there is still no minus."""
    img = np.full((40, 60), 255, np.uint8)
    img[8:32, 30:36] = 0  # a digit's stem
    img[19:22, 14:24] = 165
    img[20, 14:24] = 155  # the minus: nothing as dark as the ink level
    assert glyphs.leading_minus(img)
    speck = np.full((40, 60), 255, np.uint8)
    speck[8:32, 30:36] = 0
    speck[19:22, 20:23] = 160
    assert not glyphs.leading_minus(speck)
