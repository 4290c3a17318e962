"""axe-core on every page type of the seed book: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

PAGES = [
    "index.html",
    "glance.html",
    "timeline.html",
    "chapters/mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap.html",
    "glossary.html",
    "references.html",
    "genindex.html",
    "search.html",
]


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser: Browser, http_root: str, path: str, width: int) -> None:
    """At a desktop's width and a phone's (where the sidebar is a dialog)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{http_root}/{path}")
    # Open the "cite this" blocks so that their contents are checked too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page)
    violations = results.response["violations"]
    moderate = sorted(f"{v['impact']}: {v['id']}" for v in violations if v["impact"] in ("moderate", "minor"))
    print(f"{path} at {width} px: {len(violations)} violation(s); moderate or minor: {moderate}")
    serious = [
        f"{v['id']}: {v['nodes'][0]['target']}" for v in violations if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
    assert page.locator("html").get_attribute("lang") == "vi"
    page.close()


def test_search_results_have_no_serious_accessibility_violations(browser: Browser, http_root: str) -> None:
    """The results page, with its section titles and marked snippets."""
    page = browser.new_page()
    page.goto(f"{http_root}/search.html?q=benh%20vien")
    # A locator, not wait_for_function: its polling evaluates a string, which
    # the pages' Content-Security-Policy refuses (no 'unsafe-eval').
    expect(page.locator("#search-results p.context mark").nth(2)).to_be_attached(timeout=20000)
    violations = Axe().run(page).response["violations"]
    serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    page.close()


def test_open_phone_menu_has_no_serious_accessibility_violations(browser: Browser, http_root: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{http_root}/{PAGES[1]}")
    page.locator(".primary-toggle:visible").click()
    expect(page.locator("#pst-primary-sidebar-modal")).to_have_attribute("open", "")
    violations = Axe().run(page).response["violations"]
    serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    page.close()
