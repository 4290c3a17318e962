"""Names that the words around them make a person's or a body's, for the
mention finder (:mod:`briefbook.analyse.mentions`): patterns that read the
signal next to a name rather than the name itself.

- a role before a place that is a person's full name: "Chủ tịch Hồ Chí
  Minh" is the president, not the city;
- a name written in capitals after a title or an honorific: "ông NGUYỄN VĂN
  HÙNG";
- a name, a comma, then who the person heads or speaks for: "Willem
  Rampangilei, người đứng đầu Cơ quan ...";
- a maker's or an agency's name after its kind in lower case: "hãng hàng
  không Jetstar Pacific", "hãng tin AFP" (the kind is no part of the name);
- an outlet of the table named as a source: "Nguồn tin của Zing.vn", "chia
  sẻ với VnExpress", "theo Tuổi Trẻ Online";
- a Vietnamese body abroad with its country: "Hội Sinh viên Việt Nam tại
  Pháp";
- a body's one-word name said again without its head, or after a word for
  a group: "Tập đoàn Viettel ... Viettel cho biết", "lực lượng Taliban ...
  Taliban tuyên bố".
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from briefbook.analyse.bodies import Found, Matched, matched
from briefbook.analyse.glossary import initials_match
from briefbook.analyse.headlists import ListFinder
from briefbook.core.gazetteer import Phrases, province_names, split_words
from briefbook.core.outlets import load_outlets
from briefbook.core.records import EntityKind
from briefbook.core.vietnamese import fold

__all__ = ["SignFinder"]

# What a person heads or speaks for, after a comma: "X, người đứng đầu ...".
_LEADS = frozenset({("người", "đứng", "đầu"), ("người", "phát", "ngôn"), ("phát", "ngôn", "viên")})

# A maker's or an agency's kind before its name, in lower case.
_KINDS = Phrases.of([("hãng", "hàng", "không"), ("hãng", "tin"), ("hãng", "thông", "tấn")])

# Words for a group before its one-word name ("lực lượng Taliban", "chính quyền Taliban"), no head
# of a body; and the lower-case words for a body, words describing it between ("công ty công nghệ
# hàng đầu Deloitte").
_GROUPS = Phrases.of(
    (first, *rest)
    for group in ("lực lượng", "phong trào", "nhóm", "tổ chức", "chính quyền", "công ty", "tập đoàn")
    for first, *rest in [group.split(), group.capitalize().split()]
)

# Stop words that describe a body between its word and its name ("hàng đầu", "lớn nhất").
_PRAISE = frozenset({"hàng", "lớn", "nổi", "danh"})

# Words after which an outlet's name is the source of what is said.
_SOURCE_CUES = frozenset({"của", "với", "theo", "Theo", "trên", "báo", "Báo", "tờ", "hãng", "tin"})


# A site's address written as its name: "Zing.vn", "Dantri.com.vn".
_SITE = re.compile(r"[A-Z][\w-]*\.(?:vn|net|com|org)(?:\.vn)?")


# A Vietnamese syllable (tone marks set aside): a word of that shape is no foreign one-word name.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]+(?:ch|ng|nh|[cmnpt])?"
)


def _capitals(text: str) -> bool:
    """Whether ``text`` is a syllable written in capitals ("NGUYỄN")."""
    return text.isalpha() and text.isupper() and len(text) <= 7


@cache
def _outlet_names() -> Phrases:
    """The names of the outlets of the table, as phrases of words."""
    names = (split_words(n) for n in load_outlets().names() if n[:1].isupper())
    return Phrases.of(n for n in names if n and (len(n) > 1 or len(n[0]) > 3))


class SignFinder(ListFinder):
    """The patterns of names that the words around them give away."""

    again: frozenset[str] = frozenset()
    """One-word names of bodies that the article's other texts give with a head ("Công ty VinBrain")."""

    def person_named_place(self, i: int) -> Matched | None:
        """A role, then a place whose name is a Vietnamese full name of three
        syllables or more ("Chủ tịch Hồ Chí Minh"): the person."""
        role = self.role(i)
        j = i + role
        if (
            not role
            or self.head(i) > role
            or not self.joined(j)
            or self.words[j].text not in self.rules.surnames
        ):
            return None
        n = self.place(j)
        if n >= 3 and all(self.joined(k) and self.words[k].capital for k in range(j, j + n)):
            return matched(Found(EntityKind.PERSON, j, j + n, self.span(i, j)))
        return None

    def capitals_name(self, i: int) -> Matched | None:
        """A name in capitals after titles, an honorific or a role: "ông
        NGUYỄN VĂN HÙNG", "Giám đốc TRẦN THỊ LAN"; a known surname first."""
        titles = self.title_chain(i) or self.role(i)
        j = i + titles
        if not titles or not self.joined(j):
            return None
        k = j
        while k < len(self.words) and k - j < 5 and self.joined(k) and _capitals(self.words[k].text):
            k += 1
        first = self.words[j].text
        if k - j >= 2 and first[:1] + first[1:].lower() in self.rules.surnames and first.isalpha():
            return matched(Found(EntityKind.PERSON, j, k, self.span(i, j)))
        return None

    def name_then_lead(self, i: int) -> Matched | None:
        """A name in any language, a comma, then who the person heads or
        speaks for: "Willem Rampangilei, người đứng đầu Cơ quan ...", "John
        Kirby, người phát ngôn Lầu Năm Góc"."""
        words = self.words
        if not words[i].capital or self.head(i) or self.role(i) or self.place(i) or self.street(i):
            return None
        n = self.any_name(i)
        end = i + n
        if n < 2 or end + 3 > len(words) or words[end].joined or self.gap(end) != ",":
            return None
        lead = tuple(w.lower for w in words[end : end + 3])
        if lead not in _LEADS or not all(self.joined(k) for k in range(end + 1, end + 3)):
            return None
        if any(self.place(k) or self.head(k) for k in range(i, end)):
            return None
        return matched(Found(EntityKind.PERSON, i, end))

    def lower_body(self, i: int) -> Matched | None:
        """A maker's or an agency's name after its kind ("hãng hàng không
        Jetstar Pacific", "hãng tin AFP"), else a body after a head in lower
        case (:meth:`BodyFinder.lower_body`)."""
        kind = _KINDS.match(self.words, i)
        j = i + kind
        if kind and all(self.joined(k) for k in range(i + 1, j + 1)) and self.words[j].capital:
            n = self.any_name(j) or int(self.words[j].text.isupper() and self.words[j].text.isalpha())
            if n and not self.place(j):
                return matched(Found(EntityKind.ORGANISATION, j, j + n))
        return super().lower_body(i)

    def cited_outlet(self, i: int) -> Matched | None:
        """An outlet of the table named after a word that makes it a source:
        "Nguồn tin của Zing.vn", "chia sẻ với VnExpress", "theo Tuổi Trẻ
        Online" (a site's address written as a name counts)."""
        if i == 0 or not self.joined(i) or self.words[i - 1].text not in _SOURCE_CUES:
            return None
        n = _outlet_names().match(self.words, i)
        if not n and _SITE.fullmatch(self.words[i].text):
            n = 1  # a site's address written as its name ("Zing.vn", "Dantri.com.vn")
        if n and self.place(i) < n and not (self.joined(i + n) and self.words[i + n].capital):
            return matched(Found(EntityKind.ORGANISATION, i, i + n))
        return None

    def organisation(self, i: int, role_start: int | None = None) -> list[Found]:
        """An organisation at ``i`` (:meth:`BodyFinder.organisation`), with
        its country when it is a Vietnamese body abroad ("Hội Sinh viên Việt
        Nam tại Pháp", "Đại sứ quán Việt Nam tại Nhật Bản")."""
        found = super().organisation(i, role_start)
        if found and found[-1].kind is EntityKind.ORGANISATION:
            end = found[-1].end
            words = self.words
            n = self.place(end + 1) if self.joined(end) and words[end].text == "tại" else 0
            if (
                n
                and end >= 2
                and (words[end - 2].text, words[end - 1].text) == ("Việt", "Nam")
                and self.span(end + 1, end + 1 + n) not in province_names()
                and not (self.joined(end + 1 + n) and words[end + 1 + n].capital)
            ):
                found[-1] = dataclasses.replace(found[-1], end=end + 1 + n)
        return found

    def country_after(self, i: int) -> int:
        """The words of "Việt Nam" after a Vietnamese body's abbreviation at
        ``i`` (its letters are its long form's initials: "MTTQ Việt Nam"; not
        "WHO Việt Nam", an office of a body abroad); 0 if none."""
        long_form = self.abbreviations.get(self.words[i].text, "")
        n = self.place(i + 1) if self.joined(i + 1) else 0
        if n == 2 and self.span(i + 1, i + 3) == "Việt Nam" and initials_match(self.words[i].text, long_form):
            return 0 if self.joined(i + 3) and self.words[i + 3].capital else n
        return 0

    def one_word_name(self, k: int) -> bool:
        """Whether word ``k`` alone may be a body's name: a foreign word
        (not a Vietnamese syllable, no abbreviation), capitalised, three
        letters or more, no place, head, role or surname, and the name ends
        there ("Viettel", "Taliban", "Vingroup")."""
        text = self.words[k].text if k < len(self.words) else ""
        return (
            len(text) >= 3
            and not text.isupper()  # (abbreviations are the glossary's: "Quỹ BHYT", "Chi cục ATTP")
            and not _SYLLABLE.fullmatch(fold(text).lower())  # (not a Vietnamese word: "nhóm Bạn ...")
            and text[0].isupper()
            and text.replace("-", "").isalpha()
            and not (self.place(k) or self.head(k) or self.role(k))
            and text not in self.rules.surnames
            and text not in self.rules.openers
            and not (self.joined(k + 1) and self.words[k + 1].capital)
        )

    def describing(self, k: int) -> int:
        """The lower-case words at ``k`` that describe a body between the word
        for it and its name, up to four ("công nghệ hàng đầu"); not a verb
        or a preposition (a stop word, but for praise: "hàng đầu")."""
        words, n = self.words, 0
        while n < 4 and self.joined(k + n) and words[k + n].text.isalpha() and words[k + n].text.islower():
            if self.rules.stop.match(words, k + n) and words[k + n].text not in _PRAISE:
                break
            n += 1
        return n if self.joined(k + n) and words[k + n].capital else 0

    def named_again(self, found: list[Found]) -> list[Found]:
        """``found``, with the bodies named again by their one-word name
        alone: a body found as a head and one word ("Tập đoàn Viettel"), or
        a word for a group and one word ("lực lượng Taliban"), here or in
        another text of the article (:attr:`again`), names every other use
        of that word by itself."""
        words, names, extra = self.words, set(self.again), []
        for m in found:
            head = m.end - m.first - 1
            if (
                m.kind is EntityKind.ORGANISATION
                and head >= 1
                and self.one_word_name(m.end - 1)
                and head in {self.head(m.first), self.lower_head(m.first)}
            ):
                names.add(words[m.end - 1].text)
        covered = {k for m in found for k in range(m.first, m.end)}
        for i in range(len(words)):
            n = _GROUPS.match(words, i)
            n += self.describing(i + n) if n else 0
            if n and self.joined(i + n) and i + n not in covered and self.one_word_name(i + n):
                names.add(words[i + n].text)
        for k, word in enumerate(words):
            inside = k > 0 and self.joined(k) and (words[k - 1].capital or self.head_before(k) > 0)
            # (a longer name's last word; a body's: "Hội đồng Olympic châu Á")
            if word.text in names and k not in covered and self.one_word_name(k) and not inside:
                extra.append(Found(EntityKind.ORGANISATION, k, k + 1))
        return sorted([*found, *extra], key=lambda m: m.first) if extra else found
