"""Abbreviations: find them, define them, and mark their uses.

Definitions come first from the book's own text ("bệnh viện (BV)", matched
by the Schwartz–Hearst method on tone-folded text), then from the dictionary
shipped in ``data/abbreviations.tsv``. Abbreviations the book uses but
neither source defines are reported, not invented.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from briefbook.analyse.spellings import merge_spellings
from briefbook.core.anchors import chapter_label, section_labels
from briefbook.core.dictionary import DictionaryEntry, load_dictionary
from briefbook.core.records import Article, GlossaryEntry
from briefbook.core.vietnamese import TONE_MARKS, fold, sort_key

__all__ = [
    "ArticleScan",
    "DictionaryEntry",
    "Glossary",
    "build_glossary",
    "find_abbreviations",
    "find_definitions",
    "initials_match",
    "load_dictionary",
    "scan_article",
    "split_uses",
]

_LETTER = r"A-Za-zÀ-ỹĐđ"
_TOKEN = re.compile(
    rf"(?<![{_LETTER}0-9.&/-])"
    rf"([{_LETTER}0-9]+(?:[.&/-][{_LETTER}0-9]+)*)"
    rf"(?![{_LETTER}0-9&/-]|\.[{_LETTER}0-9])"
)
_GROUP = operator.methodcaller("group", 1)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_GROUP_OF = re.compile(r"[A-Z]\d{1,2}")  # a capital and a number: "G7", "G20"
_PAREN = re.compile(r"\(\s*([^()\s]{2,15})\s*\)")


_TONE_MARKS = frozenset(TONE_MARKS)
_INITIALS = re.compile(r"^(?:[A-ZĐ][a-zđ]?\.)+[A-ZĐ][a-zđ]?\.?$")  # "Tr.Th.M": a person's initials


@lru_cache(maxsize=1 << 16)
def _is_abbreviation(token: str) -> bool:
    """Capitals that stand for words: "BV", "TP.HCM", "VNeID", "LĐ-TB&XH".

    Not: words written in capitals ("CHỐT", "BẬT": they carry tone marks),
    Roman numerals ("IV"), document numbers ("19/2017/NĐ-CP" starts with a
    digit; its "NĐ-CP" part is found on its own), initials ("Tr.Th.M").
    """
    upper = sum(map(str.isupper, token))
    if upper == 1 and _GROUP_OF.fullmatch(token):
        return token in load_dictionary()  # "G7", "G20" as the dictionary has them (not "F0")
    if upper < 2 or token[0].isdigit():  # most words stop here
        return False
    if upper * 2 < sum(map(str.isalpha, token)):
        return False
    if any(mark in _TONE_MARKS for mark in unicodedata.normalize("NFD", token)):
        return False
    parts = [p for p in re.split(r"[./&-]", token) if p]
    if all(_ROMAN.match(p) or p.isdigit() for p in parts):
        return False
    return not _INITIALS.match(token)


def _is_shouting(text: str) -> bool:
    """An all-capitals line (a headline or a label), whose words are not abbreviations."""
    if sum(map(str.islower, text[:100])) > 30:  # ordinary text: most lines stop here
        return False
    lower, upper = sum(map(str.islower, text)), sum(map(str.isupper, text))
    return len(text.split()) >= 4 and upper > 0.7 * (upper + lower)


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


_CALLED = re.compile(r"\(\s*(?:gọi|viết) tắt (?:là|:)\s*([^()\s]{2,15})\s*\)", re.IGNORECASE)
_ABBR_THEN_LONG = re.compile(r"(?<![\w.])([A-ZĐ][\w.&/-]{1,14})\s*\(([^()]{4,120})\)")


def initials_match(short: str, long_form: str) -> bool:
    """Whether the long form's words begin with the abbreviation's letters, in order."""
    initials = "".join(w[0] for w in fold(long_form).lower().split() if w[0].isalnum())
    letters = [c for c in fold(short).lower() if c.isalnum()]
    pos = 0
    for c in letters:
        pos = initials.find(c, pos) + 1
        if pos == 0:
            return False
    return bool(letters) and initials[0] == letters[0]


# Words that head the name of an organisation, programme or agreement: where
# the long form of a foreign acronym begins when its letters cannot match
# ("Chủ tịch Hội Hữu nghị và hợp tác Việt Nam – Pháp (AACVF)").
_NAME_HEADS = re.compile(
    r"\b(Hội|Hiệp hội|Bộ|Sở|Cục|Viện|Trường|Trung tâm|Tổ chức|Tập đoàn|Công ty|Ủy ban|Ban|Quỹ|Hiệp định|"
    r"Cơ quan|Ngân hàng|Văn phòng|Bệnh viện|Đại học|Mạng lưới|Diễn đàn|Liên đoàn|"
    r"Chương trình|chương trình|Dự án|dự án|Hội đồng|Liên minh|thỏa thuận|biên bản|"
    r"thuốc|chủng|vắc xin|phương pháp|hệ thống|phần mềm|ứng dụng)\b"
)


def _foreign_long_form(short: str, clause: str) -> str | None:
    """The long form of an acronym whose letters do not spell it (a foreign
    acronym, "FFI" for "chương trình bác sĩ nội trú tại Cộng hòa Pháp")."""
    if not short.isalpha() or sum(c.isupper() for c in short) < 2:
        return None
    clause = re.split(r",", clause)[-1].strip()
    # The last head before the bracket: "Bệnh viện Việt Đức ... chương trình
    # bác sĩ nội trú tại Pháp (FFI)" names the programme, not the hospital.
    head = next(reversed(list(_NAME_HEADS.finditer(clause))), None)
    if head is not None:
        candidate = clause[head.start() :].strip()
        if 2 <= len(candidate.split()) <= 15:
            return candidate
    if 2 <= len(clause.split()) <= 8 and clause[0].isupper():
        return clause  # a short name of its own, "“Thực hành lâm sàng tốt (GCP)"
    return None


def _agrees_with_dictionary(short: str, long_form: str) -> bool:
    """For a name that cannot be checked by its letters: a known abbreviation
    must mean about the same in the dictionary ("AIDS (Bộ Y tế)" is not a
    definition); an unknown one needs a name of three words or more."""
    senses = load_dictionary().get(short)
    if not senses:
        return len(long_form.split()) >= 3
    words = set(fold(long_form).lower().split())
    return any(len(words & set(fold(s.expansion).lower().split())) * 2 >= len(words) for s in senses)


def find_definitions(text: str) -> list[tuple[str, str]]:
    """``(abbreviation, long form)`` pairs defined in ``text``: "long form
    (ABBR)", "ABBR (long form)", "long form (gọi tắt là ABBR)"."""
    found = []
    for m in _CALLED.finditer(text):
        short = m.group(1).rstrip(".,;")
        before = re.split(r"[.;:!?()\[\]\"“”]", text[max(0, m.start() - 300) : m.start()])[-1]
        long_form = _long_form(short, before.rstrip()) if _is_abbreviation(short) else None
        if long_form:
            found.append((short, long_form))
    for m in _ABBR_THEN_LONG.finditer(text):
        short, long_form = m.group(1), m.group(2).strip()
        words = long_form.split()
        # A translated name ("WHO (Tổ chức Y tế Thế giới)") cannot match the
        # initials: a capitalised name of two to ten words without digits is taken.
        named = (
            2 <= len(words) <= 10
            and long_form[0].isupper()
            and not any(c.isdigit() for c in long_form)
            and _agrees_with_dictionary(short, long_form)
        )
        if (
            _is_abbreviation(short)
            and not _is_abbreviation(long_form)
            and (initials_match(short, long_form) or named)
            and not re.search(r"[.;:!?]", long_form)
        ):
            found.append((short, long_form))
    for m in _PAREN.finditer(text):
        short = m.group(1)
        if not _is_abbreviation(short):
            continue
        # The long form stays within the clause before the bracket (and
        # within a bounded window, so that a long paragraph stays linear).
        before = re.split(r"[.;:!?()\[\]\"“”]", text[max(0, m.start() - 300) : m.start()])[-1]
        long_form = _long_form(short, before.rstrip()) or _foreign_long_form(short, before.rstrip())
        if long_form:
            found.append((short, long_form))
    return found


