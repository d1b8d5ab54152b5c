"""Tables read another way round: periods down the side (a column per indicator), and areas
down the side (the indicator in the title)."""

from dataclasses import replace

import pytest

from .pages import Sheet, print_sheet, read

TRANSPOSED = [
    ["Month", "Referrals", "Children in care", "Visits on time"],
    ["Apr-23", "1,204", "412", "90%"],
    ["May-23", "1,310", "418", "91%"],
    ["Jun-23", "985", "420", "88%"],
    ["Jul-23", "1,022", "425", "93%"],
]
AREAS = ["Hampshire", "Statistical neighbours", "England"]
FIGURES = [["12.5", "13.1", "12.9"], ["14.0", "14.2", "13.8"], ["15.1", "15.3", "15.0"]]


@pytest.mark.parametrize("ruling", ["none", "rows", "grid"])
def test_months_down_the_side_give_each_indicator_each_month(ruling):
    obs = read(print_sheet(Sheet(TRANSPOSED, ruling=ruling)).page)
    got = {(o["indicator"], o["period"]): (o["value_raw"], o["unit"]) for o in obs}
    units = {"Referrals": "count", "Children in care": "count", "Visits on time": "percent"}
    want = {
        (name, f"2023-{month:02d}"): (row[k], units[name])
        for month, row in enumerate(TRANSPOSED[1:], start=4)
        for k, name in enumerate(TRANSPOSED[0][1:], start=1)
    }
    assert len(obs) == len(want) and got == want
    assert {o["area"] for o in obs} == {""}


def test_a_reference_read_in_another_case_than_its_neighbours_leads_its_column_as_theirs_do():
    """`sp9` beside `SP7` and `SP8` over a column each: OCR's reading of a small capital; the
    column's reference is `SP9`, not part of its name."""
    sheet = [["Month", "SP7 Incidents reported", "SP8 Cases closed on time", "sp9 Warnings issued"], *TRANSPOSED[1:]]
    obs = read(print_sheet(Sheet(sheet)).page)
    assert {(o["ref"], o["indicator"]) for o in obs} == {
        ("SP7", "Incidents reported"),
        ("SP8", "Cases closed on time"),
        ("SP9", "Warnings issued"),
    }


def test_a_spaced_reference_in_capitals_leads_its_column_and_a_school_year_does_not():
    """`ASCOF 04 Average days`: a scan reads the reference's own line and the name's as one
    header; `Year 6 Obesity` names a measure, not a reference."""
    sheet = [["Month", "ASCOF 04 Average days", "ASCOF 05 People waiting", "Year 6 Obesity rate"], *TRANSPOSED[1:]]
    obs = read(print_sheet(Sheet(sheet)).page)
    assert {(o["ref"], o["indicator"]) for o in obs} == {
        ("ASCOF 04", "Average days"),
        ("ASCOF 05", "People waiting"),
        ("", "Year 6 Obesity rate"),
    }


def test_references_over_the_columns_of_a_scan_are_repaired_by_their_row():
    """`R&BO4` beside `R&B03` and `R&B05` along a scanned header: a zero read as the letter, which
    the row of references repairs as a column of them is repaired."""
    sheet = [["Month", "R&B03 Claims", "R&BO4 Arrears", "R&B05 Notices"], *TRANSPOSED[1:]]
    page = replace(print_sheet(Sheet(sheet)).page, method="ocr")
    assert {o["ref"] for o in read(page)} == {"R&B03", "R&B04", "R&B05"}


def test_a_reference_with_its_qualifier_leads_its_column():
    """`EH4 (val) Number of ...`: the reference's capitals lead it, its qualifier as printed."""
    sheet = [["Month", "EH4 (val) Number of assessments", "EH4-QL Share on time", "Year 6 Obesity rate"]]
    obs = read(print_sheet(Sheet([*sheet, *TRANSPOSED[1:]])).page)
    assert {(o["ref"], o["indicator"]) for o in obs} == {
        ("EH4 (val)", "Number of assessments"),
        ("EH4-QL", "Share on time"),
        ("", "Year 6 Obesity rate"),
    }


def test_a_scans_misread_reference_leading_a_header_is_the_reference_its_row_implies():
    """`wos Percentage ...` between `W04` and `W06`: a short word no list holds, before a
    capitalised name, which the row of references repairs to a prefix they print; a header
    leading with a word (`Total Referrals`) keeps it, as a text layer's does."""
    sheet = [["Month", "W04 Collections", "wos Percentage recycled", "W06 Residual waste", "Total Referrals"]]
    rows = [[*r, r[1]] for r in TRANSPOSED[1:]]
    page = replace(print_sheet(Sheet([*sheet, *rows])).page, method="ocr")
    assert {(o["ref"], o["indicator"]) for o in read(page)} == {
        ("W04", "Collections"),
        ("W05", "Percentage recycled"),
        ("W06", "Residual waste"),
        ("", "Total Referrals"),
    }


@pytest.mark.parametrize("ruling", ["none", "grid"])
@pytest.mark.parametrize(
    ("stub", "years", "periods"),
    [
        ("Area", ["2020/21", "2021/22", "2022/23"], ["FY2020/21", "FY2021/22", "FY2022/23"]),
        ("", ["2021", "2022", "2023"], ["2021", "2022", "2023"]),
    ],
)
def test_areas_down_the_side_take_the_indicator_from_the_title(ruling, stub, years, periods):
    sheet = [[stub, *years]] + [[a, *f] for a, f in zip(AREAS, FIGURES, strict=True)]
    title = "Rate of children in need per 10,000"
    obs = read(print_sheet(Sheet(sheet, ruling=ruling, title=title)).page)
    got = [(o["area"], o["indicator"], o["period"], o["value_raw"]) for o in obs]
    want = [(a, title, p, v) for a, f in zip(AREAS, FIGURES, strict=True) for p, v in zip(periods, f, strict=True)]
    assert got == want
    assert {o["unit"] for o in obs} == {"rate_per_10k"}


@pytest.mark.parametrize("ruling", ["none", "grid"])
def test_rows_naming_places_of_the_gazetteer_make_an_area_table(ruling):
    """No comparator row and a stub header that names nothing (`pe Borough`, OCR's reading of a
    dark band's corner): the boroughs down the side still say the rows are areas."""
    boroughs = ["Barnet", "Bexley", "Hackney"]
    sheet = [["pe Borough", "2021", "2022", "2023"]] + [[a, *f] for a, f in zip(boroughs, FIGURES, strict=True)]
    title = "Rate of children in need per 10,000"
    obs = read(print_sheet(Sheet(sheet, ruling=ruling, title=title)).page)
    assert {(o["area"], o["indicator"]) for o in obs} == {(a, title) for a in boroughs}
    assert len(obs) == 9
