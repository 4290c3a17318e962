"""Measure boilerplate removal: precision and recall of kept body text.

The kept text of an article (lede, headings, paragraphs) is compared, as a
multiset of words, with a hand-marked expected body. Precision: the share of
kept words that belong to the body; recall: the share of body words kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefbook.decoding import decode_article
from briefbook.reader import parse_article
from briefbook.records import Article

__all__ = ["Score", "evaluate", "kept_text", "score"]


@dataclass(frozen=True, slots=True)
class Score:
    """Word-level agreement between kept and expected body text."""

    kept: int
    expected: int
    common: int

    @property
    def precision(self) -> float:
        return self.common / self.kept if self.kept else 1.0

    @property
    def recall(self) -> float:
        return self.common / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.kept + other.kept, self.expected + other.expected, self.common + other.common)


def _words(texts: Iterable[str]) -> Counter[str]:
    return Counter(w for text in texts for w in re.findall(r"\w+", text.casefold()))


def kept_text(article: Article) -> list[str]:
    """The body text the reader kept."""
    texts = [article.lede] if article.lede else []
    for section in article.sections:
        if section.heading:
            texts.append(section.heading)
        texts.extend(p.text for p in section.paragraphs)
    return texts


def score(article: Article, expected_body: Iterable[str]) -> Score:
    """Compare what the reader kept with the expected body paragraphs."""
    kept = _words(kept_text(article))
    expected = _words(expected_body)
    return Score(sum(kept.values()), sum(expected.values()), sum((kept & expected).values()))


def evaluate(cases: Sequence[tuple[Path, Path]]) -> list[tuple[str, Score]]:
    """Score every article of each ``(articles folder, expected folder)`` pair
    that has an expected body (``NAME.body.txt``, plus ``NAME.headings.txt``)."""
    rows = []
    for articles, expected in cases:
        for path in sorted(articles.glob("*.txt")):
            body = expected / f"{path.stem}.body.txt"
            if not body.exists():
                continue
            expected_text = body.read_text("utf-8").splitlines()
            headings = expected / f"{path.stem}.headings.txt"
            if headings.exists():
                expected_text += headings.read_text("utf-8").splitlines()
            article = parse_article(decode_article(path.read_bytes(), Path(path.name)))
            rows.append((path.name, score(article, expected_text)))
    return rows


def definition_pairs(article: Article) -> set[tuple[str, str]]:
    """The (abbreviation, long form) pairs found in the article's text."""
    from briefbook.glossary import article_texts, find_definitions

    return {pair for text, _ in article_texts(article) for pair in find_definitions(text)}


def score_definitions(
    cases: Sequence[tuple[Path, Path]], expected: dict[str, dict[str, str]]
) -> tuple[int, int, int]:
    """(found, expected, correct) pairs over every article with expectations."""
    found_total = expected_total = correct = 0
    for articles, _ in cases:
        for path in sorted(articles.glob("*.txt")):
            if path.stem not in expected:
                continue
            article = parse_article(decode_article(path.read_bytes(), Path(path.name)))
            found = {(a, " ".join(f.split())) for a, f in definition_pairs(article)}
            wanted = {(a, " ".join(f.split())) for a, f in (expected[path.stem] or {}).items()}
            found_total += len(found)
            expected_total += len(wanted)
            correct += len(found & wanted)
    return found_total, expected_total, correct
