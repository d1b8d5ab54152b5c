"""Which lines of a block are its header and which its rows (extract/structure/rows.py)."""

from scorekit.extract.structure import find_tables

from .pages import texts
from .transposed_page import NOTED, transposed


def test_a_column_name_wrapping_onto_numbers_among_words_stays_in_the_header():
    """`completed in 45 working days` wrapped so that a line holds `45 working  45 working
    started`: numbers with a note read as figures, but the line has no label and not one figure
    alone, and is set close under the header: the names wrap on, it is no row."""
    (table,) = find_tables(transposed(NOTED))
    grid = texts(table)
    assert table.header_rows == 1
    assert grid[0][1] == "AB4 Number of Single Referrals 45 working"
    assert grid[0][3] == "CD1 Number of Section started"
    assert [row[0] for row in grid[1:3]] == ["December 2020", "January 2021"]


def test_bare_numbers_over_the_names_of_the_columns_are_their_references():
    """A transposed table whose references are numbers (`101`, `10`, `7`): the line holds figures
    but no label, and words heading the same columns stand under it: a level of the header."""
    (table,) = find_tables(transposed(refs=("101", "10", "7")))
    grid = texts(table)
    assert table.header_rows == 1
    assert grid[0][1].startswith("101 Number of") and grid[0][3].startswith("7 Number")
    assert [row[0] for row in grid[1:3]] == ["December 2020", "January 2021"]
