"""The timeline: the articles by publication date, and the dates their text states.

Pure functions from articles to a :class:`Timeline`:

* an event date is a day the text names with what marks it as a date: a
  time of day or "ngày"/"hôm" before it ("Sáng 8/2", "Từ ngày 1/7/2025",
  "ngày 5 tháng 8 năm 2023"), a weekday ("thứ Hai (1/11)"), a whole date
  ("29/12/2012"), or a month with its year ("tháng 7/2025"). A bare "1/2"
  (a fraction, a score) is not one;
* a date without its year takes the year that puts it nearest the
  article's own date (an article of 2/1/2026 that says "ngày 28/12" means
  28/12/2025); in an undated article such a date cannot be placed and is
  left out;
* each event keeps the paragraph that states it (its ¶ number, as the book
  numbers paragraphs: the lede first, then the body's paragraphs) and the
  sentence around it.

The writer is :mod:`briefbook.write.timelinepage`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from briefbook.analyse.glance import cut_at_sentence, sentence_around
from briefbook.core.records import Article, ArticleDate
from briefbook.core.settings import TUNING

__all__ = ["DatedArticle", "EventDate", "Precision", "Timeline", "build_timeline", "find_dates", "resolve"]


_TIME_OF_DAY = r"(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm)(?:\s+(?:nay|qua|mai|kia))?"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
_DAY_MONTH = r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}|\d{2}))?(?![\d/])"
_PATTERNS = (
    # "Sáng 8/2", "Từ ngày 1/7/2025", "hôm qua, ngày 6/2/2017", "tối 06/02".
    re.compile(rf"\b(?:{_TIME_OF_DAY})[,\s]+(?:ngày\s+)?{_DAY_MONTH}", re.I),
    # "thứ Hai (1/11)", "Chủ nhật, 2/11/2025".
    re.compile(rf"\b{_WEEKDAY}\s*[(,]?\s*(?:ngày\s+)?{_DAY_MONTH}", re.I),
    # A whole date, whatever stands before it: "từ 29/12/2012".
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
    # "ngày 5 tháng 8 năm 2023", "ngày 5 tháng 8".
    re.compile(r"\bngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?\b", re.I),
)
# "tháng 7/2025", "tháng 11 năm 2025": a month of a stated year.
_MONTH = re.compile(r"\btháng\s+(?P<m>\d{1,2})\s*(?:/|\s+năm\s+)(?P<y>\d{4})\b", re.I)
# What every match of the first three patterns holds, and what every match of
# the others holds: a paragraph without it is not searched by them (the same
# matches, faster).
_NUMBERS = re.compile(r"\d\s*[/-]\s*\d")
_MONTH_WORD = re.compile("tháng", re.I)


class Precision(Enum):
    """How precise an event date is; the value is how the page shows it."""

    DAY = "ngày"
    MONTH = "tháng"


@dataclass(frozen=True, slots=True)
class Found:
    """A date as a text states it, before it is placed in time."""

    start: int
    end: int
    day: int | None
    """``None`` for a month."""
    month: int
    year: int | None
    """``None`` when the text gives no year."""


@dataclass(frozen=True, slots=True)
class EventDate:
    """A dated event an article states."""

    date: dt.date | None
    """``None`` when it cannot be placed (no year, in an undated article)."""
    precision: Precision
    year_stated: bool
    """Whether the text gives the year (else it is the one nearest the article's date)."""
    stated: str
    """The words that state it, as written ("Sáng 8/2")."""
    context: str
    """The sentence that states it, cut at a word when long."""
    slug: str
    chapter: int
    """The chapter's number in the book."""
    paragraph: int
    """The paragraph's number within its chapter (¶ chapter.paragraph)."""


@dataclass(frozen=True, slots=True)
class DatedArticle:
    """A chapter on the timeline."""

    slug: str
    chapter: int
    title: str
    publisher: str
    date: ArticleDate | None


@dataclass(frozen=True, slots=True)
class Timeline:
    """The book in time."""

    articles: tuple[DatedArticle, ...]
    """The dated chapters, oldest first (on a tie, in the book's order)."""
    undated: tuple[DatedArticle, ...]
    events: tuple[EventDate, ...]
    """Oldest first; on a tie in the book's order."""
    unplaced: tuple[EventDate, ...] = ()
    """Dates without a year in undated articles: shown with their article."""


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def find_dates(text: str) -> Iterator[Found]:
    """The dates ``text`` states, in order, each once."""
    seen: list[tuple[int, int]] = []
    month = _MONTH_WORD.search(text) is not None
    patterns = (_PATTERNS[:3] if _NUMBERS.search(text) else ()) + (_PATTERNS[3:] if month else ())
    matches = [m for pattern in patterns for m in pattern.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start("d")):
        if any(a <= match.start("d") < b for a, b in seen):
            continue
        seen.append((match.start(), match.end()))
        yield Found(match.start(), match.end(), int(match["d"]), int(match["m"]), _year(match["y"]))
    for match in _MONTH.finditer(text) if month else ():
        if not any(a <= match.start() < b or a < match.end() <= b for a, b in seen):
            yield Found(match.start(), match.end(), None, int(match["m"]), int(match["y"]))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(found: Found, published: dt.date | None) -> dt.date | None:
    """The day ``found`` stands for; a date without a year is the one nearest
    ``published`` (``None`` without it, or for an impossible date)."""
    if not 1 <= found.month <= 12:
        return None
    day = found.day or 1
    if found.year is not None:
        return _date(found.year, found.month, day)
    if published is None:
        return None
    candidates = [d for k in (-1, 0, 1) if (d := _date(published.year + k, found.month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


def _context(text: str, found: Found) -> str:
    start, end = sentence_around(text, found.start, found.end)
    while start < found.start and text[start] in " ,;:–—-":  # what a sentence does not open with
        start += 1
    if found.start - start > TUNING.context_chars // 2:
        # Far into a long sentence: from a word shortly before the date.
        cut = text.find(" ", max(start, found.start - TUNING.context_chars // 3))
        start = cut + 1 if 0 <= cut < found.start else found.start
        return "…" + cut_at_sentence(text[start:end], TUNING.context_chars)
    return cut_at_sentence(text[start:end], TUNING.context_chars)


def _texts(article: Article) -> Iterator[tuple[int, str]]:
    """Each numbered paragraph's number and text (the lede is ¶ 1 when there is one)."""
    texts = ([article.lede] if article.lede else []) + [p.text for p in article.paragraphs]
    yield from enumerate(texts, start=1)


def _publisher(article: Article) -> str:
    return " / ".join(dict.fromkeys(v for v in (article.meta.outlet, article.meta.source) if v))


def article_events(article: Article, chapter: int) -> list[EventDate]:
    """The events of one article, each date once, where it is first stated."""
    published = article.meta.date.date if article.meta.date else None
    events: list[EventDate] = []
    seen: set[tuple[object, ...]] = set()
    for number, text in _texts(article):
        for found in find_dates(text):
            date = resolve(found, published)
            if date is None and (found.year is not None or published is not None):
                continue  # an impossible date ("31/2")
            precision = Precision.MONTH if found.day is None else Precision.DAY
            key = (date, precision) if date else (found.day, found.month)
            if key in seen:
                continue
            seen.add(key)
            stated = " ".join(text[found.start : found.end].replace("(", " ").split())
            context = _context(text, found)
            events.append(
                EventDate(
                    date, precision, found.year is not None, stated, context, article.slug, chapter, number
                )
            )
    return events


def build_timeline(articles: Sequence[Article]) -> Timeline:
    """The timeline of the book (``articles`` in the book's order)."""
    dated: list[DatedArticle] = []
    undated: list[DatedArticle] = []
    events: list[EventDate] = []
    for chapter, article in enumerate(articles, start=1):
        entry = DatedArticle(article.slug, chapter, article.title, _publisher(article), article.meta.date)
        (dated if article.meta.date else undated).append(entry)
        events += article_events(article, chapter)

    def when(a: DatedArticle) -> tuple[str, int]:
        return (a.date.iso() if a.date else "", a.chapter)

    dated.sort(key=when)
    placed = sorted(
        (e for e in events if e.date), key=lambda e: (e.date or dt.date.min, e.chapter, e.paragraph)
    )
    unplaced = tuple(e for e in events if e.date is None)
    return Timeline(tuple(dated), tuple(undated), tuple(placed), unplaced)
