"""Stage 2, the page's structure above the text: the page's top, the title
(found by agreement of evidence, :mod:`briefbook.headline`), the header's
labels, dates and bylines."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place
from briefbook.core.reasons import Reason
from briefbook.core.records import (
    DroppedLine,
    Line,
)
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.envelope import comment_field_key
from briefbook.read.headline import find_title
from briefbook.read.inline import sentence_spans
from briefbook.read.metadata import (
    find_date,
    has_byline_label,
    parse_byline,
    parse_category_line,
    parse_url_line,
)
from briefbook.read.reader.shapes import (
    _CRUMB,
    _between_title_and_text,
    _date_only,
    _dated_byline,
    _is_author_line,
    _is_label_above_title,
    _is_outlet_line,
    _is_section_line,
    _is_summary,
    _next_text,
    reads_as_words,
)
from briefbook.read.reader.state import (
    _CUT_MARK,
    _CUT_STEM,
    _DATELINE,
    _MAX_HEADLINE,
    _MAX_TITLE,
    _SENTENCE_END,
    R_LABEL,
    R_METADATA,
    R_PAGE_TOP,
    R_REPEAT,
    _Line,
    _State,
)
from briefbook.read.repetition import furniture_key


def _top_debris(line: _Line, bp: Boilerplate) -> tuple[Reason | str, str] | None:
    """Why a line above the title is no part of the article, ``(reason,
    detail)``: the page's debris, or a corpus's comment header's field a book
    does not take ("# doc_id = 7")."""
    if (reason := bp.debris_reason(line.text)) is not None:
        return reason, ""
    if key := comment_field_key(line.text, line.md_heading):
        return R_METADATA, key
    return None


def _read_header(lines: list[_Line], state: _State, bp: Boilerplate) -> int:
    """Consume category/date lines, section labels and debris before the
    title; return the title's index."""
    i = 0
    while i < len(lines) - 1:
        line, following = lines[i], lines[i + 1].text
        if _is_label_above_title(lines, i, bp):
            # The page's section ("Sức khỏe", "Sức khỏe > Y tế") above the title or the date:
            # what follows is a title, a date or another label, not the
            # running text that would follow a short title.
            state.category = state.category or _CRUMB.split(line.text)[-1]
            state.drop(line, R_LABEL)
        elif (why := _top_debris(line, bp)) is not None:
            state.drop(line, *why)
        elif (cat := parse_category_line(line.text)) is not None and len(following) <= _MAX_HEADLINE:
            # (A dated line followed by running text is the title itself.)
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(line, R_METADATA, "chuyên mục, ngày")
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


def _read_page_top(
    lines: list[_Line],
    start: int,
    state: _State,
    bp: Boilerplate,
    hints: tuple[str, str],
    furniture: frozenset[str],
) -> int:
    """The title's index, found by agreement of evidence (see
    :mod:`briefbook.headline`) from ``start`` (where the header's known
    labels end) on. What stands above it is the page's top: URL and date
    lines give metadata, the rest (menus, account links, teasers) is
    dropped. ``hints``: the article's address and its declared title, when
    something other than its text gives them."""
    url_hint, title_hint = hints
    for line in lines[start : start + 3]:
        if (url := parse_url_line(line.text)) is not None:
            state.url = state.url or url
    texts = [line.text for line in lines[start:]]
    guess = find_title(
        texts,
        url=state.url or url_hint,
        skippable=lambda t: _between_title_and_text(t, bp),
        furniture=lambda t: furniture_key(t) in furniture,
        dated=lambda t: _date_only(t, _DATE_LINE_MAX) is not None,
        top_headings=[i for i, line in enumerate(lines[start:]) if line.md_top],
        declared=title_hint,
    )
    title = start + guess.index
    for index, line in enumerate(lines[start:title], start=start):
        if (url := parse_url_line(line.text)) is not None:
            state.url = state.url or url
            state.drop(line, R_METADATA, "địa chỉ")
        elif (why := _top_debris(line, bp)) is not None:
            state.drop(line, *why)
        elif (cat := parse_category_line(line.text)) is not None and title - index <= 3:
            # The article's date just above its title (a site's "today" in
            # its top bar is further up).
            state.category = state.category or cat.category
            state.date = state.date or cat.date
            state.drop(line, R_METADATA, "chuyên mục, ngày")
        else:
            state.drop(line, R_PAGE_TOP)
    return title


_DATE_LINE_MAX = 60
"""The longest line read as a title's date line."""


_THEO_SOURCE = re.compile(r"\(\s*Theo\s+[^()]{2,60}\)\s*$")
"""A byline's source in brackets at its end ("Quỳnh Chi (Theo AP News)")."""


_NEAR_TITLE = 10
"""How many lines above the title a date may stand and still be the article's."""


def _date_line(state: _State) -> int:
    """The line the date was read from (a large number when none was)."""
    if state.date is None:
        return 1 << 30
    raw = state.date.raw
    return max((d.lineno for d in state.dropped if raw and raw in d.text), default=1 << 30)


