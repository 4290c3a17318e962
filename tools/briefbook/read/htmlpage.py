"""Saved web pages: main text and metadata by trafilatura.

A ``.html`` file saved from a browser is reduced by trafilatura to its main
text and metadata (title, author, date, site name, URL). The text, title
first, then goes through the same reader as a text article; the metadata
comes back as overrides (see :mod:`briefbook.read.overrides`), since a page's own
metadata is more reliable than lines guessed from text. A date comes only
from the page's metadata and markup (or the text's own date line, as for a
text article), never from a year inside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import trafilatura
from trafilatura.deduplication import LRUCache
from trafilatura.settings import LRU_SIZE

from briefbook.core.outlets import host_of, load_outlets, outlet_key
from briefbook.core.problems import ProblemKind
from briefbook.core.records import RawText
from briefbook.core.vietnamese import fold, normalize_text
from briefbook.read.boilerplate import load_boilerplate
from briefbook.read.decoding import ArticleError, check_lines
from briefbook.read.headline import (
    STRONG_AGREEMENT,
    VOCABULARY_CHARS,
    WEAK_AGREEMENT,
    agreement,
    is_headline_shape,
    text_words,
)
from briefbook.read.metadata import parse_byline
from briefbook.read.pagetext import page_text
from briefbook.read.picturebox import caption_key, picture_captions
from briefbook.read.sitename import SiteClues, choose_outlet
from briefbook.read.teaserbox import teaser_texts

__all__ = ["HTML_SUFFIXES", "read_html_page", "read_page_copy"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_PAGE_BYTES = 20_000_000
"""The largest saved page read (pages carry their scripts and styles)."""


_DATELINE = re.compile(r"^\(?[^()\n]{1,30}?\)?\s*[-–—]\s+")


_POSTED_BY = re.compile(r"^(?:bởi|by|đăng bởi|posted by|theo)\s+", re.IGNORECASE)
_ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "editor", "quản trị viên", "quản trị"})
# What a site says of itself in its pages' description, never a sapo.
_SITE_BLURB = re.compile(
    r"cơ quan ngôn luận|cơ quan chủ quản|trang (thông )?tin điện tử|tin tức mới nhất|cập nhật tin tức|"
    r"tin nhanh|24h|24/7|hàng ngày|mới nhất",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    """Letters and digits only, folded: quotes, dashes and Markdown aside."""
    return "".join(ch for ch in fold(text).casefold() if ch.isalnum())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text).casefold()) if len(w) > 1}


def words_shared(sapo: str, text: str) -> float:
    """The share of a sapo's words (two letters or more, folded) that ``text`` holds."""
    words = _words(sapo)
    return len(words & _words(text)) / len(words) if words else 0.0


def _sapo(description: str | None, title: str, body: str, site: str) -> str:
    """The page's description when it is a sapo the main text left out.

    News pages put the sapo (lede) in a block of its own, outside the
    article's main text, and repeat it as the page's description. A
    description that the text already holds (with or without its dateline,
    in other quotes), that is the title, that is too short for a lede, that
    names the site (the site's own description) or that shares too few
    words with the article adds nothing."""
    if not description:
        return ""
    sapo = normalize_text(description).strip()
    key = _key(_DATELINE.sub("", sapo))
    if len(sapo) < 60 or key == _key(title) or (site and _key(site) in _key(sapo)):
        return ""
    middle = key[len(key) // 4 : len(key) // 4 + 40]
    if middle in _key(body):
        return ""
    if (_words(sapo) and words_shared(sapo, f"{title} {body}") < 0.4) or _SITE_BLURB.search(sapo):
        return ""
    return sapo


_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:»/]\s+|\s*\|\s*")


def _is_site_part(part: str, site: str, host: str) -> bool:
    """A part of a page title that names the site ("Tuổi Trẻ Online",
    "VnExpress", "thanhnien.vn"), not the article."""
    key = outlet_key(part)
    if not key:
        return True
    if site and key.replace(".", "") == outlet_key(site).replace(".", ""):
        return True  # ("Báo Pháp Luật TP Hồ Chí Minh" for "Báo Pháp Luật TP. Hồ Chí Minh")
    if host and (key == outlet_key(host) or key in outlet_key(host).split(".")):
        return True
    words = part.split()
    # "VnExpress iOne", "Dân trí Online": an outlet's name and its edition or section.
    return any(load_outlets().by_name(" ".join(words[:n])) is not None for n in range(len(words), 0, -1))


def clean_title(title: str, site: str, url: str, headings: list[str]) -> str:
    """A page's title without the site's name and section after (or before)
    it: "Bộ Y tế ... - Sức khỏe - Tuổi Trẻ Online" is "Bộ Y tế ...". A
    heading of the page that the title holds is the title's own text."""
    for heading in headings:
        if len(heading.split()) >= 3 and _key(heading) and _key(heading) in _key(title):
            return heading
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    host = host_of(url) if url else ""
    count = len(parts)
    while len(parts) > 1 and _is_site_part(parts[-1], site, host):
        parts.pop()
    # Between the article's title and the site's name, its section ("Sức khỏe").
    if count > len(parts) and len(parts) > 1:
        last = parts[-1]
        if load_boilerplate().is_section(last) or (len(parts) > 2 and len(last.split()) <= 3):
            parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site, host):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(title)):
        return title
    # Keep the title's own separators: cut the original at the kept parts.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else title


