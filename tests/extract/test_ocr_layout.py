"""The page image's rules and the cells' grey levels, computed the fast way, are the slow way's."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from scorekit.extract.ocr import image as im
from scorekit.extract.ocr.layout import percentile, without_rules

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


def _ruled_page() -> tuple[np.ndarray, list[int]]:
    """A 300-dpi page image of a ruled table whose one-line header row (50 px, shorter than the
    rule kernel) is set apart from the body by a full-width section band, with digits in it."""
    import cv2

    img = np.full((700, 900), 250, np.uint8)
    xs = [60, 260, 400, 540, 680, 820]
    for y in (100, 150, 200, 260, 320, 380):
        cv2.line(img, (xs[0], y), (xs[-1], y), 40, 2)
    for x in xs:
        cv2.line(img, (x, 100), (x, 150), 40, 2)  # header row only
        cv2.line(img, (x, 200), (x, 380), 40, 2)  # body, below the section band
    for x in xs[1:-1]:
        cv2.putText(img, "2017", (x + 20, 138), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 40, 3)
        cv2.putText(img, "11", (x + 40, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 40, 4)
    cv2.putText(img, "Section", (70, 188), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 40, 3)
    return img, xs


def test_a_short_rows_borders_are_rules_because_they_run_from_rule_to_rule():
    img, xs = _ruled_page()
    h, v = im.line_masks(im.binarise(img), 300, img)
    verticals = [r for r in im.rules(h, v, 300) if r[0] == r[2]]
    in_header = sorted(round(r[0]) for r in verticals if r[1] < 125 < r[3])
    assert [abs(a - b) <= 2 for a, b in zip(in_header, xs, strict=True)] == [True] * len(xs)
    assert all(r[3] - r[1] >= 45 for r in verticals)  # the digits' strokes stay text


def test_a_stroke_from_rule_to_rule_that_no_column_border_lines_up_with_is_no_border():
    """Between two white letters of a dark header band the ink runs from the band's top rule to
    its bottom one, like a short border; only a real border lines up with the columns' (here
    below a section band that no border crosses)."""
    h = np.zeros((400, 700), np.uint8)
    for y in (100, 150, 200, 300):
        h[y - 1 : y + 1, 50:651] = 255
    v = np.zeros_like(h)
    v[200:301, 249:251] = 255  # a column border of the body
    ink = np.zeros_like(h)
    ink[100:150, 249:251] = 255  # the header's border over it
    ink[100:150, 419:421] = 255  # a gap between letters
    im.short_borders(ink, h, v, 300)
    assert v[110:140, 249:251].all() and not v[110:140, 419:421].any()


def _masks(drawn_row_border: bool) -> tuple[np.ndarray, np.ndarray]:
    """Rule masks of a header band over a table: its outer borders run the whole height, the
    inner column borders start under the band's first row, whose lower border may be lost."""
    h = np.zeros((400, 700), np.uint8)
    v = np.zeros_like(h)
    for y in (100, 300) + ((150,) if drawn_row_border else ()):
        h[y - 1 : y + 1, 50:651] = 255
    for x in (50, 650):
        v[100:301, x - 1 : x + 1] = 255
    for x in (150, 250, 350, 450, 550):
        v[150:301, x - 1 : x + 1] = 255
    return h, v


def test_a_row_border_the_image_lost_is_drawn_where_column_borders_end():
    h, v = _masks(drawn_row_border=False)
    im.row_borders(h, v, 300)
    assert h[148:152, 50:651].any(axis=0).all()  # out to the outer borders that cross it
    drawn, v = _masks(drawn_row_border=True)
    before = drawn.copy()
    im.row_borders(drawn, v, 300)
    assert (drawn == before).all()


def test_borders_that_end_where_a_dark_bands_core_ends_draw_no_row_border():
    """`band_ink` finds a band's borders inside its core only, which stops short of the band's
    edges: their ends there are the core's, not a row's. Ends inside the core still draw one."""
    h, v = _masks(drawn_row_border=False)
    core = np.zeros_like(h, dtype=bool)
    core[150:280, 50:651] = True  # the band, seen dark only from its first row's border down
    im.row_borders(h, v, 300, core)
    assert not h[148:152, 60:640].any()
    h, v = _masks(drawn_row_border=False)
    core[110:150] = True  # the core reaches above the ends: they end inside the band
    im.row_borders(h, v, 300, core)
    assert h[148:152, 50:651].any(axis=0).all()


def test_a_border_of_two_bands_crossing_the_lost_row_border_still_lets_it_be_drawn():
    """Two bands over three columns each: the border between them runs rule to rule through
    the line where the columns' borders start."""
    h, v = _masks(drawn_row_border=False)
    v[100:301, 349:351] = 255
    im.row_borders(h, v, 300)
    assert h[148:152, 50:651].any(axis=0).all()


