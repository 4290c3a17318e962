"""Raw article text to :class:`~briefbook.records.Article`.

The reader separates an article's body from the page debris around it and
recovers its metadata. It works on lines:

1. the header: category/date lines before the title, the title, date lines
   right after it;
2. the rest is cut into segments: body text, and debris blocks opened by a
   marker line ("Tin liên quan", "Bình luận", ...; see ``data/boilerplate.yaml``);
3. the end of the body gives the signature: byline, source ("Nguồn: ..."),
   URL, advertisements;
4. the body becomes the lede and sections (short stand-alone lines between
   blank-line separated paragraphs are subheadings);
5. related-news blocks give headlines kept as further reading.

Every line that does not reach the chapter is recorded as a
:class:`~briefbook.records.DroppedLine` with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefbook.boilerplate import BlockKind, Boilerplate, load_boilerplate
from briefbook.decoding import ArticleError
from briefbook.metadata import (
    parse_byline,
    parse_category_line,
    parse_source_line,
    parse_url_line,
)
from briefbook.records import (
    Article,
    ArticleDate,
    DroppedLine,
    Line,
    Metadata,
    Paragraph,
    Problem,
    RawText,
    RelatedItem,
    Section,
)
from briefbook.vietnamese import slugify

__all__ = ["parse_article"]

_SENTENCE_END = tuple('.!?…;"”’»')
_OUTLET_PREFIX = re.compile(r"^\((?P<outlet>[^()]{2,30})\)\s*[-–—]")
_MAX_HEADING = 150
_MAX_HEADLINE = 200

# Reasons, as shown in the conversion report.
R_METADATA = "siêu dữ liệu"
R_REPEAT = "lặp lại"
R_SUMMARY = "tóm tắt tin liên quan"
R_BLOCK = "tiêu đề khối"


@dataclass(slots=True)
class _Line:
    """A non-empty line with whether a blank line stands before it."""

    line: Line
    gap_before: bool

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def lineno(self) -> int:
        return self.line.lineno


@dataclass(slots=True)
class _State:
    """What parsing has collected so far (private, mutable while parsing)."""

    dropped: list[DroppedLine] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)
    category: str = ""
    date: ArticleDate | None = None
    author: str = ""
    outlet: str = ""
    source: str = ""
    url: str = ""
    outlet_votes: Counter[str] = field(default_factory=Counter)

    def drop(self, line: _Line, reason: str) -> None:
        self.dropped.append(DroppedLine(line.lineno, line.text, reason))


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    gap = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        out.append(_Line(Line(lineno, stripped), gap_before=gap or not out))
        gap = False
    return out


def _is_summary(text: str) -> bool:
    """A teaser's summary rather than a headline."""
    return text.endswith(_SENTENCE_END) or len(text) > _MAX_HEADLINE or _OUTLET_PREFIX.match(text) is not None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _read_header(lines: list[_Line], state: _State, bp: Boilerplate) -> int:
    """Consume category/date lines and debris before the title; return the title's index."""
    i = 0
    while i < len(lines) - 1:
        line = lines[i]
        if (reason := bp.debris_reason(line.text)) is not None:
            state.drop(line, reason)
        elif (cat := parse_category_line(line.text)) is not None:
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(line, f"{R_METADATA}: chuyên mục, ngày")
        else:
            break
        i += 1
    return i


def _read_dates_after_title(lines: list[_Line], start: int, state: _State) -> int:
    i = start
    while i < len(lines) and (cat := parse_category_line(lines[i].text)) is not None:
        state.category = state.category or cat.category
        state.date = state.date or cat.date
        state.drop(lines[i], f"{R_METADATA}: ngày")
        i += 1
    return i


