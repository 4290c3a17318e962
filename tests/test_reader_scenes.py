"""A picture's caption that names its scene in the caption's set phrases
("Quang cảnh hội nghị.", "Bộ trưởng ... phát biểu tại buổi Lễ.", "Các đại
biểu chụp ảnh lưu niệm."), run in as a paragraph of its own with a full stop,
no credit and no trace of the picture: real posts of a news feed (held-out 6)
and a real crawl record (held-out 2), in sample for this rule."""

from __future__ import annotations

import pytest

from briefbook.core.records import Line
from briefbook.read.boilerplate import load_boilerplate
from briefbook.read.reader.captions import scene_caption
from briefbook.read.reader.state import _Line

from .captioncases import read_captions

BOCONGAN = "bocongan_jekyll_clip_trao-quyet-dinh-thu-truong.md"


@pytest.mark.parametrize(
    ("corpus", "name", "caption"),
    [
        ("reader_heldout6", BOCONGAN, "Các đại biểu dự buổi Lễ."),
        ("reader_heldout6", BOCONGAN, "Bộ trưởng Lương Tam Quang phát biểu tại buổi Lễ."),
        ("reader_heldout6", BOCONGAN, "Thứ trưởng Phạm Thế Tùng phát biểu nhận nhiệm vụ."),
        ("reader_heldout6", BOCONGAN, "Chủ tịch nước Tô Lâm cùng các đại biểu chụp ảnh lưu niệm."),
        ("reader_heldout6", "daklak_jekyll_clip_cum-lien-hiep-huu-nghi.md", "Quang cảnh hội nghị."),
        (
            "reader_heldout2",
            "qdnd_dump_dien-bien-tang-nguoi-dan-bien-gioi.txt",
            "Đại diện Ban Chỉ huy Đồn Biên phòng Thanh Luông, trao giải tặng các đội thi"
            " tham gia gói bánh chưng tại chương trình.",
        ),
    ],
)
def test_a_scene_named_in_a_captions_words_is_a_caption(corpus: str, name: str, caption: str) -> None:
    text, captions = read_captions(corpus, name)
    assert caption not in text
    assert caption in captions


def test_the_paragraphs_around_such_captions_stay() -> None:
    text, _ = read_captions("reader_heldout6", BOCONGAN)
    assert "Bộ trưởng Lương Tam Quang nhấn mạnh, đồng chí Phạm Thế Tùng" in text
    assert "Cùng dự buổi Lễ, có đại diện lãnh đạo các bộ, ban, ngành Trung ương" in text
    assert "Phát biểu nhận nhiệm vụ, thay mặt đồng chí Thứ trưởng Nguyễn Ngọc Lâm" in text


@pytest.mark.parametrize(
    "text",
    [
        # Real body sentences (the development corpus's gold, tests/fixtures/entities):
        # they tell, in tense or reported speech, or name the speech's subject.
        "Tại Đối thoại Shangri-La 9, Bộ trưởng Phùng Quang Thanh phát biểu với chủ đề:"
        ' "Đổi mới cấu trúc an ninh khu vực".',
        "Dư luận tại hội nghị đều ủng hộ các quan điểm của Việt Nam và đánh giá cao bài phát biểu"
        " của Bộ trưởng Phùng Quang Thanh.",
        "Cùng dự buổi Lễ, có đại diện lãnh đạo các bộ, ban, ngành Trung ương; các đồng chí trong"
        " Đảng ủy CATW, lãnh đạo Bộ Công an, nguyên lãnh đạo Bộ Công an…",
        # Written for this rule: told, not shown (a tense marker, a reported word).
        "Các đại biểu đã tham dự hội nghị tại Hà Nội.",
        "Bộ trưởng cho biết sẽ phát biểu tại hội nghị.",
        # A review's sentences in news style (written for the rule): a time, a
        # quantity, a sequence, a view told at length.
        "Chiều cùng ngày, Phó Chủ tịch UBND tỉnh trao 200 suất quà cho các hộ nghèo tại xã Tân Phú.",
        "Sáng 5/3, đoàn công tác của tỉnh kiểm tra thực tế tại công trình cầu Hàm Luông.",
        "Đại biểu Quốc hội Nguyễn Văn An tiếp xúc cử tri huyện Bình Chánh vào ngày 12/3.",
        "Sau đó, các đại biểu lần lượt phát biểu.",
        "Tiếp đó, Bộ trưởng Bộ Y tế phát biểu chỉ đạo.",
        "Quang cảnh khu vực sạt lở vô cùng hoang tàn, nhiều căn nhà bị vùi lấp hoàn toàn.",
    ],
)
def test_a_sentence_that_tells_is_no_scene(text: str) -> None:
    assert not scene_caption(_Line(Line(1, text), gap_before=True), load_boilerplate())
