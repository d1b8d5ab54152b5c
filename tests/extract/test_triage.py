"""Page triage: which pages may hold a table, judged from their text alone."""

from scorekit.extract.triage import triage_text


def test_a_page_holding_only_the_last_row_of_a_table_is_read():
    t = triage_text("Housing performance report - July 2020\nH-14 Number of households on 8,237 7,843 8,301 7,719")
    assert t.candidate and "continued" in t.reason


def test_prose_with_a_few_numbers_is_not():
    t = triage_text("The panel met on 4 May 2023 to discuss the report and agreed its 3 recommendations by 2024.")
    assert not t.candidate
