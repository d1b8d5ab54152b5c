"""What a page image does to a table's lines, on pages built in the test: words boxed round
their ink (a descender reaches down, a lower-case word starts low), rules found in pieces, a
large title split at a wide word space, a row whose label OCR split at a word gap."""

from dataclasses import replace

import pytest

from scorekit.extract.page import PageContent, Rule, Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.blocks import find_blocks
from scorekit.extract.structure.lines import text_lines, type_size

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


# The same pass over a page without rules between its rows (labels wrapped under their first
# line of figures; `excluding`'s ascenders and `placed`'s descender narrow the gaps around them).
UNRULED_WORDS = [
    ("2022", 248.6, 75.1, 269.8, 81.6),
    ("Ref", 48.0, 87.8, 62.6, 94.3),
    ("Indicator", 71.0, 87.8, 110.9, 94.3),
    ("Dec", 251.5, 88.1, 267.1, 94.3),
    ("Jan", 285.6, 88.1, 299.5, 95.8),
    ("Feb", 319.7, 87.8, 335.0, 94.3),
    ("65", 47.8, 112.1, 56.9, 118.3),
    ("Percentage", 71.3, 112.1, 115.2, 119.8),
    ("of", 118.6, 111.8, 126.0, 118.3),
    ("re-referrals", 129.1, 111.8, 172.3, 118.3),
    ("within", 175.7, 111.8, 199.0, 118.1),
    ("12", 202.8, 112.1, 211.4, 118.1),
    ("30.0%", 248.2, 112.1, 272.9, 118.3),
    ("27.0%", 282.2, 112.1, 306.7, 118.3),
    ("25.0%", 316.1, 112.1, 340.6, 118.3),
    ("months", 71.3, 121.4, 100.3, 127.9),
    ("68", 47.8, 134.4, 57.1, 140.6),
    ("Percentage", 71.3, 134.4, 115.2, 142.1),
    ("of", 118.6, 134.2, 126.0, 140.6),
    ("referrals", 129.1, 134.2, 161.5, 140.6),
    ("leading", 165.1, 134.2, 193.0, 142.1),
    ("to", 196.6, 134.6, 204.0, 140.6),
    ("NFA", 207.6, 134.4, 222.0, 140.4),
    ("4.0%", 253.2, 134.4, 272.9, 140.6),
    ("6.0%", 287.3, 134.4, 306.7, 140.6),
    ("5.0%", 321.4, 134.4, 340.6, 140.6),
    ("Percentage", 71.3, 147.4, 115.2, 155.0),
    ("of", 118.6, 147.1, 126.0, 153.6),
    ("children", 128.9, 147.1, 159.8, 153.6),
    ("subject", 163.4, 147.1, 192.0, 155.0),
    ("to", 194.6, 147.6, 202.1, 153.6),
    ("2nd", 205.4, 147.1, 219.6, 153.6),
    ("or", 223.2, 148.8, 231.1, 153.6),
    ("32.0%", 248.2, 147.4, 272.9, 153.6),
    ("33.0%", 282.2, 147.4, 306.7, 153.6),
    ("32.0%", 316.3, 147.4, 340.6, 153.6),
    ("more", 71.3, 158.4, 91.0, 163.2),
    ("CP", 94.3, 157.0, 103.9, 163.2),
    ("plan", 107.5, 156.7, 123.6, 164.6),
    ("74", 48.0, 169.7, 57.1, 175.9),
    ("Percentage", 71.3, 169.7, 115.2, 177.4),
    ("of", 118.6, 169.4, 126.0, 175.9),
    ("children", 128.9, 169.4, 159.8, 175.9),
    ("subject", 163.4, 169.4, 192.0, 177.4),
    ("to", 194.6, 170.2, 202.1, 175.9),
    ("child", 205.4, 169.4, 223.4, 175.9),
    ("77.0%", 248.4, 169.7, 272.9, 175.9),
    ("76.0%", 282.5, 169.7, 306.7, 175.9),
    ("76.0%", 316.3, 169.7, 340.6, 175.9),
    ("protection", 71.3, 179.3, 110.9, 187.2),
    ("plans", 114.7, 179.3, 135.1, 187.2),
    ("with", 138.5, 179.5, 154.3, 185.8),
    ("recent", 158.2, 180.0, 182.9, 185.8),
    ("core", 186.0, 181.0, 202.3, 185.8),
    ("group", 205.9, 181.0, 228.2, 187.2),
    ("held", 71.3, 189.4, 87.4, 195.6),
    ("in", 91.2, 189.4, 97.2, 195.6),
    ("time", 100.6, 189.4, 117.8, 195.6),
    ("Percentage", 71.3, 202.3, 115.2, 210.0),
    ("of", 118.6, 202.1, 126.0, 208.3),
    ("children", 128.9, 202.1, 159.8, 208.3),
    ("with", 163.4, 202.1, 179.3, 208.3),
    ("Child", 182.9, 202.1, 202.1, 208.3),
    ("in", 205.9, 202.1, 211.9, 208.3),
    ("88.0%", 248.2, 202.1, 272.9, 208.3),
    ("84.0%", 282.2, 202.1, 307.0, 208.3),
    ("83.0%", 316.1, 202.1, 340.8, 208.3),
    ("Need", 71.3, 211.7, 91.0, 217.9),
    ("Plan", 94.8, 211.7, 110.4, 217.9),
    ("(not", 114.2, 211.7, 129.8, 218.9),
    ("CWD)", 132.7, 211.7, 154.6, 218.9),
    ("with", 158.2, 211.7, 174.0, 217.9),
    ("CIN", 177.6, 211.7, 190.3, 217.9),
    ("review", 194.2, 211.7, 219.6, 217.9),
    ("within", 71.0, 221.5, 94.3, 227.8),
    ("last", 98.2, 221.5, 111.8, 227.8),
    ("12", 115.2, 221.5, 123.8, 227.8),
    ("weeks", 127.4, 221.5, 151.9, 227.8),
    ("Number", 71.3, 234.2, 102.7, 240.5),
    ("of", 105.6, 234.2, 113.3, 240.5),
    ("children", 115.9, 234.2, 147.1, 240.5),
    ("in", 150.7, 234.2, 157.0, 240.5),
    ("our", 160.3, 235.9, 173.3, 240.5),
    ("care", 176.2, 235.9, 192.7, 240.5),
    ("543", 258.7, 234.2, 272.6, 240.5),
    ("553", 292.6, 234.2, 306.5, 240.5),
    ("545", 326.4, 234.5, 340.6, 240.5),
    ("110.0", 251.3, 247.0, 272.9, 253.2),
    ("111.0", 319.0, 247.0, 340.8, 253.2),
    ("Rate", 71.3, 247.2, 88.8, 253.2),
    ("of", 91.9, 247.0, 99.4, 253.2),
    ("children", 102.2, 247.0, 133.2, 253.4),
    ("in", 137.0, 247.0, 143.0, 253.2),
    ("our", 146.6, 248.6, 159.4, 253.2),
    ("care", 162.5, 248.6, 178.8, 253.4),
    ("per", 182.4, 248.6, 195.1, 254.9),
    ("10,000", 198.5, 247.0, 225.4, 253.9),
    ("Number", 71.5, 259.7, 103.0, 266.2),
    ("of", 105.6, 259.7, 113.3, 265.9),
    ("new", 116.2, 261.4, 131.8, 266.2),
    ("CLA", 135.1, 259.7, 150.2, 265.9),
    ("in", 153.4, 259.7, 159.6, 265.9),
    ("month", 163.2, 259.7, 187.9, 266.2),
    ("16", 264.0, 259.7, 272.9, 265.9),
    ("23", 297.6, 259.7, 306.5, 265.9),
    ("19", 331.7, 259.7, 340.8, 265.9),
    ("Number", 71.5, 272.4, 103.0, 278.9),
    ("of", 105.6, 272.4, 113.3, 278.9),
    ("new", 116.2, 274.1, 131.8, 278.9),
    ("CLA", 135.1, 272.4, 150.2, 278.6),
    ("in", 153.4, 272.4, 159.6, 278.6),
    ("month", 163.2, 272.4, 187.9, 278.9),
    ("who", 191.5, 272.4, 207.1, 278.6),
    ("are", 210.5, 274.1, 223.0, 278.9),
    ("UASC", 71.3, 282.2, 92.2, 288.7),
    ("Number", 71.5, 295.0, 103.0, 301.4),
    ("of", 105.6, 295.0, 113.3, 301.4),
    ("Ceased", 115.9, 295.0, 144.5, 301.4),
    ("CLA", 148.1, 295.2, 163.2, 301.4),
    ("in", 166.8, 295.0, 172.6, 301.2),
    ("the", 175.9, 295.0, 188.6, 301.4),
    ("month", 192.0, 295.0, 216.7, 301.2),
    ("27", 263.8, 295.2, 272.6, 301.2),
    ("10", 297.8, 295.2, 306.7, 301.4),
    ("23", 331.4, 295.0, 340.6, 301.4),
    ("excluding", 71.3, 304.8, 108.5, 312.7),
    ("UASC", 112.3, 305.0, 133.4, 311.3),
    ("Number", 71.5, 317.5, 103.0, 324.0),
    ("of", 105.8, 317.5, 113.3, 324.0),
    ("CLA", 116.2, 317.8, 131.3, 324.0),
    ("achieved", 134.4, 317.5, 169.4, 324.0),
    ("CAO", 173.0, 317.8, 189.4, 324.0),
    ("or", 192.7, 319.2, 200.6, 324.0),
    ("SGO", 203.5, 317.8, 220.1, 324.0),
    ("Number", 71.5, 330.2, 103.0, 336.7),
    ("of", 105.8, 330.2, 113.3, 336.7),
    ("CLA", 116.2, 330.5, 131.3, 336.7),
    ("returned", 134.6, 330.2, 167.5, 336.7),
    ("home", 171.6, 330.2, 193.2, 336.7),
    ("as", 196.6, 331.9, 204.7, 336.7),
    ("part", 208.1, 330.7, 223.9, 338.2),
    ("of", 71.3, 340.1, 78.5, 346.6),
    ("care", 81.6, 341.8, 97.9, 346.6),
    ("planning", 101.8, 340.1, 134.9, 348.0),
    ("Number", 71.5, 352.8, 103.0, 359.3),
    ("of", 105.8, 352.8, 113.3, 359.3),
    ("CLA", 116.2, 353.0, 131.3, 359.3),
    ("placed", 134.6, 352.8, 159.8, 360.7),
    ("with", 163.4, 352.8, 179.5, 359.0),
    ("parents", 183.4, 353.3, 212.6, 360.7),
    ("at", 216.0, 353.3, 223.2, 359.3),
    ("46", 263.5, 353.0, 272.9, 359.3),
    ("48", 297.4, 353.0, 306.7, 359.3),
    ("48", 331.2, 353.0, 340.8, 359.3),
    ("the", 71.0, 362.4, 83.5, 368.9),
    ("end", 86.9, 362.4, 101.0, 368.9),
    ("of", 104.6, 362.4, 112.1, 368.9),
    ("the", 114.5, 362.4, 127.0, 368.9),
    ("month", 130.8, 362.4, 155.5, 368.9),
    ("Number", 71.5, 375.4, 103.0, 381.8),
    ("of", 105.8, 375.4, 113.5, 381.8),
    ("CLA", 116.2, 375.6, 131.3, 381.8),
    ("placed", 134.6, 375.4, 160.1, 383.3),
    ("in", 163.7, 375.4, 169.9, 381.6),
    ("Connected", 173.3, 375.4, 215.3, 381.8),
    ("61", 263.8, 375.6, 272.6, 381.8),
    ("60", 297.6, 375.6, 306.7, 381.8),
    ("56", 331.4, 375.6, 340.8, 381.8),
    ("Carer", 71.3, 385.2, 92.6, 391.4),
    ("placements", 95.8, 385.0, 141.4, 392.9),
    ("at", 144.7, 385.4, 152.2, 391.4),
    ("the", 155.0, 385.0, 167.5, 391.4),
    ("end", 170.9, 385.0, 185.0, 391.4),
    ("of", 188.6, 385.0, 196.1, 391.4),
    ("the", 198.5, 385.0, 211.2, 391.4),
    ("month", 71.5, 394.8, 96.2, 401.3),
    ("c", 302.9, 248.4, 307.0, 253.4),
    ("3", 268.6, 272.4, 272.9, 278.9),
    ("4", 302.2, 272.4, 307.0, 278.9),
    ("4", 336.2, 272.4, 341.0, 278.9),
    ("5", 268.6, 317.5, 272.9, 324.2),
    ("4", 302.2, 317.5, 307.0, 324.0),
    ("5", 336.5, 317.5, 340.8, 324.2),
    ("c", 337.0, 331.7, 340.8, 337.0),
]


