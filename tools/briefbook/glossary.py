"""Abbreviations: find them, define them, and mark their uses.

Definitions come first from the book's own text ("bệnh viện (BV)", matched
by the Schwartz–Hearst method on tone-folded text), then from the dictionary
shipped in ``data/abbreviations.tsv``. Abbreviations the book uses but
neither source defines are reported, not invented.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefbook.records import Article, GlossaryEntry
from briefbook.vietnamese import fold, sort_key

__all__ = [
    "DictionaryEntry",
    "Glossary",
    "build_glossary",
    "find_abbreviations",
    "find_definitions",
    "load_dictionary",
    "split_uses",
]

_LETTER = r"A-Za-zÀ-ỹĐđ"
_TOKEN = re.compile(
    rf"(?<![{_LETTER}0-9.&/-])"
    rf"([{_LETTER}0-9]+(?:[.&/-][{_LETTER}0-9]+)*)"
    rf"(?![{_LETTER}0-9&/-]|\.[{_LETTER}0-9])"
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_PAREN = re.compile(r"\(\s*([^()\s]{2,15})\s*\)")


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One row of the shipped abbreviation dictionary."""

    abbr: str
    expansion: str
    english: str
    kind: str


@cache
def load_dictionary() -> dict[str, DictionaryEntry]:
    """The shipped dictionary, by abbreviation."""
    text = resources.files("briefbook").joinpath("data/abbreviations.tsv").read_text("utf-8")
    rows = csv.DictReader(
        io.StringIO("".join(line for line in text.splitlines(True) if not line.startswith("#"))),
        delimiter="\t",
    )
    return {
        row["abbr"]: DictionaryEntry(row["abbr"], row["expansion"], row["english"], row["kind"])
        for row in rows
    }


def _is_abbreviation(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper * 2 >= len(letters) and not _ROMAN.match(token)


def _is_shouting(text: str) -> bool:
    """An all-capitals line (a headline or a label), whose words are not abbreviations."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    return len(words) >= 4 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def find_abbreviations(text: str) -> list[str]:
    """Abbreviation-like tokens of ``text``, in order of appearance."""
    if _is_shouting(text):
        return []
    return [m.group(1) for m in _TOKEN.finditer(text) if _is_abbreviation(m.group(1))]


def _long_form(short: str, before: str) -> str | None:
    """Schwartz–Hearst: the shortest tail of ``before`` whose letters spell ``short``.

    ``before`` is matched tone-folded and lower-cased; since folding keeps
    the length, the match is cut from the original string.
    """
    folded = fold(before).lower()
    chars = [c for c in fold(short).lower() if c.isalnum()]
    if not chars:
        return None
    s_idx, l_idx = len(chars) - 1, len(folded) - 1
    while s_idx >= 0:
        c = chars[s_idx]
        while l_idx >= 0 and (
            folded[l_idx] != c or (s_idx == 0 and l_idx > 0 and folded[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = folded.rfind(" ", 0, l_idx + 1) + 1
    long_form = before[start:].strip(" ,;:-–")
    words = long_form.split()
    if len(words) > min(len(short) + 5, len(short) * 2) or len(long_form) <= len(short):
        return None
    return long_form


def find_definitions(text: str) -> list[tuple[str, str]]:
    """``(abbreviation, long form)`` pairs defined in ``text`` as "long form (ABBR)"."""
    found = []
    for m in _PAREN.finditer(text):
        short = m.group(1)
        if not _is_abbreviation(short):
            continue
        # The long form stays within the clause before the bracket (and
        # within a bounded window, so that a long paragraph stays linear).
        before = re.split(r"[.;:!?()\[\]\"“”]", text[max(0, m.start() - 300) : m.start()])[-1]
        long_form = _long_form(short, before.rstrip())
        if long_form:
            found.append((short, long_form))
    return found


def _article_texts(article: Article) -> Iterable[str]:
    yield article.title
    if article.lede:
        yield article.lede
    for section in article.sections:
        if section.heading:
            yield section.heading
        for paragraph in section.paragraphs:
            yield paragraph.text
    for item in article.related:
        yield item.title


@dataclass(frozen=True, slots=True)
class Glossary:
    """The book's glossary and what it could not define."""

    entries: tuple[GlossaryEntry, ...]
    """In Vietnamese alphabetical order."""
    undefined: tuple[tuple[str, str], ...]
    """``(abbreviation, chapter slug)`` of uses with no definition."""

    def terms(self) -> frozenset[str]:
        return frozenset(e.abbr for e in self.entries)


def build_glossary(
    articles: Sequence[Article], dictionary: dict[str, DictionaryEntry] | None = None
) -> Glossary:
    """Collect, define and order the abbreviations used in ``articles``."""
    dictionary = load_dictionary() if dictionary is None else dictionary
    used: dict[str, list[str]] = {}
    defined: dict[str, tuple[str, str]] = {}
    for article in articles:
        for text in _article_texts(article):
            for abbr in find_abbreviations(text):
                slugs = used.setdefault(abbr, [])
                if article.slug not in slugs:
                    slugs.append(article.slug)
            for abbr, long_form in find_definitions(text):
                defined.setdefault(abbr, (long_form, article.slug))

    entries: list[GlossaryEntry] = []
    undefined: list[tuple[str, str]] = []
    for abbr, slugs in used.items():
        known = dictionary.get(abbr)
        if abbr in defined:
            expansion, origin = defined[abbr]
            english = known.english if known else ""
        elif known is not None:
            expansion, origin, english = known.expansion, "", known.english
        else:
            undefined.extend((abbr, slug) for slug in slugs)
            continue
        entries.append(GlossaryEntry(abbr, expansion, english, origin, tuple(slugs)))
    entries.sort(key=lambda e: sort_key(e.abbr))
    return Glossary(tuple(entries), tuple(sorted(undefined)))


def split_uses(text: str, terms: frozenset[str]) -> list[tuple[str, bool]]:
    """Cut ``text`` into ``(piece, is_term)`` pieces around uses of ``terms``."""
    if not terms or _is_shouting(text):
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    last = 0
    for m in _TOKEN.finditer(text):
        if m.group(1) in terms:
            if m.start() > last:
                pieces.append((text[last : m.start()], False))
            pieces.append((m.group(1), True))
            last = m.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces
