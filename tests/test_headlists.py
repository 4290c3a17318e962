"""A head shared by the list after it (issue 18): each member of the list
is one body, named in full with the head ("UBND các huyện: Thanh Trì, ..."
names UBND huyện Thanh Trì).

Every sentence is cut verbatim from the crawl dzungcamlang/crawler_baomoi at
commit 82860ea6c6e36130e83d3282dc60a8f4cda81870 (``data/<id>.txt``, named
with each case), in no gold set.
"""

from __future__ import annotations

import unicodedata

import pytest

from briefbook.analyse.mentions import find_names
from briefbook.core.records import EntityKind

ORG, PLACE = EntityKind.ORGANISATION, EntityKind.PLACE


def _bodies(text: str) -> set[str]:
    return {n.full or n.surface for n in find_names(unicodedata.normalize("NFC", text)) if n.kind is ORG}


CASES = [
    # data/11119455.txt: two kinds of place, each with its list.
    (
        "UBND TP Hà Nội vừa chỉ đạo các cơ quan chức năng, UBND các huyện: Thanh Trì, Thường Tín, Từ Liêm,"
        " Ba Vì, Phú Xuyên và hai quận: Tây Hồ, Hoàng Mai xử lý dứt điểm 8 vụ việc vi phạm nghiêm trọng"
        " pháp luật đê điều",
        {
            "UBND TP Hà Nội",
            *(f"UBND huyện {h}" for h in ("Thanh Trì", "Thường Tín", "Từ Liêm", "Ba Vì", "Phú Xuyên")),
            "UBND quận Tây Hồ",
            "UBND quận Hoàng Mai",
        },
    ),
    # data/11114226.txt: a count, and "và" before the last member.
    (
        "Chính phủ yêu cầu UBND 3 tỉnh: Hưng Yên, Phú Yên và Kiên Giang có trách nhiệm tổ chức thực hiện"
        " quy hoạch, kế hoạch sử dụng đất",
        {"Chính phủ", "UBND tỉnh Hưng Yên", "UBND tỉnh Phú Yên", "UBND tỉnh Kiên Giang"},
    ),
    # data/11154298.txt: two members.
    (
        "Chính phủ yêu cầu UBND 2 tỉnh: Lào Cai, Hà Tĩnh có trách nhiệm tổ chức thực hiện quy hoạch",
        {"Chính phủ", "UBND tỉnh Lào Cai", "UBND tỉnh Hà Tĩnh"},
    ),
]


@pytest.mark.parametrize(("text", "bodies"), CASES)
def test_each_member_of_a_counted_list_is_a_body(text: str, bodies: set[str]) -> None:
    assert _bodies(text) == bodies


def test_places_counted_with_no_head_are_places() -> None:
    # data/11121077.txt: no head before the count, no body.
    text = "với các cơ quan, ban, ngành đóng trên địa bàn 3 tỉnh: Bắc Ninh, Bắc Giang và Thái Nguyên"
    found = find_names(text)
    assert [(n.kind, n.surface) for n in found] == [
        (PLACE, "Bắc Ninh"),
        (PLACE, "Bắc Giang"),
        (PLACE, "Thái Nguyên"),
    ]
