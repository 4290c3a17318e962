"""Boxes inside the text, judged by their shape: a box of links to other
articles, a photo gallery's captions, another article's teaser.

- **links**: three or more headlines in a row (lines that read as titles:
  no sentence's end) are a box of links to other articles, unless the text
  announces a list ("... gồm:");
- **a gallery**: a run of short one-sentence lines among paragraphs much
  longer, one of them with its photo's credit ("... Ảnh: Lê Hiếu."), or four
  or more at the end of the text, are the photos' captions; so are the
  short lines after a line that announces photos ("Một số hình ảnh ...:");
- **a teaser**: a paragraph that opens with an outlet's dateline ("(TNO)",
  "(Dân trí) -") past the text's first lines starts another article.

The article's own lines are kept: a run must have the shape of a box, and
a list the text announces never is one.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable

from briefbook.core.gazetteer import is_place
from briefbook.core.outlets import load_outlets
from briefbook.core.reasons import Reason
from briefbook.core.vietnamese import UPPER
from briefbook.read.headline import is_headline_shape, is_prose
from briefbook.read.inline import sentence_spans
from briefbook.read.metadata import parse_byline
from briefbook.read.picturebox import caption_key
from briefbook.read.reader.figures import drop_marked
from briefbook.read.reader.shapes import _date_only, _is_place_name
from briefbook.read.reader.state import _BULLET, _Line, _State

__all__ = ["drop_boxes", "drop_marked_teasers", "drop_teaser_list"]

R_LINK_BOX = Reason.LINK_BOX
R_GALLERY = Reason.GALLERY
R_TEASER = Reason.TEASER_SUMMARY

_LINKS_MIN = 3
_DATE_LINE = 40
_GALLERY_END_MIN = 4
_CAPTION_MAX = 110
_GALLERY_MIN = 2
_ANNOUNCED_CAPTION_MAX = 200
"""The longest caption after a line that announces photos (a caption names people with their titles)."""
_PICTURES = re.compile(r"\b(?:hình ảnh|ảnh|bức ảnh|loạt ảnh|bộ ảnh|chùm ảnh|photo)\b", re.IGNORECASE)
_INVITES = re.compile(r"^(?:Mời|Kính mời|Cùng|Hãy cùng)\b.{0,60}\bxem\b", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"(?:^|\s)\(?(?:Ảnh|ẢNH|Photo)\s*:\s*[^.!?]{2,60}\)?\.?\s*$")
_ENDS = tuple('.!?…"”')
_TEASER_DATELINE = re.compile(
    rf"^(?:\((?P<paren>[A-ZĐ][^()]{{1,24}})\)\s*[-–—]?|(?P<bare>[A-ZĐ]{{2,6}})\s*[-–—])\s+[{UPPER}]"
)
_HEADLINE_DATELINE = re.compile(
    rf"^[{UPPER}0-9][^.!?()]{{10,160}}?\s\((?P<paren>[^()]{{2,24}})\)(?P<bare>)\s*[-–—]\s+[{UPPER}]"
)
"""Another article's headline and sapo on one line, the sapo opening with
its dateline: "Can Lộ Lộ làm hư giới người mẫu xe hơi Trung Quốc (Soha.vn) - Cô nàng ..."."""
_SITE = re.compile(r"[A-ZĐ][\w-]*(?:\.[a-z]{2,4}){1,2}")
"""An outlet's domain as its dateline: "(Soha.vn)"."""
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9.+&]{1,9}(?:\s?Online)?")
"""An outlet's dateline opening a paragraph: "(TNO) Sáng nay ...", "(Dân
trí) - ...", "TTO - ..." (not a photo's credit)."""


def _is_item(text: str) -> bool:
    """A list item or a table's row, which is the article's own."""
    return _BULLET.match(text) is not None or text.startswith("|")


def _is_link(text: str) -> bool:
    """A headline of another article: five words or more (a list of names or
    places, the article's own, is shorter), no sentence's end."""
    return (
        is_headline_shape(text)
        and 5 <= len(text.split()) <= 25
        and not text.rstrip().endswith(_ENDS)
        and not _is_item(text)
    )


def _is_caption(text: str) -> bool:
    return (
        len(text) <= _CAPTION_MAX
        and text.rstrip().endswith(_ENDS)
        and len(sentence_spans(text)) <= 2
        and not _is_item(text)
    )


