"""Real Sphinx and xelatex builds of the seeds and of the real fixture articles."""

from __future__ import annotations

import html
import itertools
import re
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from briefbook.build import DOCTREES, build
from briefbook.sphinxext.surroundings import RECORD

from .books import EXPECTED, BuiltBook


class _Text(HTMLParser):
    """Text of the elements of the main article, block by block."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._depth = 0
        self._buf: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "h1", "h2", "h3", "dt", "dd"):
            self._flush()
        if tag == "a" and "briefbook-pnum" in (dict(attrs).get("class") or ""):
            self._skip = True  # the paragraph number, not the paragraph's text

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._skip = False
        if tag in ("p", "li", "h1", "h2", "h3", "dt", "dd"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append(text)
        self._buf = []


def _article_blocks(page: Path) -> list[str]:
    source = page.read_text("utf-8")
    main = source[source.index("<article") : source.index("</article>")]
    parser = _Text()
    parser.feed(main)
    parser.close()
    return [unicodedata.normalize("NFC", html.unescape(b)).replace("#", "").strip() for b in parser.blocks]


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())


def test_seed_book_builds_html_and_pdf(seed_book: BuiltBook) -> None:
    assert seed_book.result.ok, [s.summary for s in seed_book.result.steps]
    html_dir = seed_book.docs / "_build" / "html"
    assert (html_dir / "index.html").is_file()
    pdfs = list((seed_book.docs / "_build" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].name.isascii()
    assert pdfs[0].read_bytes().startswith(b"%PDF")


def test_every_body_paragraph_appears_once_in_its_chapter(seed_book: BuiltBook) -> None:
    chapters = seed_book.docs / "_build" / "html" / "chapters"
    all_blocks = {p.name: _article_blocks(p) for p in chapters.glob("*.html")}
    for name in ("000_33420b19da835728", "001_99e64521392f7738"):
        for paragraph in (EXPECTED / f"{name}.body.txt").read_text("utf-8").splitlines():
            count = sum(blocks.count(paragraph) for blocks in all_blocks.values())
            assert count == 1, f"{name}: paragraph found {count} times: {paragraph[:60]!r}"


def test_no_boilerplate_in_any_chapter(seed_book: BuiltBook) -> None:
    chapters = seed_book.docs / "_build" / "html" / "chapters"
    blocks = [b for p in chapters.glob("*.html") for b in _article_blocks(p)]
    # The book's own "Xem thêm" heading (one per chapter with related chapters)
    # is no debris; a source's "Xem thêm" line would be one more.
    ours = sum('class="briefbook-see-also rubric"' in p.read_text("utf-8") for p in chapters.glob("*.html"))
    assert blocks.count("Xem thêm") == ours
    blocks = [b for b in blocks if b != "Xem thêm"]
    text = " ".join(blocks)
    for debris_file in EXPECTED.glob("*.debris.txt"):
        for line in debris_file.read_text("utf-8").splitlines():
            assert line not in blocks, f"debris kept: {line!r}"
            if len(line) > 40:
                assert line not in text, f"debris kept: {line[:60]!r}"


def test_html_is_vietnamese_and_links_the_pdf(seed_book: BuiltBook) -> None:
    html_dir = seed_book.docs / "_build" / "html"
    pdf_name = next((seed_book.docs / "_build" / "pdf").glob("*.pdf")).name
    assert (html_dir / pdf_name).is_file()
    pages = [p for p in html_dir.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) >= 6
    for page in pages:
        source = page.read_text("utf-8")
        assert re.search(r'<html[^>]*lang="vi"', source), page
        prefix = "../" if page.parent != html_dir else ""
        assert f'href="{prefix}{pdf_name}"' in source, f"{page.name} does not link the PDF"
    index = (html_dir / "index.html").read_text("utf-8")
    assert "Bảng chữ viết tắt" in index and "Tài liệu tham khảo" in index
    # The interface around the text is Vietnamese too.
    chapter = next((html_dir / "chapters").glob("*.html")).read_text("utf-8")
    for label in ("Chuyển đến nội dung chính", "Lên đầu trang", "Trên trang này", "Ẩn hoặc hiện thanh bên"):
        assert label in chapter, label
    for english in (
        "Skip to main content",
        "Back to top",
        "Toggle primary sidebar",
        "On this page",
        "next page",
    ):
        assert english not in chapter, english


def test_glossary_links_uses(seed_book: BuiltBook) -> None:
    glossary = (seed_book.docs / "_build" / "html" / "glossary.html").read_text("utf-8")
    for abbr in ("BV", "BN", "BHYT", "FFI"):
        assert f'id="term-{abbr}"' in glossary
    chapter = (
        seed_book.docs / "_build" / "html" / "chapters" / "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html"
    )
    assert 'href="../glossary.html#term-BV"' in chapter.read_text("utf-8")


def test_pdf_is_vietnamese_with_embedded_fonts(seed_book: BuiltBook) -> None:
    pdf = next((seed_book.docs / "_build" / "pdf").glob("*.pdf"))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column
    text = _pdf_text(pdf)
    for caption in ("Mục lục", "CHƯƠNG", "Phụ lục", "Tài liệu tham khảo", "Chỉ mục", "Bảng chữ viết tắt"):
        assert caption in text, caption
    assert "Contents" not in text and "CHAPTER" not in text and "Bibliography" not in text
    assert "Thành phố Hồ Chí Minh — Ho Chi Minh City" in text  # the glossary, an appendix
    # Every word of the body is in the PDF with all its diacritics.
    words = set(text.split())
    for name in ("000_33420b19da835728", "001_99e64521392f7738"):
        for paragraph in (EXPECTED / f"{name}.body.txt").read_text("utf-8").splitlines():
            for word in paragraph.split():
                assert word in words or word in text, f"{word!r} missing from the PDF"


def test_fixture_book_builds_despite_unreadable_articles(fixture_book: BuiltBook) -> None:
    assert fixture_book.result.ok, [s.summary for s in fixture_book.result.steps]
    errors = {e.path.name: e.message for e in fixture_book.conversion.errors}
    assert set(errors) == {"90_binary.txt", "92_mojibake.txt"}
    assert len(fixture_book.conversion.articles) == 9
    chapters = list((fixture_book.docs / "_build" / "html" / "chapters").glob("*.html"))
    assert len(chapters) == 9


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def test_running_heads_stay_on_one_line_clear_of_the_page_number(fixture_book: BuiltBook) -> None:
    """Headlines of a hundred characters and more: the running footer cuts
    them at a word (with an ellipsis) instead of running over the page
    number on a second line."""
    (pdf,) = (fixture_book.docs / "_build" / "pdf").glob("*.pdf")
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("<page ")[1:]
    cut = 0
    for number, page in enumerate(pages, 1):
        height = float(re.search(r'height="([\d.]+)"', page)[1])  # type: ignore[index]
        words = [(float(x0), float(y0), float(x1), html.unescape(t)) for x0, y0, x1, t in _WORD.findall(page)]
        for zone in ([w for w in words if w[1] < 0.06 * height], [w for w in words if w[1] > 0.92 * height]):
            assert len({round(w[1]) for w in zone}) <= 1, (number, zone)
            ordered = sorted(zone)
            for left, right in itertools.pairwise(ordered):
                assert left[2] <= right[0], (number, left, right)
            cut += any(w[3].endswith("…") for w in zone)
    assert cut > 0  # the long headlines were cut, not merely absent from the footers


def test_failed_build_keeps_the_previous_output(tmp_path: Path, seed_book: BuiltBook) -> None:
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    index = docs / "_build" / "html" / "index.html"
    before = index.read_bytes()
    chapter = next((docs / "chapters").glob("*.md"))
    chapter.write_text(chapter.read_text("utf-8") + "\n{cite:p}`no-such-key`\n", "utf-8")
    result = build(docs, pdf=False)
    assert not result.ok
    assert "no-such-key" in " ".join(s.summary for s in result.steps)
    assert index.read_bytes() == before
    assert next((docs / "_build" / "pdf").glob("*.pdf")).is_file()


def _inodes(folder: Path) -> dict[Path, int]:
    return {p.relative_to(folder): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_rebuild_publishes_only_what_changed(tmp_path: Path, seed_book: BuiltBook) -> None:
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    assert build(docs, pdf=False).ok  # Sphinx settles in the new folder
    html_dir, work = docs / "_build" / "html", docs / "_build" / "work" / "html"
    before = _inodes(html_dir)
    chapters = sorted((docs / "chapters").glob("*.md"))
    edited, other = chapters[0], chapters[1]
    text = edited.read_text("utf-8")
    edited.write_text(text.rstrip("\n") + "\n\nMột đoạn mới của biên tập viên.\n", "utf-8")
    result = build(docs, pdf=False)
    assert result.ok, [s.summary for s in result.steps]
    after = _inodes(html_dir)
    assert set(after) == set(before)
    edited_page = Path("chapters") / f"{edited.stem}.html"
    assert "Một đoạn mới của biên tập viên." in (html_dir / edited_page).read_text("utf-8")
    # The page Sphinx rewrote is a new file; a page it left alone is the same file.
    assert after[edited_page] != before[edited_page]
    other_page = Path("chapters") / f"{other.stem}.html"
    assert after[other_page] == before[other_page]
    assert sum(after[rel] == before[rel] for rel in after) > len(after) // 2
    # No published file is Sphinx's own, which it rewrites in place.
    # (But the pages' digests, which only the next build reads.)
    work_files = {rel: ino for rel, ino in _inodes(work).items() if rel != Path(RECORD)}
    assert (work / RECORD).is_file() and not (html_dir / RECORD).exists()
    assert set(work_files) == set(after)
    assert all(work_files[rel] != ino for rel, ino in after.items())
    # A failed build, then a good one: the good one is published whole.
    edited.write_text(text + "\n{cite:p}`no-such-key`\n", "utf-8")
    assert not build(docs, pdf=False).ok
    assert "Một đoạn mới của biên tập viên." in (html_dir / edited_page).read_text("utf-8")
    edited.write_text(text, "utf-8")
    assert build(docs, pdf=False).ok
    page = (html_dir / edited_page).read_text("utf-8")
    assert "Một đoạn mới của biên tập viên." not in page and "no-such-key" not in page
    assert (html_dir / "index.html").is_file() and (html_dir / "searchindex.js").is_file()


def test_rebuild_formats_only_changed_references(tmp_path: Path, seed_book: BuiltBook) -> None:
    import pickle
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    assert build(docs, pdf=False).ok
    env_file = docs / "_build" / DOCTREES / "environment.pickle"
    formatted = pickle.loads(env_file.read_bytes()).domaindata["briefbook"]["formatted"]
    assert len(formatted) == 2  # one per entry: the tooltip's formatting is the same
    bib = docs / "references.bib"
    old, new = "Hợp tác quốc tế trong y tế", "Hợp tác quốc tế (sửa) trong y tế"
    bib.write_text(bib.read_text("utf-8").replace(old, new), "utf-8")
    assert build(docs, pdf=False).ok
    page = (docs / "_build" / "html" / "references.html").read_text("utf-8")
    references = page[page.index("<article") : page.index("</article>")]
    assert "Hợp tác quốc tế (sửa) trong y tế" in references
    assert "Hợp tác quốc tế trong y tế" not in references
    assert "Mở thêm những" in references and "Cổng Thông tin Chính phủ" in references
    # The tooltip of the citation in the chapter is the new one too.
    chapter = next((docs / "_build" / "html" / "chapters").glob("hop-tac-quoc-te*.html")).read_text("utf-8")
    assert "Hợp tác quốc tế (sửa) trong y tế" in chapter
    assert len(pickle.loads(env_file.read_bytes()).domaindata["briefbook"]["formatted"]) == 2


def test_pdf_outline_links_and_metadata(seed_book: BuiltBook) -> None:
    from pypdf import PdfReader

    pdf = next((seed_book.docs / "_build" / "pdf").glob("*.pdf"))
    reader = PdfReader(pdf)
    meta = reader.metadata
    assert meta is not None and meta.title == "Sổ tay báo chí: hợp tác quốc tế về y tế"
    assert not meta.author, "no author was given: none is shown"
    assert reader.trailer["/Root"].get("/Lang") == "vi"

    def titles(outline: list[object]) -> list[str]:
        out: list[str] = []
        for item in outline:
            out += titles(item) if isinstance(item, list) else [str(item.title)]  # type: ignore[attr-defined]
        return out

    bookmarks = titles(reader.outline)
    for title in (
        "Hợp tác quốc tế trong y tế là điều nên làm",
        "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp",
        "Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước",
        "Bảng chữ viết tắt",
    ):
        assert any(title in b for b in bookmarks), (title, bookmarks)
    # Every internal link points at a destination that exists.
    destinations = set(reader.named_destinations)
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            dest = obj.get("/Dest") or (obj.get("/A") or {}).get("/D")
            if isinstance(dest, str):
                internal += 1
                assert dest in destinations, dest
    assert internal > 10


def _xelatex_runs(log: Path) -> int:
    return len(re.findall(r"^Run number \d+ of rule '(?:pdf|xe)latex'", log.read_text("utf-8"), re.M))


def test_pdf_rebuild_reads_once_and_starts_from_the_last_run(tmp_path: Path, seed_book: BuiltBook) -> None:
    """The PDF build reads an edited chapter once for both formats, and LaTeX
    starts from the last good run's state: fewer passes, the same PDF text."""
    import shutil

    from pypdf import PdfReader

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    cold_runs = _xelatex_runs(docs / "_build" / "logs" / "pdf.log")
    assert cold_runs >= 2
    chapter = sorted((docs / "chapters").glob("*.md"))[0]
    added = "\n\nMột đoạn mới của biên tập viên.\n"
    chapter.write_text(chapter.read_text("utf-8").rstrip("\n") + added, "utf-8")
    assert build(docs, html=False).ok
    warm_runs = _xelatex_runs(docs / "_build" / "logs" / "pdf.log")
    assert 1 <= warm_runs < cold_runs
    doctree = docs / "_build" / DOCTREES / "chapters" / f"{chapter.stem}.doctree"
    read_at = doctree.stat().st_mtime_ns
    # The HTML build does not read the chapter again, and still shows the edit.
    assert build(docs, pdf=False).ok
    assert doctree.stat().st_mtime_ns == read_at
    page = (docs / "_build" / "html" / "chapters" / f"{chapter.stem}.html").read_text("utf-8")
    assert "Một đoạn mới của biên tập viên." in page
    # The same text as a PDF built from scratch.
    fresh = tmp_path / "fresh"
    shutil.copytree(docs, fresh, ignore=shutil.ignore_patterns("_build"))
    assert build(fresh, html=False).ok

    def text(folder: Path) -> list[str]:
        return [p.extract_text() for p in PdfReader(next((folder / "_build" / "pdf").glob("*.pdf"))).pages]

    assert text(docs) == text(fresh)
    assert any("Một đoạn mới của biên tập viên." in page for page in text(docs))


