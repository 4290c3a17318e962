"""A tooltip on every link to a glossary term: its expansion.

The expansions are read once per build from the book's ``glossary.md``
(the same page the links point to), and set as the link's title.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from briefbook.sphinxext.search import glossary_pairs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_EXPANSIONS: dict[str, str] = {}


def on_builder_inited(app: Sphinx) -> None:
    _EXPANSIONS.clear()
    _EXPANSIONS.update((abbr.casefold(), expansion) for abbr, expansion in glossary_pairs(Path(app.srcdir)))


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html" or not _EXPANSIONS:
        return
    for ref in doctree.findall(nodes.reference):
        if "#term-" not in ref.get("refuri", "") and not ref.get("refid", "").startswith("term-"):
            continue
        expansion = _EXPANSIONS.get(ref.astext().casefold())
        if expansion:
            ref["reftitle"] = expansion
