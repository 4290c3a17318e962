"""The pages about editions: "Mới trong ấn bản này" and "Các ấn bản" (pure).

Both are made from the record (:class:`briefbook.core.editions.History`)
and are no part of the edition's content hash (they name the edition). The
editions page gives each edition an anchor that is its id
(``editions.html#2026-12-02.ab12cd34``: a citation's edition finds it), what
it changed, the link to its PDF (kept in :data:`~briefbook.core.editions.PDF_DIR`
by the build, for the last ``keep`` editions), and, for an earlier edition,
each chapter whose number is not the same now. Titles are article text:
escaped, never markup.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from briefbook.core.editions import CHANGES_DOC, EDITIONS_DOC, PDF_DIR, ChapterChange, Edition, History
from briefbook.core.settings import TUNING
from briefbook.write import myst
from briefbook.write.pages import CHAPTER_DIR

__all__ = ["render_changes", "render_editions", "updated_text"]

_ORPHAN = "---\norphan: true\n---"


def _day(iso: str) -> str:
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def updated_text(iso: str) -> str:
    """``Cập nhật: 03/12/2026``, beside a changed chapter's date."""
    return f"Cập nhật: {_day(iso)}"


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _link(change: ChapterChange, current: frozenset[str]) -> str:
    title = myst.escape(change.title)
    if change.slug in current:
        return f"[{title}]({CHAPTER_DIR}/{change.slug}.md)"
    return f"“{title}”"


def _change_lines(edition: Edition, current: frozenset[str]) -> list[str]:
    out: list[str] = []
    if edition.added:
        out += [f"Chương mới ({len(edition.added)}):", ""]
        out += [f"- Chương {c.number}: {_link(c, current)}" for c in edition.added[: TUNING.edition_chapters]]
        out += _more(len(edition.added))
    if edition.changed:
        out += [f"Chương được cập nhật ({len(edition.changed)}):", ""]
        for c in edition.changed[: TUNING.edition_chapters]:
            what = []
            if c.paragraphs:
                what.append(f"đoạn mới hoặc sửa: ¶ {_numbers(c.paragraphs)}")
            if c.removed_paragraphs:
                what.append(f"bỏ ¶ {_numbers(c.removed_paragraphs)} của ấn bản trước")
            detail = f" ({'; '.join(what)})" if what else " (tiêu đề)"
            out.append(f"- Chương {c.number}: {_link(c, current)}{detail}")
        out += _more(len(edition.changed))
    if edition.removed:
        out += [f"Chương đã bỏ ({len(edition.removed)}):", ""]
        out += [
            f"- Chương {c.old_number} của ấn bản trước: “{myst.escape(c.title)}”"
            for c in edition.removed[: TUNING.edition_chapters]
        ]
        out += _more(len(edition.removed))
    return out


def _more(count: int) -> list[str]:
    return [
        *(
            [f"- Và {count - TUNING.edition_chapters} chương khác."]
            if count > TUNING.edition_chapters
            else []
        ),
        "",
    ]


def _summary(edition: Edition) -> str:
    if not edition.previous:
        return f"Ấn bản đầu tiên: {len(edition.order)} chương."
    if not (edition.added or edition.changed or edition.removed):
        return f"So với ấn bản {edition.previous}: không chương nào thay đổi nội dung (đổi cách trình bày)."
    return (
        f"So với ấn bản {edition.previous}: {len(edition.added)} chương mới, "
        f"{len(edition.changed)} chương được cập nhật, {len(edition.removed)} chương đã bỏ."
    )


def render_changes(history: History) -> str:
    """The page "Mới trong ấn bản này": what the last edition changed."""
    last = history.last
    out = [_ORPHAN, "", myst.heading(1, "Mới trong ấn bản này"), ""]
    if last is None:
        return "\n".join(out)
    current = frozenset(last.order)
    out += [
        f"Ấn bản {last.id}, ngày {_day(last.date)}. {_summary(last)}",
        "",
        *_change_lines(last, current),
        f"Mọi ấn bản và bản PDF của chúng: [Các ấn bản]({EDITIONS_DOC}.md).",
        "",
    ]
    return "\n".join(out)


def _titles(history: History) -> dict[str, str]:
    titles = {c.slug: c.title for e in history.editions for c in (*e.added, *e.changed, *e.removed)}
    titles.update({c.slug: c.title for c in history.chapters})
    return titles


def _renumbered(edition: Edition, now: dict[str, int], titles: dict[str, str]) -> list[str]:
    lines = [
        f"- Chương {old} “{myst.escape(titles.get(slug, slug))}” "
        + (f"nay là chương {now[slug]}." if slug in now else "không còn trong sổ tay.")
        for old, slug in enumerate(edition.order, start=1)
        if now.get(slug) != old
    ]
    if not lines:
        return ["Số chương của ấn bản này vẫn là số chương hiện nay.", ""]
    head = ["Số chương của ấn bản này và số chương hiện nay:", ""]
    return [*head, *lines[: TUNING.edition_chapters], *_more(len(lines))]


def render_editions(history: History, keep: int) -> str:
    """The page "Các ấn bản": every edition, newest first (PDFs of the last ``keep``)."""
    out = [_ORPHAN, "", myst.heading(1, "Các ấn bản"), ""]
    out += [
        "Mỗi lần nội dung sổ tay thay đổi là một ấn bản mới, mang mã gồm ngày và mã băm của nội dung. "
        "Khi trích dẫn, số chương và số đoạn (¶) là của ấn bản ghi trong trích dẫn, "
        "như trong bản PDF của ấn bản đó. "
        f"Bản PDF của {keep} ấn bản gần nhất được giữ lại. "
        f"Thay đổi của ấn bản hiện tại: [Mới trong ấn bản này]({CHANGES_DOC}.md).",
        "",
    ]
    last = history.last
    if last is None:
        return "\n".join(out)
    now = {slug: n for n, slug in enumerate(last.order, start=1)}
    current = frozenset(last.order)
    titles = _titles(history)
    newest = list(reversed(history.editions))
    for age, edition in enumerate(newest):
        anchor = html.escape(edition.id)
        out += [
            myst.directive("raw", "html", body=[f'<span id="{anchor}"></span>']),
            "",
            myst.heading(2, f"Ấn bản {edition.id}" + (" (hiện tại)" if age == 0 else "")),
            "",
            f"Ngày {_day(edition.date)}, {len(edition.order)} chương. {_summary(edition)}",
            "",
        ]
        if age < keep:
            link = (
                f'<p><a class="briefbook-edition-pdf" href="{PDF_DIR}/{anchor}.pdf">'
                f"Tải bản PDF của ấn bản {anchor}</a></p>"
            )
            # Not in the EPUB, which holds no PDF.
            pdf = myst.directive("raw", "html", body=[link])
            out += [myst.directive("only", "not epub", body=[pdf]), ""]
        else:
            out += ["Bản PDF của ấn bản này không còn được giữ.", ""]
        if edition.previous:
            out += _change_lines(edition, current)
        if age > 0:
            out += _renumbered(edition, now, titles)
    return "\n".join(out)
