"""The book's own pages: front page, glossary, references, and ``conf.py``.

Pure functions from records to MyST text. Nothing here depends on when the
conversion runs: the build date on the front page is filled in by Sphinx
(``{sub-ref}`today```), so converting twice gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from briefbook.analyse.entities import Register
from briefbook.analyse.glossary import Glossary
from briefbook.analyse.parts import Part
from briefbook.core.anchors import (
    GLOSSARY_LABEL,
    REFERENCES_LABEL,
    REGISTER_LABEL,
    chapter_label,
    section_labels,
)
from briefbook.core.bookdata import BookData, Name, Term, dump_book_data
from briefbook.core.editions import CHANGES_DOC, EDITIONS_DOC
from briefbook.core.records import Article, Entity, EntityKind, GlossaryEntry
from briefbook.core.settings import DEFAULT_TITLE, TUNING, BookSettings
from briefbook.write import myst
from briefbook.write.glancepage import GLANCE_DOC, GLANCE_TITLE
from briefbook.write.timelinepage import TIMELINE_DOC, TIMELINE_TITLE

__all__ = [
    "DEFAULT_TITLE",
    "BookSettings",
    "render_book_data",
    "render_citation_cff",
    "render_conf",
    "render_glossary",
    "render_index",
    "render_references",
    "render_register",
]

CHAPTER_DIR = "chapters"
PART_CLASS = "briefbook-part"
GLOSSARY_DOC = "glossary"
REGISTER_DOC = "entities"
REFERENCES_DOC = "references"
OVERVIEW_TITLES = {GLANCE_DOC: GLANCE_TITLE, TIMELINE_DOC: TIMELINE_TITLE}
OVERVIEW_DOCS = tuple(OVERVIEW_TITLES)
"""The pages between the front page and chapter 1 (:mod:`briefbook.write.glancepage`...)."""
INTRO_LATEX = (
    r"\chapter*{Giới thiệu}\addcontentsline{toc}{chapter}{Giới thiệu}\markboth{Giới thiệu}{Giới thiệu}"
)


def _chapter_link(article: Article, text: str | None = None) -> str:
    return f"[{myst.escape(text or article.title)}]({CHAPTER_DIR}/{article.slug}.md)"


def _chapter_rows(articles: Sequence[Article], first: int) -> list[str]:
    rows = []
    for number, article in enumerate(articles, start=first):
        meta = article.meta
        publisher = " / ".join(dict.fromkeys(v for v in (meta.outlet, meta.source) if v))
        rows += [
            f"* - {number}",
            f"  - {_chapter_link(article)}",
            f"  - {myst.escape(publisher) or '—'}",
            f"  - {meta.date.date.strftime('%d/%m/%Y') if meta.date else '—'}",
        ]
    return rows


def _table(rows: list[str]) -> str:
    header = ["* - Chương", "  - Bài viết", "  - Cơ quan đăng, nguồn", "  - Ngày"]
    return myst.directive(
        "list-table",
        "",
        {"header-rows": "1", "widths": "11 53 22 14", "class": "briefbook-chapters"},
        header + rows,
    )


def _chapter_table(articles: Sequence[Article], parts: Sequence[Part] = ()) -> str:
    """The table of chapters; with parts, one table per part under its title."""
    if not parts:
        return _table(_chapter_rows(articles, 1))
    by_slug = {a.slug: a for a in articles}
    out: list[str] = []
    first = 1
    for n, part in enumerate(parts, start=1):
        chapters = [by_slug[slug] for slug in part.slugs]
        out += [
            myst.label(part.label),
            myst.directive(
                "rubric",
                f"Phần {n}. {myst.escape(part.title)} ({len(chapters)} chương)",
                {"class": PART_CLASS},
            ),
            "",
            _table(_chapter_rows(chapters, first)),
            "",
        ]
        first += len(chapters)
    return "\n".join(out).rstrip("\n")


def render_index(
    articles: Sequence[Article], settings: BookSettings, parts: Sequence[Part] = (), editions: bool = False
) -> str:
    """The front page: what the book is, when it was built, its chapters
    (with ``editions``, links to what the edition changed and to every edition)."""
    count = len(articles)
    news = (
        [
            f"[Mới trong ấn bản này]({CHANGES_DOC}.md) · "
            f"[Các ấn bản và bản PDF của chúng]({EDITIONS_DOC}.md)",
            "",
        ]
        if editions
        else []
    )
    toc = [f"{CHAPTER_DIR}/{a.slug}" for a in articles]
    return "\n".join(
        [
            myst.heading(1, settings.title),
            "",
            # In the PDF this text stands before chapter 1 with no heading.
            myst.directive("raw", "latex", body=[INTRO_LATEX]),
            "",
            f"Sổ tay này tập hợp {count} bài báo, "
            "được chuyển từ văn bản gốc thành các chương có đánh số, có nguồn trích dẫn "
            f"và {_glossary_link('bảng chữ viết tắt')}; "
            f"[danh mục nhân vật và tổ chức]({REGISTER_DOC}.md) và chỉ mục cho biết "
            "mỗi người, mỗi cơ quan được nhắc đến ở đâu. "
            "Mỗi chương ghi rõ cơ quan đăng bài, nguồn gốc, tác giả và ngày đăng khi tìm thấy.",
            "",
            "Bản dựng ngày {sub-ref}`today`, ấn bản {briefbook-edition}`ấn bản` "
            "(ngày dựng và mã băm của nội dung: hai bản cùng mã có cùng nội dung).",
            "",
            *news,
            # Chapters whose number changed since the last edition (filled in by the build).
            myst.directive("briefbook-renumbered"),
            "",
            _chapter_table(articles, parts),
            "",
            myst.directive("toctree", "", {"caption": "Tổng quan", "maxdepth": "1"}, OVERVIEW_DOCS),
            "",
            myst.directive(
                "toctree",
                "",
                {"caption": "Các chương", "numbered": "", "maxdepth": "2"},
                toc,
            ),
            "",
            # In the PDF, what follows is a set of appendices; the index
            # page is HTML only (briefbook.sphinxext drops it for LaTeX,
            # which prints its own index).
            myst.directive("raw", "latex", body=[r"\appendix"]),
            "",
            myst.directive(
                "toctree",
                "",
                {"caption": "Phụ lục", "maxdepth": "1"},
                [GLOSSARY_DOC, REGISTER_DOC, REFERENCES_DOC, "Chỉ mục <genindex>"],
            ),
            "",
        ]
    )


def _glossary_link(text: str) -> str:
    return f"[{text}]({GLOSSARY_DOC}.md)"


def _place_titles(articles: Sequence[Article]) -> dict[str, str]:
    """Label to a readable name: "Chapter title" or "Chapter title › Section"."""
    names: dict[str, str] = {}
    for article in articles:
        names[chapter_label(article)] = article.title
        for section, label in zip(article.sections, section_labels(article), strict=True):
            if label is not None and section.heading:
                names[label] = f"{article.title} › {section.heading}"
    return names


def _glossary_item(entry: GlossaryEntry, by_slug: dict[str, Article], places: dict[str, str]) -> list[str]:
    definition = myst.escape(entry.expansion)
    if entry.english:
        definition += f" — *{myst.escape(entry.english)}*"
    origin = by_slug.get(entry.origin)
    where = f"định nghĩa trong {_chapter_link(origin)}" if origin else "theo từ điển của briefbook"
    # A link to each chapter or section that uses it (by its stable label).
    uses = _uses(entry.places, places)
    return [
        myst.escape(entry.abbr),
        *(myst.escape(variant) for variant in entry.variants),  # terms of one entry
        f"  {definition}",
        "",
        f"  Nguồn: {where}. Dùng trong: {uses}.",
        "",
    ]


def render_book_data(glossary: Glossary, register: Register, settings: BookSettings) -> str:
    """The data Sphinx reads (:data:`~briefbook.core.bookdata.BOOK_DATA_FILE`):
    the settings, the glossary's terms and the register's names."""
    terms = tuple(Term(a, e.expansion, e.english) for e in glossary.entries for a in (e.abbr, *e.variants))
    names = tuple(Name(e.kind, e.name, e.aliases) for e in register.entities)
    return dump_book_data(BookData(settings, terms, names))


def render_glossary(glossary: Glossary, articles: Sequence[Article]) -> str:
    """The glossary page: one entry per abbreviation, in Vietnamese order."""
    by_slug = {a.slug: a for a in articles}
    places = _place_titles(articles)
    body: list[str] = []
    for entry in glossary.entries:
        body += _glossary_item(entry, by_slug, places)
    out = [
        myst.label(GLOSSARY_LABEL),
        myst.heading(1, "Bảng chữ viết tắt"),
        "",
        "Các chữ viết tắt dùng trong sổ tay, xếp theo thứ tự chữ cái tiếng Việt, "
        "với nghĩa đầy đủ, nghĩa tiếng Anh, nơi định nghĩa và các chương có dùng.",
        "",
    ]
    if body:
        out.append(myst.directive("glossary", body=body[:-1]))
    else:
        out.append("Sổ tay chưa có chữ viết tắt nào.")
    return "\n".join(out) + "\n"


def _uses(places: Sequence[str], titles: dict[str, str]) -> str:
    """Links to the chapters and sections in ``places``: the first
    :attr:`~briefbook.core.settings.Tuning.glossary_places`, then a count of the rest."""
    linked = [label for label in places if label in titles]
    uses = "; ".join(
        f"[{myst.escape(titles[label])}](#{label})" for label in linked[: TUNING.glossary_places]
    )
    if len(linked) > TUNING.glossary_places:
        # A name used all over a large book: a line of a thousand links helps
        # no reader (and exceeds TeX's line buffer).
        uses += f" và {len(linked) - TUNING.glossary_places} chỗ khác"
    return uses


def _register_item(entity: Entity, by_slug: dict[str, Article], places: dict[str, str]) -> list[str]:
    lines = [f"- **{myst.escape(entity.name)}**"]
    if entity.aliases:
        lines[0] += f" (còn viết: {myst.escape(', '.join(entity.aliases))})"
    roles: dict[str, list[str]] = {}
    for role, slug in entity.roles:
        roles.setdefault(role, []).append(slug)
    for role, slugs in roles.items():
        chapters = ", ".join(
            _chapter_link(by_slug[slug]) for slug in slugs[: TUNING.glossary_places] if slug in by_slug
        )
        lines.append(f"  - {myst.escape(role)} ({chapters})")
    lines.append(f"  - Nhắc đến trong: {_uses(entity.places, places)}.")
    return lines


def render_register(register: Register, articles: Sequence[Article]) -> str:
    """The register: each person, organisation and place with the titles they
    held and the chapters and sections that name them."""
    by_slug = {a.slug: a for a in articles}
    places = _place_titles(articles)
    out = [
        myst.label(REGISTER_LABEL),
        myst.heading(1, "Nhân vật và tổ chức"),
        "",
        "Những người, cơ quan, tổ chức và địa danh được nhắc đến trong các bài, "
        "xếp theo thứ tự chữ cái tiếng Việt, với chức danh ghi trong bài và nơi nhắc đến. "
        "Một tên viết theo nhiều cách được gộp làm một.",
        "",
    ]
    # The other ways a name is written lead to it in the index.
    for entity in register.entities:
        for alias in entity.aliases:
            out.append(
                myst.directive("index", f"see: {alias.replace(';', ',')}; {entity.name.replace(';', ',')}")
            )
    for kind in EntityKind:
        entities = register.by_kind(kind)
        out += ["", myst.heading(2, kind.value), ""]
        if not entities:
            out.append("Không có.")
        for entity in entities:
            out += _register_item(entity, by_slug, places)
    return "\n".join(out) + "\n"


def render_references() -> str:
    """The references page: every article's entry in ``references.bib``."""
    return "\n".join(
        [
            myst.label(REFERENCES_LABEL),
            myst.heading(1, "Tài liệu tham khảo"),
            "",
            myst.directive("bibliography", "", {"all": ""}),
            "",
        ]
    )


