"""Cite this paragraph: the ¶ of every paragraph opens its own citation (HTML).

* Each section's "cite this" block (:mod:`.citation`) also carries, as data
  attributes, the reference and the BibTeX entry of a paragraph of that
  section with the paragraph left open: ``BRIEFBOOKPARA`` (its number),
  ``BRIEFBOOKPAGE`` (its PDF page) and ``BRIEFBOOKPKEY`` (its anchor, the
  entry's key). Letters only: pybtex escapes underscores.
* Each ¶ link carries its paragraph's PDF page (``data-page``, from the
  LaTeX ``.aux`` file, as for sections).
* ``_static/briefbook-paracite.js`` opens, on a click on ¶, a small panel
  after the paragraph with the filled-in reference, BibTeX, permalink and
  page, and copy buttons; the text is set with ``textContent`` (data, never
  markup), and the script is a file (the pages' Content-Security-Policy
  allows no inline script). The paragraph a permalink targets is
  highlighted (``:target`` in ``briefbook-overview.css``).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

from briefbook.sphinxext import citation, paragraphs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

__all__ = ["PAGE", "PARA", "PKEY", "paragraph_templates", "setup", "visit_cite_html", "visit_number_html"]

PARA = "BRIEFBOOKPARA"
PAGE = "BRIEFBOOKPAGE"
PKEY = "BRIEFBOOKPKEY"
_NOTE = re.compile(r'^(\s*note = ")([^"]*)"', re.M)


def paragraph_templates(app: Sphinx, docname: str, node: citation.cite_block) -> tuple[str, str]:
    """The reference and the BibTeX entry of a paragraph of ``node``'s
    section, with :data:`PARA`, :data:`PAGE` and :data:`PKEY` to fill in."""
    # One paragraph (first = last), under a key no label has (so no page is
    # looked up: the page is the paragraph's own).
    open_node = citation.cite_block(**{**node.attributes, "first": PARA, "last": PARA, "anchor": PKEY})
    text, bib = citation.reference_texts(app, docname, open_node)
    text = text.replace(f"{PARA}.", f"{PARA}{PAGE}.", 1)
    chapter = paragraphs.chapter_number(app.env, docname)
    where = f"đoạn ¶ {chapter}.{PARA}" if chapter else f"đoạn ¶ {PARA}"
    if _NOTE.search(bib):
        bib = _NOTE.sub(lambda m: f'{m[1]}{m[2]}, {where}"', bib, count=1)
    else:
        bib = bib.removesuffix("\n}") + f',\n    note = "{where[:1].upper()}{where[1:]}"\n}}'
    bib = bib.removesuffix("\n}") + f',\n    pages = "{PAGE}"\n}}'
    return text, bib


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def visit_cite_html(self: HTML5Translator, node: citation.cite_block) -> None:
    """The section's cite block, with the paragraph templates."""
    try:
        citation.visit_html(self, node)
    except nodes.SkipNode:
        text, bib = paragraph_templates(self.builder.app, self.builder.current_docname, node)
        opening = '<details class="briefbook-cite"'
        data = f' data-ptext="{_attribute(text)}" data-pbibtex="{_attribute(bib)}"'
        self.body[-1] = self.body[-1].replace(opening, opening + data, 1)
        raise


def visit_number_html(self: HTML5Translator, node: paragraphs.paragraph_number) -> None:
    """The ¶ link, with the paragraph's PDF page."""
    try:
        paragraphs.visit_html(self, node)
    except nodes.SkipNode:
        page = citation.pdf_pages(self.builder.app).get(f"{self.builder.current_docname}:{node['refid']}", "")
        opening = '<a class="briefbook-pnum"'
        data = f' data-index="{int(node["index"])}"' + (f' data-page="{_attribute(page)}"' if page else "")
        self.body[-1] = self.body[-1].replace(opening, opening + data, 1)
        raise


def setup(app: Sphinx) -> None:
    """The HTML visitors of the ¶ numbers and cite blocks, and the script."""
    skipped: dict[str, Any] = {builder: (paragraphs.skip, None) for builder in ("text", "man", "texinfo")}
    app.add_node(
        paragraphs.paragraph_number,
        override=True,
        html=(visit_number_html, None),
        latex=(paragraphs.visit_latex, None),
        **skipped,
    )
    app.add_node(
        citation.cite_block,
        override=True,
        html=(visit_cite_html, None),
        latex=(paragraphs.skip, None),
        **skipped,
    )
    app.add_js_file("briefbook-paracite.js", loading_method="defer")
