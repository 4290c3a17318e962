"""Hand-made articles for the reader's harder cases (from a review of the first version)."""

from __future__ import annotations

from pathlib import PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.records import Article
from briefbook.read.decoding import decode_article
from briefbook.read.inline import credit_length
from briefbook.read.reader import parse_article

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
    assert (article.meta.author, article.meta.outlet) == ("Thu Hằng", "Thông tấn xã Việt Nam")


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
    assert article.meta.outlet == "Báo Dân trí"
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


# Layouts of other outlets (VnExpress, Tuổi Trẻ, Dân trí, VietnamPlus, Nhân
# Dân, Thanh Niên, the Ministry's portal, Việt Nam News), from a review that
# copied their pages' text as a user would.

TITLE = "Ngân hàng Thế giới hỗ trợ y tế cơ sở Việt Nam"
BODY = f"{LONG}\nĐoạn hai. {LONG}\n"


def test_section_labels_above_the_title_are_the_category() -> None:
    article = _parse(f"Sức khỏe\nTin tức\nThứ hai, 1/12/2025, 10:00 (GMT+7)\n{TITLE}\n{BODY}")
    assert (article.title, article.meta.category) == (TITLE, "Sức khỏe")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-01T10:00"
    moh = _parse(f"Tin tức - Sự kiện\n{TITLE}\n12/11/2025 16:20\n{BODY}")
    assert (moh.title, moh.meta.category) == (TITLE, "Tin tức - Sự kiện")


def test_a_short_title_followed_by_running_text_stays_the_title() -> None:
    article = _parse(f"Tin vắn y tế\n{BODY}")
    assert (article.title, article.meta.category) == ("Tin vắn y tế", "")


def test_date_lines_of_other_outlets() -> None:
    for line, iso in [
        ("01/12/2025 10:05 GMT+7", "2025-12-01T10:05"),
        ("Thứ Ba, 04/11/2025 15:30 (GMT+07:00)", "2025-11-04T15:30"),
        ("December 09, 2025 - 08:47", "2025-12-09T08:47"),
        ("Cập nhật: 01/12/2025 10:05 GMT+7", "2025-12-01T10:05"),
        ("Thứ Hai, ngày 01/12/2025 10:05", "2025-12-01T10:05"),
        ("2025-12-01 10:05", "2025-12-01T10:05"),
        ("Thứ 2, 01/12/2025 02:30 PM", "2025-12-01T14:30"),
    ]:
        for text in (f"{line}\n{TITLE}\n{BODY}", f"{TITLE}\n{line}\n{BODY}"):
            article = _parse(text)
            assert article.title == TITLE, line
            assert article.meta.date is not None and article.meta.date.iso() == iso, line
            assert article.lede == LONG, line


def test_author_and_date_under_the_title() -> None:
    article = _parse(f"{TITLE}\nLê Cầm\n05/12/2025 10:05 GMT+7\n{BODY}")
    assert (article.meta.author, article.lede) == ("Lê Cầm", LONG)
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-05T10:05"


def test_what_the_brackets_after_an_author_say() -> None:
    cases = {
        "Vân Sơn (thực hiện)": ("Vân Sơn", "", ""),
        "Khánh Linh (t/h)": ("Khánh Linh", "", ""),
        "Như Tâm (Theo Reuters, AFP)": ("Như Tâm", "", "Reuters, AFP"),
        "Như Tâm\n(Theo Reuters, AFP)": ("Như Tâm", "", "Reuters, AFP"),
        "Phạm Kiên (TTXVN/Vietnam+)": ("Phạm Kiên", "TTXVN/Vietnam+", ""),
        # Other outlets' signatures.
        "Theo Thu Hằng | Sức khỏe & Đời sống": ("Thu Hằng", "", "Sức khỏe & Đời sống"),
        "Phương Thảo/VOV.VN": ("Phương Thảo", "Báo điện tử VOV", ""),
        "By Le Nga": ("Le Nga", "", ""),
        "Thu Trang\nBản in": ("Thu Trang", "", ""),
    }
    for signature, expected in cases.items():
        meta = _parse(f"{TITLE}\n{BODY}{signature}\n").meta
        assert (meta.author, meta.outlet, meta.source) == expected, signature


def test_page_footers_after_the_author() -> None:
    for footer in [
        "Trở lại Sức khỏe",
        "Bạn thích bài viết này?",
        "Tags\nsốt rét\nhợp tác y tế",
        "Ý kiến (0)\nXem nhiều nhất\nNgười phụ nữ mất thị lực sau khi tự tiêm filler",
        "Cổng thông tin điện tử Bộ Y tế\nGửi email",
        "Copy link thành công",
    ]:
        article = _parse(f"{TITLE}\n{BODY}Lê Nga\n{footer}\n")
        assert article.meta.author == "Lê Nga", footer
        assert _body(article)[-1].startswith("Đoạn hai."), footer


