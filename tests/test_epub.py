"""The EPUB (Sphinx's builder on the shared doctrees), read back with ebooklib."""

from __future__ import annotations

import html
import re
import subprocess

from ebooklib import epub

from .books import BuiltBook

SPINE = [
    "index.xhtml",
    "glance.xhtml",
    "timeline.xhtml",
    "chapters/hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.xhtml",
    "chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.xhtml",
    "glossary.xhtml",
    "entities.xhtml",
    "references.xhtml",
    "genindex.xhtml",  # the front page links it ("Chỉ mục")
    # The pages about editions, linked from the front page (no part of the table of contents).
    "editions.xhtml",
    "whatsnew.xhtml",
]
EPUBCHECK = ["java", "-jar", "/usr/share/java/epubcheck.jar"]
"""Debian's ``epubcheck`` (scripts/system-packages.sh test): its ``/usr/bin/epubcheck``
is the jar itself, which runs as a command only where binfmt_misc runs jars."""


def test_epub_has_every_chapter_in_order_with_its_numbers(seed_book: BuiltBook) -> None:
    (path,) = (seed_book.docs / "_build" / "epub").glob("*.epub")
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "language")[0][0] == "vi"
    assert book.get_metadata("DC", "title")[0][0] == "Sổ tay báo chí: hợp tác quốc tế về y tế"
    assert book.get_metadata("DC", "identifier")[0][0].startswith("urn:briefbook:")
    assert [book.get_item_with_id(item).get_name() for item, _ in book.spine] == SPINE
    chapter = book.get_item_with_href(SPINE[4]).get_content().decode("utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", chapter))
    # The book's numbers: chapter 2, its sections 2.1 and 2.2, its paragraphs ¶ 2.n.
    assert "2. Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp" in text
    assert "2.1. Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước" in text
    assert "¶\u00a02.1 Hợp tác y tế Việt – Pháp" in text
    glossary = book.get_item_with_href("glossary.xhtml").get_content().decode("utf-8")
    assert "FFI" in glossary and "Thành phố Hồ Chí Minh" in glossary
    # Beside the HTML, and linked from its pages.
    assert (seed_book.docs / "_build" / "html" / path.name).is_file()
    page = (seed_book.docs / "_build" / "html" / "index.html").read_text("utf-8")
    assert f'class="briefbook-pdf-link briefbook-epub" href="{path.name}"' in page


def test_epub_passes_epubcheck(seed_book: BuiltBook) -> None:
    (path,) = (seed_book.docs / "_build" / "epub").glob("*.epub")
    out = subprocess.run([*EPUBCHECK, str(path)], capture_output=True, text=True, timeout=600)
    report = out.stdout + out.stderr
    assert "Validating using EPUB version 3" in report, report
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in report, report
    assert out.returncode == 0, report
