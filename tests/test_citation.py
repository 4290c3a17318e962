"""Citable to the paragraph: numbers and anchors, the same in HTML and PDF."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from pybtex.database import parse_string
from pypdf import PdfReader

from briefbook.book import convert
from briefbook.build import build
from briefbook.write.bibliography import read_bibtex, write_bibtex

from .books import FIXTURES, SEEDS, BuiltBook

_PNUM = re.compile(
    r'<p[^>]*\bid="(?P<id>[^"]+-p\d+)"[^>]*>\s*(?:<span id="index-\d+"></span>)*'
    r'<a class="briefbook-pnum"[^>]*>¶\xa0(?P<num>[\d.]+)</a>(?P<body>.*?)</p>',
    re.S,
)


def _html_paragraphs(html_dir: Path) -> list[tuple[str, str, str, str]]:
    """(docname, id, n.m, text) of every numbered paragraph."""
    out = []
    for page in sorted((html_dir / "chapters").glob("*.html")):
        for m in _PNUM.finditer(page.read_text("utf-8")):
            text = html.unescape(re.sub(r"<[^>]+>", "", m["body"]))
            text = unicodedata.normalize("NFC", " ".join(text.split()))
            out.append((f"chapters/{page.stem}", m["id"], m["num"], text))
    return out


def _aux_pages(docs: Path) -> dict[str, str]:
    """Label to printed page number, as LaTeX recorded it."""
    aux = next((docs / "_build" / "latex").glob("*.aux")).read_text("utf-8")
    return {m[1]: m[2] for m in re.finditer(r"\\newlabel\{([^{}]*)\}\{\{[^{}]*\}\{([^{}]*)\}", aux)}


def _physical_pages(pdf: Path) -> dict[str, int]:
    """Printed page number (the PDF's page labels) to 1-based page index."""
    labels = PdfReader(pdf).page_labels
    return {label: index + 1 for index, label in enumerate(labels)}


def _page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, check=True
    )
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode()).split())


def test_paragraph_numbers_match_in_html_and_pdf(seed_book: BuiltBook) -> None:
    docs = seed_book.docs
    paragraphs = _html_paragraphs(docs / "_build" / "html")
    assert len(paragraphs) == 25  # 11 + 14 body paragraphs, ledes included
    pages = _aux_pages(docs)
    pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    physical = _physical_pages(pdf)
    for docname, pid, number, text in paragraphs:
        page = pages[f"{docname}:{pid}"]
        page_text = _page_text(pdf, physical[page])
        assert number in page_text.split(), f"¶ {number} not in the margin of PDF page {page}"
        opening = " ".join(text.split()[:6])
        assert opening in page_text, f"¶ {number} ({opening!r}) not on PDF page {page}"


def test_references_bib_parses_and_round_trips(seed_book: BuiltBook) -> None:
    bib = (seed_book.docs / "references.bib").read_text("utf-8")
    data = parse_string(bib, "bibtex")
    assert set(data.entries) == {a.slug for a in seed_book.conversion.articles}
    assert write_bibtex(read_bibtex(bib)) == bib
    entry = data.entries["hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam"]
    assert [str(p) for p in entry.persons["author"]] == ["{Duy Tính}"]
    references = (seed_book.docs / "_build" / "html" / "references.html").read_text("utf-8")
    assert (
        "Duy Tính" in references
        and "Báo Thanh niên" in references
        and "Cổng Thông tin Chính phủ" in references
    )


def test_chapter_cites_and_shows_its_source(seed_book: BuiltBook) -> None:
    page = seed_book.docs / "_build" / "html" / "chapters" / "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html"
    source = page.read_text("utf-8")
    assert "briefbook-source" in source and "Báo Thanh niên" in source
    assert 'href="../references.html#cite-' in source


def _ids(html_dir: Path, stem: str) -> set[str]:
    page = (html_dir / "chapters" / f"{stem}.html").read_text("utf-8")
    main = page[page.index("<article") : page.index("</article>")]
    return set(re.findall(r'\bid="([^"]+)"', main))


