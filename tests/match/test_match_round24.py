"""Matching round 24 (m37): the cyclic collector held off while a batch is matched (10k x 2k
names: a quarter of the time went to its full passes over the index), and the wording of
`tests/match/probes20.csv`."""

from __future__ import annotations

import gc

from scorekit.match import index as indexmod
from scorekit.match.catalogue import Catalogue
from scorekit.match.matcher import Matcher, Query, collector_paused

# -- the collector held off for a batch --------------------------------------------------------


def test_a_batch_is_matched_with_the_collector_held_off_and_given_back(shipped: Catalogue, monkeypatch):
    seen: list[bool] = []
    nearest = indexmod.Index.nearest

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return nearest(self, *args, **kwargs)

    monkeypatch.setattr(indexmod.Index, "nearest", spy)
    assert gc.isenabled()
    Matcher(shipped).match_many([Query.build("Contacts received in the month by the front door team")])
    assert seen == [False]
    assert gc.isenabled()


def test_the_index_is_built_with_the_collector_held_off(shipped: Catalogue, monkeypatch):
    seen: list[bool] = []
    weights = indexmod.Index._weights

    def spy(self, catalogue):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return weights(self, catalogue)

    monkeypatch.setattr(indexmod.Index, "_weights", spy)
    Matcher(shipped)
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_left_as_it_was_found_even_when_the_batch_fails():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    try:
        with collector_paused():
            raise RuntimeError("a failing batch")
    except RuntimeError:
        pass
    assert gc.isenabled()
