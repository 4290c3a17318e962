"""A box of teasers a crawler glued onto the text's first line.

A crawler that takes a page's text without separators runs a box's label in
capitals, the headlines under it and the article's text into one line
("TIN MỚIY tế thời đại mới: ... cho người dânBảo hiểm xã hội ... ngân
hàngQuy định mới nhất ... cần biếtMới đây, Bảo hiểm xã hội ... đồng.Theo
..."). The label is known by the catalogue (a box's marker or a debris line,
in capitals, glued to a capitalised word); the headlines are the pieces
between the places where a capital follows a small letter with no space,
up to the first piece that holds a sentence's end: the text starts there.
"""

from __future__ import annotations

import re

from briefbook.core.vietnamese import GLUE, UPPER
from briefbook.read.boilerplate import Boilerplate

__all__ = ["glued_box"]

_CAPITALS = re.compile(rf"[{UPPER}][{UPPER} ]{{2,40}}")
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$|[\"”’)]|(?=[" + UPPER + r"]))")


def _label_end(text: str, bp: Boilerplate) -> int:
    """Where a box's label in capitals glued to the next word ends (0: none)."""
    run = _CAPITALS.match(text)
    if run is None:
        return 0
    for end in range(run.end(), 2, -1):
        label, rest = text[:end], text[end:]
        if not label.isupper() or not label[-1].isalpha() or not rest[:1].isupper():
            continue  # the label must run into the next word, with no space
        if bp.block_marker(label) is not None or bp.debris_reason(label) is not None:
            return end
    return 0


def glued_box(text: str, bp: Boilerplate) -> tuple[str, list[str], str]:
    """``(label, headlines, rest)`` of a line that opens with a glued box
    (``("", [], text)`` when it does not): nothing of ``text`` is left out."""
    end = _label_end(text, bp) if "](" not in text else 0  # (a crawler's text, not a Markdown page)
    if not end:
        return "", [], text
    headlines = []
    start = end
    for glue in GLUE.finditer(text, end):
        piece = text[start : glue.start()]
        if _SENTENCE_END.search(piece) is not None:
            break  # the text has begun
        headlines.append(piece.strip())
        start = glue.start()
    return text[:end].strip(), headlines, text[start:].strip()
