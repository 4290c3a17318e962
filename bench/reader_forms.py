"""Derive the text forms people bring from one saved web page, mechanically.

    .venv/bin/python bench/reader_forms.py SAVED.html --outlet vnexpress \\
        --slug khu-tuong-niem --selector "section.sidebar_1" \\
        [--url URL] [--forms html,page,article,url_text] --out tests/fixtures/reader/articles

The page is opened from the file in Chromium (JavaScript off, every request
but the file itself refused, 1366x900 window) and the text is taken with
``innerText``, which is what Chromium puts on the clipboard for a selection:

- ``html``: the saved page, byte for byte as stored;
- ``page``: ``document.body.innerText`` (Ctrl+A, Ctrl+C on the whole page);
- ``article``: the ``innerText`` of the element ``--selector`` names (the
  article area selected by hand and copied);
- ``url_text``: the article's address on the first line, then the article
  copy (``--url``: the address the page itself gives, og:url or canonical).

Nothing is edited: the text is written as Chromium gives it, with a final
newline added when it has none. Output files are named
``<outlet>_<form>_<slug>.<ext>`` (see tests/fixtures/reader/README.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

FORMS = ("html", "page", "article", "url_text")


def _only_the_file(route: Route) -> None:
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


def page_texts(saved: Path, selector: str) -> tuple[str, str]:
    """(whole page innerText, innerText of the element ``selector``)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
            context.route("**/*", _only_the_file)
            page = context.new_page()
            page.goto(saved.resolve().as_uri(), wait_until="load", timeout=60_000)
            whole = str(page.evaluate("document.body.innerText"))
            found = page.query_selector_all(selector)
            if len(found) != 1:
                raise SystemExit(f"{saved}: selector {selector!r} matches {len(found)} elements, not 1")
            article = str(found[0].evaluate("e => e.innerText"))
        finally:
            browser.close()
    return whole, article


def _text(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("saved", type=Path)
    parser.add_argument("--outlet", required=True)
    parser.add_argument("--slug", required=True)
    parser.add_argument("--selector", required=True)
    parser.add_argument("--url", default="")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    unknown = set(forms) - set(FORMS)
    if unknown:
        parser.error(f"unknown forms: {', '.join(sorted(unknown))}")
    if "url_text" in forms and not args.url:
        parser.error("url_text needs --url")
    whole, article = page_texts(args.saved, args.selector)
    args.out.mkdir(parents=True, exist_ok=True)
    outputs = {
        "html": args.saved.read_bytes(),
        "page": _text(whole).encode("utf-8"),
        "article": _text(article).encode("utf-8"),
        "url_text": _text(f"{args.url}\n{article}").encode("utf-8"),
    }
    for form in forms:
        ext = "html" if form == "html" else "txt"
        target = args.out / f"{args.outlet}_{form}_{args.slug}.{ext}"
        target.write_bytes(outputs[form])
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
