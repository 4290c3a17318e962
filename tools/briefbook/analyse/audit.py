"""Fidelity checks: no input line silently lost, no story saved twice.

:func:`unaccounted` proves, line by line, that every character of the input
went somewhere: into the chapter (title, lede, paragraphs, headings), into the
further-reading list, or into the dropped lines of the report with a reason.
:func:`duplicates` lists the articles that tell the same story (by shingled
text, :mod:`briefbook.analyse.syndication`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from briefbook.analyse.syndication import group_copies
from briefbook.core.problems import ProblemKind
from briefbook.core.records import Article, Problem, RawText, Severity
from briefbook.read.inline import CLOSES
from briefbook.read.reader import flatten_markdown, logical_lines

__all__ = ["duplicates", "unaccounted"]

# Markup a scrape may carry around text ("**bold**", "## heading", "****").
# List bullets too ("• ", "- "): the chapter shows them as list items.
_MARKUP = re.compile(r"[\s*#_=~\-|>•●▪◦·+–]+")


def _pieces(article: Article) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Kept and dropped text of the article, by line number."""
    kept: dict[int, list[str]] = defaultdict(list)
    kept[article.title_lineno].append(article.title)
    if article.lede:
        kept[article.lede_lineno].append(article.lede)
    for section in article.sections:
        if section.heading:
            kept[section.lineno].append(section.heading)
        for paragraph in section.paragraphs:
            kept[paragraph.lineno].append(paragraph.text)
    for item in article.related:
        kept[item.lineno].append(item.title)
    dropped: dict[int, list[str]] = defaultdict(list)
    for line in article.dropped:
        dropped[line.lineno].append(line.text)
    return kept, dropped


def _remove(line: str, groups: list[list[str]]) -> str:
    """``line`` less each piece, group by group, longest pieces first."""
    rest = _squeeze(line)
    for pieces in groups:
        left = sorted(map(_squeeze, pieces), key=len, reverse=True)
        # Again while a pass takes something: a piece may only appear once
        # another, cut from its middle, is gone.
        progress = True
        while left and progress:
            progress = False
            for piece in list(left):
                at = rest.find(piece)
                if at >= 0:
                    head, tail = rest[:at], rest[at + len(piece) :]
                    # (The reader cuts a span with the space before it when a stop follows.)
                    rest = _squeeze(head.rstrip() + tail if tail[:1] in CLOSES else f"{head} {tail}")
                    left.remove(piece)
                    progress = True
    return _MARKUP.sub("", rest)


def unaccounted(raw: RawText, article: Article) -> list[Problem]:
    """Lines of ``raw`` whose text is not all in ``article`` (empty: none lost).

    Cut-out spans may sit inside kept text (a link in mid-paragraph) or kept
    text inside a dropped line, so both orders of removal are tried.
    """
    kept, dropped = _pieces(article)
    problems = []
    for lineno, line_text in logical_lines(raw.text):
        line, _markup = flatten_markdown(line_text)  # (image and link targets: markup, reported)
        k, d = kept.get(lineno, []), dropped.get(lineno, [])
        rest = _remove(line, [d, k])
        if rest and _remove(line, [k, d]):
            lost = " ".join(rest.split())
            problems.append(
                Problem.of(
                    raw.path, ProblemKind.TEXT_LOST, repr(lost[:80]), severity=Severity.ERROR, lineno=lineno
                )
            )
    return problems


def _squeeze(text: str) -> str:
    """White space runs as one space (the reader joins text that way)."""
    return " ".join(text.split())


def duplicates(articles: Sequence[Article]) -> list[tuple[Article, Article]]:
    """``(chapter, copy)`` for each copy of a story another article tells
    (:func:`~briefbook.analyse.syndication.group_copies`; an editor's
    ``group: false`` keeps an article out)."""
    return [(group.main, copy.article) for group in group_copies(articles) for copy in group.copies]
