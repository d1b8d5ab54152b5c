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
    return set(zip(obs["ref"], obs["period"], obs["measure"], obs["value"].astype(str), strict=False))


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
                strict=False,
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


def _deflated(prefix: bytes, zeros: int) -> bytes:
    """A zlib stream of `prefix` then `zeros` zero bytes, built from one repeated block (a full
    flush makes every block after it the same), so gigabytes cost a few MB and no time; the
    checksum is worked out in closed form (zeros leave adler32's `a` as it is)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 24)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.flush()
    n = zeros // len(chunk)
    adler = zlib.adler32(prefix)
    a, b = adler & 0xFFFF, adler >> 16
    b = (b + n * len(chunk) * a) % 65521
    return b"\x78\xda" + head + block * n + tail + ((b << 16) | a).to_bytes(4, "big")


def _xref_stream_pdf(tmp_path):
    """The framework fixture saved with a cross-reference stream, and where that stream lies."""
    import pikepdf

    path = tmp_path / "xref.pdf"
    with pikepdf.open(FRAMEWORK) as doc:
        doc.save(path, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    data = path.read_bytes()
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    head = re.match(rb"(\d+) 0 obj\s*<<(.*?)>>\s*stream\r?\n", data[start : start + 600], re.S)
    assert head and b"/XRef" in head.group(2)
    return data, start, head


def _unpredict(decoded: bytes, columns: int) -> bytes:
    """Undo the PNG Up predictor a cross-reference stream is saved with."""
    rows, prev = [], bytes(columns)
    for i in range(0, len(decoded), columns + 1):
        row = bytes((a + b) & 255 for a, b in zip(decoded[i + 1 : i + 1 + columns], prev, strict=True))
        rows.append(row)
        prev = row
    return b"".join(rows)


def test_a_bomb_in_what_opening_inflates_costs_a_worker_not_the_run(tmp_path):
    """A cross-reference stream (inflated by merely opening the file) that decodes to its table and
    then 4 GB: the parent never opens the file, so under a 2.5 GB address-space limit it survives,
    says one line about the bomb, and writes the other file's values."""
    import resource
    import subprocess
    import sys

    data, start, head = _xref_stream_pdf(tmp_path)
    fields = head.group(2)
    raw = data[start + head.end() : start + head.end() + int(re.search(rb"/Length (\d+)", fields).group(1))]
    columns = int(re.search(rb"/Columns (\d+)", fields).group(1))
    table = _unpredict(zlib.decompress(raw), columns)
    bomb = zlib.compress(_deflated(table, 4 << 30), 9)
    fields = re.sub(rb"/DecodeParms\s*<<.*?>>", b"", fields)
    fields = re.sub(rb"/Filter\s*/FlateDecode", b"/Filter [/FlateDecode /FlateDecode]", fields)
    fields = re.sub(rb"/Length \d+", b"/Length %d" % len(bomb), fields)
    obj = head.group(1) + b" 0 obj\n<<" + fields + b">>\nstream\n" + bomb + b"\nendstream\nendobj\n"
    path = tmp_path / "bomb-xref.pdf"
    path.write_bytes(data[:start] + obj + b"startxref\n%d\n%%%%EOF\n" % start)
    assert path.stat().st_size < 200_000

    def limit() -> None:
        cap = int(2.5 * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    out = tmp_path / "o.csv"
    cmd = [sys.executable, "-m", "scorekit.cli", "extract", str(path), str(FRAMEWORK), "-o", str(out), "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, preexec_fn=limit)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bomb-xref.pdf:" in lines[0] and "memory cap" in lines[0], proc.stderr
    assert len(pd.read_csv(out)) == 345


def test_an_unused_metadata_bomb_is_never_inflated(tmp_path):
    """The catalogue's XMP stream inflates to 4 GB, but nothing scorekit reads needs it: the
    document is read whole, with the parent and its workers held under 2.5 GB."""
    import resource
    import subprocess
    import sys

    import pikepdf

    path = tmp_path / "bomb-metadata.pdf"
    with pikepdf.open(FRAMEWORK) as doc:
        xmp = pikepdf.Stream(doc, zlib.compress(_deflated(b"", 4 << 30), 9))
        xmp.Filter = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.FlateDecode])
        xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
        doc.Root.Metadata = doc.make_indirect(xmp)
        doc.save(path, stream_decode_level=pikepdf.StreamDecodeLevel.none)

    def limit() -> None:
        cap = int(2.5 * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    cmd = [sys.executable, "-m", "scorekit.cli", "extract", str(path), "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, preexec_fn=limit)
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == 345


def test_a_readers_fault_on_one_page_costs_that_page_not_the_document(monkeypatch):
    """The reader runs in the parent, past the workers' guard: a page whose tables it cannot
    read is reported failed, and the document's other pages keep their values."""
    from scorekit.extract import reader as reader_module

    whole = extract_file(FRAMEWORK)
    first_page = int(whole.observations.page.min())
    read = reader_module.TableReader.read

    def faulty(self, table, page, index=1):
        if page.page == first_page:
            raise ValueError("7)")
        return read(self, table, page, index)

    monkeypatch.setattr(reader_module.TableReader, "read", faulty)
    res = extract_file(FRAMEWORK)
    assert [r.status for r in res.pages if r.page == first_page] == ["failed"]
    assert any("ValueError: 7)" in w for w in res.warnings)
    kept = whole.observations[whole.observations.page != first_page]
    assert len(res.observations) == len(kept) > 0
