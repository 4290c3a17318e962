"""Shared fixtures: real conversions and real Sphinx/LaTeX builds, made once per run."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefbook.book import Conversion, convert
from briefbook.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
EXPECTED = Path(__file__).resolve().parent / "expected"


@dataclass(frozen=True)
class BuiltBook:
    docs: Path
    conversion: Conversion
    result: BuildResult


def _build_book(articles: Path, docs: Path) -> BuiltBook:
    conversion = convert(articles, docs)
    result = build(docs)
    return BuiltBook(docs, conversion, result)


@pytest.fixture(scope="session")
def seed_book(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    """The seeds, converted and built (HTML and PDF)."""
    return _build_book(SEEDS, tmp_path_factory.mktemp("seed-book") / "docs")


@pytest.fixture(scope="session")
def fixture_book(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    """The real articles of tests/fixtures plus two unreadable files."""
    articles = tmp_path_factory.mktemp("fixture-articles")
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, articles / path.name)
    (articles / "90_binary.txt").write_bytes(bytes(range(256)) * 4)
    # Not UTF-8: legacy Vietnamese bytes (until the reader learns legacy encodings).
    (articles / "91_legacy.txt").write_bytes(b"Ti\xeau \xf0\xd2\nN\xf4\xf2i dung b\xe0i b\xe1o.\n")
    return _build_book(articles, tmp_path_factory.mktemp("fixture-book") / "docs")


@pytest.fixture(scope="session")
def http_root(seed_book: BuiltBook) -> Iterator[str]:
    """The seed book's HTML served on 127.0.0.1."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(seed_book.docs / "_build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
