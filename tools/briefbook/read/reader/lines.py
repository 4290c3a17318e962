"""Stage 1, lines: the text's logical lines (hard-wrapped text joined back),
with Markdown markup taken off."""

from __future__ import annotations

import re

from briefbook.core.reasons import Reason
from briefbook.core.records import (
    DroppedLine,
    Line,
)
from briefbook.core.vietnamese import letters_key
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.metadata import find_date
from briefbook.read.reader.gluedbox import glued_box
from briefbook.read.reader.state import (
    _BULLET,
    _SENTENCE_END,
    R_BLOCK,
    R_LINK_LINE,
    R_MARKDOWN,
    R_MARKUP,
    _Line,
    _State,
)

_MD_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")


_MD_RULE = re.compile(r"^[*_=#~-]{3,}$")
_MD_LINKS_ONLY = re.compile(
    r"^\s*(?:(?:[*+-]\s+)+|\d{1,2}\.\s+)?(?:#{1,6}\s*)?"
    r"(?:!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:[^()\\]|\\.)*\)[\s|,·•/-]*)+$"
)
"""A line of links and nothing else (a menu's item, a teaser's headline), in Markdown."""
_LINK_SHARE = 0.7
"""A line of three links or more whose text is this much link text is navigation
("SỰ KIỆN TIÊU ĐIỂM [Tuyển sinh 2012](...) [Thi tốt nghiệp THPT 2012](...) ...")."""
_LINK_DENSITY = 0.4
"""A line of two links or more whose text is this much link text is the page's
too, however long: an article's paragraph links a name or two, a box of
teasers or the page's strip of new headlines run into one line is mostly
links ("TIN MỚI [TP.HCM rộn ràng ...](...)(26/12)[Khởi tố ...](...)(26/12)...").
jusText takes a block whose link density passes 0.2 for boilerplate."""


def _is_link_line(line_text: str, visible: str) -> bool:
    """A Markdown line of links only, of three links or more and little else,
    or of two links or more that make much of its text."""
    if _MD_LINKS_ONLY.match(line_text):
        return True
    links = [m.group(1) for m in _MD_LINK.finditer(line_text)]
    share = sum(len(t.strip()) for t in links) / max(1, len(visible))
    return (len(links) >= 3 and share >= _LINK_SHARE) or (len(links) >= 2 and share >= _LINK_DENSITY)


_MD_ITEM_HEADING = re.compile(r"^[*+-]\s+(?=#{1,6}\s)")
_MD_TOP = re.compile(r"^\s*(?:[*+-]\s+)?#\s")
"""A level-one heading, also inside a list item ("* # 8/3 boy vào bếp ...": html2text's <li><h1>)."""
_MD_LINK_ONLY = re.compile(r"^\s*(?:[*+-]\s+)?#\s*(?:!?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)\s*)+$")


_MD_STRONG_LEFT = re.compile(r"(?:(?<=\s)|^)\*\*+ ?| ?\*\*+(?=\s|$|[.,;:!?])")


_MD_EMPTY_MARKS = re.compile(r"(?:(?<=\s)|^)_{2,}(?=\s|$)")


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


_MD_IMAGE = re.compile(r'!\[[^\[\]]*\]\(\s*(?:[^()\s]+(?:\s+"[^"]*")?|https?://[^()"\s][^()"]*?)\s*\)')


_MD_LINK = re.compile(
    r"(?<!!)\[([^\[\]]+)\]\(\s*((?:https?://|www\.|/|#|\.{1,2}/)"
    # (An address with spaces, as html2text writes a search link's query
    # unescaped, when a title closes it: "(https://plo.vn/tu-khoa.html?q=anh
    # hùng liệt sĩ "anh hùng liệt sĩ")".)
    r'(?:[^()\s"]*(?=[\s)])|[^()"]*?(?=\s+"[^"]*"\s*\))))(?:\s+"[^"]*")?\s*\)'
)


_MD_SCRIPT_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\((javascript:(?:[^()\\]|\\.)*)\)")
"""A link to a script ("[2](javascript:AjaxAction\\('next_news', ...\\);)"): its text."""


_MD_EMPTY_LINK = re.compile(r"\[\s*\]\((?:[^()\\]|\\.|\([^()]*\))*\)")
"""A link with no text (a share button's, a logo's whose picture went); its
address may hold spaces, as html2text leaves a share button's query
("[](http://twitter.com/home?status=Những người khổ hạnh ...)")."""


