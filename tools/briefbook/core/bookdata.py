"""The converter's data for Sphinx: one typed JSON file, not prose to re-parse.

``convert`` writes :data:`BOOK_DATA_FILE` beside the pages: the book's
settings, its glossary (each abbreviation with its long form and English
gloss) and its register (each person, organisation and place with the other
forms of its name). The Sphinx extension reads it with
:func:`load_book_data` instead of recovering the abbreviations from the
glossary page's layout, so the page can change without the search's
synonyms or the links' tooltips noticing.

The file is deterministic (sorted keys, the records in the book's order)
and carries a format number; a file of another format, not JSON, or of the
wrong shape is refused with :class:`BookDataError` naming the file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefbook.core.records import EntityKind
from briefbook.core.settings import BookSettings, PartsMode, SettingsError

__all__ = [
    "BOOK_DATA_FILE",
    "FORMAT",
    "BookData",
    "BookDataError",
    "Name",
    "Term",
    "dump_book_data",
    "load_book_data",
]

BOOK_DATA_FILE = "_briefbook.json"
FORMAT = 1


class BookDataError(ValueError):
    """A book data file that cannot be read, with the file's name."""


@dataclass(frozen=True, slots=True)
class Term:
    """An abbreviation of the book's glossary."""

    abbr: str
    expansion: str
    english: str = ""


@dataclass(frozen=True, slots=True)
class Name:
    """A person, organisation or place of the book's register."""

    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BookData:
    """What the converter tells Sphinx about the book."""

    settings: BookSettings
    glossary: tuple[Term, ...] = ()
    """In the glossary's (Vietnamese alphabetical) order."""
    register: tuple[Name, ...] = ()
    """In the register's order."""


def dump_book_data(data: BookData) -> str:
    """``data`` as the text of :data:`BOOK_DATA_FILE` (deterministic)."""
    document = {
        "format": FORMAT,
        "settings": {
            "title": data.settings.title,
            "author": data.settings.author,
            "parts": data.settings.parts,
        },
        "glossary": [{"abbr": t.abbr, "expansion": t.expansion, "english": t.english} for t in data.glossary],
        "register": [
            {"kind": n.kind.name, "name": n.name, "aliases": list(n.aliases)} for n in data.register
        ],
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _text(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise BookDataError(f"{where}: {key!r} is not text")
    return value


def _records(document: Mapping[str, Any], key: str, source: str) -> list[Mapping[str, Any]]:
    records = document.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise BookDataError(f"{source}: {key!r} is not a list of records")
    return records


def load_book_data(text: str, source: str = BOOK_DATA_FILE) -> BookData:
    """The :class:`BookData` of a file's ``text``; ``source`` names the file in errors."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BookDataError(f"{source}: line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(document, dict):
        raise BookDataError(f"{source}: not a JSON object")
    if document.get("format") != FORMAT:
        raise BookDataError(
            f"{source}: format {document.get('format')!r}, not {FORMAT}: convert the articles again"
        )
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        raise BookDataError(f"{source}: 'settings' is not a record")
    try:
        book = BookSettings(
            _text(settings, "title", source) or BookSettings().title,
            _text(settings, "author", source),
            PartsMode.of(_text(settings, "parts", source) or PartsMode.AUTO, source),
            source=source,
        )
    except SettingsError as exc:
        raise BookDataError(str(exc)) from None
    terms = []
    for n, record in enumerate(_records(document, "glossary", source), start=1):
        where = f"{source}: glossary entry {n}"
        term = Term(
            _text(record, "abbr", where), _text(record, "expansion", where), _text(record, "english", where)
        )
        if not term.abbr or not term.expansion:
            raise BookDataError(f"{where}: an abbreviation and its long form are needed")
        terms.append(term)
    names = []
    for n, record in enumerate(_records(document, "register", source), start=1):
        where = f"{source}: register entry {n}"
        kind = _text(record, "kind", where)
        if kind not in EntityKind.__members__:
            raise BookDataError(f"{where}: kind {kind!r} is not one of {', '.join(EntityKind.__members__)}")
        aliases = record.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise BookDataError(f"{where}: 'aliases' is not a list of texts")
        names.append(Name(EntityKind[kind], _text(record, "name", where), tuple(aliases)))
    return BookData(book, tuple(terms), tuple(names))