def test_ink_boxed_wrapped_names_without_rules_stay_one_row():
    words = [Word(t, x0, top, x1, bottom, conf=0.95) for t, x0, top, x1, bottom in UNRULED_WORDS]
    (table,) = find_tables(PageContent("scan.pdf", 1, 842.0, 595.0, words, [], method="ocr"))
    names = [row[1] for row in texts(table)[table.header_rows :]]
    assert "Number of new CLA in month who are UASC" in names
    assert "Number of Ceased CLA in the month excluding UASC" in names
    assert "Number of CLA placed with parents at the end of the month" in names


# A 300-dpi scan of a borderless report as the sparse OCR pass boxed it: names wrapped over up to
# four lines, one of them starting with a figure (`18 years old`) set a scan's wider word space
# from the next word, lines whose words' boxes end at descenders (`statutory`, `per 10,000`).
WRAPPED_WORDS = [
    ("2023", 321.1, 72.2, 346.3, 79.7),
    ("Ref", 39.6, 86.2, 57.8, 93.8),
    ("Indicator", 66.2, 86.2, 115.2, 93.8),
    ("Mar", 177.1, 86.4, 198.5, 93.8),
    ("Apr", 219.6, 86.4, 239.0, 95.5),
    ("May", 260.4, 86.4, 282.2, 95.8),
    ("Jun", 302.9, 86.4, 321.6, 95.5),
    ("Jul", 346.3, 86.2, 361.7, 95.5),
    ("Aug", 385.7, 86.4, 406.6, 95.8),
    ("Sep", 428.9, 86.4, 447.6, 95.5),
    ("Oct", 470.9, 86.4, 489.1, 93.8),
    ("Target", 509.0, 86.4, 544.3, 95.8),
    ("2023/24", 505.7, 97.9, 547.9, 106.1),
    ("Right", 39.8, 112.8, 68.6, 122.2),
    ("service", 72.2, 113.0, 108.7, 120.5),
    ("right", 112.8, 112.8, 139.0, 122.2),
    ("time", 142.8, 113.0, 166.1, 120.5),
    ("Number", 66.5, 127.0, 105.4, 134.6),
    ("of", 108.5, 127.2, 118.1, 134.6),
    ("Early", 121.2, 127.0, 145.9, 136.6),
    ("110", 188.6, 127.2, 205.0, 134.6),
    ("73", 236.2, 127.2, 246.7, 134.6),
    ("74", 277.7, 127.2, 288.2, 134.4),
    ("82", 319.2, 127.2, 329.8, 134.6),
    ("119", 355.7, 127.2, 371.8, 134.6),
    ("71", 403.0, 127.2, 412.8, 134.4),
    ("66", 444.5, 127.2, 455.5, 134.6),
    ("84", 486.5, 127.2, 497.3, 134.6),
    ("120", 532.6, 127.2, 549.1, 134.6),
    ("Help", 66.5, 138.5, 88.3, 147.8),
    ("assessments", 92.4, 139.4, 151.7, 146.2),
    ("started", 66.5, 150.0, 99.8, 157.7),
    ("Number", 66.5, 164.9, 105.4, 172.3),
    ("of", 109.0, 164.9, 118.3, 172.3),
    ("2,023", 178.8, 164.9, 204.7, 173.3),
    ("1,544", 221.5, 164.9, 247.0, 173.3),
    ("1,828", 263.0, 164.9, 288.5, 173.3),
    ("1,948", 304.8, 164.9, 330.2, 173.3),
    ("1,804", 346.6, 164.9, 371.8, 173.3),
    ("1,471", 388.3, 164.9, 412.8, 173.3),
    ("1,532", 430.1, 164.9, 455.3, 173.3),
    ("1,922", 471.8, 164.9, 497.0, 173.3),
    ("1,740", 523.4, 164.9, 548.9, 173.3),
    ("the", 122.2, 176.4, 136.6, 183.8),
    ("contacts", 66.5, 177.1, 105.8, 183.8),
    ("in", 109.9, 176.6, 118.3, 183.6),
    ("month", 66.5, 187.9, 96.2, 195.4),
    ("Rate", 66.7, 202.8, 87.6, 210.0),
    ("of", 91.4, 202.6, 100.8, 210.0),
    ("contacts", 103.7, 203.3, 143.8, 210.0),
    ("4289.0", 172.6, 202.6, 205.2, 210.0),
    ("4265.0", 214.3, 202.6, 246.7, 210.0),
    ("4213.0", 256.1, 202.6, 288.5, 210.0),
    ("4229.0", 297.8, 202.6, 330.2, 210.0),
    ("4272.0", 339.6, 202.6, 372.0, 210.0),
    ("4173.0", 381.4, 202.6, 413.8, 210.0),
    ("4123.0", 423.1, 202.6, 455.8, 210.0),
    ("4211.0", 465.1, 202.6, 497.3, 210.0),
    ("4230.0", 516.7, 202.8, 549.1, 210.0),
    ("10,000", 86.4, 214.3, 117.8, 222.7),
    ("per", 66.5, 216.5, 82.3, 223.4),
    ("population", 66.5, 225.8, 116.9, 235.0),
    ("under", 120.7, 225.8, 148.8, 233.3),
    ("18", 67.4, 237.4, 77.3, 244.8),
    ("old", 110.4, 237.4, 124.6, 244.8),
    ("years", 81.1, 239.5, 106.6, 246.7),
    ("62", 40.1, 252.0, 50.9, 259.4),
    ("Number", 66.7, 252.0, 105.6, 259.4),
    ("of", 109.0, 252.0, 118.6, 259.4),
    ("433", 187.9, 252.0, 205.2, 259.4),
    ("301", 271.7, 252.0, 287.5, 259.4),
    ("285", 313.4, 252.2, 330.2, 259.4),
    ("310", 355.2, 252.2, 372.0, 259.4),
    ("263", 397.0, 252.2, 413.8, 259.4),
    ("267", 438.7, 252.2, 455.8, 259.4),
    ("277", 480.5, 252.2, 497.3, 259.4),
    ("320", 532.1, 252.2, 549.1, 259.4),
    ("referrals", 66.7, 263.5, 107.5, 271.0),
    ("into", 111.6, 263.8, 129.4, 271.0),
    ("service", 113.3, 275.3, 146.6, 282.5),
    ("statutory", 66.7, 275.8, 109.7, 284.4),
    ("in", 66.7, 287.0, 74.9, 294.0),
    ("the", 78.7, 286.6, 93.6, 294.2),
    ("month", 97.4, 286.8, 127.2, 294.2),
]


