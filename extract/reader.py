"""Tables -> observations: one row per printed value cell, with its provenance.

A table found on a page (`structure.Table`: cells on a grid, header levels on top) is read the
same way whatever printed it. What each column holds comes from its header and the band above
it (`headers`); what each row is comes from its label cells: an indicator (a reference and a
name), an area (a local authority, a borough, `England`), a period (a table printed on its
side, a row per month), or a section heading. A table with no header of its own continues the
one before it when its columns line up (a sheet run onto the next page without its header).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .areas import area_table
from .columns import Column, ColumnModel, fy_in_text, header_score
from .headers import column_headers, header_texts, model_from_levels
from .names import (
    capital_codes,
    close_bracket,
    is_reference,
    lead_ref,
    noted_marks,
    split_read_ref,
    split_ref,
    strip_edge_mark,
    strip_noted,
)
from .page import Frame
from .periods import ReportPeriod, find_report_period, parse_period
from .records import (
    Record,
    commas_read_as_points,
    observation,
    unit_of_row,
    withhold,
    withhold_clashes,
    withhold_flat_arrows,
    withhold_off_precision,
    withhold_pointless_percents,
)
from .refcolumn import RefCell, RefMemory, parse_ref, repair_column
from .respelling import rejoined, unsettled
from .schema import REF_CONTESTED as CONTESTED
from .secondreading import known
from .structure import Cell, Table
from .structure.figures import data_like
from .textquality import dictionary
from .values import ARROWS, UNREAD, parse_value
from .vocabulary import VOCABULARY


@dataclass
class PageInfo:
    """What the reader needs to know of the page a table came from."""

    source: str
    page: int
    method: str = "text"
    frame: Frame = field(default_factory=Frame)
    text: str = ""


@dataclass
class TableResult:
    observations: list[dict] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)
    note: str = ""


@dataclass
class Continuation:
    """What a table without a header of its own inherits from the one before it."""

    xs: list[float]
    model: ColumnModel
    section: str
    rows: int
    title: str


@dataclass
class Body:
    """A table's rows below its header, and what they are read with."""

    rows: list[list[Cell | None]]
    model: ColumnModel
    section: str = ""
    row_no: int = 0
    title: str = ""
    continued: bool = False
    levels: list[list[str]] = field(default_factory=list)  # the header's texts, level by level
    first: int = 0  # the table's row index of `rows[0]`
    head: list[list[Cell | None]] = field(default_factory=list)  # the header's rows, as cells

    def numbered(self) -> list[tuple[int, list[Cell | None]]]:
        return [(self.first + k, row) for k, row in enumerate(self.rows)]


def _withhold_half_read(observations: list[dict]) -> list[dict]:
    """Observations keyed by a reference, a name (where no reference keys the row) or an area
    with a glyph no reader read (U+FFFD: a garbled layer's glyph the key does not hold): what the
    key is is not known, so the value is not stated under it. A row its reference keys keeps its
    values whatever its name holds."""

    def half_read(o: dict) -> bool:
        keys = (o["ref"] or o["indicator"], o["area"])
        return any(UNREAD in str(k or "") for k in keys)

    return [withhold(o) if half_read(o) else o for o in observations]


