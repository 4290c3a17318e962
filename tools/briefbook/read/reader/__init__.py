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

from briefbook.core.outlets import load_outlets
from briefbook.core.problems import ProblemKind
from briefbook.core.records import Article, Metadata, Problem, RawText
from briefbook.core.vietnamese import UPPER, slugify
from briefbook.read.boilerplate import Boilerplate, load_boilerplate
from briefbook.read.decoding import ArticleError
from briefbook.read.headline import title_from_text
from briefbook.read.metadata import find_date, outlet_name
from briefbook.read.reader.body import _build_sections, _clean_body, _drop_repeats, _is_repeat, _segment
from briefbook.read.reader.boxes import drop_boxes, drop_marked_teasers, drop_teaser_list
from briefbook.read.reader.captioncopy import drop_caption_copies
from briefbook.read.reader.captions import drop_echoing_captions
from briefbook.read.reader.figures import drop_figure_tables, drop_marked_captions
from briefbook.read.reader.header import (
    _read_dates_after_title,
    _read_header,
    _read_page_top,
    _split_runon_title,
    _split_title_label,
    _take_trailing_sapo,
)
from briefbook.read.reader.lines import _split_lines, flatten_markdown, logical_lines
from briefbook.read.reader.mdteasers import markdown_teasers
from briefbook.read.reader.shapes import _is_place_name
from briefbook.read.reader.signature import (
    _drop_furniture,
    _read_date_under_lede,
    _read_signature,
    _trim_page_bottom,
)
from briefbook.read.reader.signlines import read_credited_byline
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
from briefbook.read.sitename import SiteClues, choose_outlet, copyright_holder

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
    return words[:1].isupper() and not _is_place_name(words)


_BARE_DATELINE = re.compile(rf"^\((?P<paren>[A-ZĐ][A-ZĐ0-9.+]{{1,9}})\)\s+[{UPPER}]")
"""An outlet's abbreviation in brackets opening the lede without a dash: "(TNO) TAND ..."."""
_CHROME_NAME_WORDS = 5
"""The most words of a line of the page's chrome that may be the site's name (its masthead)."""


def _dateline_outlet(opening: str) -> str:
    """The outlet the lede's dateline names: "(Dân trí) - ...", "TTO - ...", "(TNO) ..."."""
    if (dateline := _DATELINE.match(opening)) is not None and _names_outlet(dateline):
        return (dateline["paren"] or dateline["bare"]).strip()
    if (bare := _BARE_DATELINE.match(opening)) is not None and not _is_place_name(bare["paren"]):
        return bare["paren"]
    return ""


_SIGN_OFF = re.compile(r"\s[—–-]\s*(?P<abbr>[A-ZĐ]{2,6})\s*$")
"""An outlet's abbreviation signing the text's last line: "... on Saturday. — VNS" (Việt Nam News)."""


def _sign_off_outlet(closing: str) -> str:
    """The outlet the text's sign-off names, when the outlet table knows its abbreviation."""
    m = _SIGN_OFF.search(closing)
    return m["abbr"] if m is not None and load_outlets().by_name(m["abbr"]) is not None else ""


def _site_clues(state: _State, opening: str, url_hint: str, closing: str = "") -> SiteClues:
    """What the text says of the site it was copied from: its address, the
    lines of its chrome the reader dropped, the lede's dateline, the byline's paper."""
    chrome = [
        text
        for _, text in sorted(
            [(d.lineno, d.text) for d in state.dropped] + [(r.lineno, r.title) for r in state.related]
        )
    ]
    votes = state.outlet_votes.most_common(1)
    return SiteClues(
        url=state.url or url_hint,
        names=tuple(t for t in chrome if len(t.split()) <= _CHROME_NAME_WORDS),
        copyright=tuple(t for t in chrome if copyright_holder(t) or "©" in t),
        furniture=tuple(chrome),
        dateline=_dateline_outlet(opening) or _sign_off_outlet(closing) or (votes[0][0] if votes else ""),
        byline=state.byline_outlet,
        foreign=(state.source,) if state.source else (),
    )


def _problems(raw: RawText, meta: Metadata, title: str, untitled: bool) -> list[Problem]:
    missing = [
        label
        for label, value in (
            (ProblemKind.NO_DATE, meta.date),
            (ProblemKind.NO_AUTHOR, meta.author),
            (ProblemKind.NO_OUTLET, meta.outlet or meta.source),
        )
        if not value
    ]
    problems = [Problem.of(raw.path, kind) for kind in missing]
    if untitled:
        problems.append(Problem.of(raw.path, ProblemKind.TITLE_FROM_TEXT))
    elif len(title) > _MAX_HEADLINE:
        problems.append(Problem.of(raw.path, ProblemKind.LONG_TITLE, str(len(title))))
    return problems