def test_subheadings_that_read_like_captions_are_kept() -> None:
    headings = [
        "Bộ trưởng thăm và làm việc tại Bệnh viện Bạch Mai",
        "Các chuyên gia quốc tế đánh giá cao y tế cơ sở tại Việt Nam",
        "Đại biểu kiến nghị tăng đầu tư cho y tế dự phòng",
    ]
    text = f"{TITLE}\n\n{LONG}\n\n" + "".join(
        f"{h}\n\nĐoạn dưới mục {n}. {LONG}\n\n" for n, h in enumerate(headings)
    )
    article = _parse(text)
    assert [s.heading for s in article.sections if s.heading] == headings


def test_body_sentences_that_start_like_page_furniture_are_kept() -> None:
    kept = [
        "Tỷ lệ bao phủ bảo hiểm y tế năm 2024 đạt 94,2% dân số. (Nguồn: Bảo hiểm xã hội Việt Nam)",
        "Bản quyền sáng chế là rào cản lớn khiến các nước đang phát triển khó tiếp cận thuốc mới.",
        "Bản quyền của nhiều loại thuốc điều trị HIV đã hết hạn, mở ra cơ hội cho doanh nghiệp.",
        "Chủ đề: Sở hữu trí tuệ và quyền tiếp cận thuốc là nội dung chính của hội thảo năm nay.",
    ]
    article = _parse(f"{TITLE}\n{LONG}\n" + "".join(f"{k}\n" for k in kept) + f"Đoạn cuối. {LONG}\n")
    assert _body(article)[1:-1] == kept


def test_captions_with_their_credits_are_dropped() -> None:
    captions = [
        "Các chuyên gia làm việc với Bộ Y tế - Ảnh: BVCC",
        "Bệnh nhân khám tại trạm y tế xã. ẢNH: LÊ CẦM",
        "Các chuyên gia Ngân hàng Thế giới làm việc với Bộ Y tế\nẢNH: BVCC",
        "Đại diện WHO tại Việt Nam phát biểu tại hội thảo (Ảnh: Minh Nhật).",
    ]
    for caption in captions:
        article = _parse(f"{TITLE}\n{LONG}\n{caption}\nĐoạn hai. {LONG}\n")
        assert _body(article) == [LONG, f"Đoạn hai. {LONG}"], caption


def test_a_dateline_abbreviation_names_the_outlet() -> None:
    article = _parse(f"{TITLE}\nTTO - {LONG}\nĐoạn hai. {LONG}\n")
    assert article.meta.outlet == "Báo Tuổi Trẻ Online"
    assert article.lede == f"TTO - {LONG}"  # the text keeps its dateline


def test_bulleted_lines_are_list_items() -> None:
    article = _parse(
        f"{TITLE}\n{LONG}\nDự án tập trung vào các nội dung chính:\n- Trang bị 20 máy X-quang;\n"
        f"• Đào tạo 1.500 nhân viên y tế.\nĐoạn cuối. {LONG}\n"
    )
    assert [(p.text, p.item) for p in article.paragraphs] == [
        ("Dự án tập trung vào các nội dung chính:", False),
        ("Trang bị 20 máy X-quang;", True),
        ("Đào tạo 1.500 nhân viên y tế.", True),
        (f"Đoạn cuối. {LONG}", False),
    ]


WRAPPED = """Hà Nội hợp tác với Thành phố Seoul đào tạo bác sĩ cấp cứu
(HNM) - Ngày 20/10, Sở Y tế Hà Nội và Trung tâm Y tế Cấp cứu Seoul (Hàn
Quốc) ký kết chương trình hợp tác đào tạo bác sĩ, kỹ thuật viên cấp cứu
ngoại viện giai đoạn 2025-2027.

Theo Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà, mỗi năm Trung tâm Cấp cứu
115 Hà Nội tiếp nhận hơn 200.000 cuộc gọi, trong khi lực lượng cấp cứu
ngoại viện còn mỏng, thời gian tiếp cận hiện trường trung bình 15-20 phút.

Phía Seoul sẽ cử chuyên gia sang Hà Nội tập huấn, đồng thời tiếp nhận 30
nhân viên y tế của Hà Nội sang thực hành tại các trạm cấp cứu của thành
phố Seoul.

Hoàng Lâm
"""


