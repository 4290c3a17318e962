"""The book's files to download besides its HTML and PDF: a PDF per chapter
(and per overview page) and the EPUB, made by :func:`make` after the PDF.

* The chapter PDFs are cut from the book's PDF (:mod:`briefbook.chapterpdf`),
  into ``_build/pdf/chapters/`` and the HTML's ``pdf/``;
* the EPUB is Sphinx's ``epub`` builder on the shared doctrees, in a work
  folder that is kept (Sphinx then writes only the changed pages), shipped
  into ``_build/epub/`` and the HTML's root.

:mod:`briefbook.build` runs the steps and calls :func:`ship` (into the HTML
work folder) and :func:`publish` (into ``_build``) when everything succeeded.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypdf.errors import PdfReadError

from briefbook.buildfiles import swap
from briefbook.chapterpdf import write_parts
from briefbook.sphinxext.overview import PART_DIR
from briefbook.steps import Announce, StepResult, run_step
from briefbook.write.numbering import chapter_docs
from briefbook.write.pages import OVERVIEW_TITLES

__all__ = [
    "NONE",
    "PARTS_STEP",
    "WORK_EPUB",
    "Downloads",
    "chapter_title",
    "html_options",
    "make",
    "publish",
    "ship",
]

PARTS_STEP = "chapter PDFs (pypdf)"
EPUB_STEP = "EPUB (sphinx)"
WORK_EPUB = "work/epub"
"""Sphinx's EPUB output folder, relative to ``_build``."""
PARTS_FOLDER = "chapters"
"""The chapter PDFs' folder in ``_build/pdf``."""


@dataclass(frozen=True, slots=True)
class Downloads:
    """What this build made (``None``: not made; the last good build's are used)."""

    parts: Path | None = None
    """The folder of the chapter PDFs."""
    epub: Path | None = None


NONE = Downloads()


def chapter_title(path: Path) -> str:
    """The ``title`` of a chapter's front matter ("" when it has none)."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return ""
    head, sep, _ = text.removeprefix("---\n").partition("\n---\n")
    if not text.startswith("---\n") or not sep:
        return ""
    try:
        data = yaml.safe_load(head)
    except yaml.YAMLError:
        return ""
    return str(data.get("title", "")) if isinstance(data, dict) else ""


def _parts_step(pdf: Path, wanted: Mapping[str, str], out: Path, edition: str, log: Path) -> StepResult:
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        written = write_parts(pdf, pdf.with_suffix(".aux"), wanted, out, edition)
    except (PdfReadError, ValueError, KeyError) as exc:  # a PDF pypdf cannot read: say so, fail the step
        log.write_text(f"{type(exc).__name__}: {exc}\n", "utf-8")
        return StepResult(PARTS_STEP, False, log, f"cannot cut the chapter PDFs: {exc}")
    log.write_text("".join(f"{path.name}\n" for path in written), "utf-8")
    return StepResult(PARTS_STEP, True, log)


def make(
    pdf: Path,
    docs: Path,
    staging: Path,
    root: Path,
    edition: str,
    logs: Path,
    epub_command: Sequence[str],
    announce: Announce | None = None,
) -> tuple[Downloads, list[StepResult]]:
    """The PDFs of the chapters of the project at ``docs`` and of its overview
    pages, then the EPUB (``epub_command``, Sphinx into :data:`WORK_EPUB`)."""
    try:
        index = (docs / "index.md").read_text("utf-8", errors="replace")
    except OSError:
        index = ""
    chapters = {doc: chapter_title(docs / f"{doc}.md") for doc in chapter_docs(index)}
    if announce is not None:
        announce(f"{PARTS_STEP}...")
    started = time.monotonic()
    parts = staging / "parts"
    step = _parts_step(pdf, {**chapters, **OVERVIEW_TITLES}, parts, edition, logs / "pdf-parts.log")
    if announce is not None:
        announce(f"{PARTS_STEP}: {'ok' if step.ok else 'failed'} ({time.monotonic() - started:.0f} s)")
    epub_step = run_step(EPUB_STEP, epub_command, logs / "epub.log", announce=announce)
    epubs = sorted((root / WORK_EPUB).glob("*.epub"))
    epub = epubs[0] if epub_step.ok and len(epubs) == 1 else None
    return Downloads(parts if step.ok else None, epub), [step, epub_step]


def _last_good(made: Downloads, root: Path) -> Downloads:
    parts = made.parts or root / "pdf" / PARTS_FOLDER
    epub = made.epub or next(iter(sorted((root / "epub").glob("*.epub"))), None)
    return Downloads(parts if parts.is_dir() else None, epub)


def html_options(made: Downloads, root: Path) -> list[str]:
    """The HTML build's options: the EPUB's name for the pages' link."""
    epub = _last_good(made, root).epub
    return [f"-Dbriefbook_epub={epub.name}"] if epub else []


def _copy(src: Path, dst: Path) -> None:
    """Copy unless ``dst`` is already the same file (size and time)."""
    if (
        dst.is_file()
        and (s := src.stat()).st_size == (d := dst.stat()).st_size
        and s.st_mtime_ns == d.st_mtime_ns
    ):
        return
    shutil.copy2(src, dst)


def ship(made: Downloads, root: Path, work: Path) -> None:
    """Into the HTML work folder: the chapter PDFs (those of removed chapters
    dropped) and the EPUB, this build's or the last good build's."""
    found = _last_good(made, root)
    if found.parts is not None:
        target = work / PART_DIR
        target.mkdir(parents=True, exist_ok=True)
        names = {path.name for path in found.parts.glob("*.pdf")}
        for name in sorted(names):
            _copy(found.parts / name, target / name)
        for old in target.glob("*.pdf"):
            if old.name not in names:
                old.unlink()
    if found.epub is not None:
        _copy(found.epub, work / found.epub.name)


def publish(made: Downloads, pdf_dir: Path, staging: Path, root: Path) -> None:
    """This build's files into ``_build``: the chapter PDFs into the new PDF
    folder (``pdf_dir``, swapped in by the caller), the EPUB into ``epub/``."""
    if made.parts is not None:
        shutil.copytree(made.parts, pdf_dir / PARTS_FOLDER)
    if made.epub is not None:
        epub_dir = staging / "epub"
        epub_dir.mkdir()
        shutil.copy2(made.epub, epub_dir / made.epub.name)
        swap(epub_dir, root / "epub")
