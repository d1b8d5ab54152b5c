"""A column of OCR'd references repaired by what the column itself says: the other references'
prefixes, separators, number widths and sequence, and the lookalikes of the vocabulary."""

from hypothesis import example, given
from hypothesis import strategies as st

from scorekit.extract.refcolumn import SURE, RefCell, RefMemory, RefParts, parse_ref, repair_column
from scorekit.extract.vocabulary import VOCABULARY

LOOK = VOCABULARY.lookalikes


def repair(column, memory=None, look=LOOK, conf=0.5):
    """The column as an unsure engine read it."""
    return repair_column([RefCell(t, conf) for t in column], look, memory)


def texts(column, memory=None, look=LOOK):
    return [r.text for r in repair(column, memory, look)]


def doubtful(column, memory=None):
    return [r.text for r in repair(column, memory) if r.doubtful]


def test_the_lookalikes_are_data():
    assert LOOK["O"] == "0" and LOOK["S"] == "5" and LOOK["l"] == "1" and LOOK["B"] == "8"


def test_a_letter_o_before_the_digits_is_a_zero_where_the_column_pads_its_numbers():
    column = ["KPO1", "KP02", "KP03", "KP04", "KPO5", "KP06", "KPO7", "KPO8", "KPO9", "KP10", "KP11"]
    assert texts(column) == [f"KP{n:02d}" for n in range(1, 12)]


def test_a_zero_read_twice_before_the_padded_number_is_one_zero():
    """`ABCO03` beside `ABC02`: `ABC003` would be three digits where the column prints two, but
    `03` has the column's width and opens with the zero the `O` stands for: one glyph read as two
    characters. Read so in most rows (`ENVO06`..`ENVO08`), it still yields to the printed width."""
    assert texts(["ABC02", "ABCO03", "ABC07", "ABCO05", "ABC11"]) == ["ABC02", "ABC03", "ABC07", "ABC05", "ABC11"]
    column = ["ENV0O5", "ENVO06", "ENVO07", "ENVO08", "ENV09"]
    assert texts(column) == [f"ENV{n:02d}" for n in range(5, 10)]


def test_a_padding_zero_read_twice_leaves_the_count_its_width():
    """`R&B006` between `R&B04` and `R&BOS`, `R&BO7`, `R&B08`: the doubled zero made the two
    neighbours disagree on the width, so the count implied `R&B5`, `R&B6`, `R&B7`, references
    never printed, each row's values filed under one."""
    column = ["R&B04", "R&BOS", "R&B006", "R&BO7", "R&B08"]
    assert texts(column) == [f"R&B{n:02d}" for n in range(4, 9)]


def test_the_zero_merge_needs_the_padded_width():
    """`ABCO103`: neither `0103` nor `103` has the column's two digits, so the reading is not
    repaired; its prefix is the column's but for a lookalike, so it is doubtful."""
    column = ["ABC02", "ABCO103", "ABC07", "ABC11"]
    assert texts(column) == column
    assert doubtful(column) == ["ABCO103"]


def test_a_prefix_a_letter_off_the_count_takes_the_reference_its_place_implies():
    """`ABCO03` between `ABC02` and `ABC04`, `O05` and `HO06` among `H` references: the column
    counts one a row and each reading ends in the number its place implies."""
    assert texts(["ABC02", "ABCO03", "ABC04", "ABCO05", "ABC06"]) == ["ABC02", "ABC03", "ABC04", "ABC05", "ABC06"]
    column = ["H03", "H04", "O05", "HO06", "H07", "H08", "HO09", "H10"]
    assert texts(column, look={}) == [f"H{n:02d}" for n in range(3, 11)]
    assert texts(["M4", "M5", "EH6", "M7", "EH1", "EH2"]) == ["M4", "M5", "EH6", "M7", "EH1", "EH2"]


def test_a_prefix_of_its_own_stands_when_no_lookalike_explains_it():
    column = ["AB1", "AB2", "NX147", "AB3", "YO2"]
    got = repair(column)
    assert [r.text for r in got] == column
    assert not any(r.doubtful for r in got)


def test_a_column_of_letter_o_prefixes_alone_is_not_guessed_at():
    column = ["KPO1", "KPO2", "KPO3", "KPO4"]
    assert texts(column) == column


def test_a_reference_with_its_digit_read_as_a_letter_takes_the_number_the_sequence_implies():
    assert texts(["Q4", "QS", "Q6"]) == ["Q4", "Q5", "Q6"]
    assert texts(["Xi", "X2", "X3"]) == ["X1", "X2", "X3"]
    assert texts(["TU1a", "TUlb", "TU2"]) == ["TU1a", "TU1b", "TU2"]


def test_letters_read_for_digits_are_repaired_to_the_padded_scheme():
    column = ["KP01", "KP02", "KPO3", "KPOS", "KP06", "KP07"]
    assert texts(column) == ["KP01", "KP02", "KP03", "KP05", "KP06", "KP07"]


def test_a_digitless_reading_nothing_settles_is_doubtful_not_invented():
    column = ["AB1", "AB2", "ZQS (val)", "CD7", "CD8", "AB9"]
    got = repair(column)
    assert [r.text for r in got] == column
    assert [r.doubtful for r in got] == [False, False, True, False, False, False]


def test_a_digitless_repair_against_the_sequence_is_doubtful():
    """`ABS` as `AB5` between `AB9` and `AB10` breaks the run: held back, not written."""
    got = repair(["AB8", "AB9", "ABS", "AB10"])
    assert [r.text for r in got] == ["AB8", "AB9", "ABS", "AB10"]
    assert [r.doubtful for r in got] == [False, False, True, False]


def test_a_sure_reading_nothing_settles_stands_as_printed():
    """A reference without digits is printed too: an engine sure of it is believed."""
    got = repair(["AB2", "AB3", "ABI (val)", "ABI-QL", "CD1"], conf=SURE)
    assert [r.text for r in got] == ["AB2", "AB3", "ABI (val)", "ABI-QL", "CD1"]
    assert not any(r.doubtful for r in got)
    assert doubtful(["AB2", "AB3", "ABI (val)", "ABI-QL", "CD1"]) == ["ABI (val)", "ABI-QL"]


def test_a_sure_reading_a_lookalike_makes_the_columns_is_lone_until_witnessed():
    """`MS` among `CP1`, `CP2`, in a column printing `M1`..`M8`, is `M5` misread or printed so:
    the engine's sureness is all it stands on. A sibling sharing its stem in the column, or no
    lookalike making it a printed reference (`ZQS`), and it stands; the document's stems are
    counted for its witness."""
    memory = RefMemory()
    got = repair(["M1", "M2", "M3", "M8", "CP1", "MS", "CP2"], memory, conf=SURE)
    assert [(r.text, r.doubtful, r.lone) for r in got if r.lone] == [("MS", False, True)]
    assert not memory.witnessed("MS")
    repair(["M5-QL", "CP3"], memory, conf=SURE)
    assert not memory.witnessed("MS")  # the letter a digit's misreading would make differs
    repair(["NS (val)", "LACS", "CP4", "CP5"], memory, conf=0.5)
    assert not memory.witnessed("MS")  # two letters agreeing in one are chance
    assert memory.witnessed("LAGS (%)")  # the stem again, one other letter misread
    assert not any(r.lone for r in repair(["M1", "M2", "MS (val)", "MS-QL", "M8"], conf=SURE))
    assert not any(r.lone for r in repair(["KP01", "KP02", "ZQS", "KP04"], conf=SURE))


