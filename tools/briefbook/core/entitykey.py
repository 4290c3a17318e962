"""What two ways of writing one name share (:func:`entity_key`), and a
person's name without the titles before it (:func:`strip_titles`): for the
register, the index and the scoring of the entities, over the gazetteer's
rules (:mod:`briefbook.gazetteer`).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.core.gazetteer import PLACE_TYPES, Word, load_rules, new_style, plain, split_words
from briefbook.core.records import EntityKind

__all__ = ["entity_key", "strip_titles"]

# The first words of the heads of a university or a college, which "Trường"
# may open or not ("Trường Đại học Y Hà Nội", "Đại học Y Hà Nội").
_HIGHER_SCHOOLS = frozenset({"Đại", "ĐH", "Cao", "CĐ", "Học"})


def strip_titles(name: str) -> str:
    """``name`` without the titles, honorifics and roles in front of it
    ("PGS-TS Tăng Chí Thượng", "Thứ trưởng Lê Quang Cường", "ông Hạnh")."""
    rules = load_rules()
    words = plain(split_words(name))
    i = 0
    while i < len(words) - 1:
        word = words[i].text
        n = rules.roles.match(words, i)
        if n and n < len(words) - i:
            i += n
        elif rules.academic.fullmatch(word) or word in rules.honorifics:
            i += 1
        else:
            break
    return " ".join(w.text for w in words[i:])


def _pair(words: Sequence[Word], i: int) -> str:
    return f"{words[i].lower} {words[i + 1].lower}" if i + 1 < len(words) else ""


def entity_key(kind: EntityKind, surface: str) -> str:
    """What two ways of writing one entity share: case, tone-mark placement,
    abbreviated heads ("BV") and the forms of a place's name set aside."""
    rules = load_rules()
    words = plain(split_words(surface))
    if (
        kind is EntityKind.ORGANISATION
        and len(words) > 2
        and words[0].lower == "trường"
        and words[1].text in _HIGHER_SCHOOLS
        and rules.head_phrases.match(words, 1)
    ):
        words = words[1:]  # "Trường Đại học Toulouse" is "Đại học Toulouse"
    n = rules.head_phrases.match(words, 0)
    full = rules.heads.get(tuple(w.text for w in words[:n])) if n else ""
    out = full.split() if full else [w.text for w in words[:n]]
    # A place inside the name in its usual form ("Sở Y tế TP HCM").
    i = n
    while i < len(words):
        n = rules.place_phrases.match(words, i)
        if (
            kind is EntityKind.ORGANISATION
            and not n
            and (words[i].text.lower() in PLACE_TYPES or _pair(words, i) in PLACE_TYPES)
        ):
            skip = 2 if _pair(words, i) in PLACE_TYPES else 1
            if rules.place_phrases.match(words, i + skip) == len(words) - i - skip:
                i += skip  # "Sở Y tế tỉnh Kon Tum" is "Sở Y tế Kon Tum"
                continue
        if n and (n > 1 or kind is not EntityKind.PERSON):
            out += rules.places[tuple(w.text for w in words[i : i + n])].split()
            i += n
        else:
            out.append(words[i].text)
            i += 1
    if (
        kind is EntityKind.ORGANISATION
        and out[:2] in (["Chính", "phủ"], ["Quốc", "hội"])
        and out[2:] == ["Việt", "Nam"]
    ):
        out = out[:2]  # "Chính phủ Việt Nam" is the "Chính phủ" of the Vietnamese press
    # An abbreviation's hyphens and ampersands set aside ("LĐ-TB&XH" is
    # "LĐTBXH", "Bộ TT&TT" is "Bộ TTTT").
    bare = [w.replace("-", "").replace("&", "") for w in out]
    out = [b if b.isupper() else w for w, b in zip(out, bare, strict=True)]
    key = new_style(" ".join(out).casefold())
    if kind is EntityKind.PERSON and all(w.isascii() for w in out) and len(out) > 1:
        key = " ".join(sorted(key.split()))  # "Eric Soulier" and "Soulier Eric"
    return f"{kind.name[0]}:{key}"