def article_texts(article: Article) -> Iterable[tuple[str, str]]:
    """``(text, anchor)``: every text of the article with the label of the
    chapter or section it stands in."""
    chapter = chapter_label(article)
    yield article.title, chapter
    if article.lede:
        yield article.lede, chapter
    for section, label in zip(article.sections, section_labels(article), strict=True):
        if section.heading:
            yield section.heading, label or chapter
        for paragraph in section.paragraphs:
            yield paragraph.text, label or chapter
    for item in article.related:
        yield item.title, chapter
    # The source box shows these.
    for value in (article.meta.outlet, article.meta.source):
        if value:
            yield value, chapter


@dataclass(frozen=True, slots=True)
class Glossary:
    """The book's glossary and what it could not define."""

    entries: tuple[GlossaryEntry, ...]
    """In Vietnamese alphabetical order."""
    undefined: tuple[tuple[str, str], ...]
    """``(abbreviation, chapter slug)`` of uses with no definition."""
    ambiguous: tuple[tuple[str, str], ...] = ()
    """``(abbreviation, chapter slug)`` of uses whose meaning the context
    does not settle (the dictionary gives several)."""

    def terms(self) -> frozenset[str]:
        return frozenset(term for e in self.entries for term in (e.abbr, *e.variants))


def _sense(senses: tuple[DictionaryEntry, ...], after: str) -> DictionaryEntry | None:
    """The meaning the text right after a use calls for; ``None`` if unsettled."""
    for sense in senses:
        if sense.context and re.match(sense.context, after):
            return sense
    plain = [sense for sense in senses if not sense.context]
    # The curated dictionary lists the usual meaning first; a list of equals
    # (several meanings, no context) stays unsettled.
    if len(plain) == 1 or (plain and any(sense.context for sense in senses)):
        return plain[0]
    return None


