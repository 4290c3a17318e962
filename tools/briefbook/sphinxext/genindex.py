"""The HTML index page in Vietnamese alphabetical order.

Sphinx orders its index by code point after NFD, so "Đ" (which has no
decomposition) comes after "Z", and "Ơ", "Ư" sort as "O", "U". The PDF's
index is ordered by xindy; this puts the HTML page in the same order:
letters as the Vietnamese alphabet has them, entries by
:func:`briefbook.vietnamese.sort_key`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefbook.vietnamese import sort_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def vietnamese_order(
    groups: list[tuple[str, list[tuple[str, Any]]]],
) -> list[tuple[str, list[tuple[str, Any]]]]:
    """Sphinx's ``genindexentries``, letters and entries in Vietnamese order
    (symbols, Sphinx's first group, stay first)."""
    # Letter groups are headed by one letter; Sphinx's symbols group by a word.
    letters = [group for group in groups if len(group[0]) == 1 and group[0].isalpha()]
    symbols = [group for group in groups if group not in letters]
    letters.sort(key=lambda group: sort_key(group[0]))
    return [
        (letter, sorted(entries, key=lambda entry: (sort_key(entry[0]), entry[0])))
        for letter, entries in symbols + letters
    ]


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    entries = context.get("genindexentries")
    if pagename == "genindex" and entries:
        ordered = vietnamese_order(entries)
        context["genindexentries"] = ordered
        # Lines per letter (Sphinx splits the page into columns by them).
        context["genindexcounts"] = [sum(1 + len(item[1][1]) for item in group) for _, group in ordered]
