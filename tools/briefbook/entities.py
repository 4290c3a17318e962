"""People, organisations and places named in the articles.

Rules over words, in the way Vietnamese press writes names: a person comes
after a title or a role ("PGS-TS Tăng Chí Thượng", "Thứ trưởng Bộ Y tế Trần
Văn Thuấn", "ông Thượng") or is a run of capitalised syllables opening with a
surname; an organisation opens with a capitalised head ("Bộ", "Sở", "Bệnh
viện", "BV", "Trường", "Đại sứ quán"...) and goes on while its words are
capitalised or finish a compound word of the dictionary ("Y tế", "Hàn lâm");
a place is in the gazetteer (Vietnam's provinces from underthesea's address
data, countries and cities from ``data/entities.yaml``). The compound words
come from underthesea's Viet74K word list.

:func:`find_mentions` reads one text, :func:`article_mentions` one article
(short forms such as "ông Thượng" are resolved to the full name the article
gives), and :func:`build_register` joins the book's mentions into entities:
the same entity written two ways ("BV Chợ Rẫy", "Bệnh viện Chợ Rẫy") is one
entry. All pure; the rule data is read once.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

from briefbook.anchors import chapter_label, section_labels
from briefbook.records import LEDE, TITLE, Article, Entity, EntityKind, GlossaryEntry, Mention, Position
from briefbook.vietnamese import sort_key

__all__ = [
    "Register",
    "article_mentions",
    "build_register",
    "entity_key",
    "find_mentions",
    "organisation_abbreviations",
    "strip_titles",
]

# A word: letters and digits, joined by "." "-" "&" inside (TP.HCM, PGS-TS, LĐTB&XH).
_WORD = re.compile(r"[^\W_]+(?:[.\-&'’][^\W_]+)*\.?")
# What may stand between two words of one name: spaces only.
_SPACE = re.compile(r"[ \t]+")
# Words whose full stop is their own: "TP.", "GS.", an initial "M." "N.V.A.".
_ABBREVIATED = re.compile(r"[^\W\d_a-zà-ỹđ]{1,4}\.|(?:[^\W\d_]\.)+")
_DASH = re.compile(r"[ \t]+[-–][ \t]+")
# A mark after an open "oa", "oe", "uy" syllable, moved to the first vowel
# (hoà/hòa, thuý/thúy are one name).
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_NEW_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONE_MARKS}])(?![^\W\d_])")


class _Word(NamedTuple):
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
class _Rules:
    academic: re.Pattern[str]
    honorifics: frozenset[str]
    roles: _Phrases
    heads: dict[tuple[str, ...], str]
    """Head words to the head's full form ("" when written in full)."""
    head_phrases: _Phrases
    standalone: _Phrases
    inside: _Phrases
    tails: _Phrases
    compounds: frozenset[str]
    surnames: frozenset[str]
    places: dict[tuple[str, ...], str]
    """A place's words to its name."""
    place_phrases: _Phrases
    lower_starters: frozenset[str]
    """The lower-case words a name, role or title may start with."""
    specialties: frozenset[str]
    """The compound words of organisations' names that the rules list (not the dictionary's)."""
    stop: _Phrases
    """Lower-case words a name never runs on across (verbs, conjunctions)."""
    streets: _Phrases
    """Lower-case words after which a capitalised run is a place."""


def _data(name: str) -> str:
    return resources.files("briefbook").joinpath("data", name).read_text("utf-8")