def test_the_letter_gaps_of_a_two_line_dark_band_draw_no_row():
    """White letters on a dark band: the gaps between line one's letters end where line two's
    start, at x that differ, and each run of gaps crosses the other's, starting on a letter."""
    h = np.zeros((400, 700), np.uint8)
    v = np.zeros_like(h)
    for y in (100, 160):
        h[y - 1 : y + 1, 50:651] = 255
    for x in (120, 220, 320, 420):
        v[100:140, x - 1 : x + 1] = 255
    for x in (170, 270, 370, 470):
        v[120:161, x - 1 : x + 1] = 255
    before = h.copy()
    im.row_borders(h, v, 300)
    assert (h == before).all()


def test_a_dark_band_whose_core_a_run_of_white_labels_breaks_keeps_no_border_there():
    """A header band with no inner borders, its middle crowded with white labels: the blur that
    finds bands' cores lightens there and splits the band in two, but the band goes on past
    each piece's end, so neither end is a cell's edge; its own ends, beside paper, are."""
    img = np.full((300, 2000), 250, np.uint8)
    img[100:160, 100:1900] = 50
    for x in range(700, 1300, 9):
        img[112:148, x : x + 6] = 245
    h, v = im.line_masks(im.binarise(img), 300, img)
    inner = np.flatnonzero(v[105:155, 150:1850].any(axis=0))
    assert inner.size == 0
    assert v[105:155, 95:106].any() and v[105:155, 1895:1906].any()


