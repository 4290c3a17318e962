"""Per-chapter PDFs cut from the book's PDF (pypdf): one xelatex run, the
book's page labels and ¶ numbers, the chapter's title in the metadata."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from playwright.sync_api import Browser
from pypdf import PdfReader

from briefbook.chapterpdf import document_pages, page_ranges

from .books import BuiltBook

CHAPTERS = {
    "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam": "Hợp tác quốc tế trong y tế là điều nên làm",
    "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap": (
        "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp"
    ),
}


def _first_page_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-l", "1", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())


def test_page_ranges_from_the_aux_and_the_page_labels() -> None:
    aux = (
        r"\newlabel{index::doc}{{}{1}{}{section*.2}{}}"
        "\n"
        r"\newlabel{glance::doc}{{}{2}{}{section*.3}{}}"
        "\n"
        r"\newlabel{chapters/a::doc}{{1}{4}{A}{chapter.1}{}}"
        "\n"
        r"\newlabel{chapters/a:a-p1}{{1}{4}{A}{section*.5}{}}"
        "\n"
        r"\newlabel{chapters/b::doc}{{2}{6}{B}{chapter.2}{}}"
        "\n"
        r"\newlabel{glossary::doc}{{A}{9}{G}{appendix.A}{}}"
        "\n"
    )
    starts = document_pages(aux)
    assert [doc for doc, _ in starts] == ["index", "glance", "chapters/a", "chapters/b", "glossary"]
    labels = ["1", "i", *(str(n) for n in range(1, 11))]  # a title page "1", contents "i", then 1 to 10
    parts = page_ranges(starts, labels, {"glance": "G", "chapters/a": "A", "chapters/b": "B"})
    assert [(p.docname, labels[p.first], labels[p.last]) for p in parts] == [
        ("glance", "2", "3"),
        ("chapters/a", "4", "5"),
        ("chapters/b", "6", "8"),
    ]


def test_each_chapter_has_its_pdf_with_the_books_page_labels(seed_book: BuiltBook) -> None:
    html = seed_book.docs / "_build" / "html"
    assert seed_book.result.pdf is not None
    book = PdfReader(seed_book.result.pdf)
    book_labels = list(book.page_labels)
    aux = next((seed_book.docs / "_build" / "latex").glob("*.aux")).read_text("utf-8")
    starts = dict(document_pages(aux))
    for slug, title in CHAPTERS.items():
        pdf = html / "pdf" / f"{slug}.pdf"
        reader = PdfReader(pdf)
        labels = list(reader.page_labels)
        # The book's page numbers: the chapter's first page is where the book has it.
        assert labels[0] == starts[f"chapters/{slug}"]
        first = len(book_labels) - 1 - book_labels[::-1].index(labels[0])
        assert labels == book_labels[first : first + len(labels)]
        text = _first_page_text(pdf)
        assert title in text, text[:200]
        assert re.search(r"CHƯƠNG \d", text)
        assert reader.metadata is not None and reader.metadata.title == f"{title} — {book.metadata.title}"
        assert "ấn bản 20" in (reader.metadata.subject or "")
        # Also beside the book's PDF.
        assert (seed_book.docs / "_build" / "pdf" / "chapters" / pdf.name).is_file()
    glance = _first_page_text(html / "pdf" / "glance.pdf")
    assert glance.startswith("Điểm tin Sổ tay báo chí: hợp tác quốc tế về y tế: 2 chương")
    assert re.search(r"Bản dựng ngày \d\d/\d\d/\d{4}, ấn bản \d{4}-\d\d-\d\d\.[0-9a-f]{8}", glance)


def test_download_a_chapters_pdf_from_its_page(browser: Browser, http_root: str) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    slug = "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"
    page.goto(f"{http_root}/chapters/{slug}.html")
    link = page.locator("a.briefbook-part-pdf")
    assert link.inner_text().strip() == "Tải chương này (PDF)"
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{slug}.pdf"
    path = download.path()
    assert path is not None and CHAPTERS[slug] in _first_page_text(Path(path))
    page.goto(f"{http_root}/glance.html")
    assert page.locator("a.briefbook-part-pdf").inner_text().strip() == "Tải trang này (PDF)"
    page.goto(f"{http_root}/glossary.html")
    assert page.locator("a.briefbook-part-pdf").count() == 0
    context.close()
