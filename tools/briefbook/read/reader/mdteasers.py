"""A Markdown page's teasers of other articles, known by their shape.

A whole page saved as Markdown (crawl4ai's, html2text's) sets each teaser
of another article as its picture (a link), its headline, a heading that is
all one link to the other article (``## [Headline](https://.../other.html)``),
perhaps its time, and its sapo, a short paragraph with no link. The reader
drops the headline as a line of links, but the sapo reads as a paragraph:
runs of them (related, most-read and same-section lists, the next article's)
after the text, and a single one inside it, were kept as the article's.

A sapo is a teaser's when it follows such a headline and the teaser ends
there: the next line is a link, a picture that is a link or another such headline (the
next teaser, a list of tags, a byline that links to the writer's page), or
the text ends. An article's own section heading that links somewhere is
followed by its section's paragraphs, never by one paragraph and a link.

The result is the keys (:func:`briefbook.read.picturebox.caption_key`) of the
sapos, as :mod:`briefbook.read.teaserbox` gives a saved page's, which the
reader drops from the text. A pure function of the text.
"""

from __future__ import annotations

import re

from briefbook.read.picturebox import caption_key
from briefbook.read.reader.lines import (
    _MD_IMAGE,
    _is_link_line,
    _is_picture,
    _is_stamp,
    flatten_markdown,
    logical_lines,
)
from briefbook.read.teaserbox import SAPO_WORDS, _other_address

__all__ = ["markdown_teasers"]

_HEADLINE = re.compile(r'^\s*(?:[*+-]\s+)?#{1,6}\s*\[([^\[\]]+)\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)\s*$')
"""A heading that is one link and nothing else: ``##  [ Headline ](https://... "title")``."""


_TARGET = re.compile(r'\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)')
"""A Markdown link's target."""
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|pdf|mp4)(?:[?#]|$)", re.IGNORECASE)
"""A target that is a file (a picture's own), not a page."""


def _headline(line: str, page: str, title: str) -> bool:
    found = _HEADLINE.match(line)
    if found is None or not (key := caption_key(found.group(1))) or key == caption_key(title):
        return False
    return _other_address(found.group(2), page)


def _ends_teaser(line: str | None, page: str, title: str) -> bool:
    """Whether the line after a sapo closes its teaser: the text's end, a
    link, a picture or the next teaser's headline."""
    if line is None:
        return True
    if _headline(line, page, title):
        return True
    # A picture that is a link to another page (the next teaser's) ends it; a
    # picture alone ("![](a.jpg)") or one linked to its own file
    # ("[![](a.jpg)](a.jpg)", as converters write pictures) is the article's own.
    linked = any(
        _other_address(target, page) and not _FILE.search(target)
        for target in _TARGET.findall(_MD_IMAGE.sub("", line))
    )
    flat = flatten_markdown(line)[0].strip()
    return linked and (_is_picture(line) or (bool(flat) and _is_link_line(line, flat)))


def _sapo(line: str) -> str:
    """The line's text when it reads as a teaser's sapo: a short paragraph
    with no link, no heading, no picture, not set in bold (a sub-heading)."""
    if "](" in line or line.lstrip().startswith(("#", "[", "!", "|", ">", "**", "__")):
        return ""
    text = flatten_markdown(line)[0].strip()
    return text if 0 < len(text.split()) <= SAPO_WORDS else ""


def markdown_teasers(text: str, page: str = "", title: str = "") -> frozenset[str]:
    """The keys of the sapos of the Markdown text's teasers; ``page`` is the
    page's own address, ``title`` its headline (never a teaser)."""
    if "](" not in text:
        return frozenset()
    lines = [line for _, line in logical_lines(text) if line.strip()]
    keys: set[str] = set()
    run_end = -1  # where the last teaser found ends: links after it keep the run going
    for i, line in enumerate(lines):
        if not _headline(line, page, title):
            if run_end >= 0 and i > run_end and not _ends_teaser(line, page, title):
                run_end = -1
            continue
        in_run = run_end >= 0
        j = i + 1
        if j < len(lines) and _is_stamp(flatten_markdown(lines[j])[0]):
            j += 1  # the teaser's time ("26/06/2024 20:54")
        sapo = _sapo(lines[j]) if j < len(lines) else ""
        # (The last of a run may close it with the next box's label: "Tin nổi bật".)
        if sapo and (in_run or _ends_teaser(lines[j + 1] if j + 1 < len(lines) else None, page, title)):
            keys.add(caption_key(sapo))
            run_end = j
    return frozenset(keys)
