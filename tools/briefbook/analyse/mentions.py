"""Find the people, organisations and places named in one text.

Rules over words, in the way Vietnamese press writes names: a person comes
after a title or a role ("PGS-TS Tăng Chí Thượng", "Thứ trưởng Bộ Y tế Trần
Văn Thuấn", "ông Thượng"), with an age after the name ("Didier Montalvo, 6
tuổi"), or is a run of capitalised syllables opening with a surname (not in a
street's or a ward's name); an organisation opens with a capitalised head
("Bộ", "Sở", "Bệnh viện", "BV", "Công an"...) and goes on while its words are
capitalised or finish a compound word, up to a verb or a list dash
(:mod:`briefbook.bodies`); a name in any language comes before ", <its
function>" or a verb of saying; a place is in the gazetteer
(:mod:`briefbook.gazetteer`).

:class:`MentionFinder` has one method per pattern, each returning the
:class:`Found` matches at a word (or none); :func:`find_mentions` runs them
over a text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from briefbook.analyse.bodies import LOWER_HEADS, Found, Matched, matched
from briefbook.analyse.namesigns import SignFinder
from briefbook.core.gazetteer import is_name_syllable
from briefbook.core.records import EntityKind

__all__ = ["Found", "MentionFinder", "Named", "find_mentions", "find_names"]


# Words that introduce a person's name ("có tên Neil Bulstrode").
_NAMED_AS = frozenset({("có", "tên"), ("tên", "là"), ("tên", "thật"), ("ông", "tên"), ("bà", "tên")})

# A person's age or year of birth after the name: "Didier Montalvo, 6 tuổi",
# "Ngô Đức Giang (43 tuổi", "Đặng Văn Trung (SN 1980".
_AGE = re.compile(r"\s*[,(]\s*(?:\d{1,3}\s+tuổi|SN\s*\d{4})")

# Words after a function that start the rest of the sentence.
_CLAUSE_ENDS = frozenset(
    {"cho", "nói", "cũng", "đã", "đang", "sẽ", "khẳng", "nhấn", "chia", "phát", "nhận", "là"}
)


# What an apposition after a person's name says they are: "Christof Heyns,
# một chuyên gia về nhân quyền", "Warren Buffett, một nhà đầu tư tài ba".
_APPOSITIVES = frozenset(
    {("nhà",), ("người",), ("chuyên", "gia"), ("giáo", "sư"), ("tiến", "sĩ"), ("bác", "sĩ")}
)
_APPOSITIVES |= {("cây", "viết"), ("phóng", "viên"), ("sinh", "viên"), ("kỹ", "sư"), ("luật", "sư")}
_APPOSITIVES |= {("cựu",), ("nữ",), ("thành", "viên")}

_ADDRESS_AFTER = re.compile(
    r"\s*,\s*(?:Q\.|P\.|TX\.|TP\.|quận|phường|huyện|xã|thị xã|thị trấn)\s*[A-ZĐ0-9\u00c0-\u1ef9]"
)
"""A district or a ward after a name and a comma: the name is a street's
("ở Tạ Quang Bửu, Q.Hai Bà Trưng")."""
_ADDRESS_BEFORE = frozenset({"ở", "tại", "ngụ", "trú"})

# Words before "Hồ Chí Minh" that make it the president, not the city
# ("tư tưởng Hồ Chí Minh", "tấm gương đạo đức Hồ Chí Minh", "Chủ tịch Hồ Chí Minh").
_PRESIDENT = frozenset({"tưởng", "đức", "gương", "tịch", "bác", "lăng"})


class MentionFinder(SignFinder):
    """One pass over one text's words: at each word, the first pattern that
    matches there gives its :class:`Found` matches, and the pass goes on
    after them."""

    def role_and_name(self, i: int) -> Matched | None:
        """A role, then maybe the organisation it belongs to, then the name:
        "Thứ trưởng Bộ Y tế Trần Văn Thuấn", "Bác sĩ phẫu thuật Lou
        Zhongquan"; the role alone matches nothing but is passed over."""
        role = self.role(i)
        if not role or self.head(i) > role:
            return None  # "Đại sứ quán", not the role "Đại sứ"
        j = i + role
        found: list[Found] = []
        if self.joined(j):
            found = self.organisation(j, i) or self.ministry(i, j)
            if found and found[-1].kind is EntityKind.PERSON:
                return matched(*found)
            j = found[-1].end if found else j + self.place(j)
            posted = j if found else self.posted_at(j)
            if posted > j:  # "Đại sứ Anh tại Việt Nam Gareth Ward": a name in any language
                return matched(
                    Found(EntityKind.PERSON, posted, posted + self.any_name(posted), self.span(i, posted))
                )
            after = self.after_abbreviation(j) if found else 0
            if after:  # "Chủ tịch Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) Hiroyuki Ishige"
                name = self.any_name(after)
                if name >= 2 and not self.place(after):
                    if self.words[j].text in self.abbreviations:  # the "(JETRO)" itself
                        found.append(Found(EntityKind.ORGANISATION, j, j + 1))
                    found.append(Found(EntityKind.PERSON, after, after + name, self.span(i, j)))
                    return matched(*found)
            titles = self.title_chain(j) if self.joined(j) else 0
            j += titles
            if self.joined(j):
                name = self.person_name(j)
                k = 0 if name or titles else self.described(j)
                if k:
                    found.append(Found(EntityKind.PERSON, k, k + self.person_name(k), self.span(i, k)))
                elif name and not self.head(j):
                    role_text = self.span(i, j - titles) if j > i else ""
                    found.append(Found(EntityKind.PERSON, j, j + name, role_text))
        # (a role with no name: passed over)
        return Matched(tuple(found), max(j, i + 1, found[-1].end if found else 0))

    def titled_person(self, i: int) -> Matched | None:
        """A person after titles or an honorific: "PGS-TS Tăng Chí Thượng",
        "ông Thượng", "Bé gái Connie Lloyd"."""
        titles = self.title_chain(i)
        if not titles or not self.joined(i + titles):
            return None
        pair = f"{self.words[i - 1].lower} {self.words[i].lower}" if i > 0 else ""
        if self.joined(i) and pair in self.rules.compounds:
            return None  # the end of a word: "trẻ em", "bà con", not "em", "bà"
        j = i + titles
        name = self.person_name(j)
        if name and self.place(j) != name:
            return matched(Found(EntityKind.PERSON, j, j + name, self.span(i, j)))
        k = self.described(j)
        if k:
            return matched(Found(EntityKind.PERSON, k, k + self.person_name(k), self.span(i, k)))
        return None

    def abbreviation(self, i: int) -> Matched | None:
        """An abbreviation the glossary gives for an organisation ("WHO")."""
        known = self.words[i].text in self.abbreviations  # ("MTTQ Việt Nam": with its country)
        return matched(Found(EntityKind.ORGANISATION, i, i + 1 + self.country_after(i))) if known else None

    def known_place(self, i: int) -> Matched | None:
        """A place of the gazetteer; not a one-word country that is part of a
        person's name ("Đức Hùng") or of a common word ("Mỹ phẩm")."""
        n = self.place(i)
        if n == 1 and self.joined(i + 1):
            after = self.words[i + 1]
            if (
                after.capital
                and is_name_syllable(after)
                and not (self.place(i + 1) or self.head(i + 1) or self.role(i + 1))
                and after.text not in self.abbreviations
            ) or (not after.capital and f"{self.words[i].lower} {after.lower}" in self.rules.compounds):
                return None
        if n and self.span(i, i + n) == "Hồ Chí Minh" and i > 0 and self.words[i - 1].lower in _PRESIDENT:
            return matched(Found(EntityKind.PERSON, i, i + n))  # "tấm gương đạo đức Hồ Chí Minh"
        return matched(Found(EntityKind.PLACE, i, i + n)) if n else None

    def street_name(self, i: int) -> Matched | None:
        """A street or a ward named after a person: "phường Nguyễn Cư Trinh",
        "các ngả đường như Lê Lợi, Nguyễn Huệ"."""
        if not self.words[i].capital or not self.street(i):
            return None
        n = self.person_name(i, 4) or self.place(i)
        if n and self.span(i, i + n) == "Hồ Chí Minh" and i > 0 and self.words[i - 1].lower in _PRESIDENT:
            return matched(Found(EntityKind.PERSON, i, i + n))  # "tấm gương đạo đức Hồ Chí Minh"
        return matched(Found(EntityKind.PLACE, i, i + n)) if n else None

    def addressed_street(self, i: int) -> Matched | None:
        """A street in an address: a name after "ở", "ngụ" or a house's
        number, then a comma and its district or ward ("ở Tạ Quang Bửu,
        Q.Hai Bà Trưng", "số 12 Lê Lợi, phường Bến Nghé")."""
        if i == 0 or not self.words[i].capital or not self.joined(i):
            return None
        before = self.words[i - 1]
        if not (before.lower in _ADDRESS_BEFORE or before.text[:1].isdigit()):
            return None
        n = self.person_name(i, 4)
        if n >= 2 and _ADDRESS_AFTER.match(self.text, self.words[i + n - 1].end):
            return matched(Found(EntityKind.PLACE, i, i + n))
        return None

    def aged_person(self, i: int) -> Matched | None:
        """A name with an age or a year of birth after it: "Didier
        Montalvo, 6 tuổi", "Đặng Văn Trung (SN 1980"."""
        n = self.person_name(i, 4) if self.words[i].capital and not self.head(i) else 0
        if n >= 2 and _AGE.match(self.text, self.words[i + n - 1].end):
            return matched(Found(EntityKind.PERSON, i, i + n))
        return None

    def surname_run(self, i: int) -> Matched | None:
        """Two to four capitalised syllables opening with a surname; a
        district's name is the place ("Hà Đông", "Cao Lãnh")."""
        if self.words[i].text not in self.rules.surnames:
            return None
        n = self.person_name(i, 4)
        if n >= 2 and tuple(w.text for w in self.words[i : i + n]) in self.rules.districts:
            return matched(Found(EntityKind.PLACE, i, i + n))
        if n >= 3 and self.words[i].text == "Đoàn" and self.place(i + 1) == n - 1:
            return None  # "Đoàn Việt Nam", "Thành Đoàn Hà Nội": a delegation, a union, not a person
        return matched(Found(EntityKind.PERSON, i, i + n)) if n >= 2 else None

    def name_then_role(self, i: int) -> Matched | None:
        """A name followed by the person's function after a comma or a dash,
        whatever the name's language: "Howard Archer, Giám đốc ...",
        "Pam Christie - Tổng Giám đốc"."""
        words = self.words
        end = i + 1  # the capitalised run, cheaply, before the rules look at it
        while end < len(words) and end - i < 4 and words[end].joined and words[end].capital:
            end += 1
        if end - i < 2 or end >= len(words) or words[end].joined or not words[end].capital:
            return None
        if not self.role(end) or self.any_name(i) != end - i:
            return None
        gap = self.text[words[end - 1].end : words[end].start].strip()
        if (
            gap in {",", "-", "–"}
            and not (self.head(i) or self.role(i) or self.place(i) or self.place(end - 1) or self.street(i))
            and self.role_after(end)  # (not "dự án Đàn Xã Tắc, Bí thư Thành ủy Hà Nội Phạm Quang Nghị")
        ):
            return matched(Found(EntityKind.PERSON, i, end))
        return None

    def appositive(self, i: int) -> Matched | None:
        """A name in any language, then a comma and what the person is:
        "Christof Heyns, một chuyên gia về nhân quyền", "Jason Hall, một cây
        viết và biên tập viên", "Zha Daojiong, một giáo sư ..."."""
        words = self.words
        if not words[i].capital or self.head(i) or self.role(i) or self.place(i) or self.street(i):
            return None
        n = self.any_name(i)
        end = i + n
        if n < 2 or end + 2 >= len(words) or words[end].joined or self.gap(end) != ",":
            return None
        if words[end].text != "một" or not words[end + 1].joined:
            return None
        noun = tuple(w.lower for w in words[end + 1 : end + 3])
        if not (noun[:1] in _APPOSITIVES or noun in _APPOSITIVES):
            return None
        if any(self.place(k) or self.head(k) for k in range(i + 1, end)):
            return None  # (not "Bộ Y tế Hà Nội, một ...")
        start = i - 1 if self.initial_before(i - 1) else i
        return matched(Found(EntityKind.PERSON, start, end))

    def initial_before(self, k: int) -> bool:
        """Whether word ``k`` is a first name's initial glued to the name
        after it ("T. Harv Eker")."""
        return (
            k >= 0
            and self.joined(k + 1)
            and len(self.words[k].text) == 2
            and self.words[k].text[0].isupper()
            and self.words[k].text[1] == "."
        )

    def named_as(self, i: int) -> Matched | None:
        """A name the text introduces as one: "bác sỹ ... có tên Neil
        Bulstrode", "tên là ..."."""
        words = self.words
        if i < 2 or not self.joined(i) or (words[i - 2].lower, words[i - 1].lower) not in _NAMED_AS:
            return None
        n = self.any_name(i)
        person = any(
            self.role(k) or words[k].text in self.rules.honorifics for k in range(max(0, i - 10), i - 1)
        )  # ("đàn ông tên Steve Ludwin")
        if n >= 2 and person and not self.place(i) and not self.street(i):
            return matched(Found(EntityKind.PERSON, i, i + n))
        return None  # (not a disease "có tên Congenital Melanocytic Nevus")

    def foreign_speaker(self, i: int) -> Matched | None:
        """Two to four capitalised words of a foreign name (no Vietnamese
        letter, no surname of the list) that a verb of saying follows:
        "Brad Pitt cho rằng", "Angelina Jolie cho biết"."""
        words = self.words
        if not words[i].text.isascii() or not self.joined(i + 1) or not words[i + 1].capital:
            return None
        before = words[i - 1] if i > 0 and self.joined(i) else None
        if before and is_name_syllable(before) and before.text.isascii() and not self.place(i - 1):
            return None  # inside a longer name ("Nguyen Thi Song Van")
        n, longest = 0, self.any_name(i)
        while n < longest and words[i + n].text.isascii() and not self.place(i + n):
            n += 1
        end = i + n
        if n < 2 or words[i].text in self.rules.surnames or not self.joined(end):
            return None
        if self.rules.speech.match(words, end):
            return matched(Found(EntityKind.PERSON, i - 1 if self.initial_before(i - 1) else i, end))
        return None

    def read(self) -> list[Found]:
        """Every match of the text, in order; a person's role made whole."""
        patterns = (
            self.person_named_place,
            self.capitals_name,
            self.role_and_name,
            self.cited_outlet,
            self.head_list,
            self.body,
            self.titled_person,
            self.long_form,
            self.abbreviation,
            self.known_place,
            self.english_body,
            self.street_name,
            self.addressed_street,
            self.aged_person,
            self.name_then_role,
            self.appositive,
            self.name_then_lead,
            self.named_as,
            self.surname_run,
            self.foreign_speaker,
        )
        words, starters = self.words, self.rules.lower_starters
        found: list[Found] = []
        i = 0
        while i < len(words):
            if not words[i].text[0].isupper():
                lower = (
                    self.lower_body(i)
                    if words[i].text in LOWER_HEADS and i + 1 < len(words) and words[i + 1].joined
                    else None
                )
                if lower:  # "bệnh viện Việt Đức", "trường Mỏ", "chính phủ Pháp"
                    found += lower.found
                    i = lower.end
                    continue
                if words[i].text not in starters:
                    i += 1  # most words: lower case, and start no name
                    continue
            for pattern in patterns:
                matched = pattern(i)
                if matched:
                    found += matched.found
                    i = max(i + 1, matched.end)
                    break
            else:
                i += 1
        return [
            Found(m.kind, m.first, m.end, self.full_role(m.role, m.end), m.full)
            if m.kind is EntityKind.PERSON
            else m
            for m in self.named_again(found)
        ]

    def role_after(self, start: int) -> list[str]:
        """The function at ``start`` ("Giám đốc Sở Y tế TP.HCM"), to the end
        of its clause; nothing when it is another person's ("..., Bộ trưởng
        Bộ Công Thương Trần Tuấn Anh")."""
        j = start + self.role(start)
        if self.joined(j) and self.words[j].capital and self.head(j):
            head = self.head(j)
            org_end = self.company(j, head) or j + head + self.org_name(j + head)
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


@dataclass(frozen=True, slots=True)
class Named:
    """An entity named in a text, as written."""

    kind: EntityKind
    surface: str
    role: str = ""
    full: str = ""
    """The name in full when the text shares part of it with another."""


def find_names(
    text: str, abbreviations: Mapping[str, str] | None = None, again: frozenset[str] = frozenset()
) -> list[Named]:
    """Each entity named in ``text``, in order (see :func:`find_mentions`); ``again``: the one-word
    names of bodies the article gives with a head elsewhere ("VinBrain" of "Công ty VinBrain")."""
    finder = MentionFinder(text, abbreviations or {})
    finder.again = again
    return [Named(m.kind, finder.span(m.first, m.end), m.role, m.full) for m in finder.read()]


def find_mentions(
    text: str, abbreviations: Mapping[str, str] | None = None
) -> list[tuple[EntityKind, str, str]]:
    """``(kind, name as written, role)`` of each entity named in ``text``, in order.

    ``abbreviations`` maps the abbreviations that stand for an organisation
    ("WHO", "FFI") to their long form (see :func:`organisation_abbreviations`).
    """
    return [(n.kind, n.surface, n.role) for n in find_names(text, abbreviations)]
