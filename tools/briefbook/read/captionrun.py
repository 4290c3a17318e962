"""Where a photo's caption starts in a line a crawler flattened.

A crawler that takes a page's text as one line runs a section's heading,
the caption under a picture, the caption's credit and the next paragraph
together: "... đã kết thúc. Cục diện liên tục thay đổi Tòa nhà bị phá hủy
sau cuộc tấn công của Iran tại Tel Aviv, Israel. Ảnh: THX/TTXVN Tổng thống
...". The sentence before the credit is the caption; a heading (which has no
final stop) may open it. The heading ends where a capitalised word follows a
small-letter word and a small-letter word follows it, when that word is not
a name: a Vietnamese syllable ("thay đổi Tòa nhà", not "vệ tinh Maxar cung
cấp"), not after a title ("ông Lâm"), not capitalised elsewhere in the text
after a small letter (a name recurs so).

Also the other caption a bracketed credit closes: a sentence about a
picture ("Hình ảnh ... cắt từ video (Nguồn: Mạng xã hội).").
"""

from __future__ import annotations

import re

from briefbook.core.vietnamese import LOWER, UPPER, is_syllable

__all__ = ["caption_start", "picture_sentence"]

_WORD = re.compile(r"\S+")
_LOWER_WORD = re.compile(rf"[{LOWER}]+[,;:]?$")
_OPENING_WORD = re.compile(rf"[{UPPER}][{LOWER}]*$")
_TITLES = frozenset(["ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "sĩ", "thầy", "cháu"])
"""Words after which a capitalised syllable is a person's name ("ông Lâm cho biết")."""
_HEADING_WORDS = (3, 12)
"""The fewest and the most words of a heading run into the caption."""


def caption_start(text: str, start: int, end: int) -> int:
    """Where the caption in the sentence ``text[start:end]`` starts: after a
    heading run into it, or at ``start``."""
    words = list(_WORD.finditer(text, start, end))
    low, high = _HEADING_WORDS
    for i in range(low, min(high + 1, len(words) - 1)):
        before, word, after = words[i - 1].group(0), words[i].group(0), words[i + 1].group(0)
        if not (_LOWER_WORD.match(before) and _OPENING_WORD.match(word) and after[:1].islower()):
            continue
        if not is_syllable(word) or before.rstrip(",;:") in _TITLES:
            continue
        if any(w.group(0)[-1:] in ".!?…:" for w in words[:i]):
            return start  # the sentence's opening holds a stop: no heading
        mid_sentence = re.findall(rf"(?<=[{LOWER}] ){re.escape(word)}\b", text)
        if len(mid_sentence) == 1:
            return words[i].start()
        return start  # a name ("của Iran tại"): the caption has no heading
    return start


_PICTURE_START = re.compile(r"(?:Hình ảnh|Ảnh(?!\s+hưởng)|Bức ảnh|Clip|Video|Đoạn video|Đoạn clip)\b")


_PICTURE_SENTENCE_MAX = 200


def picture_sentence(
    text: str, sentences: list[tuple[int, int]], credit: re.Match[str]
) -> tuple[tuple[int, int], int] | None:
    """The caption before a bracketed credit that closes a sentence about a
    picture, and where that sentence ends; ``None`` for any other sentence."""
    for start, end in sentences:
        if start <= credit.start() < end:
            sentence = text[start:end]
            if (
                text[credit.end() : end].strip() in ("", ".")
                and _PICTURE_START.match(text, start)
                and len(sentence) <= _PICTURE_SENTENCE_MAX
                # "Hình ảnh Việt Nam ... đạt 17,5 triệu lượt (Nguồn: ...)": a figure's source.
                and not (
                    credit.group(0).lstrip("(").startswith("Nguồn") and any(c.isdigit() for c in sentence)
                )
            ):
                return (start, credit.start()), end
            return None
    return None
