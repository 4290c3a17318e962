"""Stage 4, the body: debris blocks, captions, repeats, run-on lines cut into
paragraphs, and the lede and sections."""

from __future__ import annotations

import re

from briefbook.core.records import (
    DroppedLine,
    Line,
    Paragraph,
    RelatedItem,
    Section,
)
from briefbook.core.vietnamese import case_key
from briefbook.read.boilerplate import BlockKind, Boilerplate
from briefbook.read.inline import clean_paragraph, credit_length, sentence_spans, split_runon
from briefbook.read.metadata import (
    parse_byline,
    parse_category_line,
    parse_source_line,
)
from briefbook.read.reader.captions import photo_story, places_people, scene_caption, under_picture
from briefbook.read.reader.copies import drop_opening_copies
from briefbook.read.reader.shapes import (
    _POINTERS,
    _blank_separated,
    _glued_author,
    _is_heading,
    _is_headline,
    _is_sentence,
    _is_summary,
)
from briefbook.read.reader.state import (
    _BULLET,
    _CREDIT_OPEN,
    _OUTLET_PREFIX,
    _SENTENCE_END,
    R_BLOCK,
    R_CAPTION_LINE,
    R_CAPTION_REPEAT,
    R_CREDIT_LINE,
    R_PROMPTED,
    R_REPEAT,
    R_SUMMARY,
    R_TEASER,
    _Line,
    _State,
)


def _segment(lines: list[_Line], state: _State, bp: Boilerplate, title: str) -> list[_Line]:
    """Split what follows the header into body lines and debris blocks.
    The article's title again as a heading inside a block (a page that
    prints its article twice, after a box of its most-read) ends the block:
    the article starts over there. (As a plain line, it is one of the box's
    teasers.)

    Returns the body lines; debris goes to ``state``.
    """
    body: list[_Line] = []
    block = None
    headed = False
    after_headline = False
    previous: str | None = None
    for index, line in enumerate(lines):
        marker = bp.block_marker(line.text)
        if marker is not None:
            block, after_headline = marker, False
            headed = line.md_heading  # "## More news": the box is a heading's, its teasers headings too
            state.drop(line, R_BLOCK, marker.reason)
            continue
        if block is None:
            body.append(line)
            continue
        if (line.md_top or line.md_heading) and case_key(line.text) == case_key(title):
            state.drop(line, R_REPEAT)
            block = None
            continue
        if (
            line.md_heading
            and not headed
            and _is_summary(lines[index + 1].text if index + 1 < len(lines) else "")
        ):
            # A box opened by a plain line ("Tham khảo thêm:") ends at a heading
            # over running text: the article's next section.
            block = None
            body.append(line)
            continue
        if (match := _OUTLET_PREFIX.match(line.text)) is not None:
            state.outlet_votes[match["outlet"].strip()] += 1
        if block.kind is BlockKind.COMMENTS:
            state.drop(line, block.reason)
        elif block.kind is BlockKind.RELATED and index == len(lines) - 1 and parse_byline(line.text):
            # The text's last line is its byline, below a box of links the crawler
            # left empty ("Các tin liên quan" / "Thái Hà (Tổng hợp)").
            body.append(line)
        elif (reason := bp.footer_reason(line.text)) is not None:
            state.drop(line, reason)
        elif parse_category_line(line.text) is not None:
            state.drop(line, block.reason, "chuyên mục, ngày")
        elif _is_summary(line.text):
            # (Under a Markdown heading, a headline's summary, even in a box of headlines only:
            # "## More news" / "### Headline" / its paragraph.)
            headlines_only = block.headlines_only and not (headed and index and lines[index - 1].md_heading)
            if not after_headline or headlines_only or _text_goes_on(lines, index + 1, bp):
                # Running text that follows no headline: the list has ended
                # and the article goes on.
                block = None
                body.append(line)
                continue
            state.drop(line, R_SUMMARY)
            after_headline = False
        elif any(case_key(r.title) == case_key(line.text) for r in state.related) or (
            block.kind is BlockKind.DROP
            and previous is not None
            and case_key(previous) == case_key(line.text)
        ):
            state.drop(line, block.reason, R_REPEAT)
            after_headline = True
        elif block.kind is BlockKind.DROP:
            state.drop(line, block.reason)
            after_headline = True
        else:
            state.related.append(RelatedItem(line.text, line.lineno))
            after_headline = True
        previous = line.text
    return body


def _text_goes_on(lines: list[_Line], start: int, bp: Boilerplate) -> bool:
    """Whether running text, a byline or a source line follows: then a
    sentence after a headline is the article resuming, not a teaser."""
    if start >= len(lines):
        return False
    text = lines[start].text
    if bp.block_marker(text) is not None:
        return False
    return _is_summary(text) or parse_byline(text) is not None or parse_source_line(text) is not None