_AUTHOR_SEPARATOR = re.compile(r"\s*[|/]\s*|\s+[-–—]\s+|\s*;\s*")


def _author(author: str, site: str, url: str) -> str:
    """A page's author without the outlet: "Thanh Niên - Lê Cầm" is "Lê
    Cầm"; an author that is only the site ("Vnexpress.net", "Báo Dân trí")
    is none."""
    host = host_of(url) if url else ""
    parts = [p for p in _AUTHOR_SEPARATOR.split(author.strip()) if p.strip()]
    people = [p for p in parts if not _is_site_part(p, site, host)]
    return " - ".join(people) if len(people) != len(parts) else author.strip()


@dataclass(frozen=True, slots=True)
class _TitleCandidates:
    """What a saved page offers as its headline."""

    h1: tuple[str, ...]
    """The texts of its ``<h1>`` elements."""
    others: tuple[str, ...]
    """``og:title``, ``<title>``, its first ``<h2>`` elements."""


def _title_candidates(tree: Any) -> _TitleCandidates:
    if tree is None:
        return _TitleCandidates((), ())

    def texts(elements: Iterable[Any]) -> tuple[str, ...]:
        found = (" ".join(str(e if isinstance(e, str) else e.text_content()).split()) for e in elements)
        return tuple(dict.fromkeys(normalize_text(t) for t in found if t))

    h2 = [h for h in tree.iter("h2")][:_H2_CANDIDATES]
    return _TitleCandidates(
        texts(tree.iter("h1")),
        texts([*tree.xpath('//meta[@property="og:title"]/@content'), *tree.xpath("//head/title"), *h2]),
    )


_H2_CANDIDATES = 6
_LINKS_READ = 2000
"""The most links of a page whose hosts are counted (a page's own site is
the host its links name most)."""


def _site_clues(tree: Any, sitename: str, url: str) -> SiteClues:
    """What a saved page (its parsed tree) says of its site: ``og:site_name``
    and the application's name, its address, the parts of its titles, the
    site name trafilatura found, its copyright lines, the hosts its links name."""
    if tree is None:
        return SiteClues(url=url, names=(sitename,))

    def values(*paths: str) -> tuple[str, ...]:
        found = (" ".join(str(v).split()) for path in paths for v in tree.xpath(path))
        return tuple(dict.fromkeys(normalize_text(v) for v in found if v))

    titles = values('//meta[@property="og:title"]/@content', "//head/title/text()", "//title/text()")
    marks = " or ".join(f"contains(., '{mark}')" for mark in ("©", "Copyright", "copyright", "Bản quyền"))
    links = tree.xpath("//a/@href")[:_LINKS_READ]
    return SiteClues(
        declared=values(
            '//meta[@property="og:site_name"]/@content',
            '//meta[@name="application-name"]/@content',
            '//meta[@name="apple-mobile-web-app-title"]/@content',
        ),
        url=url
        or next(
            iter(values('//meta[@property="og:url"]/@content', '//link[@rel="canonical"]/@href')),
            "",
        ),
        names=(*(part for title in titles for part in _TITLE_SEPARATOR.split(title)), sitename),
        copyright=tuple(t for t in values(f"//body//text()[{marks}]") if len(t) <= 300),
        furniture=tuple(str(link) for link in links if "//" in str(link) or str(link).startswith("mailto:")),
    )


def _agreed_title(title: str, candidates: _TitleCandidates, body: str, site: str, url: str) -> str:
    """The page's headline: its metadata's title, unless that shares (almost)
    no word with the text (a site's slogan in ``<title>`` or ``<h1>``) and
    another heading of the page speaks of the text."""
    h1s = {_key(h1) for h1 in candidates.h1}
    for text in candidates.others:
        # The page's <title> or og:title, without the site's name, is one of
        # its <h1>: two sources agree on the headline (trafilatura may have
        # taken a box's heading for it).
        cleaned = clean_title(text, site, url, [])
        if cleaned and _key(cleaned) in h1s and _key(cleaned) != _key(title) and is_headline_shape(cleaned):
            return cleaned
    vocabulary = text_words([body[:VOCABULARY_CHARS]])
    current = agreement(title, vocabulary)
    # Each heading, and each part of a title joined by separators ("Những
    # người khổ hạnh vì bớt lạ - Ảnh | Trang thông tin dành cho giới trẻ").
    texts = (*candidates.h1, *candidates.others)
    host = host_of(url) if url else ""
    parts = [
        part for text in texts for part in _TITLE_SEPARATOR.split(text) if not _is_site_part(part, site, host)
    ]
    scored = [
        (agreement(cleaned, vocabulary), cleaned)
        for candidate in dict.fromkeys((*texts, *parts))
        if (cleaned := clean_title(candidate, site, url, [])) and is_headline_shape(cleaned)
    ]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, title))
    if best[0] >= STRONG_AGREEMENT and (current < WEAK_AGREEMENT or best[0] >= current + _TITLE_MARGIN):
        return best[1]
    return title


