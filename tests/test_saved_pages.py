"""Saved pages whose main text trafilatura gets wrong: the page read whole
(briefbook.read.pagetext) stands in (real pages of the reader corpus)."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.book import load_source, parse_source

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader"


def _read(stem: str) -> tuple[str, list[str]]:
    path = CORPUS / "articles" / f"{stem}.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    kept = " ".join(" ".join(t.split()) for t in (article.lede, *(p.text for p in article.paragraphs)))
    return kept, (CORPUS / "gold" / f"{stem}.body.txt").read_text("utf-8").splitlines()


def test_a_page_whose_main_text_is_another_text_is_read_whole() -> None:
    """trafilatura takes a box of the VnExpress reader-photo page for its main
    text; the article's own lines come from the page read whole."""
    kept, body = _read("vnexpress_html_dong-nuoc-doc-ha-noi")
    assert all(" ".join(line.split()) in kept for line in body)


def test_a_page_with_no_main_text_is_read_whole() -> None:
    """trafilatura finds no main text in the Người Lao Động page of 2012."""
    kept, body = _read("nld_html_thieu-tien-hui")
    found = sum(" ".join(line.split()) in kept for line in body)
    assert found >= 0.9 * len(body)