def _underthesea_file(*parts: str) -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        raise RuntimeError("briefbook needs underthesea (pip install underthesea)")
    return Path(spec.origin).parent.joinpath(*parts)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = yaml.safe_load(_data("entities.yaml"))
    titles = "|".join(sorted(map(re.escape, data["academic_titles"]), key=len, reverse=True))
    academic = re.compile(rf"(?:{titles})(?:[.\-](?:{titles}))*\.?")
    # Compound words of two or three syllables (underthesea's Viet74K list).
    compounds = set(data["compounds"])
    lexicon = _underthesea_file("corpus", "data", "Viet74K.txt").read_text("utf-8")
    for line in lexicon.splitlines():
        word = unicodedata.normalize("NFC", line.strip().lower())
        if 2 <= word.count(" ") + 1 <= 3:
            compounds.add(word)
    places: dict[tuple[str, ...], str] = {}
    for names in data["places"]:
        for alias in names:
            places[_words(alias)] = names[0]
    address = json.loads(_underthesea_file("address", "data", "mapping.json").read_text("utf-8"))
    for table in ("province_names", "old_province_names"):
        for province in address.get(table, {}).values():
            short = unicodedata.normalize("NFC", province["short"])
            places.setdefault(_words(short), short)
            places.setdefault(_words(unicodedata.normalize("NFC", province["name"])), short)
    heads = {_words(h): full for h, full in data["org_heads"].items()}
    firsts = [_words(r)[0] for r in data["roles"]] + list(data["honorifics"]) + data["academic_titles"]
    firsts += [phrase[0] for phrase in [*heads, *places]] + [_words(s)[0] for s in data["org_standalone"]]
    return _Rules(
        academic=academic,
        honorifics=frozenset(data["honorifics"]),
        roles=_Phrases.of(_words(r) for r in data["roles"]),
        heads=heads,
        head_phrases=_Phrases.of(heads),
        standalone=_Phrases.of(_words(s) for s in data["org_standalone"]),
        inside=_Phrases.of(_words(s) for s in data["org_inside"]),
        tails=_Phrases.of(_words(s) for s in data["org_tails"]),
        compounds=frozenset(compounds),
        surnames=frozenset(data["surnames"]),
        places=places,
        place_phrases=_Phrases.of(places),
        lower_starters=frozenset(w for w in firsts if not w[0].isupper()),
        specialties=frozenset(data["compounds"]),
        stop=_Phrases.of(_words(s) for s in data["stop_words"]),
        streets=_Phrases.of(_words(s) for s in data["street_words"]),
    )


def strip_titles(name: str) -> str:
    """``name`` without the titles, honorifics and roles in front of it
    ("PGS-TS Tăng Chí Thượng", "Thứ trưởng Lê Quang Cường", "ông Hạnh")."""
    rules = _rules()
    words = _plain(_words(name))
    i = 0
    while i < len(words) - 1:
        word = words[i].text
        n = rules.roles.match(words, i)
        if n and n < len(words) - i:
            i += n
        elif rules.academic.fullmatch(word) or word in rules.honorifics:
            i += 1
        else:
            break
    return " ".join(w.text for w in words[i:])


def is_place(text: str) -> bool:
    """Whether ``text`` is the name of a place briefbook knows ("Hà Nội")."""
    return _words(text) in _rules().places


def _plain(words: Sequence[str]) -> list[_Word]:
    """Words of a name, as joined words (to match phrases against them)."""
    return [_Word(w, 0, 0, True) for w in words]


def _tokens(text: str) -> list[_Word]:
    words: list[_Word] = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group()
        end = m.end()
        # A full stop ends a sentence unless it belongs to the word (TP., GS.).
        if word.endswith(".") and not _ABBREVIATED.fullmatch(word):
            word, end = word[:-1], end - 1
        gap = text[last : m.start()]
        joined = bool(words) and (gap == " " or _SPACE.fullmatch(gap) is not None)
        dash = bool(words) and not joined and _DASH.fullmatch(gap) is not None
        words.append(_Word(word, m.start(), end, joined, dash))
        last = end
    return words


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Phrases of words, found by their first word (longest first)."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, phrases: Iterable[tuple[str, ...]]) -> _Phrases:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in set(phrases):
            if phrase:
                by_first.setdefault(phrase[0], []).append(phrase)
        return cls(
            {first: tuple(sorted(group, key=lambda p: (-len(p), p))) for first, group in by_first.items()}
        )

    def match(self, words: Sequence[_Word], i: int) -> int:
        """The length of the longest phrase that starts at word ``i`` (0 if none)."""
        if i >= len(words):
            return 0
        for phrase in self.by_first.get(words[i].text, ()):
            n = len(phrase)
            if i + n <= len(words) and all(
                words[i + k].text == phrase[k] and words[i + k].joined for k in range(1, n)
            ):
                return n
        return 0


def _is_name_syllable(word: _Word) -> bool:
    """A capitalised syllable of a person's name (not an abbreviation, no digit)."""
    text = word.text
    return (
        text[0].isupper() and text.isalpha() and (len(text) == 1 or not text[1:].isupper()) and len(text) <= 8
    )


