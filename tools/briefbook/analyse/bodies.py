"""The organisations of a text: the patterns of the mention finder
(:mod:`briefbook.mentions`) that find a body's name and where it ends.

An organisation opens with a capitalised head ("Bộ", "Sở", "Bệnh viện",
"BV", "Công an"...) and goes on while its words are capitalised or finish a
compound word, up to a verb, a place, a list dash or a person's name
(:meth:`Scan.org_name`); a head of government names a body with its field
in lower case ("Sở công thương"), a minister's role with its field alone
("Bộ trưởng Y tế"). A head shared by a list: :mod:`briefbook.headlists`.
"""

from __future__ import annotations

from briefbook.analyse.bodywords import LOWER_HEADS
from briefbook.analyse.headless import Found, HeadlessBodies, Matched, matched
from briefbook.analyse.scan import PLACE_WORDS
from briefbook.core.gazetteer import plain
from briefbook.core.records import EntityKind

__all__ = ["LOWER_HEADS", "BodyFinder", "Found", "Matched", "matched"]

# The Party's committees of a province, a city, a district, named alone ("Thành ủy").
_COMMITTEES = frozenset({"Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy", "Thị ủy"})

# Heads of a diplomatic mission, named with the country they are in.
_MISSIONS = frozenset(
    {
        ("Đại", "sứ", "quán"),
        ("Lãnh", "sự", "quán"),
        ("Tổng", "Lãnh", "sự", "quán"),
        ("Tổng", "lãnh", "sự", "quán"),
    }
)

# A nation's forces, named with the nation ("Hải quân Hoa Kỳ"), not with what is theirs.
_FORCES = frozenset({"Hải quân"})

# The bodies of a nation that its name may follow ("Chính phủ Nhật Bản").
_NATIONAL = frozenset({"Chính phủ", "Quốc hội"})

# The first words of the roles of a minister ("Bộ trưởng", "Thứ trưởng").
_MINISTERS = frozenset({"Bộ", "Thứ", "Quyền"})

# Heads of the bodies a unit's name may end with ("Thanh tra Sở Y tế"); of a
# project, which the body named after it is ("Dự án Bệnh viện ...").
_PARENTS = frozenset({"Bộ", "Sở", "Cục", "UBND", "HĐND", "TAND", "VKSND"})
_PROJECTS = frozenset({"Dự án", "Đề án"})

# Heads of government that a field in lower case names ("Sở công thương").
_GOVERNMENT = frozenset({"Bộ", "Sở", "Ban", "Phòng", "Vụ", "Cục", "Ủy ban", "Uỷ ban"})