def test_grey_borders_lighter_than_a_dark_band_are_its_columns_and_white_letters_are_not():
    """A grid drawn in grey over a navy header fill: its borders are lighter than the band, not
    darker, and run the band's whole height; the white letters beside them stand off the band
    only in their line's rows."""
    img = np.full((300, 2000), 250, np.uint8)
    img[100:170, 100:1900] = 55
    for x in (700, 1300):
        img[100:170, x : x + 3] = 105
    for x in range(300, 640, 9):
        img[120:150, x : x + 5] = 240  # a line of white letters
    img[115:155, 1000:1004] = 240  # a tall stroke, though not the band's height
    h, v = im.line_masks(im.binarise(img), 300, img)
    inner = im.true_runs(v[105:165, 150:1850].all(axis=0))
    assert [(a + b) // 2 + 150 for a, b in inner] in ([701, 1301], [700, 1300], [701, 1300], [700, 1301])
    assert not v[105:165, 250:690].any() and not v[105:165, 990:1015].any()


def test_a_grey_band_border_with_a_label_set_close_beside_it_is_still_a_border():
    """`Ref | Indicator` on a navy band: the label starts a few pixels right of the border."""
    img = np.full((300, 2000), 250, np.uint8)
    img[100:170, 100:1900] = 55
    img[100:170, 700:703] = 105
    for x in range(708, 900, 9):
        img[120:150, x : x + 5] = 240
    _h, v = im.line_masks(im.binarise(img), 300, img)
    assert v[105:165, 699:704].any(axis=1).all()


def test_a_lower_levels_borders_stop_at_the_row_border_under_the_cell_spanning_them():
    """`Year to date` over `Offences`, `Detections`, `Rate`: the borders between the lower cells
    are followed up the band only as far as the row border under the label spanning them."""
    grey = np.full((500, 1600), 240, np.uint8)
    grey[100:300, 100:1500] = 60
    for x in (500, 800, 1100):
        grey[200:300, x : x + 3] = 35
    hout, out = np.zeros_like(grey), np.zeros_like(grey)
    hout[199:201, 100:1500] = 255
    im.band_borders(grey, 300, im.dark_bands(grey), hout, out)
    assert not out[110:195, 490:1115].any()
    assert all(out[210:290, x - 2 : x + 5].any(axis=1).all() for x in (500, 800, 1100))


def test_a_blurred_band_outline_drawn_into_its_rows_does_not_stop_its_borders():
    """At 150 dpi the rule masks hold a band's top edge a dozen rows deep: that is the band's
    outline, not a level's row border, so a column border is still followed out to the edge."""
    grey = np.full((500, 1600), 240, np.uint8)
    grey[100:300, 100:1500] = 60
    grey[100:300, 800:803] = 35
    hout, out = np.zeros_like(grey), np.zeros_like(grey)
    hout[100:112, 100:1500] = 255
    hout[288:300, 100:1500] = 255
    out[125:275, 800:803] = 255  # what `band_ink` found of it, in the band's core
    im.band_borders(grey, 300, im.dark_bands(grey), hout, out)
    assert out[101:299, 799:804].any(axis=1).all()


def test_a_frame_round_grey_columns_is_no_grid_of_cells():
    """A table's frame whose only other rules are the edges of its grey columns: two rows, the
    body one 250pt tall, which a cell's reading would lose. A grid of table rows is read by cell."""
    from scorekit.extract.grid import find_grids
    from scorekit.extract.ocr import _rows_of_cells
    from scorekit.extract.page import Rule

    def grid(ys: list[float]):
        xs = [40.0, 250.0, 270.0, 320.0, 340.0, 420.0]
        rules = [Rule(xs[0], y, xs[-1], y) for y in ys] + [Rule(x, ys[0], x, ys[-1]) for x in xs]
        (g,) = find_grids(rules)
        return g

    assert not _rows_of_cells(grid([74.0, 96.0, 352.0]))
    assert _rows_of_cells(grid([74.0 + 14 * k for k in range(19)]))


def test_pieces_of_one_vertical_rule_a_skew_set_apart_share_one_x_but_a_double_border_stays():
    """A rule broken by a band across the table, its lower piece two points right of its upper
    one (a scan's residual skew): one x, or the grid takes a column two points wide there."""
    from scorekit.extract.ocr.image import _one_line

    broken = [(57.5, 106.6, 57.5, 392.6), (59.5, 405.8, 59.5, 724.1)]
    double = [(100.0, 0.0, 100.0, 50.0), (101.5, 0.0, 101.5, 50.0)]
    got = _one_line(broken + double, 2.5)
    assert [r[0] for r in got[:2]] == pytest.approx([57.5 + 2.0 * 318.3 / 604.3] * 2)
    assert sorted(r[0] for r in got[2:]) == [100.0, 101.5]


def test_a_line_across_a_cell_is_whited_out_and_its_print_kept():
    """A rule the page's masks missed (inside a dark band, or moved in by a residual skew) runs
    across the whole cell; no print does."""
    cell = np.full((40, 120), 255, np.uint8)
    cell[8, :] = 30  # a band's inner rule
    cell[:, 116] = 40  # a border the skew moved in
    cell[18:30, 20:60] = 0  # a word
    out = without_rules(cell)
    assert out[8].min() == 255 and out[:, 116].min() == 255
    assert (out[18:30, 20:60] == 0).all()
    plain = np.full((40, 120), 255, np.uint8)
    plain[18:30, 2:119] = 0
    plain[18:30, 12::12] = 255  # a line of letters across the cell: gaps between them
    assert (without_rules(plain) == plain).all()


def test_a_line_inside_a_dark_band_over_some_of_its_columns_is_a_row_border_and_letters_are_not():
    grey = np.full((600, 1600), 235, np.uint8)
    grey[100:300, 100:1500] = 40  # a navy header band
    grey[159:162, 900:1500] = 120  # a grey line under a title over the last columns
    for x in range(200, 1400, 9):
        grey[200:230, x : x + 5] = 230  # a line of white letters...
    grey[214:216, 200:1400] = 230  # ...with a stroke running along it
    hout = np.zeros_like(grey)
    im.band_rows(grey, 300, im.dark_bands(grey), hout)
    drawn = np.flatnonzero(hout.any(axis=1))
    assert set(drawn) <= set(range(155, 166)) and len(drawn)
    cols = np.flatnonzero(hout[160])
    assert 850 <= cols.min() <= 960 and cols.max() >= 1400


def _ruleless_table(angle: float) -> np.ndarray:
    """A borderless table's rows of words and figures at 150 dpi, turned `angle` degrees
    counter-clockwise as a scanner's feed would set it."""
    import cv2

    page = np.full((1200, 1240), 255, np.uint8)
    for k in range(24):
        y = 120 + 40 * k
        cv2.putText(page, f"Indicator number {k} per 10,000", (60, y), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 0, 1)
        for j, x in enumerate(range(560, 1180, 120)):
            cv2.putText(page, f"{(k * 37 + j * 11) % 900 + 10}", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 0, 1)
    m = cv2.getRotationMatrix2D((620, 600), angle, 1.0)
    return cv2.warpAffine(page, m, (1240, 1200), flags=cv2.INTER_LINEAR, borderValue=255)


@pytest.mark.parametrize("angle", [-2.6, -1.3, -0.4, 0.0, 0.7, 1.9, 2.9])
def test_a_page_without_rules_is_deskewed_by_its_lines_of_text(angle):
    """With no long rule to measure, the rows' own alignment gives the angle (a borderless
    report scanned a degree off merges each wrapped label's lines with the next row's figures)."""
    grey = _ruleless_table(angle)
    h, v = im.line_masks(im.binarise(grey), 150)
    assert all(x1 - x0 < grey.shape[1] / 10 for x0, _, x1, _ in im.rules(h, v, 150))
    assert im.skew_angle(grey, 150) == pytest.approx(angle, abs=0.1)


def _lean_of_verticals(grey: np.ndarray) -> list[float]:
    """Each long vertical rule's drift in pixels from its top to its bottom."""
    import cv2

    _, v = im.line_masks(im.binarise(grey), 300)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(v, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, hgt, _area = stats[i]
        if hgt > grey.shape[0] // 3:
            ys, xs = np.nonzero(labels[y : y + hgt, x : x + w] == i)
            out.append(float(np.polyfit(ys.astype(float), xs.astype(float), 1)[0] * hgt))
    return out


def test_a_scans_perspective_that_leans_the_columns_rules_apart_is_straightened():
    """A page not flat on the glass: after rotation the left rule still leans 25 pixels over the
    table and the right one 8, so cells cut along the grid clip the letters by the left rule."""
    import cv2

    grey = np.full((2400, 1800), 250, np.uint8)
    for x in range(150, 1700, 220):
        grey[200:2200, x : x + 4] = 30
    for y in range(200, 2201, 100):
        grey[y : y + 4, 150:1474] = 30
    assert im.straighten(grey, 0.0, 300) is grey  # upright already: left as it is
    src = np.float32([[0, 0], [1800, 0], [1800, 2400], [0, 2400]])
    dst = np.float32([[-12, 8], [1800, -6], [1795, 2400], [10, 2405]])
    leaning = cv2.warpPerspective(grey, cv2.getPerspectiveTransform(src, dst), (1800, 2400), borderValue=250)
    before = _lean_of_verticals(leaning)
    assert max(abs(d) for d in before) > 15
    after = _lean_of_verticals(im.straighten(leaning, 0.0, 300))
    assert len(after) == len(before) and max(abs(d) for d in after) < 2.5


def test_a_stroke_of_print_the_line_masks_took_for_a_rule_is_not_erased_from_its_cell():
    """A bold face blurred on a grey band runs its letters into one stroke longer than any glyph
    (`Percentage`): the masks take it for a rule, but it lies wholly inside the band's cell, where
    no rule runs, and erasing it cut the word in half. The cell's borders are still erased; a
    single column's cell is left as it was cut (`layout.ruled`)."""
    from scorekit.extract.grid import Cell, Grid
    from scorekit.extract.ocr.layout import cell_images

    grey = np.full((100, 200), 255, np.uint8)
    lines = np.zeros_like(grey)
    for y in (10, 90):  # the cell's top and bottom borders
        grey[y - 1 : y + 2, 5:195] = 0
        lines[y - 1 : y + 2, 5:195] = 255
    grey[44:52, 60:140] = 0  # the letters' run-together stroke
    lines[46:50, 60:140] = 255
    band = Cell(0, 1, 0, 2, 10.0, 10.0, 190.0, 90.0)  # a band's label, over two columns
    grid = Grid([10.0, 100.0, 190.0], [10.0, 90.0], [band], [[band, band]])
    (got,) = cell_images(grey, lines, [grid], 72)
    dark = np.argwhere(got.image < 128)
    assert dark.size and dark[:, 0].max() - dark[:, 0].min() + 1 == 8  # the stroke, whole
    assert got.top + dark[:, 0].min() == 44
    single = Cell(0, 1, 0, 1, 10.0, 10.0, 190.0, 90.0)  # in one column's cell, erased as before
    (got,) = cell_images(grey, lines, [Grid([10.0, 190.0], [10.0, 90.0], [single], [[single]])], 72)
    assert (got.image < 128).sum() < (grey[44:52, 60:140] < 128).sum()


def test_a_cell_holding_only_a_faint_pair_of_dots_is_kept_to_be_read():
    """A 150-dpi scan's `..`: two dots lighter than any ink box sees; a blank cell is dropped."""
    from scorekit.extract.grid import Cell, Grid
    from scorekit.extract.ocr.dots import dots
    from scorekit.extract.ocr.layout import cell_images

    grey = np.full((400, 1000), 243, np.uint8)  # 300 dpi: the cells' points times 300 / 72
    lines = np.zeros_like(grey)
    cells = [Cell(0, 1, k, k + 1, 10.0 + 110 * k, 10.0, 120.0 + 110 * k, 90.0) for k in range(2)]
    grid = Grid([10.0, 120.0, 230.0], [10.0, 90.0], cells, [cells])
    grey[250:255, 300:305] = 152
    grey[250:255, 310:315] = 152
    (got,) = cell_images(grey, lines, [grid], 300)
    assert got.cell == 0 and dots(got.image) == ".."
