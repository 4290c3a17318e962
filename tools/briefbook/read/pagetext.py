"""A saved page as the text a browser copies from it (Ctrl+A, Ctrl+C).

Rendered by inscriptis with the block layout of a browser's CSS: each block
(paragraph, heading, list item, table row) on a line of its own, table cells
apart, scripts, styles and the head left out. List items get no bullet (a
browser copies none), so a menu's items read as the short lines they are,
and the reader judges them by their shape as it judges a copied page.
"""

from __future__ import annotations

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


def page_text(tree: HtmlElement) -> str:
    """The page's text (``tree``: the parsed page), a block a line, white
    space within a line squeezed."""
    text = Inscriptis(tree, _CONFIG).get_text()
    lines = (_SPACES.sub(" ", line).strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
