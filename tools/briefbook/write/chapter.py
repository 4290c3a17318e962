"""An :class:`~briefbook.core.records.Article` as a MyST chapter.

The chapter carries its metadata as front matter, a label on the chapter and
on each section (stable: built from the slugs, never from numbers), the lede,
a source box that cites the article, the sections, and the source page's
related headlines apart from the text as further reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefbook.analyse.glossary import split_uses
from briefbook.analyse.parts import Part
from briefbook.analyse.syndication import Copy
from briefbook.core.anchors import chapter_label, section_labels
from briefbook.core.records import LEDE, TITLE, Article, ChapterLinks
from briefbook.core.urls import is_web_url
from briefbook.write import myst

__all__ = ["index_lines", "marked_text", "render_chapter"]

_AUTOLINK_SAFE = re.compile(r"https?://[^\s<>`\\]+")

LEDE_CLASS = "briefbook-lede"
SOURCE_CLASS = "briefbook-source"
RELATED_CLASS = "briefbook-related"
LIST_CLASS = "briefbook-list"
"""The container of a list of the article's own (its items are numbered)."""
SEE_ALSO_CLASS = "briefbook-see-also"
ALSO_CLASS = "briefbook-also-published"
"""The list of the other outlets that ran the chapter's story."""
ONLY_CLASS = "briefbook-only-in-copy"
"""The heading over the paragraphs only one copy of the story has."""


def marked_text(text: str, terms: frozenset[str]) -> str:
    """Escaped ``text`` with each glossary abbreviation linked to its entry."""
    return "".join(
        myst.role("term", piece) if is_term else myst.escape(piece)
        for piece, is_term in split_uses(text, terms)
    )


def _url_text(url: str) -> str:
    """An autolink when the URL is a web address an autolink can hold;
    literal text otherwise (javascript:, data:... are never links)."""
    linked = is_web_url(url) and _AUTOLINK_SAFE.fullmatch(url)
    return f"<{url}>" if linked else myst.escape(url)


def _source_box(
    article: Article, terms: frozenset[str], copies: Sequence[Copy] = (), updated: str = ""
) -> str:
    meta = article.meta
    date = meta.date.display() if meta.date else ""
    if updated:  # changed by a later edition of the book: said beside its date
        date = f"{date} ({updated})" if date else ""
    rows = [
        ("Cơ quan đăng", meta.outlet),
        ("Nguồn", meta.source),
        ("Tác giả", meta.author),
        ("Ngày đăng", date),
        ("Cập nhật", updated.partition(": ")[2] if updated and not meta.date else ""),
        ("Chuyên mục", meta.category),
        ("Từ khóa", ", ".join(meta.tags)),
        ("Ngày truy cập", meta.accessed.strftime("%d/%m/%Y") if meta.accessed else ""),
    ]
    body = [f"- {label}: {marked_text(value, terms)}" for label, value in rows if value]
    if meta.url:
        body.append(f"- Địa chỉ: {_url_text(meta.url)}")
    # Every copy of the story is cited with the chapter.
    keys = ",".join([article.cite_key, *(c.article.cite_key for c in copies)])
    # HTML links the references page; the PDF gathers every bibliography at
    # its end, so there the source goes into a footnote on the chapter's page.
    body += [
        "",
        myst.directive("only", "html", body=[f"Trích dẫn: {myst.role('cite:p', keys)}"]),
        "",
        myst.directive(
            "only",
            "latex",
            body=[
                f"Trích dẫn: {myst.role('footcite:p', keys)}",
                "",
                myst.directive("footbibliography"),
            ],
        ),
    ]
    return myst.directive("admonition", "Nguồn bài viết", {"class": SOURCE_CLASS}, body)


def _outlet(article: Article) -> str:
    """Who ran the copy; its file's name when the reader found no outlet."""
    meta = article.meta
    return meta.outlet or meta.source or article.path.name


def _only_heading(article: Article) -> str:
    meta = article.meta
    if meta.outlet or meta.source:
        return f"Chỉ có trong bản đăng trên {meta.outlet or meta.source}"
    return f"Chỉ có trong bản {article.path.name}"


def _also_published(copies: Sequence[Copy], terms: frozenset[str]) -> list[str]:
    """ "Cũng đăng trên": each other outlet, its date, title and address."""
    if not copies:
        return []
    out = [myst.directive("rubric", "Cũng đăng trên", {"class": ALSO_CLASS}), ""]
    for copy in copies:
        meta = copy.article.meta
        pieces = [marked_text(_outlet(copy.article), terms)]
        if meta.date:
            pieces.append(meta.date.display())
        pieces.append(f"«{marked_text(copy.article.title, terms)}»")
        if meta.url:
            pieces.append(_url_text(meta.url))
        out.append("- " + ", ".join(pieces))
    return [*out, ""]


def _only_in_copies(copies: Sequence[Copy], terms: frozenset[str]) -> list[str]:
    """The paragraphs only a copy has, under a small heading naming its outlet."""
    out = []
    for copy in copies:
        if copy.only_here:
            heading = myst.escape(_only_heading(copy.article))
            out += [myst.directive("rubric", heading, {"class": ONLY_CLASS}), ""]
            for text in copy.only_here:
                out += [marked_text(text, terms), ""]
    return out


