"""One head shared by the list after it: the patterns of the mention finder
(:mod:`briefbook.analyse.mentions`) that name each member of such a list.

Two shapes of Vietnamese press: a plural head before a colon ("các BV: Chợ
Rẫy, Nhân dân 115 và Từ Dũ" names three hospitals), and a head with a
quantified kind of place before the colon ("UBND các huyện: Thanh Trì,
Thường Tín", "UBND 3 tỉnh: Hưng Yên, Phú Yên và Kiên Giang", "4 Trạm Y tế
xã: Mai Long (Nguyên Bình), Đình Phùng (Bảo Lạc)"), where each member is
the body of that place ("UBND huyện Thanh Trì").
"""

from __future__ import annotations

from briefbook.analyse.bodies import BodyFinder, Found, Matched, matched
from briefbook.core.gazetteer import plain
from briefbook.core.records import EntityKind

__all__ = ["ListFinder"]

# Words that count the bodies of a list ("các huyện", "3 tỉnh", "hai quận").
_COUNTS = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})

# The kinds of place whose bodies a list names, as written before the colon.
_PLACE_KINDS = frozenset({("huyện",), ("quận",), ("tỉnh",), ("xã",), ("phường",), ("thị", "xã")})
_PLACE_KINDS |= frozenset({("thành", "phố"), ("thị", "trấn")})


