"""The sidebar's table of contents, rendered once per build instead of per page.

sphinx-book-theme renders the whole navigation tree into every page, so the
HTML build grows with the square of the chapter count (a 300-chapter book
took four times as long as with Sphinx's basic theme). The tree is the same
on every page but for two things: links are relative to the page's folder,
and the current page is marked. So it is rendered once for the root
document, re-rooted with a ``../`` prefix per folder level (cached per
level), and the current page's entry marked by a string substitution.

A book in parts (a chapter's ``part`` and ``part_label`` front matter, see
:mod:`briefbook.analyse.parts`) shows each part's title and only the current part's
chapters; the other parts are one link each to their table on the front
page, so a page's sidebar grows with the size of a part, not of the book.
The link does not count the part's chapters: a page's sidebar then stays
the same when another part grows (:mod:`.surroundings` writes it again
only when it changed).
"""

from __future__ import annotations

import re
from html import escape as html_escape
from typing import TYPE_CHECKING, Any

from sphinx.environment.adapters.toctree import global_toctree_for_doc

from briefbook.sphinxext.domain import BriefbookDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)')
_LIST = re.compile(r'(<ul class="nav bd-sidenav">)(.*?)(</ul>)', re.S)
_ITEM = re.compile(
    r'<li class="toctree-l1[^"]*"><a class="reference internal" href="([^"#]*)">.*?</li>', re.S
)
_PART = re.compile(r"<!--part:([^>]*)-->")


def _part_blocks(builder: StandaloneHTMLBuilder, html: str) -> str:
    """Group the chapters of each list into their parts, each part between
    ``<!--part:label-->`` markers (expanded or collapsed per page later)."""
    env = builder.env
    suffix = builder.out_suffix

    def part_of(href: str) -> tuple[str, str] | None:
        meta = env.metadata.get(href[: -len(suffix)] if href.endswith(suffix) else href, {})
        title, label = meta.get("part"), meta.get("part_label")
        return (str(title), str(label)) if title and label else None

    def group(m: re.Match[str]) -> str:
        items = [(item.group(0), part_of(item.group(1))) for item in _ITEM.finditer(m.group(2))]
        if not items or all(part is None for _, part in items):
            return m.group(0)
        out: list[str] = []
        current: tuple[str, str] | None = None
        members: list[str] = []

        def flush() -> None:
            if current is None:
                out.append(m.group(1) + "".join(members) + m.group(3))
                return
            title, label = current
            heading = (
                f'<p aria-level="3" class="caption briefbook-part" role="heading">'
                f'<span class="caption-text">{html_escape(title)}</span></p>'
            )
            collapsed = (
                f'{m.group(1)}<li class="toctree-l1 briefbook-part-link"><a class="reference internal" '
                f'href="index{suffix}#{html_escape(label)}">Các chương của phần</a></li>{m.group(3)}'
            )
            expanded = m.group(1) + "".join(members) + m.group(3)
            out.append(
                f"{heading}<!--part:{label}-->{collapsed}<!--part:{label}-->{expanded}<!--part:{label}-->"
            )

        for item, part in items:
            if part != current and members:
                flush()
                members = []
            current = part
            members.append(item)
        flush()
        return "".join(out)

    return _LIST.sub(group, html)


def _show_part(html: str, label: str | None) -> str:
    """Keep the expanded list of part ``label`` and the collapsed one of the others."""
    pieces = _PART.split(html)
    # pieces: text, label, collapsed, label, expanded, label, text...
    out = [pieces[0]]
    for i in range(1, len(pieces) - 1, 6):
        part, collapsed, expanded, rest = pieces[i], pieces[i + 1], pieces[i + 3], pieces[i + 5]
        out += [expanded if part == label else collapsed, rest]
    return "".join(out)


def _root_nav(builder: StandaloneHTMLBuilder) -> str:
    """Chapters and appendix pages only (maxdepth 1): a chapter's sections are
    in the page's own table of contents, and a thousand chapters' sections
    in every page would only weigh it down."""
    env = builder.env
    root = builder.config.root_doc
    toctree = global_toctree_for_doc(
        env, root, builder, collapse=False, includehidden=True, titles_only=True, maxdepth=1
    )
    html: str = builder.render_partial(toctree)["fragment"] if toctree is not None else ""
    return html.replace("<ul>", '<ul class="nav bd-sidenav">')


def nav_tree(app: Sphinx, pagename: str) -> str:
    """The sidebar tree as ``pagename`` shows it, before its own entry is marked."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    cache = BriefbookDomain.of(app.env).nav_cache
    depth = pagename.count("/")
    label = app.env.metadata.get(pagename, {}).get("part_label") or None
    key = (depth, str(label) if label else None)
    if key not in cache:
        if (0, "") not in cache:
            cache[(0, "")] = _part_blocks(builder, _root_nav(builder))
        tree = cache[(0, "")]
        tree = _HREF.sub('href="' + "../" * depth, tree) if depth else tree
        cache[key] = _show_part(tree, key[1])
    return cache[key]


def nav_html(app: Sphinx, pagename: str) -> str:
    """The sidebar tree for ``pagename``, with that page marked current."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    html = nav_tree(app, pagename)
    depth = pagename.count("/")
    target = builder.get_target_uri(pagename)
    own = "../" * depth + target if depth else target
    # Re-root the page's own link: from a page, its own file is just its name.
    return html.replace(
        f'<a class="reference internal" href="{own}">',
        f'<a class="reference internal current" aria-current="page" href="{target.rsplit("/", 1)[-1]}">',
        1,
    )


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    context["briefbook_nav"] = lambda: nav_html(app, pagename)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """A new build: forget the cached tree (chapters may have changed)."""
    BriefbookDomain.of(env).nav_cache.clear()


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context)
    app.connect("env-updated", on_env_updated)
