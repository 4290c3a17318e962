"""What an edition changed: the book's chapters against the last edition's (pure).

:func:`compare` finds the chapters added, changed (which paragraphs, by a
diff of their texts' digests) and removed, by slug (a chapter's slug is
its stable name); :func:`next_history` makes the new edition of the record
once the book's content hash is known, or keeps the record when the content
is the last edition's.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.core.editions import ChapterChange, ChapterState, Edition, History
from briefbook.core.records import Article

__all__ = ["Comparison", "compare", "next_history", "paragraph_digests"]


def _digest(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:12]


def paragraph_digests(article: Article) -> tuple[str, ...]:
    """A digest of each paragraph the book numbers: the lede, then the body's."""
    texts = ([article.lede] if article.lede else []) + [p.text for p in article.paragraphs]
    return tuple(_digest(t) for t in texts)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The book's chapters against the last edition's."""

    added: tuple[ChapterChange, ...]
    changed: tuple[ChapterChange, ...]
    removed: tuple[ChapterChange, ...]
    chapters: tuple[ChapterState, ...]
    """The chapters as the new edition will hold them."""

    def updated(self) -> dict[str, str]:
        """Slug to the date of the edition that last changed the chapter (changed ones only)."""
        return {c.slug: c.updated for c in self.chapters if c.updated}


def _paragraph_changes(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Paragraphs new or changed (numbered in ``new``) and gone (numbered in ``old``)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    added: list[int] = []
    gone: list[int] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            added += range(j1 + 1, j2 + 1)
        if tag in ("replace", "delete"):
            gone += range(i1 + 1, i2 + 1)
    return tuple(added), tuple(gone)


def compare(history: History, articles: Sequence[Article], date: str) -> Comparison:
    """``articles`` (the book's chapters, in order) against ``history``'s last
    edition; a chapter changed now is dated ``date`` (ISO)."""
    last = history.last
    before = {c.slug: c for c in history.chapters}
    old_numbers = {slug: n for n, slug in enumerate(last.order, start=1)} if last else {}
    added: list[ChapterChange] = []
    changed: list[ChapterChange] = []
    states: list[ChapterState] = []
    for number, article in enumerate(articles, start=1):
        digests = paragraph_digests(article)
        old = before.get(article.slug)
        updated = ""
        if old is None:
            if last is not None:
                added.append(
                    ChapterChange(article.slug, article.title, number, 0, tuple(range(1, len(digests) + 1)))
                )
        elif old.paragraphs != digests or old.title != article.title:
            new_paras, gone = _paragraph_changes(old.paragraphs, digests)
            changed.append(
                ChapterChange(
                    article.slug, article.title, number, old_numbers.get(article.slug, 0), new_paras, gone
                )
            )
            updated = date
        else:
            updated = old.updated
        states.append(ChapterState(article.slug, article.title, digests, updated))
    kept = {a.slug for a in articles}
    removed = tuple(
        ChapterChange(c.slug, c.title, 0, old_numbers.get(c.slug, 0))
        for c in history.chapters
        if c.slug not in kept
    )
    return Comparison(tuple(added), tuple(changed), removed, tuple(states))


def next_history(
    history: History, comparison: Comparison, order: Sequence[str], content: str, date: str
) -> History:
    """The record after this conversion: ``history`` itself when ``content``
    is the last edition's, else with the new edition ``date.content``."""
    last = history.last
    if last is not None and last.content == content:
        return history
    edition = Edition(
        f"{date}.{content}",
        date,
        content,
        last.id if last else "",
        comparison.added,
        comparison.changed,
        comparison.removed,
        tuple(order),
    )
    return History((*history.editions, edition), comparison.chapters)
