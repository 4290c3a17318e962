"""Build the HTML book and the PDF with Sphinx, atomically.

Both builds run with warnings as errors (``-W --keep-going``) into a staging
folder under ``_build/``; the previous output is replaced only when every
requested build succeeded, so a failed build leaves the last good HTML and
PDF in place. The PDF is built first so that the HTML can ship it.

Layout of ``DOCS/_build``: ``html/`` (the book, with the PDF inside),
``pdf/NAME.pdf``, ``doctrees/shared/`` (Sphinx's cache, one for both
formats), ``work/html/`` (Sphinx's own HTML output, which it updates in
place build after build), ``latex/`` (the last good LaTeX run), ``logs/``
(the last run's output of each step), ``briefbook/`` (the parse cache, see
:mod:`briefbook.read.parsecache`).

The HTML is built into ``work/html``, where Sphinx rewrites only the pages
whose sources or surroundings changed (:mod:`briefbook.sphinxext.surroundings`),
then published (:func:`publish`): a new tree in the
staging folder whose unchanged files are hard links to the previous
``html/`` and whose changed files are copies, swapped in by renaming. So a
build copies only what changed, and ``html/`` never shares a file with
``work/html`` (Sphinx truncates and rewrites its files in place, which
would change a published file that was a link to one of them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefbook import __version__, downloads, editionstore, sphinxext
from briefbook.buildfiles import disk_error, project_lock, swap
from briefbook.sphinxext.citation import edition
from briefbook.sphinxext.surroundings import RECORD
from briefbook.steps import (
    CLEAN_RETRY_NOTE,
    Announce,
    StepResult,
    build_pdf,
    carry_latex_state,
    missing_characters,
    run_step,
    wrap_long_lines,
    wrap_tex,
)
from briefbook.write.numbering import (
    NOTICE_FILE,
    STATE_FILE,
    Numbering,
    chapter_docs,
    dump_numbering,
    load_numbering,
    next_numbering,
    render_notice,
)
from briefbook.write.project import ProjectError, is_project, not_a_project_message

__all__ = [
    "CLEAN_RETRY_NOTE",
    "DISK",
    "DOCTREES",
    "BuildResult",
    "StepResult",
    "build",
    "carry_latex_state",
    "missing_characters",
    "publish",
    "wrap_long_lines",
]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did."""

    steps: tuple[StepResult, ...]
    html: Path | None = None
    """The HTML entry page, when the HTML was built."""
    pdf: Path | None = None
    """The PDF, when it was built."""

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)


SPHINX_CRASHED = 2
"""Sphinx's exit status when it failed with an exception (1: warnings)."""
_WARNED = re.compile(r"^(/[^\n]*?\.md)(?::\d+)?: (?:WARNING|ERROR|CRITICAL|SEVERE)", re.M)


def _sphinx_step(
    name: str, cmd: Sequence[str], log: Path, docs: Path, announce: Announce | None = None
) -> StepResult:
    """A Sphinx run. When it fails, the documents it warned about are marked
    to be read again (their time is set to now): Sphinx keeps a document it
    has read, warnings or not, and would otherwise build it without a word
    next time, in either format, since both share what was read."""
    step = run_step(name, cmd, log, announce=announce)
    if step.returncode == SPHINX_CRASHED:
        # Sphinx itself failed (a doctree or environment cut short, ...):
        # what it read before is dropped and the step runs once more.
        root = docs / "_build"
        for folder in (root / DOCTREES, root / WORK_HTML):
            shutil.rmtree(folder, ignore_errors=True)
        step = run_step(name, cmd, log, announce=announce)
        if step.ok:
            step = dataclasses.replace(step, notes=(CLEAN_RETRY_NOTE,))
    if not step.ok:
        for match in _WARNED.finditer(log.read_text("utf-8", errors="replace")):
            source = Path(match[1])
            if source.is_file() and source.resolve().is_relative_to(docs):
                os.utime(source)
    return step


def _sphinx(builder: str, docs: Path, out: Path, doctrees: Path, extra: Sequence[str] = ()) -> list[str]:
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        "-W",
        "--keep-going",
        "-q",
        "--no-color",
        "-j",
        "auto",
        "-d",
        str(doctrees),
        *extra,
        str(docs),
        str(out),
    ]


STAMP = ".briefbook-build"
"""In the HTML output: what the whole site depends on (see :func:`_site_stamp`)."""

