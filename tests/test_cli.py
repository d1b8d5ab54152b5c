"""The CLI through typer's CliRunner: outputs users open, and one-line errors that never lose other files."""

import io
import json

import pandas as pd
import pytest
from pypdf import PdfWriter
from typer.testing import CliRunner

from scorekit.cli import app
from scorekit.extract.schema import COLUMNS

from .conftest import pdf

runner = CliRunner()
FRAMEWORK = str(pdf("framework-2014-15-q2"))


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_csv_to_stdout_with_summary_on_stderr():
    r = run("extract", FRAMEWORK)
    assert r.exit_code == 0, r.stderr
    df = pd.read_csv(io.StringIO(r.stdout))
    assert list(df.columns) == COLUMNS and len(df) == 345
    assert "framework-2014-15-q2.pdf" in r.stderr and "345" in r.stderr


@pytest.mark.parametrize("ext", ["csv", "json", "parquet"])
def test_every_format_opens_in_pandas(tmp_path, ext):
    out = tmp_path / f"obs.{ext}"
    r = run("extract", FRAMEWORK, "-o", out, "-q")
    assert r.exit_code == 0, r.stderr
    df = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[ext](out)
    assert len(df) == 345
    assert set(COLUMNS) <= set(df.columns)
    row = df[df["ref"] == "LSCB1 / FD8"].iloc[0]
    assert row["value"] == 838 and row["page"] == 1


def test_explicit_format_wins_over_extension(tmp_path):
    out = tmp_path / "obs.txt"
    r = run("extract", FRAMEWORK, "-o", out, "--format", "json", "-q")
    assert r.exit_code == 0
    assert len(json.loads(out.read_text())) == 345


def test_unknown_format_is_a_usage_error(tmp_path):
    r = run("extract", FRAMEWORK, "--format", "xls")
    assert r.exit_code == 2
    assert "'xls' is not one of" in r.stderr and "Traceback" not in r.stderr
    r = run("extract", FRAMEWORK, "-o", tmp_path / "out.xls")
    assert r.exit_code == 2 and "cannot tell the format from" in r.stderr and "Traceback" not in r.stderr


def test_bad_files_get_one_line_each_and_good_files_still_come_out(tmp_path):
    not_pdf = tmp_path / "minutes.pdf"
    not_pdf.write_text("these are minutes, not a PDF")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    r = run("extract", tmp_path / "missing.pdf", not_pdf, empty, FRAMEWORK)
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("scorekit: error:")]
    assert len(errors) == 3
    assert any("missing.pdf: no such file" in e for e in errors)
    assert any("minutes.pdf: not a PDF" in e for e in errors)
    assert any("empty.pdf: empty file" in e for e in errors)
    assert "Traceback" not in r.stderr + r.stdout
    assert len(pd.read_csv(io.StringIO(r.stdout))) == 345


def test_encrypted_pdf_says_so(tmp_path):
    w = PdfWriter(clone_from=FRAMEWORK)
    w.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        w.write(fh)
    r = run("extract", locked)
    assert r.exit_code == 1
    assert "locked.pdf: encrypted" in r.stderr and "Traceback" not in r.stderr


def test_truncated_pdf_gives_values_or_one_line(tmp_path):
    data = pdf("scorecard-2020-10").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    r = run("extract", cut)
    assert "Traceback" not in r.stderr + r.stdout
    if r.exit_code:
        assert "cut.pdf:" in r.stderr


def test_pages_option_limits_the_pages_read():
    r = run("extract", FRAMEWORK, "--pages", "2-3", "-q")
    df = pd.read_csv(io.StringIO(r.stdout))
    assert set(df["page"]) == {2, 3}
    bad = run("extract", FRAMEWORK, "--pages", "x-2")
    assert bad.exit_code == 1 and "bad page range" in bad.stderr


def test_with_text_keeps_commentary_out_of_observations(tmp_path):
    text = tmp_path / "text.csv"
    r = run("extract", str(pdf("scorecard-2021-08")), "-o", tmp_path / "obs.csv", "--with-text", text, "-q")
    assert r.exit_code == 0
    t = pd.read_csv(text)
    assert {"owner", "reporter", "outcome", "commentary"} <= set(t["field"])
    obs = pd.read_csv(tmp_path / "obs.csv")
    assert not obs["value_raw"].astype(str).str.contains("Contacts received during August").any()


def test_verbose_gives_a_reason_per_page():
    r = run("extract", FRAMEWORK, "-v", "-o", "/dev/null")
    assert r.stderr.count("framework-2014-15-q2.pdf p") == 6


def test_formula_like_cells_are_neutralised_in_csv():
    from scorekit.extract.output import neutralise

    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-3%") == "-3%" and neutralise("→ -3%") == "→ -3%"
    assert neutralise("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"


def test_ctrl_c_stops_cleanly(tmp_path):
    """Ctrl-C: the parent stops its workers, says so in one line, exits 130 — no worker tracebacks."""
    import signal
    import subprocess
    import sys
    import time

    from pypdf import PdfReader

    w = PdfWriter(clone_from=FRAMEWORK)
    source = PdfReader(FRAMEWORK)
    for _ in range(400):  # a minute of real table pages: still running when Ctrl-C comes
        w.add_page(source.pages[2])
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        w.write(fh)
    proc = subprocess.Popen(
        [sys.executable, "-m", "scorekit.cli", "extract", str(big), "-o", str(tmp_path / "o.csv")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    out = tmp_path / "o.csv"
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:  # interrupt once pages are being written
        if out.exists() and out.stat().st_size > 2000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the extraction ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err


def test_unknown_ocr_engine_names_the_engines_there_are():
    r = run("extract", FRAMEWORK, "--ocr-engine", "abbyy")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "abbyy" in r.stderr and "tesseract+rapidocr" in r.stderr


def test_closed_choices_are_listed_in_help_and_refused_by_typer():
    """`--format`, `--ocr` and `--ocr-engine` show their values in --help, not `<str>`."""
    text = run("extract", "--help").stdout
    for listed in ("<csv|json|parquet>", "<auto|always|never>", "tesseract+rapidocr>"):
        assert listed in text, listed
    r = run("extract", FRAMEWORK, "--format", "xlsx")
    assert r.exit_code == 2 and "'xlsx' is not one of" in r.stderr


def test_auto_engine_pairs_tesseract_with_rapidocr_where_installed():
    from scorekit.extract.ocr.engines import get_engine

    eng = get_engine("auto")
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        assert eng.name == "tesseract" and eng.second is None
    else:
        assert eng.name == "tesseract+rapidocr" and eng.second.name == "rapidocr"


def test_version_names_the_ocr_and_opencv_it_reads_with():
    r = run("--version")
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and lines[0].startswith("scorekit ")
    got = dict(line.strip().split(" ", 1) for line in lines[1:])
    assert got["tesseract"][0].isdigit() and got["tessdata"].startswith("eng.traineddata sha256:")
    assert got["opencv-python-headless"][0].isdigit()
