"""What a reader sees in the seed book's PDF: index, fonts, pages, running heads."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefbook.book import convert
from briefbook.build import build
from briefbook.core.settings import BookSettings

from .books import SEEDS, BuiltBook


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").split("\f")[:-1]


def _pdf(book: BuiltBook) -> Path:
    assert book.result.pdf is not None
    return book.result.pdf


def _index_page(pages: list[str]) -> int:
    """The 1-based number of the index's first page."""
    return next(
        i
        for i, text in enumerate(pages, 1)
        if text.strip().startswith("Chỉ mục") or "\nChỉ mục" in text[:400]
    )


def test_index_page_ranges_keep_their_dash(seed_book: BuiltBook) -> None:
    pages = _pages(_pdf(seed_book))
    index = "\n".join(pages[_index_page(pages) - 1 :])
    # "Việt Nam" is on three pages in a row: xindy makes a range of them.
    assert re.search(r"Việt Nam, \d+–\d+\b", index), index


def test_index_entries_are_set_in_the_body_font(seed_book: BuiltBook) -> None:
    pdf = _pdf(seed_book)
    first = _index_page(_pages(pdf))
    out = subprocess.run(
        ["pdffonts", "-f", str(first), "-l", "99999", str(pdf)], capture_output=True, check=True
    )
    fonts = out.stdout.decode()
    assert "NotoSerif-Regular" in fonts
    assert "Mono" not in fonts, fonts


def test_no_blank_pages_on_screen(seed_book: BuiltBook) -> None:
    """Chapters open on the next page (openany), so no page is blank or holds only its running head."""
    pages = _pages(_pdf(seed_book))
    title = BookSettings().title
    blank = []
    for number, text in enumerate(pages, 1):
        words = [w for w in re.split(r"\s+", text.replace(title, " ")) if w and not w.isdigit()]
        rest = [w for w in words if not re.fullmatch(r"Ấn|bản|\d{4}-\d\d-\d\d\.\w+|,", w)]
        if len(rest) < 3:
            blank.append((number, text.strip()))
    assert not blank, blank
    tex = next((seed_book.docs / "_build" / "latex").glob("*.tex")).read_text("utf-8")
    assert "openany" in tex.split(r"\begin{document}")[0]


@pytest.fixture(scope="module")
def long_title_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds as a book whose title is longer than a line."""
    docs = tmp_path_factory.mktemp("long-title") / "docs"
    title = "Sổ tay báo chí về hợp tác quốc tế trong ngành y tế: bệnh viện, đại học và các tổ chức sức khỏe"
    convert(SEEDS, docs, BookSettings(title=title))
    result = build(docs, html=False)
    assert result.ok and result.pdf is not None
    return result.pdf


def test_running_head_keeps_the_whole_edition(long_title_pdf: Path) -> None:
    pages = _pages(long_title_pdf)
    edition = re.search(r"Ấn bản (\d{4}-\d\d-\d\d\.\w+)", pages[0])
    assert edition, pages[0]
    headed = [text for text in pages[1:] if text.lstrip().startswith("Sổ tay báo chí")]
    assert len(headed) > 3
    cut = [
        text.lstrip().splitlines()[0]
        for text in headed
        if f"Ấn bản {edition.group(1)}" not in text.lstrip().splitlines()[0]
    ]
    assert not cut, cut


def test_print_option_keeps_recto_openings() -> None:
    from briefbook.sphinxext.defaults import latex_elements

    assert "openany" not in latex_elements(for_print=True)["extraclassoptions"]
    assert "openany" in latex_elements()["extraclassoptions"]


def test_glossary_uses_give_their_pages(seed_book: BuiltBook) -> None:
    """A printed link cannot be followed: each place an abbreviation is used says its page."""
    text = re.sub(r"\s+", " ", "\n".join(_pages(_pdf(seed_book))))
    uses = re.findall(r"Dùng trong: (.*?)(?<!tr)\.(?= |$)", text)
    assert uses
    bare = [u for u in uses if not re.search(r"\(tr\. \d+\)$", u)]
    assert not bare, bare
