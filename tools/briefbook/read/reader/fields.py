"""Stage 3, the end of the text (continued): the fields a crawler writes
after an article's text, a line each: the date, the section ("Nhà đất",
under the date line), the tags ("Đà Nẵng,Người bệnh,Ngành y,Y tế") and the
paper's name ("Tiền Phong", "SGGP", "SK&ĐS", under the tags)."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefbook.core.vietnamese import LOWER, UPPER
from briefbook.read.metadata import is_name_word
from briefbook.read.reader.shapes import _date_only
from briefbook.read.reader.state import _SENTENCE_END, _Line, _State

__all__ = ["is_field_label", "is_masthead", "is_tag_list", "under_date_line", "under_tags"]

_FIELD_LABEL_WORDS = 4


def _stands_under(body: list[_Line], state: _State, above: Callable[[str], bool]) -> bool:
    """Whether the body's last line stands right under a line that passes
    ``above`` (still in the body, or already dropped)."""
    lineno = body[-1].line.lineno - 1
    if len(body) > 1 and body[-2].line.lineno == lineno:
        return above(body[-2].text)
    return any(d.lineno == lineno and above(d.text) for d in state.dropped)


def under_date_line(body: list[_Line], state: _State) -> bool:
    """Whether the body's last line stands right under a date line (still
    in the body, or already taken for the article's date)."""
    return _stands_under(body, state, lambda text: _date_only(text, 60) is not None)


def is_field_label(text: str) -> bool:
    """A section's name as a crawler writes its field: a few words in
    sentence case, no digit or punctuation ("Nhà đất", "Xã hội"), not a
    person's name (each word capitalised)."""
    words = text.split()
    return (
        0 < len(words) <= _FIELD_LABEL_WORDS
        and words[0][:1].isupper()
        and all(w.isalpha() and w.islower() for w in words[1:])
        and (len(words) > 1 or not is_name_word(words[0]))
    )


_TAGS_MIN = 4
_TAG_WORDS = 6


def is_tag_list(text: str) -> bool:
    """A crawler's tags: four or more short items joined by commas with no
    space, and no sentence ("Đà Nẵng,Người bệnh,Ngành y,Y tế")."""
    items = text.split(",")
    return (
        len(items) >= _TAGS_MIN
        and ", " not in text
        and all(0 < len(item.split()) <= _TAG_WORDS for item in items)
        and not text.rstrip().endswith(_SENTENCE_END)
    )


def under_tags(body: list[_Line], state: _State) -> bool:
    """Whether the body's last line stands right under a crawler's tags
    (still in the body, or already dropped as the page's)."""
    return _stands_under(body, state, is_tag_list)


_MASTHEAD = re.compile(rf"[{UPPER}][{UPPER}&.]{{1,9}}|[{UPPER}][{LOWER}]+")
_MASTHEAD_WORDS = 3


def is_masthead(text: str) -> bool:
    """A paper's short name as a crawler's last field gives it: capitals
    ("SGGP", "SK&ĐS", "NLĐ") or a capitalised word or two ("Infonet")."""
    words = text.split()
    return 0 < len(words) <= _MASTHEAD_WORDS and all(_MASTHEAD.fullmatch(word) for word in words)