def test_an_unsure_qualifier_without_its_reference_is_doubtful():
    """`CP1-NI` read `-NI`: the stem was lost, and no column is so broken that a tail alone is
    a reference; a sure one stands, as any sure reading does."""
    column = ["EHI (val)", "EHIL-QL", "CP1", "-NI", "CP6B-NI", "CP2-NI", "CP4 (val)", "CP2b"]
    assert doubtful(column) == ["-NI"]
    assert not any(r.doubtful for r in repair(["CP1", "(val)", "CP2"], conf=SURE))


def test_a_sure_sibling_vouches_for_an_unsure_reading():
    confs = [0.9, 0.9, SURE, 0.5, 0.9]
    column = ["AB2", "AB3", "ABI (val)", "ABI-QL", "CD1"]
    got = repair_column([RefCell(t, c) for t, c in zip(column, confs, strict=True)], LOOK)
    assert [r.text for r in got] == column
    assert not any(r.doubtful for r in got)
    confs = [0.9, 0.9, 0.5, 0.5, 0.9]  # two unsure readings agreeing vouch for nothing
    got = repair_column([RefCell(t, c) for t, c in zip(column, confs, strict=True)], LOOK)
    assert [r.doubtful for r in got] == [False, False, True, True, False]


def test_words_without_digits_in_a_column_of_words_are_left_alone():
    column = ["Total", "Other", "North", "South"]
    got = repair(column)
    assert [r.text for r in got] == column
    assert not any(r.doubtful for r in got)


def test_without_the_lookalike_or_a_count_the_reading_stays_doubtful():
    look = {k: v for k, v in LOOK.items() if k != "S"}
    got = repair(["Q4", "QS", "Q9"], look=look)
    assert [r.text for r in got] == ["Q4", "QS", "Q9"]
    assert [r.doubtful for r in got] == [False, True, False]


def test_a_reading_whose_number_left_no_digit_takes_the_number_its_place_implies():
    """`RB)`, `RB?` and `RBM` where the column counts `RB1`..`RB12` one a row: the prefix is
    read, the number is not, and the count around each says it. Rows with no reference (a
    wrapped label's line read as a row) take no number in the count."""
    column = ["RB1", "RB2", "RB)", "", "RB4", "RB5", "RB?", "RB7", "RBM", "RB9"]
    got = repair(column)
    assert [r.text for r in got] == ["RB1", "RB2", "RB3", "", "RB4", "RB5", "RB6", "RB7", "RB8", "RB9"]
    assert not any(r.doubtful for r in got)


def test_a_lookalike_that_makes_another_rows_reference_yields_to_the_count():
    """`RBS` read as `RB5` where the count implies `RB4`, and a sure `RB5` stands below."""
    cells = [RefCell("RB2", 0.9), RefCell("RB3", 0.9), RefCell("RBS", 0.5), RefCell("RBS", 0.95), RefCell("RB6", 0.9)]
    assert [r.text for r in repair_column(cells, LOOK)] == ["RB2", "RB3", "RB4", "RB5", "RB6"]


def test_a_sure_reading_or_one_that_prints_a_digit_is_not_renumbered_by_its_place():
    sure = repair_column([RefCell(t, 0.95) for t in ["RB1", "RB2", "RBX", "RB4"]], LOOK)
    assert [r.text for r in sure][2] == "RBX"
    assert texts(["RB1", "RB2", "RB7x", "RB4"])[2] != "RB3"


def test_a_separator_lost_is_the_one_the_prefix_prints_elsewhere():
    assert texts(["H11", "H 12", "H 13"]) == ["H 11", "H 12", "H 13"]
    assert texts(["H11", "H 12"]) == ["H11", "H 12"]  # one other reading is no rule


def test_a_separator_lost_twice_is_the_one_nearly_all_the_prefix_prints():
    column = ["SP01", *(f"SP {n:02d}" for n in range(2, 8)), "SP08", "SP 09"]
    assert texts(column) == [f"SP {n:02d}" for n in range(1, 10)]
    assert texts(["H11", "H12", "H13", "H 14"]) == ["H11", "H12", "H13", "H14"]  # one space among none: a speck


def test_a_column_split_between_a_space_and_none_prints_the_space():
    """OCR loses a narrow space more often than it reads one into letters set close."""
    assert texts(["H11", "H12", "H 13", "H 14"]) == ["H 11", "H 12", "H 13", "H 14"]
    column = ["AS04", "AS05", "AS 06", "07", "AS 08", "09", "AS 10", "AS11", "12"]
    assert texts(column) == [f"AS {n:02d}" for n in range(4, 13)]


def test_a_column_split_between_a_space_and_none_takes_the_separator_a_table_before_printed():
    """One document prints one scheme: a page that printed `ASCOF1`..`ASCOF7` settles the next
    page's `ASCOF8`, `ASCOF 10`.. `ASCOF 14` (a narrow gap before a `1` read as a space), which
    alone would print the space."""
    memory = RefMemory()
    assert texts([f"ASCOF{n}" for n in range(1, 8)], memory) == [f"ASCOF{n}" for n in range(1, 8)]
    column = ["ASCOF8", "ASCOF9", *(f"ASCOF {n}" for n in range(10, 15)), "ASCOF15"]
    assert texts(column, memory) == [f"ASCOF{n}" for n in range(8, 16)]
    assert texts(column) == [f"ASCOF {n}" for n in range(8, 16)]  # without the page before
    assert texts(["ASCOF 16"], memory) == ["ASCOF16"]  # one unsure reading on a page of its own


def test_a_sure_reading_keeps_its_separator_against_the_tables_before():
    memory = RefMemory()
    texts(["H1", "H2", "H3"], memory)
    assert [r.text for r in repair(["H 4", "H 5"], memory, conf=SURE)] == ["H 4", "H 5"]


