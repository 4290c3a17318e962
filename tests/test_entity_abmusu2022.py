"""Where a body's name ends, and when a head names no one body, from the
errors of the AbMuSu 2022 gold set (issue 18).

Every sentence is cut verbatim from tests/fixtures/entities/abmusu2022 (the
file is given with each case): the rules written on these errors make that
set in sample for them (tests/fixtures/entities/abmusu2022/RESULTS.md).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.entities import article_mentions, find_mentions, organisation_abbreviations
from briefbook.analyse.glossary import build_glossary
from briefbook.book import read_article
from briefbook.core.records import EntityKind

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE

Named = tuple[EntityKind, str]


def _found(text: str) -> set[Named]:
    return {(kind, surface) for kind, surface, _ in find_mentions(unicodedata.normalize("NFC", text))}


def _orgs(text: str) -> set[str]:
    return {surface for kind, surface in _found(text) if kind is ORG}


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


def _keys(name: str) -> dict[str, set[str]]:
    """The keys of each organisation's surfaces in one article of the set, as a build reads it."""
    path = Path(__file__).parent / "fixtures" / "entities" / "abmusu2022" / f"abmusu_html_{name}.html"
    article = read_article(path, PurePath(path.name))[1]
    abbreviations = organisation_abbreviations(build_glossary([article]).entries)
    keys: dict[str, set[str]] = {}
    for m in article_mentions(article, abbreviations):
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
