"""Editor overrides: fields an editor sets or corrects for one article.

They come from a sidecar file beside the article (``NAME.yaml`` for
``NAME.txt``) or from YAML front matter at the top of the article itself
(between two ``---`` lines). Either may set ``title``, ``date`` (``2025-11-02``,
``02/11/2025``, ``2025-11-02T09:21``), ``author``, ``outlet``, ``source``,
``url``, ``category``, ``accessed`` (date accessed), ``tags`` and ``group``
(``false``: never grouped with other copies of the same story). An override
wins over what the reader found; a bad value is a warning naming the file,
and the reader's value stays.

Overrides that cannot be read at all (not YAML, not a mapping, not text,
larger than :data:`MAX_SIDECAR_BYTES`, or whose aliases expand them past
:data:`MAX_EXPANDED`, as a "billion laughs" does) are an error for the
article (:class:`~briefbook.read.decoding.ArticleError`, with line and column),
which is then left out of the book: its editor's corrections would be lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

import yaml

from briefbook.core.problems import ProblemKind
from briefbook.core.reasons import Reason
from briefbook.core.records import Article, ArticleDate, DroppedLine, Problem
from briefbook.core.urls import url_is_link
from briefbook.core.vietnamese import slugify
from briefbook.read.decoding import ArticleError, decode_text
from briefbook.read.metadata import find_date, outlet_from_url

__all__ = [
    "FIELDS",
    "MAX_EXPANDED",
    "MAX_SIDECAR_BYTES",
    "Overrides",
    "apply_overrides",
    "overrides_of",
    "parse_overrides",
    "read_sidecar",
    "split_front_matter",
]

MAX_SIDECAR_BYTES = 64_000
"""The largest sidecar (or front matter) read; a few lines are the rule."""
MAX_EXPANDED = 2 * MAX_SIDECAR_BYTES
"""How large overrides may be once their aliases are expanded: each value
(scalar, list, mapping) counts one, and a scalar its length besides."""

FIELDS = frozenset(
    {"title", "date", "author", "outlet", "source", "url", "category", "accessed", "tags", "group"}
)
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


@dataclass(frozen=True, slots=True, eq=False)
class Overrides(Mapping[str, Any]):
    """An editor's fields for one article, as read: each a name of
    :data:`FIELDS` and its value as written (checked when applied, by
    :func:`apply_overrides`). Read-only; a mapping of name to value."""

    fields: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    @staticmethod
    def layered(*layers: Mapping[str, Any]) -> Overrides:
        """The fields of all ``layers``, a later layer's value winning (a saved
        page's own metadata, then front matter, then the sidecar)."""
        merged: dict[str, Any] = {}
        for layer in layers:
            merged.update(layer)
        return Overrides(merged)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter YAML, text)``; the front matter's lines become blank
    lines so that line numbers still point into the file."""
    m = _FRONT.match(text)
    if not m or not m.group(1).strip():
        return "", text
    return m.group(1), "\n" * m.group(0).count("\n") + text[m.end() :]


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader; a timestamp that is no date (``2025-13-45``)
    stays text, for :func:`apply_overrides` to report as a bad value."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """The size of the node graph with its aliases expanded (an alias
    repeats the whole value it names), see :data:`MAX_EXPANDED`; stops
    counting past ``limit``. A value that contains itself is over the limit."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            return limit + 1
        open_nodes.add(key)
        total = 1 + (len(node.value) if isinstance(node, yaml.ScalarNode) else 0)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        for child in children:
            total += size(child)
            if total > limit:
                break
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _load(source: str, path: PurePath) -> object:
    """The YAML value of ``source``; raises :class:`ArticleError` naming the
    line and column of what cannot be read."""
    if len(source) > MAX_SIDECAR_BYTES:
        raise ArticleError(path, ProblemKind.OVERRIDES_TOO_LONG, len(source), MAX_SIDECAR_BYTES)
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, MAX_EXPANDED) > MAX_EXPANDED:
            mark = node.start_mark
            raise ArticleError(
                path, ProblemKind.OVERRIDES_EXPAND, MAX_EXPANDED, lineno=mark.line + 1, column=mark.column + 1
            )
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc)
        if exc.context and exc.context_mark is not None:
            at = exc.context_mark
            problem = f"{problem}, {exc.context} (line {at.line + 1}, column {at.column + 1})"
        raise ArticleError(
            path,
            ProblemKind.OVERRIDES_YAML,
            problem,
            lineno=mark.line + 1 if mark is not None else None,
            column=mark.column + 1 if mark is not None else None,
        ) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        raise ArticleError(path, ProblemKind.OVERRIDES_YAML, str(exc)) from None
    finally:
        loader.dispose()


def read_sidecar(data: bytes, path: PurePath) -> tuple[Overrides, list[Problem]]:
    """The overrides of a sidecar file's bytes (UTF-8, UTF-16 or cp1258,
    as an article); raises :class:`ArticleError` when they cannot be read."""
    if len(data) > MAX_SIDECAR_BYTES:
        raise ArticleError(path, ProblemKind.OVERRIDES_TOO_LARGE, len(data), MAX_SIDECAR_BYTES)
    text, _ = decode_text(data, path)
    return parse_overrides(text, path)


def parse_overrides(source: str, path: PurePath) -> tuple[Overrides, list[Problem]]:
    """The overrides in a YAML text, with a warning for each unusable entry.

    Raises :class:`ArticleError` when the text is not a mapping in YAML.
    """
    data = _load(source, path)
    if data is None:
        return Overrides(), []
    if not isinstance(data, Mapping):
        raise ArticleError(path, ProblemKind.OVERRIDES_NOT_MAPPING, lineno=1)
    return overrides_of(data, path)


