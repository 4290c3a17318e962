"""Where an organisation's name ends: the words after its head that are
its name (:meth:`BodyName.org_name`), for the patterns of
:mod:`briefbook.analyse.bodies`; the words around it are
:mod:`briefbook.analyse.bodywords`'s.

A name goes on while its words are capitalised or finish a compound word,
across "&" between two capitalised halves ("Sức khỏe & Đời sống"), with
lower-case words inside it when a capitalised word of it follows ("Viện Vệ
sinh dịch tễ Trung ương"), a school's kind and the person it is named after
("Trường tiểu học Phan Văn Trị"); it stops at a verb, a role, the next
body, a place that ends it, a dash before a person's name, and after a
ministry's field ("Bộ Ngoại giao thông tin thêm").
"""

from __future__ import annotations

from briefbook.analyse.bodywords import DOCUMENTS, BodyWords
from briefbook.analyse.scan import PLACE_WORDS

__all__ = ["BodyName"]


class BodyName(BodyWords):
    """The words of one text, with where a body's name ends."""

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
            if (
                j > i
                and self.head(j)
                and not self.place(j)
                and not (self.opens_word(j) or self.owner_named(i, j))
                and not (words[j - 1].capital and f"{words[j - 1].lower} {word.lower}" in rules.compounds)
            ):
                break  # the next organisation ("Bộ Y tế và Sở Y tế"); not a word's end ("Đa Khoa")
            place = self.place(j) if word.joined and word.capital else 0
            if place > 1:  # a place's words are the place's ("Đại sứ quán Tây Ban Nha")
                j += place
                compound = 0
                continue
            if (self.role(j) and not self.role_named(i, j)) or (
                rules.academic.fullmatch(word.text) and not word.text.isupper()
            ):
                break
            if (word.text in self.abbreviations and not self.names_field(i, j)) or (
                word.text in rules.openers and words[j - 1].text.endswith(".")
            ):
                break  # "Tổ chức Y tế thế giới WHO", "Tập đoàn ITEC"; "Tổng Công ty HUD. Trong đó"
            if word.text[0].isdigit() and not self.number_in_name(i, j):
                break
            if not word.joined and not (
                self.place(j) or self.common_words(j) or rules.kinds.match(words, j) or self.ampersand(j)
            ):
                break  # a dash, then a person ("Bệnh viện Đại học Aachen - Mathias ...")
            person = self.full_name(j) if j > i and words[j - 1].lower not in PLACE_WORDS else 0
            if person >= 3 and not self.school_head(i):
                j += person  # "Bộ Y tế Nguyễn Trường Sơn": a person after the name, split off
                break
            if word.capital or word.text[0].isdigit():
                j += 1
                compound = 1
                continue
            if j > i and self.place_ends(j) and not self.opens_word(j - 1, any_word=True):  # ("Viện Pháp y")
                break  # "Sở Y tế Hà Nội hỗ trợ huyện Mường Lát": the name ends with its place
            if word.text == "về" and self.title_case_about(i, j):
                j += 1  # "Liên minh Hành động Chuyển đổi về Biến đổi Khí hậu và Sức khỏe"
                compound = 0
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
                    and not any(rules.stop.match(words, k) for k in range(j, j + n))  # "Đức chính thức"
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
            listed, through = True, False  # whether every word was of the rules' list ("nhân dân")
            for _ in range(4):
                if k >= len(words) or words[k].capital or (k > j and not words[k].joined):
                    break
                over = self.word_over_stop(k)  # "Ủy ban thường vụ Quốc hội" ("thường" is a stop word)
                if (rules.stop.match(words, k) and not over) or self.next_lower_body(k):
                    break
                through = through or over > 0
                n = over or rules.inside.match(words, k) or self.lower_word(k, listed=True)  # "phòng chống"
                if not n:
                    n = self.lower_word(k)
                    listed = False
                if not n:
                    break
                k += n
            after_place = k > j and words[k - 1].lower in PLACE_WORDS
            if (
                after_place
                and not self.joined(k)
                and rules.inside.match(words, j) == k - j
                and not (k < len(words) and rules.inside.match(words, k) and words[k].text != "và")
            ):
                j = k  # "Chủ tịch Ủy ban Nhân dân tỉnh, Trưởng ban ...": the province left to the context
                break  # (not "UBND tỉnh, thành phố": each province's)
            if after_place and words[k - 1].lower == "tỉnh" and self.joined(k) and self.full_name(k) >= 3:
                j = k  # "Giám đốc Sở Y tế tỉnh Phạm Mạnh Cường": the province left to the context
                break
            if (
                listed
                and not after_place  # "Công an phường Nguyễn Cư Trinh": a ward named after a person
                and k > j
                and self.joined(k)
                and words[k].text in rules.surnames
                and self.full_name(k) >= 3
            ):
                j = k  # "Cục Công nghệ thông tin Nguyễn Trường Nam": the name's own words, then a person
                break
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
            if not kind and words[i - self.head_before(i)].text not in DOCUMENTS:  # (not "Chương trình")
                kind = self.field_then_scope(j, k)  # "Viện pháp y Quốc gia", "Trung tâm pháp y Đà Nẵng"
            if (
                (
                    j > i or after_place or named_head or kind or (listed and words[k - 1].text != "và")
                )  # "UBND tỉnh Đắk Nông", "Trung tâm Y tế dự phòng HN"
                and k > j
                and not (j > i and self.whole_field(i, j))  # "Bộ Công Thương kết luận Con Cưng": what is said
                and self.joined(k)
                and (words[k].capital or (after_place and words[k].text[0].isdigit()))  # "quận 2"
                and not self.head(k)
                and (through or words[k - 1].text != "và" or not self.rules.standalone.match(words, k))
                # ("Bộ Y tế và Chính phủ": two; "Ban chấp hành Trung ương Đảng": one)
                and not self.role(k)
                and words[k].text not in self.abbreviations
                and not (words[k - 1].text == "và" and words[k].text.isupper())  # "Ủy ban MTTQ tỉnh và MTTQ"
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
