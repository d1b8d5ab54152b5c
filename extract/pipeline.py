"""PDF -> pages -> tables -> observations.

Pages are independent until their tables are read: routing, the text layer or OCR, and finding
tables run per page in worker processes (each with a time limit and a memory cap, so a
decompression bomb or a pathological page costs that page, not the run). Reading tables is
stateful (a table continued from the previous page keeps its columns), so it happens in the
parent in page order, and each page's observations are handed on as soon as they are read:
memory stays flat however long the document or the batch.

Errors a user can meet (missing file, not a PDF, encrypted, damaged) become `ExtractError` with a
one-line message; the CLI reports it and carries on with the other files.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any

import pandas as pd

from .cipher import (
    UNKNOWN,
    Blank,
    Deciphered,
    Key,
    Readings,
    blank_in,
    decipher,
    learn,
    mark_in,
    read_alone,
    unkeyed_glyphs,
    with_dropped,
)
from .page import Frame, PageContent, Word
from .pdftext import TextLayer, page_content, read_layer
from .periods import find_report_period, parse_month
from .reader import PageInfo, TableReader
from .records import withhold
from .respelling import respell
from .router import RouteDecision, decide
from .schema import COLUMNS, OBSERVATION_DTYPES
from .secondreading import second_reading
from .structure import Table, find_tables
from .structure.lines import lines_text
from .textquality import dictionary, quality
from .triage import triage_text
from .workers import PagePool, PageTimeoutError

TEXT_COLUMNS = ["source", "page", "table", "row", "ref", "indicator", "field", "text"]
MIN_KNOWN = 0.995  # share of a garbled layer's glyphs its key must read for the layer to stand in for OCR
MONTH_LETTERS = 9  # September
QUARTER = re.compile(r"Q[1-4]", re.I)
MAX_OCR_PIXELS = 120e6  # a huge page is rendered at a lower resolution rather than exhausting memory


class ExtractError(Exception):
    """A file scorekit cannot read, with a message fit for one line."""


class OcrMode(StrEnum):
    """auto: OCR the pages whose text layer fails the router's test; always; never."""

    auto = "auto"
    always = "always"
    never = "never"


@dataclass
class Options:
    pages: str | None = None
    ocr: str = "auto"  # auto | always | never
    ocr_engine: str = "auto"
    dpi: int = 300
    jobs: int | None = None  # None: one per core
    password: str | None = None
    page_timeout: float = 300.0
    max_memory_mb: int = 3072
    isolate: bool = True  # pages in worker processes (off inside a Dask worker)


@dataclass
class PageReport:
    page: int
    status: str  # read | skipped | failed
    reason: str
    tables: int = 0
    values: int = 0
    method: str = "text"


@dataclass
class PageWork:
    """What a worker hands back for one page: picklable, and small (tables, not the page)."""

    page: int
    method: str
    status: str
    reason: str
    tables: list[Table] = field(default_factory=list)
    text: str = ""
    frame: Frame = field(default_factory=Frame)


