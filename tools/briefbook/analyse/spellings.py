"""Spellings of one abbreviation ("TP.HCM", "TPHCM", "TP-HCM") with one
meaning: one glossary entry with every term (:func:`merge_spellings`)."""

from __future__ import annotations

from briefbook.core.records import GlossaryEntry

__all__ = ["merge_spellings"]


def _spelling(abbr: str) -> str:
    """What two spellings of one abbreviation share ("TP.HCM", "TPHCM", "TP-HCM")."""
    return abbr.replace(".", "").replace("-", "").casefold()


def merge_spellings(entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """One entry for the spellings of one abbreviation with one meaning: the
    spelling most chapters use (on a tie, the first in order), the others
    as its variants; the chapters and places of all, in order."""
    groups: dict[tuple[str, str], list[GlossaryEntry]] = {}
    for entry in entries:
        groups.setdefault((_spelling(entry.abbr), entry.expansion.casefold()), []).append(entry)
    merged = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        main = max(group, key=lambda e: (len(e.used_in), -group.index(e)))
        defined = next((e for e in group if e.origin), main)
        merged.append(
            GlossaryEntry(
                main.abbr,
                defined.expansion,
                defined.english or main.english,
                defined.origin,
                tuple(dict.fromkeys(s for e in group for s in e.used_in)),
                tuple(dict.fromkeys(p for e in group for p in e.places)),
                tuple(e.abbr for e in group if e is not main),
            )
        )
    return merged