def test_ink_boxed_names_wrapped_over_many_lines_stay_one_row():
    words = [Word(t, x0, top, x1, bottom, conf=0.95) for t, x0, top, x1, bottom in WRAPPED_WORDS]
    (table,) = find_tables(PageContent("scan.pdf", 1, 842.0, 595.0, words, [], method="ocr"))
    names = [row[1] for row in texts(table)[table.header_rows :] if row[2]]
    assert names == [
        "Number of Early Help assessments started",
        "Number of contacts in the month",
        "Rate of contacts per 10,000 population under 18 years old",
        "Number of referrals into statutory service in the month",
    ]


# `ENV 01 - Number of missed`, 7.5pt type boxed round its ink (the capitals and digits 5.3pt
# tall, the hyphen a dash at mid-height), then the unit and two figures a column's gap away.
INK_LINE = [
    ("ENV", 35.3, 101.8, 49.4, 107.0),
    ("01", 52.1, 101.8, 58.8, 107.0),
    ("-", 62.2, 104.6, 63.8, 105.4),
    ("Number", 66.2, 101.3, 94.6, 107.0),
    ("of", 96.7, 101.5, 103.9, 107.0),
    ("missed", 105.6, 101.3, 128.9, 107.0),
    ("waste", 131.8, 102.2, 151.0, 107.0),
    ("sent", 153.9, 102.4, 167.6, 107.0),
    ("No.", 207.4, 101.8, 217.9, 107.0),
    ("748", 245.8, 101.8, 257.0, 107.0),
    ("875", 279.6, 101.8, 290.6, 107.0),
]