# Heads of a diplomatic mission, named with the country they are in.
_MISSIONS = frozenset({("Đại", "sứ", "quán"), ("Lãnh", "sự", "quán"), ("Tổng", "Lãnh", "sự", "quán")})
# Words for a province or a city before its name, which an organisation's
# name may leave out ("Sở Y tế thành phố Đà Nẵng", "Sở Y tế Đà Nẵng").
_PLACE_TYPES = frozenset({"tỉnh", "tp", "tp.", "thành phố"})
# Lower-case words that say the next words are a place ("tỉnh Kon Tum").
# (One word: "thành phố" and "thị xã" end in "phố" and "xã".)
_PLACE_WORDS = frozenset({"tỉnh", "phố", "quận", "huyện", "xã", "phường", "trấn"})
# Words after a function that start the rest of the sentence.
# A person's age or year of birth after the name: "Didier Montalvo, 6 tuổi",
# "Ngô Đức Giang (43 tuổi", "Đặng Văn Trung (SN 1980".
_AGE = re.compile(r"\s*[,(]\s*(?:\d{1,3}\s+tuổi|SN\s*\d{4})")
# The last word of an English name of a body.
_ENGLISH_BODY = re.compile(
    r"College|University|Institute|School|Hospital|Clinic|Foundation|Association|Agency|Organi[sz]ation|"
    r"Council|Committee|Federation|Ministry|Department|Bank|Society|Cent(?:re|er)|Academy|Corporation|"
    r"Company|Group|Administration|Authority|Fund|Party|Police|Army|Navy"
)
_CLAUSE_ENDS = frozenset(
    {"cho", "nói", "cũng", "đã", "đang", "sẽ", "khẳng", "nhấn", "chia", "phát", "nhận", "là"}
)


