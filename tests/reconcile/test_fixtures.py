"""Every deliberate disagreement in the fixtures, written by hand from seed 002, comes out right."""

from __future__ import annotations

import csv
from itertools import combinations
from pathlib import Path

from scorekit.reconcile.equivalence import equivalent
from scorekit.reconcile.findings import CONFLICTS

HERE = Path(__file__).resolve().parent


def expected() -> list[dict[str, str]]:
    with (HERE / "expected_agenda.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _hit(f, e) -> bool:
    return (f.canonical_id, f.measure, f.period, f.cls) == (
        e["canonical_id"],
        e["measure"],
        e["period"],
        e["class"],
    ) and (not e["shift_months"] or f.shift_months == int(e["shift_months"]))


def test_every_hand_written_finding_is_reproduced(result_all):
    missing = [e for e in expected() if not any(_hit(f, e) for f in result_all.findings)]
    assert not missing, "\n".join(
        f"{e['canonical_id']} {e['period']} {e['class']} {e['shift_months']}" for e in missing
    )


def test_no_hand_written_disagreement_gets_another_class(result_all):
    for e in expected():
        if e["class"] in ("revision", "contradiction"):
            wrong = [
                f
                for f in result_all.findings
                if (f.canonical_id, f.measure, f.period) == (e["canonical_id"], e["measure"], e["period"])
                and f.cls in CONFLICTS
                and f.cls != e["class"]
                and f.cls != "shifted_series"
            ]
            assert not wrong, (e, [w.cls for w in wrong])


def test_rounding_only_differences_are_never_conflicts(result_all):
    for f in result_all.conflicts:
        if f.cls == "shifted_series":
            continue
        cells = f.cells
        pairs = list(combinations(cells, 2))
        assert not all(equivalent(a.value, a.raw, a.unit, b.value, b.raw, b.unit) for a, b in pairs), f.reason
    chart = [f for f in result_all.findings if f.canonical_id == "strategy_to_s47_pct" and f.measure == "value"]
    assert [f for f in chart if f.cls == "equivalent"]
    assert not [f for f in chart if f.cls in CONFLICTS]


def test_previous_presentation_tables_come_out_as_shifted_series(result_all):
    shifted = [f for f in result_all.findings if f.cls == "shifted_series"]
    previous = [f for f in shifted if {c.page for c in f.cells if c.id in set(f.shifted_cells)} <= {13, 14, 15, 16}]
    assert len(previous) >= 30
    assert {f.shift_months for f in previous} <= {-1, -2}
    assert {f.shift_months for f in previous} == {-1, -2}
    # one finding per run, not one per month
    for f in previous:
        assert len(f.periods) >= 3
    revisions_in_shifted_months = [
        f
        for f in result_all.findings
        if f.cls in ("revision", "contradiction") and f.canonical_id == "contacts" and f.period < "2023-08"
    ]
    assert not revisions_in_shifted_months


def test_duplicate_copies_are_collapsed_with_pages_kept(result_all):
    dups = [f for f in result_all.findings if f.cls == "duplicate_copy" and f.canonical_id == "contacts"]
    assert dups
    assert {8, 23} <= {c.page for f in dups for c in f.cells}
    # the second printing takes part in nothing else
    assert not any(c.page >= 23 for f in result_all.findings if f.cls != "duplicate_copy" for c in f.cells)


def test_every_finding_carries_full_evidence(result_all):
    for f in result_all.findings:
        rec = f.to_record()
        for key in ("canonical_id", "indicator", "measure", "period", "periods", "class", "values", "sources"):
            assert rec[key] != "", (key, rec)
        for c in f.cells:
            ev = c.evidence()
            assert ev["file"] and ev["page"] >= 1 and len(ev["bbox"]) == 4 and ev["method"] and ev["report_date"]