_TEASER_KEY = 20
"""The shortest related headline (its key) that marks a line in the text as its teaser."""


_CUT_TITLE = 0.6
"""The least share of the title a line that opens it must hold to say the title again."""


def _cut_title(key: str, title: str) -> bool:
    """Whether the line ``key`` is the title cut short at a word's end."""
    return (
        len(key.split()) >= 4
        and len(key) >= _CUT_TITLE * len(title)
        and len(key) < len(title)
        and title.startswith(key)
        and title[len(key)] == " "
    )


_LABEL_TITLE_WORDS = 8
"""The fewest words of a headline that labels a box: a shorter one may open a sentence."""


def _under_title_label(text: str, title: str) -> bool:
    """A paragraph that opens with the whole headline and goes on without a
    break: a picture's or a video's box the page labels with the headline."""
    return (
        len(title.split()) >= _LABEL_TITLE_WORDS
        and not title.endswith(_SENTENCE_END)
        and text.startswith(title + " ")
        and len(text) <= 2 * len(title) + 200
    )


def _drop_repeats(body: list[_Line], state: _State, title: str, url: str = "") -> list[_Line]:
    """Drop lines that repeat the title or an earlier line, and caption-like
    lines (no final punctuation) whose text recurs in a longer paragraph
    (``url``: the article's address)."""
    body = drop_opening_copies(body, state, title, url)
    seen = {case_key(title)}
    # A headline in the text that the page's list of related articles also
    # gives is a teaser of that article set among the paragraphs.
    teasers = {key for item in state.related if len(key := case_key(item.title)) >= _TEASER_KEY}
    unique: list[_Line] = []
    for line in body:
        key = case_key(line.text)
        if key in teasers and not line.text.endswith(_SENTENCE_END):
            state.drop(line, R_TEASER)
            continue
        # Short lines ("Có.") may really be said twice; teasers are long.
        if key in seen and (len(key) >= 40 or key == case_key(title)):
            state.drop(line, R_REPEAT)
        elif _under_title_label(line.text, title):
            # "Vietnam bags two goals ... group stage Văn Khang sút phạt mở tỷ số Khuat
            # Van Khang's freekick ...": a video's box, labelled with the article's headline.
            state.drop(line, R_CAPTION_LINE)
        elif _cut_title(key, case_key(title)) and not line.text.endswith(_SENTENCE_END):
            # "Điểm chuẩn Trường Đại học Công nghệ, ĐHQG Hà Nội" under the title
            # "... năm 2025": the caption of the picture the title announces.
            state.drop(line, R_CAPTION_LINE)
        else:
            seen.add(key)
            unique.append(line)
    # Where each sentence of each line starts (first 30 characters), so that
    # a caption repeated at the start of a sentence elsewhere is found in
    # linear time.
    starts: dict[str, list[tuple[int, str]]] = {}
    keys = [case_key(line.text) for line in unique]
    for index, line in enumerate(unique):
        for start, _end in sentence_spans(line.text):
            rest = case_key(line.text[start : start + 400])  # captions are short
            starts.setdefault(rest[:30], []).append((index, rest))
    out = []
    for index, (line, key) in enumerate(zip(unique, keys, strict=True)):
        if (
            30 <= len(key) <= 200
            and not line.text.endswith(_SENTENCE_END)
            and any(i != index and rest.startswith(key) for i, rest in starts.get(key[:30], ()))
        ):
            state.drop(line, R_CAPTION_REPEAT)
        else:
            out.append(line)
    return out


_CREDIT_LINE = re.compile(r"^\(?(?:Ảnh|ẢNH|Photo)\s*:\s*[^.!?]{1,60}\)?$")


_HEADING_WORDS = 30
"""The most words of a section's heading."""


def _is_caption_line(body: list[_Line], index: int, bp: Boilerplate, separated: bool) -> bool:
    """A photo caption standing alone: a short line without final
    punctuation that reads like one, or that a credit line follows. A line
    that stands as a subheading between paragraphs set apart by blank lines
    ("Bộ trưởng thăm Bệnh viện Bạch Mai") is kept: a kept caption costs
    less than a lost heading."""
    text = body[index].text
    if len(text) > 200 or text.endswith(_SENTENCE_END) or len(sentence_spans(text)) > 1:
        return False  # a caption is one sentence
    if separated and _is_heading(body, index):
        return False
    if index > 0 and body[index - 1].text.endswith(":"):
        return False  # an item of a list ("Các triệu chứng gồm:")
    if index + 1 < len(body) and _CREDIT_LINE.match(body[index + 1].text):
        return True
    return len(text) <= 160 and bp.is_caption(text)


