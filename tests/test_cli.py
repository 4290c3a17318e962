"""The briefbook command, run as a user runs it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .books import SEEDS


def _briefbook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefbook.cli", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.mark.parametrize("command", [[], ["convert"], ["build"], ["book"]])
def test_help(command: list[str]) -> None:
    result = _briefbook(*command, "--help")
    assert result.returncode == 0
    assert "usage: briefbook" in result.stdout


def test_convert_reports_bad_articles_by_name_and_converts_the_rest(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    (articles / "zz_empty.txt").write_bytes(b"")
    result = _briefbook("convert", str(articles), "--out", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert f"{articles / 'zz_empty.txt'}: empty file" in result.stderr
    assert "1 article(s) failed" in result.stderr
    assert len(list((tmp_path / "docs" / "chapters").glob("*.md"))) == 2
    report = (tmp_path / "docs" / "_report" / "conversion.md").read_text("utf-8")
    assert "zz_empty.txt" in report and "Tin tức liên quan" in report


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = _briefbook("convert", str(tmp_path / "nope"), "--out", str(tmp_path / "docs"))
    assert result.returncode == 2
    assert "nope: not a folder" in result.stderr


def test_html_only_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert _briefbook("convert", str(SEEDS), "--out", str(docs)).returncode == 0
    result = _briefbook("build", str(docs), "--html")
    assert result.returncode == 0, result.stderr
    assert (docs / "_build" / "html" / "index.html").is_file()
    assert not (docs / "_build" / "pdf").exists()


def test_a_piped_build_tells_each_step_as_it_starts_and_ends(tmp_path: Path) -> None:
    """Piped (CI, a log), progress is one line per stage as it starts and one as it ends, with counts."""
    docs = tmp_path / "docs"
    converted = _briefbook("convert", str(SEEDS), "--out", str(docs))
    assert "briefbook: reading 2 articles..." in converted.stderr
    assert "briefbook: read 2 articles" in converted.stderr
    lines = _briefbook("build", str(docs), "--html").stderr.splitlines()
    start = lines.index("briefbook: HTML (sphinx)...")
    assert re.fullmatch(r"briefbook: HTML \(sphinx\): ok \(\d+ s\)", lines[start + 1])


def test_converting_the_seeds_says_in_one_line_what_their_texts_do_not_give(tmp_path: Path) -> None:
    """The demo's first output: the seeds are real copies, one without a
    date, one without an author (neither text gives one); one line says so
    and how to settle it, not a warning per article and field. Other
    warnings stay one a line."""
    result = _briefbook("convert", str(SEEDS), "--out", str(tmp_path / "docs"))
    assert result.returncode == 0, result.stderr
    assert "no date found" not in result.stderr and "no author found" not in result.stderr
    summary = [line for line in result.stderr.splitlines() if "the text gives" in line]
    assert summary == [
        "briefbook: the text gives no date in 1 article, no author in 1 article: the report names them; "
        "a NAME.yaml beside an article can give them (README: Editor overrides)"
    ]
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    (articles / "000_33420b19da835728.yaml").write_text("date: 2025-13-45\n", "utf-8")
    result = _briefbook("convert", str(articles), "--out", str(tmp_path / "docs2"))
    lines = result.stderr.splitlines()
    assert (
        f"  {articles / '000_33420b19da835728.txt'}: override date: cannot read '2025-13-45' as a date"
        in lines
    )
    assert "briefbook: the text gives no date in 1 article, no author in 1 article" in result.stderr


def test_check_names_the_file_of_each_warning_and_counts_as_the_book_does(tmp_path: Path) -> None:
    quiet = _briefbook("check", "-q", str(SEEDS)).stdout.splitlines()
    assert quiet[0] == f"{SEEDS / '000_33420b19da835728.txt'}: warning: no date found"
    loud = _briefbook("check", str(SEEDS)).stdout
    # The lede is a paragraph of the book (numbered ¶ 1).
    assert f"{SEEDS / '000_33420b19da835728.txt'}: 11 paragraphs, 6 lines or spans dropped" in loud
    articles = tmp_path / "articles"
    articles.mkdir()
    text = "Tiêu đề bài\n" + "Đây là đoạn văn đủ dài của bài báo về hợp tác y tế quốc tế giữa hai nước. " * 2
    (articles / "a.txt").write_text(text + "\nTin liên quan\n", "utf-8")
    assert ": 1 paragraph, 1 line or span dropped" in _briefbook("check", str(articles)).stdout


def test_output_piped_into_a_reader_that_stops_ends_quietly() -> None:
    shell = f"{sys.executable} -m briefbook.cli check {SEEDS} | head -1"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
