"""Copies of one story (syndicated text, reposts) are one chapter.

Real copies: ``tests/fixtures/syndicated/`` (one story as two outlets ran
it, from a baomoi.com crawl); related but different stories: the reader
corpus's interviews of the same minister on the same day and its two vaccine
stories of one press briefing.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from briefbook.analyse.audit import duplicates
from briefbook.analyse.syndication import group_copies
from briefbook.book import convert
from briefbook.build import build
from briefbook.folder import read_articles

SYNDICATED = Path(__file__).resolve().parent / "fixtures" / "syndicated"
CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
VOV = SYNDICATED / "giam-tai-benh-vien__vov.txt"
DAT_VIET = SYNDICATED / "giam-tai-benh-vien__datviet.txt"
GDXH = SYNDICATED / "tre-hay-om__giadinhxahoi.txt"
# The same minister's answers to the same press, written up by other papers.
SGGP = CORPUS / "sggp_dump_bo-truong-giam-tai-benh-vien.txt"
NLD = CORPUS / "nld_dump_thieu-giuong-benh-hoi-nha-nuoc.txt"
# Two stories of one press briefing on the same vaccine affair.
VACCINE = [
    CORPUS / "infonet_dump_y-ta-an-bot-vac-xin.txt",
    CORPUS / "laodong_dump_an-bot-vaccine-ky-luat.txt",
]


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def test_real_syndicated_copies_are_grouped_and_related_stories_are_not() -> None:
    paths = sorted(SYNDICATED.glob("*.txt"))
    articles, errors = read_articles(paths, SYNDICATED)
    assert not errors
    others, _ = read_articles([SGGP, NLD, *VACCINE], CORPUS)
    groups = group_copies([*articles, *others])
    found = sorted(
        sorted(a.path.name.split("__")[0] for a in (g.main, *(c.article for c in g.copies))) for g in groups
    )
    stories = sorted({p.name.split("__")[0] for p in paths})
    assert found == [[story, story] for story in stories]  # each pair once, nothing else
    assert duplicates(others) == []


def test_the_paragraph_only_a_copy_has_is_kept() -> None:
    articles, _ = read_articles([DAT_VIET, VOV], SYNDICATED)
    (group,) = group_copies(articles)
    assert group.main.path.name == VOV.name  # the fuller text (it has its own sapo)
    (copy,) = group.copies
    # "... Xin cảm ơn Bộ trưởng!/.Theo VOV Online": Đất Việt's source, not a paragraph.
    assert (copy.only_here, copy.article.meta.source) == ((), "VOV Online")
    articles, _ = read_articles([SYNDICATED / "tre-hay-om__skds.txt", GDXH], SYNDICATED)
    (group,) = group_copies(articles)
    (copy,) = group.copies
    assert copy.article.path.name == GDXH.name
    assert [text[:40] for text in copy.only_here] == ["Bạn có thể tìm mua Cốm BabySmile tại các"]


@pytest.fixture(scope="module")
def grouped_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("syndicated")
    docs = tmp / "docs"
    convert(_folder(tmp, VOV, DAT_VIET, SGGP), docs)
    assert build(docs, pdf=False).ok
    return docs


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")))


def test_two_copies_make_one_chapter_citing_both(grouped_book: Path) -> None:
    chapters = sorted(p.stem for p in (grouped_book / "chapters").glob("*.md"))
    # Two copies and a related interview: two chapters.
    assert chapters == [
        "bo-truong-bo-y-te-nguyen-thi-kim-tien-giam-tai-benh-vien-phai-lam-tung-buoc",
        "bo-truong-y-te-noi-ve-giai-phap-giam-tai-benh-vien",
    ]
    bib = (grouped_book / "references.bib").read_text("utf-8")
    assert "@misc{bo-truong-y-te-noi-ve-giai-phap-giam-tai-benh-vien," in bib
    assert "@misc{bo-truong-tien-bo-y-te-khong-the-xay-nha-duoc," in bib
    page = (
        grouped_book
        / "_build"
        / "html"
        / "chapters"
        / "bo-truong-y-te-noi-ve-giai-phap-giam-tai-benh-vien.html"
    )
    text = " ".join(_text(page).split())
    assert "Cũng đăng trên" in text
    assert "«Bộ trưởng Tiến: Bộ Y tế không thể xây nhà được»" in text
    assert "06:37 28/05/2013" in text
    # Đất Việt's copy has nothing of its own: its closing "Theo VOV Online" is its source.
    assert "Chỉ có trong bản" not in text
    # Both copies are cited from the chapter and listed on the references page.
    refs = " ".join(_text(grouped_book / "_build" / "html" / "references.html").split())
    assert "Bộ Y tế không thể xây nhà được" in refs and "nói về giải pháp giảm tải bệnh viện" in refs
    assert page.read_text("utf-8").count('href="../references.html#') >= 2
    other = grouped_book / "_build" / "html" / "chapters" / f"{chapters[0]}.html"
    assert "Cũng đăng trên" not in _text(other)


def test_a_sidecar_keeps_a_copy_apart(tmp_path: Path) -> None:
    folder = _folder(tmp_path, VOV, DAT_VIET)
    (folder / "giam-tai-benh-vien__datviet.yaml").write_text("group: false\n", "utf-8")
    conversion = convert(folder, tmp_path / "docs")
    assert len(conversion.articles) == 2
    assert not any("Cũng đăng trên" in text for text in conversion.files.values())
    (folder / "giam-tai-benh-vien__datviet.yaml").write_text("group: true\n", "utf-8")
    assert len(convert(folder, tmp_path / "docs").articles) == 1


def test_a_bad_group_value_is_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path, VOV, DAT_VIET)
    (folder / "giam-tai-benh-vien__datviet.yaml").write_text("group: maybe\n", "utf-8")
    conversion = convert(folder, tmp_path / "docs")
    assert len(conversion.articles) == 1
    assert any("override group" in p.message for p in conversion.warnings)


def test_the_reader_corpus_groups_by_page_exactly() -> None:
    # Each page saved in several forms is one story; the pages differ (the
    # floor of bench/syndication_eval.py: precision and recall 1.0).
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".md"))
    articles, _ = read_articles(paths, CORPUS)
    groups = group_copies(articles)

    def page(name: str) -> str:
        return re.sub(
            r"^[a-z0-9]+_(?:article|html|markdown_page|markdown|page|url_text|dump)_", "", name.rsplit(".")[0]
        )

    for group in groups:
        members = [group.main, *(c.article for c in group.copies)]
        assert len({page(a.path.name) for a in members}) == 1, [a.path.name for a in members]
    pages = {page(a.path.name) for a in articles}
    forms = {p: sum(1 for a in articles if page(a.path.name) == p) for p in pages}
    grouped = {page(g.main.path.name): 1 + len(g.copies) for g in groups}
    assert grouped == {p: n for p, n in forms.items() if n > 1}
