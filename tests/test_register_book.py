"""One body, one entry across the book (issue 18, point 3): a real Sphinx build
of the seeds and three real articles, its register page and its index.

- "Tập đoàn Viettel" in one chapter (named "Viettel" there after), "đề nghị
  Viettel xuất dữ liệu" alone in another: the company in both chapters, one
  register entry, one index entry with both chapters.
- "hãng Sinovac" and "Sinovac": one entry (not two).
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from briefbook.book import convert
from briefbook.build import build

from .books import SEEDS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = (
    FIXTURES / "entities" / "abmusu2022" / "abmusu_html_ho-chieu-vac-xin-cham.html",
    FIXTURES / "reader_heldout2" / "articles" / "tuoitre_dump_viettel-trung-tam-hoi-chan-y-te-tu-xa.txt",
    FIXTURES / "reader_heldout2" / "articles" / "tuoitre_dump_trung-quoc-phan-phoi-vac-xin-covid-19.txt",
)
VIETTEL = "tap-the-viettel-ung-ho-19-ti-dong-xay-dung-trung-tam-hoi-chan-y-te-tu-xa"
VACCINE_PASS = "tien-do-cap-ho-chieu-vac-xin-con-cham"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("register-articles")
    for path in (*SEEDS.iterdir(), *ARTICLES):
        shutil.copy(path, folder / path.name)
    docs = tmp_path_factory.mktemp("register-book") / "docs"
    convert(folder, docs)
    result = build(docs, pdf=False)
    assert result.html is not None, result
    return result.html.parent


def _register_entries(html_dir: Path, name: str) -> list[str]:
    """The register's entries named ``name``: the text of each, to the end of its item."""
    page = (html_dir / "entities.html").read_text("utf-8")
    return re.findall(rf"<li><p><strong>{re.escape(name)}</strong>.*?</ul>", page, flags=re.S)


def _index_entry(html_dir: Path, name: str) -> list[str]:
    """The index's entries named ``name``: the pages each links."""
    page = (html_dir / "genindex.html").read_text("utf-8")
    items = re.findall(rf'<li><a href="[^"]+">{re.escape(name)}</a>(.*?)</li>', page, flags=re.S)
    return [" ".join(re.findall(r'href="chapters/([^".#]+)', html.unescape(item))) for item in items]


def test_a_company_named_alone_in_another_chapter_is_one_register_entry(book: Path) -> None:
    (entry,) = _register_entries(book, "Viettel")
    assert "Tập đoàn Viettel" in entry
    assert f"#{VIETTEL}" in entry and f"#{VACCINE_PASS}" in entry
    assert not _register_entries(book, "Tập đoàn Viettel")


def test_a_company_named_alone_in_another_chapter_is_one_index_entry(book: Path) -> None:
    (pages,) = _index_entry(book, "Viettel")
    assert VIETTEL in pages and VACCINE_PASS in pages
    assert not _index_entry(book, "Tập đoàn Viettel")


def test_a_head_and_a_name_are_the_body_named_alone(book: Path) -> None:
    assert len(_register_entries(book, "Sinovac")) == 1
    assert not _register_entries(book, "hãng Sinovac")
    assert len(_index_entry(book, "Sinovac")) == 1
    assert not _index_entry(book, "hãng Sinovac")
