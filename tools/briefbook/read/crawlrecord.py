"""A crawler's records: articles saved as JSON or CSV by a scraper.

Crawlers write each article as an object of fields (``title``, ``content``,
``author``, ``date``, ``url``...), one file per article, a list of them in one
file, or one object a line (JSON Lines); or as the rows of a table, its
header naming the fields (CSV, as ``pandas.to_csv`` writes it; TSV). The names of the fields differ from
one crawler to the next ("content", "body", "noi_dung", "articleBody";
"date", "publishedAt", "timeCreatePostOrigin"), so a field is known by the
words of its name, not by one spelling. A record becomes the text the reader
reads (its title, its summary and its text, a line each) and a layer of
fields that the record gives (its title, date, author, outlet, address,
section), weighed as a saved page's metadata is.

A record's text may be HTML (crawlers often keep the article's markup): it
is read as a browser shows it. A file of several records gives several
articles, named ``dump.json#1``, ``dump.json#2``... in messages and the report.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any, Literal

import lxml.html

from briefbook.core.problems import ProblemKind
from briefbook.core.records import RawText
from briefbook.core.vietnamese import fold
from briefbook.read.decoding import ArticleError, decode_article, decode_text
from briefbook.read.pagetext import page_text

__all__ = ["RECORD_SUFFIXES", "is_record", "read_record", "record_name", "split_records"]

RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".csv", ".tsv"})
_TABLES = frozenset({".csv", ".tsv"})
_CELL_CHARS = 16_000_000
"""The longest cell of a table read (an article's text in one cell): the size
of the largest article file (:data:`~briefbook.read.decoding.MAX_ARTICLE_BYTES`)."""

# The words a field's name is known by, folded to letters ("noi_dung" is
# "noidung", "articleBody" "articlebody"), best first.
_TITLE = ("title", "headline", "tieude", "name", "subject")
_TEXT = (
    "content", "articlebody", "body", "text", "noidung", "maintext", "fulltext", "contenttext",
    # A text word joined to its format's (crawl4ai's "content_markdown"): the
    # page as Markdown, which the reader reads as it reads a Markdown clipping.
    "contentmarkdown", "bodymarkdown", "textmarkdown", "markdown", "contentmd",
    "contenthtml", "html", "article", "detail", "chitiet",
)  # fmt: skip
_LEDE = ("sapo", "summary", "description", "lead", "lede", "abstract", "tomtat", "excerpt", "intro", "teaser")
_AUTHOR = ("author", "authors", "byline", "tacgia", "writer", "creator", "butdanh")
_DATE = (
    "datepublished", "publisheddate", "publishdate", "publishedat", "published", "pubdate", "publishtime",
    "date", "datetime", "time", "ngaydang", "thoigian", "createdat", "created", "posttime",
)  # fmt: skip
_DATE_PARTS = ("date", "time", "publish", "ngay")
_CRAWLED = ("crawl", "scrap", "fetch", "retriev", "access", "collect", "download", "indexed", "saved")
"""Words of a field that dates the crawl, not the article ("date_crawled", "scraped_at")."""
_URL = ("url", "link", "href", "canonical", "sourceurl", "articleurl", "permalink", "canonicalurl")
_OUTLET = ("outlet", "publisher", "sitename", "site", "newspaper", "website", "source", "nguon", "baochi")
_SECTION = ("category", "section", "chuyenmuc", "categories", "topic", "theloai")
_LISTS = ("data", "articles", "items", "results", "records", "posts", "news", "docs", "rows", "entries")
"""Keys under which a file keeps its list of records ({"data": [...]})."""

_MARKUP = re.compile(
    r"<(?:p|div|br|span|img|figure|h[1-6]|a|strong|em|b|i|ul|li|table)\b[^>]*>", re.IGNORECASE
)
_WEB = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_NUMBERED = re.compile(r"#(\d+)$")
_CRUMB = re.compile(r"\s[>»›/]\s")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|^\d{8}$")


def is_record(name: PurePath) -> bool:
    """Whether ``name`` is a record file, or one record of one (``dump.json#3``)."""
    return PurePath(_NUMBERED.sub("", name.name)).suffix.lower() in RECORD_SUFFIXES


def record_name(name: PurePath, number: int, count: int) -> PurePath:
    """The name of a file's ``number``-th record (from 1): the file's own when it holds one."""
    return name if count == 1 else name.with_name(f"{name.name}#{number}")


def _records(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        lists: list[list[Any]] = [v for k, v in value.items() if _key(k) in _LISTS and isinstance(v, list)]
        return lists[0] if lists else [value]
    return None


def _delimiter(header: str, name: PurePath) -> str:
    """The character between a table's cells: a tab for ``.tsv``, else the
    one of ``,``, ``;`` and tab its header line holds most of."""
    if name.suffix.lower() == ".tsv":
        return "\t"
    return max(",;\t", key=header.count)


def _cells(text: str, delimiter: str, quoting: Literal[0, 1, 2, 3]) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting))


def _table(text: str, name: PurePath) -> list[list[str]]:
    """A table's rows of cells, quoted as ``csv.writer`` and ``pandas.to_csv``
    quote (a cell in double quotes, a quote in it doubled); a ``.tsv``
    written without quotes (a cell that opens with a quote mark) is read
    as written when its rows all hold the header's count of cells."""
    delimiter = _delimiter(text.split("\n", 1)[0], name)
    if delimiter == "\t":
        plain = _cells(text, delimiter, csv.QUOTE_NONE)
        if all(len(row) in (0, len(plain[0])) for row in plain):
            return plain
    return _cells(text, delimiter, csv.QUOTE_MINIMAL)


def _rows(text: str, name: PurePath) -> list[dict[str, str]]:
    """A table's rows as records of the header's fields (rows of empty cells
    left out); raises :class:`ArticleError` when no column holds an
    article's text, or a row holds more cells than the header names (its
    text would be cut)."""
    limit = csv.field_size_limit(_CELL_CHARS)
    try:
        table = _table(text, name)
    except csv.Error as exc:
        raise ArticleError(name, ProblemKind.NOT_A_TABLE, str(exc)) from None
    finally:
        csv.field_size_limit(limit)
    header = table[0] if table else []
    if not any(_key(field) in _TEXT for field in header):
        raise ArticleError(name, ProblemKind.NOT_A_TABLE, "no column of text: " + (", ".join(header) or "-"))
    rows = []
    for number, cells in enumerate(table[1:], 2):
        if len(cells) > len(header):
            raise ArticleError(name, ProblemKind.TABLE_ROW, number, len(cells), len(header))
        if any(cell.strip() for cell in cells):
            rows.append(dict(zip(header, cells, strict=False)))
    return rows


def split_records(data: bytes, name: PurePath) -> list[bytes]:
    """Each record of a file, as its own JSON (UTF-8, keys in their order);
    raises :class:`ArticleError` when the file holds no records."""
    text, _ = decode_text(data, name)
    text = text.lstrip("\ufeff")
    if PurePath(_NUMBERED.sub("", name.name)).suffix.lower() in _TABLES:
        rows = _rows(text, name)
        if not rows:
            raise ArticleError(name, ProblemKind.NOT_A_TABLE, "no row")
        return [json.dumps(row, ensure_ascii=False).encode("utf-8") for row in rows]
    try:
        records = _records(json.loads(text))
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            records = [json.loads(line) for line in lines]  # JSON Lines
        except json.JSONDecodeError:
            raise ArticleError(name, ProblemKind.NOT_RECORDS, exc.msg, lineno=exc.lineno) from None
    if not records or not all(isinstance(r, Mapping) for r in records):
        raise ArticleError(name, ProblemKind.NOT_RECORDS, "no object of fields")
    return [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]


def _key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(str(name)).casefold())


