"""The driver: a folder of articles in, a Sphinx project out.

Its body reads like the pipeline: read every article (one bad file never
stops the others), parse, give each chapter a unique slug, gather the
glossary, render chapters and pages, and write what changed. Only
:func:`read_articles` and :func:`write_project` touch the file system.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from briefbook.audit import duplicates, unaccounted
from briefbook.bibliography import render_bibliography
from briefbook.chapter import render_chapter
from briefbook.crossrefs import chapter_links
from briefbook.decoding import ArticleError, decode_article
from briefbook.entities import article_mentions, build_register, organisation_abbreviations
from briefbook.glossary import Glossary, build_glossary
from briefbook.htmlpage import HTML_SUFFIXES, read_html_page
from briefbook.overrides import apply_overrides, parse_overrides, split_front_matter
from briefbook.pages import (
    CHAPTER_DIR,
    GLOSSARY_DOC,
    REFERENCES_DOC,
    REGISTER_DOC,
    BookSettings,
    render_citation_cff,
    render_conf,
    render_glossary,
    render_index,
    render_references,
    render_register,
)
from briefbook.parts import group_parts
from briefbook.reader import parse_article
from briefbook.records import Article, Problem, RawText, Severity
from briefbook.report import render_report

__all__ = [
    "ARTICLE_SUFFIXES",
    "Conversion",
    "convert",
    "find_articles",
    "plan_project",
    "read_article",
    "read_articles",
    "write_project",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".text"}) | HTML_SUFFIXES
SIDECAR_SUFFIXES = (".yaml", ".yml")
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
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def read_article(path: Path, name: PurePath) -> tuple[RawText, Article]:
    """Read one article file with its overrides; raises :class:`ArticleError`."""
    data = path.read_bytes()
    overrides: dict[str, Any] = {}
    problems: list[Problem] = []
    if path.suffix.lower() in HTML_SUFFIXES:
        raw, overrides = read_html_page(data, name)
    else:
        raw = decode_article(data, name)
        front, text = split_front_matter(raw.text)
        if front:
            raw = dataclasses.replace(raw, text=text)
            found, problems = parse_overrides(front, name)
            overrides.update(found)
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar.is_file():
            found, more = parse_overrides(sidecar.read_text("utf-8"), name.with_suffix(suffix))
            overrides.update(found)
            problems += more
    article = parse_article(raw)
    if overrides:
        article = apply_overrides(article, overrides, name)
    if problems:
        article = dataclasses.replace(article, problems=(*article.problems, *problems))
    return raw, article


Progress = Callable[[int, int], None]
"""Called with (articles read so far, articles in all)."""


def read_articles(
    paths: Sequence[Path], root: Path, audit: bool = False, progress: Progress | None = None
) -> tuple[list[Article], list[Problem]]:
    """Read and parse each file; a file that fails becomes a :class:`Problem`.

    With ``audit``, each article is also checked line by line against its
    file (:func:`briefbook.audit.unaccounted`), and lost text is an error.
    """
    articles: list[Article] = []
    errors: list[Problem] = []
    for done, path in enumerate(paths, start=1):
        if progress is not None:
            progress(done, len(paths))
        name = PurePath(path.relative_to(root))
        try:
            raw, article = read_article(path, name)
            articles.append(article)
            if audit:
                errors += unaccounted(raw, article)
        except ArticleError as exc:
            errors.append(Problem(exc.path, exc.message, Severity.ERROR, exc.lineno))
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(Problem(name, f"cannot read: {exc}", Severity.ERROR))
    return articles, errors


def unique_slugs(articles: Sequence[Article]) -> list[Article]:
    """Give articles that share a slug distinct ones (-2, -3...), in order.

    A suffixed slug never takes the slug of another article ("Tin", "Tin",
    "Tin 2" give tin, tin-3, tin-2).
    """
    taken = {a.slug for a in articles}
    seen: set[str] = set()
    out = []
    for article in articles:
        slug = article.slug
        if slug in seen:
            n = 2
            while f"{article.slug}-{n}" in taken:
                n += 1
            slug = f"{article.slug}-{n}"
            taken.add(slug)
            article = dataclasses.replace(article, slug=slug)
        seen.add(slug)
        out.append(article)
    return out


def plan_project(
    articles: Sequence[Article], errors: Sequence[Problem], settings: BookSettings
) -> Conversion:
    """Every generated file of the book, as text (pure)."""
    articles = unique_slugs(articles)
    parts = group_parts(articles, settings.parts)
    if parts:
        by_slug = {a.slug: a for a in articles}
        articles = [by_slug[slug] for part in parts for slug in part.slugs]
    part_of = {slug: part for part in parts for slug in part.slugs}
    glossary = build_glossary(articles)
    terms = glossary.terms()
    abbreviations = organisation_abbreviations(glossary.entries)
    register = build_register(articles, {a.slug: article_mentions(a, abbreviations) for a in articles})
    links = chapter_links(articles, register, glossary)
    titles = {a.slug: a.title for a in articles}
    files = {
        f"{CHAPTER_DIR}/{a.slug}.md": render_chapter(a, terms, links[a.slug], titles, part_of.get(a.slug))
        for a in articles
    }
    files["index.md"] = render_index(articles, settings, parts)
    files[f"{GLOSSARY_DOC}.md"] = render_glossary(glossary, articles)
    files[f"{REGISTER_DOC}.md"] = render_register(register, articles)
    files[f"{REFERENCES_DOC}.md"] = render_references()
    files["references.bib"] = render_bibliography(articles)
    files["CITATION.cff"] = render_citation_cff(settings)
    files[REPORT_FILE] = render_report(articles, errors, glossary, duplicates(articles))
    return Conversion(tuple(articles), tuple(errors), glossary, files)


def write_project(conversion: Conversion, out: Path, settings: BookSettings) -> list[Path]:
    """Write the files whose bytes changed; remove stale chapters; return what was written.

    ``conf.py`` is written only when there is none: it is the user's.
    """
    files = dict(conversion.files)
    if not (out / "conf.py").exists():
        files["conf.py"] = render_conf(settings)
    written = []
    for rel, text in sorted(files.items()):
        path = out / rel
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
    chapter_dir = out / CHAPTER_DIR
    for stale in sorted(chapter_dir.glob("*.md")):
        if f"{CHAPTER_DIR}/{stale.name}" not in files:
            stale.unlink()
    return written


def convert(
    articles_dir: Path, out: Path, settings: BookSettings | None = None, progress: Progress | None = None
) -> Conversion:
    """Convert every article of ``articles_dir`` into the project at ``out``."""
    settings = settings or BookSettings()
    articles, errors = read_articles(find_articles(articles_dir), articles_dir, progress=progress)
    conversion = plan_project(articles, errors, settings)
    write_project(conversion, out, settings)
    return conversion
