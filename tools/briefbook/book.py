"""The driver: a folder of articles in, a Sphinx project out.

Its body reads like the pipeline: read every article (one bad file never
stops the others: :mod:`briefbook.folder`), give each chapter a unique
slug, gather the glossary and the register, render chapters and pages, and
write what changed. Only :func:`convert` (through
:mod:`briefbook.write.project`: which folders it may write, the manifest)
touches the file system here.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefbook.analyse.crossrefs import chapter_links
from briefbook.analyse.editions import compare, next_history
from briefbook.analyse.entities import article_mentions, build_register, organisation_abbreviations
from briefbook.analyse.glance import glance_entries, glance_groups
from briefbook.analyse.glossary import ArticleScan, Glossary, build_glossary, scan_article
from briefbook.analyse.parts import Part, group_parts
from briefbook.analyse.register import book_mentions
from briefbook.analyse.syndication import Copy, group_copies
from briefbook.analyse.timeline import build_timeline
from briefbook.buildfiles import project_lock
from briefbook.core import editions
from briefbook.core.anchors import unique_slugs
from briefbook.core.bookdata import BOOK_DATA_FILE
from briefbook.core.problems import ProblemKind
from briefbook.core.records import Article, ChapterLinks, Mention, Problem, Severity
from briefbook.core.settings import BookSettings
from briefbook.folder import (
    ARTICLE_SUFFIXES,
    READ_TYPES,
    SIDECAR_SUFFIXES,
    Progress,
    Source,
    find_articles,
    load_source,
    parse_source,
    parse_sources,
    read_article,
    read_articles,
)
from briefbook.read.parsecache import (
    CACHE_FILE,
    RENDER_CACHE_FILE,
    code_fingerprint,
    dump_cache,
    load_cache_file,
    save_cache_file,
)
from briefbook.sphinxext.citation import build_date
from briefbook.workers import map_in_workers
from briefbook.write.bibliography import render_bibliography, render_entry
from briefbook.write.chapter import render_chapter
from briefbook.write.editionpages import render_changes, render_editions, updated_text
from briefbook.write.glancepage import GLANCE_DOC, render_glance, summary_box
from briefbook.write.pages import (
    CHAPTER_DIR,
    GLOSSARY_DOC,
    REFERENCES_DOC,
    REGISTER_DOC,
    render_book_data,
    render_citation_cff,
    render_glossary,
    render_index,
    render_references,
    render_register,
)
from briefbook.write.project import ProjectError, book_settings, check_output, keep_editions, write_project
from briefbook.write.report import render_report
from briefbook.write.timelinepage import TIMELINE_DOC, render_timeline

__all__ = [
    "ARTICLE_SUFFIXES",
    "MEMO_KINDS",
    "READ_TYPES",
    "SIDECAR_SUFFIXES",
    "Conversion",
    "NoArticles",
    "Source",
    "convert",
    "find_articles",
    "load_source",
    "parse_source",
    "parse_sources",
    "plan_project",
    "read_article",
    "read_articles",
    "unique_slugs",
    "write_project",
]

REPORT_FILE = "_report/conversion.md"


@dataclass(frozen=True, slots=True)
class Conversion:
    """The outcome of converting a folder."""

    articles: tuple[Article, ...]
    """The articles in the book, in chapter order."""
    errors: tuple[Problem, ...]
    """Articles that could not be read (not in the book)."""
    glossary: Glossary
    files: dict[str, str]
    """Generated files: path relative to the output folder to text."""
    memo: Memo = dataclasses.field(default_factory=dict)
    """What was made from single articles, for the next run (see :func:`plan_project`)."""
    copies: tuple[Article, ...] = ()
    """Articles that are copies of a chapter's story (cited in it, no chapter of their own)."""
    previous: editions.History = dataclasses.field(default_factory=editions.History)
    """The record of editions the book was compared with (see :func:`plan_project`)."""
    kept_edits: tuple[tuple[str, str], ...] = ()
    """:attr:`briefbook.write.project.Written.kept_edits`."""

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for a in (*self.articles, *self.copies) for p in a.problems)