def test_a_document_that_warned_fails_again_until_fixed(tmp_path: Path, seed_book: BuiltBook) -> None:
    """Sphinx keeps what it read, warnings or not; since the formats share
    it, the HTML build after a failed PDF build must still fail."""
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    chapter = sorted((docs / "chapters").glob("*.md"))[0]
    text = chapter.read_text("utf-8")
    chapter.write_text(text + "\n```{no-such-directive}\n```\n", "utf-8")
    first = build(docs, html=False)
    assert not first.ok and "no-such-directive" in first.steps[-1].summary
    second = build(docs, pdf=False)
    assert not second.ok and "no-such-directive" in second.steps[-1].summary
    assert chapter.name in second.steps[-1].summary
    chapter.write_text(text, "utf-8")
    assert build(docs, pdf=False).ok


def test_a_new_article_reads_only_its_own_chapter(tmp_path: Path, seed_book: BuiltBook) -> None:
    """A new article adds an entry to references.bib; the other chapters,
    whose cited entries are unchanged, are not read again (sphinxcontrib-bibtex
    made each depend on the whole file), and a changed entry is."""
    import shutil

    from briefbook.book import convert

    from .books import FIXTURES, SEEDS

    docs = tmp_path / "docs"
    shutil.copytree(seed_book.docs, docs)
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    doctrees = docs / "_build" / DOCTREES

    def read_times() -> dict[str, int]:
        return {p.stem: p.stat().st_mtime_ns for p in (doctrees / "chapters").glob("*.doctree")}

    assert build(docs, pdf=False).ok  # in its new folder, Sphinx reads everything once
    before = read_times()
    # A sports brief: it names no one the seeds name, so no seed chapter
    # gains a related-article line (which would change it).
    shutil.copy(FIXTURES / "15_baomoi-the-thao-diem-tin-toi-tin-lien-quan.txt", articles / "999_new.txt")
    bib = (docs / "references.bib").read_bytes()
    assert not convert(articles, docs).errors
    assert (docs / "references.bib").read_bytes() != bib
    assert build(docs, pdf=False).ok
    after = read_times()
    assert set(after) - set(before) and all(after[stem] == before[stem] for stem in before)
    references = (docs / "_build" / "html" / "references.html").read_text("utf-8")
    assert "Điểm tin tối 06/02" in html.unescape(references)
    # An entry that changes (here by hand, its chapter untouched) makes the
    # chapters that cite it read again, and only those.
    (new,) = set(after) - set(before)
    bibfile = docs / "references.bib"
    text = bibfile.read_text("utf-8")
    assert text.count('howpublished = "{Thể thao Việt Nam}"') == 1
    bibfile.write_text(text.replace("{Thể thao Việt Nam}", "{Báo Thử Nghiệm}"), "utf-8")
    assert build(docs, pdf=False).ok
    again = read_times()
    assert again[new] != after[new]
    assert all(again[stem] == before[stem] for stem in before)
    page = (docs / "_build" / "html" / "chapters" / f"{new}.html").read_text("utf-8")
    assert "Báo Thử Nghiệm" in html.unescape(page)


