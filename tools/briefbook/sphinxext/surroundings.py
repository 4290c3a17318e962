"""A page is written again when what surrounds its text changed, not the whole site.

Sphinx writes a page again when its own source changed. A page also shows
what other documents decide: the sidebar (the chapters' titles and numbers,
or those of its part), the previous and next pages, the PDF pages of its
sections (the LaTeX build's ``.aux`` file) and the long forms in the titles
of its glossary links, its date (a chapter's is the edition that last
changed it, :func:`~briefbook.sphinxext.citation.publication_date`). Until
now the HTML build started over whenever the table of contents or the PDF's
page numbers changed, and wrote every page:
adding one article to a 1,000-chapter book wrote 1,000 pages.

Instead, once the documents are read, each page's *surroundings* are put in
a digest (:func:`surroundings`); the pages whose digest differs from the one
of the last HTML build into the same folder are written again with the ones
whose source changed (Sphinx's ``env-get-updated``), and the digests are
kept beside the pages for the next build (``.briefbook-surroundings.json``,
written when the build ends without an error). A page keeps the digest it
was written with: one that this build did not write (``sphinx-build`` given
the files to build writes only those) keeps its last one, and is written by
the next build that finds its surroundings changed. Without that file (a new
folder) every page is written. The pages of documents in the record that are
gone are deleted (Sphinx leaves them). A build that failed leaves a record of
the pages' names without digests: the next build writes every page, and still
deletes those of documents that are gone.

The term links' texts are recorded when a document is read (the domain's
``linked_terms``), so that the digests need no document loaded.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import addnodes

from briefbook.sphinxext.citation import pdf_pages, publication_date
from briefbook.sphinxext.domain import BriefbookDomain
from briefbook.sphinxext.navigation import nav_tree

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["RECORD", "setup", "surroundings"]

RECORD = ".briefbook-surroundings.json"
"""In the HTML output folder: each page's digest at the last build."""


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Record the texts of the document's glossary links (their titles are the long forms)."""
    linked = sorted(
        {
            node.astext().casefold()
            for node in doctree.findall(addnodes.pending_xref)
            if node.get("reftype") == "term"
        }
    )
    BriefbookDomain.of(app.env).linked_terms[app.env.docname] = linked


def _title(env: BuildEnvironment, docname: str | None) -> str:
    if docname is None or docname not in env.titles:
        return ""
    numbers = env.toc_secnumbers.get(docname, {}).get("", ())
    return ".".join(map(str, numbers)) + " " + env.titles[docname].astext()


def surroundings(app: Sphinx) -> dict[str, str]:
    """Each document's digest of what its page shows that other documents decide."""
    env = app.env
    domain = BriefbookDomain.of(env)
    relations = env.collect_relations()
    pages: defaultdict[str, list[str]] = defaultdict(list)
    for label, page in sorted(pdf_pages(app).items()):
        docname, _, anchor = label.partition(":")
        pages[docname].append(f"{anchor}={page}")
    expansions = domain.expansions
    trees: dict[str, str] = {}
    digests = {}
    for docname in sorted(env.found_docs):
        tree = nav_tree(app, docname)
        if tree not in trees:
            trees[tree] = hashlib.sha256(tree.encode()).hexdigest()
        neighbours: Sequence[str | None] = relations.get(docname, [None, None, None])
        terms = [f"{t}={expansions.get(t, '')}" for t in domain.linked_terms.get(docname, ())]
        # The entries it cites: a LaTeX build may have read it again for them (the shared environment).
        cited = [f"{k}={d}" for k, d in sorted(domain.cited.get(docname, {}).items())]
        # Its date: a chapter's moves with its text, any other page's with the edition.
        dated = publication_date(app, docname)
        neighbours_ = (f"{n}:{_title(env, n)}" for n in neighbours)
        parts = [trees[tree], *neighbours_, *pages[docname], *terms, *cited, dated]
        digests[docname] = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return digests


def _load(record: Path) -> dict[str, str]:
    """The pages' digests in ``record`` (none when it is missing or not a record)."""
    try:
        found = json.loads(record.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose surroundings changed since the last HTML build into this folder."""
    if app.builder.format != "html":
        return []
    # Sphinx caches the root document's doctree on the environment and never
    # drops it (a cached property); the environment is saved after this
    # event, so a tree cached now would be the next build's stale table of
    # contents. Read afresh here and dropped again before it is saved.
    env.__dict__.pop("master_doctree", None)
    current = surroundings(app)
    env.__dict__.pop("master_doctree", None)
    BriefbookDomain.of(env).pending_surroundings = current
    previous = _load(Path(app.outdir) / RECORD)
    if not previous:
        return sorted(current)  # no record: every page
    BriefbookDomain.of(env).pending_previous = previous
    BriefbookDomain.of(env).pending_removed = sorted(set(previous) - set(current))
    return [docname for docname, digest in current.items() if previous.get(docname) != digest]


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Note a page this build writes (its doctree is resolved in the main process, to be written)."""
    if app.builder.format == "html":
        BriefbookDomain.of(app.env).pending_written.add(docname)


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """Keep the digests of the pages written for the next build (after an
    error, the pages' names only: the next one writes every page)."""
    record = Path(app.outdir) / RECORD
    if app.builder.format != "html":
        return
    domain = BriefbookDomain.of(app.env)
    current = domain.pending_surroundings
    if exception is not None or current is None or app.statuscode:
        names = set(current or {}) | set(domain.pending_previous)
        if current is None:  # failed before the last record was read
            names |= set(_load(record))
        record.write_text(json.dumps(dict.fromkeys(sorted(names), ""), indent=0), "utf-8")
        return
    # Sphinx leaves the pages of documents that are gone (an article removed, renamed).
    for docname in domain.pending_removed:
        output = getattr(app.builder, "get_outfilename", None)
        if output is not None and (page := Path(output(docname))).is_file():
            page.unlink()
        for source in (Path(app.outdir) / "_sources").glob(f"{glob.escape(docname)}.*"):
            source.unlink()
    written, previous = domain.pending_written, domain.pending_previous
    kept = {
        docname: digest if docname in written else previous[docname]
        for docname, digest in current.items()
        if docname in written or docname in previous
    }
    record.write_text(json.dumps(kept, sort_keys=True, indent=0), "utf-8")


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("build-finished", on_build_finished)
