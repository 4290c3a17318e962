"""A caption without its credit that says where people stand in the picture
("(thứ ba từ phải sang)", "(phải)", "(áo trắng)"): real records of baomoi.com
crawls (held-out 2 and 3, in sample for this rule)."""

from __future__ import annotations

import pytest

from .captioncases import read_captions


@pytest.mark.parametrize(
    ("corpus", "name", "caption"),
    [
        (
            "reader_heldout2",
            "qdnd_dump_dien-bien-tang-nguoi-dan-bien-gioi.txt",
            "Đại tá Lê Đức Nghĩa (thứ ba từ phải sang) kiểm tra hoạt động khám bệnh.",
        ),
        (
            "reader_heldout2",
            "qdnd_dump_dien-bien-tang-nguoi-dan-bien-gioi.txt",
            "Đại tá Lê Đức Nghĩa (thứ hai, từ trái sang) tham gia hoạt động thi gói bánh chưng"
            " tại chương trình.",
        ),
        (
            "reader_heldout3",
            "kienthuc_dump_doat-mang-ban-than-vi-anh-nude.txt",
            "Erandy (phải) bị cáo buộc giết bạn thân là Anel.",
        ),
        (
            "reader_heldout3",
            "bongda24h_dump_adam-lallana.txt",
            "Lallana (áo trắng) được đánh giá là ngôi sao chơi sáng tạo nhất của Tam sư",
        ),
    ],
)
def test_a_line_that_places_people_in_a_picture_is_its_caption(corpus: str, name: str, caption: str) -> None:
    text, captions = read_captions(corpus, name)
    assert caption not in text
    assert caption in captions


def test_the_paragraphs_around_such_a_caption_stay() -> None:
    text, _ = read_captions("reader_heldout2", "qdnd_dump_dien-bien-tang-nguoi-dan-bien-gioi.txt")
    assert "Tham gia chương trình có khoảng 350 cán bộ, chiến sĩ và người dân" in text
    assert "Chương trình diễn ra gồm các nội dung" in text


@pytest.mark.parametrize(
    "text",
    [
        # A fresh-eyes review's body sentences: brackets that place no person in a picture.
        "Đoàn đã trao 200 suất quà (áo ấm, chăn màn) cho học sinh nghèo của xã.",
        "Học sinh mặc đồng phục mới (áo dài trắng) trong ngày khai giảng.",
        "Giá sầu riêng 50.000 đồng/kg (khoảng 2 trái).",
        "Anh chơi ở vị trí hậu vệ (cánh trái) từ mùa trước.",
        "Phòng khám đặt ở (tầng 1, dãy nhà bên phải).",
    ],
)
def test_brackets_that_place_no_one_in_a_picture_are_text(text: str) -> None:
    from briefbook.read.reader.captions import _PLACES

    assert _PLACES.search(text) is None
