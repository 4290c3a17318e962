"""Stable identities: chapter slugs and the anchors of chapters and sections,
built from slugs (never numbers).

A chapter's slug (its file name, permalink, anchors and citation key) depends
only on its own article: the slug of its headline; when other articles have
the same headline, that slug followed by the article's date, or, when that
too is shared, its file name (:func:`unique_slugs`). So adding, removing or
re-ordering articles never moves another article's identity to a different
text: a repeated headline has no bare slug at all, and an old link to one
finds nothing rather than another article. Slugs that the book's own pages
or Sphinx use (:data:`RESERVED_NAMES`) take a suffix.

Used by the chapter writer (the MyST targets) and the glossary (links back to
the sections that use an abbreviation), so both agree.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from briefbook.core.records import Article
from briefbook.core.vietnamese import slugify

__all__ = [
    "GLOSSARY_LABEL",
    "REFERENCES_LABEL",
    "REGISTER_LABEL",
    "RESERVED_NAMES",
    "chapter_label",
    "section_labels",
    "unique_slugs",
]

GLOSSARY_LABEL = "bang-chu-viet-tat"
REGISTER_LABEL = "danh-muc-nhan-vat-va-to-chuc"
REFERENCES_LABEL = "tai-lieu-tham-khao"
RESERVED_NAMES = frozenset(
    {
        # Labels of the book's own pages.
        GLOSSARY_LABEL,
        REGISTER_LABEL,
        REFERENCES_LABEL,
        # Their documents, and the labels and pages Sphinx makes itself.
        "index",
        "glossary",
        "entities",
        "references",
        "genindex",
        "modindex",
        "py-modindex",
        "search",
    }
)
"""Names a chapter's slug may not take (:func:`unique_slugs` adds :data:`RESERVED_SUFFIX`)."""
RESERVED_SUFFIX = "bai-viet"
_PART_LABEL = re.compile(r"phan-\d+(-|$)")
"""The front page's part labels (:mod:`briefbook.analyse.parts`)."""


def own_slug(article: Article) -> str:
    """The article's headline slug, clear of the names the book reserves."""
    slug = article.slug
    if slug in RESERVED_NAMES or _PART_LABEL.match(slug):
        return f"{slug}-{RESERVED_SUFFIX}"
    return slug


def _distinctions(article: Article) -> list[str]:
    """What tells an article apart from others of the same headline, best first."""
    found = [article.meta.date.date.isoformat()] if article.meta.date else []
    return [*found, slugify(article.path.stem, 60) or "bai", slugify(article.path.as_posix(), 80) or "bai"]


def unique_slugs(articles: Sequence[Article]) -> list[Article]:
    """Give each article its slug in the book (see the module's docstring).

    An article whose headline slug no other article has keeps it; those that
    share one each get ``-<date>``, or ``-<file name>`` when the date is shared
    too (or missing), whichever is unique. Only a clash no file name can tell
    apart (two paths whose slugs are equal) falls back to a counter.
    """
    bases = [own_slug(a) for a in articles]
    counts = Counter(bases)
    slugs: list[str | None] = [base if counts[base] == 1 else None for base in bases]
    for level in range(3):
        pending = [i for i, slug in enumerate(slugs) if slug is None]
        if not pending:
            break
        candidates = {}
        for i in pending:
            options = _distinctions(articles[i])
            candidates[i] = f"{bases[i]}-{options[min(level, len(options) - 1)]}"
        taken = Counter(slug for slug in slugs if slug is not None) + Counter(candidates.values())
        for i, candidate in candidates.items():
            if taken[candidate] == 1:
                slugs[i] = candidate
    used = {slug for slug in slugs if slug is not None}
    out = []
    for article, base, slug in zip(articles, bases, slugs, strict=True):
        if slug is None:
            n = 2
            while f"{base}-{n}" in used:
                n += 1
            slug = f"{base}-{n}"
            used.add(slug)
        out.append(article if slug == article.slug else dataclasses.replace(article, slug=slug))
    return out


def chapter_label(article: Article) -> str:
    """The target name of the chapter."""
    return article.slug


def section_labels(article: Article) -> list[str | None]:
    """The target name of each section (``None`` for one without a heading),
    unique within the chapter."""
    seen: set[str] = set()
    labels: list[str | None] = []
    for index, section in enumerate(article.sections, start=1):
        if section.heading is None:
            labels.append(None)
            continue
        label = f"{article.slug}--{slugify(section.heading, 60) or f'muc-{index}'}"
        while label in seen:
            label += "-2"
        seen.add(label)
        labels.append(label)
    return labels
