"""Documents on a Dask distributed cluster: the same per-document task as a local run.

Each task runs `extract_file` in the Dask worker's own process (its processes are the
parallelism; worker processes may not fork pools of their own). Results come back in file order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from .pipeline import ExtractError, ExtractResult, Options, extract_file


def extract_document(path: str, opts: Options) -> ExtractResult | ExtractError:
    try:
        return extract_file(
            path,
            pages=opts.pages,
            ocr=opts.ocr,
            ocr_engine=opts.ocr_engine,
            dpi=opts.dpi,
            jobs=1,
            password=opts.password,
            isolate=False,
        )
    except ExtractError as exc:
        return exc


def extract_on_cluster(client, files: list[Path], opts: Options) -> Iterator[tuple[Path, ExtractResult | ExtractError]]:
    local = replace(opts, jobs=1, isolate=False)
    futures = [client.submit(extract_document, str(Path(f).resolve()), local, pure=False) for f in files]
    for path, fut in zip(files, futures, strict=True):
        yield path, fut.result()
