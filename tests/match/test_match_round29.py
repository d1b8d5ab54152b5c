"""Matching round 29 (m48): paraphrases in the wording of publications no earlier set drew on
(`tests/match/probes24.csv`): Welsh, Scottish and Northern Irish statistics, Ofsted ILACS, the
SSDA903 and CIN census guidance, councils' annual reports and self-evaluations, JSNA tables,
committee-report headings and ChAT labels."""

from __future__ import annotations

from pathlib import Path

from scorekit.match import evaluation as ev

HERE = Path(__file__).resolve().parent


def test_the_paraphrase_probe_is_labelled_with_catalogue_ids(shipped):
    rows = ev.read(HERE / "probes24.csv")
    ids = {i.id for i in shipped}
    assert len(rows) >= 200 and len({r.name.lower() for r in rows}) == len(rows)
    assert sum(r.kind == "paraphrase" for r in rows) >= 150 and sum(r.kind == "trap" for r in rows) >= 50
    assert all(r.answer in ids or r.answer == ev.NEW for r in rows)
    assert all(r.near_miss in ids and r.near_miss != r.answer for r in rows if r.kind == "trap")
    assert all(r.note.startswith("axis: ") for r in rows if r.kind == "trap")
    assert all(r.source.startswith("thirty-seventh session, matching round 29 (m48)") for r in rows)
