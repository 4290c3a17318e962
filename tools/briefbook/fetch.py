"""``briefbook fetch``: web pages saved into the articles folder.

Each page is kept as the ``.html`` it was served (the provenance a citation
rests on) with a sidecar ``NAME.yaml`` holding the fields the reader takes
(``url``, the page's canonical address where it names one, and ``accessed``)
and, as YAML comments the reader ignores, the rest of the provenance: the
address asked for, the address that answered, the HTTP ``Date`` and
``Last-Modified`` headers and the content type. Names are
``DATE_SLUG.html`` (publication date, then the title's slug), so the chapters
come in date order. A page whose address (asked, answered or canonical) is
already in the folder is not fetched again unless ``refresh`` is set; a
refreshed page whose text changed keeps its older copy beside it as
``NAME.STAMP.html.old`` (with ``NAME.STAMP.yaml.old``), which the reader
does not read.

Pure functions turn pages into records and records into file names and
sidecars; only :func:`fetch_pages` touches the network (through
:class:`briefbook.web.webclient.Client`) and the folder. Feeds are read by
:mod:`briefbook.web.feeds`.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import courlan
import lxml.html
import trafilatura
import yaml
from lxml.etree import ParserError
from trafilatura.deduplication import LRUCache
from trafilatura.settings import LRU_SIZE

from briefbook import __version__
from briefbook.book import SIDECAR_SUFFIXES, find_articles
from briefbook.core.vietnamese import slugify
from briefbook.read.htmlpage import HTML_SUFFIXES
from briefbook.read.overrides import FIELDS, parse_overrides, split_front_matter
from briefbook.web.webclient import Client, Failed, Failure, Fetched

__all__ = [
    "Outcome",
    "PageFacts",
    "Result",
    "fetch_pages",
    "file_stem",
    "index_folder",
    "page_facts",
    "sidecar_text",
    "sidecar_urls",
    "url_key",
    "urls_in_text",
]

_HEADER = "# Saved by briefbook fetch"
_PROVENANCE = re.compile(r"^# (requested|answered|also): (\S+)$", re.MULTILINE)
_LOGIN_PATH = re.compile(
    r"(?:^|[/_.=-])(?:login|log-in|signin|sign-in|sign_in|dang-nhap|dangnhap|account/auth)(?:$|[/_.?&=-])",
    re.IGNORECASE,
)
_SHORT_TEXT = 500
"""A page with a password field and less main text than this is a login wall."""
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'«»]+")


class Outcome(enum.Enum):
    SAVED = "saved"
    REFRESHED = "refreshed"
    UNCHANGED = "unchanged"
    SKIPPED = "already in the folder"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one address."""

    url: str
    outcome: Outcome
    name: str = ""
    """The article's file in the folder."""
    reason: str = ""
    """Why it failed, or was skipped."""

    @property
    def ok(self) -> bool:
        return self.outcome is not Outcome.FAILED


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What a saved page is, as far as naming and deduplication go."""

    url: str
    """The canonical address the page names, else the address that answered."""
    title: str
    date: dt.date | None
    """Publication date (trafilatura's metadata, which uses htmldate)."""
    text: str
    """The main text, to tell whether a page changed."""


# --- Pure functions ---------------------------------------------------------


def urls_in_text(text: str) -> list[str]:
    """The web addresses in a text (a list of links, a message), in order,
    each once; trailing punctuation is not part of an address."""
    found: dict[str, None] = {}
    for m in _URL_IN_TEXT.finditer(text):
        url = m.group(0).rstrip(".,;:!?)]}")
        found.setdefault(url, None)
    return list(found)


def url_key(url: str) -> str:
    """The address as compared: normalised by courlan (host case, default
    port, tracking parameters, query order), fragment dropped."""
    url = urldefrag(url.strip())[0]
    try:
        return str(courlan.normalize_url(url))
    except ValueError:
        return url


def _main_text(body: bytes) -> str:
    text = trafilatura.extract(
        body,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        # Repeats within this page only (see briefbook.read.htmlpage).
        deduplicate=LRUCache(maxsize=LRU_SIZE),
    )
    return str(text or "").strip()


def _has_password_field(body: bytes) -> bool:
    try:
        return bool(lxml.html.document_fromstring(body).xpath("//input[@type='password']"))
    except (ParserError, ValueError):
        return False


def page_facts(body: bytes, final_url: str, asked: str = "") -> PageFacts | Failed:
    """The page's canonical address, title, date and text, or why it is not
    an article: a login wall (a redirect from ``asked`` to a login address,
    or a password field and little text), or a page with no main text."""
    parts = urlsplit(final_url)
    if asked and url_key(asked) != url_key(final_url) and _LOGIN_PATH.search(f"{parts.path}?{parts.query}"):
        return Failed(final_url, Failure.LOGIN, f"sent to {final_url}")
    text = _main_text(body)
    if len(text) < _SHORT_TEXT and _has_password_field(body):
        return Failed(final_url, Failure.LOGIN, "the page asks for a password")
    if not text:
        return Failed(final_url, Failure.NO_TEXT, "not an article page?")
    meta = trafilatura.extract_metadata(body, default_url=final_url)
    url, title, date = final_url, "", None
    if meta is not None:
        if meta.url:
            canonical = urljoin(final_url, str(meta.url).strip())
            if urlsplit(canonical).scheme in ("http", "https"):
                url = canonical
        title = str(meta.title or "").strip()
        try:
            date = dt.date.fromisoformat(str(meta.date)[:10]) if meta.date else None
        except ValueError:
            date = None
    return PageFacts(url=url, title=title, date=date, text=text)


def file_stem(facts: PageFacts) -> str:
    """``2025-11-02_mo-them-nhung-nhip-cau``: publication date, then the
    title's slug (the address's last part when there is no title); pages
    without a date are named ``undated_...`` and come after the others."""
    path = urlsplit(facts.url).path.rstrip("/")
    slug = slugify(facts.title) or slugify(path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "page"
    return f"{facts.date.isoformat() if facts.date else 'undated'}_{slug}"


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def sidecar_text(
    fetched: Fetched, facts: PageFacts, accessed: dt.datetime, keep: Mapping[str, Any] | None = None
) -> str:
    """The sidecar of a saved page: ``url`` and ``accessed`` (fields the
    reader takes), the editor's fields of an earlier sidecar (``keep``), and
    the provenance as comments."""
    provenance = [
        ("requested", fetched.url),
        ("answered", fetched.final_url),
        ("http_date", fetched.http_date),
        ("last_modified", fetched.last_modified),
        ("content_type", fetched.content_type),
    ]
    lines = [f"{_HEADER} {__version__}; the comments are its record, the reader ignores them."]
    lines += [f"# {key}: {_one_line(value)}" for key, value in provenance if _one_line(value)]
    fields: dict[str, Any] = {"url": facts.url}
    fields.update({k: v for k, v in (keep or {}).items() if k in FIELDS and k not in ("url", "accessed")})
    body = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    return "\n".join(lines) + "\n" + body + f"accessed: {accessed.isoformat(timespec='seconds')}\n"


def sidecar_urls(text: str) -> tuple[str, ...]:
    """Every address a sidecar gives for its article: its ``url`` field and
    the addresses fetch recorded (asked for, answered, found later)."""
    fields, _ = parse_overrides(text, Path("sidecar"))
    urls = [str(fields["url"])] if isinstance(fields.get("url"), str) else []
    return (*urls, *(m.group(2) for m in _PROVENANCE.finditer(text)))


# --- The folder and the network ---------------------------------------------


def _sidecar_of(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        if path.with_suffix(suffix).is_file():
            return path.with_suffix(suffix)
    return None


def index_folder(folder: Path) -> dict[str, str]:
    """Address key to article file name, for every article of the folder
    whose sidecar or front matter gives an address."""
    index: dict[str, str] = {}
    for path in find_articles(folder):
        texts = []
        sidecar = _sidecar_of(path)
        if sidecar is not None:
            texts.append(sidecar.read_text("utf-8", errors="replace"))
        if path.suffix.lower() not in HTML_SUFFIXES:
            texts.append(split_front_matter(path.read_text("utf-8", errors="replace"))[0])
        for text in texts:
            for url in sidecar_urls(text):
                index.setdefault(url_key(url), path.name)
    return index


def _write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet (nothing is overwritten)."""
    with path.open("xb") as out:
        out.write(data)


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _keep_copy(path: Path, stamp: str) -> None:
    """Copy ``NAME.SUFFIX`` to ``NAME.STAMP.SUFFIX.old`` (a free name), which
    the reader does not read."""
    target, n = path.with_name(f"{path.stem}.{stamp}{path.suffix}.old"), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}.old")
    shutil.copy2(path, target)


def _free_stem(folder: Path, stem: str) -> str:
    candidate, n = stem, 1
    while any((folder / f"{candidate}{s}").exists() for s in (".html", *SIDECAR_SUFFIXES)):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _add_alias(folder: Path, name: str, url: str) -> None:
    """Note another address of a page in the sidecar fetch wrote for it
    (a comment line at the end; a sidecar of the editor's is left alone)."""
    sidecar = _sidecar_of(folder / name)
    if sidecar is not None and sidecar.read_text("utf-8", errors="replace").startswith(_HEADER):
        with sidecar.open("a", encoding="utf-8") as out:
            out.write(f"# also: {_one_line(url)}\n")


def _refresh(folder: Path, name: str, fetched: Fetched, facts: PageFacts, accessed: dt.datetime) -> Result:
    """Save a page again over its older copy, which is kept beside it when
    the text changed."""
    path = folder / name
    if path.suffix.lower() not in HTML_SUFFIXES:
        return Result(fetched.url, Outcome.SKIPPED, name, "not a fetched page; not refreshed")
    old = page_facts(path.read_bytes(), fetched.final_url)
    if isinstance(old, PageFacts) and old.text == facts.text:
        return Result(fetched.url, Outcome.UNCHANGED, name)
    sidecar = _sidecar_of(path)
    keep: Mapping[str, Any] = {}
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%dT%H%M%S")
    if sidecar is not None:
        keep, _ = parse_overrides(sidecar.read_text("utf-8", errors="replace"), sidecar)
        if isinstance(keep.get("accessed"), dt.datetime):
            stamp = keep["accessed"].strftime("%Y%m%dT%H%M%S")
        _keep_copy(sidecar, stamp)
    _keep_copy(path, stamp)
    _replace(path, fetched.body)
    target = sidecar or path.with_suffix(".yaml")
    _replace(target, sidecar_text(fetched, facts, accessed, keep).encode("utf-8"))
    return Result(fetched.url, Outcome.REFRESHED, name)


def _store(
    folder: Path, known: str | None, refresh: bool, fetched: Fetched, facts: PageFacts, now: dt.datetime
) -> Result:
    """Save a fetched page: as a new article, over its older copy, or not at
    all when it is already in the folder (as ``known``)."""
    if known and not refresh:
        _add_alias(folder, known, fetched.url)
        return Result(fetched.url, Outcome.SKIPPED, known, f"same page as {facts.url}")
    if known:
        return _refresh(folder, known, fetched, facts, now)
    stem = _free_stem(folder, file_stem(facts))
    _write_new(folder / f"{stem}.html", fetched.body)
    _write_new(folder / f"{stem}.yaml", sidecar_text(fetched, facts, now).encode("utf-8"))
    return Result(fetched.url, Outcome.SAVED, f"{stem}.html")


def _download(client: Client, url: str) -> tuple[Fetched, PageFacts] | Failed:
    """The page at ``url`` and what it is, or why it is not an article."""
    fetched = client.get(url)
    if isinstance(fetched, Failed):
        return fetched
    facts = page_facts(fetched.body, fetched.final_url, url)
    return facts if isinstance(facts, Failed) else (fetched, facts)


Progress = Callable[[int, int, str], None]
"""Called with (addresses done, addresses in all, the next address)."""


def fetch_pages(
    urls: Iterable[str],
    folder: Path,
    client: Client,
    refresh: bool = False,
    progress: Progress | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone(),
) -> list[Result]:
    """Fetch each address into ``folder`` (created if missing); one result
    per address, failures included, in order. With ``refresh``, pages
    already in the folder are fetched again."""
    folder.mkdir(parents=True, exist_ok=True)
    index = index_folder(folder)
    todo = list(dict.fromkeys(urls))
    results = []
    failed: dict[str, str] = {}
    for done, url in enumerate(todo):
        if progress:
            progress(done, len(todo), url)
        key = url_key(url)
        known = index.get(key)
        if known and not refresh:
            results.append(Result(url, Outcome.SKIPPED, known))
            continue
        if key in failed:  # the same address, written otherwise, failed already
            results.append(Result(url, Outcome.FAILED, reason=failed[key]))
            continue
        got = _download(client, url)
        if isinstance(got, Failed):
            failed[key] = got.reason
            results.append(Result(url, Outcome.FAILED, reason=got.reason))
            continue
        fetched, facts = got
        keys = {url_key(u) for u in (url, fetched.final_url, facts.url)}
        known = known or next((index[k] for k in keys if k in index), None)
        try:
            result = _store(folder, known, refresh, fetched, facts, now())
        except OSError as exc:
            results.append(Result(url, Outcome.FAILED, reason=f"cannot save: {exc}"))
            continue
        results.append(result)
        index.update(dict.fromkeys(keys, result.name))
    if progress:
        progress(len(todo), len(todo), "")
    return results
