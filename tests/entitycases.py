"""What the entity tests ask of a text: the people, organisations and places found in it."""

from __future__ import annotations

import unicodedata

from briefbook.analyse.entities import find_mentions
from briefbook.core.records import EntityKind

Named = tuple[EntityKind, str]


def found(text: str) -> set[Named]:
    """Each mention's kind and surface in ``text`` (NFC)."""
    return {(kind, surface) for kind, surface, _ in find_mentions(unicodedata.normalize("NFC", text))}


def organisations(text: str) -> set[str]:
    """The surfaces of the organisations found in ``text``."""
    return {surface for kind, surface in found(text) if kind is EntityKind.ORGANISATION}
