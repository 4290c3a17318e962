"""Whole pages as Markdown (held-out set 9's crawl4ai records): other articles' teasers, the page's rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.analyse.evaluation import kept_text
from briefbook.folder import load_source, parse_source

SET = Path(__file__).parent / "fixtures" / "reader_heldout9" / "articles"


def _kept(name: str) -> str:
    _, article = parse_source(load_source(SET / name, PurePath(name), SET))
    return "\n".join(kept_text(article))


def test_the_sapos_of_a_related_list_after_the_text_are_not_the_texts() -> None:
    # "## [Diệp Lâm Anh lên tiếng về thông tin bị bắt](https://laodong.vn/...)", its sapo, after the text.
    kept = _kept("laodong_crawl4ai_json_nha-thiet-ke-cong-tri-bi-bat.json")
    assert "Năm 2018, nam ca sĩ Châu Việt Cường bị bắt vì sử dụng ma túy" in kept
    assert "Diệp Lâm Anh phủ nhận thông tin nói cô" not in kept
    assert "Taylor Swift vừa đánh dấu màn trở lại" not in kept
    # The run's last teaser, which the next box's label ("Tin nổi bật") closes, not a link.
    assert "Dua Lipa và Callum Turner tổ chức đám cưới xa hoa" not in kept


def test_a_teaser_inside_the_text_is_not_the_texts() -> None:
    # A picture, "## [Vụ án kẹo Kera là hàng giả: ...](https://vov.vn/...)", its sapo, then the byline's link.
    kept = _kept("vov_crawl4ai_json_truy-to-ca-si-chi-dan.json")
    assert "Đến ngày 13/3/2026, Cơ quan CSĐT Công an TP.HCM ban hành kết luận điều tra" in kept
    assert "Dàn lãnh đạo công ty CP Asia Life tiếp tục bị đề nghị truy tố" not in kept


def test_teasers_with_their_times_are_not_the_texts() -> None:
    # "## [Vụ 4 tiếp viên hàng không xách ma túy: ...](...)", "26/06/2024 20:54", its sapo.
    kept = _kept("vietnamplus_crawl4ai_json_bat-ca-sy-chi-dan-an-tay.json")
    assert "Lực lượng công an đã khởi tố 318 vụ án với 961 bị can" not in kept
    assert "Các bị can trong vụ tiếp viên hàng không xách ma túy đã thừa nhận" not in kept


def test_the_mastheads_footer_does_not_keep_the_page_bottom_under_the_source_line() -> None:
    # "_Theo VnExpress_" signs the text; the share row, tags, the page's slug and the footer
    # ("Giấy phép hoạt động báo in và báo điện tử số 26/GP-BTTTT ...") stand under it.
    kept = _kept("baobacninhtv_crawl4ai_json_dien-vien-hai-bi-tam-giu.json")
    assert "Hữu Tín là trưởng nhóm hài XPro" in kept
    for line in ("Chia sẻ", "#ma tuý", "vi-lien-quan-ma-tuy.bbg", "Địa chỉ trụ sở chính"):
        assert line not in kept


def _meta(name: str) -> tuple[str, dt.date | None]:
    _, article = parse_source(load_source(SET / name, PurePath(name), SET))
    return article.meta.author, article.meta.date.date if article.meta.date else None


def test_a_writers_name_before_the_date_is_the_byline_not_a_section() -> None:
    # "Quỳnh An -  Thứ tư, 23/07/2025 15:17 (GMT+7)" and "Xuân Lan| 13/06/2022 16:44" under the headline.
    laodong = "laodong_crawl4ai_json_nha-thiet-ke-cong-tri-bi-bat.json"
    assert _meta(laodong) == ("Quỳnh An", dt.date(2025, 7, 23))
    assert _meta("congly_crawl4ai_json_nghe-si-bi-ma-tuy-tan-pha.json") == ("Xuân Lan", dt.date(2022, 6, 13))


def test_a_weekday_before_the_time_is_no_writer() -> None:
    # "Thứ Năm, 15:09, 02/04/2026": the date line, its "Năm" (Thursday) no year and no name.
    author, date = _meta("vov_crawl4ai_json_truy-to-ca-si-chi-dan.json")
    assert author != "Thứ Năm" and date == dt.date(2026, 4, 2)


def test_a_section_the_list_does_not_know_is_no_writer_before_the_date() -> None:
    # A section's name in title case, one the shipped list lacks, then the date:
    # its first words are a word of the dictionary ("kinh tế", "bạn đọc"), a
    # writer's pen name seldom is; a surname first is a name ("Nguyễn Hà").
    from briefbook.core.records import RawText
    from briefbook.read.reader import parse_article

    body = (
        "Bộ Y tế vừa ban hành hướng dẫn mới về tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.\n\n"
        "Theo hướng dẫn, các địa phương phải rà soát danh sách trẻ chưa tiêm đủ mũi.\n"
    )
    for line, author in (
        ("Kinh Tế Số - 12/03/2024", ""),
        ("Bạn Đọc | 12/03/2024 10:00", ""),
        ("Nguyễn Hà - 12/03/2024", "Nguyễn Hà"),
    ):
        text = f"Bộ Y tế hướng dẫn tiêm chủng mở rộng năm 2025\n\n{line}\n\n{body}"
        article = parse_article(RawText(PurePath("a.txt"), text, "utf-8"))
        assert (article.meta.author, article.meta.date and article.meta.date.date) == (
            author,
            dt.date(2024, 3, 12),
        )


def _parse(text: str, name: str = "a.md", url: str = "") -> tuple[list[str], list[str]]:
    from briefbook.core.records import RawText
    from briefbook.read.reader import parse_article

    article = parse_article(RawText(PurePath(name), text, "utf-8"), url_hint=url)
    return [p.text for p in article.paragraphs], [d.text for d in article.dropped]


def test_a_picture_linked_to_its_own_file_does_not_close_a_teaser() -> None:
    # Converters write a picture as a link to its file: "[![alt](a.jpg)](a.jpg)". Under a
    # related headline with no sapo, the article's own paragraph before it is no teaser's.
    own = "Theo Ban Quản lý dự án, công trình sẽ được thi công theo phương pháp đúc hẫng cân bằng."
    text = (
        "# Hà Nội khởi công cầu Tứ Liên bắc qua sông Hồng\n\n"
        "Sáng 19/5, UBND thành phố Hà Nội tổ chức lễ khởi công xây dựng cầu Tứ Liên, nối quận Tây Hồ "
        "với huyện Đông Anh.\n\n"
        "Cầu Tứ Liên dài hơn 5 km, dự kiến hoàn thành vào năm 2027 theo kế hoạch đã được phê duyệt.\n\n"
        "### [Hà Nội sắp xây thêm 7 cây cầu vượt sông Hồng](https://example.vn/ha-noi-7-cay-cau-123.html)\n\n"
        f"{own}\n\n"
        "[![Phối cảnh cầu](https://example.vn/img/cau-tu-lien.jpg)](https://example.vn/img/cau-tu-lien.jpg)\n\n"
        "Lãnh đạo thành phố yêu cầu các đơn vị thi công bảo đảm an toàn và vệ sinh môi trường.\n"
    )
    kept, _ = _parse(text, url="https://example.vn/ha-noi-khoi-cong-cau-tu-lien-456.html")
    assert own in kept


def test_a_sentence_about_a_licence_is_no_mastheads_footer() -> None:
    last = (
        "Giấy phép hoạt động báo điện tử số 123/GP-BTTTT của tạp chí này đã bị thu hồi kể từ ngày 15/3/2025."
    )
    text = (
        "Thu hồi giấy phép hoạt động của một tạp chí điện tử\n\n"
        "Bộ Thông tin và Truyền thông vừa ban hành quyết định xử phạt một tạp chí điện tử vì nhiều lần đăng "
        "tải thông tin sai sự thật.\n\n"
        "Theo quyết định, cơ quan chủ quản của tạp chí bị phạt 150 triệu đồng và buộc gỡ bỏ các bài viết.\n\n"
        f"{last}\n"
    )
    kept, _ = _parse(text, "a.txt")
    assert last in kept
