"""Toctree features that only make sense in HTML.

* The front page lists ``genindex`` in its appendix toctree so that the HTML
  sidebar links the index page. The LaTeX builder inlines every toctree entry
  as a document and fails on it (it prints its own index).
* Toctree captions title the HTML sidebar's groups; the LaTeX builder would
  use the first one as the title of the table of contents instead of
  "Mục lục".

So for builders other than HTML both are dropped when a document is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.domains.std import StandardDomain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

VIRTUAL_DOCS = frozenset(StandardDomain._virtual_doc_names)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Drop ``genindex``, ``search``... and captions from toctrees outside HTML."""
    if app.builder.format == "html":
        return
    for toctree in doctree.findall(addnodes.toctree):
        toctree.attributes.pop("caption", None)
        toctree["entries"] = [e for e in toctree["entries"] if e[1] not in VIRTUAL_DOCS]
        toctree["includefiles"] = [d for d in toctree["includefiles"] if d not in VIRTUAL_DOCS]