def test_a_printed_prefix_with_a_digits_lookalike_run_on_is_doubtful_however_sure():
    """`LACI2 (val)` among `LAC7-QL`, `LAC10-QL`: `LAC12`, or a reference whose number lost more;
    numbered naturally, nothing settles which, and the engine is as sure of a misread `1` as of
    a printed letter."""
    memory = RefMemory()
    repair(["LAC1", "LAC2", "LAC3"], memory, conf=SURE)
    column = ["LACI2 (val)", "LACI2 (%)", "LAC7-QL", "LACI0 (%)", "LAC10-QL", "LACI4", "LAC9 (val)"]
    got = repair(column, memory, conf=0.96)
    assert [r.text for r in got if r.doubtful] == ["LACI2 (val)", "LACI2 (%)", "LACI0 (%)", "LACI4"]
    # a prefix no row prints without the letter, or one set apart from its number, stands, and
    # so does the prefix most rows print: `PC5` is `PCS11` misread, not `PCS1`.. `PC` and a `5`
    assert doubtful(["PCS 08", "PCS 09", "PC5"]) == []
    assert [r.text for r in repair([f"PCS{n}" for n in range(1, 11)] + ["PC5"], conf=0.96) if r.doubtful] == []
    assert doubtful(["YO2", "FM011", "FM012"]) == []


def test_a_mixed_case_prefix_no_repair_explains_is_doubtful_however_sure():
    """`cPr2` among `CP4`, `CP3-QL`: a speck read as `r`; no publisher prints a prefix in mixed
    case, and the engine was sure of it."""
    got = repair(["CP1", "cPr2", "CP4", "CP3-QL"], conf=0.96)
    assert [r.text for r in got if r.doubtful] == ["cPr2"]
    # a small letter shaped as its capital is its size misjudged, not a misread
    assert [r.doubtful for r in repair(["FM011", "Yo2", "FM012"], conf=0.96)] == [False, False, False]


def test_no_count_runs_across_a_reference_and_its_qualified_sibling():
    """`LAC11-QL` and `LAC16` stand five rows apart, but `LAC11-QL (%)` between them takes no step:
    the column does not count one a row there, and `Lace` (`LAC9` misread) is not `LAC15`."""
    column = ["LAC13", "LAC14", "LAC11-QL", "LAC11-QL (%)", "NI147", "LAC? (val)", "Lace", "LAC16", "EH1c"]
    got = repair(column)
    assert "LAC15" not in [r.text for r in got]
    assert texts(["LAC11", "LAC12", "Lace", "LAC14"]) == ["LAC11", "LAC12", "LAC13", "LAC14"]  # counting


def test_a_prefix_read_in_the_wrong_case_takes_the_columns():
    assert texts(["CP1", "cP2", "CP3"]) == ["CP1", "CP2", "CP3"]
    # the case most of the column prints, however the set of prefixes happens to be ordered
    assert texts(["CPi", "CP1-NI", "CP6B", "cP2", "CP2-NI"]) == ["CP1", "CP1-NI", "CP6B", "CP2", "CP2-NI"]
    # wherever it stands: its number need not be next to a neighbour's
    assert texts(["EH3", "EH3a%", "CP2", "Cp4"]) == ["EH3", "EH3a%", "CP2", "CP4"]
    assert doubtful(["EH3", "EH3a%", "CP2", "Cp4"]) == []
    # a letter read twice, once in the other case
    assert texts(["CP1", "CP1-NI", "CcP2", "CP2-NI"]) == ["CP1", "CP1-NI", "CP2", "CP2-NI"]
    # a letter read as another, in the other case, where one printed prefix is then meant
    assert texts(["LAC10-QL", "LAC14", "tAC11-QL", "LAC11-QL (%)"])[2] == "LAC11-QL"
    assert texts(["CP1", "Cp2", "EP3"])[1] == "Cp2"  # two letters: which one is odd is unsure


def test_a_capital_read_twice_on_many_rows_is_one_capital():
    """A wide `W` read `Ww` on every other row: its mixed-case prefix is printed more than once,
    yet no publisher prints it, and the column prints `W` in one case."""
    column = ["W03", "Ww04", "W05", "Ww06", "W07", "Ww08", "W10", "Ww12"]
    assert texts(column) == ["W03", "W04", "W05", "W06", "W07", "W08", "W10", "W12"]


def test_a_lost_prefix_comes_back_where_the_run_of_numbers_implies_it():
    column = ["01", "02", "03", "AS 04", "05"]
    assert texts(column) == ["AS 01", "AS 02", "AS 03", "AS 04", "AS 05"]


def test_bare_numbers_alone_are_printed_so():
    assert texts(["01", "02", "03"]) == ["01", "02", "03"]


def test_bare_numbers_out_of_the_prefixed_run_keep_no_prefix():
    column = ["07", "02", "AS 03", "01"]
    assert texts(column) == column


def test_the_next_table_continues_a_lost_prefix_from_memory():
    memory = RefMemory()
    assert texts(["01", "02", "AS 03"], memory) == ["AS 01", "AS 02", "AS 03"]
    assert texts(["04", "05"], memory) == ["AS 04", "AS 05"]


def test_memory_gives_the_padded_scheme_to_the_next_table():
    memory = RefMemory()
    texts(["KP01", "KP02", "KP03"], memory)
    assert texts(["KPO4", "KP05"], memory) == ["KP04", "KP05"]


def test_empty_readings_pass_through():
    got = repair(["", "AB1", "", "AB2"])
    assert [r.text for r in got] == ["", "AB1", "", "AB2"]
    assert not any(r.doubtful for r in got)


prefixes = st.text(alphabet="ABCDEFGHJKMNPRTUVWXY&", min_size=1, max_size=4).filter(lambda p: p[0] != "&")
tails = st.sampled_from(["", "a", "b%", "-NI", " (val)", "%", "-QL (%)"])


@given(prefixes, st.sampled_from(["", " ", "-"]), st.integers(0, 999).map(str), tails)
def test_parse_ref_reads_back_what_it_is_given(prefix, sep, number, tail):
    parts = RefParts(prefix, sep, number, tail)
    assert parse_ref(parts.text) == parts


@given(prefixes, st.sampled_from(["", " ", "-"]), st.integers(1, 4), st.integers(2, 12))
def test_a_clean_column_is_left_as_printed(prefix, sep, width, n):
    column = [f"{prefix}{sep}{k:0{width}d}" for k in range(1, n + 1)]
    got = repair(column)
    assert [r.text for r in got] == column
    assert not any(r.doubtful for r in got)


@given(
    st.lists(st.sampled_from(["KP01", "KPO2", "KPOS", "KP04", "Q4", "QS", "01", "AS 02", "H 1", "H2", ""]), max_size=8)
)
@example(["QS", "KP01", "QS", "Q4", "QS"])  # a row the count repairs implies the row above it
def test_repair_is_idempotent(column):
    once = texts(column)
    assert texts(once) == once


def test_a_reading_without_the_prefix_takes_the_reference_the_count_implies_at_its_place():
    """`H-1` read `11` (prefix lost, dash read as a one), `H-11` read `#11`, `H-12` read `4-12`:
    the column counts up one a row around each, and each reading ends in the number implied."""
    column = ["11", "H-2", "H-3", "H-10", "#11", "4-12", "H-13"]
    column[3:3] = [f"H-{n}" for n in range(4, 10)]
    assert texts(column) == [f"H-{n}" for n in range(1, 14)]
    assert doubtful(column) == []