def _read_dates_after_title(lines: list[_Line], start: int, state: _State, bp: Boilerplate) -> int:
    """Date lines under the title, and an author line just above one
    (Thanh Niên: title, author, date, sapo) or just below one (Lao Động:
    title, date, author, sapo)."""
    i = start
    # A date read far above the title is the site's date bar (today's date
    # on the page's top: "Thứ hai 08/06/2026"): the one under the title wins.
    far = start > 0 and _date_line(state) < lines[start - 1].lineno - _NEAR_TITLE
    while i < len(lines):
        if (cat := parse_category_line(lines[i].text)) is not None:
            category = cat.category
            # "Quỳnh An - Thứ tư, 23/07/2025 15:17 (GMT+7)", "Xuân Lan| 13/06/2022
            # 16:44": a writer's name before the date, not a section's.
            named = category and not (state.author or bp.is_section(category) or reads_as_words(category))
            if named and (dated := _dated_byline(lines[i].text, bp)) is not None:
                state.author, category = dated[0].author, ""
            state.category = state.category or category
            state.date = cat.date if far else state.date or cat.date
            far = False
            state.drop(lines[i], R_METADATA, "ngày")
        elif (reason := bp.debris_reason(lines[i].text)) is not None:
            # Among the header's lines ("Theo dõi ... trên Google News"); the
            # page's information line under the title holds the article's
            # date ("Published on 03-08-2011 01:00 AM   Số lần xem: 169").
            if state.date is None and (found := find_date(lines[i].text)) is not None:
                state.date = found[0]
            state.drop(lines[i], reason)
        elif len(lines[i].text.split()) <= 4 and is_place(lines[i].text):
            # "Hà Tĩnh": the place the story comes from, on a line of its own
            # between the title and the text (a dateline a copy split off).
            state.drop(lines[i], R_METADATA, "nơi đưa tin")
        elif not state.outlet and _is_outlet_line(lines[i].text):
            # "SGGPO", "Tuoi Tre News": the paper's name on its own line.
            state.outlet = lines[i].text
            state.drop(lines[i], R_METADATA, "cơ quan đăng")
        elif not state.author and (dated := _dated_byline(lines[i].text, bp)) is not None:
            # "By Le Nga   December 2, 2025 | 06:12 pm GMT+7" (English editions).
            state.author = dated[0].author
            state.date = state.date or dated[1]
            state.drop(lines[i], R_METADATA, "tác giả, ngày")
        elif (
            not state.category and len(lines[i].text) <= _SECTION_MAX and _is_section_line(lines[i].text, bp)
        ):
            # "Xã hội" under the title: a crawler's section field.
            state.category = lines[i].text
            state.drop(lines[i], R_LABEL)
        elif (
            not state.author
            and (byline := parse_byline(lines[i].text)) is not None
            and _is_author_line(byline.author, bp)
            and (
                _THEO_SOURCE.search(lines[i].text) is not None
                or has_byline_label(lines[i].text)
                or (
                    (following := _next_text(lines, i + 1, bp)) is not None
                    and (
                        parse_category_line(following) is not None
                        or _date_only(following, _DATE_LINE_MAX) is not None
                        or (i > start and _is_summary(following))
                    )
                )
                or _over_dateline(lines, i + 1, bp)
            )
        ):
            # "Lê Cầm" over the date; "THUẬN VĂN - LÊ ÁNH" under it, over the
            # sapo; "Quỳnh Chi (Theo AP News)" under the title (the source
            # in brackets says it is a byline, whatever follows).
            state.author = byline.author
            state.byline_outlet = state.byline_outlet or byline.outlet
            state.source = state.source or byline.source
            state.drop(lines[i], R_METADATA, "tác giả")
        elif (
            len(lines[i].text) >= _CUT_STEM
            and _CUT_MARK.search(lines[i].text) is not None
            and (following := _next_text(lines, i + 1, bp)) is not None
            and _between_title_and_text(following, bp)
        ):
            # A sentence cut short under the title ("... the prestigious League
            # of Legends ..."): a feed's or a search engine's snippet of the
            # sapo, not the text's start (which never begins with a sentence
            # cut short); the header goes on under it when a header's line
            # follows (a byline, a section); else the body drops it.
            state.drop(lines[i], R_REPEAT)
        elif i == start and state.date is None and _split_stamp(lines[i], state):
            break  # the line's rest is the text
        else:
            break
        i += 1
    return i


def _over_dateline(lines: list[_Line], start: int, bp: Boilerplate) -> bool:
    """Whether the text's opening, its outlet's dateline ("VTV.vn - ..."),
    follows within two lines (a photo's caption may stand between): then a
    name just above is the byline, not the text."""
    for line in lines[start : start + 2]:
        if bp.debris_reason(line.text) is None and _DATELINE.match(line.text) is not None:
            return True
    return False


_SECTION_MAX = 40
"""The longest section name a crawler's field under the title gives."""
_STAMP_REST = 8
"""The fewest words after a date stamp for its line to be the text's opening."""


def _split_stamp(line: _Line, state: _State) -> bool:
    """The page's date stamp run into the text's first line, where a copy
    lost the line break ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7) (giao duc) -
    Làng Thi cử ..."): the stamp, a date with its time at the line's start,
    is the date; the rest stays the text."""
    found = find_date(line.text)
    if found is None or found[1].start() != 0 or found[0].time is None:
        return False
    rest = line.text[found[1].end() :].strip()
    if len(rest.split()) < _STAMP_REST:
        return False
    state.date = found[0]
    state.dropped.append(DroppedLine(line.lineno, found[1].group(0), R_METADATA, "ngày"))
    line.line = Line(line.lineno, rest)
    return True


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
        # The article's own summary says what its text says: most of its
        # words stand in the other lines (another article's teaser, after a
        # "VIDEO ĐANG ĐƯỢC QUAN TÂM" box, does not).
        said = {word for line in lines[:-1] for word in _words(line.text)}
        words = [word for word in _words(last.text) if len(word) > 1]
        if words and sum(word in said for word in words) >= _SAPO_SAID * len(words):
            return lines.pop()
    return None


_SAPO_SAID = 0.5
"""The least share of a trailing sapo's words that the rest of the text holds."""


def _words(text: str) -> list[str]:
    return [word.casefold().strip('.,;:!?"“”‘’()…') for word in text.split()]
