"""What people decided about names the matcher could not settle, kept so nobody decides twice.

Decisions are keyed by the normalised name (not the raw text, not the ref): the same wording in
next month's pack, re-wrapped or re-cased, is the same question and must not return to the queue.
Every run applies them before any other evidence. The file is plain JSON, one decision per line
in a stable order, so it reads well in a diff and merges cleanly.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .normalise import key

DEFAULT_PATH = Path("scorekit-decisions.json")
ACTIONS = ("accept", "reject", "new")


class DecisionsError(ValueError):
    pass


@dataclass(frozen=True)
class Decision:
    name: str
    action: str
    indicator_id: str
    decided: str = ""
    note: str = ""

    @property
    def key(self) -> str:
        return key(self.name)

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "action": self.action,
            "indicator_id": self.indicator_id,
            "decided": self.decided,
            "note": self.note,
        }


class Decisions:
    def __init__(self, items: list[Decision] | None = None) -> None:
        self.items: list[Decision] = []
        for d in items or []:
            self.record(d)

    def __len__(self) -> int:
        return len(self.items)

    def record(self, decision: Decision) -> None:
        """A later accept/new for the same name replaces the earlier one; rejects accumulate."""
        if decision.action not in ACTIONS:
            raise DecisionsError(f"action {decision.action!r} is not one of {', '.join(ACTIONS)}")
        if decision.action in ("accept", "new"):
            self.items = [d for d in self.items if not (d.key == decision.key and d.action in ("accept", "new"))]
        self.items = [d for d in self.items if not (d.key == decision.key and d.indicator_id == decision.indicator_id)]
        self.items.append(decision)

    def accepted(self, name: str) -> Decision | None:
        if not self.items:
            return None
        k = key(name)
        for d in reversed(self.items):
            if d.key == k and d.action in ("accept", "new"):
                return d
        return None

    def rejected(self, name: str) -> set[str]:
        if not self.items:
            return set()
        k = key(name)
        return {d.indicator_id for d in self.items if d.key == k and d.action == "reject"}

    def to_list(self) -> list[dict[str, str]]:
        return [d.to_dict() for d in sorted(self.items, key=lambda d: (d.key, d.action, d.indicator_id))]


def load(path: str | Path | None = None) -> Decisions:
    path = Path(path) if path else DEFAULT_PATH
    if not path.exists():
        return Decisions()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Decisions([Decision(**d) for d in raw.get("decisions", [])])
    except DecisionsError as exc:
        raise DecisionsError(f"{path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DecisionsError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except (TypeError, AttributeError) as exc:
        raise DecisionsError(f"{path}: malformed decision ({exc})") from None


def dumps(decisions: Decisions) -> str:
    """One decision per line, in a stable order: a new decision is a one-line diff."""
    lines = [json.dumps(d, ensure_ascii=False) for d in decisions.to_list()]
    body = ",\n".join("    " + line for line in lines)
    return '{\n  "format": 2,\n  "decisions": [' + (f"\n{body}\n  ]" if lines else "]") + "\n}\n"


def save(decisions: Decisions, path: str | Path | None = None) -> None:
    path = Path(path) if path else DEFAULT_PATH
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(dumps(decisions), encoding="utf-8")
    tmp.replace(path)


def today() -> str:
    return dt.date.today().isoformat()
