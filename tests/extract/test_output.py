"""Outputs open in pandas and Excel, stream without holding a batch in memory, and never run formulas."""

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from scorekit.archive.series import write_export
from scorekit.extract.output import Sink, neutralise_frame
from scorekit.extract.schema import OBSERVATION_DTYPES

HOSTILE = ['=HYPERLINK("http://x","click")', "+SUM(1,2)", "-2+3", "@cmd", "-3%", "→ -3%", "25%", "1,147"]


def frame(n: int = 3) -> pd.DataFrame:
    rows = [dict.fromkeys(OBSERVATION_DTYPES) for _ in range(n)]
    for i, r in enumerate(rows):
        r.update(source="a.pdf", page=i + 1, value=float(i), value_raw=str(i), indicator=f"=cmd{i}")
    return pd.DataFrame(rows, columns=list(OBSERVATION_DTYPES))


def test_formula_text_is_neutralised_but_numbers_are_not():
    out = neutralise_frame(pd.DataFrame({"t": HOSTILE}))["t"].tolist()
    assert out[:4] == ["'" + h for h in HOSTILE[:4]]
    assert out[4:] == HOSTILE[4:]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_streamed_batches_read_back_whole(tmp_path, fmt):
    path = tmp_path / f"o.{fmt}"
    sink = Sink(str(path), fmt, OBSERVATION_DTYPES)
    for _ in range(4):
        sink.write(frame())
    sink.write(frame(0))
    sink.close()
    df = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[fmt](path)
    assert len(df) == 12 and list(df["page"][:3]) == [1, 2, 3]
    if fmt == "json":
        json.loads(path.read_text())
    if fmt == "csv":
        assert df["indicator"].str.startswith("'=").all()


def test_empty_parquet_still_has_the_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    Sink(str(path), "parquet", OBSERVATION_DTYPES).close()
    assert list(pd.read_parquet(path).columns) == list(OBSERVATION_DTYPES)


def test_xlsx_export_holds_text_not_formulas(tmp_path):
    path = tmp_path / "x.xlsx"
    write_export(pd.DataFrame({"indicator": HOSTILE}), path, "xlsx")
    cells = list(load_workbook(path).active["A"][1:])
    assert all(c.data_type != "f" for c in cells)
    assert cells[0].value == "'" + HOSTILE[0]
