"""A book read and written by two processes keeps every document's state.

``briefbook build`` runs Sphinx with ``-j auto``: the chapters are read in
parallel, each reader with its own copy of the environment, and the
extension's cross-document state (:class:`BriefbookDomain`) is merged back.
Sixty-odd real articles (tests/fixtures/reader/articles) are built with two
processes; every chapter's cited entries, tooltips, citations and the
search's synonyms must be there, and a changed BibTeX entry must make Sphinx
read again exactly the chapter that cites it.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import shutil
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from briefbook.book import convert
from briefbook.core.bookdata import BOOK_DATA_FILE, load_book_data
from briefbook.sphinxext.domain import BriefbookDomain
from briefbook.sphinxext.search import synonyms_of

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"


def _build(docs: Path, out: Path) -> tuple[str, dict[str, object]]:
    status = io.StringIO()
    app = Sphinx(
        docs, docs, out / "html", out / "doctrees", "html", status=status, warning=status, parallel=2
    )
    app.build()
    # With CI=true set, Sphinx colours its log and redraws one line with
    # carriage returns, even into a StringIO: both are undone here.
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", status.getvalue()).replace("\r", "\n")
    assert app.statuscode == 0, text
    with (out / "doctrees" / "environment.pickle").open("rb") as f:
        env = pickle.load(f)
    return text, env.domaindata[BriefbookDomain.name]


@pytest.fixture(scope="module")
def parallel_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, dict[str, object]]:
    articles = tmp_path_factory.mktemp("parallel-articles")
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, articles / path.name)
        # The corpus holds one page in several forms: each its own chapter
        # here (copies of one story would otherwise be one chapter).
        (articles / path.with_suffix(".yaml").name).write_text("group: false\n", "utf-8")
    docs = tmp_path_factory.mktemp("parallel") / "docs"
    convert(articles, docs)
    out = docs.parent / "out"
    status, data = _build(docs, out)
    return docs, out, status, data


def _chapters(docs: Path) -> list[str]:
    return sorted(f"chapters/{p.stem}" for p in (docs / "chapters").glob("*.md"))


def test_the_book_is_read_in_parallel(parallel_book: tuple[Path, Path, str, dict[str, object]]) -> None:
    docs, _, status, _ = parallel_book
    assert len(_chapters(docs)) >= 55
    # Sphinx read and wrote the chapters in chunks, in two processes.
    assert re.search(r"^reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+$", status, re.MULTILINE)
    assert re.search(r"^writing output\.\.\. \[ *\d+%\] \S+ \.\. \S+$", status, re.MULTILINE)


def test_every_chapters_cited_entries_are_merged(
    parallel_book: tuple[Path, Path, str, dict[str, object]],
) -> None:
    docs, _, _, data = parallel_book
    cited = data["cited"]
    assert isinstance(cited, dict)
    assert sorted(cited) == _chapters(docs)
    for docname, keys in cited.items():
        assert docname.removeprefix("chapters/") in keys  # the chapter cites its own article
    assert data["formatted"]  # the formatted entries are kept for the next build


def test_every_chapter_has_its_citation_and_tooltips(
    parallel_book: tuple[Path, Path, str, dict[str, object]],
) -> None:
    docs, out, _, _ = parallel_book
    expansions = {
        t.abbr: t.expansion for t in load_book_data((docs / BOOK_DATA_FILE).read_text("utf-8")).glossary
    }
    assert len(expansions) > 20
    linked = 0
    for docname in _chapters(docs):
        page = (out / "html" / f"{docname}.html").read_text("utf-8")
        slug = docname.removeprefix("chapters/")
        assert re.search(rf'href="\.\./references\.html#cite-\d+-{re.escape(slug)}" title="[^"]+"', page), (
            slug
        )
        for abbr, title in re.findall(r'href="\.\./glossary\.html#term-([^"]+)" title="([^"]*)"', page):
            linked += 1
            assert title, (slug, abbr)
        assert not re.search(r'href="\.\./glossary\.html#term-[^"]+">', page), slug  # no link without a title
    assert linked > 50


def test_the_search_has_every_synonym(parallel_book: tuple[Path, Path, str, dict[str, object]]) -> None:
    docs, out, _, _ = parallel_book
    terms = load_book_data((docs / BOOK_DATA_FILE).read_text("utf-8")).glossary
    language_data = (out / "html" / "_static" / "language_data.js").read_text("utf-8")
    found = re.search(r"^var BRIEFBOOK_SEARCH = (.*);$", language_data, re.MULTILINE)
    assert found
    expected = {k: list(v) for k, v in synonyms_of(terms).items()}
    assert json.loads(found.group(1))["synonyms"] == expected
    assert len(expected) > 20


def test_a_changed_entry_reads_again_only_the_chapter_citing_it(
    parallel_book: tuple[Path, Path, str, dict[str, object]],
) -> None:
    docs, out, _, _ = parallel_book
    chapter = _chapters(docs)[len(_chapters(docs)) // 2].removeprefix("chapters/")
    bib = docs / "references.bib"
    text = bib.read_text("utf-8")
    start = text.index("{" + chapter + ",")
    end = text.index("\n}\n", start)
    entry, count = re.subn(r'(title = (?:"\{|\{\{))', r"\1Đính chính: ", text[start:end], count=1)
    assert count == 1
    bib.write_text(text[:start] + entry + text[end:], "utf-8")
    status, data = _build(docs, out)
    read = re.findall(r"^reading sources\.\.\. \[[ \d]+%\] (\S+)", status, re.MULTILINE)
    assert [docname for docname in read if docname.startswith("chapters/")] == [f"chapters/{chapter}"]
    assert "references" in read
    cited = data["cited"]
    assert isinstance(cited, dict)
    assert sorted(cited) == _chapters(docs)
