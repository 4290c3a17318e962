"""The articles folder: find the articles, load each with its sidecars, parse them.

One bad file never stops the others: a file that cannot be read or parsed
becomes a :class:`~briefbook.core.records.Problem`. Parsing is a pure
function of a :class:`Source` (:func:`parse_source`: the file's bytes, its
sidecars, the folder's recurring lines); :func:`read_articles` runs it for
a folder, in worker processes when there are many articles, and keeps the
parsed articles in the parse cache (:mod:`briefbook.read.parsecache`).
Only :func:`find_articles`, :func:`load_source` and :func:`read_articles`
touch the file system. :mod:`briefbook.book` drives the rest of the book.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from briefbook.analyse.audit import unaccounted
from briefbook.core.problems import ProblemKind
from briefbook.core.records import Article, Problem, RawText, Severity
from briefbook.read.boilerplate import BlockKind, load_boilerplate
from briefbook.read.clipping import is_clipping, vet_clipping
from briefbook.read.completion import with_missing_lede, with_missing_paragraphs
from briefbook.read.crawlrecord import RECORD_SUFFIXES, is_record, read_record, record_name, split_records
from briefbook.read.decoding import ArticleError, decode_article
from briefbook.read.envelope import split_comment_header, split_envelope
from briefbook.read.htmlpage import HTML_SUFFIXES, read_html_page, read_page_copy
from briefbook.read.mhtml import MHTML_SUFFIXES, unpack_mhtml
from briefbook.read.overrides import (
    Overrides,
    apply_overrides,
    overrides_of,
    parse_overrides,
    read_sidecar,
    split_front_matter,
)
from briefbook.read.pagechoice import astray, in_utc, laid_out, page_copy_article, with_page_metadata
from briefbook.read.parsecache import (
    article_key,
    code_fingerprint,
    dump_cache,
    load_cache_file,
    save_cache_file,
)
from briefbook.read.reader import parse_article
from briefbook.read.repetition import furniture_key, recurring_lines
from briefbook.read.safefiles import read_inside
from briefbook.workers import chunk_size, ignore_interrupts, workers_for

PAGE_SUFFIXES = HTML_SUFFIXES | MHTML_SUFFIXES
"""Pages saved by a browser: HTML, or one file of MHTML."""
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"}) | PAGE_SUFFIXES | RECORD_SUFFIXES
SIDECAR_SUFFIXES = (".yaml", ".yml")
NOT_ARTICLES = frozenset({"README", "LICENSE", "CHANGELOG", "NOTES"})
"""Notes kept beside the articles (``README.md``...), not articles."""
READ_TYPES = ", ".join(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))
"""The file types read as articles, for messages."""


def find_articles(folder: Path) -> list[Path]:
    """The article files of ``folder``, by name (the chapter order)."""
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    return sorted(
        p
        for p in folder.iterdir()
        # Not is_file(): links, FIFOs... are listed, to be reported by name
        # (see briefbook.read.safefiles).
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
    (:mod:`briefbook.read.repetition`): what the article's reading depends on
    beyond its own bytes."""

    def key(self, fingerprint: str) -> str:
        furniture = (("furniture", "\n".join(sorted(self.furniture)).encode()),) if self.furniture else ()
        return article_key(fingerprint, self.name, self.data, (*self.sidecars, *furniture))


