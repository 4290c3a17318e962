"""The driver: a folder of articles in, a Sphinx project out.

Its body reads like the pipeline: read every article (one bad file never
stops the others), parse, give each chapter a unique slug, gather the
glossary, render chapters and pages, and write what changed. Only
:func:`read_articles` and :func:`write_project` touch the file system.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from briefbook.bibliography import render_bibliography
from briefbook.chapter import render_chapter
from briefbook.decoding import ArticleError, decode_article
from briefbook.glossary import Glossary, build_glossary
from briefbook.pages import (
    CHAPTER_DIR,
    GLOSSARY_DOC,
    REFERENCES_DOC,
    BookSettings,
    render_conf,
    render_glossary,
    render_index,
    render_references,
)
from briefbook.reader import parse_article
from briefbook.records import Article, Problem, Severity
from briefbook.report import render_report

__all__ = [
    "ARTICLE_SUFFIXES",
    "Conversion",
    "convert",
    "find_articles",
    "plan_project",
    "read_articles",
    "write_project",
]

ARTICLE_SUFFIXES = frozenset({".txt"})
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


def read_articles(paths: Iterable[Path], root: Path) -> tuple[list[Article], list[Problem]]:
    """Read and parse each file; a file that fails becomes a :class:`Problem`."""
    articles: list[Article] = []
    errors: list[Problem] = []
    for path in paths:
        name = PurePath(path.relative_to(root))
        try:
            articles.append(parse_article(decode_article(path.read_bytes(), name)))
        except ArticleError as exc:
            errors.append(Problem(exc.path, exc.message, Severity.ERROR, exc.lineno))
        except OSError as exc:
            errors.append(Problem(name, f"cannot read: {exc.strerror}", Severity.ERROR))
    return articles, errors


def unique_slugs(articles: Sequence[Article]) -> list[Article]:
    """Give articles with the same slug distinct ones (-2, -3...), in order."""
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        count = seen.get(article.slug, 0) + 1
        seen[article.slug] = count
        if count > 1:
            article = dataclasses.replace(article, slug=f"{article.slug}-{count}")
        out.append(article)
    return out


def plan_project(
    articles: Sequence[Article], errors: Sequence[Problem], settings: BookSettings
) -> Conversion:
    """Every generated file of the book, as text (pure)."""
    articles = unique_slugs(articles)
    glossary = build_glossary(articles)
    terms = glossary.terms()
    files = {f"{CHAPTER_DIR}/{a.slug}.md": render_chapter(a, terms) for a in articles}
    files["index.md"] = render_index(articles, settings)
    files[f"{GLOSSARY_DOC}.md"] = render_glossary(glossary, articles)
    files[f"{REFERENCES_DOC}.md"] = render_references()
    files["references.bib"] = render_bibliography(articles)
    files[REPORT_FILE] = render_report(articles, errors, glossary)
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


def convert(articles_dir: Path, out: Path, settings: BookSettings | None = None) -> Conversion:
    """Convert every article of ``articles_dir`` into the project at ``out``."""
    settings = settings or BookSettings()
    articles, errors = read_articles(find_articles(articles_dir), articles_dir)
    conversion = plan_project(articles, errors, settings)
    write_project(conversion, out, settings)
    return conversion
