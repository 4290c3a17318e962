"""Raw article text to :class:`~briefbook.records.Article`.

The reader separates an article's body from the page debris around it and
recovers its metadata, in stages, each a module of this package:

1. :mod:`~briefbook.reader.lines`: the text's logical lines, Markdown taken off;
2. :mod:`~briefbook.reader.header`: the page's structure above the text: its
   top (menus, account links), the title found by agreement of evidence
   (:mod:`briefbook.headline`), the labels, dates and bylines around it;
3. :mod:`~briefbook.reader.signature`: the end of the text: the page's
   bottom, lines that recur across the folder (:mod:`briefbook.repetition`),
   the signature (byline, source, address, date, section, paper);
4. :mod:`~briefbook.reader.body`: debris blocks ("Tin liên quan",
   "Bình luận", ...; see ``data/boilerplate.yaml``), captions and credits,
   repeats, and the lede and sections.

:mod:`~briefbook.reader.shapes` holds what the stages ask of a line (is it a
label, a headline, a byline?) and :mod:`~briefbook.reader.state` the reasons
and what parsing has collected. Every line that does not reach the chapter is
recorded as a :class:`~briefbook.records.DroppedLine` with its reason.
"""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place
from briefbook.core.outlets import load_outlets
from briefbook.core.records import Article, Metadata, Problem, RawText
from briefbook.core.vietnamese import slugify
from briefbook.read.boilerplate import Boilerplate, load_boilerplate
from briefbook.read.decoding import ArticleError
from briefbook.read.metadata import find_date, outlet_from_url, outlet_name
from briefbook.read.reader.body import _build_sections, _clean_body, _drop_repeats, _is_repeat, _segment
from briefbook.read.reader.boxes import drop_boxes
from briefbook.read.reader.header import (
    _read_dates_after_title,
    _read_header,
    _read_page_top,
    _split_runon_title,
    _split_title_label,
    _take_trailing_sapo,
)
from briefbook.read.reader.lines import _split_lines, flatten_markdown, logical_lines
from briefbook.read.reader.signature import (
    _drop_furniture,
    _read_date_under_lede,
    _read_signature,
    _trim_page_bottom,
)
from briefbook.read.reader.state import (
    _DATELINE,
    _MAX_HEADLINE,
    _RELEASE_DATELINE,
    R_BLOCK,
    R_CAPTION_LINE,
    R_CREDIT_LINE,
    R_FURNITURE,
    R_LABEL,
    R_MARKDOWN,
    R_MARKUP,
    R_METADATA,
    R_PAGE_BOTTOM,
    R_PAGE_TOP,
    R_PROMPTED,
    R_REPEAT,
    R_SAPO_REPEAT,
    R_SUMMARY,
    _State,
)

__all__ = [
    "R_BLOCK",
    "R_CAPTION_LINE",
    "R_CREDIT_LINE",
    "R_FURNITURE",
    "R_LABEL",
    "R_MARKDOWN",
    "R_MARKUP",
    "R_METADATA",
    "R_PAGE_BOTTOM",
    "R_PAGE_TOP",
    "R_PROMPTED",
    "R_REPEAT",
    "R_SAPO_REPEAT",
    "R_SUMMARY",
    "flatten_markdown",
    "logical_lines",
    "parse_article",
]


def _names_outlet(dateline: re.Match[str]) -> bool:
    """Whether a dateline's words name a paper ("(Dân trí) -", "TTO -"), not
    a section ("(giao duc) -") or a place ("(Hà Nội) -")."""
    words = (dateline["paren"] or dateline["bare"]).strip()
    return words[:1].isupper() and not is_place(words)


_COPYRIGHT = re.compile(r"©|\(c\)|Copyright|Bản quyền|Giấy phép|Cơ quan chủ quản", re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?:\.vn)?\b", re.IGNORECASE)
_FOOTER_PARTS = re.compile(r"\s*(?:[,;|–—©]|\s-\s|\bthuộc về\b|\bcủa\b|\d{4}(?:\s*-\s*\d{4})?)\s*")


def _outlet_of_footer(state: _State) -> str:
    """The paper a page's copyright or licence line names (dropped as the
    page's furniture): its domain or its name."""
    table = load_outlets()
    for dropped in state.dropped:
        if len(dropped.text) > 300 or _COPYRIGHT.search(dropped.text) is None:
            continue
        for domain in _DOMAIN.findall(dropped.text):
            if (outlet := table.by_host(domain.casefold())) is not None:
                return outlet.name
        for part in _FOOTER_PARTS.split(_COPYRIGHT.sub(" ", dropped.text)):
            if part and (outlet := table.by_name(part.strip(" .:"))) is not None and outlet.is_press:
                return outlet.name
    return ""


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
    body = drop_boxes(body, state)
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
    if not outlet and (dateline := _DATELINE.match(opening)) and _names_outlet(dateline):
        # "(Dân trí) - ...", "TTO - ...": the outlet's dateline opens the lede
        # (the text keeps it; the outlet is recorded).
        outlet = (dateline["paren"] or dateline["bare"]).strip()
    if not outlet and not state.source:
        # "© 2003-2011, Báo Thanh Niên", "Bản quyền thuộc về VnExpress.net".
        outlet = _outlet_of_footer(state)
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