class TableReader:
    """Stateful across the pages of one document: carries the last column model and section."""

    def __init__(self, document_report: ReportPeriod | None = None):
        self.document_report = document_report
        self.last: Continuation | None = None
        self.bench_periods: dict[str, str] = {}
        self.refs = RefMemory()
        self.lone: set[str] = set()  # references awaiting a witness (`unwitnessed`)

    def read(self, table: Table, page: PageInfo, index: int = 1) -> TableResult:
        report = find_report_period(page.text) or self.document_report
        body = self._body(table, report, page.text)
        if body is None:
            return TableResult(note="no period header")
        result = TableResult(note="continued from previous page" if body.continued else "")
        ctx = Record(page.source, page.page, index, page.method, page.frame)
        if _transposed(body):
            result.observations = _read_transposed(body, ctx)
        elif area_table(body.rows, body.model):
            result.observations = _read_areas(body, ctx)
        else:
            self._read_indicators(body, ctx, result, noted_marks(page.text))
        result.observations = withhold_pointless_percents(
            withhold_off_precision(commas_read_as_points(withhold_clashes(_withhold_half_read(result.observations))))
        )
        result.observations = withhold_flat_arrows(result.observations)
        self.last = self._continuation(table, body)
        return result

    def _continuation(self, table: Table, body: Body) -> Continuation:
        """A continued table passes on the columns of the table that printed the header, not its
        own: a page that printed no reference drew no column for them, and the pages after it
        that print references again must still find the column."""
        if body.continued and self.last is not None:
            return Continuation(self.last.xs, self.last.model, body.section, body.row_no, body.title)
        return Continuation(table.xs, body.model, body.section, body.row_no, body.title)

    def _body(self, table: Table, report: ReportPeriod | None, page_text: str) -> Body | None:
        grid = table.grid()
        header_rows = table.header_rows or _header_by_words(grid, report)
        if header_rows:
            levels = header_texts(grid, header_rows)
            model = model_from_levels(levels, table.n_cols, report, _figure_columns(grid[header_rows:], table.n_cols))
            _references_by_body(model, grid[header_rows:])
            body = Body(
                grid[header_rows:], model, title=table.title, levels=levels, first=header_rows, head=grid[:header_rows]
            )
            if _has_measures(model) or _transposed(body):
                date_benchmarks(model, f"{table.title}\n{page_text}")
                self._carry_benchmark_periods(model)
                return body
        last = self.last
        inherited = realigned(last.model, last.xs, table.xs) if last is not None else None
        if last is None or inherited is None:
            return None
        _references_by_body(inherited, grid)
        return Body(grid, inherited, last.section, last.rows, last.title, continued=True)

    def _carry_benchmark_periods(self, model: ColumnModel) -> None:
        """A benchmarking band printed once ("using 18-19 data") holds for the document's later tables."""
        for col in model.columns:
            if col.measure in ("stat_neighbour", "england", "region"):
                if col.period:
                    self.bench_periods[col.measure] = col.period
                elif col.measure in self.bench_periods and "benchmark" not in col.header.lower():
                    col.period = self.bench_periods[col.measure]

    def _read_indicators(self, body: Body, ctx: Record, result: TableResult, notes: frozenset[str]) -> None:
        lines = _lines(body)
        for line in lines:
            line.name = strip_noted(line.name, notes)
            if ctx.method == "ocr":
                line.name = capital_codes(strip_edge_mark(line.name), VOCABULARY.ref_marks.capitals)
                line.name = close_bracket(line.name, VOCABULARY.closing_brackets)
                line.name = rejoined(line.name, dictionary())
        held = self._settle_refs(lines) | _unsettled_names(lines, body.model) if ctx.method == "ocr" else set()
        for k, line in enumerate(lines):
            body.row_no += 1
            unit = unit_of_row(
                f"{line.name} {_stub_text(line.row, body.model, 'unit')}", [(c, x.text) for c, x in line.values]
            )
            contested = CONTESTED in line.ref_notes
            for col, cell in line.values:
                obs = observation(ctx, body.row_no, line.section, line.ref, line.name, "", col, cell, unit)
                keep = k not in held and not contested
                result.observations.append(obs if keep else withhold(obs, CONTESTED if contested else ""))
            result.texts += _texts(ctx, body, line.row, line.ref, line.name)

    def _settle_refs(self, lines: list[Line]) -> set[int]:
        """OCR'd references repaired by their column; the lines whose reference nothing settles.
        A name leading with what may be a misread reference (`$P2 - Burglary`) gives it up only
        where the column repairs it to a prefix the column's other rows print."""
        loose = {k: split_read_ref(line.name) for k, line in enumerate(lines) if not line.ref}
        mend = VOCABULARY.ref_marks.mend_qualifier
        cells = [RefCell(mend(line.ref or loose[k][0]), line.ref_conf) for k, line in enumerate(lines)]
        got = repair_column(
            cells, VOCABULARY.lookalikes, self.refs, VOCABULARY.ref_marks.capitals, VOCABULARY.edge_marks
        )
        printed = {_prefix(r.text) for k, r in enumerate(got) if lines[k].ref} - {""}
        taken = {
            k for k, (ref, _) in loose.items() if ref and parse_ref(got[k].text) and _prefix(got[k].text) in printed
        }
        for k, (line, reading) in enumerate(zip(lines, got, strict=True)):
            if k in loose and k not in taken:
                continue
            line.ref, line.name = reading.text, loose[k][1] if k in taken else line.name
        self.lone |= {r.text for k, r in enumerate(got) if r.lone and (k not in loose or k in taken)}
        unsettled = {k for k, r in enumerate(got) if r.doubtful and (k not in loose or k in taken or not cells[k].text)}
        return unsettled | _lost_digit(loose, taken, printed)

    def unwitnessed(self) -> set[str]:
        """The lone references read so far (`repair_column`) that no other row of the document
        has yet witnessed by sharing its stem: a table printing `EHI-QL` on a later page vouches
        for a sure `EHI (val)`; a sure `MS` in a column of `M1`..`M8` that nothing echoes by the
        document's end may be `M5` misread, and its rows are withheld."""
        self.lone = {ref for ref in self.lone if not self.refs.witnessed(ref)}
        return self.lone