def test_anchors_survive_adding_an_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    docs = tmp_path / "docs"
    convert(articles, docs)
    assert build(docs, pdf=False).ok
    stems = [p.stem for p in (docs / "chapters").glob("*.md")]
    before = {stem: _ids(docs / "_build" / "html", stem) for stem in stems}
    # A new article that sorts first: every chapter number shifts by one.
    shutil.copy(FIXTURES / "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt", articles / "0000_new.txt")
    convert(articles, docs)
    assert build(docs, pdf=False).ok
    for stem in stems:
        after = _ids(docs / "_build" / "html", stem)
        assert before[stem] <= after, sorted(before[stem] - after)
        assert any(i.endswith("-p3") for i in after)


def test_the_book_is_a_citable_work(seed_book: BuiltBook) -> None:
    html_dir = seed_book.docs / "_build" / "html"
    # No author was given: no CITATION.cff (the format requires an author, see test_project).
    assert not (html_dir / "CITATION.cff").exists()
    chapter = (html_dir / "chapters" / "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html").read_text("utf-8")
    assert '<meta name="citation_title" content="Hợp tác quốc tế trong y tế là điều nên làm" />' in chapter
    assert '<meta name="citation_pdf_url"' in chapter
    edition = re.search(r'Ấn bản <span class="briefbook-edition">(\d{4}-\d{2}-\d{2}\.[0-9a-f]{8})<', chapter)
    assert edition, "the footer shows the edition"
    index = (html_dir / "index.html").read_text("utf-8")
    assert edition.group(1) in index
    script = (html_dir / "_static" / "briefbook-edition.js").read_text("utf-8")
    assert f'window.BRIEFBOOK_EDITION = "{edition.group(1)}"' in script
    pdf = next((seed_book.docs / "_build" / "pdf").glob("*.pdf"))
    assert edition.group(1) in _page_text(pdf, 1)  # the title page


_CITE = re.compile(
    r'<details class="briefbook-cite"[^>]*\bdata-anchor="(?P<anchor>[^"]+)".*?'
    r'<p class="briefbook-cite-text">(?P<text>.*?)</p>.*?'
    r'<pre class="briefbook-cite-bibtex">(?P<bib>.*?)</pre>',
    re.S,
)


def test_chapters_and_sections_are_cited_with_their_page_range(seed_book: BuiltBook) -> None:
    """ "tr. 6–8": the first and last page of each chapter and section, from the
    ``.aux`` labels of the real xelatex build, checked against the PDF."""
    docs = seed_book.docs
    html_dir = docs / "_build" / "html"
    pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    physical = _physical_pages(pdf)
    ranges: list[tuple[str, str]] = []
    for page in sorted((html_dir / "chapters").glob("*.html")):
        blocks = list(_CITE.finditer(page.read_text("utf-8")))
        assert len(blocks) >= 1
        for n, block in enumerate(blocks):
            text = html.unescape(block["text"])
            bib = html.unescape(block["bib"])
            found = re.search(r", tr\. (\d+)(?:–(\d+))? \(bản PDF\)\.", text)
            assert found, text
            first, last = found[1], found[2] or found[1]
            assert int(first) < int(last) or not found[2]  # one page: no range
            assert f'pages = "{first}--{last}"' in bib if found[2] else f'pages = "{first}"' in bib
            ranges.append((first, last))
            if n == 0:  # the chapter: the pages of its own PDF, cut where the next document starts
                labels = list(PdfReader(html_dir / "pdf" / f"{page.stem}.pdf").page_labels)
                assert (first, last) == (labels[0], labels[-1])
                title = re.search(r"Chương \d+: “(.*?)”", text)
            else:  # a section: its title on its first page, its last paragraph on its last page
                title = re.search(r"mục [\d.]+ “(.*?)”", text)
                last_number = re.search(r"đoạn ¶ [\d.]+–([\d.]+)", text)
                assert last_number, text
                assert last_number[1] in _page_text(pdf, physical[last]).split()
                if last != first:
                    assert last_number[1] not in _page_text(pdf, physical[first]).split()
            assert title and title[1] in _page_text(pdf, physical[first]), (title, first)
    # The seeds' second chapter runs over three pages; its sections have one each.
    assert any(first != last for first, last in ranges), ranges
