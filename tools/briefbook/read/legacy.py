"""Vietnamese legacy font encodings: TCVN3 (ABC) and VNI Windows to Unicode.

Before Unicode, Vietnamese was typed in fonts whose 8-bit codes stood for
its letters: TCVN3 (the ".VnTime" fonts, one byte a letter) and VNI Windows
(the "VNI-Times" fonts, a base letter and a byte for its marks). Such text
comes as its own bytes, or already mis-saved as UTF-8 after a program read
those bytes as Windows-1252 ("Bé Y tÕ ®Èy m¹nh" for "Bộ Y tế đẩy mạnh").
Either way it is the same characters once the bytes are read as cp1252, and
:func:`from_legacy` maps them back to the letters, by the tables of
``data/legacy-encodings.tsv`` (taken from bamboo-core, an MIT-licensed
Vietnamese input method; the file says where from).

TCVN3's fonts have no capitals with tone marks: a capital was the same code
in a capitals-only font, and plain text keeps only the code. A letter with
a tone mark is therefore read as a small letter, and as a capital when
every other letter of its word is a capital ("CéNG HßA", "CỘNG HÒA").
:mod:`briefbook.read.decoding` decides whether a text is in one of these
encodings: the result must read as Vietnamese, and most of its words be
syllables of underthesea's Viet74K word list (:func:`syllable_share`; VNI
read as TCVN3 gives Vietnamese letters, but not Vietnamese words).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["LegacyEncoding", "as_cp1252", "cp1252_bytes", "from_legacy", "syllable_share"]


class LegacyEncoding(Enum):
    """A legacy font encoding, by the name the data file gives it."""

    TCVN3 = "tcvn3"
    VNI = "vni"


_BYTES = [bytes([b]) for b in range(256)]
# cp1252 leaves five bytes undefined: they read as their Latin-1 characters.
_CP1252 = [b.decode("cp1252", errors="ignore") or b.decode("latin-1") for b in _BYTES]
_TO_CP1252 = {ch: i for i, ch in enumerate(_CP1252)}


def as_cp1252(data: bytes) -> str:
    """``data`` read as Windows-1252 (no byte fails)."""
    return "".join(_CP1252[b] for b in data)


def cp1252_bytes(text: str) -> bytes | None:
    """The bytes that read as ``text`` in Windows-1252; ``None`` if none do."""
    try:
        return bytes(_TO_CP1252[ch] for ch in text)
    except KeyError:
        return None


@cache
def _table(encoding: LegacyEncoding) -> tuple[dict[str, str], frozenset[str]]:
    """Legacy characters to letter, and the legacy characters that stand for
    both a small letter and its capital (TCVN3)."""
    table: dict[str, str] = {}
    both: set[str] = set()
    data = resources.files("briefbook").joinpath("data/legacy-encodings.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        name, letter, escaped = line.split("\t")
        if name != encoding.value:
            continue
        legacy = escaped.encode("ascii").decode("unicode_escape")
        if legacy in table and table[legacy] != letter:
            both.add(legacy)
            letter = min(table[legacy], letter, key=str.isupper)  # the small letter
        table[legacy] = letter
    return table, frozenset(both)


_WORD = re.compile(r"\w+")


def from_legacy(text: str, encoding: LegacyEncoding) -> str:
    """``text`` (legacy codes read as cp1252) with its letters in Unicode;
    characters that stand for no letter are kept."""
    table, both = _table(encoding)
    out: list[str] = []
    either: list[int] = []  # where a letter may be a capital
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
            continue
        ch = text[i]
        if ch in both:
            either.append(len(out))
        out.append(table.get(ch, ch))
        i += 1
    if either:
        _capitals(out, either)
    return "".join(out)


def _capitals(chars: list[str], either: list[int]) -> None:
    """Make capitals of the letters in ``either`` whose word is otherwise capitals."""
    text = "".join(chars)  # one character per item: offsets match
    marked = set(either)
    for word in _WORD.finditer(text):
        spots = [i for i in range(word.start(), word.end()) if i in marked]
        others = [text[i] for i in range(word.start(), word.end()) if i not in marked and text[i].isalpha()]
        if spots and len(others) >= 2 and all(c.isupper() for c in others):
            for i in spots:
                chars[i] = chars[i].upper()


@cache
def _syllables() -> frozenset[str]:
    """The syllables of underthesea's Viet74K word list, in small letters."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or spec.origin is None:
        raise RuntimeError("briefbook needs underthesea (pip install underthesea)")
    lexicon = Path(spec.origin).parent.joinpath("corpus", "data", "Viet74K.txt").read_text("utf-8")
    return frozenset(unicodedata.normalize("NFC", lexicon.lower()).split())


def syllable_share(text: str) -> float:
    """The share of the words of ``text`` with a letter outside ASCII that
    are Vietnamese syllables (0 when there is none)."""
    words = [w for w in _WORD.findall(text.lower()[:50_000]) if not w.isascii() and not w.isdigit()]
    if not words:
        return 0.0
    known = _syllables()
    return sum(1 for w in words if w in known) / len(words)