@dataclass
class ExtractResult:
    source: str
    observations: pd.DataFrame
    texts: pd.DataFrame
    pages: list[PageReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def n_tables(self) -> int:
        return sum(p.tables for p in self.pages)


def parse_pages(spec: str | None, n_pages: int) -> list[int]:
    """`1-3,7,10-` -> 1-based page numbers within the document."""
    if not spec:
        return list(range(1, n_pages + 1))
    pages: list[int] = []
    seen: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if "-" in part:
                a, b = part.split("-", 1)
                lo = int(a) if a else 1
                hi = int(b) if b else n_pages
            else:
                lo = hi = int(part)
        except ValueError:
            raise ExtractError(f"bad page range {part!r} (use e.g. 1-3,7,10-)") from None
        if lo < 1 or hi < lo:
            raise ExtractError(f"bad page range {part!r}")
        for p in range(lo, min(hi, n_pages) + 1):
            if p not in seen:
                seen.add(p)
                pages.append(p)
    if not pages:
        raise ExtractError(f"pages {spec!r} select nothing in a {n_pages}-page document")
    return pages


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ExtractError("no such file")
    if path.is_dir():
        raise ExtractError("is a directory, not a PDF")
    if path.stat().st_size == 0:
        raise ExtractError("empty file")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise ExtractError("not a PDF (no %PDF header)")


def open_pdfium(path: Path, password: str | None = None):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            if password:
                raise ExtractError("encrypted: the password given is wrong") from None
            raise ExtractError("encrypted: a password is needed (--password)") from None
        raise ExtractError(_second_opinion(path, exc)) from None


def _second_opinion(path: Path, exc: Exception) -> str:
    """pdfium refuses some structurally odd files outright; pypdf can say why in user terms."""
    try:
        from pypdf import PdfReader

        if len(PdfReader(str(path), strict=False).pages) == 0:
            return "the PDF has no pages"
    except Exception:  # noqa: S110 - pypdf failing too is the answer: the file is beyond repair
        pass
    return f"damaged PDF beyond repair ({exc})"


def observations_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.astype(OBSERVATION_DTYPES)


# --- per-page stage (runs in a worker) -------------------------------------------------------

_OPEN: dict[tuple[str, str | None], Any] = {}  # pypdfium2 documents


def _documents(path: str, password: str | None):
    """This worker's open pdfium document for one file: opened once, reused for its other pages."""
    key = (path, password)
    if key not in _OPEN:
        close_documents()
        _OPEN[key] = open_pdfium(Path(path), password)
    return _OPEN[key]


def close_documents() -> None:
    for key in list(_OPEN):
        handle = _OPEN.pop(key)
        with contextlib.suppress(Exception):  # closing a damaged document may raise; it is closed all the same
            handle.close()


def _route(pdfium_page, text: str, mode: str, layer: Callable[[], TextLayer]) -> RouteDecision:
    """Text layer or OCR for one page, with the reason (see router.py for the evidence). The page's
    text layer (`layer`) is read only if the cheap look at its text does not settle it."""
    if mode == "never":
        return RouteDecision("text", "OCR disabled (--ocr never)")
    if mode == "always":
        return RouteDecision("ocr", "OCR forced (--ocr always)")
    q = quality(text)
    good = (
        len(text.strip()) >= 20
        and q.cid_share <= 0.05
        and q.bad_char_share <= 0.05
        and q.wordlike >= 0.6
        and not q.letters_not_words
    )
    if good and not triage_text(text).candidate and not _has_page_image(pdfium_page):
        return RouteDecision("text", "text layer is printed text")
    return decide(layer(), pdfium_page, text, q)


def _has_page_image(pdfium_page, share: float = 0.6) -> bool:
    """A page-sized image means a scan: its text layer (if any) is a scanner's OCR to be judged."""
    import pypdfium2.raw as pdfium_c

    w, h = pdfium_page.get_size()
    area = (w * h) or 1.0
    for obj in pdfium_page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) / area >= share:
            return True
    return False


@dataclass(frozen=True)
class PageImage:
    """A page rendered once for OCR: the key's pass over a garbled layer and the OCR reader share it."""

    grey: Any
    dpi: int


def _page_image(pdfium_page, opts: Options) -> PageImage:
    from .ocr.image import render_page

    w, h = pdfium_page.get_size()
    dpi = opts.dpi
    if (w * dpi / 72) * (h * dpi / 72) > MAX_OCR_PIXELS:
        dpi = max(72, int(72 * (MAX_OCR_PIXELS / (w * h)) ** 0.5))
    return PageImage(render_page(pdfium_page, dpi), dpi)


def _deciphered(pdfium_page, image: PageImage, layer: TextLayer, opts: Options) -> Deciphered | None:
    """A garbled layer read with the key one OCR pass of the page gives (cipher.py), if the router
    then finds it printed text; else None, and the page is OCRed."""
    from .ocr import get_engine
    from .ocr import image as im

    grey, dpi = image.grey, image.dpi
    h, v = im.line_masks(im.binarise(grey), dpi, grey)
    page = im.clean_for_ocr(grey, h, v, dpi)  # white on a dark band read as dark on white
    s = 72.0 / dpi
    words = [Word(w.text, w.x0 * s, w.top * s, w.x1 * s, w.bottom * s) for w in get_engine(opts.ocr_engine).words(page)]
    blank = blank_in(grey, dpi)
    layer = with_dropped(layer, blank)
    out = decipher(layer, *_learned(layer, words, blank, PageImage(page, dpi), opts))
    if out.known < MIN_KNOWN or any(UNKNOWN in w.text and _keys_values(w.text) for w in out.layer.words):
        return None  # a reference, value or date half read would key observations wrongly
    stream = "".join(c.text for c in out.layer.chars)
    return out if decide(out.layer, pdfium_page, stream).method == "text" else None


