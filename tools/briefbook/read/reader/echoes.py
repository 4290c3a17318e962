"""Stage 4, the body (continued): a picture's caption that says again what
the paragraph above it said ("Thừa ủy quyền, Bộ trưởng Lương Tam Quang trao
Quyết định bổ nhiệm ..." under the paragraph that tells the ceremony), run in
as a paragraph of its own by a copy that kept no trace of the picture."""

from __future__ import annotations

import re

from briefbook.core.vietnamese import case_key
from briefbook.read.inline import sentence_spans
from briefbook.read.reader.state import R_CAPTION_LINE, _Line, _State

__all__ = ["drop_echoing_captions"]

_WORDS = re.compile(r"\w+")

_ECHO_WORDS = (8, 40)
"""The shortest and the longest caption that echoes a paragraph, in words (a
sub-heading of a few words may well take its words from the text above); a
caption is one sentence."""

_ECHO_SHARE = 0.9
"""The share of a caption's words the paragraph above holds."""

_LONGER = 1.3
"""How much longer than the caption the paragraph it echoes is."""


def _echoes(line: str, above: str) -> bool:
    if case_key(line) in case_key(above):
        return False  # said again word for word: the text's own (a clause set apart), not a picture's
    if len(sentence_spans(line)) > 1:
        return False  # a caption is one sentence; a paragraph of two adds one of its own
    words = _WORDS.findall(line.casefold())
    held = _WORDS.findall(above.casefold())
    low, high = _ECHO_WORDS
    if not low <= len(words) <= high or len(held) < _LONGER * len(words):
        return False
    vocabulary = set(held)
    return sum(word in vocabulary for word in words) >= _ECHO_SHARE * len(words)


def drop_echoing_captions(body: list[_Line], state: _State) -> list[_Line]:
    """``body`` without the short paragraphs whose words are nearly all the
    paragraph's just above: the caption of the picture between them. The
    text loses no fact: the paragraph above says it all."""
    out: list[_Line] = []
    for line in body:
        if out and _echoes(line.text, out[-1].text):
            state.drop(line, R_CAPTION_LINE)
        else:
            out.append(line)
    return out
