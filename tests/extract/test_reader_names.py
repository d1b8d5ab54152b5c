"""The reader withholds the values of an OCR'd row keyed by its name where the name holds a word
the engine was unsure of and no word list explains; a text layer's names stand as printed."""

from dataclasses import replace

from .structure.pages import Sheet, print_sheet, read_as
from .structure.pages import read as read_page

HEADER = ["Indicator", "Apr-23", "May-23"]
ROWS = [
    ["Number of referrals", "1,204", "1,310"],
    ["Children in care", "412", "418"],
    ["Average number of children per casehoider", "18", "19"],
    ["Assessments completed", "88%", "90%"],
]


def read(method: str, name_conf: float) -> list[dict]:
    return read_as(print_sheet(Sheet([HEADER, *ROWS])), method, name_conf)


def test_an_unsure_name_no_list_explains_withholds_its_rows_values():
    got = read("ocr", 0.5)
    held = [o for o in got if "low_confidence" in (o["flags"] or "")]
    assert {o["indicator"] for o in held} == {"Average number of children per casehoider"}
    assert all(o["value"] is None for o in held) and [o["value_raw"] for o in held] == ["18", "19"]
    assert len(got) == 8


def test_a_name_the_engine_was_sure_of_or_a_text_layers_stands():
    for method, conf in (("ocr", 0.95), ("text", 0.5)):
        assert not [o for o in read(method, conf) if "low_confidence" in (o["flags"] or "")]


def test_an_area_tables_column_headed_by_an_unsure_misread_word_is_withheld():
    """Boroughs down the side, a band per measure over its years: `Offenies` read unsure heads
    two columns, so the indicator named from it was never printed; the other band's stand."""
    sheet = [["", "Offenies", "", "Detections", ""], ["Borough", "2021", "2022", "2021", "2022"]]
    sheet += [["Barnet", "141", "31", "12", "13"], ["Camden", "135", "28", "14", "15"]]
    printed = print_sheet(Sheet(sheet, title="Theft from the person", spans={(0, 1): 2, (0, 3): 2}))
    page = replace(printed.page, method="ocr")
    page.words = [replace(w, conf=0.3) if w.text == "Offenies" else w for w in page.words]
    got = read_page(page)
    held = {(o["area"], o["value_raw"]) for o in got if "low_confidence" in (o["flags"] or "")}
    assert held == {("Barnet", "141"), ("Barnet", "31"), ("Camden", "135"), ("Camden", "28")}
    stated = {(o["area"], o["period"], o["value"]) for o in got if "low_confidence" not in (o["flags"] or "")}
    assert stated == {("Barnet", "2021", 12), ("Barnet", "2022", 13), ("Camden", "2021", 14), ("Camden", "2022", 15)}


def test_a_name_area_or_reference_holding_a_glyph_no_reader_read_withholds_its_values():
    """A garbled layer deciphered but for one glyph (`ti\ufffdescales`): the name is not known,
    and neither is the area a half-read place names; text layer or not, nothing is stated."""
    rows = [*ROWS[:2], ["Visits within agreed ti\ufffdescales", "71%", "74%"], ROWS[3]]
    got = read_as(print_sheet(Sheet([HEADER, *rows])), "text", 1.0)
    held = {o["indicator"] for o in got if "low_confidence" in (o["flags"] or "")}
    assert held == {"Visits within agreed ti\ufffdescales"}
    assert all(o["value"] is None for o in got if o["indicator"] in held) and len(got) == 8


def test_a_row_its_reference_keys_keeps_its_values_whatever_its_name_holds():
    header = ["Ref", "Indicator", "Apr-23", "May-23"]
    rows = [["EN10", "Fly-tips reported", "120", "131"]]
    rows += [["EN11", "Fly-tips cleared within two day\ufffd", "90%", "93%"]]
    got = read_as(print_sheet(Sheet([header, *rows])), "text", 1.0)
    assert len(got) == 4 and not [o for o in got if "low_confidence" in (o["flags"] or "")]


