"""Bytes to text: decode an article file and normalise it.

UTF-8 (with or without BOM) and UTF-16/32 (with BOM, or UTF-16 without one,
recognised by its NUL bytes) are read as such. Other bytes are tried as the
legacy Vietnamese Windows code page (cp1258), then as the font encodings
TCVN3 and VNI (:mod:`briefbook.read.legacy`), and accepted only when the result
reads as Vietnamese: letters of the Vietnamese alphabet, with its accented
letters, and none of the stray symbols that mojibake or font encodings
produce. UTF-8 text that does not read as Vietnamese but does once read as
TCVN3 or VNI (font-encoded text mis-saved as UTF-8: "Bé Y tÕ ®Èy m¹nh") is
taken in its letters. A file that passes no test is an error naming the
file and line, never mojibake in the book.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import PurePath

from briefbook.core.problems import ProblemKind, Value, english
from briefbook.core.records import Problem, RawText, Severity
from briefbook.core.vietnamese import normalize_text
from briefbook.read.legacy import LegacyEncoding, as_cp1252, cp1252_bytes, from_legacy, syllable_share

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_LINE_CHARS",
    "ArticleError",
    "check_lines",
    "decode_article",
    "decode_text",
]

MAX_ARTICLE_BYTES = 16_000_000
"""The largest text article read (16 MB, some 8,000 pages); a larger file is an error."""
MAX_LINE_CHARS = 200_000
"""The longest line read (some 60 pages without a line break); a longer one is an error."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than line feed and tab; a stray one becomes a space.
_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\n\t") | {"\x7f"}
_CONTROL_TO_SPACE = dict.fromkeys(map(ord, _CONTROLS), " ")
_CONTROL = re.compile("[" + "".join(f"\\x{ord(c):02x}" for c in sorted(_CONTROLS)) + "]")
# What Windows-1252 shows of Latin-1's letters and signs (see _mis_saved).
_LATIN1_SHOWN = re.compile("[\u00a1-\u00ff]")


_BASE = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for letter in _BASE
    for base in (letter, letter.upper())
    for tone in (_TONES if base.lower() in "aăâeêioôơuưy" else ("",))
)
# Code pages tried, in order, for bytes that are not UTF-8; then the font encodings.
_LEGACY = ("cp1258",)
_FONT_ENCODINGS = (LegacyEncoding.TCVN3, LegacyEncoding.VNI)
# Of the accented words of a text read in a font encoding, the share that
# must be Vietnamese syllables.
_MIN_SYLLABLES = 0.8


