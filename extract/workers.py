"""Running the per-page stage in worker processes, each page bounded in time and memory.

A hostile page (decompression bomb, huge image, parser loop) must cost that page only: the worker
has an address-space cap (so the bomb raises MemoryError instead of swapping the machine), the
page has an alarm (so a slow page raises instead of hanging), and a worker that dies or hangs in C
code is replaced while the parent carries on with the next page.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from typing import Any

PageFn = Callable[[str, int, Any], Any]


class PageTimeoutError(Exception):
    pass


@contextmanager
def page_limits(seconds: float):
    """Raise PageTimeoutError in this process after `seconds` (main thread only; else no limit)."""
    import threading

    if threading.current_thread() is not threading.main_thread() or not seconds:
        yield
        return

    def on_alarm(signum, frame):
        raise PageTimeoutError(f"page took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(max(1, math.ceil(seconds)))
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _init_worker(max_memory_mb: int, parent: int = 0) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # tesseract: one thread per worker, workers fill the cores
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    import faulthandler

    faulthandler.disable()  # a worker killed by its memory cap is reported by the parent as a page failure
    if max_memory_mb:
        import resource

        # the cap bounds what a page may add: a worker forked from a large parent (a test session,
        # a long batch) starts with the parent's address space already mapped
        cap = max_memory_mb * 1024 * 1024 + _address_space()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _die_with(parent: int) -> None:
    """A worker ends when its parent is killed (SIGKILL, the OOM killer): the pool cannot shut it
    down then, and it would wait on its pipe forever. Linux only; elsewhere a no-op."""
    import ctypes
    import sys

    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _run_limited(fn: Callable[..., Any], args: tuple, timeout: float) -> Any:
    with page_limits(timeout):
        return fn(*args)


class PagePool:
    """Per-page tasks over `jobs` worker processes, or here when `isolate` is off.

    Inside a Dask worker (a daemon process) no pool can be forked, so the cluster path runs pages
    in the task's own process.
    """

    def __init__(
        self, jobs: int | None = None, page_timeout: float = 300.0, max_memory_mb: int = 3072, isolate: bool = True
    ):
        self.jobs = jobs or os.cpu_count() or 1
        self.isolate = isolate
        self.page_timeout = page_timeout
        self.max_memory_mb = max_memory_mb
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=mp.get_context(method),
                initializer=_init_worker,
                initargs=(self.max_memory_mb, os.getpid()),
            )
        return self._executor

    def _reset(self) -> None:
        """Replace a broken or hung pool: kill its workers, start afresh on the next submit."""
        ex, self._executor = self._executor, None
        if ex is None:
            return
        for proc in list(getattr(ex, "_processes", {}).values()):
            with suppress(Exception):
                proc.kill()
        ex.shutdown(wait=False, cancel_futures=True)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` under a page's limits, in a worker: whatever parses an untrusted file (even
        just to count its pages) runs here, never in the parent, so a bomb costs a worker.

        A worker that dies (its memory cap) raises MemoryError; one stuck in C code, PageTimeoutError."""
        if not self.isolate:
            return _run_limited(fn, args, self.page_timeout)
        fut = self._pool().submit(_run_limited, fn, args, self.page_timeout)
        try:
            return fut.result(timeout=self.page_timeout + 30)
        except FutureTimeout:
            self._reset()
            raise PageTimeoutError(f"worker stuck for more than {self.page_timeout + 30:g} s") from None
        except BrokenProcessPool:
            self._reset()
            raise MemoryError("worker died") from None

    def map_pages(self, fn: PageFn, path: str, pages: list[int], opts: Any) -> Iterator[tuple[int, Any]]:
        """(page, what `fn(path, page, opts)` returned or the exception it raised), in page order.

        `fn` must be a module-level function (workers receive it pickled)."""
        if not self.isolate:
            for p in pages:
                try:
                    yield p, _run_limited(fn, (path, p, opts), self.page_timeout)
                except Exception as exc:  # reported per page; the document goes on
                    yield p, exc
            return
        window = self.jobs * 3
        todo = deque(pages)
        running: deque = deque()
        while todo or running:
            while todo and len(running) < window:
                p = todo.popleft()
                running.append((p, self._pool().submit(_run_limited, fn, (path, p, opts), self.page_timeout)))
            p, fut = running.popleft()
            try:
                yield p, fut.result(timeout=self.page_timeout + 30)
            except FutureTimeout:
                yield p, PageTimeoutError(f"worker stuck for more than {self.page_timeout + 30:g} s")
                todo.extendleft(reversed([q for q, _ in running]))
                running.clear()
                self._reset()
            except BrokenProcessPool:
                yield p, MemoryError("worker died")
                todo.extendleft(reversed([q for q, _ in running]))
                running.clear()
                self._reset()
            except Exception as exc:
                yield p, exc

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:  # interrupted or failing: do not wait for pages nobody will read
            self._reset()