def index_lines(names: Iterable[str]) -> list[str]:
    """One index directive per name (the entries of the index at this place)."""
    # ";" would make a sub-entry; a name has none.
    return [myst.directive("index", f"single: {name.replace(';', ',')}") for name in names]


def _section_lines(article: Article, terms: frozenset[str], links: ChapterLinks) -> Iterable[str]:
    for s, (section, label) in enumerate(zip(article.sections, section_labels(article), strict=True)):
        if section.heading is not None and label is not None:
            yield myst.label(label)
            yield myst.heading(2, section.heading)
            yield ""
        items: list[str] = []  # the list being gathered
        for p, paragraph in enumerate(section.paragraphs):
            entries = index_lines(links.entries_at((s, p)))
            if paragraph.item:
                # A list item, its index entries inside it (between two
                # items they would end the list).
                items.append("- " + marked_text(paragraph.text, terms))
                for entry in entries:
                    items.append("")
                    items.extend("  " + line if line else "" for line in entry.split("\n"))
                items.append("")
                continue
            if items:
                yield from _article_list(items)
                items = []
            yield from entries
            yield marked_text(paragraph.text, terms)
            yield ""
        if items:
            yield from _article_list(items)


def _article_list(items: list[str]) -> Iterable[str]:
    """The article's own list, set apart from the lists the chapter adds
    (related news...): its items are body paragraphs, numbered."""
    yield myst.directive("container", LIST_CLASS, body=items[:-1])
    yield ""


def _front_matter(article: Article, part: Part | None) -> str:
    """The chapter's metadata, under keys MyST keeps as literal text (it
    renders ``author`` and ``date`` as Markdown: see :func:`myst.front_matter`)."""
    meta = article.meta
    fields = {
        "title": article.title,
        "source_file": article.path.name,
        "published": meta.date.iso() if meta.date else "",
        "byline": meta.author,
        "outlet": meta.outlet,
        "source": meta.source,
        "url": meta.url,
        "category": meta.category,
        "part": part.title if part else "",
        "part_label": part.label if part else "",
    }
    return myst.front_matter({key: value for key, value in fields.items() if value})


def _chapter_ref(slug: str, text: str) -> str:
    return f"[{myst.escape(text)}]({slug}.md)"


def _see_also(links: ChapterLinks, titles: dict[str, str]) -> list[str]:
    if not links.see_also:
        return []
    out = [myst.directive("rubric", "Xem thêm", {"class": SEE_ALSO_CLASS}), ""]
    for item in links.see_also:
        reason = f": cùng nhắc đến {myst.escape(', '.join(item.shared))}" if item.shared else ""
        out.append(f"- {_chapter_ref(item.slug, titles[item.slug])}{reason}")
    return [*out, ""]


def render_chapter(
    article: Article,
    terms: frozenset[str] = frozenset(),
    links: ChapterLinks | None = None,
    titles: dict[str, str] | None = None,
    part: Part | None = None,
    summary: Sequence[str] = (),
    copies: Sequence[Copy] = (),
    updated: str = "",
) -> str:
    """The MyST text of the chapter for ``article``.

    ``links`` are what the rest of the book adds (index entries, "Xem thêm",
    linked headlines); ``titles`` gives the other chapters' titles by slug;
    ``part`` is the part the chapter belongs to (the PDF opens the part
    before its first chapter); ``summary`` the lines of its summary box
    (:func:`briefbook.write.glancepage.summary_box`), after the lede;
    ``copies`` are the other outlets' copies of its story ("Cũng đăng
    trên", cited with it, with what only they have); ``updated`` the
    words beside its date when an edition changed it ("Cập nhật: ...").
    """
    links = links or ChapterLinks()
    titles = titles or {}
    heading_entries: dict[str, None] = dict.fromkeys(links.entries_at(TITLE))
    heading_entries.update(dict.fromkeys(links.entries_at(LEDE)))
    out = [_front_matter(article, part), ""]
    if part is not None and part.slugs[0] == article.slug:
        out += [myst.directive("raw", "latex", body=[rf"\part{{{myst.latex_text(part.title)}}}"]), ""]
    out += [
        myst.label(chapter_label(article)),
        myst.heading(1, article.title),
        "",
        *index_lines(heading_entries),
    ]
    if article.lede:
        out += [myst.directive("container", LEDE_CLASS, body=[marked_text(article.lede, terms)]), ""]
    out += summary
    out += [_source_box(article, terms, copies, updated), ""]
    out += _also_published(copies, terms)
    out += list(_section_lines(article, terms, links))
    out += _only_in_copies(copies, terms)
    out += _see_also(links, titles)
    if article.related:
        out += [
            myst.directive("rubric", "Tin liên quan trên trang nguồn", {"class": RELATED_CLASS}),
            "",
        ]
        targets: Sequence[str | None] = links.headlines or [None] * len(article.related)
        for item, target in zip(article.related, targets, strict=True):
            # A headline that is a chapter of the book links to it.
            if target is not None and target in titles:
                text = _chapter_ref(target, item.title)
            else:
                text = marked_text(item.title, terms)
            out.append(f"- {text}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