def reads_as_vietnamese(text: str) -> bool:
    """Whether ``text`` looks like Vietnamese rather than mojibake."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    foreign = sum(1 for c in letters if c not in _VIETNAMESE_LETTERS)
    accented = sum(1 for c in letters if not c.isascii())
    # Latin-1 symbols (¸ µ ¶ · ¹ º » ¼ ½ ¾ ¿ × ÷ ...) mark mojibake.
    symbols = sum(1 for c in text if "\u00a1" <= c <= "\u00bf" or c in "\u00d7\u00f7\u2020\u2021\u2030")
    return (
        foreign <= 0.005 * len(letters) and accented >= 0.05 * len(letters) and symbols <= 0.002 * len(text)
    )


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0.3 * len(data) / 2 and even == 0:
        return "utf-16-le"
    if even > 0.3 * len(data) / 2 and odd == 0:
        return "utf-16-be"
    return None


class ArticleError(Exception):
    """An article that cannot be read at all: what (``kind``, with the
    ``values`` of its message) and where. The message names the file."""

    def __init__(
        self,
        path: PurePath,
        kind: ProblemKind,
        *values: Value,
        lineno: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = path
        self.kind = kind
        self.values = values
        self.message = english(kind, values)
        self.lineno = lineno
        self.column = column
        where = f"{path}:{lineno}" if lineno else str(path)
        where += f":{column}" if lineno and column else ""
        super().__init__(f"{where}: {self.message}")

    def problem(self) -> Problem:
        """The error, as the report and the command line list it."""
        return Problem.of(
            self.path,
            self.kind,
            *self.values,
            severity=Severity.ERROR,
            lineno=self.lineno,
            column=self.column,
        )


def _sniff_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    for encoding in _LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if reads_as_vietnamese(unicodedata.normalize("NFC", text)):
            return text, encoding
    return _from_font_encoding(as_cp1252(data), "")


def _from_font_encoding(text: str, saved_as: str) -> tuple[str, str] | None:
    """``text`` in its letters when it reads as Vietnamese in a font
    encoding (TCVN3, VNI) and, with ``saved_as``, did not before."""
    if saved_as and reads_as_vietnamese(unicodedata.normalize("NFC", text)):
        return None
    best: tuple[float, str, LegacyEncoding] | None = None
    for font in _FONT_ENCODINGS:
        letters = unicodedata.normalize("NFC", from_legacy(text, font))
        if reads_as_vietnamese(letters):
            share = syllable_share(letters)
            if share >= _MIN_SYLLABLES and (best is None or share > best[0]):
                best = (share, letters, font)
    if best is None:
        return None
    return best[1], best[2].value + (f" (saved as {saved_as})" if saved_as else "")


def decode_text(data: bytes, path: PurePath) -> tuple[str, str]:
    """``(text, encoding)`` of ``data`` read from ``path``: NFC, ``\\n`` line
    ends, as for an article but with no test of what the text says.

    Raises :class:`ArticleError` for binary or undecodable input.
    """
    encoding = _sniff_encoding(data) or _utf16_without_bom(data)
    if encoding is None:
        if b"\x00" in data:
            raise ArticleError(path, ProblemKind.BINARY)
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        legacy = _decode_legacy(data) if encoding == "utf-8" else None
        if legacy is None:
            lineno = data[: exc.start].count(b"\n") + 1
            raise ArticleError(
                path,
                ProblemKind.UNDECODABLE,
                encoding,
                f"{data[exc.start]:02x}",
                str(exc.start),
                ", ".join((*_LEGACY, *(f.name for f in _FONT_ENCODINGS))),
                lineno=lineno,
            ) from None
        text, encoding = legacy
    else:
        fonts = _from_font_encoding(text, encoding.removesuffix("-sig")) if _mis_saved(text) else None
        if fonts is not None:
            text, encoding = fonts
    return normalize_text(text), encoding.removesuffix("-sig")


def _mis_saved(text: str) -> bool:
    """Whether ``text`` may be font-encoded text mis-saved as UTF-8: nothing
    but what Windows-1252 shows (no letter of Unicode's Vietnamese), with
    the Latin-1 letters and signs that those encodings show as."""
    sample = text[:20_000]
    return len(_LATIN1_SHOWN.findall(sample)) >= 10 and cp1252_bytes(sample) is not None


def check_lines(text: str, path: PurePath) -> None:
    """Raise :class:`ArticleError` for a line over :data:`MAX_LINE_CHARS`."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise ArticleError(path, ProblemKind.LONG_LINE, len(line), MAX_LINE_CHARS, lineno=lineno)


def decode_article(data: bytes, path: PurePath) -> RawText:
    """Decode ``data`` read from ``path`` and normalise it (NFC, ``\\n``).

    Raises :class:`ArticleError` for empty, binary, undecodable or
    oversized input (:data:`MAX_ARTICLE_BYTES`, :data:`MAX_LINE_CHARS`).
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, ProblemKind.ARTICLE_TOO_LARGE, len(data), MAX_ARTICLE_BYTES)
    text, encoding = decode_text(data, path)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise ArticleError(path, ProblemKind.CONTROL_CHARACTERS, str(controls))
    if controls:
        text = text.translate(_CONTROL_TO_SPACE)
    if not text.strip():
        raise ArticleError(path, ProblemKind.EMPTY)
    check_lines(text, path)
    return RawText(path=path, text=text, encoding=encoding)
