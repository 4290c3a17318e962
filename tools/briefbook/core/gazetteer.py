"""The gazetteer: the words and phrases that make the entity rules.

The rule data (``data/entities.yaml``: titles, roles, heads of organisations,
surnames, places, stop words) is read once, with underthesea's compound words
(Viet74K) and Vietnam's provinces (its address data). :func:`tokens` cuts a
text into words as the rules see them; :func:`is_place` can be used without
the mention finder (the reader uses it). What two ways of writing one name
share is :mod:`briefbook.core.entitykey`'s.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from briefbook.core.phrases import Phrases, Word
from briefbook.core.vietnamese import TONE_MARKS, UPPER

__all__ = [
    "PLACE_TYPES",
    "Phrases",
    "Rules",
    "Word",
    "is_name_syllable",
    "is_place",
    "load_rules",
    "locality_names",
    "plain",
    "province_names",
    "split_words",
    "tokens",
]

# The data files shipped with briefbook through libyaml where PyYAML has it
# (the same data, several times faster); never an article's sidecar.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A word: letters and digits, joined by "." "-" "&" inside (TP.HCM, PGS-TS, LĐTB&XH),
# or by a slash before letters (HIV/AIDS, "HIV/ AIDS").
_WORD = re.compile(r"[^\W_]+(?:[.\-&'’][^\W_]+|/ ?[^\W\d_]{2,}(?![^\W_]))*\.?")

# What may stand between two words of one name: spaces only.
_SPACE = re.compile(r"[ \t]+")

# Words whose full stop is their own: "TP.", "GS.", an initial "M." "N.V.A.".
_ABBREVIATED = re.compile(rf"[{UPPER}]{{1,4}}\.|(?:[^\W\d_]\.)+")

_DASH = re.compile(r"[ \t]+[-–][ \t]+")

# A mark after an open "oa", "oe", "uy" syllable, moved to the first vowel
# (hoà/hòa, thuý/thúy are one name).
_NEW_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{TONE_MARKS}])(?![^\W\d_])")
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([{TONE_MARKS}])([aAeEyY])(?![^\W\d_])")
# Words for a province or a city before its name, which an organisation's
# name may leave out ("Sở Y tế thành phố Đà Nẵng", "Sở Y tế Đà Nẵng").
PLACE_TYPES = frozenset({"tỉnh", "tp", "tp.", "thành phố"})


@dataclass(frozen=True, slots=True)
class Rules:
    academic: re.Pattern[str]
    honorifics: frozenset[str]
    roles: Phrases
    heads: dict[tuple[str, ...], str]
    """Head words to the head's full form ("" when written in full)."""
    head_phrases: Phrases
    standalone: Phrases
    inside: Phrases
    tails: Phrases
    compounds: frozenset[str]
    surnames: frozenset[str]
    places: dict[tuple[str, ...], str]
    """A place's words to its name."""
    place_phrases: Phrases
    lower_starters: frozenset[str]
    """The lower-case words a name, role or title may start with."""
    specialties: frozenset[str]
    """The compound words of organisations' names that the rules list (not the dictionary's)."""
    stop: Phrases
    """Lower-case words a name never runs on across (verbs, conjunctions)."""
    streets: Phrases
    """Lower-case words after which a capitalised run is a place."""
    fields: Phrases
    """Fields of government in lower case ("công thương", "tuyên giáo")."""
    speech: Phrases
    """Verbs of saying after a person's name ("cho biết", "nói")."""
    kinds: Phrases
    """Words of a school's or a hospital's kind ("THCS", "Đại học")."""
    districts: frozenset[tuple[str, ...]]
    """The words of Vietnam's districts' names ("Hà Đông", "Cao Lãnh")."""
    openers: frozenset[str]
    """Capitalised words that open a sentence and are no one's name ("Theo", "Tại")."""
    bodies: Phrases
    """The heads in lower case ("cơ quan", "bệnh viện"): a body, not a field of one."""


