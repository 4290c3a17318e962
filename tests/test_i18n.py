"""The interface in Vietnamese: the JavaScript catalog filled from our ``.po``,
and no English string a reader would see, in Chromium, on every page type and
in every state of a search."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from babel.messages.catalog import Catalog
from playwright.sync_api import Browser, Page

from briefbook.sphinxext.i18n import js_catalog

from .books import BuiltBook

#: English a reader must never see in the book's interface (whole words, case
#: as Sphinx and the themes write them). Article text and the glossary's
#: English glosses are data, not interface; they hold none of these.
ENGLISH = (
    "Search",
    "Searching",
    "Preparing search",
    "Search Results",
    "Search finished",
    "did not match any documents",
    "Hide Search Matches",
    "Search within",
    "Quick search",
    "Page",
    "page",
    "Next",
    "Previous",
    "next",
    "previous",
    "Contents",
    "On this page",
    "Back to top",
    "Skip to main content",
    "Toggle",
    "Color mode",
    "Light",
    "Dark",
    "System Settings",
    "Copyright",
    "Last updated",
    "Created using",
    "Show Source",
    "Index",
    "Navigation",
    "Sidebar",
    "Download",
    "Fullscreen",
    "Print to PDF",
    "Edit this page",
    "Powered by",
    "n.d.",
)
_ENGLISH = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in ENGLISH) + r")(?![\w])")

#: The messages of Sphinx's JavaScript (searchtools.js, sphinx_highlight.js):
#: on every page, ``_()`` must give Vietnamese for each.
JS_MESSAGES = (
    "Searching",
    "Preparing search...",
    "Search Results",
    "Search finished, found one page matching the search query.",
    "Your search did not match any documents. Please make sure that all words are spelled correctly and "
    "that you've selected enough categories.",
    ", in ",
    "Hide Search Matches",
)

# Every visible text node, and the strings read out or shown on hover, except
# inside a part marked as another language.
_STRINGS = """() => {
  const other = (e) => { const l = e.closest('[lang]'); return l && !l.lang.startsWith('vi'); };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (e && !other(e) && e.checkVisibility() && n.textContent.trim()) out.push(n.textContent.trim());
  }
  document.querySelectorAll('[placeholder],[aria-label],[title],[alt]').forEach((e) => {
    if (other(e)) return;
    for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
      const v = e.getAttribute(a);
      if (v) out.push(a + '=' + v);
    }
  });
  out.push('document.title=' + document.title);
  return out;
}"""

_GETTEXT = "(messages) => messages.map((m) => [m, Documentation.gettext(m)])"


def english_in(page: Page) -> list[str]:
    """The strings of ``page`` that hold an interface word in English."""
    strings: list[str] = page.evaluate(_STRINGS)
    return [s for s in strings if _ENGLISH.search(s)]


def untranslated_in(page: Page) -> list[str]:
    """The JavaScript messages that ``page``'s catalog gives as English or as nothing."""
    pairs: list[list[str]] = page.evaluate(_GETTEXT, list(JS_MESSAGES))
    return [m for m, vi in pairs if not vi.strip() or vi == m]