class _Reader:
    """One pass over one text's words."""

    def __init__(self, text: str, abbreviations: Mapping[str, str]) -> None:
        self.text = text
        self.abbreviations = abbreviations
        self.words = _tokens(text)
        self.rules = _rules()
        self.found: list[tuple[EntityKind, int, int, str]] = []  # kind, first word, end word, role

    def joined(self, i: int) -> bool:
        return i < len(self.words) and self.words[i].joined

    def head(self, i: int) -> int:
        return self.rules.head_phrases.match(self.words, i)

    def place(self, i: int) -> int:
        return self.rules.place_phrases.match(self.words, i)

    def role(self, i: int) -> int:
        return self.rules.roles.match(self.words, i)

    def title_chain(self, i: int) -> int:
        """Academic titles and honorifics from ``i`` ("PGS-TS", "ông", "bác sĩ")."""
        j = i
        while j < len(self.words) and (j == i or self.joined(j)):
            word = self.words[j].text
            if self.rules.academic.fullmatch(word) or word in self.rules.honorifics:
                j += 1
            else:
                break
        return j - i

    def lower_word(self, k: int, listed: bool = False) -> int:
        """The length of a lower-case compound word of the dictionary at ``k``
        (with ``listed``, only one the rules list), 0 at a stop word."""
        words = self.words
        if self.rules.stop.match(words, k):
            return 0
        compounds = self.rules.specialties if listed else self.rules.compounds
        for n in (3, 2):
            if (
                k + n <= len(words)
                and all(not w.capital for w in words[k : k + n])
                and all(w.joined for w in words[k + 1 : k + n])
                and " ".join(w.lower for w in words[k : k + n]) in compounds
            ):
                return n
        return 0

    def number_in_name(self, i: int, j: int) -> bool:
        """Whether the number at ``j`` belongs to the name that starts at
        ``i``: right after the head ("Bệnh viện 108") or a place word
        ("quận 2"), and not a date ("22/12") nor a count ("Bộ 3 sản phẩm")."""
        words = self.words
        if any(c in words[j].text for c in "/-:,"):
            return False
        if words[j - 1].lower in _PLACE_WORDS or words[j - 1].text in {"Quận", "Q."}:
            return True
        return j == i and not (self.joined(j + 1) and not words[j + 1].capital)

    def common_words(self, k: int) -> bool:
        """Whether words ``k``, ``k + 1`` are a capitalised common compound
        ("Y tế", "Quản lý", "Kiểm soát"), not a place's name."""
        words = self.words
        return (
            words[k].capital
            and self.joined(k + 1)
            and f"{words[k].lower} {words[k + 1].lower}" in self.rules.compounds
            and not self.place(k)
            and not self.rules.tails.match(_plain([words[k].lower, words[k + 1].lower]), 0)
        )

    def boundary(self, k: int) -> bool:
        """Whether a name may end before word ``k`` (punctuation, the end, a stop word)."""
        return not self.joined(k) or self.rules.stop.match(self.words, k) > 0

    def trailing_words(self, j: int) -> int:
        """Lower-case compound words that end a name at ``j`` ("Cục Quản lý
        khám chữa bệnh", "Trung tâm Y tế dự phòng"), up to a boundary."""
        k = j
        for _ in range(4):
            if not self.joined(k) or self.words[k].capital:
                break
            n = self.lower_word(k)
            if not n:
                break
            k += n
        return k - j if k > j and self.boundary(k) else 0

    def org_name(self, i: int, named_head: bool = False) -> int:
        """The words of an organisation's name from ``i`` (after its head;
        ``named_head`` when the head names a body by itself: "Trung tâm Y tế")."""
        words, rules = self.words, self.rules
        j = i
        compound = 0  # syllables of the current compound word
        while j < len(words) and (words[j].joined or (j > i and words[j].dash)):
            word = words[j]
            if not word.joined and not word.capital:
                # After a dash, a last lower-case word ("Truyền máu - huyết học"),
                # not what is said of the name ("Sở Y tế HN - cho biết").
                j += self.lower_word(j, listed=True)
                break
            if j > i and self.head(j) and not self.place(j):
                break  # the next organisation ("Bộ Y tế và Sở Y tế")
            if self.role(j) or (rules.academic.fullmatch(word.text) and not word.text.isupper()):
                break
            if word.text in self.abbreviations:
                break  # "Tổ chức Y tế thế giới WHO"
            if word.text[0].isdigit() and not self.number_in_name(i, j):
                break
            if word.capital or word.text[0].isdigit():
                j += 1
                compound = 1
                continue
            # Only the compound word that the capitalised syllable opens.
            grown = next(
                (
                    n
                    for n in (2, 1)
                    if compound
                    and j > i
                    and j + n <= len(words)
                    and all(not w.capital and w.joined for w in words[j : j + n])
                    and " ".join(w.lower for w in words[j - compound : j + n]) in rules.compounds
                ),
                0,
            )
            if grown:  # "An toàn thực phẩm"
                j += grown
                compound += grown
                continue
            n = rules.tails.match(words, j)
            if (
                n
                and (j > i or words[j].lower == "thế")  # "Ngân hàng thế giới"
                and not (
                    self.joined(j + n)
                    and words[j + n].capital
                    and words[j + n].text not in self.abbreviations
                )
            ):
                j += n
                break
            # Lower-case words inside the name when a capitalised word of it
            # follows ("Viện Vệ sinh dịch tễ Trung ương", "Bộ Giáo dục và Đào tạo").
            k = j
            listed = True  # whether every word was of the rules' list ("nhân dân")
            for _ in range(4):
                if k >= len(words) or words[k].capital or (k > j and not words[k].joined):
                    break
                if rules.stop.match(words, k):
                    break
                n = rules.inside.match(words, k)
                if not n:
                    n = self.lower_word(k)
                    listed = False
                if not n:
                    break
                k += n
            after_place = k > j and words[k - 1].lower in _PLACE_WORDS
            if (
                (
                    j > i or after_place or named_head or (listed and words[k - 1].text != "và")
                )  # "UBND tỉnh Đắk Nông", "Trung tâm Y tế dự phòng HN"
                and k > j
                and self.joined(k)
                and (words[k].capital or (after_place and words[k].text[0].isdigit()))  # "quận 2"
                and not self.head(k)
                and not self.role(k)
                and words[k].text not in self.abbreviations
                and not (
                    words[k].text in rules.surnames
                    and not after_place  # "xã Thạch Kim" is a place
                    and self.person_name(k) >= 2
                    and not self.place(k)
                )
            ):
                j = k
                compound = 0
                continue
            if j > i + 1 and self.common_words(j - 2) and self.trailing_person(i, j) == j:
                j += self.trailing_words(j)
            break
        return j - i

    def person_name(self, i: int, limit: int = 5) -> int:
        """The length of a person's name at ``i`` (0 if none).

        A name that goes on with an initial ("Trần Thị M.") is anonymised,
        and one that ends in "Thị" or "Văn" is cut short: neither is a name."""
        j = i
        while j < len(self.words) and j - i < limit and (j == i or self.joined(j)):
            if not _is_name_syllable(self.words[j]) or (j > i and (self.head(j) or self.role(j))):
                break
            j += 1
        if j > i and (self.words[j - 1].text in {"Thị", "Văn"} or self.initial(j)):
            return 0
        pair = f"{self.words[i].lower} {self.words[j].lower}" if j < len(self.words) else ""
        if j == i + 1 and self.joined(j) and pair in self.rules.compounds:
            return 0  # the start of a word ("Hợp tác"), not a given name
        return j - i

    def described(self, j: int) -> int:
        """Where a person's name begins after one or two lower-case words
        that describe the person (after a role or an honorific: "Bé gái
        Connie Lloyd", "Bác sĩ phẫu thuật Lou Zhongquan"); 0 if none."""
        k = j
        while k < len(self.words) and k - j < 3 and self.joined(k) and not self.words[k].capital:
            if self.rules.stop.match(self.words, k) or self.words[k].text in self.rules.honorifics:
                return 0
            k += 1
        if (
            j < k <= j + 2
            and self.joined(k)
            and self.person_name(k) >= 2
            and not self.place(k)
            and not self.head(k)
            and not self.role(k)
        ):
            return k
        return 0

    def english_organisation(self, i: int) -> int:
        """A run of capitalised English words ending with a word for a body
        ("Macalester College", "Harvard University"); its length or 0."""
        j = i
        while j < len(self.words) and j - i < 6 and (j == i or self.joined(j)):
            word = self.words[j].text
            if not (word[0].isupper() and word.isascii() and word.isalpha()):
                break
            j += 1
        if j - i >= 2 and _ENGLISH_BODY.fullmatch(self.words[j - 1].text):
            return j - i
        return 0

    def street(self, i: int) -> bool:
        """Whether a capitalised run at ``i`` names a street or a ward: after
        "đường", "phường", "hẻm 49", or in a list of streets ("các ngả đường
        như Lê Lợi, Nguyễn Huệ, Phạm Ngọc Thạch")."""
        words = self.words
        k = i - 1
        if k >= 0 and words[k].text[0].isdigit() and self.joined(i):
            return True  # "hẻm 49 Lê Đình Thám", "70 Nguyễn Chí Thanh"
        # Back over a list of capitalised names ("Lê Lợi, Nguyễn Huệ, ...").
        while k >= 0 and (words[k].capital or words[k].text in {"và"}) and i - k < 40:
            k -= 1
        if k < 0:
            return False
        if k + 1 < i and not self.list_before(k + 1, i):
            return False
        for back in range(3):  # "đường", "đường như", "tuyến đường lớn như"
            m = k - back
            if m < 0 or words[m].capital:
                return False
            if any(
                self.rules.streets.match(words, s) and s + self.rules.streets.match(words, s) == m + 1
                for s in range(max(0, m - 1), m + 1)
            ):
                return True
            if words[m].text not in {"như", "lớn", "nhỏ", "là", "các"}:
                return False
        return False

    def list_before(self, start: int, i: int) -> bool:
        """Whether words ``start:i`` are whole names of a list ending before ``i``."""
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        return gap.strip() in {",", ""} and (gap.strip() == "," or self.words[i - 1].text == "và")

    def initial(self, j: int) -> bool:
        return (
            self.joined(j)
            and re.fullmatch(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{0,2}", self.words[j].text) is not None
        )

    def trailing_person(self, start: int, end: int) -> int:
        """Where a person's name at the end of words ``start:end`` begins (or ``end``)."""
        for k in range(max(start, end - 4), end - 1):
            if (
                self.words[k].text in self.rules.surnames
                and not (k > 0 and self.words[k - 1].lower in _PLACE_WORDS)  # "phường Nguyễn Cư Trinh"
                and all(_is_name_syllable(w) for w in self.words[k:end])
                and (not self.place(k) or self.place(k) < end - k)
            ):
                return k
        return end

    def add(self, kind: EntityKind, first: int, end: int, role: str = "") -> None:
        self.found.append((kind, first, end, role))

    def span(self, first: int, end: int) -> str:
        return self.text[self.words[first].start : self.words[end - 1].end]

    def organisation(self, i: int, role_start: int | None = None) -> int:
        """An organisation at ``i``; returns its length in words (0 if none).

        A person's name right after it is split off ("Bộ Y tế Trần Văn
        Thuấn"); ``role_start`` is where the role before it begins."""
        n = self.rules.standalone.match(self.words, i)
        if n:
            self.add(EntityKind.ORGANISATION, i, i + n)
            return n
        head = self.head(i)
        if not head or not self.words[i].capital:
            return 0
        name = self.org_name(i + head, any(w.capital for w in self.words[i + 1 : i + head]))
        if not name:
            return 0
        end = i + head + name
        mission = tuple(w.text for w in self.words[i : i + head]) in _MISSIONS
        if mission and self.joined(end) and self.words[end].text == "tại":
            # "Đại sứ quán Pháp tại Việt Nam": the country it is in belongs to it.
            place = self.place(end + 1) if self.joined(end + 1) else 0
            end += 1 + place if place else 0
        person = self.trailing_person(i + head, end)
        if i + head < person < end:
            self.add(EntityKind.ORGANISATION, i, person)
            role = self.span(i if role_start is None else role_start, person)
            self.add(EntityKind.PERSON, person, end, role)
        else:
            self.add(EntityKind.ORGANISATION, i, end)
        return end - i

    def read(self) -> list[tuple[EntityKind, str, int, int, str]]:
        words = self.words
        starters = self.rules.lower_starters
        i = 0
        while i < len(words):
            text = words[i].text
            if not text[0].isupper() and text not in starters:
                i += 1  # most words: lower case, and start no name
                continue
            # A role, then maybe the organisation it belongs to, then the name:
            # "Thứ trưởng Bộ Y tế Trần Văn Thuấn", "Giám đốc Sở Y tế TP.HCM".
            role = self.role(i)
            if role and self.head(i) > role:
                role = 0  # "Đại sứ quán", not the role "Đại sứ"
            if role:
                j = i + role
                if self.joined(j):
                    found = len(self.found)
                    j += self.organisation(j, i) or self.place(j)
                    if len(self.found) > found and self.found[-1][0] is EntityKind.PERSON:
                        i = j
                        continue
                    titles = self.title_chain(j) if self.joined(j) else 0
                    j += titles
                    if self.joined(j):
                        name = self.person_name(j)
                        k = 0 if name or titles else self.described(j)
                        if k:  # "Bác sĩ phẫu thuật Lou Zhongquan"
                            self.add(EntityKind.PERSON, k, k + self.person_name(k), self.span(i, k))
                            j = k + self.person_name(k)
                        elif name and not self.head(j):
                            self.add(
                                EntityKind.PERSON, j, j + name, self.span(i, j - titles) if j > i else ""
                            )
                            j += name
                i = max(j, i + 1)
                continue
            n = self.organisation(i)
            if n:
                i += n
                continue
            titles = self.title_chain(i)
            if titles and self.joined(i + titles):
                j = i + titles
                name = self.person_name(j)
                if name and self.place(j) != name:
                    self.add(EntityKind.PERSON, j, j + name, self.span(i, j))
                    i = j + name
                    continue
                k = self.described(j)
                if k:  # "Bé gái Connie Lloyd"
                    self.add(EntityKind.PERSON, k, k + self.person_name(k), self.span(i, k))
                    i = k + self.person_name(k)
                    continue
            if words[i].text in self.abbreviations:
                self.add(EntityKind.ORGANISATION, i, i + 1)
                i += 1
                continue
            n = self.place(i)
            if n:
                self.add(EntityKind.PLACE, i, i + n)
                i += n
                continue
            n = self.english_organisation(i)
            if n:  # "Macalester College"
                self.add(EntityKind.ORGANISATION, i, i + n)
                i += n
                continue
            if words[i].capital and self.street(i):
                name = self.person_name(i, 4) or self.place(i)
                if name:  # "phường Nguyễn Cư Trinh", "đường như Lê Lợi, Nguyễn Huệ"
                    self.add(EntityKind.PLACE, i, i + name)
                    i += name
                    continue
            name = self.person_name(i, 4) if words[i].capital and not self.head(i) else 0
            if name >= 2 and _AGE.match(self.text, words[i + name - 1].end):
                self.add(EntityKind.PERSON, i, i + name)  # "Didier Montalvo, 6 tuổi"
                i += name
                continue
            if words[i].text in self.rules.surnames:
                name = self.person_name(i, 4)
                if name >= 2:
                    self.add(EntityKind.PERSON, i, i + name)
                    i += name
                    continue
            i += 1
        out = []
        for kind, a, b, before in self.found:
            out.append(
                (
                    kind,
                    self.span(a, b),
                    a,
                    b,
                    self.full_role(before, b) if kind is EntityKind.PERSON else before,
                )
            )
        return out

    def role_after(self, start: int) -> list[str]:
        """The function at ``start`` ("Giám đốc Sở Y tế TP.HCM"), to the end
        of its clause; nothing when it is another person's ("..., Bộ trưởng
        Bộ Công Thương Trần Tuấn Anh")."""
        j = start + self.role(start)
        if self.joined(j) and self.words[j].capital and self.head(j):
            head = self.head(j)
            org_end = j + head + self.org_name(j + head)
            if self.trailing_person(j + head, org_end) < org_end:
                return []
            j = org_end
        while self.joined(j) and j - start < 12 and self.words[j].text not in _CLAUSE_ENDS:
            if self.words[j].text in self.rules.surnames and self.person_name(j) >= 2:
                return []
            j += 1
        return [self.span(start, j)]

    def full_role(self, before: str, end: int) -> str:
        """The title before a name (without "ông", "bà") and the function
        after it: "PGS-TS Tăng Chí Thượng, Giám đốc Sở Y tế TP.HCM, nói"."""
        parts = [w for w in before.split() if w not in self.rules.honorifics]
        roles = [" ".join(parts)] if parts else []
        if end < len(self.words) and self.role(end):
            gap = self.text[self.words[end - 1].end : self.words[end].start]
            if gap.strip() == ",":
                roles += self.role_after(end)
        return ", ".join(roles)


def find_mentions(
    text: str, abbreviations: Mapping[str, str] | None = None
) -> list[tuple[EntityKind, str, str]]:
    """``(kind, name as written, role)`` of each entity named in ``text``, in order.

    ``abbreviations`` maps the abbreviations that stand for an organisation
    ("WHO", "FFI") to their long form (see :func:`organisation_abbreviations`).
    """
    found = _Reader(text, abbreviations or {}).read()
    return [(kind, surface, role) for kind, surface, _, _, role in found]


_ORG_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Association|Agency|Fund|Foundation|Programm?e?|Institute|University|"
    r"Hospital|Council|Committee|Federation|Union|Ministry|Department|Bank|Society|Cent(?:re|er)|"
    r"Office|Academy|Alliance|Network|Corporation|Company|Group|Administration|Authority)\b"
)


