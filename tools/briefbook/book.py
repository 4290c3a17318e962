"""The driver: a folder of articles in, a Sphinx project out.

Its body reads like the pipeline: read every article (one bad file never
stops the others), parse, give each chapter a unique slug, gather the
glossary, render chapters and pages, and write what changed. Only
:func:`load_source`, :func:`read_articles` (with the parse cache, see
:mod:`briefbook.parsecache`) and :func:`convert` (through
:mod:`briefbook.project`: which folders it may write, the manifest) touch the
file system.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import itertools
import os
import signal
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from briefbook.anchors import unique_slugs
from briefbook.audit import duplicates, signature, unaccounted
from briefbook.bibliography import render_bibliography, render_entry
from briefbook.boilerplate import load_boilerplate
from briefbook.buildfiles import project_lock
from briefbook.chapter import render_chapter
from briefbook.crossrefs import chapter_links
from briefbook.decoding import ArticleError, decode_article
from briefbook.entities import article_mentions, build_register, organisation_abbreviations
from briefbook.glance import glance_entries, glance_groups
from briefbook.glancepage import GLANCE_DOC, render_glance, summary_box
from briefbook.glossary import ArticleScan, Glossary, build_glossary, scan_article
from briefbook.headline import agreement, text_words
from briefbook.htmlpage import HTML_SUFFIXES, read_html_page, read_page_copy
from briefbook.overrides import apply_overrides, parse_overrides, read_sidecar, split_front_matter
from briefbook.pages import (
    CHAPTER_DIR,
    GLOSSARY_DOC,
    REFERENCES_DOC,
    REGISTER_DOC,
    BookSettings,
    render_citation_cff,
    render_glossary,
    render_index,
    render_references,
    render_register,
)
from briefbook.parsecache import (
    CACHE_FILE,
    RENDER_CACHE_FILE,
    article_key,
    code_fingerprint,
    dump_cache,
    load_cache,
)
from briefbook.parts import group_parts
from briefbook.project import ProjectError, book_settings, check_output, write_project
from briefbook.reader import parse_article
from briefbook.records import Article, Mention, Problem, RawText, Severity
from briefbook.repetition import furniture_key, recurring_lines
from briefbook.report import render_report
from briefbook.safefiles import read_inside
from briefbook.timeline import build_timeline
from briefbook.timelinepage import TIMELINE_DOC, render_timeline

__all__ = [
    "ARTICLE_SUFFIXES",
    "MEMO_KINDS",
    "READ_TYPES",
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

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"}) | HTML_SUFFIXES
SIDECAR_SUFFIXES = (".yaml", ".yml")
NOT_ARTICLES = frozenset({"README", "LICENSE", "CHANGELOG", "NOTES"})
"""Notes kept beside the articles (``README.md``...), not articles."""
REPORT_FILE = "_report/conversion.md"
READ_TYPES = ", ".join(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))
"""The file types read as articles, for messages."""


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

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for a in self.articles for p in a.problems)


def find_articles(folder: Path) -> list[Path]:
    """The article files of ``folder``, by name (the chapter order)."""
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    return sorted(
        p
        for p in folder.iterdir()
        # Not is_file(): links, FIFOs... are listed, to be reported by name
        # (see briefbook.safefiles).
        if not p.is_dir()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith(".")
        and p.stem.upper() not in NOT_ARTICLES
    )


@dataclass(frozen=True, slots=True)
class Source:
    """The bytes of one article as read from disk: its file and its sidecars."""

    name: PurePath
    """The article's path relative to the articles folder."""
    data: bytes
    sidecars: tuple[tuple[str, bytes], ...] = ()
    """``(suffix, bytes)`` of each sidecar found (``.yaml``, ``.yml``), in that order."""
    furniture: frozenset[str] = frozenset()
    """The lines of this article that recur across the folder's articles
    (:mod:`briefbook.repetition`): what the article's reading depends on
    beyond its own bytes."""

    def key(self, fingerprint: str) -> str:
        furniture = (("furniture", "\n".join(sorted(self.furniture)).encode()),) if self.furniture else ()
        return article_key(fingerprint, self.name, self.data, (*self.sidecars, *furniture))


