"""`scorekit tables`: the reader's raw tables as JSON, and drawn over the page with `--show`."""

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from scorekit.cli import app
from scorekit.extract import pipeline
from scorekit.extract.page import Frame, PageContent, Rule, Word
from scorekit.extract.tablejson import found_table
from scorekit.extract.tables import find_tables

from ..conftest import pdf

runner = CliRunner()
OCT20 = pdf("scorecard-2020-10")
FRAMEWORK = pdf("framework-2014-15-q2")


def run(*args):
    return runner.invoke(app, ["tables", *[str(a) for a in args]])


def tables_of(*args) -> list[dict]:
    r = run(*args, "-q", "-j", "1")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def oct20() -> list[dict]:
    return tables_of(OCT20)


def cell(table: dict, text: str) -> dict:
    (found,) = [c for c in table["cells"] if c["text"] == text]
    return found


def test_one_table_a_page_with_its_cells_on_the_grid(oct20):
    assert [t["page"] for t in oct20] == [1, 2, 3, 4, 5, 6]
    first = oct20[0]
    assert first["strategy"] == "ruled"
    roles = {c["role"] for c in first["cells"] if c["row"] == 2}
    assert roles == {"header"}, "the reader's header row is the row of month labels"
    assert {c["role"] for c in first["cells"] if c["row"] < 2} == {"above_header"}
    assert {c["role"] for c in first["cells"] if c["row"] > 2} == {"body"}
    apr, m1, value = cell(first, "Apr-20"), cell(first, "M1"), cell(first, "1147")
    assert apr["row"] == 2 and m1["col"] == 0
    assert (value["row"], value["col"]) == (m1["row"], apr["col"])
    oct_ = cell(first, "Oct-20")
    assert cell(first, "1555")["col"] == oct_["col"] == apr["col"] + 6


def test_a_merged_header_spans_the_columns_under_it(oct20):
    first = oct20[0]
    (band,) = [c for c in first["cells"] if c["text"].startswith("Benchmarking")]
    assert (band["row"], band["colspan"], band["rowspan"]) == (1, 3, 1)
    under = [cell(first, t) for t in ("SN", "ENG", "SE region")]
    assert [c["col"] for c in under] == [band["col"], band["col"] + 1, band["col"] + 2]
    assert all(c["row"] == band["row"] + 1 for c in under)
    x0, _, x1, _ = band["bbox"]
    assert x0 == pytest.approx(under[0]["bbox"][0], abs=0.1) and x1 == pytest.approx(under[2]["bbox"][2], abs=0.1)


def test_boxes_hold_their_text_and_the_table_holds_its_cells(oct20):
    with pdfplumber.open(OCT20) as doc:
        chars = doc.pages[0].chars
        first = oct20[0]
        # from the header row down: above it, the reader merges the key boxes printed over the
        # table's top border into one cell that overlaps its neighbours (issue 15's to fix)
        for c in (c for c in first["cells"] if c["role"] != "above_header"):
            assert chars_inside(chars, c["bbox"]) == Counter(c["text"].replace(" ", "")), c
            x0, top, x1, bottom = first["bbox"]
            assert x0 - 0.5 <= c["bbox"][0] and c["bbox"][2] <= x1 + 0.5
            assert top - 0.5 <= c["bbox"][1] and c["bbox"][3] <= bottom + 0.5


def assert_grid_follows_boxes(cells: list[dict], tol: float = 1.0) -> None:
    """Rows run down the page as displayed and columns across it: a cell wholly above (left of)
    another on the grid is wholly above (left of) it on the page."""
    for a in cells:
        for b in cells:
            if a["row"] + a["rowspan"] <= b["row"]:
                assert a["bbox"][3] <= b["bbox"][1] + tol, (a, b)
            if a["col"] + a["colspan"] <= b["col"]:
                assert a["bbox"][2] <= b["bbox"][0] + tol, (a, b)


def test_grid_follows_the_boxes(oct20):
    assert_grid_follows_boxes(oct20[1]["cells"])


def chars_inside(chars: list[dict], box: list[float]) -> Counter:
    x0, top, x1, bottom = box
    inside = "".join(
        ch["text"]
        for ch in chars
        if ch["text"].strip()
        and x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
        and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
    )
    return Counter(inside)  # by character: a ligature is one char of two letters


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_boxes_are_on_the_page_as_displayed(tmp_path, rotation):
    """A page turned by /Rotate: the reader reads it unrotated, the boxes land where it shows its text."""
    writer = PdfWriter()
    writer.add_page(PdfReader(FRAMEWORK).pages[0])
    writer.pages[0].rotate(rotation)
    turned = tmp_path / "turned.pdf"
    with turned.open("wb") as fh:
        writer.write(fh)
    upright, found = tables_of(FRAMEWORK, "--pages", "1"), tables_of(turned)
    assert [len(t["cells"]) for t in found] == [len(t["cells"]) for t in upright]
    assert_grid_follows_boxes(found[0]["cells"])
    turned_spans = Counter((c["rowspan"], c["colspan"])[:: 1 if rotation == 180 else -1] for c in found[0]["cells"])
    assert turned_spans == Counter((c["rowspan"], c["colspan"]) for c in upright[0]["cells"])
    header = [c["text"] for c in upright[0]["cells"] if c["role"] == "header"]
    assert sorted(c["text"] for c in found[0]["cells"] if c["role"] == "header") == sorted(header)
    with pdfplumber.open(turned) as doc:
        page = doc.pages[0]
        assert page.rotation == rotation
        texts = [c for c in found[0]["cells"] if c["text"]]
        assert len(texts) > 70
        for c in texts:
            assert chars_inside(page.chars, c["bbox"]) == Counter(c["text"].replace(" ", "")), c


