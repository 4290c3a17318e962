"""The article's end mark: "./." after its last sentence, as the news agency
(TTXVN) and the papers that follow its style close a text. What stands under
it, past the lines that sign it, is the page's (teasers, related headlines)."""

from __future__ import annotations

import re

from briefbook.read.boilerplate import Boilerplate
from briefbook.read.headline import is_prose
from briefbook.read.reader.shapes import _signs
from briefbook.read.reader.state import R_PAGE_BOTTOM, _Line, _State

__all__ = ["bottom_after_end_mark"]

_END_MARK = re.compile(r"\./\.[\"”’)]*\s*$")
_SIGNED_FROM = re.compile(r"[^\s()][^()]{0,40}\((?:[Tt]heo|[Nn]guồn)\s+[^()]{2,60}\)\s*")
"""A writer's initials or name and the source it took the text from ("A.T (theo Reuters)")."""
_ENDED_SHARE = 0.5
"""The least share of the page's prose above the mark: a text's end, not a part's."""


def _signs_under(text: str, bp: Boilerplate) -> bool:
    return _signs(text, bp) or _SIGNED_FROM.fullmatch(text) is not None


def bottom_after_end_mark(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line] | None:
    """The page's bottom under the paragraph that ends with the end mark:
    the lines there that sign the text (its source, its writer, its address)
    stay; the others are dropped. ``None`` when no paragraph past most of the
    prose carries the mark, or nothing but signing lines follows it."""
    sizes = [len(line.text) if is_prose(line.text) else 0 for line in body]
    total, seen = sum(sizes), 0
    for i, line in enumerate(body):
        seen += sizes[i]
        if seen < _ENDED_SHARE * total or not _END_MARK.search(line.text):
            continue
        tail = body[i + 1 :]
        if sum(sizes[i + 1 :]) > seen or all(_signs_under(rest.text, bp) for rest in tail):
            return None
        kept = body[: i + 1]
        for rest in tail:
            if _signs_under(rest.text, bp):
                kept.append(rest)
            else:
                state.drop(rest, bp.debris_reason(rest.text) or R_PAGE_BOTTOM)
        return kept
    return None
