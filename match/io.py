"""Read and write observation tables in the formats the other stages hand over: CSV, JSON, Parquet.

The format is chosen by extension so a pipeline reads the way it was written; everything is read
as text first so that refs like `0010` or values like `25%` survive the round trip unchanged.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".pq": "parquet"}
REQUIRED = ("indicator",)


class ObservationsError(ValueError):
    pass


def _format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ObservationsError(
            f"{path}: unknown format {path.suffix or '(no extension)'!r}; use .csv, .json or .parquet"
        )
    return fmt


def read(path: str | Path) -> pd.DataFrame:
    """`-` reads CSV from stdin, so `scorekit extract a.pdf | scorekit match -` works."""
    if str(path) == "-":
        df = pd.read_csv(sys.stdin, dtype=str, keep_default_na=False)
        missing = [c for c in REQUIRED if c not in df.columns]
        if missing:
            raise ObservationsError(f"stdin: missing column(s) {', '.join(missing)}")
        return df
    path = Path(path)
    fmt = _format(path)
    if not path.exists():
        raise ObservationsError(f"{path}: no such file")
    try:
        if fmt == "csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif fmt == "json":
            df = pd.DataFrame.from_records(json.loads(path.read_text(encoding="utf-8")))
        else:
            df = pd.read_parquet(path)
    except (ValueError, OSError, json.JSONDecodeError, pd.errors.ParserError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ObservationsError(f"{path}: cannot read as {fmt} ({first})") from None
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise ObservationsError(f"{path}: missing column(s) {', '.join(missing)}")
    return df


def read_many(paths: Sequence[str | Path]) -> pd.DataFrame:
    frames = [read(p) for p in paths]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def write(df: pd.DataFrame, path: str | Path | None) -> None:
    """No path: CSV on stdout, so `scorekit match x.csv > y.csv` works. Same writer as `extract`."""
    from ..extract.output import write_frame

    if path is None or str(path) == "-":
        write_frame(df, None, "csv")
        return
    write_frame(df, str(path), _format(Path(path)))
