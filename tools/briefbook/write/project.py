"""Which folders briefbook may write into, and what it wrote there.

``convert`` writes only into a folder that is empty (or missing), or that is
a briefbook project: it holds the manifest :data:`MANIFEST` (written by every
conversion), or a ``conf.py`` that loads ``briefbook.sphinxext`` (a project
of an earlier version). Anything else (a repository's own ``docs/``, a home
folder) is refused before a byte is written, naming what was found. The
output folder may not be the articles folder or inside it (the next run
would read the generated pages as articles), nor hold it (Sphinx would read
the articles as pages).

The manifest lists each generated file with the SHA-256 of the bytes written,
so that a later conversion removes only a file it wrote itself and that
nobody changed since; ``conf.py`` is never listed (it is the user's once
written). A generated file changed by hand since (a chapter whose typo was
mended in ``docs/``) is written again from its article, so that the book
stays whole, and the hand-made version is first kept in :data:`EDITED_DIR`
(never removed by briefbook); the conversion says where. The pure functions
here work on text; :func:`check_output`, :func:`read_manifest`,
:func:`book_settings` (the title and author of an existing ``conf.py``) and
:func:`write_project` touch the disk.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefbook.core.settings import DEFAULT_TITLE, TUNING, BookSettings
from briefbook.write.pages import CHAPTER_DIR, render_conf

__all__ = [
    "EDITED_DIR",
    "MANIFEST",
    "ConfValues",
    "Manifest",
    "ProjectError",
    "Written",
    "book_settings",
    "check_output",
    "conf_values",
    "is_project",
    "keep_editions",
    "kept_edit_message",
    "parse_manifest",
    "read_manifest",
    "render_manifest",
    "write_project",
]

MANIFEST = ".briefbook-manifest"
"""In the Sphinx project: the files the last conversion wrote, with their digests."""
EDITED_DIR = "_report/edited"
"""In the Sphinx project: generated files changed by hand, kept before they were written again."""
_NOT_KEPT = ("_report/", "_editions/")
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
    if source.is_relative_to(target):
        raise ProjectError(
            f"{out}: the articles folder {articles} is inside the output folder; Sphinx would read "
            "its files as pages of the book: keep the articles beside the project, not in it"
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


def _ours(path: Path, rel: str, manifest: Manifest | None) -> bool:
    """Whether ``path`` (no longer generated) is a file briefbook wrote, unchanged since.

    With a manifest, the file must be listed with its current bytes' digest;
    in a project of an earlier version (no manifest), briefbook owns the
    chapters it generated (their front matter names their ``source_file``)
    and its ``CITATION.cff``.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if manifest is not None:
        return digest(data) in manifest.get(rel, ())
    head = data[:4096].decode("utf-8", errors="replace")
    if rel == "CITATION.cff":
        return head.startswith("cff-version: 1.2.0\nmessage: Nếu bạn trích dẫn sổ tay này")
    return rel.startswith(f"{CHAPTER_DIR}/") and head.startswith("---\ntitle:") and "\nsource_file: " in head


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write_project` did."""

    paths: tuple[Path, ...]
    """The files written."""
    kept_edits: tuple[tuple[str, str], ...] = ()
    """``(file, copy)``, relative to the project: a generated file changed by
    hand since the last conversion, and where its hand-made version was kept."""


def _keep_edits(out: Path, files: Mapping[str, bytes], previous: Manifest | None) -> list[tuple[str, str]]:
    """Copy into :data:`EDITED_DIR` each file about to be written again that
    was changed since briefbook wrote it (its digest not in the manifest)."""
    kept = []
    for rel, data in sorted(files.items()):
        path = out / rel
        # (The report is output; the record of editions is input: the conversion read it.)
        if previous is None or rel not in previous or rel.startswith(_NOT_KEPT) or not path.is_file():
            continue
        current = path.read_bytes()
        sha = digest(current)
        if current == data or sha in previous[rel]:
            continue
        name = PurePosixPath(rel)
        copy = f"{EDITED_DIR}/{name.parent}/{name.stem}.{sha[:8]}{name.suffix}".replace("/./", "/")
        target = out / copy
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(current)
            tmp.replace(target)
        kept.append((rel, copy))
    return kept


def kept_edit_message(out: Path, rel: str, copy: str) -> str:
    """What the conversion says of a generated file changed by hand (:attr:`Written.kept_edits`)."""
    return (
        f"{out / rel}: changed by hand since the last conversion; written again from the articles, "
        f"your version is kept in {out / copy} (put corrections in the article, or in a NAME.yaml "
        "beside it: README, Editor overrides)"
    )


def write_project(generated: Mapping[str, str], out: Path, settings: BookSettings) -> Written:
    """Write the ``generated`` files (path relative to ``out`` to text) whose
    bytes changed, remove the files no longer generated that briefbook wrote
    (:func:`_ours`), and record what was written (:data:`MANIFEST`).

    ``conf.py`` is written only when there is none: it is the user's. A file
    briefbook did not write, or that was changed since, is never removed, and
    one it did not write is never overwritten (in a project with a manifest);
    one it wrote and someone changed since is kept in :data:`EDITED_DIR`
    before it is written again.
    """
    files = {rel: text.encode("utf-8") for rel, text in generated.items()}
    previous = read_manifest(out)
    # A file of a name briefbook now generates (a page new in this version)
    # that an earlier conversion did not write is the user's: kept.
    theirs = {
        rel
        for rel, data in files.items()
        if previous is not None
        and rel not in previous
        and (out / rel).is_file()
        and (out / rel).read_bytes() != data
    }
    files = {rel: data for rel, data in files.items() if rel not in theirs}
    kept = _keep_edits(out, files, previous)
    # Before any file: what this run will write and what earlier runs wrote.
    _write_manifest(out, render_manifest(files, previous))
    written = []
    conf = out / "conf.py"
    for rel, data in sorted(
        [*files.items(), *([("conf.py", render_conf(settings).encode())] if not conf.exists() else [])]
    ):
        path = out / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError:  # a full disk: no half-written file is left behind
            tmp.unlink(missing_ok=True)
            raise
        written.append(path)
    stale = set(previous or {}) | {f"{CHAPTER_DIR}/{p.name}" for p in (out / CHAPTER_DIR).glob("*.md")}
    stale.add("CITATION.cff")
    for rel in sorted(stale - files.keys()):
        if _ours(out / rel, rel, previous):
            (out / rel).unlink()
    _write_manifest(out, render_manifest(files))
    return Written(tuple(written), tuple(kept))


def _write_manifest(out: Path, text: str) -> None:
    path = out / MANIFEST
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_bytes(data)
    tmp.replace(path)


def keep_editions(out: Path) -> int:
    """``briefbook_keep_editions`` of the project's ``conf.py`` when set to a
    whole number there (at least 1), else :attr:`~briefbook.core.settings.Tuning.keep_editions`."""
    try:
        tree = ast.parse((out / "conf.py").read_text("utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return TUNING.keep_editions
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == "briefbook_keep_editions"
            and isinstance(node.value, ast.Constant)
            and type(node.value.value) is int
        ):
            return max(1, node.value.value)
    return TUNING.keep_editions


def book_settings(requested: BookSettings, out: Path, title: str | None, author: str | None) -> BookSettings:
    """The book's settings: the title and author of ``conf.py`` once there is
    one (``--title``/``--author`` that differ are refused), else those asked for."""
    conf = out / "conf.py"
    try:
        text = conf.read_text("utf-8", errors="replace") if conf.is_file() else None
    except OSError:
        text = None
    values = conf_values(text)
    if not values.found:
        return BookSettings(title or DEFAULT_TITLE, author or "", requested.parts, source=requested.source)
    for option, asked, held, name in (
        ("--title", title, values.title, "project"),
        ("--author", author, values.author, "author"),
    ):
        if asked is not None and asked != held:
            raise ProjectError(
                f"{option} {asked!r}: {conf} holds the book's {option[2:]} ({name} = {held!r}); "
                f"edit {name} in conf.py to change it, or leave out {option}"
            )
    return BookSettings(values.title or DEFAULT_TITLE, values.author or "", requested.parts, source=str(conf))