def _learned(layer: TextLayer, words: list[Word], blank: Blank, page: PageImage, opts: Options) -> tuple[Key, Readings]:
    """The key the page's OCR pass gives; where it lacks codes, again with their glyphs that stand
    alone read one by one (`page`: the page cleaned for OCR)."""
    from .ocr import get_engine, glyphs
    from .vocabulary import VOCABULARY

    marks = mark_in(page.grey, page.dpi, lambda g: glyphs.lone_arrow(g) or glyphs.triangle(g) or glyphs.flat_arrow(g))
    learnt = partial(learn, blank=blank, same=VOCABULARY.same_marks, mark=marks, alike=VOCABULARY.case_alike)
    key, readings = learnt(layer.chars, words)
    if alone := unkeyed_glyphs(layer.chars, key, blank):
        engine = get_engine(opts.ocr_engine)
        key, readings = learnt(
            layer.chars, words + read_alone(layer.chars, alone, page.grey, page.dpi, partial(_glyph_texts, engine))
        )
    return key, readings


def _glyph_texts(engine, images: list) -> list[str]:
    """Each image's one glyph, where the engine reads exactly one."""
    texts = [ws[0].text.strip() if len(ws) == 1 else "" for ws in engine.read_images(images, line=True)]
    return [t if len(t) == 1 else "" for t in texts]


def _unread_out(words: list[Word]) -> list[Word]:
    """The words the key read whole, and the words of letters it half read: a figure half read is
    left out (unread is better than misread), but a word of a name or a title stays with its
    unread glyphs (`timesca\ufffdes`), so the name it ends is not taken for the whole name (the
    reader withholds what a half-read name keys), and a lone mark it could not read stays (the
    dash in `performance - March`): left out, its gap would part a title into phrases that line
    up with a table's columns. A word a missing-value code fills is that code (`_code_filled`)."""
    return [_code_filled(w) for w in words if UNKNOWN not in w.text or not any(ch.isdigit() for ch in w.text)]


def _code_filled(w: Word) -> Word:
    """A word whose one unread glyph is the mark of exactly one worded missing-value code whose
    other characters it has (`n\ufffda`: the key lacks the `/`, which OCR reads as the `l` another
    code is) is that code; left half read, the row it stands in was withheld."""
    from .vocabulary import VOCABULARY

    if w.text.count(UNKNOWN) != 1:
        return w
    low = w.text.lower()
    p = low.index(UNKNOWN)
    fits = {
        c[p]
        for c in VOCABULARY.worded_codes
        if len(c) == len(low) and not c[p].isalnum() and c[:p] == low[:p] and c[p + 1 :] == low[p + 1 :]
    }
    return replace(w, text=w.text.replace(UNKNOWN, fits.pop())) if len(fits) == 1 else w


def _keys_values(text: str) -> bool:
    """A word with glyphs the key does not read that may be a figure, a reference or a period
    label: it holds a digit, or some letters in its unread glyphs make it a month (`�an` over a
    column of January's figures, dropped, would file them under the band's year)."""
    if any(ch.isdigit() for ch in text):
        return True
    word = text.strip(".,:;()")
    if len(word) > MONTH_LETTERS or word.count(UNKNOWN) > 2:
        return False
    fills = itertools.product(string.ascii_letters + string.digits, repeat=word.count(UNKNOWN))
    return any(_period_label(word.replace(UNKNOWN, "{}").format(*f)) for f in fills)


def _period_label(word: str) -> bool:
    """A month's name (`Jan`, `July`) or a quarter (`Q3`), as a header prints them over figures."""
    return parse_month(f"{word} 2020") is not None or bool(QUARTER.fullmatch(word))


def _ocr_content(image: PageImage, source: str, page_no: int, opts: Options) -> PageContent:
    from .ocr import ocr_image

    content = ocr_image(image.grey, image.dpi, opts.ocr_engine)
    content.source, content.page = source, page_no
    return content


