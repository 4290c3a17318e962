"""Articles to ``references.bib``, written by pybtex.

One ``@misc`` entry per article (``@misc`` because pybtex's styles demand
neither an author nor a year for it, and many articles lack one). Person
names are kept whole: a Vietnamese name is not "Last, First", so each is
written in braces ("{Duy Tính}"), and so is the title, which must not be
re-cased. An article without a byline has its publisher as corporate
author, so that author-year citations read "(Cổng Thông tin Chính phủ, 2025)".
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
from collections.abc import Sequence
from typing import TextIO

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.database import BibliographyData, Entry, Person, parse_string
from pybtex.database.output.bibtex import Writer

from briefbook.core.records import Article
from briefbook.core.urls import is_web_url
from briefbook.core.vietnamese import fold, language
from briefbook.read.metadata import split_names

__all__ = ["bibtex_text", "bibtex_url", "read_bibtex", "render_bibliography", "write_bibtex"]


class _Writer(Writer):  # type: ignore[misc]
    """pybtex's BibTeX writer, leaving URLs as they are.

    pybtex encodes field values as LaTeX (``%`` becomes ``\\%``, ``_``
    becomes ``\\_``), which is right for text and wrong for a URL.
    """

    RAW_FIELDS = frozenset({"url", "urldate"})

    def _write_field(self, stream: TextIO, type: str, value: str) -> None:
        if type in self.RAW_FIELDS:
            stream.write(f",\n    {type} = {self.quote(value)}")
        else:
            super()._write_field(stream, type, value)


# TeX-active characters as commands that print them: a field holds no
# command of the article's, no "^^5c" (TeX's code for a backslash), no
# group or math of its own, whatever the BibTeX style does with it.
# pybtex's writer escapes "% & # _ ~" itself.
_TEX_ACTIVE = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "^": r"\textasciicircum{}",
    "$": r"\$",
}
_HOLD = "\ufdd0"
_TEX_TOKEN = re.compile("|".join(re.escape(v) for v in _TEX_ACTIVE.values()))
# What may stay in a URL field (written raw): no TeX-active character.
_URL_ACTIVE = {"{": "%7B", "}": "%7D", " ": "%20", "\\": "%5C", "^": "%5E"}


def bibtex_text(text: str) -> str:
    """``text`` for a BibTeX field that pybtex's writer will encode: TeX's
    active characters (``\\ { } ^ $``) become the commands that print them,
    so that a TeX run of the entry executes nothing of the article's."""
    return "".join(_TEX_ACTIVE.get(ch, ch) for ch in text)


def bibtex_url(url: str) -> str:
    """A URL with its braces, backslashes, carets and spaces percent-encoded."""
    return "".join(_URL_ACTIVE.get(ch, ch) for ch in url)


def _protect(text: str) -> str:
    return "{" + bibtex_text(text) + "}"


def write_bibtex(data: BibliographyData) -> str:
    """The BibTeX text of ``data``."""
    stream = io.StringIO()
    _Writer().write_stream(data, stream)
    return stream.getvalue()


def _authors(article: Article) -> list[Person]:
    return [Person(_protect(name)) for name in split_names(article.meta.author)]


def _same_outlet(a: str, b: str) -> bool:
    """ "Hà Nội Mới" and "Báo Hà Nội Mới" name one paper (then it was not
    re-published elsewhere)."""

    def key(name: str) -> str:
        words = fold(name).casefold().split()
        return " ".join(words[1:] if words[:1] == ["bao"] else words)

    return key(a) == key(b)


def _entry(article: Article) -> Entry:
    meta = article.meta
    fields: dict[str, str] = {"title": _protect(article.title)}
    publisher = meta.source or meta.outlet
    authors = _authors(article)
    if not authors and publisher:
        # No byline: the publisher is the (corporate) author, so that the
        # citation reads "(Báo Thanh niên, 2025)" rather than the title.
        authors = [Person(_protect(publisher))]
    elif publisher:
        fields["howpublished"] = _protect(publisher)
    if meta.source and meta.outlet and not _same_outlet(meta.source, meta.outlet):
        fields["note"] = bibtex_text(f"Đăng lại trên {meta.outlet}")
    if meta.date is not None:
        # The full date as biblatex's "date"; "year" for BibTeX styles (pybtex's
        # styles print a numeric month as "11 2025", so there is none).
        fields["year"] = str(meta.date.date.year)
        fields["date"] = meta.date.date.isoformat()
    if is_web_url(meta.url):
        fields["url"] = bibtex_url(meta.url)
        if meta.accessed is not None:
            fields["urldate"] = meta.accessed.isoformat()
    elif meta.url:
        # Not a web address (javascript:, data:...): text, never a link.
        fields["note"] = "; ".join(
            n for n in (fields.get("note", ""), bibtex_text(f"Địa chỉ ghi trong bài: {meta.url}")) if n
        )
    if meta.tags:
        fields["keywords"] = bibtex_text(", ".join(meta.tags))
    # An English article of a Vietnamese outlet (Việt Nam News) is English.
    if lang := language(f"{article.title} {article.lede}"):
        fields["language"] = lang
    return Entry("misc", fields=fields, persons={"author": authors} if authors else {})


def read_bibtex(text: str) -> BibliographyData:
    """Parse BibTeX written by :func:`write_bibtex`, decoding the LaTeX that
    pybtex's writer put in text fields, so that writing it again gives the
    same bytes."""
    data = parse_string(text, "bibtex")
    for entry in data.entries.values():
        for name, value in list(entry.fields.items()):
            if name not in _Writer.RAW_FIELDS:
                entry.fields[name] = _decode(value)
    return data


def _decode(value: str) -> str:
    """The field text the writer was given: LaTeX decoded, but for the
    commands :func:`bibtex_text` wrote (the writer leaves those as they are)."""
    tokens = _TEX_TOKEN.findall(value)
    # Each command stands in for a noncharacter while the rest is decoded.
    held = _TEX_TOKEN.sub(_HOLD, value.replace(_HOLD, ""))
    decoded: str = codecs.decode(held, "ulatex")  # type: ignore[call-overload]
    pieces = decoded.split(_HOLD)
    return "".join(p for pair in itertools.zip_longest(pieces, tokens, fillvalue="") for p in pair)


def render_entry(article: Article) -> str:
    """The BibTeX entry of one article."""
    return write_bibtex(BibliographyData(entries={article.cite_key: _entry(article)}))


def render_bibliography(articles: Sequence[Article], entries: Sequence[str] | None = None) -> str:
    """The ``.bib`` text for ``articles``, entries in the given order
    (``entries``: their :func:`render_entry`, when already made)."""
    if entries is None:
        entries = [render_entry(article) for article in articles]
    # pybtex's writer puts one empty line between entries.
    return "\n".join(entries)
