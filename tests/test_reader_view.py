"""What a reader sees of the seed book in Chromium, at desktop and phone widths."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page, expect

from .books import BuiltBook

CHAPTER = "chapters/hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html"
PHONE = {"width": 390, "height": 844}


@contextmanager
def opened(browser: Browser, url: str, width: int, height: int = 900) -> Iterator[Page]:
    """``url`` at ``width``; on leaving, no script error and no CSP violation."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_load_state("load")
    yield page
    context.close()
    assert not errors, errors


# Each number's left and right ends, and the element found there (it must be
# the number, not the sidebar over it), and whether its text fits its box.
PNUM_BOXES = """() => [...document.querySelectorAll('.briefbook-pnum')].map(e => {
  e.scrollIntoView({block: 'center'});
  const r = e.getBoundingClientRect();
  const y = (r.top + r.bottom) / 2;
  const hit = x => { const f = document.elementFromPoint(x, y); return !!f && (f === e || e.contains(f)); };
  const side = document.querySelector('#pst-primary-sidebar').getBoundingClientRect();
  return {text: e.textContent, left: r.left, right: r.right, width: innerWidth,
          sidebar: side.width > 0 ? side.right : 0, fits: e.scrollWidth <= e.clientWidth + 1,
          visible: hit(r.left + 1) && hit(r.right - 1)};
})"""


@pytest.mark.parametrize("width", [1366, 1280, 1024])
def test_paragraph_numbers_lie_inside_the_visible_content(
    browser: Browser, http_root: str, width: int
) -> None:
    with opened(browser, f"{http_root}/{CHAPTER}", width) as page:
        boxes = page.evaluate(PNUM_BOXES)
        assert boxes
        # A book of a hundred chapters and paragraphs: the widest numbers.
        page.evaluate(
            "document.querySelectorAll('.briefbook-pnum').forEach(e => e.textContent = '¶ 100.100')"
        )
        boxes += page.evaluate(PNUM_BOXES)
    bad = [
        b
        for b in boxes
        if not (b["visible"] and b["fits"] and b["sidebar"] <= b["left"] and b["right"] <= b["width"])
    ]
    assert not bad, bad


def test_phone_menu_opens_and_lists_the_chapters(browser: Browser, http_root: str) -> None:
    with opened(browser, f"{http_root}/{CHAPTER}", **PHONE) as page:
        toggles = page.locator(".primary-toggle:visible")
        assert toggles.count() == 1
        toggles.click()
        dialog = page.locator("#pst-primary-sidebar-modal")
        expect(dialog).to_have_attribute("open", "", timeout=5000)
        links = dialog.locator("nav.bd-docs-nav a:visible")
        texts = links.all_inner_texts()
        assert any(t.startswith("1. Hợp tác quốc tế") for t in texts), texts
        assert any(t.startswith("2. Mở thêm những") for t in texts), texts
        # The list is on screen, and a chapter opens from it.
        box = dialog.bounding_box()
        assert box and box["width"] > 200 and box["x"] >= 0
        dialog.locator("a:has-text('2. Mở thêm những')").click()
        page.wait_for_load_state()
        assert "mo-them-nhung-nhip-cau" in page.url


def test_desktop_menu_button_collapses_the_sidebar(browser: Browser, http_root: str) -> None:
    with opened(browser, f"{http_root}/{CHAPTER}", 1366) as page:
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.is_visible()
        page.locator(".primary-toggle:visible").click()
        page.wait_for_timeout(400)
        box = sidebar.bounding_box()
        assert box is None or box["x"] + box["width"] <= 1 or box["width"] < 5, box


@pytest.mark.parametrize("width", [1366, 390])
def test_one_search_box(browser: Browser, http_root: str, width: int) -> None:
    """The theme's top header repeated the sidebar's search box above it."""
    with opened(browser, f"{http_root}/{CHAPTER}", width, 844) as page:
        fields = page.locator(".search-button-field:visible, .search-button:visible")
        assert fields.count() == 1, fields.count()


#: Interface strings a Vietnamese reader must not meet: English, Title Case
#: (not Vietnamese usage), English citation labels. Matched as whole words.
FORBIDDEN = (
    "Tìm Kiếm",
    "Xem Tiếp",
    "Xem Lại",
    "Kết Quả",
    "n.d.",
    "Page",
    "Search",
    "Contents",
    "Next",
    "Previous",
    "Index",
    "Toggle",
    "Sidebar",
    "Skip to main content",
    "Back to top",
    "Light",
    "Dark",
    "Hide Search Matches",
    "Copy",
    "Download",
    "Fullscreen",
)

