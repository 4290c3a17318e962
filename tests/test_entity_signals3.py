"""Names that the words around them end or make a body's (issue 18, branch
ent6): the errors of the Dân trí 2021 gold set
(tests/fixtures/entities/unc2021/RESULTS.md) and leftovers of the earlier
sets that recur.

Sentences marked "unc2021" are cut verbatim from that set's files (the file
is named); the others are the shapes the press writes.
"""

from __future__ import annotations

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
