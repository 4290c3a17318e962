"""Links between chapters: "Xem thêm", related headlines, index entries.

Pure functions from the book's articles, entities and glossary to one
:class:`~briefbook.core.records.ChapterLinks` per chapter.

- **Xem thêm**: the chapters that share the most telling names with this
  one. A shared person counts more than an organisation, an organisation more
  than an abbreviation or a place, and a name found in few chapters more than
  one found everywhere (inverse chapter frequency). Names found in more than
  half of a large book say nothing and are not used: the pairs are counted
  from an inverted index, so the cost grows with the pairs that share a
  telling name, not with the square of the chapters.
- **Related headlines**: a headline of a source page's related-news list that
  is the title of a chapter of the book (compared without case, accents or
  punctuation; a near match when nearly all its words are the title's) links
  to that chapter.
"""

from __future__ import annotations

import difflib
import heapq
import itertools
import math
import operator
from collections.abc import Sequence

from briefbook.analyse.entities import Register
from briefbook.analyse.glossary import Glossary
from briefbook.core.records import Article, ChapterLinks, EntityKind, SeeAlso
from briefbook.core.settings import TUNING
from briefbook.core.vietnamese import word_key

__all__ = ["chapter_links", "headline_targets", "see_also"]


_WEIGHT = {EntityKind.PERSON: 3.0, EntityKind.ORGANISATION: 2.0, EntityKind.PLACE: 0.5}
_TERM_WEIGHT = 1.0
# A pair needs this much in common: one shared person or organisation, or
# two abbreviations (a single shared place or abbreviation is chance).
_MIN_SCORE = 2.0
# Near-duplicate headlines: this share of matching characters (folded).
_HEADLINE_RATIO = 0.9


def _features(register: Register, glossary: Glossary) -> dict[str, dict[str, tuple[str, float]]]:
    """Chapter slug to its telling names: key to (name, weight)."""
    features: dict[str, dict[str, tuple[str, float]]] = {}
    for entity in register.entities:
        for slug in entity.used_in:
            features.setdefault(slug, {})[entity.key] = (entity.name, _WEIGHT[entity.kind])
    for entry in glossary.entries:
        for slug in entry.used_in:
            features.setdefault(slug, {}).setdefault(f"T:{entry.abbr}", (entry.abbr, _TERM_WEIGHT))
    return features


def _best(row: dict[str, float], order: dict[str, int], limit: int) -> list[str]:
    """The ``limit`` chapters of highest score in ``row`` (at least
    :data:`_MIN_SCORE`), the score rounded to 9 places, then the book's order."""
    least = _MIN_SCORE
    top = heapq.nlargest(limit, row.values()) if limit > 0 else []
    if len(top) == limit:
        # Only a score near the limit-th highest may rank among the first
        # (rounding moves a score by less than 1e-9): the others are left
        # out before the sort, which then orders far fewer.
        least = max(least, top[-1] - 1e-6)
    candidates = [slug for slug, score in row.items() if score >= least]
    return sorted(candidates, key=lambda slug: (-round(row[slug], 9), order[slug]))[:limit]