def test_a_reading_that_does_not_end_in_the_implied_number_is_not_renumbered():
    column = ["H-1", "H-2", "#17", "H-4", "H-5"]
    assert texts(column)[2] == "#17"


def test_the_count_must_run_one_a_row_on_both_sides():
    """`H-2`, `H-5` around a reading: the rows between are not numbered in turn, so nothing is implied."""
    column = ["H-1", "H-2", "#3", "H-5", "H-6"]
    assert texts(column)[2] == "#3"


def test_one_misread_width_does_not_unsettle_the_columns_padded_scheme():
    """`HO1`, `HO5` beside `H02`..`H12` are zeros, though one reading (`H009`, a speck read as a
    digit) prints three digits; that reading breaks the scheme, and between `H08` and `H10` it
    ends in the number its place implies."""
    column = ["HO1", "H02", "H03", "H04", "HO5", "H06", "H08", "H009", "H10", "H11", "H12"]
    assert texts(column)[:5] == ["H01", "H02", "H03", "H04", "H05"]
    assert texts(column)[7] == "H09" and doubtful(column) == []


def test_three_rows_misread_in_a_row_take_the_count_from_beyond_them():
    """A smudge over three rows (`REVO6`, `REV0O7`, `REVO8`, alike enough that their broken
    prefix looks printed): the rows on either side count one a row across them."""
    column = ["REV01", "REV02", "REV03", "REV04", "REV05", "REVO06", "REV0O7", "REVO08", "REV09", "REV10"]
    assert texts(column) == [f"REV{n:02d}" for n in range(1, 11)]
    assert doubtful(column) == []


def test_misreads_alike_do_not_imply_their_own_prefix():
    """`ABX` above and below a reading print a prefix twice, but the count across them is the
    column's `AB`; a reading of `AB` with a broken number between them is left doubtful."""
    column = ["AB1", "AB2", "AB3", "ABX4", "AB05", "ABX6", "AB9", "AB10"]
    assert texts(column)[4] == "AB05"


def test_a_padded_first_number_over_a_count_of_two_digits_stands():
    """`AS09` over `AS10`..`AS13`: the column may pad to two digits or count up naturally; the
    reading prints two digits as its neighbours do, so it stands."""
    column = ["AS09", "AS10", "AS11", "AS12", "AS13"]
    assert texts(column) == column


def test_a_one_read_as_a_capital_l_after_the_prefix_is_the_digit_its_neighbours_imply():
    assert texts(["CP7", "LAC1", "LACL-NI", "LAC2", "LAC3"]) == ["CP7", "LAC1", "LAC1-NI", "LAC2", "LAC3"]


def test_a_misread_neighbour_s_prefix_does_not_stand_against_the_column_s_own():
    """`wil` over `wi2` at the foot of W1..W10: `wi2` makes `wi` look printed, so `wil` fits as
    `wi1` as well as `W11`; the column prints `W` ten times, and both are W references."""
    column = ["wi", "W2", "W3", "w4", "W5", "W6", "W7", "W8", "W9", "W10", "wil", "wi2"]
    assert texts(column)[-2:] == ["W11", "W12"]


def test_a_split_between_a_space_and_none_follows_the_readings_the_engine_was_sure_of():
    """A wide `1` after the prefix read as a space (`LAC 12`), in unsure readings: the sure
    readings print none, so neither the space nor its absence is spread the other way."""
    column = [("LAC2", 0.9), ("LAC3", 0.85), ("LAC6 (val)", 0.9), ("LAC6 (%)", 0.92)]
    column += [("LAC 12 (val)", 0.75), ("LAC 12 (%)", 0.59), ("LAC7-QL", 0.89)]
    got = [r.text for r in repair_column([RefCell(t, c) for t, c in column], LOOK)]
    assert got == ["LAC2", "LAC3", "LAC6 (val)", "LAC6 (%)", "LAC12 (val)", "LAC12 (%)", "LAC7-QL"]
    sure_spaced = [("AS04", 0.5), ("AS 05", 0.9), ("AS06", 0.5), ("AS 07", 0.9)]
    got = [r.text for r in repair_column([RefCell(t, c) for t, c in sure_spaced], LOOK)]
    assert got == ["AS 04", "AS 05", "AS 06", "AS 07"]


def test_a_six_read_as_an_e_in_the_number_is_a_six():
    """`LACE (val)` between `LAC5` and `LAC7`: a low-resolution `6` read as an `E`."""
    assert texts(["LAC5", "LACE (val)", "LAC7"]) == ["LAC5", "LAC6 (val)", "LAC7"]


def test_a_zero_read_as_a_letter_joins_a_prefix_printed_with_a_space():
    """`HO4` (the space lost, the zero read `O`) among `H06` and `H 13`: the prefix is `H`, its
    numbers two digits wide, and the space the column prints is put back."""
    column = ["HO4", "H06", "HO8", "HO9", "H 13", "H 14"]
    assert texts(column) == ["H 04", "H 06", "H 08", "H 09", "H 13", "H 14"]


def test_a_reading_between_two_of_its_prefix_that_count_up_takes_the_number_between():
    """`LACE (vel)` and `LACE (%)` between `LAC3` and `LAC12`: no neighbour is one off, but the
    one variant lies between them; one that does not (`LACS` below `LAC9`) is left doubtful."""
    column = ["LAC2", "LAC3", "LACE (vel)", "LACE (%)", "LAC12 (vel)", "LAC12 (%)"]
    assert texts(column) == ["LAC2", "LAC3", "LAC6 (vel)", "LAC6 (%)", "LAC12 (vel)", "LAC12 (%)"]
    assert doubtful(["LAC9", "LAC10", "LACS (val)", "LAC12"]) == ["LACS (val)"]


def test_a_tail_others_print_with_a_character_more_holds_a_speck():
    column = ["LAC10 (%)", "LAC11-QL", "LAC11-QL (9%)", "LAC12 2 (vel)", "LAC13 (vel)", "LAC14 (%)", "LAC15 (vel)"]
    want = ["LAC10 (%)", "LAC11-QL", "LAC11-QL (%)", "LAC12 (vel)", "LAC13 (vel)", "LAC14 (%)", "LAC15 (vel)"]
    assert texts(column) == want
    assert texts(["EH3a%", "EH3b%", "EH3c%o", "EH3d%"]) == ["EH3a%", "EH3b%", "EH3c%", "EH3d%"]
    # a sibling's letter is no speck, nor a tail that only one other prints
    assert texts(["CP2", "CP2b", "CP3", "CP4"]) == ["CP2", "CP2b", "CP3", "CP4"]
    assert texts(["CP1-NI", "CP6B", "CP6B-NI", "CP2-NI"]) == ["CP1-NI", "CP6B", "CP6B-NI", "CP2-NI"]
    assert texts(["EH5-QL", "EH5-QLA", "EH6"]) == ["EH5-QL", "EH5-QLA", "EH6"]
    assert texts(["LAC12 2 (vel)", "LAC13 (vel)", "LAC14"]) == ["LAC12 2 (vel)", "LAC13 (vel)", "LAC14"]