def parse_article(
    raw: RawText,
    boilerplate: Boilerplate | None = None,
    *,
    url_hint: str = "",
    title_hint: str = "",
    furniture: frozenset[str] = frozenset(),
) -> Article:
    """Parse one article. Raises :class:`ArticleError` when it has no body.

    ``url_hint``: the article's address when something other than its text
    gives it (a sidecar, a clipping's front matter), evidence for the title.
    ``title_hint``: the headline the page's markup or the front matter
    declares: the line that says it is the title.
    ``furniture``: the keys (:func:`briefbook.repetition.furniture_key`) of
    lines that recur across the folder's articles: the sites' furniture.
    """
    bp = boilerplate or load_boilerplate()
    state = _State()
    lines = drop_figure_tables(_split_lines(raw.text, state, bp, title_hint), state)
    lines = drop_marked_captions(lines, state, raw.captions)
    sapo = _take_trailing_sapo(lines)
    title_index = _read_page_top(
        lines, _read_header(lines, state, bp), state, bp, (url_hint, title_hint), furniture
    )
    if title_index >= len(lines):
        raise ArticleError(raw.path, ProblemKind.NO_TITLE)
    title_line, rest = _split_runon_title(_split_title_label(lines[title_index], state))
    start = _read_dates_after_title(lines, title_index + 1, state, bp)
    # No headline (a crawl of the text alone, a copy of the body): the first
    # paragraph stays the text's, its first sentence names the chapter, and
    # no line of the text is taken for the headline again.
    untitled = title_from_text(title_line.text)
    if untitled is not None:
        rest = [title_line, *rest]
    headline = "" if untitled is not None else title_line.text
    title = untitled or title_line.text
    body = _segment(rest + lines[start:], state, bp, headline)
    teasers = raw.teasers | markdown_teasers(raw.text, url_hint, title)
    body = _drop_furniture(drop_marked_teasers(body, state, teasers), state, bp, furniture)
    _read_date_under_lede(body, state)
    read_credited_byline(body, state)
    body = _trim_page_bottom(drop_teaser_list(body, state), state, bp)
    _read_signature(body, state, bp)
    body = drop_boxes(body, state)
    body = _clean_body(body, state, bp)
    body = _drop_repeats(body, state, headline, state.url or url_hint)
    body = drop_caption_copies(drop_echoing_captions(body, state), state)
    if sapo is not None and _is_repeat(sapo, body):
        state.drop(sapo, R_SAPO_REPEAT)
        sapo = None
    lede, lede_lineno, sections = _build_sections(body, state, sapo)
    if not lede and not sections:
        raise ArticleError(raw.path, ProblemKind.NO_BODY, lineno=title_line.lineno)

    opening = lede or (sections[0].paragraphs[0].text if sections and sections[0].paragraphs else "")
    if state.date is None and (release := _RELEASE_DATELINE.match(opening)) is not None:
        # "Hà Nội, ngày 9 tháng 12 năm 2025 – ...": a press release's dateline.
        found = find_date(release.group(0))
        state.date = found[0] if found else None
    closing = sections[-1].paragraphs[-1].text if sections and sections[-1].paragraphs else lede
    outlet = outlet_name(state.outlet or choose_outlet(_site_clues(state, opening, url_hint, closing)))
    if not state.source and state.byline_outlet and outlet_name(state.byline_outlet) != outlet:
        # "Long Phi/VOV-Miền Trung" on kenh14.vn: the paper the article was taken from.
        state.source = state.byline_outlet
    meta = Metadata(
        category=state.category,
        date=state.date,
        author=state.author,
        outlet=outlet,
        # "Theo Báo Đắk Nông điện tử" on the paper's own page: no other source.
        source="" if outlet and outlet_name(state.source) == outlet else state.source,
        url=state.url,
    )
    slug = slugify(title) or slugify(raw.path.stem) or "bai-viet"
    return Article(
        path=raw.path,
        slug=slug,
        title=title,
        lede=lede,
        sections=tuple(sections),
        meta=meta,
        related=tuple(state.related),
        dropped=tuple(sorted(state.dropped, key=lambda d: d.lineno)),
        problems=tuple(_problems(raw, meta, title, untitled is not None)),
        lede_lineno=lede_lineno,
        title_lineno=title_line.lineno,
    )
