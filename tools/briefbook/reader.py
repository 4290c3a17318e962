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
from briefbook.entities import is_place
from briefbook.headline import find_title, is_prose
from briefbook.inline import clean_paragraph, credit_length, sentence_spans, split_runon
from briefbook.metadata import (
    Byline,
    find_date,
    outlet_from_url,
    outlet_name,
    parse_byline,
    parse_category_line,
    parse_source_line,
    parse_url_line,
)
from briefbook.outlets import load_outlets
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
from briefbook.repetition import furniture_key
from briefbook.vietnamese import slugify

__all__ = ["flatten_markdown", "logical_lines", "parse_article"]

_SENTENCE_END = tuple('.!?…;"”’»')
_OUTLET_PREFIX = re.compile(r"^\((?P<outlet>[^()]{2,30})\)\s*[-–—]")
_RELEASE_DATELINE = re.compile(r"^[A-ZĐÀ-Ỹ][^,.;:]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2},?\s+năm\s+\d{4}")
_DATELINE = re.compile(
    r"^(?:\((?P<paren>[^()]{2,30})\)|(?P<bare>[A-ZĐ]{2,6}(?:\s+Online|\.(?:VN|vn))?))\s*[-–—]\s"
)
_CREDIT_OPEN = re.compile(r"(?:^|\s)(?:Ảnh|ẢNH|Photo)\s*:\s*$")
"""A line that ends where its photo's credit should begin (the credit is on the next line)."""
_SIGNING_INITIALS = re.compile(r"[A-ZĐ]{2,3}|(?:[A-ZĐ]\.){1,3}\s?[A-ZĐÀ-Ỹ][a-zà-ỹđ]+")
"""A writer's initials, alone after the text's last sentence ("HH", "N.Tập")."""
_BULLET = re.compile(r"^[-•●▪◦·+*–]\s+(?=\S)")
"""A list item's bullet, as copied from a page's list."""
_MAX_HEADING = 150
_MAX_TITLE = 300
_MAX_HEADLINE = 200

# Reasons, as shown in the conversion report.
R_METADATA = "siêu dữ liệu"
R_REPEAT = "lặp lại"
R_SUMMARY = "tóm tắt tin liên quan"
R_BLOCK = "tiêu đề khối"
R_MARKUP = "đánh dấu Markdown"
R_LABEL = "nhãn chuyên mục"
R_SAPO_REPEAT = "sapo lặp lại"
R_CAPTION_LINE = "chú thích ảnh"
R_MARKDOWN = "ảnh, địa chỉ liên kết"
R_PROMPTED = "tiêu đề được giới thiệu"
R_PAGE_TOP = "phần đầu trang"
R_PAGE_BOTTOM = "phần cuối trang"
R_CREDIT_LINE = "nguồn ảnh"
R_FURNITURE = "lặp lại ở nhiều bài (khung trang)"


@dataclass(slots=True)
class _Line:
    """A non-empty line, with the blank lines before it and its Markdown role."""

    line: Line
    gap_before: bool
    blanks: int = 0
    """How many blank lines stand before it."""
    md_heading: bool = False
    """It was a Markdown heading ("## ...")."""

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


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_RULE = re.compile(r"^[*_=#~-]{3,}$")
_MD_STRONG_LEFT = re.compile(r"(?:(?<=\s)|^)\*\*+ ?| ?\*\*+(?=\s|$|[.,;:!?])")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])|(?<![_\w])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![_\w])"
)


_WRAP_MAX = 100
"""Text wrapped at a fixed width (an e-mail, a plain-text export) has no
line longer than this."""


