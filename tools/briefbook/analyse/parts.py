"""Parts: the chapters of a large book grouped by month or by topic.

A book of hundreds of chapters needs a table of contents a reader can scan:
the chapters are grouped into parts ("Tháng 11/2025", or the articles'
category), each part in the book's order. Chapter numbers stay continuous
across parts (chapter 1 to N, the same in HTML and PDF), so a citation of
"¶ 12.3" does not depend on the grouping.

Modes: ``month`` (by publication date, oldest first, undated last),
``topic`` (by the articles' category, in Vietnamese order, none last),
``none``, and ``auto`` (by month when the book has at least
:attr:`~briefbook.core.settings.Tuning.auto_min_chapters` chapters over
more than one month).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.core.records import Article
from briefbook.core.settings import MODES, TUNING, PartsMode
from briefbook.core.vietnamese import slugify, sort_key

__all__ = ["MODES", "Part", "group_parts"]

UNDATED = "Chưa rõ ngày đăng"
NO_TOPIC = "Chủ đề khác"


@dataclass(frozen=True, slots=True)
class Part:
    """A group of consecutive chapters."""

    title: str
    label: str
    """Its stable anchor on the front page."""
    slugs: tuple[str, ...]


def _month(article: Article) -> tuple[int, str]:
    date = article.meta.date
    if date is None:
        return (1, UNDATED)
    return (0, f"{date.date.year:04}-{date.date.month:02}")


def _month_title(key: str) -> str:
    if key == UNDATED:
        return key
    year, month = key.split("-")
    return f"Tháng {int(month)}/{year}"


def _topic(article: Article) -> tuple[int, str]:
    category = " ".join(article.meta.category.split())
    # The last level of a breadcrumb ("Sức khỏe > Y tế" gives "Y tế").
    category = category.rsplit(">", 1)[-1].strip()
    return (0, category[:1].upper() + category[1:]) if category else (1, NO_TOPIC)


def group_parts(articles: Sequence[Article], mode: PartsMode = PartsMode.AUTO) -> list[Part]:
    """The parts of the book, in order; ``[]`` when it has none.

    The articles are in file order; each part keeps that order within it, and
    the book's chapter order is the parts' order.
    """
    if mode not in MODES:
        raise ValueError(f"parts: {mode!r} is not one of {', '.join(MODES)}")
    mode = PartsMode(mode)
    if mode is PartsMode.AUTO:
        months = {_month(a) for a in articles}
        many = len(articles) >= TUNING.auto_min_chapters and len(months) > 1
        mode = PartsMode.MONTH if many else PartsMode.NONE
    if mode is PartsMode.NONE or not articles:
        return []
    groups: dict[tuple[int, str], list[str]] = {}
    for article in articles:
        key = _month(article) if mode is PartsMode.MONTH else _topic(article)
        groups.setdefault(key, []).append(article.slug)
    if mode is PartsMode.MONTH:
        order = sorted(groups)
        titles = {key: _month_title(key[1]) for key in order}
    else:
        order = sorted(groups, key=lambda key: (key[0], sort_key(key[1])))
        titles = {key: key[1] for key in order}
    return [
        Part(titles[key], f"phan-{n}-{slugify(titles[key], 40)}", tuple(groups[key]))
        for n, key in enumerate(order, start=1)
    ]
