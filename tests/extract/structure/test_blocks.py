"""Where the blocks of a page's tables start and end (extract/structure/blocks.py)."""

from scorekit.extract.page import PageContent, Word
from scorekit.extract.structure import find_tables
from scorekit.extract.structure.blocks import find_blocks
from scorekit.extract.structure.lines import text_lines


def _line(top: float, cells: list[tuple[str, float]]) -> list[Word]:
    """One line of words, each 5 points wide a character, 7 points tall, at its x."""
    return [Word(t, x, top, x + 5 * len(t), top + 7) for t, x in cells]


def _rows(top: float, refs: list[str], xs: list[float]) -> list[Word]:
    out: list[Word] = []
    for k, ref in enumerate(refs):
        y = top + 14 * k
        out += _line(y, [(ref, 30), ("Number", 70), ("of", 102), ("visits", 114)])
        out += _line(y, [(str(100 + 7 * k + j), x) for j, x in enumerate(xs)])
    return out


def _two_tables(second_header: list[tuple[str, float]]) -> list[Word]:
    """Two tables under one style, one under the other, a heading between: the second's
    columns stand further left, and its header is the first's, its periods read apart."""
    words = _line(60, [("Ref", 30), ("Indicator", 70), ("Mar-18", 190), ("Apr-18", 230), ("May-18", 270)])
    words += _rows(76, ["AB1", "AB2", "AB3"], [195, 235, 275])
    words += _line(130, [("Second", 30), ("heading", 62)])
    words += _line(148, second_header)
    words += _rows(164, ["CD1", "CD2", "CD3"], [165, 200, 235])
    return words


def test_a_header_printed_again_under_a_table_starts_another_table():
    """`Ref Indicator Mar 18 May 18` (a scan lost `Apr`): too few periods for a header of
    periods, but the words of the header above: a second table, whose figures are read in
    its own columns, not the first's."""
    header = [("Ref", 30), ("Indicator", 70), ("Mar", 160), ("18", 205), ("May", 230), ("18", 250)]
    words = _two_tables(header)
    blocks = find_blocks(text_lines(words), 595.0)
    assert len(blocks) == 2
    assert blocks[1].lines[0].text.startswith("Ref")
    tables = find_tables(PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr"))
    assert len(tables) == 2


def test_a_wrapped_label_or_a_line_of_other_words_does_not_part_the_table():
    """A line of two phrases under the figures whose words the header did not print (a note,
    a wrapped label set apart) stays in the block; so does one sharing a single word."""
    for line in ([("Number", 70), ("awaiting", 160)], [("Indicator", 70), ("changes", 160)]):
        words = _line(60, [("Ref", 30), ("Indicator", 70), ("Mar-18", 190), ("Apr-18", 230), ("May-18", 270)])
        words += _rows(76, ["AB1", "AB2", "AB3"], [195, 235, 275])
        words += _line(118, line)
        words += _rows(132, ["AB4", "AB5"], [195, 235, 275])
        assert len(find_blocks(text_lines(words), 595.0)) == 1


def test_a_row_whose_label_repeats_an_earlier_rows_words_does_not_part_the_table():
    """Rows whose cells are mostly `n/a` are no rows of figures, but rows all the same: a later
    row naming the same things (`Total number of children ...`) repeats no header."""
    words = _line(60, [("Ref", 30), ("Indicator", 70), ("Latest", 190), ("Q1", 230), ("Average", 270)])
    label = [("Total", 70), ("number", 97), ("children", 134), ("plan", 176)]
    words += _line(76, [("AB1", 30), *label, ("306", 195), ("n/a", 235), ("n/a", 275)])
    words += _line(
        90, [("AB2", 30), ("Rate", 70), ("per", 94), ("10,000", 113), ("407", 195), ("n/a", 235), ("n/a", 275)]
    )
    words += _line(104, [("AB3", 30), ("Referrals", 70), ("22.0%", 190), ("25.0%", 230), ("32%", 275)])
    words += _line(118, [("CD2", 30), *label, ("253", 195), ("n/a", 235), ("n/a", 275)])
    words += _line(132, [("CD3", 30), ("Referrals", 70), ("21.0%", 190), ("24.0%", 230), ("30%", 275)])
    (block,) = find_blocks(text_lines(words), 595.0)
    assert [ln.text[:3] for ln in block.lines] == ["Ref", "AB1", "AB2", "AB3", "CD2", "CD3"]


def test_a_headers_own_lines_naming_its_months_again_start_no_table():
    """`Jun 17 .. Jun 18` over `17 .. 18` (figures enough to pass for a row), then `change from`
    over `May-18 Jun-17`: the header's last line names months its first line named, which is
    no header printed again."""
    months = [("Jun", 190), ("Jul", 230), ("Aug", 270), ("May", 310), ("Jun", 350)]
    words = _line(60, [("Ref", 30), ("Indicator", 70), *months, ("change", 390), ("change", 430)])
    words += _line(68, [("17", x) for _, x in months[:3]] + [("18", x) for _, x in months[3:]])
    words += _line(76, [("from", 390), ("from", 430)])
    words += _line(84, [("May-18", 390), ("Jun-17", 430)])
    words += _rows(98, ["AB1", "AB2", "AB3"], [195, 235, 275, 315, 355])
    assert len(find_blocks(text_lines(words), 595.0)) == 1