def test_a_digit_followed_by_its_own_lookalike_is_one_glyph_read_twice():
    """`AS05s`, `EH1ic`: the last digit and its lookalike, one glyph read as two characters; a
    sibling the reading would then repeat (`EH1a` beside `EH1ia`) keeps it."""
    assert texts(["AS04", "AS05s", "AS06"]) == ["AS04", "AS05", "AS06"]
    assert texts(["EH1a", "EH1b", "EH1ic", "EH1d"]) == ["EH1a", "EH1b", "EH1c", "EH1d"]
    assert texts(["EH1a", "EH1ia"]) == ["EH1a", "EH1ia"]
    assert texts(["W09", "W10", "will", "W12"]) == ["W09", "W10", "W11", "W12"]  # `W11l` once settled


def test_a_lookalike_before_its_own_digit_inside_a_number_is_one_glyph_read_twice():
    """`LAC1O0 (%)` beside `LAC10-QL`: the `0` read as `O0`, the letter breaking the number; the
    number runs on past it where another row prints it so. A letter its next digit does not look
    like stays (`EH1a2`), and so does a sibling's letter read twice (`CP6B8-NI` under `CP6B`)."""
    assert texts(["LAC7-QL", "LAC1O0 (%)", "LAC10-QL", "LAC13"]) == ["LAC7-QL", "LAC10 (%)", "LAC10-QL", "LAC13"]
    assert texts(["AB14", "AB1S5 (%)", "AB15", "AB16"])[1] == "AB15 (%)"
    assert texts(["EH1a2", "EH1b"])[0] == "EH1a2"
    assert texts(["CP6B", "CP6B8-NI", "CP7"])[1] != "CP68-NI"


def test_a_stroke_after_the_number_the_count_implies_is_no_letter_however_sure():
    """`WR9I` between `WR8` and `WR10`: the cell's border read as a `1`'s lookalike after the
    number, sure or not. In a column whose rows print letters after their numbers, or where the
    count implies another number, the letter stays."""
    column = ["WR6", "WR7", "WR8", "WR9I", "WR10", "WR11"]
    for conf in (0.5, 0.95):
        assert [r.text for r in repair(column, conf=conf)][3] == "WR9"
    assert texts(["EH3", "EH3a", "EH4I", "EH5"])[2] == "EH4I"
    assert texts(["WR6", "WR7", "WR8", "WR3I", "WR10", "WR11"])[3] != "WR9"


def test_a_first_reading_of_lookalikes_alone_takes_the_count_below_it():
    """`wol` and `wo02` over `W03`, `W04`: the count implies `W01` and `W02`, which they read as
    once their last characters are taken for the digits they look like and the case put aside;
    a word standing there that merely ends in a lookalike is not renumbered."""
    assert texts(["wol", "wo02", "W03", "W04", "W05"]) == ["W01", "W02", "W03", "W04", "W05"]
    assert texts(["TOTAL", "H-2", "H-3", "H-4"])[0] == "TOTAL"


def test_a_lone_tail_two_others_print_but_for_a_lookalike_is_theirs():
    """`CP2-Nl` among `CP1-NI` and `CP6B-NI`; two tails each printed twice both stand."""
    assert texts(["CP1-NI", "CP2-Nl", "CP6B-NI"]) == ["CP1-NI", "CP2-NI", "CP6B-NI"]
    column = ["M8-QL", "M6-OL", "LAC7-QL", "LAC10-OL"]
    assert texts(column) == column
    sure = [RefCell(t, SURE) for t in ["CP1-QL", "EH5-OL", "LAC7-QL"]]
    assert [r.text for r in repair_column(sure, LOOK)] == ["CP1-QL", "EH5-OL", "LAC7-QL"]


def test_a_padding_zero_read_as_a_letter_on_every_row():
    """`ASCOFO1`..`ASCOFO8`, nothing printing `ASCOF`, and `ASCOFO04` showing the zero read twice:
    the zero that pads the numbers, read as a letter on every row. Without a reading that shows
    the zero (`KPO1`..), or where the run counts past nine, the prefixes stand."""
    column = ["ASCOFO1", "ASCOFO2", "ASCOFO3", "ASCOFO04", "ASCOFOS", "ASCOFO6"]
    assert texts(column) == [f"ASCOF{n:02d}" for n in range(1, 7)]
    assert texts(["APO8", "APO9", "APO10", "APO07"]) == ["APO8", "APO9", "APO10", "APO07"]


def test_a_siblings_qualifier_read_with_a_lookalike_is_the_sure_siblings():
    """A count and its percentage print one qualifier: `LAC11-OL (%)`, unsure, beside a sure
    `LAC11-QL` is `LAC11-QL (%)`. Sure of both, or of neither, both stand; another reference's
    qualifier decides nothing."""
    column = ["LAC10-NI", "LAC11-QL", "LAC11-OL (%)", "LAC12-OL"]
    confs = [0.95, 0.95, 0.4, 0.95]
    got = repair_column([RefCell(t, c) for t, c in zip(column, confs, strict=True)], LOOK)
    assert [r.text for r in got] == ["LAC10-NI", "LAC11-QL", "LAC11-QL (%)", "LAC12-OL"]
    assert [r.text for r in repair_column([RefCell(t, 0.95) for t in column], LOOK)] == column
    assert texts(["CP3-QL", "LAC11-QL", "LAC11-OL (%)"]) == ["CP3-QL", "LAC11-QL", "LAC11-OL (%)"]


def test_a_mark_read_for_a_references_first_capital_is_that_capital():
    """`$P2` among `SP1`, `SP3`: the vocabulary's `capitals` say `$` is an `S` misread; the
    engine's digits give the number, even with no neighbour of its prefix beside it."""
    capitals = VOCABULARY.ref_marks.capitals
    column = ["$P2", "SP7", "SP9", "SP12"]
    got = repair_column([RefCell(t, 0.5) for t in column], LOOK, None, capitals)
    assert [r.text for r in got] == ["SP2", "SP7", "SP9", "SP12"]
    assert repair_column([RefCell(t, 0.5) for t in column], LOOK)[0].text == "$P2"
    taken = repair_column([RefCell(t, 0.5) for t in ["$P9", "SP3", "SP9", "SP12"]], LOOK, None, capitals)
    assert taken[0].text == "$P9"


