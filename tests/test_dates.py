"""No guessed dates: a date comes from a page's metadata, the text's own date
line or the editor, never from a year inside the text."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.book import read_article

HTML = Path(__file__).resolve().parent / "fixtures" / "html"
UNDATED = Path(__file__).resolve().parent / "fixtures" / "undated"


def test_a_year_in_the_text_of_a_page_is_not_its_date() -> None:
    # A real article (covid19.gov.vn, 21/02/2022) in a page without metadata;
    # its text says "mùa lễ hội năm 2022", which htmldate's extensive search
    # took for the date of publication, 2022-01-01.
    page = UNDATED / "covid19-tiem-vaccine-tre-5-11-tuoi-khong-ngay.html"
    _, article = read_article(page, PurePath(page.name))
    assert article.title.startswith("Bộ Y tế: Các địa phương chuẩn bị sẵn nguồn lực")
    assert article.meta.date is None
    assert "no date found" in [p.message for p in article.problems]


def test_a_pages_own_date_is_still_read() -> None:
    page = HTML / "htv-mo-them-nhung-nhip-cau.html"
    _, article = read_article(page, PurePath(page.name))
    assert article.meta.date is not None and article.meta.date.date.isoformat() == "2025-11-02"