def _segment(lines: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """Split what follows the header into body lines and debris blocks.

    Returns the body lines; debris goes to ``state``.
    """
    body: list[_Line] = []
    block = None
    after_headline = False
    for line in lines:
        marker = bp.block_marker(line.text)
        if marker is not None:
            block, after_headline = marker, False
            state.drop(line, f"{R_BLOCK}: {marker.reason}")
            continue
        if block is None:
            body.append(line)
            continue
        if (match := _OUTLET_PREFIX.match(line.text)) is not None:
            state.outlet_votes[match["outlet"].strip()] += 1
        if block.kind is BlockKind.DROP:
            state.drop(line, block.reason)
        elif (reason := bp.debris_reason(line.text)) is not None:
            state.drop(line, reason)
        elif parse_category_line(line.text) is not None:
            state.drop(line, f"{block.reason}: chuyên mục, ngày")
        elif _is_summary(line.text):
            if not after_headline:
                # Running text that follows no headline: the list has ended
                # and the article goes on.
                block = None
                body.append(line)
                continue
            state.drop(line, R_SUMMARY)
            after_headline = False
        elif any(_key(r.title) == _key(line.text) for r in state.related):
            state.drop(line, f"{block.reason}: {R_REPEAT}")
            after_headline = True
        else:
            state.related.append(RelatedItem(line.text, line.lineno))
            after_headline = True
    return body


def _read_signature(body: list[_Line], state: _State, bp: Boilerplate) -> None:
    """Take byline, source, URL and ads off the end of the body (in place)."""
    while body:
        line = body[-1]
        text = line.text
        if (reason := bp.debris_reason(text)) is not None:
            state.drop(line, reason)
        elif (source := parse_source_line(text)) is not None and not state.source:
            state.source = source
            state.drop(line, f"{R_METADATA}: nguồn")
        elif (url := parse_url_line(text)) is not None and not state.url:
            state.url = url
            state.drop(line, f"{R_METADATA}: địa chỉ")
        elif not state.author and (byline := parse_byline(text)) is not None:
            state.author = byline.author
            state.outlet = state.outlet or byline.outlet
            state.date = state.date or byline.date
            state.drop(line, f"{R_METADATA}: tác giả")
        else:
            break
        body.pop()


def _is_heading(lines: list[_Line], i: int) -> bool:
    """A short stand-alone line followed by running text."""
    line = lines[i]
    if i + 1 >= len(lines) or not line.gap_before or not lines[i + 1].gap_before:
        return False
    text = line.text
    return (
        len(text) <= _MAX_HEADING
        and len(text.split()) <= 25
        and not text.endswith((*_SENTENCE_END, ":", ",", ")", "]"))
        and (text[0].isupper() or text[0].isdigit())
        and len(lines[i + 1].text) > len(text)
    )


def _build_sections(body: list[_Line], state: _State, title: str) -> tuple[str, int, list[Section]]:
    """Lede and sections from the body lines."""
    seen = {_key(title)}
    unique: list[_Line] = []
    for line in body:
        key = _key(line.text)
        if key in seen:
            state.drop(line, R_REPEAT)
        else:
            seen.add(key)
            unique.append(line)
    body = unique
    separated = sum(1 for line in body[1:] if line.gap_before)
    blank_separated = len(body) > 2 and separated >= 0.6 * (len(body) - 1)

    lede, lede_lineno = "", 0
    if len(body) > 1 and not (blank_separated and _is_heading(body, 0)):
        lede, lede_lineno = body[0].text, body[0].lineno
        body = body[1:]

    sections: list[Section] = []
    heading: str | None = None
    heading_lineno = 0
    paragraphs: list[Paragraph] = []
    for i, line in enumerate(body):
        if blank_separated and _is_heading(body, i):
            if paragraphs or heading is not None:
                sections.append(Section(heading, tuple(paragraphs), heading_lineno))
            heading, heading_lineno, paragraphs = line.text, line.lineno, []
        else:
            paragraphs.append(Paragraph(line.text, line.lineno))
    if paragraphs or heading is not None:
        sections.append(Section(heading, tuple(paragraphs), heading_lineno))
    return lede, lede_lineno, sections


def _problems(raw: RawText, meta: Metadata, title: str) -> list[Problem]:
    missing = [
        label
        for label, value in (
            ("date", meta.date),
            ("author", meta.author),
            ("outlet or source", meta.outlet or meta.source),
        )
        if not value
    ]
    problems = [Problem(raw.path, f"no {label} found") for label in missing]
    if len(title) > _MAX_HEADLINE:
        problems.append(Problem(raw.path, f"title is {len(title)} characters long", lineno=1))
    return problems


def parse_article(raw: RawText, boilerplate: Boilerplate | None = None) -> Article:
    """Parse one article. Raises :class:`ArticleError` when it has no body."""
    bp = boilerplate or load_boilerplate()
    lines = _split_lines(raw.text)
    state = _State()
    title_index = _read_header(lines, state, bp)
    if title_index >= len(lines):
        raise ArticleError(raw.path, "no title: the file holds only metadata or debris")
    title_line = lines[title_index]
    start = _read_dates_after_title(lines, title_index + 1, state)
    body = _segment(lines[start:], state, bp)
    _read_signature(body, state, bp)
    # Debris lines inside the body (advertisements between paragraphs).
    kept = []
    for line in body:
        if (reason := bp.debris_reason(line.text)) is not None:
            state.drop(line, reason)
        else:
            kept.append(line)
    lede, lede_lineno, sections = _build_sections(kept, state, title_line.text)
    if not lede and not sections:
        raise ArticleError(raw.path, "no body text after the title", title_line.lineno)

    outlet = state.outlet
    if not outlet and state.outlet_votes:
        outlet = state.outlet_votes.most_common(1)[0][0]
    meta = Metadata(
        category=state.category,
        date=state.date,
        author=state.author,
        outlet=outlet,
        source=state.source,
        url=state.url,
    )
    slug = slugify(title_line.text) or slugify(raw.path.stem) or "bai-viet"
    return Article(
        path=raw.path,
        slug=slug,
        title=title_line.text,
        lede=lede,
        sections=tuple(sections),
        meta=meta,
        related=tuple(state.related),
        dropped=tuple(sorted(state.dropped, key=lambda d: d.lineno)),
        problems=tuple(_problems(raw, meta, title_line.text)),
        lede_lineno=lede_lineno,
        title_lineno=title_line.lineno,
    )