def organisation_abbreviations(entries: Iterable[GlossaryEntry]) -> dict[str, str]:
    """The glossary's abbreviations that name one organisation or programme,
    to their long form: a head with a name after it ("Tổ chức Y tế Thế giới",
    "chương trình bác sĩ nội trú...") or an English gloss that names a body."""
    rules = _rules()
    found = {}
    for entry in entries:
        if (entry.abbr,) in rules.heads or not entry.abbr.isupper():
            continue  # "BV", "UBND": a kind of body, named by what follows
        words = _words(entry.expansion)
        if words and words[0] in {"chương", "dự", "quỹ"}:
            words = (words[0].capitalize(), *words[1:])
        head = rules.head_phrases.match(_plain(words), 0)
        if (head and len(words) > head) or _ORG_WORDS.search(entry.english):
            found[entry.abbr] = entry.expansion
    return found


def _pair(words: Sequence[_Word], i: int) -> str:
    return f"{words[i].lower} {words[i + 1].lower}" if i + 1 < len(words) else ""


def _with_place(short: str, longer: Iterable[str]) -> str:
    """The one name of ``longer`` that is ``short`` with a place after it
    ("Sở Y tế" -> "Sở Y tế Hà Nội"), or ``short`` when none or several."""
    found = {
        name
        for name in longer
        if name.startswith(short + " ")
        and (is_place(rest := name[len(short) + 1 :]) or _place_after_type(rest))
    }
    return found.pop() if len(found) == 1 else short


