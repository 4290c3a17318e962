"""The HTML index page in Vietnamese alphabetical order.

Sphinx orders its index by code point after NFD, so "Đ" (which has no
decomposition) comes after "Z", and "Ơ", "Ư" sort as "O", "U". The PDF's
index is ordered by xindy; this puts the HTML page in the same order:
letters as the Vietnamese alphabet has them, entries by
:func:`briefbook.core.vietnamese.sort_key`.

Sphinx's page links an entry's second and later places as "[1]", "[2]"...
("Việt Nam, [1], [2], … [9]"), which says nothing of where they lead. Our
``genindex.html`` groups an entry's links by the page they open and names
it: "chương 2" (the chapter's title as its tooltip) or the appendix's title,
then "[2]", "[3]" for its further places on that page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefbook.core.vietnamese import sort_key
from briefbook.sphinxext.paragraphs import chapter_number

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx


@dataclass(frozen=True)
class Place:
    """The links of one index entry that open the same page."""

    label: str
    """"chương 2", or the page's title."""
    title: str
    """The page's full title (the link's tooltip)."""
    uris: tuple[str, ...]


def places(
    links: Sequence[tuple[bool, str]], name_of: Callable[[str], tuple[str, str]], suffix: str
) -> list[Place]:
    """An entry's links grouped by page, in their order; ``name_of`` gives a
    page's label and title from its docname."""
    grouped: dict[str, list[str]] = {}
    for _main, uri in links:
        page = uri.split("#", 1)[0]
        docname = page[: -len(suffix)] if suffix and page.endswith(suffix) else page
        grouped.setdefault(docname, []).append(uri)
    return [Place(*name_of(docname), uris=tuple(uris)) for docname, uris in grouped.items()]


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
        env = app.env

        def name_of(docname: str) -> tuple[str, str]:
            title = env.titles[docname].astext() if docname in env.titles else docname
            number = chapter_number(env, docname)
            return (f"chương {number}" if number else title), title

        suffix = str(getattr(app.builder, "out_suffix", ".html"))
        context["briefbook_index_places"] = lambda links: places(links, name_of, suffix)


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context)