def test_hard_wrapped_text_is_joined_into_its_paragraphs() -> None:
    """Text wrapped at a fixed width (pasted from an e-mail) is read by
    paragraph, not by line; every line is still accounted for."""
    article = _parse(WRAPPED)
    assert article.title == "Hà Nội hợp tác với Thành phố Seoul đào tạo bác sĩ cấp cứu"
    assert article.lede.startswith("(HNM) - Ngày 20/10") and article.lede.endswith("giai đoạn 2025-2027.")
    assert "Seoul (Hàn Quốc) ký kết" in article.lede
    assert [p.text[:20] for p in article.paragraphs] == ["Theo Giám đốc Sở Y t", "Phía Seoul sẽ cử chu"]
    assert article.paragraphs[1].text.endswith("các trạm cấp cứu của thành phố Seoul.")
    assert article.meta.author == "Hoàng Lâm"


def test_short_lines_that_are_not_wrapped_stay_apart() -> None:
    """A brief of short paragraphs and a list of headlines: no line ends
    where a wrap would have ended it."""
    text = (
        "Tiêu đề bản tin ngắn\n"
        "Sáng nay, Bộ Y tế đã họp với đoàn chuyên gia của Tổ chức Y tế Thế giới.\n"
        "Hai bên thống nhất kế hoạch hợp tác trong năm tới.\n"
        "Tin liên quan\n"
        "Bộ Y tế họp bàn về phòng chống dịch sốt xuất huyết\n"
        "Bệnh viện Chợ Rẫy ghép tạng thành công cho bệnh nhân nhỏ tuổi\n"
        "Hà Nội mở rộng mô hình bác sĩ gia đình tới các phường\n"
        "Thêm một bệnh viện đạt chuẩn quốc tế về chất lượng\n"
    )
    article = _parse(text)
    assert len(article.related) == 4
    assert _body(article) == [
        "Sáng nay, Bộ Y tế đã họp với đoàn chuyên gia của Tổ chức Y tế Thế giới.",
        "Hai bên thống nhất kế hoạch hợp tác trong năm tới.",
    ]


# From a review of the rules above: what they must not take.


def test_a_comment_count_is_one_line_not_a_comment_box() -> None:
    article = _parse(f"{TITLE}\n12/11/2025 16:20 GMT+7\nBình luận (5)\n{BODY}Lê Nga\n")
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]
    assert article.meta.author == "Lê Nga"


def test_short_titles_are_not_section_labels() -> None:
    article = _parse(f"Thông báo tuyển dụng\n07/08/2023 11:30\n{BODY}")
    assert (article.title, article.meta.category) == ("Thông báo tuyển dụng", "")
    article = _parse(f"Cảnh báo ngộ độc rượu\nLê Cầm\n12/11/2025 16:20\n{BODY}")
    assert (article.title, article.meta.author, article.lede) == ("Cảnh báo ngộ độc rượu", "Lê Cầm", LONG)
    subtitle = "Số ca mắc tăng gấp đôi, nhiều tỉnh phía Nam đã ghi nhận ca tử vong"
    article = _parse(f"Cảnh báo sốt xuất huyết\n{subtitle}\n{BODY}")
    assert article.title == "Cảnh báo sốt xuất huyết"


def test_footer_words_elsewhere_are_text() -> None:
    for title in [
        "Trở lại cuộc sống sau ghép thận",
        "Cổng thông tin điện tử Bộ Y tế ra mắt giao diện mới",
        "HÌNH ẢNH: Bệnh viện dã chiến số 1 đi vào hoạt động",
    ]:
        assert _parse(f"{title}\n{BODY}").title == title
    text = f"{TITLE}\n\n{LONG}\n\nTrở lại cuộc sống bình thường\n\nĐoạn dưới mục. {LONG}\n"
    assert [s.heading for s in _parse(text).sections if s.heading] == ["Trở lại cuộc sống bình thường"]


def test_a_credit_takes_only_its_own_sentence() -> None:
    line = "Các bác sĩ khám cho hơn 500 người dân. Đoàn còn tặng 200 suất quà cho hộ nghèo - Ảnh: BVCC"
    article = _parse(f"{TITLE}\n{LONG}\n{line}\nĐoạn cuối. {LONG}\n")
    assert any("Các bác sĩ khám cho hơn 500 người dân." in text for text in _body(article))
    line = "Hội thảo thu hút hơn 200 đại biểu. Đại diện WHO phát biểu tại hội thảo (Ảnh: Minh Nhật)."
    article = _parse(f"{TITLE}\n{LONG}\n{line}\nĐoạn cuối. {LONG}\n")
    assert any(text.startswith("Hội thảo thu hút hơn 200 đại biểu.") for text in _body(article))


def test_lines_under_the_title_that_are_not_authors() -> None:
    for line in ["THỜI SỰ", "Tin Tức - Sự Kiện", "Hà Nội"]:
        article = _parse(f"{TITLE}\n{line}\n12/11/2025 16:20\n{BODY}")
        assert article.meta.author == "", line


