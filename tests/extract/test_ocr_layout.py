"""The page image's rules and the cells' grey levels, computed the fast way, are the slow way's."""

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from scorekit.extract.ocr import image as im
from scorekit.extract.ocr.layout import percentile

PDF = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"


@settings(max_examples=300, deadline=None)
@given(
    arrays(np.uint8, st.tuples(st.integers(1, 40), st.integers(1, 40))),
    st.one_of(st.sampled_from([0.0, 0.5, 50.0, 75.0, 100.0]), st.floats(0, 100)),
)
def test_a_cells_percentile_is_numpys_to_the_last_bit(img, q):
    assert percentile(img, q) == float(np.percentile(img, q))


def test_a_cells_median_is_numpys():
    img = np.array([[10, 200], [30, 40]], np.uint8)
    assert percentile(img, 50) == float(np.median(img)) == 35.0


def test_each_rule_is_one_connected_line_component_in_reading_order():
    import cv2

    grey = im.render(PDF / "scorecard-2018-06-scan150.pdf", 0, 300)
    straight = im.rotate(grey, im.skew_angle(grey[::2, ::2], 150))
    h, v = im.line_masks(im.binarise(straight), 300, straight)
    got = im.rules(h, v, 300)
    want = []
    for mask, horizontal in ((h, True), (v, False)):
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, hgt, _area in stats[1:n]:
            if (w if horizontal else hgt) >= 75:
                want.append(
                    (float(x), y + hgt / 2, float(x + w), y + hgt / 2)
                    if horizontal
                    else (x + w / 2, float(y), x + w / 2, float(y + hgt))
                )
    assert sorted(got) == sorted(want) and len(got) > 100
    flat = [r for r in got if r[1] == r[3]]
    assert got[: len(flat)] == sorted(flat, key=lambda r: (r[1], r[0]))  # horizontal rules first, top down
