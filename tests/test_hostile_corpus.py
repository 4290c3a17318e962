"""The hostile corpus (tests/hostile_corpus.py) built to HTML, PDF and BibTeX:
no payload runs, links, reads or copies anything, at any parts setting, and
each is shown literally where its field is shown."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from briefbook.book import convert
from briefbook.build import build
from briefbook.core.settings import BookSettings

from .books import serve
from .hostile_corpus import PAYLOADS, SENTINEL, TEXT_FIELDS, Case, write_corpus

Built = tuple[Path, list[Case]]


def _book(tmp: pytest.TempPathFactory, parts: str, pdf: bool) -> Built:
    articles = tmp.mktemp(f"hostile-{parts}")
    cases = write_corpus(articles)
    docs = tmp.mktemp(f"hostile-{parts}-book") / "docs"
    conversion = convert(articles, docs, BookSettings(parts=parts))
    assert not conversion.errors, conversion.errors
    result = build(docs, html=True, pdf=pdf)
    assert result.ok, [s.summary for s in result.steps]
    return docs, cases


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The corpus in one book, HTML and PDF (parts: auto, here by month)."""
    return _book(tmp_path_factory, "auto", pdf=True)


@pytest.fixture(scope="module", params=["topic", "month"])
def hostile_parts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The corpus in parts by topic (the categories are hostile) and by month, HTML only."""
    return _book(tmp_path_factory, str(request.param), pdf=False)


def _pages(html_dir: Path) -> list[Path]:
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts)


# In the page: every address an element holds, every inline handler, the
# inline scripts (their text), and images.
_INSPECT = """() => {
  const urls = [];
  for (const el of document.querySelectorAll('[href],[src],[action],[formaction],[xlink\\\\:href]')) {
    for (const name of ['href', 'src', 'action', 'formaction']) {
      const value = el.getAttribute(name);
      if (value !== null) urls.push([name, value, new URL(value, location.href).protocol]);
    }
  }
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) handlers.push(el.tagName + ' ' + attr.name + '=' + attr.value);
    }
  }
  const scripts = [...document.scripts].filter(s => !s.src).map(s => s.textContent);
  const images = [...document.images].map(i => i.getAttribute('src'));
  return {urls, handlers, scripts, images};
}"""


_POINT_AT_LINKS = """() => {
  for (const link of document.querySelectorAll('article a[href]')) {
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove']) {
      link.dispatchEvent(new MouseEvent(type, {bubbles: type.endsWith('over') || type === 'mousemove'}));
    }
    link.focus();
    link.blur();
  }
}"""


def _check_in_chromium(browser: Browser, html_dir: Path, cases: list[Case]) -> None:
    """Every page in Chromium: no dialog, no error, no script or handler of
    the corpus, no address but the book's and the web's; chapter pages
    show each field literally."""
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    shown: dict[str, str] = {}
    problems: list[str] = []
    with serve(html_dir) as root:
        for path in _pages(html_dir):
            rel = path.relative_to(html_dir).as_posix()
            page.goto(f"{root}/{rel}")
            # page.goto waits for the load event; no page but the search page fetches after it.
            # What a pointer or the keyboard does to each link of the article (one
            # call for all of them: hovering each in turn took most of the time).
            page.evaluate(_POINT_AT_LINKS)
            found = page.evaluate(_INSPECT)
            bad = [u for u in found["urls"] if u[2] not in ("http:", "https:")]
            if bad:
                problems.append(f"{rel}: addresses {bad}")
            if not set(found["handlers"]) <= {"BUTTON onclick=toggleFullScreen()"}:
                problems.append(f"{rel}: handlers {found['handlers']}")
            if [s for s in found["scripts"] if "alert(" in s or "msgbox" in s]:
                problems.append(f"{rel}: a script of the corpus")
            if "x" in found["images"]:
                problems.append(f"{rel}: an image of the corpus")
            # The theme's scripts ran under the page's policy.
            if page.evaluate("document.documentElement.dataset.theme") not in ("light", "dark"):
                problems.append(f"{rel}: the theme's script did not run")
            if rel.startswith("chapters/") or rel == "references.html":
                shown[rel] = page.locator("article").inner_text()
        page.goto(f"{root}/search.html?q=passwd")
        page.wait_for_selector("#search-results li", timeout=15_000)
        assert page.locator("#search-results li").count() >= 1
        page.wait_for_load_state("networkidle")
        context.close()
    assert not dialogs, dialogs
    assert not problems, problems
    assert not errors, errors
    references = shown.pop("references.html")
    for payload in PAYLOADS.values():  # the bibliography shows the fields as given
        assert payload in references, payload
    text = "\n".join(shown.values())
    for case in cases:
        for field, value in case.fields.items():
            if field in TEXT_FIELDS:
                assert value in text, (case.name, field, value)
    for payload in PAYLOADS.values():
        assert payload in text


def test_no_payload_runs_or_links_and_each_is_shown(hostile: Built, browser: Browser) -> None:
    docs, cases = hostile
    _check_in_chromium(browser, docs / "_build" / "html", cases)


def test_no_payload_runs_in_parts(hostile_parts: Built, browser: Browser) -> None:
    docs, cases = hostile_parts
    html_dir = docs / "_build" / "html"
    _check_in_chromium(browser, html_dir, cases)
    index = (html_dir / "index.html").read_text("utf-8")
    if "topic" in str(docs):
        # The sidebar's part captions and the front page's part titles are the
        # categories, as text.
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in index
        assert index.count('class="caption briefbook-part"') >= 1


def test_the_output_holds_only_what_the_build_made(hostile: Built) -> None:
    docs, _ = hostile
    html_dir = docs / "_build" / "html"
    for folder in ("_downloads", "_images", "_sources"):  # Sphinx may leave _sources empty
        assert not [p for p in (html_dir / folder).rglob("*") if not p.is_dir()], folder
    chapters = {f"chapters/{p.stem}.html" for p in (docs / "chapters").glob("*.md")}
    pages = {
        "index.html",
        "glance.html",
        "timeline.html",
        "genindex.html",
        "search.html",
        "glossary.html",
        "entities.html",
        "references.html",
        "whatsnew.html",
        "editions.html",
    }
    other = {".buildinfo", ".briefbook-build", "objects.inv", "searchindex.js", "CITATION.cff"}
    for path in html_dir.rglob("*"):
        rel = path.relative_to(html_dir).as_posix()
        if path.is_dir() or rel.startswith("_static/"):
            continue
        assert rel in chapters | pages | other or rel.endswith((".pdf", ".epub")), rel
    for path in docs.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path


def test_pdf_prints_the_payloads(hostile: Built) -> None:
    docs, _ = hostile
    pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert SENTINEL not in text
    for piece in (
        r"\input{/etc/passwd}\write18{touch pwned}^^5cinput{/etc/passwd}",
        "{download}`",
        "<script>",
    ):
        assert piece in flat, piece


def _compile_bibtex(entry: str, key: str, work: Path) -> str:
    """``entry`` used as a reader would: bibtex and xelatex; the PDF's text."""
    work.mkdir()
    (work / "refs.bib").write_text(entry, "utf-8")
    (work / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage{fontspec}\\setmainfont{Noto Serif}\\usepackage{url}\n"
        f"\\begin{{document}}\\nocite{{{key}}}\\bibliographystyle{{plain}}\\bibliography{{refs}}\\end{{document}}\n",
        "utf-8",
    )
    for command in (["xelatex"], ["bibtex"], ["xelatex"], ["xelatex"]):
        args = [*command, "-interaction=nonstopmode", "doc"] if command[0] == "xelatex" else [*command, "doc"]
        subprocess.run(args, cwd=work, capture_output=True, timeout=120)
    assert (work / "doc.pdf").is_file(), (work / "doc.log").read_text("utf-8", errors="replace")[-3000:]
    assert not (work / "pwned").exists() and not (work / "pwned.tex").exists()
    log = (work / "doc.log").read_text("utf-8", errors="replace")
    assert "(/etc/passwd" not in log  # TeX logs each file it opens as "(path"
    out = subprocess.run(
        ["pdftotext", str(work / "doc.pdf"), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


def test_exported_bibtex_prints_the_payload_and_runs_nothing(hostile: Built, tmp_path: Path) -> None:
    docs, _ = hostile
    bib = (docs / "references.bib").read_text("utf-8")
    entries = {m.group(1): m.group(0) for m in re.finditer(r"@misc\{([^,]+),.*?\n\}\n", bib, re.S)}
    key = next(k for k in entries if k.startswith("sidecar-title-0"))
    assert "javascript:" not in entries[key].split("url =")[-1] or "url =" not in entries[key]
    text = _compile_bibtex(entries[key], key, tmp_path / "references")
    assert SENTINEL not in text
    assert r"\input{/etc/passwd}\write18{touch pwned}^^5cinput{/etc/passwd}" in text
    assert "}, note = {chèn}, x = {@misc{chen," in text
    # The chapter's "Sao chép BibTeX" block.
    page = next((docs / "_build" / "html" / "chapters").glob("tin-latex-*.html")).read_text("utf-8")
    block = html.unescape(re.search(r'<pre class="briefbook-cite-bibtex">(.*?)</pre>', page, re.S).group(1))
    block = re.sub(r"<[^>]+>", "", block)
    key = re.match(r"@incollection\{([^,]+),", block).group(1)
    text = _compile_bibtex(block.replace("__BRIEFBOOK_ACCESSED__", "2025-01-01"), key, tmp_path / "copy")
    assert SENTINEL not in text
    assert r"\input{/etc/passwd}\write18{touch pwned}^^5cinput{/etc/passwd}" in text


def test_non_web_addresses_are_reported(hostile: Built) -> None:
    docs, _ = hostile
    report = (docs / "_report" / "conversion.md").read_text("utf-8")
    for url in ("javascript:alert(4)", "JaVaScRiPt:alert(5)", "vbscript:msgbox(7)"):
        assert f"địa chỉ '{url}' không phải địa chỉ http hay https" in report, url
    references = (docs / "_build" / "html" / "references.html").read_text("utf-8")
    assert 'href="javascript' not in references.lower() and "href='javascript" not in references.lower()


@pytest.fixture(autouse=True, scope="module")
def _tools() -> Iterator[None]:
    for tool in ("xelatex", "bibtex", "pdftotext"):
        assert shutil.which(tool), tool
    yield
