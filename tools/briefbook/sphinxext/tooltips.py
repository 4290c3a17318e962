"""A tooltip on every link to a glossary term: its expansion.

The expansions are the domain's terms, read once per build from the
converter's data file (the glossary the links point to:
:func:`briefbook.sphinxext.search.book_terms`), and set as the link's title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from briefbook.sphinxext.domain import BriefbookDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    expansions = BriefbookDomain.of(app.env).expansions
    if not expansions:
        return
    for ref in doctree.findall(nodes.reference):
        if "#term-" not in ref.get("refuri", "") and not ref.get("refid", "").startswith("term-"):
            continue
        expansion = expansions.get(ref.astext().casefold())
        if expansion:
            ref["reftitle"] = expansion


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", on_doctree_resolved)
