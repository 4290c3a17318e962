"""Words of one text and what stands at each: the pieces the mention
finder (:mod:`briefbook.mentions`) puts together.

:class:`Scan` answers questions about word ``i`` of a text: is a head, a
role, a place there; how long is the person's name that starts there; is
the capitalised run a street (an organisation's name: :mod:`briefbook.bodyname`).
All lengths are in words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefbook.core.gazetteer import is_name_syllable, load_rules, plain, tokens

__all__ = ["PLACE_WORDS", "Scan"]

# Lower-case words that say the next words are a place ("tỉnh Kon Tum").
# (One word: "thành phố" and "thị xã" end in "phố" and "xã".)
PLACE_WORDS = frozenset({"tỉnh", "phố", "quận", "huyện", "xã", "phường", "trấn"})

# Words for a street, capitalised before its name.
_STREETS = frozenset({"Đường", "Phố", "Ngõ", "Ngách", "Hẻm", "Đê", "Đại lộ"})

# The last word of an English name of a body.
_ENGLISH_BODY = re.compile(
    r"College|University|Institute|School|Hospital|Clinic|Foundation|Association|Agency|Organi[sz]ation|"
    r"Council|Committee|Federation|Ministry|Department|Bank|Society|Cent(?:re|er)|Academy|Corporation|"
    r"Company|Group|Administration|Authority|Fund|Party|Police|Army|Navy"
)


# The heads of the bodies a hospital is named after when it belongs to them
# ("Bệnh viện Trường Đại học Y Dược Huế", "Bệnh viện Trung ương Quân đội 108").
_OWNERS = frozenset({"Trường", "Đại học", "ĐH", "Học viện", "Quân đội", "Quân khu", "Công an"})


class Scan:
    """The words of one text, with the rules."""

    def __init__(self, text: str, abbreviations: Mapping[str, str]) -> None:
        self.text = text
        self.abbreviations = abbreviations
        self.words = tokens(text)
        self.rules = load_rules()
        # What stands at each word, asked by several patterns.
        self._heads: dict[int, int] = {}
        self._places: dict[int, int] = {}
        self._roles: dict[int, int] = {}

    def joined(self, i: int) -> bool:
        return i < len(self.words) and self.words[i].joined

    def head(self, i: int) -> int:
        n = self._heads.get(i)
        if n is None:
            n = self._heads[i] = self.rules.head_phrases.match(self.words, i)
        return n

    def place(self, i: int) -> int:
        n = self._places.get(i)
        if n is None:
            n = self._places[i] = self.rules.place_phrases.match(self.words, i)
        return n

    def role(self, i: int) -> int:
        n = self._roles.get(i)
        if n is None:
            n = self._roles[i] = self.rules.roles.match(self.words, i)
        return n

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
        for n in (4, 3, 2):
            if (
                k + n <= len(words)
                and all(not w.capital for w in words[k : k + n])
                and all(w.joined for w in words[k + 1 : k + n])
                and " ".join(w.lower for w in words[k : k + n]) in compounds
            ):
                return n
        return 0

    def word_over_stop(self, k: int) -> int:
        """The length of a lower-case word of the dictionary at ``k`` that is
        longer than the stop word it opens, a capitalised word after it
        ("thường vụ Quốc hội"); 0 if none."""
        stop = self.rules.stop.match(self.words, k)
        if not stop:
            return 0
        for n in (3, 2):
            words = self.words[k : k + n]
            if (
                n > stop
                and len(words) == n
                and all(not w.capital and w.joined for w in words)
                and " ".join(w.lower for w in words) in self.rules.compounds
                and self.joined(k + n)
                and self.words[k + n].capital
            ):
                return n
        return 0

    def field_then_scope(self, j: int, k: int) -> bool:
        """Whether words ``j:k`` right after a head are one lower-case word of
        the dictionary, the body's field, and its place or its scope follows
        ("Viện pháp y Quốc gia", "Trung tâm pháp y Đà Nẵng"); not a place's
        kind ("Trung tâm thành phố Hà Nội")."""
        words = self.words
        if (
            k - j < 2
            or self.lower_word(j) != k - j
            or self.rules.inside.match(words, j)
            or not self.joined(k)
        ):
            return False
        scope = (
            words[k].text in {"Quốc", "Trung"}
            and self.rules.tails.match(plain([w.lower for w in words[k : k + 2]]), 0) == 2
        )
        return scope or self.place(k) > 0

    def boundary(self, k: int) -> bool:
        """Whether a name may end before word ``k`` (punctuation, the end, a stop word)."""
        return not self.joined(k) or self.rules.stop.match(self.words, k) > 0

    def head_of_body(self, j: int) -> bool:
        """Whether a head at ``j`` inside a capitalised run opens a body's
        name: a capitalised word after it ("Nguyễn Văn A Bộ Y tế"), not the
        last of a person's name ("Huỳnh Kim Phòng")."""
        n = self.head(j)
        if n == 1 and self.school_named(j):
            return False  # "Nguyễn Trường Sơn": "Trường" and one syllable, no school
        return n > 1 or (n == 1 and self.joined(j + 1) and self.words[j + 1].capital)

    def school_named(self, j: int) -> bool:
        """Whether "Trường" at ``j`` is a syllable of a name ("Trường Sa",
        "Trường Chinh", "Nguyễn Trường Sơn"): one capitalised syllable after
        it that says no school's kind, and the capitalised run ends there."""
        words = self.words
        k = j + 1
        return (
            words[j].text == "Trường"
            and self.joined(k)
            and is_name_syllable(words[k])
            and not self.rules.kinds.match(words, k)
            and not (self.joined(k + 1) and words[k + 1].capital)
        )

    def opens_word(self, j: int, any_word: bool = False) -> bool:
        """Whether the one-word head at ``j`` (with ``any_word``, any word)
        opens a compound word with the lower-case word after it ("Khoa học"
        in "Viện Hàn lâm Khoa học Pháp": no next body; "Thanh niên" in "Đoàn
        Thanh niên": no person's name)."""
        words = self.words
        return (
            (any_word or self.head(j) == 1)
            and self.joined(j + 1)
            and not words[j + 1].capital
            and f"{words[j].lower} {words[j + 1].lower}" in self.rules.compounds
        )

    def person_name(self, i: int, limit: int = 5) -> int:
        """The length of a person's name at ``i`` (0 if none).

        A name that goes on with an initial ("Trần Thị M.") is anonymised,
        and one that ends in "Thị" or "Văn" is cut short: neither is a name."""
        j = i
        while j < len(self.words) and j - i < limit and (j == i or self.joined(j)):
            if not is_name_syllable(self.words[j]) or (j > i and (self.head_of_body(j) or self.role(j))):
                break
            j += 1
        if j == i + 2 and self.opens_word(j - 1, any_word=True):
            return 0  # "Đoàn Thanh niên", "Đoàn Đặc công 126": the run stops inside a word
        if j > i and (self.words[j - 1].text in {"Thị", "Văn"} or self.initial(j)):
            return 0
        pair = f"{self.words[i].lower} {self.words[j].lower}" if j < len(self.words) else ""
        if j == i + 1 and self.joined(j) and pair in self.rules.compounds:
            return 0  # the start of a word ("Hợp tác"), not a given name
        return j - i

    def any_name(self, i: int, limit: int = 4) -> int:
        """The length of a run of capitalised words of a name in any
        language at ``i`` ("Christopher Schouten", "Kim Hyung-seok"): no
        head, role, abbreviation or sentence opener in it."""
        j = i
        while j < len(self.words) and j - i < limit and (j == i or self.joined(j)):
            text = self.words[j].text
            if j > i and len(text) == 2 and text[1] == "." and text[0].isupper() and self.any_name(j + 1, 1):
                j += 1  # a middle initial: "Marie C. Damour"
                continue
            if not (
                text[0].isupper()
                and text.replace("-", "").isalpha()
                and (len(text) == 1 or not text[1:].isupper())
                and text not in self.rules.openers
                and len(text) <= 14
            ) or (self.head(j) or self.role(j)):
                break
            j += 1
        return j - i

    def posted_at(self, j: int) -> int:
        """Where the name begins after the place a role is held in: "Đại sứ
        Anh tại Việt Nam Gareth Ward", "Tổng lãnh sự Australia tại TP Hồ Chí
        Minh Sarah Hooper" (``j`` after the role, or after its country)."""
        words = self.words
        k = (
            j + 1
            if self.joined(j) and words[j].capital and self.joined(j + 1) and words[j + 1].text == "tại"
            else j
        )
        if not (self.joined(k) and words[k].text == "tại" and self.joined(k + 1)):
            return j
        place = self.place(k + 1)
        return (
            k + 1 + place if place and self.joined(k + 1 + place) and self.any_name(k + 1 + place) >= 2 else j
        )

    def described(self, j: int) -> int:
        """Where a person's name begins after one or two lower-case words
        that describe the person (after a role or an honorific: "Bé gái
        Connie Lloyd", "Bác sĩ phẫu thuật Lou Zhongquan"); 0 if none."""
        k = j
        while k < len(self.words) and k - j < 3 and self.joined(k) and not self.words[k].capital:
            if self.rules.stop.match(self.words, k) or self.words[k].text in self.rules.honorifics:
                return 0
            k += 1
        if j < k and self.words[k - 1].text == "người" and self.joined(k) and self.words[k].capital:
            nation = self.place(k) or 1  # "bác sĩ người Anh Fiona Sutton": a nationality, then the name
            if self.joined(k + nation) and self.person_name(k + nation) >= 2 and not self.head(k + nation):
                return k + nation
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
        if k >= 0 and self.joined(i) and words[k].text in _STREETS:
            return True  # "ngõ 2, Đê Tô Hoàng", "Đường Lê Lợi"
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
        """Whether words ``start:i`` are whole names of a list ending before
        ``i`` (a dash joins the streets of a crossing: "giao lộ Cộng Hòa -
        Hoàng Hoa Thám")."""
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        return gap.strip() in {",", "", "-", "–"} and (gap.strip() != "" or self.words[i - 1].text == "và")

    def initial(self, j: int) -> bool:
        return (
            self.joined(j)
            and re.fullmatch(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{0,2}", self.words[j].text) is not None
        )

    def trailing_person(self, start: int, end: int) -> int:
        """Where a person's name at the end of words ``start:end`` begins (or
        ``end``); not inside a place's name: a known place ("Hậu Giang"), or
        the two syllables after a place word ("xã Sơn Giang Phạm Quốc Thông")."""
        for k in range(max(start, end - 4), end - 1):
            if (
                self.words[k].text in self.rules.surnames
                and not (k > 0 and self.words[k - 1].lower in PLACE_WORDS)  # "phường Nguyễn Cư Trinh"
                and all(is_name_syllable(w) for w in self.words[k:end])
                and (not self.place(k) or self.place(k) < end - k)
                and not self.inside_place(k)  # "Sở Y tế Hậu Giang Phan Thanh Tùng"
                and not (
                    k > 1
                    and self.words[k - 2].lower in PLACE_WORDS
                    and self.words[k - 1].capital
                    and not self.place(k - 1)
                    and end - k > 3  # a full name after the place's two syllables
                    and self.words[k + 1].text in self.rules.surnames
                )
            ):
                return k
        return end

    def inside_place(self, k: int) -> bool:
        """Whether word ``k`` is inside a place's name that begins before it
        ("Giang" of "Hậu Giang", "Ninh" of "Quảng Ninh")."""
        return any(self.place(j) > k - j for j in range(max(0, k - 3), k) if self.joined(j + 1))

    def owner_named(self, i: int, j: int) -> bool:
        """Whether the head at ``j`` inside a hospital's name from ``i`` is the body it belongs to,
        written right after "Bệnh viện" or its "Trung ương" ("Bệnh viện Trường Đại học Y Dược Huế");
        not a second body, which "và" or a comma would part from it."""
        before = self.span(i - 2, i) if i >= 2 else ""
        if before != "Bệnh viện" and (i < 1 or self.words[i - 1].text != "BV"):
            return False
        between = j == i or self.span(i, j) in _OWNERS | {"Trung ương"}  # "Trường Đại học"
        return between and self.span(j, j + self.head(j)) in _OWNERS

    def span(self, first: int, end: int) -> str:
        return self.text[self.words[first].start : self.words[end - 1].end]

    def kinds_only(self, start: int, end: int) -> bool:
        """Whether words ``start:end`` only say a body's kind ("THCS", "Đại học")."""
        k = start
        while k < end:
            n = self.rules.kinds.match(self.words, k)
            if not n:
                return False
            k += n
        return k == end
