"""Words of one text and what stands at each: the pieces the mention
finder (:mod:`briefbook.mentions`) puts together.

:class:`Scan` answers questions about word ``i`` of a text: is a head, a
role, a place there; how long is the organisation's name, the person's name
that starts there; is the capitalised run a street. All lengths are in words.
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

# The last words of the heads of a school ("Trường", "Trung cấp", "Cao đẳng", "Đại học", "CĐ").
_SCHOOL_HEADS = frozenset({"Trường", "cấp", "đẳng", "học", "CĐ", "ĐH"})

# The last word of an English name of a body.
_ENGLISH_BODY = re.compile(
    r"College|University|Institute|School|Hospital|Clinic|Foundation|Association|Agency|Organi[sz]ation|"
    r"Council|Committee|Federation|Ministry|Department|Bank|Society|Cent(?:re|er)|Academy|Corporation|"
    r"Company|Group|Administration|Authority|Fund|Party|Police|Army|Navy"
)


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
        if words[j - 1].lower in PLACE_WORDS or words[j - 1].text in {"Quận", "Q."}:
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
            and not self.rules.tails.match(plain([words[k].lower, words[k + 1].lower]), 0)
        )

    def boundary(self, k: int) -> bool:
        """Whether a name may end before word ``k`` (punctuation, the end, a stop word)."""
        return not self.joined(k) or self.rules.stop.match(self.words, k) > 0

    def trailing_words(self, j: int) -> int:
        """Lower-case compound words that end a name at ``j`` ("Cục Quản lý
        khám chữa bệnh", "Trung tâm Y tế dự phòng", "Cục Chăm sóc và bảo vệ
        trẻ em"), up to a boundary; the longest such run, not ending in "và"."""
        k = j
        best = 0
        for _ in range(5):
            if not self.joined(k) or self.words[k].capital:
                break
            n = self.lower_word(k)
            if self.words[k].text == "và":
                # "Chăm sóc và bảo vệ trẻ em": a second field of the body, not
                # a second body ("Sở Y tế và cơ quan chức năng").
                n = int(not self.rules.bodies.match(self.words, k + 1))
            elif not n:
                n = self.rules.inside.match(self.words, k)  # "... dịch bệnh tỉnh"
            if not n:
                break
            k += n
            if self.words[k - 1].text != "và" and self.boundary(k):
                best = k - j
        return best

    def org_name(self, i: int, named_head: bool = False) -> int:
        """The words of an organisation's name from ``i`` (after its head;
        ``named_head`` when the head names a body by itself: "Trung tâm Y tế")."""
        words, rules = self.words, self.rules
        j = i
        compound = 0  # syllables of the current compound word
        while j < len(words) and (words[j].joined or (j > i and (words[j].dash or self.ampersand(j)))):
            word = words[j]
            if not word.joined and not word.capital:
                # After a dash, a last lower-case word ("Truyền máu - huyết học"),
                # not what is said of the name ("Sở Y tế HN - cho biết").
                j += self.lower_word(j, listed=True)
                break
            if j > i and self.head(j) and not self.place(j) and not self.opens_word(j):
                break  # the next organisation ("Bộ Y tế và Sở Y tế")
            place = self.place(j) if word.joined and word.capital else 0
            if place > 1:  # a place's words are the place's ("Đại sứ quán Tây Ban Nha")
                j += place
                compound = 0
                continue
            if (self.role(j) and not self.role_named(i, j)) or (
                rules.academic.fullmatch(word.text) and not word.text.isupper()
            ):
                break
            if word.text in self.abbreviations or (
                word.text in rules.openers and words[j - 1].text.endswith(".")
            ):
                break  # "Tổ chức Y tế thế giới WHO"; "Tổng Công ty HUD. Trong đó" (a stop hid the end)
            if word.text[0].isdigit() and not self.number_in_name(i, j):
                break
            if not word.joined and not (
                self.place(j) or self.common_words(j) or rules.kinds.match(words, j) or self.ampersand(j)
            ):
                break  # a dash, then a person ("Bệnh viện Đại học Aachen - Mathias ...")
            if word.capital or word.text[0].isdigit():
                j += 1
                compound = 1
                continue
            if j > i and self.place_ends(j):
                break  # "Sở Y tế Hà Nội hỗ trợ huyện Mường Lát": the name ends with its place
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
                n = rules.inside.match(words, k) or self.lower_word(k, listed=True)  # "phòng chống"
                if not n:
                    n = self.lower_word(k)
                    listed = False
                if not n:
                    break
                k += n
            after_place = k > j and words[k - 1].lower in PLACE_WORDS
            # "Trường tiểu học Hòa Bình"; "trường Trung cấp nghiệp vụ Nguyễn Hữu Cảnh".
            kind = k > j and (
                self.kinds_only(j, k)
                or (
                    self.school_head(i)
                    and any(w.text != "và" for w in words[j:k])  # (not "Phạm Văn Trường và Nguyễn ...")
                    and k < len(words)
                    and self.person_name(k) >= 2
                )
            )
            if (
                (
                    j > i or after_place or named_head or kind or (listed and words[k - 1].text != "và")
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
                    and not self.school_head(i)
                    and self.person_name(k) >= 2
                    and not self.place(k)
                )
            ):
                j = k
                compound = 0
                continue
            if (
                j > i + 1
                and self.common_words(j - 2)
                and self.trailing_person(i, j) == j
                and not self.whole_field(i, j)
                and not any(self.ampersand(k) for k in range(i, j))  # "Sức khỏe & Đời sống đưa tin"
            ):
                j += self.trailing_words(j)
            break
        return j - i

    def head_of_body(self, j: int) -> bool:
        """Whether a head at ``j`` inside a capitalised run opens a body's
        name: a capitalised word after it ("Nguyễn Văn A Bộ Y tế"), not the
        last of a person's name ("Huỳnh Kim Phòng")."""
        n = self.head(j)
        return n > 1 or (n == 1 and self.joined(j + 1) and self.words[j + 1].capital)

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

    def role_named(self, i: int, j: int) -> bool:
        """Whether the role at ``j``, right after a head, is the body's name
        ("Cục Lãnh sự", "Hội Nhà báo Việt Nam", "Hội Điều dưỡng"), not a
        person's role after it ("Sở Y tế TP.HCM Giám đốc ..."); not after
        "Ban" ("Ban Giám đốc": the board of a body)."""
        return j == i and i > 0 and self.words[i - 1].text != "Ban" and self.words[j].capital

    def school_head(self, i: int) -> bool:
        """Whether the head before word ``i`` is a school's ("Trường",
        "Trung cấp", "Cao đẳng", "Đại học"): schools are named after people,
        so a person's name after its words in lower case is the school's
        ("Trường tiểu học Phan Văn Trị", "trường Trung cấp nghiệp vụ Nguyễn
        Hữu Cảnh")."""
        return i > 0 and self.words[i - 1].text in _SCHOOL_HEADS

    def ampersand(self, j: int) -> bool:
        """Whether "&" between spaces joins word ``j`` to the name before it
        ("báo Sức khỏe & Đời sống", "Kinh tế & Đô thị"): a capitalised word."""
        words = self.words
        return (
            0 < j < len(words)
            and words[j].capital
            and self.text[words[j - 1].end : words[j].start].strip() == "&"
        )

    def whole_field(self, i: int, j: int) -> bool:
        """Whether words ``i:j`` after a ministry's or a department's head
        ("Bộ", "Sở") are a field of government, the whole of its name: the
        lower-case words after it are what the sentence says ("Bộ Ngoại giao
        thông tin thêm", "Bộ Quốc phòng dẫn đầu", "Bộ Y tế và bệnh nhân")."""
        words = self.words
        if (
            i == 0
            or words[i - 1].text not in {"Bộ", "Sở"}
            or (self.rules.inside.match(words, j) and words[j].text != "và")
        ):
            return False  # (its place goes on: "Sở Y tế thành phố")
        ahead = j + 1
        while ahead < min(len(words), j + 6) and self.joined(ahead):
            ahead += 1
        return self.rules.fields.match(plain([w.lower for w in words[i:ahead]]), 0) == j - i

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

    def place_ends(self, j: int) -> bool:
        """Whether a place's name ends right before word ``j``."""
        return any(self.place(k) == j - k for k in range(max(0, j - 4), j))

    def kinds_only(self, start: int, end: int) -> bool:
        """Whether words ``start:end`` only say a body's kind ("THCS", "Đại học")."""
        k = start
        while k < end:
            n = self.rules.kinds.match(self.words, k)
            if not n:
                return False
            k += n
        return k == end

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
                and not (k > 0 and self.words[k - 1].lower in PLACE_WORDS)  # "phường Nguyễn Cư Trinh"
                and all(is_name_syllable(w) for w in self.words[k:end])
                and (not self.place(k) or self.place(k) < end - k)
            ):
                return k
        return end

    def span(self, first: int, end: int) -> str:
        return self.text[self.words[first].start : self.words[end - 1].end]
