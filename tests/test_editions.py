"""Editions: three editions of a real folder (add, edit, remove), built for real.

Each conversion whose content changed is an edition of the record
(``_editions/editions.json``); the pages "Mới trong ấn bản này" and "Các ấn
bản" say what each changed; every edition's PDF is kept (up to
``briefbook_keep_editions``); a fresh clone of the project (no ``_build``)
builds the same edition. The articles are real: the seeds and fixture
articles, copied; the edit removes one paragraph of a copy.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefbook.analyse.editions import compare, next_history
from briefbook.book import convert, find_articles, read_articles
from briefbook.build import build
from briefbook.core.editions import EDITIONS_FILE, PDF_DIR, History, dump_history, load_history
from briefbook.write.project import MANIFEST

from .books import FIXTURES, SEEDS

ADDED = "04_baomoi-ung-dung-cntt-giam-dinh-bhyt.txt"
REMOVED = "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt"
EDITED = "000_33420b19da835728.txt"
DATES = ("2026-01-01", "2026-01-02", "2026-01-03")


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _numbered(articles_dir: Path, name: str) -> list[str]:
    """The texts the book numbers (¶ 1, 2, ...) of one article: lede, then body."""
    articles, _ = read_articles(find_articles(articles_dir), articles_dir)
    (article,) = [a for a in articles if a.path.name == name]
    return ([article.lede] if article.lede else []) + [p.text for p in article.paragraphs]


def _title(articles_dir: Path, name: str) -> str:
    articles, _ = read_articles(find_articles(articles_dir), articles_dir)
    return next(a.title for a in articles if a.path.name == name)


def _text(html_file: Path) -> str:
    """A page's text, its tags out (titles hold no markup of theirs)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html_file.read_text("utf-8")))


@dataclass(frozen=True)
class Editions:
    docs: Path
    ids: tuple[str, ...]
    removed_title: str
    edited_title: str
    added_title: str
    gone: int
    """The ¶ number (in edition 2) of the paragraph the edit removed."""


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    root = tmp_path_factory.mktemp("editions")
    articles, docs = root / "articles", root / "docs"
    articles.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, articles / path.name)
    shutil.copy(FIXTURES / REMOVED, articles / REMOVED)
    ids = []
    # Edition 1: two seeds and one fixture article.
    convert(articles, docs, edition_date=DATES[0])
    assert build(docs).ok
    ids.append(load_history((docs / EDITIONS_FILE).read_text("utf-8")).editions[-1].id)
    # Edition 2: one more article.
    shutil.copy(FIXTURES / ADDED, articles / ADDED)
    convert(articles, docs, edition_date=DATES[1])
    assert build(docs).ok
    ids.append(load_history((docs / EDITIONS_FILE).read_text("utf-8")).editions[-1].id)
    # Edition 3: a paragraph of a copy removed, and an article removed.
    before = _numbered(articles, EDITED)
    source = articles / EDITED
    lines = source.read_text("utf-8").split("\n")
    target = before[3]
    (cut,) = [i for i, line in enumerate(lines) if line.strip() == target]
    source.write_text("\n".join(lines[:cut] + lines[cut + 1 :]), "utf-8")
    assert target not in _numbered(articles, EDITED)
    removed_title = _title(articles, REMOVED)
    (articles / REMOVED).unlink()
    convert(articles, docs, edition_date=DATES[2])
    assert build(docs).ok
    ids.append(load_history((docs / EDITIONS_FILE).read_text("utf-8")).editions[-1].id)
    return Editions(
        docs,
        tuple(ids),
        removed_title,
        _title(articles, EDITED),
        _title(articles, ADDED),
        before.index(target) + 1,
    )


def test_each_changed_conversion_is_an_edition(editions: Editions) -> None:
    history = load_history((editions.docs / EDITIONS_FILE).read_text("utf-8"))
    assert [e.id for e in history.editions] == list(editions.ids)
    assert [e.date for e in history.editions] == list(DATES)
    first, second, third = history.editions
    assert first.previous == "" and len(first.order) == 3
    assert second.previous == first.id
    assert [c.title for c in second.added] == [editions.added_title]
    assert second.added[0].number == 4 and not second.changed and not second.removed
    assert third.previous == second.id and not third.added
    assert [c.title for c in third.removed] == [editions.removed_title]
    assert third.removed[0].old_number == 3 and third.removed[0].number == 0
    (changed,) = third.changed
    assert changed.title == editions.edited_title
    assert changed.removed_paragraphs == (editions.gone,) and changed.paragraphs == ()
    # The record is the project's data: deterministic JSON.
    assert dump_history(history) == (editions.docs / EDITIONS_FILE).read_text("utf-8")


def test_the_changes_page_says_what_the_last_edition_changed(editions: Editions) -> None:
    html = editions.docs / "_build" / "html"
    page = _text(html / "whatsnew.html")
    assert "Mới trong ấn bản này" in page
    assert f"Ấn bản {editions.ids[2]}, ngày 03/01/2026" in page
    assert f"So với ấn bản {editions.ids[1]}: 0 chương mới, 1 chương được cập nhật, 1 chương đã bỏ" in page
    assert f"{editions.edited_title}" in page and f"bỏ ¶ {editions.gone} của ấn bản trước" in page
    assert f"Chương 3 của ấn bản trước: “{editions.removed_title}”" in page
    # Linked from the front page; the changed chapter says when it changed.
    index = (html / "index.html").read_text("utf-8")
    assert 'href="whatsnew.html"' in index and 'href="editions.html"' in index
    chapters = {p.name: p.read_text("utf-8") for p in (html / "chapters").glob("*.html")}
    updated = [name for name, text in chapters.items() if "Cập nhật: 03/01/2026" in text]
    assert len(updated) == 1 and editions.edited_title in chapters[updated[0]]