def _source_lines(source: Source) -> list[str]:
    """A text article's lines, for the folder's furniture (none for a saved
    page or a file that cannot be decoded: they are reported when parsed)."""
    if source.name.suffix.lower() in HTML_SUFFIXES:
        return []
    try:  # (UTF-8 only: a legacy encoding's lines are read when the article is)
        text = unicodedata.normalize("NFC", source.data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return []
    return [line.strip() for line in text.splitlines()]


def with_furniture(sources: Sequence[Source]) -> list[Source]:
    """Each source with the lines of it that recur across ``sources``."""
    lines = [_source_lines(source) for source in sources]
    recurring = recurring_lines(lines)
    if not recurring:
        return list(sources)
    return [
        dataclasses.replace(source, furniture=recurring & {furniture_key(t) for t in texts})
        for source, texts in zip(sources, lines, strict=True)
    ]


def display_name(path: PurePath) -> PurePath:
    """``path`` as shown in messages and the report: a file name that is not
    UTF-8 (the bytes the file system gave stand in it as surrogates) has
    those bytes as ``\\xNN``, so that every text written stays UTF-8."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return PurePath(text)


def load_source(path: Path, name: PurePath, root: Path | None = None) -> Source:
    """Read an article file and its sidecars, regular files inside the articles
    folder ``root`` (by default, the folder ``name`` is relative to); raises
    :class:`OSError` (:class:`~briefbook.safefiles.UnsafeFile` for a link
    that leads outside, a FIFO...)."""
    if root is None:
        root = Path(*path.parts[: len(path.parts) - len(name.parts)])
    sidecars = []
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if os.path.lexists(sidecar):
            sidecars.append((suffix, read_inside(sidecar, root)))
    return Source(name, read_inside(path, root), tuple(sidecars))


def parse_source(source: Source) -> tuple[RawText, Article]:
    """Parse one article with its overrides (pure); raises :class:`ArticleError`."""
    name = source.name
    overrides: dict[str, Any] = {}
    problems: list[Problem] = []
    copy: tuple[RawText, Article] | None = None
    if name.suffix.lower() in HTML_SUFFIXES:
        try:
            raw, overrides = read_html_page(source.data, name)
        except ArticleError:
            # No main text found: the page as a browser copies it, read as a copied page.
            raw, overrides = read_page_copy(source.data, name), {}
        else:
            copy = _page_copy_article(source.data, name)
    else:
        raw = decode_article(source.data, name)
        front, text = split_front_matter(raw.text)
        if front:
            raw = dataclasses.replace(raw, text=text)
            found, problems = parse_overrides(front, name)
            overrides.update(found)
    for suffix, data in source.sidecars:
        found, more = read_sidecar(data, name.with_suffix(suffix))
        overrides.update(found)
        problems += more
    url_hint = overrides.get("url")
    article = parse_article(
        raw, url_hint=url_hint if isinstance(url_hint, str) else "", furniture=source.furniture
    )
    if copy is not None:
        title = overrides.get("title")
        if _astray(article, copy[1], title if isinstance(title, str) else article.title):
            # trafilatura took another text of the page for its main text.
            raw, article = copy
        else:
            article = _with_page_metadata(article, copy[1])
    if "title" not in overrides and (marker := load_boilerplate().block_marker(article.title)):
        # "Tin liên quan" and its list, saved alone: page debris, not an article.
        raise ArticleError(
            name,
            f"no article: the first line, {article.title!r}, opens page debris ({marker.reason}); "
            "give the article's title in a sidecar if it is one",
            article.title_lineno,
        )
    if overrides:
        article = apply_overrides(article, overrides, name)
    if problems:
        article = dataclasses.replace(article, problems=(*article.problems, *problems))
    return raw, article


def _page_copy_article(data: bytes, name: PurePath) -> tuple[RawText, Article] | None:
    """A saved page read whole, as a copied page, for its metadata lines."""
    try:
        raw = read_page_copy(data, name)
        return raw, parse_article(raw)
    except ArticleError:
        return None


_SHARED = 0.5
"""Below this share of words in common, the main text and the whole page's
reading are two different texts."""
_BETTER = 0.2


def _astray(main: Article, whole: Article, title: str) -> bool:
    """Whether a saved page's main text (trafilatura's) is not the article:
    it shares few words with the page read whole, and the page's title speaks
    of the whole page's reading much more than of it."""
    main_words = text_words([main.lede, *(p.text for p in main.paragraphs)])
    whole_words = text_words([whole.lede, *(p.text for p in whole.paragraphs)])
    if not main_words or len(main_words & whole_words) >= _SHARED * len(main_words):
        return False
    return agreement(title, whole_words) >= agreement(title, main_words) + _BETTER


