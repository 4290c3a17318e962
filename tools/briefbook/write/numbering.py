"""Chapter numbers between editions: what moved is said on the front page.

Within an edition the chapter numbers are fixed (a citation of "¶ 7.2" names
the edition). Adding or removing articles renumbers the chapters after them,
so each build compares the book's chapter order (the front page's table of
contents) with that of the last edition built with other content, and the
front page lists the chapters whose number changed and those that left the
book ("Chương 7 “...” của ấn bản 2026-11-30.ab12cd34 nay là chương 6").
Building the same content again keeps the same notice.

The state (:data:`STATE_FILE`) and the notice Sphinx reads (:data:`NOTICE_FILE`,
see :mod:`briefbook.sphinxext.numbering`) live in ``_build/briefbook/``; the
state moves on only after a successful build. The functions here are pure;
:mod:`briefbook.build` reads and writes the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "NOTICE_FILE",
    "STATE_FILE",
    "Change",
    "Numbering",
    "changes",
    "chapter_docs",
    "dump_numbering",
    "load_numbering",
    "next_numbering",
    "render_notice",
]

STATE_FILE = "_build/briefbook/numbering.json"
NOTICE_FILE = "_build/briefbook/renumbered.json"
"""Relative to the Sphinx project (the value of ``briefbook_renumbered``)."""

_TOCTREE_ENTRY = re.compile(r"^(chapters/[^\s<>]+)$", re.M)


def chapter_docs(index_md: str) -> list[str]:
    """The chapters' documents in book order, from the front page's first
    toctree that lists chapters (the one of the overview pages comes before)."""
    for block in index_md.split("{toctree}")[1:]:
        found = _TOCTREE_ENTRY.findall(block)
        if found:
            return list(found)
    return []


@dataclass(frozen=True, slots=True)
class Change:
    """A chapter of the earlier edition whose number changed (``new`` 0: it left the book)."""

    title: str
    old: int
    new: int


def changes(previous: Sequence[tuple[str, str]], current: Sequence[str]) -> list[Change]:
    """What happened to each chapter ``(document, title)`` of the earlier edition."""
    numbers = {doc: n for n, doc in enumerate(current, start=1)}
    return [
        Change(title, n, numbers.get(doc, 0))
        for n, (doc, title) in enumerate(previous, start=1)
        if numbers.get(doc, 0) != n
    ]


@dataclass(frozen=True, slots=True)
class Numbering:
    """The last edition built, and what its front page says about the one before."""

    edition: str = ""
    content: str = ""
    """The content part of the edition: the same content is the same edition."""
    chapters: tuple[tuple[str, str], ...] = ()
    since: str = ""
    """The earlier edition the changes are counted from."""
    changes: tuple[Change, ...] = ()


def load_numbering(text: str | None) -> Numbering:
    """The state as written by :func:`dump_numbering`; anything else is no state."""
    try:
        data = json.loads(text or "")
        return Numbering(
            str(data["edition"]),
            str(data["content"]),
            tuple((str(doc), str(title)) for doc, title in data["chapters"]),
            str(data["since"]),
            tuple(Change(str(t), int(o), int(n)) for t, o, n in data["changes"]),
        )
    except (ValueError, KeyError, TypeError):
        return Numbering()


def dump_numbering(state: Numbering) -> str:
    data = {
        "edition": state.edition,
        "content": state.content,
        "chapters": [list(c) for c in state.chapters],
        "since": state.since,
        "changes": [[c.title, c.old, c.new] for c in state.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def next_numbering(state: Numbering, edition: str, chapters: Sequence[tuple[str, str]]) -> Numbering:
    """The state after building ``edition`` with ``chapters``."""
    content = edition.rsplit(".", 1)[-1]
    if state.content == content:
        return state
    if not state.chapters:
        return Numbering(edition, content, tuple(chapters))
    found = changes(state.chapters, [doc for doc, _ in chapters])
    return Numbering(edition, content, tuple(chapters), state.edition, tuple(found))


def render_notice(state: Numbering) -> str:
    """What the front page's ``briefbook-renumbered`` directive reads (JSON)."""
    data = {"since": state.since, "changes": [[c.title, c.old, c.new] for c in state.changes]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
