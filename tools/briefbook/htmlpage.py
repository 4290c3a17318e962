"""Saved web pages: main text and metadata by trafilatura.

A ``.html`` file saved from a browser is reduced by trafilatura to its main
text and metadata (title, author, date, site name, URL). The text, title
first, then goes through the same reader as a text article; the metadata
comes back as overrides (see :mod:`briefbook.overrides`), since a page's own
metadata is more reliable than lines guessed from text. A date comes only
from the page's metadata and markup (or the text's own date line, as for a
text article), never from a year inside the text.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

import trafilatura
from trafilatura.deduplication import LRUCache
from trafilatura.settings import LRU_SIZE

from briefbook.decoding import ArticleError, check_lines
from briefbook.metadata import outlet_name
from briefbook.records import RawText
from briefbook.vietnamese import fold, normalize_text

__all__ = ["HTML_SUFFIXES", "read_html_page"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_PAGE_BYTES = 20_000_000
"""The largest saved page read (pages carry their scripts and styles)."""


_DATELINE = re.compile(r"^\(?[^()\n]{1,30}?\)?\s*[-–—]\s+")


_POSTED_BY = re.compile(r"^(?:bởi|by|đăng bởi|posted by)\s+", re.IGNORECASE)
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
    words = _words(sapo)
    if len(words & _words(f"{title} {body}")) < 0.4 * len(words) or _SITE_BLURB.search(sapo):
        return ""
    return sapo


def read_html_page(data: bytes, path: PurePath) -> tuple[RawText, dict[str, Any]]:
    """The page's text (title first) and its metadata as overrides.

    The text is taken as Markdown so that the page's headings stay headings
    (``## ...``, which the reader understands).
    """
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(
            path, f"{len(data):,} bytes: too large for a web page (at most {MAX_PAGE_BYTES:,})"
        )
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
        raise ArticleError(path, "no article text found in the web page")
    # Not htmldate's extensive search: on a page without a date in its
    # metadata or markup it takes a year of the text ("năm 2022", "giai
    # đoạn 2021-2030") for the date of publication (2022-01-01).
    meta = trafilatura.extract_metadata(data, extensive=False)
    overrides: dict[str, Any] = {}
    title = ""
    if meta is not None:
        for key, value in (
            ("title", meta.title),
            ("author", meta.author),
            ("date", meta.date),
            ("outlet", outlet_name(meta.sitename.strip()) if meta.sitename else ""),
            ("url", meta.url),
        ):
            if value and str(value).strip():
                overrides[key] = normalize_text(str(value)).strip()
        if "author" in overrides:
            # "bởi admin": a CMS account, not a writer (the text's byline stays).
            author = _POSTED_BY.sub("", overrides["author"])
            if not author or author.casefold() in _ACCOUNTS:
                del overrides["author"]
            else:
                overrides["author"] = author
        if meta.tags:
            overrides["tags"] = [normalize_text(t).strip() for t in meta.tags if t.strip()]
        title = overrides.get("title", "")
    body = normalize_text(text).strip()
    sapo = _sapo(
        meta.description if meta is not None else None,
        title,
        body,
        (meta.sitename or "") if meta is not None else "",
    )
    full = "\n\n".join(part for part in (title, sapo, body) if part) + "\n"
    check_lines(full, path)
    return RawText(path=path, text=full, encoding="html"), overrides
