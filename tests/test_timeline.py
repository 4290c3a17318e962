"""The timeline ("Dòng thời gian"): dates found in real article text, placed
against the article's date, and linked to their paragraphs in the real HTML
and PDF builds and in Chromium."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import unicodedata

from playwright.sync_api import Browser

from briefbook.analyse.timeline import find_dates, resolve

from .books import BuiltBook

# Sentences of the real fixture articles (tests/fixtures/articles, tests/fixtures/reader).
NCOV = "Sáng 8/2, tại Hà Nội, Bộ Y tế tổ chức Hội nghị trưc tuyến toàn quốc hướng dẫn điều trị"
BHYT = "Từ ngày 25/6/2016, BHXH Việt Nam đã chính thức tiếp nhận hồ sơ đề nghị thanh toán BHYT"
TET = "Tết Dương lịch được nghỉ 4 ngày liên tục từ 29/12/2012 đến hết ngày 1/1/2013"
SWAP = "được hoán đổi ngày làm việc thứ 2 (31/12/2012) sang ngày thứ 7 (5/1/2013)."
MONTH = "Tháng 9/1965, khi đánh chặn cuộc oanh tạc của máy bay Mỹ ở vùng sân bay Kép"


def _stated(text: str) -> list[tuple[int | None, int, int | None]]:
    return [(f.day, f.month, f.year) for f in find_dates(text)]


def test_dates_the_text_states() -> None:
    assert _stated(NCOV) == [(8, 2, None)]
    assert _stated(BHYT) == [(25, 6, 2016)]
    assert _stated(TET) == [(29, 12, 2012), (1, 1, 2013)]
    assert _stated(SWAP) == [(31, 12, 2012), (5, 1, 2013)]
    assert _stated(MONTH) == [(None, 9, 1965)]
    # Fractions, scores and the like are not dates.
    assert _stated("khoảng 1/2 số ca, tỷ số 3/1, phục vụ 24/7 và 50/50") == []


def test_a_date_without_its_year_is_placed_nearest_the_articles_date() -> None:
    (found,) = find_dates(NCOV)
    assert resolve(found, dt.date(2020, 2, 9)) == dt.date(2020, 2, 8)
    (december,) = find_dates("Sáng 28/12, đoàn công tác đến Hà Nội")
    assert resolve(december, dt.date(2026, 1, 2)) == dt.date(2025, 12, 28)
    (july,) = find_dates("Từ ngày 1/7, TP. Thủ Đức sẽ chính thức vận hành mô hình tổ chức mới")
    assert resolve(july, dt.date(2025, 6, 28)) == dt.date(2025, 7, 1)
    assert resolve(found, None) is None  # an undated article's "8/2" has no year
    (impossible,) = find_dates("ngày 31/2/2020")
    assert resolve(impossible, None) is None


def _paragraph_text(page: str, anchor: str) -> str:
    start = page.index(f'<p id="{anchor}"')
    text = re.sub(r"<[^>]+>", "", page[start : page.index("</p>", start)])
    return unicodedata.normalize("NFC", html.unescape(text))


def test_each_event_links_the_paragraph_that_states_it(fixture_book: BuiltBook) -> None:
    out = fixture_book.docs / "_build" / "html"
    timeline = (out / "timeline.html").read_text("utf-8")
    article = timeline[timeline.index("<article") : timeline.index("</article>")]
    links = re.findall(
        r'<a class="briefbook-para-link reference internal" href="([^"#]+)#([^"]+)">¶ ([\d.]+)', article
    )
    assert len(links) >= 8
    events = article[article.index("briefbook-timeline-events") : article.index("Các bài theo ngày đăng")]
    items = re.findall(r"<li><p><strong>(\d\d/\d\d/\d{4})</strong>(.*?)</li>", events, re.S)
    assert [dt.datetime.strptime(d, "%d/%m/%Y") for d, _ in items] == sorted(
        dt.datetime.strptime(d, "%d/%m/%Y") for d, _ in items
    )
    assert any(d == "05/08/2023" and "Ngày 5/8/2023, Hội đồng đạo đức" in html.unescape(t) for d, t in items)
    pages = {}
    for href, anchor, number in links:
        if href not in pages:
            pages[href] = (out / href).read_text("utf-8")
        paragraph = _paragraph_text(pages[href], anchor)
        # The paragraph carries that number and states a date.
        assert paragraph.startswith(f"¶\u00a0{number} "), (anchor, paragraph[:40])
        assert re.search(r"\d{1,2}\s*[/-]\s*\d{1,2}", paragraph), paragraph[:80]
    # Undated articles are listed apart, with the dates they state that have no year.
    undated = article[article.index("Bài chưa rõ ngày đăng") :]
    assert "Mốc nêu trong bài, chưa rõ năm: Sáng 8/2" in html.unescape(undated)
    assert "Tối 3/7" in undated


def test_timeline_in_the_pdf(fixture_book: BuiltBook) -> None:
    assert fixture_book.result.pdf is not None
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(fixture_book.result.pdf), "-"], capture_output=True
    )
    text = " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())
    part = text[text.index("Dòng thời gian Những mốc") : text.index("CHƯƠNG 1")]
    # Each event gives its paragraph and that paragraph's page.
    assert re.search(r"05/08/2023 — “Ngày 5/8/2023, .*?¶ \d+\.1 \(tr\. \d+\)", part), part[:600]
    assert "Các bài theo ngày đăng" in part and "Bài chưa rõ ngày đăng" in part


def test_follow_an_event_to_its_paragraph_in_chromium(browser: Browser, fixture_book: BuiltBook) -> None:
    from .books import serve

    with serve(fixture_book.docs / "_build" / "html") as root:
        for width in (1366, 390):
            context = browser.new_context(viewport={"width": width, "height": 860})
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{root}/timeline.html")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            link = page.locator("a.briefbook-para-link").first
            anchor = (link.get_attribute("href") or "").split("#", 1)[1]
            link.click()
            page.wait_for_load_state()
            target = page.locator(f"[id='{anchor}']")
            assert target.evaluate("p => p.matches(':target')")
            assert target.is_visible()
            assert not errors, errors
            context.close()
