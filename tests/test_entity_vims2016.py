"""Where a body's name ends, and when two forms name one body, from the
errors of the ViMs 2016 gold set (issue 18).

Every sentence is cut verbatim from tests/fixtures/entities/vims2016 (the file
is given with each case): the rules written on these errors make that set in
sample for them (tests/fixtures/entities/vims2016/RESULTS.md).
"""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.analyse.bodyjoins import first_part, without_legal_form
from briefbook.analyse.entities import article_mentions, entity_key, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind, Mention

from .entitycases import found as _found
from .entitycases import organisations as _orgs

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


FIXTURES = Path(__file__).parent / "fixtures"


def _mentions(path: Path) -> list[Mention]:
    """The mentions of one article, as a build reads them."""
    article = read_article(path, PurePath(path.name))[1]
    return article_mentions(article, organisation_abbreviations(build_glossary([article]).entries))


def _keys(path: Path) -> dict[str, set[str]]:
    """The keys of each organisation's surfaces in one article."""
    keys: dict[str, set[str]] = {}
    for m in _mentions(path):
        if m.kind is ORG:
            keys.setdefault(m.surface, set()).add(m.key)
    return keys


def _vims(name: str) -> Path:
    return FIXTURES / "entities" / "vims2016" / f"vims_txt_{name}.txt"


def test_an_abbreviation_with_or_without_its_ampersand_is_one_body() -> None:
    # hop-bao-chinh-phu-nguyen-nhan-ca-chet: "Bộ trưởng Bộ TTTT Trương Minh Tuấn" ... "Bộ trưởng Bộ TT&TT".
    assert entity_key(ORG, "Bộ TT&TT") == entity_key(ORG, "Bộ TTTT")
    assert entity_key(ORG, "Bộ NN&PTNT") == entity_key(ORG, "Bộ NN-PTNT")
    assert entity_key(ORG, "Bộ TT&TT") != entity_key(ORG, "Bộ TN&MT")


def test_a_body_named_with_its_office_in_a_place_is_the_body_named_without_it() -> None:
    """ "Đại sứ quán Thụy Điển" and "Đại sứ quán Thụy Điển tại Việt Nam"
    (thuy-dien-tang-phong-vui-choi-bv-nhi): one embassy; but two offices
    "tại" two places stay two (a guard from tests/fixtures/reader)."""
    keys = _keys(_vims("thuy-dien-tang-phong-vui-choi-bv-nhi"))
    assert keys["Đại sứ quán Thụy Điển"] == keys["Đại sứ quán Thụy Điển tại Việt Nam"], keys
    guard = _keys(FIXTURES / "reader" / "articles" / "vietnamnet_dump_3-nguoi-viet-tau-ca-han-quoc.txt")
    assert guard["Đại sứ quán Việt Nam tại Israel"] != guard["Đại sứ quán Việt Nam tại Iran"], guard


def test_a_council_without_its_city_is_the_one_the_article_names_under_an_abbreviated_head() -> None:
    """ "Phó Chủ tịch Ủy ban nhân dân thành phố" is the "UBND thành phố Đà
    Nẵng" of the article's first paragraph (hoi-nghi-truong-doan-abg5): the
    head "UBND" is "Ủy ban nhân dân" written short."""
    keys = _keys(_vims("hoi-nghi-truong-doan-abg5"))
    assert keys["Ủy ban nhân dân thành phố"] == keys["UBND thành phố Đà Nẵng"], keys


def test_an_office_chiefs_title_abbreviated_or_in_title_case_is_no_name() -> None:
    """ "Phó Chánh VP" and "Phó Chánh Văn Phòng" (khien-trach-pho-chanh-vp-bo-y-te) are
    "Phó Chánh Văn phòng": neither a person "Phó Chánh" nor a body "Phòng Bộ Y tế"."""
    assert _found("Khiển trách Phó Chánh VP Bộ Y tế say, xúc phạm dân") == {(ORG, "Bộ Y tế")}
    assert _found("có 1 người là Phó Chánh Văn Phòng Bộ Y tế, phụ trách mảng công nghệ thông tin") == {
        (ORG, "Bộ Y tế")
    }


def test_an_amount_after_a_name_is_not_part_of_it() -> None:
    """ "... Vũng Tàu 1,5 tỉ đồng" (giam-doc-phu-an-sinh-chiem-dung-51-ti): the
    number opens the amount; a number that ends a name still does."""
    found = _orgs("Công ty Phú An Sinh chỉ trả cho Sở NN-PTNT tỉnh Bà Rịa - Vũng Tàu 1,5 tỉ đồng.")
    assert found == {"Công ty Phú An Sinh", "Sở NN-PTNT tỉnh Bà Rịa - Vũng Tàu"}, found
    assert _orgs("Bé được chuyển tới Bệnh viện Nhi đồng 1, sau đó về Bệnh viện 115.") == {
        "Bệnh viện Nhi đồng 1",
        "Bệnh viện 115",
    }


