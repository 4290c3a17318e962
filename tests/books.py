"""The whole books the heavy tests share: real conversions and real Sphinx/LaTeX builds,
made once per run (a plugin of ``conftest.py``), and the paths of the test data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from briefbook.book import Conversion, convert
from briefbook.build import BuildResult, build

from .encodings import to_cp1258

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
    """The real articles and the saved web page of tests/fixtures, a cp1258 file and two unreadable files."""
    articles = tmp_path_factory.mktemp("fixture-articles")
    for path in [*FIXTURES.glob("*.txt"), *(FIXTURES.parent / "html").glob("*.html")]:
        shutil.copy(path, articles / path.name)
    (articles / "90_binary.txt").write_bytes(bytes(range(256)) * 4)
    # A Windows-1258 copy of a seed (read), and UTF-8 read as cp1252 (refused).
    seed = (SEEDS / "000_33420b19da835728.txt").read_text("utf-8")
    (articles / "91_cp1258.txt").write_bytes(
        to_cp1258(seed.replace("Hợp tác quốc tế", "Hợp tác quốc tế (bản cp1258)", 1))
    )
    mojibake = seed.encode("utf-8").decode("cp1252", errors="replace").encode("cp1258", errors="replace")
    (articles / "92_mojibake.txt").write_bytes(mojibake)
    return _build_book(articles, tmp_path_factory.mktemp("fixture-book") / "docs")


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` served on 127.0.0.1; yields the root URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def http_root(seed_book: BuiltBook) -> Iterator[str]:
    """The seed book's HTML served on 127.0.0.1."""
    with serve(seed_book.docs / "_build" / "html") as root:
        yield root


CHROMIUM = "/usr/bin/chromium"  # Debian's chromium; playwright's own download does not work here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, shared by the browser tests."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
