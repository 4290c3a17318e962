"""A polite HTTP client for ``briefbook fetch``.

One user agent naming briefbook; ``robots.txt`` read once per site and
obeyed (with its ``Crawl-delay``); a delay between two requests to the same
host; time-outs; a bounded number of retries with exponential back-off for
time-outs, lost connections, 429 and 5xx answers (urllib3's ``Retry``, which
honours ``Retry-After``); redirects followed one by one (each target checked
against its own site's ``robots.txt``) up to a bound; bodies read up to a
size limit. Every failure is a :class:`Failed` with a :class:`Failure` kind
and a reason a person can read: nothing raises for a bad page.
"""

from __future__ import annotations

import enum
import time
import urllib.robotparser
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    ProtocolError,
    ReadTimeoutError,
)

from briefbook import __version__

__all__ = [
    "HTML_TYPES",
    "USER_AGENT",
    "Client",
    "ClientSettings",
    "Failed",
    "Failure",
    "Fetched",
]

ROBOTS_AGENT = "briefbook"
"""The name ``robots.txt`` rules are matched against."""
USER_AGENT = f"briefbook/{__version__} (briefing-book builder; fetches the pages it is given, one at a time)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_CRAWL_DELAY = 30.0
"""A site's ``Crawl-delay`` is obeyed up to this many seconds."""


