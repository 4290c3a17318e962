"""The reader's shared words: the reasons a line is dropped, a line with its
place, and what parsing has collected so far."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefbook.core.reasons import Reason
from briefbook.core.records import (
    ArticleDate,
    DroppedLine,
    Line,
    RelatedItem,
)
from briefbook.core.vietnamese import LOWER, SENTENCE_STOPS, UPPER

_SENTENCE_END = (*SENTENCE_STOPS, *';"”’»')
"""A line's end that closes a sentence: a stop, a semicolon or a closing quote."""


_OUTLET_PREFIX = re.compile(r"^\((?P<outlet>[^()]{2,30})\)\s*[-–—]")


_RELEASE_DATELINE = re.compile(
    rf"^[{UPPER}][^,.;:]{{1,30}},\s*ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}},?\s+năm\s+\d{{4}}"
)


_DATELINE = re.compile(
    r"^(?:\((?P<paren>[^()]{2,30})\)"
    r"|(?P<bare>[A-ZĐ][A-ZĐ&]{1,6}(?:\s+Online|\.(?:VN|vn))?"  # "TTO -", "NLĐO -", "GD&TĐ -", "VOV.VN -"
    r"|[A-ZĐ][A-Za-z0-9-]*(?:\.[a-z]{2,4}){1,2}"  # the paper's domain: "Congly.vn -"
    r"|[A-ZĐ][a-z]+(?:[A-Z][a-z]*)+))"  # one word in camel case: "GiadinhNet -", "PetroTimes -"
    r"\s*[-–—]\s"
)


_CUT_MARK = re.compile(r"\s(?:\.{3}|…)$")
"""A paragraph cut short by a feed or a search engine: " ..." after its last word."""

_CUT_STEM = 40
"""The fewest characters of a cut copy's text that say which paragraph it copies."""


_CREDIT_OPEN = re.compile(r"(?:^|\s)(?:Ảnh|ẢNH|Photo)\s*:\s*$")
"""A line that ends where its photo's credit should begin (the credit is on the next line)."""


_SIGNING_INITIALS = re.compile(rf"[A-ZĐ]{{2,3}}|(?:[A-ZĐ]\.){{1,3}}\s?[{UPPER}][{LOWER}]+")
"""A writer's initials, alone after the text's last sentence ("HH", "N.Tập")."""


_BULLET = re.compile(r"^[-•●▪◦·+*–]\s+(?=\S)")
"""A list item's bullet, as copied from a page's list."""


_MAX_HEADING = 150


_MAX_TITLE = 300


_MAX_HEADLINE = 200


# The names the reader's stages use.
R_METADATA = Reason.METADATA
R_REPEAT = Reason.REPEAT
R_SUMMARY = Reason.SUMMARY
R_BLOCK = Reason.BLOCK
R_MARKUP = Reason.MARKUP
R_LABEL = Reason.LABEL
R_SAPO_REPEAT = Reason.SAPO_REPEAT
R_CAPTION_LINE = Reason.CAPTION_LINE
R_CAPTION_REPEAT = Reason.CAPTION_REPEAT
R_MARKDOWN = Reason.MARKDOWN
R_LINK_LINE = Reason.LINK_LINE
R_PROMPTED = Reason.PROMPTED
R_PAGE_TOP = Reason.PAGE_TOP
R_PAGE_BOTTOM = Reason.PAGE_BOTTOM
R_CREDIT_LINE = Reason.CREDIT_LINE
R_FURNITURE = Reason.FURNITURE
R_TEASER = Reason.TEASER


@dataclass(slots=True)
class _Line:
    """A non-empty line, with the blank lines before it and its Markdown role."""

    line: Line
    gap_before: bool
    blanks: int = 0
    """How many blank lines stand before it."""
    md_heading: bool = False
    """It was a Markdown heading ("## ...")."""
    under_picture: bool = False
    """It stands right under a picture, no blank line between (a Markdown
    copy's figure: the picture, then its caption)."""
    md_top: bool = False
    """It was a level-one Markdown heading of text ("# Title"), not of a link
    or a picture alone (a site's logo: "# [![Zing News](...)](http://...)")."""

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def lineno(self) -> int:
        return self.line.lineno


@dataclass(slots=True)
class _State:
    """What parsing has collected so far (private, mutable while parsing)."""

    dropped: list[DroppedLine] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)
    category: str = ""
    date: ArticleDate | None = None
    author: str = ""
    outlet: str = ""
    """The outlet the text declares (a crawler's field, the paper's name on a line of its own)."""
    byline_outlet: str = ""
    """The paper a byline names after the writer ("Phương Thảo/VOV.VN")."""
    source: str = ""
    url: str = ""
    outlet_votes: Counter[str] = field(default_factory=Counter)

    def drop(self, line: _Line, reason: Reason | str, detail: str = "") -> None:
        self.dropped.append(DroppedLine(line.lineno, line.text, reason, detail))
