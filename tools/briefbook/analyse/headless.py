"""Bodies named with no capitalised head of their own, for the patterns of
:mod:`briefbook.analyse.bodies`: after a head in lower case ("bệnh viện
Việt Đức", "chính phủ Pháp"), the long form of a body's abbreviation
("Kiểm toán Nhà nước" of KTNN), an English name ("World Bank"). And the
typed matches every pattern returns (:class:`Found`, :class:`Matched`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from briefbook.analyse.bodyclasses import QUANTIFIERS, BodyClasses
from briefbook.analyse.glossary import initials_match
from briefbook.core.gazetteer import Phrases, load_rules, tokens
from briefbook.core.records import EntityKind

__all__ = ["Found", "HeadlessBodies", "Matched", "matched"]

# Heads in lower case of makers and traders, whom a letter stands for in an example ("hãng A", "công ty B").
_MAKERS = frozenset({"hãng", "công", "tập"})

_NO_PHRASES = Phrases({})


@lru_cache(maxsize=16)
def _long_forms(abbreviations: frozenset[tuple[str, str]]) -> Phrases:
    """The long forms of the organisations' abbreviations, as phrases; not a
    byline the glossary took for one ("Phúc Hằng (TTXVN)")."""
    heads = load_rules().head_phrases
    return Phrases.of(
        tuple(w.text for w in tokens(f))
        for a, f in abbreviations
        if initials_match(a, f) or heads.match(tokens(f), 0)
    )


@dataclass(frozen=True, slots=True)
class Found:
    """One entity named in the text: words ``first:end``."""

    kind: EntityKind
    first: int
    end: int
    role: str = ""
    """The words before a person's name that say who they are ("Thứ trưởng Bộ Y tế")."""
    full: str = ""
    """The name in full when the text leaves part of it to a shared head
    ("Phụ sản Hà Nội" in "Bệnh viện Thanh Nhàn và Phụ sản Hà Nội")."""


@dataclass(frozen=True, slots=True)
class Matched:
    """What one pattern found at a word, and the word after it."""

    found: tuple[Found, ...]
    end: int


def matched(*found: Found) -> Matched | None:
    return Matched(found, found[-1].end) if found else None


class HeadlessBodies(BodyClasses):
    """The patterns of bodies with no capitalised head."""

    def __init__(self, text: str, abbreviations: Mapping[str, str]) -> None:
        super().__init__(text, abbreviations)
        # The long forms of the organisations' abbreviations ("Kiểm toán Nhà nước").
        self.long_forms = _long_forms(frozenset(abbreviations.items())) if abbreviations else _NO_PHRASES

    def lower_body(self, i: int) -> Matched | None:
        """A body named after a head in lower case: "bệnh viện Việt Đức",
        "trường Đại học Bách khoa Pháp", "chính phủ Pháp" (with a country;
        other heads not with a place alone: "trung tâm Hà Nội" is the city's
        centre); not a class ("các bệnh viện Hà Nội")."""
        words = self.words
        head = self.lower_head(i)
        j = i + head
        if (
            not head
            or not self.joined(j)
            or not words[j].capital
            or (i > 0 and words[i - 1].lower in QUANTIFIERS)
        ):
            return None
        if i > 0 and self.joined(i) and f"{words[i - 1].lower} {words[i].text}" in self.rules.compounds:
            return None  # the end of a word: "Thượng viện", "thông báo", "học viện"
        if self.rules.standalone.match(words, j):
            return None  # "báo Chính phủ": a verb, then the Government
        if i > 0 and self.joined(i) and words[i - 1].lower == "tàu":
            return None  # "tàu bệnh viện ... Mercy": a ship
        if (
            words[i].text in _MAKERS
            and len(words[j].text) == 1
            and not (self.joined(j + 1) and words[j + 1].capital)
        ):
            return None  # "hãng A sản xuất ra máy": a letter for any maker
        if (
            self.role(j)
            or self.head(j)
            or words[j].text in self.rules.openers
            or self.english_organisation(j)
        ):
            return None  # (the body's own head follows: "trường Đại học ...", "trường Macalester College")
        if words[j].text.isupper() and words[i].text not in {"báo", "tập", "công", "ngân", "hãng", "đài"}:
            return None  # "quỹ KCB", "trung tâm TDTT": a kind, not a name
        name = self.org_name(j)
        place = self.place(j)
        if not name or (place == name and words[i].text != "chính"):
            return None
        if words[i].text == "chính" and place != name:
            return None  # "chính phủ Pháp", not "chính phủ Nguyễn Tấn Dũng"
        if words[i].text == "khoa":
            name += self.unit_tail(j + name)  # "khoa Nội tổng hợp", "khoa Hồi sức tích cực chống độc"
        person = self.trailing_person(j, j + name)
        if person >= j + name and self.of_places(j + name):
            return Matched((), j + name)  # "bệnh viện Covid-19 cấp tỉnh": a class
        return matched(Found(EntityKind.ORGANISATION, i, person if person > j else j + name))

    def long_form(self, i: int) -> Matched | None:
        """The long form of an organisation's abbreviation, where no head
        opens it ("Kiểm toán Nhà nước" of KTNN)."""
        n = self.long_forms.match(self.words, i)
        return matched(Found(EntityKind.ORGANISATION, i, i + n)) if n >= 2 else None

    def english_body(self, i: int) -> Matched | None:
        n = self.english_organisation(i)
        return matched(Found(EntityKind.ORGANISATION, i, i + n)) if n else None