def render_conf(settings: BookSettings) -> str:
    """A starting ``conf.py``; briefbook writes it only when there is none."""
    return "\n".join(
        [
            '"""Sphinx configuration of the briefing book.',
            "",
            "Written by `briefbook convert` when the folder had no conf.py; edit freely.",
            "Everything not set here comes from the briefbook.sphinxext extension.",
            '"""',
            "",
            f"project = {settings.title!r}",
            *([f"author = {settings.author!r}"] if settings.author else []),
            'language = "vi"',
            'extensions = ["briefbook.sphinxext"]',
            "",
        ]
    )


def render_citation_cff(settings: BookSettings) -> str | None:
    """``CITATION.cff`` for the book (Citation File Format 1.2.0); ``None``
    for a book without an author (the format requires one).

    No date or edition: those belong to a build (the HTML and PDF show the
    edition), and the generated files must not change from day to day.
    """
    if not settings.author:
        return None

    def authors() -> list[dict[str, str]]:  # a fresh list each time: no YAML anchors
        return [{"name": settings.author}]

    data = {
        "cff-version": "1.2.0",
        "message": "Nếu bạn trích dẫn sổ tay này, xin trích dẫn như sau.",
        "title": settings.title,
        "type": "dataset",
        "authors": authors(),
        "languages": ["vi"],
        "preferred-citation": {
            "type": "book",
            "title": settings.title,
            "authors": authors(),
            "languages": ["vi"],
        },
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
