"""Which addresses may become links.

Only ``http`` and ``https`` addresses with a host are ever written as a
link (an ``href``): an article's ``url`` of ``javascript:``, ``data:``,
``vbscript:``, ``file:`` or anything else is shown as text, left out of the
BibTeX ``url`` field, and reported (see :func:`url_is_link`).
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["WEB_SCHEMES", "is_web_url", "url_is_link"]

WEB_SCHEMES = frozenset({"http", "https"})


def is_web_url(url: str) -> bool:
    """``url`` is an ``http``/``https`` address with a host, written as a
    browser reads it (no spaces or control characters, which browsers drop
    or strip and which could hide another scheme)."""
    if not url or url != url.strip() or any(ch.isspace() or ord(ch) < 0x20 or ch == "\x7f" for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def url_is_link(url: str) -> bool:
    """Whether an article's ``url`` is none or a link (else a warning,
    :attr:`~briefbook.core.problems.ProblemKind.URL_NOT_WEB`)."""
    return not url or is_web_url(url)
