"""The reader repairs an OCR'd page's references by their column (`refcolumn`), and withholds the
values of a row whose reference nothing settles; a text layer's references stand as printed."""

from dataclasses import replace

from scorekit.extract.reader import PageInfo, TableReader
from scorekit.extract.records import withhold
from scorekit.extract.structure import find_tables

from .structure.pages import Sheet, print_sheet, read_as
from .structure.pages import read as read_page

HEADER = ["Ref", "Indicator", "Apr-23", "May-23"]
ROWS = [
    ["KPO1", "Number of referrals", "1,204", "1,310"],
    ["KP02", "Children in care", "412", "418"],
    ["KPO3", "Re-referrals within 12 months", "21%", "19%"],
    ["KP04", "Assessments completed", "88%", "90%"],
    ["KPOS", "Plans reviewed", "52", "57"],
    ["ZQS", "Plans ended", "35", "41"],
    ["KP06", "Plans started", "30", "33"],
]


def read(method: str, rows=ROWS, ref_conf: float = 0.5) -> list[dict]:
    """The sheet read as `method` gives it; an engine's confidence in the references `ref_conf`."""
    return read_as(print_sheet(Sheet([HEADER, *rows])), method, ref_conf)


def test_ocr_references_are_repaired_by_their_column():
    refs = [o["ref"] for o in read("ocr") if o["period"] == "2023-04"]
    assert refs == ["KP01", "KP02", "KP03", "KP04", "KP05", "ZQS", "KP06"]


def test_a_reference_nothing_settles_withholds_its_rows_values():
    held = [o for o in read("ocr") if o["ref"] == "ZQS"]
    assert len(held) == 2
    assert all(o["value"] is None and "low_confidence" in o["flags"] for o in held)
    assert [o["value_raw"] for o in held] == ["35", "41"]


def test_a_reference_the_engine_was_sure_of_stands():
    held = [o for o in read("ocr", ref_conf=0.95) if "low_confidence" in o["flags"]]
    assert held == []


def test_a_sure_qualifiers_small_letter_is_its_capital_on_an_ocr_page_alone():
    """`CP1-Nl` read sure in a column of `-NI`s: filed under a reference never printed, its
    values were wrong; a qualifier of capitals prints no small `l`. A text layer keeps it."""
    rows = [["CP1-Nl", "Plans", "4", "5"], ["CP2", "Visits", "6", "7"], ["CP6B-NI", "Ends", "8", "9"]]
    for method, want in (("ocr", "CP1-NI"), ("text", "CP1-Nl")):
        assert want in {o["ref"] for o in read(method, rows, ref_conf=0.97)}


def read_pages(method: str, tables: list[list[list[str]]], ref_conf: float) -> list[dict]:
    """The tables read as one page each of one document; what no row witnessed by its end held."""
    reader, out = TableReader(), []
    for rows in tables:
        printed = print_sheet(Sheet([HEADER, *rows]))
        page = printed.page
        unsure = {id(w) for (r, c), ws in printed.cells.items() if c == 0 and r > 0 for w in ws}
        page.words = [replace(w, conf=ref_conf) if id(w) in unsure else w for w in page.words]
        info = PageInfo(page.source, page.page, method=method)
        out += [o for k, t in enumerate(find_tables(page), start=1) for o in reader.read(t, info, k).observations]
    unwitnessed = reader.unwitnessed()
    return [withhold(o) if o["ref"] in unwitnessed else o for o in out]


def test_a_sure_reference_a_lookalike_makes_the_columns_needs_a_second_row_of_its_stem():
    """A sure `MS` between `CP1` and `CP2`, in a column printing `M1`..`M8`, is `M5` misread or
    printed so; only another row printing its stem (`MS-QL`, on a later page) vouches for it."""
    names = ["Contacts", "Referrals", "Re-referrals", "Assessments", "Plans started", "Plans ended", "Visits"]
    refs = ["M1", "M2", "M3", "M8", "CP1", "MS", "CP2"]
    rows = [[r, n, f"{10 + k}", f"{20 + k}"] for k, (r, n) in enumerate(zip(refs, names, strict=True))]
    alone = [o for o in read_pages("ocr", [rows], 0.95) if o["ref"] == "MS"]
    assert alone and all(o["value"] is None and "low_confidence" in o["flags"] for o in alone)
    echoed = read_pages("ocr", [rows, [["MS-QL", "Plans ended (%)", "52%", "57%"], *rows[:2]]], 0.95)
    assert [o["value"] for o in echoed if o["ref"] == "MS"] == [15, 25]
    assert not any("low_confidence" in o["flags"] for o in read_pages("text", [rows], 0.95))