@dataclass
class Line:
    """An indicator's row: its label, its value cells, the section it stands in."""

    row: list[Cell | None]
    ref: str
    name: str
    values: list[tuple[Column, Cell]]
    section: str
    ref_conf: float = 1.0  # the least confidence of the words the reference was read from
    ref_notes: frozenset[str] = frozenset()  # what the source noted on the reference's words


def realigned(model: ColumnModel, old: list[float], new: list[float]) -> ColumnModel | None:
    """The model of the table before, for a headerless table on the next page whose columns stand
    where its columns stood, one by one; a column the page leaves empty (no references there)
    is not drawn, so the counts may differ, and one the page adds inside a column of labels
    (references printed before names under `Ref Indicator`) is left for its body to name. None
    where a column of figures finds no place, or two share one."""
    if len(old) == len(new):
        return model
    place = [_overlapping(old, new[j], new[j + 1]) for j in range(len(new) - 1)]
    for i in {i for i in place if i is not None and place.count(i) > 1 and model.columns[i].kind != "measure"}:
        held = [j for j, k in enumerate(place) if k == i]
        keep = max(held, key=lambda j: new[j + 1] - new[j])
        place = [None if j in held and j != keep else k for j, k in enumerate(place)]
    taken = [i for i in place if i is not None]
    measures = {i for i, c in enumerate(model.columns) if c.kind == "measure"}
    if len(taken) != len(set(taken)) or not measures <= set(taken):
        return None
    columns = [model.columns[i] if i is not None else Column("ignore") for i in place]
    texts = dict(enumerate(model.header_texts))
    return ColumnModel(columns, model.report, [texts.get(i, "") if i is not None else "" for i in place])


def _overlapping(xs: list[float], x0: float, x1: float) -> int | None:
    """The column of `xs` that holds most of the span x0..x1, if it holds more than half of it."""
    cover = [min(x1, b) - max(x0, a) for a, b in zip(xs, xs[1:], strict=False)]
    best = max(range(len(cover)), key=lambda i: cover[i])
    return best if cover[best] > 0.5 * (x1 - x0) else None


def _lines(body: Body) -> list[Line]:
    """The body's indicator rows; a row of one label and no values starts a section."""
    header_sig = [t.lower() for t in body.model.header_texts]
    out = []
    for r, row in body.numbered():
        origins = _origins(row)
        if not origins or _repeats_header(row, header_sig):
            continue
        values = _values(row, r, body.model)
        if len(origins) == 1 and not values:
            body.section = origins[0].text
            continue
        ref, name = _label(row, body.model)
        if values and (name or ref):
            conf, notes = _label_conf(row, body.model), _ref_notes(row, body.model)
            out.append(Line(row, ref, name, values, body.section, conf, notes))
    _dashless_refs(out, body.model)
    _letter_refs(out, body.model)
    return out


