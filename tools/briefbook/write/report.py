"""The conversion report: what was read, what was cut and why, what is missing.

Written beside the chapters (``_report/conversion.md``) so that an editor can
check every line the reader left out. In Vietnamese, the warnings and errors
too (:attr:`~briefbook.core.records.Problem.vietnamese`, from each problem's
kind and values). Deterministic: no times, no absolute paths.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.analyse.glossary import Glossary
from briefbook.core.records import Article, Problem

__all__ = ["render_report"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def _problem(problem: Problem) -> str:
    """A problem in Vietnamese (from its kind and values), with its line and column."""
    where = f"dòng {problem.lineno}" if problem.lineno else ""
    where += f", cột {problem.column}" if problem.lineno and problem.column else ""
    return problem.vietnamese + (f" ({where})" if where else "")


def _article_section(article: Article) -> list[str]:
    meta = article.meta
    out = [
        f"## {article.path.name}",
        "",
        f"- Chương: `chapters/{article.slug}.md`",
        f"- Tiêu đề (dòng {article.title_lineno}): {article.title}",
        f"- Sapo: {'dòng ' + str(article.lede_lineno) if article.lede else 'không có'}",
        f"- Ngày: {meta.date.display() + ' (từ “' + meta.date.raw + '”)' if meta.date else '—'}",
        f"- Chuyên mục: {meta.category or '—'}",
        f"- Tác giả: {meta.author or '—'}",
        f"- Cơ quan đăng: {meta.outlet or '—'}",
        f"- Nguồn: {meta.source or '—'}",
        f"- Địa chỉ: {meta.url or '—'}",
        f"- Đoạn văn: {len(article.paragraphs) + (1 if article.lede else 0)}, "
        f"mục: {sum(1 for s in article.sections if s.heading)}",
        "",
    ]
    if article.problems:
        out += ["Cảnh báo:", ""]
        out += [f"- {_problem(p)}" for p in article.problems]
        out.append("")
    if article.related:
        out += ["Tin liên quan giữ lại làm tài liệu đọc thêm:", ""]
        out += [f"- dòng {r.lineno}: {r.title}" for r in article.related]
        out.append("")
    if article.dropped:
        out += ["Dòng đã bỏ:", "", "| dòng | lý do | nội dung |", "|---:|---|---|"]
        out += [f"| {d.lineno} | {d.label} | {_cell(d.text)} |" for d in article.dropped]
        out.append("")
    return out


def render_report(
    articles: Sequence[Article],
    errors: Sequence[Problem],
    glossary: Glossary,
    duplicates: Sequence[tuple[Article, Article]] = (),
) -> str:
    """The report as Markdown."""
    out = [
        "# Báo cáo chuyển đổi",
        "",
        f"{len(articles)} bài đã chuyển, {len(errors)} bài lỗi.",
        "",
    ]
    if errors:
        out += ["## Lỗi", ""]
        out += [f"- `{_cell(str(e.path))}`: {_problem(e)}" for e in errors]
        out.append("")
    if duplicates:
        out += ["## Bài cùng một tin (gộp thành một chương)", ""]
        out += [f"- `{a.path.name}` và `{b.path.name}`: {a.title}" for a, b in duplicates]
        out.append("")
    if glossary.ambiguous:
        out += ["## Chữ viết tắt nhiều nghĩa, ngữ cảnh chưa rõ", ""]
        out += [f"- {abbr} (trong `{slug}`)" for abbr, slug in glossary.ambiguous]
        out.append("")
    if glossary.undefined:
        out += ["## Chữ viết tắt chưa rõ nghĩa", ""]
        out += [f"- {abbr} (trong `{slug}`)" for abbr, slug in glossary.undefined]
        out.append("")
    for article in articles:
        out += _article_section(article)
    return "\n".join(out).rstrip("\n") + "\n"