def _data(name: str) -> str:
    return resources.files("briefbook").joinpath("data", name).read_text("utf-8")


def _underthesea_file(*parts: str) -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        raise RuntimeError("briefbook needs underthesea (pip install underthesea)")
    return Path(spec.origin).parent.joinpath(*parts)


_DISTRICT_TYPES = ("Quận ", "Huyện ", "Thị xã ", "Thành phố ")


def _districts(address: dict[str, object]) -> frozenset[tuple[str, ...]]:
    """The names of the districts of underthesea's address data, of two
    words or more and no number ("Huyện Đồng Hỷ" -> "Đồng Hỷ")."""
    found = set()
    rows = address.get("ward_mapping", [])
    for row in rows if isinstance(rows, list) else []:
        name = unicodedata.normalize("NFC", str(row.get("old_district", "")))
        for kind in _DISTRICT_TYPES:
            if name.startswith(kind):
                words = split_words(name[len(kind) :])
                if len(words) >= 2 and all(w.isalpha() for w in words):
                    found.add(words)
    return frozenset(found)


def split_words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = yaml.load(_data("entities.yaml"), Loader=_LOADER)
    titles = "|".join(sorted(map(re.escape, data["academic_titles"]), key=len, reverse=True))
    academic = re.compile(rf"(?:{titles})(?:[.\-](?:{titles}))*\.?")
    # Compound words of two or three syllables (underthesea's Viet74K list).
    compounds = set(data["compounds"])
    lexicon = _underthesea_file("corpus", "data", "Viet74K.txt").read_text("utf-8")
    for line in lexicon.splitlines():
        word = unicodedata.normalize("NFC", line.strip().lower())
        if 2 <= word.count(" ") + 1 <= 3:
            compounds.add(word)
            compounds.add(new_style(word))  # "văn hoá" is written "văn hóa"
    places: dict[tuple[str, ...], str] = {}
    for names in data["places"]:
        for alias in names:
            places[split_words(alias)] = names[0]
    for names in data["places"]:
        for alias in names:
            for spelt in _styles(alias)[1:]:  # "Thanh Hoá" is Thanh Hóa
                places.setdefault(split_words(spelt), names[0])
    address = json.loads(_underthesea_file("address", "data", "mapping.json").read_text("utf-8"))
    for table in ("province_names", "old_province_names"):
        for province in address.get(table, {}).values():
            short = unicodedata.normalize("NFC", province["short"])
            for name in (short, unicodedata.normalize("NFC", province["name"])):
                for spelt in _styles(name):
                    places.setdefault(split_words(spelt), short)
    heads = {split_words(h): full for h, full in data["org_heads"].items()}
    for h, full in data["org_heads"].items():
        for spelt in _styles(h)[1:]:  # "Tỉnh uỷ" is "Tỉnh ủy"
            heads.setdefault(split_words(spelt), full)
    firsts = [split_words(r)[0] for r in data["roles"]] + list(data["honorifics"]) + data["academic_titles"]
    firsts += [phrase[0] for phrase in [*heads, *places]] + [
        split_words(s)[0] for s in data["org_standalone"]
    ]
    return Rules(
        academic=academic,
        honorifics=frozenset(data["honorifics"]),
        roles=Phrases.of(v for r in data["roles"] for v in _sentence_cases(split_words(r))),
        heads=heads,
        head_phrases=Phrases.of(heads),
        standalone=Phrases.of(split_words(s) for s in data["org_standalone"]),
        inside=Phrases.of(split_words(s) for s in data["org_inside"]),
        tails=Phrases.of(split_words(s) for s in data["org_tails"]),
        compounds=frozenset(compounds),
        surnames=frozenset(data["surnames"]),
        places=places,
        place_phrases=Phrases.of(places),
        lower_starters=frozenset(w for w in firsts if not w[0].isupper()),
        specialties=frozenset(data["compounds"]),
        stop=Phrases.of(split_words(s) for s in data["stop_words"]),
        streets=Phrases.of(split_words(s) for s in data["street_words"]),
        speech=Phrases.of(split_words(k) for k in data["speech_verbs"]),
        fields=Phrases.of(split_words(k) for k in data["org_fields"]),
        # Also in lower case ("Trường tiểu học Phan Văn Trị"), but not an abbreviation.
        kinds=Phrases.of(
            split_words(k if c == 0 else k.lower())
            for k in data["org_kinds"]
            for c in range(1 if k.isupper() else 2)
        ),
        districts=_districts(address),
        openers=frozenset(data["sentence_openers"]),
        bodies=Phrases.of(tuple(w.lower() for w in h) for h in heads),
    )