def _letter_refs(lines: list[Line], model: ColumnModel) -> None:
    """Names that print their reference before a spaced dash in two rows or more: a row whose
    name leads with capitals and no digit (`EHI (val) - Number ...`, `EHI-QL - Percentage ...`)
    set off the same way prints its reference so too; a table without that habit keeps such a
    lead in the name (`NEET - Young people ...`)."""
    if model.index("ref") or sum(bool(ln.ref) for ln in lines) < 2:
        return
    for ln in lines:
        if not ln.ref and (m := _LETTER_REF.match(ln.name)):
            ln.ref, ln.name = m.group("ref"), m.group("name")


_LETTER_REF = re.compile(r"^(?P<ref>[A-Z]{2,6}(?:-[A-Z]{1,4})?(?: ?\((?:[a-z]{1,4}|%)\)| ?%)?) [-–] (?P<name>[A-Z].*)$")


def _dashless_refs(lines: list[Line], model: ColumnModel) -> None:
    """Names that print their reference before a dash (`ASC 07 - Permanent ...`) in two rows or
    more: a row whose name leads with a reference of the same prefix and a word, the dash not
    there (a page image's faint `-` lost), prints its reference so too (`ASC 05 Number ...`)."""
    prefixes = Counter(_prefix(ln.ref) for ln in lines if ln.ref)
    if model.index("ref") or not prefixes:
        return
    for ln in lines:
        ref, name = lead_ref(ln.name) if not ln.ref else ("", "")
        if name and prefixes[_prefix(ref)] >= 2:
            ln.ref, ln.name = ref, name


def _lost_digit(loose: dict[int, tuple[str, str]], taken: set[int], printed: set[str]) -> set[int]:
    """Lines whose name opens with a reference read with a letter for its digit (`EHS-QL - ...`)
    that the column did not settle: the letters a printed prefix and a digit's lookalike, so the
    line is some reference of that prefix, which nothing says."""
    return {
        k
        for k, (ref, _) in loose.items()
        if ref and k not in taken and not any(ch.isdigit() for ch in ref) and _prefix(ref)[:-1] in printed
    }


def _prefix(ref: str) -> str:
    """The letters a reference starts with (`asc` of `ASC 07`)."""
    return re.sub(r"[^A-Za-z&].*", "", ref).lower()


def _unsettled_names(lines: list[Line], model: ColumnModel) -> set[int]:
    """The lines keyed by their name (no reference) whose name holds a word the engine was unsure
    of and no word list explains (`respelling.unsettled`), or an arrow (`_arrow_read`): withheld,
    not filed under a misread name."""
    words = dictionary()
    return {
        k
        for k, line in enumerate(lines)
        if not line.ref
        and (
            _arrow_read(line.name)
            or any(
                unsettled(w, words)
                for i in model.index("name")
                if i < len(line.row) and (c := line.row[i]) is not None
                for w in c.words
            )
        )
    }


def _label_cells(row: list[Cell | None], model: ColumnModel, kind: str) -> list[Cell]:
    return [c for i in model.index(kind) if i < len(row) and (c := row[i]) is not None and c.words]


def _arrow_read(name: str) -> bool:
    """An OCR'd name holding an arrow or a triangle (`... long-term support ↑ month end`): a
    direction column prints those, no indicator's name does, so a word of the name was read as
    one (the glyph reader sure of its shape), and what the name says is not known."""
    return any(ch in ARROWS for ch in name)


def _label_conf(row: list[Cell | None], model: ColumnModel) -> float:
    """How sure the source was of the row's label: its least word confidence."""
    cells = _label_cells(row, model, "ref") or _label_cells(row, model, "name")
    return min((w.conf for c in cells for w in c.words), default=1.0)