# What a reader sees: the rendered text, and the tooltips and labels of the
# controls (shown on hover, read out by a screen reader).
SHOWN = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[title], [aria-label], [placeholder]')].map(
    e => [e.getAttribute('title'), e.getAttribute('aria-label'), e.getAttribute('placeholder')].join(' '))
].join('\\n')"""

READER_PAGES = [
    "index.html",
    CHAPTER,
    "chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html",
    "glossary.html",
    "entities.html",
    "references.html",
    "genindex.html",
]


@pytest.mark.parametrize("width", [1366, 390])
def test_no_english_or_title_case_interface_strings(browser: Browser, http_root: str, width: int) -> None:
    found: list[str] = []
    for path in READER_PAGES:
        with opened(browser, f"{http_root}/{path}", width) as page:
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            shown = page.evaluate(SHOWN)
        found += [f"{path}: {s}" for s in FORBIDDEN if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", shown)]
    assert not found, found


def _fonts_used(page: Page, selector: str) -> list[str]:
    """The fonts Chromium drew the element's text with (DevTools' "Rendered Fonts")."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    text = cdp.send("DOM.describeNode", {"nodeId": node, "depth": 1})["node"]["children"][0]
    assert text["nodeType"] == 3
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [f["familyName"] for f in fonts]


def test_bibtex_block_uses_noto_sans_mono(browser: Browser, http_root: str) -> None:
    """Stacked diacritics ("ễ", "ộ") in the BibTeX block need a font that places them."""
    with opened(browser, f"{http_root}/{CHAPTER}", 1366) as page:
        page.locator("details.briefbook-cite > summary").first.click()
        bibtex = page.locator(".briefbook-cite-bibtex").first
        assert "ệ" in bibtex.inner_text() or "ố" in bibtex.inner_text()
        fonts = _fonts_used(page, ".briefbook-cite-bibtex")
    assert fonts == ["Noto Sans Mono"], fonts


def test_index_links_say_which_chapter_they_open(browser: Browser, http_root: str) -> None:
    """Sphinx's index read "Việt Nam, [1], [2], …": each link now says where it leads."""
    with opened(browser, f"{http_root}/genindex.html", 1366) as page:
        entries = page.evaluate(
            """() => [...document.querySelectorAll('table.indextable li')].map(li =>
                [...li.querySelectorAll(':scope > a, :scope > span > a')].map(a => a.textContent.trim()))"""
        )
        viet_nam = next(links for links in entries if links and links[0] == "Việt Nam")
    assert "chương 1" in viet_nam and "chương 2" in viet_nam, viet_nam
    # After the entry's name, a page's first link names it; "[n]" only follows one.
    unnamed = [links for links in entries if len(links) > 1 and re.fullmatch(r"\[\d+\]", links[1])]
    assert not unnamed, unnamed


# The words of the page's first heading, by the line they are set on.
HEADING_LINES = """() => {
  const h1 = document.querySelector('article h1');
  const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest('.headerlink')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const lines = new Map();
  for (let node; (node = walker.nextNode());) {
    for (const m of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const top = Math.round(range.getClientRects()[0].top);
      lines.set(top, [...(lines.get(top) || []), m[0]]);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1].join(' '));
}"""


@pytest.mark.parametrize("width", [1366, 1280, 1024, 390])
def test_front_page_title_breaks_between_words(browser: Browser, http_root: str, width: int) -> None:
    """Not inside a word of two syllables: "y tế", "hợp tác", "quốc tế", "báo chí", "sổ tay"."""
    with opened(browser, f"{http_root}/index.html", width) as page:
        lines = page.evaluate(HEADING_LINES)
    assert " ".join(lines) == "Sổ tay báo chí: hợp tác quốc tế về y tế"
    words = ("sổ tay", "báo chí", "hợp tác", "quốc tế", "y tế")
    broken = [
        (a, b) for a, b in itertools.pairwise(lines) if f"{a.split()[-1]} {b.split()[0]}".lower() in words
    ]
    assert not broken, lines


def test_search_from_file_says_why_and_logs_no_error(browser: Browser, seed_book: BuiltBook) -> None:
    """The README's first instruction opens the book from file://."""
    search = (seed_book.docs / "_build" / "html" / "search.html").as_uri()
    with opened(browser, f"{search}?q=b%E1%BB%87nh%20vi%E1%BB%87n", 1366) as page:
        expect(page.locator("#search-results a").first).to_be_attached(timeout=20000)
        hint = page.locator(".briefbook-file-hint")
        expect(hint).to_be_visible()
        assert "http.server" in hint.inner_text() and "máy chủ web" in hint.inner_text()
