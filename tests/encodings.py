"""Real legacy bytes for tests: Vietnamese text as Windows-1258 writes it."""

from __future__ import annotations

import unicodedata

_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as cp1258 does: base letters precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in decomposed[1:] if m in _TONE_MARKS)
        base = unicodedata.normalize(
            "NFC", decomposed[0] + "".join(m for m in decomposed[1:] if m not in tones)
        )
        out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)
