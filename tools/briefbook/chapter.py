"""An :class:`~briefbook.records.Article` as a MyST chapter.

The chapter carries its metadata as front matter, a label on the chapter and
on each section (stable: built from the slugs, never from numbers), the lede,
a source box that cites the article, the sections, and the source page's
related headlines apart from the text as further reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefbook import myst
from briefbook.anchors import chapter_label, section_labels
from briefbook.glossary import split_uses
from briefbook.records import Article

__all__ = ["marked_text", "render_chapter"]

_AUTOLINK_SAFE = re.compile(r"https?://[^\s<>`\\]+")

LEDE_CLASS = "briefbook-lede"
SOURCE_CLASS = "briefbook-source"
RELATED_CLASS = "briefbook-related"


def marked_text(text: str, terms: frozenset[str]) -> str:
    """Escaped ``text`` with each glossary abbreviation linked to its entry."""
    return "".join(
        myst.role("term", piece) if is_term else myst.escape(piece)
        for piece, is_term in split_uses(text, terms)
    )


def _source_box(article: Article, terms: frozenset[str]) -> str:
    meta = article.meta
    rows = [
        ("Cơ quan đăng", meta.outlet),
        ("Nguồn", meta.source),
        ("Tác giả", meta.author),
        ("Ngày đăng", meta.date.display() if meta.date else ""),
        ("Chuyên mục", meta.category),
    ]
    body = [f"- {label}: {marked_text(value, terms)}" for label, value in rows if value]
    if meta.url:
        # An autolink when the URL allows one; literal text otherwise.
        url = f"<{meta.url}>" if _AUTOLINK_SAFE.fullmatch(meta.url) else myst.escape(meta.url)
        body.append(f"- Địa chỉ: {url}")
    # HTML links the references page; the PDF gathers every bibliography at
    # its end, so there the source goes into a footnote on the chapter's page.
    body += [
        "",
        myst.directive("only", "html", body=[f"Trích dẫn: {myst.role('cite:p', article.cite_key)}"]),
        "",
        myst.directive(
            "only",
            "latex",
            body=[
                f"Trích dẫn: {myst.role('footcite:p', article.cite_key)}",
                "",
                myst.directive("footbibliography"),
            ],
        ),
    ]
    return myst.directive("admonition", "Nguồn bài viết", {"class": SOURCE_CLASS}, body)


def _section_lines(article: Article, terms: frozenset[str]) -> Iterable[str]:
    for section, label in zip(article.sections, section_labels(article), strict=True):
        if section.heading is not None and label is not None:
            yield myst.label(label)
            yield myst.heading(2, section.heading)
            yield ""
        for paragraph in section.paragraphs:
            yield marked_text(paragraph.text, terms)
            yield ""


def _front_matter(article: Article) -> str:
    meta = article.meta
    fields = {
        "title": article.title,
        "source_file": article.path.name,
        "date": meta.date.iso() if meta.date else "",
        "author": meta.author,
        "outlet": meta.outlet,
        "source": meta.source,
        "url": meta.url,
        "category": meta.category,
    }
    return myst.front_matter({key: value for key, value in fields.items() if value})


def render_chapter(article: Article, terms: frozenset[str] = frozenset()) -> str:
    """The MyST text of the chapter for ``article``."""
    out = [
        _front_matter(article),
        "",
        myst.label(chapter_label(article)),
        myst.heading(1, article.title),
        "",
    ]
    if article.lede:
        out += [myst.directive("container", LEDE_CLASS, body=[marked_text(article.lede, terms)]), ""]
    out += [_source_box(article, terms), ""]
    out += list(_section_lines(article, terms))
    if article.related:
        out += [
            myst.directive("rubric", "Tin liên quan trên trang nguồn", {"class": RELATED_CLASS}),
            "",
        ]
        out += [f"- {marked_text(item.title, terms)}" for item in article.related]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
