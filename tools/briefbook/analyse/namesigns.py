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
  sẻ với VnExpress", "theo Tuổi Trẻ Online".
"""

from __future__ import annotations

import re
from functools import cache

from briefbook.analyse.bodies import Found, Matched, matched
from briefbook.analyse.headlists import ListFinder
from briefbook.core.gazetteer import Phrases, split_words
from briefbook.core.outlets import load_outlets
from briefbook.core.records import EntityKind

__all__ = ["SignFinder"]

# What a person heads or speaks for, after a comma: "X, người đứng đầu ...".
_LEADS = frozenset({("người", "đứng", "đầu"), ("người", "phát", "ngôn"), ("phát", "ngôn", "viên")})

# A maker's or an agency's kind before its name, in lower case.
_KINDS = Phrases.of([("hãng", "hàng", "không"), ("hãng", "tin"), ("hãng", "thông", "tấn")])

# Words after which an outlet's name is the source of what is said.
_SOURCE_CUES = frozenset({"của", "với", "theo", "Theo", "trên", "báo", "Báo", "tờ", "hãng", "tin"})


# A site's address written as its name: "Zing.vn", "Dantri.com.vn".
_SITE = re.compile(r"[A-Z][\w-]*\.(?:vn|net|com|org)(?:\.vn)?")


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
