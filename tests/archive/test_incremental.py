"""Re-running `archive add` redoes only what failed: whole failed files, or just their failed pages."""

from functools import partial

import pandas as pd

from scorekit.archive import locking, store
from scorekit.extract import pipeline
from scorekit.extract.workers import PagePool
from scorekit.reconcile.inputs import matcher
from tests.conftest import pdf

AGENDA = pdf("agenda-2023-11")


def test_failed_pages_are_redone_alone(tmp_path, monkeypatch):
    m = matcher()
    real = pipeline.page_stage

    def flaky(path, page_no, opts):
        if page_no == 11:  # a page whose table continues from page 10
            raise MemoryError("simulated")
        return real(path, page_no, opts)

    archive = partial(locking.opened, tmp_path / "a.duckdb")
    with PagePool(isolate=False) as pool:
        monkeypatch.setattr(pipeline, "page_stage", flaky)
        first = store.add(archive, AGENDA, m, pool=pool)
        assert first.status == "partial"
        with archive() as con:
            assert store.files(con)["status"].tolist() == ["partial"]
            assert 11 not in set(store.observations(con)["page"])

        monkeypatch.setattr(pipeline, "page_stage", real)
        second = store.add(archive, AGENDA, m, pool=pool)
        assert second.status == "redone 1 page(s)"
        with archive() as con:
            assert store.files(con)["status"].tolist() == ["ok"]
        third = store.add(archive, AGENDA, m, pool=pool)
        assert third.status == "skipped"

    clean = partial(locking.opened, tmp_path / "b.duckdb")
    with PagePool(isolate=False) as pool:
        assert store.add(clean, AGENDA, m, pool=pool).status == "ok"
    cols = ["page", "table", "row", "ref", "indicator", "period", "measure", "value", "canonical_id"]
    with archive() as con, clean() as other:
        a = store.observations(con)[cols].reset_index(drop=True)
        b = store.observations(other)[cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert (a["page"] == 11).sum() > 0


def test_redo_reads_only_the_failed_page_and_its_predecessor(tmp_path, monkeypatch):
    m = matcher()
    real = pipeline.page_stage
    seen = []

    def fail_once(path, page_no, opts):
        seen.append(page_no)
        if page_no == 14 and seen.count(14) == 1:
            raise TimeoutError("simulated")
        return real(path, page_no, opts)

    monkeypatch.setattr(pipeline, "page_stage", fail_once)
    archive = partial(locking.opened, tmp_path / "c.duckdb")
    with PagePool(isolate=False) as pool:
        store.add(archive, AGENDA, m, pool=pool)
        seen.clear()
        store.add(archive, AGENDA, m, pool=pool)
    assert seen == [13, 14]
