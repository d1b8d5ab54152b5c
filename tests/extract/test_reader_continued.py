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


def _read_pages(next_rows: list[list[str]]) -> list[dict]:
    reader = TableReader()
    out = []
    for n, rows in enumerate([FIRST, next_rows], start=1):
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