def test_ink_boxed_words_are_spaced_by_their_type_size_not_their_height():
    """A word box round its ink is as tall as its letters (`sent` two thirds of `ENV`), so the
    word space measured in box heights splits phrases; the line's type size, from its capitals
    and digits, joins them as the text layer's size does, and the columns stay apart."""
    words = [Word(t, x0, top, x1, bottom) for t, x0, top, x1, bottom in INK_LINE]
    assert type_size(words) == pytest.approx(5.2 / 0.7, abs=0.2)
    (line,) = text_lines(words)
    assert [p.text for p in line.phrases] == ["ENV 01 - Number of missed waste sent", "No.", "748", "875"]


def test_words_that_carry_their_size_keep_it():
    words = [replace(Word(t, x0, top, x1, bottom), size=5.0) for t, x0, top, x1, bottom in INK_LINE]
    assert type_size(words) == 0.0
    (line,) = text_lines(words)
    assert [p.text for p in line.phrases][:2] == ["ENV 01", "- Number of missed waste sent"]


def test_a_line_of_dashes_under_a_header_band_does_not_part_header_and_body():
    """OCR reads the lower edge of a dark header band as a line of dashes as tall as their
    strokes: that line is no text of another size, so the header stays with its body."""
    xs = [220.0 + 30 * k for k in range(4)]
    months = ["Jan 22", "Feb 22", "Mar 22", "Apr 22"]
    words = [Word("Indicator", 60, 84, 94, 91)] + [Word(m, x, 84, x + 22, 91) for m, x in zip(months, xs, strict=True)]
    words += [Word("—", 312, 96.7, 314, 97.0), Word("—", 455, 96.7, 457, 97.0)]
    words += [Word("Collection", 29, 99.4, 64, 106.3)]
    for k, top in enumerate([112.0, 124.0, 136.0]):
        words += [Word("Rate", 60, top, 80, top + 7), Word(f"R{k}", 84, top, 95, top + 7)]
        words += [Word(f"{k + 10}%", x + 4, top, x + 20, top + 7) for x in xs]
    page = PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr")
    (block,) = find_blocks(text_lines(page.words), page.width)
    assert block.lines[0].text.startswith("Indicator")
    assert all(any(ch.isalnum() for ch in ln.text) for ln in block.lines)
    (table,) = find_tables(page)
    assert texts(table)[0][-4:] == months


