"""Rules a scan broke beside text, joined where the grey image still shows them."""

import numpy as np

from scorekit.extract.ocr.faintrules import bridge_gaps

DPI = 300


def _page(rule_grey: int | None) -> np.ndarray:
    """White paper, a line of dark letters ending ten rows above row 100, and a faint rule along row 100
    (`rule_grey`), or none."""
    img = np.full((200, 600), 240, np.uint8)
    for x in range(150, 450, 12):
        img[74:90, x : x + 7] = 30
    if rule_grey is not None:
        img[99:102, 20:580] = rule_grey
    return img


def test_a_faint_rule_lost_beside_letters_is_joined_across_its_gap():
    pieces = [(20.0, 100.0, 140.0, 100.0), (460.0, 100.0, 580.0, 100.0)]
    assert bridge_gaps(pieces, _page(200), DPI) == [(20.0, 100.0, 580.0, 100.0)]


def test_pieces_with_paper_between_them_stay_apart():
    """Two tables side by side, or a merged cell's side: the gap is paper."""
    pieces = [(20.0, 100.0, 140.0, 100.0), (460.0, 100.0, 580.0, 100.0)]
    assert bridge_gaps(pieces, _page(None), DPI) == pieces


def test_vertical_pieces_are_joined_the_same_way():
    img = _page(None).T.copy()
    img[20:580, 99:102] = 200
    pieces = [(100.0, 20.0, 100.0, 140.0), (100.0, 460.0, 100.0, 580.0)]
    assert bridge_gaps(pieces, img, DPI) == [(100.0, 20.0, 100.0, 580.0)]


def test_a_fills_edge_is_no_rule():
    """A RAG column's filled cells, their edge along row 100 with paper on the other side: dark on
    one side only, the gap between two rule pieces is not bridged along it."""
    img = np.full((200, 600), 240, np.uint8)
    img[100:160, 20:580] = 150
    pieces = [(20.0, 100.0, 140.0, 100.0), (460.0, 100.0, 580.0, 100.0)]
    assert bridge_gaps(pieces, img, DPI) == pieces


def _filled(rule_grey: int | None) -> np.ndarray:
    """A RAG column's grey fill (142) from x 200 to 280 over rows 60-140, a scan's noise on it,
    and a rule along row 100 (`rule_grey`, drawn over the fill), or none."""
    rng = np.random.default_rng(3)
    img = np.full((200, 600), 240, np.int16)
    img[60:140, 200:280] = 142
    if rule_grey is not None:
        img[99:102, 20:580] = rule_grey
    img += rng.integers(-4, 5, img.shape, dtype=np.int16)
    return img.clip(0, 255).astype(np.uint8)


def test_a_rule_drawn_over_a_grey_fill_joins_its_pieces_on_either_side():
    """The rule darkens the fill by 13 grey levels only, as it darkens paper by a hundred."""
    pieces = [(20.0, 100.0, 195.0, 100.0), (285.0, 100.0, 580.0, 100.0)]
    assert bridge_gaps(pieces, _filled(129), DPI) == [(20.0, 100.0, 580.0, 100.0)]
    assert bridge_gaps(pieces, _filled(None), DPI) == pieces