_RUN_ON_HEADING = re.compile(r"(?m)^([^#\n]{1,80}?)\s+(#{1,3}\s+\S)")
"""A heading trafilatura ran into the line before it ("Thứ năm, 13/6/2013,
08:28 GMT+7 # Chiến thuật ..."): the heading goes on a line of its own."""

_TITLE_MARGIN = 0.35
"""A heading that agrees with the text this much better than the
metadata's title is the headline (the title was the site's slogan)."""


def read_html_page(data: bytes, path: PurePath) -> tuple[RawText, dict[str, Any]]:
    """The page's text (title first) and its metadata as overrides.

    The text is taken as Markdown so that the page's headings stay headings
    (``## ...``, which the reader understands).
    """
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(path, ProblemKind.PAGE_TOO_LARGE, len(data), MAX_PAGE_BYTES)
    text = trafilatura.extract(
        data,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # Repeated segments within this page only: trafilatura's default
        # cache is shared by the whole process, so a page read a third time
        # (tests, the parse cache's worker processes) would lose its text.
        deduplicate=LRUCache(maxsize=LRU_SIZE),
    )
    if not text or not text.strip():
        raise ArticleError(path, ProblemKind.NO_PAGE_ARTICLE)
    # Not htmldate's extensive search: on a page without a date in its
    # metadata or markup it takes a year of the text ("năm 2022", "giai
    # đoạn 2021-2030") for the date of publication (2022-01-01).
    meta = trafilatura.extract_metadata(data, extensive=False)
    overrides: dict[str, Any] = {}
    title = ""
    body = _RUN_ON_HEADING.sub(r"\1\n\n\2", normalize_text(text)).strip()
    tree = trafilatura.load_html(data)  # (read once: the site's name, the title's candidates, the captions)
    if meta is not None:
        for key, value in (
            ("title", meta.title),
            ("author", meta.author),
            ("date", meta.date),
            ("url", meta.url),
        ):
            if value and str(value).strip():
                overrides[key] = normalize_text(str(value)).strip()
        if "author" in overrides:
            # "bởi admin": a CMS account, not a writer (the text's byline stays).
            author = _author(
                _POSTED_BY.sub("", overrides["author"]), (meta.sitename or "").strip(), meta.url or ""
            )
            if not author or author.casefold() in _ACCOUNTS or parse_byline(author) is None:
                # Not a writer's name: a CMS account ("Tuanna1", "admin"), a
                # team or a company ("SEO; Traffic Team"), a heading.
                del overrides["author"]
            else:
                overrides["author"] = author
        if outlet := choose_outlet(_site_clues(tree, meta.sitename or "", meta.url or "")):
            overrides["outlet"] = normalize_text(outlet).strip()
        if meta.tags:
            overrides["tags"] = [normalize_text(t).strip() for t in meta.tags if t.strip()]
        if "title" in overrides:
            site, url = (meta.sitename or "").strip(), meta.url or ""
            candidates = _title_candidates(tree)
            cleaned = clean_title(overrides["title"], site, url, list(candidates.h1))
            overrides["title"] = _agreed_title(cleaned, candidates, body, site, url)
        title = overrides.get("title", "")
    sapo = _sapo(
        meta.description if meta is not None else None,
        title,
        body,
        (meta.sitename or "") if meta is not None else "",
    )
    full = "\n\n".join(part for part in (title, sapo, body) if part) + "\n"
    check_lines(full, path)
    teasers = teaser_texts(tree, (meta.url or "") if meta is not None else "", title)
    raw = RawText(path=path, text=full, encoding="html", captions=_captions(tree, title), teasers=teasers)
    return raw, overrides


def read_page_copy(data: bytes, path: PurePath, url: str = "") -> RawText:
    """The whole page as a browser copies it (:mod:`briefbook.read.pagetext`): the
    reader's input when the page's main text cannot be found, and evidence
    for the byline and date lines the main text leaves out."""
    tree = trafilatura.load_html(data)
    text = page_text(tree) if tree is not None else ""
    if not text.strip():
        raise ArticleError(path, ProblemKind.NO_PAGE_TEXT)
    text = normalize_text(text)
    check_lines(text, path)
    return RawText(
        path=path, text=text, encoding="html", captions=_captions(tree, ""), teasers=teaser_texts(tree, url)
    )


def _captions(tree: Any, title: str) -> frozenset[str]:
    """The keys of the parsed page's picture captions, never its headline's."""
    return picture_captions(tree) - {caption_key(title)}