def test_a_bracketed_sentence_with_theo_stays_in_the_text() -> None:
    last = "(Theo WHO, đây là mức thấp nhất trong 10 năm)"
    article = _parse(f"{TITLE}\n{BODY}{last}\n")
    assert (article.meta.source, _body(article)[-1]) == ("", last)


def test_titles_with_an_english_or_iso_date_stay_titles() -> None:
    for title in ["Tổng công ty May 10, 2025", "Báo cáo 2025-11-12", "COVID-19 update December 09, 2025"]:
        assert _parse(f"{title}\n{BODY}").title == title


def test_the_title_a_prompt_points_to_goes_with_it() -> None:
    text = f"{TITLE}\n{BODY}Mời độc giả xem thêm video:\nPhát hiện bệnh lao nhờ trí tuệ nhân tạo\nThúy Nga\n"
    article = _parse(text)
    assert _body(article)[-1].startswith("Đoạn hai.")
    assert article.meta.author == "Thúy Nga"
    # Running text after such a line is the article going on.
    text = f"{TITLE}\n{LONG}\nMời bạn đọc xem thêm:\nĐoạn tiếp theo. {LONG}\n"
    assert _body(_parse(text))[-1] == f"Đoạn tiếp theo. {LONG}"


# More layouts (Người Lao Động, Lao Động, Sài Gòn Giải Phóng, Pháp Luật,
# VOV, VTV, Soha, Chợ Rẫy, WHO releases, English editions).


def test_more_header_layouts() -> None:
    article = _parse(f"{TITLE}\n08-11-2025 - 10:32 AM | Sức khỏe\n(NLĐO) - {LONG}\nĐoạn hai. {LONG}\n")
    assert (article.meta.category, article.meta.outlet) == ("Sức khỏe", "Báo Người Lao Động")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-11-08T10:32"
    article = _parse(f"{TITLE}\nThứ Năm, 06/11/2025 06:45 (GMT+7)\nĐoàn Hà\n{BODY}")
    assert (article.meta.author, article.lede) == ("Đoàn Hà", LONG)
    article = _parse(f"{TITLE}\nTHU HƯỚNG\nThứ Sáu, 07/11/2025 - 07:42\n{BODY}")
    assert (article.meta.author, article.lede) == ("THU HƯỚNG", LONG)
    article = _parse(f"Sức khỏe > Y tế\n{TITLE}\n04/11/2025 14:15\n{BODY}")
    assert (article.title, article.meta.category) == (TITLE, "Y tế")
    article = _parse(f"BỆNH VIỆN CHỢ RẪY\nTin hoạt động\n{TITLE}\n{BODY}")
    assert (article.title, article.meta.category) == (TITLE, "Tin hoạt động")
    article = _parse(f"{TITLE}\nTue, December 9, 2025, 11:05 GMT+7\n{BODY}")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-09T11:05"


def test_dates_at_the_end_and_in_a_release() -> None:
    article = _parse(f"{TITLE}\n{BODY}Lê Nga\nCập nhật lúc 14:20 ngày 02/12/2025\n")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-02T14:20"
    article = _parse(f"{TITLE}\nHà Nội, ngày 9 tháng 12 năm 2025 – {LONG}\nĐoạn hai. {LONG}\n")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-09"


def test_more_page_furniture() -> None:
    for debris in [
        "Đọc tiếp",
        "Nghe nhanh",
        "Video đang được xử lý...",
        "Like us on Facebook to keep updated",
    ]:
        article = _parse(f"{TITLE}\n{LONG}\n{debris}\nĐoạn hai. {LONG}\n")
        assert _body(article) == [LONG, f"Đoạn hai. {LONG}"], debris
    poll = "Thăm dò ý kiến\nBạn có ủng hộ đề xuất này?\nCó\nKhông\nBiểu quyết\nXem kết quả"
    article = _parse(f"{TITLE}\n{LONG}\n{poll}\nĐoạn hai. {LONG}\n")
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]
    article = _parse(
        f"{TITLE}\n{LONG}\nXem thêm\nBộ Y tế cảnh báo nguy cơ bùng phát dịch sởi\nĐoạn hai. {LONG}\n"
    )
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]


def test_a_headline_box_in_english_gives_the_text_back() -> None:
    last = "JICA chief representative Sugano Yuichi said Japan is ready to share its experience."
    text = (
        f"{TITLE}\n{LONG}\nRead more\nVietnam's elderly population grows faster than expected\n"
        f"Japan to receive more Vietnamese caregivers\n{last}\nTags: elderly care JICA nurses\n"
    )
    assert _body(_parse(text))[-1] == last


