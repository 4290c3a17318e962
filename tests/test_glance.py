"""At a glance ("Điểm tin") and the summary box of each chapter: the records
from the real fixture articles, the page in the real HTML and PDF builds,
and in Chromium at desktop and phone widths."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser
from pypdf import PdfReader

from briefbook.analyse.glance import ELLIPSIS, GlanceEntry, GlanceGroup, cut_at_sentence
from briefbook.book import convert
from briefbook.build import build
from briefbook.core.settings import TUNING, BookSettings
from briefbook.write.glancepage import render_glance, summary_box

from .books import BuiltBook

READER_ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
#: Twenty real stories of the reader's corpus (one form of each), those with
#: the longest at-a-glance entries of its 38 (titles, ledes and names).
TWENTY = (
    "cand_dump_tre-so-sinh-900-gam.txt",
    "chinhphu_dump_da-nang-nhung-nhieu-nguoi-benh.txt",
    "daidoanket_dump_kiem-tra-an-toan-thuc-pham.txt",
    "infonet_dump_y-ta-an-bot-vac-xin.txt",
    "ktdt_dump_tre-uong-vitamin-a.txt",
    "laodong_dump_an-bot-vaccine-ky-luat.txt",
    "nhandan_dump_ty-le-bac-si-dieu-duong.txt",
    "sggp_dump_bo-truong-giam-tai-benh-vien.txt",
    "skds_dump_thieu-100000-dieu-duong.txt",
    "thanhnien_article_bong-hong-buon-ma-tuy.txt",
    "thanhnien_dump_bo-47-thu-tuc-hanh-chinh-y-te.txt",
    "tienphong_dump_chan-chinh-te-bao-goc.txt",
    "ttxvn_dump_che-do-an-kieu-nhat-tram-cam.txt",
    "ttxvn_dump_khong-nen-tiem-vacxin-dich-vu-tai-nha.txt",
    "vietnamnet_dump_nguoi-cam-keo-tan-cong-tai-xe.txt",
    "vietnamplus_dump_dam-chay-hung-yen.txt",
    "vnexpress_article_hoc-bong-dai-hoc-my.txt",
    "vov_dump_chay-vi-cong-dong-khong-ky-thi-hiv.txt",
    "vov_dump_cu-tri-thuoc-gia-hang-gia.txt",
    "zing_article_van-ta-mui-con-lon.txt",
)
TWENTY_TITLE = "Điểm báo y tế: hai mươi bài"

SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*$")


def _pdf_text(pdf: object) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", out.stdout.decode("utf-8")).split())


def _check_cut(text: str, limit: int) -> None:
    whole = " ".join(text.split())
    gist = cut_at_sentence(text, limit)
    if gist == whole:
        return
    if whole.startswith(gist) and SENTENCE_END.search(gist):
        # Whole sentences, followed by white space in the text.
        assert whole[len(gist) :][:1].isspace()
        assert len(gist) <= max(limit, TUNING.sentence_chars)
        return
    # One long sentence cut at a word, marked by "…".
    assert gist.endswith(ELLIPSIS), gist[-30:]
    head = gist[: -len(ELLIPSIS)]
    assert whole.startswith(head) and len(gist) <= limit + 1
    rest = whole[len(head) :]
    # Never mid-word: what was left out starts after white space or punctuation.
    assert rest[:1].isspace() or not rest[:1].isalnum(), (head[-20:], rest[:20])


def test_gists_of_the_real_articles_end_at_a_sentence_or_a_word(fixture_book: BuiltBook) -> None:
    texts = [a.lede for a in fixture_book.conversion.articles if a.lede]
    texts += [p.text for a in fixture_book.conversion.articles for p in a.paragraphs]
    assert len(texts) > 50
    for text in texts:
        for limit in (60, 120, 260):
            _check_cut(text, limit)


@given(st.lists(st.sampled_from(["Bộ", "Y", "tế", "TP.", "Hồ", "BHYT.", "ngày", "1/7.", "ông", "Đà", "x,"])))
def test_any_text_is_cut_at_a_sentence_or_a_word(words: list[str]) -> None:
    _check_cut(" ".join(words), 30)


def test_an_abbreviations_full_stop_ends_no_sentence() -> None:
    text = "Đoàn công tác đến TP. Hồ Chí Minh ngày 1/11 và làm việc với GS. TS Nguyễn V. An. Câu sau " + (
        "rất dài " * 40
    )
    assert (
        cut_at_sentence(text, 100)
        == "Đoàn công tác đến TP. Hồ Chí Minh ngày 1/11 và làm việc với GS. TS Nguyễn V. An."
    )
    # An acronym's full stop does end its sentence.
    text = "Hệ thống đã kết nối với 99,5% cơ sở khám chữa bệnh BHYT. Hiện tại, " + "cổng tiếp nhận " * 30
    assert cut_at_sentence(text, 100) == "Hệ thống đã kết nối với 99,5% cơ sở khám chữa bệnh BHYT."


def test_key_names_are_the_most_named_people_and_organisations(fixture_book: BuiltBook) -> None:
    glance = (fixture_book.docs / "glance.md").read_text("utf-8")
    entry = next(b for b in glance.split("```{container}") if "Kon Tum" in b.split("\n")[1])
    assert "*Nhắc đến nhiều nhất:* Sở Y tế tỉnh Kon Tum, " in entry
    assert "Tối 3/7, đại diện Sở Y tế Kon Tum cho biết" in entry  # the lede, whole sentences


def test_article_text_in_the_page_and_the_box_stays_text() -> None:
    entry = GlanceEntry(
        slug="x",
        number=1,
        title="Tiêu đề {eval-rst} <script>x</script> [a](javascript:x)",
        publisher="Báo *đậm*",
        date=None,
        gist="`code` $x$ (nhan)= {term}`BV`",
        gist_is_lede=False,
        names=("Ông <b>A</b>",),
        sections=(("x--a", "Mục [1]"), ("x--b", "Mục {2}")),
    )
    page = render_glance([GlanceGroup("Tháng *1*", (entry,))], "Sổ tay")
    box = "\n".join(summary_box(entry))
    for text in (page, box):
        assert "<script>" not in text and "{eval-rst}" not in text and "`code`" not in text
    assert "\\<script\\>" in page and "\\`code\\`" in box and "Mục \\[1\\]" in box


def test_glance_page_in_html(seed_book: BuiltBook) -> None:
    html = seed_book.docs / "_build" / "html"
    page = (html / "glance.html").read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    entry = r'<div class="briefbook-glance-entry[^>]*>\s*<p><strong>(\d+)\.</strong> <a [^>]*href="([^"#]+)"'
    links = re.findall(entry, article)
    assert links == [
        ("1", "chapters/hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html"),
        ("2", "chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html"),
    ]
    assert "Báo Thanh niên · chưa rõ ngày đăng" in article
    assert "Đài Truyền hình TP. Hồ Chí Minh / Cổng Thông tin Chính phủ · 02/11/2025" in article
    assert "Nhắc đến nhiều nhất:</em> Sở Y tế TP.HCM, Tăng Chí Thượng" in article
    # After the front page in the book's order: the front page's "next" is this page.
    index = (html / "index.html").read_text("utf-8")
    assert re.search(r'<a class="right-next"\s+href="glance.html"', index)
    # Chapter numbers are unchanged by the page before chapter 1.
    chapter = (html / "chapters" / "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html").read_text(
        "utf-8"
    )
    assert "¶\u00a02.1" in chapter


def test_summary_box_lists_the_sections_in_html(seed_book: BuiltBook) -> None:
    path = (
        seed_book.docs
        / "_build"
        / "html"
        / "chapters"
        / "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html"
    )
    page = path.read_text("utf-8")
    box = page[page.index('class="briefbook-summary admonition') :]
    box = box[: box.index("</div>")]
    assert "Trường Đại học Y Hà Nội" in box and "Trong chương này" in box
    targets = re.findall(r'href="#([^"]+)"', box)
    assert len(targets) == 2
    for target in targets:
        assert f'id="{target}"' in page
    # Only the lede comes before it: the box is at the top of the chapter.
    assert page.index("briefbook-lede") < page.index("briefbook-summary") < page.index("briefbook-source")


def test_glance_and_summary_in_the_pdf(seed_book: BuiltBook) -> None:
    assert seed_book.result.pdf is not None
    text = _pdf_text(seed_book.result.pdf)
    contents = text[: text.index("Giới thiệu Sổ tay")]
    # An unnumbered chapter between the introduction and chapter 1.
    assert re.search(r"Giới thiệu \d+ Điểm tin \d+ Dòng thời gian \d+ 1 Hợp tác quốc tế", contents), contents
    glance = text[text.index("Điểm tin Sổ tay") : text.index("CHƯƠNG 1")]
    assert re.search(r"1\. Hợp tác quốc tế trong y tế là điều nên làm \(tr\. \d+\)", glance), glance[:300]
    assert "Nhắc đến nhiều nhất: Trường Đại học Y Hà Nội" in glance
    chapter2 = text[text.index("CHƯƠNG 2") :]
    assert "Tóm tắt Nhắc đến nhiều nhất:" in chapter2
    assert "Trong chương này: • Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước" in chapter2


def test_glance_page_in_chromium_at_desktop_and_phone_widths(browser: Browser, http_root: str) -> None:
    for width, height in ((1366, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{http_root}/glance.html")
        entries = page.locator(".briefbook-glance-entry")
        assert entries.count() == 2
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        box = entries.nth(1).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        entries.nth(1).locator("a").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html")
        assert page.locator(".briefbook-summary").count() == 1
        page.locator(".briefbook-summary a").nth(1).click()
        assert page.url.endswith("-khoi-mo-nhung-nhip-cau-hop-tac-moi")
        assert not errors, errors
        context.close()


@pytest.fixture(scope="module")
def twenty_glance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The glance PDF of a book of twenty real articles grouped by month (five parts)."""
    articles = tmp_path_factory.mktemp("twenty-articles")
    for name in TWENTY:
        shutil.copy(READER_ARTICLES / name, articles / name)
    docs = tmp_path_factory.mktemp("twenty-book") / "docs"
    convert(articles, docs, BookSettings(parts="month"), title=TWENTY_TITLE)
    result = build(docs, html=False)
    assert result.pdf is not None, [s.message for s in result.steps if not s.ok]
    return result.pdf.parent / "chapters" / "glance.pdf"


