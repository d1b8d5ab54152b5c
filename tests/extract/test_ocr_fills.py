"""Fills found in a page image: bands, section rows and zebra stripes, not print or rules."""

import cv2
import numpy as np

from scorekit.extract.ocr.fills import find_fills
from scorekit.extract.ocr.image import band_mask

DPI = 300


def _pt(v: float) -> int:
    return int(v * DPI / 72)


def _page() -> np.ndarray:
    """A4 paper, slightly noisy, with a navy header band and, right under it, a light section row;
    a zebra stripe lower down; print on and off the fills; a thick rule."""
    rng = np.random.default_rng(7)
    grey = np.clip(rng.normal(240, 4, (_pt(842), _pt(595))), 0, 255).astype(np.uint8)
    grey[_pt(100) : _pt(114), _pt(40) : _pt(400)] = 60  # header band
    grey[_pt(114) : _pt(128), _pt(40) : _pt(400)] = 205  # section row against it
    grey[_pt(200) : _pt(214), _pt(40) : _pt(400)] = 215  # zebra stripe
    grey[_pt(300) : _pt(303), _pt(40) : _pt(400)] = 30  # a thick rule
    for y, ink in ((_pt(110), 250), (_pt(125), 20), (_pt(211), 20), (_pt(160), 20)):
        cv2.putText(grey, "Number of contacts 1,357 2,001", (_pt(45), y), cv2.FONT_HERSHEY_SIMPLEX, 1.6, ink, 4)
    return cv2.GaussianBlur(grey, (3, 3), 0)


def _boxes(grey: np.ndarray) -> list[tuple[float, ...]]:
    fills = find_fills(grey, DPI, band_mask(grey, DPI), np.zeros_like(grey))
    return sorted((f.top * 72 / DPI, f.bottom * 72 / DPI, f.x0 * 72 / DPI, f.x1 * 72 / DPI, f.grey) for f in fills)


def test_bands_section_rows_and_stripes_are_fills_with_their_edges():
    boxes = _boxes(_page())
    assert len(boxes) == 3, boxes
    (band, section, stripe) = boxes
    for (top, bottom, x0, x1, _), want in zip(boxes, ((100, 114), (114, 128), (200, 214)), strict=True):
        assert abs(x0 - 40) <= 1.5 and abs(x1 - 400) <= 1.5
        assert abs(top - want[0]) <= 1.5 and abs(bottom - want[1]) <= 1.5
    assert band[4] < 0.3 < 0.75 < section[4] < stripe[4] < 0.9


def test_paper_print_and_rules_alone_make_no_fill():
    rng = np.random.default_rng(3)
    grey = np.clip(rng.normal(238, 5, (_pt(842), _pt(595))), 0, 255).astype(np.uint8)
    grey[_pt(300) : _pt(303), _pt(40) : _pt(400)] = 30
    for k in range(20):
        cv2.putText(
            grey, "Percentage of referrals 12.5%", (_pt(45), _pt(80 + 14 * k)), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 20, 4
        )
    assert _boxes(cv2.GaussianBlur(grey, (3, 3), 0)) == []


def test_fills_of_one_tone_parted_by_a_rule_are_two():
    """A header's grey and the section row's grey under it, a rule between: two fills, or the
    section's heading reads as the header's next line."""
    rng = np.random.default_rng(5)
    grey = np.clip(rng.normal(242, 3, (_pt(400), _pt(595))), 0, 255).astype(np.uint8)
    grey[_pt(100) : _pt(140), _pt(40) : _pt(400)] = 212
    grey[_pt(120) : _pt(120) + 2, _pt(40) : _pt(400)] = 40  # the rule between them
    rules = np.zeros_like(grey)
    rules[_pt(120) - 1 : _pt(120) + 3, _pt(40) : _pt(400)] = 255
    fills = find_fills(grey, DPI, band_mask(grey, DPI), rules)
    tops = sorted(round(f.top * 72 / DPI) for f in fills)
    assert len(fills) == 2 and abs(tops[0] - 100) <= 1 and abs(tops[1] - 120) <= 2
