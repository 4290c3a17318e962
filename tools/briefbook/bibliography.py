"""Articles to ``references.bib``, written by pybtex.

One ``@misc`` entry per article (``@misc`` because pybtex's styles demand
neither an author nor a year for it, and many articles lack one). Person
names are kept whole: a Vietnamese name is not "Last, First", so each is
written in braces ("{Duy Tính}"), and so is the title, which must not be
re-cased.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pybtex.database import BibliographyData, Entry, Person

from briefbook.records import Article

__all__ = ["bibtex_escape", "render_bibliography"]

_SPECIAL = re.compile(r"([\\{}%&$#_~^])")
_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """``text`` as a BibTeX field value that pybtex reads back unchanged."""
    return _SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)


def _protect(text: str) -> str:
    return "{" + bibtex_escape(text) + "}"


def _authors(article: Article) -> list[Person]:
    names = [n.strip() for n in re.split(r"\s+[-–]\s+|\s*,\s*", article.meta.author) if n.strip()]
    return [Person(_protect(name)) for name in names]


def _entry(article: Article) -> Entry:
    meta = article.meta
    fields: dict[str, str] = {"title": _protect(article.title)}
    publisher = meta.source or meta.outlet
    if publisher:
        fields["howpublished"] = _protect(publisher)
    if meta.source and meta.outlet and meta.source != meta.outlet:
        fields["note"] = bibtex_escape(f"Đăng lại trên {meta.outlet}")
    if meta.date is not None:
        # The full date as biblatex's "date"; "year" for BibTeX styles (pybtex's
        # styles print a numeric month as "11 2025", so there is none).
        fields["year"] = str(meta.date.date.year)
        fields["date"] = meta.date.date.isoformat()
    if meta.url:
        fields["url"] = meta.url
    fields["language"] = "vietnamese"
    return Entry("misc", fields=fields, persons={"author": _authors(article)} if meta.author else {})


def render_bibliography(articles: Sequence[Article]) -> str:
    """The ``.bib`` text for ``articles``, entries in the given order."""
    data = BibliographyData(entries={a.cite_key: _entry(a) for a in articles})
    text: str = data.to_string("bibtex")
    return text
