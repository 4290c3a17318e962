"""A saved page's teasers of other articles, known by its markup.

A news page sets boxes of other articles around, and sometimes inside, the
article's container: each box a headline that is a link to the other
article (``<h4><a href="...other.html">Headline</a></h4>``) and its sapo
beside it (``<p class="lead">...</p>``), often with a picture that is a link
too. A page's main-text extractor may take the sapos for the article's last
paragraphs (their headlines, being links, are left out), and nothing in
their words says they are not. Their markup does:

- the headline: a heading (``h2``–``h6``) whose whole text is one link to
  another address (not the page's own, not an anchor in it);
- its sapo: the heading's next element beside it, a paragraph or block of
  at most :data:`SAPO_WORDS` words and no link;
- the box: the heading's parent holds no other text than these two (a
  picture that is a link may stand with them), so that an article's
  section heading that links somewhere, followed by the section's text, is
  never a teaser;
- or a card: one link to another address around the heading and its sapo
  (and the teaser's time or comment count, :data:`_CARD_META`), nothing else.

The result is the keys (:func:`briefbook.read.picturebox.caption_key`) of the
headlines and sapos, so that a reader of the page's text can match its
lines. A pure function of the parsed page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urljoin

from briefbook.read.picturebox import caption_key

__all__ = ["SAPO_WORDS", "teaser_texts"]

SAPO_WORDS = 60
"""The most words of a teaser's sapo (a sentence or two)."""
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SAPO_TAGS = frozenset({"p", "div", "span"})


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _other_address(href: str, page: str) -> bool:
    """Whether ``href`` leads to another page than ``page``."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return False
    if not page:
        return True
    return urldefrag(urljoin(page, href))[0].rstrip("/") != urldefrag(page)[0].rstrip("/")


def _headline(heading: Any, page: str) -> str:
    """The heading's text, if it is all one link to another page."""
    text = _text(heading)
    links = list(heading.iter("a"))
    if not text or len(links) != 1 or _text(links[0]) != text:
        return ""
    return text if _other_address(str(links[0].get("href") or ""), page) else ""


_CARD_META = 40
"""The most characters a teaser's card holds besides its headline and sapo
(its time, "17 giờ trước", or its comment count)."""


def _card_headline(heading: Any, page: str) -> str:
    """The heading's text, if the heading stands inside a card that is all
    one link to another page (``<a href="...other.html"><h2>Headline</h2><p
    class="summary">...</p> <span>17 giờ trước</span></a>``)."""
    link = heading.getparent()
    if link is not None and link.tag != "a":
        link = link.getparent()  # the heading in a block of the card
    if link is None or link.tag != "a" or not _other_address(str(link.get("href") or ""), page):
        return ""
    return _text(heading)


def _sapo(heading: Any) -> Any | None:
    """The heading's next element, if it reads as a teaser's sapo."""
    sapo = heading.getnext()
    while sapo is not None and not isinstance(sapo.tag, str):
        sapo = sapo.getnext()  # a comment between them
    if sapo is None or sapo.tag not in _SAPO_TAGS or next(sapo.iter("a"), None) is not None:
        return None
    words = _text(sapo).split()
    return sapo if 0 < len(words) <= SAPO_WORDS else None


def teaser_texts(tree: Any, page: str = "", title: str = "") -> frozenset[str]:
    """The keys of the headlines and sapos of the page's boxed teasers;
    ``page`` is the page's own address, ``title`` its headline (never a teaser)."""
    if tree is None:
        return frozenset()
    keys: set[str] = set()
    for heading in tree.iter(*_HEADINGS):
        headline = _headline(heading, page)
        margin = 2
        if not headline:
            headline, margin = _card_headline(heading, page), _CARD_META
        if not headline or caption_key(headline) == caption_key(title):
            continue
        sapo = _sapo(heading)
        parent = heading.getparent()
        if sapo is None or parent is None:
            continue
        box = parent if margin == 2 else next(a for a in heading.iterancestors("a"))
        if len(_text(box)) > len(headline) + len(_text(sapo)) + margin:
            continue  # the heading of a block that holds more: not a teaser's box
        keys.update(key for key in (caption_key(headline), caption_key(_text(sapo))) if key)
    return frozenset(keys)
