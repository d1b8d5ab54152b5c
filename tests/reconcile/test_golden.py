"""Reconcile finds what it found before it was made fast, finding for finding and value for value.

The inputs are frozen in golden/: the four born-digital fixtures extracted and matched
(`fixtures.parquet`), and a small set made by `benchmarks/reconcile.py` (40 indicators, 30
publications, seed 5, areas left empty: `synthetic.parquet`) with revisions, rounded printings,
copies, shifted reprints and contradicting summaries. The expected findings and agreed values were
written by reconcile as it was at 4e330d3, before shifts were found through an index of equal
printings and cells were built column by column (issue 13); the synthetic findings are kept
without their `sources` column (every cell behind a finding is already in its id).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from scorekit.reconcile.decisions import Decisions
from scorekit.reconcile.engine import reconcile
from scorekit.reconcile.resolve import apply_decisions, resolve

GOLDEN = Path(__file__).resolve().parent / "golden"
RESOLVED = ["canonical_id", "measure", "period", "value", "chosen", "rule", "n_values", "n_sources", "finding_class"]


def _expected(name: str, what: str) -> pd.DataFrame:
    return pd.read_csv(GOLDEN / f"{name}-{what}.csv.gz", dtype=str, keep_default_na=False)


def _as_read(df: pd.DataFrame) -> pd.DataFrame:
    """A frame as it reads back from CSV, so numbers compare as the golden file prints them."""
    return pd.read_csv(io.StringIO(df.to_csv(index=False)), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module", params=["fixtures", "synthetic"])
def run(request):
    obs = pd.read_parquet(GOLDEN / f"{request.param}.parquet")
    result = reconcile(obs)
    apply_decisions(result, Decisions())
    return request.param, result


def test_findings_are_those_of_the_code_before(run):
    name, result = run
    expected = _expected(name, "findings")
    got = _as_read(result.frame())
    assert len(got) == len(expected)
    assert (got["area"] == "").all()
    pd.testing.assert_frame_equal(got[expected.columns], expected)


def test_agreed_values_are_those_of_the_code_before(run):
    name, result = run
    rows = [
        (s.canonical_id, s.measure, s.period, s.value, s.chosen.id, s.rule, s.n_values, s.n_sources, s.finding_class)
        for s in resolve(result, Decisions())
    ]
    got = _as_read(pd.DataFrame(rows, columns=RESOLVED))
    expected = _expected(name, "resolved")
    pd.testing.assert_frame_equal(got, expected[RESOLVED])
    assert list(expected["finding_id"]) == [s.finding_id for s in resolve(result, Decisions())]
