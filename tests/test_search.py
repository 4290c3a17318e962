"""Vietnamese search: the same folding in Python and JavaScript, and real queries in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from briefbook.book import convert
from briefbook.build import build
from briefbook.sphinxext.search import (
    JS_SPLITTER,
    JS_STEMMER,
    SearchVietnamese,
    fold_word,
    language_data_js,
    load_synonyms,
    split_words,
)

from .books import BuiltBook, serve

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


def test_language_data_gives_the_ranking_stop_words_and_long_forms(seed_book: BuiltBook) -> None:
    synonyms = load_synonyms(seed_book.docs)
    assert synonyms["bhyt"] == ("bảo", "hiểm", "y", "tế")  # accents kept, for exact matching
    js = language_data_js(synonyms)
    assert js == language_data_js(dict(reversed(synonyms.items())))  # deterministic
    out = subprocess.run(
        ["node", "-e", js + "console.log(JSON.stringify(BRIEFBOOK_SEARCH));"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert {"và", "của", "các", "những", "là", "được", "có"} <= set(data["stopWords"])
    assert "an" not in data["stopWords"]
    assert data["synonyms"]["bv"] == ["bệnh", "viện"]
    # The stop words are for the ranking only: the index keeps every word.
    assert SearchVietnamese({}).stopwords == frozenset()
    assert "BRIEFBOOK_SEARCH" in SearchVietnamese({}).js_stemmer_code


CHAPTER_1 = "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam"
CHAPTER_2 = "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"


def _wait_for_summary(page: Page, timeout: int) -> None:
    """Until the search summary has text. (A locator, not wait_for_function:
    that evaluates a string in the page, which its Content-Security-Policy
    forbids.)"""
    summary = page.locator("#search-results .search-summary").filter(has_text=re.compile(r"\S"))
    summary.first.wait_for(timeout=timeout)


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
    _wait_for_summary(page, 15000)
    links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    if expected is not None:
        assert any(expected in link for link in links[:5]), (query, links)
    assert not errors, errors
    page.close()


# ---- Ranking, anchors and snippets (briefbook-search.js) -------------------


@dataclass(frozen=True)
class Result:
    href: str
    title: str
    score: float
    marks: list[str]
    snippet: str


def search(browser: Browser, root: str, query: str, snippets: int = 3) -> list[Result]:
    """The results of ``query`` on ``root``/search.html, best first, once the
    first ``snippets`` results have their snippet; no script errors."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{root}/search.html?q={quote(query)}")
    _wait_for_summary(page, 20000)
    wanted = min(snippets, page.locator("#search-results ul.search li").count())
    if wanted:
        page.locator("#search-results li p.context").nth(wanted - 1).wait_for(state="attached", timeout=20000)
    raw = page.eval_on_selector_all(
        "#search-results ul.search li",
        """items => items.map(li => {
            const link = li.querySelector('a');
            const context = li.querySelector('p.context');
            const marks = context ? context.querySelectorAll('mark.highlighted') : [];
            return {href: link.href, title: link.textContent, score: Number(link.dataset.score),
                    marks: [...marks].map(m => m.textContent), snippet: context ? context.textContent : ''};
        })""",
    )
    page.close()
    assert not errors, errors
    return [Result(**item) for item in raw]


def rank_of(results: list[Result], slug: str) -> int:
    """The place of the chapter ``slug`` in the results."""
    places = [i for i, r in enumerate(results) if f"/chapters/{slug}.html" in r.href]
    assert places, (slug, [r.href for r in results])
    return places[0]


