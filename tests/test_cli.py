"""The briefbook command, run as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS


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