def _place_after_type(text: str) -> bool:
    words = text.split()
    for skip in (1, 2):
        if " ".join(words[:skip]).lower() in _PLACE_TYPES and is_place(" ".join(words[skip:])):
            return True
    return False


def entity_key(kind: EntityKind, surface: str) -> str:
    """What two ways of writing one entity share: case, tone-mark placement,
    abbreviated heads ("BV") and the forms of a place's name set aside."""
    rules = _rules()
    words = _plain(_words(surface))
    n = rules.head_phrases.match(words, 0)
    full = rules.heads.get(tuple(w.text for w in words[:n])) if n else ""
    out = full.split() if full else [w.text for w in words[:n]]
    # A place inside the name in its usual form ("Sở Y tế TP HCM").
    i = n
    while i < len(words):
        n = rules.place_phrases.match(words, i)
        if (
            kind is EntityKind.ORGANISATION
            and not n
            and (words[i].text.lower() in _PLACE_TYPES or _pair(words, i) in _PLACE_TYPES)
        ):
            skip = 2 if _pair(words, i) in _PLACE_TYPES else 1
            if rules.place_phrases.match(words, i + skip) == len(words) - i - skip:
                i += skip  # "Sở Y tế tỉnh Kon Tum" is "Sở Y tế Kon Tum"
                continue
        if n and (n > 1 or kind is not EntityKind.PERSON):
            out += rules.places[tuple(w.text for w in words[i : i + n])].split()
            i += n
        else:
            out.append(words[i].text)
            i += 1
    text = unicodedata.normalize("NFD", " ".join(out).casefold())
    text = _NEW_STYLE.sub(r"\1\3\2", text)
    key = unicodedata.normalize("NFC", text)
    if kind is EntityKind.PERSON and all(w.isascii() for w in out) and len(out) > 1:
        key = " ".join(sorted(key.split()))  # "Eric Soulier" and "Soulier Eric"
    return f"{kind.name[0]}:{key}"


