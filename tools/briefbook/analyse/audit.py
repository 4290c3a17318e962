"""Fidelity checks: no input line silently lost, no story saved twice.

:func:`unaccounted` proves, line by line, that every character of the input
went somewhere: into the chapter (title, lede, paragraphs, headings), into the
further-reading list, or into the dropped lines of the report with a reason.
:func:`duplicates` finds articles that tell the same story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from briefbook.core.records import Article, Problem, RawText, Severity
from briefbook.core.vietnamese import word_key
from briefbook.read.reader import flatten_markdown, logical_lines

__all__ = ["duplicates", "signature", "unaccounted"]

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
                    rest = _squeeze(rest[:at] + " " + rest[at + len(piece) :])
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
                Problem(raw.path, f"text not accounted for: {lost[:80]!r}", Severity.ERROR, lineno)
            )
    return problems


def _squeeze(text: str) -> str:
    """White space runs as one space (the reader joins text that way)."""
    return " ".join(text.split())


def signature(article: Article) -> str:
    """What :func:`duplicates` compares: the folded title and start of the
    text, separated by a NUL."""
    first = article.lede or (article.paragraphs[0].text if article.paragraphs else "")
    return f"{word_key(article.title)}\0{word_key(first)[:200]}"


def duplicates(
    articles: Sequence[Article], signatures: Sequence[str] | None = None
) -> list[tuple[Article, Article]]:
    """Pairs of articles with the same title or the same opening paragraph
    (``signatures``: their :func:`signature`, when already made)."""
    if signatures is None:
        signatures = [signature(article) for article in articles]
    seen: dict[str, Article] = {}
    pairs = []
    for article, keys in zip(articles, signatures, strict=True):
        for key in keys.split("\0"):
            if len(key) < 20:
                continue
            if key in seen and seen[key] is not article:
                pairs.append((seen[key], article))
                break
            seen.setdefault(key, article)
    return pairs