def test_a_mark_glued_before_an_ocr_names_first_capital_is_no_part_of_it():
    """A rule's remnant at the cell's edge read as `\\` or an opening quote the name never closes
    (`\\Number of referrals`): filed under that, the row's values missed their indicator."""
    rows = [["\\Number of referrals", "1,204", "1,310"], ["\u2018Children in care", "412", "418"], *ROWS[2:]]
    for method, names in (
        ("ocr", {"Number of referrals", "Children in care"}),
        ("text", {"\\Number of referrals", "\u2018Children in care"}),  # a text layer prints what it holds
    ):
        got = read_as(print_sheet(Sheet([HEADER, *rows])), method, 0.95)
        assert names <= {o["indicator"] for o in got}


def test_a_quoted_name_keeps_its_quotes():
    from scorekit.extract.names import strip_edge_mark

    assert strip_edge_mark("\u2018Looked after\u2019 children") == "\u2018Looked after\u2019 children"
    assert strip_edge_mark("|Rate of referrals") == "Rate of referrals"


def test_an_opening_bracket_a_name_never_closes_is_a_speck_before_it():
    """`(Number of CLA placed ...`: a speck at the cell's edge read as a bracket the name never
    closes; a bracketed code opening a name (`(E11, E12) Adoptions`) is closed, and stays."""
    from scorekit.extract.names import strip_edge_mark

    assert strip_edge_mark("(Number of CLA placed in IFA placements") == "Number of CLA placed in IFA placements"
    assert strip_edge_mark("(E11, E12) Adoptions") == "(E11, E12) Adoptions"
    assert strip_edge_mark("(Number of CLA (IFA)") == "Number of CLA (IFA)"


def test_a_closing_bracket_read_as_a_quote_closes_the_ocr_names_bracket():
    """`(based on count of children’`: the bracket's thin curve read as a quote filed every
    value of the row under a name never printed; a text layer's name stands as it holds."""
    name = "ICPCs held in timescales (based on count of children"
    rows = [[name + "’", "71%", "74%"], *ROWS[1:]]
    for method, want in (("ocr", name + ")"), ("text", name + "’")):
        got = read_as(print_sheet(Sheet([HEADER, *rows])), method, 0.95)
        assert want in {o["indicator"] for o in got}


def test_a_quote_or_a_closed_bracket_ending_a_name_stays():
    from scorekit.extract.names import close_bracket

    marks = "’'”\"]}|"
    assert close_bracket("Rate (per 10,000]", marks) == "Rate (per 10,000)"
    assert close_bracket("‘Looked after (CLA’", marks) == "‘Looked after (CLA’"
    assert close_bracket("Rate (per 10,000) ’", marks) == "Rate (per 10,000) ’"
    assert close_bracket("Children’s services (all’", marks) == "Children’s services (all)"
    assert close_bracket("Rate (per 10,000’", "") == "Rate (per 10,000’"


def test_an_ocr_name_holding_an_arrow_withholds_its_rows_values():
    """`Number of people in receipt of support ↑ month end`: a word read as an arrow, which no
    name prints, however sure the engine was; a transposed table's column named so too. A text
    layer's name stands."""
    rows = [["Number of people in receipt of support ↑ month end", "7", "8"], *ROWS[:2]]
    for method, held in (("ocr", {"7", "8"}), ("text", set())):
        got = read_as(print_sheet(Sheet([HEADER, *rows])), method, 0.95)
        assert {o["value_raw"] for o in got if "low_confidence" in (o["flags"] or "")} == held
    from .structure.transposed_page import transposed

    page = transposed(refs=("", "", ""))
    page.words = [replace(w, text="▲ or)") if w.text == "Single" and w.x0 < 120 else w for w in page.words if w.text]
    got = read_page(page)
    assert {o["indicator"] for o in got if o["value"] is None} == {"Number of ▲ or) Referrals"}


def test_an_ocr_name_with_a_word_split_in_two_reads_as_printed():
    """`Number of new reque sts`: the OCR'd name's split word is rejoined; a text layer's stands."""
    rows = [["Number of new reque sts", "7", "8"], *ROWS[:2]]
    for method, name in (("ocr", "Number of new requests"), ("text", "Number of new reque sts")):
        got = read_as(print_sheet(Sheet([HEADER, *rows])), method, 0.95)
        assert got[0]["indicator"] == name
