"""Save a saved web page again as Chromium's single-file MHTML, mechanically.

    .venv/bin/python bench/reader_mhtml.py SAVED.html URL OUT.mhtml

The page is served to Chromium (from /usr/bin/chromium, JavaScript off) at
its own address ``URL`` from the saved file's bytes, every other request
refused, and captured with the DevTools protocol's ``Page.captureSnapshot``
(``format: mhtml``): what "Save page as... Webpage, Single File" writes.
Nothing is edited.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Route, sync_playwright


def snapshot(saved: Path, url: str) -> str:
    """The MHTML Chromium writes for the page ``saved`` opened at ``url``."""
    body = saved.read_bytes()

    def serve(route: Route) -> None:
        if route.request.url == url:
            route.fulfill(status=200, body=body, headers={"Content-Type": "text/html"})
        else:
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
            context.route("**/*", serve)
            page = context.new_page()
            page.goto(url, wait_until="load", timeout=60_000)
            session = context.new_cdp_session(page)
            return str(session.send("Page.captureSnapshot", {"format": "mhtml"})["data"])
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    saved, url, out = Path(argv[0]), argv[1], Path(argv[2])
    out.write_bytes(snapshot(saved, url).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
