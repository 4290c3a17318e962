"""A chapter depends on the entries it cites, not on the whole BibTeX file.

sphinxcontrib-bibtex makes every document with a ``footbibliography``
depend on ``references.bib``: adding one article (one new entry) or
correcting one article's date made Sphinx read every chapter again
(a third of a 1,000-chapter rebuild). Instead, when a document is read
(:func:`on_doctree_read`), the digest of each entry it cites (``cite`` and
``footcite``) is kept in the environment and the dependency on the file is
dropped; before a build reads anything (:func:`on_env_get_outdated`), the
documents whose cited entries changed, appeared or disappeared are read
again. A document with a ``bibliography`` directive (the references page)
keeps its dependency on the file, as does one citing an entry with a
cross-reference (which could draw on other entries).

Parallel-safe: the digests are :class:`~.domain.BriefbookDomain`'s
``cited`` data, which each reader records for its own documents and the
domain merges into the main process's environment.
"""

from __future__ import annotations

import functools
import hashlib
import os
from typing import TYPE_CHECKING, Any

import pybtex.plugin
from pybtex.plugin import find_plugin
from sphinx import addnodes
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.nodes import bibliography

from briefbook.sphinxext.bibstyle import entry_key
from briefbook.sphinxext.domain import BriefbookDomain

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["on_doctree_read", "on_env_get_outdated", "setup"]

_MISSING = ""


def _cited(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    return BriefbookDomain.of(env).cited


def _style(env: BuildEnvironment) -> Any:
    return find_plugin("pybtex.style.formatting", env.config.bibtex_default_style)()


def _entries(env: BuildEnvironment) -> Mapping[str, Any]:
    return env.get_domain("cite").bibdata.data.entries  # type: ignore[attr-defined,no-any-return]


def _digest(style: Any, entry: Any) -> str | None:
    """What the entry's formatting depends on, as a digest; ``None`` when
    it may depend on other entries."""
    if entry is None:
        return _MISSING
    key = entry_key(style, "", entry)
    return None if key is None else hashlib.sha256(repr(key).encode()).hexdigest()


def _keys(env: BuildEnvironment, doctree: nodes.document) -> set[str]:
    keys = {
        target.key
        for node in doctree.findall(addnodes.pending_xref)
        if node.get("refdomain") == "cite"
        for target in parse_citation_targets(node["reftarget"])
    }
    keys.update(env.temp_data.get("bibtex_foot_old_refs") or ())
    return keys


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Trade the document's dependency on the BibTeX files for the digests
    of the entries it cites."""
    env = app.env
    docname = env.docname
    _cited(env).pop(docname, None)
    if next(iter(doctree.findall(bibliography)), None) is not None:
        return
    entries, style = _entries(env), _style(env)
    digests: dict[str, str] = {}
    for key in sorted(_keys(env, doctree)):
        digest = _digest(style, entries.get(key))
        if digest is None:
            return
        digests[key] = digest
    bibfiles = {os.path.realpath(path) for path in env.get_domain("cite").bibdata.bibfiles}  # type: ignore[attr-defined]
    dependencies = env.dependencies.get(docname)
    if dependencies:
        for path in [p for p in dependencies if os.path.realpath(p) in bibfiles]:
            dependencies.discard(path)
    if digests:
        _cited(env)[docname] = digests


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> Iterable[str]:
    """The documents whose cited entries are not those they were read with."""
    cited = _cited(env)
    if not cited:
        return []
    entries, style = _entries(env), _style(env)
    digests: dict[str, str | None] = {}

    def current(key: str) -> str | None:
        if key not in digests:
            digests[key] = _digest(style, entries.get(key))
        return digests[key]

    return sorted(
        docname
        for docname, keys in cited.items()
        if docname not in changed
        and docname not in removed
        and any(current(key) != digest for key, digest in keys.items())
    )


def remember_entry_points() -> None:
    """pybtex looks its plugins up in the installed packages' entry points
    at each use: a formatting style (made for every chapter read, by this
    module and by sphinxcontrib-bibtex's ``footcite``) looks up five, and
    each look-up reads every installed package's metadata (12 of the 46 s
    of reading 77 chapters, under a profiler). The installed packages do not
    change during a build: each look-up is made once (plugins registered at
    run time are still found first, by pybtex itself)."""
    lookup = pybtex.plugin.entry_points
    if not hasattr(lookup, "cache_info"):
        pybtex.plugin.entry_points = functools.lru_cache(maxsize=None)(lookup)


def setup(app: Sphinx) -> None:
    remember_entry_points()
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-get-outdated", on_env_get_outdated)
