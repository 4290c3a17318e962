"""The overview pages ("Điểm tin"...) inside Sphinx: unnumbered in the PDF.

In HTML the overview pages stand in a toctree of their own, unnumbered,
before the numbered chapters. LaTeX numbers every chapter of the document,
so there each overview page's title becomes ``\\chapter*`` (listed in the
table of contents and the running head, like the introduction): chapter 1
is the first article in both outputs.

Config value ``briefbook_overview_docs``: the documents treated so.

The role ``{briefbook-para}`¶ 3.2 <chapters/slug#slug-p2>``` links a
paragraph of a chapter (the timeline's events): in HTML to the chapter's
page and the paragraph's anchor, in LaTeX to the paragraph's label, with its
page (``latex_show_pagerefs``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from briefbook.sphinxext.paragraphs import is_numbered_doc
from briefbook.write.myst import latex_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["LATEX_PREAMBLE", "ParagraphLinks", "UnnumberedOverview", "paragraph_role", "setup"]

PART_DIR = "pdf"
"""The folder of the chapter PDFs in the HTML output (:mod:`briefbook.downloads`)."""

_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<doc>[^<>#]+)#(?P<anchor>[^<>#]+)>$", re.S)

#: The at-a-glance entries: small type, tight paragraphs, each kept whole;
#: the page's title in one line (not a chapter's opening, a third of a page)
#: and its opening paragraph across both columns. Twenty chapters fit on two
#: A4 pages (tests/test_glance.py counts them).
LATEX_PREAMBLE = r"""
\usepackage{multicol}
\newenvironment{sphinxclassbriefbook-glance-entry}%
  {\par\footnotesize\setlength{\parskip}{0.5pt}\begin{minipage}{\linewidth}}%
  {\end{minipage}\par\smallskip}
\newcommand{\briefbookcompacthead}[1]{%
  \clearpage\thispagestyle{plain}%
  {\noindent\sffamily\bfseries\LARGE #1\par}\nobreak\vspace{2pt}\hrule\vspace{6pt}}
"""


COLUMNS_BEGIN = (
    "\\begin{multicols}{2}\\raggedright\\raggedcolumns"
    # The parts' headings (rubrics, \\subsubsection*) closer to their entries.
    "\\titlespacing*{\\subsubsection}{0pt}{4pt plus 2pt}{2pt}"
)
COLUMNS_END = "\\end{multicols}"


def part_name(docname: str) -> str:
    """The file name of a document's own PDF (``chapters/x`` gives ``x.pdf``)."""
    return docname.rsplit("/", 1)[-1] + ".pdf"


def unnumbered_chapter(title: str, docname: str, compact: bool = False) -> str:
    """LaTeX for an unnumbered chapter in the contents and the running head,
    labelled ``docname::doc`` as Sphinx labels a chapter (its pages are then
    in the ``.aux``: see :mod:`briefbook.chapterpdf`). ``compact``: its title
    in one line on a new page instead of a chapter's opening."""
    text = latex_text(title)
    head = rf"\briefbookcompacthead{{{text}}}" if compact else rf"\chapter*{{{text}}}"
    return (
        rf"{head}\phantomsection\label{{\detokenize{{{docname}::doc}}}}"
        rf"\addcontentsline{{toc}}{{chapter}}{{{text}}}\markboth{{{text}}}{{{text}}}"
    )


class UnnumberedOverview(SphinxPostTransform):
    """The overview pages' titles as unnumbered chapters (LaTeX only)."""

    default_priority = 710
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        docs = set(self.config.briefbook_overview_docs)
        for start in list(self.document.findall(addnodes.start_of_file)):
            if start.get("docname") not in docs:
                continue
            section = start.next_node(nodes.section)
            title = section.next_node(nodes.title) if section is not None else None
            if title is None or title.parent is not section:
                continue
            glance = start["docname"] == self.config.briefbook_overview_docs[0]
            raw = nodes.raw("", unnumbered_chapter(title.astext(), start["docname"], glance), format="latex")
            section.replace(title, raw)
            if glance:
                # The at-a-glance page in two columns under its opening
                # paragraph: some twenty chapters on two pages.
                after = section.index(raw) + 1
                if after < len(section) and isinstance(section[after], nodes.paragraph):
                    after += 1
                section.insert(after, nodes.raw("", COLUMNS_BEGIN, format="latex"))
                section.append(nodes.raw("", COLUMNS_END, format="latex"))


class paragraph_ref(nodes.Inline, nodes.TextElement):
    """A link to a paragraph of a chapter: attributes ``docname`` and ``anchor``."""


def paragraph_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{briefbook-para}`text <docname#anchor>```."""
    match = _TARGET.match(text)
    if match is None:
        message = inliner.reporter.error(f"briefbook-para: expected 'text <doc#anchor>', got {text!r}")
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    node = paragraph_ref(rawtext, match["text"], docname=match["doc"], anchor=match["anchor"])
    return [node], []


class ParagraphLinks(SphinxPostTransform):
    """Each :class:`paragraph_ref` as a reference for the builder at hand."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        for node in list(self.document.findall(paragraph_ref)):
            uri = builder.get_relative_uri(self.env.docname, node["docname"]) + "#" + node["anchor"]
            ref = nodes.reference("", "", internal=True, refuri=uri, classes=["briefbook-para-link"])
            ref += nodes.Text(node.astext())
            node.replace_self(ref)


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The page's own PDF (a chapter's, an overview page's), when the book has a PDF."""
    context["briefbook_part_pdf"] = ""
    if not app.config.briefbook_pdf:
        return
    if pagename in app.config.briefbook_overview_docs:
        label = "Tải trang này (PDF)"
    elif is_numbered_doc(app, pagename):
        label = "Tải chương này (PDF)"
    else:
        return
    context["briefbook_part_pdf"] = f"{PART_DIR}/{part_name(pagename)}"
    context["briefbook_part_pdf_label"] = label


def setup(app: Sphinx) -> None:
    """Register the config value, the transform and the page's styles."""
    app.add_config_value("briefbook_overview_docs", ["glance", "timeline"], "env", types=frozenset({list}))
    app.add_post_transform(UnnumberedOverview)
    app.add_role("briefbook-para", paragraph_role)
    app.add_node(paragraph_ref)
    app.add_post_transform(ParagraphLinks)
    app.connect("html-page-context", on_html_page_context)
    app.add_css_file("briefbook-overview.css")
