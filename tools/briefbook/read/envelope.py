"""A reader service's envelope: the header a page-to-Markdown service (Jina
Reader's ``r.jina.ai``, and the tools built on it) writes above the page's
Markdown::

    Title: <the page's <title>>
    URL Source: <the page's address>
    Published Time: <its article:published_time>   (when the page has one)
    Markdown Content:
    <the page as Markdown>

Its fields come from the page's meta tags, as a web clipper's front matter
does, and are weighed as a clipper's are (:mod:`briefbook.read.clipping`):
the title may carry the site's name, an empty field says nothing. The
header's lines become blank lines, so that line numbers still point into
the file. A pure function of the text.
"""

from __future__ import annotations

import re

__all__ = ["comment_field_key", "split_comment_header", "split_envelope"]

_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?):[ \t]*(.*?)[ \t]*$")
_CONTENT = "Markdown Content:"
_HEADER_LINES = 16
"""The most lines of a header (its fields and the blank lines between them)."""
_FIELDS = {"Title": "title", "URL Source": "url", "Published Time": "published"}
"""The envelope's fields a book takes, by the names front matter gives them."""


_KEY = r"([a-z][a-z0-9_]*)[ \t]*=[ \t]*(.*?)[ \t]*$"
"""A field's key, a lower-case identifier (as the corpus writes it), and its value."""
_COMMENT = re.compile(r"^#[ \t]*" + _KEY)
_COMMENT_FIELDS = {
    "url": "url", "link": "url", "source_url": "url", "title": "title", "headline": "title",
    "date": "date", "published": "date", "publish_date": "date", "author": "author",
    "category": "category", "topic": "category",
}  # fmt: skip
"""A comment header's keys a book takes, by the names front matter gives them."""


def split_comment_header(text: str) -> tuple[dict[str, str], str] | None:
    """``(fields, text)`` of a text that opens with a corpus's comment header
    (``# url = ...``, ``# date = ...``), the lines of the fields a book takes
    blanked; the others (``# doc_id = 7``, ``# summary = ...``) stay in the
    text, where the reader drops them as the file's metadata
    (:func:`comment_field_key`) and the audit sees them. ``None`` for any
    other text."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    count = 0
    for index, line in enumerate(lines[:_HEADER_LINES]):
        m = _COMMENT.match(line.strip().lstrip("\ufeff"))
        if m is None:
            break
        count += 1
        if (name := _COMMENT_FIELDS.get(m[1])) is not None:
            if m[2]:
                fields.setdefault(name, m[2])
            lines[index] = ""
    if count < 2 or not fields:
        return None
    return fields, "\n".join(lines)


def split_envelope(text: str) -> tuple[dict[str, str], str] | None:
    """``(fields, text)`` of a text that opens with a reader service's
    envelope (``Title:``, ``URL Source:`` ... ``Markdown Content:``), its
    header blanked; ``None`` for any other text."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    names: list[str] = []
    for index, line in enumerate(lines[:_HEADER_LINES]):
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        if stripped == _CONTENT:
            if not names or names[0] != "Title" or "URL Source" not in names:
                return None
            blanked = "\n" * (index + 1) + "\n".join(lines[index + 1 :])
            return fields, blanked
        m = _FIELD.match(stripped)
        if m is None:
            return None
        names.append(m[1])
        if m[1] in _FIELDS and m[2]:
            fields[_FIELDS[m[1]]] = m[2]
    return None


def comment_field_key(text: str, heading: bool) -> str:
    """The key of a comment header's line, read as a Markdown heading
    (``heading``: "doc_id = 7" of ``# doc_id = 7``) or as a line of text
    ("#doc_id = 7", no space after the mark), or ``""``."""
    m = re.fullmatch(_KEY, text.strip()) if heading else _COMMENT.match(text.strip())
    return m[1] if m is not None else ""