def _text(value: Any) -> str:
    """A field's value as text: a list's items a line each, an object's name
    or text ({"name": "Thu Hà"}), numbers as written."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "\n".join(t for t in (_text(v) for v in value) if t.strip())
    if isinstance(value, Mapping):
        for key in ("name", "text", "value", "title", "url", "href"):
            if key in value:
                return _text(value[key])
    return ""


def _field(
    record: Mapping[str, Any],
    words: tuple[str, ...],
    parts: tuple[str, ...] = (),
    without: tuple[str, ...] = (),
) -> str:
    """The first field named by one of ``words``, else one whose name holds
    one of ``parts`` ("timeCreatePostOrigin" holds "time"); none whose name
    holds one of ``without``."""
    keys = {_key(k): k for k in record if not any(word in _key(k) for word in without)}
    named = [keys[word] for word in words if word in keys]
    named += [k for key, k in keys.items() if any(part in key for part in parts) and k not in named]
    for key in named:
        if text := _text(record[key]).strip():
            return text
    return ""


def _plain(text: str) -> str:
    """A field's text, its markup (if any) read as a browser shows it."""
    if _MARKUP.search(text) is None:
        return text
    return page_text(lxml.html.fromstring(f"<div>{text}</div>"))


def _lines(*parts: str) -> Iterator[str]:
    for part in parts:
        if part.strip():
            yield part.strip()


def read_record(data: bytes, name: PurePath) -> tuple[RawText, dict[str, str]]:
    """The text of one record (its title, summary and text, a line each or
    as the text runs) and the fields it gives; raises :class:`ArticleError`."""
    text, _ = decode_text(data, name)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(name, ProblemKind.NOT_RECORDS, exc.msg, lineno=exc.lineno) from None
    if not isinstance(record, Mapping):
        raise ArticleError(name, ProblemKind.NOT_RECORDS, "no object of fields")
    title = " ".join(_field(record, _TITLE).split())
    body = _plain(_field(record, _TEXT))
    if not body.strip():
        raise ArticleError(name, ProblemKind.NO_RECORD_TEXT, ", ".join(map(str, record)) or "-")
    lede = " ".join(_plain(_field(record, _LEDE)).split())
    if lede and " ".join(body.split()).startswith(lede):
        lede = ""  # the text opens with its summary
    # A text that is the whole page (a crawler's Markdown of it) holds its
    # headline and sapo where the page has them: not set again above its menus.
    squeezed = " ".join(body.split())
    heads = [part for part in (title, lede) if part and part not in squeezed]
    raw = decode_article("\n".join(_lines(*heads, body)).encode("utf-8"), name)
    crawled = _field(record, (), _CRAWLED)
    fields = {
        "title": title,
        "author": " ".join(_field(record, _AUTHOR).split()),
        "date": " ".join(_field(record, _DATE, _DATE_PARTS, without=_CRAWLED).split()),
        "accessed": " ".join(crawled.split()) if _DATE_LIKE.search(crawled) else "",
        "url": _field(record, _URL),
        # A path of sections ("Tin tức > Giáo dục"): the last is the article's.
        "category": " ".join(_CRUMB.split(_field(record, _SECTION).split("\n")[0])[-1].split()),
    }
    outlet = _field(record, _OUTLET)
    if _WEB.match(outlet):
        fields["url"] = fields["url"] or outlet  # "source": "https://..."
    elif outlet and "\n" not in outlet and len(outlet) <= 80:
        fields["outlet"] = outlet
    if not _WEB.match(fields["url"]):
        fields["url"] = ""
    return raw, {key: value for key, value in fields.items() if value}
