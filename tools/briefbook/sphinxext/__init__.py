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

from briefbook.numbering import NOTICE_FILE
from briefbook.sphinxext import (
    a11y,
    bibdeps,
    bibstyle,
    citation,
    csp,
    defaults,
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
    tooltips,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Generation thresholds of the cycle collector during a build (Python's
#: default is 700, 10, 10).
GC_THRESHOLDS = (100_000, 50, 1000)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the book's configuration, templates and PDF link."""
    # A book's doctrees are millions of small objects (the LaTeX builder
    # holds every chapter's at once). Python's default thresholds run the
    # cycle collector over all of them again and again while they are
    # loaded and copied: 18 s of an 86 s LaTeX write at 1,000 chapters, at
    # 2% more peak memory. Collect less often.
    gc.set_threshold(*GC_THRESHOLDS)
    app.setup_extension("myst_parser")
    bibstyle.register()
    app.setup_extension("sphinxcontrib.bibtex")
    i18n.add_catalogs(app)

    app.add_config_value("briefbook_pdf", "", "html", types=frozenset({str}))
    app.add_config_value("briefbook_latex_aux", "", "html", types=frozenset({str}))
    # No rebuild: every page shows the edition, and a new edition (any change
    # of content) must not make Sphinx read or write every page again; the
    # pages' script shows the current one (see citation.py).
    app.add_config_value("briefbook_edition", "", "", types=frozenset({str}))
    app.add_config_value("briefbook_numbered_docs", ["chapters/*"], "env", types=frozenset({list}))
    app.add_config_value("briefbook_references_doc", "references", "env", types=frozenset({str}))
    # The file does not change its name: the front page depends on its bytes.
    app.add_config_value("briefbook_renumbered", NOTICE_FILE, "env", types=frozenset({str}))
    app.add_directive("briefbook-renumbered", numbering.RenumberedDirective)
    app.add_config_value("briefbook_pdf_print", False, "env", types=frozenset({bool}))
    app.add_config_value("briefbook_pdf_label", "Tải bản PDF", "html", types=frozenset({str}))

    # Before sphinxcontrib-bibtex and the theme read the values we default.
    app.connect("config-inited", defaults.on_config_inited, priority=100)
    # Other builders leave our nodes out.
    skipped: dict[str, Any] = {builder: (paragraphs.skip, None) for builder in ("text", "man", "texinfo")}
    app.add_node(
        paragraphs.paragraph_number,
        html=(paracite.visit_number_html, None),
        latex=(paragraphs.visit_latex, None),
        **skipped,
    )
    app.add_node(
        citation.cite_block, html=(paracite.visit_cite_html, None), latex=(paragraphs.skip, None), **skipped
    )
    app.add_builder(latex.LaTeXBuilder, override=True)
    overview.setup(app)
    epub.setup(app)
    paracite.setup(app)
    app.connect("doctree-read", paragraphs.on_doctree_read, priority=600)
    app.connect("doctree-read", citation.on_doctree_read, priority=610)
    app.connect("doctree-read", bibdeps.on_doctree_read)
    app.connect("env-get-outdated", bibdeps.on_env_get_outdated)
    app.connect("env-purge-doc", bibdeps.on_env_purge_doc)
    app.connect("env-merge-info", bibdeps.on_env_merge_info)
    app.connect("html-page-context", citation.on_html_page_context, priority=600)
    app.connect("html-page-context", a11y.on_html_page_context)
    app.connect("html-page-context", navigation.on_html_page_context)
    app.connect("html-page-context", genindex.on_html_page_context)
    app.connect("env-updated", navigation.on_env_updated)
    app.add_search_language(search.SearchVietnamese)
    app.connect("builder-inited", bibstyle.on_builder_inited)
    # After sphinxcontrib-bibtex's own handler, which formats the entries.
    app.connect("env-updated", bibstyle.on_env_updated, priority=900)
    app.connect("builder-inited", search.on_builder_inited)
    app.connect("html-page-context", search.on_html_page_context)
    app.connect("builder-inited", tooltips.on_builder_inited)
    app.connect("builder-inited", csp.on_builder_inited)
    app.connect("doctree-resolved", tooltips.on_doctree_resolved)
    app.connect("doctree-resolved", bibstyle.on_doctree_resolved)
    app.add_role("briefbook-edition", citation.edition_role)
    app.connect("html-page-context", pdf.on_html_page_context)
    app.connect("build-finished", pdf.on_build_finished)
    app.add_post_transform(latex.ReferencesPageToBibliography)
    app.add_post_transform(headings.KeepWordsTogether)
    app.add_css_file("briefbook.css")
    # After doctools.js (200), before translations.js (500): see csp.py.
    app.add_js_file("briefbook-csp.js", priority=400)
    app.add_js_file("briefbook-edition.js", loading_method="defer")
    app.add_js_file("briefbook.js", loading_method="defer")
    app.connect("build-finished", citation.on_build_finished)

    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
