"""The parse cache: articles parsed by an earlier run, found again by their bytes.

Reading an article is a pure function of the bytes of its file, the bytes of
its sidecar (``NAME.yaml``/``NAME.yml``), its name and briefbook's code and
data. So a parsed :class:`~briefbook.core.records.Article` is kept under a key
made of all of these (:func:`article_key`), and a later run that finds the
same key takes the record instead of parsing again.

The cache is one file (``_build/briefbook/articles.cache`` in the Sphinx
project, which is never committed): a header line with a format version
and the code fingerprint, a line with the SHA-256 of the payload, then the
payload (a pickle of key to article). A cache written by other code, cut
short, corrupt or of the wrong shape reads as empty (:func:`load_cache`), so
the articles are parsed again; it never stops a run and never gives an
article other than the one parsing would give. The pickle is only read
after its checksum and fingerprint match; it lives in the user's own build
folder, like Sphinx's pickled environment.

The same file format keeps what the conversion made from each article
(``_build/briefbook/render.cache``: its glossary scan, BibTeX entry and
chapter, see :func:`briefbook.book.plan_project`), keyed on a digest of the
article's record as it stands in the book and what else the text depends
on: never on the article's position, so re-ordering the chapters (parts)
cannot pair one article with another's text.

Only this module's callers touch the file system (:mod:`briefbook.book`);
the functions here work on bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from briefbook.core.records import Article

__all__ = [
    "CACHE_FILE",
    "RENDER_CACHE_FILE",
    "article_key",
    "code_fingerprint",
    "dump_cache",
    "load_cache",
    "load_cache_file",
    "save_cache_file",
]

CACHE_FILE = "_build/briefbook/articles.cache"
"""Where the cache lives, relative to the Sphinx project."""

RENDER_CACHE_FILE = "_build/briefbook/render.cache"
"""Where the texts made from each article live (see :func:`briefbook.book.plan_project`)."""

_MAGIC = b"briefbook-parse-cache 1"

# Packages whose behaviour shapes a parsed article (HTML pages, YAML sidecars).
_DEPENDENCIES = (
    "trafilatura",
    "htmldate",
    "courlan",
    "justext",
    "lxml",
    "lxml_html_clean",
    "charset-normalizer",
    "PyYAML",
)


def _package_files(package: Path) -> list[Path]:
    return sorted(
        p
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    )


def fingerprint_of(package: Path) -> str:
    """A digest of every file of the package at ``package`` (code and data),
    the Python version and the versions of the libraries the reader uses."""
    digest = hashlib.sha256(sys.version.encode() + b"\0")
    for name in _DEPENDENCIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    for path in _package_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """The fingerprint of the installed briefbook (see :func:`fingerprint_of`)."""
    return fingerprint_of(Path(__file__).resolve().parent.parent)


def article_key(fingerprint: str, name: PurePath, data: bytes, sidecars: Sequence[tuple[str, bytes]]) -> str:
    """The cache key of one article: code, name, file and sidecar bytes."""
    digest = hashlib.sha256()
    # A file name that is not UTF-8 has its bytes as surrogates (os.fsdecode).
    for part in (fingerprint.encode(), name.as_posix().encode("utf-8", "surrogateescape"), data):
        digest.update(len(part).to_bytes(8, "big") + part)
    for suffix, content in sidecars:
        for part in (suffix.encode(), content):
            digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _header(fingerprint: str) -> bytes:
    return _MAGIC + b" " + fingerprint.encode("ascii") + b"\n"


def dump_cache(entries: Mapping[str, object], fingerprint: str) -> bytes:
    """The cache file's bytes for ``entries`` (key to value), in key order."""
    payload = pickle.dumps(dict(sorted(entries.items())), protocol=pickle.HIGHEST_PROTOCOL)
    checksum = hashlib.sha256(payload).hexdigest().encode("ascii")
    return _header(fingerprint) + checksum + b"\n" + payload


def load_cache(data: bytes, fingerprint: str, kinds: tuple[type, ...] = (Article,)) -> dict[str, Any]:
    """The entries of a cache file; empty when it is not a sound cache
    written by this code (other fingerprint, cut short, corrupt) or when
    a value is not of one of ``kinds``."""
    header = _header(fingerprint)
    if not data.startswith(header):
        return {}
    checksum, newline, payload = data[len(header) :].partition(b"\n")
    if not newline or hashlib.sha256(payload).hexdigest().encode("ascii") != checksum:
        return {}
    try:
        entries = pickle.loads(payload)
    except Exception:  # a sound checksum makes this unlikely; still never fatal
        return {}
    if not isinstance(entries, dict) or not all(
        isinstance(k, str) and isinstance(v, kinds) for k, v in entries.items()
    ):
        return {}
    return entries


def load_cache_file(path: Path, fingerprint: str, kinds: tuple[type, ...] = (Article,)) -> dict[str, Any]:
    """The entries of the cache file at ``path``; none when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    return load_cache(data, fingerprint, kinds)


def save_cache_file(path: Path, data: bytes) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
