"""The ``briefbook`` command: convert, build, book, check, fetch."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from briefbook import __version__
from briefbook.analyse.audit import duplicates
from briefbook.book import READ_TYPES, REPORT_FILE, Conversion, convert, find_articles, read_articles
from briefbook.build import DISK, BuildResult, build
from briefbook.buildfiles import disk_error
from briefbook.core.problems import UNKNOWN, unknown_summary
from briefbook.core.settings import DEFAULT_TITLE, MODES, TUNING, BookSettings
from briefbook.fetch import Outcome, Result, fetch_pages, urls_in_text
from briefbook.web.feeds import feed_urls
from briefbook.web.webclient import Client, ClientSettings, Failed
from briefbook.write.project import ProjectError, is_project, kept_edit_message, not_a_project_message

__all__ = ["main"]


def _add_convert_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "articles", type=Path, metavar="ARTICLES_DIR", help=f"folder of article files ({READ_TYPES})"
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        required=True,
        metavar="DOCS_DIR",
        help="the Sphinx project to write: an empty or new folder, or a briefbook project "
        "(never the articles folder or a folder inside it)",
    )
    defaults = BookSettings()
    parser.add_argument(
        "--title",
        help="the book's title, written into a new project's conf.py (default: "
        f"{DEFAULT_TITLE}); once conf.py exists it holds the title: edit its `project`",
    )
    parser.add_argument(
        "--author",
        help="the book's author, written into a new project's conf.py (default: none); once conf.py "
        "exists it holds the author: edit its `author`",
    )
    parser.add_argument(
        "--parts",
        choices=MODES,
        default=defaults.parts,
        help="group chapters into parts by month or topic (category); auto: by month from "
        f"{TUNING.auto_min_chapters} chapters (default: %(default)s)",
    )
    parser.add_argument(
        "--edition-date",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the date of the new edition when the content changed (default: today, or "
        "SOURCE_DATE_EPOCH's date)",
    )


def _add_build_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--html", action="store_true", help="build only the HTML book")
    group.add_argument("--pdf", action="store_true", help="build only the PDF")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbook",
        description="Turn a folder of Vietnamese press articles into a briefing book (HTML and PDF).",
    )
    parser.add_argument("--version", action="version", version=f"briefbook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "convert",
        help="articles to a Sphinx project (chapters, glossary, references)",
        description="Read every article of ARTICLES_DIR and write the book's MyST chapters, "
        "references.bib, glossary, front page and, when missing, conf.py into DOCS_DIR. "
        f"What was cut from each article is listed in DOCS_DIR/{REPORT_FILE}.",
    )
    _add_convert_args(p)

    p = sub.add_parser(
        "check",
        help="read the articles and prove that no line is lost",
        description="Read every article of ARTICLES_DIR as `convert` does, without writing anything, and "
        "check that every character of every line went into the chapter, the metadata or the report of "
        "dropped lines. Also lists unreadable files, warnings and duplicate articles. Exit status 1 when "
        "a file cannot be read or text would be lost.",
    )
    p.add_argument("articles", type=Path, metavar="ARTICLES_DIR", help="folder of article files")
    p.add_argument("--quiet", "-q", action="store_true", help="print only problems")

    p = sub.add_parser(
        "build",
        help="build the HTML book and the PDF",
        description="Build DOCS_DIR/_build/html/ and DOCS_DIR/_build/pdf/ (warnings are errors). "
        "The previous output is kept when a build fails.",
    )
    p.add_argument("docs", type=Path, metavar="DOCS_DIR", help="the Sphinx project")
    _add_build_args(p)

    p = sub.add_parser(
        "book",
        help="convert, then build",
        description="`briefbook convert` then `briefbook build`. Articles that cannot be read "
        "are reported and left out; the others are still built.",
    )
    _add_convert_args(p)
    _add_build_args(p)

    _add_fetch_parser(sub)
    return parser


def _add_fetch_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    client = ClientSettings()
    p = sub.add_parser(
        "fetch",
        help="save web pages (links, a list of links, a feed) into the articles folder",
        description="Download each page and save it into ARTICLES_DIR as the .html it was served, with a "
        "sidecar NAME.yaml (url: the canonical address, accessed: now; the HTTP date and the addresses "
        "asked for and answered as comments). Files are named DATE_SLUG.html (publication date, then "
        "title), so chapters come in date order. A page already in the folder (same address or same "
        "canonical address) is not fetched again unless --refresh. Polite: one user agent, robots.txt, "
        "a delay per host, time-outs, bounded retries and redirects, a size limit; only HTML is kept. "
        "Failed addresses are listed with their reason and the others go on; exit status 1 if any failed.",
    )
    p.add_argument("urls", nargs="*", metavar="URL", help="addresses of pages to save")
    p.add_argument(
        "--from",
        dest="from_files",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a file whose web addresses are fetched (one a line, or anywhere in the text; '-' reads "
        "standard input)",
    )
    p.add_argument(
        "--feed",
        dest="feeds",
        action="append",
        default=[],
        metavar="FEED_URL",
        help="an RSS or Atom feed whose items are fetched (those already in the folder are skipped)",
    )
    p.add_argument(
        "--since",
        type=date.fromisoformat,
        metavar="DATE",
        help="feed items published before DATE (YYYY-MM-DD) are left out",
    )
    p.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="WORD",
        help="keep only feed items whose title or summary holds WORD (accents and case aside; repeat "
        "for any of several)",
    )
    p.add_argument(
        "--refresh",
        action="store_true",
        help="fetch pages already in the folder again; a page whose text changed keeps its older copy "
        "beside it (NAME.STAMP.html.old)",
    )
    p.add_argument("--into", type=Path, required=True, metavar="ARTICLES_DIR", help="the articles folder")
    p.add_argument(
        "--delay",
        type=float,
        default=client.delay,
        metavar="SECONDS",
        help="seconds between two requests to the same host (default: %(default)s)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=client.timeout,
        metavar="SECONDS",
        help="seconds to wait for a server (default: %(default)s)",
    )


def _report_errors(conversion: Conversion, articles_dir: Path) -> None:
    for error in conversion.errors:
        print(f"error: {articles_dir / error.where}: {error.message}", file=sys.stderr)


def _report_conversion(conversion: Conversion, articles_dir: Path, out: Path) -> None:
    print(f"briefbook: {len(conversion.articles)} article(s) converted into {out}")
    if conversion.copies:
        print(f"briefbook: {len(conversion.copies)} copy(ies) of a chapter's story cited in it, no chapter")
    for problem in conversion.warnings:
        if problem.kind not in UNKNOWN:
            print(f"  {articles_dir / problem.path}: {problem.message}", file=sys.stderr)
    if unknown := unknown_summary(conversion.warnings):
        print(f"briefbook: {unknown}", file=sys.stderr)
    _report_errors(conversion, articles_dir)
    for rel, copy in conversion.kept_edits:
        print(f"warning: {kept_edit_message(out, rel, copy)}", file=sys.stderr)
    print(f"briefbook: report in {out / REPORT_FILE}")


def _report_build(result: BuildResult) -> None:
    for step in result.steps:
        if step.name == DISK and not step.ok:
            print(f"error: {step.summary}", file=sys.stderr)
        elif step.ok:
            for note in step.notes:
                print(f"warning: {step.name}: {note}", file=sys.stderr)
        else:
            print(f"error: {step.name} failed (log: {step.log})", file=sys.stderr)
            if step.summary:
                print("  " + step.summary.replace("\n", "\n  "), file=sys.stderr)
    if result.html:
        print(f"briefbook: HTML book: {result.html}")
    if result.pdf:
        print(f"briefbook: PDF: {result.pdf}")
    if not result.ok:
        print("briefbook: build failed; the previous output is unchanged", file=sys.stderr)


def _check(articles_dir: Path, quiet: bool) -> int:
    try:
        paths = find_articles(articles_dir)
    except NotADirectoryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not paths:
        print(f"error: {articles_dir}: no article files (articles are {READ_TYPES})", file=sys.stderr)
        return 1
    articles, errors = read_articles(paths, articles_dir, audit=True)
    for article in articles:
        where = articles_dir / article.path
        if not quiet:
            paragraphs = len(article.paragraphs) + (1 if article.lede else 0)  # as the book counts them
            dropped = len(article.dropped)
            print(
                f"{where}: {_count(paragraphs, 'paragraph', 'paragraphs')}, "
                f"{_count(dropped, 'line or span', 'lines or spans')} dropped"
            )
        for problem in article.problems:
            print(f"  warning: {problem.message}" if not quiet else f"{where}: warning: {problem.message}")
    for first, second in duplicates(articles):
        print(f"duplicate: {articles_dir / first.path} and {articles_dir / second.path}")
    for error in errors:
        where = articles_dir / error.where
        print(f"error: {where}: {error.message}", file=sys.stderr)
    print(f"briefbook check: {len(paths)} file(s), {len(errors)} error(s)")
    return 1 if errors else 0


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _progress(done: int, total: int) -> None:
    """Articles read: on a terminal, one line counting up; piped or in a log,
    one line as reading starts and one as it ends."""
    if sys.stderr.isatty():
        if done % 25 == 0 or done == total:
            end = "\n" if done == total else ""
            print(f"\rbriefbook: reading articles {done}/{total}", end=end, file=sys.stderr, flush=True)
    elif done == 0 or done == total:
        what = f"reading {total} articles..." if done == 0 else f"read {total} articles"
        print(f"briefbook: {what}", file=sys.stderr, flush=True)


def _announce(step: str) -> None:
    """A build step starting or ending ("HTML (sphinx)...", "HTML (sphinx): ok (41 s)"), as it happens."""
    print(f"briefbook: {step}", file=sys.stderr, flush=True)


def _fetch_progress(done: int, total: int, url: str) -> None:
    """Pages fetched, on one terminal line (nothing when not a terminal)."""
    if sys.stderr.isatty():
        line = f"briefbook: fetching {done + 1}/{total} {url}"[:100] if url else ""
        print(f"\r\x1b[K{line}", end="" if url else "\r", file=sys.stderr, flush=True)


def _fetch(args: argparse.Namespace) -> int:
    urls = list(args.urls)
    try:
        for path in args.from_files:
            urls += urls_in_text(sys.stdin.read() if str(path) == "-" else path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.into.exists() and not args.into.is_dir():
        print(f"error: {args.into}: not a folder", file=sys.stderr)
        return 2
    client = Client(ClientSettings(delay=args.delay, timeout=args.timeout))
    failures = []
    for feed in args.feeds:
        found = feed_urls(feed, client, args.since, args.match)
        if isinstance(found, Failed):
            failures.append(Result(feed, Outcome.FAILED, reason=f"feed: {found.reason}"))
        else:
            print(f"briefbook: {len(found)} item(s) in {feed}")
            urls += found
    if not urls and not failures:
        print("error: nothing to fetch: give addresses, --from FILE or --feed FEED_URL", file=sys.stderr)
        return 2
    try:
        results = failures + fetch_pages(urls, args.into, client, args.refresh, _fetch_progress)
    except OSError as exc:
        print(f"error: {args.into}: {exc}", file=sys.stderr)
        return 2
    for result in results:
        if result.outcome is Outcome.FAILED:
            print(f"error: {result.url}: {result.reason}", file=sys.stderr)
        else:
            note = f" ({result.reason})" if result.reason else ""
            print(f"{result.outcome.value}: {args.into / result.name}{note}  <- {result.url}")
    counts = {o: sum(r.outcome is o for r in results) for o in Outcome}
    print("briefbook fetch: " + ", ".join(f"{n} {o.value}" for o, n in counts.items() if n))
    return 0 if all(r.ok for r in results) else 1


INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


BROKEN_PIPE = 141
"""The exit status of a command whose output's reader went away (128 + SIGPIPE)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("briefbook: interrupted; the previous book is unchanged", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # Output piped into a reader that stopped ("| head"): nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    if args.command == "fetch":
        return _fetch(args)
    if args.command == "check":
        return _check(args.articles, args.quiet)
    status = 0
    if args.command in ("convert", "book"):
        settings = BookSettings(parts=args.parts, source="--parts")
        try:
            conversion = convert(
                args.articles,
                args.out,
                settings,
                progress=_progress,
                title=args.title,
                author=args.author,
                edition_date=args.edition_date and args.edition_date.isoformat(),
            )
        except (NotADirectoryError, ProjectError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:  # a read-only or full disk
            print(f"error: {disk_error(exc)}", file=sys.stderr)
            return 1
        if not conversion.articles:
            _report_errors(conversion, args.articles)
            print(
                f"error: {args.articles}: no article could be read (articles are {READ_TYPES}); "
                "nothing was written",
                file=sys.stderr,
            )
            return 1
        _report_conversion(conversion, args.articles, args.out)
        if conversion.errors:
            failed = ", ".join(str(args.articles / e.path) for e in conversion.errors)
            print(f"briefbook: {len(conversion.errors)} article(s) failed: {failed}", file=sys.stderr)
            status = 1
    if args.command in ("build", "book"):
        docs = args.docs if args.command == "build" else args.out
        if not is_project(docs):
            print(f"error: {not_a_project_message(docs)}", file=sys.stderr)
            return 2
        result = build(docs, html=not args.pdf, pdf=not args.html, announce=_announce)
        _report_build(result)
        if not result.ok:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
