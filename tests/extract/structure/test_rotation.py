"""Rotation: a table read in its reading frame has its boxes put back where the page as
displayed shows its text; text printed at 90 degrees in a ruled cell is that cell's text."""

import pytest

from scorekit.extract.page import Word
from scorekit.extract.structure import find_tables

from .pages import CHAR, Sheet, print_sheet, read, turned_frame

ROWS = [
    ["Indicator", "Apr-23", "May-23", "Jun-23"],
    ["Number of referrals", "1,204", "1,310", "985"],
    ["Re-referrals within\n12 months", "21%", "19%", "22%"],
    ["Children in care", "412", "418", "420"],
]


def displayed(x: float, y: float, turn: int, size: tuple[float, float]) -> tuple[float, float]:
    """A point of the reading frame on the page as displayed: the reading frame turned back
    counter-clockwise, a quarter at a time (y runs down the page)."""
    width, _ = size
    for _ in range(turn // 90):
        x, y, size = y, width - x, (size[1], size[0])
        width, _ = size
    return x, y


@pytest.mark.parametrize("ruling", ["none", "grid"])
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_observation_boxes_land_where_the_text_is_displayed(ruling, turn):
    printed = print_sheet(Sheet(ROWS, ruling=ruling))
    frame = turned_frame(printed.page, turn)
    assert frame.size == (printed.page.width, printed.page.height)
    upright, turned = read(printed.page), read(printed.page, frame)
    assert [o["value_raw"] for o in turned] == [o["value_raw"] for o in upright] and len(turned) == 9
    for up, o in zip(upright, turned, strict=True):
        box = (o["x0"], o["top"], o["x1"], o["bottom"])
        assert box == pytest.approx(frame.to_display((up["x0"], up["top"], up["x1"], up["bottom"])), abs=0.01)
        r = 1 + [row[0].replace("\n", " ") for row in ROWS[1:]].index(o["indicator"])
        c = 1 + ["2023-04", "2023-05", "2023-06"].index(o["period"])
        for w in printed.cells[(r, c)]:
            x, y = displayed(w.xc, w.yc, turn, (printed.page.width, printed.page.height))
            assert box[0] <= x <= box[2] and box[1] <= y <= box[3], (o, w)


def test_a_quarter_turn_sets_later_months_higher_up_the_displayed_page():
    """Turned back a quarter anticlockwise, the reading frame's columns run up the page."""
    printed = print_sheet(Sheet(ROWS))
    obs = read(printed.page, turned_frame(printed.page, 90))
    first = [o for o in obs if o["indicator"] == "Number of referrals"]
    assert [o["period"] for o in first] == ["2023-04", "2023-05", "2023-06"]
    assert first[0]["top"] > first[1]["bottom"] and first[1]["top"] > first[2]["bottom"]


def _sideways(text: str, x0: float, bottom: float, size: float) -> list[Word]:
    """A phrase printed at 90 degrees reading bottom to top from (x0, bottom)."""
    out = []
    for token in text.split():
        length = CHAR * size * len(token)
        out.append(Word(token, x0, bottom - length, x0 + size, bottom, upright=False, direction="btt", size=size))
        bottom -= length + 0.25 * size
    return out


def test_words_printed_sideways_in_a_ruled_cell_are_its_text():
    rows = [
        ["Indicator", "Owner", "Apr-23", "May-23"],
        ["Number of referrals", "", "1,204", "1,310"],
        ["Children in care", "", "412", "418"],
    ]
    printed = print_sheet(Sheet(rows, ruling="grid", row_height=48, xs=[40, 160, 190, 240, 290]))
    owners = ["Head of Service", "Team Leader"]
    for r, owner in enumerate(owners, start=1):
        printed.page.words += _sideways(owner, 171, printed.ys[r + 1] - 4, 8)
    (table,) = find_tables(printed.page)
    assert [row[1].text for row in table.grid()] == ["Owner", *owners]
    obs = read(printed.page)
    assert [(o["indicator"], o["period"], o["value_raw"]) for o in obs] == [
        ("Number of referrals", "2023-04", "1,204"),
        ("Number of referrals", "2023-05", "1,310"),
        ("Children in care", "2023-04", "412"),
        ("Children in care", "2023-05", "418"),
    ]
