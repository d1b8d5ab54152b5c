"""`scorekit reconcile` through typer's runner on a tiny app, as the main CLI registers it."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from scorekit.reconcile import decisions as decmod
from scorekit.reconcile.commands import register
from tests.conftest import command_app

from .test_units import obs

runner = CliRunner()


@pytest.fixture(scope="module")
def app():
    return command_app(register)


def test_all_fixtures_write_csv_and_json_with_every_class(app, matched_all, tmp_path):
    src = tmp_path / "matched.parquet"
    matched_all.to_parquet(src)
    for ext in ("csv", "json"):
        out = tmp_path / f"findings.{ext}"
        res = runner.invoke(app, ["reconcile", str(src), "-o", str(out), "-d", str(tmp_path / "none.csv")])
        assert res.exit_code == 1, res.output  # the fixtures hold unresolved conflicts
        df = (
            pd.read_csv(out, dtype=str, keep_default_na=False)
            if ext == "csv"
            else pd.DataFrame(json.loads(out.read_text()))
        )
        assert {
            "canonical_id",
            "indicator",
            "measure",
            "period",
            "periods",
            "class",
            "shift_months",
            "values",
            "sources",
        } <= set(df.columns)
        assert {"equivalent", "duplicate_copy", "shifted_series", "revision", "contradiction"} <= set(df["class"])


def test_exit_status_follows_unresolved_conflicts(app, tmp_path):
    f = tmp_path / "obs.csv"
    obs(
        [
            ("a.pdf", 1, 1, 1, "y", "2023-03", "40"),
            ("b.pdf", 1, 1, 1, "y", "2023-05", "42"),
            ("b.pdf", 1, 1, 1, "y", "2023-03", "42"),
        ]
    ).to_csv(f, index=False)
    dec = tmp_path / "dec.csv"
    out = tmp_path / "f.csv"
    res = runner.invoke(app, ["reconcile", str(f), "-o", str(out), "-d", str(dec)])
    assert res.exit_code == 1
    fid = pd.read_csv(out, dtype=str).query("`class` == 'revision'")["finding_id"].iloc[0]
    decmod.append(dec, decmod.Decision(finding=fid, value=42.0, note="checked with the team"))
    res = runner.invoke(app, ["reconcile", str(f), "-d", str(dec)])
    assert res.exit_code == 0, res.output
    agree = tmp_path / "agree.csv"
    obs([("a.pdf", 1, 1, 1, "y", "2023-03", "40"), ("b.pdf", 1, 1, 1, "y", "2023-03", "40")]).to_csv(agree, index=False)
    assert runner.invoke(app, ["reconcile", str(agree), "-d", str(dec)]).exit_code == 0


@pytest.mark.parametrize(
    "args, needle",
    [
        (["reconcile", "missing.csv"], "missing.csv: no such file"),
        (["reconcile", "obs.txt"], "unknown format"),
        (["reconcile", "notapdf.pdf"], "notapdf.pdf: not a PDF"),
        (["reconcile", "obs.csv", "-o", "out.txt"], "out.txt: unknown format"),
    ],
)
def test_errors_are_one_line(app, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "obs.txt").write_text("x")
    (tmp_path / "notapdf.pdf").write_text("hello")
    obs([("a.pdf", 1, 1, 1, "y", "2023-03", "40")]).to_csv(tmp_path / "obs.csv", index=False)
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert needle in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