def test_a_prefix_takes_one_separator_decided_on_its_readings_as_read():
    """An engine that reads a space into some references (`SP 10`, unsure) and not into others
    (`SP9`, sure): the sure ones decide for the whole prefix, not the first repair."""
    column = [("SP7", 0.6), ("SP8", 0.6), ("SP9", 0.89), ("SP 10", 0.43), ("SP11", 0.7), ("SP 12", 0.56)]
    got = [r.text for r in repair_column([RefCell(t, c) for t, c in column], LOOK)]
    assert got == ["SP7", "SP8", "SP9", "SP10", "SP11", "SP12"]


def test_letters_ending_in_a_zeros_lookalike_before_padded_numbers_are_a_prefix():
    """`AAD01`..`AAD03`: every number two digits wide, none showing a lone digit, so the `D`
    is printed (hypothesis found `AA01` made of it)."""
    assert texts(["AAD01", "AAD02", "AAD03"]) == ["AAD01", "AAD02", "AAD03"]


def test_a_last_digit_read_as_a_lone_sibling_letter_is_the_digit_a_row_prints_the_stem_of():
    """`LAC1O (%)` beside `LAC10-QL`: an `O` would be the column's one sibling letter of its kind,
    and `LAC10` is printed. Sibling letters in a run (`CP2a`..`CP2c`), a sure reading, or a stem
    no row prints stay as read."""
    column = ["LAC1", "LAC1O (%)", "LAC10-QL", "LAC11", "EH3a", "EH3b"]
    assert texts(column)[1] == "LAC10 (%)"
    assert texts(["CP2O", "CP2a", "CP20", "CP2O-NI"])[0] == "CP2O"
    assert texts(["LAC1", "LAC1O (%)", "LAC11"])[1] == "LAC1O (%)"
    sure = repair_column([RefCell(t, SURE) for t in column], LOOK)
    assert sure[1].text == "LAC1O (%)"


def test_a_capital_beside_its_own_small_letter_is_one_capital_where_no_row_prints_it_once():
    """`Ww03`, `Wwo04`, `Wwo07`: every row reads the wide `W` twice, so no row shows the prefix in
    one case; no publisher mixes the cases of one letter. `WW` and `ww` are printed so."""
    assert texts(["Ww03", "Wwo04", "Wwo07"]) == ["W03", "W04", "W07"]
    assert texts(["CcP1", "CcP2", "CcP3"]) == ["CP1", "CP2", "CP3"]
    assert texts(["WW1", "WW2", "WW3"]) == ["WW1", "WW2", "WW3"]


def test_a_speck_after_a_number_that_no_other_row_prints_goes():
    """`W05_`: an underline's remnant read after the number; a tail other rows print stays."""
    got = repair_column([RefCell(t, 0.5) for t in ["W04", "W05_", "W06"]], LOOK, specks=VOCABULARY.edge_marks)
    assert [r.text for r in got] == ["W04", "W05", "W06"]
    got = repair_column([RefCell(t, 0.5) for t in ["W04_", "W05_", "W06"]], LOOK, specks=VOCABULARY.edge_marks)
    assert [r.text for r in got][:2] == ["W04_", "W05_"]


def test_a_table_continued_from_the_page_before_starts_next_to_where_that_one_ended():
    """`LACE (%)` heading a page whose table goes on from one that ended with `LAC6 (val)`: its
    neighbour above is that reference, and the sibling it stands beside is `LAC6 (%)`."""
    memory = RefMemory()
    repair(["LAC1", "LAC2", "LAC3", "LAC6 (val)"], memory)
    assert [r.text for r in repair(["LACE (%)", "LAC12 (val)", "LAC12 (%)"], memory)][0] == "LAC6 (%)"
    assert [r.text for r in repair(["LACE (%)", "LAC12 (val)", "LAC12 (%)"], RefMemory())][0] == "LACE (%)"


def test_a_hyphen_most_of_a_prefixs_readings_print_is_printed_in_all():
    """`WR-1`, `WR2`, `WR-3`, `WR4`: a thin hyphen the scan lost, where the sure readings split;
    a hyphen fewer readings print than go without it stays where it is read."""
    got = repair_column([RefCell(t, 0.9) for t in ["WR-1", "WR2", "WR-3", "WR4", "WR-5", "WR-6"]], LOOK)
    assert [r.text for r in got] == [f"WR-{n}" for n in range(1, 7)]
    few = ["WR1", "WR-2", "WR3", "WR4", "WR-5", "WR6"]
    assert [r.text for r in repair_column([RefCell(t, 0.9) for t in few], LOOK)] == few


def test_a_row_with_no_reading_leaves_the_count_unsure_unless_the_column_shows_how_it_counts():
    """`ABu` (its number lost) two rows under `AB8`, a row OCR read nothing on between: a section's
    row takes no number (`AB9`), a reference read as nothing takes one (`AB10`). Nothing says
    which, so nothing is implied and the reading stays doubtful. Where two readings counting
    across such a row show it (`AB6`, a blank, `AB8`: the blank took `AB7`), the count is
    taken; a column whose blank row takes no number (`AB6`, a blank, `AB7`) counts on the same."""
    got = repair(["AB5", "AB6", "AB7", "AB8", "", "ABu"])
    assert got[-1].text == "ABu" and got[-1].doubtful
    assert texts(["AB5", "AB6", "", "AB8", "AB9", "", "ABu"])[-1] == "AB11"
    assert texts(["AB5", "AB6", "", "AB7", "AB8", "", "ABu"])[-1] == "AB9"


def test_a_space_read_only_before_a_one_is_a_bearing_or_a_space_and_its_rows_are_doubtful():
    """`SP5`, `SP7`, `SP8` glued, `SP 10`..`SP 13` spaced, none sure: a `1`'s bearing is as wide
    as a space, so nothing settles whether the space is printed; the prefix's rows are withheld
    rather than filed under references the page may not print."""
    column = [("SP5", 0.46), ("SP7", 0.6), ("SP8", 0.73), ("SP 10", 0.43), ("SP 11", 0.3), ("SP 12", 0.31)]
    got = repair_column([RefCell(t, c) for t, c in column], LOOK)
    assert all(r.doubtful for r in got)
    # a space read before another digit, or by a sure reading, settles it as printed
    column = [("SP5", 0.46), ("SP 7", 0.6), ("SP8", 0.73), ("SP 10", 0.43), ("SP 11", 0.3), ("SP 12", 0.31)]
    got = repair_column([RefCell(t, c) for t, c in column], LOOK)
    assert [r.text for r in got] == ["SP 5", "SP 7", "SP 8", "SP 10", "SP 11", "SP 12"]
    assert not any(r.doubtful for r in got)
    column = [("SP5", 0.46), ("SP7", 0.6), ("SP8", 0.73), ("SP 10", 0.9), ("SP 11", 0.3), ("SP 12", 0.31)]
    assert not any(r.doubtful for r in repair_column([RefCell(t, c) for t, c in column], LOOK))


