"""The bibliography style: pybtex's ``plain``, each entry formatted once.

sphinxcontrib-bibtex formats every entry of every bibliography on every
build (twice: for the list and for the citation's tooltip), which was most
of the time a one-article HTML rebuild of a 1,000-article book took. So
:class:`Style` remembers what it formatted, by everything the formatting
depends on (:func:`entry_key`: the style's parts, the label, the entry's
type, fields and names, the versions of pybtex and latexcodec and this
module's code), and the
build keeps that in :class:`~.domain.BriefbookDomain`'s ``formatted`` data
for the next build (:func:`on_builder_inited`, :func:`on_env_updated`): an
unchanged entry is not formatted again, nor one whose label alone changed (its
number, when a new entry sorts before it: the text does not show it). An entry with a cross-reference
(which could draw on other entries) or formatted with ``bib_data`` is always
formatted afresh.

pybtex makes the style from its name, with no way to the environment: the
builder's start registers, under :data:`STYLE_NAME`, a subclass of
:class:`Style` that holds this build's :class:`Memo`. The domain's copy is
only read and written in Sphinx's main process (builder-inited,
env-updated); parallel readers work with their own copy of the memo and
give nothing back, so the extension stays parallel-safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pybtex.plugin
from docutils import nodes
from latexcodec import codec as latex_codec
from pybtex.backends import plaintext
from pybtex.style import FormattedEntry
from pybtex.style.formatting.plain import Style as PlainStyle

from briefbook.sphinxext.domain import BriefbookDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "STYLE_NAME",
    "Style",
    "entry_key",
    "on_builder_inited",
    "on_doctree_resolved",
    "on_env_updated",
    "register",
    "setup",
]

STYLE_NAME = "briefbook"

_CODE = hashlib.sha256(
    Path(__file__).read_bytes() + f"{metadata.version('pybtex')} {metadata.version('latexcodec')}".encode()
).hexdigest()

Key = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Memo:
    """The formatted entries of the previous build (from the domain) and
    those of this one (given to the domain when the environment is updated)."""

    previous: Mapping[Key, Any] = field(default_factory=dict)
    current: dict[Key, Any] = field(default_factory=dict)
    texts: dict[Key, Any] = field(default_factory=dict)
    """The entries' texts by their keys without the label (:func:`_unlabelled`),
    filled from :attr:`previous` at the first use."""

    def text(self, unlabelled: Key) -> Any:
        """The text of an entry formatted before under another label, or ``None``."""
        if not self.texts and self.previous:
            self.texts.update((_unlabelled(k), v.text) for k, v in self.previous.items())
        return self.texts.get(unlabelled)


_LABEL = 5
"""The label's place in an :func:`entry_key`."""


def _unlabelled(key: Key) -> Key:
    """The key without its label: the plain style's templates do not show the
    label (pybtex keeps it beside the text), so an entry whose number moved
    (a new entry sorted before it) has the same text."""
    return key[:_LABEL] + key[_LABEL + 1 :]


def _names(person: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(getattr(person, part))
        for part in ("first_names", "middle_names", "prelast_names", "last_names", "lineage_names")
    )


def entry_key(style: Any, label: str, entry: Any) -> Key | None:
    """What formatting ``entry`` with ``label`` depends on; ``None`` when it
    may depend on other entries (a cross-reference)."""
    if "crossref" in entry.fields:
        return None
    parts = (style.label_style, style.name_style, style.sorting_style)
    return (
        _CODE,
        type(style).__qualname__,
        tuple(f"{type(p).__module__}.{type(p).__qualname__}" for p in parts),
        style.abbreviate_names,
        style.min_crossrefs,
        label,
        entry.key,
        entry.type,
        tuple((name.lower(), value) for name, value in entry.fields.items()),
        tuple(
            (role.lower(), tuple(_names(person) for person in people))
            for role, people in entry.persons.items()
        ),
    )


