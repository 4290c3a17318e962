"""Stage 3, the end of the text (continued): a last line that signs the text
with the writer's title and post ("GS. Tùng Bùi, Giám đốc Chương trình
Vietnam Executive MBA, Đại học Hawaii", an op-ed's signature), or with the
office that wrote it ("Phòng Thông tin điện tử – Viện ĐT&NCSKTE")."""

from __future__ import annotations

import re

from briefbook.core.vietnamese import UPPER
from briefbook.read.metadata import credited_names, parse_byline
from briefbook.read.reader.state import _SENTENCE_END

__all__ = ["titled_signature", "unit_signature"]

_TITLED = re.compile(rf"(?:(?:GS|PGS|TSKH|TS|ThS|BS|KS|LS)(?:\.\s*|\s+))+(?=[{UPPER}])")
"""An academic or professional title before a writer's name: "GS. ", "PGS.TS. "."""


def titled_signature(text: str) -> str:
    """The writer of a last line that gives a title, the name and what the
    writer is ("GS. Tùng Bùi, Giám đốc ..."): the name; "" for any other line."""
    titled = _TITLED.match(text)
    if titled is None or "," not in text or len(text) > _TITLED_MAX or text.endswith(_SENTENCE_END):
        return ""
    rest = text[titled.end() :]
    names = credited_names(rest)
    first = names.split(", ")[0]  # "Trần Thị Lan, Khoa Nhi, ...": the writer, then the unit
    return first if names != rest and parse_byline(first) is not None else ""


_TITLED_MAX = 160


_UNIT = re.compile(
    rf"(?:Phòng|Ban|Bộ phận|Tổ|Trung tâm|Văn phòng|Khoa)\s+[{UPPER}][^.!?:;]*"
    rf"(?:\s+[-–]\s+[{UPPER}][^.!?:;]*)?"
)
"""An office's name, and the body it belongs to after a dash: a hospital's or
a ministry's newsroom signing its article ("Phòng Công tác xã hội",
"Phòng Thông tin điện tử – Viện ĐT&NCSKTE")."""

_UNIT_WORDS = 12


def unit_signature(text: str) -> bool:
    """Whether a last line signs the text with the office that wrote it: an
    office's name (a capital after its kind's word), short, no sentence. No
    person's name: the text has no author."""
    return len(text.split()) <= _UNIT_WORDS and _UNIT.fullmatch(text.strip()) is not None
