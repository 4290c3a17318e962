"""Signals of a name's boundary that hold on any Vietnamese news text
(issue 18): words glued across a lost line break, a sentence's first word,
the words of a body's name in sentence case, the verb that ends a name.

Every sentence is cut verbatim from a real article: the reader corpus
(tests/fixtures/reader/articles, sources in its README), or the crawl
dzungcamlang/crawler_baomoi at commit 82860ea6c6e36130e83d3282dc60a8f4cda81870
(``data/<id>.txt``, named with each case), none of them in a held-out set.
"""

from __future__ import annotations

import unicodedata

import pytest

from briefbook.entities import find_mentions
from briefbook.records import EntityKind

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE


Named = tuple[EntityKind, str]


def _found(text: str) -> set[Named]:
    return {(kind, surface) for kind, surface, _ in find_mentions(unicodedata.normalize("NFC", text))}


# (sentence, what must be found, what must not be found)
CASES = [
    # data/11134521.txt: a paragraph glued to the name that ends the one before.
    (
        "nhất là các sản phẩm bán trôi nổi trên mạng Internet.Bác sĩ Nguyễn Thanh TháiGần đây, một nam"
        " thanh niên (TP.HCM) cũng đã khiến cư dân mạng",
        {(PERSON, "Nguyễn Thanh Thái")},
        {(PERSON, "Nguyễn Thanh TháiGần")},
    ),
    # data/11127630.txt: a sentence's first word is no part of the name before it.
    (
        "Hàn Quốc đã mạnh mẽ bác bỏ điều kiện này và gọi đây là một điều kiện “vô lý”."
        "Nguyễn Thủy Theo Telegraph",
        {(PERSON, "Nguyễn Thủy")},
        {(PERSON, "Nguyễn Thủy Theo Telegraph")},
    ),
    # data/11117224.txt: a body's name in sentence case, its compound word
    # written with the new tone placement ("văn hóa", the dictionary's "văn hoá").
    (
        "Tại Trung tâm Văn hóa quận Ba Đình (số 180 phố Quán Thánh), giá một khóa học bơi là 750 nghìn",
        {(ORG, "Trung tâm Văn hóa quận Ba Đình")},
        {(ORG, "Trung tâm Văn")},
    ),
    # data/11117224.txt, data/11144738.txt: "và" joins two fields of one body.
    (
        "Theo thống kê chưa đầy đủ của Cục Chăm sóc và bảo vệ trẻ em (Bộ Lao động, Thương binh và Xã hội),"
        " cho đến thời điểm này",
        {(ORG, "Cục Chăm sóc và bảo vệ trẻ em")},
        {(ORG, "Cục Chăm sóc")},
    ),
    (
        "theo đánh giá của Tổ chức Hợp tác và phát triển kinh tế (OECD). Chỉ số",
        {(ORG, "Tổ chức Hợp tác và phát triển kinh tế")},
        {(ORG, "Tổ chức Hợp tác")},
    ),
    # sggp_dump_bo-truong-giam-tai-benh-vien: a verb ends the name.
    (
        "rất khó để kêu gọi bác sĩ về cơ sở công tác. Bộ Y tế hy vọng quy định về nghĩa vụ xã hội tới đây"
        " khi được thực hiện sẽ",
        {(ORG, "Bộ Y tế")},
        {(ORG, "Bộ Y tế hy vọng quy định")},
    ),
    # infonet_dump_y-ta-an-bot-vac-xin: ... but not a second body.
    (
        "luật của Sở Y tế và cơ quan chức năng. Nếu mức độ sai phạm đến đâu,",
        {(ORG, "Sở Y tế")},
        {(ORG, "Sở Y tế và cơ quan chức năng")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_boundaries(text: str, present: set[Named], absent: set[Named]) -> None:
    found = _found(text)
    assert present <= found, found
    assert not (absent & found), found