def test_the_editions_page_lists_every_edition_with_its_pdf(editions: Editions) -> None:
    html = editions.docs / "_build" / "html"
    page = (html / "editions.html").read_text("utf-8")
    text = _text(html / "editions.html")
    for edition in editions.ids:
        assert f'id="{edition}"' in page
        assert f'href="{PDF_DIR}/{edition}.pdf"' in page
        assert (html / PDF_DIR / f"{edition}.pdf").read_bytes() == (
            editions.docs / PDF_DIR / f"{edition}.pdf"
        ).read_bytes()
    # Newest first; an old chapter number leads to the current one.
    assert page.index(f'id="{editions.ids[2]}"') < page.index(f'id="{editions.ids[0]}"')
    assert f"Chương 4 “{editions.added_title}” nay là chương 3." in text
    assert f"Chương 3 “{editions.removed_title}” không còn trong sổ tay." in text


def test_each_kept_pdf_is_its_edition(editions: Editions) -> None:
    texts = [_pdf_text(editions.docs / PDF_DIR / f"{e}.pdf") for e in editions.ids]
    for edition, text in zip(editions.ids, texts, strict=True):
        assert edition in text
    assert editions.removed_title.split()[0] in texts[0]
    flat = [re.sub(r"\s+", " ", t) for t in texts]
    assert editions.added_title[:30] not in flat[0] and editions.added_title[:30] in flat[1]


def test_a_fresh_clone_builds_the_same_edition(editions: Editions, tmp_path: Path) -> None:
    clone = tmp_path / "docs"
    shutil.copytree(editions.docs, clone, ignore=shutil.ignore_patterns("_build"))
    result = build(clone)
    assert result.ok
    html, original = clone / "_build" / "html", editions.docs / "_build" / "html"
    script = (html / "_static" / "briefbook-edition.js").read_text("utf-8")
    assert json.dumps(editions.ids[2]) in script
    for page in ("whatsnew.html", "editions.html"):
        assert _text(html / page) == _text(original / page)
    for edition in editions.ids:
        assert (html / PDF_DIR / f"{edition}.pdf").is_file()


def test_the_same_content_is_the_same_edition_and_the_bound_holds(editions: Editions, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(editions.docs, docs, ignore=shutil.ignore_patterns("_build"))
    articles = tmp_path / "articles"
    record = (docs / EDITIONS_FILE).read_bytes()
    mine = docs / PDF_DIR / "ghi-chu.pdf"  # the user's, in the same folder: never removed
    shutil.copy(docs / PDF_DIR / f"{editions.ids[0]}.pdf", mine)
    # Edition 3's articles again, another day: no new edition.
    shutil.copytree(editions.docs.parent / "articles", articles)
    convert(articles, docs, edition_date="2026-02-01")
    assert (docs / EDITIONS_FILE).read_bytes() == record
    # Two editions' PDFs kept: the first goes at the next build, and the page says so.
    conf = docs / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "\nbriefbook_keep_editions = 2\n", "utf-8")
    convert(articles, docs, edition_date="2026-02-01")
    assert "Bản PDF của ấn bản này không còn được giữ." in (docs / "editions.md").read_text("utf-8")
    assert build(docs, pdf=False).ok
    assert not (docs / PDF_DIR / f"{editions.ids[0]}.pdf").exists()
    assert all((docs / PDF_DIR / f"{e}.pdf").is_file() for e in editions.ids[1:])
    assert mine.is_file()
    assert not (docs / "_build" / "html" / PDF_DIR / f"{editions.ids[0]}.pdf").exists()


def test_compare_numbers_paragraphs_as_the_book_does() -> None:
    """Pure: a paragraph left out of a real article is its ¶ number of the earlier edition."""
    articles, _ = read_articles(find_articles(SEEDS), SEEDS)
    first = compare(History(), articles, "2026-01-01")
    assert not first.added and not first.changed and not first.removed
    history = next_history(History(), first, [a.slug for a in articles], "aaaaaaaa", "2026-01-01")
    article = articles[0]
    section = article.sections[0]
    shorter = article.__class__(
        article.path,
        article.slug,
        article.title,
        article.lede,
        (section.__class__(section.heading, section.paragraphs[1:], section.lineno), *article.sections[1:]),
        article.meta,
    )
    found = compare(history, [shorter, *articles[1:]], "2026-01-02")
    (changed,) = found.changed
    assert changed.removed_paragraphs == ((2 if article.lede else 1),) and changed.paragraphs == ()
    assert found.updated() == {article.slug: "2026-01-02"}
    again = next_history(history, found, [a.slug for a in articles], "aaaaaaaa", "2026-01-02")
    assert again == history, "the same content is the same edition"


def test_a_page_of_the_users_own_name_is_kept(tmp_path: Path) -> None:
    """A project converted before editions existed may hold the user's own
    ``editions.md``: the conversion does not overwrite it (it did)."""
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(SEEDS, articles)
    convert(articles, docs, edition_date=DATES[0])
    manifest = docs / MANIFEST
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if not line.endswith("  editions.md\n")), "utf-8")
    mine = "# Ghi chú của tôi về các ấn bản\n"
    (docs / "editions.md").write_text(mine, "utf-8")
    convert(articles, docs, edition_date=DATES[1])
    assert (docs / "editions.md").read_text("utf-8") == mine
    assert "  editions.md\n" not in manifest.read_text("utf-8")
    (docs / "editions.md").unlink()
    convert(articles, docs, edition_date=DATES[1])
    assert (docs / "editions.md").read_text("utf-8").startswith("---\norphan: true\n---\n\n# Các ấn bản")