def overrides_of(data: Mapping[Any, Any], path: PurePath) -> tuple[Overrides, list[Problem]]:
    """The overrides in a mapping of fields (front matter's, a reader
    service's header), a clipper's names for them taken as briefbook's."""
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
            problems.append(Problem.of(path, ProblemKind.OVERRIDE_UNKNOWN, repr(key)))
    return Overrides(fields), problems


_VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _in_vietnam(moment: dt.datetime) -> dt.datetime:
    """A moment stamped in UTC ("2026-02-26T18:33:53+00:00", "...Z": a
    crawler's or a page's machine time) as the clock of Vietnam's newsrooms
    showed it (the 27th, 01:33); a moment in any other zone as its writer
    wrote it."""
    offset = moment.utcoffset()
    return moment.astimezone(_VIETNAM) if offset is not None and not offset else moment


def _iso_moment(value: str) -> dt.datetime | None:
    """An ISO 8601 moment with its zone ("2026-02-26T18:33:53+00:00", "...Z")."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _date(value: object, vietnam: bool = True) -> ArticleDate | None:
    """A field's date; a moment in UTC on Vietnam's clock when ``vietnam``
    (a publication's date; the moment a page was read is its reader's own)."""
    shift = _in_vietnam if vietnam else (lambda moment: moment)
    raw = str(value)
    if isinstance(value, str) and (moment := _iso_moment(value)) is not None:
        value = moment  # (its zone read below)
    if isinstance(value, dt.datetime):
        value = shift(value)
        return ArticleDate(value.date(), value.time().replace(second=0, microsecond=0), raw)
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
        compact = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", value.strip())  # "20210419": a corpus's
        try:
            if compact:
                return ArticleDate(dt.date(*map(int, compact.groups())), None, value)
        except ValueError:
            return None
        found = find_date(value)
        if found:
            return found[0]
        stamp = _rfc2822(value)
        if stamp is not None:
            stamp = shift(stamp)  # "... 18:33:53 GMT": the 27th, 01:33 in Vietnam
            return ArticleDate(stamp.date(), stamp.time().replace(second=0, microsecond=0), value)
    return None


def _rfc2822(value: str) -> dt.datetime | None:
    """A date as RSS feeds, e-mail and site generators (Jekyll) write it
    ("Fri, 23 Aug 2024 17:00:00 +0700"), in its own zone: the day and time
    its writer saw."""
    if not re.match(r"\s*(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}", value):
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None


_HEADLINE_CHARS = 250


def _headline(text: str) -> bool:
    """Whether a title line reads as a headline: short, one sentence at most
    and not ended as a paragraph's sentence is (a question or "!" may end one)."""
    return 0 < len(text) <= _HEADLINE_CHARS and not text.rstrip().endswith((".", "…", ":", ";"))


def apply_overrides(article: Article, overrides: Mapping[str, Any], path: PurePath) -> Article:
    """``article`` with the overrides applied; bad values become warnings."""
    meta_changes: dict[str, Any] = {}
    problems = list(article.problems)
    title = article.title
    for key, value in overrides.items():
        if key in ("date", "accessed"):
            date = _date(value, vietnam=key == "date")
            if date is None:
                problems.append(Problem.of(path, ProblemKind.OVERRIDE_DATE, key, repr(value)))
                continue
            meta_changes[key] = date if key == "date" else date.date
        elif key == "group":
            if not isinstance(value, bool):
                problems.append(Problem.of(path, ProblemKind.OVERRIDE_GROUP, repr(value)))
                continue
            meta_changes["group"] = value
        elif key == "tags":
            items = value if isinstance(value, list) else [value]
            meta_changes["tags"] = tuple(str(item).strip() for item in items if str(item).strip())
        elif not isinstance(value, (str, int, float)) or not str(value).strip():
            problems.append(Problem.of(path, ProblemKind.OVERRIDE_TEXT, key, repr(value)))
        elif key == "title":
            title = str(value).strip()
        else:
            meta_changes[key] = str(value).strip()
            if key == "url" and not url_is_link(meta_changes[key]):
                problems.append(Problem.of(path, ProblemKind.URL_NOT_WEB, repr(meta_changes[key])))
    outlet, source, url = (meta_changes.get(k, getattr(article.meta, k)) for k in ("outlet", "source", "url"))
    if not outlet and not source and (site := outlet_from_url(url)):
        meta_changes["outlet"] = site  # a clipped page's address names its site
    # A field an editor supplied is no longer missing.
    filled = {ProblemKind.missing(key) for key in meta_changes} - {ProblemKind.OTHER}
    problems = [p for p in problems if p.kind not in filled]
    dropped = article.dropped
    if title != article.title and _headline(article.title) and article.title_lineno:
        # The text's own headline stays in the report, not in the book. A
        # title line that is prose (a text without a headline gave its
        # first paragraph) is no headline: the audit reports it lost.
        dropped = (*dropped, DroppedLine(article.title_lineno, article.title, Reason.TITLE_REPLACED))
    return dataclasses.replace(
        article,
        title=title,
        dropped=dropped,
        slug=slugify(title) or article.slug if title != article.title else article.slug,
        meta=dataclasses.replace(article.meta, **meta_changes),
        problems=tuple(problems),
    )
