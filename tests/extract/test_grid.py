"""Ruled grids: merged cells from the rules a page draws, and from rules a scan lost."""

from hypothesis import given, settings
from hypothesis import strategies as st

from scorekit.extract.grid import find_grids
from scorekit.extract.page import Rule

XS = [40.0, 80.0, 130.0, 180.0, 230.0]
YS = [50.0, 70.0, 90.0, 100.0, 120.0]


def _frame() -> list[Rule]:
    return [Rule(XS[0], YS[0], XS[-1], YS[0]), Rule(XS[0], YS[-1], XS[-1], YS[-1])] + [
        Rule(XS[0], YS[0], XS[0], YS[-1]),
        Rule(XS[-1], YS[0], XS[-1], YS[-1]),
    ]


def _slots_held_once(grid) -> bool:
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            holders = [x for x in grid.cells if x.row0 <= r < x.row1 and x.col0 <= c < x.col1]
            if holders != [grid.matrix[r][c]]:
                return False
    return True


def test_a_header_cell_open_into_a_band_across_the_table_lays_no_cell_over_its_neighbours():
    """A header row whose third cell lost its foot rule, over a band row with no column rules (a
    dark band a scan thins away): the slots join in an L. Their bounding box, the whole header and
    band, would be one cell over the header's others and read the header's words twice."""
    rules = _frame()
    rules += [Rule(x, YS[0], x, YS[2]) for x in XS[1:-1]]  # column rules through the header rows
    rules += [Rule(x, YS[3], x, YS[-1]) for x in XS[1:-1]]  # and through the body, not the band
    rules += [Rule(XS[0], YS[1], XS[-1], YS[1])]
    rules += [Rule(XS[0], YS[2], XS[2], YS[2]), Rule(XS[3], YS[2], XS[-1], YS[2])]  # foot lost in col 2
    rules += [Rule(XS[0], YS[3], XS[-1], YS[3])]
    (grid,) = find_grids(rules)
    spans = {(c.row0, c.row1, c.col0, c.col1) for c in grid.cells}
    assert (1, 2, 2, 3) in spans and (2, 3, 0, 4) in spans
    assert (1, 2, 0, 1) in spans and (1, 2, 3, 4) in spans
    assert not any(c.row1 - c.row0 > 1 and c.col1 - c.col0 > 1 for c in grid.cells)
    assert _slots_held_once(grid)


def test_a_merged_rectangle_stays_one_cell():
    rules = _frame() + [Rule(XS[0], y, XS[-1], y) for y in YS[1:-1]]
    rules += [Rule(x, YS[0], x, YS[-1]) for x in (XS[1], XS[3])]  # col 1 and 2 merged in every row
    rules += [Rule(XS[2], YS[2], XS[2], YS[-1])]  # ... but for rows 2 and 3
    (grid,) = find_grids(rules)
    spans = {(c.row0, c.row1, c.col0, c.col1) for c in grid.cells}
    assert (0, 1, 1, 3) in spans and (1, 2, 1, 3) in spans and (2, 3, 1, 2) in spans
    assert _slots_held_once(grid)


@settings(max_examples=150, deadline=None)
@given(
    h_kept=st.lists(st.booleans(), min_size=12, max_size=12),
    v_kept=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_every_slot_is_held_by_exactly_one_cell_whatever_rules_are_lost(h_kept, v_kept):
    """Inner rules drawn cell by cell, any of them lost: every slot still has one cell."""
    rules = _frame()
    inner_h = [(y, XS[c], XS[c + 1]) for y in YS[1:-1] for c in range(len(XS) - 1)]
    inner_v = [(x, YS[r], YS[r + 1]) for x in XS[1:-1] for r in range(len(YS) - 1)]
    rules += [Rule(a, y, b, y) for (y, a, b), keep in zip(inner_h, h_kept, strict=True) if keep]
    rules += [Rule(x, a, x, b) for (x, a, b), keep in zip(inner_v, v_kept, strict=True) if keep]
    for grid in find_grids(rules):
        assert _slots_held_once(grid)


def _rows_apart_in_col_1(rules) -> bool:
    (grid,) = find_grids(rules)
    return grid.matrix[1][1] is not grid.matrix[2][1]


def test_a_row_border_broken_under_a_long_name_still_parts_the_rows():
    """A scan kept a row border's two ends in a wide name column and lost its middle beside the
    letters (a third of the column lost): the rows stay apart. A merged cell's side keeps only
    the stubs its neighbours' rules overshoot by, and the rows stay one cell."""
    base = _frame() + [Rule(x, YS[0], x, YS[-1]) for x in XS[1:-1]]
    base += [Rule(XS[0], y, XS[-1], y) for y in (YS[1], YS[3])]
    y = YS[2]
    ends = [Rule(XS[0], y, XS[1], y), Rule(XS[1], y, 95.0, y), Rule(120.0, y, XS[-1], y)]
    assert _rows_apart_in_col_1(base + ends)
    stubs = [Rule(XS[0], y, XS[1] + 2, y), Rule(XS[2] - 2, y, XS[-1], y)]
    assert not _rows_apart_in_col_1(base + stubs)


def test_pieces_of_a_row_border_touching_no_column_rule_are_the_grids():
    """The border's ends lost beside text, its middle pieces float free of every column rule:
    they still lie on the grid's line, within its span, and part the rows."""
    base = _frame() + [Rule(x, YS[0], x, YS[-1]) for x in XS[1:-1]]
    base += [Rule(XS[0], y, XS[-1], y) for y in (YS[1], YS[3])]
    y = YS[2]
    rules = base + [Rule(XS[0], y, XS[1] + 1, y), Rule(84.0, y, 115.0, y), Rule(XS[2] - 1, y, XS[-1], y)]
    assert _rows_apart_in_col_1(rules)
    assert not _rows_apart_in_col_1(base + [Rule(XS[0], y, XS[1] + 1, y), Rule(XS[2] - 1, y, XS[-1], y)])


def test_a_border_drawn_double_is_one_line_not_a_column():
    """A second line 1.8 pt inside the table's left border, down the header row only (a scan's
    border found twice; a total's double rule): no column 2 pt wide takes the row's first words."""
    rules = _frame() + [Rule(x, YS[0], x, YS[-1]) for x in XS[1:-1]]
    rules += [Rule(XS[0], y, XS[-1], y) for y in YS[1:-1]]
    rules += [Rule(XS[0] + 1.8, YS[0], XS[0] + 1.8, YS[1])]
    (grid,) = find_grids(rules)
    assert grid.n_cols == len(XS) - 1
    assert _slots_held_once(grid)
