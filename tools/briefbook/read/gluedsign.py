"""A writer's name a crawler glued after the text's last sentence.

A crawler that joins a page's text nodes without spaces glues the byline to
the last sentence and the page's widgets to the byline: "... “Tuổi trẻ giữ
biển 2013”.Hoàng SaEmail Print Góp ý". :func:`glued_signature` finds the
name between the glue points (a capital after a small letter, a word after
a run of capitals, a capital after a stop).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from briefbook.read.boilerplate import Boilerplate

__all__ = ["glued_signature"]

_TAIL_SENTENCES, _TAIL_WORDS = 3, 6  # a glued signature's most short sentences, and their words


def _glue_points(text: str) -> list[int]:
    """Where a crawler joined two text nodes inside ``text`` without a
    space: a capital after a small letter ("Hoàng SaEmail"), a word after a
    run of capitals ("PHẢN HỒIGửi"), a capital after a stop ("họa.PHẢN")."""
    points = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if not b.isupper():
            continue
        after = text[i + 1] if i + 1 < len(text) else ""
        if (
            a.islower()
            or (a.isupper() and i >= 2 and text[i - 2].isupper() and after.islower())
            or (a in ".!?" and i >= 2 and text[i - 2].islower())
        ):
            points.append(i)
    return points


def glued_signature(
    text: str, sentences: list[tuple[int, int]], is_author: Callable[[str], bool], bp: Boilerplate
) -> tuple[int, int] | None:
    """The writer's name a crawler glued after the text's last sentence,
    with the page's widgets glued after it ("... “Tuổi trẻ giữ biển
    2013”.Hoàng SaEmail Print Góp ý", "... từ ngày 20/5/2013.Kim
    TuyếnẢnh minh họa.PHẢN HỒIGửi bình luận"): ``(start, end)`` of the name
    (what follows it is the page's), or ``None``. The name is a piece of
    two words or more between glue points, among the text's last short
    sentences; every piece after it is short. A name the byline rules doubt
    (a writer named like a place, "Hoàng Sa") is the writer's when the
    page's buttons are glued after it ("Email Print Góp ý"): a name of
    two to four capitalised words there signs the text."""
    first = len(sentences)
    while (
        first > 0
        and len(sentences) - first < _TAIL_SENTENCES
        and len(text[sentences[first - 1][0] : sentences[first - 1][1]].split()) <= _TAIL_WORDS
    ):
        first -= 1
    if first == len(sentences) or first == 0:
        return None
    start = sentences[first][0]
    cuts = [start, *(i for i in _glue_points(text) if i > start), len(text)]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    for k, (a, b) in enumerate(pieces):
        name = text[a:b].strip()
        if len(pieces) > 1 and k < len(pieces) - 1 and len(name.split()) >= 2:
            tail = [text[c:d].strip() for c, d in pieces[k + 1 :]]
            if not is_author(name) and not (_is_name_shape(name) and bp.debris_reason(tail[0]) is not None):
                continue
            if all(len(piece.split()) <= _TAIL_WORDS for piece in tail):
                return a, a + len(text[a:b].rstrip())
            return None
    return None


def _is_name_shape(text: str) -> bool:
    """Two to four words, each opening with a capital: a name's shape."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w[1:].islower() for w in words if len(w) > 1)
