"""Headings that break between words, not inside one (HTML).

A Vietnamese word is often two or three syllables, each set apart by a
space ("y tế", "hợp tác"), so a browser breaks a heading inside a word as
readily as between two ("… về y" / "tế"). Each compound word of a title
that underthesea's dictionary (Viet74K, read by :mod:`briefbook.core.gazetteer`)
knows is wrapped in a ``<span class="briefbook-word">`` that the CSS keeps
on one line. The text itself is unchanged (no character added).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from briefbook.core.gazetteer import load_rules

if TYPE_CHECKING:
    from sphinx.application import Sphinx

WORD_CLASS = "briefbook-word"
_SYLLABLE = re.compile(r"\S+")
# Punctuation around a syllable that does not belong to the word.
_EDGES = "\"'“”‘’()[]«»,.:;!?…–—-"


def compound_spans(text: str, compounds: frozenset[str]) -> list[tuple[int, int]]:
    """Start and end offsets of the compound words in ``text``, longest first, left to right."""
    syllables = list(_SYLLABLE.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(syllables):
        for size in (3, 2):
            group = syllables[i : i + size]
            if len(group) < size:
                continue
            inner = [m.group() for m in group]
            # Only the first syllable may open with, the last close with, punctuation.
            if any(s.strip(_EDGES) != s for s in inner[1:-1]) or inner[0].rstrip(_EDGES) != inner[0]:
                continue
            if inner[-1].lstrip(_EDGES) != inner[-1]:
                continue
            word = " ".join([inner[0].lstrip(_EDGES), *inner[1:-1], inner[-1].rstrip(_EDGES)]).lower()
            if word in compounds:
                spans.append((group[0].start(), group[-1].end()))
                i += size
                break
        else:
            i += 1
    return spans


def _split(text: nodes.Text, compounds: frozenset[str]) -> list[nodes.Node]:
    value = str(text)
    parts: list[nodes.Node] = []
    at = 0
    for start, end in compound_spans(value, compounds):
        if start > at:
            parts.append(nodes.Text(value[at:start]))
        parts.append(nodes.inline(value[start:end], value[start:end], classes=[WORD_CLASS]))
        at = end
    if at < len(value):
        parts.append(nodes.Text(value[at:]))
    return parts


class KeepWordsTogether(SphinxPostTransform):
    """Wrap the compound words of the front page's titles (HTML only)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        # The front page's: a chapter's headings are article text, which the
        # search page reads back from the HTML.
        if self.env.docname != self.config.root_doc:
            return
        compounds = load_rules().compounds
        for title in self.document.findall(nodes.title):
            if not isinstance(title.parent, nodes.section):
                continue
            for text in list(title.findall(nodes.Text)):
                parts = _split(text, compounds)
                if len(parts) > 1 or (parts and not isinstance(parts[0], nodes.Text)):
                    text.parent.replace(text, parts)


def setup(app: Sphinx) -> None:
    app.add_post_transform(KeepWordsTogether)