DOCTREES = "doctrees/shared"
"""Sphinx's environment and doctrees, relative to ``_build``: one for the
HTML and LaTeX builds (as in Sphinx's own Makefile), so that a book is read
once, not once per format. Nothing that is read depends on the builder
(see :class:`briefbook.sphinxext.latex.LaTeXBuilder`), and each build
passes the same values that the environment depends on."""

WORK_HTML = "work/html"
"""Sphinx's HTML output folder, relative to ``_build``."""


def _site_stamp(docs: Path, pdf_name: str) -> str:
    """A digest of what every page shows: the configuration, the PDF's name,
    briefbook's version and its extension's code. When it is unchanged, the
    previous HTML is reused and Sphinx writes only the pages whose source or
    surroundings (sidebar, neighbours, PDF pages: :mod:`.sphinxext.surroundings`)
    changed."""
    digest = hashlib.sha256(__version__.encode() + b"\0" + pdf_name.encode())
    # The extension's code (templates, search language...) shapes every page.
    for path in sorted(Path(sphinxext.__file__).parent.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".js", ".css", ".po"):
            digest.update(path.read_bytes())
    conf = docs / "conf.py"
    if conf.is_file():
        digest.update(b"\0" + conf.read_bytes())
    return digest.hexdigest()


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _sync_file(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` unless it is there already (same size and time)."""
    try:
        if _same_file(src.stat(), dst.stat()):
            return
    except OSError:
        pass
    shutil.copy2(src, dst)


def publish(work: Path, previous: Path, new: Path) -> tuple[int, int]:
    """Make ``new`` a copy of the tree ``work``: files as in ``previous``
    (same size and modification time: Sphinx did not write them again) are
    hard links to those, the others copies (which keep their time, so that
    the next build finds them unchanged); the pages' digests stay in the work
    folder, for the next build only. Return (linked, copied)."""
    linked = copied = 0
    for folder, dirs, files in os.walk(work):
        dirs.sort()
        rel = Path(folder).relative_to(work)
        (new / rel).mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            if name == RECORD and rel == Path():
                continue
            src, old, dst = Path(folder, name), previous / rel / name, new / rel / name
            try:
                if _same_file(src.stat(), old.stat()):
                    os.link(old, dst)
                    linked += 1
                    continue
            except OSError:  # no previous file, or no hard links here
                pass
            shutil.copy2(src, dst)
            copied += 1
    return linked, copied


def _build_html(
    docs: Path,
    root: Path,
    out: Path,
    pdf_file: Path | None,
    logs: Path,
    current_edition: str,
    announce: Announce | None = None,
    made: downloads.Downloads = downloads.NONE,
) -> StepResult:
    """The HTML build into the work folder, published into ``out``, with ``made``.

    Sphinx writes only the pages whose source or surroundings changed when
    the site stamp is that of the work folder's last build; otherwise the work folder is
    started over (the documents are still read only when they changed).
    """
    shipped = pdf_file or next(iter(sorted((root / "pdf").glob("*.pdf"))), None)
    # Config values must not change between builds (Sphinx would rewrite
    # every page): the PDF by name, its page numbers at a fixed path.
    extra = [f"-Dbriefbook_edition={current_edition}"]
    if shipped:
        extra.append(f"-Dbriefbook_pdf={shipped.name}")
    extra += downloads.html_options(made, root)
    aux = (
        pdf_file.with_suffix(".aux") if pdf_file else next(iter(sorted((root / "latex").glob("*.aux"))), None)
    )
    pages: Path | None = None
    if aux is not None and aux.is_file():
        pages = root / ".staging" / "pages.aux"
        shutil.copy2(aux, pages)
        extra.append(f"-Dbriefbook_latex_aux={pages}")
    stamp = _site_stamp(docs, " ".join([shipped.name if shipped else "", *extra[1:]]))
    work = root / WORK_HTML
    if not ((work / STAMP).is_file() and (work / STAMP).read_text("utf-8") == stamp) and work.exists():
        shutil.rmtree(work)
    # Until this build has succeeded, the work folder is not that of any stamp.
    (work / STAMP).unlink(missing_ok=True)
    command = _sphinx("html", docs, work, root / DOCTREES, extra)
    step = _sphinx_step("HTML (sphinx)", command, logs / "html.log", docs, announce)
    if step.ok:
        if shipped is not None:
            _sync_file(shipped, work / shipped.name)
        downloads.ship(made, root, work)
        editionstore.ship(docs, work)
        (work / STAMP).write_text(stamp, "utf-8")
        publish(work, root / "html", out)
    return step


DISK = "files"
"""The name of the step that failed when the disk did (read-only, full)."""


def _read(path: Path) -> str | None:
    try:
        return path.read_text("utf-8", errors="replace")
    except OSError:
        return None


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _numbering(docs: Path, current: str) -> Numbering:
    """This build's chapter numbering against the last edition's; writes the
    front page's notice (:data:`briefbook.write.numbering.NOTICE_FILE`)."""
    index = _read(docs / "index.md") or ""
    previous = _read(docs / STATE_FILE)
    chapters = [(doc, downloads.chapter_title(docs / f"{doc}.md")) for doc in chapter_docs(index)]
    state = next_numbering(load_numbering(previous), current, chapters)
    _write_if_changed(docs / NOTICE_FILE, render_notice(state))
    return state


def build(docs: Path, html: bool = True, pdf: bool = True, announce: Announce | None = None) -> BuildResult:
    """Build the requested outputs of the Sphinx project at ``docs``.

    One build of a project runs at a time (a second waits, see
    :func:`briefbook.buildfiles.project_lock`). A disk error ends the build
    with a failed :data:`DISK` step naming the path; the staging folder is
    removed and the previous output stays. A folder that is not a briefbook
    project raises :class:`~briefbook.write.project.ProjectError` and nothing is
    written.
    """
    if not is_project(docs):
        raise ProjectError(not_a_project_message(docs))
    docs = docs.resolve()
    root = docs / "_build"
    staging = root / ".staging"
    try:
        with project_lock(root):
            return _build(docs, root, html, pdf, announce)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult((StepResult(DISK, False, Path(exc.filename or root), disk_error(exc)),))


def _build(docs: Path, root: Path, html: bool, pdf: bool, announce: Announce | None) -> BuildResult:
    logs = root / "logs"
    staging = root / ".staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    steps: list[StepResult] = []
    # The edition: build date and content hash (the PDF's title page says it
    # as its release; HTML pages show it without being rewritten for it).
    current = edition(docs)
    numbering = _numbering(docs, current)

    pdf_file: Path | None = None
    if pdf:
        latex = staging / "latex"
        options = [f"-Dbriefbook_edition={current}"]
        steps.append(
            _sphinx_step(
                "LaTeX (sphinx)",
                _sphinx("latex", docs, latex, root / DOCTREES, options),
                logs / "latex.log",
                docs,
                announce,
            )
        )
        if steps[-1].ok:
            wrap_tex(latex)
            steps.append(build_pdf(root, latex, logs, announce))
        pdfs = sorted(latex.glob("*.pdf"))
        if steps[-1].ok and len(pdfs) == 1:
            pdf_file = pdfs[0]
            missing = missing_characters(pdf_file.with_suffix(".log"))
            if missing:
                steps[-1] = dataclasses.replace(
                    steps[-1],
                    notes=(f"the PDF's fonts lack {len(missing)} character(s): {' '.join(missing)}",),
                )
        elif steps[-1].ok:
            steps.append(
                StepResult("PDF (xelatex)", False, logs / "pdf.log", f"expected one PDF, found {len(pdfs)}")
            )

    made = downloads.NONE  # the chapter PDFs and the EPUB go with the PDF
    if pdf_file is not None:
        epub = _sphinx("epub", docs, root / downloads.WORK_EPUB, root / DOCTREES, options)
        made, more = downloads.make(pdf_file, docs, staging, root, current, logs, epub, announce)
        steps += more

    if all(s.ok for s in steps):  # this edition's PDF is kept in the project (the HTML ships it)
        editionstore.keep(docs, current, pdf_file)
    html_out: Path | None = None
    if html and all(s.ok for s in steps):
        html_out = staging / "html"
        steps.append(_build_html(docs, root, html_out, pdf_file, logs, current, announce, made))

    if not all(s.ok for s in steps):
        return BuildResult(tuple(steps))

    final_pdf: Path | None = None
    if pdf_file is not None:
        pdf_dir = staging / "pdf"
        pdf_dir.mkdir()
        shutil.copy2(pdf_file, pdf_dir / pdf_file.name)
        downloads.publish(made, pdf_dir, staging, root)
        swap(pdf_dir, root / "pdf")
        final_pdf = root / "pdf" / pdf_file.name
        swap(staging / "latex", root / "latex")
    final_html: Path | None = None
    if html_out is not None:
        swap(html_out, root / "html")
        final_html = root / "html" / "index.html"
    _write_if_changed(docs / STATE_FILE, dump_numbering(numbering))
    shutil.rmtree(staging)
    return BuildResult(tuple(steps), final_html, final_pdf)
