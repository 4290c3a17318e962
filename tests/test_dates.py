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


def test_english_softwares_published_on_writes_the_month_first() -> None:
    import datetime as dt

    from briefbook.read.metadata import find_date

    # vBulletin's English template on a Vietnamese forum (teen9x, reader corpus):
    # the article of 8 March (Women's Day) shows "Published on 03-08-2011".
    found = find_date("Published on 03-08-2011 01:00 AM      Số lần xem: 169")
    assert found is not None and found[0].date == dt.date(2011, 3, 8)
    # Vietnamese order everywhere else, and a month-first reading that cannot be.
    assert (found := find_date("Cập nhật 03-08-2011")) is not None and found[0].date == dt.date(2011, 8, 3)
    assert (found := find_date("Published on 25-08-2011")) is not None and found[0].date == dt.date(
        2011, 8, 25
    )


def test_the_date_on_the_pages_information_line_under_the_title_is_the_articles() -> None:
    """Under the title of the teen9x page: "by" / "Admin" / a rating widget /
    "Published on 03-08-2011 01:00 AM   Số lần xem: 169" (the view count makes
    the line the page's) / "0 Comments"."""
    corpus = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
    for name in ("teen9x_page_banh-tinh-yeu.txt", "teen9x_article_banh-tinh-yeu.txt"):
        _, article = read_article(corpus / name, PurePath(name))
        assert article.meta.date is not None and str(article.meta.date.date) == "2011-03-08", name
        assert all("Published on" not in p.text for p in article.paragraphs)


def test_a_crawlers_year_first_date_with_slashes() -> None:
    from briefbook.read.metadata import find_date

    found = find_date("2022/06/17")  # vnpca.org.vn's records (tests/fixtures/records)
    assert found is not None and found[0].date.isoformat() == "2022-06-17"
    assert find_date("https://vnpca.org.vn/2022/06/17/tin") is None  # an address's path
    assert find_date("Quyết định 1234/2022/QĐ-BYT") is None
