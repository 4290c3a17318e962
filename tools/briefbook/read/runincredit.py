"""An English edition's photo credit that a crawler ran into the text.

Việt Nam News signs a picture's caption with a dash and its credit ("—
VNA/VNS Photo Đinh Hằng", "— VNA Photo", "— Photo Minh Hương", "— Photo
zing.vn"); a crawler that takes the page's text as one line glues the
credit to what follows it, a byline or the dateline: "A customs official
... in HCM City. — VNA/VNS Photo Đinh HằngHÀ NỘI — All travellers ...",
"... spreads — Photo Minh HươngBy Minh HươngHÀ NỘI — The COVID-19 ...".
The credit ends where the glued word begins (a capital after a small
letter inside a word, or the credit's "Photo" glued to a capital); what
stands before it on the line, when short, is the caption (a record opens
with its picture), else the sentence just before; a byline ("By Minh
Hương") glued after the credit is the writer's; the text goes on from the
dateline. A credit whose end is not so marked is left to the other rules.
"""

from __future__ import annotations

import re

from briefbook.core.vietnamese import UPPER

__all__ = ["run_in_credit"]

_HEAD = re.compile(
    rf"(?:(?<=\s)|^)[-–—]\s*(?:[A-Z]{{2,6}}(?:/[A-Z]{{2,6}})*\s+Photo|Photo(?:\s+courtesy\s+of|\s+from|\s+by)?)"
    rf"(?=\s|[{UPPER}])"
)
_TOKEN = re.compile(r"\s*(\S+)")
_NAMES = 4
"""At most this many words name the photographer or the site."""
_BY = re.compile(r"By\s+")
_CAPTION_MAX = 300
"""The longest text before the credit, on its line, that is all the caption."""

Span = tuple[int, int, str]


def _glued(token: str) -> int | None:
    """Where a word a crawler glued on begins inside ``token`` ("HằngHÀ",
    "zing.vnHÀ", "HươngBy"): a capital after a small letter (not in an
    address with a "/", as "VnExpress/Giang Huy")."""
    if "/" in token:
        return None
    for i in range(1, len(token)):
        if token[i].isupper() and token[i - 1].islower():
            return i
    return None


def _names_end(text: str, pos: int) -> int | None:
    """Where the names after a credit's head at ``pos`` end, when a glued
    word marks it (``pos`` itself when the head is glued to a capital)."""
    if pos < len(text) and not text[pos].isspace():
        return pos  # "— VNA PhotoHÀ NỘI": no names
    for _ in range(_NAMES):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        if (inner := _glued(m.group(1))) is not None:
            return m.start(1) + inner
        pos = m.end()
    return None


_STOP = re.compile(rf"[.!?…]['\"”’]?\s*(?=[{UPPER}0-9a-z])")
"""A sentence's end, a space after it or not ("... Đam.news/news4.jpgA number ...")."""


def _caption_start(text: str, credit: int) -> int | None:
    """Where the caption before the credit at ``credit`` starts: the line's
    start when the caption is short (one or two sentences), else after the
    last sentence's end before it; ``None`` when that is too long a caption."""
    stops = [m.end() for m in _STOP.finditer(text, 0, len(text[:credit].rstrip(" .!?…")))]
    start = 0 if credit <= _CAPTION_MAX and len(stops) <= 1 else (stops[-1] if stops else 0)
    return start if credit - start <= _CAPTION_MAX else None


def run_in_credit(text: str) -> tuple[list[Span], str]:
    """The caption, credit and byline spans of ``text`` (kinds "caption",
    "credit", "author"), and the author that byline names."""
    spans: list[Span] = []
    author = ""
    for head in _HEAD.finditer(text):
        end = _names_end(text, head.end())
        if end is None or end >= len(text) or not text[end].isupper():
            continue
        start = _caption_start(text, head.start())
        if start is not None:
            spans.append((start, head.start(), "caption"))
        spans.append((head.start(), end, "credit"))
        if (by := _BY.match(text, end)) is not None and (name_end := _names_end(" " + text[by.end() :], 0)):
            name_end += by.end() - 1
            if name_end < len(text) and 1 < len(text[by.end() : name_end].split()) <= _NAMES:
                author = author or text[by.end() : name_end]
                spans.append((end, name_end, "author"))
    return spans, author