def _with_page_metadata(article: Article, copy: Article) -> Article:
    """``article`` (a saved page's main text) with the byline, date and
    outlet that only the whole page gives (the main text leaves its
    byline and date lines out)."""
    meta = article.meta
    found = {
        key: getattr(copy.meta, key)
        for key in ("author", "date", "outlet")
        if not getattr(meta, key) and getattr(copy.meta, key)
    }
    if not found:
        return article
    filled = {f"no {'outlet or source' if key == 'outlet' else key} found" for key in found}
    return dataclasses.replace(
        article,
        meta=dataclasses.replace(meta, **found),
        problems=tuple(p for p in article.problems if p.message not in filled),
    )


def read_article(path: Path, name: PurePath) -> tuple[RawText, Article]:
    """Read one article file with its overrides; raises :class:`ArticleError`."""
    return parse_source(load_source(path, name))


Progress = Callable[[int, int], None]
"""Called with (articles read so far, articles in all)."""

Outcome = tuple[Article | None, tuple[Problem, ...]]
"""One article's outcome: the article (``None`` if unreadable) and its errors."""


def parse_checked(source: Source, audit: bool = False) -> Outcome:
    """:func:`parse_source` with failures as errors; with ``audit``, lost
    text (:func:`briefbook.audit.unaccounted`) is an error too."""
    try:
        raw, article = parse_source(source)
        lost = tuple(unaccounted(raw, article)) if audit else ()
    except ArticleError as exc:
        return None, (Problem(exc.path, exc.message, Severity.ERROR, exc.lineno, exc.column),)
    except Exception as exc:  # a defect of briefbook: this article fails, the others go on
        message = f"cannot be read (briefbook failed: {type(exc).__name__}: {exc})"
        return None, (Problem(source.name, message, Severity.ERROR),)
    return article, lost


