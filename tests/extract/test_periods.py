import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.extract.periods import (
    ReportPeriod,
    add_months,
    find_report_period,
    from_serial,
    month_diff,
    parse_fy,
    parse_month,
    parse_period,
    parse_quarter,
    respelt_month,
    respelt_quarter,
    respelt_quarter_code,
)
from scorekit.extract.vocabulary import VOCABULARY

dates = st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2059, 12, 28))


@given(dates, st.sampled_from(["%b-%y", "%b %y", "%B %Y", "%b-%Y", "%Y-%m-%d", "%d/%m/%Y", "%b'%y"]))
def test_month_labels_in_every_printed_form(d, fmt):
    assert parse_month(d.strftime(fmt)) == f"{d.year:04d}-{d.month:02d}"


_DIGIT_LOOKS = {"0": "O", "1": "l", "5": "S", "6": "G", "8": "B", "2": "Z"}
LOOKALIKES = {v: k for k, v in _DIGIT_LOOKS.items()}


@given(dates, st.sampled_from(["%b-%y", "%b %y", "%B %Y", "%b%y", "%b %Y"]), st.integers(0, 3))
def test_a_month_whose_year_ocr_read_as_letters_reads_again(d, fmt, k):
    """One year digit read as its lookalike letter (`Jull6`): the month comes back, the same one;
    a label that parses is left alone."""
    printed = d.strftime(fmt)
    assert respelt_month(printed, LOOKALIKES) is None
    year_at = len(printed) - (4 if fmt.endswith("%Y") else 2)
    digits = [i for i in range(year_at, len(printed)) if printed[i] in _DIGIT_LOOKS]
    if not digits or len(digits) == len(printed) - year_at:
        return
    i = digits[k % len(digits)]
    misread = printed[:i] + _DIGIT_LOOKS[printed[i]] + printed[i + 1 :]
    assert parse_month(respelt_month(misread, LOOKALIKES) or "") == f"{d.year:04d}-{d.month:02d}"


@pytest.mark.parametrize("text", ["Mayor", "Marsh", "June IS", "Decide", "Jul 16"])
def test_words_and_good_labels_are_not_respelt(text):
    assert respelt_month(text, LOOKALIKES) is None


QUARTER_LOOKALIKES = {"Q": "0", "O": "0", "o": "0", "D": "0", "S": "5"}


@given(
    st.integers(2000, 2040),
    st.integers(1, 4),
    st.sampled_from(["0", "O", "o", "D"]),
    st.sampled_from(["/", "-"]),
    st.booleans(),
)
def test_a_quarter_whose_q_ocr_read_as_its_lookalike_reads_again(year, q, seen, sep, fy_first):
    """`2020/21 02`: the `Q` read as a character that stands for the same digit; the year and the
    code alone, in either order."""
    fy = f"{year}{sep}{(year + 1) % 100:02d}"
    printed = f"{fy} Q{q}" if fy_first else f"Q{q} {fy}"
    assert respelt_quarter(printed, QUARTER_LOOKALIKES) is None
    misread = printed.replace(f"Q{q}", f"{seen}{q}")
    assert parse_quarter(respelt_quarter(misread, QUARTER_LOOKALIKES) or "") == f"FY{year}/{(year + 1) % 100:02d}-Q{q}"


@pytest.mark.parametrize(
    "text", ["2020/21 05", "2020/21 S2", "2020/21 12", "Target 02", "2020/21 02 actual", "2020/22 02"]
)
def test_other_codes_beside_a_year_are_not_quarters(text):
    assert respelt_quarter(text, QUARTER_LOOKALIKES) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ql", "Q1"),
        ("QI", "Q1"),
        ("Q|", "Q1"),
        ("Qt", "Q1"),
        ("QZ", "Q2"),
        ("Q3", None),
        ("QS", None),
        ("Qa", None),
        ("Ql 2019", None),
    ],
)
def test_a_quarters_code_whose_digit_ocr_read_as_a_letter_reads_again(text, code):
    """`Ql` under a band of its year: the digit read as its lookalike (data); a code that would
    name no quarter (`QS` is `Q5`), a code read right, or more than the code stays as read."""
    assert respelt_quarter_code(text, VOCABULARY.lookalikes) == code


@given(dates)
def test_excel_serials_only_where_allowed(d):
    serial = (d - dt.date(1899, 12, 30)).days
    assert parse_month(str(serial), allow_serial=True) == f"{d.year:04d}-{d.month:02d}"
    assert parse_month(str(serial)) is None


def test_serial_44865_is_october_2022():
    assert from_serial(44865) == "2022-10"
    assert parse_month("44865", allow_serial=True) == "2022-10"
    assert from_serial(12345) is None


@given(
    st.integers(min_value=1990, max_value=2058),
    st.sampled_from(["{a}/{b2}", "{a}-{b2}", "{a2}-{b2}", "FY{a}/{b2}", "{a2}/{b2}"]),
)
def test_financial_years(a, form):
    text = form.format(a=a, a2=f"{a % 100:02d}", b2=f"{(a + 1) % 100:02d}")
    assert parse_fy(text) == f"FY{a}/{(a + 1) % 100:02d}"


@given(st.integers(min_value=1990, max_value=2058), st.integers(min_value=2, max_value=9))
def test_non_consecutive_years_are_not_a_financial_year(a, gap):
    assert parse_fy(f"{a}/{(a + gap) % 100:02d}") is None


