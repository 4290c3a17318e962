"""Editor overrides: fields an editor sets or corrects for one article.

They come from a sidecar file beside the article (``NAME.yaml`` for
``NAME.txt``) or from YAML front matter at the top of the article itself
(between two ``---`` lines). Either may set ``title``, ``date`` (``2025-11-02``,
``02/11/2025``, ``2025-11-02T09:21``), ``author``, ``outlet``, ``source``,
``url``, ``category``, ``accessed`` (date accessed) and ``tags``. An override
wins over what the reader found; a bad value is a warning naming the file,
and the reader's value stays.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import yaml

from briefbook.metadata import find_date, outlet_from_url
from briefbook.records import Article, ArticleDate, Problem
from briefbook.urls import url_problem
from briefbook.vietnamese import slugify

__all__ = ["FIELDS", "apply_overrides", "parse_overrides", "split_front_matter"]

FIELDS = frozenset({"title", "date", "author", "outlet", "source", "url", "category", "accessed", "tags"})
# The names web clippers (Obsidian's, MarkDownload...) give these fields.
_ALIASES = {
    "published": "date",
    "date_published": "date",
    "created": "accessed",
    "clipped": "accessed",
    "site": "outlet",
    "site_name": "outlet",
    "sitename": "outlet",
    "publisher": "outlet",
    "link": "url",
    "authors": "author",
}
# Other fields they write, which a briefing book has no use for.
_CLIPPER_FIELDS = frozenset(
    {"description", "image", "cover", "aliases", "cssclasses", "lang", "language", "excerpt"}
)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter YAML, text)``; the front matter's lines become blank
    lines so that line numbers still point into the file."""
    m = _FRONT.match(text)
    if not m or not m.group(1).strip():
        return "", text
    return m.group(1), "\n" * m.group(0).count("\n") + text[m.end() :]


def parse_overrides(source: str, path: PurePath) -> tuple[dict[str, Any], list[Problem]]:
    """The overrides in a YAML text, with a warning for each unusable entry."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return {}, [Problem(path, f"overrides are not valid YAML: {exc}", lineno=line)]
    if data is None:
        return {}, []
    if not isinstance(data, Mapping):
        return {}, [Problem(path, "overrides must be a mapping of field: value")]
    fields: dict[str, Any] = {}
    problems = []
    for key, value in data.items():
        name = _ALIASES.get(str(key).lower(), key)
        if name == "source" and isinstance(value, str) and re.match(r"https?://", value.strip()):
            name = "url"  # a web clipper's "source: https://..."
        if name == "author" and isinstance(value, list):
            value = " - ".join(str(v) for v in value)
        if isinstance(value, str):
            value = re.sub(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]", r"\1", value)  # "[[Name]]" links
        if name in FIELDS:
            fields.setdefault(name, value)
        elif str(key).lower() not in _CLIPPER_FIELDS:
            problems.append(Problem(path, f"unknown override field {key!r}"))
    return fields, problems


def _date(value: object) -> ArticleDate | None:
    if isinstance(value, dt.datetime):
        return ArticleDate(value.date(), value.time().replace(second=0, microsecond=0), str(value))
    if isinstance(value, dt.date):
        return ArticleDate(value, None, value.isoformat())
    if isinstance(value, str):
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?", value.strip())
        try:
            if iso:
                y, m, d, hh, mm = iso.groups()
                time = dt.time(int(hh), int(mm)) if hh else None
                return ArticleDate(dt.date(int(y), int(m), int(d)), time, value)
        except ValueError:
            return None
        found = find_date(value)
        if found:
            return found[0]
    return None


def apply_overrides(article: Article, overrides: Mapping[str, Any], path: PurePath) -> Article:
    """``article`` with the overrides applied; bad values become warnings."""
    meta_changes: dict[str, Any] = {}
    problems = list(article.problems)
    title = article.title
    for key, value in overrides.items():
        if key in ("date", "accessed"):
            date = _date(value)
            if date is None:
                problems.append(Problem(path, f"override {key}: cannot read {value!r} as a date"))
                continue
            meta_changes[key] = date if key == "date" else date.date
        elif key == "tags":
            items = value if isinstance(value, list) else [value]
            meta_changes["tags"] = tuple(str(item).strip() for item in items if str(item).strip())
        elif not isinstance(value, (str, int, float)) or not str(value).strip():
            problems.append(Problem(path, f"override {key}: expected text, got {value!r}"))
        elif key == "title":
            title = str(value).strip()
        else:
            meta_changes[key] = str(value).strip()
            if key == "url" and (problem := url_problem(meta_changes[key])):
                problems.append(Problem(path, problem))
    outlet, source, url = (meta_changes.get(k, getattr(article.meta, k)) for k in ("outlet", "source", "url"))
    if not outlet and not source and (site := outlet_from_url(url)):
        meta_changes["outlet"] = site  # a clipped page's address names its site
    # A field an editor supplied is no longer missing.
    supplied = {
        "date": "date",
        "author": "author",
        "outlet": "outlet or source",
        "source": "outlet or source",
    }
    filled = {f"no {supplied[k]} found" for k in meta_changes if k in supplied}
    problems = [p for p in problems if p.message not in filled]
    return dataclasses.replace(
        article,
        title=title,
        slug=slugify(title) or article.slug if title != article.title else article.slug,
        meta=dataclasses.replace(article.meta, **meta_changes),
        problems=tuple(problems),
    )
