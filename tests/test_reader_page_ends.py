"""Where the article ends on pages of the fourth held-out set (real pages,
tests/fixtures/reader_heldout4; in sample for these rules now): a box of
links labelled "Tham khảo thêm", English boxes of teasers ("## More news",
a series' list under the byline), English bylines ("Story: ...")."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.analyse.audit import unaccounted
from briefbook.core.records import Article
from briefbook.folder import load_source, parse_source
from briefbook.read.metadata import parse_byline

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout4" / "articles"


def _read(name: str) -> tuple[Article, str]:
    raw, article = parse_source(load_source(ARTICLES / name, PurePath(name)))
    assert unaccounted(raw, article) == []
    text = "\n".join(
        line for s in article.sections for line in (s.heading or "", *(p.text for p in s.paragraphs))
    )
    return article, text


def test_the_feedback_box_and_teasers_after_a_see_also_box_are_not_the_article() -> None:
    # Báo Điện tử Chính phủ, 2025, the page's text: after the article,
    # "Tham khảo thêm" and its link, then the feedback widget, "Đọc nhiều"
    # and its teasers, the slogan a word a line.
    _, text = _read("baochinhphu_page_text_diem-chuan-dai-hoc-cong-nghe-2025.txt")
    for debris in (
        "Tham khảo thêm",
        "Nội dung này, đã nhận được",
        "Góp ý qua Zalo",
        "Lắng nghe",
        "Chúng tôi",
    ):
        assert debris not in text.splitlines(), debris
    assert "QUY ĐỊNH MỚI về TIỀN LƯƠNG" not in text
    assert "2. Trường hợp nhiều thí sinh có điểm xét tuyển bằng điểm chuẩn" in text  # the article's last line


def test_a_box_of_more_news_under_markdown_headings_is_not_the_article() -> None:
    # RMIT Vietnam's newsroom, 2025, a crawler's Markdown: "## More news",
    # then "### headline" and its sapo, three times.
    article, text = _read("rmit_crawl_markdown_vn-intern-buddy.md")
    assert "More news" not in text
    assert "Discover Val’s latest features for study" not in text
    assert "Val is RMIT’s generative AI tool" not in text
    assert article.meta.author == "Hoa Ngo"
    assert text.splitlines()[-1].startswith("Try the VN-Intern Buddy today")


def test_a_series_list_under_the_byline_is_not_the_article() -> None:
    article, text = _read("rmit_crawl_markdown_newbie-101-library.md")
    assert "Check out the Newbie 101 article series" not in text
    assert "Newbie 101: Your first assignment" not in text
    assert article.meta.author == "Tram Hoang"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Story: Ha Hoang", "Ha Hoang"),
        (
            "Story: Tram Hoang, a Professional Communication student at RMIT Vietnam. "
            "This article does not reflect the views of RMIT Vietnam.",
            "Tram Hoang",
        ),
        (
            "Story: SEUP Volunteers: Hoang Hong Hau, Tran Kim Danh, Nguyen Cong Dat, Nguyen Ba Ton, "
            "Nguyen Dai Trang. This article does not reflect the views of RMIT Vietnam as an institution.",
            "Hoang Hong Hau - Tran Kim Danh - Nguyen Cong Dat - Nguyen Ba Ton - Nguyen Dai Trang",
        ),
        (
            "Story: Hoa Ngo, Internship Assistant at RMIT Vietnam's Careers, Alumni & Industry Relations",
            "Hoa Ngo",
        ),
    ],
)
def test_english_byline_labels(line: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.author == author


def test_an_english_label_before_no_name_is_no_byline() -> None:
    assert parse_byline("Story: the day we met") is None


def test_the_mastheads_lines_in_the_footer_are_not_the_article() -> None:
    # The footer's licence, address and reprint notice end with a full stop.
    _, text = _read("baochinhphu_page_text_diem-chuan-khoa-hoc-tu-nhien-2025.txt")
    for debris in ("Giấy phép số: 19/GP-CBC", "Trụ sở: 16 Lê Hồng Phong", "Ghi rõ nguồn", "Email: thongtin"):
        assert debris not in text, debris


def test_a_double_space_after_a_comma_does_not_cut_the_sentence() -> None:
    _, text = _read("baochinhphu_page_text_diem-chuan-bach-khoa-ha-noi-2025.txt")
    assert "Năm học 2025-2026,  Nhà trường" in text or "Năm học 2025-2026, Nhà trường" in text
    assert "Năm học 2025-2026," not in text.splitlines()


def test_a_comment_forms_heading_is_no_author_and_the_date_bar_no_date() -> None:
    # Bảo vệ pháp luật, 2026, a crawler's Markdown of the whole page: the
    # site's date bar "Thứ hai 08/06/2026" opens the page; the article's
    # date is under its title; the comment form under the text is headed
    # "Ý KIẾN BÌNH LUẬN", the writer "Đại Lánh" signs above the tags.
    article, text = _read("baovephapluat_crawl4ai_page_truy-to-ca-si-chi-dan-226-bi-can.md")
    assert article.meta.date is not None
    assert article.meta.date.date.isoformat() == "2026-04-02"
    assert article.meta.author == "Đại Lánh"
    assert "Họ và tên (*)" not in text


def test_a_sentence_about_a_picture_closed_by_its_credit_is_a_caption() -> None:
    # A 2025 baomoi.com record of the Bắc Giang police portal: the text on one line.
    _, text = _read("conganbacgiang_dump_gay-roi-khu-cong-nghiep-van-trung-2.txt")
    assert "Hình ảnh các đối tượng được cắt từ video" not in text
    assert "Mạng xã hội" not in text
    assert "ảnh hưởng đến an ninh trật tự trên địa bàn. Cùng ngày, Phòng Cảnh sát hình sự" in text


@pytest.mark.parametrize(
    "sentence",
    [
        "Ảnh hưởng của dịch bệnh đến kinh tế rất lớn (Nguồn: WHO).",
        "Tỷ lệ tiêm chủng đạt 94,2% dân số (Nguồn: Bộ Y tế).",
    ],
)
def test_a_sentence_closed_by_its_source_stays(sentence: str) -> None:
    from briefbook.read.boilerplate import load_boilerplate
    from briefbook.read.inline import clean_paragraph

    cleaned = clean_paragraph(
        f"Bệnh viện tiếp nhận nhiều ca bệnh trong tuần qua. {sentence}", load_boilerplate()
    )
    assert sentence.split(" (")[0] in cleaned.text


def test_the_title_cut_short_in_the_text_is_its_pictures_caption() -> None:
    # Báo Điện tử Chính phủ: the table of scores is a picture captioned with
    # the title without its year.
    _, text = _read("baochinhphu_page_text_diem-chuan-dai-hoc-cong-nghe-2025.txt")
    assert "Điểm chuẩn Trường Đại học Công nghệ, ĐHQG Hà Nội" not in text.splitlines()


def test_a_line_that_only_opens_like_the_title_stays() -> None:
    from briefbook.read.reader.body import _cut_title

    title = "điểm chuẩn trường đại học công nghệ, đhqg hà nội năm 2025"
    assert _cut_title("điểm chuẩn trường đại học công nghệ, đhqg hà nội", title)
    assert not _cut_title("điểm chuẩn trường đại học", title)  # too short a part of it
    assert not _cut_title(
        "điểm chuẩn trường đại học công nghệ, đhqg hà nội năm 202", title
    )  # not at a word's end


def test_a_credit_in_small_letters_marks_its_caption() -> None:
    # BizLIVE 2014 via baomoi.com (held-out 5): "... giải ngân”. (ảnh: Ngôn Dân)."
    path = ARTICLES.parent.parent / "reader_heldout5" / "articles" / "bizlive_dump_bat-dong-san-nha-o.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name)))
    assert unaccounted(raw, article) == []
    text = " ".join(p.text for p in article.paragraphs)
    assert "Ngôn Dân" not in text
    assert "Gói 30.000 tỷ cần phải có thời gian để giải ngân" not in text


def test_another_articles_teaser_at_the_end_is_no_repeated_sapo() -> None:
    # Tin Mới 2014 via baomoi.com (held-out 5): after "VIDEO ĐANG ĐƯỢC QUAN
    # TÂM", a teaser of an article on pork dishes, last line after blank
    # lines: not this article's sapo (its words are not this text's).
    path = ARTICLES.parent.parent / "reader_heldout5" / "articles" / "tinmoi_dump_gene-tang-can.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name)))
    assert unaccounted(raw, article) == []
    assert not article.lede.startswith("Thịt lợn mán")
    assert article.lede.startswith("Các nhà khoa học Anh đã tìm ra gene")


def test_an_op_eds_signature_with_the_writers_title_and_post_is_the_byline() -> None:
    # NDH 2014 via baomoi.com (held-out 5): "GS. Tùng Bùi, Giám đốc Chương
    # trình Vietnam Executive MBA, Đại học Hawaii" closes the text.
    path = ARTICLES.parent.parent / "reader_heldout5" / "articles" / "ndh_dump_cong-nghiep-o-to.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name)))
    assert unaccounted(raw, article) == []
    assert article.meta.author == "Tùng Bùi"
    assert not any("Đại học Hawaii" in p.text for p in article.paragraphs)


def test_a_sentence_that_opens_with_a_title_is_no_signature() -> None:
    from briefbook.read.reader.signature import _titled_signature

    assert _titled_signature("TS. Lê Minh, Bộ Y tế cho biết sẽ tăng cường kiểm tra.") == ""
    assert _titled_signature("GS. Tùng Bùi") == ""  # no post after the name: parse_byline's