PARALLEL_MIN = 48
"""Fewer articles to parse than this are parsed in this process (starting
worker processes costs more than they save)."""


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to report (one line, not one traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parse_sources(
    sources: Sequence[Source], audit: bool = False, jobs: int | None = None
) -> Iterator[Outcome]:
    """Parse each source, in order; in worker processes when there are
    enough of them (``jobs``: ``None`` for one per CPU from
    :data:`PARALLEL_MIN` sources on, 1 for none, N for N processes)."""
    workers = (_cpus() if len(sources) >= PARALLEL_MIN else 1) if jobs is None else jobs
    workers = min(workers, len(sources))
    if workers <= 1:
        yield from (parse_checked(source, audit) for source in sources)
        return
    chunk = max(1, min(16, len(sources) // (workers * 4)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts) as pool:
        try:
            yield from pool.map(parse_checked, sources, itertools.repeat(audit), chunksize=chunk)
        except KeyboardInterrupt:
            pool.shutdown(cancel_futures=True)  # only the chunks under way are finished
            raise


def read_articles(
    paths: Sequence[Path],
    root: Path,
    audit: bool = False,
    progress: Progress | None = None,
    cache: Path | None = None,
    jobs: int | None = None,
) -> tuple[list[Article], list[Problem]]:
    """Read and parse each file; a file that fails becomes a :class:`Problem`.

    With ``audit``, each article is also checked line by line against its
    file (:func:`briefbook.audit.unaccounted`), and lost text is an error.

    With ``cache`` (a file, see :mod:`briefbook.parsecache`; not with
    ``audit``), an article whose bytes, sidecars and code are those of an
    earlier run is taken from it instead of parsed, and the file is rewritten
    with this run's articles when that changes it. The other articles are
    parsed in parallel when there are many (``jobs``, see :func:`parse_sources`).
    Unreadable articles are never cached: they are reported on every run.
    """
    fingerprint = code_fingerprint() if cache is not None and not audit else ""
    cached = _load_cache(cache, fingerprint) if cache is not None and fingerprint else {}
    outcomes: list[Outcome | None] = []
    keys: list[str] = []
    misses: list[tuple[int, Source]] = []
    loaded: list[Source | Problem] = []
    for path in paths:
        name = display_name(path.relative_to(root))
        try:
            loaded.append(load_source(path, name, root))
        except OSError as exc:
            loaded.append(Problem(name, f"cannot read: {exc}", Severity.ERROR))
    furnished = iter(with_furniture([s for s in loaded if isinstance(s, Source)]))
    for item in loaded:
        if isinstance(item, Problem):
            outcomes.append((None, (item,)))
            keys.append("")
            continue
        source = next(furnished)
        key = source.key(fingerprint) if fingerprint else ""
        keys.append(key)
        hit = cached.get(key) if key else None
        outcomes.append((hit, ()) if hit is not None else None)
        if hit is None:
            misses.append((len(outcomes) - 1, source))
    done = 0
    total = len(paths)

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    for outcome in outcomes:
        if outcome is not None:
            tick()
    parsed = parse_sources([source for _, source in misses], audit, jobs)
    for (index, _), outcome in zip(misses, parsed, strict=True):
        outcomes[index] = outcome
        tick()

    articles: list[Article] = []
    errors: list[Problem] = []
    entries: dict[str, Article] = {}
    for key, outcome in zip(keys, outcomes, strict=True):
        assert outcome is not None
        article, problems = outcome
        if article is not None:
            articles.append(article)
            if key:
                entries[key] = article
        errors += problems
    if cache is not None and fingerprint and entries.keys() != cached.keys():
        _save_cache(cache, dump_cache(entries, fingerprint))
    return articles, errors


def _load_cache(path: Path, fingerprint: str, kinds: tuple[type, ...] = (Article,)) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    return load_cache(data, fingerprint, kinds)


def _save_cache(path: Path, data: bytes) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


MemoValue = str | ArticleScan | tuple[Mention, ...]
MEMO_KINDS = (str, ArticleScan, tuple)
"""The types of the render cache's values."""
Memo = Mapping[str, MemoValue]
"""What was made from single articles, by article and what else it depends
on (see :func:`plan_project`)."""


def _mentions(article: Article, abbreviations: Mapping[str, str]) -> tuple[Mention, ...]:
    return tuple(article_mentions(article, abbreviations))


def _digest(value: object) -> str:
    """A short hash of ``value``'s ``repr`` (of records, strings, lists: stable)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:24]


def plan_project(
    articles: Sequence[Article],
    errors: Sequence[Problem],
    settings: BookSettings,
    memo: Memo | None = None,
) -> Conversion:
    """Every generated file of the book, as text (pure).

    With ``memo`` (the conversion's ``memo`` of an earlier run), what is made
    from one article alone (its glossary scan, BibTeX entry, duplicate
    signature and, for the same glossary terms, links and part, chapter) is
    taken from it when made before, and the conversion's ``memo`` holds what
    this run made. Each value is keyed on exactly what it depends on: a
    digest of the article's record as it stands in the book (its unique slug
    included) and, for the mentions and the chapter, of what else they read;
    never on the article's position or its file.
    """
    articles = unique_slugs(articles)
    parts = group_parts(articles, settings.parts)
    if parts:
        by_slug = {a.slug: a for a in articles}
        articles = [by_slug[slug] for part in parts for slug in part.slugs]
    part_of = {slug: part for part in parts for slug in part.slugs}
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
    mentions = {
        a.slug: remember(mentions_kind, i, tuple, functools.partial(_mentions, a, abbreviations))
        for i, a in zip(ids, articles, strict=True)
    }
    register = build_register(articles, mentions)
    links = chapter_links(articles, register, glossary)
    titles = {a.slug: a.title for a in articles}
    terms_digest = _digest(sorted(terms))
    glance = {e.slug: e for e in glance_entries(articles, mentions, register)}

    def chapter(article_id: str, a: Article) -> str:
        # Its text depends on the article, the glossary's terms, its links,
        # the titles of the chapters it links, its part and its summary box.
        link, part, summary = links[a.slug], part_of.get(a.slug), summary_box(glance[a.slug])
        linked = sorted({s.slug for s in link.see_also} | {t for t in link.headlines if t})
        kind = "chapter-" + _digest([terms_digest, link, [(s, titles[s]) for s in linked], part, summary])
        make = functools.partial(render_chapter, a, terms, link, titles, part, summary)
        return text(kind, article_id, make)

    files = {f"{CHAPTER_DIR}/{a.slug}.md": chapter(i, a) for i, a in zip(ids, articles, strict=True)}
    files["index.md"] = render_index(articles, settings, parts)
    files[f"{GLANCE_DOC}.md"] = render_glance(glance_groups(list(glance.values()), parts), settings.title)
    files[f"{TIMELINE_DOC}.md"] = render_timeline(build_timeline(articles))
    files[f"{GLOSSARY_DOC}.md"] = render_glossary(glossary, articles)
    files[f"{REGISTER_DOC}.md"] = render_register(register, articles)
    files[f"{REFERENCES_DOC}.md"] = render_references()
    entries = [text("bib", i, functools.partial(render_entry, a)) for i, a in zip(ids, articles, strict=True)]
    files["references.bib"] = render_bibliography(articles, entries)
    cff = render_citation_cff(settings)
    if cff is not None:
        files["CITATION.cff"] = cff
    signatures = [text("dup", i, functools.partial(signature, a)) for i, a in zip(ids, articles, strict=True)]
    files[REPORT_FILE] = render_report(articles, errors, glossary, duplicates(articles, signatures))
    return Conversion(tuple(articles), tuple(errors), glossary, files, made)


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
            message = f"cannot be written (briefbook failed: {type(exc).__name__}: {exc})"
            failed.append(Problem(article.path, message, Severity.ERROR))
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
) -> Conversion:
    """Convert every article of ``articles_dir`` into the project at ``out``.

    ``out`` must be empty, missing or a briefbook project, and not inside
    ``articles_dir`` (:func:`briefbook.project.check_output` raises
    :class:`~briefbook.project.ProjectError` before anything is written). The
    book's title and author are ``title`` and ``author`` for a new project,
    those of its ``conf.py`` after (a different ``title``/``author`` is
    refused); ``settings`` gives the parts. A folder with no article file
    raises :class:`NoArticles`; when no article can be read, nothing is written.

    Articles parsed by an earlier run are taken from ``out``'s parse cache
    (:data:`briefbook.parsecache.CACHE_FILE`), and what was made from each
    of them from its render cache (:data:`briefbook.parsecache.RENDER_CACHE_FILE`);
    ``jobs`` as for :func:`parse_sources`.
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
    memo = _load_cache(memo_file, fingerprint, MEMO_KINDS)
    try:
        conversion = plan_project(articles, errors, settings, memo)
    except Exception:  # a defect of briefbook on some article: find it, leave it out
        articles, errors = _without_unrenderable(articles, errors, settings)
        conversion = plan_project(articles, errors, settings, memo)
    with project_lock(out / "_build"):  # not while a build of it runs, nor another conversion
        write_project(conversion.files, out, settings)
    if conversion.memo.keys() != memo.keys():
        _save_cache(memo_file, dump_cache(conversion.memo, fingerprint))
    return conversion
