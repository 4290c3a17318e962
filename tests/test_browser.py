"""The seed book in a real browser (Debian's chromium driven by playwright)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_front_page_chapter_and_pdf(page: Page, http_root: str) -> None:
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(f"{http_root}/index.html")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").first.inner_text().startswith("Sổ tay")

    # The chapter table links each chapter; follow the second.
    page.locator("table.briefbook-chapters a").nth(1).click()
    page.wait_for_load_state()
    assert "mo-them-nhung-nhip-cau" in page.url
    assert "2. Mở thêm những" in page.locator("article h1").first.inner_text()
    assert page.locator(".briefbook-source").count() == 1

    # A glossary link leads to the definition.
    page.locator("a:has-text('FFI')").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("glossary.html#term-FFI")

    # The sidebar's PDF link downloads a real PDF.
    link = page.locator(".briefbook-pdf-link").first
    href = link.get_attribute("href")
    assert href and href.endswith(".pdf")
    response = page.request.get(f"{http_root}/{href.lstrip('./')}")
    assert response.ok and response.body().startswith(b"%PDF")
    assert not errors, errors
    assert not failed, failed


def test_cite_a_section_and_follow_its_permalink(browser: Browser, http_root: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{http_root}/chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html")
    block = page.locator("details.briefbook-cite").nth(1)  # section 2.1
    block.locator("summary").click()
    block.locator("button[data-copy=text]").click()
    page.wait_for_function("document.querySelectorAll('.briefbook-copied')[1].textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Chương 2: “Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp”" in copied
    assert "mục 2.1 “Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước”" in copied
    assert "đoạn ¶ 2.2–2.9" in copied
    assert re.search(r"tr\. \d+(–\d+)? \(bản PDF\)", copied)
    assert "Truy cập ngày " in copied and "__BRIEFBOOK" not in copied
    link = re.search(r"(http://\S+#\S+)\. Truy cập", copied)
    assert link, copied
    block.locator("button[data-copy=bibtex]").click()
    page.wait_for_timeout(200)
    bibtex = page.evaluate("navigator.clipboard.readText()")
    assert bibtex.startswith("@incollection{") and link.group(1) in bibtex
    # The BibTeX names the edition shown beside it (pybtex once escaped the placeholder).
    shown = re.search(r"ấn bản (\d{4}-\d{2}-\d{2}\.[0-9a-f]{8})\.", copied)
    assert shown, copied
    assert shown[1] == page.locator("footer .briefbook-edition").first.inner_text()
    assert f'edition = "{shown[1]}"' in bibtex, bibtex
    assert "BRIEFBOOK" not in bibtex

    page.goto(link.group(1))
    anchor = link.group(1).split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert "Hội nghị quy tụ" in target.locator("h2").inner_text()
    assert target.is_visible()
    context.close()


def test_abbreviation_tooltip_and_link(page: Page, http_root: str) -> None:
    page.goto(f"{http_root}/chapters/hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html")
    link = page.locator("a[href$='glossary.html#term-BHYT']").first
    assert link.get_attribute("title") == "bảo hiểm y tế"
    link.hover()
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("glossary.html#term-BHYT")
    assert "bảo hiểm y tế" in page.locator("#term-BHYT + dd").inner_text()
