"""Equivalence, shifts and classes on small hand-made tables."""

from __future__ import annotations

import json

import pandas as pd

from scorekit.extract.schema import COLUMNS
from scorekit.reconcile.engine import reconcile
from scorekit.reconcile.equivalence import equivalent
from scorekit.reconcile.findings import Finding


def test_equivalence_allows_printed_precision_and_units():
    assert equivalent(45, "45%", "percent", 45.0, "45.0%", "percent")
    assert equivalent(69.51, "69.51", "percent", 70, "70", "percent")
    assert equivalent(0.45, "0.45", "percent", 45, "45%", "percent")
    assert not equivalent(0.45, "0.45", "other", 45, "45%", "percent")
    assert not equivalent(69.4, "69.4", "percent", 70, "70", "percent")
    assert not equivalent(1471, "1,471", "count", 1467, "1467", "count")


def obs(rows):
    """(source, page, table, row, indicator, period, raw) -> matched observations."""
    recs = []
    for src, page, table, row, cid, period, raw in rows:
        rec = dict.fromkeys(COLUMNS, "")
        rec.update(
            source=src,
            page=page,
            table=table,
            row=row,
            indicator=cid,
            period=period,
            measure="value",
            value=float(raw.rstrip("%").replace(",", "")),
            value_raw=raw,
            unit="percent" if raw.endswith("%") else "count",
            method="text",
            confidence=1.0,
            x0=10,
            top=10,
            x1=40,
            bottom=20,
            canonical_id=cid,
        )
        recs.append(rec)
    return pd.DataFrame(recs)


MONTHS = [f"2023-{m:02d}" for m in range(1, 9)]


def test_shift_revision_contradiction_equivalent():
    ref = [10, 12, 15, 11, 19, 14, 13, 17]
    rows = [("oct.pdf", 1, 1, 1, "x", p, str(v)) for p, v in zip(MONTHS, ref, strict=True)]
    # an older publication whose labels run one month late
    rows += [("aug.pdf", 1, 1, 1, "x", p, str(v)) for p, v in zip(MONTHS[1:7], ref[0:6], strict=True)]
    # revision: an older publication differs for one month
    rows += [("aug.pdf", 1, 1, 2, "y", "2023-03", "40"), ("oct.pdf", 1, 1, 2, "y", "2023-03", "42")]
    # contradiction: one publication, two values
    rows += [("oct.pdf", 3, 1, 1, "z", "2023-08", "5"), ("oct.pdf", 3, 2, 1, "z", "2023-08", "6")]
    # equivalent
    rows += [("oct.pdf", 4, 1, 1, "w", "2023-08", "45%"), ("oct.pdf", 4, 2, 1, "w", "2023-08", "45.0%")]
    r = reconcile(obs(rows))
    by = {(f.canonical_id, f.cls) for f in r.findings}
    assert ("x", "shifted_series") in by
    sh = next(f for f in r.findings if f.cls == "shifted_series")
    assert sh.shift_months == -1 and sh.period == "2023-02" and len(sh.periods) == 6
    assert ("y", "revision") in by and ("z", "contradiction") in by and ("w", "equivalent") in by
    assert not any(f.canonical_id == "x" and f.cls in ("revision", "contradiction") for f in r.findings)


def _with_areas(df: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    return df.assign(area=areas)


def test_two_areas_for_the_same_indicator_period_and_measure_are_not_a_finding():
    rows = [
        ("oct.pdf", 1, 1, 1, "x", "2023-08", "40"),  # the publisher's own figure
        ("oct.pdf", 2, 1, 1, "x", "2023-08", "55"),  # statistical neighbours
        ("oct.pdf", 2, 1, 2, "x", "2023-08", "61"),  # England
        ("oct.pdf", 2, 1, 3, "x", "2023-08", "48"),  # a borough
    ]
    r = reconcile(_with_areas(obs(rows), ["", "Statistical neighbours", "England", "Barnet"]))
    assert r.findings == [] and r.groups == 0


def test_an_area_is_compared_with_itself_only():
    rows = [
        ("sep.pdf", 1, 1, 1, "x", "2023-08", "40"),
        ("sep.pdf", 2, 1, 1, "x", "2023-08", "55"),
        ("oct.pdf", 1, 1, 1, "x", "2023-09", "41"),
        ("oct.pdf", 1, 1, 1, "x", "2023-08", "40"),
        ("oct.pdf", 2, 1, 1, "x", "2023-08", "57"),
        ("oct.pdf", 2, 1, 2, "x", "2023-08", "40"),
    ]
    areas = ["", "England", "", "", "England", "Barnet"]
    r = reconcile(_with_areas(obs(rows), areas))
    assert [(f.cls, f.area, f.period, f.values()) for f in r.findings] == [("revision", "England", "2023-08", [57, 55])]
    f = r.findings[0]
    assert {c.area for c in f.cells} == {"England"} and f.to_record()["area"] == "England"
    assert all(json.loads(f.to_record()["sources"])[i]["area"] == "England" for i in range(2))


def test_an_areas_series_is_not_a_shifted_copy_of_the_publishers_own():
    ref = [10, 12, 15, 11, 19, 14, 13, 17]
    rows = [("oct.pdf", 1, 1, 1, "x", p, str(v)) for p, v in zip(MONTHS, ref, strict=True)]
    # an area's row whose figures happen to equal the authority's a month earlier
    rows += [("oct.pdf", 2, 1, 1, "x", p, str(v)) for p, v in zip(MONTHS[1:7], ref[0:6], strict=True)]
    areas = [""] * len(MONTHS) + ["Hampshire"] * 6
    assert reconcile(_with_areas(obs(rows), areas)).findings == []
    assert [f.cls for f in reconcile(obs(rows)).findings] == ["shifted_series"]


def test_a_finding_id_names_its_area_only_when_it_has_one():
    """The publisher's own findings keep the ids they had before areas (test_golden checks them
    all); the same disagreement in an area is another finding."""
    rows = [("sep.pdf", 1, 1, 1, "x", "2023-08", "40"), ("oct.pdf", 1, 1, 1, "x", "2023-08", "42")]
    own = reconcile(obs(rows)).findings[0]
    kent = reconcile(_with_areas(obs(rows), ["Kent", "Kent"])).findings[0]
    assert own.cls == kent.cls and own.id != kent.id
    assert kent.id == Finding(kent.cls, "x", "value", ["2023-08"], kent.cells, "", area="Kent").id
