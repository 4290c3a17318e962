"""LaTeX: the references page becomes the book's one bibliography.

Sphinx's LaTeX ``BibliographyTransform`` moves every citation of the book to
one bibliography at the end of the document (titled ``\\bibname``, "Tài liệu
tham khảo"), which leaves the references page an empty chapter. Before that
transform runs, the page is replaced by its citations alone.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class ReferencesPageToBibliography(SphinxPostTransform):
    """Replace the references page by its citations (LaTeX only)."""

    default_priority = 700  # before Sphinx's BibliographyTransform (750)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        docname = self.config.briefbook_references_doc
        for start in list(self.document.findall(addnodes.start_of_file)):
            if start.get("docname") != docname:
                continue
            citations = list(start.findall(nodes.citation))
            for citation in citations:
                citation.parent.remove(citation)
            start.parent.replace(start, citations)
