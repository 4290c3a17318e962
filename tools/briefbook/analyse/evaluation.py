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

from briefbook.core.records import Article
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article

__all__ = ["EntityScore", "Score", "evaluate", "kept_text", "score", "score_entities"]


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
    from briefbook.analyse.glossary import article_texts, find_definitions

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


@dataclass(frozen=True, slots=True)
class EntityScore:
    """People or organisations found against those marked by hand."""

    found: int
    expected: int
    found_right: int
    """Entities found that are one of the marked ones."""
    expected_found: int
    """Marked entities that were found."""

    @property
    def precision(self) -> float:
        return self.found_right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.expected_found / self.expected if self.expected else 1.0

    def __add__(self, other: EntityScore) -> EntityScore:
        return EntityScore(
            self.found + other.found,
            self.expected + other.expected,
            self.found_right + other.found_right,
            self.expected_found + other.expected_found,
        )


def _same(form: str) -> str:
    return " ".join(form.split()).casefold()


def score_entities(
    articles: Sequence[Article], expected: dict[str, dict[str, list[list[str]]]]
) -> dict[str, dict[str, EntityScore]]:
    """Per article and kind ("people", "organisations"): the entities the
    extractor finds in the article (with the book's glossary, as a build
    would) against the hand-marked ones. An entity is right when one of the
    forms it was found under is one of the marked forms of the same entity."""
    from briefbook.analyse.entities import article_mentions, organisation_abbreviations
    from briefbook.analyse.glossary import build_glossary
    from briefbook.core.records import EntityKind

    abbreviations = organisation_abbreviations(build_glossary(articles).entries)
    kinds = {"people": EntityKind.PERSON, "organisations": EntityKind.ORGANISATION}
    out: dict[str, dict[str, EntityScore]] = {}
    for article in articles:
        marked = expected.get(article.path.stem)
        if marked is None:
            continue
        found: dict[str, dict[str, set[str]]] = {name: {} for name in kinds}
        for m in article_mentions(article, abbreviations):
            for name, kind in kinds.items():
                if m.kind is kind:
                    found[name].setdefault(m.key, set()).add(_same(m.surface))
        out[article.path.stem] = {}
        for name in kinds:
            gold = [{_same(form) for form in forms} for forms in marked.get(name) or []]
            mine = list(found[name].values())
            out[article.path.stem][name] = EntityScore(
                len(mine),
                len(gold),
                sum(any(forms & g for g in gold) for forms in mine),
                sum(any(forms & g for forms in mine) for g in gold),
            )
    return out
