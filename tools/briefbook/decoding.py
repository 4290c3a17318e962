"""Bytes to text: decode an article file and normalise it.

The only encodings accepted without a byte-order mark are those that decode
strictly; a file that does not is an error naming the file, never mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import PurePath

from briefbook.records import RawText
from briefbook.vietnamese import normalize_text

__all__ = ["ArticleError", "decode_article"]

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


class ArticleError(Exception):
    """An article that cannot be read at all. The message names the file."""

    def __init__(self, path: PurePath, message: str, lineno: int | None = None) -> None:
        self.path = path
        self.message = message
        self.lineno = lineno
        where = f"{path}:{lineno}" if lineno else str(path)
        super().__init__(f"{where}: {message}")


def _sniff_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_article(data: bytes, path: PurePath) -> RawText:
    """Decode ``data`` read from ``path`` and normalise it (NFC, ``\\n``).

    Raises :class:`ArticleError` for empty, binary or undecodable input.
    """
    encoding = _sniff_encoding(data)
    if encoding is None:
        if b"\x00" in data:
            raise ArticleError(path, "binary file (NUL bytes, no Unicode byte-order mark)")
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        lineno = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            path,
            f"cannot decode as {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            lineno,
        ) from None
    text = normalize_text(text)
    controls = sum(1 for c in text if c in _CONTROLS)
    if controls > max(2, len(text) // 100):
        raise ArticleError(path, f"{controls} control characters: not a text article")
    text = text.translate(_CONTROL_TO_SPACE)
    if not text.strip():
        raise ArticleError(path, "empty file")
    return RawText(path=path, text=text, encoding=encoding.removesuffix("-sig"))
