"""The same findings for reviewers who live in Excel: one sheet of findings, one of source values."""

from __future__ import annotations

import json
from pathlib import Path

from ..reconcile.engine import Result
from ..reconcile.findings import COLUMNS, CONFLICTS

SOURCE_COLUMNS = [
    "finding_id",
    "file",
    "page",
    "table",
    "row",
    "period",
    "value",
    "value_raw",
    "unit",
    "bbox",
    "method",
    "confidence",
    "report_date",
    "indicator",
    "area",
]


def write(result: Result, path: str | Path, include_all: bool = True) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    from ..extract.output import neutralise

    wb = Workbook()
    ws = wb.active
    if not isinstance(ws, Worksheet):  # a new workbook's one sheet; openpyxl types it as possibly absent
        raise TypeError("a new workbook's active sheet is not a worksheet")
    ws.title = "findings"
    cols = [c for c in COLUMNS if c != "sources"] + ["decision_value", "decision_note"]
    ws.append(cols)
    src: Worksheet = wb.create_sheet("sources")
    src.append(SOURCE_COLUMNS)
    for f in result.findings:
        if not include_all and f.cls not in CONFLICTS:
            continue
        rec = f.to_record()
        ws.append([neutralise(rec[c]) for c in cols[:-2]] + ["", ""])
        for e in json.loads(rec["sources"]):
            src.append(
                [f.id] + [json.dumps(e[k]) if k == "bbox" else neutralise(e.get(k, "")) for k in SOURCE_COLUMNS[1:]]
            )
    for sheet in (ws, src):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    wb.save(str(path))