def _is_teaser(text: str) -> bool:
    """A paragraph that opens with an outlet's dateline: an abbreviation
    ("(TNO)", "TTO -") or a paper the outlet table knows ("(Dân trí) -"),
    not a clause's number ("(Điều 5)")."""
    opening = _TEASER_DATELINE.match(text)
    m = opening or _HEADLINE_DATELINE.match(text)
    if m is None:
        return False
    words = (m["paren"] or m["bare"]).strip()
    if _is_place_name(words):
        return False  # the place of the text's own dateline ("SEOUL — ..."), not a paper's
    return (
        # Inside a sentence, a body's initials stand in brackets before a dash
        # ("the Vietnam National University (VNU) - Hồ Chí Minh City"): there,
        # only a paper's name or address is a dateline.
        (opening is not None and _ABBREVIATION.fullmatch(words) is not None)
        or _SITE.fullmatch(words) is not None
        or load_outlets().by_name(words) is not None
    )


_BARE_GALLERY_MIN = 3
_BARE_CAPTION_WORDS = (8, 40)


_BARE_GALLERY_SHARE = 0.6
"""The most of a text's words a run of bare captions may hold and be a gallery inside it."""


def _is_bare_caption(text: str) -> bool:
    """A picture's caption a crawler set as a paragraph without its credit: a
    clause of eight to forty words, no sentence's end, no list's item. Three or
    more in a row are a gallery (a run of headings has paragraphs between)."""
    low, high = _BARE_CAPTION_WORDS
    return (
        low <= len(text.split()) <= high
        and not text.rstrip().endswith((*_ENDS, ":", ";", ",", ")"))
        and not _is_item(text)
    )


def _runs(body: list[_Line], test: Callable[[str], bool]) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal run of lines that pass ``test``."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*body, None]):
        if line is not None and test(line.text):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _link_runs(body: list[_Line]) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of headlines, a date line under each
    allowed ("TP.HCM cần đường vượt biển ..." / "11/10/2025 10:24" / ...: a
    box of teasers with their dates)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*body, None]):
        dated = (
            line is not None
            and start is not None
            and _is_link(body[i - 1].text)
            and _date_only(line.text, _DATE_LINE) is not None
        )
        if line is not None and (_is_link(line.text) or dated):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _announces_pictures(text: str) -> bool:
    """A line that introduces the photos after it: "Cùng xem lại hình ảnh
    ... :", "Một số hình ảnh tại phiên chợ ...:", "Mời các bạn xem loạt ảnh ..."."""
    return _PICTURES.search(text) is not None and (
        text.rstrip().endswith(":") or _INVITES.match(text) is not None
    )


def _is_short_line(text: str) -> bool:
    return len(text) <= _ANNOUNCED_CAPTION_MAX and len(sentence_spans(text)) <= 2 and not _is_item(text)


def _announced_galleries(body: list[_Line]) -> list[tuple[int, int]]:
    """``(start, end)`` of the captions after a line that announces photos:
    the short lines that follow it, two or more. The text's last line stays
    when it ends as a sentence and the captions do not (its closing words)."""
    runs: list[tuple[int, int]] = []
    for i, line in enumerate(body[:-1]):
        if not _announces_pictures(line.text):
            continue
        end = i + 1
        while end < len(body) and _is_short_line(body[end].text):
            end += 1
        if end == len(body) and body[end - 1].text.rstrip().endswith(_ENDS):
            end -= 1  # the text's closing sentence, or a caption: the text's is kept
        if end - (i + 1) >= _GALLERY_MIN:
            runs.append((i + 1, end))
    return runs


_FIRST_TEASER = 2
"""The first line of the body a teaser may stand on (the two before are the article's)."""
_SERIES_MIN = 2
"""The fewest dated teasers (headline, then a sapo with its dateline) that make a series."""


def _is_series_headline(text: str) -> bool:
    """A headline in a series of teasers: a link's shape, a quote closing it allowed
    ("Em gái Can Lộ Lộ tự sướng với mắt... "một mất, một còn"")."""
    return _is_link(text) or (_is_link(text.rstrip().rstrip('"”')) and not text.rstrip().endswith("."))


def _series_head(body: list[_Line], teasers: list[int], drop: dict[int, str]) -> list[int]:
    """The undated pairs that open a series of teasers: a headline and a
    one-sentence sapo, no longer than the series' sapos, right before two or
    more headlines with dated sapos ("Em gái Can Lộ Lộ tự sướng ..." / "Cô
    em gái Can Mao Mao bất ngờ khoe ...", then "Những màn khoe ngực ..." /
    "(Soha.vn) - Không thua kém ..."): the page's list of other articles,
    whose first sapo the site left without its dateline."""
    paired = [i for i in teasers if drop.get(i - 1) == R_TEASER]
    if len(paired) < _SERIES_MIN or any(b - a != 2 for a, b in itertools.pairwise(paired)):
        return []
    longest = max(len(body[i].text) for i in paired)
    head: list[int] = []
    start = paired[0] - 1  # the series' first headline
    while start - 2 >= _FIRST_TEASER:
        headline, sapo = body[start - 2], body[start - 1]
        if not (
            _is_series_headline(headline.text)
            and len(sentence_spans(sapo.text)) == 1
            and sapo.text.rstrip().endswith(_ENDS)
            and len(sapo.text) <= longest
        ):
            break
        head += [start - 2, start - 1]
        start -= 2
    return head


