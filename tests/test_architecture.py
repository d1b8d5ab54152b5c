"""The house is easy to walk: no import cycles, no module reaching into another's private names.

Imports are read from the source, at module level and inside functions alike (a deferred import
is still a dependency), so a cycle hidden behind a function-level import is caught too.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "scorekit"
NOT_LIBRARY = {"tests", "benchmarks", "scripts", ".venv", "build"}


@dataclass(frozen=True)
class Import:
    importer: str
    module: str
    names: tuple[str, ...]
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def library_modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in NOT_LIBRARY or rel.parts[0].startswith("."):
            continue
        out[_module_name(path)] = path
    return out


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(modules: dict[str, Path]) -> list[Import]:
    out = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out += [Import(name, a.name, (), node.lineno) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(name, is_package, node)
                names = tuple(a.name for a in node.names)
                # `from . import store`: the names may be modules themselves
                subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]
                if len(subs) < len(names):
                    out.append(Import(name, target, names, node.lineno))
                out += [Import(name, s, (), node.lineno) for s in subs]
    return out


def _graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports(modules):
        if imp.module in modules and imp.module != imp.importer:
            graph[imp.importer].add(imp.module)
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for w in graph.get(todo.pop(), ()):
            if w not in seen:
                seen.add(w)
                todo.append(w)
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of more than one module, each reachable from every other."""
    reach = {v: reachable(graph, v) for v in graph}
    groups = {tuple(sorted(w for w in reach[v] if v in reach.get(w, ()))) for v in graph if v in reach[v]}
    return sorted(list(g) for g in groups if len(g) > 1)


def test_no_import_cycles():
    found = cycles(_graph(library_modules()))
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_no_module_imports_another_modules_private_names():
    modules = library_modules()
    bad = [
        f"{imp.importer}:{imp.line} imports {imp.module}.{n}"
        for imp in imports(modules)
        if imp.module.startswith(PACKAGE)
        for n in imp.names
        if n.startswith("_") and not n.startswith("__")
    ]
    assert not bad, "\n".join(bad)


def test_the_checks_see_a_cycle_and_a_private_import(tmp_path):
    """The two checks above can fail: a made-up pair of modules trips both."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    node = ast.parse("from .cells import _num").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert _resolve(f"{PACKAGE}.report.chart", False, node) == f"{PACKAGE}.report.cells"
