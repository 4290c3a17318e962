"""What signs an article rather than tells it, in its own text (for
:mod:`briefbook.register`): the outlet's mark a story opens with, the
source run into a paragraph or standing as one, the byline run into the
last paragraph. Their names are no mentions."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import load_rules, plain

__all__ = ["DATELINE", "SOURCE_CREDIT", "blank", "source_line", "unsigned"]

# The outlet's mark a story opens with ("(VOV) - ", "NDĐT- ", "(TNO) ",
# "TP - "): it names the paper, as a byline does, and is no mention.
DATELINE = re.compile(r"\A\s*(?:\([^()\s]{2,20}\)\s*[-–—]?|[A-ZĐ][A-ZĐa-zđ.]{1,12}\s?[-–—])\s+")


# Where the story comes from, run into a paragraph: "Theo Sầm Hoa
# (Vietnamnet/Reuters)", a name and the papers it was taken from (a slash
# between them). It signs the article, as a byline does: no mention.
SOURCE_CREDIT = re.compile(
    r"(?:(?<=[.!?]\s)|^)(?:Theo|Nguồn:?)\s+(?:[^\W\d_][^\s()]*\s){1,4}\([^()/]{2,30}/[^()]{2,40}\)"
)


def source_line(text: str) -> bool:
    """Whether a paragraph only says where the story comes from: "Theo" and
    names, two or more, each capitalised ("Theo Bộ Y tế, FB Thông tin Chính
    phủ"), short, no sentence; not "Theo Bộ Y tế, số ca mắc tăng"."""
    words = text.split()
    if len(words) > 12 or words[:1] != ["Theo"] or text.rstrip()[-1:] in {".", "!", "?", ":"}:
        return False
    parts = [p.strip() for p in re.split(r",|/|\bvà\b", text[len("Theo") :])]
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# What joins the names of a byline: "Nguyễn Hồng – Trần Minh", "Tuấn Kiệt (ghi)".
_BYLINE_JOINS = re.compile(r"\s*(?:[-–,&]|\bvà\b|\(ghi\))\s*")


def unsigned(text: str) -> str:
    """The story's last paragraph without the byline run into its end after
    the last sentence ("... cho trẻ em.Nguyễn Hồng – Trần Minh", "... hôn
    mê sâu.Kim Cương - Liên Châu"): names that sign it, not that it is about."""
    end = max(text.rfind(c) for c in '.!?…”"')
    tail = text[end + 1 :]
    names = [n for n in _BYLINE_JOINS.split(tail.strip()) if n]
    words = [w for n in names for w in n.split()]
    rules = load_rules()
    if (
        end < 1
        or text[end - 1].isupper()  # "TP.HCMANH PHÚ": a full stop inside a word
        or not names
        or len(words) > 8
        or not all(w[0].isupper() and w.isalpha() for w in words)
        or any(rules.head_phrases.match(plain(n.split()), 0) for n in names)
    ):
        return text
    return text[: end + 1] + " " * len(tail)
