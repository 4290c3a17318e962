"""Words as the entity rules see them, and phrases of words found by their
first word: the gazetteer's building blocks (:mod:`briefbook.core.gazetteer`
cuts texts into :class:`Word` and holds its rules as :class:`Phrases`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Phrases", "Word"]


class Word(NamedTuple):
    """A word of a text (a tuple: there are millions in a large book)."""

    text: str
    start: int
    end: int
    joined: bool
    """Whether only spaces separate it from the word before."""
    dash: bool = False
    """Whether a dash between spaces separates it from the word before."""

    @property
    def capital(self) -> bool:
        return self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Phrases:
    """Phrases of words, found by their first word (longest first)."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, phrases: Iterable[tuple[str, ...]]) -> Phrases:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in set(phrases):
            if phrase:
                by_first.setdefault(phrase[0], []).append(phrase)
        return cls(
            {first: tuple(sorted(group, key=lambda p: (-len(p), p))) for first, group in by_first.items()}
        )

    def match(self, words: Sequence[Word], i: int) -> int:
        """The length of the longest phrase that starts at word ``i`` (0 if none)."""
        if i >= len(words):
            return 0
        group = self.by_first.get(words[i].text)
        if group is None:  # most words: no phrase starts with them
            return 0
        for phrase in group:
            n = len(phrase)
            if i + n <= len(words) and all(
                words[i + k].text == phrase[k] and words[i + k].joined for k in range(1, n)
            ):
                return n
        return 0
