"""Stable anchors of chapters and sections, built from slugs (never numbers).

Used by the chapter writer (the MyST targets) and the glossary (links back to
the sections that use an abbreviation), so both agree.
"""

from __future__ import annotations

from briefbook.records import Article
from briefbook.vietnamese import slugify

__all__ = ["chapter_label", "section_labels"]


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
