"""The file-system side of a build: one build per project at a time, outputs
swapped in atomically, and disk errors told in one line.

- :func:`project_lock`: an exclusive ``flock`` on ``_build/.lock``; a second
  build of the same project waits for the first (and says so) instead of
  writing into the same folders.
- :func:`swap`: puts a new output folder where the old one is. On Linux the
  two are exchanged by one ``renameat2(RENAME_EXCHANGE)``, so there is no
  moment without ``_build/html`` (or ``pdf``, ``latex``); elsewhere, or on
  a file system without it, by two renames.
- :func:`disk_error`: an :class:`OSError` as one line naming the path.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["LOCK_FILE", "disk_error", "exchange", "project_lock", "swap"]

LOCK_FILE = ".lock"
"""In ``_build``: held by the build that runs."""

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextlib.contextmanager
def project_lock(root: Path, tell: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the build lock of the project whose ``_build`` is ``root``;
    wait for it when another build holds it (``tell`` says so, by default
    on standard error). The lock goes with the process, killed or not."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / LOCK_FILE).open("a+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"briefbook: another build of {root.parent} is running; waiting for it to end"
            (tell or (lambda m: print(m, file=sys.stderr, flush=True)))(message)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def exchange(a: Path, b: Path) -> bool:
    """Exchange the two paths atomically; ``False`` when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap(new: Path, final: Path) -> None:
    """Put ``new`` where ``final`` is, removing the old one only after.

    ``new`` must be on the same file system; it is gone afterwards."""
    if final.is_dir() and not final.is_symlink() and exchange(new, final):
        shutil.rmtree(new)  # now the old one
        return
    old = final.with_name(f".old-{final.name}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old)


def disk_error(exc: OSError) -> str:
    """``exc`` in one line: the path and what the system said."""
    path = exc.filename if exc.filename is not None else "?"
    reason = exc.strerror or str(exc)
    return f"cannot write {os.fsdecode(path)}: {reason}"