class BodyFinder(HeadlessBodies):
    """The organisation patterns, each returning :class:`Found` matches."""

    def body(self, i: int) -> Matched | None:
        found = self.organisation(i)
        if found and (self.of_places(found[-1].end) or self.counted(i, len(found), found[-1].end)):
            return Matched((), found[-1].end)  # "Sở Y tế các tỉnh, thành phố": a class, passed over
        return matched(*found)

    def organisation(self, i: int, role_start: int | None = None) -> list[Found]:
        """An organisation at ``i`` ("Sở Y tế TP.HCM"); a person's name right
        after it is split off ("Bộ Y tế Trần Văn Thuấn"; ``role_start`` is
        where the role before it begins); a list member that shares the head
        is one more ("Bệnh viện Thanh Nhàn và Phụ sản Hà Nội")."""
        if self.joined(i + 2) and self.span(i, i + 2) == "Thường trực" and not self.role_before(i):
            inner = self.organisation(i + 2, role_start)  # "Thường trực Thành ủy", "Thường trực HĐND TP"
            return (
                [Found(EntityKind.ORGANISATION, i, inner[0].end)] if inner and inner[0].first == i + 2 else []
            )
        n = self.rules.standalone.match(self.words, i)
        if n and not self.named_on(i, n) and self.span(i, i + n) in _COMMITTEES and self.role_before(i):
            return []  # "Bí thư Tỉnh ủy, Thành ủy ... các tỉnh": a role's, each province's committee
        if n and not self.named_on(i, n):
            # A country's government or parliament: "Chính phủ Nhật Bản", "Quốc hội Mỹ"; "Chính phủ Việt
            # Nam" is the "Chính phủ" of the press (one key, see entity_key).
            place = self.place(i + n) if self.joined(i + n) and self.span(i, i + n) in _NATIONAL else 0
            n += place
            return [Found(EntityKind.ORGANISATION, i, i + n)]
        head = self.head(i)
        if not head or not self.words[i].capital:
            return []
        if self.span(i, i + head) in _PROJECTS and self.joined(i + head) and self.head(i + head):
            return self.organisation(i + head, role_start)  # "Dự án Bệnh viện Đa khoa tỉnh": the hospital
        if self.opens_word(i) and not (
            self.rules.kinds.match(self.words, i + 1) or self.rules.fields.match(self.words, i + 1)
        ):
            return []  # a word the head opens: "Hội chứng", "Hội nghị", "Báo cáo", "Vụ việc", "Bộ luật"
        if self.place(i) > head:
            return []  # a place a head word opens: "Đài Loan"
        company = self.company(i, head)
        if company:
            return [Found(EntityKind.ORGANISATION, i, company)]
        name = self.org_name(i + head, any(w.capital for w in self.words[i + 1 : i + head]))
        if name:
            name = max(name, self.dictionary_name(i + head))  # "Cục Quản lý dược", not "Cục Quản lý"
            name = max(name, self.field_with_commas(i, head))  # "Bộ Văn hóa, Thể thao và Du lịch"
        if name == 1 and self.words[i].text == "Trường" and head == 1 and not self.school(i + 1):
            return []  # "Trường Sa", "Trường Chinh", "Trường An": a name, no school
        field = 0
        if not name:
            name = field = self.field_name(i, head)
        if not name and self.joined(i + head) and not self.words[i + head].capital:
            # Its kind in lower case, then the body it belongs to: "Bệnh viện quân y Quân khu 9".
            name = field = self.rules.kinds.match(self.words, i + head)
            after = i + head + name
            name = name if self.joined(after) and self.words[after].capital and self.head(after) else 0
        if not name:
            name = self.sentence_case(i + head, role_start is not None)
        if not name and self.joined(i + head):
            name = self.rules.inside.match(self.words, i + head)  # "Trung tâm khu vực về ..."
            name = name and self.before_parenthesis(i, i + head + name) and name
        if not name:
            return []
        name += self.before_parenthesis(i, i + head + name) or self.about_parent(i + head, i + head + name)
        end = i + head + name
        if field and self.joined(end) and self.words[end].capital and self.head(end):
            parent = self.organisation(end)  # "Ban tuyên giáo Thành ủy Hà Nội": the body it belongs to
            if parent and parent[0].kind is EntityKind.ORGANISATION and parent[0].first == end:
                return [Found(EntityKind.ORGANISATION, i, parent[0].end), *parent]
        place = self.place(i + head) if self.span(i, i + head) in _FORCES else 0
        if place and i + head + place < end and self.words[i + head + place].capital:
            end = i + head + place  # "Hải quân Hoa Kỳ Mercy": the navy, then its ship
        mission = tuple(w.text for w in self.words[i : i + head]) in _MISSIONS
        if mission and self.joined(end) and self.words[end].text == "tại":
            # "Đại sứ quán Pháp tại Việt Nam": the country it is in belongs to it.
            place = self.place(end + 1) if self.joined(end + 1) else 0
            end += 1 + place if place else 0
            official = self.any_name(end) if place and self.joined(end) else 0
            if official >= 2:  # "Tổng lãnh sự quán Hoa Kỳ tại TP Hồ Chí Minh Marie C. Damour"
                role = self.span(i if role_start is None else role_start, end)
                return [
                    Found(EntityKind.ORGANISATION, i, end),
                    Found(EntityKind.PERSON, end, end + official, role),
                ]
        person = self.trailing_person(i + head, end)
        if person == end and role_start is not None:
            person = self.name_after_place(i + head, end)
        if (
            i + head < person < end
            and not self.kinds_only(i + head, person)
            and not (self.school_head(i + head) and all(not w.capital for w in self.words[i + head : person]))
        ):
            role = self.span(i if role_start is None else role_start, person)
            return [Found(EntityKind.ORGANISATION, i, person), Found(EntityKind.PERSON, person, end, role)]
        shared, prefix = self.shared_place(i, head, end)
        if not shared:
            shared, prefix = self.shared_head(i, head, end), i + head
        if shared:
            full = f"{self.span(i, prefix)} {self.span(shared + 1, end)}"
            return [
                Found(EntityKind.ORGANISATION, i, shared),
                Found(EntityKind.ORGANISATION, shared + 1, end, full=full),
            ]
        k = i + head
        parent = self.organisation(k) if self.words[k].text in _PARENTS and self.joined(k) else []
        if parent and parent[-1].end == end and parent[0].kind is EntityKind.ORGANISATION:
            return [Found(EntityKind.ORGANISATION, i, end), *parent]  # "Thanh tra Sở Y tế TP.HCM"
        return [Found(EntityKind.ORGANISATION, i, end)]

    def ministry(self, i: int, j: int) -> list[Found]:
        """The ministry a minister's role names by its field alone: "Bộ
        trưởng Kế hoạch và Đầu tư", "Thứ trưởng Y tế"."""
        if self.words[i].text not in _MINISTERS or not self.words[j].capital:
            return []
        if self.ministers_of_many(i):
            return []  # "các Bộ trưởng Quốc phòng": the ministers of many countries, no one ministry
        n = self.rules.fields.match(plain([w.lower for w in self.words[j : j + 8]]), 0)
        if not n or not all(self.joined(k) for k in range(j, j + n)):
            return []
        n += self.place(j + n) if self.joined(j + n) else 0  # "Bộ trưởng Ngoại giao Nga"
        return [Found(EntityKind.ORGANISATION, j, j + n)]

    def ministers_of_many(self, i: int) -> bool:
        """Whether the minister's role at ``i`` is of a class: after "các",
        "những", or in a list that they open ("các Bộ trưởng Quốc phòng, Bộ
        trưởng Ngoại giao, ...")."""
        words = self.words
        k = i
        while k > 0 and i - k < 12:
            if (
                words[k - 1].lower in {"các", "những"}
                and words[k].text in _MINISTERS
                and self.joined(k + 1)
                and words[k + 1].lower == "trưởng"
            ):
                return True
            if words[k].joined or self.text[words[k - 1].end : words[k].start].strip() == ",":
                k -= 1
                continue
            break  # (the sentence or the clause ends)
        return False

    def after_abbreviation(self, j: int) -> int:
        """The word after "(ABBR)" that follows a body's name at ``j`` (0 if none)."""
        words = self.words
        short = words[j].text if j + 1 < len(words) else ""
        if not (short in self.abbreviations or (short.isupper() and 2 <= len(short) <= 10)):
            return 0
        before = self.text[words[j - 1].end : words[j].start].strip()
        after = self.text[words[j].end : words[j + 1].start].strip()
        return j + 1 if (before, after) == ("(", ")") else 0

    def role_before(self, i: int) -> bool:
        """Whether a role ends right before word ``i`` ("Bí thư", "Thường trực")."""
        return any(self.role(k) == i - k for k in range(max(0, i - 4), i)) and self.joined(i)

    def named_on(self, i: int, n: int) -> bool:
        """Whether a whole body of one word or of a head ("Đảng", "Quân đội") at ``i`` goes on as a
        longer name or word: "Đảng ủy", "Đảng Dân chủ", "Quân đội nhân dân", "Quân đội 108"."""
        words, k = self.words, i + n
        if not (n == 1 or self.head(i) == n) or not self.joined(k):
            return False
        word = words[k]
        return (
            word.capital
            or word.text[0].isdigit()
            or f"{words[k - 1].lower} {word.lower}" in self.rules.compounds
            or bool(self.rules.inside.match(words, k))
        )

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

    def shared_place(self, i: int, head: int, end: int) -> tuple[int, int]:
        """Where "và" joins two places of one kind under one body's name in
        words ``i:end`` ("Trung tâm Y tế huyện Phú Tân và Ngọc Hiển": two
        centres), and where the name before the places ends; ``(0, 0)`` if
        it does not."""
        words = self.words
        for k in range(i + head + 2, end - 1):
            if words[k].text != "và":
                continue
            p = k - 1
            while p > i + head and words[p].capital:
                p -= 1
            if (
                words[p].lower in PLACE_WORDS
                and p < k - 1
                and all(w.capital for w in words[k + 1 : end])
                and end - k <= 4
                and not (self.head(k + 1) or self.role(k + 1))
            ):
                return k, p + 1
        return 0, 0