def test_english_byline_with_its_date_and_clipper_markup() -> None:
    article = _parse(f"{TITLE}\nBy Le Nga   December 2, 2025 | 06:12 pm GMT+7\n{BODY}")
    assert (article.meta.author, article.lede) == ("Le Nga", LONG)
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-02T18:12"
    article = _parse(f"{TITLE}\nHà Nội 12/11/2025\n{BODY}")
    assert article.meta.author == ""
    article = _parse(f"{TITLE}\n_TGVN._ {LONG}\nĐoạn hai. {LONG}\n")
    assert article.lede == f"TGVN. {LONG}"


def test_a_sites_footer_inside_a_related_box_is_not_news() -> None:
    footer = "Đặt lịch khám bệnh trực tuyến\nTổng đài: 1900 7149\nSố lượt truy cập: 12.345.678"
    text = f"{TITLE}\n{BODY}Tin liên quan\nBộ Y tế họp bàn về phòng chống dịch sốt xuất huyết\n{footer}\n"
    article = _parse(text)
    assert [r.title for r in article.related] == ["Bộ Y tế họp bàn về phòng chống dịch sốt xuất huyết"]
    # In the text, such a line is the article's.
    info = "Địa chỉ: 201B Nguyễn Chí Thanh, Quận 5, TP.HCM, mở cửa từ 7 giờ sáng các ngày trong tuần."
    assert info in _body(_parse(f"{TITLE}\n{LONG}\n{info}\nĐoạn cuối. {LONG}\n"))
    info = "Địa chỉ: 201B Nguyễn Chí Thanh, Quận 5, TP.HCM"
    article = _parse(f"{TITLE}\n{BODY}{info}\nLê Nga\nĐịa chỉ: 124 Hoàng Quốc Việt, Hà Nội\n")
    assert (_body(article)[-1], article.meta.author) == (info, "Lê Nga")


def test_header_lines_between_the_title_and_the_text() -> None:
    article = _parse(
        f"{TITLE}\nThứ Năm, 06/11/2025 06:45\nĐoàn Hà\nTheo dõi Báo Lao Động trên Google News\n{BODY}"
    )
    assert (article.meta.author, article.lede) == ("Đoàn Hà", LONG)
    article = _parse(f"{TITLE}\nTHU HƯỚNG\nThứ Sáu, 07/11/2025 - 07:42\nSGGPO\n{BODY}")
    assert (article.meta.author, article.meta.outlet, article.lede) == (
        "THU HƯỚNG",
        "Báo Sài Gòn Giải Phóng",
        LONG,
    )
    article = _parse(f"Society\n{TITLE}\nTuoi Tre News\nTue, December 9, 2025, 11:05 GMT+7\n{BODY}")
    assert (article.meta.author, article.meta.outlet, article.lede) == ("", "Tuoi Tre News", LONG)
    crumbs = "Trang chủ | Giới thiệu | Tin tức | Hướng dẫn khách hàng | Liên hệ"
    article = _parse(f"BỆNH VIỆN CHỢ RẪY\n{crumbs}\nTin hoạt động\n{TITLE}\n{BODY}")
    assert (article.title, article.meta.category) == (TITLE, "Tin hoạt động")


def test_a_date_line_under_the_sapo() -> None:
    article = _parse(f"{TITLE}\nVTV.vn - {LONG}\n07:30 | 03/12/2025\nĐoạn hai. {LONG}\nHà Phương\n")
    assert article.meta.date is not None and article.meta.date.iso() == "2025-12-03T07:30"
    assert article.meta.outlet == "Báo điện tử VTV"
    assert _body(article) == [f"VTV.vn - {LONG}", f"Đoạn hai. {LONG}"]


def test_a_souvenir_photo_is_a_caption() -> None:
    caption = "Đoàn chuyên gia UKE chụp ảnh lưu niệm cùng Ban Giám đốc bệnh viện"
    article = _parse(f"{TITLE}\n{LONG}\n{caption}\nĐoạn hai. {LONG}\n")
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]


def test_a_credit_that_runs_into_the_next_sentence_keeps_that_sentence() -> None:
    """Older pages copied as text glue the photo credit to the text that
    follows it: the credit ends with its names, the sentence stays."""
    line = (
        "Ảnh: Ngọc Thắng Sáng nay, Bộ Y tế tổ chức hội nghị trực tuyến với 63 tỉnh, thành phố "
        "về công tác phòng, chống dịch."
    )
    article = _parse(f"{TITLE}\n{LONG}\n{line}\nĐoạn hai. {LONG}\n")
    assert _body(article) == [LONG, line.removeprefix("Ảnh: Ngọc Thắng "), f"Đoạn hai. {LONG}"]
    assert any(d.text == "Ảnh: Ngọc Thắng" for d in article.dropped)
    for credit, rest in (
        ("Ảnh: TTXVN", "Thủ tướng đề nghị các bộ, ngành khẩn trương hoàn thiện hồ sơ."),
        ("Ảnh: VGP/Nhật Bắc", "Chiều 5/12, tại Hà Nội, hội nghị đã diễn ra."),
        ("Ảnh: BV cung cấp", "Sau ca mổ, bệnh nhân hồi phục tốt và đã xuất viện."),
        ("Ảnh: Lê Nga, Thu Hà", "Hội thảo thu hút nhiều chuyên gia trong và ngoài nước."),
    ):
        assert credit_length(f"{credit} {rest}") == len(credit), credit
    assert credit_length("Ảnh: Ngọc Thắng") is None  # a credit alone goes whole