def test_twenty_articles_at_a_glance_fit_on_two_a4_pages(twenty_glance: Path) -> None:
    reader = PdfReader(twenty_glance)
    assert len(reader.pages) == 2  # three before the compact title and headings
    for page in reader.pages:  # A4: 595 x 842 pt
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = _pdf_text(twenty_glance)
    # Every chapter, in the five parts (months) of the book.
    numbers = [int(n) for n in re.findall(r"(?<!Phần)(?:^| )(\d+)\. \S", text)]
    assert [n for n in numbers if n <= 20] == list(range(1, 21))
    assert len(re.findall(r"Phần \d\. (?:Tháng \d+/\d{4}|Chưa rõ ngày đăng) \(\d+ chương\)", text)) == 5
    # The book's title, edition and date, on the page and in the file.
    assert reader.metadata is not None
    subject = reader.metadata.subject or ""
    edition = subject.rpartition("ấn bản ")[2]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d\.[0-9a-f]{8}", edition), subject
    year, month, day = edition[:10].split("-")
    assert text.startswith(f"Điểm tin {TWENTY_TITLE}: 20 chương"), text[:100]
    assert f"Bản dựng ngày {day}/{month}/{year}, ấn bản {edition}." in text
    assert reader.metadata.title == f"Điểm tin — {TWENTY_TITLE}"
