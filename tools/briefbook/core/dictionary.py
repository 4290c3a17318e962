"""The shipped dictionaries of abbreviations, from ``data/``.

briefbook's own ``abbreviations.tsv`` (with English glosses and the kind of
each abbreviation), then soe-vinorm's list for the abbreviations it lacks.
The glossary (:mod:`briefbook.analyse.glossary`) defines from them what the
book's text does not; the Sphinx extension falls back on them for a project
without the converter's data.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

__all__ = ["DictionaryEntry", "DictionaryKind", "load_dictionary"]


class DictionaryKind(Enum):
    """What an abbreviation of the dictionary stands for (its ``kind`` column)."""

    ORGANISATION = "organisation"
    TITLE = "title"
    PLACE = "place"
    TERM = "term"
    PROGRAMME = "programme"
    MEDIA = "media"
    UNKNOWN = ""
    """soe-vinorm's list says no kind."""


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One meaning of an abbreviation in the shipped dictionaries."""

    abbr: str
    expansion: str
    english: str
    kind: DictionaryKind
    context: str = ""
    """A regular expression the text right after the abbreviation must match
    for this meaning ("BS 51A-123": biển số); empty for the usual meaning."""


@cache
def load_dictionary() -> dict[str, tuple[DictionaryEntry, ...]]:
    """The shipped dictionaries, by abbreviation: briefbook's own
    (``abbreviations.tsv``, with English glosses), then soe-vinorm's list for
    the abbreviations it lacks. Several entries mean several meanings."""
    data = resources.files("briefbook").joinpath("data")
    text = data.joinpath("abbreviations.tsv").read_text("utf-8")
    rows = csv.DictReader(
        io.StringIO("".join(line for line in text.splitlines(True) if not line.startswith("#"))),
        delimiter="\t",
    )
    entries: dict[str, list[DictionaryEntry]] = {}
    for row in rows:
        entry = DictionaryEntry(
            row["abbr"],
            row["expansion"],
            row["english"],
            DictionaryKind(row["kind"]),
            row.get("context") or "",
        )
        entries.setdefault(entry.abbr, []).append(entry)
    for line in data.joinpath("abbreviations-soe-vinorm.txt").read_text("utf-8").splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        abbr, meanings = line.split(":", 1)
        if abbr not in entries:
            entries[abbr] = [
                DictionaryEntry(abbr, m.strip(), "", DictionaryKind.UNKNOWN)
                for m in meanings.split(",")
                if m.strip()
            ]
    return {abbr: tuple(senses) for abbr, senses in entries.items() if senses}
