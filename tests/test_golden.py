"""Generated files compared with stored ones.

* ``docs/`` is the golden copy for the seeds: it must be exactly what
  ``briefbook convert seeds --out docs`` writes (regenerate: ``make book``).
* ``tests/golden/fixtures/`` holds the files generated from the real
  articles of ``tests/fixtures/articles`` (regenerate:
  ``BRIEFBOOK_REGEN=1 pytest tests/test_golden.py``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefbook.book import convert, find_articles, plan_project, read_articles
from briefbook.pages import BookSettings, render_conf

from .conftest import FIXTURES, ROOT, SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden" / "fixtures"
REGEN = os.environ.get("BRIEFBOOK_REGEN") == "1"


def _generated(articles_dir: Path) -> dict[str, str]:
    articles, errors = read_articles(find_articles(articles_dir), articles_dir)
    return plan_project(articles, errors, BookSettings()).files


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "_build" not in p.parts
    }


def test_committed_docs_match_the_seeds() -> None:
    expected = _generated(SEEDS)
    expected["conf.py"] = render_conf(BookSettings())
    actual = _tree(ROOT / "docs")
    assert sorted(actual) == sorted(expected), "run `make book` and commit docs/"
    for name, text in expected.items():
        assert actual[name] == text, f"docs/{name} differs: run `make book` and commit docs/"


def test_converting_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    convert(SEEDS, tmp_path / "a")
    convert(SEEDS, tmp_path / "b")
    convert(SEEDS, tmp_path / "b")  # again over its own output
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_stale_chapters_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "docs" / "chapters" / "old-article.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("# old\n", "utf-8")
    (tmp_path / "docs" / "conf.py").write_text("# mine\n", "utf-8")
    convert(SEEDS, tmp_path / "docs")
    assert not stale.exists()
    assert (tmp_path / "docs" / "conf.py").read_text("utf-8") == "# mine\n", "conf.py is the user's"


def test_fixture_articles_golden() -> None:
    generated = _generated(FIXTURES)
    if REGEN:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in generated.items():
            path = GOLDEN / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    stored = _tree(GOLDEN)
    if not stored:
        pytest.fail("no golden files: run BRIEFBOOK_REGEN=1 pytest tests/test_golden.py")
    assert sorted(stored) == sorted(generated)
    for name, text in generated.items():
        assert stored[name] == text, f"{name} changed: check it, then regenerate with BRIEFBOOK_REGEN=1"
