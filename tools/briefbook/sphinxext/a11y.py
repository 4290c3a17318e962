"""Accessibility fixes for markup that Sphinx writes.

Sphinx marks each bibliography entry ``role="doc-biblioentry"`` inside a
``role="list"``: the role is deprecated, not allowed on a ``div``, and leaves
the list without list items (axe-core: aria-required-children, critical).
The entries become ``role="listitem"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context)
