import pytest

from scorekit.extract.columns import build_model, classify


@pytest.mark.parametrize(
    "glued, measure", [("SNavg", "stat_neighbour"), ("EngAvg", "england"), ("YTDtarget", "target")]
)
def test_a_header_whose_narrow_space_ocr_dropped_names_its_column(glued, measure):
    """`SN avg` read as `SNavg`: parted where the letters' case turns, it is the vocabulary's."""
    col = classify(glued, "", None, allow_serial=False)
    assert (col.kind, col.measure) == ("measure", measure)


@pytest.mark.parametrize("word", ["CiN", "NHS", "iPhone", "McDonald"])
def test_words_with_a_turn_of_case_that_name_nothing_stay_unnamed(word):
    assert classify(word, "", None, allow_serial=False).kind == "ignore"


@pytest.mark.parametrize(
    "read, kind", [("[Ref", "ref"), ("Ref]", "ref"), ("_Target", "measure"), ("~ Apr-18", "measure")]
)
def test_a_box_edge_read_beside_a_header_is_not_part_of_it(read, kind):
    """A band's or box's edge read as a bracket, tilde or underscore beside the header's word."""
    assert classify(read, "", None, allow_serial=False).kind == kind


def _kinds(header: list[str]) -> list[tuple[str, str, str]]:
    from scorekit.extract.columns import build_model

    return [(c.kind, c.measure, c.period) for c in build_model(header, [""] * len(header), None).columns]


def test_figures_dated_by_the_newest_month_wait_for_a_header_that_shows_it():
    """A scan's header read `Jun 20`, `Jul 20`, `Aug 20`, `ut 20` (Oct lost its `Oc`): the change
    and the average are the newest month's, which the header does not show; dated August they
    would be keyed two months early. A newest month printed twice is usual and dates them."""
    head = ["Ref", "Indicator", "Jun 20", "Jul 20", "Aug 20"]
    assert _kinds([*head, "ut 20", "% change", "12m avg"])[-2:] == [
        ("ignore", "change_prev", "2020-08"),
        ("ignore", "avg_12m", "2020-08"),
    ]
    assert _kinds([*head, "Aug 20", "% change"])[-1] == ("measure", "change_prev", "2020-08")  # printed twice
    assert _kinds([*head, "% change", "12m avg"])[-2:] == [
        ("measure", "change_prev", "2020-08"),
        ("measure", "avg_12m", "2020-08"),
    ]
    assert _kinds(["Ref", "Indicator", "Oct 20", "Sep 20", "Aug 20", "% change"])[-1] == (
        "measure",
        "change_prev",
        "2020-10",
    )


def test_a_month_misread_inside_a_run_is_the_one_its_neighbours_imply():
    """A scan's header read `06/2022` for `05/2022` and `08120274` for `08/2022`: between two
    months a month either side, the column is the month between them."""
    head = ["Ref", "03/2022", "04/2022", "06/2022", "06/2022", "07/2022", "08120274", "09/2022"]
    periods = [p for _k, _m, p in _kinds(head)[1:]]
    assert periods == ["2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09"]


def test_a_newest_month_printed_twice_at_a_runs_end_stays():
    head = ["Ref", "Jul 20", "Aug 20", "Sep 20", "Sep 20"]
    assert [p for _k, _m, p in _kinds(head)[1:]] == ["2020-07", "2020-08", "2020-09", "2020-09"]


def test_a_column_between_two_months_that_is_no_garble_of_them_stays_undated():
    head = ["Ref", "Jul 20", "Target", "Sep 20"]
    assert _kinds(head)[2][2] == ""


def test_a_month_whose_header_ocr_lost_is_the_one_its_neighbours_imply_over_figures():
    """White on a dark band, `Jun 22` and `Aug 22` read as nothing and `eg`: between two months a
    month either side, over a body of figures, the column is the month between them; over words
    (or a body not known) it stays undated."""
    head = ["Ref", "Indicator", "May 22", "", "Jul 22", "eg", "Sep 22"]
    figures: list[bool | None] = [False, False, True, True, True, True, True]
    model = build_model(head, [""] * len(head), None, figures)
    assert [c.period for c in model.columns[2:]] == ["2022-05", "2022-06", "2022-07", "2022-08", "2022-09"]
    for body in (None, [False, False, True, False, True, None, True]):
        model = build_model(head, [""] * len(head), None, body)
        assert model.columns[3].kind == model.columns[5].kind == "ignore"


def test_a_header_with_glyphs_the_cipher_left_unread_names_the_column_every_spelling_names():
    """A garbled layer's cipher that never saw a `Y` elsewhere leaves `Last \ufffdear (2017/18)`:
    only `year` makes a header of it; `\ufffdirec\ufffdon` is `direction`, its `ti` one glyph.
    `Q\ufffd 2017/18` could be any quarter, and names none."""
    from scorekit.extract.columns import classify

    got = classify("Last \ufffdear (2017/18)", "", None, allow_serial=False)
    assert (got.kind, got.measure, got.period) == ("measure", "previous_year", "FY2017/18")
    assert classify("Stat. Nei\ufffdhbours", "", None, allow_serial=False).measure == "stat_neighbour"
    assert classify("Q\ufffd 2017/18", "", None, allow_serial=False).kind == "ignore"
    assert classify("\ufffdirec\ufffdon of travel", "", None, allow_serial=False).measure == "direction"
    assert classify("Last \ufffdear \ufffd2017/18)", "", None, allow_serial=False).kind == "ignore"
