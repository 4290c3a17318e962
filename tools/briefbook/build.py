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
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


def _run(name: str, cmd: Sequence[str], log: Path, cwd: Path | None = None) -> StepResult:
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


def build(docs: Path, html: bool = True, pdf: bool = True) -> BuildResult:
    """Build the requested outputs of the Sphinx project at ``docs``."""
    docs = docs.resolve()
    root = docs / "_build"
    logs = root / "logs"
    staging = root / ".staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    steps: list[StepResult] = []

    pdf_file: Path | None = None
    if pdf:
        latex = staging / "latex"
        steps.append(
            _run(
                "LaTeX (sphinx)",
                _sphinx("latex", docs, latex, root / "doctrees" / "latex"),
                logs / "latex.log",
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
        shipped = pdf_file or next(iter(sorted((root / "pdf").glob("*.pdf"))), None)
        extra = [f"-Dbriefbook_pdf={shipped}"] if shipped else []
        # The PDF pages of labels, for "tr. 14" in the citation blocks.
        aux = (
            pdf_file.with_suffix(".aux")
            if pdf_file
            else next(iter(sorted((root / "latex").glob("*.aux"))), None)
        )
        if aux is not None and aux.is_file():
            extra.append(f"-Dbriefbook_latex_aux={aux}")
        html_out = staging / "html"
        steps.append(
            _run(
                "HTML (sphinx)",
                _sphinx("html", docs, html_out, root / "doctrees" / "html", extra),
                logs / "html.log",
            )
        )

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
