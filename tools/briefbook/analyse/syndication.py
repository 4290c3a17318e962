"""The same story told twice: syndicated copies and reposts, found by text.

Two articles are copies of one story when most of the shorter one's word
8-grams ("shingles") are in the other: the *containment*
``|A ∩ B| / min(|A|, |B|)`` of their shingle sets, taken on the lede and the
paragraphs (never the title, which a repost often rewrites) after
case-folding. The threshold (:attr:`~briefbook.core.settings.Tuning.containment`,
with this stage's other sizes in :class:`~briefbook.core.settings.Tuning`)
was measured on real copies and on related-but-different stories
(``bench/syndication_eval.py``).

Pairs are found through an index of shingles (each shingle to the articles
that have it), not by comparing every pair of full texts: only articles that
share a shingle are counted, and a shingle found in more than
:attr:`~briefbook.core.settings.Tuning.max_shared` articles (a stock phrase) is left out of the count. The
index is exact, so the result does not depend on a random sketch.

Copies join into groups (a copy of a copy is in the group); the fullest text
is the group's chapter, the others are its copies, each with the paragraphs
only it has (:func:`only_in`). An article whose editor wrote ``group: false``
is never grouped.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.core.records import Article
from briefbook.core.settings import TUNING

__all__ = [
    "Copy",
    "StoryGroup",
    "containment",
    "group_copies",
    "only_in",
    "shingles",
    "similar_pairs",
]


_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"')]*\s*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _grams(words: Sequence[str]) -> frozenset[int]:
    """The hashes of the runs of :attr:`~briefbook.core.settings.Tuning.shingle` words (of all of them, when
    fewer). Python's hash of text differs between processes, but only
    within one are sets compared, so the groups do not."""
    if len(words) < TUNING.shingle:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(TUNING.shingle)), strict=False)))


def _texts(article: Article) -> list[str]:
    return ([article.lede] if article.lede else []) + [p.text for p in article.paragraphs]


def shingles(article: Article) -> frozenset[int]:
    """The word 8-grams of the article's lede and paragraphs (case-folded), hashed."""
    return _grams(_words(" ".join(_texts(article))))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """``|a ∩ b| / min(|a|, |b|)``; 0 when either is empty."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


@dataclass(frozen=True, slots=True)
class Copy:
    """Another outlet's copy of a chapter's story."""

    article: Article
    only_here: tuple[str, ...] = ()
    """Its paragraphs (the lede included) that the chapter's text lacks."""


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Articles that tell one story: the chapter and its copies."""

    main: Article
    """The fullest text: the chapter."""
    copies: tuple[Copy, ...]
    """The others, in book order."""


def similar_pairs(
    sets: Sequence[frozenset[int]], threshold: float = TUNING.containment, keep_apart: Sequence[bool] = ()
) -> list[tuple[int, int, float]]:
    """``(i, j, containment)`` for each pair ``i < j`` of shingle sets that
    reach ``threshold``; indexes in ``keep_apart`` marked true are left out.

    Counted through an index of shingles: the time grows with the pairs
    that share text, not with the square of the number of articles.
    """
    taken = [
        i
        for i, found in enumerate(sets)
        if len(found) >= TUNING.min_shingles and not (keep_apart and keep_apart[i])
    ]
    # Only a shingle of two sets or more, and not of too many, pairs them:
    # counted first (in C), the index holds only those.
    holders_of = Counter(itertools.chain.from_iterable(sets[i] for i in taken))
    telling = {gram for gram, n in holders_of.items() if 1 < n <= TUNING.max_shared}
    index: dict[int, list[int]] = defaultdict(list)
    for i in taken:
        for gram in sets[i] & telling:
            index[gram].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        shared.update(itertools.combinations(holders, 2))  # each pair (i, j), i before j: counted in C
    pairs = []
    for (i, j), count in sorted(shared.items()):
        value = count / min(len(sets[i]), len(sets[j]))
        if value >= threshold:
            pairs.append((i, j, value))
    return pairs


def _components(n: int, pairs: Sequence[tuple[int, int, float]]) -> list[list[int]]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return [members for members in groups.values() if len(members) > 1]


def _sentences(text: str) -> list[str]:
    """``text`` cut after each ".", "!", "?" or "…" that a capital letter or
    an opening quote follows (crawls often glue sentences: "nhà.Khỏi")."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if nxt and (nxt.isupper() or nxt in "“\"'"):
            out.append(text[start : m.end()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [piece for piece in out if piece]


def _lacks(text: str, have: frozenset[int], words: str) -> bool:
    found = _words(text)
    if len(found) < TUNING.shingle:  # too short for a shingle: its words in a row
        return f" {' '.join(found)} " not in words
    grams = _grams(found)
    return len(grams & have) / len(grams) < TUNING.paragraph_kept


def only_in(copy: Article, main: Article) -> tuple[str, ...]:
    """What ``copy`` says that ``main`` lacks: its paragraphs (lede
    included) and, within a paragraph both have, its runs of sentences, of
    which less than :attr:`~briefbook.core.settings.Tuning.paragraph_kept` of the shingles are in ``main``'s
    text. Each is the copy's text as it stands (a run of sentences is one
    item)."""
    have = shingles(main)
    words = " " + " ".join(_words(" ".join(_texts(main)))) + " "
    out: list[str] = []
    for text in _texts(copy):
        if _lacks(text, have, words):
            out.append(text)
            continue
        run: list[str] = []
        for sentence in [*_sentences(text), ""]:
            if sentence and _WORD.search(sentence) and _lacks(sentence, have, words):
                run.append(sentence)
            elif run:
                out.append(" ".join(run))
                run = []
    return tuple(out)


def _size(article: Article) -> int:
    return sum(len(text) for text in _texts(article))


def group_copies(
    articles: Sequence[Article],
    sets: Sequence[frozenset[int]] | None = None,
    threshold: float = TUNING.containment,
) -> list[StoryGroup]:
    """The groups of articles that tell one story, in book order of their
    first article (``sets``: each article's :func:`shingles`, when made)."""
    if sets is None:
        sets = [shingles(a) for a in articles]
    apart = [not a.meta.group for a in articles]
    groups = []
    for members in _components(len(articles), similar_pairs(sets, threshold, apart)):
        # The fullest text is the chapter; on a tie, the first in the book.
        main = min(members, key=lambda i: (-_size(articles[i]), i))
        copies = tuple(Copy(articles[i], only_in(articles[i], articles[main])) for i in members if i != main)
        groups.append(StoryGroup(articles[main], copies))
    return groups
