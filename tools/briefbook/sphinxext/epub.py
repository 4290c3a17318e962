"""The EPUB: Sphinx's own ``epub`` builder on the book's shared doctrees.

Same chapters, numbers (¶ n.m included), glossary and register as the HTML;
Sphinx's ``epub`` theme (our ``layout.html`` steps aside for it). Metadata:
``language`` vi (Sphinx's ``epub_language`` follows ``language``), the
book's title, its author (or the book's title when it has none: EPUB 3 wants
a creator), and the edition as its version. The edition is set when the
EPUB builder starts, not in the configuration the environment is read with,
so that building the EPUB does not make Sphinx read the book again.

``briefbook build`` runs it after the PDF and ships the file beside the PDF
(config value ``briefbook_epub`` names it for the HTML's link).

The EPUB passes epubcheck (``tests/test_epub.py``): :class:`EpubBuilder` is
Sphinx's with the book's identifier as the NCX's ``dtb:uid`` (Sphinx writes
the name of the OPF identifier's XML id there, which epubcheck reports as
NCX-001); the index is in the EPUB, since the front page links it, and in
its spine once.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sphinx.builders.epub3 import Epub3Builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders._epub_base import NavPoint
    from sphinx.config import Config

__all__ = ["EpubBuilder", "defaults", "on_builder_inited", "on_html_page_context", "setup"]


class EpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder; the NCX names the book by its identifier."""

    def toc_metadata(self, level: int, navpoints: list[NavPoint]) -> dict[str, Any]:
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)  # = the OPF's dc:identifier
        return metadata

    def build_content(self) -> None:
        # The front page's toctree lists the index, which Sphinx also adds
        # to the spine (``epub_use_index``): once is enough (epubcheck RSC-005).
        kept = self.refnodes
        index = "genindex" + self.out_suffix
        self.refnodes = [node for node in kept if not (self.use_index and node["refuri"] == index)]
        try:
            super().build_content()
        finally:
            self.refnodes = kept


EPUB_LABEL = "Tải bản EPUB"


def defaults(config: Config, basename: str) -> dict[str, Any]:
    """The EPUB's configuration (set unless ``conf.py`` sets it)."""
    creator = config.author or config.project
    return {
        "epub_basename": basename,
        "epub_title": config.project,
        "epub_author": creator,
        "epub_publisher": creator,
        "epub_copyright": creator,
        "epub_identifier": f"urn:briefbook:{basename}",
        "epub_scheme": "URN",
        "epub_uid": "briefbook-id",
        "epub_show_urls": "no",
        # The front page links the index ("Chỉ mục"): the EPUB has it.
        "epub_use_index": True,
        # Sphinx keeps ".buildinfo.bak" in the output when the configuration
        # changed, and the EPUB builder then warns that it cannot pack it.
        "suppress_warnings": ["epub.unknown_project_files"],
    }


def on_builder_inited(app: Sphinx) -> None:
    """The edition as the EPUB's version (EPUB 3 wants one)."""
    if app.builder.name == "epub" and not app.config.version:
        app.config.version = app.config.briefbook_edition or "1"


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Where the EPUB is, for the sidebar's link."""
    context["briefbook_epub"] = app.config.briefbook_epub
    context["briefbook_epub_label"] = EPUB_LABEL


def setup(app: Sphinx) -> None:
    app.add_builder(EpubBuilder, override=True)
    app.add_config_value("briefbook_epub", "", "html", types=frozenset({str}))
    # Before Sphinx's own check of the EPUB 3 values (priority 500).
    app.connect("builder-inited", on_builder_inited, priority=100)
    app.connect("html-page-context", on_html_page_context)
