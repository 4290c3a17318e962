"""Debris inside paragraphs: captions, credits, prompts, related links, sign-offs.

Text copied from a page often glues page furniture into the running text:
"Lễ trao thỏa thuận hợp tác giữa hai bên. (Nguồn: Vietnam+) Trong khuôn
khổ...", "Video: Bệnh nhân đầu tiên ... giờ ra sao?", "[Ký biên bản ghi nhớ
...]", "... sức khỏe/.". :func:`clean_paragraph` cuts such spans out of a
paragraph and says what it cut and why; every other character is kept as it
was. The patterns are data (``inline`` in ``data/boilerplate.yaml``).

A run-on line (a whole article body on one line) keeps its old paragraph
breaks as runs of two or more spaces; :func:`split_runon` cuts it there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefbook.core.reasons import Reason
from briefbook.core.vietnamese import LOWER, UPPER
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.captionrun import caption_start, picture_sentence
from briefbook.read.gluedsign import glued_signature
from briefbook.read.metadata import parse_byline, parse_source_line
from briefbook.read.runincredit import run_in_credit

__all__ = ["CLOSES", "Cleaned", "clean_paragraph", "credit_length", "sentence_spans", "split_runon"]

RUNON_MIN = 400
"""A line at least this long, with double spaces in it, is a run-on body."""

_SENTENCE_END = re.compile(
    # (Both ends open with a stop: said first, so that the search tries the
    # second's look-behinds only at a stop, not at every character.)
    r"(?=[.!?…])(?:"
    r"[.!?…]+[”\"’')\]]*(?=\s|$)"
    # A crawler's join of two text nodes with no space: "... tử vong.Minh
    # Thu", "(Ảnh: Báo Quảng Ninh).Đây là ...", "... năm 2020.LÊ NGÂN",
    # "... “Tuổi trẻ giữ biển 2013”.Hoàng Sa" (not
    # "TP.HCM", "TS.BS", "N.Tập": a capital or a lone letter before the stop).
    rf"|(?:(?<=[{LOWER}]{{2}})|(?<=[{LOWER}\d][)”\"’])|(?<=\d{{4}}))[.!?…]+(?=[{UPPER}])"
    r")"
)
_SPACE = re.compile(r"\s*")
_TERMINAL = tuple('.!?…:;"”’»)')

R_CAPTION = Reason.CAPTION_LINE
R_CREDIT = Reason.CREDIT_LINE
R_SIGNOFF = Reason.SIGNOFF
R_GLUED_TAIL = Reason.GLUED_TAIL


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A paragraph with its debris cut out."""

    text: str
    """What is left, stripped; ``""`` when nothing is."""
    dropped: tuple[tuple[str, Reason | str, str], ...]
    """``(text, reason, detail)`` of each span cut out, in order (see
    :class:`~briefbook.core.records.DroppedLine`)."""
    source: str = ""
    """A source named at the end of the paragraph ("Nguồn: ..."), if any."""
    author: str = ""
    """A byline glued to the text's last sentence ("... tử vong.Minh Thu"), if any."""


def split_runon(text: str) -> list[str]:
    """Cut a run-on line at its runs of two or more spaces (no-break spaces aside)."""
    if len(text) < RUNON_MIN or "  " not in text:
        return [text]
    # (Not at a no-break space: the page's "&nbsp;" inside a sentence,
    # "... này\u00a0sẽ\u00a0 huy động ..."; nor inside a sentence, after a
    # comma or before a small letter: "Năm học 2025-2026,  Nhà trường ...".)
    parts, start = [], 0
    for gap in _RUNON_GAP.finditer(text):
        if not text[gap.end() : gap.end() + 1].islower():
            parts.append(text[start : gap.start()])
            start = gap.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


