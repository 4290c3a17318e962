"""Parts: chapters grouped by month or topic, in the sidebar, the front page and the PDF."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.parts import group_parts
from briefbook.book import convert
from briefbook.build import build
from briefbook.core.records import RawText
from briefbook.core.settings import TUNING, BookSettings
from briefbook.read.reader import parse_article

ARTICLES = {
    # name: (date, category, title)
    "01.txt": ("2025-11-02", "Y tế", "Bộ Y tế họp bàn hợp tác với Pháp"),
    "02.txt": ("2025-10-15", "Xã hội", "Sở Y tế TP.HCM ký kết hợp tác quốc tế"),
    "03.txt": ("", "Y tế", "Bệnh viện Chợ Rẫy tiếp nhận chuyên gia"),
    "04.txt": ("2025-11-20", "", "Trường Đại học Y Hà Nội đón đoàn Pháp"),
}


def _text(date: str, category: str, title: str) -> str:
    front = "".join(f"{k}: {v}\n" for k, v in (("date", date), ("category", category)) if v)
    body = f"{title}\n\nBài viết về {title.lower()}, với nhiều chi tiết đáng chú ý cho người đọc.\n"
    return f"---\n{front}---\n{body}" if front else body


def _articles() -> list:  # type: ignore[type-arg]
    from briefbook.read.overrides import apply_overrides, parse_overrides, split_front_matter

    out = []
    for name, spec in ARTICLES.items():
        front, text = split_front_matter(_text(*spec))
        article = parse_article(RawText(PurePath(name), text, "utf-8"))
        if front:
            article = apply_overrides(article, parse_overrides(front, PurePath(name))[0], PurePath(name))
        out.append(article)
    return out


def test_group_by_month_oldest_first_undated_last() -> None:
    parts = group_parts(_articles(), "month")
    assert [p.title for p in parts] == ["Tháng 10/2025", "Tháng 11/2025", "Chưa rõ ngày đăng"]
    assert [len(p.slugs) for p in parts] == [1, 2, 1]
    assert parts[1].slugs[0].startswith("bo-y-te")  # file order within a part
    assert len({p.label for p in parts}) == 3


def test_group_by_topic_in_vietnamese_order_none_last() -> None:
    parts = group_parts(_articles(), "topic")
    assert [p.title for p in parts] == ["Xã hội", "Y tế", "Chủ đề khác"]


def test_auto_groups_only_large_books_and_bad_modes_are_refused() -> None:
    articles = _articles()
    assert group_parts(articles, "auto") == []
    assert group_parts(articles, "none") == []
    many = articles * (TUNING.auto_min_chapters // len(articles) + 1)
    assert len(group_parts(many, "auto")) == 3
    with pytest.raises(ValueError, match="parts"):
        group_parts(articles, "year")


@pytest.fixture(scope="module")
def parts_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("parts-articles")
    for name, spec in ARTICLES.items():
        (source / name).write_text(_text(*spec), "utf-8")
    docs = tmp_path_factory.mktemp("parts-book") / "docs"
    convert(source, docs, BookSettings(parts="month"))
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps]
    return docs


def _nav(page: Path) -> str:
    html = page.read_text("utf-8")
    start = html.index("bd-sidenav")
    return html[html.rfind("<nav", 0, start) : html.index("</nav>", start)]


def test_sidebar_shows_the_current_part_and_links_the_others(parts_book: Path) -> None:
    html_dir = parts_book / "_build" / "html"
    page = html_dir / "chapters" / "bo-y-te-hop-ban-hop-tac-voi-phap.html"
    nav = _nav(page)
    for title in ("Tháng 10/2025", "Tháng 11/2025", "Chưa rõ ngày đăng"):
        assert title in nav
    # Its own part's chapters are listed; the others are one link each.
    assert "truong-dai-hoc-y-ha-noi-don-doan-phap.html" in nav
    assert "so-y-te-tp-hcm" not in nav and "benh-vien-cho-ray" not in nav
    index = (html_dir / "index.html").read_text("utf-8")
    # (Not counted: a part that grows leaves the other parts' pages as they were.)
    collapsed = re.findall(r'href="\.\./index\.html#([^"]+)">Các chương của phần<', nav)
    assert len(collapsed) == 2
    for anchor in collapsed:
        assert f'id="{anchor}"' in index


def test_chapter_numbers_run_on_across_parts_in_html_and_pdf(parts_book: Path) -> None:
    html_dir = parts_book / "_build" / "html"
    # Part order: October, November (two), undated.
    numbers = {}
    for page in (html_dir / "chapters").glob("*.html"):
        m = re.search(r"<h1>(?:<span[^>]*>)?(\d+)\.", page.read_text("utf-8"))
        assert m, page.name
        numbers[page.stem] = int(m.group(1))
    assert numbers["so-y-te-tp-hcm-ky-ket-hop-tac-quoc-te"] == 1
    assert numbers["bo-y-te-hop-ban-hop-tac-voi-phap"] == 2
    assert numbers["truong-dai-hoc-y-ha-noi-don-doan-phap"] == 3
    assert numbers["benh-vien-cho-ray-tiep-nhan-chuyen-gia"] == 4
    tex = next((parts_book / "_build" / "latex").glob("*.tex")).read_text("utf-8")
    assert tex.count(r"\part{") == 3
    (pdf,) = (parts_book / "_build" / "pdf").glob("*.pdf")
    out = subprocess.run(["pdftotext", "-l", "3", str(pdf), "-"], capture_output=True, check=True)
    toc = " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())
    # The parts (I, II, III) in the table of contents, each before its chapters.
    assert re.search(r"\bI \d+ Tháng 10/2025 1 Sở Y tế TP\.HCM", toc), toc[:600]
    assert re.search(r"\bII \d+ Tháng 11/2025 2 Bộ Y tế họp bàn", toc), toc[:600]
    assert re.search(r"\bIII \d+ Chưa rõ ngày đăng 4 Bệnh viện Chợ Rẫy", toc), toc[:600]
