"""The observation schema: the one table every later stage (matching, reconcile, archive) reads.

One row per printed number or value cell of an indicator table.

| column     | meaning |
|------------|---------|
| source     | file name of the PDF the value was read from |
| page       | 1-based page number in that file |
| table      | 1-based index of the table on that page |
| row        | 1-based data-row index within that table (section and header rows not counted) |
| section    | the section heading the row sits under (e.g. "Front Door"), empty if none |
| ref        | indicator reference as printed (`M6-CL`, `LSCB1 / FD8`), empty if the table has none |
| indicator  | indicator name as printed, line wraps joined with single spaces |
| area       | the area a figure is for, as printed (`Hampshire`, `Statistical neighbours`, `England`, a borough, a ward); empty for the publishing authority's own figures |
| period     | `YYYY-MM` (month), `FY2014/15-Q2` (financial-year quarter), `FY2013/14` (financial year); empty when the column has no period |
| measure    | what the column holds: see `MEASURES` |
| value      | the number as printed (25% -> 25, 1,147 -> 1147); empty for text-only cells |
| value_raw  | the printed cell text, exactly |
| unit       | see `UNITS` |
| flags      | `;`-joined from `FLAGS`; `amended_from=68.9` carries the earlier value |
| method     | `text` (PDF text layer) or `ocr` |
| confidence | 0-1: how sure the extractor is that value, period and measure are right |
| x0, top, x1, bottom | the cell's bounding box in PDF points, origin top-left of the page |

Derived columns (% change, direction of travel, 12-month average and maximum, RAG) carry the report
month as their period: they describe that month. Benchmarks carry the period of their data where the
document says it (e.g. "using 18-19 data" -> FY2018/19), targets the year in their header.
"""

from __future__ import annotations

COLUMNS: list[str] = [
    "source",
    "page",
    "table",
    "row",
    "section",
    "ref",
    "indicator",
    "area",
    "period",
    "measure",
    "value",
    "value_raw",
    "unit",
    "flags",
    "method",
    "confidence",
    "x0",
    "top",
    "x1",
    "bottom",
]

MEASURES: dict[str, str] = {
    "value": "the indicator's value for the period",
    "target": "a target for the period (or for the year named in the header)",
    "stat_neighbour": "statistical neighbours' average",
    "england": "England / national average",
    "region": "regional (e.g. South East) average",
    "avg_12m": "12-month average up to the report month",
    "max_12m": "12-month maximum up to the report month",
    "change_prev": "% change from the previous month (or quarter)",
    "change_year": "% change from the same month a year earlier",
    "rag": "red/amber/green rating",
    "direction": "direction of travel",
    "previous_year": "the value for an earlier year shown for comparison (e.g. So'ton 21/22)",
}

UNITS: dict[str, str] = {
    "count": "a number of children, cases, events",
    "percent": "printed with % or named a percentage",
    "rate_per_10k": "per 10,000 children",
    "rate_per_100k": "per 100,000",
    "days": "a number of days",
    "weeks": "a number of weeks",
    "other": "anything else (ratios, text ratings)",
}

REF_CONTESTED = "ref_contested"
FLAGS: dict[str, str] = {
    "provisional": "printed as provisional (`*Prov`)",
    "amended": "printed with the value it replaced; `amended_from=N` carries it",
    "not_applicable": "`n/a`, `N/A`, `-` for nothing to report",
    "not_collected": "not yet collected / reportable / pending",
    "text_only": "a cell of words with no value",
    "local": "benchmark printed as `Local` (no published comparator)",
    "check_failed": "breaks the report's own arithmetic (12-month avg/max, % change, count vs %)",
    "low_confidence": "OCR reading below the confidence floor: value withheld, raw text kept",
    "check_resolved": ("OCR: the readings disagreed or left ink unread; the report's own arithmetic chose this one"),
    "font_matched": (
        "OCR: the engines disagreed; the page's own print (glyphs learned from its sure figures) "
        "agreed with this reading"
    ),
    "minus_restored": "OCR: a minus sign the readings lost, put back from the ink",
    "percent_restored": "OCR: `%` read as a digit (`13.08`), put back from the row's format",
    "zero_from_ink": "OCR: a zero both engines read as the letter `O` (`AB04` read `ABO4`), told from its ink's width",
    REF_CONTESTED: (
        "OCR: the page's own print names another digit in the row's reference than the engines read, "
        "and nothing settled which: the row's values are withheld"
    ),
    "less_than": "printed as a bound, e.g. a target `<36%`",
    "greater_than": "printed as a bound, e.g. `>90%`",
}

OBSERVATION_DTYPES: dict[str, str] = {
    "source": "string",
    "page": "Int64",
    "table": "Int64",
    "row": "Int64",
    "section": "string",
    "ref": "string",
    "indicator": "string",
    "area": "string",
    "period": "string",
    "measure": "string",
    "value": "Float64",
    "value_raw": "string",
    "unit": "string",
    "flags": "string",
    "method": "string",
    "confidence": "Float64",
    "x0": "Float64",
    "top": "Float64",
    "x1": "Float64",
    "bottom": "Float64",
}
