"""Benchmark: briefbook against plain Sphinx on generated corpora.

    .venv/bin/python bench/run.py                 # N = 100, 300, 1000
    .venv/bin/python bench/run.py 100 300 --no-pdf
    .venv/bin/python bench/run.py 1000 --downloads  # the files to download only
    .venv/bin/python bench/run.py 1000 --all-dated  # every article dated: a day's update comes last

For each N it prints: conversion time, HTML build time, PDF build time
(after the HTML, whose reading it shares, and alone from nothing), the time
to cut the chapter and overview PDFs from the book's PDF and to write the
EPUB afresh (both are part of the PDF build's time too), the time
to rebuild after editing one article (HTML, then PDF), after adding one,
and after adding ten (a day's update: HTML, the pages it wrote of all, then PDF),
peak memory, output sizes, and plain ``sphinx-build`` with the basic theme
on the same MyST (no briefbook extension) as the reference, measured in the
same run.

``--downloads`` measures only the files beside the HTML, on a book whose PDF
is built (its build time printed too): the "Điểm tin" PDF and the chapter
PDFs cut from the book's PDF, and the EPUB written afresh, with their page
counts. Its articles are made of the seeds' and the reader corpus's
paragraphs (``corpus.READER_SOURCES``).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from briefbook.book import convert
from briefbook.build import DOCTREES, build
from briefbook.chapterpdf import write_parts
from briefbook.write.pages import OVERVIEW_TITLES
from corpus import READER_SOURCES, article, generate, paragraphs


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def _steps(label: str):  # type: ignore[no-untyped-def]
    """An ``announce`` for :func:`build` that prints each step's time and the
    machine's load (one minute) to stderr, under ``label``."""

    def announce(message: str) -> None:
        if not message.endswith("..."):
            print(f"  {label}: {message}, load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)

    return announce


def _load() -> float:
    return os.getloadavg()[0]


def _children_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def plain_sphinx(docs: Path, out: Path) -> float:
    """Plain sphinx-build, basic theme, same MyST, no briefbook extension."""
    cmd = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "auto", "-C",
        "-D", "extensions=myst_parser,sphinxcontrib.bibtex",
        "-D", "bibtex_bibfiles=references.bib",
        "-D", "html_theme=basic", "-D", "language=vi", "-D", "exclude_patterns=_build,_report",
        "-d", str(out / ".doctrees"), str(docs), str(out),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def epub_alone(docs: Path, out: Path) -> float:
    """The EPUB written afresh from the book's shared doctrees (as the build does, into a new folder)."""
    cmd = [
        sys.executable, "-m", "sphinx", "-b", "epub", "-q", "-j", "auto",
        "-d", str(docs / "_build" / DOCTREES), str(docs), str(out),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(count: int, work: Path, pdf: bool, all_dated: bool = False) -> dict[str, float]:
    articles, docs = work / f"articles-{count}", work / f"docs-{count}"
    generate(articles, count, all_dated=all_dated)
    row: dict[str, float] = {"N": count}
    row["convert s"], conversion = _timed(convert, articles, docs)
    assert not conversion.errors, conversion.errors[:3]
    row["html s"], result = _timed(build, docs, pdf=False)
    assert result.ok, [s.summary for s in result.steps]
    row["plain html s"] = plain_sphinx(docs, work / f"plain-{count}")
    row["html/plain"] = row["html s"] / row["plain html s"]
    if pdf:
        # The PDF of a book whose HTML is built: the LaTeX build reuses what
        # the HTML build read (shared doctrees), and LaTeX starts afresh.
        row["pdf s"], result = _timed(build, docs, html=False, announce=_steps("pdf"))
        row["pdf load"] = _load()
        assert result.ok, [s.summary for s in result.steps]
        book_pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
        row["pdf MiB"] = _size_mib(book_pdf)
        # The chapter PDFs (the build cuts them too; here timed alone).
        wanted = {f"chapters/{a.slug}": a.title for a in conversion.articles} | OVERVIEW_TITLES
        aux = next((docs / "_build" / "latex").glob("*.aux"))
        parts = work / f"parts-{count}"
        row["chapter pdfs s"], _ = _timed(write_parts, book_pdf, aux, wanted, parts, "bench")
        row["epub s"] = epub_alone(docs, work / f"epub-{count}")
        # The PDF alone from nothing: Sphinx reads every chapter too.
        cold = work / f"docs-{count}-cold"
        shutil.copytree(docs, cold, ignore=shutil.ignore_patterns("_build"))
        row["pdf cold s"], result = _timed(build, cold, html=False)
        assert result.ok, [s.summary for s in result.steps]
        shutil.rmtree(cold)
        # As after `briefbook book`: the HTML takes in the PDF's page numbers
        # (untimed), so that "edit one" measures an edit, not this catch-up.
        assert build(docs, pdf=False).ok
    # Edit one article: one paragraph gains a sentence.
    first = sorted(articles.glob("*.txt"))[count // 2]
    first.write_text(first.read_text("utf-8").replace(".\n", ". Câu thêm của biên tập viên.\n", 1), "utf-8")
    start = time.perf_counter()
    convert(articles, docs)
    assert build(docs, pdf=False).ok
    row["edit one s"] = time.perf_counter() - start
    if pdf:
        # ... and its PDF (LaTeX starts from the last run's state).
        row["edit one (PDF) s"], result = _timed(build, docs, html=False, announce=_steps("edit one"))
        row["edit one (PDF) load"] = _load()
        assert result.ok, [s.summary for s in result.steps]
    # Add one article: a new story (a copy of one would join its chapter).
    (articles / "99999.txt").write_text(article(random.Random(99999), 99999, paragraphs()), "utf-8")
    start = time.perf_counter()
    convert(articles, docs)
    assert build(docs, pdf=False).ok
    row["add one s"] = time.perf_counter() - start
    # A day's update: ten new stories of the last day of the dated ones (the
    # corpus's undated half, unless --all-dated, comes after them, renumbered),
    # and the pages it rewrote (a published page Sphinx left alone is the same file).
    html = docs / "_build" / "html"
    pages = {p: p.stat().st_ino for p in html.rglob("*.html")}
    for n in range(10):
        text = article(random.Random(99990 + n), 99990 + n, paragraphs(), dated=(31, 12))
        (articles / f"9999{n}.txt").write_text(text, "utf-8")
    start = time.perf_counter()
    convert(articles, docs)
    assert build(docs, pdf=False, announce=_steps("add 10 HTML")).ok
    row["add 10 s"] = time.perf_counter() - start
    row["add 10 load"] = _load()
    after = {p: p.stat().st_ino for p in html.rglob("*.html")}
    row["add 10 pages"] = len(after)
    row["add 10 pages written"] = sum(pages.get(p) != ino for p, ino in after.items())
    if pdf:
        row["add 10 (PDF) s"], result = _timed(build, docs, html=False, announce=_steps("add 10"))
        row["add 10 (PDF) load"] = _load()
        assert result.ok, [s.summary for s in result.steps]
    row["html MiB"] = _size_mib(docs / "_build" / "html")
    row["peak MiB"] = max(_children_peak_mib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def measure_downloads(count: int, work: Path) -> dict[str, float]:
    """The times of the files to download at ``count`` chapters (see the module's docstring)."""
    articles, docs = work / f"articles-{count}", work / f"docs-{count}"
    generate(articles, count, sources=READER_SOURCES)
    row: dict[str, float] = {"N": count}
    row["convert s"], conversion = _timed(convert, articles, docs)
    assert not conversion.errors, conversion.errors[:3]
    # The whole PDF build: LaTeX, xelatex, the cut PDFs and the EPUB.
    row["pdf build s"], result = _timed(build, docs, html=False)
    assert result.ok, [s.summary for s in result.steps]
    book_pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    aux = next((docs / "_build" / "latex").glob("*.aux"))
    row["book pages"] = len(PdfReader(book_pdf).pages)
    glance = {doc: title for doc, title in OVERVIEW_TITLES.items() if doc == "glance"}
    out = work / f"glance-{count}"
    row["glance pdf s"], (path,) = _timed(write_parts, book_pdf, aux, glance, out, "bench")
    row["glance pages"] = len(PdfReader(path).pages)
    chapters = {f"chapters/{a.slug}": a.title for a in conversion.articles}
    out = work / f"parts-{count}"
    row["chapter pdfs s"], written = _timed(write_parts, book_pdf, aux, chapters, out, "bench")
    row["chapter pdfs"] = len(written)
    row["epub s"] = epub_alone(docs, work / f"epub-{count}")
    row["epub MiB"] = _size_mib(next((work / f"epub-{count}").glob("*.epub")))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 300, 1000])
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds")
    parser.add_argument(
        "--downloads", action="store_true", help="only the glance PDF, the chapter PDFs and the EPUB"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--all-dated", action="store_true", help="every article dated (else half): new ones come last"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    rows = []
    for count in args.sizes:
        if args.downloads:
            rows.append(measure_downloads(count, work))
        else:
            rows.append(measure(count, work, pdf=not args.no_pdf, all_dated=args.all_dated))
        columns = list(rows[-1])
        print(" | ".join(f"{c:>12}" for c in columns))
        for row in rows:
            print(" | ".join(f"{row.get(c, float('nan')):>12.2f}" for c in columns), flush=True)
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
