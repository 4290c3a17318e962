"""Names that the words around them end or make a body's (issue 18, branch
ent6): the errors of the Dân trí 2021 gold set
(tests/fixtures/entities/unc2021/RESULTS.md) and leftovers of the earlier
sets that recur.

Sentences marked "unc2021" are cut verbatim from that set's files (the file
is named); the others are the shapes the press writes.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.entities import article_mentions, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind

from .entitycases import found, organisations

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANISATION


def test_a_name_stops_at_a_verb_or_a_preposition_of_two_syllables() -> None:
    # unc2021 bv-viet-duc-dao-tao-ngoai-khoa: "Đức chính" is a word, but "chính thức" is what follows.
    text = "Cũng trong buổi lễ này, Bệnh viện Hữu nghị Việt Đức chính thức khai trương hệ thống"
    assert "Bệnh viện Hữu nghị Việt Đức" in organisations(text)
    # unc2021 vinbrain-draid-y-te-so.
    text = "phối hợp với Viện Huyết học - Truyền máu Trung ương ứng dụng AI trong chẩn đoán, điều trị"
    assert organisations(text) == {"Viện Huyết học - Truyền máu Trung ương"}
    # unc2021 san-phu-tu-vong-yen-thuy.
    text = "chăm sóc, xử trí của Trung tâm Y tế huyện Yên Thủy đối với sản phụ P. về Bộ Y tế"
    assert organisations(text) == {"Trung tâm Y tế huyện Yên Thủy", "Bộ Y tế"}


def test_a_chief_executive_is_a_role_before_a_body_and_a_person() -> None:
    # unc2021 ceo-my-giup-an-do.
    text = (
        "Trong một tuyên bố, Chủ tịch và giám đốc điều hành Phòng Thương mại Mỹ Suzanne Clark nói: "
        '"Cuộc khủng hoảng lần này cần một phản ứng toàn cầu"'
    )
    names = found(text)
    assert (PERSON, "Suzanne Clark") in names and (ORG, "Phòng Thương mại Mỹ") in names


def test_a_permanent_deputy_head_is_a_role_not_a_board() -> None:
    # unc2021 bo-truong-dot-dich-sau.
    text = (
        "GS.TS Nguyễn Thanh Long, Phó trưởng Ban Thường trực Ban Chỉ đạo Quốc gia phòng chống dịch Covid-19,"
        " Bộ trưởng Bộ Y tế nhận định"
    )
    assert organisations(text) == {"Ban Chỉ đạo Quốc gia phòng chống dịch Covid-19", "Bộ Y tế"}


def test_the_party_and_the_army_are_bodies_named_alone() -> None:
    # unc2021 benh-vien-108-anh-hung.
    text = "nhiệm vụ mà Đảng, Nhà nước và Quân đội giao, xứng đáng với niềm tin yêu của bộ đội và nhân dân."
    assert organisations(text) == {"Đảng", "Quân đội"}
    text = "Tổng Bí thư, Bí thư Quân ủy Trung ương Nguyễn Phú Trọng đã đến dự buổi lễ kỷ niệm."
    assert "Quân ủy Trung ương" in organisations(text)
    # Not where the word goes on: the Party's committee, a member, a foreign party, the army's full name.
    assert not {"Đảng", "Quân đội"} & organisations("Đảng ủy Sở Xây dựng, Đảng viên và Đảng Dân chủ Mỹ")
    assert organisations("kỷ luật Quân đội nhân dân Việt Nam") == {"Quân đội nhân dân Việt Nam"}


def test_a_hospital_is_named_after_the_body_it_belongs_to() -> None:
    # unc2021 benh-vien-108-anh-hung, vinbrain-draid-y-te-so.
    assert organisations("Ngày 19/4, Bệnh viện Trung ương Quân đội 108 đã tổ chức Lễ kỷ niệm 70 năm") == {
        "Bệnh viện Trung ương Quân đội 108"
    }
    text = "Bệnh viện Trường Đại học Y dược Huế ghi nhận đóng góp của DrAid"
    assert organisations(text) == {"Bệnh viện Trường Đại học Y dược Huế"}
    # Two bodies stay two where "và" or a comma parts them.
    assert organisations("Bệnh viện Bạch Mai và Trường Đại học Y Hà Nội") == {
        "Bệnh viện Bạch Mai",
        "Trường Đại học Y Hà Nội",
    }


def _article_mentions(tmp_path: Path, text: str) -> set[tuple[EntityKind, str, str]]:
    """The organisations of one article of ``text`` as a build reads them: surface and key."""
    path = tmp_path / "001_bai.txt"
    path.write_text(text, "utf-8")
    article = read_article(path, PurePath(path.name))[1]
    abbreviations = organisation_abbreviations(build_glossary([article]).entries)
    return {(m.kind, m.surface, m.key) for m in article_mentions(article, abbreviations) if m.kind is ORG}


def test_a_body_named_without_the_words_in_the_middle_of_its_name_is_one_entry(tmp_path: Path) -> None:
    # unc2021 benh-vien-108-anh-hung, bv-viet-duc-dao-tao-ngoai-khoa.
    text = (
        "Bệnh viện 108 đón danh hiệu\n\nNgày 19/4, Bệnh viện Trung ương Quân đội 108 đã tổ chức lễ kỷ niệm."
        " Bệnh viện 108 là bệnh viện hạng đặc biệt. Bệnh viện Hữu nghị Việt Đức cử đoàn tới dự; BV Việt Đức"
        " và Bệnh viện Việt Đức là một.\n"
    )
    keys = {key for _, _, key in _article_mentions(tmp_path, text)}
    assert len(keys) == 2, keys
