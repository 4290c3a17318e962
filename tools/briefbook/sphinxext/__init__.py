"""briefbook's Sphinx extension: the book's configuration and its HTML extras.

Usage, in ``conf.py``::

    project = "Sổ tay hợp tác y tế quốc tế"
    language = "vi"
    extensions = ["briefbook.sphinxext"]

The extension loads MyST and sphinxcontrib-bibtex, and sets every other value
the book needs (theme, LaTeX engine, fonts and Vietnamese captions,
bibliography style...) unless ``conf.py`` sets it first: see
:mod:`briefbook.sphinxext.defaults`. ``language`` stays in ``conf.py``
because Sphinx reads it before any extension is loaded.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from briefbook.sphinxext import (
    a11y,
    bibdeps,
    bibstyle,
    citation,
    csp,
    defaults,
    domain,
    epub,
    genindex,
    headings,
    i18n,
    latex,
    navigation,
    numbering,
    overview,
    paracite,
    paragraphs,
    pdf,
    search,
    surroundings,
    tooltips,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Generation thresholds of the cycle collector during a build (Python's
#: default is 700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 1000)
ENV_VERSION = 2


def setup(app: Sphinx) -> dict[str, Any]:
    """The book's extension: each part sets itself up (its config values,
    nodes, handlers), in this order."""
    # A book's doctrees are millions of small objects (the LaTeX builder
    # holds every chapter's at once). Python's default thresholds run the
    # cycle collector over all of them again and again while they are
    # loaded and copied: 18 s of an 86 s LaTeX write at 1,000 chapters, at
    # 2% more peak memory. Collect less often.
    gc.set_threshold(*GC_THRESHOLDS)
    app.setup_extension("myst_parser")
    bibstyle.setup(app)  # the bibliography style, before sphinxcontrib-bibtex looks for it
    app.setup_extension("sphinxcontrib.bibtex")
    i18n.setup(app)  # Vietnamese messages
    domain.setup(app)  # the state across documents and builds
    defaults.setup(app)  # the book's configuration, unless conf.py sets it
    paragraphs.setup(app)  # paragraph numbers
    citation.setup(app)  # "cite this section", the edition, citation meta tags
    bibdeps.setup(app)  # a chapter depends on the entries it cites
    latex.setup(app)  # the LaTeX builder and the references page
    numbering.setup(app)  # chapter numbers changed since the last edition
    a11y.setup(app)  # accessibility fixes
    navigation.setup(app)  # the sidebar
    surroundings.setup(app)  # a page is written again when its sidebar, neighbours or PDF pages change
    genindex.setup(app)  # the index in Vietnamese order
    search.setup(app)  # Vietnamese search, abbreviations with long forms
    tooltips.setup(app)  # a glossary link's title is the long form
    csp.setup(app)  # the pages' Content-Security-Policy
    pdf.setup(app)  # the PDF link and its copy
    headings.setup(app)  # words kept together in headings
    overview.setup(app)  # Điểm tin, Dòng thời gian: unnumbered in the PDF, links to paragraphs, own PDFs
    paracite.setup(app)  # cite this paragraph (after paragraphs and citation: their HTML visitors)
    epub.setup(app)  # the EPUB's configuration and link
    app.add_css_file("briefbook.css")
    app.add_js_file("briefbook-edition.js", loading_method="defer")
    app.add_js_file("briefbook.js", loading_method="defer")
    return {
        "version": __version__,
        # Raised when what the extension keeps in Sphinx's environment changes
        # shape: Sphinx then reads the book afresh instead of trusting an
        # environment saved by other code (1: the state moved into
        # BriefbookDomain; an environment of before kept it in attributes;
        # 2: the domain records each document's glossary links).
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
