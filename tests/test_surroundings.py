"""Adding an article writes the pages around it, not the whole site
(briefbook.sphinxext.surroundings): real articles (the seeds and
tests/fixtures/articles) in a book of parts by month, real Sphinx builds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from briefbook.book import convert
from briefbook.build import build
from briefbook.core.settings import BookSettings

from .books import FIXTURES, SEEDS

PARTS = BookSettings(parts="month")
LAST = "11_baomoi-itec-th-benh-vien-5-sao-nhat-ban.txt"
"""Undated, last in file order: the book's last chapter, in the last part (the undated one)."""
_EDITION = re.compile(r'<span class="briefbook-edition">[^<]*</span>')


def _inodes(html: Path) -> dict[str, int]:
    return {p.relative_to(html).as_posix(): p.stat().st_ino for p in html.rglob("*.html")}


def _chapter_pages(html: Path) -> dict[str, str]:
    """Each chapter's page, its edition (which a script sets on the reader's side) left out."""
    return {
        p.name: _EDITION.sub("", p.read_text("utf-8")) for p in sorted((html / "chapters").glob("*.html"))
    }


def _fresh_pages(docs: Path, tmp: Path) -> dict[str, str]:
    fresh = tmp / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(docs, fresh, ignore=shutil.ignore_patterns("_build"))
    assert build(fresh, pdf=False).ok
    return _chapter_pages(fresh / "_build" / "html")


def test_adding_the_last_article_rewrites_its_part_not_the_other_parts(tmp_path: Path) -> None:
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    articles.mkdir()
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        if path.name != LAST:
            shutil.copy(path, articles / path.name)
    convert(articles, docs, PARTS)
    assert build(docs, pdf=False).ok
    html = docs / "_build" / "html"
    before = _inodes(html)
    dated = {
        p.stem
        for p in (docs / "chapters").glob("*.md")
        if "\npart_label: phan-4-" not in p.read_text("utf-8")
    }
    assert len(dated) == 3, dated  # parts 1-3: one month each

    shutil.copy(FIXTURES / LAST, articles / LAST)
    added = next(a.slug for a in convert(articles, docs, PARTS).articles if a.path.name == LAST)
    result = build(docs, pdf=False)
    assert result.ok, [s.summary for s in result.steps]
    after = _inodes(html)
    assert f"chapters/{added}.html" in after
    # The other parts' pages show the same sidebar and neighbours: the same files.
    for stem in dated:
        assert after[f"chapters/{stem}.html"] == before[f"chapters/{stem}.html"], stem
    # The chapter before it has a new "next" page.
    kontum = next(n for n in after if n.startswith("chapters/vu-tai-nan-tai-kon-tum"))
    assert after[kontum] != before[kontum]
    assert f"{added}.html" in (html / kontum).read_text("utf-8")
    # The pages are those of a build from nothing.
    assert _chapter_pages(html) == _fresh_pages(docs, tmp_path)

    # Removed again: its page goes, its neighbour's "next" link with it.
    (articles / LAST).unlink()
    convert(articles, docs, PARTS)
    assert build(docs, pdf=False).ok
    assert not (html / "chapters" / f"{added}.html").exists()
    assert f"{added}.html" not in (html / kontum).read_text("utf-8")
    assert _chapter_pages(html) == _fresh_pages(docs, tmp_path)