def _texts(article: Article) -> Iterable[tuple[Position, str]]:
    yield TITLE, article.title
    if article.lede:
        yield LEDE, article.lede
    for s, section in enumerate(article.sections):
        if section.heading:
            # Indexed with the section's first paragraph (or the chapter).
            yield ((s, 0) if section.paragraphs else TITLE), section.heading
        for p, paragraph in enumerate(section.paragraphs):
            yield (s, p), paragraph.text


def article_mentions(article: Article, abbreviations: Mapping[str, str] | None = None) -> list[Mention]:
    """Every mention in the article's title, lede and body, in order.

    A person named by part of the name ("ông Thượng", "bà Anh") is the person
    of the article whose full name ends that way; with none, the mention is
    dropped (a given name alone says too little).
    """
    raw = [
        (position, kind, surface, role)
        for position, text in _texts(article)
        for kind, surface, role in find_mentions(text, abbreviations)
    ]
    abbreviations = abbreviations or {}
    # Full names by their last word ("Thượng" -> {"Tăng Chí Thượng"}).
    by_last: dict[str, set[str]] = {}
    for _, kind, surface, _ in raw:
        if kind is EntityKind.PERSON and " " in surface:
            by_last.setdefault(surface.rsplit(" ", 1)[1], set()).add(surface)
    # A body named once with its place, elsewhere without it, is one body
    # ("Sở Y tế Hà Nội" ... "Sở Y tế").
    bodies = {surface for _, kind, surface, _ in raw if kind is EntityKind.ORGANISATION}
    mentions = []
    for position, kind, surface, role in raw:
        if kind is EntityKind.PERSON and " " not in surface:
            full = by_last.get(surface, set())
            if len(full) != 1:
                continue
            (surface,) = full
        named = _with_place(surface, bodies) if kind is EntityKind.ORGANISATION else surface
        key = entity_key(kind, abbreviations.get(named, named))
        mentions.append(Mention(kind, surface, key, position, role))
    return mentions