def test_a_verb_of_taking_on_or_posting_ends_a_name() -> None:
    """ "do Bộ Tư lệnh Thủ đô đảm nhiệm" (o-nhiem-bai-rac-nam-son), "Cục QLCT
    đăng tải Thông báo này" (cham-dut-da-cap-aim-star): the verb after the name
    is not part of it."""
    assert _orgs("sẽ có chín tổ công tác, do Bộ Tư lệnh Thủ đô đảm nhiệm cũng vào sáng 30-5.") == {
        "Bộ Tư lệnh Thủ đô"
    }
    assert _orgs("Trong thời hạn 30 ngày kể từ ngày Cục QLCT đăng tải Thông báo này") == {"Cục QLCT"}


def test_a_committee_head_in_title_case_is_the_head() -> None:
    """ "do Ủy Ban nhân dân thành phố Hà Nội cấp" (cham-dut-da-cap-aim-star):
    the council, one body with its "UBND thành phố Hà Nội" (not a "Ban")."""
    text = "Giấy chứng nhận đầu tư số: 011043002151 do Ủy Ban nhân dân thành phố Hà Nội cấp lần đầu"
    assert _orgs(text) == {"Ủy Ban nhân dân thành phố Hà Nội"}
    assert entity_key(ORG, "Ủy Ban nhân dân thành phố Hà Nội") == entity_key(ORG, "UBND thành phố Hà Nội")


def test_a_ministrys_name_cut_before_its_and_is_the_ministry() -> None:
    """ "Bộ Giáo dục" is the "Bộ Giáo dục và Đào tạo" the article names in full
    (bo-giao-duc-xu-ly-chay-truong)."""
    keys = _keys(_vims("bo-giao-duc-xu-ly-chay-truong"))
    assert keys["Bộ Giáo dục"] == keys["Bộ Giáo dục và Đào tạo"], keys
    assert first_part("Bộ Y tế", ["Bộ Y tế và Bộ Tài chính"]) == "Bộ Y tế"  # a second body after "và"


def test_a_title_before_a_bodys_name_alone_names_the_body() -> None:
    """ "Giám đốc Phú An Sinh chiếm dụng 51 tỉ đồng" (the title of
    giam-doc-phu-an-sinh-chiem-dung-51-ti): the "Công ty Phú An Sinh" of the
    text, no person "Phú An Sinh"."""
    mentions = _mentions(_vims("giam-doc-phu-an-sinh-chiem-dung-51-ti"))
    assert not [m for m in mentions if m.kind is PERSON and m.surface == "Phú An Sinh"]
    keys = _keys(_vims("giam-doc-phu-an-sinh-chiem-dung-51-ti"))
    assert keys["Phú An Sinh"] == keys["Công ty Phú An Sinh"], keys


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # thu-tuong-chi-tieu-90-phan-tram-bhyt: the agency written out in title case;
        (
            "Thủ tướng cho phép sử dụng nguồn kinh phí kết dư của Bảo hiểm Xã hội Việt Nam",
            "Bảo hiểm Xã hội Việt Nam",
        ),
        # vietnam-airlines-chu-tich-tong-giam-doc-moi: the Politburo in lower case.
        (
            "thôi giữ chức vụ Chủ tịch HĐQT do thay đổi công tác theo phân công của Bộ chính trị",
            "Bộ chính trị",
        ),
    ],
)
def test_a_known_bodys_name_in_another_case_is_the_body(text: str, body: str) -> None:
    assert body in _orgs(text)


def test_a_name_cut_before_its_lower_case_words_is_the_body_the_article_names_in_full() -> None:
    """ "Thứ trưởng Bộ Giao thông vận tải Nguyễn Nhật" is cut to "Bộ Giao thông"
    before the person; the next sentence gives "Bộ Giao thông vận tải"
    (vietnam-airlines-chu-tich-tong-giam-doc-moi): one ministry."""
    keys = _keys(_vims("vietnam-airlines-chu-tich-tong-giam-doc-moi"))
    assert keys["Bộ Giao thông"] == keys["Bộ Giao thông vận tải"], keys


@pytest.mark.parametrize(
    ("name", "short", "full"),
    [
        # The short name the text defines "(gọi tắt là Công ty Phú An Sinh)";
        ("giam-doc-phu-an-sinh-chiem-dung-51-ti", "Công ty Phú An Sinh", "Công ty Phú An Sinh"),
        # the contractor without its "CP" (thu-truong-cong-thuong-tru-cot-dien).
        ("thu-truong-cong-thuong-tru-cot-dien", "Công ty Sông Đà 11", "Công ty CP Sông Đà 11"),
    ],
)
def test_a_company_named_without_its_legal_form_is_the_company(name: str, short: str, full: str) -> None:
    keys = _keys(_vims(name))
    longer = "Công ty TNHH thương mại và chế biến thực phẩm Phú An Sinh" if short == full else full
    assert keys[short] == keys[longer], keys
    # Two companies of one name and two legal forms stay apart from it.
    bodies = ["Công ty TNHH ABC", "Công ty CP ABC"]
    assert without_legal_form("Công ty ABC", bodies) == "Công ty ABC"


def test_a_companys_numbered_branch_is_a_named_unit() -> None:
    """ "là Chi nhánh 7 của công ty Sông Đà 11" (thu-truong-cong-thuong-tru-cot-dien):
    the branch is a named unit, as a hospital's "Khoa"."""
    assert "Chi nhánh 7" in _orgs(
        "Đơn vị trực tiếp thi công được phản ánh là Chi nhánh 7 của công ty Sông Đà 11."
    )
