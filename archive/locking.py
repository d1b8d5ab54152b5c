"""Waiting for an archive that another process has open.

DuckDB lets one process write a database file, or several read it, and turns everyone else away at
once with a lock error. People sharing an archive would rather queue: `opened` tries again until
the lock is free or the wait is over, and tells the person at the terminal whom it is waiting for.
Nothing is written before the connection is had, so giving up loses nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.status import Status

from . import store

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

DEFAULT_WAIT = 300.0
POLL = 0.2


class ArchiveBusyError(store.ArchiveError):
    """The wait ran out with the archive still locked."""


class Notice:
    """A line on stderr when the wait starts, and a spinner counting the seconds on a terminal."""

    def __init__(self, console: Console | None) -> None:
        self.console = console
        self.status: Status | None = None

    def show(self, path: Path, who: str, waited: float, limit: float) -> None:
        if self.console is None:
            return
        text = f"{path}: waiting for {who} to release the archive ({waited:.0f} s of {limit:g} s)"
        if self.status is None:
            self.console.print(f"{path}: in use by {who}; waiting up to {limit:g} s (--wait)", highlight=False)
            self.status = self.console.status(text)
            self.status.start()
        else:
            self.status.update(text)

    def close(self) -> None:
        if self.status is not None:
            self.status.stop()


def connect(path: Path, read_only: bool, wait: float, console: Console | None = None) -> DuckDBPyConnection:
    """A connection, once no other process holds the lock; ArchiveBusyError after `wait` seconds."""
    start = time.monotonic()
    notice = Notice(console)
    try:
        while True:
            try:
                return store.connect(path, read_only=read_only)
            except store.ArchiveLockedError as exc:
                waited = time.monotonic() - start
                if waited >= wait:
                    raise ArchiveBusyError(
                        f"{path}: still in use by {exc.holder} after {wait:g} s; "
                        "try again later or give a longer --wait"
                    ) from None
                notice.show(path, exc.holder, waited, wait)
                time.sleep(min(POLL, wait - waited))
    finally:
        notice.close()


@contextmanager
def opened(
    path: str | Path | None, read_only: bool = False, wait: float = 0.0, console: Console | None = None
) -> Iterator[DuckDBPyConnection]:
    """The archive, open for as short a time as the caller needs it; closed on the way out."""
    con = connect(Path(path or store.DEFAULT_PATH), read_only, wait, console)
    try:
        yield con
    finally:
        con.close()
