"""Vietnamese text helpers: normalisation, folding, slugs and sort order.

These are pure functions shared by the reader (normalisation), the chapter
writer (slugs), the glossary (folded matching, Vietnamese alphabetical order)
and, later, search.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DOTTED_WORDS",
    "LOWER",
    "SENTENCE_STOPS",
    "TONE_MARKS",
    "UPPER",
    "case_key",
    "fold",
    "is_dotted_word",
    "language",
    "normalize_text",
    "slugify",
    "sort_key",
    "word_key",
]

# Characters that carry no text: zero-width space/joiners, word joiner, BOM,
# soft hyphen. They are removed.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Spaces of other widths become a plain space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
# The characters of the two tables, for a substitution (a translation with a
# table is slow on a long text, a substitution of few characters is not).
_INVISIBLE_CHARS = re.compile("[" + "".join(f"\\u{c:04x}" for c in _INVISIBLE) + "]")
_SPACE_CHARS = re.compile("[" + "".join(f"\\u{c:04x}" for c in _SPACES) + "]")

_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
TONE_MARKS = "".join(sorted(_TONES))
"""The five combining tone marks (NFD), as one string."""
_VOWELS = "aăâeêioôơuưy"
_LOWER_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ("", *_TONES)}
    | set("abcdđefghijklmnopqrstuvwxyz")
)
LOWER = "".join(_LOWER_LETTERS)
"""The small letters of Vietnamese (with every tone) and of the Latin
alphabet, for a regular expression's character class: ``rf"[{LOWER}]"``.
(Not the range "à-ỹ", which holds capitals too: "Ă", "Đ", "Ơ", "Ư" and
every capital of Latin Extended Additional stand between its ends.)"""
UPPER = "".join(c.upper() for c in _LOWER_LETTERS)
"""The capitals of Vietnamese and of the Latin alphabet (see :data:`LOWER`)."""
SENTENCE_STOPS = tuple(".!?…")
"""The marks that end a sentence, for ``str.endswith``; the reader's stages add
the marks that close one after them (a quote, a bracket) or end a clause."""
DOTTED_WORDS = frozenset(
    {"TP", "Tp", "GS", "Gs", "PGS", "TS", "Ts", "ThS", "Ths", "BS", "Bs", "CN", "KS", "Q", "P", "TT"}
    | {"TX", "Th", "Tr", "St", "Mr", "Mrs", "Ms", "Dr", "No", "Nxb", "NXB"}
)
"""Words written with a full stop that does not end a sentence ("TP. Hồ Chí
Minh", "GS. TS", "ThS. BS"). An acronym ("BHYT.") ends its sentence."""
_LAST_WORD = re.compile(r"(\w+)$")


def is_dotted_word(before: str, after: str | None = None) -> bool:
    """Whether the text before a full stop ends with one of :data:`DOTTED_WORDS`
    or an initial ("Nguyễn V. A"): the stop ends no sentence. Given the text
    ``after`` the stop, a stop at the line's end ends one, and a single capital
    is an initial only between name words ("viêm gan B. Nhiều ..." ends one)."""
    word = _LAST_WORD.search(before)
    if word is None or (after is not None and not after.strip()):
        return False
    if word[1] in DOTTED_WORDS:
        return True
    if len(word[1]) != 1 or not word[1].isupper():
        return False
    previous = before[: word.start()].split()
    return after is None or (bool(previous) and previous[-1][:1].isupper() and after.lstrip()[:1].isupper())


# Marks that make a letter of its own in the Vietnamese alphabet.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn

# The Vietnamese alphabet, with f, j, w, z at their Latin places for foreign words.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no invisible characters, plain spaces.

    Nothing visible is removed: every letter and mark of the input is kept.
    """
    # Line ends; Word's vertical tab and form feed are line breaks too.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    # text.translate(_INVISIBLE).translate(_SPACES), faster
    text = _SPACE_CHARS.sub(" ", _INVISIBLE_CHARS.sub("", text))
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold each character to its base letter, keeping the string's length.

    ``"Đại học Y Hà Nội"`` becomes ``"Dai hoc Y Ha Noi"``. Because every
    character maps to exactly one character, a match in the folded string is a
    match at the same offsets in the original (NFC) string.
    """
    return text.translate(_FOLD)


class _FoldTable(dict[int, str]):
    """Code point to folded character, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "d" if ch == "đ" else "D" if ch == "Đ" else unicodedata.normalize("NFD", ch)[0]
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def word_key(text: str) -> str:
    """``text`` as compared without case, accents or punctuation: its folded
    words, one space apart ("Hợp tác: quốc tế!" and "hop tac quoc te")."""
    return " ".join(_WORDS.findall(fold(text).casefold()))


_WORDS = re.compile(r"\w+")


def case_key(text: str) -> str:
    """``text`` as compared without case or spacing, marks kept ("Tin  LIÊN
    quan" and "tin liên quan")."""
    return " ".join(text.casefold().split())


def letters_key(text: str) -> str:
    """``text`` as matched against another reading of the same line: its
    folded letters and digits alone ("Ảnh: Lê Hiếu." and "anh le hieu")."""
    return "".join(_WORDS.findall(fold(text).casefold()))


GLUE = re.compile(rf"(?<=[{LOWER}])(?=[{UPPER}])")
"""Where a crawler glued two blocks of text: a capital right after a small letter."""


_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"  # onset
    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"  # vowels, final consonant
)


def is_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of one Vietnamese syllable ("Tòa",
    "nghiêng"), not of a foreign word ("Maxar", "Iran", "Trump")."""
    return _SYLLABLE.fullmatch(fold(word).casefold()) is not None


def slugify(text: str, max_length: int = 80) -> str:
    """A stable ASCII slug: ``"Hợp tác quốc tế"`` gives ``"hop-tac-quoc-te"``.

    Cut at a word boundary to at most ``max_length`` characters; ``""`` when
    the text has no letter or digit.
    """
    ascii_text = fold(text).lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "-".join(words)[:max_length]


def _letter_key(ch: str) -> tuple[int, int]:
    """(alphabet rank, tone) of one lower-case character."""
    if ch == "đ":
        return _RANK["đ"], 0
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    letter = base
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _LETTER_MARKS:
            letter = unicodedata.normalize("NFC", base + mark)
    if letter in _RANK:
        return _RANK[letter], tone
    if letter.isdecimal():
        return int(letter) - 10, 0  # digits before letters
    # Signs and other scripts sort after the alphabet, by code point.
    return len(_ALPHABET) + ord(letter), tone


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for Vietnamese alphabetical order (a ă â b c d đ e ê ...).

    Letters compare first, then tones (none, huyền, hỏi, ngã, sắc, nặng),
    then the original string so that the order is total.
    """
    keys = [_letter_key(ch) for ch in unicodedata.normalize("NFC", text.lower())]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys), text


def language(text: str) -> str:
    """The language of a text, as biblatex names it: ``vietnamese`` when
    two syllables in five carry Vietnamese marks (tones, ă â đ ê ô ơ ư; most
    do in Vietnamese, few in an English text that names "Việt Nam" and "Hà
    Nội"), ``english`` when seven words in ten are plain ASCII, else ``""``."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    if not words:
        return ""
    if sum(1 for w in words if not w.isascii()) >= 0.4 * len(words):
        return "vietnamese"
    return "english" if sum(1 for w in words if w.isascii()) >= 0.7 * len(words) else ""
