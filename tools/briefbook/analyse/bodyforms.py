"""Names of bodies in their written forms, for the patterns of
:mod:`briefbook.bodies`: a company's legal form before its proper name
(:meth:`BodyForms.company`), a name in sentence case after its head
(:meth:`BodyForms.sentence_case`).
"""

from __future__ import annotations

from functools import cache

from briefbook.analyse.bodyname import BodyName
from briefbook.core.dictionary import DictionaryKind, load_dictionary
from briefbook.core.gazetteer import Phrases, plain, tokens

__all__ = ["BodyForms"]

# Words of what is said of a name, never inside one: a name in sentence case
# before a parenthesis does not run on across them.
_SAID = frozenset({"đã", "sẽ", "đang", "vừa", "cũng", "được", "bị", "là", "mới", "vẫn", "còn", "chưa"})
_SAID |= frozenset({"không", "rất", "đều", "thì", "mà", "nên", "nhưng", "khi", "để", "nói", "tại", "ở"})

# The words of a name that "về" (about) goes on from ("Trung tâm Quốc gia về thông tin thuốc").
_ABOUT_AFTER = frozenset({("quốc", "gia"), ("khu", "vực"), ("trung", "ương")})

# Words that open what a text is about, not a body's subject ("về việc", "về vấn đề").
_TOPICS = frozenset({"việc", "vấn", "tình", "kết", "nội", "chủ"})

# Words that end a phrase of the text, never a name ("về vấn đề này").
_DEMONSTRATIVES = frozenset({"này", "đó", "đây", "kia", "trên", "nêu"})

_PREPOSITIONS = frozenset({"về", "của", "cho", "với", "trong", "tại", "ở", "từ", "đến", "tới", "như", "theo"})

# The heads of a company, and the legal forms after them ("Công ty cổ phần", "Công ty TNHH MTV").
_COMPANIES = frozenset({("Công", "ty"), ("Tổng", "Công", "ty"), ("Tổng", "công", "ty")})
_LEGAL_FORMS = Phrases.of(
    tuple(f.split())
    for f in (
        *("cổ phần", "CP", "TNHH", "trách nhiệm hữu hạn"),
        *("MTV", "một thành viên", "liên doanh", "hợp danh"),
    )
)


@cache
def _dictionary_names() -> Phrases:
    """The long forms of two words or more of the shipped dictionaries'
    abbreviations of bodies (or of no kind said), in lower case: names or
    the fields of names that a head opens ("Quản lý dược" of QLD)."""
    kinds = {DictionaryKind.ORGANISATION, DictionaryKind.UNKNOWN}
    forms = (e.expansion for senses in load_dictionary().values() for e in senses if e.kind in kinds)
    return Phrases.of(p for p in (tuple(w.text.lower() for w in tokens(f)) for f in forms) if len(p) >= 2)


