"""LaTeX: the builder, and the references page as the book's one bibliography.

* :class:`LaTeXBuilder` is Sphinx's, with two changes. It reads the shared
  doctrees without their HTML-only toctree parts (:mod:`.toctree`), so the
  HTML and LaTeX builds can share one environment and a book is read once,
  not once per format. And the title page's edition comes from
  ``briefbook_edition``, a value that does not make Sphinx read the book
  again, instead of ``release``, which does.
* Sphinx's LaTeX ``BibliographyTransform`` moves every citation of the book
  to one bibliography at the end of the document (titled ``\\bibname``,
  "Tài liệu tham khảo"), which leaves the references page an empty chapter.
  Before that transform runs, the page is replaced by its citations alone.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex import LaTeXBuilder as SphinxLaTeXBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform

from briefbook.sphinxext.toctree import drop_html_parts

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Appended to Sphinx's ``sphinx.xdy``, which defines no range markup: xindy
#: joined a page range's ends with nothing ("Việt Nam, 46" for pages 4 to 6).
XINDY_RANGES = """
; briefbook: page ranges as "4–6".
(markup-range :sep "\\textendash{}")
"""


class LaTeXBuilder(SphinxLaTeXBuilder):
    """Sphinx's LaTeX builder on doctrees shared with the HTML build."""

    def copy_support_files(self) -> None:
        super().copy_support_files()
        xdy = self.outdir / "sphinx.xdy"
        if self.config.latex_use_xindy and xdy.is_file():
            with xdy.open("a", encoding="utf-8") as out:
                out.write(XINDY_RANGES)

    def init_context(self) -> None:
        super().init_context()
        if self.config.briefbook_edition:
            self.context["release"] = self.config.briefbook_edition

    def write_documents(self, _docnames: Set[str]) -> None:
        env = self.env
        read = type(env).get_doctree
        # Every doctree this builder takes (for the contents title, for the
        # inlined toctrees, the appendices) passes through drop_html_parts;
        # the shared doctrees on disk keep their HTML parts.
        env.get_doctree = lambda docname: drop_html_parts(read(env, docname))  # type: ignore[method-assign]
        try:
            super().write_documents(_docnames)
        finally:
            delattr(env, "get_doctree")


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


def setup(app: Sphinx) -> None:
    app.add_config_value("briefbook_references_doc", "references", "env", types=frozenset({str}))
    app.add_builder(LaTeXBuilder, override=True)
    app.add_post_transform(ReferencesPageToBibliography)