@dataclass(frozen=True, slots=True)
class Register:
    """The book's entities and the index entries of each chapter."""

    entities: tuple[Entity, ...]
    """In Vietnamese alphabetical order."""
    entries: dict[str, dict[Position, tuple[str, ...]]]
    """Chapter slug to the entity names of each of its texts (for the index)."""

    def by_kind(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities if e.kind is kind]


def _anchor(article: Article, labels: Sequence[str | None], position: Position) -> str:
    section = position[0]
    if section >= 0 and labels[section] is not None:
        return labels[section] or chapter_label(article)
    return chapter_label(article)


def build_register(
    articles: Sequence[Article], mentions: dict[str, Sequence[Mention]] | None = None
) -> Register:
    """Join the mentions of every chapter into the book's entities."""
    if mentions is None:
        mentions = {a.slug: article_mentions(a) for a in articles}
    forms: dict[str, Counter[str]] = {}
    kinds: dict[str, EntityKind] = {}
    roles: dict[str, dict[tuple[str, str], None]] = {}
    used: dict[str, dict[str, None]] = {}
    places: dict[str, dict[str, None]] = {}
    for article in articles:
        labels = section_labels(article)
        for m in mentions.get(article.slug, ()):
            forms.setdefault(m.key, Counter())[m.surface] += 1
            kinds[m.key] = m.kind
            used.setdefault(m.key, {})[article.slug] = None
            places.setdefault(m.key, {})[_anchor(article, labels, m.position)] = None
            if m.role:
                roles.setdefault(m.key, {})[(m.role, article.slug)] = None
    names: dict[str, str] = {}
    entities = []
    for key, counts in forms.items():
        # The form the book uses most; on a tie the longest, then the first.
        order = {form: i for i, form in enumerate(counts)}
        name = max(counts, key=lambda f: (counts[f], len(f), -order[f]))
        names[key] = name
        entities.append(
            Entity(
                kinds[key],
                name,
                key,
                tuple(f for f in counts if f != name),
                tuple(roles.get(key, {})),
                tuple(used[key]),
                tuple(places[key]),
            )
        )
    entities.sort(key=lambda e: (sort_key(e.name), e.kind.name))
    entries: dict[str, dict[Position, tuple[str, ...]]] = {}
    for article in articles:
        at: dict[Position, dict[str, None]] = {}
        for m in mentions.get(article.slug, ()):
            at.setdefault(m.position, {})[names[m.key]] = None
        entries[article.slug] = {position: tuple(found) for position, found in at.items()}
    return Register(tuple(entities), entries)
