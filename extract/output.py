"""Writing observation tables where users open them: CSV (stdout or file), JSON records, Parquet.

Cells a spreadsheet would run as a formula are neutralised in CSV output with a leading
apostrophe; printed numbers such as `-3%` are left alone, since Excel reads them as numbers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "json", "parquet")
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


def neutralise(value):
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def write_frame(df: pd.DataFrame, out: str | None, fmt: str) -> None:
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet needs a file: use -o FILE.parquet")
        df.to_parquet(out, index=False)
        return
    if fmt == "json":
        text = df.to_json(orient="records", force_ascii=False, indent=1)
    else:
        safe = df.copy()
        for col in safe.columns:
            if safe[col].dtype == object or str(safe[col].dtype) == "string":
                safe[col] = safe[col].map(neutralise)
        text = safe.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    if not out or out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(out).write_text(text, encoding="utf-8")
