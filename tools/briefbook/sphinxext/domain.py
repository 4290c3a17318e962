"""The extension's state across documents and builds: one Sphinx domain.

Everything the extension remembers beyond one document lives in
:class:`BriefbookDomain`'s data, which Sphinx keeps in its environment
(saved between builds, copied into each parallel reader), as
sphinxcontrib-bibtex and ``sphinx.ext.todo`` do:

- ``cited``: per document, the digest of each BibTeX entry it cites
  (:mod:`.bibdeps`). :meth:`~BriefbookDomain.clear_doc` forgets a document
  read again or removed; :meth:`~BriefbookDomain.merge_domaindata` takes a
  parallel reader's documents into the main process's data.
- ``formatted``: the bibliography entries the last build formatted
  (:mod:`.bibstyle`), kept for the next.
- ``linked_terms``: per document, the texts of its glossary links
  (:mod:`.surroundings`), cleared and merged as ``cited`` is.
- ``terms``: the book's abbreviations and their long forms, read when the
  builder starts from the converter's data file (:mod:`.search` for the
  search's synonyms, :mod:`.tooltips` for the links' titles).

What is only a cache of one build (the rendered sidebar, :mod:`.navigation`;
the pages' digests until they are saved, :mod:`.surroundings`)
is an attribute of the domain object, which each build makes afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain

from briefbook.core.bookdata import Term

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["BriefbookDomain", "setup"]


class BriefbookDomain(Domain):
    """The cross-document state of briefbook's extension (no roles or directives)."""

    name = "briefbook"
    label = "briefbook"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"cited": {}, "formatted": {}, "terms": (), "linked_terms": {}}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.nav_cache: dict[tuple[int, str | None], str] = {}
        self.pending_surroundings: dict[str, str] | None = None
        self.pending_removed: list[str] = []
        self.pending_previous: dict[str, str] = {}
        self.pending_written: set[str] = set()
        self._expansions: tuple[tuple[Term, ...], dict[str, str]] = ((), {})

    @staticmethod
    def of(env: BuildEnvironment) -> BriefbookDomain:
        return cast("BriefbookDomain", env.get_domain(BriefbookDomain.name))

    @property
    def cited(self) -> dict[str, dict[str, str]]:
        """Document name -> {citation key: digest of the entry, or "" when missing}."""
        found: dict[str, dict[str, str]] = self.data.setdefault("cited", {})
        return found

    @property
    def formatted(self) -> dict[Any, Any]:
        """The formatted entries of the last build, by :func:`.bibstyle.entry_key`."""
        found: dict[Any, Any] = self.data.setdefault("formatted", {})
        return found

    @formatted.setter
    def formatted(self, entries: dict[Any, Any]) -> None:
        self.data["formatted"] = entries

    @property
    def terms(self) -> tuple[Term, ...]:
        """The book's abbreviations (from the converter's data file)."""
        found: tuple[Term, ...] = self.data.get("terms", ())
        return found

    @terms.setter
    def terms(self, terms: Iterable[Term]) -> None:
        self.data["terms"] = tuple(terms)

    @property
    def expansions(self) -> dict[str, str]:
        """Abbreviation (case-folded) -> its long form, from :attr:`terms`."""
        terms, expansions = self._expansions
        if terms is not self.terms:
            expansions = {term.abbr.casefold(): term.expansion for term in self.terms}
            self._expansions = (self.terms, expansions)
        return expansions

    @property
    def linked_terms(self) -> dict[str, list[str]]:
        """Document name -> the texts (case-folded) of its glossary links (:mod:`.surroundings`)."""
        found: dict[str, list[str]] = self.data.setdefault("linked_terms", {})
        return found

    def clear_doc(self, docname: str) -> None:
        self.cited.pop(docname, None)
        self.linked_terms.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        theirs: dict[str, dict[str, str]] = otherdata.get("cited", {})
        linked: dict[str, list[str]] = otherdata.get("linked_terms", {})
        for docname in docnames:
            if docname in theirs:
                self.cited[docname] = theirs[docname]
            if docname in linked:
                self.linked_terms[docname] = linked[docname]

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []


def setup(app: Sphinx) -> None:
    app.add_domain(BriefbookDomain)
