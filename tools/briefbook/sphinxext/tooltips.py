"""A tooltip on every link to a glossary term: its expansion.

The expansions are read once per build from the converter's data file (the
glossary the links point to: :func:`briefbook.sphinxext.search.book_terms`),
and set as the link's title.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from briefbook.sphinxext.search import book_terms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_EXPANSIONS: dict[str, str] = {}


def on_builder_inited(app: Sphinx) -> None:
    _EXPANSIONS.clear()
    _EXPANSIONS.update((term.abbr.casefold(), term.expansion) for term in book_terms(Path(app.srcdir)))


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html" or not _EXPANSIONS:
        return
    for ref in doctree.findall(nodes.reference):
        if "#term-" not in ref.get("refuri", "") and not ref.get("refid", "").startswith("term-"):
            continue
        expansion = _EXPANSIONS.get(ref.astext().casefold())
        if expansion:
            ref["reftitle"] = expansion
