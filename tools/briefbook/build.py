"""Build the HTML book and the PDF with Sphinx, atomically.

Both builds run with warnings as errors (``-W --keep-going``) into a staging
folder under ``_build/``; the previous output is replaced only when every
requested build succeeded, so a failed build leaves the last good HTML and
PDF in place. The PDF is built first so that the HTML can ship it.

Layout of ``DOCS/_build``: ``html/`` (the book, with the PDF inside),
``pdf/NAME.pdf``, ``doctrees/`` (Sphinx's cache), ``logs/`` (the last run's
output of each step).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefbook import __version__, sphinxext
from briefbook.sphinxext.citation import edition

__all__ = ["BuildResult", "StepResult", "build"]


@dataclass(frozen=True, slots=True)
class StepResult:
    """One step of a build (a Sphinx run, the LaTeX run)."""

    name: str
    ok: bool
    log: Path
    """The step's full output."""
    summary: str = ""
    """The last lines of output when the step failed."""
    notes: tuple[str, ...] = ()
    """Warnings of a step that succeeded (e.g. characters the PDF's fonts lack)."""


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


Announce = Callable[[str], None]
"""Told the name of each step as it starts (progress on a terminal)."""


def _run(
    name: str, cmd: Sequence[str], log: Path, cwd: Path | None = None, announce: Announce | None = None
) -> StepResult:
    if announce is not None:
        announce(name)
    log.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    with log.open("w", encoding="utf-8") as out:
        out.write("$ " + " ".join(cmd) + "\n")
        out.flush()
        proc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    if proc.returncode == 0:
        return StepResult(name, True, log)
    lines = log.read_text("utf-8", errors="replace").splitlines()
    interesting = [ln for ln in lines if "WARNING" in ln or "ERROR" in ln or ln.startswith("!")]
    summary = "\n".join((interesting or lines)[-15:])
    return StepResult(name, False, log, summary)


_MISSING = re.compile(r"Missing character: There is no (.) \((U\+[0-9A-F]+)\)")


def missing_characters(log: Path) -> list[str]:
    """Characters xelatex could not find in the fonts (it only logs them)."""
    if not log.is_file():
        return []
    text = log.read_text("utf-8", errors="replace")
    return sorted({f"{m[1]} ({m[2]})" for m in _MISSING.finditer(text)})


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
        "-j",
        "auto",
        "-d",
        str(doctrees),
        *extra,
        str(docs),
        str(out),
    ]


def _swap(new: Path, final: Path) -> None:
    """Put ``new`` where ``final`` is, removing the old one only after."""
    old = final.with_name(f".old-{final.name}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old)


STAMP = ".briefbook-build"
"""In the HTML output: what the whole site depends on (see :func:`_site_stamp`)."""


def _site_stamp(docs: Path, pages: Path | None, pdf_name: str) -> str:
    """A digest of what every page shows: the table of contents (index.md),
    the PDF's page numbers, the PDF's name and briefbook's version. When it is
    unchanged, the previous HTML is reused and Sphinx writes only the pages
    whose source changed."""
    digest = hashlib.sha256(__version__.encode() + b"\0" + pdf_name.encode())
    # The extension's code (templates, search language...) shapes every page.
    for path in sorted(Path(sphinxext.__file__).parent.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".js", ".css", ".po"):
            digest.update(path.read_bytes())
    for page in (docs / "index.md", docs / "conf.py", pages):
        if page is not None and page.is_file():
            digest.update(b"\0" + page.read_bytes())
    return digest.hexdigest()


def _build_html(
    docs: Path,
    root: Path,
    out: Path,
    pdf_file: Path | None,
    logs: Path,
    current_edition: str,
    announce: Announce | None = None,
) -> StepResult:
    """The HTML build, into ``out``; incremental when the site stamp allows."""
    shipped = pdf_file or next(iter(sorted((root / "pdf").glob("*.pdf"))), None)
    # Config values must not change between builds (Sphinx would rewrite
    # every page): the PDF by name, its page numbers at a fixed path.
    extra = [f"-Dbriefbook_edition={current_edition}"]
    if shipped:
        extra.append(f"-Dbriefbook_pdf={shipped.name}")
    aux = (
        pdf_file.with_suffix(".aux") if pdf_file else next(iter(sorted((root / "latex").glob("*.aux"))), None)
    )
    pages: Path | None = None
    if aux is not None and aux.is_file():
        pages = root / ".staging" / "pages.aux"
        shutil.copy2(aux, pages)
        extra.append(f"-Dbriefbook_latex_aux={pages}")
    stamp = _site_stamp(docs, pages, shipped.name if shipped else "")
    previous = root / "html"
    if (previous / STAMP).is_file() and (previous / STAMP).read_text("utf-8") == stamp:
        shutil.copytree(previous, out)
    step = _run(
        "HTML (sphinx)", _sphinx("html", docs, out, root / "doctrees" / "html", extra), logs / "html.log"
    )
    if step.ok:
        if shipped is not None:
            shutil.copy2(shipped, out / shipped.name)
        (out / STAMP).write_text(stamp, "utf-8")
    return step


def build(docs: Path, html: bool = True, pdf: bool = True, announce: Announce | None = None) -> BuildResult:
    """Build the requested outputs of the Sphinx project at ``docs``."""
    docs = docs.resolve()
    root = docs / "_build"
    logs = root / "logs"
    staging = root / ".staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    steps: list[StepResult] = []
    # The edition: build date and content hash (the PDF's title page says it
    # as its release; HTML pages show it without being rewritten for it).
    current = edition(docs)

    pdf_file: Path | None = None
    if pdf:
        latex = staging / "latex"
        options = [f"-Dbriefbook_edition={current}", f"-Drelease={current}"]
        steps.append(
            _run(
                "LaTeX (sphinx)",
                _sphinx("latex", docs, latex, root / "doctrees" / "latex", options),
                logs / "latex.log",
                announce=announce,
            )
        )
        if steps[-1].ok:
            steps.append(
                _run(
                    "PDF (xelatex)",
                    [
                        "make",
                        "-C",
                        str(latex),
                        "all-pdf",
                        "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error",
                    ],
                    logs / "pdf.log",
                    announce=announce,
                )
            )
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

    html_out: Path | None = None
    if html and all(s.ok for s in steps):
        html_out = staging / "html"
        steps.append(_build_html(docs, root, html_out, pdf_file, logs, current, announce))

    if not all(s.ok for s in steps):
        return BuildResult(tuple(steps))

    final_pdf: Path | None = None
    if pdf_file is not None:
        pdf_dir = staging / "pdf"
        pdf_dir.mkdir()
        shutil.copy2(pdf_file, pdf_dir / pdf_file.name)
        _swap(pdf_dir, root / "pdf")
        final_pdf = root / "pdf" / pdf_file.name
        _swap(staging / "latex", root / "latex")
    final_html: Path | None = None
    if html_out is not None:
        _swap(html_out, root / "html")
        final_html = root / "html" / "index.html"
    shutil.rmtree(staging)
    return BuildResult(tuple(steps), final_html, final_pdf)
