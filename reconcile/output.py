"""Findings to CSV or JSON: one row per finding, sources as a JSON list so nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..extract.output import neutralise_frame
from .engine import Result


def write(result: Result, path: str | Path) -> None:
    path = Path(path)
    df = result.frame()
    if path.suffix.lower() == ".json":
        recs = df.to_dict("records")
        for r in recs:
            r["sources"] = json.loads(r["sources"])
            r["periods"] = r["periods"].split(";") if r["periods"] else []
        path.write_text(json.dumps(recs, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    elif path.suffix.lower() == ".csv":
        neutralise_frame(df).to_csv(path, index=False)
    else:
        raise ValueError(f"{path}: unknown format {path.suffix or '(none)'!r}; use .csv or .json")


def read(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if path.suffix.lower() == ".json":
        df = pd.DataFrame(json.loads(path.read_text(encoding="utf-8")))
        df["periods"] = df["periods"].map(";".join)
        df["sources"] = df["sources"].map(json.dumps)
        return df
    return pd.read_csv(path, dtype=str, keep_default_na=False)
