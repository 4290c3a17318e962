"""Reading the articles folder: only regular files inside it.

An article folder comes from whoever saved the articles. A link in it to
``/etc/passwd`` (absolute or ``../../``), a dangling link, a link loop, a
FIFO (which would block the reader) or a device is never read: each is an
error naming the file, and the other articles go on. A link to another file
inside the folder is read (a second name for an article).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["UnsafeFile", "read_inside"]

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class UnsafeFile(OSError):
    """A file of the articles folder that is not read; the message says why."""


def _target(path: Path, root: Path) -> Path:
    """Where ``path`` leads, if that is inside ``root``."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError as exc:
        raise UnsafeFile(f"{path.name}: a link that leads nowhere (its target does not exist)") from exc
    except (RuntimeError, OSError) as exc:  # ELOOP: a loop of links
        raise UnsafeFile(f"{path.name}: a loop of links") from exc
    if not target.is_relative_to(root.resolve()):
        raise UnsafeFile(f"{path.name}: a link to a file outside the articles folder, not read")
    return target


def read_inside(path: Path, root: Path) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` (itself or through
    links that stay inside); raises :class:`UnsafeFile` (an :class:`OSError`)."""
    target = _target(path, root)
    try:
        fd = os.open(target, _FLAGS)
    except OSError as exc:
        raise UnsafeFile(f"{path.name}: cannot open: {exc.strerror}") from exc
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            kind = (
                "a FIFO"
                if stat.S_ISFIFO(mode)
                else "a folder"
                if stat.S_ISDIR(mode)
                else "a device or socket"
            )
            raise UnsafeFile(f"{path.name}: {kind}, not a regular file; not read")
        return file.read()
