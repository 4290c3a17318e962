"""The ``briefbook`` command: convert, build, book."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefbook import __version__
from briefbook.audit import duplicates
from briefbook.book import READ_TYPES, REPORT_FILE, Conversion, convert, find_articles, read_articles
from briefbook.build import BuildResult, build
from briefbook.pages import DEFAULT_TITLE, BookSettings
from briefbook.parts import AUTO_MIN_CHAPTERS, MODES
from briefbook.project import ProjectError, is_project, not_a_project_message

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
        f"{AUTO_MIN_CHAPTERS} chapters (default: %(default)s)",
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
    return parser


def _report_errors(conversion: Conversion, articles_dir: Path) -> None:
    for error in conversion.errors:
        where = f"{articles_dir / error.path}" + (f":{error.lineno}" if error.lineno else "")
        print(f"error: {where}: {error.message}", file=sys.stderr)


def _report_conversion(conversion: Conversion, articles_dir: Path, out: Path) -> None:
    print(f"briefbook: {len(conversion.articles)} article(s) converted into {out}")
    for problem in conversion.warnings:
        print(f"  {articles_dir / problem.path}: {problem.message}", file=sys.stderr)
    _report_errors(conversion, articles_dir)
    print(f"briefbook: report in {out / REPORT_FILE}")


def _report_build(result: BuildResult) -> None:
    for step in result.steps:
        if step.ok:
            print(f"briefbook: {step.name}: ok")
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
        if not quiet:
            print(
                f"{articles_dir / article.path}: {len(article.paragraphs)} paragraphs, "
                f"{len(article.dropped)} lines or spans dropped"
            )
        for problem in article.problems:
            print(f"  warning: {problem.message}")
    for first, second in duplicates(articles):
        print(f"duplicate: {articles_dir / first.path} and {articles_dir / second.path}")
    for error in errors:
        where = f"{articles_dir / error.path}" + (f":{error.lineno}" if error.lineno else "")
        print(f"error: {where}: {error.message}", file=sys.stderr)
    print(f"briefbook check: {len(paths)} file(s), {len(errors)} error(s)")
    return 1 if errors else 0


def _progress(done: int, total: int) -> None:
    """Articles read, on one terminal line (nothing when not a terminal)."""
    if sys.stderr.isatty() and (done % 25 == 0 or done == total):
        end = "\n" if done == total else ""
        print(f"\rbriefbook: reading articles {done}/{total}", end=end, file=sys.stderr, flush=True)


def _announce(step: str) -> None:
    if sys.stderr.isatty():
        print(f"briefbook: {step}...", file=sys.stderr, flush=True)


INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("briefbook: interrupted; the previous book is unchanged", file=sys.stderr)
        return INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args.articles, args.quiet)
    status = 0
    if args.command in ("convert", "book"):
        settings = BookSettings(parts=args.parts)
        try:
            conversion = convert(
                args.articles, args.out, settings, progress=_progress, title=args.title, author=args.author
            )
        except (NotADirectoryError, ProjectError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
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