def _source_lines(source: Source) -> list[str]:
    """A text article's lines, for the folder's furniture (none for a saved
    page or a file that cannot be decoded: they are reported when parsed)."""
    if source.name.suffix.lower() in PAGE_SUFFIXES or is_record(source.name):
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
    :class:`OSError` (:class:`~briefbook.read.safefiles.UnsafeFile` for a link
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
    layers: list[Mapping[str, Any]] = []
    problems: list[Problem] = []
    copy: tuple[RawText, Article] | None = None
    if name.suffix.lower() in PAGE_SUFFIXES:
        data, address = (
            unpack_mhtml(source.data, name) if name.suffix.lower() in MHTML_SUFFIXES else (source.data, "")
        )
        try:
            raw, page = read_html_page(data, name)
            layers.append({"url": address, **page} if address and not page.get("url") else page)
        except ArticleError:
            # No main text found: the page as a browser copies it, read as a copied page.
            raw = read_page_copy(data, name)
        else:
            copy = page_copy_article(data, name, page.get("url") or address)
    elif is_record(name):
        raw, fields = read_record(source.data, name)
        layers.append(fields)
    else:
        raw = decode_article(source.data, name)
        front, text = split_front_matter(raw.text)
        if front:
            raw = dataclasses.replace(raw, text=text)
            found, problems = parse_overrides(front, name)
            layers.append(vet_clipping(found, text, front) if is_clipping(front) else found)
        elif (envelope := split_envelope(raw.text) or split_comment_header(raw.text)) is not None:
            fields, text = envelope
            raw = dataclasses.replace(raw, text=text)
            layers.append(vet_clipping(overrides_of(fields, name)[0], text))
    if copy is not None and layers and in_utc(layers[0].get("date"), copy[1].meta.date):
        # The page's own date line, in Vietnam's time, is the one its readers saw.
        layers[0] = {key: value for key, value in layers[0].items() if key != "date"}
    for suffix, data in source.sidecars:
        found, more = read_sidecar(data, name.with_suffix(suffix))
        layers.append(found)
        problems += more
    overrides = Overrides.layered(*layers)
    url_hint, title_hint = overrides.get("url"), overrides.get("title")
    article = parse_article(
        raw,
        url_hint=url_hint if isinstance(url_hint, str) else "",
        title_hint=title_hint if isinstance(title_hint, str) else "",
        furniture=source.furniture,
    )
    if copy is not None:
        title = overrides.get("title")
        if astray(article, copy[1], title if isinstance(title, str) else article.title) or laid_out(
            article, copy[1]
        ):
            # trafilatura took another text of the page for its main text,
            # or the page's layout table for the article's text.
            raw, article = copy
        else:
            completed = with_missing_lede(with_missing_paragraphs(article, copy[1]), copy[1])
            article = with_page_metadata(completed, copy[1])
    bp = load_boilerplate()
    # "Tin liên quan" and its list, saved alone (its title, or the file's first line
    # when that opens a related list; a label such as "Sự kiện" may open a page): page debris.
    lead = len(raw.text) - len(raw.text.lstrip("\n"))
    debris = [(article.title, article.title_lineno), (raw.text.lstrip().split("\n", 1)[0], lead + 1)]
    saved_alone = next(
        (
            (t, n, m)
            for i, (t, n) in enumerate(debris)
            if (m := bp.block_marker(t)) is not None and (i == 0 or m.kind is BlockKind.RELATED)
        ),
        None,
    )
    if "title" not in overrides and saved_alone is not None:
        line, lineno, block = saved_alone
        raise ArticleError(name, ProblemKind.DEBRIS, repr(line), block.reason, lineno=lineno)
    if overrides:
        article = apply_overrides(article, overrides, name)
    if problems:
        article = dataclasses.replace(article, problems=(*article.problems, *problems))
    return raw, article


def read_article(path: Path, name: PurePath) -> tuple[RawText, Article]:
    """Read one article file with its overrides; raises :class:`ArticleError`."""
    return parse_source(load_source(path, name))


Progress = Callable[[int, int], None]
"""Called with (articles read so far, articles in all)."""

Outcome = tuple[Article | None, tuple[Problem, ...]]
"""One article's outcome: the article (``None`` if unreadable) and its errors."""


def parse_checked(source: Source, audit: bool = False) -> Outcome:
    """:func:`parse_source` with failures as errors; with ``audit``, lost
    text (:func:`briefbook.analyse.audit.unaccounted`) is an error too."""
    try:
        raw, article = parse_source(source)
        lost = tuple(unaccounted(raw, article)) if audit else ()
    except ArticleError as exc:
        return None, (exc.problem(),)
    except Exception as exc:  # a defect of briefbook: this article fails, the others go on
        kind = ProblemKind.READ_FAILED
        return None, (Problem.of(source.name, kind, type(exc).__name__, str(exc), severity=Severity.ERROR),)
    return article, lost


def parse_sources(
    sources: Sequence[Source], audit: bool = False, jobs: int | None = None
) -> Iterator[Outcome]:
    """Parse each source, in order; in worker processes when there are
    enough of them (``jobs``: ``None`` for one per CPU from
    :data:`~briefbook.workers.PARALLEL_MIN` sources on, 1 for none, N for N processes)."""
    workers = workers_for(len(sources), jobs)
    if workers <= 1:
        yield from (parse_checked(source, audit) for source in sources)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts) as pool:
        try:
            yield from pool.map(
                parse_checked, sources, itertools.repeat(audit), chunksize=chunk_size(len(sources), workers)
            )
        except KeyboardInterrupt:
            pool.shutdown(cancel_futures=True)  # only the chunks under way are finished
            raise


def _records_of(source: Source) -> list[Source | Problem]:
    """A crawler's file of records as one source a record (a file of one
    keeps its sidecars), or the problem that it holds none."""
    try:
        records = split_records(source.data, source.name)
    except ArticleError as exc:
        return [exc.problem()]
    if len(records) == 1:
        return [dataclasses.replace(source, data=records[0])]
    return [
        Source(record_name(source.name, number, len(records)), data) for number, data in enumerate(records, 1)
    ]


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
    file (:func:`briefbook.analyse.audit.unaccounted`), and lost text is an error.

    With ``cache`` (a file, see :mod:`briefbook.read.parsecache`; not with
    ``audit``), an article whose bytes, sidecars and code are those of an
    earlier run is taken from it instead of parsed, and the file is rewritten
    with this run's articles when that changes it. The other articles are
    parsed in parallel when there are many (``jobs``, see :func:`parse_sources`).
    Unreadable articles are never cached: they are reported on every run.
    """
    fingerprint = code_fingerprint() if cache is not None and not audit else ""
    cached = load_cache_file(cache, fingerprint) if cache is not None and fingerprint else {}
    outcomes: list[Outcome | None] = []
    keys: list[str] = []
    misses: list[tuple[int, Source]] = []
    loaded: list[Source | Problem] = []
    for path in paths:
        name = display_name(path.relative_to(root))
        try:
            source = load_source(path, name, root)
        except OSError as exc:
            loaded.append(Problem.of(name, ProblemKind.CANNOT_READ, str(exc), severity=Severity.ERROR))
            continue
        loaded += _records_of(source) if is_record(name) else [source]
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
    total = len(loaded)
    if progress is not None:
        progress(0, total)

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
        save_cache_file(cache, dump_cache(entries, fingerprint))
    return articles, errors
