"""Hostile and broken input: the book shows the text literally and stays safe."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbook.book import convert
from briefbook.build import build

from .books import SEEDS

HOSTILE_LINES = [
    "```{eval-rst}",
    ".. raw:: html",
    "```",
    "```{include} /etc/passwd",
    "```",
    "{include}`/etc/hostname` và (nhan-gia)= và :::{note} và $$x^2$$",
    "[bấm vào đây](javascript:alert(1)) <script>alert('xss')</script> <iframe src=x></iframe>"
    " <!-- chú thích -->",
    r"\input{/etc/passwd} \write18{rm -rf /} % # & _ { } ~ ^ \ \\ \end{document}",
    "# không phải tiêu đề",
    "1. không phải danh sách",
    "| a | b |",
    "{{ substitution }} &amp; &#60;b&#62;",
]
SENTINEL = "root:x:0:0"  # what /etc/passwd would show if it were read


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    articles = tmp_path_factory.mktemp("hostile-articles")
    body = "\n".join(f"Đoạn {i}: {line} — hết đoạn." for i, line in enumerate(HOSTILE_LINES))
    (articles / "01_hostile.txt").write_text(
        "Tiêu đề <b>đậm</b> {eval-rst} $x$ % & # _ ~ ^ \\ ```\n" + body + "\nNguồn: <script>x</script>\n",
        "utf-8",
    )
    (articles / "02_long_line.txt").write_text(
        "Dòng rất dài\n" + ("Một câu rất dài không xuống dòng, " * 3000) + "\n"
    )
    (articles / "03_empty.txt").write_bytes(b"")
    (articles / "04_binary.txt").write_bytes(bytes(range(256)) * 16)
    shutil.copy(SEEDS / "000_33420b19da835728.txt", articles / "05_seed.txt")
    docs = tmp_path_factory.mktemp("hostile-book") / "docs"
    conversion = convert(articles, docs)
    assert {e.path.name for e in conversion.errors} == {"03_empty.txt", "04_binary.txt"}
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps]
    yield docs


def test_html_shows_the_text_and_adds_no_element(hostile_book: Path) -> None:
    page = next((hostile_book / "_build" / "html" / "chapters").glob("tieu-de-*.html")).read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    for tag in ("<script", "<iframe", "<b>", "<!--", 'href="javascript'):
        assert tag not in article, tag
    assert (
        "&lt;script&gt;alert('xss')&lt;/script&gt; &lt;iframe src=x&gt;&lt;/iframe&gt; &lt;!-- chú" in article
    )
    assert "{eval-rst}" in article and "(nhan-gia)=" in article and "$$x^2$$" in article
    assert "\\input{/etc/passwd}" in article and "{{ substitution }} &amp;amp;" in article
    assert "# không phải tiêu đề" in article and "1. không phải danh sách" in article
    assert len(re.findall(r"<h1", article)) == 1
    assert SENTINEL not in page


def test_overview_page_shows_the_text_and_adds_no_element(hostile_book: Path) -> None:
    page = (hostile_book / "_build" / "html" / "glance.html").read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    for tag in ("<script", "<iframe", "<b>", "<!--", 'href="javascript'):
        assert tag not in article, tag
    assert "Tiêu đề &lt;b&gt;đậm&lt;/b&gt; {eval-rst} $x$ % &amp; # _ ~ ^ \\ ```" in article
    assert len(re.findall(r"<h1", article)) == 1


def test_pdf_builds_and_reads_nothing_outside_the_book(hostile_book: Path) -> None:
    latex = hostile_book / "_build" / "latex"
    tex = next(latex.glob("*.tex")).read_text("utf-8")
    assert "\\input{/etc/passwd}" not in tex  # escaped, not a command
    log = next(latex.glob("*.log")).read_text("utf-8", errors="replace")
    assert "/etc/passwd" not in log and "/etc/hostname" not in log
    assert next((hostile_book / "_build" / "pdf").glob("*.pdf")).stat().st_size > 10_000


def test_a_10_mb_article_converts(tmp_path: Path) -> None:
    seed = (SEEDS / "000_33420b19da835728.txt").read_text("utf-8").split("\n")[1:12]
    count = 10_000_000 // sum(len(p.encode()) for p in seed)
    text = "Bài rất dài\n" + "\n".join(f"{p} (bản {i})" for i in range(count) for p in seed)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "big.txt").write_text(text, "utf-8")
    conversion = convert(tmp_path / "articles", tmp_path / "docs")
    assert not conversion.errors
    assert len(conversion.articles[0].paragraphs) == count * len(seed) - 1


def test_only_regular_files_inside_the_folder_are_read(tmp_path: Path) -> None:
    """Links out of the folder (absolute, relative), dangling links, loops and
    FIFOs are reported by name and left out; a sidecar that links out too."""
    import os

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEEDS / "000_33420b19da835728.txt", articles / "ok.txt")
    (articles / "abs.txt").symlink_to("/etc/passwd")
    (articles / "rel.txt").symlink_to("../" * 12 + "etc/passwd")
    (articles / "dangling.txt").symlink_to("nothing.txt")
    (articles / "loop1.txt").symlink_to("loop2.txt")
    (articles / "loop2.txt").symlink_to("loop1.txt")
    os.mkfifo(articles / "fifo.txt")
    (articles / "inside.txt").symlink_to("ok.txt")  # a second name inside the folder: read
    shutil.copy(SEEDS / "000_33420b19da835728.txt", articles / "side.txt")
    (articles / "side.yaml").symlink_to("/etc/passwd")
    conversion = convert(articles, tmp_path / "docs")
    errors = {e.path.name: e.message for e in conversion.errors}
    assert set(errors) == {
        "abs.txt",
        "rel.txt",
        "dangling.txt",
        "loop1.txt",
        "loop2.txt",
        "fifo.txt",
        "side.txt",
    }
    assert "outside the articles folder" in errors["abs.txt"] and "outside" in errors["rel.txt"]
    assert "leads nowhere" in errors["dangling.txt"] and "loop" in errors["loop1.txt"]
    assert "FIFO" in errors["fifo.txt"] and "side.yaml" in errors["side.txt"]
    # Both names are read; the same text twice is one chapter and its copy.
    read = [*conversion.articles, *conversion.copies]
    assert sorted(a.path.name for a in read) == ["inside.txt", "ok.txt"]
    for path in (tmp_path / "docs").rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path
