"""The words around a body's name, for :mod:`briefbook.analyse.bodyname`:
a head written in lower case ("bệnh viện Việt Đức"), a number that belongs
to the name ("Bệnh viện 115"), a compound word a capitalised syllable opens
("Nhi đồng"), the lower-case words that end a name ("Cục Quản lý khám chữa
bệnh"), a person's full name after it, a school's head, a ministry's field.
"""

from __future__ import annotations

from briefbook.analyse.scan import PLACE_WORDS, Scan
from briefbook.core.gazetteer import is_name_syllable, plain

__all__ = ["DOCUMENTS", "LOWER_HEADS", "BodyWords"]

# The last words of the heads of a school ("Trường", "Trung cấp", "Cao đẳng", "Đại học", "CĐ").
_SCHOOL_HEADS = frozenset({"Trường", "cấp", "đẳng", "học", "CĐ", "ĐH"})

# The first words of a document's or a plan's name ("về Kế hoạch ...", "về Quy định ...").
DOCUMENTS = frozenset({"Luật", "Nghị", "Quyết", "Thông", "Chỉ", "Kế", "Đề", "Chương", "Dự", "Quy", "Công"})

# Words of time that a number counts ("2 năm", "3 ngày"), stop words for a name.
_COUNTED = frozenset({"năm", "ngày", "tháng", "tuần", "giờ", "hôm", "sáng", "chiều", "tối"})


# Heads written in lower case before a body's proper name ("được chuyển đến
# bệnh viện Việt Đức", "trường Mỏ", "báo Thanh Niên"), by their first word.
_LOWER_HEADS = frozenset(
    {("bệnh", "viện"), ("trường",), ("viện",), ("trung", "tâm"), ("công", "ty"), ("tập", "đoàn")}
    | {("ngân", "hàng"), ("báo",), ("tạp", "chí"), ("hãng",), ("đại", "học"), ("học", "viện")}
    | {("chính", "phủ"), ("đài",), ("đại", "sứ", "quán"), ("khoa",)}
)
LOWER_HEADS = frozenset(h[0] for h in _LOWER_HEADS)
_LOWER_HEADS_BY_FIRST = {
    first: tuple(sorted((h for h in _LOWER_HEADS if h[0] == first), key=len, reverse=True))
    for first in LOWER_HEADS
}


