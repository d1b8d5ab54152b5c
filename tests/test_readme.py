"""Every `scorekit` example in the README runs and does what it says."""

import re
import shlex

import pandas as pd
from typer.testing import CliRunner

from scorekit.cli import app

from .conftest import ROOT


def readme_examples() -> list[tuple[str, int]]:
    """Each example with the exit status its comment promises (`# exit 1`), else 0."""
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    out = []
    for b in blocks:
        for line in b.splitlines():
            line = line.strip()
            if line.startswith(".venv/bin/scorekit "):
                m = re.search(r"#\s*exit (\d+)\s*$", line)
                out.append((line.split("#")[0].strip(), int(m.group(1)) if m else 0))
    return out


def test_readme_has_two_first_screen_commands_and_ci_uses_the_test_one():
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:25])
    commands = re.findall(r"^bash (scripts/\S+)", first_screen, re.M)
    assert commands == ["scripts/demo.sh", "scripts/test.sh"]
    assert all((ROOT / c).exists() for c in commands)
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_example_runs(tmp_path, monkeypatch):
    examples = readme_examples()
    assert len(examples) >= 4
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for line, code in examples:
        args = shlex.split(line)[1:]
        redirect = None
        if ">" in args:
            i = args.index(">")
            redirect, args = args[i + 1], args[:i]
        args = [str(ROOT / a) if a.startswith("fixtures/") else a for a in args]
        r = runner.invoke(app, args)
        assert r.exit_code == code, f"{line}: {r.stderr}"
        if redirect:
            (tmp_path / redirect).write_text(r.stdout)
    assert len(pd.read_csv(tmp_path / "oct20.csv")) > 500
    assert set(pd.read_parquet(tmp_path / "pack.parquet")["page"]) <= set(range(7, 18))
    assert len(pd.read_json(tmp_path / "q2.json")) == 345
    assert (tmp_path / "q2-text.csv").exists()
    assert len(pd.read_csv(tmp_path / "pack.csv")) > 1000
    assert pd.read_csv(tmp_path / "oct20-matched.csv")["canonical_id"].notna().all()
    findings = pd.read_csv(tmp_path / "findings.csv")
    assert {"shifted_series", "duplicate_copy", "revision"} <= set(findings["class"])
    assert len(pd.read_excel(tmp_path / "series.xlsx")) > 100
    assert "<html" in (tmp_path / "review.html").read_text()[:500].lower()