FOREIGN = {
    "Japanese": "Đại học Tokyo (東京大学) và Bệnh viện Đại học Quốc gia Seoul (서울대학교병원)",
    "Thai and Lao": "Bộ Y tế Thái Lan (กระทรวงสาธารณสุข) và Lào (ກະຊວງສາທາລະນະສຸກ)",
    "Khmer": "Bộ Y tế Campuchia (ក្រសួងសុខាភិបាល)",
    "signs": "tỷ lệ ≥ 95%, nhiệt độ ≤ 38 ℃, xu hướng → tăng, chênh lệch −2 điểm ✓",
    "emoji": "chiến dịch “Tay sạch 👍” trên mạng xã hội",
}


def test_characters_the_main_fonts_lack_reach_the_pdf(tmp_path: Path) -> None:
    """Names in Chinese, Japanese, Korean, Thai, Lao or Khmer, signs and emoji
    are set in fallback fonts (Noto CJK, Noto Thai..., Symbola); the
    Vietnamese around them stays in Noto Serif."""
    from briefbook.book import convert

    from .books import SEEDS

    articles = tmp_path / "articles"
    articles.mkdir()
    seed = (SEEDS / "000_33420b19da835728.txt").read_text("utf-8")
    lines = seed.splitlines()
    lines[1:1] = [f"Hợp tác với {text}." for text in FOREIGN.values()]
    (articles / "foreign.txt").write_text("\n".join(lines) + "\n", "utf-8")
    docs = tmp_path / "docs"
    assert not convert(articles, docs).errors
    result = build(docs, html=False)
    assert result.ok, [s.summary for s in result.steps]
    assert all(s.notes == () for s in result.steps)  # no "the PDF's fonts lack ..." note
    assert result.pdf is not None
    text = unicodedata.normalize("NFC", _pdf_text(result.pdf))
    for word in ("≥ 95%", "≤ 38 ℃", "−2", "👍", "서울대학교병원"):
        assert word in text, word
    # Chinese and Japanese may break a line between any two characters (and
    # a justified line spaces them out): compare without the spaces.
    flat = text.replace(" ", "")
    for word in ("東京大学", "กระทรวงสาธารณสุข"):
        assert word in flat, word
    fonts = subprocess.run(["pdffonts", str(result.pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts or "NotoSansCJK" in fonts
    assert "NotoSansMath" in fonts and ("Symbols2" in fonts or "Symbola" in fonts)
    assert "NotoSerifKhmer" in fonts  # (pdftotext reorders Khmer: checked by its font)
    # The body's Vietnamese is still in Noto Serif: its words come out whole.
    assert "Sở Y tế TP.HCM ghi nhận và đánh giá cao" in text


def test_an_articles_list_is_a_list_with_numbered_items(tmp_path: Path) -> None:
    from briefbook.book import convert

    from .books import SEEDS

    articles = tmp_path / "articles"
    articles.mkdir()
    lines = (SEEDS / "000_33420b19da835728.txt").read_text("utf-8").splitlines()
    lines[2:2] = [
        "Hai bên thống nhất ba nội dung:",
        "- đào tạo bác sĩ nội trú;",
        "• chuyển giao kỹ thuật ghép tạng.",
    ]
    (articles / "list.txt").write_text("\n".join(lines) + "\n", "utf-8")
    docs = tmp_path / "docs"
    assert not convert(articles, docs).errors
    result = build(docs, pdf=False)
    assert result.ok, [s.summary for s in result.steps]
    (page,) = (docs / "_build" / "html" / "chapters").glob("*.html")
    numbered = r'<li><p id="[^"]+-p(\d+)"><a class="briefbook-pnum"[^>]*>[^<]*</a> ([^<]*)</p>'
    items = re.findall(numbered, page.read_text("utf-8"))
    assert [text for _, text in items] == ["đào tạo bác sĩ nội trú;", "chuyển giao kỹ thuật ghép tạng."]
    assert int(items[1][0]) == int(items[0][0]) + 1
