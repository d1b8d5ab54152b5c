"""The commands through typer's runner, on a tiny app the way the main CLI registers them."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from scorekit.extract.schema import COLUMNS, OBSERVATION_DTYPES
from scorekit.match.commands import register
from tests.conftest import command_app

runner = CliRunner()


@pytest.fixture(scope="module")
def app():
    return command_app(register)


def observations(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """(ref, indicator, period, value_raw) -> rows in the observation schema."""
    recs = []
    for i, (ref, name, period, raw) in enumerate(rows, 1):
        rec = dict.fromkeys(COLUMNS, "")
        rec.update(
            source="pack-2024-01.pdf",
            page="1",
            table="1",
            row=str(i),
            ref=ref,
            indicator=name,
            period=period,
            measure="value",
            value=raw.rstrip("%"),
            value_raw=raw,
            method="text",
            confidence="1",
        )
        recs.append(rec)
    return pd.DataFrame(recs, columns=COLUMNS)


OBS = observations(
    [
        (
            "M8-QL",
            "Percentage of referrals dealt with by MASH where time from referral received / "
            "recorded to completion by MASH was 24 hours / 1 working day or less",
            "2021-08",
            "81%",
        ),
        ("", "Number of C&F assessments completed", "2023-10", "174"),
        ("", "Number of C&F assessments completed", "2023-09", "221"),
        ("", "Number of bicycles repaired", "2023-10", "12"),
        ("", "Number of new CLA in month", "2023-10", "13"),
    ]
)


@pytest.fixture()
def obs_csv(tmp_path):
    p = tmp_path / "obs.csv"
    OBS.to_csv(p, index=False)
    return p


def test_match_adds_the_four_columns_in_every_format(app, obs_csv, tmp_path):
    dec = tmp_path / "dec.json"
    for ext in ("csv", "json", "parquet"):
        out = tmp_path / f"out.{ext}"
        res = runner.invoke(app, ["match", str(obs_csv), "-o", str(out), "-d", str(dec)])
        assert res.exit_code == 0, res.output
        df = (
            pd.read_csv(out, dtype=str, keep_default_na=False)
            if ext == "csv"
            else pd.DataFrame(json.loads(out.read_text()))
            if ext == "json"
            else pd.read_parquet(out)
        )
        assert list(df.columns) == COLUMNS + ["canonical_id", "match_score", "match_rule", "match_explanation"]
        assert list(df["canonical_id"].fillna(""))[:4] == [
            "mash_referrals_1wd_pct",
            "assessments_completed",
            "assessments_completed",
            "~pack/-/number-bicycle-repaired",
        ]
        assert list(df["match_rule"])[3] == "provisional"
        assert df["match_explanation"].astype(str).str.len().min() > 0


def test_match_reads_json_and_parquet_and_writes_csv_to_stdout(app, tmp_path):
    j, p = tmp_path / "o.json", tmp_path / "o.parquet"
    j.write_text(OBS.to_json(orient="records"))
    OBS.to_parquet(p)
    res = runner.invoke(app, ["match", str(j), str(p), "-d", str(tmp_path / "d.json")])
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].endswith("canonical_id,match_score,match_rule,match_explanation")
    assert len(res.stdout.strip().splitlines()) == 1 + 2 * len(OBS)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["match", "missing.csv"], "missing.csv: no such file"),
        (["match", "obs.txt"], "unknown format"),
        (["catalogue", "show", "no_such_id"], "no indicator with id 'no_such_id'"),
        (["catalogue", "list", "--catalogue", "broken.json"], "broken.json: not valid JSON"),
    ],
)
def test_errors_are_one_line_without_traceback(app, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "obs.txt").write_text("x")
    (tmp_path / "broken.json").write_text("{")
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert needle in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_review_queue_decisions_persist_and_apply_first(app, obs_csv, tmp_path, catalogue_copy):
    dec = tmp_path / "decisions.json"
    base = ["-d", str(dec), "-c", str(catalogue_copy)]
    listed = runner.invoke(app, ["review", str(obs_csv), "--list", *base])
    assert listed.exit_code == 0
    assert "bicycles" in listed.stdout

    res = runner.invoke(
        app,
        [
            "review",
            str(obs_csv),
            *base,
            "--decide",
            "Number of new CLA in month=cla_new",
            "--new",
            "Number of bicycles repaired=bicycles_repaired",
        ],
    )
    assert res.exit_code == 0, res.output
    saved = json.loads(dec.read_text())["decisions"]
    assert {(d["action"], d["indicator_id"]) for d in saved} == {("accept", "cla_new"), ("new", "bicycles_repaired")}
    lines = dec.read_text().splitlines()
    assert sum('"indicator_id"' in line for line in lines) == 2  # one decision per line
    cat = json.loads(catalogue_copy.read_text())
    assert any(i["id"] == "bicycles_repaired" for i in cat["indicators"])

    out = tmp_path / "out.csv"
    runner.invoke(app, ["match", str(obs_csv), "-o", str(out), *base])
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    rows = df.set_index("indicator")
    assert rows.loc["Number of new CLA in month", "match_rule"] == "decision"
    assert rows.loc["Number of new CLA in month", "canonical_id"] == "cla_new"
    assert rows.loc["Number of bicycles repaired", "canonical_id"] == "bicycles_repaired"

    again = runner.invoke(app, ["review", str(obs_csv), "--list", *base])
    assert "bicycles" not in again.stdout and "new CLA" not in again.stdout


def test_review_rejects_unknown_ids(app, obs_csv, tmp_path):
    res = runner.invoke(
        app,
        ["review", str(obs_csv), "-d", str(tmp_path / "d.json"), "--decide", "Number of new CLA in month=not_an_id"],
    )
    assert res.exit_code == 2 and "not_an_id" in res.output
    assert not (tmp_path / "d.json").exists()


def test_catalogue_commands(app, catalogue_copy):
    c = ["--catalogue", str(catalogue_copy)]
    assert "cla_rate" in runner.invoke(app, ["catalogue", "list", *c]).stdout
    wide = {"COLUMNS": "250"}
    shown = runner.invoke(app, ["catalogue", "show", "mash_referrals_1wd_pct", *c], env=wide).stdout
    assert "M8-QL" in shown and "M6-CL" in shown and "first seen" in shown
    assert "scorecard-2018-06.pdf (2018-06)" in shown and "scorecard-2021-08.pdf (2021-08)" in shown
    shown = runner.invoke(app, ["catalogue", "show", "cla_3plus_placements_pct", *c], env=wide).stdout
    assert "NI 62" in shown and "at a point in time" in shown
    assert (
        "assessments_completed" in runner.invoke(app, ["catalogue", "search", "C&F assessments completed", *c]).stdout
    )
    res = runner.invoke(
        app,
        [
            "catalogue",
            "add-alias",
            "cla",
            "--name",
            "Children we look after",
            "--ref",
            "C1",
            "--source",
            "x.pdf",
            "--period",
            "2024-01",
            *c,
        ],
    )
    assert res.exit_code == 0
    assert "Children we look after" in catalogue_copy.read_text()
    res = runner.invoke(
        app,
        [
            "catalogue",
            "add",
            "foster_enquiries",
            "--name",
            "Number of fostering enquiries",
            "--unit",
            "count",
            "--time-basis",
            "month",
            "--code",
            "X1",
            *c,
        ],
    )
    assert res.exit_code == 0
    added = [i for i in json.loads(catalogue_copy.read_text())["indicators"] if i["id"] == "foster_enquiries"][0]
    assert (added["time_basis"], added["codes"]) == ("month", ["X1"])
    res = runner.invoke(app, ["catalogue", "add", "foster_enquiries", "--name", "x", "--unit", "count", *c])
    assert res.exit_code == 2 and "already exists" in res.output


def test_interactive_review_records_choices(app, obs_csv, tmp_path, catalogue_copy):
    dec = tmp_path / "decisions.json"
    base = ["-d", str(dec), "-c", str(catalogue_copy)]
    listed = runner.invoke(app, ["review", str(obs_csv), "--list", *base]).stdout
    queued = listed.count("review") + listed.count("unmatched")
    answers = "new bicycles_repaired\n" + "skip\n" * queued
    res = runner.invoke(app, ["review", str(obs_csv), "--interactive", *base], input=answers)
    assert res.exit_code == 0, res.output
    saved = json.loads(dec.read_text())["decisions"]
    assert [(d["name"], d["action"]) for d in saved] == [("Number of bicycles repaired", "new")]


def test_match_accepts_schema_typed_parquet(app, tmp_path):
    typed = OBS.replace("", None).astype(OBSERVATION_DTYPES)
    src = tmp_path / "typed.parquet"
    typed.to_parquet(src)
    out = tmp_path / "out.parquet"
    res = runner.invoke(app, ["match", str(src), "-o", str(out), "-d", str(tmp_path / "d.json")])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert df["value"].dtype == "Float64"
    assert df["canonical_id"].iloc[0] == "mash_referrals_1wd_pct"


def test_review_shows_candidates_side_by_side_with_definitions_and_guards(app, tmp_path, catalogue_copy):
    obs = observations([("", "Referral rate per 10,000 children aged 0-17", "2024-05", "61")])
    src = tmp_path / "r.csv"
    obs.to_csv(src, index=False)
    base = ["-d", str(tmp_path / "d.json"), "-c", str(catalogue_copy)]
    res = runner.invoke(app, ["review", str(src), "--show", "1", *base], env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "the name does not say which" in out
    assert "1. cin_referrals_rate" in out and "2. cin_referrals_rate_12m" in out or "1. cin_referrals_rate_12m" in out
    for row in ("definition", "time basis", "in the month", "rolling 12 months", "population", "guards"):
        assert row in out, row
    named = runner.invoke(
        app,
        ["review", str(src), "--show", "Referral rate per 10,000 children aged 0-17", *base],
        env={"COLUMNS": "250"},
    )
    assert named.exit_code == 0 and "definition" in named.stdout
    missing = runner.invoke(app, ["review", str(src), "--show", "nothing like it", *base])
    assert missing.exit_code == 2 and "no such name" in missing.output


def test_review_shows_what_the_guards_blocked(app, tmp_path, catalogue_copy):
    obs = observations([("", "Number of contacts year to date", "2024-05", "9000")])
    src = tmp_path / "r.csv"
    obs.to_csv(src, index=False)
    res = runner.invoke(
        app,
        ["review", str(src), "--show", "1", "-d", str(tmp_path / "d.json"), "-c", str(catalogue_copy)],
        env={"COLUMNS": "250"},
    )
    assert res.exit_code == 0, res.output
    assert "contacts (blocked)" in res.stdout and "time basis: year to date vs in the month" in res.stdout