@lru_cache(maxsize=1)
def province_names() -> tuple[str, ...]:
    """The short names of Vietnam's provinces and cities, of today and of
    before the 2025 merger ("Hà Nội", "Bình Phước"), from underthesea's
    address data; read without the rest of the gazetteer."""
    address = json.loads(_underthesea_file("address", "data", "mapping.json").read_text("utf-8"))
    names = {
        unicodedata.normalize("NFC", province["short"])
        for table in ("province_names", "old_province_names")
        for province in address.get(table, {}).values()
    }
    return tuple(sorted(names))


_LOCALITY_TYPES = (*_DISTRICT_TYPES, "Phường ", "Xã ", "Thị trấn ")


@lru_cache(maxsize=1)
def locality_names() -> frozenset[str]:
    """The names of Vietnam's districts, wards and communes of two words or
    more, of before and after the 2025 merger ("Tân Triều", "Đức Giang"), from
    underthesea's address data: a place that may end a body's name."""
    address = json.loads(_underthesea_file("address", "data", "mapping.json").read_text("utf-8"))
    rows = address.get("ward_mapping", [])
    found = set()
    for row in rows if isinstance(rows, list) else []:
        for field in ("old_district", "old_ward", "new_ward"):
            name = unicodedata.normalize("NFC", str(row.get(field, "")))
            for kind in _LOCALITY_TYPES:
                rest = name[len(kind) :]
                if name.startswith(kind) and " " in rest and all(w.isalpha() for w in rest.split()):
                    found.add(rest)
    return frozenset(found)


def new_style(text: str) -> str:
    """``text`` with the tone mark of an open "oa", "oe", "uy" syllable on
    its first vowel, as the press writes it ("hoá" -> "hóa")."""
    return unicodedata.normalize("NFC", _NEW_STYLE.sub(r"\1\3\2", unicodedata.normalize("NFD", text)))


def _styles(text: str) -> tuple[str, ...]:
    """``text`` as written, then with its tone marks placed in the new and
    the old way ("Thanh Hóa", "Thanh Hoá")."""
    old = unicodedata.normalize("NFC", _OLD_STYLE.sub(r"\1\3\2", unicodedata.normalize("NFD", text)))
    return tuple(dict.fromkeys((text, new_style(text), old)))


def is_place(text: str) -> bool:
    """Whether ``text`` is the name of a place briefbook knows ("Hà Nội")."""
    return split_words(text) in load_rules().places


def plain(words: Sequence[str]) -> list[Word]:
    """Words of a name, as joined words (to match phrases against them)."""
    return [Word(w, 0, 0, True) for w in words]


# Two words written with a comma between them inside names ("Cục Quản lý
# khám, chữa bệnh", "Cục Phòng, chống HIV/AIDS").
_COMMA_PAIRS = frozenset({("khám", "chữa"), ("phòng", "chống")})


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


# The words for a person that open a sentence as its subject ("... tại Bệnh
# viện Phụ sản T.Ư. Chị cho biết"), and are no one's given name.
_SUBJECTS = frozenset({"Ông", "Bà", "Chị", "Cụ"})


