"""A web clipper's front matter, weighed like a saved page's metadata.

A clipping's front matter (Obsidian Web Clipper, MarkDownload) is filled by
the clipper from the page's meta tags, not by the user: its ``author`` is
often the site or its owner ("[[Công nghệ ChannelVN]]", "[[VnExpress]]") or
a byline with its paper ("Theo Sầm Hoa (Vietnamnet/Reuters)"), its ``title``
sometimes the site's slogan, and fields the page lacks are left empty. So,
as for a saved page (:mod:`briefbook.read.htmlpage`): empty fields say
nothing; an author that is no writer's name is left out, a byline gives its
writer; a title that shares (almost) no word with the text gives way to the
reader's own. Front matter an editor wrote (briefbook's own keys only) and a
sidecar are the user's word and are not vetted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefbook.read.headline import (
    VOCABULARY_CHARS,
    WEAK_AGREEMENT,
    agreement,
    slug_agrees,
    text_words,
    url_slug_words,
)
from briefbook.read.metadata import parse_byline
from briefbook.read.overrides import Overrides

__all__ = ["is_clipping", "vet_clipping"]

_CLIPPER_KEYS = re.compile(
    r"^(?:created|clipped|source|published|description|image|cover|site|site_name|excerpt)\s*:", re.MULTILINE
)
"""Keys a clipper writes and an editor does not (an editor writes briefbook's own: title, date...)."""


def is_clipping(front: str) -> bool:
    """Whether a front matter was filled by a web clipper, not by an editor."""
    return _CLIPPER_KEYS.search(front) is not None


_SLUG_LINES = 60
"""How far into the text a line agreeing with the address's slug is looked for."""


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def vet_clipping(fields: Mapping[str, Any], text: str) -> Overrides:
    """The front matter's fields a clipper filled that the article can take."""
    kept = {key: value for key, value in fields.items() if not _empty(value)}
    author = kept.get("author")
    if isinstance(author, str):
        byline = parse_byline(author)
        if byline is None:
            del kept["author"]  # the site, its owner, a team: no writer
        else:
            kept["author"] = byline.author
    title = kept.get("title")
    if isinstance(title, str):
        own = title.strip()
        body = "\n".join(line for line in text.splitlines() if own not in line)  # (the clipper's "# title")
        vocabulary = text_words([body[:VOCABULARY_CHARS]])
        slug = url_slug_words(str(kept.get("url", "")))
        disowned = (
            bool(slug)
            and not slug_agrees(title, slug)
            and any(slug_agrees(line.lstrip("# "), slug) for line in text.splitlines()[:_SLUG_LINES])
        )
        if disowned or agreement(title, vocabulary) < WEAK_AGREEMENT:
            # The site's slogan (the page's address names another line of the
            # text, or the text speaks of other things): the text's own headline stands.
            del kept["title"]
    return Overrides(kept)
