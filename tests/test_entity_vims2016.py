"""Where a body's name ends, and when two forms name one body, from the
errors of the ViMs 2016 gold set (issue 18).

Every sentence is cut verbatim from tests/fixtures/entities/vims2016 (the file
is given with each case): the rules written on these errors make that set in
sample for them (tests/fixtures/entities/vims2016/RESULTS.md).
"""

from __future__ import annotations

import unicodedata

from briefbook.analyse.entities import entity_key, find_mentions
from briefbook.core.records import EntityKind

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE

Named = tuple[EntityKind, str]


def _found(text: str) -> set[Named]:
    return {(kind, surface) for kind, surface, _ in find_mentions(unicodedata.normalize("NFC", text))}


def _orgs(text: str) -> set[str]:
    return {surface for kind, surface in _found(text) if kind is ORG}


def test_an_abbreviation_with_or_without_its_ampersand_is_one_body() -> None:
    # hop-bao-chinh-phu-nguyen-nhan-ca-chet: "Bộ trưởng Bộ TTTT Trương Minh Tuấn" ... "Bộ trưởng Bộ TT&TT".
    assert entity_key(ORG, "Bộ TT&TT") == entity_key(ORG, "Bộ TTTT")
    assert entity_key(ORG, "Bộ NN&PTNT") == entity_key(ORG, "Bộ NN-PTNT")
    assert entity_key(ORG, "Bộ TT&TT") != entity_key(ORG, "Bộ TN&MT")
