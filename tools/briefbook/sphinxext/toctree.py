"""Toctree features that only make sense in HTML.

* The front page lists ``genindex`` in its appendix toctree so that the HTML
  sidebar links the index page. The LaTeX builder inlines every toctree entry
  as a document and fails on it (it prints its own index).
* Toctree captions title the HTML sidebar's groups; the LaTeX builder would
  use the first one as the title of the table of contents instead of
  "Mục lục".

The doctrees Sphinx keeps are the same for every builder (HTML and LaTeX
share them, so a book is read once), so these parts are dropped from the
copies the LaTeX builder takes (:class:`briefbook.sphinxext.latex.LaTeXBuilder`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes
from sphinx.domains.std import StandardDomain

if TYPE_CHECKING:
    from docutils import nodes

VIRTUAL_DOCS = frozenset(StandardDomain._virtual_doc_names)


def drop_html_parts(doctree: nodes.document) -> nodes.document:
    """Drop ``genindex``, ``search``... and captions from the toctrees of ``doctree``."""
    for toctree in doctree.findall(addnodes.toctree):
        toctree.attributes.pop("caption", None)
        toctree["entries"] = [e for e in toctree["entries"] if e[1] not in VIRTUAL_DOCS]
        toctree["includefiles"] = [d for d in toctree["includefiles"] if d not in VIRTUAL_DOCS]
    return doctree
