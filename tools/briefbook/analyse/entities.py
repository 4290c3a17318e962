"""People, organisations and places named in the articles.

The stages live in their own modules: :mod:`briefbook.gazetteer` (the rule
data, the words of a text, what two forms of a name share),
:mod:`briefbook.scan`, :mod:`briefbook.bodies` and :mod:`briefbook.mentions`
(the mention finder, one method per pattern: organisations, then people and
places) and :mod:`briefbook.register` (an article's mentions, the book's
entities). This module gathers what the rest of briefbook uses.
"""

from __future__ import annotations

from briefbook.analyse.mentions import find_mentions
from briefbook.analyse.register import (
    Register,
    article_mentions,
    book_mentions,
    build_register,
    organisation_abbreviations,
)
from briefbook.core.entitykey import entity_key, strip_titles
from briefbook.core.gazetteer import is_place

__all__ = [
    "Register",
    "article_mentions",
    "book_mentions",
    "build_register",
    "entity_key",
    "find_mentions",
    "is_place",
    "organisation_abbreviations",
    "strip_titles",
]
