"""Reviewers' decisions about conflicts: a plain CSV that lives in git and is applied on every build.

One line per decision. `finding` names a finding by its id (stable across runs of the same
documents); `canonical_id, measure, period` (and `area`, for an area's figure) name an
indicator-month directly. `value` is the agreed figure; left empty it means "seen, the policy's
choice (latest publication) stands". The latest line about a finding or a month wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

DEFAULT_PATH = Path("scorekit-resolutions.csv")
# `area` came last, so files written before it still read, and are appended to, column for column
FIELDS = ["finding", "canonical_id", "measure", "period", "value", "note", "decided", "area"]
REQUIRED = ("finding", "canonical_id", "period", "value")


class DecisionsError(ValueError):
    pass


@dataclass(frozen=True)
class Decision:
    finding: str = ""
    canonical_id: str = ""
    measure: str = "value"
    period: str = ""
    value: float | None = None
    note: str = ""
    decided: str = ""
    area: str = ""

    @property
    def month_key(self) -> tuple[str, str, str, str]:
        return (self.canonical_id, self.area, self.measure or "value", self.period)


class Decisions:
    def __init__(self, items: list[Decision] | None = None) -> None:
        self.items = list(items or [])
        self._by_finding = {d.finding: d for d in self.items if d.finding}
        self._by_month = {d.month_key: d for d in self.items}

    def __len__(self) -> int:
        return len(self.items)

    def for_finding(self, finding_id: str) -> Decision | None:
        return self._by_finding.get(finding_id) if finding_id else None

    def for_period(self, canonical_id: str, measure: str, period: str, area: str = "") -> Decision | None:
        return self._by_month.get((canonical_id, area, measure, period))


def _value(raw: str, where: str) -> float | None:
    raw = raw.strip()
    try:
        return float(raw.replace(",", "").rstrip("%")) if raw else None
    except ValueError:
        raise DecisionsError(f"{where}: value {raw!r} is not a number") from None


def _decision(rec: dict[str, str | None], where: str) -> Decision:
    def get(name: str) -> str:
        return rec.get(name) or ""

    value = _value(get("value"), where)
    if not (get("finding") or (get("canonical_id") and get("period"))):
        raise DecisionsError(f"{where}: needs a finding id or canonical_id and period")
    return Decision(
        get("finding"),
        get("canonical_id"),
        get("measure") or "value",
        get("period"),
        value,
        get("note"),
        get("decided"),
        get("area"),
    )


def load(path: str | Path | None) -> Decisions:
    path = Path(path or DEFAULT_PATH)
    if not path.exists():
        return Decisions()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [f for f in REQUIRED if f not in (reader.fieldnames or [])]
            if missing:
                raise DecisionsError(f"{path}: missing column(s) {', '.join(missing)}")
            items = [_decision(rec, f"{path}:{n}") for n, rec in enumerate(reader, 2)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DecisionsError(f"{path}: cannot read ({exc})") from None
    return Decisions(items)


def _header(fh: TextIO) -> list[str]:
    fh.seek(0)
    return next(csv.reader(fh), [])


def _add_area_column(fh: TextIO, header: list[str]) -> list[str]:
    """A file from before `area` gains the column, empty on its old lines."""
    fh.seek(0)
    rows = list(csv.DictReader(fh))
    fh.seek(0)
    fh.truncate()
    header = [*header, "area"]
    w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return header


def append(path: str | Path | None, decision: Decision) -> Path:
    """Add one line; two people deciding at once are written one after the other (a file lock)."""
    path = Path(path or DEFAULT_PATH)
    rec = {k: v for k, v in asdict(decision).items() if k in FIELDS}
    rec["value"] = "" if decision.value is None else repr(decision.value).removesuffix(".0")
    rec["decided"] = decision.decided or dt.date.today().isoformat()
    with path.open("a+", encoding="utf-8", newline="") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        header = _header(fh)
        if decision.area and header and "area" not in header:
            header = _add_area_column(fh, header)
        w = csv.DictWriter(fh, fieldnames=header or FIELDS, lineterminator="\n", extrasaction="ignore")
        fh.seek(0, 2)
        if not header:
            w.writeheader()
        w.writerow(rec)
    return path