class Failure(enum.Enum):
    """Why a page was not fetched."""

    BAD_URL = "not a web address"
    ROBOTS = "forbidden by robots.txt"
    NOT_FOUND = "not found"
    ACCESS = "login wall or access refused"
    HTTP = "HTTP error"
    TIMEOUT = "time-out"
    CONNECTION = "cannot connect"
    REDIRECTS = "too many redirects"
    TOO_LARGE = "too large"
    NOT_HTML = "not an HTML page"
    LOGIN = "login wall"
    NO_TEXT = "no article text"
    NOT_FEED = "not a feed"


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """How politely and how patiently pages are fetched."""

    timeout: float = 20.0
    """Seconds to wait for a connection, and for each read."""
    retries: int = 2
    """Further tries after a time-out, a lost connection, a 429 or a 5xx."""
    backoff: float = 1.0
    """Back-off factor in seconds: the waits between tries are 0, 2, 4... times
    it, and never less than ``delay``."""
    delay: float = 2.0
    """Seconds between two requests to the same host (more if robots.txt asks)."""
    max_bytes: int = 10 * 1024 * 1024
    """A page larger than this is refused."""
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as served."""

    url: str
    """The address asked for."""
    final_url: str
    """The address that answered, after redirects."""
    content_type: str
    """The ``Content-Type`` header as sent (``""`` if none)."""
    http_date: str
    """The ``Date`` header (``""`` if none)."""
    last_modified: str
    """The ``Last-Modified`` header (``""`` if none)."""
    body: bytes
    """The bytes served (after any transfer compression is undone)."""

    @property
    def mime_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()


@dataclass(frozen=True, slots=True)
class Failed:
    """A page that could not be fetched, and why."""

    url: str
    failure: Failure
    detail: str = ""

    @property
    def reason(self) -> str:
        return f"{self.failure.value} ({self.detail})" if self.detail else self.failure.value


class _Refused(Exception):
    """Internal: ends one fetch with a :class:`Failed`."""

    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(failure, detail)
        self.failure = failure
        self.detail = detail


def _retry_class(min_wait: float) -> type[urllib3.Retry]:
    """urllib3's ``Retry``, whose first retry waits as long as the per-host
    delay too (urllib3 retries at once the first time)."""

    class PoliteRetry(urllib3.Retry):
        def get_backoff_time(self) -> float:
            errors = len(self.history)
            return max(super().get_backoff_time(), min_wait if errors else 0.0)

    return PoliteRetry


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Client:
    """Fetches pages over HTTP(S), politely; one per run."""

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or ClientSettings()
        self._clock = clock
        self._sleep = sleep
        retry = _retry_class(self.settings.delay)(
            total=self.settings.retries,
            redirect=False,
            status_forcelist=_RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=self.settings.backoff,
            raise_on_status=False,
            respect_retry_after_header=True,
            retry_after_max=int(_MAX_CRAWL_DELAY),
        )
        headers = urllib3.make_headers(accept_encoding=True, user_agent=self.settings.user_agent)
        headers["Accept"] = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
        self._pool = urllib3.PoolManager(
            headers=headers,
            retries=retry,
            timeout=urllib3.Timeout(connect=self.settings.timeout, read=self.settings.timeout),
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        """Each site's rules, or why nothing may be fetched from it."""
        self._last: dict[str, float] = {}

    def get(self, url: str, types: Collection[str] | None = HTML_TYPES) -> Fetched | Failed:
        """The page at ``url``, or why not; ``types`` are the media types
        kept (``None``: any)."""
        try:
            return self._get(url, types)
        except _Refused as refused:
            return Failed(url, refused.failure, refused.detail)

    def _get(self, url: str, types: Collection[str] | None) -> Fetched:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https") or not urlsplit(current).hostname:
                raise _Refused(Failure.BAD_URL, current)
            self._check_robots(current, url)
            response = self._request(current)
            try:
                location = response.headers.get("Location")
                if 300 <= response.status < 400 and location:
                    response.close()  # its body unread: the connection is not reused
                    current = urljoin(current, location)
                    continue
                self._check_status(response.status)
                content_type = response.headers.get("Content-Type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                if types is not None and mime not in types:
                    raise _Refused(Failure.NOT_HTML, mime or "no content type")
                body = self._read(response)
            except _Refused:
                response.close()
                raise
            finally:
                response.release_conn()
            return Fetched(
                url=url,
                final_url=current,
                content_type=content_type,
                http_date=response.headers.get("Date", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                body=body,
            )
        raise _Refused(Failure.REDIRECTS, f"more than {self.settings.max_redirects}")

    def _request(self, url: str) -> urllib3.BaseHTTPResponse:
        self._wait(url)
        try:
            return self._pool.request("GET", url, redirect=False, preload_content=False)
        except MaxRetryError as exc:
            if isinstance(exc.reason, (ReadTimeoutError, ConnectTimeoutError, TimeoutError)):
                raise _Refused(Failure.TIMEOUT, f"no answer in {self.settings.timeout:g} s") from exc
            raise _Refused(Failure.CONNECTION, str(exc.reason)) from exc
        except HTTPError as exc:
            raise _Refused(Failure.CONNECTION, str(exc)) from exc
        finally:
            self._last[urlsplit(url).netloc] = self._clock()

    def _wait(self, url: str) -> None:
        """Sleep until the host's delay since its last request has passed."""
        host = urlsplit(url).netloc
        delay = self.settings.delay
        robots = self._robots.get(_origin(url))
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            crawl_delay = robots.crawl_delay(ROBOTS_AGENT)
            if crawl_delay is not None:
                delay = max(delay, min(float(crawl_delay), _MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    @staticmethod
    def _check_status(status: int) -> None:
        if status in (404, 410):
            raise _Refused(Failure.NOT_FOUND, f"HTTP {status}")
        if status in (401, 402, 403, 407, 451):
            raise _Refused(Failure.ACCESS, f"HTTP {status}")
        if not 200 <= status < 300:
            raise _Refused(Failure.HTTP, f"HTTP {status}")

    def _read(self, response: urllib3.BaseHTTPResponse, limit: int | None = None) -> bytes:
        """The body, up to the size limit, within a few time-outs in all
        (a server trickling bytes is not waited for forever)."""
        limit = self.settings.max_bytes if limit is None else limit
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Refused(Failure.TOO_LARGE, f"{int(declared)} bytes, the limit is {limit}")
        deadline = self._clock() + 3 * self.settings.timeout
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise _Refused(Failure.TOO_LARGE, f"more than {limit} bytes")
                if self._clock() > deadline:
                    raise _Refused(Failure.TIMEOUT, "the page came too slowly")
                chunks.append(chunk)
        except ReadTimeoutError as exc:
            raise _Refused(Failure.TIMEOUT, f"no answer in {self.settings.timeout:g} s") from exc
        except (ProtocolError, HTTPError) as exc:
            raise _Refused(Failure.CONNECTION, str(exc)) from exc
        return b"".join(chunks)

    def _check_robots(self, url: str, asked: str) -> None:
        """Refuse ``url`` if its site's ``robots.txt`` forbids it (RFC 9309:
        none, or a 4xx, allows everything; a 5xx or no answer allows nothing)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, str):
            raise _Refused(Failure.ROBOTS, robots)
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise _Refused(Failure.ROBOTS, "" if url == asked else f"redirected to {url}")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        current = f"{origin}/robots.txt"
        for _ in range(self.settings.max_redirects + 1):
            try:
                response = self._request(current)
            except _Refused as refused:
                return f"robots.txt: {refused.failure.value}"
            try:
                location = response.headers.get("Location")
                if 300 <= response.status < 400 and location:
                    response.close()
                    current = urljoin(current, location)
                    continue
                if not 200 <= response.status < 300:
                    response.close()
                    if 400 <= response.status < 500:
                        parser.parse([])  # no rules: everything allowed
                        return parser
                    return f"robots.txt: HTTP {response.status}"
                try:
                    body = self._read(response, limit=500 * 1024)
                except _Refused as refused:
                    response.close()
                    return f"robots.txt: {refused.failure.value}"
            finally:
                response.release_conn()
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            return parser
        return "robots.txt: too many redirects"
