"""End to end on the OCR fixtures: the values read against ground truth, per fixture.

Read with the default engine (`auto`: tesseract, with rapidocr for what tesseract leaves
unsettled). Issue 3's targets: >= 99% recall on the 200-dpi scan, the garbled layer and the scan
with a scanner's OCR layer, >= 95% on the 150-dpi scan, >= 99.5% precision everywhere, no value
that is not printed. Every fixture meets them and is held to them. Each fixture is extracted once
per session.
"""

from functools import cache

import pytest

from scorekit.extract.pipeline import extract_file
from scorekit.extract.scoring import load_truth, score

from ..conftest import pdf
from ..conftest import truth as truth_path


@cache
def extracted(name: str, engine: str = "auto"):
    return extract_file(pdf(name), ocr_engine=engine).observations


def scored(name: str, engine: str = "auto"):
    return score(extracted(name, engine), load_truth(truth_path(name)))[0]


def test_tesseract_alone_meets_the_target_on_the_garbled_layer():
    """Without rapidocr installed, `auto` is tesseract alone: that path must work as well."""
    s = scored("scorecard-2020-10-garbled", "tesseract")
    assert s.recall >= 0.99 and s.precision >= 0.995 and s.not_printed == 0, s


def test_every_row_reference_is_read_on_the_150dpi_scan():
    """`LAC11-QL` over `(%)` in one cell, `LAC1-NI` read `LAC7-NI` at one scale: a misread
    reference loses its whole row, or worse, makes the row another indicator's."""
    got = set(extracted("scorecard-2018-06-scan150").ref.dropna())
    truth = set(load_truth(truth_path("scorecard-2018-06-scan150")).ref)
    assert got == truth, (sorted(got - truth), sorted(truth - got))


def test_values_the_ocr_repaired_say_so_and_are_right():
    """Issue 3: where an alternative reading satisfies every check, use it and say so in `flags`.
    (`%` read as `8` no longer happens on this scan since a word tesseract runs across two cells
    stays out of the one that has its own reading; `test_percent_read_as_eight_in_a_row_of_percentages`
    holds that repair.)"""
    got = extracted("scorecard-2018-06-scan150")
    truth = load_truth(truth_path("scorecard-2018-06-scan150"))
    for flag, least in [("check_resolved", 10), ("minus_restored", 10), ("font_matched", 30)]:
        sel = got[got["flags"].fillna("").str.contains(flag)]
        s, _, wrong = score(sel, truth)
        assert len(sel) >= least and s.extracted == s.correct == len(sel) and not wrong, (flag, s)


def true_value_cells(name: str):
    """Per page, the scan's value cells with the figure printed in each: the cell image found
    where the extraction put each true value (with its ref, period and measure)."""
    import pandas as pd

    from .test_ocr_cells import cells

    truth = pd.read_csv(truth_path(name), dtype=str)
    truth = truth[~truth.duplicated(["ref", "period", "measure"], keep=False)]
    truth = truth[truth.value_raw.fillna("").str.fullmatch(r"-?\d[\d,.]*%?")]
    got = extracted(name).drop_duplicates(["ref", "period", "measure"])
    both = got.merge(truth, on=["ref", "period", "measure"], suffixes=("", "_truth"))
    for page, rows in both.groupby("page"):
        cut = cells(name, int(page) - 1)
        yield (
            int(page),
            [
                (cut[(round(x), round(t))], v, ref)
                for x, t, v, ref in zip(rows.x0, rows.top, rows.value_raw_truth, rows.ref, strict=False)
            ],
        )


@pytest.mark.parametrize("name", ["scorecard-2018-06-scan150", "scorecard-2020-10-scan200"])
def test_the_ink_of_a_cell_rules_out_a_reading_that_drops_a_glyph(name):
    """On the scans' value cells (found where the extraction put each true value): the printed
    figure accounts for its cell's ink, and the same figure with its first glyph dropped
    (`71` for `171`, `11%` for `-11%`) does not, on the page's own fitted line: in every cell,
    scanner specks beside the figure and faint minus signs included."""
    import numpy as np

    from scorekit.extract.ocr.cellread import _ink_height
    from scorekit.extract.ocr.inkfit import fit_page

    total = kept = dropped = caught = 0
    for _, imgs in true_value_cells(name):
        height = float(np.median([_ink_height(i) for i, _, _ in imgs]))
        widths = [(_width(i, height), v) for i, v, _ in imgs]
        fit = fit_page(widths)
        total += len(widths)
        kept += sum(fit.accounts_for(w, v) for w, v in widths)
        short = [(w, v[1:]) for w, v in widths if len(v.lstrip("-")) >= 2]
        dropped += len(short)
        caught += sum(not fit.accounts_for(w, v) for w, v in short)
    assert total > 400 and kept == total and caught == dropped, (total, kept, dropped, caught)


def figure(img, height):
    """The ink span of a cell's figure, right of an arrow."""
    from scorekit.extract.ocr import glyphs
    from scorekit.extract.ocr.inkfit import figure_span

    arrow = glyphs.split_arrow(img)
    start = arrow[1] if arrow and arrow[0] else 0
    span = figure_span(img[:, start:], height)
    return None if span is None else (span[0] + start, span[1] + start)


def _width(img, height):
    span = figure(img, height)
    return None if span is None else span[1] - span[0]


@pytest.mark.parametrize(
    "name, recall",
    [
        ("scorecard-2020-10-garbled", 0.99),
        ("scorecard-2020-10-scan200", 0.99),
        ("scorecard-2018-06-scan150", 0.95),
        ("scorecard-2018-06-scan150-ocrlayer", 0.99),
    ],
)
def test_issue3_target_met(name, recall):
    s = scored(name)
    assert s.recall >= recall and s.precision >= 0.995 and s.not_printed == 0, s