@contextmanager
def serve_holding(directory: Path, hold: threading.Event) -> Iterator[str]:
    """``directory`` on 127.0.0.1, each page but the search page held until
    ``hold`` is set: the search page stays "searching" (it fetches the
    result pages for their snippets)."""

    class Holding(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.split("?")[0].endswith(".html") and not self.path.startswith("/search.html"):
                hold.wait(30)
            super().do_GET()

    handler = functools.partial(Holding, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        hold.set()
        server.shutdown()
        server.server_close()


def _summary(page: Page) -> str:
    summary = page.locator("#search-results .search-summary").filter(has_text=re.compile(r"\S"))
    summary.first.wait_for(timeout=20000)
    return summary.first.inner_text()


@pytest.mark.parametrize("width", [1366, 390])
def test_searching_shows_no_english(browser: Browser, seed_book: BuiltBook, width: int) -> None:
    hold = threading.Event()
    with serve_holding(seed_book.docs / "_build" / "html", hold) as root:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{root}/search.html?q=" + quote("hợp tác"))
        heading = page.locator("#search-results h2")
        heading.wait_for(state="attached", timeout=10000)
        page.wait_for_timeout(700)  # the dots pulse
        while_searching = english_in(page)
        # The heading (the theme hides it; not every reader gets the CSS).
        assert heading.text_content() is not None
        assert re.fullmatch(r"Đang tìm\.*", heading.text_content() or ""), heading.text_content()
        hold.set()
        found = _summary(page)
        assert re.fullmatch(r"Đã tìm xong: \d+ trang khớp với từ khóa\.", found), found
        assert heading.text_content() == "Kết quả tìm kiếm"
        assert while_searching == []
        assert english_in(page) == []
        assert untranslated_in(page) == []

        page.goto(f"{root}/search.html?q=zzzqqq")
        assert (
            _summary(page)
            == "Không tìm thấy trang nào khớp với từ khóa. Hãy kiểm tra lại chính tả các từ đã gõ."
        )
        assert english_in(page) == []
        page.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_every_page_type_shows_no_english(
    browser: Browser, http_root: str, seed_book: BuiltBook, width: int
) -> None:
    html = seed_book.docs / "_build" / "html"
    chapter = sorted((html / "chapters").glob("*.html"))[0].relative_to(html).as_posix()
    pages = [
        "index.html",
        chapter,
        "glance.html",
        "timeline.html",
        "glossary.html",
        "entities.html",
        "references.html",
        "genindex.html",
        "search.html",
    ]
    page = browser.new_page(viewport={"width": width, "height": 900})
    found: dict[str, list[str]] = {}
    for name in pages:
        page.goto(f"{http_root}/{name}")
        english, untranslated = english_in(page), untranslated_in(page)
        if english or untranslated:
            found[name] = english + untranslated
    page.close()
    assert found == {}


def _sphinx_js(messages: dict[str, object]) -> str:
    return (
        "Documentation.addTranslations("
        + json.dumps({"locale": "vi", "messages": messages, "plural_expr": "0"})
        + ");"
    )


def test_the_javascript_catalog_is_sphinxs_with_the_gaps_filled() -> None:
    ours = Catalog(locale="vi")
    ours.add("Searching", "Đang tìm")
    ours.add("Go", "Đi")
    ours.add(("One page.", "${n} pages."), ("${n} trang.",))
    ours.add("Only ours", "Chỉ của ta")
    sphinx = _sphinx_js(
        {"Searching": "", "Go": "Thực hiện", "One page.": [""], "Search": "Tìm Kiếm", "Untranslated": ""}
    )
    text = js_catalog(sphinx, ours, {"Search": "Tìm kiếm"})
    assert text.startswith("Documentation.addTranslations({\n") and text.endswith("});\n")
    assert "\\u0110" in text  # ASCII, as Sphinx writes it
    data = json.loads(text.removeprefix("Documentation.addTranslations(").removesuffix(");\n"))
    assert data["locale"] == "vi" and data["plural_expr"] == "0"
    assert data["messages"] == {
        "Searching": "Đang tìm",  # Sphinx's gap, filled
        "Go": "Thực hiện",  # Sphinx's own translation wins
        "One page.": ["${n} trang."],  # plural forms
        "Search": "Tìm kiếm",  # preferred over Sphinx's Title Case
        "Only ours": "Chỉ của ta",
        # "Untranslated" left out: JavaScript shows the original, not nothing
    }
    assert js_catalog(sphinx, ours, {"Search": "Tìm kiếm"}) == text  # deterministic


def test_a_catalog_in_another_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="not a catalog"):
        js_catalog("var x = 1;", Catalog(locale="vi"), {})
