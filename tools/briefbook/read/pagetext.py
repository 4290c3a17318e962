"""A saved page as the text a browser copies from it (Ctrl+A, Ctrl+C).

Rendered by inscriptis with the block layout of a browser's CSS: each block
(paragraph, heading, list item, table row) on a line of its own, table cells
apart, scripts, styles and the head left out. List items get no bullet (a
browser copies none), so a menu's items read as the short lines they are,
and the reader judges them by their shape as it judges a copied page.
"""

from __future__ import annotations

import copy
import re

from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.html_engine import Inscriptis
from inscriptis.model.config import ParserConfig
from inscriptis.model.html_document_state import HtmlDocumentState
from inscriptis.model.tag import CustomHtmlTagHandlerMapping
from lxml.html import HtmlElement

__all__ = ["page_text"]


def _li_start(state: HtmlDocumentState, _tag: dict[str, str]) -> None:
    state.tags[-1].list_bullet = ""
    state.tags[-1].write("")


def _nothing_start(_state: HtmlDocumentState, _tag: dict[str, str]) -> None:
    return None


def _nothing_end(_state: HtmlDocumentState) -> None:
    return None


_CONFIG = ParserConfig(
    css=dict(CSS_PROFILES["strict"]),
    display_images=False,
    table_cell_separator="\t",
    custom_html_tag_handler_mapping=CustomHtmlTagHandlerMapping(
        start_tag_mapping={"li": _li_start, "ul": _nothing_start, "ol": _nothing_start},
        end_tag_mapping={"ul": _nothing_end, "ol": _nothing_end},
    ),
)
_SPACES = re.compile(r"[ \u00a0]{2,}")


_BLOCKS = frozenset({"p", "div", "br", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})


def _is_layout(table: HtmlElement) -> bool:
    """A table that lays out the page, not one of data: a cell of it holds
    blocks (paragraphs, line breaks, other tables)."""
    return any(
        isinstance(element.tag, str) and element.tag in _BLOCKS
        for cell in table.iter("td", "th")
        for element in cell.iterdescendants()
    )


def _only_links(parent: HtmlElement) -> bool:
    """An element that holds links and nothing else (white space aside)."""
    return not (parent.text or "").strip() and all(
        child.tag in ("a", "br") and not (child.tail or "").strip() for child in parent
    )


def _glued_links(tree: HtmlElement) -> list[HtmlElement]:
    """Links side by side in an element of links alone ("<a>Nỗi niềm người
    thiếu phụ</a><a>Hot girl Việt ...</a>", or one a line of the source): a
    box of headlines or a menu, whose page's style sets its links apart (a
    browser without it would run them into one line of words)."""
    return [
        link
        for link in tree.iter("a")
        if (following := link.getnext()) is not None
        and following.tag == "a"
        and (parent := link.getparent()) is not None
        and _only_links(parent)
    ]


def _as_copied(tree: HtmlElement) -> HtmlElement:
    """``tree`` laid out as a browser copies it, where inscriptis would not:

    - layout tables as blocks: a browser copies a cell's text whole, cell
      after cell, where inscriptis sets the cells side by side as a grid and
      interleaves their lines (a page of the 2000s, its menu in one cell and
      its article in the next, would read line by line as "Bóng đá (giao
      duc) - Làng Thi cử ...", "Thời trang Có khoảng ..."); a table of data
      (cells of text alone) stays a grid;
    - the links of a box of links alone on lines of their own (their page's
      style sets them apart).
    """
    if not any(_is_layout(table) for table in tree.iter("table")) and not _glued_links(tree):
        return tree
    tree = copy.deepcopy(tree)
    for table in [table for table in tree.iter("table") if _is_layout(table)]:
        for element in [table, *table.iterdescendants()]:
            if not isinstance(element.tag, str) or element.tag not in _TABLE_PARTS:
                continue
            if element.tag == "table" and element is not table and not _is_layout(element):
                continue
            element.tag = "div"
    for link in _glued_links(tree):
        link.addnext(link.makeelement("br", {}))
    return tree


def page_text(tree: HtmlElement) -> str:
    """The page's text (``tree``: the parsed page), a block a line, white
    space within a line squeezed."""
    text = Inscriptis(_as_copied(tree), _CONFIG).get_text()
    lines = [_SPACES.sub(" ", line).strip(" \t") for line in text.split("\n")]
    kept = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    return "\n".join(kept).strip("\n") + "\n"
