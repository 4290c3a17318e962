"""Page debris: block markers and debris lines, from ``data/boilerplate.yaml``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from briefbook.core.reasons import Reason
from briefbook.core.vietnamese import LOWER, UPPER, case_key

# The data files shipped with briefbook through libyaml where PyYAML has it
# (the same data, several times faster); never an article's sidecar.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["BlockKind", "BlockMarker", "Boilerplate", "load_boilerplate"]


class BlockKind(Enum):
    """What to do with the lines of a debris block."""

    RELATED = "related"
    """Related-news list: headlines kept as further reading."""
    DROP = "drop"
    """Teasers dropped; the block ends where running text resumes."""
    COMMENTS = "comments"
    """Everything to the next marker dropped."""


@dataclass(frozen=True, slots=True)
class BlockMarker:
    """The line that opens a debris block."""

    kind: BlockKind
    reason: Reason | str
    headlines_only: bool = False
    """Its teasers have no summaries: running text ends the block."""


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The debris catalogue."""

    markers: dict[str, BlockMarker]
    """Normalised marker text to the block it opens."""
    lines: tuple[tuple[re.Pattern[str], Reason | str], ...]
    """Debris line patterns with their reasons."""
    captions: tuple[re.Pattern[str], ...]
    """Patterns of stand-alone photo-caption lines."""
    inline_spans: tuple[tuple[re.Pattern[str], Reason | str], ...]
    """Spans cut out of paragraphs wherever they stand, with reasons."""
    inline_sentences: tuple[tuple[re.Pattern[str], Reason | str], ...]
    """Sentences cut out of paragraphs when they start so, with reasons."""
    credit: re.Pattern[str]
    """A photo credit in brackets, "(Ảnh: ...)", "(Nguồn: Vietnam+)"."""
    marker_patterns: tuple[tuple[re.Pattern[str], BlockMarker], ...] = ()
    """Lines that open a block by their form ("X hoan nghênh ý kiến của bạn đọc")."""
    sections: frozenset[str] = frozenset()
    """News sites' section names (see :meth:`is_section`)."""
    footer: tuple[tuple[re.Pattern[str], Reason | str], ...] = ()
    """Page furniture only at the end of the article, with reasons."""

    def block_marker(self, text: str) -> BlockMarker | None:
        """The block that ``text`` opens, if it is a marker line (one of the
        markers, or a line that matches one of the blocks' patterns)."""
        key = _marker_key(text)
        # "Các tin liên quan", "Những tin khác": a marker with a plural's word before it.
        marker = self.markers.get(key) or self.markers.get(_PLURAL.sub("", key))
        if marker is None and len(text) <= 400:
            marker = next((m for pattern, m in self.marker_patterns if pattern.match(text)), None)
        return marker

    def is_caption(self, text: str) -> bool:
        """Whether a stand-alone line reads as a photo caption."""
        return any(pattern.match(text) for pattern in self.captions)

    def is_section(self, text: str) -> bool:
        """Whether ``text`` is the name of a news site's section."""
        return _marker_key(text) in self.sections

    def footer_reason(self, text: str) -> Reason | str | None:
        """Why ``text``, at the end of the article, is page furniture."""
        for pattern, reason in self.footer:
            if pattern.match(text):
                return reason
        return self.debris_reason(text)

    def debris_reason(self, text: str) -> Reason | str | None:
        """Why ``text`` is a debris line, or ``None`` when it is not (a
        list item's mark aside: a widget's options as a Markdown list)."""
        item = _ITEM_MARK.sub("", text, count=1)
        for pattern, reason in self.lines:
            if pattern.match(text) or (item != text and pattern.match(item)):
                return reason
        return None


_ITEM_MARK = re.compile(r"^\s*[*+•-]\s+(?=\S)")
_PLURAL = re.compile(r"^(?:các|những)\s+")


_COUNT = re.compile(r"\s*[(\[]\s*\d[\d.,]*\s*[)\]]\s*$")
"""A count after a box's heading: "Bình luận (0)", "Ý kiến bạn đọc ( 33 )"."""


def _marker_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().rstrip(":：»>›").strip()
    if text.endswith((")", "]")):  # where a count ends (the text is stripped: "$" is its end)
        text = _COUNT.sub("", text)
    text = text.rstrip(":：»>›").strip()
    return case_key(text)


@cache
def load_boilerplate() -> Boilerplate:
    """The catalogue shipped with briefbook."""
    source = resources.files("briefbook").joinpath("data/boilerplate.yaml").read_text("utf-8")
    data = yaml.load(source, Loader=_LOADER)
    markers: dict[str, BlockMarker] = {}
    marker_patterns: list[tuple[re.Pattern[str], BlockMarker]] = []
    for block in data["blocks"]:
        marker = BlockMarker(
            kind=BlockKind(block["kind"]),
            reason=_reason(block["reason"]),
            headlines_only=bool(block.get("headlines_only", False)),
        )
        for text in block.get("markers", []):
            markers[_marker_key(text)] = marker
        marker_patterns += [(_compile(p, re.IGNORECASE), marker) for p in block.get("patterns", [])]
    inline = data["inline"]
    return Boilerplate(
        markers=markers,
        marker_patterns=tuple(marker_patterns),
        lines=_patterns(data["lines"], re.IGNORECASE),
        captions=tuple(_compile(p) for p in data["captions"]),
        inline_spans=_patterns(inline["spans"]),
        inline_sentences=_patterns(inline["sentences"]),
        credit=_compile(inline["credit"]),
        footer=_patterns(data.get("footer", []), re.IGNORECASE),
        sections=frozenset(_marker_key(name) for name in data.get("sections", [])),
    )


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A catalogue's pattern, its "[:upper:]" and "[:lower:]" (inside a
    character class) spelt out as Vietnamese capitals and small letters."""
    return re.compile(pattern.replace("[:upper:]", UPPER).replace("[:lower:]", LOWER), flags)


_Patterns = tuple[tuple[re.Pattern[str], Reason | str], ...]


def _patterns(groups: list[dict[str, Any]], flags: int = 0) -> _Patterns:
    return tuple((_compile(p, flags), _reason(g["reason"])) for g in groups for p in g["patterns"])


_REASONS = {reason.value: reason for reason in Reason}


def _reason(text: str) -> Reason | str:
    """A catalogue's reason: the :class:`Reason` whose text it is ("chú thích
    ảnh" is :attr:`Reason.CAPTION_LINE`, which the paragraph cleaner treats
    as a caption), or the catalogue's own text."""
    return _REASONS.get(text, text)