def _skewed(text: str, x0: float, top: float, slope: float) -> Word:
    """A word of 6 pt type whose box the page's residual skew set `slope` pt lower per pt across."""
    w = 3.0 * len(text)
    return Word(text, x0, top + slope * x0, x0 + w, top + slope * x0 + 6.0)


def test_a_wrapped_labels_next_line_stays_apart_from_its_rows_far_end_a_residual_skew_set_lower():
    """The row's figures run 600 pt across, 8 pt lower at the far end; the label's second line
    sits 10 pt under its first. Judged by the row's whole extent it would join the row; judged
    by the words beside it, it is a line of its own."""
    slope = 8.0 / 600
    row = [_skewed("Percentage", 40, 100, slope), _skewed("of", 75, 100, slope), _skewed("missed", 85, 100, slope)]
    row += [_skewed(f"{90 + k}%", 250 + 50 * k, 100, slope) for k in range(8)]
    wrapped = [_skewed("the", 40, 110, slope), _skewed("next", 52, 110, slope), _skewed("day", 67, 110, slope)]
    lines = text_lines(row + wrapped)
    assert [ln.text for ln in lines] == [
        "Percentage of missed " + " ".join(f"{90 + k}%" for k in range(8)),
        "the next day",
    ]


def test_a_header_gathered_in_two_behind_a_flat_mark_is_one_line():
    """A `_` a little above the header's start began a line that took the header's right half;
    its left half, set lower, began another. They sit level word by word and interleave: one line."""
    right = [Word(t, x, 70.6, x + 20, 78.2) for t, x in (("Dec-17", 420), ("Jan-18", 450), ("Feb-18", 480))]
    left = [Word(t, x, 73.2, x + 20, 79.4) for t, x in (("Ref", 30), ("Indicator", 78), ("Nov-17", 392))]
    (line,) = text_lines([Word("_", 110, 70.6, 113, 70.8), *right, *left])
    assert [w.text for w in line.words] == ["Ref", "Indicator", "_", "Nov-17", "Dec-17", "Jan-18", "Feb-18"]


def test_a_second_reading_of_a_cells_ink_stays_in_its_row():
    """`co)` read over the `c` it was made from, lower than the row's words: part of the row, not
    a line between the row and its label's wrapped second line."""
    row = [
        Word("Number", 40, 123.1, 70, 129.4),
        Word("c", 355.7, 123.4, 358.6, 126.5),
        Word("8", 381.6, 123.4, 385.7, 129.6),
    ]
    extra = Word("co)", 355.4, 125.8, 359.5, 129.6)
    wrapped = Word("planning", 40, 132.5, 75, 140.4)
    assert [ln.text for ln in text_lines([*row, extra, wrapped])] == ["Number co) c 8", "planning"]


def test_two_lines_of_a_wrapped_label_whose_padded_boxes_touch_stay_two():
    """An OCR engine boxes each word with a little padding: the first line of a wrapped label
    reaches a fifth of a point into its second. A sliver of shared height is no ink read twice;
    joined, the two lines' words would interleave (`Average completed number assessment`)."""
    first = [Word(t, x0, 140.9, x1, 151.9) for t, x0, x1 in (("Average", 70.3, 97.2), ("number", 100.6, 122.9))]
    row = [Word("ASC-4", 38.2, 142.1, 59.5, 149.3), Word("26", 243.4, 142.1, 251.0, 149.0)]
    second = [Word(t, x0, 151.7, x1, 162.2) for t, x0, x1 in (("completed", 70.3, 103.9), ("assessment", 107.3, 146.2))]
    assert [ln.text for ln in text_lines(first + row + second)] == ["ASC-4 Average number 26", "completed assessment"]


