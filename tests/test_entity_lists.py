"""Where a body's name ends, and one head shared by a list (issue 18): a
number that is a hospital's name, the next body after "và", a body's head in
lower case after a name, a plural head over the names after it.

Every sentence is cut verbatim from a fixture of the older gold sets (none
from tests/fixtures/entities/covid2022, the set then kept out of rule
development; its cases: tests/test_entity_covid2022.py): the path is given
with each case.
"""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.analyse.entities import article_mentions, entity_key, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.analyse.mentions import find_names
from briefbook.book import read_article
from briefbook.core.records import EntityKind

from .entitycases import Named
from .entitycases import found as _found

FRESH = Path(__file__).parent / "fixtures" / "entities" / "fresh"

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


# (sentence, what must be found, what must not be found)
CASES = [
    # tests/fixtures/entities/fresh/plo_clip_vien-tham-my-d.md: a number right
    # after the head is the hospital's name when a verb follows it ...
    (
        "Sau đó ít phút, xe cấp cứu đưa chị H vào Bệnh viện 115 để cấp cứu.",
        {(ORG, "Bệnh viện 115")},
        set(),
    ),
    # tests/fixtures/entities/articles/giadinh_dump_quyet-khong-de-tai-dien-tiem-thieu-vaccine.txt:
    # ... not when the noun it counts follows;
    (
        "“Sở đã tổ chức họp với Giám đốc Trung tâm 29 quận, huyện, thị xã để thông báo",
        set(),
        {(ORG, "Trung tâm 29"), (ORG, "Trung tâm 29 quận")},
    ),
    # tests/fixtures/reader/articles/vnexpress_html_phi-cong-trieu-tien.html:
    # ... nor a date after the name.
    (
        "thắp hương tưởng niệm vào dịp Tết Nguyên đán và ngày kỷ niệm thành lập Quân đội nhân dân Việt Nam"
        " 22/12. Ông bảo chọn ngày 22/12",
        {(ORG, "Quân đội nhân dân Việt Nam")},
        {(ORG, "Quân đội nhân dân Việt Nam 22")},
    ),
    # tests/fixtures/entities/fresh/who_clip_lu-lut-o-mien-trung-viet-nam.md:
    # "và" before a body that needs no head ("Chính phủ") joins two bodies.
    (
        "Nhưng tại Việt Nam, tôi rất vui mừng vì Bộ Y tế và Chính phủ đã đưa ra những cam kết hành động",
        {(ORG, "Bộ Y tế"), (ORG, "Chính phủ")},
        {(ORG, "Bộ Y tế và Chính phủ")},
    ),
    # tests/fixtures/entities/fresh/nguoiquansat_clip_benh-vien-viet.md: a
    # project named after a body names the body.
    (
        "Dự án Bệnh viện Đa khoa tỉnh Quảng Ninh có vốn đầu tư lên đến 4.000 tỷ đồng.",
        {(ORG, "Bệnh viện Đa khoa tỉnh Quảng Ninh")},
        {(ORG, "Dự án Bệnh viện Đa khoa tỉnh Quảng Ninh")},
    ),
    # tests/fixtures/entities/articles/catphcm_dump_thay-thuoc-doi-mat-lao-hiv.txt:
    # a head, its kind in lower case and the body it belongs to name both.
    (
        "Năm 1986, sau khi rời Bệnh viện quân y Quân khu 9, ông về Bệnh viện Phạm Ngọc Thạch",
        {(ORG, "Bệnh viện quân y Quân khu 9"), (ORG, "Quân khu 9"), (ORG, "Bệnh viện Phạm Ngọc Thạch")},
        set(),
    ),
    # tests/fixtures/entities/fresh/who_clip_lu-lut-o-mien-trung-viet-nam.md:
    # a name in title case goes on across "về" (about).
    (
        "Vào tháng 11 năm ngoái, Việt Nam đã tham gia Liên minh Hành động Chuyển đổi về Biến đổi Khí hậu và"
        " Sức khỏe, còn được biết đến là ATACH.",
        {(ORG, "Liên minh Hành động Chuyển đổi về Biến đổi Khí hậu và Sức khỏe")},
        {(ORG, "Liên minh Hành động Chuyển đổi")},
    ),
    # tests/fixtures/entities/fresh/plo_clip_vien-tham-my-d.md: a unit, then
    # the body it belongs to, names both.
    (
        "Ngày 5-6, Công an quận 1 đang phối hợp với Thanh tra Sở Y tế TP.HCM lập hồ sơ làm rõ nguyên nhân",
        {(ORG, "Thanh tra Sở Y tế TP.HCM"), (ORG, "Sở Y tế TP.HCM"), (ORG, "Công an quận 1")},
        set(),
    ),
    # tests/fixtures/entities/fresh/baophapluat_clip_1900-hair-salon.md: a
    # body's head in lower case after a name ("bệnh viện", the hospital the
    # unit belongs to) ends the unit's name, which keeps its last words.
    (
        "Số tóc này hiện đang do Phòng Công tác xã hội bệnh viện lưu giữ chờ chuyển cho Quỹ Ngày mai tươi"
        " sáng.",
        {(ORG, "Phòng Công tác xã hội")},
        {(ORG, "Phòng Công tác"), (ORG, "Phòng Công tác xã hội bệnh viện lưu giữ")},
    ),
    (
        "Công ty Apo Hair thông qua Quỹ Ngày mai tươi sáng gửi tặng 50 bộ tóc cho bệnh nhân của Trung tâm"
        " Ung bướu bệnh viện. Không có chuyện salon tặng 50 bộ tóc",
        {(ORG, "Trung tâm Ung bướu")},
        {(ORG, "Trung tâm Ung bướu bệnh viện")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_list_and_number_boundaries(text: str, present: set[Named], absent: set[Named]) -> None:
    found = _found(text)
    assert present <= found, found
    assert not (absent & found), found


def test_a_plural_head_without_a_colon_names_each_body_of_the_list() -> None:
    # tests/fixtures/articles/06_baomoi-sap-co-the-bhyt-dien-tu.txt: "các Bộ"
    # and three ministries; the fourth member has a head of its own ("UBND").
    text = "Theo đó, các Bộ LĐTB&XH, Y tế, Tài chính và UBND các tỉnh, thành phố triển khai nhiệm vụ"
    names = {(n.kind, n.surface, n.full) for n in find_names(text)}
    assert {(ORG, "Bộ LĐTB&XH", ""), (ORG, "Y tế", "Bộ Y tế"), (ORG, "Tài chính", "Bộ Tài chính")} <= names
    assert not any(n[1].startswith("UBND") and n[2] for n in names)


def test_a_body_named_with_the_word_for_its_city_alone_is_the_city_s() -> None:
    # tests/fixtures/entities/fresh/baobinhphuoc_clip_virus-marburg.md: "Sở Y
    # tế TP Hồ Chí Minh", later "Sở Y tế Thành phố": one body, one entry.
    path = FRESH / "baobinhphuoc_clip_virus-marburg.md"
    article = read_article(path, PurePath(path.name))[1]
    keys = {m.surface: m.key for m in article_mentions(article) if m.kind is ORG}
    assert keys["Sở Y tế Thành phố"] == keys["Sở Y tế TP Hồ Chí Minh"]


def test_a_university_with_and_without_trường_is_one_entry() -> None:
    # tests/fixtures/entities/fresh/daibieunhandan_clip_nguyen-quang-tuan.md:
    # "tại Đại học Toulouse, Pháp", then "tốt nghiệp Trường Đại học Toulouse".
    path = FRESH / "daibieunhandan_clip_nguyen-quang-tuan.md"
    article = read_article(path, PurePath(path.name))[1]
    keys = {m.surface: m.key for m in article_mentions(article) if m.kind is ORG}
    assert keys["Trường Đại học Toulouse"] == keys["Đại học Toulouse"]
    assert entity_key(ORG, "Trường THPT Lê Quý Đôn") != entity_key(ORG, "THPT Lê Quý Đôn")


def test_viện_shortens_the_hospital_the_article_names() -> None:
    # tests/fixtures/entities/articles/antd_dump_benh-vien-mat-trung-uong-don-ap-luc.txt:
    # "Bệnh viện Mắt Trung ương", then "Viện Mắt": one body, one entry.
    path = FRESH.parent / "articles" / "antd_dump_benh-vien-mat-trung-uong-don-ap-luc.txt"
    article = read_article(path, PurePath(path.name))[1]
    keys = {m.surface: m.key for m in article_mentions(article) if m.kind is ORG}
    assert keys["Viện Mắt"] == keys["Bệnh viện Mắt Trung ương"]


def _orgs(path: Path) -> dict[str, str]:
    """The organisations an article names, as the bench finds them (with the
    abbreviations of its glossary): surface to key."""
    article = read_article(path, PurePath(path.name))[1]
    abbreviations = organisation_abbreviations(build_glossary([article]).entries)
    return {m.surface: m.key for m in article_mentions(article, abbreviations) if m.kind is ORG}


def test_an_abbreviation_after_a_head_is_the_body_s_field_or_the_body() -> None:
    # tests/fixtures/entities/baomoi2014/baomoi_html_te-bao-goc-day-ron.html:
    # "hội đồng nghiệm thu Sở KHCN TP.HCM" (KHCN: khoa học công nghệ);
    orgs = _orgs(FRESH.parent / "baomoi2014" / "baomoi_html_te-bao-goc-day-ron.html")
    assert "Sở KHCN TP.HCM" in orgs
    assert "KHCN" not in orgs
    # tests/fixtures/articles/11_baomoi-itec-th-benh-vien-5-sao-nhat-ban.txt:
    # "Tập đoàn ITEC" is "Tập đoàn Kỹ thuật tổng hợp quốc tế (ITEC)".
    orgs = _orgs(FRESH.parent.parent / "articles" / "11_baomoi-itec-th-benh-vien-5-sao-nhat-ban.txt")
    assert len({orgs[s] for s in orgs if "ITEC" in s or s.startswith("Tập đoàn Kỹ thuật")}) == 1


def test_the_people_s_council_is_a_body() -> None:
    # tests/fixtures/entities/fresh/nguoiquansat_clip_benh-vien-viet.md
    text = "việc điều chỉnh dựa trên Nghị quyết của HĐND tỉnh Quảng Ninh về phê duyệt chủ trương đầu tư"
    assert (ORG, "HĐND tỉnh Quảng Ninh") in _found(text)


def test_a_body_with_its_ward_after_it_is_the_body() -> None:
    # tests/fixtures/entities/articles/toquoc_dump_minh-bo-y-te-khong-giam-tai.txt:
    # "Bệnh viện K (cơ sở 2) Tân Triều", "Bệnh viện K Tân Triều": one body.
    orgs = _orgs(FRESH.parent / "articles" / "toquoc_dump_minh-bo-y-te-khong-giam-tai.txt")
    assert orgs["Bệnh viện K Tân Triều"] == orgs["Bệnh viện K"]
