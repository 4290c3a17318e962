"""Bodies the words around a name make (issue 18, branch ent7): causes that
recur across the gold sets (tests/fixtures/entities/*/RESULTS.md), each
sentence cut verbatim from the fixture article it names.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.entities import article_mentions, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind, Mention

from .entitycases import found, organisations

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANISATION

ENTITIES = Path(__file__).parent / "fixtures" / "entities"


def _mentions(set_name: str, stem: str) -> list[Mention]:
    """The mentions of one fixture article, as a build reads them."""
    path = next((ENTITIES / set_name).glob(f"{stem}.*"))
    article = read_article(path, PurePath(path.name))[1]
    return article_mentions(article, organisation_abbreviations(build_glossary([article]).entries))


def _bodies(set_name: str, stem: str) -> dict[str, set[str]]:
    """Each organisation's key to the surfaces it was found under in one fixture article."""
    keys: dict[str, set[str]] = {}
    for m in _mentions(set_name, stem):
        if m.kind is ORG:
            keys.setdefault(m.key, set()).add(m.surface)
    return keys


def test_a_code_of_law_is_a_document_not_a_body() -> None:
    # vfnd2018 chay-than-hoa-binh: "Điều 285 BLHS năm 1999" (the dictionary: BLHS, Bộ luật Hình sự).
    surfaces = set().union(*_bodies("vfnd2018", "vfnd_json_chay-than-hoa-binh").values())
    assert not surfaces & {"BLHS", "Bộ luật Hình sự"}


def test_an_abbreviation_ending_the_text_leaves_its_full_stop_to_the_sentence() -> None:
    # unc2021 ceo-my-giup-an-do: the paragraph ends "nói với hãng tin PTI."
    text = "CEO của công ty công nghệ hàng đầu Deloitte, ông Puneet Renjen, nói với hãng tin PTI."
    assert "PTI" in organisations(text)
    assert "TP." not in organisations("Bệnh nhân được chuyển về TP.")


def test_a_foreign_name_after_the_words_for_a_body_and_its_description() -> None:
    # unc2021 ceo-my-giup-an-do.
    text = "CEO của công ty công nghệ hàng đầu Deloitte, ông Puneet Renjen, nói với hãng tin PTI."
    assert (ORG, "Deloitte") in found(text) and (PERSON, "Puneet Renjen") in found(text)
    # abmusu2022 lhq-cuu-tro-afghanistan.
    text = "Một quan chức cấp cao trong chính quyền Taliban cho biết Afghanistan hiện không có đủ thuốc men"
    assert organisations(text) == {"Taliban"}


def test_a_one_word_name_given_with_its_head_elsewhere_in_the_article_is_the_body() -> None:
    # unc2021 vinbrain-draid-y-te-so: "Công ty VinBrain" in a caption, "của VinBrain" in the text.
    bodies = _bodies("unc2021", "unc_txt_vinbrain-draid-y-te-so")
    assert any({"VinBrain", "Công ty VinBrain"} <= surfaces for surfaces in bodies.values())
    # vims2016 hoi-nghi-truong-doan-abg5: "Ủy ban Olympic Việt Nam"; "Olympic" in "Hội đồng Olympic châu Á"
    # is the council's word, not a body of its own.
    surfaces = set().union(*_bodies("vims2016", "vims_txt_hoi-nghi-truong-doan-abg5").values())
    assert "Olympic" not in surfaces


def test_the_partys_committees_are_bodies() -> None:
    # vims2016 giam-doc-so-xay-dung-hai-phong-bo-nhiem-con.
    assert "Thành ủy" in organisations(
        "Được biết, Thành ủy, UBND TP Hải Phòng cũng đã chỉ đạo ngoài việc xem xét kiểm"
    )
    text = "trong khi theo quy định phải lấy ý kiến của Đảng ủy Sở Xây dựng."
    assert "Đảng ủy Sở Xây dựng" in organisations(text)
    # vims2016 bo-truong-tttt-bao-chi-bam-sat-thuc-te.
    text = "Ủy viên Trung ương Đảng, Bộ trưởng Bộ TT&TT Trương Minh Tuấn nói"
    assert "Trung ương Đảng" in organisations(text)
    # vims2016 o-nhiem-bai-rac-nam-son: the standing committee of the city's Party committee, one body.
    text = "Những vấn đề thuộc thẩm quyền của HĐND, Thường trực Thành ủy, và các bộ ngành liên quan"
    assert "Thường trực Thành ủy" in organisations(text)
    # covid2022 abdala-thang-2: a role's committee in every province is no one body.
    text = "đề nghị đồng chí Bí thư Tỉnh ủy, Thành ủy và Chủ tịch UBND các tỉnh, thành phố khẩn trương"
    assert not organisations(text) & {"Tỉnh ủy", "Thành ủy"}
