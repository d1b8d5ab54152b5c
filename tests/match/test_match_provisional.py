"""Names the catalogue lacks keep a provisional identity, reach reconcile and the archive, and move
to the canonical id when a reviewer maps them."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorekit.archive import locking, series, store
from scorekit.extract.schema import COLUMNS
from scorekit.match.annotate import annotate, settle
from scorekit.match.catalogue import Catalogue
from scorekit.match.decisions import Decision, Decisions
from scorekit.match.matcher import Matcher
from scorekit.match.provisional import RULE_PROVISIONAL, is_provisional, provisional_id, publisher_of
from scorekit.reconcile import decisions as recdec
from scorekit.reconcile.engine import reconcile
from tests.conftest import pdf, truth

# -- the publisher and the identity --------------------------------------------------------------

EDITIONS = [
    "2021-08",
    "2021-09",
    "2022_03",
    "Aug-2021",
    "september 2021",
    "2014-15-q2",
    "q3 2022",
    "v2 2023-01",
    "FY2023",
]


@given(
    st.lists(
        st.sampled_from(["northshire", "county", "childrens", "services", "scorecard", "kpi", "report"]),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(EDITIONS),
    st.sampled_from(EDITIONS),
    st.sampled_from(["-", "_", " "]),
)
def test_editions_of_one_scorecard_share_a_publisher(words, a, b, sep):
    stem = sep.join(words)
    assert publisher_of(f"{stem}{sep}{a}.pdf") == publisher_of(f"{b} {stem}.pdf") == "-".join(words)


def test_publisher_falls_back_and_ids_are_readable():
    assert publisher_of("2023-05.pdf") == "unknown"
    assert publisher_of("agenda-2023-11.pdf") == "agenda"
    pid = provisional_id("northshire-scorecard", "KPI 7 / F2", "Number of children missing education (CME)")
    assert pid == "~northshire-scorecard/f2+kpi7/number-cme"
    assert is_provisional(pid) and not is_provisional("cla")


# -- two editions of another council's scorecard, names the catalogue lacks ----------------------

RENAMED = "Northshire local measure {n}: {ref} count of cases held by the widget team"


def edition(source: str, later: bool = False) -> pd.DataFrame:
    """The Aug-21 scorecard's real extracted rows, every name changed to one the catalogue lacks;
    the later edition drops February and reports September."""
    t = pd.read_csv(truth("scorecard-2021-08"), dtype=str, keep_default_na=False)
    t = t[t["measure"] == "value"].copy()
    if later:
        t["period"] = t["period"].replace("2021-02", "2021-09")
    names = {
        k: RENAMED.format(n=i, ref=k[0])
        for i, k in enumerate(dict.fromkeys(zip(t["ref"], t["indicator"], strict=True)))
    }
    rows = []
    for i, r in enumerate(t.to_dict("records")):
        rec = dict.fromkeys(COLUMNS, "")
        rec.update(
            source=source,
            page="1",
            table="1",
            row=str(list(names).index((r["ref"], r["indicator"])) + 1),
            ref=r["ref"],
            indicator=names[(r["ref"], r["indicator"])],
            period=r["period"],
            measure="value",
            value=r["value"],
            value_raw=r["value_raw"],
            unit=r["unit"],
            method="text",
            confidence="1",
            x0=str(100 + 10 * i),
            top="10",
            x1=str(105 + 10 * i),
            bottom="20",
        )
        rows.append(rec)
    return pd.DataFrame(rows, columns=COLUMNS)


@pytest.fixture(scope="module")
def two_editions(shipped):
    aug = edition("northshire-scorecard-2021-08.pdf")
    sep = edition("northshire-scorecard-2021-09.pdf", later=True)
    first = sep.index[(sep["period"] == "2021-05")][0]
    sep.loc[first, ["value", "value_raw"]] = ["9999", "9999"]  # the later edition revises one month
    m = Matcher(shipped)
    a, _ = annotate(aug, m)
    b, _ = annotate(sep, m)
    return a, b, sep.loc[first, "indicator"]


def test_unmatched_names_get_a_provisional_identity(two_editions):
    a, b, _ = two_editions
    for df in (a, b):
        assert (df["match_rule"] == RULE_PROVISIONAL).all()
        assert df["canonical_id"].str.startswith("~northshire-scorecard/").all()
        assert df["match_explanation"].str.startswith("provisional identity; ").all()
    assert set(a["canonical_id"]) == set(b["canonical_id"])


def test_reconcile_finds_conflicts_between_the_editions(two_editions):
    a, b, changed = two_editions
    r = reconcile(pd.concat([a, b], ignore_index=True))
    revisions = [f for f in r.findings if f.cls == "revision"]
    assert len(revisions) == 1
    f = revisions[0]
    assert f.period == "2021-05" and is_provisional(f.canonical_id)
    assert f.canonical_id == a.loc[a["indicator"] == changed, "canonical_id"].iloc[0]
    without = reconcile(pd.concat([a, b], ignore_index=True).assign(canonical_id=""))
    assert without.findings == []  # what reconcile saw before provisional ids


def test_a_reviewers_decision_moves_the_rows_and_keeps_the_history(two_editions, shipped):
    a, b, changed = two_editions
    both = pd.concat([a, b], ignore_index=True)
    pid = both.loc[both["indicator"] == changed, "canonical_id"].iloc[0]
    m = Matcher(shipped, Decisions([Decision(changed, "accept", "contacts")]))
    moved = settle(both, m)
    rows = moved[moved["indicator"] == changed]
    assert set(rows["canonical_id"]) == {"contacts"} and set(rows["match_rule"]) == {"decision"}
    assert set(rows["provisional_id"]) == {pid}
    others = moved[moved["indicator"] != changed]
    assert others["canonical_id"].str.startswith("~").all()
    r = reconcile(moved)
    assert [f.canonical_id for f in r.findings if f.cls == "revision"] == ["contacts"]


# -- the archive ------------------------------------------------------------------------------------


def test_archive_stores_provisional_names_and_history_finds_them_before_and_after_mapping(tmp_path, shipped):
    """A catalogue without the scorecard's contacts entry: its rows are stored provisionally."""
    lacking = Catalogue()
    for ind in shipped:
        if ind.id != "contacts":
            lacking.add(ind)
    archive = partial(locking.opened, tmp_path / "a.duckdb")
    m = Matcher(lacking)
    for name in ("scorecard-2020-10", "scorecard-2021-08"):
        assert store.add(archive, pdf(name), m).status == "ok"
    with archive() as con:
        stored = store.observations(con)
    contacts = stored[stored["indicator"].str.startswith("Number of contacts received")]
    (pid,) = set(contacts["canonical_id"])
    assert pid == "~scorecard/m1/number-contact-include-contact-result-referral"
    assert set(contacts["match_rule"]) == {RULE_PROVISIONAL}

    none = recdec.Decisions([])
    before = series.history(stored, pid, none, matcher=m)
    assert set(before["source"]) == {"scorecard-2020-10.pdf", "scorecard-2021-08.pdf"}
    assert {"2020-10", "2021-08"} <= set(before["period"])

    name = contacts["indicator"].iloc[0]
    mapped = Matcher(shipped, Decisions([Decision(name, "accept", "contacts")]))
    after = series.history(stored, "contacts", none, matcher=mapped)
    assert len(after) == len(before) and set(after["source"]) == set(before["source"])
    assert len(series.history(stored, pid, none, matcher=mapped)) == len(before)
