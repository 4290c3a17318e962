"""The "Dòng thời gian" page, as MyST.

A pure function from :class:`briefbook.analyse.timeline.Timeline` to MyST text; the
articles' words go through :func:`briefbook.myst.escape`. Each event links
to the paragraph that states it with the ``briefbook-para`` role
(:mod:`briefbook.sphinxext.overview`): its ¶ anchor in HTML, its label
(and page) in the PDF.
"""

from __future__ import annotations

from briefbook.analyse.timeline import DatedArticle, EventDate, Precision, Timeline
from briefbook.write import myst

__all__ = ["TIMELINE_DOC", "TIMELINE_TITLE", "paragraph_role", "render_timeline"]

TIMELINE_DOC = "timeline"
TIMELINE_TITLE = "Dòng thời gian"
EVENT_CLASS = "briefbook-timeline-events"
HEADING_CLASS = "briefbook-timeline-heading"
CHAPTER_DIR = "chapters"


def paragraph_role(slug: str, chapter: int, paragraph: int) -> str:
    """A link to paragraph ``paragraph`` of a chapter: "¶ 3.2"."""
    return myst.role("briefbook-para", f"¶ {chapter}.{paragraph} <{CHAPTER_DIR}/{slug}#{slug}-p{paragraph}>")


def _chapter_link(slug: str, title: str) -> str:
    return f"[{myst.escape(title)}]({CHAPTER_DIR}/{slug}.md)"


def _event_date(event: EventDate) -> str:
    if event.date is None:
        return myst.escape(event.stated)
    if event.precision is Precision.MONTH:
        return f"tháng {event.date.month}/{event.date.year}"
    return event.date.strftime("%d/%m/%Y")


def _event(event: EventDate, titles: dict[str, str]) -> str:
    inferred = "" if event.year_stated or event.date is None else " (năm theo ngày đăng bài)"
    where = f"chương {event.chapter}, {paragraph_role(event.slug, event.chapter, event.paragraph)}"
    return (
        f"- **{_event_date(event)}**{inferred} — “{myst.escape(event.context)}” — "
        f"{_chapter_link(event.slug, titles[event.slug])}, {where}"
    )


def _article(article: DatedArticle) -> str:
    when = article.date.date.strftime("%d/%m/%Y") if article.date else ""
    publisher = f" — {myst.escape(article.publisher)}" if article.publisher else ""
    head = f"**{when}** — " if when else ""
    return f"- {head}{_chapter_link(article.slug, article.title)} (chương {article.chapter}){publisher}"


def _rubric(text: str) -> list[str]:
    return [myst.directive("rubric", text, {"class": HEADING_CLASS}), ""]


def render_timeline(timeline: Timeline) -> str:
    """The timeline page: the events the articles state, oldest first; the
    articles by publication date; the undated articles with their dates."""
    titles = {a.slug: a.title for a in (*timeline.articles, *timeline.undated)}
    out = [
        myst.heading(1, TIMELINE_TITLE),
        "",
        "Những mốc thời gian các bài nêu ra, từ cũ đến mới, mỗi mốc dẫn đến đoạn văn nêu nó; "
        "một ngày không ghi năm được tính theo ngày đăng của bài. Sau đó là các bài theo ngày đăng.",
        "",
        *_rubric(f"Các mốc được nêu trong bài ({len(timeline.events)})"),
    ]
    if timeline.events:
        out.append(
            myst.directive("container", EVENT_CLASS, body=[_event(e, titles) for e in timeline.events])
        )
    else:
        out.append("Không tìm thấy mốc thời gian nào có thể xác định.")
    out += ["", *_rubric(f"Các bài theo ngày đăng ({len(timeline.articles)})")]
    out += [_article(a) for a in timeline.articles] or ["Không có bài nào ghi ngày đăng."]
    if timeline.undated:
        out += ["", *_rubric(f"Bài chưa rõ ngày đăng ({len(timeline.undated)})")]
        for article in timeline.undated:
            out.append(_article(article))
            stated = [e for e in timeline.unplaced if e.slug == article.slug]
            if stated:
                dates = "; ".join(
                    f"{myst.escape(e.stated)} ({paragraph_role(e.slug, e.chapter, e.paragraph)})"
                    for e in stated
                )
                out.append(f"  - Mốc nêu trong bài, chưa rõ năm: {dates}")
    return "\n".join(out).rstrip("\n") + "\n"
