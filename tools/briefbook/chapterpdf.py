"""A PDF per chapter (and one of "Điểm tin"), cut from the book's PDF.

One xelatex run serves every chapter: a chapter's PDF is the book's pages
from the chapter's first page to the page before the next document's, so
its page numbers (the PDF's page labels), ¶ numbers and running heads are
the book's. Each file carries the chapter's title, the book's title and its
edition in its metadata.

* :func:`document_pages` reads where each document starts from the LaTeX
  ``.aux`` file (Sphinx labels each document ``docname::doc``, and the
  overview pages are labelled the same way by
  :mod:`briefbook.sphinxext.overview`);
* :func:`page_ranges` turns them into ``(first, last)`` page indexes of the
  PDF by its page labels;
* :func:`write_parts` writes the files (pypdf). Only it touches files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

from briefbook.sphinxext.overview import part_name

__all__ = ["PdfPart", "document_pages", "page_ranges", "write_parts"]

_DOC_LABEL = re.compile(r"\\newlabel\{(?P<doc>[^{}]*)::doc\}\{\{[^{}]*\}\{(?P<page>[^{}]*)\}")


@dataclass(frozen=True, slots=True)
class PdfPart:
    """One document's pages of the book's PDF."""

    docname: str
    first: int
    """The index (0-based) of its first page in the book's PDF."""
    last: int
    """The index of its last page."""
    title: str


def document_pages(aux: str) -> list[tuple[str, str]]:
    """``(docname, page label)`` of each document the ``.aux`` records, in order."""
    return [(m["doc"], m["page"]) for m in _DOC_LABEL.finditer(aux)]


def page_ranges(
    starts: Sequence[tuple[str, str]], labels: Sequence[str], wanted: Mapping[str, str]
) -> list[PdfPart]:
    """The page indexes of each document of ``wanted`` (docname to title).

    ``starts`` are the documents' first pages as labels, in the book's
    order; ``labels`` the page label of each page of the PDF. A label is
    looked up from the end (the title page and the body may both be "1").
    A document ends on the page before the next one starts (chapters open a
    page), or on the PDF's last page.
    """
    index: dict[str, int] = {}
    for i, label in enumerate(labels):
        index[label] = i  # the last page with that label
    found = [(doc, index[label]) for doc, label in starts if label in index]
    parts: list[PdfPart] = []
    for n, (doc, first) in enumerate(found):
        if doc not in wanted:
            continue
        later = [page for _, page in found[n + 1 :] if page > first]
        last = later[0] - 1 if later else len(labels) - 1
        parts.append(PdfPart(doc, first, max(first, last), wanted[doc]))
    return parts


def _label_start(label: str) -> int | None:
    """A page label's number, if it is one (arabic numbers, as the body's)."""
    return int(label) if label.isdigit() else None


def write_parts(pdf: Path, aux: Path, wanted: Mapping[str, str], out: Path, edition: str) -> list[Path]:
    """Write the PDF of each document of ``wanted`` into ``out``; returns the files."""
    reader = PdfReader(pdf)
    book_title = (reader.metadata.title if reader.metadata else None) or ""
    labels = list(reader.page_labels)
    parts = page_ranges(document_pages(aux.read_text("utf-8", errors="replace")), labels, wanted)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for part in parts:
        writer = PdfWriter()
        for i in range(part.first, part.last + 1):
            writer.add_page(reader.pages[i])
        start = _label_start(labels[part.first])
        if start is not None:
            writer.set_page_label(0, part.last - part.first, style=PageLabelStyle.DECIMAL, start=start)
        writer.add_metadata(
            {
                "/Title": f"{part.title} — {book_title}",
                "/Subject": f"{book_title}, ấn bản {edition}",
                "/Creator": "briefbook",
            }
        )
        path = out / part_name(part.docname)
        with path.open("wb") as stream:
            writer.write(stream)
        written.append(path)
    return written