def _opens_next(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return m is not None and (m.group(1) in load_rules().openers or m.group(1) in _SUBJECTS)


def _ends(word: str, text: str, end: int) -> bool:
    """Whether the full stop of an abbreviation of two letters or more ends
    the text ("nói với hãng tin PTI."): the sentence's, not the word's."""
    return len(word) > 2 and word[:-1].isupper() and not text[end:].strip()


def _glued(word: str) -> int:
    """Where a word glued to the next sentence's first word ends (0 if it
    is not): "TháiGần", "TPHCMĐến", "DNBộ" (a caption or a byline run into
    the text), not a brand's inner capital ("VnExpress", "MobiFone")."""
    for k in range(len(word) - 2, 0, -1):  # the last: "VietNamnetSố"
        c = word[k]
        if c.isupper() and word[k:].isupper() and word[:k].islower() and not word[:k].isascii() and k >= 2:
            return k  # "thiếtĐB": an abbreviation glued to a word
        if (
            c.isupper()
            and word[k - 1] == "."
            and word[k + 1].islower()
            and (not word[: k - 1].isupper() or word[k:] in load_rules().openers)
        ):
            return k  # "27.5.Thủ tướng", "Internet.Bác sĩ", "TP.Theo"; not "TP.Hồ Chí Minh"
        if (
            c.isupper()
            and word[k + 1].islower()
            and (word[k - 1].islower() or (k >= 2 and word[k - 2 : k].isupper()))
            and not (word[:k].isascii() and word[k:].isascii())
            and word[k - 1].isalpha()
        ):
            return k
    return 0


def _joined(text: str, last: int, start: int, words: list[Word]) -> bool:
    """Whether only spaces separate a word at ``start`` from the one ending at ``last``."""
    gap = text[last:start]
    return bool(words) and (gap == " " or _SPACE.fullmatch(gap) is not None)


_new_word = tuple.__new__
"""``_new_word(Word, (text, start, end, joined, dash))`` is ``Word(text, start,
end, joined, dash)`` without the call of its generated ``__new__`` (one for
each word of the book)."""


def tokens(text: str) -> list[Word]:
    words: list[Word] = []
    append = words.append
    last = 0
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        if len(word) > 3 and not word[1:].islower() and not word.isupper():
            cut = _glued(word)
            if cut:  # a word glued to the next sentence's first word
                first = word[:cut].rstrip(".")
                append(Word(first, start, start + len(first), _joined(text, last, start, words)))
                last, word, start = start + len(first), word[cut:], start + cut
        # A full stop ends a sentence unless it belongs to the word (TP., GS.),
        # or a sentence's first word follows ("Tổng Công ty HUD. Trong đó").
        if word.endswith(".") and (
            not _ABBREVIATED.fullmatch(word) or _opens_next(text, end) or _ends(word, text, end)
        ):
            word, end = word[:-1], end - 1
        gap = text[last:start]
        if gap == " ":  # most words: what _joined says, and no dash
            append(_new_word(Word, (word, start, end, bool(words), False)))
            last = end
            continue
        joined = bool(words) and _SPACE.fullmatch(gap) is not None
        if gap == ", " and words and (words[-1].text.lower(), word) in _COMMA_PAIRS:
            joined = True  # "khám, chữa bệnh", "phòng, chống": one word of a name
        dash = bool(words) and not joined and _DASH.fullmatch(gap) is not None
        append(_new_word(Word, (word, start, end, joined, dash)))
        last = end
    return words


def _sentence_cases(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A role as written, and in sentence case from each of its words on:
    "Phó Chánh Văn phòng", "Phó Chánh văn phòng", "Phó chánh văn phòng"."""
    return [phrase[:k] + tuple(w.lower() for w in phrase[k:]) for k in range(1, len(phrase))] + [phrase]


def is_name_syllable(word: Word) -> bool:
    """A capitalised syllable of a person's name (not an abbreviation, no
    digit, not a word that opens a sentence)."""
    text = word.text
    return (
        text[0].isupper()
        and text.isalpha()
        and (len(text) == 1 or not text[1:].isupper())
        and len(text) <= 9
        and text not in load_rules().openers
    )
