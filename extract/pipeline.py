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

from .observations import TableReader
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


def extract_file(
    path: str | Path,
    *,
    pages: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractResult:
    path = Path(path)
    _check_file(path)
    source = path.name
    doc = _open_pdfium(path)
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
        first_text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()

    import pdfplumber

    reader = TableReader(find_report_period(first_text[:3000]))
    reports: list[PageReport] = []
    obs: list[dict] = []
    texts: list[dict] = []
    warnings: list[str] = []
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise ExtractError(f"damaged PDF ({type(exc).__name__})") from None
    with pdf:
        for done, p in enumerate(wanted):
            if progress:
                progress(done, len(wanted))
            tri = triage_text(page_texts[p])
            if not tri.candidate:
                reports.append(PageReport(p, "skipped", tri.reason))
                reader.last = None
            else:
                try:
                    content = read_page(pdf.pages[p - 1], source)
                except Exception as exc:  # a damaged page must not cost the rest of the file
                    warnings.append(f"page {p}: could not be parsed ({type(exc).__name__})")
                    reports.append(PageReport(p, "failed", f"could not be parsed ({type(exc).__name__})"))
                    reader.last = None
                    continue
                tables = find_tables(content)
                n_values = 0
                n_tables = 0
                notes = []
                for t in tables:
                    res = reader.read(t, page_texts[p])
                    if res.observations:
                        n_tables += 1
                        n_values += len(res.observations)
                        obs += res.observations
                        texts += res.texts
                    if res.note:
                        notes.append(res.note)
                if not tables:
                    reader.last = None
                reason = tri.reason if n_tables else f"no indicator table ({tri.reason})"
                if "continued from previous page" in notes:
                    reason += "; table continued from previous page"
                reports.append(PageReport(p, "read", reason, n_tables, n_values))
    return ExtractResult(source, observations_frame(obs), pd.DataFrame(texts, columns=TEXT_COLUMNS), reports, warnings)


def source_name(path: str | os.PathLike) -> str:
    return Path(path).name