def test_a_text_layer_prints_its_references_as_they_are():
    refs = [o["ref"] for o in read("text") if o["period"] == "2023-04"]
    assert refs == [r[0] for r in ROWS]
    assert not any("low_confidence" in o["flags"] for o in read("text"))


def test_a_reference_cell_holding_the_name_too_gives_both():
    """A whole-page OCR row whose name ran into the reference's cell (its own cell left empty)."""
    rows = [
        ["AS 01", "Number of referrals", "1,204", "1,310"],
        ["AS 02 Children in care", "", "412", "418"],
    ]
    got = {(o["ref"], o["indicator"]) for o in read("ocr", rows)}
    assert got == {("AS 01", "Number of referrals"), ("AS 02", "Children in care")}


def test_a_name_whose_reference_lost_its_dash_prints_it_like_its_neighbours():
    """References printed inside the name (`ASC 07 - Permanent ...`), the faint dash lost from
    some rows of a page image: those rows lead with a reference of the same prefix and a word, so
    they print theirs the same way; a name that leads with no such reference stays whole."""
    header = ["Indicator", "Unit", "Apr-23", "May-23"]
    rows = [
        ["ASC 05 Number of people waiting", "No.", "618", "732"],
        ["ASC 06 - People in receipt of support", "No.", "4183", "4084"],
        ["ASC 07 - Permanent admissions", "Rate", "638.8", "532.5"],
        ["Q1 Reviews completed", "%", "71%", "65%"],
    ]
    printed = print_sheet(Sheet([header, *rows]))
    info = PageInfo(printed.page.source, printed.page.page, method="ocr")
    (table,) = find_tables(printed.page)
    got = {(o["ref"], o["indicator"]) for o in TableReader().read(table, info).observations}
    assert got == {
        ("ASC 05", "Number of people waiting"),
        ("ASC 06", "People in receipt of support"),
        ("ASC 07", "Permanent admissions"),
        ("", "Q1 Reviews completed"),
    }


STUB_ROWS = [
    ["KP01", "Number of referrals", "1,204", "1,310"],
    ["KP02", "Children in care", "412", "418"],
    ["kP03", "Re-referrals within 12 months", "21%", "19%"],
    ["KP04", "Assessments completed", "88%", "90%"],
]


def stub_read(header: list[str], spans: dict | None = None) -> list[dict]:
    printed = print_sheet(Sheet([header, *STUB_ROWS], ruling="all", spans=spans or {}))
    info = PageInfo(printed.page.source, printed.page.page, method="text")
    return [
        o for k, t in enumerate(find_tables(printed.page), start=1) for o in TableReader().read(t, info, k).observations
    ]


def test_a_stub_without_a_header_gives_references_and_names_by_its_body():
    """No header over the first two columns: the one mostly shaped like references (as read,
    `kP03` too) holds them, the next the names; so under one `Indicator` spanning both."""
    for header, spans in ((["", "", "Apr-23", "May-23"], None), (["Indicator", "", "Apr-23", "May-23"], {(0, 0): 2})):
        got = [(o["ref"], o["indicator"]) for o in stub_read(header, spans) if o["period"] == "2023-04"]
        assert got == [(r[0], r[1]) for r in STUB_ROWS], header


def test_a_stub_of_two_name_columns_stays_names():
    rows = [["North", "Number of referrals", "1,204", "1,310"], ["South", "Children in care", "412", "418"]]
    printed = print_sheet(Sheet([["", "", "Apr-23", "May-23"], *rows], ruling="all"))
    info = PageInfo(printed.page.source, printed.page.page, method="text")
    obs = [o for t in find_tables(printed.page) for o in TableReader().read(t, info).observations]
    assert obs and not any(o["ref"] for o in obs)


def test_pages_wait_for_a_witness_in_order_and_the_rest_are_withheld_at_the_end(monkeypatch):
    """`iter_extract` holds a page with a lone reference until a later page witnesses it (then
    yields both, in order, the reference standing) or the document ends (its rows withheld)."""
    from scorekit.extract import pipeline

    names = ["Contacts", "Referrals", "Re-referrals", "Assessments", "Plans started", "Plans ended", "Visits"]
    refs = ["M1", "M2", "M3", "M8", "CP1", "MS", "CP2"]
    rows = [[r, n, f"{10 + k}", f"{20 + k}"] for k, (r, n) in enumerate(zip(refs, names, strict=True))]

    def works(pages):
        out = []
        for no, page_rows in enumerate(pages, start=1):
            printed = print_sheet(Sheet([HEADER, *page_rows]))
            page = printed.page
            page.words = [replace(w, conf=0.95) for w in page.words]
            out.append((no, pipeline.PageWork(no, "ocr", "read", "scan", find_tables(page), "")))
        return out

    for pages, held in (([rows, [["MS-QL", "Plans ended (%)", "52%", "57%"], *rows[:2]]], False), ([rows], True)):
        monkeypatch.setattr(pipeline, "_page_works", lambda *a, pages=pages: iter(works(pages)))
        got = list(pipeline.iter_extract("doc.pdf"))
        assert [o.report.page for o in got] == list(range(1, len(pages) + 1))
        ms = [o for out in got for o in out.rows if o["ref"] == "MS"]
        assert ms and all((o["value"] is None) == held for o in ms)