def test_header_row_is_the_readers_decision():
    """The JSON's header rows are the rows `TableReader.read` takes as title, band and header."""
    from scorekit.extract.observations import TableReader

    works = list(pipeline.iter_tables(OCT20, pipeline.Options(pages="2", isolate=False)))
    (page,) = works
    (table,) = page.tables
    assert page.headers == [TableReader(None).header_row(table, "")] == [0]
    assert [s.text if s else "" for s in table.rows[0]][:3] == ["Ref.", "Indicator", "Owner"]
    found = found_table(table, page.headers[0])
    assert {c.role for c in found.cells if c.row == 0} == {"header"}
    assert {c.role for c in found.cells if c.row > 0} == {"body"}


def test_show_draws_each_page_over_its_render(tmp_path):
    shown = tmp_path / "shown"
    r = run(OCT20, "--pages", "1-2", "--show", shown, "-q", "-o", tmp_path / "t.json")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in shown.iterdir()) == ["scorecard-2020-10-p1.png", "scorecard-2020-10-p2.png"]
    doc = pdfium.PdfDocument(str(OCT20))
    w, h = doc[0].get_size()
    plain = np.asarray(doc[0].render(scale=100 / 72).to_pil().convert("RGB"), dtype=np.int16)
    drawn = np.asarray(Image.open(shown / "scorecard-2020-10-p1.png").convert("RGB"), dtype=np.int16)
    assert (
        drawn.shape == plain.shape
        and abs(drawn.shape[1] - w * 100 / 72) <= 1
        and abs(drawn.shape[0] - h * 100 / 72) <= 1
    )
    changed = np.abs(drawn - plain).sum(axis=2) > 30
    table = json.loads((tmp_path / "t.json").read_text())[0]
    x0, top, x1, bottom = (round(v * 100 / 72) for v in table["bbox"])
    assert changed[top + 2 : bottom - 2, x0 + 2 : x1 - 2].mean() > 0.02  # cells and header drawn inside
    assert changed[bottom + 20 :, :].mean() < 0.001  # the page below the table is left as it is
    frame = drawn[top, x0 + 10 : x1 - 10]
    assert (np.abs(frame - [214, 39, 40]).sum(axis=1) < 60).mean() > 0.9  # the table's frame, red for ruled


def test_show_writes_a_page_without_tables_too(tmp_path):
    r = run(pdf("agenda-2023-11"), "--pages", "1", "--show", tmp_path, "-q", "-j", "1")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == []
    assert (tmp_path / "agenda-2023-11-p1.png").exists()


def test_pages_triage_skips_are_read_with_all_pages():
    """The agenda's cover is prose: `extract` skips it, `--all-pages` runs the table finder there too."""
    r = run(pdf("agenda-2023-11"), "--pages", "1", "-j", "1")
    assert r.exit_code == 0 and "0 read" in r.stderr and "skipped as prose: 1 " in r.stderr
    r = run(pdf("agenda-2023-11"), "--pages", "1", "-j", "1", "--all-pages")
    assert r.exit_code == 0 and "1 read" in r.stderr and "skipped" not in r.stderr


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.pdf", "missing.pdf: no such file"),
        (lambda d: _write(d / "minutes.pdf", b"minutes, not a PDF"), "minutes.pdf: not a PDF"),
        (lambda d: _write(d / "cut.pdf", FRAMEWORK.read_bytes()[:2000]), "cut.pdf: damaged PDF"),
        (lambda d: _encrypted(d / "locked.pdf"), "locked.pdf: encrypted: a password is needed"),
    ],
)
def test_bad_files_get_one_line(tmp_path, make, message):
    r = run(make(tmp_path))
    assert r.exit_code == 1
    assert r.stderr.startswith("scorekit: error: ") and message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr + r.stdout
    assert r.stdout == ""


@pytest.mark.parametrize("spec", ["0", "x-2", "3-1", "40-"])
def test_bad_pages_get_one_line(spec):
    r = run(FRAMEWORK, "--pages", spec)
    assert r.exit_code == 1 and r.stderr.startswith("scorekit: error: ") and "page" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_an_encrypted_file_opens_with_its_password(tmp_path):
    assert len(tables_of(_encrypted(tmp_path / "locked.pdf"), "--password", "secret")) == 6


