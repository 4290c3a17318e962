"""Work on single articles in worker processes: how many, in what chunks.

The articles' parsing (:func:`briefbook.folder.parse_sources`) and the
plan's longest per-article work (:func:`map_in_workers`, for
:func:`briefbook.book.plan_project`) share these.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

PARALLEL_MIN = 48
"""Fewer articles to parse than this are parsed in this process (starting
worker processes costs more than they save)."""


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to report (one line, not one traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def workers_for(count: int, jobs: int | None = None) -> int:
    """How many processes work on ``count`` items (``jobs``: ``None`` for
    one per CPU from :data:`PARALLEL_MIN` items on, N for N)."""
    workers = (cpus() if count >= PARALLEL_MIN else 1) if jobs is None else jobs
    return min(workers, count)


def chunk_size(count: int, workers: int) -> int:
    """Items sent to a worker at a time: a few chunks each, at most 16 items."""
    return max(1, min(16, count // (workers * 4)))


_T = TypeVar("_T")
_R = TypeVar("_R")


def map_in_workers(function: Callable[[_T], _R], items: Sequence[_T]) -> list[_R]:
    """``[function(item) for item in items]``, in worker processes (one per
    CPU) from :data:`PARALLEL_MIN` items on: for work on single articles
    that the book's plan needs for each (``function`` must be picklable)."""
    workers = workers_for(len(items))
    if workers <= 1:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts) as pool:
        return list(pool.map(function, items, chunksize=chunk_size(len(items), workers)))
