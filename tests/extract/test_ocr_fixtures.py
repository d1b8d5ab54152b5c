"""End to end on the OCR fixtures: the values read against ground truth, per fixture.

Read with the default engine (`auto`: tesseract, with rapidocr for what tesseract leaves
unsettled). Issue 3's targets: >= 99% recall on the 200-dpi scan, the garbled layer and the scan
with a scanner's OCR layer, >= 95% on the 150-dpi scan, >= 99.5% precision everywhere, no value
that is not printed. The garbled layer and the 200-dpi scans meet them and are held to them; the
scan with a scanner's OCR layer (the 150-dpi image, re-read) has a recall floor and a strict xfail
that fails loudly the day its 0.99 is met. Each fixture is extracted once per session.
"""

from functools import cache
from pathlib import Path

import pytest

from scorekit.extract.pipeline import extract_file
from scorekit.extract.scoring import load_truth, score

ROOT = Path(__file__).resolve().parents[2] / "fixtures"


@cache
def extracted(name: str, engine: str = "auto"):
    pdf = ROOT / "pdf" / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip(f"{name} not built")
    return extract_file(pdf, ocr_engine=engine).observations


def scored(name: str, engine: str = "auto"):
    return score(extracted(name, engine), load_truth(ROOT / "truth" / f"{name}.csv"))[0]


def test_tesseract_alone_meets_the_target_on_the_garbled_layer():
    """Without rapidocr installed, `auto` is tesseract alone: that path must work as well."""
    s = scored("scorecard-2020-10-garbled", "tesseract")
    assert s.recall >= 0.99 and s.precision >= 0.995 and s.not_printed == 0, s


def test_floor():
    """The scan with a scanner's OCR layer is re-read from its image: precision and no value that
    is not printed are met; recall has its floor (its target is 0.99)."""
    s = scored("scorecard-2018-06-scan150-ocrlayer")
    assert s.recall >= 0.95 and s.precision >= 0.995 and s.not_printed == 0, s


def test_every_row_reference_is_read_on_the_150dpi_scan():
    """`LAC11-QL` over `(%)` in one cell, `LAC1-NI` read `LAC7-NI` at one scale: a misread
    reference loses its whole row, or worse, makes the row another indicator's."""
    got = set(extracted("scorecard-2018-06-scan150").ref.dropna())
    truth = set(load_truth(ROOT / "truth" / "scorecard-2018-06-scan150.csv").ref)
    assert got == truth, (sorted(got - truth), sorted(truth - got))


def test_values_the_ocr_repaired_say_so_and_are_right():
    """Issue 3: where an alternative reading satisfies every check, use it and say so in `flags`."""
    got = extracted("scorecard-2018-06-scan150")
    truth = load_truth(ROOT / "truth" / "scorecard-2018-06-scan150.csv")
    for flag, least in [("check_resolved", 30), ("minus_restored", 10), ("percent_restored", 3)]:
        sel = got[got["flags"].fillna("").str.contains(flag)]
        s, _, wrong = score(sel, truth)
        assert len(sel) >= least and s.extracted == s.correct == len(sel) and not wrong, (flag, s)


@pytest.mark.parametrize("name", ["scorecard-2018-06-scan150", "scorecard-2020-10-scan200"])
def test_the_ink_of_a_cell_rules_out_a_reading_that_drops_a_glyph(name):
    """On the scans' value cells (found where the extraction put each true value): the printed
    figure accounts for its cell's ink, and the same figure with its first glyph dropped
    (`71` for `171`, `11%` for `-11%`) does not, on the page's own fitted line."""
    import numpy as np
    import pandas as pd

    from scorekit.extract.ocr import glyphs
    from scorekit.extract.ocr.cellread import _ink_height
    from scorekit.extract.ocr.inkfit import figure_span, fit_page

    from .test_ocr_cells import cells

    truth = pd.read_csv(ROOT / "truth" / f"{name}.csv", dtype=str)
    truth = truth[~truth.duplicated(["ref", "period", "measure"], keep=False)]
    truth = truth[truth.value_raw.fillna("").str.fullmatch(r"-?\d[\d,.]*%?")]
    got = extracted(name).drop_duplicates(["ref", "period", "measure"])
    both = got.merge(truth, on=["ref", "period", "measure"], suffixes=("", "_truth"))
    kept = dropped = caught = 0
    for page, rows in both.groupby("page"):
        cut = cells(name, int(page) - 1)
        imgs = [(cut[(round(x), round(t))], v) for x, t, v in zip(rows.x0, rows.top, rows.value_raw_truth)]
        height = float(np.median([_ink_height(i) for i, _ in imgs]))

        def width(img):
            arrow = glyphs.split_arrow(img)
            span = figure_span(img[:, arrow[1] if arrow and arrow[0] else 0:], height)
            return None if span is None else span[1] - span[0]

        widths = [(width(i), v) for i, v in imgs]
        fit = fit_page(widths)
        kept += sum(fit.accounts_for(w, v) for w, v in widths)
        short = [(w, v[1:]) for w, v in widths if len(v.lstrip("-")) >= 2]
        dropped += len(short)
        caught += sum(not fit.accounts_for(w, v) for w, v in short)
    assert len(both) > 400 and kept >= 0.98 * len(both) and caught >= 0.98 * dropped, (len(both), kept, dropped, caught)


@pytest.mark.parametrize("name, recall", [
    ("scorecard-2020-10-garbled", 0.99),
    ("scorecard-2020-10-scan200", 0.99),
    ("scorecard-2018-06-scan150", 0.95),
])
def test_issue3_target_met(name, recall):
    s = scored(name)
    assert s.recall >= recall and s.precision >= 0.995 and s.not_printed == 0, s


@pytest.mark.xfail(strict=True, reason="issue 3 target not reached yet")
def test_issue3_target():
    s = scored("scorecard-2018-06-scan150-ocrlayer")
    assert s.recall >= 0.99 and s.precision >= 0.995 and s.not_printed == 0, s