def test_a_misread_reference_before_a_name_is_repaired_where_the_column_prints_its_prefix():
    """No column of references: `SP1 - Crime` printed in the name cell. OCR reads `$P2 - ...`
    (a mark for the `S`) and `$6` (the `P` lost); the references the other rows print settle
    them, and the name keeps only its words. A text layer's `$P2 - ...` stays a name."""
    header = ["Indicator", "Apr-23", "May-23"]
    refs = ["1", "$P2", "$P3", "$P4", "$P5", "$6", "SP7", "SP8", "SP9"]
    rows = [[f"{r} - Measure {chr(65 + k)} of offences", f"{10 + k}", f"{20 + k}"] for k, r in enumerate(refs)]
    printed = print_sheet(Sheet([header, *rows]))
    page = printed.page
    page.words = [replace(w, conf=0.6) for w in page.words]
    got = {}
    for method in ("ocr", "text"):
        info = PageInfo(page.source, page.page, method=method)
        reader = TableReader()
        got[method] = [
            (o["ref"], o["indicator"])
            for k, t in enumerate(find_tables(page), start=1)
            for o in reader.read(t, info, k).observations
            if o["period"] == "2023-04"
        ]
    assert got["ocr"] == [(f"SP{k + 1}", f"Measure {chr(65 + k)} of offences") for k in range(9)]
    assert got["text"][1] == ("", "$P2 - Measure B of offences")


def _names_read(refs: list[str]) -> list[tuple[str, str, object]]:
    header = ["Indicator", "Apr-23", "May-23"]
    rows = [[f"{r} - Measure {chr(65 + k)} of offences", f"{10 + k}", f"{20 + k}"] for k, r in enumerate(refs)]
    page = print_sheet(Sheet([header, *rows])).page
    read = {part for r in refs for part in r.split()}
    page.words = [replace(w, conf=0.6) if w.text in read else w for w in page.words]
    info, reader = PageInfo(page.source, page.page, method="ocr"), TableReader()
    return [
        (o["ref"], o["indicator"], o["value"])
        for k, t in enumerate(find_tables(page), start=1)
        for o in reader.read(t, info, k).observations
        if o["period"] == "2023-04"
    ]


def test_a_reference_read_with_a_letter_for_its_digit_before_a_name_is_settled_or_withheld():
    """`MS - ...` among `M3`, `M4`, `M6`: the column makes it `M5`. `ABS - ...` between `AB2`
    and `AB3` is some reference of `AB` the column does not settle: its row is withheld, not
    filed under a name that opens with a misread reference."""
    got = _names_read(["M3", "M4", "MS", "M6"])
    assert [(ref, name) for ref, name, _ in got] == [
        (f"M{k}", f"Measure {chr(65 + k - 3)} of offences") for k in range(3, 7)
    ]
    got = _names_read(["AB1", "AB2", "ABS", "AB3"])
    assert [value for _, _, value in got] == [10, 11, None, 13]


def test_a_reference_read_as_nothing_where_the_count_implies_one_withholds_its_row():
    rows = [["", "Number of referrals", "1,204", "1,310"], *[[f"KP0{k}", f"Measure {k}", "5", "6"] for k in (2, 3, 4)]]
    got = read("ocr", rows)
    held = [o for o in got if "low_confidence" in o["flags"]]
    assert [(o["indicator"], o["value_raw"]) for o in held] == [
        ("Number of referrals", "1,204"),
        ("Number of referrals", "1,310"),
    ]
    assert not [o for o in read("text", rows) if "low_confidence" in o["flags"]]


def test_bare_numbers_over_a_transposed_tables_names_are_its_references():
    """`101`, `10` over the names heading a transposed table's columns: references, as a first
    column of bare numbers before the names is a row table's."""
    from .structure.pages import read as read_page
    from .structure.transposed_page import transposed

    obs = read_page(transposed(refs=("101", "10", "7")))
    assert {o["ref"] for o in obs} == {"101", "10", "7"}
    assert {o["indicator"].split(" ")[0] for o in obs} == {"Number", "Share"}


