"""Cite this paragraph: the ¶ of a paragraph opens its own citation (Chromium,
the seed book served on 127.0.0.1, under the pages' Content-Security-Policy)."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from .books import BuiltBook

CHAPTER = "chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html"
PARAGRAPH = "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap-p3"


def test_every_paragraph_link_knows_its_pdf_page(seed_book: BuiltBook) -> None:
    page = (seed_book.docs / "_build" / "html" / CHAPTER).read_text("utf-8")
    links = re.findall(r'<a class="briefbook-pnum" data-index="(\d+)" data-page="(\d+)"', page)
    assert len(links) == page.count('class="briefbook-pnum"') > 10
    assert [int(i) for i, _ in links] == list(range(1, len(links) + 1))
    pages = [int(p) for _, p in links]
    assert pages == sorted(pages) and pages[0] >= 3
    # The templates are data attributes: no markup of the article in them.
    assert page.count("data-ptext=") == page.count('<details class="briefbook-cite"') == 3


def test_click_a_paragraph_number_and_copy_its_citation(browser: Browser, http_root: str) -> None:
    for width in (1366, 390):
        context = browser.new_context(
            permissions=["clipboard-read", "clipboard-write"], viewport={"width": width, "height": 900}
        )
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(f"{http_root}/{CHAPTER}")
        link = page.locator(f"a.briefbook-pnum[href='#{PARAGRAPH}']")
        link.click()
        panel = page.locator(f"#{PARAGRAPH}-cite")
        assert panel.count() == 1
        assert link.get_attribute("aria-expanded") == "true"
        text = panel.locator(".briefbook-cite-text").inner_text()
        assert "mục 2.1 “Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước”, đoạn ¶ 2.3, tr. " in text
        permalink = f"{http_root}/{CHAPTER}#{PARAGRAPH}"
        assert f"{permalink}. Truy cập ngày " in text and "BRIEFBOOK" not in text
        assert panel.locator("a.briefbook-pcite-permalink").get_attribute("href") == permalink
        page_number = link.get_attribute("data-page")
        assert page_number and f"tr. {page_number} (bản PDF)" in text
        assert f"Trang trong bản PDF: {page_number}" in panel.inner_text()

        panel.locator("button[data-copy=text]").click()
        panel.locator(".briefbook-copied:has-text('Đã sao chép.')").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == text
        panel.locator("button[data-copy=bibtex]").click()
        page.wait_for_timeout(200)
        bibtex = page.evaluate("navigator.clipboard.readText()")
        assert bibtex.startswith(f"@incollection{{{PARAGRAPH},")
        assert f'url = "{permalink}"' in bibtex and f'pages = "{page_number}"' in bibtex
        assert 'note = "Mục 2.1, đoạn ¶ 2.3"' in bibtex and "BRIEFBOOK" not in bibtex
        edition = page.locator("footer .briefbook-edition").first.inner_text()
        assert f'edition = "{edition}"' in bibtex

        # The permalink's paragraph is the page's target, and it is highlighted.
        assert page.url == permalink
        target = page.locator(f"[id='{PARAGRAPH}']")
        colour = target.evaluate("p => getComputedStyle(p).backgroundColor")
        other = (
            page.locator("a.briefbook-pnum")
            .nth(5)
            .evaluate("a => getComputedStyle(a.parentElement).backgroundColor")
        )
        assert colour != other, (colour, other)
        box = panel.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        # A second click closes it; Escape closes another.
        link.click()
        assert panel.count() == 0
        page.locator("a.briefbook-pnum").first.click()
        assert page.locator(".briefbook-pcite").count() == 1
        page.keyboard.press("Escape")
        assert page.locator(".briefbook-pcite").count() == 0
        assert not errors, errors
        context.close()


def test_a_permalink_opened_directly_highlights_its_paragraph(browser: Browser, http_root: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{http_root}/{CHAPTER}#{PARAGRAPH}")
    target = page.locator(f"[id='{PARAGRAPH}']")
    assert target.evaluate("p => p.matches(':target')")
    assert target.evaluate("p => getComputedStyle(p).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert target.is_visible()
    context.close()


def test_an_open_paragraph_citation_has_no_serious_accessibility_violations(
    browser: Browser, http_root: str
) -> None:
    for width in (1366, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{http_root}/{CHAPTER}")
        page.locator(f"a.briefbook-pnum[href='#{PARAGRAPH}']").click()
        violations = Axe().run(page).response["violations"]
        serious = [f"{v['id']}: {v['nodes'][0]['target']}" for v in violations if v["impact"] == "serious"]
        serious += [v["id"] for v in violations if v["impact"] == "critical"]
        assert not serious, serious
        page.close()