# Small articles (tests/fixtures/search), each made to test one rule against another:
#   01_hoa_exact.txt: "hoà" (the other tone placement) once, in the text only.
#   02_hoa_folded.txt: "Hoa" in the title and "hóa" many times: only folded, but Sphinx likes it better.
#   03_phrase_adjacent.txt: "bảo hiểm y tế" together, once, in the text of a section.
#   04_phrase_scattered.txt: "bảo hiểm" and "y tế", never together, often, and in the title.
#   05_no_stop_word.txt: "Việt Nam – Pháp" together, and no "và" anywhere.
#   06_stop_words_scattered.txt: "Việt", "Nam", "Pháp" apart, and "và" everywhere.
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "search"
EXACT = "hai-benh-vien-ky-ket-thoa-thuan-dao-tao-dieu-duong"
FOLDED = "hoa-ky-tai-tro-may-xet-nghiem-hoa-sinh-cho-trung-tam-kiem-soat-benh-tat"
ADJACENT = "nguoi-dan-duoc-mo-rong-quyen-loi-khi-kham-chua-benh"
SCATTERED = "bao-hiem-xe-may-va-tram-y-te-xa-trong-mua-mua-bao"
NO_STOP_WORD = "hop-tac-viet-nam-phap-trong-dao-tao-bac-si-noi-tru"
STOP_WORDS_SCATTERED = "nhung-bai-hoc-tu-cac-dot-tap-huan-cho-nhan-vien-y-te"


