"""Stage 3, the signature (continued): a last line that signs the text with
the writer's title and post ("GS. Tùng Bùi, Giám đốc Chương trình Vietnam
Executive MBA, Đại học Hawaii", an op-ed's signature), or with the office
that wrote it ("Phòng Thông tin điện tử – Viện ĐT&NCSKTE"); and a byline
that a crawler put under the sapo, a name alone on its line that the text's
photo credits give too ("Văn Nam" over "... - Ảnh: Văn Nam"); a writer credited
"Theo Phạm Trang"."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place, load_rules, locality_names
from briefbook.core.outlets import load_outlets
from briefbook.core.vietnamese import UPPER
from briefbook.read.metadata import credited_names, parse_byline
from briefbook.read.reader.state import _SENTENCE_END, R_METADATA, _Line, _State

__all__ = ["read_credited_byline", "theo_writer", "titled_signature", "unit_signature"]

_THEO = re.compile(r"^Theo\s+(?P<name>\S.{2,40})$")


def theo_writer(text: str) -> str:
    """The writer of a last line "Theo Phạm Trang" (VCCorp sites credit the
    writer so): a name that opens with a Vietnamese surname, as a paper's or
    an agency's name does not ("Theo Tri Thức Trẻ", "Theo Tân Hoa Xã": the
    source); "" for any other line."""
    theo = _THEO.match(text)
    byline = parse_byline(theo["name"]) if theo is not None else None
    if byline is None or byline.outlet or byline.source:
        return ""
    name = byline.author
    words = name.split()
    if not (2 <= len(words) <= _NAME_WORDS and all(w[:1].isupper() for w in words)):
        return ""  # "Theo Văn hóa": a paper's name in sentence case
    if is_place(name) or name in locality_names() or any(map(load_outlets().by_name, (name, f"Báo {name}"))):
        return ""  # "Theo Lâm Đồng", "Theo Thái Bình", "Theo Văn Nghệ": a province's or a paper's
    return name if words[0] in load_rules().surnames else ""


_NAME_WORDS = 4
"""The most words of a writer's name after "Theo"."""


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


_CREDIT = re.compile(r"(?:Ảnh|ẢNH|Photo)\s*:\s*([^.!?;()]{2,60}?)\s*[.)]?\s*$")
"""A photo's credit at the end of a line, and the names it gives."""
_UNDER_LEDE = 3
"""How many of the text's first lines a byline under the sapo may stand in."""


def read_credited_byline(body: list[_Line], state: _State) -> None:
    """A line among the text's first ones that is a name and nothing else,
    when a photo credit of the text gives that name: the article's writer,
    who took its pictures too (a crawler's dump puts the byline under the
    sapo). Taken off the body (in place) when the text has no author yet."""
    if state.author:
        return
    credited = {
        " ".join(found[1].split()).casefold()
        for line in body
        if (found := _CREDIT.search(line.text)) is not None
    }
    for index, line in enumerate(body[:_UNDER_LEDE]):
        text = " ".join(line.text.split())
        byline = parse_byline(text) if not text.endswith(_SENTENCE_END) else None
        if byline is not None and not byline.outlet and byline.author == text and text.casefold() in credited:
            state.author = text
            state.drop(line, R_METADATA, "tác giả")
            del body[index]
            return
