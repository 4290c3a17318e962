"""Where a body's name ends, and when a head names no one body, from the
errors of the AbMuSu 2022 gold set (issue 18).

Every sentence is cut verbatim from tests/fixtures/entities/abmusu2022 (the
file is given with each case; one guard from tests/fixtures/reader): the
rules written on these errors make that set in sample for them
(tests/fixtures/entities/abmusu2022/RESULTS.md).
"""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.analyse.entities import article_mentions, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind, Mention

from .entitycases import Named
from .entitycases import found as _found
from .entitycases import organisations as _orgs

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # abmusu_html_dich-truyen-dextran-40.html: counted by "các" ...
        (
            "Bộ Y tế (Cục Quản lý Dược) nhận được Công văn của một số bệnh viện và các Sở Y tế báo cáo"
            " khó khăn trong cung ứng dịch truyền cao phân tử",
            {"Bộ Y tế", "Cục Quản lý Dược"},
        ),
        # ... or "các tỉnh/ thành phố" after the head, written with a slash;
        (
            "Ngày 17/6/2022, Bộ Y tế (Cục Quản lý Dược) tổ chức cuộc họp với Sở Y tế các tỉnh/ thành phố trực"
            " thuộc Trung ương và các đơn vị liên quan",
            {"Bộ Y tế", "Cục Quản lý Dược"},
        ),
        # abmusu_html_giam-doc-bach-mai-dau-thau.html: a share of them all;
        (
            "thống kê đối với 34/63 Sở Y tế, 21/39 BV tuyến Trung ương và 2 BV trực thuộc trường Đại học cho"
            " thấy: 28/34 Sở Y tế báo cáo hiện có tình trạng thiếu thuốc tại địa phương.",
            set(),
        ),
        # abmusu_html_quyen-loi-nguoi-benh-bhyt.html: places given as examples after "như";
        (
            '"Chúng tôi đã thống kê có những mặt hàng dù đã hết nhưng chậm trên 3 tháng, có những tỉnh phải'
            " đấu thầu tập trung ở Sở Y tế như Nghệ An, TP HCM, TP Hà Nội thì tình trạng chậm trên 3 tháng",
            set(),
        ),
        # abmusu_html_tien-thuong-chong-dich-tphcm.html: units to be set up in every hospital.
        (
            "Vừa khám, chữa bệnh thông thường, vừa sắp xếp thành lập các Khoa COVID-19 trong bệnh viện.",
            set(),
        ),
    ],
)
def test_a_counted_head_is_a_class(text: str, bodies: set[str]) -> None:
    assert _orgs(text) == bodies


def test_a_counted_head_shared_by_a_list_names_each_member() -> None:
    """Not a class: "các" opens a plural head that the names after it share."""
    found = _orgs("Ông làm việc tại các Bệnh viện Bạch Mai và Chợ Rẫy.")
    assert found == {"Bệnh viện Bạch Mai", "Chợ Rẫy"}, found
    assert _orgs("Chiều 21/7 Bộ Y tế họp.") == {"Bộ Y tế"}  # a date before a head counts nothing


def test_and_then_a_head_in_lower_case_opens_the_next_body() -> None:
    """abmusu_html_hoai-tu-xuong-ham-mat.html: two hospitals, both heads in lower case."""
    found = _orgs(
        "trên bệnh nhân sau nhiễm COVID-19 do bệnh viện Răng Hàm Mặt Trung ương và bệnh viện Chợ Rẫy tiếp"
        " nhận và điều trị."
    )
    assert found == {"bệnh viện Răng Hàm Mặt Trung ương", "bệnh viện Chợ Rẫy"}, found


def _mentions(name: str) -> list[Mention]:
    """The mentions of one article of the set, as a build reads them."""
    path = Path(__file__).parent / "fixtures" / "entities" / "abmusu2022" / f"abmusu_html_{name}.html"
    article = read_article(path, PurePath(path.name))[1]
    return article_mentions(article, organisation_abbreviations(build_glossary([article]).entries))


def _keys(name: str) -> dict[str, set[str]]:
    """The keys of each organisation's surfaces in one article of the set."""
    keys: dict[str, set[str]] = {}
    for m in _mentions(name):
        if m.kind is ORG:
            keys.setdefault(m.surface, set()).add(m.key)
    return keys


@pytest.mark.parametrize(
    ("name", "short", "full"),
    [
        # The province named two ways ("Sở Y tế Đồng Nai", "Sở Y tế tỉnh Đồng Nai"): still one province.
        ("dong-nai-sot-xuat-huyet", "Sở Y tế", "Sở Y tế tỉnh Đồng Nai"),
        # The short form in another case than the one with the city.
        (
            "hoai-tu-xuong-ham-mat",
            "bệnh viện Răng Hàm Mặt Trung ương",
            "Bệnh viện Răng hàm mặt trung ương TP.HCM",
        ),
    ],
)
def test_a_body_named_without_its_place_is_the_one_named_with_it(name: str, short: str, full: str) -> None:
    keys = _keys(name)
    assert keys[short] == keys[full], keys


