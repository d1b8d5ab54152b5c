"""A header level's run of periods settles its garbled labels, and nothing else."""

from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.periodruns import settle_level
from scorekit.extract.periods import parse_period


def test_a_garbled_month_after_a_run_is_the_next_month():
    level = ["Ref", "Indicator", "Feb-16", "Mar-16", "Apr-16", "May-16", "Jjun-16"]
    assert settle_level(level)[-1] == "Jun 2016"
    assert settle_level(level)[:-1] == level[:-1]


def test_a_garbled_quarter_band_over_its_columns_is_the_next_quarter():
    q = ["Q2 2020/21"] * 3 + ["Q3 2020/21"] * 3 + ["Q4 2020/21"] * 3
    level = ["", "", *q, "Ql 2021/22", "Ql 2021/22"]
    assert settle_level(level) == ["", "", *q, "Q1 2021/22", "Q1 2021/22"]


def test_garbled_month_names_inside_a_run_round_the_year():
    level = ["Ref", "Indicator", "Dec", "Jan", "Feb", "Nar", "Ajpr", "Nay", "Jun", "jul", "Aug", "Step", "Oct"]
    got = settle_level([*level, "12 mth average", "Annual target"])
    assert got[2:13] == ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "jul", "Aug", "Sep", "Oct"]
    assert got[13:] == ["12 mth average", "Annual target"]


def test_a_descending_run_settles_downwards():
    assert settle_level(["Name", "Jun-23", "May-23", "Apr-23", "Nar-23"])[-1] == "Mar 2023"


def test_header_words_beside_a_run_stand():
    level = ["Indicator", "Jan", "Feb", "Mar", "Target", "Ta 2016/17", "RAG"]
    assert settle_level(level) == level


def test_no_run_of_three_settles_nothing():
    level = ["Indicator", "Jan-20", "Fcb-20", "Target"]
    assert settle_level(level) == level


LABELS = st.sampled_from(
    ["Jan-20", "Feb-20", "Mar-20", "Q1 2020/21", "Target", "RAG", "Ref", "", "Ajpr", "Nar-20", "12 mth avg", "Q3"]
)


@given(st.lists(LABELS, max_size=14))
def test_a_label_that_parses_is_never_changed(level):
    got = settle_level(level)
    assert len(got) == len(level)
    for before, after in zip(level, got, strict=True):
        if not before.strip() or parse_period(before):
            assert after == before
        elif after != before:
            assert parse_period(after) or after in {"Jan", "Feb", "Mar", "Apr", "May", "Jun"}


def test_a_target_beside_a_run_is_no_month_whatever_its_year():
    for level in (
        ["Indicator", "Target 2020/21", "Apr-20", "May-20", "Jun-20"],
        ["Indicator", "Oct-20", "Sep-20", "Aug-20", "Target 2020/21"],
        ["Indicator", "Target 23/24", "Apr-23", "May-23", "Jun-23"],
    ):
        assert settle_level(level) == level


def test_a_word_after_a_run_of_dated_months_is_another_column():
    """`DoT` reads a little like `Oct`, but the run prints its years and `DoT` has none."""
    level = ["Ref", "Indicator", "Target", "RAG", "2021-07", "2021-08", "2021-09", "DoT"]
    assert settle_level(level) == level


def test_a_month_spelt_right_takes_the_runs_year_however_its_digits_were_read():
    """`Aug 2929`: the month's name is the run's to the letter and its year as long as the run's;
    a name that is not (`Ww 2a20`, `Dcc 2929`) or a year of another length (`Jan 29292`) stands."""
    level = ["Ref", "Jun 2020", "Ww 2a20", "Aug 2929", "Sep 2920", "Oct 2020", "Nov 2020", "Dcc 2929", "Jan 29292"]
    got = settle_level(level)
    assert got == [
        "Ref",
        "Jun 2020",
        "Ww 2a20",
        "Aug 2020",
        "Sep 2020",
        "Oct 2020",
        "Nov 2020",
        "Dcc 2929",
        "Jan 29292",
    ]


def test_a_bare_month_name_in_a_run_of_dated_months_takes_the_runs_year():
    """`May` whose `22` a scan did not read, between `Jun22` and `Apr 22`: the run's May 2022.
    A name the run does not put there (`Sep` where May falls) stands."""
    level = ["Ref", "Jul22", "Jun22", "May", "Apr 22", "Mar 22"]
    assert settle_level(level) == ["Ref", "Jul22", "Jun22", "May 2022", "Apr 22", "Mar 22"]
    other = ["Ref", "Jul22", "Jun22", "Sep", "Apr 22", "Mar 22"]
    assert settle_level(other) == other


def test_a_letter_left_of_a_label_beside_a_run_is_the_runs_next_period():
    """`a` where a scan lost all but a letter of `Aug22`, before `Jul22` `Jun22` ...: the run's
    August; a letter that begins no name of the run's place (`N`), or two (`No`), stand."""
    level = ["National", "a", "Jul22", "Jun22", "May22", "Apr22"]
    assert settle_level(level)[1] == "Aug 2022"
    for other in ("N", "No"):
        assert settle_level(["National", other, "Jul22", "Jun22", "May22", "Apr22"])[1] == other


def test_a_label_both_a_month_and_a_financial_year_beside_years_is_the_year():
    """`2011-12` (December 2011, or 2011/12) before `2012-13`, `2013-14`: months do not stand in a
    run of financial years. Among months (`2011-11`, `2012-01`) it stays a month; alone, as read."""
    assert settle_level(["Code", "Area", "2011-12", "2012-13", "2013-14"])[2] == "2011/12"
    assert settle_level(["2010-11", "2011-12", "2012-13"])[:2] == ["2010/11", "2011/12"]
    assert settle_level(["Measure", "2011-11", "2011-12", "2012-01"])[2] == "2011-12"
    assert settle_level(["Measure", "2011-12", "Target"])[1] == "2011-12"