_MD_QUOTE = re.compile(r"^\s*>(?!>)\s?")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape (CommonMark: before an ASCII punctuation character)."""
_ESCAPED = 0xE000
"""An escaped character stands in the Private Use Area while the line's
emphasis is read (``_ESCAPED`` + its code)."""
_UNESCAPE = re.compile("[\ue021-\ue07e]")


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
        line = _MD_SCRIPT_LINK.sub(link, line)
        line = _MD_EMPTY_LINK.sub(image, line)  # "[](http://facebook.com/share.php?...)": a button

    def escaped(m: re.Match[str]) -> str:
        removed.append("\\")
        return chr(_ESCAPED + ord(m[1]))  # (kept from the emphasis below)

    escapes = "\\" in line
    if escapes:
        # "\- những người ...", "\+ Còn tại ...": a Markdown writer's escapes
        # (html2text, trafilatura) of a character the page shows as it is.
        line = _MD_ESCAPE.sub(escaped, line)
    if "*" in line or "_" in line:
        line = _MD_EMPHASIS.sub(lambda m: m[1] or m[2], _MD_STRONG.sub(r"\2", line))
        # Bold that a copy left unbalanced or spaced ("** Bộ Y tế **", a
        # bold run broken over two lines): its marks go, never its text.
        line = _MD_STRONG_LEFT.sub("", line)
        # An empty emphasis ("__", html2text's <i> of an icon): no text.
        line = _MD_EMPTY_MARKS.sub("", line)
    line = _MD_QUOTE.sub("", line)
    if escapes:
        line = _UNESCAPE.sub(lambda m: chr(ord(m[0]) - _ESCAPED), line)
    return line, tuple(removed)


_BREAK_BEFORE_IMAGE = (*_SENTENCE_END, ")")


def _starts_text(text: str) -> bool:
    """Whether ``text`` opens a sentence: a capital, a digit or a quote, after bold marks."""
    first = text.lstrip("*_ ")[:1]
    return first.isupper() or first.isdigit() or first in '"“‘«('


def image_breaks(line_text: str) -> list[str]:
    """A Markdown line cut where pictures stand between sentences.

    A page saved as Markdown may hold a whole article on one line, its
    paragraphs, pictures and captions run together ("... tại Seoul.
    ![...](a.jpg) Có khoảng 30.000 cư dân ... ![...](b.jpg) Kim Sa-myeong
    ..."): a picture after a sentence's end and before a sentence's start
    stands where a block of the page ended. Each piece keeps the pictures
    that close it (they are reported as taken out). A picture inside a
    sentence (an emoticon) cuts nothing."""
    if "![" not in line_text:
        return [line_text]
    pieces: list[str] = []
    start = 0
    runs = list(_MD_IMAGE.finditer(line_text))
    i = 0
    while i < len(runs):
        j = i
        while j + 1 < len(runs) and not line_text[runs[j].end() : runs[j + 1].start()].strip():
            j += 1  # pictures side by side: one break
        before = line_text[start : runs[i].start()].rstrip()
        after = line_text[runs[j].end() :]
        if before.endswith(_BREAK_BEFORE_IMAGE) and after.strip() and _starts_text(after):
            pieces.append(line_text[start : runs[j].end()])
            start = runs[j].end()
        i = j + 1
    pieces.append(line_text[start:])
    return [piece.strip() for piece in pieces]


def _without_glued_box(lineno: int, text: str, state: _State, bp: Boilerplate) -> str:
    """``text`` without a box of teasers a crawler glued onto it (they are dropped)."""
    label, headlines, rest = glued_box(text, bp)
    if label:
        state.dropped.append(DroppedLine(lineno, label, bp.debris_reason(label) or R_BLOCK))
        state.dropped.extend(DroppedLine(lineno, headline, Reason.LINK_BOX) for headline in headlines)
    return rest


_TITLE_LINK = re.compile(r"\s*\[([^\[\]]+)\]\(https?://[^\s()]+\)\s*")


def _is_title_link(line_text: str, declared: str) -> bool:
    """The text's first line as one link whose words are the declared
    headline (a feed post's ``[headline](address)`` under its front matter):
    the title's line, not navigation."""
    found = _TITLE_LINK.fullmatch(line_text)
    return bool(declared) and found is not None and letters_key(found.group(1)) == letters_key(declared)


def _split_lines(text: str, state: _State, bp: Boilerplate, declared: str = "") -> list[_Line]:
    """Non-empty (logical) lines, with Markdown markup taken off. ``declared``:
    the headline the front matter gives (its link line at the top is kept)."""
    out: list[_Line] = []
    blanks = 0
    picture = False  # the line before was a picture alone
    for lineno, whole_line in logical_lines(text):
        pieces = image_breaks(_without_glued_box(lineno, whole_line, state, bp))
        for n, line_text in enumerate(pieces):
            blanks += n > 0  # a picture between two blocks: as a blank line
            count = len(out)
            if not out and _is_title_link(line_text, declared):
                blanks = _split_line(lineno, line_text, blanks, out, state, bp, navigation=False)
                continue
            if _setext(line_text, blanks, out, lineno):
                # "Tiêu đề\n=======": the line above is a heading (level one
                # under "="), as Markdown writers (Turndown, Jina Reader) set it.
                out[-1].md_heading = True
                out[-1].md_top = out[-1].md_top or line_text.strip().startswith("=")
            blanks = _split_line(lineno, line_text, blanks, out, state, bp)
            if len(out) > count:
                out[-1].under_picture = picture
            elif picture and _MD_RULE.match(line_text.strip()):
                continue  # a rule under a picture ("![](a.jpg)" / "---" / caption): still under it
            picture = n == len(pieces) - 1 and _is_picture(line_text)
    return out


_SETEXT = re.compile(r"^(?:={3,}|-{3,})$")
_SETEXT_WORDS = 30
"""The most words of a line a setext underline makes a heading."""
_SETEXT_SHARE = 0.5
"""How long an underline is against its heading, at least: a writer of
setext headings (Turndown, Jina Reader) draws it as long as the heading; a
rule ("---", html2text's) is short whatever stands above it."""


def _setext(line_text: str, blanks: int, out: list[_Line], lineno: int) -> bool:
    """Whether ``line_text`` underlines the line just above it (no blank
    line between), a short line that is no heading yet nor a picture's
    caption: a setext heading."""
    return (
        _SETEXT.match(line_text.strip()) is not None
        and blanks == 0
        and bool(out)
        and out[-1].line.lineno == lineno - 1
        and not out[-1].md_heading
        # (A caption under a picture, then a rule: html2text's figure, not a heading.)
        and not out[-1].under_picture
        and len(out[-1].text.split()) <= _SETEXT_WORDS
        and len(line_text.strip()) >= _SETEXT_SHARE * len(out[-1].text)
    )


_STAMP_SHARE = 0.7


def _is_stamp(text: str) -> bool:
    """A line that is a date stamp ("| 21/12/2012 - 08:04")."""
    found = find_date(text)
    return found is not None and len(found[1].group(0)) >= _STAMP_SHARE * len(text.strip(" |-–"))


def _is_picture(line_text: str) -> bool:
    """A Markdown line that holds pictures and nothing else."""
    return "![" in line_text and not flatten_markdown(line_text)[0].strip(" |*_>")


def _split_line(
    lineno: int,
    line_text: str,
    blanks: int,
    out: list[_Line],
    state: _State,
    bp: Boilerplate,
    navigation: bool = True,
) -> int:
    """Add one line to ``out`` (unless it is markup or, when ``navigation``
    is looked for, navigation); the blank lines counted before the next."""
    raw, removed = flatten_markdown(line_text)
    state.dropped.extend(DroppedLine(lineno, piece, R_MARKDOWN) for piece in removed)
    stripped = raw.strip()
    if not stripped:
        blanks += 1
        return blanks
    line = _Line(Line(lineno, stripped), gap_before=blanks > 0 or not out, blanks=blanks)
    blanks = 0
    if _MD_RULE.match(stripped):
        state.drop(line, R_MARKUP)
        return blanks
    if (
        navigation
        and _is_link_line(line_text, stripped)
        and bp.block_marker(stripped) is None
        and not _is_stamp(stripped)
    ):
        # "* [Thời sự](/thoi-su)", "[Tin nổi bật](...) | [Video](...)":
        # a line that is nothing but links is the page's navigation; a
        # box's heading ("[ Tin liên quan ](...)") opens the box.
        state.drop(line, R_LINK_LINE)
        return blanks
    # html2text's <li><h1>: the list item's mark goes with the heading's.
    stripped = _MD_ITEM_HEADING.sub("", stripped)
    heading = _MD_HEADING.match(stripped)
    text_ = stripped[heading.end() :] if heading else stripped
    text_ = re.sub(r"\*{4,}", "", text_).strip()
    if not text_:
        state.drop(line, R_MARKUP)
        return blanks
    line.line = Line(lineno, text_)
    line.md_heading = heading is not None
    line.md_top = _MD_TOP.match(line_text) is not None and _MD_LINK_ONLY.match(line_text) is None
    out.append(line)
    return 0
