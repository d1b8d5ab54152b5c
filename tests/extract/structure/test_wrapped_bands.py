"""An area table's indicator names, each a band wrapped over lines above a run of years: every
line of a band is one cell over the band's own columns, whatever its word spaces line up with."""

import bisect
from dataclasses import replace

import pytest

from scorekit.extract.page import Rule, Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.lines import Phrase, text_lines
from scorekit.extract.structure.rows import Placed, PlacedLine
from scorekit.extract.structure.wrapped import rejoin_wrapped

from .pages import Sheet, print_sheet, read, texts

YEARS = ["2015", "2016", "2017", "2018", "2019"]
FIRST = "Percentage of people receiving\nlong-term support who had a review in\nthe last 12 months"
SECOND = "Council tax collected as a percentage\nof the amount due (cumulative)"
BODY = [
    ["E06000026", "Plymouth", "58.5%", "57.0%", "58.2%", "57.7%", "62.6%", "80.6%", "84.1%", "80.6%", "79.0%", "83.9%"],
    ["E06000033", "Southend", "50.8%", "50.2%", "51.4%", "51.1%", "51.0%", "65.2%", "68.0%", "69.9%", "65.7%", "67.1%"],
    ["E92000001", "England", "60.3%", "58.2%", "57.3%", "57.1%", "60.4%", "74.1%", "73.0%", "71.1%", "70.7%", "74.2%"],
]
# the first year column runs from the area labels' gutter, wider than the rest
XS = [40, 84, 170, 205, 235, 265, 299, 330, 360, 389, 418, 448, 478]


def _sheet(first: str, ruling: str) -> Sheet:
    band = ["", "", first, "", "", "", "", SECOND, "", "", "", ""]
    rows = [band, ["ONS code", "Area", *YEARS, *YEARS], *BODY]
    return Sheet(rows, ruling=ruling, spans={(0, 2): 5, (0, 7): 5}, xs=XS)


def _name(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("ruling", ["none", "rows"])
@pytest.mark.parametrize("first", [FIRST, FIRST.replace("the last 12 months", "the last twelve\nmonths")])
def test_each_band_names_its_own_five_years(first, ruling):
    """`the last 12 months` wraps in words about as wide as the year columns (each gap between
    them in a gutter) and `months` stands centred where a run of six columns would also be."""
    page = print_sheet(_sheet(first, ruling)).page
    (table,) = find_tables(page)
    for level in texts(table)[: table.header_rows - 1]:
        assert len(set(level[2:7])) == 1 and len(set(level[7:])) == 1
    obs = read(page)
    by_name = {_name(first): 0, _name(SECOND): 0}
    for o in obs:
        by_name[o["indicator"]] += 1
    assert by_name == {_name(first): 15, _name(SECOND): 15}
    assert [o["value_raw"] for o in obs if o["area"] == "Plymouth"] == BODY[0][2:]


def test_bands_boxed_with_their_years_stay_one_level_each():
    """A scan's grid with no rule under the bands nor between their columns (the image lost
    them): the band lines and the years share one grid row. Each band's centred lines stack into
    its one title, the years are the level under them, and the body is read by area and year."""
    printed = print_sheet(_sheet(FIRST, "grid"))
    xs, ys = printed.xs, printed.ys
    rules = [Rule(xs[0], y, xs[-1], y) for k, y in enumerate(ys) if k != 1]
    rules += [Rule(x, ys[0] if k in (0, len(xs) - 1) else ys[2], x, ys[-1]) for k, x in enumerate(xs)]
    page = replace(printed.page, rules=rules)
    (table,) = find_tables(page)
    assert table.header_rows == 2
    assert texts(table)[0][2:] == [_name(FIRST)] * 5 + [_name(SECOND)] * 5
    assert texts(table)[1] == ["ONS code", "Area", *YEARS, *YEARS]
    obs = read(page)
    assert [o["value_raw"] for o in obs if o["area"] == "Plymouth"] == BODY[0][2:]
    assert {o["indicator"] for o in obs} == {_name(FIRST), _name(SECOND)}


def test_a_scans_band_lines_boxed_round_their_ink_are_one_paragraph():
    """A 300-dpi scan's two lines of a band title, boxed round their ink: 4.5 points apart edge
    to edge, more than 0.6 of their boxes' height (5.3) but well within their type size's (7.6).
    The lower line's words fall one to a column; the paragraph keeps it whole."""
    upper = [("6+", 295.7, 302.6), ("months", 304.8, 331.2), ("that", 333.4, 347.5), ("have", 349.4, 366.2)]
    upper += [("had", 368.4, 381.4), ("2", 383.8, 387.1), ("or", 389.3, 397.0)]
    lower = [("more", 292.1, 310.1), ("social", 312.5, 332.4), ("workers", 334.6, 363.8), ("in", 365.8, 372.2)]
    lower += [("the", 374.6, 385.9), ("last", 388.3, 400.8)]
    xs = [288.0, 312.0, 336.0, 360.0, 384.0, 405.0]
    lines = []
    for words, top in ((upper, 84.5), (lower, 94.3)):
        (line,) = text_lines([Word(t, x0, top, x1, top + 5.3, True, 0.96) for t, x0, x1 in words])
        by_column: dict[int, list[Word]] = {}
        for w in line.words:
            by_column.setdefault(bisect.bisect(xs, (w.x0 + w.x1) / 2) - 1, []).append(w)
        cells = [Placed(Phrase(ws), c, c + 1) for c, ws in sorted(by_column.items())]
        lines.append(PlacedLine(line, cells, False))
    assert len(lines[1].cells) == 5
    rejoin_wrapped([*lines, PlacedLine(lines[1].line, [], False)], xs)
    assert [(c.phrase.text, c.c0, c.c1) for c in lines[1].cells] == [("more social workers in the last", 0, 5)]
