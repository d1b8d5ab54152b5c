"""What a page image does to a table's lines, on pages built in the test: words boxed round
their ink (a descender reaches down, a lower-case word starts low), rules found in pieces, a
large title split at a wide word space, a row whose label OCR split at a word gap."""

from dataclasses import replace

from scorekit.extract.page import PageContent, Rule, Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.blocks import find_blocks
from scorekit.extract.structure.lines import text_lines

from .pages import Sheet, print_sheet, texts

# A scanned page's words as the sparse OCR pass boxed them (their ink) and its rules as found in
# the image, broken where the RAG column's fill meets them: four rows of wrapped names.
SCANNED_WORDS = [
    ("Indicator", 42.0, 72.7, 78.2, 78.5),
    ("Unit", 158.6, 72.7, 175.2, 78.5),
    ("RAG", 189.4, 72.7, 205.4, 78.5),
    ("11/2015", 218.9, 72.7, 250.6, 79.0),
    ("12/2015", 260.4, 72.7, 292.1, 79.2),
    ("rating", 185.5, 81.6, 210.7, 91.0),
    ("Number", 42.0, 93.4, 70.6, 99.1),
    ("of", 73.0, 93.4, 79.7, 99.1),
    ("missed", 82.6, 93.4, 107.3, 99.1),
    ("bin", 110.6, 93.4, 120.7, 99.1),
    ("1,004", 232.3, 93.4, 252.2, 99.8),
    ("1,206", 273.8, 93.4, 293.5, 99.8),
    ("collections", 41.8, 102.2, 79.4, 108.0),
    ("reported", 82.8, 102.2, 113.0, 109.4),
    ("~", 158.6, 93.6, 167.8, 99.1),
    ("Rate", 158.6, 114.0, 174.7, 120.0),
    ("Amber", 185.0, 113.8, 209.8, 120.2),
    ("Tae", 236.9, 114.0, 252.0, 119.8),
    ("2.", 248.6, 113.0, 252.7, 122.6),
    ("61.7", 277.9, 114.0, 293.3, 120.0),
    ("Missed", 42.0, 114.0, 65.8, 120.0),
    ("collections", 68.9, 114.0, 106.8, 120.0),
    ("per", 109.9, 115.4, 121.7, 121.2),
    ("100,000", 42.2, 122.9, 70.8, 129.4),
    ("collections", 73.9, 122.9, 111.8, 128.9),
    ("made", 115.0, 122.9, 134.6, 128.9),
    ("Percentage", 42.0, 135.1, 82.1, 142.1),
    ("of", 85.0, 134.9, 91.7, 140.6),
    ("missed", 94.6, 134.9, 119.3, 140.9),
    ("%", 158.4, 134.9, 164.6, 140.6),
    ("Amber", 185.0, 134.6, 209.8, 141.1),
    ("99", 243.4, 134.9, 252.0, 140.9),
    ("88", 284.9, 134.9, 293.3, 140.9),
    ("collections", 41.8, 143.5, 79.4, 149.5),
    ("put", 82.8, 144.0, 94.1, 150.7),
    ("right", 97.2, 143.5, 113.3, 150.7),
    ("the", 115.7, 143.5, 127.2, 149.5),
    ("next", 130.6, 144.0, 146.2, 149.5),
    ("working", 41.8, 152.4, 69.6, 159.6),
    ("day", 72.7, 152.4, 85.4, 159.6),
    ("Number", 42.0, 164.4, 70.6, 170.4),
    ("of", 73.0, 164.4, 79.7, 170.4),
    ("assisted", 82.3, 164.4, 111.4, 170.4),
    ("No", 158.6, 164.6, 167.8, 170.4),
    ("Amber", 185.0, 164.2, 209.8, 170.6),
    ("3,423", 231.8, 164.4, 252.0, 170.9),
    ("37372", 273.4, 164.4, 293.0, 171.1),
    ("collections", 41.8, 173.3, 79.4, 179.3),
    ("in", 82.8, 173.3, 88.3, 179.0),
    ("place", 91.4, 173.3, 110.4, 180.5),
]
SCANNED_RULES = [
    (38, 71.4, 300),
    (38, 89.6, 300),
    (181, 111.1, 214),
    (95, 111.4, 160),
    (217, 111.4, 239),
    (242, 111.4, 280),
    (291, 111.4, 300),
    (50, 111.5, 90),
    (38, 132.2, 183),
    (211, 132.4, 300),
    (38, 161.8, 300),
    (38, 182.6, 300),
]
NAMES = [
    "Number of missed bin collections reported",
    "Missed collections per 100,000 collections made",
    "Percentage of missed collections put right the next working day",
    "Number of assisted collections in place",
]