def test_a_reference_its_print_contests_withholds_its_rows_values_and_says_why():
    """`ocr.refglyphs` notes a reference whose digit the page's print reads otherwise and nothing
    settled: its row's values are withheld, flagged `ref_contested`; the other rows stand."""
    from scorekit.extract.schema import REF_CONTESTED

    printed = print_sheet(Sheet([HEADER, *ROWS]))
    page = replace(printed.page, method="ocr")
    noted = {id(w) for w in printed.cells[(2, 0)]}
    page.words = [replace(w, conf=0.95, note=REF_CONTESTED) if id(w) in noted else w for w in page.words]
    held = [o for o in read_page(page) if o["value"] is None]
    assert [(o["ref"], o["value_raw"]) for o in held] == [("KP02", "412"), ("KP02", "418")]
    assert all(REF_CONTESTED in o["flags"].split(";") and "low_confidence" in o["flags"] for o in held)


EMBEDDED = [
    ["Indicator", "Apr-23", "May-23"],
    ["CP1 - Number of S47 enquiries started", "12", "14"],
    ["CP2 - Number of initial conferences", "3", "4"],
    ["EHI (val) - Number of single assessments", "225", "303"],
    ["EHI-QL - Percentage of single assessments in time", "88%", "90%"],
]


def test_a_reference_without_digits_before_a_dash_is_a_reference_where_the_names_print_theirs_so():
    for method in ("text", "ocr"):
        got = read_as(print_sheet(Sheet(EMBEDDED)), method, 0.95)
        labels = sorted({(o["ref"], o["indicator"]) for o in got})
        assert labels == [
            ("CP1", "Number of S47 enquiries started"),
            ("CP2", "Number of initial conferences"),
            ("EHI (val)", "Number of single assessments"),
            ("EHI-QL", "Percentage of single assessments in time"),
        ], method


def test_capitals_before_a_dash_stay_in_the_name_where_no_name_prints_a_reference():
    rows = [EMBEDDED[0], ["NEET - Young people not in education", "5", "6"], ["Number of referrals", "7", "8"]]
    got = read_as(print_sheet(Sheet(rows)), "text", 0.95)
    assert sorted({(o["ref"], o["indicator"]) for o in got}) == [
        ("", "NEET - Young people not in education"),
        ("", "Number of referrals"),
    ]


def test_a_misread_reference_with_a_bracketed_qualifier_before_a_name_is_settled_or_withheld():
    """`ABS (val) - ...`: a reference read with a letter for its digit, its qualifier after it,
    before a name. It is some reference of `AB` the column does not settle, so its row is withheld
    rather than filed under a name that opens with a misread reference. `AB1O0 (%) - ...` is
    `AB10 (%)`, which the column settles, and the name keeps only its words."""
    got = _names_read(["AB11-QL", "AB11-QL (%)", "ABS (val)", "ABS", "AB16"])
    assert [value for _, _, value in got] == [10, 11, None, None, 14]
    got = _names_read(["AB7 (val)", "AB7", "AB1O0 (%)", "AB10", "AB11"])
    assert got[2] == ("AB10 (%)", "Measure C of offences", 12)


def test_references_over_a_transposed_tables_names_read_in_small_letters_are_in_capitals():
    """`cs10`, `csi1`, `cs12` over the names: OCR reads capitals shaped as their small letters
    (`c`, `s`) in either case; a row of them, each a reference once in capitals, is printed so
    and keys the columns (not the names). A text layer's small letters stay as printed."""
    from dataclasses import replace as replaced

    from .structure.pages import read as read_page
    from .structure.transposed_page import transposed

    page = transposed(refs=("cs10", "csi1", "cs12"))
    obs = read_page(page)
    assert {o["ref"] for o in obs} == {"CS10", "CS11", "CS12"}
    assert not any(o["indicator"].startswith(("cs", "CS")) for o in obs)
    obs = read_page(replaced(page, method="text"))
    assert not {o["ref"] for o in obs} & {"CS10", "CS11", "CS12"}


def test_benchmark_columns_take_their_year_from_a_note_in_the_tables_title():
    """`Benchmarking (2022/23 data)` printed over the table, which the table finder takes as its
    title (an OCR'd page's text sets the note's words apart): it dates the benchmark columns."""
    from .structure.pages import read as read_page

    header = ["Ref", "Indicator", "Sep-23", "Oct-23", "Stat. Neighbours", "ENG"]
    rows = [["AB1", "Number of referrals", "12", "14", "20", "22"], ["AB2", "Number of plans", "5", "6", "7", "8"]]
    page = print_sheet(Sheet([header, *rows], title="Benchmarking (2022/23 data)")).page
    got = {(o["ref"], o["measure"]): o["period"] for o in read_page(page)}
    assert got[("AB1", "stat_neighbour")] == got[("AB2", "england")] == "FY2022/23"