_RUNON_GAP = re.compile(r"(?<![\s,;(])[^\S\u00a0]{2,}")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, covering it all."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        space = _SPACE.match(text, end)
        after = space.end() if space else end
        nxt = text[after] if after < len(text) else ""
        # A new sentence starts with a capital, a digit, a quote or a bracket.
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([–-"):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_Span = tuple[int, int, Reason | str, str]
"""``(start, end, reason, detail)`` of a span to cut."""


CLOSES = frozenset(".,;:!?…")
"""Punctuation that closes what stands before it (a span cut before it takes its space along)."""


def _cut(text: str, spans: list[_Span]) -> tuple[str, list[tuple[str, Reason | str, str]]]:
    """Remove ``(start, end, reason, detail)`` spans; return what is left and what went."""
    # In the report's order: by place, then by the reason as the report says it.
    spans = sorted(spans, key=lambda s: (s[0], s[1], f"{s[2]}: {s[3]}" if s[3] else str(s[2])))
    kept: list[str] = []
    dropped: list[tuple[str, Reason | str, str]] = []
    pos = 0
    for start, end, reason, detail in spans:
        start = max(start, pos)  # a span overlapping one already cut
        if start >= end:
            continue
        before = text[pos:start]
        # "... kiểm tra (Trong ảnh: ...).": "... kiểm tra."
        kept.append(before.rstrip() if text[end : end + 1] in CLOSES else before)
        dropped.append((text[start:end].strip(), reason, detail))
        pos = end
    kept.append(text[pos:])
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip(), [d for d in dropped if d[0]]


def _sentence_just_before(
    text: str, sentences: list[tuple[int, int]], ends: list[int], pos: int, longest: int = 200
) -> tuple[int, int] | None:
    """The short (``longest`` characters at most), finished sentence that
    ends right before ``pos``, if any (``ends``: the sentences' end offsets,
    for a binary search)."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0:
        return None
    start, end = sentences[i]
    if text[end - 1] in ".!?…" and end - start <= longest and not text[end:pos].strip():
        return start, end
    return None


_ENDS_WITH_CREDIT = re.compile(
    # "... bên. Ảnh: Ngọc Thắng", "... Uyên. Ảnh: C.A" (initials' stops inside the credit)
    # "... Thụy Sĩ. Ảnh tư liệu: AFP/TTXVN" (an archive photo), "Ảnh minh họa: ..."
    r"(?:(?:^|[.!?…]\s+)\(?Ảnh(?:\s+(?:tư\s+liệu|minh\s+h(?:ọa|oạ)))?\s*:\s*(?:[^.!?]|\.(?=[^\s.])){2,60}\)?"
    r"|^[^.!?]{1,300}\S\s*\((?:Ảnh|ẢNH)\s*:\s*[^().!?]{2,60}\))"  # "... hội thảo (Ảnh: Minh Nhật)."
    r"\.?\s*$"
)


_RUN_IN_KINDS: dict[str, tuple[Reason, str]] = {
    "caption": (R_CAPTION, ""),
    "credit": (R_CREDIT, ""),
    "author": (Reason.METADATA, "tác giả"),
}
_RUN_IN_CAPTION = 160
"""The longest caption opening a line before its credit and the text it ran into."""
_CAPTION_SENTENCE = re.compile(r"\s\((?:Ảnh|ẢNH|Photo)\s*:\s*[^()]{2,60}\)\s*\.?\s*$")
_CREDIT_HEAD = re.compile(r"\(?(?:Ảnh|ẢNH|Photo)(?:\s+minh\s+h(?:ọa|oạ))?\s*:\s*", re.IGNORECASE)
_CREDIT_TOKEN = re.compile(rf"(?:[{UPPER}][\w.&+-]*|[\w.&+-]+/[\w.&+-]+)(?:/[\w.&+-]+)*")
_CREDIT_SEP = re.compile(r"\s*(?:[-–,&]|\bvà\b)?\s*")
_CREDIT_TAIL = re.compile(
    r"(?:[^.!?]{0,40}?\s)?(?:cung cấp|tư liệu|minh h(?:ọa|oạ)|internet|CTV|BTC)\b", re.IGNORECASE
)
_CREDIT_NAMES = 6
"""At most this many words name a photo's authors ("Nguyễn Thị Minh Ngọc - Lê Nga")."""
# Words that open a sentence and are not part of a name.
_OPENERS = frozenset(
    [
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Ngày",
        "Hôm",
        "Theo",
        "Tại",
        "Trong",
        "Ngoài",
        "Bộ",
        "Sở",
        "Bệnh",
        "Ông",
        "Bà",
        "Các",
        "Những",
        "Đây",
        "Hiện",
        "Năm",
        "Khi",
        "Sau",
        "Trước",
        "Với",
        "Để",
        "Đến",
        "Từ",
        "Thứ",
        "Nhiều",
        "Một",
        "Thủ",
        "Phó",
        "Chủ",
        "Giám",
        "Tổng",
        "Cục",
        "Viện",
        "Ủy",
        "Đoàn",
        "Được",
        "Việc",
        "Đó",
        "Này",
        "Người",
        "Cùng",
        "Cũng",
        "Vào",
        "Qua",
        "Tuy",
        "Nhưng",
        "Do",
        "Vì",
        "Nếu",
        "Như",
        "Trên",
        "Dưới",
        "Tiếp",
    ]
)


def _inner_capital(token: str) -> int | None:
    """Where a word that opens a sentence follows a small letter inside
    ``token`` ("QuỳnhSáng"): two words a crawler glued together (a brand's
    inner capital, "VnExpress", is none)."""
    for i in range(1, len(token)):
        word = re.match(r"\w*", token[i:])
        if token[i].isupper() and token[i - 1].islower() and word is not None and word.group(0) in _OPENERS:
            return i
    return None


_CAPITALS_AFTER_STOP = re.compile(rf"(?<=[{UPPER}]\.)([{UPPER}]{{2,}}(?: [{UPPER}]{{2,}}){{1,3}})\s*$")
"""Two to four words in capitals glued to the stop of an abbreviation at the text's end."""


def credit_length(sentence: str) -> int | None:
    """The length of the photo credit that opens ``sentence`` ("Ảnh: Ngọc
    Thắng"), when the sentence it ran into follows it on the line ("Ảnh:
    Ngọc Thắng Sáng nay, Bộ Y tế ..."): the credit ends with its names (a
    capitalised run, cut before a word that opens a sentence or before the
    last word when a lower-case word follows), or after "cung cấp", "tư
    liệu", "CTV". ``None`` when the sentence is only a credit."""
    head = _CREDIT_HEAD.match(sentence)
    if head is None:
        return None
    if (tail := _CREDIT_TAIL.match(sentence, head.end())) is not None:
        end = tail.end()
    else:
        names: list[tuple[str, int]] = []
        pos = head.end()
        glued = False
        while len(names) <= _CREDIT_NAMES and (m := _CREDIT_TOKEN.match(sentence, pos)) is not None:
            if (inner := _inner_capital(m.group(0))) is not None:
                # "Ảnh: Nguyễn QuỳnhSáng 27/5, ...": a crawler glued the credit
                # to the sentence; the credit ends inside the word.
                names.append((m.group(0)[:inner], m.start() + inner))
                glued = True
                break
            names.append((m.group(0), m.end()))
            sep = _CREDIT_SEP.match(sentence, m.end())
            pos = sep.end() if sep else m.end()
        if not names:
            return None
        opener = next((i for i, (word, _) in enumerate(names) if i > 0 and word in _OPENERS), None)
        rest = sentence[names[-1][1] :].lstrip()
        if opener is not None:
            names = names[:opener]
        elif len(names) > 1 and rest[:1].islower() and not glued:
            names = names[:-1]  # the run's last word opens the next sentence
        end = names[-1][1]
    rest = sentence[end:].strip()
    if not rest or rest[0] in ".)" or len(rest) < 20:
        return None  # only a credit: the caller drops the whole sentence
    return end


def clean_paragraph(
    text: str,
    bp: Boilerplate,
    *,
    runon_part: bool = False,
    last: bool = False,
    is_author: Callable[[str], bool] = lambda _text: False,
) -> Cleaned:
    """Cut captions, credits, prompts, related links and sign-offs out of ``text``.

    ``runon_part``: the text is one part of a run-on line, so a last sentence
    with no final punctuation is a photo caption that lost its line break.
    ``last``: the paragraph ends the article (sign-offs, sources and bylines
    live there); ``is_author``: whether a last sentence is a writer's name.
    """
    spans: list[_Span] = []
    sentences = sentence_spans(text)
    ends = [end for _, end in sentences]
    for pattern, reason in bp.inline_spans:
        for m in pattern.finditer(text):
            spans.append((m.start(), m.end(), reason, ""))
    # A credit right after a sentence marks that sentence as the photo caption.
    for m in bp.credit.finditer(text):
        caption = _sentence_just_before(text, sentences, ends, m.start())
        if (
            m.group(0).lstrip("(").startswith("Nguồn")
            and caption is not None
            and any(c.isdigit() for c in text[caption[0] : caption[1]])
        ):
            # "... đạt 94,2% dân số. (Nguồn: Bảo hiểm xã hội Việt Nam)": the
            # source of a figure, part of the text, not a photo's credit.
            continue
        end = m.end()
        if caption is None and (shown := picture_sentence(text, sentences, m)) is not None:
            # "Hình ảnh các đối tượng được cắt từ video (Nguồn: Mạng xã hội).": a
            # sentence about a picture whose credit closes it is the picture's caption.
            caption, end = shown
        # "(Trong ảnh: Sân bay quốc tế Hong Kong)" says what the photo shows: a caption's words.
        spans.append((m.start(), end, R_CAPTION if m[0].startswith("(Trong ảnh") else R_CREDIT, ""))
        if caption is not None:
            spans.append((*caption, R_CAPTION, ""))
    for start, end in sentences:
        sentence = text[start:end]
        for pattern, reason in bp.inline_sentences:
            if pattern.match(sentence):
                if reason is R_CAPTION and (credit := credit_length(sentence)) is not None:
                    # "Ảnh: Ngọc Thắng Sáng nay, Bộ Y tế ...": the credit
                    # ends with its names; the sentence it ran into stays.
                    end = start + credit
                    before = _sentence_just_before(text, sentences, ends, start, _RUN_IN_CAPTION)
                    if before is not None:
                        # "Hai bánh sau ... trục xe. Ảnh: Nguyễn QuỳnhSáng 27/5, ...":
                        # the photo's caption, then its credit, run into the text.
                        spans.append((caption_start(text, *before), before[1], R_CAPTION, ""))
                spans.append((start, end, reason, ""))
                break
    source = ""
    run_in, author = run_in_credit(text)  # "... City. — VNA/VNS Photo Đinh HằngHÀ NỘI — ..."
    spans += [(s, e, *_RUN_IN_KINDS[kind]) for s, e, kind in run_in]
    if last and sentences:
        start, end = sentences[-1]
        found = parse_source_line(text[start:end].strip())
        if found:
            source = found
            spans.append((start, end, Reason.METADATA, "nguồn"))
        elif is_author(signature := text[start:end].strip()):
            byline = parse_byline(signature)
            author = byline.author if byline is not None else signature
            spans.append((start, end, Reason.METADATA, "tác giả"))
        elif (capitals := _CAPITALS_AFTER_STOP.search(text)) is not None and is_author(capitals[1]):
            # "... chữa bệnh BHYT tại BV.DUY TÍNH": a byline in capitals glued
            # after an abbreviation's stop (which ends no sentence).
            author = capitals[1]
            spans.append((capitals.start(1), len(text), Reason.METADATA, "tác giả"))
        elif (glued := glued_signature(text, sentences, is_author, bp)) is not None:
            name_start, name_end = glued
            byline = parse_byline(text[name_start:name_end])
            author = byline.author if byline is not None else text[name_start:name_end]
            spans.append((name_start, name_end, Reason.METADATA, "tác giả"))
            spans.append((name_end, len(text), R_GLUED_TAIL, ""))
    # A sentence that ends with its photo's credit in brackets is the
    # photo's caption: "Điều dưỡng chăm sóc trẻ ... (Ảnh: Báo Quảng Ninh)."
    for start, end in sentences:
        if end - start <= 300 and _CAPTION_SENTENCE.search(text, start, end):
            spans.append((start, end, R_CAPTION, ""))
    if runon_part and sentences and len(sentences) > 1:
        start, end = sentences[-1]
        tail = text[start:end].strip()
        if tail and not tail.endswith(_TERMINAL) and len(tail) <= 200:
            spans.append((start, end, R_CAPTION, ""))
    # The "/." that closes an article in Vietnamese newspapers.
    if last and (signoff := re.search(r"(?<=[^/\s])/\.\s*$", text)):
        spans.append((signoff.start(), signoff.end(), R_SIGNOFF, ""))
    # A short paragraph that ends with a photo credit ("... Ảnh: Ngọc Thắng")
    # is a photo caption as a whole.
    # So is one that ends with a bracketed credit inside its last sentence:
    # "Đại diện WHO phát biểu tại hội thảo (Ảnh: Minh Nhật)." (Dân trí).
    if len(text) <= 300 and _ENDS_WITH_CREDIT.search(text):
        return Cleaned("", ((text.strip(), R_CAPTION, ""),), "")
    kept, dropped = _cut(text, spans)
    return Cleaned(kept, tuple(dropped), source, author)
