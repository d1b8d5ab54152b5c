"""The ink a reading must account for: a figure's `1` is part of it, an arrow beside it is not."""

import cv2
import numpy as np
import pytest

from scorekit.extract.ocr.cellread import CellReading
from scorekit.extract.ocr.inkfit import figure_of
from scorekit.extract.ocr.layout import CellImage
from scorekit.extract.page import Word


def _typed(text: str, px: int) -> np.ndarray:
    """`text` in Pillow's own face (shipped with it): equal-width figures, a `1` without a foot."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (px * 5, px * 2), 255)
    ImageDraw.Draw(img).text((10, 8), text, font=ImageFont.load_default(size=px), fill=0)
    return cv2.GaussianBlur(np.array(img), (3, 3), 0.7)


def _up_arrow(height: int) -> np.ndarray:
    """A drawn upward arrow: a head on a straight shaft, dark on white."""
    width = int(height * 0.6) | 1
    ink = np.zeros((height, width), np.uint8)
    tip, mid = height // 2, width // 2
    cv2.fillPoly(ink, [np.array([[mid - 2, 0], [mid + 2, 0], [width - 1, tip], [0, tip]], np.int32)], 1)
    ink[tip:, mid - 1 : mid + 2] = 1
    return np.where(ink, 0, 255).astype(np.uint8)


def _reading(img: np.ndarray, text: str) -> CellReading:
    return CellReading(CellImage(0, 0, 0, 0, img), [Word(text, 0, 0, img.shape[1], img.shape[0])])


def _ink(img: np.ndarray) -> tuple[int, int]:
    cols = np.flatnonzero((img < 128).any(axis=0))
    return int(cols[0]), int(cols[-1] + 1)


@pytest.mark.parametrize("text", ["15%", "119", "11%"])
@pytest.mark.parametrize("px", [28, 40])
def test_a_leading_one_standing_apart_is_part_of_the_figure(text, px):
    img = _typed(text, px)
    span = figure_of(_reading(img, text), 0, px * 0.7)
    left, right = _ink(img)
    assert span is not None and abs(span[0] - left) <= 1 and abs(span[1] - right) <= 1


def test_a_leading_one_the_reading_dropped_is_ink_it_leaves_unexplained():
    img = _typed("12", 28)
    span = figure_of(_reading(img, "2"), 0, 20)
    assert span is not None and abs(span[0] - _ink(img)[0]) <= 1


@pytest.mark.parametrize("text", ["77%", "15%"])
def test_an_arrow_the_reading_left_out_is_not_part_of_the_figure(text):
    img = np.pad(_typed(text, 28), ((0, 0), (30, 0)), constant_values=255)
    img[14:34, 6:19] = _up_arrow(20)
    span = figure_of(_reading(img, text), 0, 20)
    assert span is not None and span[0] >= _ink(img[:, 25:])[0] + 25 - 1
