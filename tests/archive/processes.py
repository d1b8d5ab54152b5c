"""`scorekit archive` in real child processes, one of them stopped inside its write transaction.

The library has no test hook: the child runs this module's script, which wraps the archive's
connection so that its first COMMIT writes a marker file and then waits for a release file (or,
without one, forever: the test kills it there). The tests wait for conditions (a file, a line on a
pipe, a process ending), never for a fixed time.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

RUN = """
import sys, typer
from scorekit.archive.commands import register
app = typer.Typer()
@app.callback()
def main(): pass
register(app)
app(sys.argv[1:])
"""

HELD = """
import sys, time, typer
from pathlib import Path
from scorekit.archive import store
from scorekit.archive.commands import register

marker, release = Path(sys.argv[1]), sys.argv[2]
real = store.connect


class Held:
    # the archive's connection, stopped at its first COMMIT until the release file exists
    def __init__(self, con):
        self.con = con

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, sql, *args):
        if sql == "COMMIT" and not marker.exists():
            marker.write_text("in transaction")
            while not (release and Path(release).exists()):
                time.sleep(0.05)
        return self.con.execute(sql, *args)


store.connect = lambda *a, **k: Held(real(*a, **k))
app = typer.Typer()
@app.callback()
def main(): pass
register(app)
app(sys.argv[3:])
"""


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT.parent), "COLUMNS": "200"}


def archive_command(*args: str) -> list[str]:
    """`scorekit archive ARGS...` in a child process."""
    return [sys.executable, "-c", RUN, "archive", *args]


def held_archive_command(marker: Path, release: Path | None, *args: str) -> list[str]:
    """The same, stopped at its first COMMIT (see the module's docstring)."""
    return [sys.executable, "-c", HELD, str(marker), str(release or ""), "archive", *args]


def wait_for(condition: Callable[[], bool], timeout: float = 300) -> bool:
    """Poll `condition` until it holds; False if it never did within `timeout` (a hung child)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def read_until(stream, needle: str) -> list[str]:
    """Lines from a child's pipe up to the first holding `needle` (or to the end, if none does)."""
    lines = []
    for line in iter(stream.readline, ""):
        lines.append(line)
        if needle in line:
            break
    return lines