def test_a_second_reading_in_the_lower_half_of_a_cells_ink_stays_in_its_row():
    """`a` read over the lower half of the `c` a first reading boxed in its upper half: the boxes
    share a sliver of height, but the `a` stands within the height of the row's words beside it."""
    row = [
        Word(t, x0, 60.5, x1, 66.2)
        for t, x0, x1 in (("returned", 115.4, 141.8), ("2", 222.2, 226.1), ("3", 284.9, 288.7))
    ]
    row.append(Word("c", 254.4, 60.7, 257.3, 63.4))
    extra = Word("a", 254.4, 63.1, 257.8, 66.2)
    wrapped = [Word("home", 60.5, 68.9, 78.0, 74.6), Word("planning", 103.2, 68.9, 130.0, 74.6)]
    assert [ln.text for ln in text_lines([*row, extra, *wrapped])] == ["returned 2 c a 3", "home planning"]


def test_two_text_layer_lines_set_close_stay_two_though_their_boxes_cross():
    """A text layer's boxes span the font's whole height: tight leading makes a line's box reach
    into the next one's without any ink shared."""
    upper = [replace(Word(t, x, 100, x + 30, 110), size=10.0) for t, x in (("Number", 40), ("12", 200))]
    lower = [replace(Word(t, x, 108.5, x + 30, 118.5), size=10.0) for t, x in (("of", 45), ("13", 205))]
    assert [ln.text for ln in text_lines(upper + lower)] == ["Number 12", "of 13"]


def _ocr_rows(tops: list[float], xs: list[float], height: float = 6.0) -> list[Word]:
    """Body rows as a sparse OCR pass boxes them: a reference, a name, a figure per column."""
    words = []
    for k, top in enumerate(tops):
        words += [Word(f"M{k + 1}", 34, top, 44, top + height), Word("Number", 95, top, 121, top + height)]
        words += [Word("referrals", 124, top, 160, top + height)]
        words += [Word(str(100 + 7 * k + j), x, top, x + 14, top + height) for j, x in enumerate(xs)]
    return words


MONTH_XS = [228.0, 271.0, 315.0, 355.0]
MONTH_HEADER = [
    Word(m, x - 4, 74, x + 22, 82) for m, x in zip(["Jan-20", "Feb-20", "Mar-20", "Apr-20"], MONTH_XS, strict=True)
]


def test_a_header_line_boxed_taller_than_its_letters_stays_with_its_body():
    """A header over a dark band boxed 8 to 11 points tall over body rows boxed 6: a lone
    `(2020/21` with its parenthesis' depth stands between. Its box tells nothing of the type
    size, so it does not end the block, and the header heads the table."""
    words = [Word("Ref", 30, 70, 46, 81), Word("Indicator", 95, 73, 128, 80), *MONTH_HEADER]
    words += [Word("(2020/21", 340, 85, 370, 97)]
    words += _ocr_rows([100.0, 114.0, 128.0, 142.0], MONTH_XS)
    page = PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr")
    (block,) = find_blocks(text_lines(page.words), page.width)
    assert block.lines[0].text.startswith("Ref")
    (table,) = find_tables(page)
    assert texts(table)[0][-4:] == ["Jan-20", "Feb-20", "Mar-20", "Apr-20 (2020/21"]


def test_a_speck_read_as_a_digit_between_header_and_body_does_not_part_them():
    words = [Word("Indicator", 95, 73, 128, 80), *MONTH_HEADER, Word("4", 372, 88, 374, 91)]
    words += _ocr_rows([96.0, 110.0, 124.0], MONTH_XS)
    (block,) = find_blocks(text_lines(words), 595.0)
    assert block.lines[0].text.startswith("Indicator")


def test_a_header_of_periods_set_off_by_a_band_s_padding_heads_the_figures_under_it():
    """Nineteen points of white under a one-line header of months, over rows six points tall:
    more than a block's usual gap, but the months stand over the figures."""
    words = [Word("Indicator", 95, 73, 128, 79), *[replace(w, top=73, bottom=79) for w in MONTH_HEADER]]
    words += _ocr_rows([98.0, 111.0, 124.0], MONTH_XS)
    (block,) = find_blocks(text_lines(words), 595.0)
    assert block.lines[0].text.startswith("Indicator")
    far = [Word("Indicator", 95, 73, 128, 79), Word("Some", 228, 73, 250, 79), Word("words", 271, 73, 293, 79)]
    far += _ocr_rows([98.0, 111.0, 124.0], MONTH_XS)
    assert len(find_blocks(text_lines(far), 595.0)[-1].lines) == 3  # no header of periods: the gap parts them


