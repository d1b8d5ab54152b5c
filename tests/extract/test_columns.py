import pytest

from scorekit.extract.columns import classify


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
