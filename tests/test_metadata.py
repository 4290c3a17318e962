from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source
from briefbook.read.metadata import find_date, parse_byline, parse_category_line, parse_source_line


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("Chủ Nhật 02/11/2025, 09:21", dt.date(2025, 11, 2), dt.time(9, 21)),
        ("16/08/2023 11:30", dt.date(2023, 8, 16), dt.time(11, 30)),
        ("19:55 06/02/2017", dt.date(2017, 2, 6), dt.time(19, 55)),
        ("02/11/2025", dt.date(2025, 11, 2), None),
    ],
)
def test_dates_day_before_month(text: str, date: dt.date, time: dt.time | None) -> None:
    found = find_date(text)
    assert found is not None
    assert (found[0].date, found[0].time) == (date, time)


def test_impossible_date_is_not_a_date() -> None:
    assert find_date("31/02/2025") is None


def test_category_line() -> None:
    line = parse_category_line("Sức khỏe Chủ Nhật 02/11/2025, 09:21")
    assert line is not None and line.category == "Sức khỏe"
    assert (
        parse_category_line("Ngày 1/7/2025 là một dấu mốc đặc biệt bởi không chỉ đây là Ngày BHYT.") is None
    )


@pytest.mark.parametrize(
    ("text", "author", "outlet"),
    [
        ("Duy Tính", "Duy Tính", ""),
        ("Diệu Hiền - Thế Anh", "Diệu Hiền - Thế Anh", ""),
        ("Xuân Lan -", "Xuân Lan", ""),
        ("Tin, ảnh: Ngô Đồng", "Ngô Đồng", ""),
        ("Phúc Vũ - Thể thao Việt Nam | 19:55 06/02/2017", "Phúc Vũ", "Thể thao Việt Nam"),
    ],
)
def test_bylines(text: str, author: str, outlet: str) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize("text", ["Kết luận", "Theo ông Thượng, việc các BV tại TP.HCM ký kết.", "Hà nội"])
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Nguồn tin : Báo Thanh niên", "Báo Thanh niên"),
        ("Nguồn: Cổng Thông tin Chính phủ", "Cổng Thông tin Chính phủ"),
        ("Theo Báo Đắk Nông điện tử", "Báo Đắk Nông điện tử"),
        ("(Nguồn: Vietnam+)", "Vietnam+"),
        ("Theo đó, Bộ Y tế yêu cầu tất cả các tuyến y tế", None),
    ],
)
def test_source_lines(text: str, source: str | None) -> None:
    assert parse_source_line(text) == source


def test_a_dateline_written_without_its_diacritics_names_its_outlet() -> None:
    from briefbook.read.metadata import outlet_name

    # "NLD" for "NLĐ" (a page's markup and an ASCII copy spell it so), "QDND" for "QĐND".
    assert outlet_name("NLD") == "Báo Người Lao Động"
    assert outlet_name("QDND") == "Báo Quân đội Nhân dân"
    assert outlet_name("Nld") == "Nld"  # a word, not an abbreviation in capitals


@pytest.mark.parametrize(
    ("text", "category", "day"),
    [
        # Zing News, 2012 (tests/fixtures/reader: zing_markdown_page_*): the
        # weekday before "ngày" is the date's, not a title's subject.
        ("Đời sống Xã hội | Cập nhật thứ hai, ngày 24/12/12 11:05 tối", "Đời sống Xã hội", "2012-12-24"),
        (
            "Sống trẻ Giáo dục | Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều",
            "Sống trẻ Giáo dục",
            "2012-11-30",
        ),
        ("Sức khỏe Thứ Hai, ngày 01/12/2025 10:05", "Sức khỏe", "2025-12-01"),
    ],
)
def test_category_lines_with_a_weekday_before_the_day(text: str, category: str, day: str) -> None:
    from briefbook.read.metadata import parse_category_line

    found = parse_category_line(text)
    assert found is not None
    assert (found.category, found.date.date.isoformat()) == (category, day)


@pytest.mark.parametrize("text", ["Bản tin COVID-19 ngày 12/8/2021", "Hội nghị ngày 12/8/2021"])
def test_a_title_with_its_day_is_no_category_line(text: str) -> None:
    from briefbook.read.metadata import parse_category_line

    assert parse_category_line(text) is None


def test_a_dateline_of_a_names_initials_names_that_outlet() -> None:
    from briefbook.core.outlets import Outlet, OutletTable, load_outlets

    # "(ĐSPL) - ..." (a baomoi.com record of 2014, held-out 5): Đời sống & Pháp luật.
    assert load_outlets().by_name("ĐSPL").name == "Báo Đời sống và Pháp luật"  # type: ignore[union-attr]
    two = OutletTable.of(
        [
            Outlet("a.vn", "Báo Sức khỏe Việt Nam", (), ()),
            Outlet("b.vn", "Sống khỏe Việt Nam", (), ()),
            Outlet("c.vn", "Đời sống & Pháp luật", (), ()),
        ]
    )
    assert two.by_name("SKVN") is None  # two outlets give these initials
    assert two.by_name("ĐSPL") is not None
    assert two.by_name("ĐS") is None  # too short to be anyone's


def test_a_sentence_opening_with_the_written_by_label_is_no_byline() -> None:
    # The label, a name and a post is a byline (Vinmec's, tests/test_feed_posts_heldout8.py);
    # a body sentence that opens with the label goes on after the name.
    assert parse_byline("Được viết bởi Nguyễn Nhật Ánh, cuốn tiểu thuyết kể về tuổi thơ.") is None
    assert parse_byline("Bài viết được viết bởi ThS.BS Lê Văn An - Khoa Nhi") is not None
    # A post after a comma (capitalised) is a post, and degrees may be written with commas.
    for line, name in (
        ("Bài viết được viết bởi Bác sĩ Lê Văn Hưng, Khoa Ngoại tổng hợp, Bệnh viện Đa khoa", "Lê Văn Hưng"),
        ("Bài viết được viết bởi BS. Trần Thị Hoa, Khoa Sản", "Trần Thị Hoa"),
        (
            "Bài viết được viết bởi Thạc sĩ, Bác sĩ Mai Viễn Phương - Bác sĩ Nội soi Tiêu hóa",
            "Mai Viễn Phương",
        ),
    ):
        byline = parse_byline(line)
        assert byline is not None and byline.author == name, line


def test_the_header_keeps_a_sentence_opening_with_the_written_by_label(tmp_path: Path) -> None:
    sentence = "Được viết bởi Nguyễn Nhật Ánh, cuốn tiểu thuyết kể về tuổi thơ ở một làng quê miền Trung."
    text = f"Tôi thấy hoa vàng trên cỏ xanh ra mắt bản mới\n\n{sentence}\n\nSách in lần thứ 40 với bìa mới.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    raw, article = parse_source(load_source(tmp_path / "a.txt", PurePath("a.txt")))
    assert article.meta.author == ""
    assert sentence in [article.lede, *(p.text for p in article.paragraphs)]
    assert unaccounted(raw, article) == []