class BodyForms(BodyName):
    """The words of one text, with the forms a body's name is written in."""

    def company(self, i: int, head: int) -> int:
        """Where a company's name ends when its legal form follows its head
        ("Công ty cổ phần", "Công ty TNHH một thành viên", "Công ty CP"): then
        words in lower case that say its trade ("phát triển y học quốc tế"),
        up to its proper name, which may be a person's ("Công ty cổ phần Hoàng
        Anh Gia Lai"); 0 if none, or no proper name follows ("Công ty TNHH")."""
        words = self.words
        if tuple(w.text for w in words[i : i + head]) not in _COMPANIES:
            return 0
        j = i + head
        forms = 0
        while self.joined(j) and (n := _LEGAL_FORMS.match(words, j)):
            j += n
            forms += n
        if not forms:
            return 0
        k = j
        while self.joined(k) and not words[k].capital and k - j < 6 and not self.rules.stop.match(words, k):
            k += 1
        if not self.joined(k) or not words[k].capital or self.head(k) or self.role(k):
            return 0
        name = self.org_name(k, named_head=True) or self.person_name(k, 4) or 1
        end = k + name
        while self.joined(end) and self.words[end].capital and not self.head(end) and end - k < 8:
            end += 1  # the rest of a proper name the run cut ("Hoàng Anh Gia Lai")
        return end

    def sentence_case(self, k: int, after_role: bool) -> int:
        """A body's name in lower case after its head at ``k``: words of the
        dictionary that end with "quốc gia", "trung ương", "quốc tế"
        ("Trung tâm nghiên cứu quốc gia", "Chương trình phòng chống tác hại
        thuốc lá quốc gia"), or, after a role, up to the punctuation ("Phó GĐ
        Trung tâm hỗ trợ sáng kiến phát triển cộng đồng,"); 0 if none."""
        words, rules = self.words, self.rules
        j, tail = k, 0
        while self.joined(j) and not words[j].capital and j - k < 10:
            stop = rules.stop.match(words, j)
            if stop and not (after_role and stop > 1 and not rules.speech.match(words, j)):
                break  # (a noun among the stop words, after a role: "hỗ trợ")
            n = rules.tails.match(words, j)
            if n:
                tail = j + n
            n = n or stop or self.lower_word(j) or int(words[j].text == "và" and j > k)
            if not n:
                break
            j += n
        if tail and tail - k >= 3 and self.boundary(tail) and not self.phrase_goes_on(tail):
            return tail - k
        if after_role and j - k >= 2 and not self.joined(j) and words[j - 1].text != "và":
            return j - k
        return 0

    def phrase_goes_on(self, j: int) -> bool:
        """Whether a preposition or a verb of two words at ``j`` goes on with
        what the phrase before is about ("Chương trình hành động quốc gia
        tăng cường ...": a plan's title); a word such as "đã" ends a name."""
        return self.joined(j) and (
            self.words[j].text in _PREPOSITIONS or self.rules.stop.match(self.words, j) > 1
        )

    def dictionary_name(self, j: int) -> int:
        """The length of a long form of the shipped dictionaries at ``j``,
        in any case, that ends where a name may end ("Quản lý dược" in "Cục
        Quản lý dược cấp phép", which the heuristic cut at its lower-case
        word); 0 if none."""
        words = [w._replace(text=w.lower) for w in self.words[j : j + 12]]
        n = _dictionary_names().match(words, 0) if self.joined(j) else 0
        return n if n and self.boundary(j + n) else 0

    def field_with_commas(self, i: int, head: int) -> int:
        """The length of a ministry's or a department's field after "Bộ" or
        "Sở" at ``i`` written with commas or dashes between its parts ("Bộ
        Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã
        hội"), with the place after it; 0 if none, or no comma in it."""
        j = i + head
        if head != 1 or self.words[i].text not in {"Bộ", "Sở"} or not self.joined(j):
            return 0
        k = j + 1
        words = self.words
        while k < min(len(words), j + 10) and (
            self.joined(k) or self.text[words[k - 1].end : words[k].start].strip() in {",", "-", "–"}
        ):
            k += 1
        n = self.rules.fields.match(plain([w.lower for w in self.words[j:k]]), 0)
        if not n or all(self.joined(m) for m in range(j + 1, j + n)):
            return 0
        place = self.place(j + n) if self.joined(j + n) else 0
        return n + place

    def before_parenthesis(self, start: int, j: int) -> int:
        """How far a name in sentence case after words ``start:j`` of a
        body's name runs, up to a parenthesis that names where it is or
        what it belongs to: after "Quốc gia", "khu vực" and "về", its
        subject ("Trung tâm Quốc gia về thông tin thuốc và theo dõi phản
        ứng có hại của thuốc (Hà Nội)"); otherwise one compound word
        ("Trung tâm Bệnh nhiệt đới (Bệnh viện đa khoa Nghệ An)"); 0 if none."""
        words = self.words
        about = (
            j - start >= 2
            and tuple(w.lower for w in words[j - 2 : j]) in _ABOUT_AFTER
            and self.joined(j)
            and words[j].text == "về"
        )
        k = j + 1 if about else j
        while (
            self.joined(k)
            and k - j < 14
            and not words[k].capital
            and words[k].lower not in _SAID
            and self.rules.stop.match(words, k) <= 1
            and not self.rules.speech.match(words, k)
        ):
            k += 1
        if k == j or (not about and self.lower_word(j) != k - j):
            return 0
        gap = self.text[words[k - 1].end : words[k].start].strip() if k < len(words) else ""
        return k - j if gap == "(" and words[k].capital else 0

    def about_parent(self, start: int, j: int) -> int:
        """How far "về" (about) at ``j`` and its subject in lower case run on
        a name in sentence case (words ``start:j`` after the head, not a
        ministry's field: not "Bộ Y tế về vấn đề này") up to what ends it: a
        comma and the body it belongs to, or a parenthesis ("Cục Cảnh sát
        quản lý hành chính về trật tự xã hội, Bộ Công an", "... xã hội
        (C06)"); 0 if neither follows."""
        words = self.words
        name = [w.lower for w in words[start:j]]
        if (
            not (self.joined(j) and words[j].text == "về")
            or sum(not w.capital for w in words[start:j]) < 2
            or self.rules.fields.match(plain(name), 0) == len(name)
        ):
            return 0
        k = j + 1
        while (
            self.joined(k)
            and k - j < 8
            and not words[k].capital
            and words[k].lower not in _SAID
            and self.rules.stop.match(words, k) <= 1
            and not self.rules.speech.match(words, k)
        ):
            k += 1
        if k < j + 3 or k >= len(words) or words[k - 1].lower in _DEMONSTRATIVES:
            return 0
        if words[j + 1].lower in _TOPICS:
            return 0  # "về việc gia hạn thuốc": what a paper is about
        gap = self.text[words[k - 1].end : words[k].start].strip()
        if gap == "(" and words[k].capital:
            return k - j
        head = self.head(k) if gap == "," and words[k].capital else 0
        end = k + head + self.org_name(k + head) if head else 0
        after = self.text[words[end - 1].end : words[end].start].strip() if 0 < end < len(words) else "."
        return (
            k - j if head and after[:1] in {")", ".", ",", ";"} else 0
        )  # the parent, not a clause's subject

    def unit_tail(self, k: int) -> int:
        """The compound words in lower case that end a hospital unit's name
        in sentence case at ``k`` ("khoa Nội tổng hợp thuộc Bệnh viện ...",
        "khoa Hồi sức tích cực chống độc và ..."), up to where a name may
        end or "và"; 0 if none."""
        j = k
        while self.joined(j) and not self.words[j].capital and j - k < 6 and (n := self.lower_word(j)):
            j += n
        return j - k if j > k and (self.boundary(j) or self.words[j].text == "và") else 0
