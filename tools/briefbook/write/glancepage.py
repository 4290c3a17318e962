"""The "Điểm tin" page and each chapter's summary box, as MyST.

Pure functions from :mod:`briefbook.analyse.glance`'s records to MyST text; every
text of an article goes through :func:`briefbook.myst.escape`. The page
stands after the front page (HTML) and after the introduction (PDF, as an
unnumbered chapter: see :mod:`briefbook.sphinxext.glance`).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.analyse.glance import GlanceEntry, GlanceGroup
from briefbook.write import myst

__all__ = [
    "ENTRY_CLASS",
    "GLANCE_DOC",
    "GLANCE_TITLE",
    "SUMMARY_CLASS",
    "render_glance",
    "summary_box",
]

GLANCE_DOC = "glance"
GLANCE_TITLE = "Điểm tin"
ENTRY_CLASS = "briefbook-glance-entry"
PART_CLASS = "briefbook-glance-part"
SUMMARY_CLASS = "briefbook-summary"
NAMES_LABEL = "Nhắc đến nhiều nhất"
CHAPTER_DIR = "chapters"


def _date(entry: GlanceEntry) -> str:
    return entry.date.date.strftime("%d/%m/%Y") if entry.date else "chưa rõ ngày đăng"


def _entry(entry: GlanceEntry) -> str:
    link = f"[{myst.escape(entry.title)}]({CHAPTER_DIR}/{entry.slug}.md)"
    where = " · ".join(x for x in (myst.escape(entry.publisher), _date(entry)) if x)
    body = [f"**{entry.number}.** {link} — {where}"]
    if entry.gist:
        body += ["", myst.escape(entry.gist)]
    if entry.names:
        body += ["", f"*{NAMES_LABEL}:* {myst.escape(', '.join(entry.names))}"]
    return myst.directive("container", ENTRY_CLASS, body=body)


def render_glance(groups: Sequence[GlanceGroup], book_title: str) -> str:
    """The at-a-glance page: every chapter, grouped as the book's parts."""
    count = sum(len(g.entries) for g in groups)
    out = [
        myst.heading(1, GLANCE_TITLE),
        "",
        f"{myst.escape(book_title)}: {count} chương, mỗi chương trong vài dòng — tiêu đề, "
        "cơ quan đăng, ngày đăng, phần mở đầu của bài (cắt ở cuối câu) và những người, "
        "tổ chức được nhắc đến nhiều nhất. "
        "Bản dựng ngày {sub-ref}`today`, ấn bản {briefbook-edition}`ấn bản`.",
        "",
    ]
    for n, group in enumerate(groups, start=1):
        if group.title:
            heading = f"Phần {n}. {myst.escape(group.title)} ({len(group.entries)} chương)"
            out += [myst.directive("rubric", heading, {"class": PART_CLASS}), ""]
        for entry in group.entries:
            out += [_entry(entry), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def summary_box(entry: GlanceEntry) -> list[str]:
    """The box at the top of a chapter (after its lede): the gist when the
    chapter has no lede, its key names, and "Trong chương này" when it has
    several sections; ``[]`` when there is nothing to say."""
    body: list[str] = []
    if entry.gist and not entry.gist_is_lede:
        body += [f"*Tóm lược:* {myst.escape(entry.gist)}", ""]
    if entry.names:
        body += [f"*{NAMES_LABEL}:* {myst.escape(', '.join(entry.names))}", ""]
    if len(entry.sections) >= 2:
        body += ["*Trong chương này:*", ""]
        body += [f"- [{myst.escape(heading)}](#{label})" for label, heading in entry.sections]
        body.append("")
    if not body:
        return []
    return [myst.directive("admonition", "Tóm tắt", {"class": SUMMARY_CLASS}, body[:-1]), ""]