def test_quarters_need_a_year_from_label_or_report():
    report = ReportPeriod(2014, 9)
    assert parse_quarter("Latest Result (Q2)", report) == "FY2014/15-Q2"
    assert parse_quarter("Q1", report) == "FY2014/15-Q1"
    assert parse_quarter("Q3 2013/14") == "FY2013/14-Q3"
    assert parse_quarter("Q1") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Early intervention Performance Framework Q2 2014/15", (2014, 9)),
        ("Commentary (Oct-20):", (2020, 10)),
        ("Children and Families Monthly Scorecard - August 2021", (2021, 8)),
    ],
)
def test_report_period_from_titles(text, expected):
    rp = find_report_period(text)
    assert (rp.year, rp.month) == expected


@given(
    st.integers(min_value=1995, max_value=2055),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=-60, max_value=60),
)
def test_month_arithmetic_round_trips(y, m, k):
    p = f"{y:04d}-{m:02d}"
    assert month_diff(add_months(p, k), p) == k


@given(st.text(max_size=40))
def test_parse_period_never_raises(text):
    result = parse_period(text, ReportPeriod(2020, 10), allow_serial=True)
    assert result is None or result[:2] in ("19", "20", "FY")


quarters = st.tuples(st.integers(1995, 2045), st.integers(1, 4))


def _fy(start: int, style: str) -> str:
    return {
        "slash": f"{start}/{(start + 1) % 100:02d}",
        "dash": f"{start}-{(start + 1) % 100:02d}",
        "short": f"{start % 100:02d}/{(start + 1) % 100:02d}",
        "fy": f"FY{start % 100:02d}/{(start + 1) % 100:02d}",
    }[style]


@given(
    quarters,
    st.sampled_from(["slash", "dash", "short", "fy"]),
    st.sampled_from(["Q{q} {fy}", "{fy} Q{q}", "Qtr {q} {fy}", "Quarter {q} {fy}"]),
)
def test_quarters_in_every_printed_form(q, fy_style, form):
    start, n = q
    label = form.format(q=n, fy=_fy(start, fy_style))
    assert parse_period(label) == f"FY{start}/{(start + 1) % 100:02d}-Q{n}", label


@given(quarters)
def test_a_quarter_printed_as_its_months(q):
    start, n = q
    first = dt.date(start + (1 if n == 4 else 0), (3 * n + 1) if n < 4 else 1, 1)
    last = dt.date(first.year, first.month + 2, 1)
    label = f"{first:%b}-{last:%b} {last:%Y}"
    assert parse_period(label) == f"FY{start}/{(start + 1) % 100:02d}-Q{n}", label


@given(dates, st.integers(0, 11))
def test_a_year_to_date_is_a_run_of_months(d, back):
    start = dt.date(d.year - (1 if d.month - back < 1 else 0), (d.month - back - 1) % 12 + 1, 1)
    label = f"Year to date ({start:%b}-{d:%b} {d:%Y})"
    assert parse_period(label) == f"{start:%Y-%m}/{d:%Y-%m}", label


@given(dates)
def test_month_slash_year(d):
    assert parse_month(f"{d.month:02d}/{d.year}") == f"{d.year:04d}-{d.month:02d}"


@given(st.integers(1990, 2059))
def test_a_plain_year_is_a_calendar_year(y):
    assert parse_period(str(y)) == str(y)


@given(st.integers(1995, 2045), st.integers(1, 12))
def test_a_month_under_a_financial_year_band(start, month):
    from scorekit.extract.periods import month_in_fy

    name = dt.date(2000, month, 1).strftime("%b")
    year = start if month >= 4 else start + 1
    assert month_in_fy(name, f"FY{start}/{(start + 1) % 100:02d}") == f"{year}-{month:02d}"


def test_a_figure_under_a_month_name_is_not_its_year():
    """A digit after a two-digit year is a footnote only where the year is joined to its month."""
    assert parse_month("Jan 120") is None and parse_month("Jan 412") is None
    assert parse_month("Sep-231") == "2023-09" and parse_month("Jan 23") == "2023-01"


def test_quote_marks_round_a_month_are_no_part_of_it():
    """OCR reads a band's edge beside a label as a quote mark (`“August 2024`)."""
    assert parse_month("“August 2024") == "2024-08"
    assert parse_month("'Aug 24'") == "2024-08"


@given(st.sampled_from(["Jan", "Oct", "November"]), st.integers(100, 9999))
def test_a_four_digit_figure_under_a_month_is_a_year_only_in_the_calendar_years_window(month, n):
    """`Oct` over `1074` (a thousand and seventy-four missed bins, its thin space lost) is a
    figure under its month, not October 1074: a header line completed by it ends in the body."""
    got = parse_month(f"{month} {n}")
    assert got is None if not 1980 <= n <= 2059 else got is not None and got.startswith(str(n))


def test_a_months_name_alone_is_its_number_and_no_other_word_is():
    from scorekit.extract.periods import month_name

    assert [month_name(t) for t in ["Jun", "Sept.", "July", "DEC"]] == [6, 9, 7, 12]
    assert [month_name(t) for t in ["Marketing", "Junk", "Jun-23", ""]] == [None, None, None, None]


def test_a_months_capital_read_twice_as_its_small_letter_too_is_the_month():
    """`% change from jJun-17` on a scan: unparsed, the change was taken for one from the month
    before, not from a year earlier."""
    assert parse_month("jJun-17") == "2017-06"
    assert parse_month("oOct 2020") == "2020-10"
    assert parse_month("jun-17") == "2017-06" and parse_month("JJun-17") is None
