"""Damaged, encrypted and hostile PDFs, built here from the fixtures (nothing large is committed).

Each gets correct values or a one-line error naming the file, never a traceback, a hang or a
memory blow-up, and in a batch never costs the other files their results.
"""

import io
import re
import zlib

import pandas as pd
import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject, NumberObject, StreamObject
from typer.testing import CliRunner

from scorekit.cli import app
from scorekit.extract.pipeline import ExtractError, extract_file

from ..conftest import pdf

FRAMEWORK = pdf("framework-2014-15-q2")
runner = CliRunner()


def run(*args):
    r = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in r.stderr + r.stdout
    return r


def values(path, **kw) -> set:
    obs = extract_file(path, **kw).observations
    return set(zip(obs["ref"], obs["period"], obs["measure"], obs["value"].astype(str)))


@pytest.fixture(scope="module")
def reference():
    return values(FRAMEWORK)


def write(writer: PdfWriter, path):
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_broken_startxref_is_repaired(tmp_path, reference):
    data = FRAMEWORK.read_bytes()
    broken = re.sub(rb"startxref\s+\d+", b"startxref\n999999", data)
    p = tmp_path / "badxref.pdf"
    p.write_bytes(broken)
    assert values(p) == reference


def test_missing_xref_table_is_rebuilt(tmp_path, reference):
    data = FRAMEWORK.read_bytes()
    start = data.rindex(b"\nxref")
    trailer = data.index(b"trailer", start)
    p = tmp_path / "noxref.pdf"
    p.write_bytes(data[:start] + b"\n" + data[trailer:])
    assert values(p) == reference


def test_pdf_with_no_pages(tmp_path):
    w = PdfWriter()
    p = write(w, tmp_path / "nopages.pdf")
    r = run("extract", p)
    assert r.exit_code == 1 and "nopages.pdf: the PDF has no pages" in r.stderr


def test_user_password_needs_password_option(tmp_path, reference):
    w = PdfWriter(clone_from=FRAMEWORK)
    w.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-256")
    p = write(w, tmp_path / "locked.pdf")
    r = run("extract", p)
    assert r.exit_code == 1 and "locked.pdf: encrypted: a password is needed" in r.stderr
    wrong = run("extract", p, "--password", "nope")
    assert wrong.exit_code == 1 and "password given is wrong" in wrong.stderr
    assert values(p, password="s3cret") == reference
    ok = run("extract", p, "--password", "s3cret", "-q")
    assert ok.exit_code == 0 and len(pd.read_csv(io.StringIO(ok.stdout))) == 345


def test_owner_password_only_just_works(tmp_path, reference):
    w = PdfWriter(clone_from=FRAMEWORK)
    w.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
    p = write(w, tmp_path / "owner.pdf")
    assert values(p) == reference


def _page_with_stream(data: bytes, filters: list[str]) -> PdfWriter:
    w = PdfWriter()
    page = w.add_blank_page(612, 792)
    stream = StreamObject()
    stream._data = data
    stream[NameObject("/Filter")] = __import__("pypdf").generic.ArrayObject([NameObject(f) for f in filters])
    stream[NameObject("/Length")] = NumberObject(len(data))
    page[NameObject("/Contents")] = w._add_object(stream)
    return w


def _bomb(size: int) -> bytes:
    """Zeros deflated twice: a few KB that inflate to `size` bytes."""
    comp = zlib.compressobj(9)
    chunk = b"0 " * (1 << 20)
    inner = b"".join(comp.compress(chunk) for _ in range(size // len(chunk))) + comp.flush()
    return zlib.compress(inner, 9)


def test_decompression_bomb_costs_one_page_not_the_machine(tmp_path):
    data = _bomb(3 << 30)
    assert len(data) < 64 * 1024
    w = _page_with_stream(data, ["/FlateDecode", "/FlateDecode"])
    p = write(w, tmp_path / "bomb.pdf")
    r = run("extract", p, FRAMEWORK, "--max-memory", "900", "--page-timeout", "60", "-q")
    assert r.exit_code == 1
    assert "bomb.pdf:" in r.stderr
    assert len(pd.read_csv(io.StringIO(r.stdout))) == 345  # the good file still comes out


def test_huge_image_is_bounded(tmp_path):
    w = PdfWriter()
    page = w.add_blank_page(612, 792)
    side = 40000
    raw = zlib.compressobj(9)
    row = b"\xff" * side
    inner = b"".join(raw.compress(row) for _ in range(side)) + raw.flush()
    img = StreamObject()
    img._data = zlib.compress(inner, 9)
    for k, v in {
        "/Type": NameObject("/XObject"),
        "/Subtype": NameObject("/Image"),
        "/Width": NumberObject(side),
        "/Height": NumberObject(side),
        "/ColorSpace": NameObject("/DeviceGray"),
        "/BitsPerComponent": NumberObject(8),
    }.items():
        img[NameObject(k)] = v
    img[NameObject("/Filter")] = __import__("pypdf").generic.ArrayObject(
        [NameObject("/FlateDecode"), NameObject("/FlateDecode")]
    )
    ref = w._add_object(img)
    page[NameObject("/Resources")] = __import__("pypdf").generic.DictionaryObject(
        {NameObject("/XObject"): __import__("pypdf").generic.DictionaryObject({NameObject("/Im0"): ref})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q 612 0 0 792 0 0 cm /Im0 Do Q")
    page[NameObject("/Contents")] = w._add_object(content)
    p = write(w, tmp_path / "huge.pdf")
    r = run("extract", p, "--max-memory", "900", "--page-timeout", "60", "-q")
    assert "Traceback" not in r.stderr
    if r.exit_code:
        assert "huge.pdf:" in r.stderr


def test_thousands_of_pages(tmp_path, reference):
    w = PdfWriter(clone_from=FRAMEWORK)
    for _ in range(2000):
        w.add_blank_page(595, 842)
    p = write(w, tmp_path / "long.pdf")
    res = extract_file(p)
    assert len(res.pages) == 2006
    assert (
        set(
            zip(
                res.observations["ref"],
                res.observations["period"],
                res.observations["measure"],
                res.observations["value"].astype(str),
            )
        )
        == reference
    )
    assert sum(1 for r in res.pages if r.status == "skipped") == 2000


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_pages_give_the_same_values(tmp_path, reference, angle):
    w = PdfWriter(clone_from=FRAMEWORK)
    for page in w.pages:
        page.rotate(angle)
    assert values(write(w, tmp_path / f"rot{angle}.pdf")) == reference


def test_incremental_update_last_revision_wins(tmp_path):
    w = PdfWriter(str(FRAMEWORK), incremental=True)
    w.remove_page(0)
    p = write(w, tmp_path / "updated.pdf")
    assert p.read_bytes().startswith(FRAMEWORK.read_bytes()[:1000])  # really an appended revision
    res = extract_file(p)
    assert len(res.pages) == 5
    assert "LSCB1 / FD8" not in set(res.observations["ref"])  # it was on the removed first page


def test_javascript_and_attachments_are_ignored(tmp_path, reference, monkeypatch):
    w = PdfWriter(clone_from=FRAMEWORK)
    from pypdf.actions import JavaScript

    w.add_open_action(JavaScript("app.alert('hello');"))
    w.add_attachment("payload.exe", b"MZ" + b"\0" * 100)
    p = write(w, tmp_path / "active.pdf")
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    assert values(p) == reference
    assert set(tmp_path.iterdir()) == before


def test_library_raises_extracterror_not_tracebacks(tmp_path):
    p = tmp_path / "junk.pdf"
    p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 50)
    with pytest.raises(ExtractError):
        extract_file(p)
