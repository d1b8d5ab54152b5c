"""Writing observation tables where users open them: CSV (stdout or file), JSON records, Parquet.

Cells a spreadsheet would run as a formula are neutralised in CSV output with a leading
apostrophe; printed numbers such as `-3%` are left alone, since Excel reads them as numbers.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

import pandas as pd


class OutputFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


FORMATS = tuple(f.value for f in OutputFormat)
_FORMULA = re.compile(r"^[=@\t\r]|^[+\-](?![\d.,\s]*%?$)")


def infer_format(out: str | None, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return fmt
    if out and out != "-":
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        if suffix:
            raise ValueError(f"cannot tell the format from {out!r}: use --format csv|json|parquet")
    return "csv"


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _csv_cell(v):
    if _missing(v):
        return ""
    if isinstance(v, float):
        return f"{v:.10g}"
    if isinstance(v, str):
        return neutralise(v)
    return v


def _jsonable(v):
    return None if _missing(v) else v


def neutralise(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas (CSV and xlsx outputs)."""
    safe = df.copy()
    for col in safe.columns:
        if pd.api.types.is_object_dtype(safe[col]) or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(neutralise)
    return safe


def write_frame(df: pd.DataFrame, out: str | None, fmt: str) -> None:
    sink = Sink(out, fmt)
    sink.write(df)
    sink.close()


class Sink:
    """Rows written as they arrive, so a batch of hundreds of packs never sits in memory.

    CSV and JSON stream to a file or stdout; Parquet appends row groups to one file.
    """

    def __init__(self, out: str | None, fmt: str, dtypes: dict[str, str] | None = None):
        if fmt == "parquet" and (not out or out == "-"):
            raise ValueError("parquet needs a file: use -o FILE.parquet")
        self.out, self.fmt, self.dtypes = out, fmt, dtypes
        self._fh: TextIO | None = None
        self._writer: Any = None  # csv's writer type is private
        self._header_done = False
        self._parquet: Any = None
        self._schema: Any = None
        self._rows = 0

    def _open(self) -> TextIO:
        """stdout, or the output file: held open while rows stream in, closed by `close`."""
        if self._fh is None:
            if not self.out or self.out == "-":
                self._fh = sys.stdout
            else:
                self._fh = open(self.out, "w", encoding="utf-8", newline="")  # noqa: SIM115  (closed in close())
            if self.fmt == "json":
                self._fh.write("[")
        return self._fh

    def write_rows(self, rows: list[dict], columns: list[str]) -> None:
        """Plain records, the streaming path: CSV and JSON skip pandas entirely."""
        if self.fmt == "parquet":
            self.write(pd.DataFrame(rows, columns=columns))
            return
        fh = self._open()
        if self.fmt == "json":
            for r in rows:
                fh.write(
                    ("\n " if self._rows == 0 else ",\n ")
                    + json.dumps({c: _jsonable(r.get(c)) for c in columns}, ensure_ascii=False)
                )
                self._rows += 1
        else:
            if self._writer is None:
                self._writer = csv.writer(fh, lineterminator="\n")
            if not self._header_done:
                self._writer.writerow(columns)
                self._header_done = True
            self._writer.writerows([[_csv_cell(r.get(c)) for c in columns] for r in rows])
            self._rows += len(rows)
        fh.flush()

    def write(self, df: pd.DataFrame) -> None:
        if self.dtypes and dict(df.dtypes.astype(str)) != {
            c: str(pd.api.types.pandas_dtype(t)) for c, t in self.dtypes.items()
        }:
            df = df.astype(self.dtypes)
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            if self._parquet is None:
                self._schema = pa.Schema.from_pandas(df, preserve_index=False)
                self._parquet = pq.ParquetWriter(self.out, self._schema)
            if len(df):
                self._parquet.write_table(pa.Table.from_pandas(df, schema=self._schema, preserve_index=False))
        elif self.fmt == "json":
            fh = self._open()
            if len(df):
                body = df.to_json(orient="records", force_ascii=False, lines=True).strip().replace("\n", ",\n ")
                fh.write(("\n " if self._rows == 0 else ",\n ") + body)
        else:
            fh = self._open()
            fh.write(
                neutralise_frame(df).to_csv(
                    index=False, header=not self._header_done, lineterminator="\n", float_format="%.10g"
                )
            )
            self._header_done = True
        self._rows += len(df)
        if self._fh is not None:
            self._fh.flush()

    def close(self) -> None:
        if self.fmt == "parquet":
            if self._parquet is None:
                self.write(pd.DataFrame({c: pd.Series(dtype=t) for c, t in (self.dtypes or {}).items()}))
            self._parquet.close()
            return
        fh = self._open()
        if self.fmt == "json":
            fh.write("\n]\n" if self._rows else "]\n")
        fh.flush()
        if fh is not sys.stdout:
            fh.close()