def _build_sections(body: list[_Line], state: _State, sapo: _Line | None) -> tuple[str, int, list[Section]]:
    """Lede and sections from the body lines (``sapo``: a lede found elsewhere)."""
    blank_separated = _blank_separated(body)

    def is_heading(i: int) -> bool:
        if body[i].md_heading:
            # A Markdown heading of several sentences or many words is the
            # sapo or a paragraph set as a heading ("## (TNO) TAND ...").
            return len(body[i].text.split()) <= _HEADING_WORDS and len(sentence_spans(body[i].text)) == 1
        return blank_separated and _is_heading(body, i)

    lede, lede_lineno = "", 0
    if sapo is not None:
        lede, lede_lineno = sapo.text, sapo.lineno
    elif len(body) > 1 and not is_heading(0):
        lede, lede_lineno = body[0].text, body[0].lineno
        body = body[1:]

    sections: list[Section] = []
    heading: str | None = None
    heading_lineno = 0
    paragraphs: list[Paragraph] = []
    for i, line in enumerate(body):
        if is_heading(i) and i + 1 < len(body):
            if paragraphs or heading is not None:
                sections.append(Section(heading, tuple(paragraphs), heading_lineno))
            heading, heading_lineno, paragraphs = line.text, line.lineno, []
        elif (bullet := _BULLET.match(line.text)) is not None:
            paragraphs.append(Paragraph(line.text[bullet.end() :], line.lineno, item=True))
        else:
            paragraphs.append(Paragraph(line.text, line.lineno))
    if paragraphs or heading is not None:
        sections.append(Section(heading, tuple(paragraphs), heading_lineno))
    return lede, lede_lineno, sections


def _is_repeat(sapo: _Line, body: list[_Line]) -> bool:
    """Whether the sapo's text (or its first sentence) is already in the body."""
    key = case_key(sapo.text)
    first = case_key(sapo.text[: sentence_spans(sapo.text)[0][1]])
    return any(key in case_key(line.text) or case_key(line.text).startswith(first) for line in body)


def _clean_body(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """Cut run-on lines into paragraphs and debris out of paragraphs."""
    out: list[_Line] = []
    separated = _blank_separated(body)
    story = photo_story(body)
    prompt: str | None = None  # the reason of a "Mời độc giả xem video:" line just before
    credit_below = False  # the line before ended with "Ảnh:": this one is the credit
    for index, line in enumerate(body):
        if credit_below and len(line.text.split()) <= 5 and not _is_sentence(line.text):
            state.drop(line, R_CREDIT_LINE)
            credit_below = False
            continue
        credit_below = False
        if (head := _CREDIT_OPEN.search(line.text)) is not None:
            # "... tại sân bay Tân Sơn Nhất, ngày 24/3. Ảnh:" and the credit
            # on the next line: the last sentence is the photo's caption.
            spans = sentence_spans(line.text[: head.start()])
            caption_start = spans[-1][0] if spans else 0
            state.dropped.append(DroppedLine(line.lineno, line.text[caption_start:], R_CAPTION_LINE))
            credit_below = True
            if caption_start == 0:
                continue
            line = _Line(Line(line.lineno, line.text[:caption_start].strip()), line.gap_before, line.blanks)
        if (reason := bp.debris_reason(line.text)) is not None and credit_length(line.text) is None:
            # (A credit that runs into the text is cut by clean_paragraph.)
            state.drop(line, reason)
            prompt = reason if line.text.endswith(":") or case_key(line.text) in _POINTERS else None
            continue
        if (
            prompt is not None
            and _is_headline(line.text)
            and not line.text.endswith(_SENTENCE_END)
            and parse_byline(line.text) is None
        ):
            # The title of the video or page the prompt pointed to.
            state.drop(line, f"{prompt}: {R_PROMPTED}")
            prompt = None
            continue
        prompt = None
        # (The text's first paragraph, its lede, tells: no scene caption.)
        shown = under_picture(line) or places_people(line) or (index > 0 and scene_caption(line, bp))
        if (not story and shown) or _is_caption_line(body, index, bp, separated):
            state.drop(line, R_CAPTION_LINE)
            continue
        parts = split_runon(line.text)
        for n, part in enumerate(parts):
            last = index == len(body) - 1 and n == len(parts) - 1
            cleaned = clean_paragraph(
                part,
                bp,
                # (A part the next one goes on in lower case is a sentence's start.)
                runon_part=n < len(parts) - 1 and not parts[n + 1][:1].islower(),
                last=last,
                is_author=lambda t: _glued_author(t, state, bp),
            )
            for text, reason, detail in cleaned.dropped:
                state.dropped.append(DroppedLine(line.lineno, text, reason, detail))
            if cleaned.source and not state.source:
                state.source = cleaned.source
            if cleaned.author:
                state.author = cleaned.author
            if cleaned.text:
                gap = line.gap_before or n > 0
                out.append(_Line(Line(line.lineno, cleaned.text), gap, line.blanks, line.md_heading))
    return out
