"""Names that the words around them make a person's or a body's (issue 18,
branch ent5): the known leftovers of the earlier branches and the errors of
the VFND 2018 gold set (tests/fixtures/entities/vfnd2018/RESULTS.md).

Sentences marked "vfnd2018" are cut verbatim from that set's records (the
file is named); the others are the shapes the press writes.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.bodyjoins import first_part
from briefbook.analyse.entities import article_mentions, entity_key, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.gazetteer import is_place
from briefbook.core.records import EntityKind

from .entitycases import found, organisations

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


def test_a_place_with_its_tone_marks_placed_the_old_way_is_the_same_place() -> None:
    # vfnd2018 thanh-hoa-di-my-xuc-tien: "Chủ tịch UBND tỉnh Thanh Hóa", then "UBND tỉnh Thanh Hoá".
    assert is_place("Thanh Hoá") and is_place("Khánh Hoà")
    assert entity_key(ORG, "UBND tỉnh Thanh Hoá") == entity_key(ORG, "UBND tỉnh Thanh Hóa")


def test_a_role_before_a_place_named_as_a_person_names_the_person() -> None:
    assert (PERSON, "Hồ Chí Minh") in found("Chủ tịch Hồ Chí Minh đã đến thăm nơi này năm 1946.")
    assert (PLACE, "Hồ Chí Minh") not in found("Theo Chủ tịch Hồ Chí Minh, dân là gốc.")
    # The city, with its chairman: "TP" before it.
    city = found("Chủ tịch UBND TP Hồ Chí Minh đã đến thăm nơi này.")
    assert (PERSON, "Hồ Chí Minh") not in city and (ORG, "UBND TP Hồ Chí Minh") in city


def test_a_name_in_capitals_after_an_honorific_is_a_person() -> None:
    assert (PERSON, "NGUYỄN VĂN HÙNG") in found("Ông NGUYỄN VĂN HÙNG, Giám đốc Sở Y tế, cho biết.")
    assert (PERSON, "TRẦN THỊ LAN") in found("Theo bà TRẦN THỊ LAN, dịch đã được kiểm soát.")
    # A photo credit in capitals names no one (no honorific before it).
    assert not [n for n in found("Hiện trường vụ việc - Ảnh: LÊ PHAN") if n[0] is PERSON]


def test_a_name_then_who_the_person_heads_is_a_person() -> None:
    # vfnd2018 tham-hoa-indonesia.
    text = (
        '"Số người thiệt mạng hiện nay là 1.374 ", Willem Rampangilei, người đứng đầu Cơ quan Giảm nhẹ'
        " Thiên tai Quốc gia Indonesia hôm nay nói với AFP về thương vong"
    )
    assert (PERSON, "Willem Rampangilei") in found(text)


def test_an_airline_or_an_agency_is_named_without_its_kind() -> None:
    # vfnd2018 may-bay-cap-cuu-san-phu.
    text = "máy bay BL581 của hãng hàng không Jetstar Pacific chở gần 150 khách từ Đà Nẵng đi TP HCM"
    assert "Jetstar Pacific" in organisations(text)
    assert "AFP" in organisations("Theo hãng tin AFP, số người chết đã tăng.")


def test_an_outlet_named_as_a_source_is_an_organisation() -> None:
    # vfnd2018 con-cung-bo-cong-thuong, khoi-to-bi-thu-quan-2, nguoi-viet-o-paris.
    assert "Zing.vn" in organisations("Nguồn tin của Zing.vn cho biết trong kết luận của Bộ Công Thương")
    assert "Tuổi Trẻ Online" in organisations("Theo nguồn tin của Tuổi Trẻ Online, sáng cùng ngày")
    text = "cô gái Việt đang làm việc cho một công ty nội thất chia sẻ với VnExpress."
    assert "VnExpress" in organisations(text)


def test_a_stop_word_that_opens_a_word_of_the_name_does_not_end_it() -> None:
    # "thường" (usually) is a stop word; "thường vụ" (standing) a word of the name.
    assert "Ủy ban thường vụ Quốc hội" in organisations("Ủy ban thường vụ Quốc hội cho ý kiến về dự án luật.")
    assert organisations("Bộ Y tế và Chính phủ đã thống nhất.") == {"Bộ Y tế", "Chính phủ"}


def test_what_is_said_of_a_ministry_is_no_part_of_its_name() -> None:
    # vfnd2018 con-cung-bo-cong-thuong (its title).
    title = "Bộ Công Thương kết luận Con Cưng có sai sót nhưng không bán hàng giả"
    assert organisations(title) == {"Bộ Công Thương"}
    assert "Bộ Giáo dục và Đào tạo" in organisations("Bộ Giáo dục và Đào tạo ban hành quy chế.")


def test_and_then_a_class_of_bodies_ends_a_name() -> None:
    # vfnd2018 con-cung-bo-cong-thuong.
    text = (
        "Bộ Công Thương đã chỉ đạo Cục Quản lý thị trường và các Chi cục Quản lý thị trường xử lý theo"
        " quy định của pháp luật."
    )
    assert "Cục Quản lý thị trường" in organisations(text)


def test_a_field_in_lower_case_then_a_scope_is_a_body_name() -> None:
    # vfnd2018 du-khach-tu-vong-da-nang.
    text = (
        "Ngày 4/12, ông Mai Xuân Ngọc - Giám đốc Trung tâm pháp y Đà Nẵng, cho biết đã nhận được các kết"
        " quả xét nghiệm liên quan đến ba người tử vong từ Viện pháp y Quốc gia."
    )
    assert {"Trung tâm pháp y Đà Nẵng", "Viện pháp y Quốc gia"} <= organisations(text)
    # A programme with a field in lower case is no body (tests/fixtures/reader).
    assert not organisations("thực hiện Chương trình hành động Quốc gia về điều dưỡng")


def test_a_nationality_before_a_name_is_no_part_of_it() -> None:
    # vfnd2018 may-bay-cap-cuu-san-phu.
    text = "với sự trợ giúp của phi hành đoàn BL590 và nữ bác sĩ người Anh Fiona Sutton tình cờ đi cùng"
    people = {s for k, s in found(text) if k is PERSON}
    assert people == {"Fiona Sutton"}


def test_a_beach_named_after_a_person_is_a_place() -> None:
    # vfnd2018 man-ngua-tam-bien-da-nang.
    text = "khi tắm tại các bãi biển Phạm Văn Đồng, Mỹ Khê, T20 (quận Sơn Trà và Ngũ Hành Sơn, TP Đà Nẵng)."
    assert (PERSON, "Phạm Văn Đồng") not in found(text)


def _article_mentions(tmp_path: Path, text: str) -> list[tuple[EntityKind, str]]:
    """The people and organisations of one article of ``text``, as a build reads them."""
    path = tmp_path / "001_bai.txt"
    path.write_text(text, "utf-8")
    article = read_article(path, PurePath(path.name))[1]
    abbreviations = organisation_abbreviations(build_glossary([article]).entries)
    return [(m.kind, m.surface) for m in article_mentions(article, abbreviations) if m.kind is not PLACE]


def test_the_dictionary_names_the_fronts_unions_and_agencies_the_press_abbreviates(tmp_path: Path) -> None:
    text = (
        "Hội nghị bàn về tiêm chủng\n\nỦy ban MTTQ tỉnh và MTTQ các cấp đã vận động người dân. Đại diện"
        " EU, NATO và UNICEF cùng dự. Theo AFP, nhiều nước đã cam kết.\n"
    )
    found = _article_mentions(tmp_path, text)
    assert {(ORG, "MTTQ"), (ORG, "EU"), (ORG, "NATO"), (ORG, "UNICEF"), (ORG, "AFP")} <= set(found)
    # "và" then an abbreviation opens the next body: not "Ủy ban MTTQ tỉnh và MTTQ".
    assert not [s for k, s in found if "và" in s]


def test_a_vietnamese_body_s_abbreviation_goes_on_with_its_country(tmp_path: Path) -> None:
    # vims2016 thu-tuong-chi-tieu-90-phan-tram-bhyt ("MTTQ Việt Nam" is its name; "WHO Việt Nam" is WHO).
    text = (
        "Thủ tướng chỉ đạo\n\nThủ tướng đề nghị MTTQ Việt Nam, các đoàn thể tiếp tục vận động hội viên."
        " Đại diện WHO Việt Nam cũng có mặt.\n"
    )
    found = _article_mentions(tmp_path, text)
    assert (ORG, "MTTQ Việt Nam") in found and (ORG, "WHO") in found


def test_a_district_s_party_committee_is_a_body() -> None:
    # vfnd2018 khoi-to-bi-thu-quan-2; the heads in either placing of the tone mark.
    assert "Quận ủy Quận 2" in organisations("khởi tố ông Nguyễn Hoài Nam, bí thư Quận ủy Quận 2, TP.HCM")
    assert "Tỉnh uỷ Nghệ An" in organisations("Bí thư Tỉnh uỷ Nghệ An đã chỉ đạo.")


def test_a_vietnamese_body_abroad_is_named_with_its_country() -> None:
    # vfnd2018 nguoi-viet-o-paris.
    text = "Nguyễn Linh, phó chủ tịch Hội Sinh viên Việt Nam tại Pháp, cho hay"
    assert "Hội Sinh viên Việt Nam tại Pháp" in organisations(text)
    # A Vietnamese body's office in a province keeps the province apart.
    assert "Hội Sinh viên Việt Nam" in organisations("Hội Sinh viên Việt Nam tại Đà Nẵng đã họp.")


def test_a_body_s_one_word_name_alone_names_it_again() -> None:
    text = "Tập đoàn Viettel đã hỗ trợ 10 tỷ đồng. Viettel cho biết đã triển khai mạng 5G tại 10 tỉnh."
    assert (ORG, "Viettel") in found(text)
    text = "Lực lượng Taliban đã kiểm soát thủ đô Kabul. Taliban tuyên bố sẽ thành lập chính phủ mới."
    assert (ORG, "Taliban") in found(text)
    # A Vietnamese word after a group's word is no one-word name ("nhóm Bạn tình âm tính").
    assert not organisations("Nhóm Bạn tình âm tính đã họp. Bạn có thể tham gia.")
    # An abbreviation alone is the glossary's, not named again ("Quỹ BHYT" ... "BHYT").
    assert "BHYT" not in organisations("Quỹ BHYT đã chi trả. Người có thẻ BHYT được hưởng.")


def test_a_country_that_opens_a_word_does_not_end_a_name() -> None:
    # vfnd2018 du-khach-tu-vong-da-nang: "Pháp y" (forensic medicine), not France.
    text = '"Sau đó Viện Pháp y đã làm việc công tâm nhưng quá khó để đưa ra kết luận", ông nói.'
    assert organisations(text) == {"Viện Pháp y"}
    assert "Sở Y tế Hà Nội" in organisations("Sở Y tế Hà Nội hỗ trợ huyện Mường Lát.")


def test_a_body_named_without_its_scope_is_the_body_named_with_it() -> None:
    # vfnd2018 du-khach-tu-vong-da-nang: "Viện pháp y Quốc gia", then "Viện Pháp y".
    assert first_part("Viện Pháp y", ["Viện pháp y Quốc gia"]) == "Viện pháp y Quốc gia"
    assert first_part("Viện Pháp y", ["Viện Pháp y Hà Nội"]) == "Viện Pháp y"  # (a place: another body)


def test_a_group_of_nations_written_with_its_number_is_an_organisation(tmp_path: Path) -> None:
    text = "Hội nghị G7\n\nHội nghị thượng đỉnh G7 diễn ra tại Nhật Bản, các nước G7 cam kết hỗ trợ.\n"
    assert (ORG, "G7") in _article_mentions(tmp_path, text)
    # A capital and a number the dictionary does not have is no abbreviation ("F0": a COVID-19 case).
    assert not _article_mentions(tmp_path, "Ca bệnh\n\nSố F0 tăng mạnh, nhiều F1 phải cách ly tại nhà.\n")


def test_a_beach_named_again_without_its_word_is_still_the_beach(tmp_path: Path) -> None:
    # vfnd2018 man-ngua-tam-bien-da-nang: two paragraphs, the beach then its name alone.
    text = (
        "Mẩn ngứa sau khi tắm biển\n\nNhiều du khách bị ngứa khi tắm tại các bãi biển Phạm Văn Đồng, Mỹ Khê."
        "\n\n"
        "Mưa lớn khiến nước thải chảy ra dọc tuyến biển từ Phạm Văn Đồng đến T20.\n"
    )
    assert not [s for k, s in _article_mentions(tmp_path, text) if k is PERSON]
    # A person with a title stays a person ("Thủ tướng Phạm Văn Đồng").
    text = "Tên đường\n\nCon đường Phạm Văn Đồng rất đẹp.\n\nThủ tướng Phạm Văn Đồng từng đến thăm nơi này.\n"
    assert (PERSON, "Phạm Văn Đồng") in _article_mentions(tmp_path, text)