def page_stage(path: str, page_no: int, opts: Options) -> PageWork:
    """Route one page, read it (text layer or OCR) and find its tables."""
    source = Path(path).name
    pdfium_page = _documents(path, opts.password)[page_no - 1]
    textpage = pdfium_page.get_textpage()
    try:
        text = textpage.get_text_range()
        layer = cache(lambda: read_layer(pdfium_page, textpage))
        route = _route(pdfium_page, text, opts.ocr, layer)
        method, why = route.method, route.reason
        image = cache(lambda: _page_image(pdfium_page, opts))
        garbled = read_layer(pdfium_page, textpage, loose=True) if route.garbled else None
        deciphered = _deciphered(pdfium_page, image(), garbled, opts) if garbled is not None else None
        if deciphered is not None:
            content = page_content(deciphered.layer, source, page_no)
            content.words = respell(_unread_out(content.words), dictionary())  # its key is OCR's reading
            method, text = "text", " ".join(w.text for w in content.words)  # its lines run on without a break
            key = f"deciphered: {deciphered.codes} codes read {deciphered.known:.1%} of glyphs"
            reason = f"{why}; {key}; {triage_text(text).reason}"
        elif method == "text":
            content = page_content(layer(), source, page_no)
            reason = triage_text(text).reason
            text = lines_text(content.words)
        else:
            content = _ocr_content(image(), source, page_no, opts)
            if route.metrics.get("invisible_share", 0.0) > 0.5 and layer().frame.turn == content.frame.turn:
                content.words = second_reading(content.words, layer().words, dictionary())
            content.words = respell(content.words, dictionary())
            text = " ".join(w.text for w in content.words)
            reason = f"{why}; {triage_text(text).reason}"
    finally:
        textpage.close()
        pdfium_page.close()
    tables = find_tables(content)
    if not tables:
        return PageWork(page_no, method, "skipped", f"no table found ({reason})", text=text[:3000])
    return PageWork(page_no, method, "read", reason, tables, text, content.frame)


# --- the document (runs in the parent) -------------------------------------------------------


@dataclass
class PageOutput:
    """One page's rows as plain records (cheap to stream); frames are built only when asked for."""

    report: PageReport
    rows: list[dict] = field(default_factory=list)
    text_rows: list[dict] = field(default_factory=list)

    @cached_property
    def observations(self) -> pd.DataFrame:
        return observations_frame(self.rows)

    @cached_property
    def texts(self) -> pd.DataFrame:
        return _texts(self.text_rows)


def _page_works(
    path: Path, opts: Options, pool: PagePool | None, progress: Callable[[int, int], None] | None
) -> Iterator[tuple[int, PageWork | BaseException]]:
    """Each wanted page's per-page stage, in page order: its `PageWork`, or what it raised."""
    if opts.ocr not in tuple(OcrMode):
        raise ExtractError(f"unknown --ocr mode {opts.ocr!r} ({'|'.join(OcrMode)})")
    _check_file(path)
    own_pool = pool is None
    pool = pool or PagePool(opts.jobs, opts.page_timeout, opts.max_memory_mb, opts.isolate)
    try:
        wanted = parse_pages(opts.pages, _open_in_worker(pool, path, opts.password))
        for done, (page_no, work) in enumerate(pool.map_pages(page_stage, str(path), wanted, opts)):
            if progress:
                progress(done + 1, len(wanted))
            yield page_no, work
    finally:
        if not pool.isolate:  # pages ran in this process: its handles on the file go with it
            close_documents()
        if own_pool:
            pool.close()