def test_a_row_read_as_nothing_where_the_count_implies_a_reference_is_doubtful():
    """`` above `REV02`, `REV03` (a faint first reference lost), or between `A2` and `A4`: its
    values would be filed under its name; a row the count runs past (`A1`, ``, `A2`: a row
    printed without a reference) or one whose number is not said (`AB0`) stands."""
    assert [r.doubtful for r in repair(["", "REV02", "REV03", "REV04"])] == [True, False, False, False]
    assert [r.doubtful for r in repair(["A1", "A2", "", "A4", "A5"])] == [False, False, True, False, False]
    assert not any(r.doubtful for r in repair(["A1", "", "A2", "A3"]))
    assert [r.text for r in repair(["", "REV02", "REV03"])] == ["", "REV02", "REV03"]


def test_a_reading_with_its_number_lost_beside_its_sibling_takes_the_siblings_number():
    """`XY (vel)` above `XY6 (%)`, `XYS (val)` above `XY5`: two rows of one reference print
    those tails in turn elsewhere in the column (`AB12 (vel)`, `AB12 (%)`; `CD4 (val)`, `CD4`)."""
    column = ["CD4 (val)", "CD4", "AB12 (vel)", "AB12 (%)", "XY3", "XY (vel)", "XY6 (%)", "ZZ1", "XYS (val)", "XY5"]
    got = repair(column)
    assert [r.text for r in got][5:] == ["XY6 (vel)", "XY6 (%)", "ZZ1", "XY5 (val)", "XY5"]
    assert not any(r.doubtful for r in got)


def test_a_letter_read_for_another_digit_than_the_siblings_settles_nothing():
    """`XYT-QL` under `XY12 (%)`: the `T` is a `7` misread, not the sibling's 12, whatever pairs of
    tails the column prints (`AB10 (%)`, `AB10-QL`)."""
    got = repair(["AB10 (%)", "AB10-QL", "XY12 (vel)", "XY12 (%)", "XYT-QL", "ZZ1"])
    assert got[4].text != "XY12-QL"


def test_a_pair_of_tails_a_table_before_printed_settles_the_next_tables_reading():
    memory = RefMemory()
    repair(["CD4 (val)", "CD4", "CD5"], memory)
    assert texts(["ZZ1", "XY (val)", "XY9"], memory) == ["ZZ1", "XY9 (val)", "XY9"]


def test_tails_the_column_never_prints_in_turn_settle_nothing():
    """`XY (all)` above `XY6 (%)`: no two rows of one reference print `(all)` then `(%)`; and a
    reading between two siblings that imply two numbers takes neither."""
    got = repair(["CD4 (val)", "CD4", "XY3", "XY (all)", "XY6 (%)"])
    assert got[3].text == "XY (all)"
    got = repair(["CD4 (val)", "CD4", "EF2", "EF2 (val)", "XY3", "XY (val)", "XY6"])
    assert got[5].text == "XY (val)"


def test_a_reference_read_twice_where_the_count_implies_one_no_row_prints_is_doubtful_however_sure():
    def sure_doubtful(column):
        return [k for k, r in enumerate(repair(column, conf=0.95)) if r.doubtful]

    assert sure_doubtful(["RBO3", "RBO4", "RBO5", "RBO6", "RBO7", "RBO5"]) == [5]  # the count says RBO8
    column = ["CS 05", "CS 06", "CS 07", "CS 0", "CS 0", "CS 10", "CS 11"]  # each lost its last digit
    assert sure_doubtful(column) == [3, 4]
    # one reference printed on two rows, where the count implies nothing else, stands
    assert sure_doubtful(["M1", "M2", "M3", "M2-NI", "M6-CL", "M6-CL (all)", "M6-CL", "M4", "M5"]) == []
    assert sure_doubtful(["AB1", "AB2", "AB3", "AB3", "AB4"]) == []
    # a qualified sibling printed again, where the count happens to imply `M5`, stands too
    assert sure_doubtful(["M1", "M2", "M3", "M2-NI", "M6-CL", "M6-CL (all)", "M6-CL"]) == []


def test_a_hyphen_read_on_two_rows_and_lost_on_more_leaves_the_prefix_doubtful():
    column = ["R&B4", "R&B-5", "R&B6", "R&B7", "R&B8", "R&B9", "R&B-10"]
    assert [r.doubtful for r in repair(column, conf=0.95)] == [True] * 7
    # a hyphen read as often as not is printed; a space read once is the rows' own business
    assert texts(["WR-1", "WR2", "WR-3", "WR4"]) == ["WR-1", "WR-2", "WR-3", "WR-4"]
    assert not any(r.doubtful for r in repair(["AB1", "AB2", "AB 3", "AB4", "AB5"], conf=0.95))


def test_a_speck_set_off_by_a_space_after_a_qualifier_is_no_part_of_the_reference():
    column = ["LAC1", "LAC1-NI _", "LAC2", "LAC3"]
    got = repair_column([RefCell(t, 0.95) for t in column], LOOK, None, {}, VOCABULARY.edge_marks)
    assert [r.text for r in got] == ["LAC1", "LAC1-NI", "LAC2", "LAC3"]
    kept = repair_column([RefCell(t, 0.95) for t in ["AB1 (val)", "AB2 (%)"]], LOOK, None, {}, VOCABULARY.edge_marks)
    assert [r.text for r in kept] == ["AB1 (val)", "AB2 (%)"]


def test_a_digit_lost_at_a_width_a_table_before_never_printed_is_the_count_s_number():
    """`HN 4` closing `HN 10`..`HN 13` on a page after `HN 01`..`HN 09`: numbers from 10 up say
    nothing of padding, the table before says two digits, and the count implies `HN 14`."""
    memory = RefMemory()
    repair([f"HN {n:02d}" for n in range(1, 10)], memory)
    column = ["HN 10", "HN 11", "HN 12", "HN 13", "HN 4"]
    assert texts(column, memory) == ["HN 10", "HN 11", "HN 12", "HN 13", "HN 14"]
    assert texts(column, RefMemory())[-1] == "HN 4"


def test_a_letter_after_a_digit_that_makes_a_stem_the_next_row_prints_is_that_digit_not_a_glyph_read_twice():
    """`LAC1L-QL` above `LAC11-QL(%)`: the `L` is the second `1` of the stem the next row prints,
    where no row prints `LAC1`; with `LAC1` printed and no `LAC11`, it is one `1` read twice."""
    assert texts(["LAC10-QL", "LAC1L-QL", "LAC11-QL(%)", "LAC16"])[1] == "LAC11-QL"
    assert texts(["LAC1", "LAC1l-QL", "LAC2"])[1] == "LAC1-QL"