class Style(PlainStyle):  # type: ignore[misc]
    """``plain``, with :meth:`format_entry` remembered (see the module docstring)."""

    memo = Memo()

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> Any:
        key = entry_key(self, label, entry) if bib_data is None else None
        if key is None:
            return super().format_entry(label, entry, bib_data)
        memo = self.memo
        formatted = memo.current.get(key)
        if formatted is None:
            formatted = memo.previous.get(key)
            if formatted is None:
                text = memo.text(_unlabelled(key))
                if text is None:
                    formatted = super().format_entry(label, entry)
                else:
                    formatted = FormattedEntry(entry.key, text, label)
            memo.current[key] = formatted
            memo.texts[_unlabelled(key)] = formatted.text
        return formatted


def _register_style(memo: Memo) -> None:
    style = type("Style", (Style,), {"memo": memo, "__module__": __name__})
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, style, force=True)


# references.bib writes TeX's active characters as the commands that print
# them (briefbook.write.bibliography.bibtex_text); latexcodec, which pybtex decodes
# fields with, knows \textbackslash but not these. A brace cannot come out
# of the decoding as itself (pybtex's parser would take it for a group), so
# it comes out as a noncharacter, put back in the finished doctree.
_BRACES = {"\ufdd1": "{", "\ufdd2": "}"}
_DECODINGS = (
    (r"\textbraceleft", "\ufdd1"),
    (r"\textbraceright", "\ufdd2"),
    (r"\textasciicircum", "^"),
    (r"\$", "$"),
)


def _register_decodings() -> None:
    table = latex_codec._LATEX_UNICODE_TABLE
    for latex, char in _DECODINGS:
        translation = latex_codec.UnicodeLatexTranslation(
            unicode=char, latex=latex, encode=False, decode=True, text_mode=True, math_mode=False
        )
        table.register(translation)


def _restore(text: str) -> str:
    for held, brace in _BRACES.items():
        text = text.replace(held, brace)
    return text


def _held(text: str) -> bool:
    return any(held in text for held in _BRACES)


#: An undated article's citation label: sphinxcontrib-bibtex writes the
#: English "n.d." (hard-coded in its ``year`` template node).
NO_YEAR = "không rõ năm"
_ENGLISH_NO_YEAR = "n.d."


def _is_citation(reference: nodes.reference) -> bool:
    target = str(reference.get("refuri", "")) + str(reference.get("refid", ""))
    return "cite-" in target


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put back the braces of formatted entries (see :data:`_BRACES`), in
    text and in attributes (a citation's tooltip); an undated citation says
    so in Vietnamese."""
    for reference in list(doctree.findall(nodes.reference)):
        if not _is_citation(reference):
            continue
        for text in list(reference.findall(nodes.Text)):
            if str(text).endswith(_ENGLISH_NO_YEAR):
                text.parent.replace(text, nodes.Text(str(text)[: -len(_ENGLISH_NO_YEAR)] + NO_YEAR))
    for text in list(doctree.findall(nodes.Text)):
        if _held(text):
            text.parent.replace(text, nodes.Text(_restore(str(text))))
    for element in doctree.findall(nodes.Element):
        for name, value in element.attributes.items():
            if isinstance(value, str) and _held(value):
                element[name] = _restore(value)


def register() -> None:
    """Make the style known to pybtex as ``briefbook``.

    Also register pybtex's plain-text backend by name: sphinxcontrib-bibtex
    looks it up for every citation it resolves, and each lookup of an
    installed plugin scans every package's entry points (13 s of a
    1,000-chapter LaTeX build); a registered plugin is found in a dictionary.
    """
    _register_decodings()
    _register_style(Memo())
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", plaintext.Backend, force=True)


def on_builder_inited(app: Sphinx) -> None:
    """Start a build with the previous build's formatted entries."""
    _register_style(Memo(dict(BriefbookDomain.of(app.env).formatted)))


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Keep this build's formatted entries (sphinxcontrib-bibtex has just
    formatted all of them) in the domain, which Sphinx saves."""
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", STYLE_NAME)
    BriefbookDomain.of(env).formatted = dict(style.memo.current)


def setup(app: Sphinx) -> None:
    """Before sphinxcontrib-bibtex is set up: the style is known by name."""
    register()
    app.connect("builder-inited", on_builder_inited)
    # After sphinxcontrib-bibtex's own handler, which formats the entries.
    app.connect("env-updated", on_env_updated, priority=900)
    app.connect("doctree-resolved", on_doctree_resolved)
