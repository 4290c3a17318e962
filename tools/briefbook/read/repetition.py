"""Page furniture by repetition across the folder.

A site's menus, account links, section names, footers and boxes of links
recur on every page it serves; an article's own lines do not. Pages copied
whole from one outlet therefore share their furniture, whatever the outlet
and whatever its words. :func:`recurring_lines` finds the lines that recur
in several articles of a folder; the reader drops them wherever they stand
(``furniture``).

An article's own sentence is never furniture: prose lines and finished
sentences are left out, and copies of one story (syndicated text, reposts:
articles that share a prose line) count as one article, so the subheadings
that three papers printed with the same agency story stay.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from briefbook.core.settings import TUNING
from briefbook.core.vietnamese import SENTENCE_STOPS, case_key
from briefbook.read.headline import is_prose

__all__ = ["furniture_key", "recurring_lines"]


def furniture_key(text: str) -> str:
    """A line as compared across articles: case and spacing aside (:func:`case_key`)."""
    return case_key(text)


def _own(text: str) -> bool:
    """A line that belongs to its article whatever else holds it."""
    return is_prose(text) or (len(text.split()) >= 6 and text.rstrip().endswith(SENTENCE_STOPS))


def recurring_lines(
    articles: Iterable[Sequence[str]], min_articles: int = TUNING.furniture_articles
) -> frozenset[str]:
    """The keys (:func:`furniture_key`) of lines that recur in at least
    ``min_articles`` of ``articles`` (each a sequence of its lines)."""
    docs = [
        (
            {furniture_key(t) for t in lines if t.strip() and not _own(t)},
            {furniture_key(t) for t in lines if is_prose(t)},
        )
        for lines in articles
    ]
    # Copies of one story: articles that share a prose line are one.
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, (_, prose) in enumerate(docs):
        for key in prose:
            j = first_with.setdefault(key, i)
            if j != i:
                parent[root(i)] = root(j)
    holders: dict[str, set[int]] = {}
    for i, (short, _) in enumerate(docs):
        for key in short:
            holders.setdefault(key, set()).add(root(i))
    return frozenset(key for key, roots in holders.items() if len(roots) >= min_articles)
