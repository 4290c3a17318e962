"""Numbered, anchored paragraphs: ¶ n.m, the same in HTML and in the PDF.

Every body paragraph of a chapter (the lede and the paragraphs of its
sections; not the source box or the further-reading list) gets, when the
document is read:

* an anchor built from the chapter's slug, ``{slug}-p{m}``, which does not
  change when other chapters are added or reordered;
* a :class:`paragraph_number` node at its start, holding ``m``.

The chapter number ``n`` is the one the book gives the chapter: in HTML it
comes from Sphinx's section numbers, in LaTeX from ``\\thechapter``, so both
outputs print the same ¶ n.m (in HTML as a permalink before the paragraph, in
the PDF as a margin note).
"""

from __future__ import annotations

from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

from docutils import nodes

from briefbook.write.chapter import LEDE_CLASS, LIST_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator


class paragraph_number(nodes.Inline, nodes.Element):
    """The number of a body paragraph; attributes ``index`` (m) and ``refid``."""


def paragraph_id(docname: str, index: int) -> str:
    """The anchor of paragraph ``index`` of a chapter."""
    return f"{docname.rsplit('/', 1)[-1]}-p{index}"


def is_numbered_doc(app: Sphinx, docname: str) -> bool:
    """Whether the document is a chapter whose paragraphs are numbered."""
    return any(fnmatch(docname, pattern) for pattern in app.config.briefbook_numbered_docs)


def is_body_paragraph(node: nodes.paragraph) -> bool:
    """A paragraph of running text: directly in a section, or the lede."""
    parent = node.parent
    if isinstance(parent, nodes.list_item):
        # The text of an item of the article's own list (see chapter.py).
        container = parent.parent.parent
        return (
            parent.index(node) == 0
            and isinstance(container, nodes.container)
            and LIST_CLASS in container.get("classes", [])
        )
    return isinstance(parent, nodes.section) or (
        isinstance(parent, nodes.container) and LEDE_CLASS in parent.get("classes", [])
    )


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Number and anchor the body paragraphs of a chapter."""
    docname = app.env.docname
    if not is_numbered_doc(app, docname):
        return
    index = 0
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if not is_body_paragraph(paragraph):
            continue
        index += 1
        refid = paragraph_id(docname, index)
        # First, so that HTML puts it on the paragraph itself (index targets
        # merged into the paragraph become spans).
        paragraph["ids"].insert(0, refid)
        paragraph.insert(0, paragraph_number(index=index, refid=refid))


def chapter_number(env: BuildEnvironment, docname: str) -> int | None:
    """The number Sphinx gave the chapter (its first section), if any."""
    numbers = env.toc_secnumbers.get(docname, {})
    first = numbers.get("")
    return first[0] if first else None


def label(env: BuildEnvironment, docname: str, index: int) -> str:
    """The printed number: ``n.m`` (or ``m`` in an unnumbered document)."""
    chapter = chapter_number(env, docname)
    return f"{chapter}.{index}" if chapter else str(index)


def visit_html(self: HTML5Translator, node: paragraph_number) -> None:
    number = label(self.builder.env, self.builder.current_docname, node["index"])
    self.body.append(
        f'<a class="briefbook-pnum" href="#{node["refid"]}" '
        f'title="Đoạn {number}: liên kết cố định">¶\u00a0{number}</a> '
    )
    raise nodes.SkipNode


def visit_latex(self: LaTeXTranslator, node: paragraph_number) -> None:
    # The label lets LaTeX record the page (the .aux file gives it to the HTML).
    self.body.append(
        r"\leavevmode"
        + self.hypertarget(node["refid"])
        + r"\marginpar{\scriptsize\sffamily\thechapter."
        + str(node["index"])
        + "}"
    )
    raise nodes.SkipNode


def skip(self: Any, node: paragraph_number) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_config_value("briefbook_numbered_docs", ["chapters/*"], "env", types=frozenset({list}))
    # Other builders leave our nodes out.
    skipped: dict[str, Any] = {builder: (skip, None) for builder in ("text", "man", "texinfo")}
    app.add_node(paragraph_number, html=(visit_html, None), latex=(visit_latex, None), **skipped)
    app.connect("doctree-read", on_doctree_read, priority=600)