def test_the_pages_bottom_under_the_signature_is_dropped() -> None:
    """A whole page copied: menus and links under the text and its byline
    are the page's; a list the text announces stays."""
    bottom = ["Thời sự", "Thế giới", "Kinh doanh", "Liên hệ quảng cáo", "Điều khoản sử dụng"]
    article = _parse("\n".join([TITLE, LONG, f"Đoạn hai. {LONG}", "NGỌC ANH", *bottom]) + "\n")
    assert (_body(article), article.meta.author) == ([LONG, f"Đoạn hai. {LONG}"], "NGỌC ANH")
    assert {d.text for d in article.dropped} >= set(bottom)
    listed = ["Bệnh viện Bạch Mai", "Bệnh viện Việt Đức", "Bệnh viện K"]
    intro = f"{LONG[:-1]}, gồm:"
    article = _parse("\n".join([TITLE, LONG, intro, *listed]) + "\n")
    assert _body(article)[-3:] == listed


def test_bold_left_in_plain_text_loses_its_marks_not_its_text() -> None:
    article = _parse(f"{TITLE}\n** {LONG} **\n**Đoạn hai. {LONG}\n")
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]  # (_parse checks that no text is lost)


def test_a_crawlers_fields_after_the_text() -> None:
    """A crawler's dump: the text, then its date (two-digit year), section,
    tags joined by commas and the paper's abbreviation; the byline glued to
    the last sentence with no space, as the crawler joined text nodes."""
    text = (
        f"{TITLE}\n{LONG} Đoạn cuối của bài viết nói về kết quả hội nghị.Minh Thu\n"
        "29/05/13 19:41 GMT+7\nĐời sống\nĐiều dưỡng,Hộ sinh,Chăm sóc,Người bệnh,Bộ y tế\nCAND\n"
    )
    article = _parse(text)
    meta = article.meta
    assert (meta.author, meta.outlet, meta.category) == ("Minh Thu", "Báo Công an Nhân dân", "Đời sống")
    assert meta.date is not None and meta.date.iso() == "2013-05-29T19:41"
    assert _body(article) == ["", f"{LONG} Đoạn cuối của bài viết nói về kết quả hội nghị."]
    for initials in ("HH", "N.Tập"):
        article = _parse(f"{TITLE}\n{LONG} Đoạn cuối của bài viết nói về hội nghị.{initials}\n")
        assert article.meta.author == initials


def test_captions_a_copy_split_or_glued() -> None:
    caption = "Nhân viên y tế giám sát thân nhiệt người nhập cảnh tại sân bay, ngày 24/3."
    article = _parse(f"{TITLE}\nHà Tĩnh\n{LONG}\n{caption} Ảnh:\nHữu Khoa.\nĐoạn hai. {LONG}\n")
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]  # the place line, the caption, its credit
    glued = "Điều dưỡng chăm sóc trẻ sơ sinh tại Khoa Nhi (Ảnh: Báo Quảng Ninh).Đây là thông tin mới."
    article = _parse(f"{TITLE}\n{LONG}\n{glued}\nĐoạn hai. {LONG}\n")
    assert _body(article) == [LONG, "Đây là thông tin mới.", f"Đoạn hai. {LONG}"]