class BodyWords(Scan):
    """The words of one text, with what the words around a name say."""

    def lower_head(self, i: int) -> int:
        """The words of a head in lower case at ``i`` ("bệnh viện"), or 0."""
        words = self.words
        heads = _LOWER_HEADS_BY_FIRST.get(words[i].text, ()) if i < len(words) else ()
        return next(
            (
                len(h)
                for h in heads
                if tuple(w.text for w in words[i : i + len(h)]) == h
                and all(self.joined(k) for k in range(i + 1, i + len(h)))
            ),
            0,
        )

    def next_lower_body(self, k: int) -> bool:
        """Whether "và" at ``k`` joins the next body, its head in lower case:
        "bệnh viện Răng Hàm Mặt Trung ương và bệnh viện Chợ Rẫy"."""
        n = self.lower_head(k + 1) if self.words[k].text == "và" else 0
        return n > 0 and self.joined(k + 1 + n) and self.words[k + 1 + n].capital

    def number_in_name(self, i: int, j: int) -> bool:
        """Whether the number at ``j`` belongs to the name that starts at ``i``: after a place word
        ("quận 2"), or right after the head or a capitalised word of the name ("Bệnh viện 115",
        "Bệnh viện Nhi đồng 1", "Bệnh viện Quân y 175") when the name may end after it (a verb, "và",
        a preposition, punctuation); not a date ("22/12"), an amount ("1,5 tỉ") nor a count, whose
        noun follows ("Bộ 3 sản phẩm", "Sở Y tế 12 tỉnh")."""
        words = self.words
        after = self.text[words[j].end : words[j].end + 2]
        amount = after[:1] in {",", "."} and after[1:].isdigit()  # "Sở NN-PTNT tỉnh Bà Rịa - Vũng Tàu 1,5 tỉ"
        if any(c in words[j].text for c in "/-:,") or after[:1] in {"/", "-"} or amount:
            return False  # a date ("22/12", "5-6") or an amount
        if words[j - 1].lower in PLACE_WORDS or words[j - 1].text in {"Quận", "Q."}:
            return True
        if j > i and (len(words[j].text) > 3 or (not words[j - 1].capital and not self.ends_compound(j))):
            return False
        k = j + 1
        return (
            not self.joined(k)
            or words[k].capital
            or words[k].text == "và"
            or (self.rules.stop.match(words, k) > 0 and words[k].lower not in _COUNTED)
        )

    def ends_compound(self, j: int) -> bool:
        """Whether the lower-case word before ``j`` ends a compound word a
        capitalised syllable opens ("Nhi đồng", "Quân y")."""
        words = self.words
        pair = f"{words[j - 2].lower} {words[j - 1].lower}" if j >= 2 else ""
        return j >= 2 and words[j - 2].capital and pair in self.rules.compounds

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

    def trailing_words(self, j: int) -> int:
        """Lower-case compound words that end a name at ``j`` ("Cục Quản lý
        khám chữa bệnh", "Trung tâm Y tế dự phòng", "Cục Chăm sóc và bảo vệ
        trẻ em"), up to a boundary; the longest such run, not ending in "và"."""
        k = j
        best = 0
        for _ in range(5):
            if not self.joined(k) or self.words[k].capital:
                break
            if self.rules.bodies.match(self.words, k) > 1:
                # A body's head in lower case ends the name: "Phòng Công tác xã
                # hội bệnh viện lưu giữ", "Trung tâm Ung bướu bệnh viện".
                best = k - j if k > j and self.words[k - 1].text != "và" else best
                break
            n = self.lower_word(k)
            if self.words[k].text == "và":
                # "Chăm sóc và bảo vệ trẻ em": a second field of the body, not
                # a second body ("Sở Y tế và cơ quan chức năng").
                n = int(not self.rules.bodies.match(self.words, k + 1))
                if self.joined(k + 1) and self.words[k + 1].text in {"các", "những"}:
                    best = k - j if k > j else best  # "Cục Quản lý thị trường và các Chi cục ..."
                    break
            elif not n:
                n = self.rules.inside.match(self.words, k)  # "... dịch bệnh tỉnh"
            if not n:
                break
            k += n
            if self.words[k - 1].text != "và" and self.boundary(k):
                best = k - j
        return best

    def full_name(self, j: int) -> int:
        """The length of a Vietnamese full name at ``j`` that ends a
        capitalised run: a known surname, then one to three capitalised
        syllables, no place, role or initial ("Nguyễn Trường Sơn", "Phạm Mạnh
        Cường"); 0 if none."""
        words = self.words
        if words[j].text not in self.rules.surnames or self.place(j):
            return 0
        k = j + 1
        while k - j <= 3 and self.joined(k) and is_name_syllable(words[k]) and not self.role(k):
            k += 1
        if k == j + 1 or (self.joined(k) and words[k].capital) or self.initial(k):
            return 0
        return 0 if words[k - 1].text in {"Thị", "Văn"} else k - j

    def names_field(self, i: int, j: int) -> bool:
        """Whether the abbreviation at ``j``, right after the head, is the
        body's field ("Sở KHCN": khoa học công nghệ), not a body's own name
        that its head repeats ("Tập đoàn ITEC": Tập đoàn Kỹ thuật ...)."""
        head = self.span(i - self.head_before(i), i) if i > 0 else ""
        return j == i and bool(head) and not self.abbreviations[self.words[j].text].startswith(head)

    def head_before(self, i: int) -> int:
        """The length of the head that ends before word ``i`` (0 if none)."""
        return next((n for n in (1, 2, 3) if n <= i and self.head(i - n) == n), 0)

    def title_case_about(self, i: int, j: int) -> bool:
        """Whether "về" (about) at ``j`` goes on with a name in title case:
        two capitalised words before it and a capitalised one after it that
        is no place, head, role or document ("... Chuyển đổi về Biến đổi Khí
        hậu"; not "Bộ Y tế về Hà Nội", "Sở Y tế về Kế hoạch ...")."""
        words = self.words
        k = j + 1
        return (
            sum(w.capital for w in words[i:j]) >= 2
            and self.joined(k)
            and words[k].capital
            and is_name_syllable(words[k])
            and not (self.place(k) or self.head(k) or self.role(k) or self.rules.standalone.match(words, k))
            and words[k].text not in DOCUMENTS
            and self.joined(k + 1)
            and (words[k + 1].capital or self.ends_compound(k + 2))
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

    def place_ends(self, j: int) -> bool:
        """Whether a place's name ends right before word ``j``."""
        return any(self.place(k) == j - k for k in range(max(0, j - 4), j))