@pytest.fixture(scope="module")
def ranking_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles above, converted and built (HTML only)."""
    docs = tmp_path_factory.mktemp("ranking-book") / "docs"
    convert(ARTICLES, docs)
    result = build(docs, pdf=False)
    assert result.html is not None, result
    return docs / "_build" / "html"


@pytest.fixture(scope="module")
def ranking_root(ranking_book: Path) -> Iterator[str]:
    with serve(ranking_book) as root:
        yield root


def test_the_articles_test_what_they_should(ranking_book: Path) -> None:
    """The rules below are only tested if the articles are as described."""

    def article(name: str) -> str:
        return (ARTICLES / name).read_text("utf-8")

    exact, folded = article("01_hoa_exact.txt"), article("02_hoa_folded.txt")
    assert "hoà" in exact and "hòa" not in exact and "Hoa" not in exact
    assert "hòa" not in folded and "hoà" not in folded and folded.count("hóa") >= 4
    scattered = article("04_phrase_scattered.txt")
    assert "bảo hiểm y tế" not in scattered.lower() and scattered.count("bảo hiểm") >= 3
    assert "bảo hiểm y tế" in article("03_phrase_adjacent.txt")
    no_stop_word = article("05_no_stop_word.txt")
    assert not {"và", "của", "với"} & set(no_stop_word.split()) and "Việt Nam – Pháp" in no_stop_word
    assert article("06_stop_words_scattered.txt").count(" và ") >= 8
    # And the pages: each article is a chapter.
    for slug in (EXACT, FOLDED, ADJACENT, SCATTERED, NO_STOP_WORD, STOP_WORDS_SCATTERED):
        assert (ranking_book / "chapters" / f"{slug}.html").is_file()


@pytest.mark.parametrize("query", ["hòa", "hoà"])
def test_exact_accents_rank_first(browser: Browser, ranking_root: str, query: str) -> None:
    results = search(browser, ranking_root, query)
    assert rank_of(results, EXACT) == 0, [r.href for r in results]
    assert rank_of(results, EXACT) < rank_of(results, FOLDED)
    assert results[0].marks == ["hoà"]


def test_without_accents_every_form_is_found(browser: Browser, ranking_root: str) -> None:
    results = search(browser, ranking_root, "hoa", snippets=4)
    assert rank_of(results, FOLDED) < rank_of(results, EXACT)  # no accents: the title counts
    marks = {m for r in results for m in r.marks}
    assert {"hoà", "Hoa", "hóa"} <= marks


@pytest.mark.parametrize("query", ["bảo hiểm y tế", "bao hiem y te", "Bảo hiểm Y tế"])
def test_words_side_by_side_rank_first(browser: Browser, ranking_root: str, query: str) -> None:
    results = search(browser, ranking_root, query)
    assert rank_of(results, ADJACENT) == 0, [r.href for r in results]
    assert rank_of(results, ADJACENT) < rank_of(results, SCATTERED)


@pytest.mark.parametrize(
    ("query", "below"),
    [
        ("Việt Nam và Pháp", [STOP_WORDS_SCATTERED]),
        ("hợp tác của Việt Nam với Pháp", []),
        ("hop tac cua viet nam voi phap", []),
    ],
)
def test_stop_words_are_not_required_and_do_not_count(
    browser: Browser, ranking_root: str, query: str, below: list[str]
) -> None:
    results = search(browser, ranking_root, query)
    # Found without "và", "của", "với", and ranked by "Việt Nam – Pháp", not by the "và"s.
    assert rank_of(results, NO_STOP_WORD) == 0
    assert all(rank_of(results, NO_STOP_WORD) < rank_of(results, slug) for slug in below)
    assert {"Việt", "Nam", "Pháp"} <= set(results[0].marks)
    assert not {"và", "của", "với"} & set(results[0].marks)


def test_a_query_of_stop_words_finds_them(browser: Browser, ranking_root: str) -> None:
    results = search(browser, ranking_root, "và của")
    assert len(results) >= 4
    assert all("và" in r.marks or "của" in r.marks for r in results[:3])


def test_a_match_in_the_text_links_to_its_paragraph(browser: Browser, ranking_root: str) -> None:
    results = search(browser, ranking_root, "bao hiem y te")
    result = results[rank_of(results, ADJACENT)]
    assert result.title == "Người dân được mở rộng quyền lợi khi khám chữa bệnh > Quyền lợi mới từ tháng bảy"
    assert result.href.endswith(f"/chapters/{ADJACENT}.html#{ADJACENT}-p2"), result.href
    assert result.marks == ["bảo", "hiểm", "y", "tế"]
    assert result.snippet.startswith("Người tham gia bảo hiểm y tế được thanh toán")
    page = browser.new_page()
    page.goto(result.href)
    anchor = page.locator(f"#{ADJACENT}-p2")
    assert anchor.count() == 1
    assert "bảo hiểm y tế" in anchor.inner_text()
    page.close()


TITLE_1 = "Hợp tác quốc tế trong y tế là điều nên làm"
TITLE_2 = "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp"
SECTION_2_1 = "Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước"


@pytest.mark.parametrize(
    ("query", "slug", "title", "marks"),
    [
        ("cho ray", CHAPTER_1, TITLE_1, ["Chợ", "Rẫy"]),
        ("Chợ Rẫy", CHAPTER_1, TITLE_1, ["Chợ", "Rẫy"]),
        ("dai hoc y ha noi", CHAPTER_2, f"{TITLE_2} > {SECTION_2_1}", ["Đại", "học", "Y", "Hà", "Nội"]),
    ],
)
def test_seed_results_link_to_the_paragraph_and_mark_the_words(
    browser: Browser, http_root: str, query: str, slug: str, title: str, marks: list[str]
) -> None:
    results = search(browser, http_root, query)
    result = results[rank_of(results, slug)]
    path, _, anchor = result.href.partition("#")
    assert re.fullmatch(rf"{slug}-p\d+", anchor), result.href
    assert result.title == title
    assert result.marks[: len(marks)] == marks, result.marks
    page = browser.new_page()
    page.goto(path)
    # The paragraph is there, in the section the result names, with the words.
    target = page.locator(f"#{anchor}")
    assert target.count() == 1
    assert all(fold_word(m) in fold_word(target.inner_text()) for m in marks)
    section = page.evaluate(
        "id => { const s = document.getElementById(id).closest('section section');"
        " if (!s) return null; const h = s.querySelector('h2').cloneNode(true);"
        " h.querySelectorAll('.section-number, .headerlink').forEach(e => e.remove());"
        " return h.textContent.trim(); }",
        anchor,
    )
    assert section == (SECTION_2_1 if " > " in title else None)
    page.close()


def test_without_a_server_sphinx_results_stay(browser: Browser, ranking_book: Path) -> None:
    """From file:// the pages cannot be fetched: the results are Sphinx's."""
    page = browser.new_page()
    page.goto((ranking_book / "search.html").as_uri() + "?q=" + quote("bảo hiểm y tế"))
    _wait_for_summary(page, 20000)
    links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    assert any(f"/chapters/{ADJACENT}.html" in link for link in links), links
    assert any(f"/chapters/{SCATTERED}.html" in link for link in links), links
    page.close()