def test_ink_boxed_wrapped_names_between_broken_rules_stay_one_row():
    words = [Word(t, x0, top, x1, bottom, conf=0.95) for t, x0, top, x1, bottom in SCANNED_WORDS]
    rules = [Rule(x0, y, x1, y) for x0, y, x1 in SCANNED_RULES]
    (table,) = find_tables(PageContent("scan.pdf", 1, 842.0, 595.0, words, rules, method="ocr"))
    body = texts(table)[table.header_rows :]
    assert [row[0] for row in body] == NAMES
    assert [row[3] for row in body] == ["1,004", "Tae 2.", "99", "3,423"]


HEADER = ["Indicator", "Apr-23", "May-23", "Jun-23"]
ROWS = [
    HEADER,
    ["Number of missed bin collections", "1,004", "1,206", "999"],
    ["Missed collections per 100,000", "71.2", "61.7", "72.6"],
]


def _title(words: list[Word], xs: list[float], top: float) -> list[Word]:
    """A 14 pt title set over the table, its word space at `Families` wide enough for OCR's
    boxes to split it into two phrases, the second starting over the first column of figures."""
    left = [("Children", xs[0] + 2, 56.0), ("and", xs[0] + 60, 24.0)]
    right = [("Families", xs[1] - 8, 54.0), ("monthly", xs[1] + 52, 50.0), ("report", xs[1] + 108, 44.0)]
    return words + [Word(t, x, top, x + w, top + 11.0) for t, x, w in left + right]


def test_a_large_title_over_the_columns_is_no_header_level():
    printed = print_sheet(Sheet(ROWS, ruling="none", top=80.0))
    page = replace(printed.page, words=_title(printed.page.words, printed.xs, 58.0))
    (table,) = find_tables(page)
    assert texts(table)[0] == HEADER
    assert table.header_rows == 1


def test_a_row_of_figures_is_no_prose_however_its_gutters_fall():
    """A row with twelve figures whose label OCR split at a word gap, among wrapped labels whose
    gutters line up with nothing: still a row of the table, which goes on below it."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    xs = [250.0 + 34 * k for k in range(12)]

    def line(top: float, label: list[tuple[str, float, float]], figures: bool) -> list[Word]:
        out = [Word(t, x0, top, x1, top + 7) for t, x0, x1 in label]
        return out + ([Word(f"{k + 10}.0%", x + 4, top, x + 26, top + 7) for k, x in enumerate(xs)] if figures else [])

    words = [Word(m, x + 10, 80, x + 26, 87) for m, x in zip(months, xs, strict=True)] + [
        Word("Indicator", 71, 80, 111, 87)
    ]
    words += line(92, [("Percentage", 71, 120), ("of", 123, 130), ("children", 133, 170)], True)
    words += line(102, [("protection", 71, 115), ("plans", 125, 150)], False)
    words += line(112, [("held", 71, 87), ("in time", 95, 120)], False)
    words += line(124, [("Percentage of children", 71, 202), ("in", 208, 214)], True)
    words += line(134, [("Need", 71, 91), ("Plan", 99, 120)], False)
    words += line(144, [("within", 71, 94), ("last 12", 102, 124)], False)
    words += line(156, [("Number", 71, 100), ("of", 103, 110), ("children", 113, 150)], True)
    words += line(168, [("Rate", 71, 90), ("of", 93, 100), ("children", 103, 140)], True)
    blocks = find_blocks(text_lines(words), 842.0)
    assert len(blocks) == 1
    assert blocks[0].bottom == 175