# (sentence, what must be found, what must not be found)
CASES = [
    # abmusu_html_doi-tac-thai-binh-duong-phu-yen.html: the Pacific, a place, ends the programme's name; no
    # person "Thái Bình Dương" (a surname opens it), no province "Thái Bình" inside it;
    (
        "Việt Nam luôn là thành viên quan trọng trong Chương trình Đối tác Thái Bình Dương và hai quốc gia"
        " đã dành nhiều thời gian để chuẩn bị cho PP22.",
        {(ORG, "Chương trình Đối tác Thái Bình Dương")},
        {(PERSON, "Thái Bình Dương"), (ORG, "Chương trình Đối tác"), (PLACE, "Thái Bình")},
    ),
    # ... the officials after their posts and the places the posts are in, their names in any language;
    (
        "Tham dự buổi lễ có đại diện UBND tỉnh Phú Yên; Tổng lãnh sự quán Hoa Kỳ tại TP Hồ Chí Minh Marie"
        " C. Damour; Đại sứ Anh tại Việt Nam Gareth Ward; Tổng lãnh sự Australia tại TP Hồ Chí Minh Sarah"
        " Hooper.",
        {
            (ORG, "UBND tỉnh Phú Yên"),
            (ORG, "Tổng lãnh sự quán Hoa Kỳ tại TP Hồ Chí Minh"),
            (PERSON, "Marie C. Damour"),
            (PERSON, "Gareth Ward"),
            (PERSON, "Sarah Hooper"),
        },
        set(),
    ),
    (
        "Phát biểu tại lễ khai mạc, Tổng lãnh sự Hoa Kỳ tại TP Hồ Chí Minh Marie C. Damour cho biết:",
        {(PERSON, "Marie C. Damour")},
        set(),
    ),
    # ... a hospital ship is no hospital; the navy is named with its nation, not with its ship;
    (
        "Đặc biệt lần này với sự có mặt của tàu bệnh viện Hải quân Hoa Kỳ Mercy tại tỉnh Phú Yên càng cho"
        " thấy ý nghĩa nhân đạo của Chương trình PP22.",
        {(ORG, "Hải quân Hoa Kỳ")},
        {(ORG, "bệnh viện Hải quân Hoa Kỳ Mercy"), (ORG, "Hải quân Hoa Kỳ Mercy")},
    ),
    # abmusu_html_9397-nhan-vien-y-te-nghi-viec.html: "Tổng" is the confederation's own;
    (
        "Mới đây Công đoàn Y tế Việt Nam vừa có báo cáo gửi Tổng Liên đoàn Lao động Việt Nam về tình hình",
        {(ORG, "Công đoàn Y tế Việt Nam"), (ORG, "Tổng Liên đoàn Lao động Việt Nam")},
        {(ORG, "Liên đoàn Lao động Việt Nam")},
    ),
    # abmusu_html_37-trieu-mui-tiem-lam-sach.html: a name's lower-case words, then a person: whole name;
    (
        "Phó Cục trưởng Cục Công nghệ thông tin Nguyễn Trường Nam cho biết, tính đến ngày 18/8, cả nước đã"
        " tiêm được 251.680.004 mũi vaccine COVID-19",
        {(ORG, "Cục Công nghệ thông tin"), (PERSON, "Nguyễn Trường Nam")},
        {(ORG, "Cục Công nghệ")},
    ),
    # (a ward named after a person is the ward's name: tests/fixtures/reader/articles/vietnamnet_dump_...)
    (
        "Công an phường Nguyễn Cư Trinh (quận 1, TPHCM) cho biết, đang phối hợp cùng Công an quận 1",
        {(ORG, "Công an phường Nguyễn Cư Trinh")},
        {(PERSON, "Nguyễn Cư Trinh")},
    ),
    # abmusu_html_dong-nai-sot-xuat-huyet.html, abmusu_html_tien-thuong-chong-dich-tphcm.html: abbreviated
    # heads with their names after them;
    (
        "Sở Y tế tỉnh Đồng Nai cũng đề nghị CDC Đồng Nai phối hợp tốt với Trung tâm y tế các huyện tổ chức"
        " phun hóa chất diệt muỗi",
        {(ORG, "Sở Y tế tỉnh Đồng Nai"), (ORG, "CDC Đồng Nai")},
        set(),
    ),
    (
        "ngành y tế xin gửi lời cảm ơn sâu sắc đến UBMT Tổ quốc Việt Nam TP Hồ Chí Minh, Bộ Y tế, các tập"
        " đoàn, công ty",
        {(ORG, "UBMT Tổ quốc Việt Nam TP Hồ Chí Minh"), (ORG, "Bộ Y tế")},
        {(ORG, "UBMT")},
    ),
    # abmusu_html_giam-doc-bach-mai-dau-thau.html: a letter standing for any maker.
    (
        "Một cái khó nữa là thực tế, hãng A sản xuất ra máy thì thường sản xuất hóa chất đi kèm",
        set(),
        {(ORG, "hãng A")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_abmusu2022_boundaries(text: str, present: set[Named], absent: set[Named]) -> None:
    found = _found(text)
    assert present <= found, found
    assert not absent & found, found


def test_a_role_in_sentence_case_is_a_role() -> None:
    """abmusu_html_hoai-tu-xuong-ham-mat.html: "Phó Chánh văn phòng" (the list has "Phó Chánh Văn
    phòng"), not a person "Phó Chánh"."""
    found = _found(
        "Phó Chánh văn phòng Sở Y tế Lê Thiện Quỳnh Như cho biết, chiều 18/7, Bệnh viện Răng hàm mặt trung"
        " ương TP.HCM và Bệnh viện Chợ Rẫy đã phối hợp"
    )
    people = {surface for kind, surface in found if kind is PERSON}
    assert people == {"Lê Thiện Quỳnh Như"}, found


def test_the_article_tells_where_a_body_s_name_ends_and_a_person_s_begins() -> None:
    """abmusu_html_giam-doc-bach-mai-dau-thau.html: "Giám đốc BV Bạch Mai Đào Xuân Cơ" ("Mai" is a
    surname too); the article names "BV Bạch Mai" and "PGS.TS Đào Xuân Cơ" elsewhere."""
    named = {(m.kind, m.surface) for m in _mentions("giam-doc-bach-mai-dau-thau")}
    assert {(ORG, "BV Bạch Mai"), (PERSON, "Đào Xuân Cơ")} <= named, named
    assert not {(ORG, "BV Bạch"), (PERSON, "Mai Đào Xuân Cơ")} & named, named


def test_the_government_of_viet_nam_is_the_government() -> None:
    """abmusu_html_doi-tac-thai-binh-duong-phu-yen.html: "Chính phủ Việt Nam" is named whole, and is the
    "Chính phủ" of the Vietnamese press (one key); another country's is its own."""
    from briefbook.analyse.entities import entity_key

    found = _orgs(
        "Chương trình PP22 được Chính phủ Việt Nam tiếp tục giao cho Phú Yên thực hiện sẽ tạo điều kiện để"
        " củng cố cơ sở hạ tầng"
    )
    assert "Chính phủ Việt Nam" in found, found
    assert entity_key(ORG, "Chính phủ Việt Nam") == entity_key(ORG, "Chính phủ")
    assert entity_key(ORG, "Chính phủ Mỹ") != entity_key(ORG, "Chính phủ")


def test_about_and_its_subject_run_on_a_name_up_to_its_parent() -> None:
    """abmusu_html_37-trieu-mui-tiem-lam-sach.html: "về trật tự xã hội" is the department's, its
    ministry after the comma."""
    found = _orgs(
        "báo cáo Tổ công tác Đề án 06 của Chính phủ (đầu mối nhận báo cáo là Cục Cảnh sát quản lý hành chính"
        " về trật tự xã hội, Bộ Công an). Thời gian hoàn thành trước ngày 10/09/2022."
    )
    assert {"Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Bộ Công an"} <= found, found
    assert "Cục Cảnh sát quản lý hành chính" not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # Counter-examples written for the rule (from no article): a topic, then a clause's subject.
        "Bộ Y tế về vấn đề này, Sở Y tế cho biết",
        "Cục Quản lý dược về việc gia hạn thuốc, Bộ Y tế cho biết",
    ],
)
def test_about_after_a_body_is_what_is_said_of_it(text: str) -> None:
    assert all(" về " not in name for name in _orgs(text)), _orgs(text)


def test_a_source_line_names_no_one() -> None:
    """abmusu_html_chua-coi-covid-benh-luu-hanh.html ends with "Theo Bộ Y tế, FB Thông tin Chính phủ":
    where the story comes from, not what it is about (a sentence opening so is text)."""
    named = {(m.kind, m.surface) for m in _mentions("chua-coi-covid-benh-luu-hanh")}
    assert (ORG, "Chính phủ") not in named, named
    assert (ORG, "Bộ Y tế") in named, named
    from briefbook.analyse.credits import source_line

    assert not source_line("Theo Bộ Y tế, số ca mắc tăng")
