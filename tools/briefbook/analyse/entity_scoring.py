"""Score the people and organisations found against those marked by hand.

Two ways of matching a found entity with a marked one:

- **strict**: one of the forms the entity was found under is, character for
  character (white space squeezed), one of the marked forms;
- **lenient**: the same after titles and roles are taken off a person's name
  ("TS Nguyễn Khắc Hiền"), an abbreviation is read as its long form ("Cục
  ATTP" is "Cục An toàn thực phẩm" when the book's glossary says so; "BV" is
  "Bệnh viện"), and case, tone-mark placement and a place's spellings are set
  aside (:func:`briefbook.analyse.entities.entity_key`).

Matching is one to one: a second entity found for one marked entity (the same
hospital as two entries) is a false positive.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefbook.analyse.entities import article_mentions, entity_key, organisation_abbreviations, strip_titles
from briefbook.analyse.evaluation import EntityScore
from briefbook.analyse.glossary import build_glossary
from briefbook.core.records import Article, EntityKind

__all__ = ["KINDS", "KindScore", "Match", "score_articles"]

KINDS = {"people": EntityKind.PERSON, "organisations": EntityKind.ORGANISATION}
Marked = Mapping[str, Mapping[str, Sequence[Sequence[str]]]]
"""Article stem to kind ("people", "organisations") to the entities marked,
each the list of its forms."""


class Match(enum.Enum):
    STRICT = "strict"
    LENIENT = "lenient"


@dataclass(frozen=True, slots=True)
class KindScore:
    """One article, one kind, one way of matching."""

    score: EntityScore
    false_positives: tuple[str, ...]
    """Entities found that match none marked (their forms joined by " | ")."""
    false_negatives: tuple[str, ...]
    """Entities marked and not found (their first form)."""


def _squeezed(form: str) -> str:
    return " ".join(unicodedata.normalize("NFC", form).split())


def _lenient(kind: EntityKind, form: str, expansions: Mapping[str, str]) -> set[str]:
    form = _squeezed(form)
    if kind is EntityKind.PERSON:
        form = strip_titles(form)
    forms = {form}
    words = form.split()
    expanded = " ".join(expansions.get(w, w) for w in words)
    forms.add(expanded)
    return {entity_key(kind, f) for f in forms if f}


def _normalise(match: Match, kind: EntityKind, form: str, expansions: Mapping[str, str]) -> set[str]:
    if match is Match.STRICT:
        return {_squeezed(form)}
    return _lenient(kind, form, expansions)


def _score(
    found: Sequence[Sequence[str]],
    marked: Sequence[Sequence[str]],
    match: Match,
    kind: EntityKind,
    expansions: Mapping[str, str],
) -> KindScore:
    gold = [set().union(*(_normalise(match, kind, f, expansions) for f in forms)) for forms in marked]
    matched: set[int] = set()
    right = 0
    false_positives = []
    for forms in found:
        mine = set().union(*(_normalise(match, kind, f, expansions) for f in forms))
        hits = [g for g, theirs in enumerate(gold) if mine & theirs]
        fresh = [g for g in hits if g not in matched]
        if fresh:
            matched.add(fresh[0])
            right += 1
        else:
            note = f" (again: {marked[hits[0]][0]})" if hits else ""
            false_positives.append(" | ".join(forms) + note)
    false_negatives = tuple(forms[0] for g, forms in enumerate(marked) if g not in matched)
    return KindScore(
        EntityScore(len(found), len(marked), right, len(matched)), tuple(false_positives), false_negatives
    )


def score_articles(
    articles: Sequence[Article], marked: Marked
) -> dict[str, dict[str, dict[Match, KindScore]]]:
    """Per marked article (by file stem), kind and way of matching: the
    entities found with the book's glossary (as a build finds them)."""
    entries = build_glossary(articles).entries
    abbreviations = organisation_abbreviations(entries)
    expansions = {abbr: e.expansion for e in entries for abbr in (e.abbr, *e.variants)}
    out: dict[str, dict[str, dict[Match, KindScore]]] = {}
    for article in articles:
        marks = marked.get(article.path.stem)
        if marks is None:
            continue
        found: dict[EntityKind, dict[str, list[str]]] = {kind: {} for kind in KINDS.values()}
        for m in article_mentions(article, abbreviations):
            if m.kind in found:
                forms = found[m.kind].setdefault(m.key, [])
                if m.surface not in forms:
                    forms.append(m.surface)
        out[article.path.stem] = {
            name: {
                match: _score(
                    list(found[kind].values()), list(marks.get(name) or []), match, kind, expansions
                )
                for match in Match
            }
            for name, kind in KINDS.items()
        }
    return out
