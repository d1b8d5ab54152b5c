"""A table's header levels -> what each column holds.

Every column reads its own header text (the lowest level over it) with the texts of the levels
above as its band. The band says what the header alone cannot: the year over `Apr`, the period
over `Actual` / `Target` / `RAG`, the period over `Offences` / `Detections`, the indicator over a
run of years, the data year over benchmark columns. What a header says outright wins; the band
fills in what it leaves open.
"""

from __future__ import annotations

from dataclasses import replace

from .columns import Column, ColumnModel, build_model, for_body, header_period
from .periodruns import settle_level
from .periods import ReportPeriod, add_months, month_in_fy, month_name, parse_fy, parse_period, parse_year
from .structure import Cell

BANDED = ("value", "target", "rag", "direction")  # measures a band's period completes


def header_texts(grid: list[list[Cell | None]], header_rows: int) -> list[list[str]]:
    """Per header level, the text over each column (a spanning cell in every column it covers)."""
    return [[c.text if c is not None and c.row == r else "" for c in grid[r]] for r in range(header_rows)]


def column_headers(levels: list[list[str]], n_cols: int) -> tuple[list[str], list[str]]:
    """Each column's own header (its lowest text) and its band (the texts above, top down)."""
    headers, bands = [], []
    for c in range(n_cols):
        texts = [lvl[c] for lvl in levels if c < len(lvl) and lvl[c]]
        headers.append(texts[-1] if texts else "")
        bands.append(" ".join(texts[:-1]))
    return headers, bands


def model_from_levels(
    levels: list[list[str]], n_cols: int, report: ReportPeriod | None, figures: list[bool | None] | None = None
) -> ColumnModel:
    """`figures`: whether each column's body holds mostly figures (None: nothing printed); a
    header that can name two things is read by its body (`Region` under a benchmarking band over
    figures is the measure it can also name; see `columns.for_body`)."""
    headers, bands = column_headers([settle_level(level) for level in levels], n_cols)
    model = build_model(headers, bands, report, figures)
    for i, col in enumerate(model.columns):
        if figures is not None and col.kind in ("area", "change", "measure"):
            model.columns[i] = for_body(headers[i], bands[i], model.report, figures[i]) or col
    model.columns = [_banded(col, h, b, model.report) for col, h, b in zip(model.columns, headers, bands, strict=True)]
    _months_to_report(model, headers)
    return model


MIN_MONTHS = 3  # bare month names in turn that make a run, not a stray word read as one


def _months_to_report(model: ColumnModel, headers: list[str]) -> None:
    """Bare month names that nothing dated (no year in them, no band over them: a scan may lose
    the band), side by side and one a month in turn up to the report's month (`Feb`..`Oct` in a
    report of October 2020), or down from it: the months to the report, each in the year its
    place before the report gives. A run ending in another month says nothing of its year."""
    report = model.report
    if report is None or any(c.kind == "measure" and c.measure == "value" and c.period for c in model.columns):
        return
    cols = zip(model.columns, headers, strict=True)
    run = [i for i, (c, h) in enumerate(cols) if c.kind == "ignore" and month_name(h)]
    if len(run) < MIN_MONTHS or run != list(range(run[0], run[0] + len(run))):
        return
    months = [month_name(headers[i]) or 0 for i in run]
    steps = {(b - a) % 12 for a, b in zip(months, months[1:], strict=False)}
    if steps == {1} and months[-1] == report.month:
        last = len(run) - 1
    elif steps == {11} and months[0] == report.month:
        last = 0
    else:
        return
    for k, i in enumerate(run):
        period = add_months(report.label, -abs(last - k))
        model.columns[i] = replace(model.columns[i], kind="measure", measure="value", period=period)


def _band_period(band: str, report: ReportPeriod | None) -> str:
    hp = header_period(band, report, allow_serial=False)
    return hp[0] if hp else (parse_period(band, report) or "")


def _banded(col: Column, header: str, band: str, report: ReportPeriod | None) -> Column:
    if not band:
        return col
    period = _band_period(band, report)
    if col.kind == "ignore" and (month := _month_under(header, band)):
        return replace(col, kind="measure", measure="value", period=month, header=f"{band} {header}")
    if (col.kind == "ignore" or col.measure == "value") and (dated := _dated_by_band(header, band)):
        return replace(col, kind="measure", measure="value", period=dated)
    if period and col.kind == "ignore" and header:
        return replace(col, kind="measure", measure="value", period=period, sub=header)
    if period and col.kind == "measure" and col.measure in BANDED and not _own_period(col, header, report):
        return replace(col, period=period)
    if not period and col.kind == "measure" and col.measure == "value" and _names_something(band):
        return replace(col, indicator=band)
    return col


def _dated_by_band(header: str, band: str) -> str:
    """`Q2` under `2019/20`: a period whose year the header leaves to the report, given by the
    band over it instead ("" where the header names its year, or the band none)."""
    own = header_period(header, None, allow_serial=False)
    joined = header_period(f"{band} {header}", None, allow_serial=False)
    return joined[0] if own is None and joined else ""


def _own_period(col: Column, header: str, report: ReportPeriod | None) -> bool:
    return bool(col.period) and header_period(header, report, allow_serial=False) is not None


def _month_under(header: str, band: str) -> str:
    """`Apr` under `2020` or under `2020/21`."""
    fy = parse_fy(band.strip())
    if fy:
        return month_in_fy(header, fy) or ""
    year = parse_year(band.strip())
    if year:
        return _month_year(header, year)
    return ""


def _month_year(header: str, year: str) -> str:
    from .periods import parse_month

    return parse_month(f"{header} {year}") or ""


def _names_something(band: str) -> bool:
    """A band of words (an indicator's name), not a period, a benchmark or a blank."""
    return sum(ch.isalpha() for ch in band) >= 4
