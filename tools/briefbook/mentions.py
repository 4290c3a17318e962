"""Find the people, organisations and places named in one text.

Rules over words, in the way Vietnamese press writes names: a person comes
after a title or a role ("PGS-TS Tăng Chí Thượng", "Thứ trưởng Bộ Y tế Trần
Văn Thuấn", "ông Thượng"), with an age after the name ("Didier Montalvo, 6
tuổi"), or is a run of capitalised syllables opening with a surname (not in a
street's or a ward's name); an organisation opens with a capitalised head
("Bộ", "Sở", "Bệnh viện", "BV", "Công an"...) and goes on while its words are
capitalised or finish a compound word, up to a verb or a list dash; a place is
in the gazetteer (:mod:`briefbook.gazetteer`).

:class:`MentionFinder` has one method per pattern, each returning the
:class:`Found` matches at a word (or none); :func:`find_mentions` runs them
over a text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from briefbook.gazetteer import is_name_syllable, plain
from briefbook.records import EntityKind
from briefbook.scan import Scan

__all__ = ["Found", "MentionFinder", "Named", "find_mentions", "find_names"]

# Heads of a diplomatic mission, named with the country they are in.
_MISSIONS = frozenset({("Đại", "sứ", "quán"), ("Lãnh", "sự", "quán"), ("Tổng", "Lãnh", "sự", "quán")})

# Words that introduce a person's name ("có tên Neil Bulstrode").
_NAMED_AS = frozenset({("có", "tên"), ("tên", "là"), ("tên", "thật")})

# The first words of the roles of a minister ("Bộ trưởng", "Thứ trưởng").
_MINISTERS = frozenset({"Bộ", "Thứ", "Quyền"})

# Heads of government that a field in lower case names ("Sở công thương").
_GOVERNMENT = frozenset({"Bộ", "Sở", "Ban", "Phòng", "Vụ", "Cục", "Ủy ban", "Uỷ ban"})

# Words after a function that start the rest of the sentence.
# A person's age or year of birth after the name: "Didier Montalvo, 6 tuổi",
# "Ngô Đức Giang (43 tuổi", "Đặng Văn Trung (SN 1980".
_AGE = re.compile(r"\s*[,(]\s*(?:\d{1,3}\s+tuổi|SN\s*\d{4})")

_CLAUSE_ENDS = frozenset(
    {"cho", "nói", "cũng", "đã", "đang", "sẽ", "khẳng", "nhấn", "chia", "phát", "nhận", "là"}
)


# Words before "Hồ Chí Minh" that make it the president, not the city
# ("tư tưởng Hồ Chí Minh", "tấm gương đạo đức Hồ Chí Minh", "Chủ tịch Hồ Chí Minh").
_PRESIDENT = frozenset({"tưởng", "đức", "gương", "tịch", "bác", "lăng"})


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


def _matched(*found: Found) -> Matched | None:
    return Matched(found, found[-1].end) if found else None


class MentionFinder(Scan):
    """One pass over one text's words: at each word, the first pattern that
    matches there gives its :class:`Found` matches, and the pass goes on
    after them."""

    def body(self, i: int) -> Matched | None:
        return _matched(*self.organisation(i))

    def organisation(self, i: int, role_start: int | None = None) -> list[Found]:
        """An organisation at ``i`` ("Sở Y tế TP.HCM"); a person's name right
        after it is split off ("Bộ Y tế Trần Văn Thuấn"; ``role_start`` is
        where the role before it begins); a list member that shares the head
        is one more ("Bệnh viện Thanh Nhàn và Phụ sản Hà Nội")."""
        n = self.rules.standalone.match(self.words, i)
        if n:
            return [Found(EntityKind.ORGANISATION, i, i + n)]
        head = self.head(i)
        if not head or not self.words[i].capital:
            return []
        name = self.org_name(i + head, any(w.capital for w in self.words[i + 1 : i + head]))
        if name == 1 and self.words[i].text == "Trường" and head == 1 and not self.school(i + 1):
            return []  # "Trường Sa", "Trường Chinh", "Trường An": a name, no school
        if not name:
            name = self.field_name(i, head)
        if not name:
            return []
        end = i + head + name
        mission = tuple(w.text for w in self.words[i : i + head]) in _MISSIONS
        if mission and self.joined(end) and self.words[end].text == "tại":
            # "Đại sứ quán Pháp tại Việt Nam": the country it is in belongs to it.
            place = self.place(end + 1) if self.joined(end + 1) else 0
            end += 1 + place if place else 0
        person = self.trailing_person(i + head, end)
        if person == end and role_start is not None:
            person = self.name_after_place(i + head, end)
        if i + head < person < end and not self.kinds_only(i + head, person):
            role = self.span(i if role_start is None else role_start, person)
            return [Found(EntityKind.ORGANISATION, i, person), Found(EntityKind.PERSON, person, end, role)]
        shared = self.shared_head(i, head, end)
        if shared:
            full = f"{self.span(i, i + head)} {self.span(shared + 1, end)}"
            return [
                Found(EntityKind.ORGANISATION, i, shared),
                Found(EntityKind.ORGANISATION, shared + 1, end, full=full),
            ]
        return [Found(EntityKind.ORGANISATION, i, end)]

    def ministry(self, i: int, j: int) -> list[Found]:
        """The ministry a minister's role names by its field alone: "Bộ
        trưởng Kế hoạch và Đầu tư", "Thứ trưởng Y tế"."""
        if self.words[i].text not in _MINISTERS or not self.words[j].capital:
            return []
        n = self.rules.fields.match(plain([w.lower for w in self.words[j : j + 8]]), 0)
        if not n or not all(self.joined(k) for k in range(j, j + n)):
            return []
        n += self.place(j + n) if self.joined(j + n) else 0  # "Bộ trưởng Ngoại giao Nga"
        return [Found(EntityKind.ORGANISATION, j, j + n)]

    def after_abbreviation(self, j: int) -> int:
        """The word after "(ABBR)" that follows a body's name at ``j`` (0 if none)."""
        words = self.words
        short = words[j].text if j + 1 < len(words) else ""
        if not (short in self.abbreviations or (short.isupper() and 2 <= len(short) <= 10)):
            return 0
        before = self.text[words[j - 1].end : words[j].start].strip()
        after = self.text[words[j].end : words[j + 1].start].strip()
        return j + 1 if (before, after) == ("(", ")") else 0

    def name_after_place(self, start: int, end: int) -> int:
        """Where a name in any language after a place begins in a role's body
        ("Bộ trưởng Bộ Quốc phòng Israel Moshe Yaalon"), or ``end``."""
        for k in range(start, end - 2):
            n = self.place(k)
            if n and end - (k + n) >= 2 and self.any_name(k + n) == end - (k + n) and not self.place(k + n):
                return k + n
        return end

    def school(self, j: int) -> bool:
        """Whether word ``j`` after "Trường" says a school's kind or is an abbreviation ("THPT")."""
        return bool(self.rules.kinds.match(self.words, j)) or self.words[j].text.isupper()

    def field_name(self, i: int, head: int) -> int:
        """The words after a head of government ("Bộ", "Sở", "Ban", "Phòng",
        "Vụ", "Ủy ban") that are a field in lower case, with the place after
        it: "Sở công thương", "Ban tuyên giáo Thành ủy", "Bộ y tế"; 0 if none."""
        j = i + head
        if head != 1 or self.words[i].text not in _GOVERNMENT or not self.joined(j):
            return 0
        n = self.rules.fields.match(self.words, j)
        if not n:
            return 0
        place = self.place(j + n) if self.joined(j + n) else 0
        return n + place

    def shared_head(self, i: int, head: int, end: int) -> int:
        """Where "và" joins two names under one head in words ``i:end``: a
        proper name, then a speciality ("Bệnh viện Thanh Nhàn và Phụ sản Hà
        Nội"); 0 if it does not."""
        for k in range(i + head + 1, end - 1):
            if self.words[k].text != "và":
                continue
            after = f"{self.words[k + 1].lower} {self.words[k + 2].lower}" if k + 2 < end else ""
            before = " ".join(w.lower for w in self.words[i + head : k])
            if (
                self.words[k + 1].capital
                and after in self.rules.specialties
                and before not in self.rules.specialties
            ):
                return k
        return 0

    def head_list(self, i: int) -> Matched | None:
        """A plural head shared by the list after it: "các BV: Chợ Rẫy, Nhân
        dân 115 và Từ Dũ" names three hospitals."""
        words = self.words
        head = self.head(i)
        if not head or i == 0 or words[i - 1].lower != "các" or not words[i].capital:
            return None
        j = i + head
        if j >= len(words) or self.text[words[j - 1].end : words[j].start].strip() != ":":
            return None
        found = []
        while j < len(words) and words[j].capital:
            e = j + 1
            while (
                e < len(words)
                and self.joined(e)
                and (
                    words[e].capital
                    or words[e].text[0].isdigit()
                    or f"{words[e - 1].lower} {words[e].lower}" in self.rules.compounds  # "Nhân dân 115"
                )
            ):
                e += 1
            full = f"{self.span(i, i + head)} {self.span(j, e)}"
            found.append(Found(EntityKind.ORGANISATION, j, e, full=full))
            if e >= len(words):
                break
            gap = self.text[words[e - 1].end : words[e].start].strip()
            if gap == "," and not words[e].joined:
                j = e
            elif words[e].text == "và" and self.joined(e + 1):
                j = e + 1
            else:
                break
        return _matched(*found) if len(found) >= 2 else None

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
                return _matched(*found)
            j = found[-1].end if found else j + self.place(j)
            after = self.after_abbreviation(j) if found else 0
            if after:  # "Chủ tịch Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) Hiroyuki Ishige"
                name = self.any_name(after)
                if name >= 2 and not self.place(after):
                    found.append(Found(EntityKind.PERSON, after, after + name, self.span(i, j)))
                    return _matched(*found)
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
        return Matched(tuple(found), max(j, i + 1))  # a role with no name: passed over

    def titled_person(self, i: int) -> Matched | None:
        """A person after titles or an honorific: "PGS-TS Tăng Chí Thượng",
        "ông Thượng", "Bé gái Connie Lloyd"."""
        titles = self.title_chain(i)
        if not titles or not self.joined(i + titles):
            return None
        j = i + titles
        name = self.person_name(j)
        if name and self.place(j) != name:
            return _matched(Found(EntityKind.PERSON, j, j + name, self.span(i, j)))
        k = self.described(j)
        if k:
            return _matched(Found(EntityKind.PERSON, k, k + self.person_name(k), self.span(i, k)))
        return None

    def long_form(self, i: int) -> Matched | None:
        """The long form of an organisation's abbreviation, where no head
        opens it ("Kiểm toán Nhà nước" of KTNN)."""
        n = self.long_forms.match(self.words, i)
        return _matched(Found(EntityKind.ORGANISATION, i, i + n)) if n >= 2 else None

    def abbreviation(self, i: int) -> Matched | None:
        """An abbreviation the glossary gives for an organisation ("WHO")."""
        return (
            _matched(Found(EntityKind.ORGANISATION, i, i + 1))
            if self.words[i].text in self.abbreviations
            else None
        )

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
            return _matched(Found(EntityKind.PERSON, i, i + n))  # "tấm gương đạo đức Hồ Chí Minh"
        return _matched(Found(EntityKind.PLACE, i, i + n)) if n else None

    def english_body(self, i: int) -> Matched | None:
        n = self.english_organisation(i)
        return _matched(Found(EntityKind.ORGANISATION, i, i + n)) if n else None

    def street_name(self, i: int) -> Matched | None:
        """A street or a ward named after a person: "phường Nguyễn Cư Trinh",
        "các ngả đường như Lê Lợi, Nguyễn Huệ"."""
        if not self.words[i].capital or not self.street(i):
            return None
        n = self.person_name(i, 4) or self.place(i)
        if n and self.span(i, i + n) == "Hồ Chí Minh" and i > 0 and self.words[i - 1].lower in _PRESIDENT:
            return _matched(Found(EntityKind.PERSON, i, i + n))  # "tấm gương đạo đức Hồ Chí Minh"
        return _matched(Found(EntityKind.PLACE, i, i + n)) if n else None

    def aged_person(self, i: int) -> Matched | None:
        """A name with an age or a year of birth after it: "Didier
        Montalvo, 6 tuổi", "Đặng Văn Trung (SN 1980"."""
        n = self.person_name(i, 4) if self.words[i].capital and not self.head(i) else 0
        if n >= 2 and _AGE.match(self.text, self.words[i + n - 1].end):
            return _matched(Found(EntityKind.PERSON, i, i + n))
        return None

    def surname_run(self, i: int) -> Matched | None:
        """Two to four capitalised syllables opening with a surname; a
        district's name is the place ("Hà Đông", "Cao Lãnh")."""
        if self.words[i].text not in self.rules.surnames:
            return None
        n = self.person_name(i, 4)
        if n >= 2 and tuple(w.text for w in self.words[i : i + n]) in self.rules.districts:
            return _matched(Found(EntityKind.PLACE, i, i + n))
        return _matched(Found(EntityKind.PERSON, i, i + n)) if n >= 2 else None

    def name_then_role(self, i: int) -> Matched | None:
        """A name followed by the person's function after a comma or a dash,
        whatever the name's language: "Howard Archer, Giám đốc ...",
        "Pam Christie - Tổng Giám đốc"."""
        words = self.words
        if self.head(i) or self.role(i) or self.place(i):
            return None
        n = self.any_name(i)
        end = i + n
        if n < 2 or end >= len(words) or self.place(end - 1) or self.street(i):
            return None
        gap = self.text[words[end - 1].end : words[end].start].strip()
        if gap in {",", "-", "–"} and self.role(end) and words[end].capital and self.role_after(end):
            # (not "dự án Đàn Xã Tắc, Bí thư Thành ủy Hà Nội Phạm Quang Nghị")
            return _matched(Found(EntityKind.PERSON, i, end))
        return None

    def named_as(self, i: int) -> Matched | None:
        """A name the text introduces as one: "bác sỹ ... có tên Neil
        Bulstrode", "tên là ..."."""
        words = self.words
        if i < 2 or not self.joined(i) or (words[i - 2].lower, words[i - 1].lower) not in _NAMED_AS:
            return None
        n = self.any_name(i)
        person = any(
            self.role(k) or words[k].text in self.rules.honorifics for k in range(max(0, i - 10), i - 2)
        )
        if n >= 2 and person and not self.place(i) and not self.street(i):
            return _matched(Found(EntityKind.PERSON, i, i + n))
        return None  # (not a disease "có tên Congenital Melanocytic Nevus")

    def foreign_speaker(self, i: int) -> Matched | None:
        """Two to four capitalised words of a foreign name (no Vietnamese
        letter, no surname of the list) that a verb of saying follows:
        "Brad Pitt cho rằng", "Angelina Jolie cho biết"."""
        words = self.words
        before = words[i - 1] if i > 0 and self.joined(i) else None
        if before and is_name_syllable(before) and before.text.isascii() and not self.place(i - 1):
            return None  # inside a longer name ("Nguyen Thi Song Van")
        n = 0
        while n < self.any_name(i) and words[i + n].text.isascii() and not self.place(i + n):
            n += 1
        end = i + n
        if n < 2 or words[i].text in self.rules.surnames or not self.joined(end):
            return None
        if self.rules.speech.match(words, end):
            return _matched(Found(EntityKind.PERSON, i, end))
        return None

    def read(self) -> list[Found]:
        """Every match of the text, in order; a person's role made whole."""
        patterns = (
            self.role_and_name,
            self.head_list,
            self.body,
            self.titled_person,
            self.long_form,
            self.abbreviation,
            self.known_place,
            self.english_body,
            self.street_name,
            self.aged_person,
            self.name_then_role,
            self.named_as,
            self.surname_run,
            self.foreign_speaker,
        )
        words, starters = self.words, self.rules.lower_starters
        found: list[Found] = []
        i = 0
        while i < len(words):
            if not words[i].text[0].isupper() and words[i].text not in starters:
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
            for m in found
        ]

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


@dataclass(frozen=True, slots=True)
class Named:
    """An entity named in a text, as written."""

    kind: EntityKind
    surface: str
    role: str = ""
    full: str = ""
    """The name in full when the text shares part of it with another."""


def find_names(text: str, abbreviations: Mapping[str, str] | None = None) -> list[Named]:
    """Each entity named in ``text``, in order (see :func:`find_mentions`)."""
    finder = MentionFinder(text, abbreviations or {})
    return [Named(m.kind, finder.span(m.first, m.end), m.role, m.full) for m in finder.read()]


def find_mentions(
    text: str, abbreviations: Mapping[str, str] | None = None
) -> list[tuple[EntityKind, str, str]]:
    """``(kind, name as written, role)`` of each entity named in ``text``, in order.

    ``abbreviations`` maps the abbreviations that stand for an organisation
    ("WHO", "FFI") to their long form (see :func:`organisation_abbreviations`).
    """
    return [(n.kind, n.surface, n.role) for n in find_names(text, abbreviations)]
