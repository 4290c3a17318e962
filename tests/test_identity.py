"""Stable identities: a chapter's slug, anchors and citation key depend only on
its article; the names the book reserves; chapter numbers between editions."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from briefbook.book import convert
from briefbook.build import build

from .books import FIXTURES, SEEDS

DIGEST = FIXTURES / "15_baomoi-the-thao-diem-tin-toi-tin-lien-quan.txt"


def _add(folder: Path, name: str, source: Path, **fields: str) -> None:
    """A real article under ``name``, with a sidecar of ``fields``; the same
    text under several names stays several chapters (``group: false``)."""
    shutil.copy(source, folder / name)
    sidecar = {**fields, "group": False}
    (folder / name).with_suffix(".yaml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), "utf-8")


def _identities(docs: Path) -> dict[str, tuple[str, str]]:
    """Source file to (chapter slug, citation key in references.bib)."""
    bib = (docs / "references.bib").read_text("utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", bib, flags=re.M)
    found = {}
    for chapter in sorted((docs / "chapters").glob("*.md")):
        source = re.search(r"^source_file: (.+)$", chapter.read_text("utf-8"), flags=re.M)
        assert source
        assert chapter.stem in keys
        found[source[1]] = (chapter.stem, chapter.stem)
    return found


def _anchors(chapter: str) -> list[str]:
    """The chapter's targets and paragraph anchors, in order."""
    return re.findall(r"^\(([^)]+)\)=$|\{#([^}]+)\}|id=\"([^\"]+)\"", chapter, flags=re.M)


def test_repeated_headlines_keep_their_identity_when_others_come_and_go(tmp_path: Path) -> None:
    """Three issues of one digest: each is named by its own date; a new issue
    sorting first, or one removed, changes no other's slug, anchors or key
    (they were -2, -3 in file order)."""
    folder, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    _add(folder, "20_diem-tin.txt", DIGEST, date="2025-12-01")
    _add(folder, "21_diem-tin.txt", DIGEST, date="2025-12-02")
    convert(folder, docs)
    first = _identities(docs)
    slugs = {first["20_diem-tin.txt"][0], first["21_diem-tin.txt"][0]}
    assert len(slugs) == 2 and all(s.endswith(("-2025-12-01", "-2025-12-02")) for s in slugs), slugs
    chapter = (docs / "chapters" / f"{first['21_diem-tin.txt'][0]}.md").read_text("utf-8")

    _add(folder, "05_diem-tin.txt", DIGEST, date="2025-11-30")
    convert(folder, docs)
    second = _identities(docs)
    assert {name: second[name] for name in first} == first
    # Its anchors are the same (its "see also" list may gain the new issue).
    after = (docs / "chapters" / f"{first['21_diem-tin.txt'][0]}.md").read_text("utf-8")
    assert _anchors(after) == _anchors(chapter)

    (folder / "20_diem-tin.txt").unlink()
    (folder / "20_diem-tin.yaml").unlink()
    convert(folder, docs)
    third = _identities(docs)
    assert third["21_diem-tin.txt"] == first["21_diem-tin.txt"]
    assert third["05_diem-tin.txt"] == second["05_diem-tin.txt"]
    # Two issues of the same day are told apart by their file names.
    _add(folder, "22_diem-tin-chieu.txt", DIGEST, date="2025-12-02")
    convert(folder, docs)
    fourth = _identities(docs)
    assert fourth["05_diem-tin.txt"] == second["05_diem-tin.txt"]
    assert fourth["21_diem-tin.txt"][0].endswith("-21-diem-tin")
    assert fourth["22_diem-tin-chieu.txt"][0].endswith("-22-diem-tin-chieu")


RESERVED_TITLES = (
    "Index",
    "Glossary",
    "genindex",
    "search",
    "Bảng chữ viết tắt",
    "Nhân vật và tổ chức",
    "Tài liệu tham khảo",
    "Entities",
    "References",
    "Phần 1. Tháng 1/2025",  # a part's label on the front page
)


def test_titles_the_book_reserves_do_not_fail_the_build(tmp_path: Path) -> None:
    folder, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    sources = sorted(FIXTURES.glob("*.txt"))
    for n, title in enumerate(RESERVED_TITLES):
        _add(folder, f"{30 + n}_bai.txt", sources[n % len(sources)], title=title)
    conversion = convert(folder, docs)
    assert not conversion.errors
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps if not s.ok]
    html = docs / "_build" / "html"
    for page in ("index", "glossary", "entities", "references", "genindex", "search"):
        assert (html / f"{page}.html").is_file()
    assert (html / "chapters" / "index-bai-viet.html").is_file()
    assert (html / "chapters" / "phan-1-thang-1-2025-bai-viet.html").is_file()
    assert "Bảng chữ viết tắt" in (html / "chapters" / "bang-chu-viet-tat-bai-viet.html").read_text("utf-8")


def test_the_front_page_says_which_chapter_numbers_changed(tmp_path: Path) -> None:
    folder, docs = tmp_path / "articles", tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    convert(folder, docs)
    assert build(docs, pdf=False).ok
    index = docs / "_build" / "html" / "index.html"
    assert "Số chương đã thay đổi" not in index.read_text("utf-8"), "a first edition changed nothing"
    first_edition = re.search(r'class="briefbook-edition">([^<]+)<', index.read_text("utf-8"))
    assert first_edition
    # A new article sorting first, and the seeds' second removed.
    shutil.copy(FIXTURES / "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt", folder / "0000_moi.txt")
    (folder / "001_99e64521392f7738.txt").unlink()
    convert(folder, docs)
    assert build(docs).ok  # the PDF's front page too
    page = index.read_text("utf-8")
    assert "Số chương đã thay đổi" in page
    assert f"So với ấn bản {first_edition[1]}" in page
    assert "Chương 1 “Hợp tác quốc tế trong y tế là điều nên làm” nay là chương 2." in page
    assert "Chương 2 “Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp” không còn" in page
    from pypdf import PdfReader

    pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Số chương đã thay đổi" in " ".join(text.split())
    # The same content built again: the same edition, the same notice.
    assert build(docs, pdf=False).ok
    assert index.read_text("utf-8") == page