def test_boxes_inside_the_text_by_their_shape() -> None:
    """A box of links (three headlines in a row), a gallery's captions (one
    with its credit) and another article's teaser (its dateline) go; a
    list the text announces and bulleted items stay."""
    links = ["Giật mình với chiếc máy bay tự chế", "Khung xương di động nặng 25 kg", "Lớp học ôm ấm áp ở Anh"]
    gallery = ["Nhà thờ lung linh ánh sáng.", "Các tuyến đường luôn ùn tắc. Ảnh: Lê Hiếu."]
    teaser = "(TNO) Sáng nay, gió mùa đông bắc đã bao trùm các tỉnh miền Bắc, kèm theo mưa rét."
    long = f"{LONG} {LONG}"
    text = "\n".join([TITLE, long, *links, f"Đoạn hai. {long}", *gallery, f"Đoạn ba. {long}", teaser]) + "\n"
    assert _body(_parse(text)) == [long, f"Đoạn hai. {long}", f"Đoạn ba. {long}"]
    listed = ["Bệnh viện Bạch Mai ở Hà Nội", "Bệnh viện Việt Đức ở Hà Nội", "Bệnh viện Chợ Rẫy ở TP.HCM"]
    text = "\n".join([TITLE, LONG, "Các bệnh viện tham gia gồm:", *listed, f"Đoạn hai. {LONG}"]) + "\n"
    assert _body(_parse(text))[2:5] == listed
    items = ["- Một quả trứng gà", "- Màu thực phẩm màu đỏ", "- Sôcôla trắng loại ngon"]
    text = "\n".join([TITLE, LONG, "Chuẩn bị:", "- Bột mỳ", *items, f"Đoạn hai. {LONG}"]) + "\n"
    assert len(_parse(text).paragraphs) == 6


def test_a_comment_box_opened_by_its_sentence() -> None:
    """A comment box that opens with a sentence, not a marker line: what
    follows it is readers' text and teasers, not the article."""
    box = "Báo điện tử hoan nghênh ý kiến của bạn đọc. Các thảo luận sẽ được xem xét trước khi đăng."
    article = _parse(
        f"{TITLE}\n{LONG}\nĐoạn hai. {LONG}\n{box}\nMột ý kiến của bạn đọc về bài báo này rất dài.\n"
    )
    assert _body(article) == [LONG, f"Đoạn hai. {LONG}"]


def test_a_roundups_place_headings_do_not_sign_it() -> None:
    """ "Hà Nội", "TP.HCM" heading a roundup's last parts are no byline: the
    text under them stays."""
    long = f"{LONG} {LONG}"
    lines = [TITLE, long, f"Hai. {long}", f"Ba. {long}", f"Bốn. {long}", "Hà Nội", f"Năm. {LONG}"]
    article = _parse("\n\n".join(lines) + "\n")
    assert _body(article)[-1] == f"Năm. {LONG}"


def test_a_list_of_names_is_no_box_of_links() -> None:
    """Short lines in a row that the text does not announce (names of
    hospitals) are the article's: a box of links holds headlines."""
    listed = ["Bệnh viện Bạch Mai", "Bệnh viện Việt Đức", "Bệnh viện Chợ Rẫy"]
    text = (
        "\n".join([TITLE, LONG, "Danh sách các bệnh viện tham gia đợt này", *listed, f"Đoạn hai. {LONG}"])
        + "\n"
    )
    assert _body(_parse(text))[2:5] == listed


def test_a_clause_number_is_no_teasers_dateline() -> None:
    clause = "(Điều 5) Người bệnh có quyền được khám bệnh, chữa bệnh phù hợp với tình trạng sức khỏe."
    article = _parse(f"{TITLE}\n{LONG}\nĐoạn hai. {LONG}\n{clause}\nĐoạn cuối. {LONG}\n")
    assert clause in _body(article)


def test_a_pen_name_alone_under_the_text_signs_it() -> None:
    """A one-word pen name or initials on the last line (VnExpress's letters
    signed "Trung", Ngôi Sao's "H.V."); a place or a common word there does not sign."""
    assert _parse(f"Tiêu đề\n{LONG}\nĐoạn cuối. {LONG}\nTrung\n").meta.author == "Trung"
    signed = _parse(f"Tiêu đề\n{LONG}\nĐoạn cuối. {LONG}\n>> Xem tiếp: Hình ảnh hội nghị\nH.V.\nẢnh: Misso\n")
    assert signed.meta.author == "H.V."
    assert ">> Xem tiếp: Hình ảnh hội nghị" not in _body(signed)
    for last in ("Hà Nội", "Những", "Hết"):
        article = _parse(f"Tiêu đề\n{LONG}\nĐoạn cuối. {LONG}\n{last}\n")
        assert article.meta.author != last


def test_a_comment_box_heading_with_its_count_opens_the_box() -> None:
    """ "Ý kiến bạn đọc ( 33 )": the readers' comments under it are not the article's."""
    comment = "Nếu tôi là vợ của bạn chắc đã bỏ bạn từ lâu rồi, bạn có tư cách gì mà cầu xin sự yêu thương."
    article = _parse(
        f"Tiêu đề\n{LONG}\nĐoạn cuối. {LONG}\nÝ kiến bạn đọc ( 33 )\n{comment}\nNam - 7 ngày trước\n"
    )
    assert comment not in _body(article)


