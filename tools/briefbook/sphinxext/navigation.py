"""The sidebar's table of contents, rendered once per build instead of per page.

sphinx-book-theme renders the whole navigation tree into every page, so the
HTML build grows with the square of the chapter count (a 300-chapter book
took four times as long as with Sphinx's basic theme). The tree is the same
on every page but for two things: links are relative to the page's folder,
and the current page is marked. So it is rendered once for the root
document, re-rooted with a ``../`` prefix per folder level (cached per
level), and the current page's entry marked by a string substitution.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx.environment.adapters.toctree import global_toctree_for_doc

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)')
_CACHE_KEY = "_briefbook_nav"


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


def nav_html(app: Sphinx, pagename: str) -> str:
    """The sidebar tree for ``pagename``, with that page marked current."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    cache: dict[int, str] = getattr(builder, _CACHE_KEY, None) or {}
    setattr(builder, _CACHE_KEY, cache)
    depth = pagename.count("/")
    if depth not in cache:
        if 0 not in cache:
            cache[0] = _root_nav(builder)
        cache[depth] = _HREF.sub('href="' + "../" * depth, cache[0]) if depth else cache[0]
    html = cache[depth]
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


def on_builder_inited(app: Sphinx) -> None:
    """A new build: forget the cached tree (chapters may have changed)."""
    if hasattr(app.builder, _CACHE_KEY):
        setattr(app.builder, _CACHE_KEY, {})


def on_env_updated(app: Sphinx, env: object) -> None:
    on_builder_inited(app)
