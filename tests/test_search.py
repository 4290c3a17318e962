"""Vietnamese search: the same folding in Python and JavaScript, and real queries in Chromium."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser

from briefbook.sphinxext.search import JS_SPLITTER, JS_STEMMER, fold_word, split_words

TEXT = (
    "Bệnh viện Chợ Rẫy, Trường Đại học Y Hà Nội, hoà hòa HOÀ, ĐBSCL, BHYT, an ninh, Việt Nam và Pháp, "
    + unicodedata.normalize("NFD", "Nguyễn Thúy Anh, ứng dụng, Ủy ban")
    + ", TP.HCM 2025 x_y"
)


def test_python_and_javascript_fold_and_split_alike() -> None:
    script = (
        JS_STEMMER
        + JS_SPLITTER
        + f"const s = new Stemmer(); console.log(JSON.stringify(splitQuery({json.dumps(TEXT)})"
        + ".map(w => s.stemWord(w.toLowerCase()))));"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout
    python = [fold_word(w) for w in split_words(TEXT)]
    assert json.loads(out) == python
    assert python[:4] == ["benh", "vien", "cho", "ray"]
    assert fold_word("hoà") == fold_word("hòa") == fold_word("HOÀ") == "hoa"
    assert fold_word("Đại") == "dai"


CHAPTER_1 = "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam"
CHAPTER_2 = "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("benh vien", CHAPTER_1),
        ("bệnh viện", CHAPTER_1),
        ("bao hiem y te", CHAPTER_1),
        ("BHYT", CHAPTER_1),
        ("dai hoc y ha noi", CHAPTER_2),
        ("hoa", CHAPTER_2),
        ("hoà", CHAPTER_2),
        ("hòa", CHAPTER_2),
        ("Chợ Rẫy", CHAPTER_1),
        ("cho ray", CHAPTER_1),
        ("FFI", CHAPTER_2),
        ("an ninh", None),
        ("Việt Nam và Pháp", CHAPTER_2),
        ("an", None),
        ("và", None),
    ],
)
def test_queries_find_the_chapter(browser: Browser, http_root: str, query: str, expected: str | None) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{http_root}/search.html?q={quote(query)}")
    page.wait_for_function(
        "(document.querySelector('#search-results .search-summary') || {}).textContent", timeout=15000
    )
    links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    if expected is not None:
        assert any(expected in link for link in links[:5]), (query, links)
    assert not errors, errors
    page.close()
