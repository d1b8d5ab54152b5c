"""A table continued on the next page without its header: read with the header before it, also
where the page leaves a column empty and so shows one column fewer."""

from scorekit.extract.page import Frame
from scorekit.extract.reader import PageInfo, TableReader
from scorekit.extract.structure import find_tables

from .structure.pages import Sheet, print_sheet

XS = [40.0, 70.0, 220.0, 270.0, 320.0, 370.0, 420.0]
FIRST = [
    ["Ref", "Indicator", "Apr-23", "May-23", "Jun-23", "Target"],
    ["R1", "Number of referrals", "1,204", "1,341", "1,298", "1,250"],
    ["R2", "Children in care", "412", "418", "420", "400"],
]
NEXT = [
    ["", "Number of contacts", "3,210", "3,305", "3,118", "3,000"],
    ["", "Re-referrals in 12 months", "21%", "19%", "22%", "20%"],
]


def _read_pages(*later: list[list[str]]) -> list[dict]:
    reader = TableReader()
    out = []
    for n, rows in enumerate([FIRST, *later], start=1):
        page = print_sheet(Sheet(rows, xs=XS)).page
        page.page = n
        info = PageInfo(page.source, n, frame=Frame())
        for k, table in enumerate(find_tables(page), start=1):
            out += reader.read(table, info, k).observations
    return out


def test_a_headerless_table_with_an_empty_reference_column_takes_the_last_header():
    obs = [o for o in _read_pages(NEXT) if o["page"] == 2]
    got = [(o["indicator"], o["period"], o["measure"], o["value_raw"]) for o in obs]
    want = [
        (row[1], p, m, v)
        for row in NEXT
        for (p, m), v in zip(
            [("2023-04", "value"), ("2023-05", "value"), ("2023-06", "value"), ("", "target")], row[2:], strict=True
        )
    ]
    assert got == want


def test_a_headerless_table_whose_columns_stand_elsewhere_is_not_given_the_last_header():
    moved = [["Number of contacts", "", "3,210", "", "3,305", ""], ["Re-referrals", "", "21%", "", "19%", ""]]
    assert not [o for o in _read_pages(moved) if o["page"] == 2]


LATER = [["74", "Number of contacts", "3,210", "3,305", "3,118", "3,000"], ["", *NEXT[1][1:]], ["226", *NEXT[0][1:]]]


def _read_continued(stub_header: str) -> list[dict]:
    """A first page that prints no references (one label column headed `stub_header`), then a
    headerless page printing some, before the names, in a column of their own."""
    first = [[stub_header, "Apr-23", "May-23", "Jun-23", "Target"], *[r[1:] for r in FIRST[1:]]]
    xs = [40.0, 220.0, 270.0, 320.0, 370.0, 420.0]
    reader, out = TableReader(), []
    for n, (rows, cols) in enumerate([(first, xs), (LATER, [40.0, 60.0, *xs[1:]])], start=1):
        page = print_sheet(Sheet(rows, xs=cols)).page
        page.page = n
        for table in find_tables(page):
            out += reader.read(table, PageInfo(page.source, n, frame=Frame())).observations
    return [o for o in out if o["page"] == 2]


def test_numbers_before_the_names_of_a_continued_table_are_its_references_where_its_header_said_so():
    obs = _read_continued("Ref Indicator")
    assert len(obs) == 12
    assert {(o["ref"], o["indicator"]) for o in obs} == {(r[0], r[1]) for r in LATER}


def test_bare_numbers_before_a_continued_tables_names_are_not_references_where_no_header_named_them():
    obs = _read_continued("Indicator")
    assert len(obs) == 12 and {o["ref"] for o in obs} == {""}


def test_the_last_row_of_a_table_alone_on_the_next_page_is_read_with_its_header():
    """One labelled row of figures, its name wrapped, is all the next page holds of the table."""
    last = [["R3", "Number of households on\\nthe housing register", "8,237", "7,843", "8,301", "8,000"]]
    obs = [o for o in _read_pages([[c.replace("\\n", "\n") for c in r] for r in last]) if o["page"] == 2]
    got = [(o["ref"], o["indicator"], o["period"], o["value_raw"]) for o in obs]
    name = "Number of households on the housing register"
    assert got == [("R3", name, p, v) for p, v in zip(["2023-04", "2023-05", "2023-06", ""], last[0][2:], strict=True)]


def test_a_lone_row_of_figures_with_no_table_before_it_gives_nothing():
    page = print_sheet(Sheet([["R3", "Households on the register", "8,237", "7,843", "8,301"]], xs=XS[:6])).page
    tables = find_tables(page)
    assert len(tables) == 1 and not TableReader().read(tables[0], PageInfo(page.source, 1, frame=Frame())).observations


def test_a_page_without_references_does_not_lose_the_column_for_the_pages_after_it():
    """Page 2 prints no reference, so its table draws one column fewer; page 3 prints bare
    numbers (`74`) as references again, in the column page 1's header named `Ref`."""
    third = [["74", *NEXT[0][1:]], ["226", *NEXT[1][1:]]]
    obs = [o for o in _read_pages(NEXT, third) if o["page"] == 3]
    assert {(o["ref"], o["indicator"]) for o in obs} == {("74", NEXT[0][1]), ("226", NEXT[1][1])}
    assert len(obs) == 8