_TEASER_LIST_MIN = 3
_CREDIT_WORD = re.compile(r"\(?(?:Ảnh|ẢNH|Photo|Video|Clip|Đồ họa|Nguồn)\b", re.IGNORECASE)
"""A photo's credit ("Ảnh: Minh Hà"), which signs a picture, not the text."""


def drop_teaser_list(body: list[_Line], state: _State) -> list[_Line]:
    """The text without a list of other articles under its byline, told by
    its shape in a Markdown copy: under the line that signs the text, a
    heading ("## More news", "## Check out the Newbie 101 article series")
    and then only headings, each with at most one paragraph (a teaser's
    headline and sapo), to the end. Under the byline, the text has ended,
    so no article's own sections are taken for such a list."""
    for start in range(1, len(body) - _TEASER_LIST_MIN):
        signer = body[start - 1].text
        if (
            body[start].md_heading
            and not _CREDIT_WORD.match(signer)
            and not is_place(signer)
            and parse_byline(signer) is not None
        ):
            break
    else:
        return body
    rest = body[start + 1 :]
    headings = [i for i, line in enumerate(rest) if line.md_heading]
    if len(headings) < _TEASER_LIST_MIN or headings[0] != 0:
        return body
    ends = [*headings[1:], len(rest)]
    if any(end - heading > 2 for heading, end in zip(headings, ends, strict=True)):
        return body  # a heading with more than a paragraph under it: a section of text
    for line in body[start:]:
        state.drop(line, R_TEASER)
    return body[:start]


def drop_marked_teasers(body: list[_Line], state: _State, teasers: frozenset[str]) -> list[_Line]:
    """The text without the lines a saved page's markup boxes as other
    articles' teasers (:mod:`briefbook.read.teaserbox`)."""
    if not teasers:
        return body
    return drop_marked(body, state, [caption_key(line.text) in teasers for line in body], R_TEASER)


def drop_boxes(body: list[_Line], state: _State) -> list[_Line]:
    """``body`` without the boxes of links, galleries and teasers in it."""
    if len(body) < 3:
        return body
    drop: dict[int, str] = {}
    for start, end in _link_runs(body):
        announced = start > 0 and body[start - 1].text.rstrip().endswith(":")
        headlines = sum(1 for line in body[start:end] if _is_link(line.text))
        if headlines >= _LINKS_MIN and not announced and start > 0:
            drop.update(dict.fromkeys(range(start, end), R_LINK_BOX))
    for start, end in _runs(body, _is_caption):
        run = body[start:end]
        others = [len(line.text) for line in body if is_prose(line.text) and len(line.text) > _CAPTION_MAX]
        if not others or statistics.median(others) < 2.5 * max(len(line.text) for line in run):
            continue  # the text's paragraphs are as short: a run of them, not captions
        credited = end - start >= 2 and any(_PHOTO_CREDIT.search(line.text) for line in run)
        if credited or (end == len(body) and end - start >= _GALLERY_END_MIN):
            drop.update(dict.fromkeys(range(start, end), R_GALLERY))
    text_words = sum(len(line.text.split()) for line in body)
    finished = sum(1 for line in body if line.text.rstrip().endswith(_ENDS))
    for start, end in _runs(body, _is_bare_caption):
        announced = start > 0 and body[start - 1].text.rstrip().endswith(":")
        # Not the text itself: a photo story's captions, or a text whose
        # paragraphs a crawler left without their full stops.
        run_words = sum(len(line.text.split()) for line in body[start:end])
        minor = run_words < _BARE_GALLERY_SHARE * text_words and finished >= _BARE_GALLERY_MIN
        if end - start >= _BARE_GALLERY_MIN and start > 0 and not announced and minor:
            for i in range(start, end):
                drop.setdefault(i, R_GALLERY)
    for start, end in _announced_galleries(body):
        drop.update(dict.fromkeys(range(start, end), R_GALLERY))
    teasers = [i for i, line in enumerate(body[_FIRST_TEASER:], start=_FIRST_TEASER) if _is_teaser(line.text)]
    for i in teasers:
        drop[i] = R_TEASER
        if i - 1 not in drop and _is_link(body[i - 1].text):
            drop[i - 1] = R_TEASER  # its headline
    drop.update(dict.fromkeys(_series_head(body, teasers, drop), R_TEASER))
    for i, reason in sorted(drop.items()):
        state.drop(body[i], reason)
    return [line for i, line in enumerate(body) if i not in drop]
