"""Feeds for ``briefbook fetch --feed``: the links of an RSS or Atom feed's items.

feedparser reads the feed (RSS 0.9x to 2.0, RSS 1.0, Atom); the items are
filtered by publication date (``--since``) and by words in their title or
summary (``--match``, accents and case aside). Items already in the folder are
left out later, by :func:`briefbook.fetch.fetch_pages`: the folder itself
remembers what was fetched.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from urllib.parse import urljoin

import feedparser
import lxml.html
from lxml.etree import ParserError

from briefbook.core.vietnamese import fold
from briefbook.web.webclient import Client, Failed, Failure

__all__ = ["feed_links", "feed_urls"]


def _words_of(html: str) -> str:
    """The text of a summary (feedparser gives it as sanitised HTML)."""
    try:
        return str(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
    except (ParserError, ValueError):
        return html


def _local_date(stamp: time.struct_time) -> dt.date:
    """The day, here, of a feed time (feedparser gives them in UTC): an item
    of 06:00 in Hà Nội is of that day, not of the day before."""
    return dt.datetime(*stamp[:6], tzinfo=dt.UTC).astimezone().date()


def feed_links(
    body: bytes, feed_url: str, since: dt.date | None = None, match: Sequence[str] = ()
) -> list[str] | Failed:
    """The links of a feed's items, in the feed's order, less those published
    before the day ``since`` (in local time) and, with ``match``, those whose title and summary hold
    none of the words. Items without a date are kept."""
    feed = feedparser.parse(body, response_headers={"content-location": feed_url})
    if not feed.entries:
        problem = getattr(feed, "bozo_exception", None)
        return Failed(feed_url, Failure.NOT_FEED, str(problem) if feed.bozo and problem else "no items")
    words = [fold(w).casefold() for w in match if w.strip()]
    links = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if since and stamp and _local_date(stamp) < since:
            continue
        about = fold(f"{entry.get('title', '')} {_words_of(entry.get('summary', ''))}").casefold()
        if words and not any(w in about for w in words):
            continue
        links.append(urljoin(feed_url, link))
    return links


def feed_urls(
    feed_url: str, client: Client, since: dt.date | None = None, match: Sequence[str] = ()
) -> list[str] | Failed:
    """The item links of the feed at ``feed_url`` (fetched politely by
    ``client``), filtered as :func:`feed_links` does."""
    fetched = client.get(feed_url, types=None)
    if isinstance(fetched, Failed):
        return fetched
    return feed_links(fetched.body, fetched.final_url, since, match)
