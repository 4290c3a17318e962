"""The book's editions as data: what each changed, and the chapters of the last.

Each conversion whose content differs from the last edition's is a new
edition; :mod:`briefbook.analyse.editions` compares it with the one before.
The record (:data:`EDITIONS_FILE`, JSON, in the Sphinx project so that it
is committed with it and survives a fresh clone) holds every edition, oldest
first, and the chapters of the last one (a digest of each paragraph, and the
date of the edition that last changed it). The kept PDFs of earlier editions
are :data:`PDF_DIR`/``<edition id>.pdf``.

Paragraph numbers are those the book prints (¶ n.m, see
:mod:`briefbook.sphinxext.paragraphs`): the lede is ¶ 1 when there is one,
then the paragraphs of the sections.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CHANGES_DOC",
    "EDITIONS_DIR",
    "EDITIONS_DOC",
    "EDITIONS_FILE",
    "PDF_DIR",
    "UNHASHED",
    "ChapterChange",
    "ChapterState",
    "Edition",
    "History",
    "content_hash",
    "dump_history",
    "hashed",
    "load_history",
    "parse_history",
]

EDITIONS_DIR = "_editions"
EDITIONS_FILE = f"{EDITIONS_DIR}/editions.json"
"""Relative to the Sphinx project."""
PDF_DIR = f"{EDITIONS_DIR}/pdf"
"""Relative to the Sphinx project (and to the HTML book): ``<edition id>.pdf``."""
_VERSION = 1


@dataclass(frozen=True, slots=True)
class ChapterState:
    """A chapter as the last edition holds it."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    """A short digest of each numbered paragraph's text, in order."""
    updated: str = ""
    """The date (ISO) of the edition that last changed it; ``""``: none since it came in."""


@dataclass(frozen=True, slots=True)
class ChapterChange:
    """A chapter an edition added, changed or removed."""

    slug: str
    title: str
    number: int
    """Its number in the edition (0: removed)."""
    old_number: int
    """Its number in the edition before (0: added)."""
    paragraphs: tuple[int, ...] = ()
    """Paragraphs new or changed, by their number in the edition."""
    removed_paragraphs: tuple[int, ...] = ()
    """Paragraphs of the edition before that are gone, by their number there."""


@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of the book."""

    id: str
    """``YYYY-MM-DD.<content hash>``, as printed on the PDF and every page."""
    date: str
    content: str
    """The content hash (the same content is the same edition)."""
    previous: str
    """The id of the edition before (``""`` for the first)."""
    added: tuple[ChapterChange, ...] = ()
    changed: tuple[ChapterChange, ...] = ()
    removed: tuple[ChapterChange, ...] = ()
    order: tuple[str, ...] = ()
    """The chapters' slugs in the edition's order (chapter n is ``order[n - 1]``)."""


@dataclass(frozen=True, slots=True)
class History:
    """Every edition, oldest first, and the chapters of the last."""

    editions: tuple[Edition, ...] = ()
    chapters: tuple[ChapterState, ...] = ()

    @property
    def last(self) -> Edition | None:
        return self.editions[-1] if self.editions else None


def _change(data: dict[str, object]) -> ChapterChange:
    return ChapterChange(
        str(data["slug"]),
        str(data["title"]),
        int(str(data["number"])),
        int(str(data["old_number"])),
        tuple(int(n) for n in data["paragraphs"]),  # type: ignore[attr-defined]
        tuple(int(n) for n in data["removed_paragraphs"]),  # type: ignore[attr-defined]
    )


def _edition(data: dict[str, object]) -> Edition:
    changes = {
        kind: tuple(_change(c) for c in data[kind])  # type: ignore[attr-defined]
        for kind in ("added", "changed", "removed")
    }
    return Edition(
        str(data["id"]),
        str(data["date"]),
        str(data["content"]),
        str(data["previous"]),
        changes["added"],
        changes["changed"],
        changes["removed"],
        tuple(str(s) for s in data["order"]),  # type: ignore[attr-defined]
    )


def load_history(text: str | None) -> History:
    """The record as :func:`dump_history` writes it; anything else (none, damaged) is no history."""
    try:
        return parse_history(text or "")
    except ValueError:
        return History()


def parse_history(text: str) -> History:
    """The record as :func:`dump_history` writes it; raises :class:`ValueError`
    (saying what is wrong) for any other text."""
    try:
        data = json.loads(text)
        editions = tuple(_edition(e) for e in data["editions"])
        chapters = tuple(
            ChapterState(
                str(c["slug"]), str(c["title"]), tuple(str(p) for p in c["paragraphs"]), str(c["updated"])
            )
            for c in data["chapters"]
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"no record of editions ({type(exc).__name__}: {exc})") from exc
    return History(editions, chapters)


def _change_data(change: ChapterChange) -> dict[str, object]:
    return {
        "slug": change.slug,
        "title": change.title,
        "number": change.number,
        "old_number": change.old_number,
        "paragraphs": list(change.paragraphs),
        "removed_paragraphs": list(change.removed_paragraphs),
    }


def dump_history(history: History) -> str:
    """The record as JSON (deterministic: the same history, the same bytes)."""
    data = {
        "version": _VERSION,
        "editions": [
            {
                "id": e.id,
                "date": e.date,
                "content": e.content,
                "previous": e.previous,
                "added": [_change_data(c) for c in e.added],
                "changed": [_change_data(c) for c in e.changed],
                "removed": [_change_data(c) for c in e.removed],
                "order": list(e.order),
            }
            for e in history.editions
        ],
        "chapters": [
            {"slug": c.slug, "title": c.title, "paragraphs": list(c.paragraphs), "updated": c.updated}
            for c in history.chapters
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


CHANGES_DOC = "whatsnew"
"""The page "Mới trong ấn bản này" (a document of the project, not hashed: see :func:`content_hash`)."""
EDITIONS_DOC = "editions"
"""The page "Các ấn bản"."""
UNHASHED = frozenset({f"{CHANGES_DOC}.md", f"{EDITIONS_DOC}.md"})
"""The pages about editions: they name the edition, so they are not part of its content."""


def hashed(rel: str) -> bool:
    """Whether the project's file ``rel`` (POSIX, relative) is part of the edition's content."""
    first = rel.split("/", 1)[0]
    return not first.startswith(("_", ".")) and rel.endswith((".md", ".bib")) and rel not in UNHASHED


def content_hash(files: Iterable[tuple[str, bytes]]) -> str:
    """A short hash of the book's sources: its Markdown and BibTeX files but
    the pages about editions (``files``: relative path and bytes)."""
    digest = hashlib.sha256()
    for rel, data in sorted(files):
        if hashed(rel):
            digest.update(rel.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:8]
