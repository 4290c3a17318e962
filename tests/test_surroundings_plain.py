"""The pages' digests (briefbook.sphinxext.surroundings) under a plain
``sphinx-build``: a build given the files to build, and a build that failed.
Real articles (the seeds and tests/fixtures/articles), real Sphinx builds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from briefbook.book import convert

from .books import FIXTURES, SEEDS
from .test_surroundings import LAST, PARTS


def _sphinx(docs: Path, out: Path, *files: Path, crash: bool = False) -> int:
    """``sphinx-build -b html -W --keep-going`` of ``docs`` into ``out`` (only ``files`` when
    given; ``crash``: stop at the first warning with an exception, ``--exception-on-warning``)."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", "-j", "auto"]
    command += ["--exception-on-warning"] if crash else []
    done = subprocess.run([*command, str(docs), str(out), *map(str, files)], capture_output=True, check=False)
    return done.returncode


def _articles(tmp: Path, *, last: bool) -> Path:
    articles = tmp / "articles"
    articles.mkdir(exist_ok=True)
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        if path.name != LAST or last:
            shutil.copy(path, articles / path.name)
    return articles


def test_a_build_of_some_files_leaves_the_other_pages_to_the_next_build(tmp_path: Path) -> None:
    articles, docs, out = _articles(tmp_path, last=False), tmp_path / "docs", tmp_path / "out"
    convert(articles, docs, PARTS)
    assert _sphinx(docs, out) == 0
    kontum = next((out / "chapters").glob("vu-tai-nan-tai-kon-tum*.html"))

    shutil.copy(FIXTURES / LAST, articles / LAST)
    added = next(a.slug for a in convert(articles, docs, PARTS).articles if a.path.name == LAST)
    # Only the new chapter is written: its neighbour keeps its old "next" link ...
    assert _sphinx(docs, out, docs / "chapters" / f"{added}.md") == 0
    assert (out / "chapters" / f"{added}.html").is_file()
    assert f"{added}.html" not in kontum.read_text("utf-8")
    # ... until the next build, which writes it (it was not written with its new surroundings).
    assert _sphinx(docs, out) == 0
    assert f"{added}.html" in kontum.read_text("utf-8")


def test_the_pages_of_removed_documents_go_after_a_failed_build(tmp_path: Path) -> None:
    articles, docs, out = _articles(tmp_path, last=True), tmp_path / "docs", tmp_path / "out"
    removed = next(a.slug for a in convert(articles, docs, PARTS).articles if a.path.name == LAST)
    assert _sphinx(docs, out) == 0
    assert (out / "chapters" / f"{removed}.html").is_file()

    (articles / LAST).unlink()
    convert(articles, docs, PARTS)
    broken = docs / "broken.md"  # in no table of contents, with a link to nowhere: warnings
    broken.write_text("# Hỏng\n\n{ref}`khong-co-nhan-nay`\n", "utf-8")
    assert _sphinx(docs, out, crash=True) != 0
    broken.unlink()
    assert _sphinx(docs, out) == 0
    assert not (out / "chapters" / f"{removed}.html").exists()
    assert not (out / "broken.html").exists()
