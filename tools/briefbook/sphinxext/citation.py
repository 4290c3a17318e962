"""Citing the book: "cite this section" blocks, the edition, citation meta tags.

* Every chapter and section of a chapter gets a :class:`cite_block` after its
  title. In HTML it renders a Vietnamese reference (book, edition, chapter,
  section, paragraph range, PDF page, permalink, date accessed) and the same
  as BibTeX, each with a copy button (``briefbook.js``); other builders skip it.
* The PDF pages come from the LaTeX build's ``.aux`` file (config value
  ``briefbook_latex_aux``, set by ``briefbook build``), which records the page
  of every label: a section's title is labelled by Sphinx, and its end by a
  :class:`section_end` (the label :func:`end_label`), so a citation gives the
  section's page range ("tr. 11–13").
* The edition identifies the book's content: the build date and a short hash
  of the sources (:func:`edition`), config value ``briefbook_edition`` (and
  the PDF's ``release``). Pages show it in ``<span class="briefbook-edition">``
  and ``_static/briefbook-edition.js`` (written at the end of each build)
  sets every such span to the current one, so that a page Sphinx did not
  need to rewrite still shows the current edition.
* Each HTML page carries ``citation_*`` meta tags for Zotero and the like.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pybtex.database import BibliographyData, Entry
from sphinx.util import logging

from briefbook.core import editions
from briefbook.core.editions import EDITIONS_FILE, hashed
from briefbook.sphinxext.paragraphs import chapter_number, is_numbered_doc, paragraph_number, skip
from briefbook.write.bibliography import bibtex_text, write_bibtex

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

PERMALINK = "__BRIEFBOOK_PERMALINK__"
EDITION = "BRIEFBOOKEDITION"
"""Letters only: the BibTeX writer escapes underscores, and the page replaces this token."""
ACCESSED = "__BRIEFBOOK_ACCESSED__"
_NEWLABEL = re.compile(r"\\newlabel\{(?P<label>[^{}]*)\}\{\{[^{}]*\}\{(?P<page>[^{}]*)\}")


class cite_block(nodes.General, nodes.Element):
    """Where a section's "cite this" block goes; see module docstring."""


class section_end(nodes.General, nodes.Element):
    """The end of a chapter or section (attribute ``anchor``): a label in LaTeX, nothing elsewhere."""


def end_label(anchor: str) -> str:
    """The id of the label at the end of the section ``anchor`` (no section has such an id:
    docutils ids have no ``.``)."""
    return f"{anchor}.end"


def page_range(pages: dict[str, str], docname: str, anchor: str) -> tuple[str, str]:
    """The first and last PDF page (labels) of a section, ``("", "")`` when unknown;
    the last is the first when the end was not recorded."""
    first = pages.get(f"{docname}:{anchor}", "")
    last = pages.get(f"{docname}:{end_label(anchor)}", "") if first else ""
    return first, last or first


def build_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def content_hash(srcdir: Path) -> str:
    """A short hash of the book's sources (Markdown and BibTeX files, but the
    pages about editions: :func:`briefbook.core.editions.content_hash`)."""
    files = (
        (rel, path.read_bytes())
        for path in srcdir.rglob("*")
        if hashed(rel := path.relative_to(srcdir).as_posix()) and path.is_file()
    )
    return editions.content_hash(files)


def edition(srcdir: Path) -> str:
    """``2026-11-23.3f2a9c1e``: the date and content hash of the edition.

    When the content is that of the last edition the project records
    (:data:`briefbook.core.editions.EDITIONS_FILE`), its id (the date it
    was made, on any machine: a fresh clone builds the same edition);
    otherwise the build date and the hash.
    """
    content = content_hash(srcdir)
    last = _history(*_record(srcdir)).last
    if last is not None and last.content == content:
        return last.id
    return f"{build_date().isoformat()}.{content}"


def _record(srcdir: Path) -> tuple[str, float]:
    """The path of the project's record of editions and its time of change (0: none)."""
    record = srcdir / EDITIONS_FILE
    return str(record), record.stat().st_mtime if record.is_file() else 0.0