def test_a_tail_two_others_print_with_a_glyph_more_lost_that_glyph():
    """`LAC1NI` (`1-` read as one `L`) among `CP1-NI`, `M2-NI`: the hyphen OCR lost; `LAC12 (val`
    among `(val)`s: the bracket at the cell's edge. One other is no scheme yet; a sibling of the
    reading's own reference printing the longer tail (`CP2b`, `CP2b%`) is another row."""
    column = ["M2", "M2-NI", "CP1", "CP1-NI", "LAC1", "LAC1NI", "LAC2"]
    assert texts(column)[5] == "LAC1-NI"
    assert texts(["M2", "M2-NI", "LAC1", "LAC1NI", "LAC2"])[3] == "LAC1NI"
    assert texts(["LAC6 (val)", "LAC6 (%)", "LAC12 (val", "LAC12 (%)", "LAC9 (val)"])[2] == "LAC12 (val)"
    assert texts(["EH3a%", "EH3b%", "CP2b", "CP2b%"])[2] == "CP2b"
    assert texts(["CP3-QL", "CP8-QL", "CP3QL (val)", "M6-QL (val)"])[2] == "CP3-QL (val)"  # its qualifier


def test_a_reference_read_with_letters_for_its_number_and_no_witness_is_lone():
    """`CINS` (`CIN5`) in a column of numbered references, however sure: lone, its rows wait for a
    witness; `EHI (val)` beside `EHI-QL` is witnessed by its sibling; a word in small letters is
    no reference."""
    got = repair_column([RefCell(t, 0.95) for t in ["EH1a", "EH1c", "CINS", "LSCB17a", "YO2"]], LOOK)
    assert [r.text for r in got if r.lone] == ["CINS"]
    got = repair_column([RefCell(t, 0.95) for t in ["EH2", "EHI (val)", "EHI-QL", "CP1", "Total"]], LOOK)
    assert not any(r.lone for r in got)


def test_a_reading_of_a_digit_then_letters_then_digits_is_doubtful_where_the_engine_was_unsure():
    """`1AC13` above `LAC14` (a capital `L` read as `1`): no reference prints that shape."""
    assert doubtful(["1AC13", "LAC14"]) == ["1AC13"]
    got = repair_column([RefCell("1AC13", SURE), RefCell("LAC14", SURE)], LOOK)
    assert not any(r.doubtful for r in got)


def test_a_rare_prefix_one_letter_off_a_common_one_is_doubtful_however_sure():
    """`EM1b`, `EM14b` (an `H` read as `M` on a reference and its sibling) after a table of `EH`
    references: nothing says which letter is printed, so both are withheld."""
    memory = RefMemory()
    repair_column([RefCell(t, 0.95) for t in ["EH2", "EH3", "EH3a%", "EH4 (val)", "EH4-QL"]], LOOK, memory)
    got = repair_column([RefCell(t, 0.95) for t in ["EH1a", "EH1c", "EM1b", "EM14b", "CIN5", "YO2"]], LOOK, memory)
    assert [r.text for r in got if r.doubtful] == ["EM1b", "EM14b"]


def test_a_mark_of_a_tail_two_others_print_read_as_another_glyph_is_that_mark():
    """`LAC11-QL 7%)` among ` (%)`s: the bracket read as a `7`; `EH3e6` among `EH3a%`, `EH3b%`:
    the percent sign read as a `6`. A tail no mark tells apart (`-QL` and `-OL`) is not this."""
    column = ["LAC6 (val)", "LAC6 (%)", "LAC12 (val)", "LAC12 (%)", "LAC11-QL", "LAC11-QL 7%)"]
    assert texts(column)[5] == "LAC11-QL (%)"
    assert texts(["EH3", "EH3a%", "EH3b%", "EH3c%", "EH3e6"])[4] == "EH3e%"
    assert texts(["LAC6 (val)", "LAC12 (val)", "LAC11-QL 7%)"])[2] == "LAC11-QL 7%)"  # ` (%)` printed nowhere


def test_a_number_a_space_split_joins_where_the_stem_it_makes_is_printed():
    """`LAC 1 2 (vel)` above `LAC12 (%)`: one number a space split; `LAC1 2` beside `LAC1-NI`,
    with no `LAC12` printed, is not joined."""
    column = ["LAC1", "LAC1-NI", "LAC6 (vel)", "LAC6 (%)", "LAC 1 2 (vel)", "LAC12 (%)", "LAC7-QL"]
    assert texts(column)[4] == "LAC12 (vel)"
    assert texts(["LAC1", "LAC1-NI", "LAC1 2 (vel)", "LAC7"])[2] != "LAC12 (vel)"


def test_a_space_read_only_before_a_one_is_its_bearing_where_the_document_prints_none():
    """`ASCOF1`..`ASCOF12` on one page, `ASCOF 13`, `ASCOF 14`, `ASCOF15`, `ASCOF 16` on the
    next (two of the spaces sure): a `1`'s bearing, however sure, not a space the page prints;
    nor where sure readings before other digits print none on the same page (`ENV3`, `ENV5`)."""
    memory = RefMemory()
    repair([f"ASCOF{n}" for n in range(1, 13)], memory, conf=0.9)
    column = [("ASCOF 13", 0.63), ("ASCOF 14", 0.78), ("ASCOF15", 0.91), ("ASCOF 16", 0.92)]
    got = repair_column([RefCell(t, c) for t, c in column], LOOK, memory)
    assert [r.text for r in got] == ["ASCOF13", "ASCOF14", "ASCOF15", "ASCOF16"]
    column = [("ENV 1", 0.84), ("ENV2", 0.72), ("ENV3", 0.89), ("ENV4", 0.62), ("ENV5", 0.9), ("ENV6", 0.92)]
    column += [("ENV7", 0.91), ("ENV8", 0.87), ("ENV9", 0.77), ("ENV 10", 0.66), ("ENV 11", 0.9), ("ENV 12", 0.78)]
    got = repair_column([RefCell(t, c) for t, c in column], LOOK)
    assert [r.text for r in got] == [f"ENV{n}" for n in range(1, 13)]
    assert not any(r.doubtful for r in got)
    # a space read before another digit is no bearing
    column[1] = ("ENV 2", 0.9)
    assert repair_column([RefCell(t, c) for t, c in column], LOOK)[1].text == "ENV 2"


def test_a_reading_ending_in_its_prefixs_hyphen_takes_the_number_its_place_implies():
    """`ASC-` read sure between `ASC-4` and `ASC-6`: no reference ends in its hyphen, so the digit
    after it was lost and the count says which; `ASC` alone may be printed so, and stays."""
    column = [(f"ASC-{n}", 0.9) for n in range(1, 5)] + [("ASC-", 0.9)] + [(f"ASC-{n}", 0.9) for n in range(6, 10)]
    got = repair_column([RefCell(t, c) for t, c in column], LOOK)
    assert [r.text for r in got] == [f"ASC-{n}" for n in range(1, 10)]
    column[4] = ("ASC", 0.9)
    assert repair_column([RefCell(t, c) for t, c in column], LOOK)[4].text == "ASC"