def test_a_heading_whose_box_reaches_below_the_tables_top_is_still_its_title():
    words = [Word("Monthly", 44, 44, 80, 55), Word("report", 84, 44, 120, 55), Word("Vehicle", 42, 72, 70, 89)]
    words += [
        Word("crime", 73, 72, 95, 89),
        Word("Indicator", 95, 87, 128, 94),
        *[replace(w, top=87, bottom=94) for w in MONTH_HEADER],
    ]
    words += _ocr_rows([100.0, 113.0, 126.0], MONTH_XS)
    (table,) = find_tables(PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr"))
    assert table.title == "Vehicle crime"


def test_a_line_that_cannot_tell_its_size_does_not_pass_an_older_lines_size_on():
    """A large title, then a band of `2017/18 Q4` (no word of capitals and digits only: its size
    is unknown), then the header: the header is compared with the band, which says nothing, not
    with the title two lines up, and the band stays with its table."""
    words = [Word("Children", 32, 43, 90, 58), Word("results", 95, 43, 140, 58)]
    words += [Word("2017/18", 255, 73, 285, 80), Word("Q4", 287, 73, 297, 80)]
    words += [Word("2018/19", 338, 73, 368, 80), Word("Q1", 370, 73, 380, 80)]
    words += [Word("Ref", 36, 86, 50, 91), Word("Measure", 86, 86, 118, 91)]
    words += [Word(t, x, 86, x + 22, 91) for t, x in zip(["Target", "Value", "Target", "Value"], MONTH_XS, strict=True)]
    words += _ocr_rows([99.0, 112.0, 125.0], MONTH_XS)
    blocks = find_blocks(text_lines(words), 595.0)
    assert any(ln.text.startswith("2017/18") for b in blocks for ln in b.lines)


def test_a_dark_bands_periods_boxed_taller_than_the_header_head_it_under_the_tables_title():
    """`December 2020` and `Year to date (Apr-Dec 2020)` white on a dark band, boxed twice as
    tall as the header under them, a dash read between them: the band is the header's top
    level, not a second title, and the heading above it stays the table's title."""
    words = [Word("Theft", 39, 71, 64, 79), Word("from", 67, 71, 88, 79), Word("person", 91, 71, 122, 79)]
    words += [Word("December", 158, 84, 196, 96), Word("2020", 199, 88, 217, 94), Word("—", 228, 85, 234, 85.5)]
    words += [Word("Year", 252, 85, 270, 94), Word("to", 271, 88, 279, 94), Word("date", 282, 85, 299, 94)]
    words += [Word("(Apr-Dec", 302, 83.5, 334, 96.8), Word("2020)", 336, 85, 359, 94.7)]
    heads = ["Offences", "Detections", "Offences", "Detections"]
    xs = [150.0, 200.0, 262.0, 330.0]
    words += [Word("Borough", 42, 100, 74, 107)] + [
        Word(h, x, 100, x + 36, 106) for h, x in zip(heads, xs, strict=True)
    ]
    for k, (name, top) in enumerate([("Barnet", 118.0), ("Camden", 130.0), ("Merton", 142.0)]):
        words += [Word(name, 42, top, 70, top + 6)]
        words += [Word(str(40 + 9 * k + j), x + 20, top, x + 34, top + 6) for j, x in enumerate(xs)]
    (table,) = find_tables(PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr"))
    assert table.title == "Theft from person"
    grid = texts(table)
    assert grid[0][1:3] == ["December 2020"] * 2 and grid[0][3:] == ["Year to date (Apr-Dec 2020)"] * 2
    assert grid[1] == ["Borough", *heads]


def test_a_band_title_ending_in_lower_case_letters_stays_over_its_header():
    """Two band titles wrapped over their years, the last line (`timescale`) boxed by OCR at its
    x-height, five points, eleven points over the header: a gap of two of its boxes, but under
    two of its type size."""
    words = [Word("Percentage", 136, 74, 170, 80), Word("of", 172, 74, 179, 80), Word("homes", 181, 74, 198, 80)]
    words += [Word("Percentage", 203, 74, 240, 80), Word("of", 242, 74, 250, 80), Word("CLA", 252, 74, 266, 80)]
    words += [Word("meeting", 138, 81, 160, 87), Word("the", 162, 81, 172, 87), Word("Standard", 174, 81, 198, 87)]
    words += [Word("had", 205, 81, 218, 87), Word("their", 220, 81, 237, 87), Word("visits", 239, 81, 262, 87)]
    words += [Word("timescale", 221, 94, 252, 98.5)]
    xs = [136.0, 159.0, 182.0, 203.0, 226.0, 249.0]
    years = ["2018", "2019", "2020"] * 2
    words += [Word("Area", 65, 110, 82, 115)] + [Word(y, x, 110, x + 17, 115) for y, x in zip(years, xs, strict=True)]
    for k, (name, top) in enumerate([("Leicester", 122.0), ("Torbay", 134.0), ("Calderdale", 146.0)]):
        words += [Word(name, 65, top, 100, top + 5)]
        words += [Word(f"{60 + 5 * k + j}%", x, top, x + 15, top + 5) for j, x in enumerate(xs)]
    (block,) = find_blocks(text_lines(words), 595.0)
    assert block.lines[0].text.startswith("Percentage")


def _scorecard_lines(outlier: bool, last_wrap: bool) -> list[Word]:
    """A page image's words of an unruled scorecard (boxes round the ink, no type size): a header
    of months over years, rows whose labels wrap. `outlier`: the first row's target read with a
    fill's edge above it, its box up to the header; `last_wrap`: the first label's third line read."""
    xs = [230.0 + 27 * k for k in range(4)]

    def row(top: float, ref: str, label: list[str], target: str, figures: list[str]) -> list[Word]:
        out = [Word(ref, 41, top, 50, top + 4.3)] if ref else []
        x = 63.0
        for t in label:
            out.append(Word(t, x, top, x + 5 * len(t), top + 4.3))
            x += 5 * len(t) + 3
        out += [Word(target, 182, top, 193, top + 4.3)] if target else []
        return out + [Word(f, x0, top, x0 + 11, top + 4.3) for f, x0 in zip(figures, xs, strict=False)]

    words = [Word("Ref", 41, 71, 50, 75.6), Word("Indicator", 63, 71, 89, 75.6), Word("Target", 174, 71, 195, 75.6)]
    words += [Word(m, x, 71, x + 12, 75.6) for m, x in zip(["Jun", "Jul", "Aug", "Sep"], xs, strict=True)]
    words += [Word("2021/22", 172, 82, 194, 86.6)] + [Word("2020", x, 82, x + 13, 86.6) for x in xs]
    if outlier:
        words += [Word("65%", 182, 91, 193, 98.9), Word("a", 195, 91, 200, 93.6)]
    words += row(94.3, "RB1", ["Council", "tax", "collected"], "" if outlier else "65%", ["66%", "66%", "65%", "64%"])
    words += row(103, "", ["percentage", "of", "the"], "", [])
    if last_wrap:
        words += row(112, "", ["(cumulative)"], "", [])
    words += row(123, "RB2", ["Business", "rates"], "65%", ["67%", "67%", "68%", "66%"])
    words += row(131, "", ["percentage", "of", "the"], "", [])
    words += row(151, "RB3", ["Value", "of", "arrears"], "40", ["420", "466", "371", "426"])
    return words + row(179, "RB4", ["Reminder", "notices"], "5,260", ["5,059", "5,061", "4,928", "3,001"])


@pytest.mark.parametrize(("outlier", "last_wrap"), [(True, True), (False, False), (True, False)])
def test_a_figure_boxed_with_a_fills_edge_or_a_wrapped_line_lost_does_not_cut_the_table(outlier, last_wrap):
    """The first row's target read with the edge of a fill above it: alone on a line of a larger
    size, close under the header. A row's last wrapped line OCR did not read: a gap wider than a
    block's, yet the next row's figures line up with the row's. Either way the table goes on."""
    blocks = find_blocks(text_lines(_scorecard_lines(outlier, last_wrap)), 842.0)
    assert len(blocks) == 1
    assert blocks[0].top == 71 and blocks[0].bottom == 183.3


def test_the_last_rows_wrapped_lines_boxed_round_their_ink_stay_its_label():
    """The table's last row, `Number of current` with no descender, its label going on over
    three lines under it: boxed round their ink, the lines leave a gap as tall as a capital
    between them, wider than most of the next line's box, yet well within its type size."""
    words = [Word("Indicator", 36.0, 100.0, 70.0, 105.8)]
    words += [Word(m, 150.0 + 40 * k, 100.0, 180.0 + 40 * k, 105.8) for k, m in enumerate(["Apr", "May", "Jun"])]
    rows = [("Number of looked after", 120.0, ["470", "469", "467"]), ("Number of current", 140.0, ["11", "12", "12"])]
    for label, top, figures in rows:
        words.append(Word(label, 36.0, top + 0.3, 110.0, top + 5.8))
        words += [Word(f, 170.0 + 40 * k, top + 0.3, 180.0 + 40 * k, top + 5.8) for k, f in enumerate(figures)]
    tail = [("Unaccompanied Asylum Seeking", 150.1, 156.6), ("Children (UASC) looked after", 160.2, 166.2)]
    words += [Word(t, 36.0, top, 120.0, bottom) for t, top, bottom in [*tail, ("end of period", 170.0, 176.5)]]
    (table,) = find_tables(PageContent("scan.pdf", 1, 842.0, 595.0, words, [], method="ocr"))
    labels = [row[0] for row in texts(table)[table.header_rows :]]
    assert labels[-1] == "Number of current Unaccompanied Asylum Seeking Children (UASC) looked after end of period"


def test_a_wrapped_line_of_small_letters_under_the_last_row_stays_its_label():
    """`carers` (no capital, no ascender) boxed round its ink starts a capital's height below
    where its line does: the gap from `SCC foster` to its box is wider than a wrap's, yet its
    line stands where the label's next line would."""
    words = [Word("Indicator", 36.0, 100.0, 70.0, 106.3)]
    words += [Word(m, 150.0 + 40 * k, 100.0, 180.0 + 40 * k, 106.3) for k, m in enumerate(["Apr", "May", "Jun"])]
    rows = [("Number of adopted", 120.0, ["20", "19", "19"]), ("Number of children", 140.0, ["202", "213", "206"])]
    for label, top, figures in rows:
        words.append(Word(label, 36.0, top, 110.0, top + 6.3))
        words += [Word(f, 170.0 + 40 * k, top, 180.0 + 40 * k, top + 6.3) for k, f in enumerate(figures)]
    tail = [("placed with", 149.0, 157.0), ("SCC foster", 160.0, 166.3), ("carers", 172.8, 177.3)]
    words += [Word(t, 36.0, top, 80.0, bottom) for t, top, bottom in tail]
    (table,) = find_tables(PageContent("scan.pdf", 1, 842.0, 595.0, words, [], method="ocr"))
    labels = [row[0] for row in texts(table)[table.header_rows :]]
    assert labels[-1] == "Number of children placed with SCC foster carers"