def test_widgets_and_cms_lines_of_real_pages_are_debris() -> None:
    """Lines of the reader corpus's pages (iOne, Teen9x, Zing of 2011-2012)
    that are the page's, not the article's; sentences like them are text."""
    from briefbook.read.boilerplate import load_boilerplate

    bp = load_boilerplate()
    debris = [
        "connie lloyd, zhang hongming, long moc kin nguoi, bot, nguoi soi, benh la",
        "Rate this article",
        "Rất tệ",
        "Tên của bạn",
        "Published on 03-08-2011 01:00 AM      Số lần xem: 169",
        "0 Comments",
        "by",
        "Admin",
        "Nhóm PV",
        "Hang đá tại giáo xứ Vạn Lộc thu hút được nhiều người đến xem. Ảnh Trọng Đức.",
        "Tổng biên tập: NGUYỄN QUANG THÔNG",
        "- Thư ký tòa soạn: NGUYỄN MINH GIAO",
    ]
    assert [line for line in debris if bp.footer_reason(line) is None] == []
    text = [
        "Tốt nghiệp đại học, anh về làm việc tại bệnh viện tỉnh.",
        "Bệnh viện Bạch Mai, Bệnh viện Việt Đức, Bệnh viện K và Bệnh viện Nhi Trung ương.",
        "Phóng viên: Tình trạng quá tải bệnh viện đã kéo dài nhiều năm, bà nghĩ sao?",
        "Nội dung hợp tác gồm đào tạo, nghiên cứu và chuyển giao kỹ thuật.",
        "Bộ Y tế đã gửi công văn. Ảnh hưởng của dịch tới nay vẫn còn.",
        "Trụ sở của WHO tại Việt Nam đặt ở Hà Nội",
        "Tổng biên tập báo cho biết tòa soạn sẽ cải chính.",
    ]
    assert [line for line in text if bp.footer_reason(line) is not None] == []
    teasers = "Đôi 'chân voi' nặng ngót tạ\nĐám cưới vợ chồng lùn hạnh phúc\n"
    box = f"Tiêu đề\n{LONG}\nĐoạn cuối. {LONG}\nPapai\nTheo dòng sự kiện:\n{teasers}"
    article = _parse(box)
    assert article.meta.author == "Papai" and "Đôi 'chân voi' nặng ngót tạ" not in _body(article)


def test_a_page_saved_as_markdown_has_its_headline_as_its_level_one_heading() -> None:
    """html2text's whole pages (reader corpus): the menus are lists of links,
    the headline the page's "# " heading (in a list item on Teen9x), the
    site's logo a heading of a link only."""
    from pathlib import Path

    from briefbook.folder import load_source, parse_source

    corpus = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
    for name, title in [
        ("teen9x_markdown_page_banh-tinh-yeu.md", "8/3 boy vào bếp chế bánh tình yêu"),
        ("24h_markdown_page_lo-luyen-thi-cong-chuc-han-quoc.md", "Đột nhập lò luyện thi công chức Hàn Quốc"),
        ("zing_markdown_page_van-ta-mui-con-lon.md", "'Kêu trời' vì văn tả 'mũi con lợn bẹp gí như mũi bố'"),
    ]:
        _, article = parse_source(load_source(corpus / name, PurePath(name)))
        assert article.title == title
        assert not [
            p.text for p in article.paragraphs if p.text in ("Thời sự", "Bóng đá", "Tin tức trong ngày")
        ]


def test_a_line_of_links_is_navigation_and_a_list_item_no_title() -> None:
    menu = '* [Trang chủ](/)\n* [Thời sự](/thoi-su)\n* [Sức khỏe](/suc-khoe "Sức khỏe")\n'
    links = "[Tuyển sinh 2012](/a) [Thi tốt nghiệp THPT 2012](/b) [Điểm chuẩn](/c) 2012\n"
    article = _parse(f"{menu}- Một mục của danh sách\n{links}\nTiêu đề bài báo\n{LONG}\nĐoạn hai. {LONG}\n")
    assert article.title == "Tiêu đề bài báo"
    assert "Thời sự" not in _body(article) and not any("Tuyển sinh" in t for t in _body(article))


def test_a_menu_laid_out_as_a_table_and_script_links_are_the_pages() -> None:
    menu = "| Tin tức trong ngày\n| Bóng đá\n| Thời trang\n| Ẩm thực\n"
    table = "| Tỉnh | Số ca |\n|---|---|\n| Hà Nội | 120 |\n| Huế | 30 |\n"
    script = "javascript:AjaxAction\\('next', 'x.php?a=2'\\);"
    pages = f"Trang trước, [1], [2]({script}), [Trang sau](javascript:go\\(\\))\n"
    article = _parse(f"Tiêu đề\n{LONG}\n{table}\nĐoạn hai. {LONG}\n{pages}\n{menu}")
    body = " ".join(_body(article))
    assert "Bóng đá" not in body and "javascript" not in body
    assert "Hà Nội" in body  # a table of data is the article's