def see_also(
    articles: Sequence[Article], register: Register, glossary: Glossary, limit: int = TUNING.see_also
) -> dict[str, tuple[SeeAlso, ...]]:
    """For each chapter, the chapters most worth reading next, with why."""
    features = _features(register, glossary)
    n = len(articles)
    chapters: dict[str, list[str]] = {}
    for slug, names in features.items():
        for key in names:
            chapters.setdefault(key, []).append(slug)
    # Inverse chapter frequency; a name in more than half of a book of more
    # than ten chapters is left out.
    idf = {
        key: math.log(1 + n / len(slugs))
        for key, slugs in chapters.items()
        if len(slugs) > 1 and (n <= 10 or len(slugs) <= n / 2)
    }
    order = {a.slug: i for i, a in enumerate(articles)}
    scores: dict[str, dict[str, float]] = {}
    for key in idf:
        slugs = chapters[key]
        for a in slugs:
            row = scores.setdefault(a, {})
            weight = features[a][key][1] * idf[key]
            # row[b] = row.get(b, 0.0) + weight for each b in slugs (a's own
            # score, dropped below, included): one pass of C, the same sums.
            row.update(
                zip(
                    slugs,
                    map(operator.add, map(row.get, slugs, itertools.repeat(0.0)), itertools.repeat(weight)),
                    strict=True,
                )
            )
    out: dict[str, tuple[SeeAlso, ...]] = {}
    for article in articles:
        row = scores.get(article.slug, {})
        row.pop(article.slug, None)
        best = _best(row, order, limit)
        links = []
        for slug in best:
            mine, theirs = features[article.slug], features[slug]
            shared = sorted(
                (key for key in mine if key in theirs and key in idf),
                key=lambda key: (-mine[key][1] * idf[key], mine[key][0]),
            )
            # A name once: "TP.HCM" is a place of the register and a term of the glossary.
            reasons = dict.fromkeys(mine[key][0] for key in shared)
            links.append(SeeAlso(slug, tuple(reasons)[: TUNING.see_also_reasons]))
        out[article.slug] = tuple(links)
    return out


def _ratio(key: str, title: str, matchers: dict[str, difflib.SequenceMatcher[str]]) -> float:
    """``SequenceMatcher(None, key, title).ratio()`` when it may reach
    :data:`_HEADLINE_RATIO`, else an upper bound of it below that (what the
    ratio is then does not matter); the title's matcher is made once."""
    matcher = matchers.get(title)
    if matcher is None:
        matcher = matchers[title] = difflib.SequenceMatcher(None, "", title)
    matcher.set_seq1(key)
    bound = matcher.real_quick_ratio()
    if bound < _HEADLINE_RATIO:
        return bound
    bound = matcher.quick_ratio()
    return bound if bound < _HEADLINE_RATIO else matcher.ratio()


def headline_targets(articles: Sequence[Article]) -> dict[str, tuple[str | None, ...]]:
    """For each chapter, the chapter each related headline names (or ``None``)."""
    titles: dict[str, str] = {}
    by_word: dict[str, set[str]] = {}
    for article in articles:
        key = word_key(article.title)
        titles.setdefault(key, article.slug)
        for word in set(key.split()):
            by_word.setdefault(word, set()).add(key)
    matchers: dict[str, difflib.SequenceMatcher[str]] = {}
    found: dict[str, str | None] = {}  # a headline's target, by its key (many pages list one headline)

    def target_of(key: str) -> str | None:
        target = titles.get(key)
        if target is None and key:
            # Candidates share the headline's rarest words (every word of
            # the least count: a set's order must not choose among them);
            # the best near match above the ratio wins.
            counts = {word: len(by_word.get(word, ())) for word in key.split()}
            rarest = min(counts.values())
            candidates = sorted(
                {t for word, n in counts.items() if n == rarest for t in by_word.get(word, ())}
            )
            ratio, best = max(
                ((_ratio(key, title, matchers), title) for title in candidates),
                key=lambda pair: pair[0],  # on a tie, the first title in order
                default=(0.0, ""),
            )
            if ratio >= _HEADLINE_RATIO:
                target = titles[best]
        return target

    out: dict[str, tuple[str | None, ...]] = {}
    for article in articles:
        targets: list[str | None] = []
        for item in article.related:
            key = word_key(item.title)
            if key not in found:
                found[key] = target_of(key)
            target = found[key]
            targets.append(target if target != article.slug else None)
        out[article.slug] = tuple(targets)
    return out


def chapter_links(
    articles: Sequence[Article], register: Register, glossary: Glossary
) -> dict[str, ChapterLinks]:
    """Everything the rest of the book adds to each chapter."""
    related = see_also(articles, register, glossary)
    headlines = headline_targets(articles)
    return {
        a.slug: ChapterLinks(register.entries.get(a.slug, {}), related[a.slug], headlines[a.slug])
        for a in articles
    }