def logical_lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` with their numbers; a hard-wrapped text's lines
    are joined back into its paragraphs (numbered by their first line).

    Text is taken as hard-wrapped when no line is longer than
    :data:`_WRAP_MAX` and at least three lines (a quarter of them) end where
    a greedy wrap would end them: the next line's first word would not have
    fitted. Such a line is joined with the next, unless it ends a sentence
    (a paragraph may end there) or is the first line (the title).
    """
    lines = text.split("\n")
    numbered = list(enumerate(lines, start=1))
    stripped = [line.strip() for line in lines]
    filled = [i for i, line in enumerate(stripped) if line]
    if len(filled) < 4:
        return numbered
    width = max(len(stripped[i]) for i in filled[1:])
    if width > _WRAP_MAX:
        return numbered

    def wrapped(i: int) -> bool:
        line, following = stripped[i], stripped[i + 1] if i + 1 < len(stripped) else ""
        return (
            i > filled[0]
            and bool(following)
            and not line.endswith(_SENTENCE_END)
            and _BULLET.match(following) is None
            and len(line) + 1 + len(following.split()[0]) > width
        )

    joins = {i for i in filled if wrapped(i)}
    if len(joins) < 3 or len(joins) < len(filled) / 4:
        return numbered
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        start, parts = i, [stripped[i]]
        while i in joins:
            i += 1
            parts.append(stripped[i])
        out.append((start + 1, " ".join(parts) if len(parts) > 1 else lines[start]))
        i += 1
    return out


_MD_IMAGE = re.compile(r'!\[[^\[\]]*\]\(\s*[^()\s]+(?:\s+"[^"]*")?\s*\)')
_MD_LINK = re.compile(
    r'(?<!!)\[([^\[\]]+)\]\(\s*((?:https?://|www\.|/|#|\.{1,2}/)[^()\s]*)(?:\s+"[^"]*")?\s*\)'
)
_MD_QUOTE = re.compile(r"^\s*>(?!>)\s?")


def flatten_markdown(line: str) -> tuple[str, tuple[str, ...]]:
    """A line of Markdown (a web clipper's, a reader view's) as text: links
    become their text, images and quote marks go. Returns the text and what
    was taken out (images, link targets), for the report."""
    removed: list[str] = []

    def image(m: re.Match[str]) -> str:
        removed.append(m.group(0))
        return ""

    def link(m: re.Match[str]) -> str:
        removed.append(m.group(2))
        return m.group(1)

    if "](" in line:
        line = _MD_LINK.sub(link, _MD_IMAGE.sub(image, line))
    if "*" in line or "_" in line:
        line = _MD_EMPHASIS.sub(lambda m: m[1] or m[2], _MD_STRONG.sub(r"\2", line))
        # Bold that a copy left unbalanced or spaced ("** Bộ Y tế **", a
        # bold run broken over two lines): its marks go, never its text.
        line = _MD_STRONG_LEFT.sub("", line)
    return _MD_QUOTE.sub("", line), tuple(removed)


def _split_lines(text: str, state: _State) -> list[_Line]:
    """Non-empty (logical) lines, with Markdown markup taken off."""
    out: list[_Line] = []
    blanks = 0
    for lineno, line_text in logical_lines(text):
        raw, removed = flatten_markdown(line_text)
        state.dropped.extend(DroppedLine(lineno, piece, R_MARKDOWN) for piece in removed)
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        line = _Line(Line(lineno, stripped), gap_before=blanks > 0 or not out, blanks=blanks)
        blanks = 0
        if _MD_RULE.match(stripped):
            state.drop(line, R_MARKUP)
            continue
        heading = _MD_HEADING.match(stripped)
        text_ = stripped[heading.end() :] if heading else stripped
        text_ = re.sub(r"\*{4,}", "", text_).strip()
        if not text_:
            state.drop(line, R_MARKUP)
            continue
        line.line = Line(lineno, text_)
        line.md_heading = heading is not None
        out.append(line)
    return out


def _is_summary(text: str) -> bool:
    """A teaser's summary (running text) rather than a headline.

    Headlines may end with "?", "!" or a closing quote, or be cut short with
    "..."; a summary is long, opens with the outlet's "(HTV) -", or ends a
    sentence with a full stop.
    """
    if text.endswith(("...", "…")) and len(text) <= 120:
        return False
    return (
        len(text) > _MAX_HEADLINE
        or _OUTLET_PREFIX.match(text) is not None
        or (text.rstrip("”\"’'»)").endswith((".", "…", ";")) and len(text) > 40)
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


_LABEL_MAX = 40
_LABEL_WORDS = 5


def _is_label(text: str) -> bool:
    """A section label on its own line ("Sức khỏe", "Thế giới", "Tin tức -
    Sự kiện", "Society"): a few words, no digits, no punctuation of a sentence."""
    words = text.split()
    return (
        len(text) <= _LABEL_MAX
        and 1 <= len(words) <= _LABEL_WORDS
        and text[0].isupper()
        and not any(c.isdigit() for c in text)
        and not any(c in '.,;:!?…()[]"“”' for c in text)
    )


def _is_headline(text: str) -> bool:
    """A line that can be a title: not too long, not a sentence of running text."""
    return len(text) <= _MAX_HEADLINE and not text.endswith((".", ";", ":", ","))


def _next_index(lines: list[_Line], start: int, bp: Boilerplate) -> int:
    """The index of the first line from ``start`` on that is not debris
    (``len(lines)`` when there is none)."""
    j = start
    while j < len(lines) and bp.debris_reason(lines[j].text) is not None:
        j += 1
    return j


def _next_text(lines: list[_Line], start: int, bp: Boilerplate) -> str | None:
    """The text of the first line from ``start`` on that is not debris."""
    j = _next_index(lines, start, bp)
    return lines[j].text if j < len(lines) else None


_CRUMB = re.compile(r"\s*[>»›|/]\s*")


def _is_section_line(text: str, bp: Boilerplate) -> bool:
    """A known section's name, or a path of them ("Sức khỏe > Y tế")."""
    return all(bp.is_section(part) for part in _CRUMB.split(text))


def _is_label_above_title(lines: list[_Line], i: int, bp: Boilerplate) -> bool:
    """Whether line ``i`` is a section label: a known section's name
    (``sections`` in the boilerplate), and the next line that is not debris
    is a date, another label or a title (longer than the label), with more
    text after it. A short title is followed by running text."""
    if not _is_label(lines[i].text) or not _is_section_line(lines[i].text, bp):
        return False
    j = _next_index(lines, i + 1, bp)
    if j + 1 >= len(lines):
        return False
    following = lines[j].text
    return (
        parse_category_line(following) is not None
        or _is_label(following)
        or (_is_headline(following) and len(following) > len(lines[i].text))
    )


def _read_header(lines: list[_Line], state: _State, bp: Boilerplate) -> int:
    """Consume category/date lines, section labels and debris before the
    title; return the title's index."""
    i = 0
    while i < len(lines) - 1:
        line, following = lines[i], lines[i + 1].text
        if (reason := bp.debris_reason(line.text)) is not None:
            state.drop(line, reason)
        elif (cat := parse_category_line(line.text)) is not None and len(following) <= _MAX_HEADLINE:
            # (A dated line followed by running text is the title itself.)
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(line, f"{R_METADATA}: chuyên mục, ngày")
        elif _is_label_above_title(lines, i, bp):
            # The page's section ("Sức khỏe") above the title or the date:
            # what follows is a title, a date or another label, not the
            # running text that would follow a short title.
            state.category = state.category or _CRUMB.split(line.text)[-1]
            state.drop(line, R_LABEL)
        elif (
            line.text.isupper()
            and len(line.text) <= 60
            and (section := _next_text(lines, i + 1, bp)) is not None
            and _is_section_line(section, bp)
        ):
            # The site's name in capitals above its section ("BỆNH VIỆN CHỢ RẪY").
            state.drop(line, R_LABEL)
        else:
            break
        i += 1
    return i


def _between_title_and_text(text: str, bp: Boilerplate) -> bool:
    """A line that may stand between a title and its text: a date, a
    byline, a label, a paper's name, page furniture."""
    return (
        bp.debris_reason(text) is not None
        or parse_category_line(text) is not None
        or parse_url_line(text) is not None
        or _is_author_line(text, bp)
        or _dated_byline(text, bp) is not None
        or _is_outlet_line(text)
        or (_is_label(text) and len(text.split()) <= 3)
    )


def _read_page_top(
    lines: list[_Line], start: int, state: _State, bp: Boilerplate, url_hint: str, furniture: frozenset[str]
) -> int:
    """The title's index, found by agreement of evidence (see
    :mod:`briefbook.headline`) from ``start`` (where the header's known
    labels end) on. What stands above it is the page's top: URL and date
    lines give metadata, the rest (menus, account links, teasers) is
    dropped."""
    for line in lines[start : start + 3]:
        if (url := parse_url_line(line.text)) is not None:
            state.url = state.url or url
    texts = [line.text for line in lines[start:]]
    guess = find_title(
        texts,
        url=state.url or url_hint,
        skippable=lambda t: _between_title_and_text(t, bp),
        furniture=lambda t: furniture_key(t) in furniture,
    )
    title = start + guess.index
    for index, line in enumerate(lines[start:title], start=start):
        if (url := parse_url_line(line.text)) is not None:
            state.url = state.url or url
            state.drop(line, f"{R_METADATA}: địa chỉ")
        elif (reason := bp.debris_reason(line.text)) is not None:
            state.drop(line, reason)
        elif (cat := parse_category_line(line.text)) is not None and title - index <= 3:
            # The article's date just above its title (a site's "today" in
            # its top bar is further up).
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(line, f"{R_METADATA}: chuyên mục, ngày")
        else:
            state.drop(line, R_PAGE_TOP)
    return title


def _is_author_line(text: str, bp: Boilerplate) -> bool:
    """A writer's name alone on a line under the title ("Lê Cầm"), not a
    section ("THỜI SỰ", "Tin Tức - Sự Kiện") or a place ("Hà Nội")."""
    words = text.split()
    return 2 <= len(words) <= 4 and " - " not in text and not bp.is_section(text) and not is_place(text)


def _dated_byline(text: str, bp: Boilerplate) -> tuple[Byline, ArticleDate] | None:
    """An author line with the date after the name (not a place's dateline)."""
    found = find_date(text)
    if found is None or len(text) > 120:
        return None
    date, m = found
    head, tail = text[: m.start()].strip(" |,-–"), text[m.end() :].strip(" |,-–")
    byline = parse_byline(head) if head and not tail else None
    if byline is None or not _is_author_line(byline.author, bp):
        return None
    return byline, date


_OUTLET_WORD = re.compile(r"\b(News|Online|Times|Post|Daily|Today|Tribune|Herald)$")


def _is_outlet_line(text: str) -> bool:
    """A line that names a paper: a dateline abbreviation briefbook knows
    ("SGGPO") or an English edition's name ("Tuoi Tre News")."""
    return len(text.split()) <= 5 and (outlet_name(text) != text or _OUTLET_WORD.search(text) is not None)


def _read_dates_after_title(lines: list[_Line], start: int, state: _State, bp: Boilerplate) -> int:
    """Date lines under the title, and an author line just above one
    (Thanh Niên: title, author, date, sapo) or just below one (Lao Động:
    title, date, author, sapo)."""
    i = start
    while i < len(lines):
        if (cat := parse_category_line(lines[i].text)) is not None:
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(lines[i], f"{R_METADATA}: ngày")
        elif i > start and (reason := bp.debris_reason(lines[i].text)) is not None:
            state.drop(lines[i], reason)  # among the header's lines ("Theo dõi ... trên Google News")
        elif is_place(lines[i].text) and len(lines[i].text.split()) <= 4:
            # "Hà Tĩnh": the place the story comes from, on a line of its own
            # between the title and the text (a dateline a copy split off).
            state.drop(lines[i], f"{R_METADATA}: nơi đưa tin")
        elif not state.outlet and _is_outlet_line(lines[i].text):
            # "SGGPO", "Tuoi Tre News": the paper's name on its own line.
            state.outlet = lines[i].text
            state.drop(lines[i], f"{R_METADATA}: cơ quan đăng")
        elif not state.author and (dated := _dated_byline(lines[i].text, bp)) is not None:
            # "By Le Nga   December 2, 2025 | 06:12 pm GMT+7" (English editions).
            state.author = dated[0].author
            state.date = state.date or dated[1]
            state.drop(lines[i], f"{R_METADATA}: tác giả, ngày")
        elif (
            not state.author
            and (following := _next_text(lines, i + 1, bp)) is not None
            and (parse_category_line(following) is not None or (i > start and _is_summary(following)))
            and _is_author_line(lines[i].text, bp)
            and (byline := parse_byline(lines[i].text)) is not None
        ):
            state.author = byline.author
            state.outlet = state.outlet or byline.outlet
            state.drop(lines[i], f"{R_METADATA}: tác giả")
        else:
            break
        i += 1
    return i


def _segment(lines: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """Split what follows the header into body lines and debris blocks.

    Returns the body lines; debris goes to ``state``.
    """
    body: list[_Line] = []
    block = None
    after_headline = False
    previous: str | None = None
    for index, line in enumerate(lines):
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
        if block.kind is BlockKind.COMMENTS:
            state.drop(line, block.reason)
        elif (reason := bp.footer_reason(line.text)) is not None:
            state.drop(line, reason)
        elif parse_category_line(line.text) is not None:
            state.drop(line, f"{block.reason}: chuyên mục, ngày")
        elif _is_summary(line.text):
            if not after_headline or block.headlines_only or _text_goes_on(lines, index + 1, bp):
                # Running text that follows no headline: the list has ended
                # and the article goes on.
                block = None
                body.append(line)
                continue
            state.drop(line, R_SUMMARY)
            after_headline = False
        elif any(_key(r.title) == _key(line.text) for r in state.related) or (
            block.kind is BlockKind.DROP and previous is not None and _key(previous) == _key(line.text)
        ):
            state.drop(line, f"{block.reason}: {R_REPEAT}")
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


_THEO_AUTHOR = re.compile(r"^Theo\s+(?P<name>[^|]{3,40}?)\s*\|\s*(?P<source>[^|]{2,60}?)\s*$")


def _date_only(text: str, longest: int) -> ArticleDate | None:
    """The date of a short line that holds a date and nothing else (no
    section name), for dates found away from the header."""
    cat = parse_category_line(text) if len(text) <= longest else None
    return cat.date if cat is not None and not cat.category else None


def _read_date_under_lede(body: list[_Line], state: _State) -> None:
    """A date line among the first lines of the text ("07:30 | 03/12/2025"
    under VTV's sapo), when the header had none (in place)."""
    if state.date is not None:
        return
    for index, line in enumerate(body[:3]):
        if (date := _date_only(line.text, 40)) is not None:
            state.date = date
            state.drop(line, f"{R_METADATA}: ngày")
            del body[index]
            return


def _read_signature(body: list[_Line], state: _State, bp: Boilerplate) -> None:
    """Take byline, source, URL and ads off the end of the body (in place).
    Page furniture (``footer``) is looked for only below the author: above
    it, the text is the article's ("Địa chỉ: ..." of a clinic it names)."""
    signed = False
    while body:
        line = body[-1]
        text = line.text
        if (reason := bp.debris_reason(text) if signed else bp.footer_reason(text)) is not None:
            state.drop(line, reason)
        elif (theo := _THEO_AUTHOR.match(text)) is not None and parse_byline(theo["name"]) is not None:
            # "Theo Thu Hằng | Sức khỏe & Đời sống" (VCCorp sites): the writer and the paper.
            state.author = state.author or theo["name"]
            state.source = state.source or theo["source"]
            state.drop(line, f"{R_METADATA}: tác giả, nguồn")
        elif bp.is_section(text) and len(text) <= _LABEL_MAX:
            # A crawler's fields after the text: the section, the outlet.
            state.category = state.category or text
            state.drop(line, R_LABEL)
        elif (outlet := load_outlets().by_name(text)) is not None and outlet.is_press and len(text) <= 40:
            state.outlet = state.outlet or outlet.name
            state.drop(line, f"{R_METADATA}: cơ quan đăng")
        elif not state.date and (date := _date_only(text, 60)) is not None:
            # "Cập nhật lúc 14:20 ngày 02/12/2025" at the end of the page.
            state.date = date
            state.drop(line, f"{R_METADATA}: ngày")
        elif (source := parse_source_line(text)) is not None and not state.source:
            state.source = source
            state.drop(line, f"{R_METADATA}: nguồn")
        elif (url := parse_url_line(text)) is not None and not state.url:
            state.url = url
            state.drop(line, f"{R_METADATA}: địa chỉ")
        elif not state.author and (byline := parse_byline(text)) is not None:
            state.author = byline.author
            state.outlet = state.outlet or byline.outlet
            state.source = state.source or byline.source
            state.date = state.date or byline.date
            state.drop(line, f"{R_METADATA}: tác giả")
            signed = True
        else:
            break
        body.pop()


_SIGNATURE_LINES = 3
"""How many lines under the text's last sentence may sign it (author,
source, address, date) before the page's bottom."""


def _signs(text: str, bp: Boilerplate) -> bool:
    """A line that signs an article: a byline, a source, an address, a
    date, the paper's name or the article's section (a crawler's fields)."""
    outlet = load_outlets().by_name(text) if len(text) <= 40 else None
    return (
        (outlet is not None and outlet.is_press)
        or (bp.is_section(text) and len(text) <= _LABEL_MAX)
        or parse_byline(text) is not None
        or parse_source_line(text) is not None
        or parse_url_line(text) is not None
        or _date_only(text, 60) is not None
        or _THEO_AUTHOR.match(text) is not None
    )


def _is_sentence(text: str) -> bool:
    """A finished sentence of some length, which a menu never is."""
    return len(text.split()) >= 6 and text.endswith(_SENTENCE_END)


def _drop_furniture(
    body: list[_Line], state: _State, bp: Boilerplate, furniture: frozenset[str]
) -> list[_Line]:
    """Lines that recur across the folder's articles (the sites' menus and
    footers); a byline, a source or a date stays for the signature (one
    reporter signs many articles)."""
    if not furniture:
        return body
    kept = []
    for line in body:
        if furniture_key(line.text) in furniture and not _signs(line.text, bp):
            state.drop(line, R_FURNITURE)
        else:
            kept.append(line)
    return kept


def _trim_page_bottom(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """The page's bottom, after the text's last sentence: when three or more
    lines stand there and most are short (menus, links, footers, teasers'
    headlines), they are the page's, not the article's. The lines just under
    the text that sign it (author, source, address, date), finish it (a
    sentence) or list (bullets) stay; the rest is dropped. A list the text
    announces ("... gồm:") and a sentence further down (the text goes on
    after a list) leave the bottom as it is."""
    last = max((i for i, line in enumerate(body) if is_prose(line.text)), default=-1)
    tail = body[last + 1 :]
    if last < 0 or len(tail) < 3 or body[last].text.endswith(":"):
        return body
    short = sum(1 for line in tail if len(line.text.split()) <= 8 and not _is_sentence(line.text))
    if short < 0.6 * len(tail):
        return body
    # Above the author's line, the text is the article's ("Địa chỉ: ..." of
    # a clinic it names): the bottom starts under the signature.
    signed = [i for i, line in enumerate(tail[: _SIGNATURE_LINES + 1]) if _signs(line.text, bp)]
    if signed:
        last += signed[0] + 1
        tail = body[last + 1 :]
    kept, dropped = body[: last + 1], []
    n = 0  # lines of the bottom that are not known debris
    for line in tail:
        debris = bp.debris_reason(line.text)
        if debris is None:
            if n < _SIGNATURE_LINES and (
                _signs(line.text, bp) or _is_sentence(line.text) or _BULLET.match(line.text)
            ):
                kept.append(line)
            elif _is_sentence(line.text) or len(line.text.split()) > 8 or line.text.endswith(":"):
                return body  # the text goes on (a sentence, a long line, a list announced)
            else:
                dropped.append((line, R_PAGE_BOTTOM))
            n += 1
        else:
            dropped.append((line, debris))
    for line, reason in dropped:
        state.drop(line, reason)
    return kept


def _is_heading(lines: list[_Line], i: int) -> bool:
    """A short stand-alone line followed by running text."""
    line = lines[i]
    if i + 1 >= len(lines) or not line.gap_before or not lines[i + 1].gap_before:
        return False
    text = line.text
    return (
        _BULLET.match(text) is None
        and len(text) <= _MAX_HEADING
        and len(text.split()) <= 25
        and not text.endswith((*_SENTENCE_END, ":", ",", ")", "]"))
        and (text[0].isupper() or text[0].isdigit())
        and len(lines[i + 1].text) > len(text)
    )


def _drop_repeats(body: list[_Line], state: _State, title: str) -> list[_Line]:
    """Drop lines that repeat the title or an earlier line, and caption-like
    lines (no final punctuation) whose text recurs in a longer paragraph."""
    seen = {_key(title)}
    unique: list[_Line] = []
    for line in body:
        key = _key(line.text)
        # Short lines ("Có.") may really be said twice; teasers are long.
        if key in seen and (len(key) >= 40 or key == _key(title)):
            state.drop(line, R_REPEAT)
        else:
            seen.add(key)
            unique.append(line)
    # Where each sentence of each line starts (first 30 characters), so that
    # a caption repeated at the start of a sentence elsewhere is found in
    # linear time.
    starts: dict[str, list[tuple[int, str]]] = {}
    keys = [_key(line.text) for line in unique]
    for index, line in enumerate(unique):
        for start, _end in sentence_spans(line.text):
            rest = _key(line.text[start : start + 400])  # captions are short
            starts.setdefault(rest[:30], []).append((index, rest))
    out = []
    for index, (line, key) in enumerate(zip(unique, keys, strict=True)):
        if (
            30 <= len(key) <= 200
            and not line.text.endswith(_SENTENCE_END)
            and any(i != index and rest.startswith(key) for i, rest in starts.get(key[:30], ()))
        ):
            state.drop(line, f"{R_CAPTION_LINE} ({R_REPEAT})")
        else:
            out.append(line)
    return out


def _blank_separated(body: list[_Line]) -> bool:
    """Whether the paragraphs are set apart by blank lines (then a short
    stand-alone line between them is a subheading)."""
    separated = sum(1 for line in body[1:] if line.gap_before)
    return len(body) > 2 and separated >= 0.6 * (len(body) - 1)


_CREDIT_LINE = re.compile(r"^\(?(?:Ảnh|ẢNH|Photo)\s*:\s*[^.!?]{1,60}\)?$")


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
        return body[i].md_heading or (blank_separated and _is_heading(body, i))

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


def _split_title_label(title: _Line, state: _State) -> _Line:
    """ "SỰ KIỆN NỔI BẬT Tập huấn ...": a capitalised section label glued to the title."""
    words = title.text.split()
    n = 0
    while n < len(words) and words[n].isupper() and len(words[n]) > 1 and words[n].isalpha():
        n += 1
    rest = words[n:]
    if n < 2 or not rest or not (rest[0][0].isupper() and any(c.islower() for c in rest[0])):
        return title
    label = " ".join(words[:n])
    state.category = state.category or label.capitalize()
    state.dropped.append(DroppedLine(title.lineno, label, R_LABEL))
    return _Line(Line(title.lineno, " ".join(rest)), title.gap_before, title.blanks)


def _split_runon_title(title: _Line) -> tuple[_Line, list[_Line]]:
    """A first line that holds the title and the text after it (a whole
    article copied as one line): the title is its first part (up to a run of
    spaces) or its first sentence; the rest is body."""
    if len(title.text) <= _MAX_TITLE:
        return title, []
    parts = re.split(r"\s{2,}", title.text, maxsplit=1)
    if len(parts) < 2 or len(parts[0]) > _MAX_TITLE:
        spans = sentence_spans(title.text)
        if len(spans) < 2 or spans[0][1] > _MAX_TITLE:
            return title, []
        parts = [title.text[: spans[0][1]], title.text[spans[1][0] :]]
    head, tail = parts[0].strip(), parts[1].strip()
    return _Line(Line(title.lineno, head), title.gap_before, title.blanks), [
        _Line(Line(title.lineno, tail), True, 1)
    ]


def _take_trailing_sapo(lines: list[_Line]) -> _Line | None:
    """The sapo that some saved pages repeat at the very end, after blank lines."""
    if len(lines) < 4:
        return None
    last = lines[-1]
    if last.blanks >= 2 and len(last.text) >= 60 and last.text.endswith(_SENTENCE_END):
        return lines.pop()
    return None


def _is_repeat(sapo: _Line, body: list[_Line]) -> bool:
    """Whether the sapo's text (or its first sentence) is already in the body."""
    key = _key(sapo.text)
    first = _key(sapo.text[: sentence_spans(sapo.text)[0][1]])
    return any(key in _key(line.text) or _key(line.text).startswith(first) for line in body)


# Labels that point to the headline after them.
_POINTERS = frozenset({"xem thêm", "đọc thêm", "read more", "xem tiếp"})


def _glued_author(text: str, state: _State, bp: Boilerplate) -> bool:
    """Whether the last sentence of the text is its writer's name, which a
    crawler glued to it ("... tử vong.Minh Thu"), when no byline was found."""
    if state.author or len(text) > 40:
        return False
    if _SIGNING_INITIALS.fullmatch(text):
        return True  # "... các cơ sở y tế.HH", "... 24 thủ tục.N.Tập"
    byline = parse_byline(text)
    return byline is not None and byline.author == text and _is_author_line(text, bp)


def _clean_body(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """Cut run-on lines into paragraphs and debris out of paragraphs."""
    out: list[_Line] = []
    separated = _blank_separated(body)
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
            prompt = reason if line.text.endswith(":") or _key(line.text) in _POINTERS else None
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
        if _is_caption_line(body, index, bp, separated):
            state.drop(line, R_CAPTION_LINE)
            continue
        parts = split_runon(line.text)
        for n, part in enumerate(parts):
            last = index == len(body) - 1 and n == len(parts) - 1
            cleaned = clean_paragraph(
                part,
                bp,
                runon_part=n < len(parts) - 1,
                last=last,
                is_author=lambda t: _glued_author(t, state, bp),
            )
            for text, reason in cleaned.dropped:
                state.dropped.append(DroppedLine(line.lineno, text, reason))
            if cleaned.source and not state.source:
                state.source = cleaned.source
            if cleaned.author:
                state.author = cleaned.author
            if cleaned.text:
                gap = line.gap_before or n > 0
                out.append(_Line(Line(line.lineno, cleaned.text), gap, line.blanks, line.md_heading))
    return out


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
        problems.append(Problem(raw.path, f"title is {len(title)} characters long"))
    return problems


def parse_article(
    raw: RawText,
    boilerplate: Boilerplate | None = None,
    *,
    url_hint: str = "",
    furniture: frozenset[str] = frozenset(),
) -> Article:
    """Parse one article. Raises :class:`ArticleError` when it has no body.

    ``url_hint``: the article's address when something other than its text
    gives it (a sidecar, a clipping's front matter), evidence for the title.
    ``furniture``: the keys (:func:`briefbook.repetition.furniture_key`) of
    lines that recur across the folder's articles: the sites' furniture.
    """
    bp = boilerplate or load_boilerplate()
    state = _State()
    lines = _split_lines(raw.text, state)
    sapo = _take_trailing_sapo(lines)
    title_index = _read_page_top(lines, _read_header(lines, state, bp), state, bp, url_hint, furniture)
    if title_index >= len(lines):
        raise ArticleError(raw.path, "no title: the file holds only metadata or debris")
    title_line, rest = _split_runon_title(_split_title_label(lines[title_index], state))
    start = _read_dates_after_title(lines, title_index + 1, state, bp)
    body = _drop_furniture(_segment(rest + lines[start:], state, bp), state, bp, furniture)
    _read_date_under_lede(body, state)
    body = _trim_page_bottom(body, state, bp)
    _read_signature(body, state, bp)
    body = _clean_body(body, state, bp)
    body = _drop_repeats(body, state, title_line.text)
    if sapo is not None and _is_repeat(sapo, body):
        state.drop(sapo, R_SAPO_REPEAT)
        sapo = None
    lede, lede_lineno, sections = _build_sections(body, state, sapo)
    if not lede and not sections:
        raise ArticleError(raw.path, "no body text after the title", title_line.lineno)

    outlet = state.outlet
    if not outlet and state.outlet_votes:
        outlet = state.outlet_votes.most_common(1)[0][0]
    opening = lede or (sections[0].paragraphs[0].text if sections and sections[0].paragraphs else "")
    if not outlet and (dateline := _DATELINE.match(opening)):
        # "(Dân trí) - ...", "TTO - ...": the outlet's dateline opens the lede
        # (the text keeps it; the outlet is recorded).
        outlet = (dateline["paren"] or dateline["bare"]).strip()
    if state.date is None and (release := _RELEASE_DATELINE.match(opening)) is not None:
        # "Hà Nội, ngày 9 tháng 12 năm 2025 – ...": a press release's dateline.
        found = find_date(release.group(0))
        state.date = found[0] if found else None
    if not outlet and not state.source and state.url:
        outlet = outlet_from_url(state.url)
    meta = Metadata(
        category=state.category,
        date=state.date,
        author=state.author,
        outlet=outlet_name(outlet),
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
