"""A web clipper's front matter, weighed like a saved page's metadata.

A clipping's front matter (Obsidian Web Clipper, MarkDownload) is filled by
the clipper from the page's meta tags, not by the user: its ``author`` is
often the site or its owner ("[[Công nghệ ChannelVN]]", "[[VnExpress]]") or
a byline with its paper ("Theo Sầm Hoa (Vietnamnet/Reuters)"), its ``title``
sometimes the site's slogan, and fields the page lacks are left empty. So,
as for a saved page (:mod:`briefbook.read.htmlpage`): empty fields say
nothing; an author that names the site or its owner is left out, a byline
gives its writer; a title the page's own address disowns (its slug names another
line of the text: the site's slogan) gives way to the reader's own. Front
matter an editor wrote (briefbook's own keys only) and a sidecar are the
user's word and are not vetted.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

from briefbook.core.outlets import load_outlets
from briefbook.core.vietnamese import is_dotted_word
from briefbook.read.boilerplate import load_boilerplate
from briefbook.read.dates import parse_category_line
from briefbook.read.headline import slug_agrees, url_slug_words
from briefbook.read.htmlpage import clean_title
from briefbook.read.metadata import parse_byline
from briefbook.read.overrides import Overrides

__all__ = ["is_clipping", "vet_clipping"]

_CLIPPER_KEYS = re.compile(
    r"^(?:created|clipped|source|published|description|image|cover|site|site_name|excerpt"
    r"|layout|permalink|categories)\s*:",
    re.MULTILINE,
)
"""Keys a clipper or a site generator (Jekyll, Hugo: ``layout``, ``permalink``,
``categories``) writes and an editor does not (an editor writes briefbook's
own: title, date...)."""


def is_clipping(front: str) -> bool:
    """Whether a front matter was filled by a tool (a web clipper, a blog's
    or a feed bot's site generator), not by an editor."""
    return _CLIPPER_KEYS.search(front) is not None


_SLUG_LINES = 60
"""How far into the text a line agreeing with the address's slug is looked for."""


_OWNER = re.compile(r"\b(?:công ty|cổ phần|tnhh|jsc|corp|group|tập đoàn|media|online|news)\b", re.IGNORECASE)


def _has_inner_capital(word: str) -> bool:
    """A capital after a small letter inside a word ("ChannelVN", "VnExpress",
    "VCCorp"): a brand's, never a person's name."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _is_site_or_owner(author: str) -> bool:
    """Whether a clipper's author names the site or its owner: a company's
    word, a brand's inner capital, a domain, the outlet table's paper, or a
    single word."""
    words = author.split()
    return bool(
        _OWNER.search(author)
        or any(_has_inner_capital(word) for word in words)
        or re.search(r"\w\.(?:vn|com|net)\b", author, re.IGNORECASE)
        or load_outlets().by_name(author) is not None
        or len(words) == 1
    )


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


_HEAD_LINK = re.compile(r"\s*\[([^\[\]]+)\]\((https?://[^\s()]+)\)\s*")
"""A line that is one link to a web address and nothing else."""

_CUT = re.compile(r"\s*(?:\.{3}|…)$")
"""The end of a headline a feed or a search engine cut short ("... tinh ...")."""


def _head_link(text: str) -> tuple[str, str] | None:
    """The text's first line when it is one link to an address: its words and address."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    found = _HEAD_LINK.fullmatch(first)
    return (found.group(1).strip(), found.group(2)) if found else None


_FULL_STOP = re.compile(r"(?<!\.)\.(?!\.)(?:\s|$)")
"""A full stop (an ellipsis's dots aside)."""


def _ends_sentence(line: str, start: int) -> bool:
    """Whether a full stop after ``start`` ends a sentence (not "TP. HCM", "GS. Nguyễn")."""
    stops = _FULL_STOP.finditer(line, start)
    return any(not is_dotted_word(line[: m.start()], line[m.end() :]) for m in stops)


def _can_be_headline(line: str, stem: str) -> bool:
    """Whether a line that a cut headline begins can be that headline: no
    sentence ends in it after the headline's known words and it carries no
    photo credit. A caption starts with the headline's words as often as the
    headline does ("... Ủy ban Kiểm tra Trung ương. (Ảnh: UBKTTW)"), and so
    does a headline run into its sapo ("... sau COVID-19 Các trường hợp ...
    với tỷ lệ cao."); a headline ends no sentence with a full stop."""
    return not _ends_sentence(line, len(stem)) and load_boilerplate().credit.search(line) is None


def _whole_headline(cut: str, text: str) -> str | None:
    """The line near the text's top that a headline cut short begins
    ("Hưởng ứng Ngày Tim bẩm sinh Thế giới (14/2): Trái tim bé nhỏ, tinh ..."
    is the start of the page's own headline line)."""
    stem = _CUT.sub("", cut)
    if stem == cut or len(stem.split()) < 4:
        return None
    for line in text.splitlines()[:_SLUG_LINES]:
        line = line.strip().lstrip("#").strip()
        if line.startswith(stem) and len(line) > len(stem) and not line.startswith(cut):
            return line if _can_be_headline(line, stem) else None
    return None


def _agreed_title(title: str, text: str) -> tuple[str, str]:
    """The headline and the address a title and the text's first line agree
    on, when that line is a link whose words the title holds (a feed post:
    ``title: "🔥🔥 [Cúm] Hà Nội: 3 trẻ ..."`` over ``[Hà Nội: 3 trẻ ...](https://...)``):
    the link's words are the headline, the rest of the title the feed's
    decoration, and its address the article's; a headline cut short is the
    text's line it begins. ``("", "")`` when they do not agree."""
    head = _head_link(text)
    if head is None or len(head[0].split()) < 3 or head[0].casefold() not in title.casefold():
        return "", ""
    words, address = head
    # "Độc đáo hương vị xôi lá sau sau - Báo Lạng Sơn điện tử": the page's
    # <title>, the site the address belongs to named after the headline.
    return clean_title(_whole_headline(words, text) or words, "", address, []), address


_GENERATOR_KEYS = re.compile(r"^(?:layout|permalink)\s*:", re.MULTILINE)
"""Keys only a site generator (Jekyll, Hugo) writes: its ``date`` is the post's."""
_DATE_LINES = 12
"""How many of a clipping's first lines (blank ones aside) may hold the page's own date line."""
_DATE_LINE = 60
"""The longest date line."""


def _dates_itself(text: str) -> bool:
    """Whether the text near its top has a line that is a date and nothing
    else ("Thứ Năm 20/02/2025 , 15:02 (GMT+7)"): the page's own date line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:_DATE_LINES]:
        found = parse_category_line(line) if len(line) <= _DATE_LINE else None
        if found is not None and not found.category:
            return True
    return False


def vet_clipping(fields: Mapping[str, Any], text: str, front: str = "") -> Overrides:
    """The front matter's fields a clipper filled that the article can take
    (``front``: the front matter as written, which says a site generator's)."""
    kept = {key: value for key, value in fields.items() if not _empty(value)}
    agreed = _agreed_title(title, text) if isinstance(title := kept.get("title"), str) else ("", "")
    if agreed[0]:
        kept["title"] = agreed[0]
        kept.setdefault("url", agreed[1])
    author = kept.get("author")
    if isinstance(author, str):
        byline = parse_byline(author)
        if byline is not None:
            kept["author"] = byline.author
        elif _is_site_or_owner(author):
            del kept["author"]  # the site or its owner: no writer
    if "date" in kept and _GENERATOR_KEYS.search(front) and _dates_itself(text):
        # A site generator's post date (a feed bot posts the day a trend lists
        # the article): the page's own date line in the text stands.
        del kept["date"]
    title = kept.get("title")
    if isinstance(title, str) and not agreed[0]:
        # "... ở Việt Nam - VnExpress": a page's <title> (a reader service's
        # envelope gives it) names the site after the headline.
        headings = [
            line.lstrip("#").strip() for line in text.splitlines()[:_SLUG_LINES] if line.startswith("#")
        ]
        kept["title"] = title = clean_title(title, "", str(kept.get("url", "")), headings)
        slug = url_slug_words(str(kept.get("url", "")))
        disowned = (
            bool(slug)
            and not slug_agrees(title, slug)
            and any(slug_agrees(line.lstrip("# "), slug) for line in text.splitlines()[:_SLUG_LINES])
        )
        if disowned:
            # The site's slogan: the page's address names another line of the
            # text. The text's headline stands.
            del kept["title"]
    return Overrides(kept)
