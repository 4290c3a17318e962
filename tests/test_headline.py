"""The title found by agreement of evidence (briefbook.read.headline), and the
reader's use of it: a URL is never a title, a page's menus above the title
are its top, a line that agrees with the address's slug is the title.

The lines here are written for these rules (they test one rule each); the
reader's figures on real pages are in bench/reader_eval.py."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.core.records import RawText
from briefbook.read.headline import TitleEvidence, find_title, title_from_text, url_slug_words
from briefbook.read.htmlpage import _author, clean_title
from briefbook.read.reader import R_PAGE_TOP, parse_article

PROSE = (
    "Chiều 30/11, tại Hà Nội, đại diện hai bộ đã ký biên bản ghi nhớ về hợp tác đào tạo nhân lực "
    "y tế giai đoạn tới, với sự tham dự của lãnh đạo nhiều bệnh viện tuyến trung ương."
)
TITLE = "Hai bộ ký biên bản ghi nhớ hợp tác đào tạo nhân lực y tế"
MENU = ["Trang chủ", "Thời sự", "Tin theo khu vực", "Thế giới", "Kinh doanh", "Sức khỏe", "Đăng nhập"]


def _parse(text: str, url_hint: str = "") -> tuple[str, str]:
    article = parse_article(RawText(PurePath("a.txt"), text, "utf-8"), url_hint=url_hint)
    return article.title, article.meta.url


def test_slug_words_of_news_addresses() -> None:
    assert url_slug_words("https://thanhnien.vn/bo-y-te-khuyen-cao-185251201.htm") == (
        "bo",
        "y",
        "te",
        "khuyen",
        "cao",
    )
    assert url_slug_words("https://vnexpress.net/hai-bo-ky-ket-4823456.html") == ("hai", "bo", "ky", "ket")
    assert url_slug_words("https://example.vn/") == ()


def test_a_url_on_the_first_line_is_not_the_title() -> None:
    url = "https://example.vn/hai-bo-ky-bien-ban-ghi-nho-hop-tac-dao-tao-nhan-luc-y-te-123456.html"
    assert _parse(f"{url}\n{TITLE}\n{PROSE}\n{PROSE}\n") == (TITLE, url)


def test_menus_above_the_title_are_the_pages_top() -> None:
    text = "\n".join([*MENU, "Thứ hai, 1/12/2025, 10:00 (GMT+7)", TITLE, PROSE, PROSE]) + "\n"
    article = parse_article(RawText(PurePath("a.txt"), text, "utf-8"))
    assert article.title == TITLE
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-01T10:00"
    assert {d.text for d in article.dropped} >= set(MENU)
    assert {d.text for d in article.dropped if d.reason == R_PAGE_TOP} >= {"Tin theo khu vực", "Đăng nhập"}


def test_a_subtitle_after_the_title_is_not_taken_for_it() -> None:
    subtitle = "Số ca mắc tăng gấp đôi so với cùng kỳ, nhiều tỉnh đã ghi nhận ca tử vong"
    texts = ["Cảnh báo sốt xuất huyết", subtitle, PROSE, PROSE]
    assert find_title(texts).index == 0


def test_the_line_that_agrees_with_the_slug_is_the_title() -> None:
    teaser = "Bệnh viện tuyến tỉnh tiếp nhận thêm thiết bị chạy thận nhân tạo"
    texts = [teaser, "Thời sự", TITLE, PROSE, PROSE]
    url = "https://example.vn/suc-khoe/hai-bo-ky-bien-ban-ghi-nho-hop-tac-dao-tao-nhan-luc-y-te-post99.html"
    guess = find_title(texts, url=url)
    assert (guess.index, guess.evidence) == (2, TitleEvidence.URL_SLUG)
    assert _parse("\n".join(texts) + "\n", url_hint=url)[0] == TITLE


def test_a_saved_pages_title_loses_the_sites_name_and_section() -> None:
    head = "Hợp tác y tế Việt Nam - Lào"
    assert clean_title(f"{head} - Thời sự - Báo Nhân Dân", "", "https://nhandan.vn/x", []) == head
    assert clean_title(f"{head} | Báo Nhân Dân", "", "https://nhandan.vn/x", []) == head
    assert clean_title(f"{TITLE} - Sức khỏe - Tuổi Trẻ Online", "Tuổi Trẻ Online", "", []) == TITLE
    assert clean_title(f"{TITLE} - VnExpress", "", "https://vnexpress.net/a", []) == TITLE
    assert clean_title(head, "", "https://nhandan.vn/x", []) == head  # its own dash stays
    assert clean_title(f"{TITLE} | VnExpress Sức khỏe", "", "", [TITLE]) == TITLE  # the page's h1


def test_a_saved_pages_author_is_a_person_not_the_outlet() -> None:
    assert _author("Vnexpress.net", "", "https://vnexpress.net/a") == ""
    assert _author("Báo Dân trí", "", "") == ""
    assert _author("Thanh Niên - Lê Cầm", "Thanh Niên", "https://thanhnien.vn/a") == "Lê Cầm"
    assert _author("Nguyễn Văn An", "", "https://thanhnien.vn/a") == "Nguyễn Văn An"


def test_a_headline_with_its_date_line_beats_a_teaser_nearer_the_text() -> None:
    """The whole iOne page of 2012 (reader corpus): title, date line, sapo,
    then three teasers' headlines, then the text; the last teaser is nearer
    the text, but only the title has its date line under it."""
    path = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
    path = path / "ione_page_kho-hanh-vi-bot-la.txt"
    raw = RawText(PurePath(path.name), path.read_text("utf-8"), "utf-8")
    article = parse_article(raw)
    assert article.title == "Những người khổ hạnh vì bớt lạ"
    assert article.meta.date is not None and article.meta.date.date.isoformat() == "2012-12-21"


def test_a_dated_teaser_that_does_not_speak_of_the_text_is_not_the_title() -> None:
    texts = [*MENU, "Giá vàng hôm nay tăng mạnh", "08:00 | 01/12/2025", TITLE, PROSE, PROSE]
    guess = find_title(texts, dated=lambda t: t.startswith("08:00"))
    assert texts[guess.index] == TITLE


HAIQUAN = "haiquan_dump_bat-21-banh-can-sa-lao-bao"


def test_a_dotted_word_ends_no_first_sentence_nor_a_headline() -> None:
    # Hải quan's article (reader_heldout, dzungcamlang/crawler_baomoi), its first paragraph read
    # as an untitled text's: "Tp. Đông Hà" is no sentence's end (the title was "... Đông Lễ, Tp.").
    from briefbook.read.clipping import _can_be_headline

    body = Path(__file__).resolve().parent / "fixtures" / "reader_heldout" / "gold" / f"{HAIQUAN}.body.txt"
    first = body.read_text(encoding="utf-8").split("\n")[0]
    assert first.startswith("Ngày 24-5, tại khu vực phường Đông Lễ, Tp. Đông Hà,")
    assert (
        title_from_text(first) == "Ngày 24-5, tại khu vực phường Đông Lễ, Tp. Đông Hà, Chi cục Hải quan cửa …"
    )
    # A real event's title (a stored listing) whose cut words stop before "TP. HCM"; a line
    # written for the rule's other side, a sentence ended after them.
    assert _can_be_headline(
        "Giải Cầu Lông Vô Địch TP. HCM Mở Rộng 2026 - Cup Victor", "Giải Cầu Lông Vô Địch"
    )
    assert not _can_be_headline("Giải Cầu Lông Vô Địch mở rộng. Ảnh minh họa", "Giải Cầu Lông Vô Địch")
    # A single capital after a word in lower case is no initial: its stop ends the sentence.
    assert not _can_be_headline(
        "Trẻ mắc viêm gan B có cần kiêng ăn Nhiều phụ huynh lo mắc viêm gan B.", "Trẻ mắc"
    )