@cache
def _history(path: str, mtime: float) -> editions.History:
    """The record of editions at ``path``; none when there is no record, and a
    warning naming the file when it cannot be read as one (not UTF-8, not the
    record's JSON): the pages then take the build's date."""
    try:
        return editions.parse_history(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        return editions.History()
    except (OSError, ValueError) as exc:
        logger.warning("%s: %s; the pages take the build's date", path, exc, type="briefbook")
        return editions.History()


@cache
def _chapter_dates(path: str, mtime: float) -> dict[str, str]:
    """Each chapter's date (ISO) in the record at ``path``: that of the
    edition that last changed it, else of the one that added it, else of the
    first edition (which lists no chapter as added)."""
    history = _history(path, mtime)
    if not history.editions:
        return {}
    added = {c.slug: e.date for e in history.editions for c in e.added}
    first = history.editions[0].date
    return {c.slug: c.updated or added.get(c.slug, first) for c in history.chapters}


def publication_date(app: Sphinx, docname: str) -> str:
    """The date (ISO) a page's ``citation_publication_date`` gives: a
    chapter's is the edition that last changed it (the project's record of
    editions), so a page an edition did not touch, kept from an earlier
    build, says the same as a build from nothing; any other page's is the
    current edition's."""
    slug = docname.rpartition("/")[2] if is_numbered_doc(app, docname) else ""
    current = str(app.config.briefbook_edition).partition(".")[0] or build_date().isoformat()
    return _chapter_dates(*_record(Path(app.srcdir))).get(slug, current) if slug else current


@cache
def _aux_pages(path: str, mtime: float) -> dict[str, str]:
    text = Path(path).read_text("utf-8", errors="replace")
    return {m["label"]: m["page"] for m in _NEWLABEL.finditer(text)}


def pdf_pages(app: Sphinx) -> dict[str, str]:
    """Label to PDF page, from the LaTeX build's ``.aux`` file (empty without one)."""
    value = app.config.briefbook_latex_aux
    if not value:
        return {}
    path = Path(app.confdir) / value
    if not path.is_file():
        return {}
    return _aux_pages(str(path), path.stat().st_mtime)


def _stable_id(section: nodes.section, slug: str) -> str:
    ids: list[str] = section["ids"]
    return next((i for i in ids if i.startswith(slug)), ids[0])


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Put a cite block after the title of each section of a chapter."""
    docname = app.env.docname
    if not is_numbered_doc(app, docname):
        return
    slug = docname.rsplit("/", 1)[-1]
    for section in doctree.findall(nodes.section):
        numbers = [n["index"] for n in section.findall(paragraph_number)]
        title = section.next_node(nodes.title)
        if title is None or not section["ids"]:
            continue
        block = cite_block(
            anchor=_stable_id(section, slug),
            toc_id=section["ids"][0],
            title=title.astext(),
            first=min(numbers, default=0),
            last=max(numbers, default=0),
            chapter=section.parent is doctree,
        )
        section.insert(section.index(title) + 1, block)
        section.append(section_end(anchor=block["anchor"]))


def _section_number(env: BuildEnvironment, docname: str, toc_id: str, is_chapter: bool) -> str:
    numbers = env.toc_secnumbers.get(docname, {})
    found = numbers.get("" if is_chapter else f"#{toc_id}")
    return ".".join(map(str, found)) if found else ""


def reference_texts(app: Sphinx, docname: str, node: cite_block) -> tuple[str, str]:
    """The formatted reference and the BibTeX entry for a cite block."""
    env = app.env
    config = app.config
    chapter = chapter_number(env, docname)
    chapter_title = env.titles[docname].astext() if docname in env.titles else ""
    # Sphinx's title includes no number; strip one if a theme added it.
    chapter_title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", chapter_title)
    number = _section_number(env, docname, node["toc_id"], node["chapter"])
    first_page, last_page = page_range(pdf_pages(app), docname, node["anchor"])
    page = first_page + (f"–{last_page}" if last_page != first_page else "")
    parts = [f"{config.project}, ấn bản {EDITION}"]
    parts.append(f"Chương {chapter}: “{chapter_title}”" if chapter else f"“{chapter_title}”")
    if not node["chapter"]:
        parts.append(f"mục {number} “{node['title']}”" if number else f"mục “{node['title']}”")
    first, last = node["first"], node["last"]
    if first:
        prefix = f"{chapter}." if chapter else ""
        span = f"¶ {prefix}{first}" + (f"–{prefix}{last}" if last != first else "")
        parts.append(f"đoạn {span}")
    if page:
        parts.append(f"tr. {page} (bản PDF)")
    text = ", ".join(parts[:1]) + ". " + ", ".join(parts[1:]) + f". {PERMALINK}. Truy cập ngày {ACCESSED}."

    fields = {
        "title": "{" + bibtex_text(node["title"]) + "}",
        "booktitle": "{" + bibtex_text(config.project) + "}",
        "edition": EDITION,
        "url": PERMALINK,
        "urldate": ACCESSED,
        "language": "vietnamese",
    }
    if config.author:
        fields["editor"] = "{" + bibtex_text(config.author) + "}"
    if chapter:
        fields["chapter"] = str(chapter)
    if page:
        fields["pages"] = page.replace("–", "--")  # BibTeX's range
    if not node["chapter"] and number:
        fields["note"] = bibtex_text(f"Mục {number}")
    key = node["anchor"]
    bib = BibliographyData(entries={key: Entry("incollection", fields=fields)})
    return text, write_bibtex(bib).strip()


def visit_html(self: HTML5Translator, node: cite_block) -> None:
    app = self.builder.app
    text, bib = reference_texts(app, self.builder.current_docname, node)
    span = f'<span class="briefbook-edition">{html.escape(app.config.briefbook_edition)}</span>'
    text_html, bib_html = (html.escape(t).replace(EDITION, span) for t in (text, bib))
    anchor = html.escape(node["anchor"])
    what = "chương" if node["chapter"] else "mục"
    base = html.escape(app.config.html_baseurl or "")
    self.body.append(
        f'<details class="briefbook-cite" data-anchor="{anchor}" data-baseurl="{base}">'
        f"<summary>Trích dẫn {what} này</summary>"
        '<div class="briefbook-cite-body">'
        f'<p class="briefbook-cite-text">{text_html}</p>'
        '<button type="button" class="briefbook-copy" data-copy="text">Sao chép trích dẫn</button> '
        '<button type="button" class="briefbook-copy" data-copy="bibtex">Sao chép BibTeX</button>'
        f'<pre class="briefbook-cite-bibtex">{bib_html}</pre>'
        '<span class="briefbook-copied" role="status" aria-live="polite"></span>'
        "</div></details>"
    )
    raise nodes.SkipNode


def visit_end_latex(self: LaTeXTranslator, node: section_end) -> None:
    # After the section's last paragraph, in vertical mode: the page of its last line.
    self.body.append(self.hypertarget(end_label(node["anchor"]), anchor=False) + "\n")
    raise nodes.SkipNode


def edition_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{briefbook-edition}`x```: the book's edition."""
    edition = inliner.document.settings.env.config.briefbook_edition
    return [nodes.inline(rawtext, edition, classes=["briefbook-edition"])], []


EDITION_SCRIPT = "briefbook-edition.js"


def on_builder_inited(app: Sphinx) -> None:
    """Drop the last build's edition script from the output: Sphinx would
    add its checksum to the pages it writes now (``?v=...``), so that pages
    written in different builds would link it differently, and a fresh build
    differently again."""
    if app.builder.format == "html":
        (Path(app.outdir) / "_static" / EDITION_SCRIPT).unlink(missing_ok=True)


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Write the script that shows the current edition on every page."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    value = json.dumps(app.config.briefbook_edition)
    (static / EDITION_SCRIPT).write_text(f"window.BRIEFBOOK_EDITION = {value};\n", "utf-8")


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``citation_*`` meta tags for reference managers; the edition for templates."""
    config = app.config
    context["briefbook_edition"] = config.briefbook_edition
    title = re.sub(r"<[^>]+>", "", str(context.get("title") or config.project))
    title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", html.unescape(title))  # the section number
    tags = [
        ("citation_title", title),
        ("citation_inbook_title", config.project),
        ("citation_publication_date", publication_date(app, pagename).replace("-", "/")),
        ("citation_language", config.language or ""),
        ("citation_publisher", config.author or ""),
    ]
    if config.author:
        tags.append(("citation_author", config.author))
    pdf = context.get("briefbook_pdf")
    if pdf:
        base = (
            config.html_baseurl.rstrip("/") + "/"
            if config.html_baseurl
            else context.get("pathto", lambda *a: "")(pdf, 1)
        )
        tags.append(("citation_pdf_url", base + pdf if config.html_baseurl else base))
    meta = "".join(
        f'<meta name="{name}" content="{html.escape(str(value), quote=True)}" />\n'
        for name, value in tags
        if value
    )
    context["metatags"] = context.get("metatags", "") + meta


def setup(app: Sphinx) -> None:
    app.add_config_value("briefbook_latex_aux", "", "html", types=frozenset({str}))
    # No rebuild: every page shows the edition, and a new edition (any change
    # of content) must not make Sphinx read or write every page again; the
    # pages' script shows the current one.
    app.add_config_value("briefbook_edition", "", "", types=frozenset({str}))
    # Read by `briefbook convert` and `briefbook build` (editions whose PDF is kept), not by Sphinx.
    app.add_config_value("briefbook_keep_editions", 20, "", types=frozenset({int}))
    skipped: dict[str, Any] = {builder: (skip, None) for builder in ("text", "man", "texinfo")}
    app.add_node(cite_block, html=(visit_html, None), latex=(skip, None), **skipped)
    ends: dict[str, Any] = {builder: (skip, None) for builder in ("html", "text", "man", "texinfo")}
    app.add_node(section_end, latex=(visit_end_latex, None), **ends)
    app.connect("doctree-read", on_doctree_read, priority=610)
    app.connect("html-page-context", on_html_page_context, priority=600)
    app.add_role("briefbook-edition", edition_role)
    app.connect("builder-inited", on_builder_inited)
    app.connect("build-finished", on_build_finished)