class ListFinder(BodyFinder):
    """The patterns of a head shared by a list."""

    def head_list(self, i: int) -> Matched | None:
        """A plural head shared by the list after it: "các BV: Chợ Rẫy, Nhân
        dân 115 và Từ Dũ" names three hospitals, "các Bộ LĐTB&XH, Y tế, Tài
        chính" three ministries (with no colon, the first is the head's own
        name, and a member with a head of its own ends the list)."""
        words = self.words
        head = self.head(i)
        if not head or i == 0 or words[i - 1].lower != "các" or not words[i].capital:
            return self.place_list(i)
        j = i + head
        if j >= len(words):
            return self.place_list(i)
        colon = self.gap(j) == ":"
        if not colon and not (self.joined(j) and words[j].capital):
            return self.place_list(i)
        found: list[Found] = []
        while j < len(words) and words[j].capital:
            first = not colon and not found  # the head's own name: "các Bộ LĐTB&XH, Y tế, Tài chính"
            if not colon and not first and (self.head(j) or self.role(j) or self.place(j) or self.street(j)):
                break  # (the list's next member has its own head: "... Tài chính và UBND các tỉnh")
            e = j + (self.rules.fields.match(plain([w.lower for w in words[j : j + 6]]), 0) or 1)
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
            if first:
                found.append(Found(EntityKind.ORGANISATION, i, e))
            else:
                full = f"{self.span(i, i + head)} {self.span(j, e)}"
                found.append(Found(EntityKind.ORGANISATION, j, e, full=full))
            if e >= len(words):
                break
            gap = self.gap(e)
            if gap == "," and not words[e].joined:
                j = e
            elif words[e].text == "và" and self.joined(e + 1):
                j = e + 1
            else:
                break
        return matched(*found) if len(found) >= 2 else None

    def gap(self, j: int) -> str:
        """What stands between word ``j`` and the word before, spaces set aside."""
        return self.text[self.words[j - 1].end : self.words[j].start].strip()

    def counts(self, j: int) -> bool:
        """Whether word ``j`` counts the bodies of a list ("các", "3", "hai")."""
        return self.words[j].lower in _COUNTS or self.words[j].text.isdigit()

    def counted_kind(self, j: int, counted: bool) -> tuple[int, str]:
        """Where the colon after "[các|N] <kind of place>" at ``j`` is
        (``counted``: a count came before the head, "4 Trạm Y tế xã:"), and
        the kind of place as written; ``(0, "")`` if none."""
        words = self.words
        if self.joined(j) and self.counts(j):
            j += 1
            counted = True
        for kind in _PLACE_KINDS:
            end = j + len(kind)
            if (
                counted
                and end < len(words)
                and all(self.joined(k) for k in range(j, end))
                and tuple(w.lower for w in words[j:end]) == kind
                and self.gap(end) == ":"
            ):
                return end, " ".join(kind)
        return 0, ""

    def place_list(self, i: int) -> Matched | None:
        """A head, maybe its kind ("Bệnh viện Đa khoa", "Trạm Y tế"), then a
        counted kind of place and a colon: each place of the list after it
        names that place's body, its full name the head, the kind and the
        place ("UBND các huyện: Thanh Trì, ..." -> "UBND huyện Thanh Trì")."""
        words = self.words
        head = self.head(i)
        if not head or not words[i].capital:
            return None
        counted = i > 0 and self.joined(i) and self.counts(i - 1)
        j = i + head
        while self.joined(j) and j - i < head + 3 and not self.counts(j):
            if (
                not (words[j].capital or f"{words[j - 1].lower} {words[j].lower}" in self.rules.compounds)
                or self.counted_kind(j, counted)[0]
            ):
                break  # (a word of the name: "Đa khoa", "Y tế")
            j += 1
        start, kind = self.counted_kind(j, counted)
        if not start:
            return self.numbered(i)
        name = self.span(i, j)
        found: list[Found] = []
        while start and start < len(words) and words[start].capital:
            e = start + (self.place(start) or 1)
            while self.joined(e) and words[e].capital and e - start < 4:
                e += 1
            full = f"{name} {kind} {self.span(start, e)}"
            found.append(Found(EntityKind.ORGANISATION, start, e, full=full))
            if e < len(words) and self.gap(e).startswith("("):  # "Mai Long (Nguyên Bình)"
                while e < len(words) and ")" not in self.gap(e):
                    e += 1
            if e >= len(words):
                break
            gap = self.gap(e).lstrip(")").strip()
            if gap == "," and not words[e].joined:
                start = e
            elif words[e].text == "và" and self.joined(e + 1):
                again, other = self.counted_kind(e + 1, False)
                start, kind = (again, other) if again else (e + 1, kind)  # "và hai quận: Tây Hồ"
            else:
                break
        return matched(*found) if len(found) >= 2 else None

    def numbered(self, i: int) -> Matched | None:
        """A body numbered after its name ("Bệnh viện dã chiến số 4",
        "Bệnh viện Covid-19 số 1"), and the numbers of a list after it,
        each one more body under the same name ("Bệnh viện dã chiến số 4,
        5, 6"); not a document's number ("số 350/BYT-DP")."""
        words = self.words
        j = i + self.head(i)
        name = self.org_name(j) or self.lower_word(j)  # "Covid-19", "dã chiến"
        if not name or not all(self.joined(k) for k in range(j, j + name)):
            return None
        j += name
        if not (self.joined(j) and words[j].text == "số" and self.plain_number(j + 1)):
            return None
        numbered = self.span(i, j + 1)
        found = [Found(EntityKind.ORGANISATION, i, j + 2)]
        k = j + 2
        while k < len(words):
            if self.gap(k) == "," and self.plain_number(k, joined=False):
                member = k
            elif words[k].text == "và" and self.plain_number(k + 1):
                member = k + 1
            else:
                break
            full = f"{numbered} {words[member].text}"
            found.append(Found(EntityKind.ORGANISATION, member, member + 1, full=full))
            k = member + 1
        return matched(*found)

    def plain_number(self, j: int, joined: bool = True) -> bool:
        """Whether word ``j`` is a number of one to three digits with nothing
        glued after it ("4", not "350/BYT-DP", "5-6"); ``joined``: right
        after the word before."""
        words = self.words
        return (
            j < len(words)
            and (self.joined(j) or not joined)
            and words[j].text.isdigit()
            and len(words[j].text) <= 3
            and self.text[words[j].end : words[j].end + 1] not in {"/", "-", "."}
        )