MemoValue = str | ArticleScan | tuple[Mention, ...]
MEMO_KINDS = (str, ArticleScan, tuple)
"""The types of the render cache's values."""
Memo = Mapping[str, MemoValue]
"""What was made from single articles, by article and what it depends on (see :func:`plan_project`)."""


def _mentions(article: Article, abbreviations: Mapping[str, str]) -> tuple[Mention, ...]:
    return tuple(article_mentions(article, abbreviations))


_ChapterJob = tuple[Article, ChapterLinks, Part | None, list[str], tuple[Copy, ...], str]
"""What one chapter's text is made from: article, links, part, summary box, copies, update note."""


def _chapter(
    job: _ChapterJob,
    terms: frozenset[str],
    titles: dict[str, str],
) -> str:
    """One chapter's text (in a worker process: see :func:`plan_project`)."""
    article, link, part, summary, copies, updated = job
    return render_chapter(article, terms, link, titles, part, summary, copies, updated)


def _digest(value: object) -> str:
    """A short hash of ``value``'s ``repr`` (of records, strings, lists: stable)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:24]


def plan_project(
    articles: Sequence[Article],
    errors: Sequence[Problem],
    settings: BookSettings,
    memo: Memo | None = None,
    history: editions.History | None = None,
    edition_date: str = "",
    keep: int = 20,
) -> Conversion:
    """Every generated file of the book, as text (pure).

    With ``history`` (the project's record of editions), the book is
    compared with its last edition: a chapter changed says so beside its
    date, and when the content differs the record gains the edition
    ``edition_date`` (ISO), shown with the pages about editions (PDFs of
    the last ``keep``; see :mod:`briefbook.write.editionpages`).

    With ``memo`` (the conversion's ``memo`` of an earlier run), what is made
    from one article alone (its glossary scan, BibTeX entry, duplicate
    and, for the same glossary terms, links, part and copies, chapter) is
    taken from it when made before, and the conversion's ``memo`` holds what
    this run made. Each value is keyed on exactly what it depends on: a
    digest of the article's record as it stands in the book (its unique slug
    included) and, for the mentions and the chapter, of what else they read;
    never on the article's position or its file.
    """
    everything = unique_slugs(articles)
    # Copies of one story are one chapter, the fullest text; every copy keeps
    # its BibTeX entry.
    groups = group_copies(everything)
    copies_of: dict[str, tuple[Copy, ...]] = {g.main.slug: g.copies for g in groups}
    copied = {c.article.slug for g in groups for c in g.copies}
    articles = [a for a in everything if a.slug not in copied]
    parts = group_parts(articles, settings.parts)
    if parts:
        by_slug = {a.slug: a for a in articles}
        articles = [by_slug[slug] for part in parts for slug in part.slugs]
    part_of = {slug: part for part in parts for slug in part.slugs}
    previous = history or editions.History()
    comparison = compare(history, articles, edition_date) if history is not None else None
    updated = {s: updated_text(d) for s, d in comparison.updated().items()} if comparison else {}
    old = memo or {}
    made: dict[str, MemoValue] = {}
    ids = [_digest(a) if memo is not None else "" for a in articles]

    def remember(kind: str, article_id: str, want: type, make: Callable[[], Any]) -> Any:
        found = old.get(f"{kind}:{article_id}") if article_id else None
        value: MemoValue = found if found is not None and isinstance(found, want) else make()
        if article_id:
            made[f"{kind}:{article_id}"] = value
        return value

    def text(kind: str, article_id: str, make: Callable[[], str]) -> str:
        value: str = remember(kind, article_id, str, make)
        return value

    scans = [
        remember("scan", i, ArticleScan, functools.partial(scan_article, a))
        for i, a in zip(ids, articles, strict=True)
    ]
    glossary = build_glossary(articles, scans=scans)
    terms = glossary.terms()
    abbreviations = organisation_abbreviations(glossary.entries)
    # An article's mentions depend on it and on the abbreviations that name a body.
    mentions_kind = "mentions-" + _digest(sorted(abbreviations.items()))
    # The articles' mentions not found in an earlier run, found in worker
    # processes (the longest work of the plan): one article's alone; then one body, one key (book_mentions).
    unknown = [
        a
        for i, a in zip(ids, articles, strict=True)
        if not isinstance(old.get(f"{mentions_kind}:{i}"), tuple)
    ]
    found = dict(
        zip(
            (a.slug for a in unknown),
            map_in_workers(functools.partial(_mentions, abbreviations=abbreviations), unknown),
            strict=True,
        )
    )
    mentions = {
        a.slug: remember(mentions_kind, i, tuple, functools.partial(found.__getitem__, a.slug))
        for i, a in zip(ids, articles, strict=True)
    }
    register = build_register(articles, mentions := book_mentions(articles, mentions, abbreviations))
    links = chapter_links(articles, register, glossary)
    titles = {a.slug: a.title for a in articles}
    terms_digest = _digest(sorted(terms))
    glance = {e.slug: e for e in glance_entries(articles, mentions, register)}

    # What each chapter's text depends on: the article, the glossary's terms,
    # its links, the titles of the chapters it links, its part, its summary
    # box and its copies.
    jobs = [
        (
            a,
            links[a.slug],
            part_of.get(a.slug),
            summary_box(glance[a.slug]),
            copies_of.get(a.slug, ()),
            updated.get(a.slug, ""),
        )
        for a in articles
    ]

    def chapter_kind(job: _ChapterJob) -> str:
        _, link, part, summary, copies, note = job
        linked = sorted({s.slug for s in link.see_also} | {t for t in link.headlines if t})
        return "chapter-" + _digest(
            [terms_digest, link, [(s, titles[s]) for s in linked], part, summary, copies, note]
        )

    kinds = [chapter_kind(job) for job in jobs]
    # The chapters not rendered in an earlier run, rendered in worker processes.
    unrendered = [
        job
        for i, job, kind in zip(ids, jobs, kinds, strict=True)
        if not isinstance(old.get(f"{kind}:{i}"), str)
    ]
    rendered = dict(
        zip(
            (job[0].slug for job in unrendered),
            map_in_workers(functools.partial(_chapter, terms=terms, titles=titles), unrendered),
            strict=True,
        )
    )
    files = {
        f"{CHAPTER_DIR}/{a.slug}.md": text(kind, i, functools.partial(rendered.__getitem__, a.slug))
        for i, a, kind in zip(ids, articles, kinds, strict=True)
    }
    files["index.md"] = render_index(articles, settings, parts, editions=history is not None)
    files[f"{GLANCE_DOC}.md"] = render_glance(glance_groups(list(glance.values()), parts), settings.title)
    files[f"{TIMELINE_DOC}.md"] = render_timeline(build_timeline(articles))
    files[f"{GLOSSARY_DOC}.md"] = render_glossary(glossary, articles)
    files[f"{REGISTER_DOC}.md"] = render_register(register, articles)
    files[BOOK_DATA_FILE] = render_book_data(glossary, register, settings)
    files[f"{REFERENCES_DOC}.md"] = render_references()
    ids_of = dict(zip((a.slug for a in articles), ids, strict=True))
    # Each chapter's entry, then its copies'.
    cited = [x for a in articles for x in (a, *(c.article for c in copies_of.get(a.slug, ())))]
    bib_ids = [ids_of.get(a.slug) or (_digest(a) if memo is not None else "") for a in cited]
    entries = [
        text("bib", i, functools.partial(render_entry, a)) for i, a in zip(bib_ids, cited, strict=True)
    ]
    files["references.bib"] = render_bibliography(cited, entries)
    cff = render_citation_cff(settings)
    if cff is not None:
        files["CITATION.cff"] = cff
    if history is not None and comparison is not None:
        # The edition's content is every hashed file (not these pages).
        content = editions.content_hash((rel, t.encode("utf-8")) for rel, t in files.items())
        history = next_history(history, comparison, [a.slug for a in articles], content, edition_date)
        files[editions.EDITIONS_FILE] = editions.dump_history(history)
        files[f"{editions.CHANGES_DOC}.md"] = render_changes(history)
        files[f"{editions.EDITIONS_DOC}.md"] = render_editions(history, keep)
    grouped = [(g.main, c.article) for g in groups for c in g.copies]
    files[REPORT_FILE] = render_report(cited, errors, glossary, grouped)
    copies = tuple(c for _, c in grouped)
    return Conversion(tuple(articles), tuple(errors), glossary, files, made, copies, previous)


def _without_unrenderable(
    articles: Sequence[Article], errors: Sequence[Problem], settings: BookSettings
) -> tuple[list[Article], list[Problem]]:
    """The articles that make a book on their own, and an error for each other."""
    kept: list[Article] = []
    failed = list(errors)
    for article in articles:
        try:
            plan_project([article], [], settings)
        except Exception as exc:
            kind = ProblemKind.WRITE_FAILED
            failed.append(
                Problem.of(article.path, kind, type(exc).__name__, str(exc), severity=Severity.ERROR)
            )
            continue
        kept.append(article)
    return kept, failed


class NoArticles(ProjectError):
    """A folder with no article file."""


def convert(
    articles_dir: Path,
    out: Path,
    settings: BookSettings | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    title: str | None = None,
    author: str | None = None,
    edition_date: str | None = None,
) -> Conversion:
    """Convert every article of ``articles_dir`` into the project at ``out``.

    ``out`` must be empty, missing or a briefbook project, and not inside
    ``articles_dir`` (:func:`briefbook.write.project.check_output` raises
    :class:`~briefbook.write.project.ProjectError` before anything is written). The
    book's title and author are ``title`` and ``author`` for a new project,
    those of its ``conf.py`` after (a different ``title``/``author`` is
    refused); ``settings`` gives the parts. A folder with no article file
    raises :class:`NoArticles`; when no article can be read, nothing is written.

    Articles parsed by an earlier run are taken from ``out``'s parse cache
    (:data:`briefbook.read.parsecache.CACHE_FILE`), and what was made from each
    of them from its render cache (:data:`briefbook.read.parsecache.RENDER_CACHE_FILE`);
    ``jobs`` as for :func:`parse_sources`.

    The project's record of editions (:data:`briefbook.core.editions.EDITIONS_FILE`)
    gains an edition dated ``edition_date`` (ISO; default the build date)
    when the content changed.
    """
    check_output(out, articles_dir)
    paths = find_articles(articles_dir)
    if not paths:
        raise NoArticles(f"{articles_dir}: no article files (articles are {READ_TYPES}); nothing was written")
    settings = book_settings(settings or BookSettings(), out, title, author)
    articles, errors = read_articles(
        paths, articles_dir, progress=progress, cache=out / CACHE_FILE, jobs=jobs
    )
    if not articles:
        return Conversion((), tuple(errors), build_glossary([]), {})
    fingerprint = code_fingerprint()
    memo_file = out / RENDER_CACHE_FILE
    memo = load_cache_file(memo_file, fingerprint, MEMO_KINDS)
    record = out / editions.EDITIONS_FILE
    edition = functools.partial(
        plan_project,
        history=editions.load_history(record.read_text("utf-8") if record.is_file() else None),
        edition_date=edition_date or build_date().isoformat(),
        keep=keep_editions(out),
    )
    try:
        conversion = edition(articles, errors, settings, memo)
    except Exception:  # a defect of briefbook on some article: find it, leave it out
        articles, errors = _without_unrenderable(articles, errors, settings)
        conversion = edition(articles, errors, settings, memo)
    with project_lock(out / "_build"):  # not while a build of it runs, nor another conversion
        written = write_project(conversion.files, out, settings)
    if conversion.memo.keys() != memo.keys():
        save_cache_file(memo_file, dump_cache(conversion.memo, fingerprint))
    return dataclasses.replace(conversion, kept_edits=written.kept_edits)
