"""The steps of a build: one command run into its log, and the PDF step.

:func:`run_step` runs a command (Sphinx, latexmk) with its whole output in a
log file and gives a :class:`StepResult`. The PDF step (:func:`build_pdf`)
starts latexmk from the last good run's LaTeX state
(:func:`carry_latex_state`), and tells which characters the fonts lack
(:func:`missing_characters`). :mod:`briefbook.build` puts the steps together.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CLEAN_RETRY_NOTE",
    "LATEXMK_OPTIONS",
    "LATEX_STATE",
    "TEX_LINE_BYTES",
    "Announce",
    "StepResult",
    "build_pdf",
    "carry_latex_state",
    "missing_characters",
    "run_step",
    "wrap_long_lines",
    "wrap_tex",
]


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
    returncode: int = 0
    """The command's exit status (Sphinx: 1 for warnings, 2 for a crash)."""


Announce = Callable[[str], None]
"""Told the name of each step as it starts, and its name and outcome as it ends (progress)."""


def run_step(
    name: str, cmd: Sequence[str], log: Path, cwd: Path | None = None, announce: Announce | None = None
) -> StepResult:
    """Run ``cmd`` with its output into ``log``; on failure, the last lines
    that matter (warnings, errors, TeX's ``!`` lines) are the summary."""
    if announce is not None:
        announce(f"{name}...")
    started = time.monotonic()
    step: StepResult | None = None
    try:
        step = _run_logged(name, cmd, log, cwd)
        return step
    finally:
        if announce is not None:
            outcome = "ok" if step is not None and step.ok else "failed"
            announce(f"{name}: {outcome} ({time.monotonic() - started:.0f} s)")


def _run_logged(name: str, cmd: Sequence[str], log: Path, cwd: Path | None) -> StepResult:
    log.parent.mkdir(parents=True, exist_ok=True)
    # Plain logs: Sphinx colours its output when CI=true is set, even into a
    # file, and the summaries and warned-file scan read these lines.
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    try:
        with log.open("w", encoding="utf-8") as out:
            out.write("$ " + " ".join(cmd) + "\n")
            out.flush()
            proc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    except OSError as exc:  # a write to the open log names no file
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(log)) from exc
        raise
    if proc.returncode == 0:
        return StepResult(name, True, log)
    lines = log.read_text("utf-8", errors="replace").splitlines()
    interesting = [ln for ln in lines if "WARNING" in ln or "ERROR" in ln or ln.startswith("!")]
    summary = "\n".join((interesting or lines)[-15:])
    return StepResult(name, False, log, summary, returncode=proc.returncode)


CLEAN_RETRY_NOTE = "what the last build left did not fit; built again from a clean state"


# "(U+1F44D)", or '("1F44D)' when the font in use is a fallback that failed to load.
_MISSING = re.compile(r'Missing character: There is no (.) \((?:U\+|")([0-9A-F]+)\)')


def missing_characters(log: Path) -> list[str]:
    """Characters xelatex could not find in the fonts (it only logs them)."""
    if not log.is_file():
        return []
    text = log.read_text("utf-8", errors="replace")
    return sorted({f"{m[1]} (U+{m[2]})" for m in _MISSING.finditer(text)})


#: latexmk's options. Not ``-xelatex`` (XDV on every pass, one xdvipdfmx
#: at the end), which Sphinx's Makefile suggests for speed: with a PDF on
#: every pass, xelatex pipes its output to xdvipdfmx, which then runs on the
#: second core; at 1,000 chapters the XDV route took 184 s against 175 s.
LATEXMK_OPTIONS = ("-interaction=nonstopmode", "-halt-on-error")

#: What LaTeX and latexmk learnt in the last good PDF build: labels and page
#: numbers (.aux), the table of contents (.toc), PDF outlines (.out), the
#: index before and after xindy (.idx, .ind) and latexmk's record of the
#: files it read (.fdb_latexmk, .fls).
LATEX_STATE = (".aux", ".toc", ".out", ".idx", ".ind", ".fdb_latexmk", ".fls")


TEX_LINE_BYTES = 4000
"""Lines of the ``.tex`` longer than this are broken at spaces: TeX reads a
line into a buffer of 200,000 bytes and stops with "Unable to read an
entire line" past it (a long paragraph of an article is one line)."""

_VERBATIM = re.compile(r"\\(begin|end)\{(?:sphinx)?Verbatim\}")
_COMMENT = re.compile(r"(?<!\\)(?:\\\\)*%")


def wrap_long_lines(text: str, width: int = TEX_LINE_BYTES) -> str:
    """``text`` (LaTeX) with each line longer than ``width`` bytes broken at
    spaces into lines of about ``width // 4`` characters. TeX reads the end
    of a line as a space and skips the spaces that open a line, so the
    document is the same; lines in verbatim environments and lines with a
    comment are left alone."""
    out: list[str] = []
    verbatim = False
    for line in text.split("\n"):
        for match in _VERBATIM.finditer(line):
            verbatim = match[1] == "begin"
        if len(line) * 4 <= width or len(line.encode("utf-8")) <= width or verbatim or _COMMENT.search(line):
            out.append(line)
            continue
        piece = width // 4
        start = 0
        while len(line) - start > piece:
            cut = line.find(" ", start + piece)
            if cut < 0:
                break
            out.append(line[start:cut])
            start = cut + 1
        out.append(line[start:])
    return "\n".join(out)


def wrap_tex(latex: Path) -> None:
    for tex in sorted(latex.glob("*.tex")):
        text = tex.read_text("utf-8")
        wrapped = wrap_long_lines(text)
        if wrapped != text:
            tex.write_text(wrapped, "utf-8")


def carry_latex_state(previous: Path, latex: Path) -> list[Path]:
    """Start the LaTeX run in ``latex`` from the state of the last good run.

    A fresh folder needs three xelatex passes and xindy (references,
    contents and page labels settle one pass late). With the previous
    state, a book that changed a little settles in one or two: latexmk
    still reruns until the files stop changing, so the PDF is the same as
    from a fresh folder, only sooner. Files of another document (the title
    changed) are not carried. Returns the files copied.
    """
    copied: list[Path] = []
    if not previous.is_dir():
        return copied
    for tex in sorted(latex.glob("*.tex")):
        for suffix in LATEX_STATE:
            source = previous / (tex.stem + suffix)
            target = latex / source.name
            if source.is_file() and not target.exists():
                shutil.copy2(source, target)
                copied.append(target)
    return copied


def build_pdf(root: Path, latex: Path, logs: Path, announce: Announce | None) -> StepResult:
    """latexmk in ``latex``, from the last good run's state; when that fails
    with a carried state (a ``.aux`` cut short, one written for another
    ``conf.py``), once more from a clean folder."""
    written = {p.name for p in latex.iterdir()}
    carried = carry_latex_state(root / "latex", latex)
    command = ["make", "-C", str(latex), "all-pdf", f"LATEXMKOPTS={' '.join(LATEXMK_OPTIONS)}"]
    step = run_step("PDF (xelatex)", command, logs / "pdf.log", announce=announce)
    if step.ok or not carried:
        return step
    for path in latex.iterdir():
        if path.name not in written and path.is_file():
            path.unlink()
    step = run_step("PDF (xelatex)", command, logs / "pdf.log", announce=announce)
    return dataclasses.replace(step, notes=(CLEAN_RETRY_NOTE,)) if step.ok else step
