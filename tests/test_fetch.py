"""`briefbook fetch`: pages from a real HTTP server on 127.0.0.1, then `book`.

The server serves the real saved page of tests/fixtures/html (under several
addresses: its own, a redirect to it, with a tracking parameter), a feed
listing them, a 404, a slow page, a plain-text file (a real seed article), a
path robots.txt forbids and a login wall. Nothing leaves the machine.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath

import pytest
import yaml

from briefbook.book import read_article
from briefbook.cli import main
from briefbook.fetch import (
    PageFacts,
    file_stem,
    page_facts,
    sidecar_text,
    sidecar_urls,
    url_key,
    urls_in_text,
)
from briefbook.read.overrides import parse_overrides
from briefbook.web.feeds import feed_links
from briefbook.web.webclient import Client, ClientSettings, Failed, Failure, Fetched

from .books import SEEDS

PAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "htv-mo-them-nhung-nhip-cau.html"
TITLE = "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp"
CANONICAL = "https://www.htv.com.vn/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"
SEED = "000_33420b19da835728.txt"
NAME = "2025-11-02_mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"
# Not an article: what a site shows instead of one.
LOGIN_PAGE = (
    b'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>\xc4\x90\xc4\x83ng nh\xe1\xba\xadp'
    b'</title></head><body><form action="/dang-nhap" method="post"><input name="user">'
    b'<input type="password" name="pass"><button>OK</button></form></body></html>'
)


def _feed(base: str) -> bytes:
    items = [
        (f"{base}/r/htv", TITLE, "Sun, 02 Nov 2025 12:00:00 GMT"),
        (f"{base}/tin/htv.html?utm_source=rss", TITLE, "Sun, 02 Nov 2025 12:00:00 GMT"),
        (f"{base}/missing", "404", "Sat, 01 Nov 2025 08:00:00 GMT"),
        (f"{base}/slow", "slow", "Sat, 01 Nov 2025 07:00:00 GMT"),
        (f"{base}/seed.txt", "text", "Sat, 01 Nov 2025 06:00:00 GMT"),
        (f"{base}/private/htv.html", "robots", "Sat, 01 Nov 2025 05:00:00 GMT"),
        (f"{base}/members/htv", "login", "Sat, 01 Nov 2025 04:00:00 GMT"),
        (f"{base}/old", "old", "Mon, 06 Jan 2020 04:00:00 GMT"),
    ]
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for u, t, d in items
    )
    rss = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>HTV</title>{body}'
    return (rss + "</channel></rss>").encode("utf-8")


@dataclass
class Site:
    """A local web site and the requests it answered."""

    base: str = ""
    log: list[tuple[float, str, str]] = field(default_factory=list)
    """(time, path, user agent) of each request."""
    flaky: int = 0
    """503 answers still to give on /flaky."""

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.log]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    page = PAGE.read_bytes()
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}),
        "/tin/htv.html": (200, "text/html; charset=utf-8", page, {}),
        "/private/htv.html": (200, "text/html; charset=utf-8", page, {}),
        "/r/htv": (301, "text/html", b"", {"Location": "/tin/htv.html"}),
        "/loop": (302, "text/html", b"", {"Location": "/loop"}),
        "/members/htv": (302, "text/html", b"", {"Location": "/dang-nhap?next=/members/htv"}),
        "/dang-nhap": (200, "text/html; charset=utf-8", LOGIN_PAGE, {}),
        "/seed.txt": (200, "text/plain; charset=utf-8", (SEEDS / SEED).read_bytes(), {}),
        "/big": (200, "text/html", b"<html><body>" + b" " * 3_000_000 + b"</body></html>", {}),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            site.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            if path == "/feed.xml":
                status, ctype, body, headers = 200, "application/rss+xml", _feed(site.base), {}
            elif path == "/slow":
                time.sleep(2)
                status, ctype, body, headers = 200, "text/html", page, {}
            elif path == "/flaky" and site.flaky > 0:
                site.flaky -= 1
                status, ctype, body, headers = 503, "text/plain", b"busy", {"Retry-After": "0"}
            elif path == "/flaky":
                status, ctype, body, headers = 200, "text/html; charset=utf-8", page, {}
            else:
                status, ctype, body, headers = routes.get(path, (404, "text/html", b"<h1>404</h1>", {}))
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[Site]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server: Site) -> Site:
    server.log.clear()
    return server


def _fetch(*args: str) -> int:
    return main(["fetch", "--delay", "0", "--timeout", "0.5", *args])


def test_feed_fetch_then_book(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles"
    assert _fetch("--feed", f"{site.base}/feed.xml", "--since", "2025-01-01", "--into", str(articles)) == 1
    out, err = capsys.readouterr()
    assert sorted(p.name for p in articles.iterdir()) == [f"{NAME}.html", f"{NAME}.yaml"]
    assert (articles / f"{NAME}.html").read_bytes() == PAGE.read_bytes()  # as served
    sidecar = (articles / f"{NAME}.yaml").read_text("utf-8")
    fields = yaml.safe_load(sidecar)
    assert fields["url"] == CANONICAL
    assert fields["accessed"].date() == dt.date.today()
    assert fields["accessed"].tzinfo is not None
    assert "# http_date: " in sidecar and f"# requested: {site.base}/r/htv" in sidecar
    assert f"# answered: {site.base}/tin/htv.html" in sidecar
    # The same page by another address: not saved twice.
    assert f"already in the folder: {articles / NAME}.html  <- {site.base}/tin/htv.html?utm_source=rss" in out
    assert f"error: {site.base}/missing: not found (HTTP 404)" in err
    assert f"error: {site.base}/slow: time-out (no answer in 0.5 s)" in err
    assert f"error: {site.base}/seed.txt: not an HTML page (text/plain)" in err
    assert f"error: {site.base}/private/htv.html: forbidden by robots.txt" in err
    assert f"error: {site.base}/members/htv: login wall (sent to {site.base}/dang-nhap" in err
    assert "/old" not in site.paths()  # before --since
    assert "/private/htv.html" not in site.paths()
    assert all(agent.startswith("briefbook/") for _, _, agent in site.log)

    site.log.clear()
    assert _fetch("--feed", f"{site.base}/feed.xml", "--since", "2025-01-01", "--into", str(articles)) == 1
    out, _ = capsys.readouterr()
    assert not {"/r/htv", "/tin/htv.html", "/tin/htv.html?utm_source=rss"} & set(site.paths())
    assert "briefbook fetch: 2 already in the folder, 5 failed" in out
    assert sorted(p.name for p in articles.iterdir()) == [f"{NAME}.html", f"{NAME}.yaml"]

    _, article = read_article(articles / f"{NAME}.html", PurePath(f"{NAME}.html"))
    assert article.title == TITLE
    assert article.meta.url == CANONICAL
    assert article.meta.accessed == dt.date.today()
    assert article.meta.date is not None and article.meta.date.date == dt.date(2025, 11, 2)
    assert not [p.message for p in article.problems if "override" in p.message]

    docs = tmp_path / "docs"
    assert main(["book", str(articles), "--out", str(docs), "--html"]) == 0
    chapters = list((docs / "chapters").glob("*.md"))
    assert len(chapters) == 1
    chapter = chapters[0].read_text("utf-8")
    assert f"title: {TITLE}\n" in chapter and f"url: {CANONICAL}\n" in chapter
    assert "published: '2025-11-02'\n" in chapter and f"source_file: {NAME}.html\n" in chapter
    html = next((docs / "_build" / "html" / "chapters").glob("*.html")).read_text("utf-8")
    assert "nhịp cầu" in html and "htv.com.vn" in html


def test_second_run_fetches_nothing(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    links = tmp_path / "links.txt"
    links.write_text(f"Xem: {site.base}/r/htv, và {site.base}/tin/htv.html#binh-luan.\n", "utf-8")
    assert _fetch("--from", str(links), "--into", str(tmp_path / "a")) == 0
    assert site.paths() == ["/robots.txt", "/r/htv", "/tin/htv.html"]
    site.log.clear()
    assert _fetch("--from", str(links), f"{site.base}/tin/htv.html", "--into", str(tmp_path / "a")) == 0
    assert site.paths() == []
    assert "briefbook fetch: 3 already in the folder" in capsys.readouterr().out
    # One address written two ways fails once, and is asked for once.
    missing = [f"{site.base}/missing", f"{site.base}/missing#top"]
    assert _fetch(*missing, "--into", str(tmp_path / "a")) == 1
    assert site.paths() == ["/robots.txt", "/missing"]
    assert capsys.readouterr().err.count("not found (HTTP 404)") == 2


def test_refresh_keeps_the_older_copy_when_the_text_changed(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{site.base}/tin/htv.html"
    assert _fetch(url, "--into", str(tmp_path)) == 0
    assert _fetch(url, "--refresh", "--into", str(tmp_path)) == 0
    assert "unchanged:" in capsys.readouterr().out
    assert len(list(tmp_path.iterdir())) == 2
    # An older copy that differs (what the site served before: a login wall),
    # and a field the editor added to the sidecar.
    (tmp_path / f"{NAME}.html").write_bytes(LOGIN_PAGE)
    sidecar = tmp_path / f"{NAME}.yaml"
    sidecar.write_text(sidecar.read_text("utf-8") + "category: Y tế\n", "utf-8")
    old_sidecar = sidecar.read_bytes()
    assert _fetch(url, "--refresh", "--into", str(tmp_path)) == 0
    assert "refreshed:" in capsys.readouterr().out
    assert (tmp_path / f"{NAME}.html").read_bytes() == PAGE.read_bytes()
    [old_page] = tmp_path.glob(f"{NAME}.*.html.old")
    [old_yaml] = tmp_path.glob(f"{NAME}.*.yaml.old")
    assert old_page.read_bytes() == LOGIN_PAGE and old_yaml.read_bytes() == old_sidecar
    assert yaml.safe_load(sidecar.read_text("utf-8"))["category"] == "Y tế"


def test_client_retries_delays_and_limits(site: Site) -> None:
    client = Client(ClientSettings(delay=0.3, timeout=2, backoff=0, max_bytes=1_000_000, max_redirects=3))
    site.flaky = 1
    fetched = client.get(f"{site.base}/flaky")
    assert isinstance(fetched, Fetched) and fetched.body == PAGE.read_bytes()
    assert site.paths() == ["/robots.txt", "/flaky", "/flaky"]
    times = [t for t, _, _ in site.log]
    assert all(b - a >= 0.25 for a, b in itertools.pairwise(times))  # the per-host delay
    big = client.get(f"{site.base}/big")
    assert isinstance(big, Failed) and big.failure is Failure.TOO_LARGE
    loop = client.get(f"{site.base}/loop")
    assert isinstance(loop, Failed) and loop.failure is Failure.REDIRECTS
    assert isinstance(client.get("ftp://127.0.0.1/x"), Failed)


def test_names_sort_by_date_then_slug() -> None:
    def stem(date: dt.date | None, title: str) -> str:
        return file_stem(PageFacts("https://x.vn/tin/bai-a.html", title, date, "text"))

    names = [
        stem(dt.date(2025, 11, 2), "Ưu tiên ngân sách"),
        stem(None, "Không ngày"),
        stem(dt.date(2025, 10, 30), "Bệnh viện Chợ Rẫy"),
        stem(dt.date(2025, 11, 2), "Ấn Độ"),
    ]
    assert sorted(names) == [
        "2025-10-30_benh-vien-cho-ray",
        "2025-11-02_an-do",
        "2025-11-02_uu-tien-ngan-sach",
        "undated_khong-ngay",
    ]
    assert stem(None, "") == "undated_bai-a"


def test_addresses_and_sidecars() -> None:
    assert urls_in_text("Đọc https://a.vn/x?id=1, rồi (https://b.vn/y).\nhttps://a.vn/x?id=1") == [
        "https://a.vn/x?id=1",
        "https://b.vn/y",
    ]
    assert url_key("HTTPS://WWW.Htv.com.vn:443/a?utm_source=x#top") == url_key("https://www.htv.com.vn/a")
    assert url_key("https://a.vn/x?id=1") != url_key("https://a.vn/x?id=2")
    facts = page_facts(PAGE.read_bytes(), "http://127.0.0.1/tin/htv.html")
    assert isinstance(facts, PageFacts) and facts.url == CANONICAL and facts.title == TITLE
    date = "Mon, 01 Dec 2026 00:00:00 GMT"
    fetched = Fetched("http://x/a", "http://x/b\nurl: http://evil", "text/html", date, "", b"")
    accessed = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    text = sidecar_text(fetched, facts, accessed, {"title": "Tiêu đề: sửa", "bogus": 1, "url": "x"})
    fields, problems = parse_overrides(text, PurePath("a.yaml"))
    assert problems == []  # the reader takes every field, and ignores the comments
    assert fields == {"url": CANONICAL, "title": "Tiêu đề: sửa", "accessed": accessed}
    assert sidecar_urls(text) == (CANONICAL, "http://x/a")  # a newline cannot make a field
    assert isinstance(page_facts(LOGIN_PAGE, "http://x/p"), Failed)
    # An article about logging in is not a login wall; a redirect to a login page is.
    login = "http://x/tin/loi-login-ngan-hang.html"
    assert isinstance(page_facts(PAGE.read_bytes(), login, login), PageFacts)
    assert isinstance(page_facts(PAGE.read_bytes(), "http://x/dang-nhap?next=/a", "http://x/a"), Failed)


def test_feed_filters() -> None:
    feed = _feed("http://127.0.0.1:1")
    links = feed_links(feed, "http://127.0.0.1:1/feed.xml", since=dt.date(2025, 11, 2))
    assert links == ["http://127.0.0.1:1/r/htv", "http://127.0.0.1:1/tin/htv.html?utm_source=rss"]
    assert feed_links(feed, "http://127.0.0.1:1/feed.xml", match=["HOP TAC"]) == links
    assert feed_links(feed, "http://127.0.0.1:1/feed.xml", match=["ung thư"]) == []
    assert isinstance(feed_links(PAGE.read_bytes(), "http://x/feed"), Failed)