def _ref_notes(row: list[Cell | None], model: ColumnModel) -> frozenset[str]:
    """The notes the source put on the words of the row's reference column (`ref_contested`)."""
    return frozenset(w.note for c in _label_cells(row, model, "ref") for w in c.words if w.note)


def _header_by_words(grid: list[list[Cell | None]], report: ReportPeriod | None) -> int:
    """Where the finder saw no header (nothing set it off), the best-scoring of the first rows."""
    best, best_score = 0, 0
    for i, row in enumerate(grid[:8]):
        score = header_score(
            [c.text if c is not None and c.row == i and c.col == k else "" for k, c in enumerate(row)], report
        )
        if score > best_score:
            best, best_score = i + 1, score
    return best


def _has_measures(model: ColumnModel) -> bool:
    return sum(1 for c in model.columns if c.kind == "measure") >= 1 and any(
        c.kind == "measure" and (c.period or c.measure != "value") for c in model.columns
    )


def _origins(row: list[Cell | None]) -> list[Cell]:
    seen: list[Cell] = []
    for c in row:
        if c is not None and c.text and all(c is not s for s in seen):
            seen.append(c)
    return seen


def _repeats_header(row: list[Cell | None], header_sig: list[str]) -> bool:
    texts = [(c.text.lower() if c is not None else "") for c in row]
    pairs = [(a, b) for a, b in zip(texts, header_sig, strict=False) if a or b]
    same = sum(1 for a, b in pairs if a == b and a)
    return bool(pairs) and same >= max(2, 0.6 * len(pairs))


def _values(row: list[Cell | None], r: int, model: ColumnModel) -> list[tuple[Column, Cell]]:
    """The row's value cells, each on the row it starts in: a figure spanning two printed lines
    of a name is one figure."""
    out = []
    for i, col in enumerate(model.columns):
        cell = row[i] if i < len(row) else None
        if col.kind == "measure" and cell is not None and cell.col == i and cell.row == r and cell.text:
            out.append((col, cell))
    return out


def _stub_text(row: list[Cell | None], model: ColumnModel, kind: str) -> str:
    """The row's text in the columns of this kind (or, for `unit`, the unit text column)."""
    parts = []
    indices = [i for i, c in enumerate(model.columns) if c.field == "unit"] if kind == "unit" else model.index(kind)
    for i in indices:
        cell = row[i] if i < len(row) else None
        if cell is not None and cell.col == i and cell.text:
            parts.append(cell.text)
    return " ".join(parts)


def _label(row: list[Cell | None], model: ColumnModel) -> tuple[str, str]:
    ref, name = _stub_text(row, model, "ref"), _stub_text(row, model, "name")
    if not ref:
        ref, name = split_ref(name)
    elif not name:
        ref, name = lead_ref(ref)
    return ref, name


def _texts(ctx: Record, body: Body, row: list[Cell | None], ref: str, name: str) -> list[dict]:
    out = []
    for i in body.model.index("text"):
        cell = row[i] if i < len(row) else None
        if cell is not None and cell.col == i and cell.text:
            out.append(
                {
                    "source": ctx.source,
                    "page": ctx.page,
                    "table": ctx.table,
                    "row": body.row_no,
                    "ref": ref,
                    "indicator": name,
                    "field": body.model.columns[i].field,
                    "text": cell.text,
                }
            )
    return out


# --- tables printed on their side: a row per period, a column per indicator -----------------


def _row_period(row: list[Cell | None], report: ReportPeriod | None) -> str:
    first = next((c for c in row if c is not None and c.text), None)
    return (parse_period(first.text, report) or "") if first is not None else ""


def _transposed(body: Body) -> bool:
    """Most rows are labelled by a period and no column is: the periods run down the side."""
    if any(c.kind == "measure" and c.measure == "value" and c.period for c in body.model.columns):
        return False
    labelled = [r for r in body.rows if _origins(r)]
    periods = sum(1 for r in labelled if _row_period(r, body.model.report))
    return len(labelled) >= 2 and periods * 2 > len(labelled)


