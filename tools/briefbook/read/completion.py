"""A saved page read twice, joined: paragraphs the main text left out.

trafilatura's main text of a saved page (:mod:`briefbook.htmlpage`) is
clean but sometimes leaves out paragraphs of the article: a paragraph in a
block of its own, a paragraph after a picture. The page read whole
(:mod:`briefbook.pagetext`, read as a copied page) has them, among the
page's menus and teasers that the reader takes off. Where the two readings
agree on the article (most of the main text's paragraphs stand, in order,
in the whole page's reading), a prose paragraph that the whole page has
between two of them and the main text lacks is the article's and is put
back in its place. Paragraphs before the first or after the last shared
one are left out: there, the page's teasers and comments begin.

A pure function of two :class:`~briefbook.records.Article` records.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from briefbook.core.outlets import load_outlets
from briefbook.core.records import Article, Paragraph, Section
from briefbook.core.vietnamese import letters_key
from briefbook.read.headline import is_prose
from briefbook.read.htmlpage import words_shared

__all__ = ["with_missing_lede", "with_missing_paragraphs"]

_SHARED = 0.8
"""The share of the main text's paragraphs the whole page's reading must
hold, in order, for the two to be one article."""
_MIN_SHARED = 3


def with_missing_paragraphs(main: Article, whole: Article) -> Article:
    """``main`` with the prose paragraphs ``whole`` has between two of its
    shared paragraphs and ``main`` neither has nor took off as debris, each
    after the paragraph it follows (and with that paragraph's line, since it
    comes from another reading of the file)."""
    mine = [(s, p) for s, section in enumerate(main.sections) for p in range(len(section.paragraphs))]
    keys = [letters_key(main.sections[s].paragraphs[p].text) for s, p in mine]
    index = {key: i for i, key in enumerate(keys) if key}
    theirs = list(whole.paragraphs)
    matched: list[tuple[int, int]] = []  # (whole's paragraph, main's paragraph), both in order
    for w, paragraph in enumerate(theirs):
        m = index.get(letters_key(paragraph.text))
        if m is not None and (not matched or m > matched[-1][1]):
            matched.append((w, m))
    if len(matched) < max(_MIN_SHARED, _SHARED * len(mine)):
        return main
    inserts: dict[int, list[str]] = {}
    # What the main reading has, or saw and took off (a caption): never put back.
    known = "\0".join([*keys, *(letters_key(d.text) for d in main.dropped)])
    for (w0, m0), (w1, _m1) in itertools.pairwise(matched):
        for paragraph in theirs[w0 + 1 : w1]:
            key = letters_key(paragraph.text)
            if is_prose(paragraph.text) and key and key not in known:
                inserts.setdefault(m0, []).append(paragraph.text)
    if not inserts:
        return main
    sections = [list(section.paragraphs) for section in main.sections]
    for m in sorted(inserts, reverse=True):
        s, p = mine[m]
        after = sections[s][p]
        sections[s][p + 1 : p + 1] = [Paragraph(text, after.lineno) for text in inserts[m]]
    return dataclasses.replace(
        main,
        sections=tuple(
            dataclasses.replace(section, paragraphs=tuple(paragraphs))
            for section, paragraphs in zip(main.sections, sections, strict=True)
        ),
    )


_ABOUT = 0.3
"""The share of a sapo's words that the article's title and text must hold."""


def _about(sapo: str, article: Article) -> bool:
    """Whether ``sapo`` speaks of ``article``: enough of its words are the article's."""
    text = " ".join([article.title, article.lede, *(p.text for p in article.paragraphs)])
    return words_shared(sapo, text) >= _ABOUT


def _names_a_paper(text: str) -> bool:
    """Whether ``text`` opens with a paper's name ("Báo Sức khỏe & Đời sống - ..."),
    as a site describes itself; a name in brackets ("(Dân trí) - ...") is
    the dateline that opens a sapo."""
    head = re.split(r"\s+[-–—:|]\s+", text, maxsplit=1)[0]
    return head != text and not head.startswith("(") and load_outlets().by_name(head) is not None


_AHEAD = 3
"""How many of the whole page's paragraphs may stand between its sapo and
the main text's first paragraph (a paragraph in a block of its own before a
picture, which trafilatura's main text leaves out with the sapo)."""


def with_missing_lede(main: Article, whole: Article) -> Article:
    """``main`` with the sapo that the main text left out (a page's sapo in
    a heading of its own, ``<h2 itemprop="description">``): the whole page's
    lede, prose that ``main`` neither has nor took off, when the whole page's
    text goes on with ``main``'s lede, at once or after a few paragraphs of
    its own (:data:`_AHEAD`). ``main``'s lede becomes its first paragraph,
    after those of the whole page's paragraphs that are prose and new to
    ``main`` (a picture's caption among them is left out)."""
    if not main.lede or not whole.lede or not whole.paragraphs or not is_prose(whole.lede):
        return main
    lede_key = letters_key(main.lede)
    start = next(
        (i for i, p in enumerate(whole.paragraphs[: _AHEAD + 1]) if letters_key(p.text) == lede_key), None
    )
    if start is None:
        return main
    if _names_a_paper(whole.lede) or not _about(whole.lede, main):
        return main  # the site's description of itself ("Báo ... - Cơ quan ngôn luận của ..."), not a sapo
    key = letters_key(whole.lede)
    known = {
        lede_key,
        *(letters_key(p.text) for p in main.paragraphs),
        *(letters_key(d.text) for d in main.dropped),
    }
    if not key or key in known or any(key in k for k in known):
        return main
    ahead = [
        Paragraph(p.text, main.lede_lineno)
        for p in whole.paragraphs[:start]
        if is_prose(p.text) and (k := letters_key(p.text)) and k not in known
    ]
    first = (*ahead, Paragraph(main.lede, main.lede_lineno))
    sections = list(main.sections)
    if sections and sections[0].heading is None:
        sections[0] = dataclasses.replace(sections[0], paragraphs=(*first, *sections[0].paragraphs))
    else:
        sections.insert(0, Section(None, first, main.lede_lineno))
    return dataclasses.replace(main, lede=whole.lede, sections=tuple(sections))
