"""At a glance: each chapter in two or three lines, for the "Điểm tin" page
and the summary box at the top of each chapter.

Pure functions from the book's records to :class:`GlanceEntry` records:

* the gist is the lede (or, without one, the first paragraph) cut at the end
  of a sentence (:func:`cut_at_sentence`): never mid-word, never after an
  abbreviation's full stop ("TP. Hồ Chí Minh", "GS. TS");
* the key names are the people and organisations the chapter names most,
  counted from its mentions (the register's data), under the name the
  register gives them;
* the sections are the chapter's headed sections, for "Trong chương này".

The writer is :mod:`briefbook.write.glancepage`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from briefbook.analyse.entities import Register
from briefbook.analyse.parts import Part
from briefbook.core.anchors import section_labels
from briefbook.core.records import Article, ArticleDate, EntityKind, Mention
from briefbook.core.settings import TUNING
from briefbook.core.vietnamese import is_dotted_word

__all__ = [
    "GlanceEntry",
    "GlanceGroup",
    "cut_at_sentence",
    "glance_entries",
    "glance_groups",
    "key_names",
    "sentence_around",
]

KEY_KINDS = (EntityKind.PERSON, EntityKind.ORGANISATION)
ELLIPSIS = "…"

# A sentence ends with . ! ? or … (and the quotes or brackets that close
# it), before white space and a capital, a digit or an opening quote, or
# at the end of the text.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?(\w)|\s*$)")


@dataclass(frozen=True, slots=True)
class GlanceEntry:
    """One chapter as the at-a-glance page and its summary box show it."""

    slug: str
    number: int
    """The chapter's number in the book (1-based, the book's order)."""
    title: str
    publisher: str
    """The outlet and the source it names, "A / B" (``""``: none known)."""
    date: ArticleDate | None
    gist: str
    """The lede (or the first paragraph) cut at a sentence's end; ``""``: none."""
    gist_is_lede: bool
    """Whether :attr:`gist` comes from the lede (else from the first paragraph)."""
    names: tuple[str, ...]
    """The people and organisations it names most, the most named first."""
    sections: tuple[tuple[str, str], ...]
    """``(label, heading)`` of each headed section, in order."""


@dataclass(frozen=True, slots=True)
class GlanceGroup:
    """The entries of one part of the book (the whole book when it has none)."""

    title: str
    """The part's title; ``""`` for a book without parts."""
    entries: tuple[GlanceEntry, ...]


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    for match in _SENTENCE_END.finditer(text):
        after = match.group(1)
        if after is not None and not (after.isupper() or after.isdigit()):
            continue
        if not (match.group(0).startswith(".") and is_dotted_word(text[: match.start()])):
            yield match


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``text[start:end]``."""
    first, last = 0, len(text)
    for match in _sentence_ends(text):
        if match.end() <= start:
            first = match.end()
        elif match.end() >= end:
            last = match.end()
            break
    while first < len(text) and text[first].isspace():
        first += 1
    return first, last


def cut_at_sentence(text: str, limit: int = TUNING.gist_chars) -> str:
    """``text``'s first sentences, as many as fit in ``limit`` characters.

    When the first sentence alone is longer, it is kept whole up to
    :attr:`~briefbook.core.settings.Tuning.sentence_chars`; past that it is cut at the last space
    before ``limit`` and ends with "…": a word is never cut. The text is
    kept as written (NFC, every character of what is kept).
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    best = 0
    for match in _sentence_ends(text):
        if match.end() > limit:
            break
        best = match.end()
    if not best:
        # One long sentence: whole when it ends soon enough.
        best = next((m.end() for m in _sentence_ends(text) if m.end() <= TUNING.sentence_chars), 0)
    if best:
        return text[:best]
    cut = text.rfind(" ", 0, limit)
    head = text[:cut] if cut > 0 else text[:limit]
    return head.rstrip(" ,;:–—-") + ELLIPSIS


def key_names(
    mentions: Sequence[Mention], register: Register, count: int = TUNING.key_names
) -> tuple[str, ...]:
    """The people and organisations of ``mentions`` named most often, under
    the register's name for each; on a tie, the one named first."""
    names = {e.key: e.name for e in register.entities}
    counts: Counter[str] = Counter(m.key for m in mentions if m.kind in KEY_KINDS and m.key in names)
    first = {key: i for i, key in reversed(list(enumerate(m.key for m in mentions)))}
    order = sorted(counts, key=lambda key: (-counts[key], first[key]))
    return tuple(names[key] for key in order[:count])


def _publisher(article: Article) -> str:
    meta = article.meta
    return " / ".join(dict.fromkeys(v for v in (meta.outlet, meta.source) if v))


def glance_entry(
    article: Article, number: int, mentions: Sequence[Mention], register: Register
) -> GlanceEntry:
    """The entry of one chapter."""
    first = next((p.text for p in article.paragraphs if not p.item), "")
    source = article.lede or first
    sections = tuple(
        (label, section.heading)
        for section, label in zip(article.sections, section_labels(article), strict=True)
        if label is not None and section.heading
    )
    return GlanceEntry(
        slug=article.slug,
        number=number,
        title=article.title,
        publisher=_publisher(article),
        date=article.meta.date,
        gist=cut_at_sentence(source) if source else "",
        gist_is_lede=bool(article.lede),
        names=key_names(mentions, register),
        sections=sections,
    )


def glance_entries(
    articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]], register: Register
) -> list[GlanceEntry]:
    """An entry per chapter, in the book's order (``articles`` are in it)."""
    return [
        glance_entry(article, number, mentions.get(article.slug, ()), register)
        for number, article in enumerate(articles, start=1)
    ]


def glance_groups(entries: Sequence[GlanceEntry], parts: Sequence[Part] = ()) -> list[GlanceGroup]:
    """The entries grouped as the book's parts are (one group without parts)."""
    if not parts:
        return [GlanceGroup("", tuple(entries))]
    by_slug = {e.slug: e for e in entries}
    return [GlanceGroup(part.title, tuple(by_slug[s] for s in part.slugs if s in by_slug)) for part in parts]
