"""A saved page read two ways: its main text (trafilatura's) and the page
read whole as a browser copies it (:mod:`briefbook.read.pagetext`). Which
reading is the article's, and what the whole page adds to the main text
(its byline, date and outlet lines, a date in Vietnam's time)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import PurePath

from briefbook.core.problems import ProblemKind
from briefbook.core.records import Article, ArticleDate, RawText
from briefbook.read.decoding import ArticleError
from briefbook.read.headline import agreement, text_words
from briefbook.read.htmlpage import read_page_copy
from briefbook.read.reader import parse_article

__all__ = ["astray", "in_utc", "laid_out", "page_copy_article", "with_page_metadata"]


def page_copy_article(data: bytes, name: PurePath, url: object) -> tuple[RawText, Article] | None:
    """A saved page read whole, as a copied page, for its metadata lines
    (``url``: the page's address, which names its headline)."""
    try:
        address = url if isinstance(url, str) else ""
        raw = read_page_copy(data, name, address)
        return raw, parse_article(raw, url_hint=address)
    except ArticleError:
        return None


_SHARED = 0.5
"""Below this share of words in common, the main text and the whole page's
reading are two different texts."""
_BETTER = 0.2


def astray(main: Article, whole: Article, title: str) -> bool:
    """Whether a saved page's main text (trafilatura's) is not the article:
    it shares few words with the page read whole, and the page's title speaks
    of the whole page's reading much more than of it."""
    main_words = text_words([main.lede, *(p.text for p in main.paragraphs)])
    whole_words = text_words([whole.lede, *(p.text for p in whole.paragraphs)])
    if not main_words or len(main_words & whole_words) >= _SHARED * len(main_words):
        return False
    return agreement(title, whole_words) >= agreement(title, main_words) + _BETTER


_LAID_OUT = 0.5
"""A main text this much of which (by characters) stands in table rows is
the page's layout table read as data."""


def laid_out(main: Article, whole: Article) -> bool:
    """Whether a saved page's main text is its layout table: trafilatura
    keeps a table as rows ("| Tại một lớp học ... | | X |"), and a page laid
    out in tables (the news sites of the 2000s) puts the whole article, its
    pictures' captions and the calendar beside it in cells of one row. When
    the page read whole holds that text, its reading is the article's."""
    texts = [main.lede, *(p.text for p in main.paragraphs)]
    total = sum(len(t) for t in texts)
    in_rows = sum(len(t) for t in texts if t.lstrip().startswith("|"))
    if not total or in_rows < _LAID_OUT * total:
        return False
    main_words = text_words(texts)
    whole_words = text_words([whole.lede, *(p.text for p in whole.paragraphs)])
    return len(main_words & whole_words) >= _SHARED * len(main_words)


_VIETNAM_UTC_OFFSET = dt.timedelta(hours=7)


def in_utc(stated: object, shown: ArticleDate | None) -> bool:
    """Whether a saved page's metadata date is the moment of its date line
    written in UTC: "2012-12-23" in the metadata of a page that shows "Thứ
    Hai, 24/12/2012, 03:04 AM (GMT+7)" (before seven in the morning in
    Vietnam, it is still the day before in UTC)."""
    if not isinstance(stated, str) or shown is None or shown.time is None:
        return False
    try:
        day = dt.date.fromisoformat(stated.strip()[:10])
    except ValueError:
        return False
    moment = dt.datetime.combine(shown.date, shown.time) - _VIETNAM_UTC_OFFSET
    return day != shown.date and day == moment.date()


def with_page_metadata(article: Article, copy: Article) -> Article:
    """``article`` (a saved page's main text) with the byline, date and
    outlet that only the whole page gives (the main text leaves its
    byline and date lines out)."""
    meta = article.meta
    found = {
        key: getattr(copy.meta, key)
        for key in ("author", "date", "outlet")
        if not getattr(meta, key) and getattr(copy.meta, key)
    }
    if not found:
        return article
    filled = {ProblemKind.missing(key) for key in found}
    return dataclasses.replace(
        article,
        meta=dataclasses.replace(meta, **found),
        problems=tuple(p for p in article.problems if p.kind not in filled),
    )