def _read_transposed(body: Body, ctx: Record) -> list[dict]:
    """Each column an indicator (its header the name, a level above it the reference), each row
    a period."""
    headers, bands = column_headers(body.levels, len(body.model.columns))
    if ctx.method == "ocr":
        headers, bands = _cased_bands(headers, bands)
    labels = _cased_refs([_column_label(h, b) for h, b in zip(headers, bands, strict=True)])
    if ctx.method == "ocr":
        labels = _repaired_refs(labels)
    out = []
    for row in body.rows:
        period = _row_period(row, body.model.report)
        if not period:
            continue
        for i, cell in enumerate(row):
            if i == 0 or cell is None or cell.col != i or not cell.text or i >= len(headers):
                continue
            ref, name = labels[i]
            col = Column("measure", "value", period, header=headers[i])
            unit = unit_of_row(name, [(col, cell.text)])
            obs = observation(ctx, i, "", ref, name, "", col, cell, unit)
            out.append(withhold(obs) if ctx.method == "ocr" and not ref and _arrow_read(name) else obs)
    return out


def _column_label(header: str, band: str) -> tuple[str, str]:
    """A column headed by an indicator: its reference is the band above (`R&B-1`, `101` over the
    name), or leads the header (`R&B04 Number of ...`, `ASCOF 04 Average ...`: the reference set on its
    own line of the cell, in capitals where it holds a space, as `Year 6 Obesity` does not)."""
    ref, name = split_ref(header)
    if not ref and band and (is_reference(band) or _bare_number(band.strip())):
        ref = band.strip()
    first, _, rest = name.partition(" ")
    if not ref and (is_reference(first) or _bare_number(first)) and rest[:1].isupper():
        ref, name = first, rest
    lead, after = lead_ref(name) if not ref else ("", "")
    if after and (m := _PREFIX.match(lead)) is not None and m.group().isupper():
        ref, name = lead, after  # `EH4 (val)`: the prefix in capitals, its qualifier as printed
    return ref, name


def _cased_bands(headers: list[str], bands: list[str]) -> tuple[list[str], list[str]]:
    """A row of references heading a transposed table's columns, over its names or leading them,
    OCR'd in small letters where they are shaped as capitals (`cs10`, `csi1` for `CS10`, `CS11`):
    where two columns or more are headed so, each a reference once in capitals, starting with such
    a letter unless read in capitals, and every band the row prints is one, the row's references
    are read in capitals. A band or a header of words stays as read."""
    alike = VOCABULARY.case_alike

    def lead(header: str) -> str:
        first, _, rest = header.strip().partition(" ")
        return first if rest[:1].isupper() else ""

    read = [b.strip() or lead(h) for h, b in zip(headers, bands, strict=True)]
    refs = [r for r in read if r and is_reference(r.upper()) and (r == r.upper() or r[0] in alike)]
    if len(refs) < 2 or all(r == r.upper() for r in refs):
        return headers, bands
    if not all(is_reference(b.strip().upper()) for b in bands if b.strip()):
        return headers, bands
    cased = set(refs)
    out_h, out_b = [], []
    for h, b, r in zip(headers, bands, read, strict=True):
        if r in cased and b.strip():
            b = b.strip().upper()
        elif r in cased and r:
            h = r.upper() + h.strip()[len(r) :]
        out_h.append(h)
        out_b.append(b)
    return out_h, out_b


def _bare_number(text: str) -> bool:
    """A whole number of up to four digits: a column's reference where it stands over (or before,
    a capitalised name following) an indicator's name heading the column, as `101` does."""
    return text.isdigit() and len(text) <= 4