def iter_extract(
    path: str | Path,
    opts: Options | None = None,
    *,
    pool: PagePool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[PageOutput]:
    """Yield each page's observations in page order as soon as they are read, or, where a page
    holds a reference awaiting a witness (`TableReader.unwitnessed`), once a later page gives one
    or the document ends."""
    reader = TableReader(None)
    waiting: list[PageOutput] = []
    for done, (page_no, work) in enumerate(_page_works(Path(path), opts or Options(), pool, progress)):
        if done == 0 and not isinstance(work, BaseException):
            reader.document_report = find_report_period(work.text[:3000])
        waiting.append(_page_output(reader, page_no, work, Path(path).name))
        if not reader.unwitnessed():
            yield from waiting
            waiting = []
    unwitnessed = reader.unwitnessed()
    for out in waiting:
        out.rows = [withhold(o) if o["ref"] in unwitnessed else o for o in out.rows]
        yield out


def _page_output(reader: TableReader, page_no: int, work: PageWork | BaseException, source: str) -> PageOutput:
    if isinstance(work, BaseException):
        reader.last = None
        return PageOutput(PageReport(page_no, "failed", _failure(work)))
    if work.status != "read":
        reader.last = None
        return PageOutput(PageReport(page_no, work.status, work.reason, method=work.method))
    try:
        return _read_tables(reader, work, source)
    except Exception as exc:  # a reader's fault on one page costs that page, as a worker's does
        reader.last = None
        return PageOutput(PageReport(page_no, "failed", _failure(exc), method=work.method))


@dataclass
class PageTables:
    """One page's tables as the reader found them, before any is read into observations."""

    report: PageReport
    tables: list[Table] = field(default_factory=list)
    frame: Frame = field(default_factory=Frame)


def iter_tables(
    path: str | Path,
    opts: Options | None = None,
    *,
    pool: PagePool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[PageTables]:
    """Yield each page's tables in page order, as the per-page stage `iter_extract` reads from
    finds them (same routing, OCR and limits), header levels marked."""
    for page_no, work in _page_works(Path(path), opts or Options(), pool, progress):
        if isinstance(work, BaseException):
            yield PageTables(PageReport(page_no, "failed", _failure(work)))
            continue
        report = PageReport(page_no, work.status, work.reason, len(work.tables), method=work.method)
        yield PageTables(report, work.tables, work.frame)


def count_pages(path: str, password: str | None) -> int:
    """Runs in a worker: opening a PDF parses (and may inflate) its cross-reference streams."""
    doc = open_pdfium(Path(path), password)
    try:
        return len(doc)
    finally:
        doc.close()


def _open_in_worker(pool: PagePool, path: Path, password: str | None) -> int:
    try:
        n_pages = pool.call(count_pages, str(path), password)
    except MemoryError:
        raise ExtractError("exceeded the memory cap while opening it (a decompression bomb?)") from None
    except PageTimeoutError as exc:
        raise ExtractError(f"timed out while opening it ({exc})") from None
    if n_pages == 0:
        raise ExtractError("the PDF has no pages")
    return int(n_pages)


def _read_tables(reader: TableReader, work: PageWork, source: str) -> PageOutput:
    obs: list[dict] = []
    texts: list[dict] = []
    n_tables, notes = 0, []
    page = PageInfo(source, work.page, work.method, work.frame, work.text)
    for index, t in enumerate(work.tables, start=1):
        res = reader.read(t, page, index)
        if res.observations:
            n_tables += 1
            obs += res.observations
            texts += res.texts
        if res.note:
            notes.append(res.note)
    if not work.tables:
        reader.last = None
    reason = work.reason if n_tables else f"no indicator table ({work.reason})"
    if "continued from previous page" in notes:
        reason += "; table continued from previous page"
    if work.method == "ocr" and obs:
        from .checks import run_checks

        checked = run_checks(observations_frame(obs)).astype(object)
        obs = checked.where(checked.notna(), None).to_dict("records")
    return PageOutput(PageReport(work.page, "read", reason, n_tables, len(obs), work.method), obs, texts)


def _texts(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=TEXT_COLUMNS)


def _failure(exc: BaseException) -> str:
    if isinstance(exc, PageTimeoutError):
        return f"timed out ({exc})"
    if isinstance(exc, MemoryError):
        return "exceeded the memory cap (a decompression bomb or a huge image?)"
    if isinstance(exc, ExtractError):
        return str(exc)
    msg = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"could not be read ({type(exc).__name__}{': ' + msg if msg else ''})"


def extract_file(
    path: str | Path,
    *,
    pages: str | None = None,
    ocr: str = "auto",
    ocr_engine: str = "auto",
    dpi: int = 300,
    jobs: int | None = None,
    password: str | None = None,
    isolate: bool = True,
    progress: Callable[[int, int], None] | None = None,
    pool: PagePool | None = None,
) -> ExtractResult:
    """Extract one PDF into memory (the CLI streams instead, via `iter_extract`)."""
    opts = Options(pages=pages, ocr=ocr, ocr_engine=ocr_engine, dpi=dpi, jobs=jobs, password=password, isolate=isolate)
    outputs = list(iter_extract(path, opts, pool=pool, progress=progress))
    reports = [o.report for o in outputs]
    warnings = [f"page {r.page}: {r.reason}" for r in reports if r.status == "failed"]
    return ExtractResult(
        Path(path).name,
        observations_frame([r for o in outputs for r in o.rows]),
        _texts([r for o in outputs for r in o.text_rows]),
        reports,
        warnings,
    )
