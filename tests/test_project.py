"""Only our files: which folders briefbook writes into, the book's title and
author, and how a run ends (an empty folder, Ctrl-C). Run as a user runs it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .books import FIXTURES, SEEDS


def _briefbook(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefbook.cli", *map(str, args)], capture_output=True, text=True, check=False
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_foreign_sphinx_project_is_refused_before_a_byte_is_written(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "repo-docs"
    (docs / "chapters").mkdir(parents=True)
    (docs / "conf.py").write_text('project = "Tài liệu của dự án"\nextensions = ["myst_parser"]\n', "utf-8")
    (docs / "index.rst").write_text("Tài liệu\n========\n", "utf-8")
    (docs / "glossary.md").write_text("# Thuật ngữ của tôi\n", "utf-8")
    (docs / "chapters" / "gioi-thieu.md").write_text("# Giới thiệu\n", "utf-8")
    before = _snapshot(docs)
    result = _briefbook("convert", articles, "--out", docs)
    assert result.returncode == 2
    assert (
        "not a briefbook project" in result.stderr
        and "conf.py does not load briefbook.sphinxext" in result.stderr
    )
    assert "index.rst" in result.stderr and "nothing was written" in result.stderr
    assert _snapshot(docs) == before
    # A folder of other files, with no conf.py, neither.
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thu.txt").write_text("thư riêng\n", "utf-8")
    result = _briefbook("book", articles, "--out", tmp_path / "home")
    assert result.returncode == 2 and "thu.txt" in result.stderr
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["thu.txt"]


def test_an_empty_or_briefbook_folder_is_accepted_and_gets_a_manifest(articles: Path, tmp_path: Path) -> None:
    from briefbook.write.project import MANIFEST

    docs = tmp_path / "docs"
    docs.mkdir()
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    manifest = (docs / MANIFEST).read_text("utf-8")
    assert "  index.md\n" in manifest and "  references.bib\n" in manifest and "conf.py" not in manifest
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    # A project of an earlier version (a conf.py loading the extension, no manifest).
    (docs / MANIFEST).unlink()
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    assert (docs / MANIFEST).is_file()


@pytest.mark.parametrize("where", ["same", "inside", "around"])
def test_out_in_the_articles_folder_is_refused(articles: Path, where: str) -> None:
    out = {"same": articles, "inside": articles / "docs", "around": articles.parent}[where]
    before = _snapshot(out)
    result = _briefbook("convert", articles, "--out", out)
    assert result.returncode == 2
    assert "articles folder" in result.stderr
    assert "choose another --out" in result.stderr or "not in it" in result.stderr
    assert _snapshot(out) == before


def test_build_of_a_folder_that_is_not_a_project_says_so_in_one_line(articles: Path, tmp_path: Path) -> None:
    before = _snapshot(articles)
    result = _briefbook("build", articles)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a briefbook project" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _snapshot(articles) == before and not (articles / "_build").exists()
    missing = tmp_path / "nowhere"
    result = _briefbook("build", missing, "--html")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert not missing.exists()


def test_an_empty_folder_writes_nothing_and_names_the_file_types(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "README.md").write_text("Ghi chú về thư mục\n", "utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    result = _briefbook("book", folder, "--out", tmp_path / "docs")
    assert result.returncode != 0
    assert "no article files" in result.stderr and "*.txt" in result.stderr and "*.html" in result.stderr
    assert not (tmp_path / "docs").exists()
    result = _briefbook("check", folder)
    assert result.returncode == 1 and "no article files" in result.stderr and "*.md" in result.stderr


def test_a_folder_with_no_readable_article_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "b.txt").write_bytes(b"")
    result = _briefbook("convert", folder, "--out", tmp_path / "docs")
    assert result.returncode == 1
    assert f"{folder / 'a.txt'}" in result.stderr and f"{folder / 'b.txt'}" in result.stderr
    assert "no article could be read" in result.stderr and "*.md" in result.stderr
    assert not (tmp_path / "docs").exists()


def test_one_title_and_one_author_held_by_conf_py(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    title, author = "Điểm báo y tế tháng 12", "Vụ Hợp tác quốc tế"
    assert (
        _briefbook("convert", articles, "--out", docs, "--title", title, "--author", author).returncode == 0
    )
    conf = (docs / "conf.py").read_text("utf-8")
    assert f"project = {title!r}" in conf and f"author = {author!r}" in conf
    # Again without --title: the front page and CITATION.cff keep conf.py's title.
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    assert (docs / "index.md").read_text("utf-8").startswith(f"# {title}\n")
    cff = (docs / "CITATION.cff").read_text("utf-8")
    assert f"title: {title}" in cff and f"name: {author}" in cff
    # Another title on an existing project is refused, and nothing changes.
    before = _snapshot(docs)
    result = _briefbook("convert", articles, "--out", docs, "--title", "Tựa khác")
    assert result.returncode == 2
    assert "conf.py holds the book's title" in result.stderr and "edit project in conf.py" in result.stderr
    result = _briefbook("convert", articles, "--out", docs, "--author", "Người khác")
    assert result.returncode == 2 and "edit author in conf.py" in result.stderr
    assert _snapshot(docs) == before
    # The same title again is no conflict.
    assert _briefbook("convert", articles, "--out", docs, "--title", title).returncode == 0
    # An edited conf.py is what the pages read.
    (docs / "conf.py").write_text(conf.replace(title, "Điểm báo (sửa)"), "utf-8")
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    assert (docs / "index.md").read_text("utf-8").startswith("# Điểm báo (sửa)\n")
    assert "title: Điểm báo (sửa)" in (docs / "CITATION.cff").read_text("utf-8")


def test_no_default_author(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    assert "author" not in (docs / "conf.py").read_text("utf-8")
    assert not (docs / "CITATION.cff").exists()
    assert (
        "briefbook" not in _briefbook("convert", "--help").stdout.split("--author", 1)[1].split("--parts")[0]
    )


def test_the_html_shows_the_author_of_conf_py_and_no_other(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    author = "Vụ Hợp tác quốc tế"
    result = _briefbook("book", articles, "--out", docs, "--author", author, "--html")
    assert result.returncode == 0, result.stderr
    html_dir = docs / "_build" / "html"
    page = next((html_dir / "chapters").glob("*.html")).read_text("utf-8")
    assert f'<meta name="citation_author" content="{author}" />' in page
    assert "briefbook" not in (html_dir / "CITATION.cff").read_text("utf-8")
    assert author in (html_dir / "CITATION.cff").read_text("utf-8")


def test_ctrl_c_prints_one_line_exits_130_and_keeps_the_book(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert _briefbook("book", articles, "--out", docs, "--html").returncode == 0
    index = docs / "_build" / "html" / "index.html"
    before = index.read_bytes()
    shutil.copy(FIXTURES / "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt", articles / "002_moi.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefbook.cli", "book", str(articles), "--out", str(docs), "--html"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not (docs / "_build" / "logs" / "html.log").stat().st_mtime > index.stat().st_mtime:
        assert time.monotonic() < deadline and proc.poll() is None, "the build never started"
        time.sleep(0.05)
    time.sleep(0.5)  # inside Sphinx
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "briefbook: interrupted; the previous book is unchanged"
    assert index.read_bytes() == before


def test_the_manifest_written_before_the_files_names_both_versions() -> None:
    """A run cut short between the files and the final manifest still leaves
    every file it wrote (old and new bytes) recognised as its own."""
    from briefbook.write.project import parse_manifest, render_manifest

    earlier = parse_manifest(render_manifest({"index.md": b"old", "chapters/a.md": b"a"}))
    both = parse_manifest(render_manifest({"index.md": b"new"}, earlier))
    assert len(both["index.md"]) == 2 and "chapters/a.md" in both
    assert parse_manifest(render_manifest({"index.md": b"new"})).keys() == {"index.md"}
    # Lines of another shape, or paths out of the project, are not read.
    assert parse_manifest("x  index.md\n" + "0" * 64 + "  ../secret\n" + "0" * 64 + "  /etc/passwd\n") == {}


def test_a_chapter_mended_by_hand_is_kept_before_it_is_written_again(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert _briefbook("convert", articles, "--out", docs).returncode == 0
    chapter = sorted((docs / "chapters").glob("*.md"))[0]
    generated = chapter.read_bytes()
    mended = generated.replace(b"\n\n", "\n\nGhi chú của biên tập viên.\n\n".encode(), 1)
    chapter.write_bytes(mended)
    result = _briefbook("convert", articles, "--out", docs)
    assert result.returncode == 0, result.stderr
    # The book stays whole: the chapter is its article's again; the hand-made version is kept.
    assert chapter.read_bytes() == generated
    kept = list((docs / "_report" / "edited" / "chapters").glob(f"{chapter.stem}.*.md"))
    assert [p.read_bytes() for p in kept] == [mended]
    assert f"{chapter}: changed by hand" in result.stderr and str(kept[0]) in result.stderr
    # Kept for good: the next conversions leave it, and say nothing more.
    again = _briefbook("convert", articles, "--out", docs)
    assert kept[0].read_bytes() == mended and "changed by hand" not in again.stderr