def _repaired_refs(labels: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """OCR'd references along a header repaired by the row of them, as a column's are by the
    column (`R&BO4` beside `R&B03`, `R&B05`). A header leading with a short word no list holds
    before a capitalised name (`wos Percentage ...`) gives it up as its reference only where the
    row repairs it to a prefix the other headers' references print (`W05`)."""
    words = dictionary()
    loose = {k: _loose_ref(name, words) for k, (ref, name) in enumerate(labels) if not ref}
    got = repair_column([RefCell(ref or loose[k][0]) for k, (ref, _) in enumerate(labels)], VOCABULARY.lookalikes)
    printed = {_prefix(got[k].text) for k, (ref, _) in enumerate(labels) if ref} - {""}
    out = []
    for k, ((ref, name), reading) in enumerate(zip(labels, got, strict=True)):
        if ref:
            out.append((reading.text, name))
        elif loose[k][0] and parse_ref(reading.text) and _prefix(reading.text) in printed:
            out.append((reading.text, loose[k][1]))
        else:
            out.append((ref, name))
    return out


def _loose_ref(name: str, words: frozenset[str]) -> tuple[str, str]:
    """A header's first word, if it may be a misread reference: short, no listed word, before a
    capitalised name; ("", name) otherwise."""
    first, _, rest = name.partition(" ")
    if 0 < len(first) <= LOOSE_REF and first.isalnum() and rest[:1].isupper() and not known(first, words):
        return first, rest
    return "", name


_PREFIX = re.compile(r"^[A-Za-z&]+")
LOOSE_REF = 6  # characters at most of a header's first word that may be a misread reference


def _cased_refs(labels: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A header that leads with a reference in another case than its neighbours' (`sp9` beside
    `SP7`, `SP8`: OCR's reading of a small capital) leads with that reference, as they do."""
    prefixes = {m.group().upper() for ref, _ in labels if ref and (m := _PREFIX.match(ref))}
    out = []
    for ref, name in labels:
        first, _, rest = name.partition(" ")
        upper = first.upper()
        m = _PREFIX.match(upper)
        if not ref and first != upper and is_reference(upper) and m and m.group() in prefixes and rest[:1].isupper():
            ref, name = upper, rest
        out.append((ref, name))
    return out


# --- area tables: a row per area, the indicator in the title or the band --------------------


def _read_areas(body: Body, ctx: Record) -> list[dict]:
    out = []
    area_cols = body.model.index("area") or [0]
    numbered = body.numbered()
    labels = [_area_label(row, area_cols) for _r, row in numbered]
    held: set[int] = set()
    if ctx.method == "ocr":
        labels = VOCABULARY.spell_places(labels)
        held = _unsettled_headers(body)
    for (r, row), area in zip(numbered, labels, strict=True):
        values = _values(row, r, body.model)
        if not area or not values:
            continue
        body.row_no += 1
        for col, cell in values:
            name = _area_indicator(col, body.title)
            unit = unit_of_row(name, [(col, cell.text)])
            obs = observation(ctx, body.row_no, "", "", name, area, col, cell, unit)
            out.append(withhold(obs) if cell.col in held else obs)
    return out


def _unsettled_headers(body: Body) -> set[int]:
    """The columns whose header (its band included) holds a word the engine was unsure of and no
    word list explains (`Offenies`, `@ percentage`): the indicator named from it is no name
    printed, so its values are withheld. A header cell naming a period is the period's."""
    words = dictionary()
    out = set()
    for row in body.head:
        for i, c in enumerate(row):
            if c is not None and not parse_period(c.text) and any(unsettled(w, words) for w in c.words):
                out.add(i)
    return out


def _area_label(row: list[Cell | None], area_cols: list[int]) -> str:
    return " ".join(
        c.text for i in area_cols if (c := row[i] if i < len(row) else None) is not None and c.col == i and c.text
    )


def _area_indicator(col: Column, title: str) -> str:
    base = col.indicator or _clean_title(title)
    return f"{base} - {col.sub}" if col.sub else base


def _clean_title(title: str) -> str:
    return re.sub(r"^(table|figure)\s+\S+\s*[:.–-]\s*", "", title.strip(), flags=re.I)


__all__ = ["PageInfo", "TableReader", "TableResult", "parse_value"]


_BENCH_NOTE = re.compile(r"\b((?:20)?\d{2}\s*[-/–]\s*\d{2})\)?\s+data\b", re.I)  # `using 16-17 data`, `(2019/20 data)`


def date_benchmarks(model: ColumnModel, page_text: str) -> None:
    """Benchmark columns whose band lies outside the table (a box drawn above the header, so no
    cell of it): one `using 16-17 data` or `(2019/20 data)` on the page, or in the table's title
    (an OCR'd page's text may set the band's words apart), dates them."""
    cols = [c for c in model.columns if c.measure in ("stat_neighbour", "england", "region") and not c.period]
    years = {fy_in_text(m.group(1)) for m in _BENCH_NOTE.finditer(page_text)} - {""}
    if cols and len(years) == 1:
        (fy,) = years
        for c in cols:
            c.period, c.period_from_context = fy, True


def _references_by_body(model: ColumnModel, rows: list[list[Cell | None]]) -> None:
    """A column before the names whose header says nothing known (`Ref` misread, or no header)
    holds the references when most of its body is shaped like them, or, where the names' header
    begins with a reference's (`Ref Indicator`: a page that printed no reference drew no column
    for them), when its body holds nothing but references and numbers."""
    names = model.index("name")
    if model.index("ref") or not names:
        return
    if _refs_in_stub(model, rows, names[0]):
        return
    declared = _declares_references(_header(model, names[0]))
    for i in range(names[0]):
        texts = _body_texts(rows, i)
        if model.columns[i].kind != "ignore" or not texts:
            continue
        shaped = len(texts) >= 2 and sum(map(is_reference, texts)) * 2 > len(texts)
        if shaped or (declared and all(is_reference(t) or t.isdigit() for t in texts)):
            model.columns[i].kind = "ref"
            return


def _refs_in_stub(model: ColumnModel, rows: list[list[Cell | None]], first: int) -> bool:
    """The first column taken for the names holds the references where its body is mostly
    shaped like them (as read: `cP1` counts) and the next column holds words and is either
    unnamed too (a scan lost the stub's header, or none was printed) or under the same header
    (`Indicator` spanning both)."""
    nxt = first + 1
    if nxt >= len(model.columns):
        return False
    shared = model.columns[nxt].kind == "name" and _header(model, first) == _header(model, nxt)
    unnamed = model.columns[nxt].kind == "ignore" and not _header(model, first) and not _header(model, nxt)
    refs, names = _body_texts(rows, first), _body_texts(rows, nxt)
    if not (shared or unnamed) or len(refs) < 2 or sum(map(_ref_like, refs)) * 2 <= len(refs):
        return False
    if not names or sum(map(data_like, names)) * 2 >= len(names):
        return False
    model.columns[first].kind, model.columns[nxt].kind = "ref", "name"
    return True


def _ref_like(text: str) -> bool:
    return is_reference(text) or ((p := parse_ref(text)) is not None and bool(p.prefix))


def _header(model: ColumnModel, i: int) -> str:
    return model.header_texts[i].strip() if i < len(model.header_texts) else ""


def _body_texts(rows: list[list[Cell | None]], i: int) -> list[str]:
    """The column's body cells' texts, each counted once, where it starts."""
    return [c.text for row in rows if i < len(row) and (c := row[i]) is not None and c.col == i and c.text]


def _declares_references(header: str) -> bool:
    words = header.lower().split()
    return len(words) > 1 and VOCABULARY.rule_for(words[0], kinds=("ref",)) is not None


def _figure_columns(rows: list[list[Cell | None]], n_cols: int) -> list[bool | None]:
    """Whether each column's body cells (each counted once, where it starts) are mostly figures;
    None for a column with nothing printed."""
    out: list[bool | None] = []
    for i in range(n_cols):
        texts = _body_texts(rows, i)
        out.append(sum(data_like(t) for t in texts) * 2 > len(texts) if texts else None)
    return out
