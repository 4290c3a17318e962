"""Where a body's name ends, from the errors of the COVID-19 2022 gold set
(issue 18): a person's full name after a body's name, a name in sentence
case that a known long form gives whole, a head shared by numbers or
places.

Every sentence is cut verbatim from tests/fixtures/entities/covid2022 (the
path is given with each case): the rules written on these errors make that
set in sample for them.
"""

from __future__ import annotations

import unicodedata

import pytest

from briefbook.analyse.mentions import find_names
from briefbook.core.records import EntityKind

from .entitycases import Named
from .entitycases import found as _found

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


# (sentence, what must be found, what must not be found)
CASES = [
    # covid19_html_hoc-sinh-mac-covid-tro-lai-truong.html: a full name after
    # a complete body's name is the person's, though a syllable of it is a
    # head ("Trường");
    (
        'cũng như lo lắng từ phụ huynh, xã hội"- Thứ trưởng Bộ Y tế Nguyễn Trường Sơn nói.',
        {(ORG, "Bộ Y tế"), (PERSON, "Nguyễn Trường Sơn")},
        {(ORG, "Bộ Y tế Nguyễn")},
    ),
    # covid19_html_dau-hieu-chuyen-nang-tre-f0.html: ... as it is after titles;
    (
        "Theo PGS.TS Nguyễn Trường Sơn, Thứ trưởng Bộ Y tế, từ khi dịch COVID-19 xuất hiện ở Việt Nam",
        {(PERSON, "Nguyễn Trường Sơn"), (ORG, "Bộ Y tế")},
        {(PERSON, "Nguyễn")},
    ),
    # covid19_html_quan-ly-f0-tai-nha.html: "tỉnh" with the province left to
    # the context, then the director's name: no province is named after a person.
    (
        "Theo Giám đốc Sở Y tế tỉnh Phạm Mạnh Cường, do số lượng F0 tăng nhanh, từ cuối tháng 1",
        {(ORG, "Sở Y tế tỉnh"), (PERSON, "Phạm Mạnh Cường")},
        {(ORG, "Sở Y tế tỉnh Phạm Mạnh Cường"), (PLACE, "Phạm Mạnh Cường")},
    ),
    # covid19_html_thai-binh-tiem-xuyen-tet.html: a place word before a
    # comma ends the name, the province left to the context ...
    (
        "Dự báo trong thời gian tới dịch COVID-19 vẫn tiếp tục diễn biến phức tạp, Chủ tịch Ủy ban Nhân dân"
        " tỉnh, Trưởng ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Thái Bình Nguyễn Khắc Thận yêu cầu",
        {(ORG, "Ủy ban Nhân dân tỉnh"), (PERSON, "Nguyễn Khắc Thận")},
        {(ORG, "Ủy ban Nhân dân")},
    ),
    # covid19_html_abdala-thang-2.html: ... not before the next kind of
    # place ("tỉnh, thành phố": each province's, a class).
    (
        "Nếu tỉnh nào để vaccine Abdala phải hủy bỏ do hết hạn sử dụng thì Bí thư tỉnh ủy, thành ủy và Chủ"
        " tịch UBND tỉnh, thành phố phải chịu trách nhiệm trước Thủ tướng Chính phủ.",
        {(ORG, "Chính phủ")},
        {(ORG, "UBND tỉnh")},
    ),
    # covid19_html_molnupiravir-san-xuat-trong-nuoc.html: a long form of the
    # shipped dictionaries (QLD: "Quản lý dược") is taken whole, in any case;
    (
        "Theo đó, Cục Quản lý dược cấp phép cho 3 loại thuốc gồm:",
        {(ORG, "Cục Quản lý dược")},
        {(ORG, "Cục Quản lý")},
    ),
    # covid19_html_thai-binh-tiem-xuyen-tet.html: "phòng, chống dịch" is one
    # word of a name, the disease's name after it goes on with it;
    (
        "Cùng với việc đẩy nhanh tiến độ chiến dịch tiêm chủng mùa Xuân 2022, Ban Chỉ đạo phòng, chống dịch"
        " COVID-19 tỉnh Thái Bình yêu cầu các cấp, ngành, địa phương",
        {(ORG, "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Thái Bình")},
        {(ORG, "Ban Chỉ đạo")},
    ),
    # covid19_html_molnupiravir-san-xuat-trong-nuoc.html: after "Quốc gia",
    # "khu vực" and "về", the subject of a centre runs up to the parenthesis
    # that says where it is;
    (
        "gửi báo cáo về Trung tâm Quốc gia về thông tin thuốc và theo dõi phản ứng có hại của thuốc (Hà Nội)"
        " hoặc Trung tâm khu vực về thông tin thuốc và theo dõi phản ứng có hại của thuốc (TP HCM)"
        " theo quy định.",
        {
            (ORG, "Trung tâm Quốc gia về thông tin thuốc và theo dõi phản ứng có hại của thuốc"),
            (ORG, "Trung tâm khu vực về thông tin thuốc và theo dõi phản ứng có hại của thuốc"),
        },
        {(ORG, "Trung tâm Quốc gia")},
    ),
    # covid19_html_quan-ly-f0-tai-nha.html: ... and a compound word in lower
    # case before the parenthesis that names the hospital it belongs to;
    (
        "Bệnh nhân tăng cao khiến Trung tâm Bệnh nhiệt đới (Bệnh viện đa khoa Nghệ An) phải căng mình"
        " làm việc",
        {(ORG, "Trung tâm Bệnh nhiệt đới"), (ORG, "Bệnh viện đa khoa Nghệ An")},
        {(ORG, "Trung tâm Bệnh")},
    ),
    # covid19_html_tre-nguy-kich-sau-covid.html: a hospital's unit after
    # "khoa" in lower case, its speciality in sentence case;
    (
        "BS Đinh Thế Tiến - khoa Nội tổng hợp thuộc Bệnh viện Đa khoa Đức Giang (Hà Nội), một trong 12"
        " nhân viên y tế",
        {(ORG, "khoa Nội tổng hợp"), (ORG, "Bệnh viện Đa khoa Đức Giang"), (PERSON, "Đinh Thế Tiến")},
        {(ORG, "khoa Nội")},
    ),
    (
        "Bé phải chuyển lên khoa Hồi sức tích cực chống độc và được chẩn đoán bị hội chứng viêm đa hệ thống",
        {(ORG, "khoa Hồi sức tích cực chống độc")},
        {(ORG, "khoa Hồi sức")},
    ),
    # covid19_html_tiem-vaccine-tre-12-17-tuoi.html: a ministry's field
    # written with a comma between its parts.
    (
        "Bộ Y tế vừa có công văn trả lời Bộ Văn hóa, Thể thao và Du lịch cho ý kiến về dự thảo công văn",
        {(ORG, "Bộ Y tế"), (ORG, "Bộ Văn hóa, Thể thao và Du lịch")},
        {(ORG, "Bộ Văn hóa")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_covid2022_boundaries(text: str, present: set[Named], absent: set[Named]) -> None:
    found = _found(text)
    assert present <= found, found
    assert not absent & found, found


def _named(text: str) -> set[tuple[EntityKind, str, str]]:
    return {(n.kind, n.surface, n.full) for n in find_names(unicodedata.normalize("NFC", text))}


def test_numbers_after_a_numbered_body_name_one_body_each() -> None:
    """covid19_html_tiem-vaccine-tre-12-17-tuoi.html: "số 4, 5, 6": six field hospitals."""
    found = _named(
        "Tỉnh Cà Mau đã ban hành quyết định giải thể Bệnh viện dã chiến số 4, 5, 6, 7, 8, 9, đồng thời"
        " giao lãnh đạo Sở Y tế chủ trì"
    )
    assert (ORG, "Bệnh viện dã chiến số 4", "") in found, found
    for n in "56789":
        assert (ORG, n, f"Bệnh viện dã chiến số {n}") in found, found
    assert (ORG, "Sở Y tế", "") in found, found


def test_a_numbered_body_keeps_its_number() -> None:
    """covid19_html_quan-ly-f0-tai-nha.html: "Bệnh viện Covid-19 số 1", not "Bệnh viện Covid-19"."""
    found = _found(
        "Trên địa bàn tỉnh Thanh Hóa hiện có 213 bệnh nhân đang điều trị tại Bệnh viện Covid-19 số 1 và 4.693"
        " bệnh nhân đang điều trị tại các cơ sở y tế trong tỉnh"
    )
    assert (ORG, "Bệnh viện Covid-19 số 1") in found, found
    assert not any(surface.startswith("4") for _, surface in found), found


def test_two_places_under_one_body_s_name_are_two_bodies() -> None:
    """covid19_html_tiem-vaccine-tre-12-17-tuoi.html: two district centres."""
    found = _named(
        "tỉnh Cà Mau ban hành quyết định thành lập đơn vị điều trị Covid-19 tại Trung tâm Y tế huyện Phú"
        " Tân và Ngọc Hiển. Mỗi đơn vị có quy mô 50 giường bệnh"
    )
    assert (ORG, "Trung tâm Y tế huyện Phú Tân", "") in found, found
    assert (ORG, "Ngọc Hiển", "Trung tâm Y tế huyện Ngọc Hiển") in found, found
    assert not any(surface.endswith("và Ngọc Hiển") for _, surface, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # covid19_html_molnupiravir-san-xuat-trong-nuoc.html
        "Ngoài ra, Cục cũng đề nghị Sở Y tế các tỉnh, thành phố trực thuộc Trung ương thông báo cho cơ sở"
        " khám chữa bệnh",
        # covid19_html_89-phan-tram-tre-hai-mui.html
        "Trước đó, ngày 21/1/2022, Bộ Y tế có Công văn số 350/BYT-DP gửi Sở Y tế 12 tỉnh, thành phố về việc"
        " tăng cường tiêm chủng",
        # covid19_html_quan-ly-f0-tai-nha.html
        "Tại tỉnh Thanh Hóa, bệnh nhân ở tầng 2, tầng 3 được điều trị ở bệnh viện Covid-19 cấp tỉnh có khả"
        " năng thu dung",
    ],
)
def test_a_body_of_each_of_many_places_is_a_class(text: str) -> None:
    """ "Sở Y tế các tỉnh", "Sở Y tế 12 tỉnh", "bệnh viện Covid-19 cấp tỉnh": no one body."""
    found = _found(text)
    assert not {s for k, s in found if k is ORG} - {"Bộ Y tế", "Cục"}, found
