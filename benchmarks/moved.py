"""What moved between two runs of the accuracy benchmarks: `python benchmarks/moved.py BEFORE AFTER`.

BEFORE and AFTER are directories holding the same JSON files (`accuracy.py --json`, `--floors`)
and a `versions.txt` (`pip freeze`); every figure that differs and every package that changed
version is printed, so an upgrade is judged on what it does to results.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table


def flat(tree: object, prefix: str = "") -> dict[str, float]:
    if isinstance(tree, dict):
        out: dict[str, float] = {}
        for key, sub in tree.items():
            out.update(flat(sub, f"{prefix} {key}".strip()))
        return out
    return {prefix: float(tree)} if isinstance(tree, int | float) else {}


def versions(path: Path) -> dict[str, str]:
    pins = (line.split("==", 1) for line in path.read_text().splitlines() if "==" in line)
    return {name.lower(): version for name, version in pins}


def main(argv: list[str]) -> int:
    before, after = Path(argv[0]), Path(argv[1])
    console = Console(width=150)
    old, new = versions(before / "versions.txt"), versions(after / "versions.txt")
    packages = Table(title="packages that changed", title_justify="left")
    for col in ("package", "before", "after"):
        packages.add_column(col)
    for name in sorted(old.keys() | new.keys()):
        if old.get(name) != new.get(name):
            packages.add_row(name, old.get(name, "-"), new.get(name, "-"))
    console.print(packages)
    figures = Table(title="figures that moved", title_justify="left")
    for col in ("file", "figure", "before", "after", "change"):
        figures.add_column(col, justify="left" if col in ("file", "figure") else "right")
    moved = 0
    for path in sorted(before.glob("*.json")):
        was, now = flat(json.loads(path.read_text())), flat(json.loads((after / path.name).read_text()))
        for key in sorted(was.keys() | now.keys()):
            a, b = was.get(key), now.get(key)
            if a != b:
                moved += 1
                change = f"{b - a:+.4f}" if a is not None and b is not None else "-"
                figures.add_row(path.stem, key, _fmt(a), _fmt(b), change)
    console.print(figures if moved else "no figure moved")
    return 0


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