Use = tuple[str, str, bool, DictionaryEntry | None]
"""One use of an abbreviation: the abbreviation, the anchor of its chapter or
section, whether the dictionary has it, and the meaning its context calls for."""


@dataclass(frozen=True, slots=True)
class ArticleScan:
    """What one article gives the glossary (see :func:`scan_article`)."""

    uses: tuple[Use, ...]
    """In the order of the text."""
    definitions: tuple[tuple[str, str], ...]
    """``(abbreviation, long form)`` defined in the text, in order."""


def scan_article(
    article: Article, dictionary: dict[str, tuple[DictionaryEntry, ...]] | None = None
) -> ArticleScan:
    """The abbreviations ``article`` uses and defines."""
    dictionary = load_dictionary() if dictionary is None else dictionary
    mixed_case = _mixed_case(dictionary)
    uses: list[Use] = []
    definitions: list[tuple[str, str]] = []
    for text, anchor in article_texts(article):
        shouting = _is_shouting(text)
        matches = list(_TOKEN.finditer(text))
        if not shouting:  # the abbreviations only (few of the words), picked out in C
            matches = list(itertools.compress(matches, map(_is_abbreviation, map(_GROUP, matches))))
        for m in matches:
            abbr = m.group(1)
            if shouting:
                # In a headline in capitals, only a known mixed-case
                # abbreviation counts ("VNEID" for "VNeID").
                abbr = mixed_case.get(abbr.casefold(), "")
                if not abbr:
                    continue
            if abbr in dictionary:
                uses.append((abbr, anchor, True, _sense(dictionary[abbr], text[m.end() : m.end() + 40])))
            else:
                uses.append((abbr, anchor, False, None))
        definitions += find_definitions(text)
    return ArticleScan(tuple(uses), tuple(definitions))


def _mixed_case_of(dictionary: dict[str, tuple[DictionaryEntry, ...]]) -> dict[str, str]:
    """Folded form to abbreviation, for those of the dictionary with lower-case letters."""
    return {abbr.casefold(): abbr for abbr in dictionary if any(c.islower() for c in abbr)}


@cache
def _default_mixed_case() -> dict[str, str]:
    return _mixed_case_of(load_dictionary())


def _mixed_case(dictionary: dict[str, tuple[DictionaryEntry, ...]]) -> dict[str, str]:
    return _default_mixed_case() if dictionary is load_dictionary() else _mixed_case_of(dictionary)


def build_glossary(
    articles: Sequence[Article],
    dictionary: dict[str, tuple[DictionaryEntry, ...]] | None = None,
    scans: Sequence[ArticleScan] | None = None,
) -> Glossary:
    """Collect, define and order the abbreviations used in ``articles``.

    A definition in the book's text (in any chapter, before or after the
    use) wins over the dictionaries. ``scans``, when given, are the
    :func:`scan_article` of each article with the same dictionary.
    """
    dictionary = load_dictionary() if dictionary is None else dictionary
    if scans is None:
        scans = [scan_article(article, dictionary) for article in articles]
    used: dict[str, dict[str, None]] = {}  # abbreviation -> chapters, in order
    places: dict[str, dict[str, None]] = {}  # abbreviation -> anchors, in order
    meanings: dict[str, dict[str, DictionaryEntry | None]] = {}  # abbreviation -> chapter -> sense
    defined: dict[str, tuple[str, str]] = {}
    for article, scan in zip(articles, scans, strict=True):
        for abbr, anchor, known, sense in scan.uses:
            used.setdefault(abbr, {})[article.slug] = None
            places.setdefault(abbr, {})[anchor] = None
            if known:
                meanings.setdefault(abbr, {}).setdefault(article.slug, sense)
        for abbr, long_form in scan.definitions:
            defined.setdefault(abbr, (long_form, article.slug))

    entries: list[GlossaryEntry] = []
    undefined: list[tuple[str, str]] = []
    ambiguous: list[tuple[str, str]] = []
    for abbr, slugs in used.items():
        senses = dictionary.get(abbr, ())
        chosen = [s for s in meanings.get(abbr, {}).values() if s is not None]
        if abbr in defined:
            expansion, origin = defined[abbr]
            english = chosen[0].english if chosen else ""
        elif senses:
            origin = ""
            if chosen:
                distinct = list(dict.fromkeys(chosen))
                expansion = " / ".join(s.expansion for s in distinct)
                english = " / ".join(s.english for s in distinct if s.english)
            else:
                expansion = " / ".join(s.expansion for s in senses)
                english = ""
            ambiguous += [(abbr, slug) for slug, s in meanings.get(abbr, {}).items() if s is None]
        else:
            undefined.extend((abbr, slug) for slug in slugs)
            continue
        entries.append(GlossaryEntry(abbr, expansion, english, origin, tuple(slugs), tuple(places[abbr])))
    entries = merge_spellings(entries)
    entries.sort(key=lambda e: sort_key(e.abbr))
    return Glossary(tuple(entries), tuple(sorted(undefined)), tuple(sorted(ambiguous)))


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
