"""Which folders briefbook may write into, and what it wrote there.

``convert`` writes only into a folder that is empty (or missing), or that is
a briefbook project: it holds the manifest :data:`MANIFEST` (written by every
conversion), or a ``conf.py`` that loads ``briefbook.sphinxext`` (a project
of an earlier version). Anything else (a repository's own ``docs/``, a home
folder) is refused before a byte is written, naming what was found. The
output folder may not be the articles folder or inside it (the next run
would read the generated pages as articles).

The manifest lists each generated file with the SHA-256 of the bytes written,
so that a later conversion removes only a file it wrote itself and that
nobody changed since; ``conf.py`` is never listed (it is the user's once
written). The pure functions here work on text; :func:`check_output` and
:func:`read_manifest` read the disk.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MANIFEST",
    "ConfValues",
    "Manifest",
    "ProjectError",
    "check_output",
    "conf_values",
    "is_project",
    "read_manifest",
    "render_manifest",
]

MANIFEST = ".briefbook-manifest"
"""In the Sphinx project: the files the last conversion wrote, with their digests."""
EXTENSION = "briefbook.sphinxext"
_HEADER = "# Written by briefbook convert: the files it owns here (SHA-256 and path). Do not edit.\n"
_FOUND_SHOWN = 5


class ProjectError(Exception):
    """A folder briefbook must not write into, or a conflicting setting."""


def _loads_briefbook(conf: Path) -> bool:
    try:
        return EXTENSION in conf.read_text("utf-8", errors="replace")
    except OSError:
        return False


def is_project(folder: Path) -> bool:
    """Whether ``folder`` is a briefbook project (manifest, or conf.py loading the extension)."""
    return (folder / MANIFEST).is_file() or _loads_briefbook(folder / "conf.py")


def not_a_project_message(folder: Path) -> str:
    """One line saying why ``folder`` is not a briefbook project."""
    if not folder.exists():
        return f"{folder}: no such folder (run `briefbook convert ARTICLES_DIR --out {folder}` first)"
    if not folder.is_dir():
        return f"{folder}: not a folder"
    return (
        f"{folder}: not a briefbook project (no {MANIFEST}, no conf.py loading {EXTENSION}); "
        f"run `briefbook convert ARTICLES_DIR --out {folder}` into an empty folder first"
    )


def check_output(out: Path, articles: Path) -> None:
    """Refuse (:class:`ProjectError`) an output folder briefbook may not write into."""
    target, source = out.resolve(), articles.resolve()
    if target == source or target.is_relative_to(source):
        where = "the articles folder" if target == source else "inside the articles folder"
        raise ProjectError(
            f"{out}: the output folder is {where} {articles}; the next run would read "
            "the generated pages as articles: choose another --out"
        )
    if not out.exists():
        return
    if not out.is_dir():
        raise ProjectError(f"{out}: not a folder")
    if is_project(out):
        return
    found = sorted(p.name + ("/" if p.is_dir() else "") for p in out.iterdir())
    if not found:
        return
    conf = out / "conf.py"
    what = ", ".join(found[:_FOUND_SHOWN]) + (
        f" and {len(found) - _FOUND_SHOWN} more" if len(found) > _FOUND_SHOWN else ""
    )
    why = f"its conf.py does not load {EXTENSION}" if conf.is_file() else f"it has no {MANIFEST}"
    raise ProjectError(
        f"{out}: not empty and not a briefbook project ({why}; found {what}); "
        "nothing was written: choose an empty or new folder for --out"
    )


Manifest = Mapping[str, frozenset[str]]
"""Path (relative to the project) to the SHA-256 digests of the bytes written there."""


def render_manifest(files: Mapping[str, bytes], earlier: Manifest | None = None) -> str:
    """The manifest of the generated files (path relative to the project to
    bytes), with the digests of ``earlier`` too (written before the files, so
    that a run cut short leaves a manifest naming both versions)."""
    pairs = {(rel, digest(data)) for rel, data in files.items()}
    pairs |= {(rel, d) for rel, digests in (earlier or {}).items() for d in digests}
    return _HEADER + "".join(f"{d}  {rel}\n" for rel, d in sorted(pairs))


def parse_manifest(text: str) -> dict[str, frozenset[str]]:
    """Path to the SHA-256 digests listed for it; lines of another shape are ignored."""
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        sha, sep, rel = line.partition("  ")
        if sep and len(sha) == 64 and rel and not rel.startswith("/") and ".." not in rel.split("/"):
            found.setdefault(rel, set()).add(sha)
    return {rel: frozenset(shas) for rel, shas in found.items()}


def read_manifest(folder: Path) -> dict[str, frozenset[str]] | None:
    """The manifest of ``folder``; ``None`` when it has none."""
    try:
        return parse_manifest((folder / MANIFEST).read_text("utf-8", errors="replace"))
    except OSError:
        return None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class ConfValues:
    """The title and author a ``conf.py`` sets (``None`` when it sets none as a plain string)."""

    title: str | None = None
    author: str | None = None
    found: bool = False
    """Whether there is a ``conf.py``."""


def conf_values(text: str | None) -> ConfValues:
    """``project`` and ``author`` of a ``conf.py``, when set to a string at its top level."""
    if text is None:
        return ConfValues()
    values: dict[str, str] = {}
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return ConfValues(found=True)
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in ("project", "author")
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            values[node.targets[0].id] = node.value.value
    return ConfValues(values.get("project"), values.get("author"), True)
