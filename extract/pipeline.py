"""PDF -> pages -> tables -> observations, for one file.

Errors a user can meet (missing file, not a PDF, encrypted, damaged) become `ExtractError` with a
one-line message; the CLI reports it and carries on with the other files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .ocr.textquality import quality
from .observations import TableReader
from .page import PageContent
from .periods import find_report_period
from .schema import COLUMNS, OBSERVATION_DTYPES
from .tables import find_tables
from .textlayer import read_page
from .triage import triage_text

TEXT_COLUMNS = ["source", "page", "table", "row", "ref", "indicator", "field", "text"]


class ExtractError(Exception):
    """A file scorekit cannot read, with a message fit for one line."""


@dataclass
class PageReport:
    page: int
    status: str  # read | skipped
    reason: str
    tables: int = 0
    values: int = 0
    method: str = "text"


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
        pages.extend(p for p in range(lo, min(hi, n_pages) + 1) if p not in pages)
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


def _open_pdfium(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ExtractError("encrypted: a password is needed") from None
        raise ExtractError(f"damaged PDF ({exc})") from None


def observations_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.astype(OBSERVATION_DTYPES)


def _ocr_task(path: str, index: int, dpi: int, engine: str) -> PageContent:
    from .ocr import ocr_page

    return ocr_page(path, index, dpi=dpi, engine=engine)


def _pool(jobs: int):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork where there is one: no re-import of the caller's __main__, and the parent holds no open
    # pdfium document by the time pages are OCR'd (tesseract itself runs as a subprocess)
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context(method))


def _route(plumber_page, pdfium_page, text: str, mode: str) -> tuple[str, str]:
    """Text layer or OCR for one page, with the reason (see router.py for the evidence)."""
    if mode == "never":
        return "text", "OCR disabled (--ocr never)"
    if mode == "always":
        return "ocr", "OCR forced (--ocr always)"
    q = quality(text)
    good = len(text.strip()) >= 20 and q.cid_share <= 0.05 and q.bad_char_share <= 0.05 and q.wordlike >= 0.6
    if good and not triage_text(text).candidate:
        return "text", "text layer is printed text"
    from .router import decide

    d = decide(plumber_page, pdfium_page)
    return d.method, d.reason


def extract_file(
    path: str | Path,
    *,
    pages: str | None = None,
    ocr: str = "auto",
    ocr_engine: str = "tesseract",
    dpi: int = 300,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractResult:
    """Extract one PDF. Pages needing OCR run in a process pool while text pages are read."""
    import pdfplumber

    if ocr not in ("auto", "always", "never"):
        raise ExtractError(f"unknown --ocr mode {ocr!r} (auto|always|never)")
    path = Path(path)
    _check_file(path)
    source = path.name
    doc = _open_pdfium(path)
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many types for damaged files
        doc.close()
        raise ExtractError(f"damaged PDF ({type(exc).__name__})") from None
    reports: dict[int, PageReport] = {}
    warnings: list[str] = []
    routes: dict[int, tuple[str, str]] = {}
    with pdf:
        try:
            n_pages = len(doc)
            if n_pages == 0:
                raise ExtractError("the PDF has no pages")
            wanted = parse_pages(pages, n_pages)
            page_texts = {}
            for p in wanted:
                tp = doc[p - 1].get_textpage()
                page_texts[p] = tp.get_text_range()
                tp.close()
                try:
                    routes[p] = _route(pdf.pages[p - 1], doc[p - 1], page_texts[p], ocr)
                except Exception as exc:  # a damaged page must not cost the rest of the file
                    routes[p] = ("failed", f"could not be parsed ({type(exc).__name__})")
            first_text = page_texts.get(1) or doc[0].get_textpage().get_text_range()
        finally:
            doc.close()

        ocr_pages = [p for p in wanted if routes[p][0] == "ocr"]
        futures = {}
        pool = None
        if ocr_pages:
            n_jobs = max(1, min(jobs or os.cpu_count() or 1, len(ocr_pages)))
            if n_jobs > 1:
                pool = _pool(n_jobs)
                futures = {p: pool.submit(_ocr_task, str(path), p - 1, dpi, ocr_engine) for p in ocr_pages}

        reader = TableReader(find_report_period(first_text[:3000]))
        obs: list[dict] = []
        texts: list[dict] = []
        try:
            for done, p in enumerate(wanted):
                if progress:
                    progress(done, len(wanted))
                method, route_reason = routes[p]
                if method == "failed":
                    warnings.append(f"page {p}: {route_reason}")
                    reports[p] = PageReport(p, "failed", route_reason)
                    reader.last = None
                    continue
                if method == "text":
                    tri = triage_text(page_texts[p])
                    if not tri.candidate:
                        reports[p] = PageReport(p, "skipped", tri.reason)
                        reader.last = None
                        continue
                    try:
                        content = read_page(pdf.pages[p - 1], source)
                    except Exception as exc:
                        warnings.append(f"page {p}: could not be parsed ({type(exc).__name__})")
                        reports[p] = PageReport(p, "failed", f"could not be parsed ({type(exc).__name__})")
                        reader.last = None
                        continue
                    page_text = page_texts[p]
                else:
                    try:
                        content = futures[p].result() if p in futures else _ocr_task(str(path), p - 1, dpi, ocr_engine)
                    except Exception as exc:
                        warnings.append(f"page {p}: OCR failed ({type(exc).__name__}: {exc})")
                        reports[p] = PageReport(p, "failed", f"OCR failed ({type(exc).__name__})", method="ocr")
                        reader.last = None
                        continue
                    page_text = " ".join(w.text for w in content.words)
                    tri = triage_text(page_text)
                    if not tri.candidate:
                        reports[p] = PageReport(p, "skipped", f"{route_reason}; OCR text: {tri.reason}", method="ocr")
                        reader.last = None
                        continue
                n_tables, n_values, notes = 0, 0, []
                tables = find_tables(content)
                for t in tables:
                    res = reader.read(t, page_text)
                    if res.observations:
                        n_tables += 1
                        n_values += len(res.observations)
                        obs += res.observations
                        texts += res.texts
                    if res.note:
                        notes.append(res.note)
                if not tables:
                    reader.last = None
                reason = f"{route_reason}; {tri.reason}" if method == "ocr" else tri.reason
                if not n_tables:
                    reason = f"no indicator table ({reason})"
                if "continued from previous page" in notes:
                    reason += "; table continued from previous page"
                reports[p] = PageReport(p, "read", reason, n_tables, n_values, method)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    frame = observations_frame(obs)
    if ocr_pages and len(frame):
        frame = _check_ocr_rows(frame)
    page_reports = [reports[p] for p in wanted]
    return ExtractResult(source, frame, pd.DataFrame(texts, columns=TEXT_COLUMNS), page_reports, warnings)


def _check_ocr_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The report's own arithmetic (12-month avg/max, % change) judges OCR'd numbers."""
    from .checks import run_checks

    checked = run_checks(frame)
    ocr_rows = frame["method"] == "ocr"
    frame = frame.copy()
    frame.loc[ocr_rows, "flags"] = checked.loc[ocr_rows, "flags"]
    frame.loc[ocr_rows, "confidence"] = checked.loc[ocr_rows, "confidence"]
    return frame.astype(OBSERVATION_DTYPES)


def source_name(path: str | os.PathLike) -> str:
    return Path(path).name
