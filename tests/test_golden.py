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
from briefbook.core.editions import EDITIONS_FILE, PDF_DIR, History, dump_history, load_history
from briefbook.core.settings import BookSettings
from briefbook.write.pages import render_conf

from .books import FIXTURES, ROOT, SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden" / "fixtures"
REGEN = os.environ.get("BRIEFBOOK_REGEN") == "1"


def _generated(articles_dir: Path, history: History | None = None) -> dict[str, str]:
    articles, errors = read_articles(find_articles(articles_dir), articles_dir)
    return plan_project(articles, errors, BookSettings(), history=history).files


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and "_build" not in p.parts
        and not p.relative_to(folder).as_posix().startswith(PDF_DIR)
    }


def test_committed_docs_match_the_seeds() -> None:
    from briefbook.write.project import MANIFEST, render_manifest

    # The record of editions is the project's own: the seeds' content is its last edition's.
    history = load_history((ROOT / "docs" / EDITIONS_FILE).read_text("utf-8"))
    expected = _generated(SEEDS, history)
    assert expected[EDITIONS_FILE] == dump_history(history), "the seeds changed: run `make book`"
    expected["conf.py"] = render_conf(BookSettings())
    expected[MANIFEST] = render_manifest(
        {k: v.encode("utf-8") for k, v in expected.items() if k != "conf.py"}
    )
    actual = _tree(ROOT / "docs")
    assert sorted(actual) == sorted(expected), "run `make book` and commit docs/"
    for name, text in expected.items():
        assert actual[name] == text, f"docs/{name} differs: run `make book` and commit docs/"


def test_converting_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    convert(SEEDS, tmp_path / "a")
    convert(SEEDS, tmp_path / "b")
    convert(SEEDS, tmp_path / "b")  # again over its own output
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_stale_chapters_are_removed_and_nothing_else(tmp_path: Path) -> None:
    """A chapter briefbook wrote goes with its article; a file it did not write,
    or one changed since, stays (the old code removed every other chapters/*.md)."""
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(SEEDS, articles)
    convert(articles, docs)
    (docs / "conf.py").write_text((docs / "conf.py").read_text("utf-8") + "# mine\n", "utf-8")
    chapters = sorted((docs / "chapters").glob("*.md"))
    mine = docs / "chapters" / "ghi-chu-cua-toi.md"
    mine.write_text("# Ghi chú của tôi\n", "utf-8")
    edited = chapters[1]
    edited.write_text(edited.read_text("utf-8") + "\nGhi chú thêm của biên tập viên.\n", "utf-8")
    for name in sorted(SEEDS.glob("*.txt")):
        (articles / name.name).unlink()
    shutil.copy(FIXTURES / "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt", articles)
    convert(articles, docs)
    assert not chapters[0].exists()
    assert edited.is_file() and "Ghi chú thêm" in edited.read_text("utf-8"), "changed since: not ours"
    assert mine.read_text("utf-8") == "# Ghi chú của tôi\n"
    assert (docs / "conf.py").read_text("utf-8").endswith("# mine\n"), "conf.py is the user's"


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
