"""Reviewers' decisions about conflicts: a plain CSV that lives in git and is applied on every build.

One line per decision. `finding` names a finding by its id (stable across runs of the same
documents); `canonical_id, measure, period` name an indicator-month directly. `value` is the
agreed figure; left empty it means "seen, the policy's choice (latest publication) stands".
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path("scorekit-resolutions.csv")
FIELDS = ["finding", "canonical_id", "measure", "period", "value", "note", "decided"]


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


class Decisions:
    def __init__(self, items: list[Decision] | None = None) -> None:
        self.items = list(items or [])

    def __len__(self) -> int:
        return len(self.items)

    def for_finding(self, finding_id: str) -> Decision | None:
        for d in reversed(self.items):
            if d.finding and d.finding == finding_id:
                return d
        return None

    def for_period(self, canonical_id: str, measure: str, period: str) -> Decision | None:
        for d in reversed(self.items):
            if (d.canonical_id, d.measure or "value", d.period) == (canonical_id, measure, period):
                return d
        return None


def load(path: str | Path | None) -> Decisions:
    path = Path(path or DEFAULT_PATH)
    if not path.exists():
        return Decisions()
    items = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [f for f in ("finding", "canonical_id", "period", "value") if f not in (reader.fieldnames or [])]
            if missing:
                raise DecisionsError(f"{path}: missing column(s) {', '.join(missing)}")
            for n, rec in enumerate(reader, 2):
                raw = (rec.get("value") or "").strip()
                try:
                    value = float(raw.replace(",", "").rstrip("%")) if raw else None
                except ValueError:
                    raise DecisionsError(f"{path}:{n}: value {raw!r} is not a number") from None
                if not (rec.get("finding") or (rec.get("canonical_id") and rec.get("period"))):
                    raise DecisionsError(f"{path}:{n}: needs a finding id or canonical_id and period")
                items.append(
                    Decision(
                        rec.get("finding") or "",
                        rec.get("canonical_id") or "",
                        rec.get("measure") or "value",
                        rec.get("period") or "",
                        value,
                        rec.get("note") or "",
                        rec.get("decided") or "",
                    )
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DecisionsError(f"{path}: cannot read ({exc})") from None
    return Decisions(items)


def append(path: str | Path | None, decision: Decision) -> Path:
    path = Path(path or DEFAULT_PATH)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        if new:
            w.writeheader()
        rec = {**decision.__dict__}
        rec["value"] = "" if decision.value is None else repr(decision.value).removesuffix(".0")
        rec["decided"] = decision.decided or dt.date.today().isoformat()
        w.writerow(rec)
    return path
