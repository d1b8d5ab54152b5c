"""One self-contained HTML file: no network, every image and chart inline.

Each finding shows the classification and its reason, the printed cell of every source value
cropped from its page side by side, a chart of the indicator with each printed row's line and the
disputed points ringed, and the command that records a decision.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..reconcile.cells import Cell, plain_number
from ..reconcile.engine import Result
from ..reconcile.findings import CLASSES, CONFLICTS, Finding
from .chart import svg
from .crops import Cropper

CSS = """
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f4f5f7;color:#222}
header{background:#1d3557;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
.summary span{display:inline-block;margin:6px 10px 0 0;padding:2px 8px;border-radius:10px;background:#fff3;
cursor:pointer}
main{padding:16px 24px}
.finding{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0 0 16px;padding:12px 16px}
.finding h2{font-size:16px;margin:0 0 4px}
.badge{font-size:12px;padding:2px 8px;border-radius:10px;color:#fff;margin-right:6px}
.revision{background:#e76f51}.contradiction{background:#c1121f}.shifted_series{background:#7b2cbf}
.equivalent{background:#6c757d}.duplicate_copy{background:#adb5bd}
.reason{color:#444;margin:4px 0 8px}.cells{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.cell{border:1px solid #ccc;border-radius:4px;padding:4px;background:#fcfcfc;font-size:11px;max-width:230px}
.cell img{display:block;max-width:220px;border:1px solid #eee;margin-bottom:3px}.cell.disputed{border-color:#d62728}
.missing{color:#999;font-style:italic}code{background:#f0f0f0;padding:3px 6px;border-radius:3px;display:inline-block}
.decide{margin-top:6px}.hidden{display:none}
"""

JS = """
document.querySelectorAll('.summary span[data-class]').forEach(function(el){
  el.addEventListener('click',function(){
    var c=el.getAttribute('data-class');
    document.querySelectorAll('.finding').forEach(function(f){
      f.classList.toggle('hidden', c!=='all' && f.getAttribute('data-class')!==c);
    });
  });
});
document.querySelectorAll('form.decide').forEach(function(form){
  form.addEventListener('submit',function(ev){
    ev.preventDefault();
    var v=form.querySelector('input[name=value]').value.trim();
    var code=form.querySelector('code');
    code.textContent=form.getAttribute('data-base')+(v?' --value '+v:'');
  });
});
"""


def _label(c: Cell) -> str:
    return f"{c.source} p{c.page} t{c.table} r{c.row} ({c.report_date})"


Series = dict[tuple[str, str, str], dict[str, list[Cell]]]


def _series(result: Result) -> Series:
    """Each indicator-area-measure's monthly cells, by the printed row they sit in."""
    out: Series = defaultdict(lambda: defaultdict(list))
    for c in result.cells:
        if c.id in result.copy_ids or c.month is None or len(c.period) != 7:
            continue
        out[c.series][_label(c)].append(c)
    return out


def _cell_html(c: Cell, cropper: Cropper, disputed: bool) -> str:
    uri = cropper.crop(c.path, c.source, c.page, c.bbox)
    img = (
        f'<img alt="cell {escape(c.raw)}" src="{uri}">'
        if uri
        else '<div class="missing">PDF not available for a crop</div>'
    )
    bbox = ", ".join(f"{v:.1f}" for v in c.bbox)
    return (
        f'<div class="cell{" disputed" if disputed else ""}">{img}'
        f"<b>{escape(c.raw or str(plain_number(c.value)))}</b> for {escape(c.period)}<br>"
        f"{escape(c.source)} p{c.page} table {c.table} row {c.row}<br>"
        f"bbox [{bbox}] · {escape(c.method)} · conf {c.confidence:.2f}<br>"
        f'report date {escape(c.report_date)}<br><span title="{escape(c.indicator)}">'
        f"{escape(c.indicator[:60])}</span></div>"
    )


def _decide_html(f: Finding) -> str:
    """The decision status and the form that writes the command recording one."""
    if f.cls not in CONFLICTS:
        return ""
    base = f"scorekit archive decide {f.id}"
    if f.resolution == "decision" and f.resolved_value is not None:
        status = f"decided: {plain_number(f.resolved_value)}"
    else:
        value = "" if f.resolved_value is None else plain_number(f.resolved_value)
        status = f"policy ({escape(f.resolution or 'latest publication')}) gives {value}"
    return (
        f'<form class="decide" data-base="{escape(base)}">{status}. Record a decision: '
        f'<input name="value" size="8" placeholder="value"> <button type="submit">make command</button> '
        f"<code>{escape(base)}</code></form>"
    )


def _finding_html(f: Finding, series: Series, cropper: Cropper, max_cells: int) -> str:
    rec = f.to_record()
    shown = sorted(f.cells, key=lambda c: (c.month or 0, -(c.report_month or 0), c.source, c.page))
    marked = set(f.shifted_cells) if f.cls == "shifted_series" else {c.id for c in f.cells}
    cells = "".join(_cell_html(c, cropper, c.id in marked) for c in shown[:max_cells])
    more = (
        f'<div class="missing">{len(shown) - max_cells} more source values in the CSV/XLSX</div>'
        if len(shown) > max_cells
        else ""
    )
    what = " ".join(x for x in (f.canonical_id, f.area, f.measure) if x)
    chart = svg(series.get((f.canonical_id, f.area, f.measure), {}), marked, what)
    shift = f" · labels shifted by {f.shift_months:+d} month(s)" if f.shift_months is not None else ""
    area = f" · {escape(f.area)}" if f.area else ""
    return (
        f'<section class="finding" id="f-{f.id}" data-class="{f.cls}">'
        f'<h2><span class="badge {f.cls}">{f.cls.replace("_", " ")}</span>{escape(rec["indicator"])}</h2>'
        f"<div>{escape(f.canonical_id)}{area} · {escape(f.measure)} · "
        f"{escape(rec['periods'].replace(';', ', '))}{shift}"
        f" · values {escape(rec['values'])} · id {f.id}</div>"
        f'<p class="reason">{escape(f.reason)}</p><div class="cells">{cells}{more}</div>{chart}{_decide_html(f)}'
        "</section>"
    )


def build(
    result: Result,
    cropper: Cropper,
    include_all: bool = False,
    max_cells: int = 40,
    title: str = "scorekit: conflicts for review",
) -> str:
    findings = [f for f in result.findings if include_all or f.cls in CONFLICTS]
    series = _series(result)
    counts = result.counts()
    chips = "".join(
        f'<span data-class="{c}">{counts[c]} {c.replace("_", " ")}</span>'
        for c in CLASSES
        if include_all or c in CONFLICTS
    )
    body = "".join(_finding_html(f, series, cropper, max_cells) for f in findings)
    if not findings:
        body = "<p>No conflicts: every value printed more than once agrees.</p>"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{escape(title)}</h1><div class="summary"><span data-class="all">all '
        f"{len(findings)}</span>{chips}<span>{len(result.unresolved)} unresolved</span></div></header>"
        f"<main>{body}</main><script>{JS}</script></body></html>"
    )
