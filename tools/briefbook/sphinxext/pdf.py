"""Ship the book's PDF with the HTML and link it from every page.

sphinx-book-theme's own download button only prints the page, so the PDF
built by LaTeX goes into the root of the HTML output and two templates,
``briefbook-pdf.html`` and ``briefbook-pdf-button.html``, link it from the
sidebar and the article header. The config value ``briefbook_pdf`` names it:
``briefbook build`` passes a bare file name and copies the PDF itself; a path
to an existing file (relative to the project) is copied at the end of the
build.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def _pdf_source(app: Sphinx) -> Path | None:
    value: str = app.config.briefbook_pdf
    if not value:
        return None
    return (Path(app.confdir) / value).resolve()


def _is_path(value: str) -> bool:
    return "/" in value or "\\" in value


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Tell the template where the PDF is (relative to the output root)."""
    source = _pdf_source(app)
    context["briefbook_pdf"] = source.name if source else ""
    context["briefbook_pdf_label"] = app.config.briefbook_pdf_label


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Copy the PDF into the HTML output."""
    source = _pdf_source(app)
    if exception is not None or source is None or app.builder.format != "html":
        return
    if not source.is_file():
        if not _is_path(app.config.briefbook_pdf):
            return  # a bare name: whoever runs the build ships the file
        logger.warning(
            "briefbook_pdf: no PDF at %s; the PDF link is dead", source, type="briefbook", subtype="pdf"
        )
        return
    shutil.copyfile(source, Path(app.outdir) / source.name)


def setup(app: Sphinx) -> None:
    app.add_config_value("briefbook_pdf", "", "html", types=frozenset({str}))
    app.add_config_value("briefbook_pdf_print", False, "env", types=frozenset({bool}))
    app.add_config_value("briefbook_pdf_label", "Tải bản PDF", "html", types=frozenset({str}))
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", on_build_finished)