def test_a_page_the_reader_fails_on_is_one_line_and_the_rest_is_kept(monkeypatch):
    def failing(content):
        if content.page == 2:
            raise KeyError("a bug in the reader")
        return find_tables(content)

    monkeypatch.setattr(pipeline, "find_tables", failing)  # the workers fork with it
    r = run(OCT20, "--pages", "1-3", "-j", "1")
    assert r.exit_code == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if "warning" in line]
    assert warnings == [f"scorekit: warning: {OCT20} page 2: could not be read (KeyError: 'a bug in the reader')"]
    assert "Traceback" not in r.stderr
    assert [t["page"] for t in json.loads(r.stdout)] == [1, 3]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _encrypted(path: Path) -> Path:
    w = PdfWriter(clone_from=FRAMEWORK)
    w.encrypt(user_password="secret", owner_password="owner")  # noqa: S106 - a test file's password
    with path.open("wb") as fh:
        w.write(fh)
    return path


# --- merged cells of any shape come out at their grid position with their spans --------------


@st.composite
def partitions(draw):
    """A grid of n_rows x n_cols slots cut into rectangles: (row, col, rowspan, colspan) each."""
    n_rows, n_cols = draw(st.integers(2, 6)), draw(st.integers(3, 7))
    free = {(r, c) for r in range(n_rows) for c in range(n_cols)}
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) not in free:
                continue
            rs, cs = draw(st.integers(1, n_rows - r)), draw(st.integers(1, n_cols - c))
            while not all((r + i, c + j) in free for i in range(rs) for j in range(cs)):
                rs, cs = (rs - 1, cs) if rs > cs else (rs, cs - 1)
            free -= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            cells.append((r, c, rs, cs))
    return n_rows, n_cols, cells


def _page(n_rows: int, n_cols: int, cells: list[tuple[int, int, int, int]]) -> PageContent:
    x = [40 + 60 * c for c in range(n_cols + 1)]
    y = [100 + 20 * r for r in range(n_rows + 1)]
    rules, words = [], []
    for r, c, rs, cs in cells:
        x0, top, x1, bottom = x[c], y[r], x[c + cs], y[r + rs]
        rules += [
            Rule(x0, top, x1, top),
            Rule(x0, bottom, x1, bottom),
            Rule(x0, top, x0, bottom),
            Rule(x1, top, x1, bottom),
        ]
        xc, yc = (x0 + x1) / 2, (top + bottom) / 2
        words.append(Word(f"r{r}c{c}", xc - 10, yc - 4, xc + 10, yc + 4))
    return PageContent("grid.pdf", 1, 612, 792, words, rules)


def _on_drawn_lines(cells: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The partition on the grid its rules draw: a slot boundary no cell edge runs along is no line."""
    ys = sorted({r for r, _, _, _ in cells} | {r + rs for r, _, rs, _ in cells})
    xs = sorted({c for _, c, _, _ in cells} | {c + cs for _, c, _, cs in cells})
    return [
        (ys.index(r), xs.index(c), ys.index(r + rs) - ys.index(r), xs.index(c + cs) - xs.index(c))
        for r, c, rs, cs in cells
    ]


@settings(max_examples=60, deadline=None)
@given(partitions(), st.sampled_from([90, 180, 270]))
def test_a_turned_page_gives_the_grid_as_displayed(grid, rotation):
    n_rows, n_cols, cells = grid
    assume(max(c + cs for _, c, _, cs in _on_drawn_lines(cells)) >= 3)
    page = _page(n_rows, n_cols, cells)
    shown = (page.height, page.width) if rotation in (90, 270) else (page.width, page.height)
    page.frame = Frame((360 - rotation) % 360, *shown)  # the page as displayed turned by /Rotate
    (table,) = find_tables(page)
    found = [asdict(c) for c in found_table(table, None).cells]
    assert_grid_follows_boxes(found, tol=0.01)
    (upright,) = find_tables(_page(n_rows, n_cols, cells))
    spans = Counter((c["rowspan"], c["colspan"])[:: 1 if rotation == 180 else -1] for c in found)
    assert spans == Counter((c.rowspan, c.colspan) for c in found_table(upright, None).cells)


@settings(max_examples=150, deadline=None)
@given(partitions())
def test_merged_cells_keep_their_grid_position_and_spans(grid):
    n_rows, n_cols, cells = grid
    expected = _on_drawn_lines(cells)
    assume(max(c + cs for _, c, _, cs in expected) >= 3)  # the ruled finder wants three columns
    (table,) = find_tables(_page(n_rows, n_cols, cells))
    found = found_table(table, None)
    assert sorted((c.row, c.col, c.rowspan, c.colspan) for c in found.cells) == sorted(expected)
    by_origin = {(r, c): f"r{r0}c{c0}" for (r, c, _, _), (r0, c0, _, _) in zip(expected, cells, strict=True)}
    assert all(c.text == by_origin[c.row, c.col] for c in found.cells)
