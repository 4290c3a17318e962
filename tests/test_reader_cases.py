"""Hand-made articles for the reader's harder cases (from a review of the first version)."""

from __future__ import annotations

from pathlib import PurePath

from briefbook.audit import unaccounted
from briefbook.decoding import decode_article
from briefbook.reader import parse_article
from briefbook.records import Article

P = PurePath("bai.txt")
LONG = "Đây là một đoạn văn đủ dài của bài báo, kể lại diễn biến của hội nghị về hợp tác y tế quốc tế."


def _parse(text: str) -> Article:
    raw = decode_article(text.encode(), P)
    article = parse_article(raw)
    assert unaccounted(raw, article) == []
    return article


def _body(article: Article) -> list[str]:
    return [article.lede, *(p.text for p in article.paragraphs)]


def test_share_button_under_the_title_is_one_line_of_debris() -> None:
    article = _parse(f"Tiêu đề bài báo\nChia sẻ\n{LONG}\nĐoạn thứ hai. {LONG}\n")
    assert article.title == "Tiêu đề bài báo"
    assert len(_body(article)) == 2


def test_see_more_line_mid_article_does_not_swallow_the_rest() -> None:
    article = _parse(f"Tiêu đề\n{LONG}\nXem thêm:\nĐoạn sau. {LONG}\nĐoạn cuối. {LONG}\nThanh Hà\n")
    assert _body(article)[-1].startswith("Đoạn cuối.")
    assert article.meta.author == "Thanh Hà"


def test_related_box_in_mid_article_gives_the_text_back() -> None:
    text = (
        f"Tiêu đề\n{LONG}\nTin liên quan\nBộ Y tế họp về dịch sốt xuất huyết?\n"
        f"Bệnh viện Chợ Rẫy ghép tạng thành công!\nĐoạn sau hộp tin. {LONG}\nThanh Hà\n"
    )
    article = _parse(text)
    assert [r.title for r in article.related] == [
        "Bộ Y tế họp về dịch sốt xuất huyết?",
        "Bệnh viện Chợ Rẫy ghép tạng thành công!",
    ]
    assert _body(article)[-1].startswith("Đoạn sau hộp tin.")
    assert article.meta.author == "Thanh Hà"


def test_a_title_with_a_date_stays_the_title() -> None:
    article = _parse(f"Bản tin COVID-19 ngày 12/8/2021\n{LONG}\nĐoạn hai. {LONG}\n")
    assert article.title == "Bản tin COVID-19 ngày 12/8/2021"
    assert article.meta.category == ""


def test_theo_doi_is_not_a_source() -> None:
    article = _parse(f"Tiêu đề\n{LONG}\nĐoạn hai. {LONG}\nTheo dõi diễn biến mới nhất\n")
    assert article.meta.source == ""


def test_agency_byline() -> None:
    article = _parse(f"Tiêu đề\n{LONG}\nĐoạn hai. {LONG}\nThu Hằng (TTXVN)\n")
    assert (article.meta.author, article.meta.outlet) == ("Thu Hằng", "TTXVN")


def test_short_lines_said_twice_are_kept() -> None:
    article = _parse(f"Tiêu đề\n{LONG}\nCó.\nĐoạn hai. {LONG}\nCó.\n")
    assert _body(article).count("Có.") == 2


def test_keywords_line_after_the_byline() -> None:
    article = _parse(f"Tiêu đề\n\n{LONG}\n\nĐoạn hai. {LONG}\n\nThanh Hà\n\nTừ khóa: y tế, hợp tác\n")
    assert article.meta.author == "Thanh Hà"
    assert all(s.heading is None for s in article.sections)


def test_other_outlets_forms() -> None:
    text = (
        "Bộ Y tế ra quân kiểm tra an toàn thực phẩm\n"
        "Thứ hai, 3/11/2025, 08:00 (GMT+7)\n"
        f"(Dân trí) - Bộ Y tế vừa ra quân kiểm tra an toàn thực phẩm tại nhiều tỉnh. {LONG}\n"
        "Đoàn kiểm tra làm việc tại một cơ sở sản xuất. Ảnh: Ngọc Thắng\n"
        f"Đoạn hai. {LONG}\n"
        "Lê Nga\n"
    )
    article = _parse(text)
    assert article.meta.date is not None and article.meta.date.iso() == "2025-11-03T08:00"
    assert article.meta.category == ""
    assert article.meta.outlet == "Dân trí"
    assert article.lede.startswith("(Dân trí) - Bộ Y tế")  # the dateline stays in the text
    assert all("Ảnh: Ngọc Thắng" not in t for t in _body(article))
    assert article.meta.author == "Lê Nga"


def test_page_furniture_around_the_title() -> None:
    text = (
        "Trang chủ > Sức khỏe > Y tế\n"
        "Bệnh viện tuyến tỉnh nhận chuyển giao kỹ thuật mới\n"
        "Cập nhật: 10:20, 03/11/2025\n"
        "1.234 lượt xem\n"
        f"{LONG}\n"
        f"Đoạn hai. {LONG}\n"
        "Minh Anh\n"
        "Theo dõi chúng tôi trên Google News\n"
        "© 2025 Báo Sức khỏe. Bản quyền thuộc về tòa soạn.\n"
    )
    article = _parse(text)
    assert article.title == "Bệnh viện tuyến tỉnh nhận chuyển giao kỹ thuật mới"
    assert article.meta.date is not None and article.meta.date.iso() == "2025-11-03T10:20"
    assert article.meta.author == "Minh Anh"
    assert len(_body(article)) == 2


def test_whole_article_on_one_line() -> None:
    one = (
        f"Sở Y tế mở rộng hợp tác quốc tế  Sở Y tế vừa ký kết thỏa thuận mới. {LONG} {LONG}  Đoạn hai. {LONG}"
    )
    article = _parse(one + "\n")
    assert article.title == "Sở Y tế mở rộng hợp tác quốc tế"
    assert " ".join(_body(article)).strip().startswith("Sở Y tế vừa ký kết")
    no_gap = f"Bệnh viện tỉnh được công nhận đạt chuẩn quốc tế. {LONG} {LONG} {LONG} {LONG}"
    article = _parse(no_gap + "\n")
    assert article.title == "Bệnh viện tỉnh được công nhận đạt chuẩn quốc tế."
    assert " ".join(_body(article)).strip().startswith("Đây là một đoạn văn")
