"""Stage 4, the body (continued): captions that stand as paragraphs of their
own. A short line right under a picture (and whether a story's pictures'
captions are its text); a line that says where people stand in its picture
("(thứ ba từ phải sang)"); a picture's caption that says again what the
paragraph above it said ("Thừa ủy quyền, Bộ trưởng Lương Tam Quang trao
Quyết định bổ nhiệm ..." under the paragraph that tells the ceremony), run in
as a paragraph of its own by a copy that kept no trace of the picture."""

from __future__ import annotations

import re

from briefbook.core.vietnamese import UPPER, case_key
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.inline import sentence_spans
from briefbook.read.reader.figures import CAPTION_WORDS, STORY_SHARE
from briefbook.read.reader.state import R_CAPTION_LINE, _Line, _State

__all__ = ["drop_echoing_captions", "photo_story", "places_people", "scene_caption", "under_picture"]

_WORDS = re.compile(r"\w+")

_ECHO_WORDS = (8, 40)
"""The shortest and the longest caption that echoes a paragraph, in words (a
sub-heading of a few words may well take its words from the text above); a
caption is one sentence."""

_ECHO_SHARE = 0.9
"""The share of a caption's words the paragraph above holds."""

_LONGER = 1.3
"""How much longer than the caption the paragraph it echoes is."""


def _echoes(line: str, above: str) -> bool:
    if case_key(line) in case_key(above):
        return False  # said again word for word: the text's own (a clause set apart), not a picture's
    if len(sentence_spans(line)) > 1:
        return False  # a caption is one sentence; a paragraph of two adds one of its own
    words = _WORDS.findall(line.casefold())
    held = _WORDS.findall(above.casefold())
    low, high = _ECHO_WORDS
    if not low <= len(words) <= high or len(held) < _LONGER * len(words):
        return False
    vocabulary = set(held)
    return sum(word in vocabulary for word in words) >= _ECHO_SHARE * len(words)


def drop_echoing_captions(body: list[_Line], state: _State) -> list[_Line]:
    """``body`` without the short paragraphs whose words are nearly all the
    paragraph's just above: the caption of the picture between them. The
    text loses no fact: the paragraph above says it all."""
    out: list[_Line] = []
    for line in body:
        if out and _echoes(line.text, out[-1].text):
            state.drop(line, R_CAPTION_LINE)
        else:
            out.append(line)
    return out


_POSITION = (
    r"(?:(?:thứ\s(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|\d+)|ngoài\scùng|hàng\s(?:đầu|sau|trên|dưới)|đứng|ngồi|bìa),?\s)*"
    r"(?:(?:từ|bên)\s)?(?:trái|phải|giữa)(?:\s(?:sang|qua)(?:\s(?:phải|trái))?)?"
)
_COLOURS = r"(?:trắng|đen|đỏ|xanh|vàng|hồng|tím|cam|nâu|xám|sọc|kẻ)(?:\s[^\W\d_]+)?"
_PLACES = re.compile(
    rf"[{UPPER}][^\s()]*\s\((?:{_POSITION}|áo\s{_COLOURS}"
    r"|(?:(?:second|third|fourth|far|front|back|top|bottom)\s)?(?:from\s)?(?:left|right|centre|center))\)"
)
"""Where the person just named stands in a picture: "Đại tá Lê Đức Nghĩa (thứ
hai, từ trái sang)", "Erandy (phải)", "Lallana (áo trắng)", "Smith (second
from left)". Only a caption places people so (not "hậu vệ (cánh trái)",
"quà (áo ấm, chăn màn)", "dãy nhà bên phải")."""
_PLACES_WORDS = 45


def places_people(line: _Line) -> bool:
    """A short paragraph of its own that says where people stand in a
    picture: its caption, whatever its final punctuation."""
    return (
        not line.md_heading
        and len(line.text.split()) <= _PLACES_WORDS
        and len(sentence_spans(line.text)) <= 2
        and _PLACES.search(line.text) is not None
    )


def under_picture(line: _Line) -> bool:
    """A short line right under a picture, no blank line between: its caption."""
    return (
        line.under_picture
        and not line.md_heading
        and len(line.text.split()) <= CAPTION_WORDS
        and len(sentence_spans(line.text)) <= 2
    )


def photo_story(body: list[_Line]) -> bool:
    """Whether the captions under pictures are most of the text (a photo
    story, whose captions are its text)."""
    captions = sum(len(line.text) for line in body if under_picture(line))
    return captions > STORY_SHARE * (sum(len(line.text) for line in body) - captions)


_SCENE_WORDS = 25
"""The longest caption of a scene, in words."""

_TOLD = re.compile(
    r"\b(?:đã|sẽ|đang|vừa|từng|cho biết|cho rằng|nói|khẳng định|nhấn mạnh"
    r"|nhưng|vì|nên|nếu|theo|khi|sau khi|trước khi|sau đó|tiếp đó|tiếp theo|lần lượt|cùng ngày|nhân dịp"
    r"|bị|được)\b",
    re.IGNORECASE,
)
"""Words of a text that tells (tense, reported speech, reasons, time): a
caption shows a scene and says none of them."""


_TIME_OPENING = re.compile(r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm|Tại|Trong|Sau|Trước|Nhân|Khi)\b")
"""A sentence that opens on its time or place tells what happened then."""
_VIEW = re.compile(r"(?:Quang|Toàn) cảnh\b")
_VIEW_WORDS = 12
"""The most words of a view's caption ("Toàn cảnh một cuộc họp của Bộ Chính trị, Ban Bí thư.")."""


def scene_caption(line: _Line, bp: Boilerplate) -> bool:
    """A short paragraph of one sentence that names a picture's scene in the
    caption's set phrases ("Quang cảnh hội nghị.", "Bộ trưởng ... phát biểu
    tại buổi Lễ.", "Các đại biểu chụp ảnh lưu niệm."), told in no tense:
    the caption of a picture the copy lost, though it ends with a full stop."""
    text = line.text
    return (
        not line.md_heading
        and text.endswith(".")
        and not text.endswith("..")
        and len(text.split()) <= _SCENE_WORDS
        and len(sentence_spans(text)) == 1
        and _TOLD.search(text) is None
        and _TIME_OPENING.match(text) is None
        and not any(c.isdigit() for c in text)  # "trao 200 suất quà", "vào ngày 12/3": a report's
        # "Quang cảnh khu vực sạt lở vô cùng hoang tàn, nhiều căn nhà ...": a view told, not shown.
        and (_VIEW.match(text) is None or len(text.split()) <= _VIEW_WORDS)
        and bp.is_caption(text)
    )
