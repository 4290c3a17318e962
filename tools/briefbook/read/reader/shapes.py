"""What a line looks like: a label, a headline, a teaser's summary, a byline,
a signature, a subheading. Predicates the stages share; none changes state."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place, load_rules
from briefbook.core.outlets import load_outlets
from briefbook.core.records import (
    ArticleDate,
)
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.dates import WEEKDAY
from briefbook.read.metadata import (
    Byline,
    find_date,
    outlet_name,
    parse_byline,
    parse_category_line,
    parse_source_line,
    parse_url_line,
    without_role,
)
from briefbook.read.reader.state import (
    _BULLET,
    _MAX_HEADING,
    _MAX_HEADLINE,
    _OUTLET_PREFIX,
    _SENTENCE_END,
    _SIGNING_INITIALS,
    _Line,
    _State,
)


def _is_place_name(words: str) -> bool:
    """A place's name as written or in capitals ("Hà Nội", "HÀ NỘI", "SEOUL"):
    the place of a dateline (English editions write it in capitals: "SEOUL —
    ..."), not a paper's abbreviation ("TTO -")."""
    return is_place(words) or (words.isupper() and is_place(words.title()))


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


_CO_AUTHORS = re.compile(r"\s+[-–]\s+|\s*,\s*|\s+và\s+")
_CO_AUTHORS_MAX = 4


def _is_author_line(text: str, bp: Boilerplate) -> bool:
    """Writers' names alone on a line under the title ("Lê Cầm", "THUẬN
    VĂN - LÊ ÁNH": each of two to four words), not a section ("THỜI SỰ",
    "Tin Tức - Sự Kiện") or a place ("Hà Nội", "Hà Nội - Hải Phòng")."""
    if bp.is_section(text) or is_place(text):
        return False
    names = _CO_AUTHORS.split(text.strip())
    return 0 < len(names) <= _CO_AUTHORS_MAX and all(
        2 <= len(name.split()) <= 4 and not is_place(name) and not bp.is_section(name) for name in names
    )


def reads_as_words(text: str) -> bool:
    """Whether a capitalised phrase opens with a word of the dictionary
    ("Kinh Tế Số", "Bạn Đọc": a section's name, not a writer's), unless its
    first word is a surname. Pen names are seldom such words ("Quỳnh An",
    "Xuân Lan"); one that is ("Thanh Hà") is left without an author rather
    than a section taken for one."""
    words = text.split()
    rules = load_rules()
    if len(words) < 2 or words[0] in rules.surnames:
        return False
    return f"{words[0].lower()} {words[1].lower()}" in rules.compounds


_WEEKDAY = re.compile(WEEKDAY)
"""A weekday before the time and date ("Thứ Năm, 15:09, 02/04/2026"): the date's, no writer's name."""


def _dated_byline(text: str, bp: Boilerplate) -> tuple[Byline, ArticleDate] | None:
    """An author line with the date after the name (not a place's dateline)."""
    found = find_date(text)
    if found is None or len(text) > 120:
        return None
    date, m = found
    head, tail = text[: m.start()].strip(" |,-–"), text[m.end() :].strip(" |,-–")
    byline = parse_byline(head) if head and not tail and not _WEEKDAY.fullmatch(head) else None
    if byline is None or not _is_author_line(byline.author, bp):
        return None
    return byline, date


_OUTLET_WORD = re.compile(r"\b(News|Online|Times|Post|Daily|Today|Tribune|Herald)$")


def _is_outlet_line(text: str) -> bool:
    """A line that names a paper: a dateline abbreviation briefbook knows
    ("SGGPO") or an English edition's name ("Tuoi Tre News")."""
    return len(text.split()) <= 5 and (outlet_name(text) != text or _OUTLET_WORD.search(text) is not None)


_THEO_AUTHOR = re.compile(
    r"^Theo\s+(?P<name>[^|()]{3,40}?)\s*(?:\|\s*(?P<source>[^|]{2,60}?)|\((?P<bracketed>[^()]{2,60})\))\s*$"
)
"""The writer and the paper or agencies: "Theo Thu Hằng | Sức khỏe & Đời
sống" (VCCorp sites), "Theo Sầm Hoa (Vietnamnet/Reuters)"."""


def _date_only(text: str, longest: int) -> ArticleDate | None:
    """The date of a short line that holds a date and nothing else (no
    section name), for dates found away from the header."""
    cat = parse_category_line(text) if len(text) <= longest else None
    return cat.date if cat is not None and not cat.category else None


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


def _blank_separated(body: list[_Line]) -> bool:
    """Whether the paragraphs are set apart by blank lines (then a short
    stand-alone line between them is a subheading)."""
    separated = sum(1 for line in body[1:] if line.gap_before)
    return len(body) > 2 and separated >= 0.6 * (len(body) - 1)


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
    # The names alone, or with the writer's part ("Bảo Trân ghi").
    return byline is not None and byline.author == without_role(text) and _is_author_line(text, bp)
