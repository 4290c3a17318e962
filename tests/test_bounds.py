"""Bounds: articles, lines and sidecars have a documented maximum size, and a
long paragraph that is within them still makes a PDF."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePath

import pytest

from briefbook.book import convert
from briefbook.build import build
from briefbook.read.decoding import MAX_ARTICLE_BYTES, MAX_LINE_CHARS, ArticleError, decode_article

from .books import SEEDS

# Characters that LaTeX escapes (\\%, \\&, \\_) make the line longer in the .tex.
SENTENCE = "Tỷ lệ 100% & 50% _ "


def test_a_line_over_the_limit_is_an_error_naming_its_line() -> None:
    data = ("Tiêu đề\nDòng hai\n" + "x" * (MAX_LINE_CHARS + 1) + "\n").encode()
    with pytest.raises(ArticleError, match="line of 200,001 characters") as info:
        decode_article(data, PurePath("bai.txt"))
    assert info.value.lineno == 3


def test_an_article_over_the_limit_is_an_error() -> None:
    data = ("Tiêu đề\n" + "Đoạn văn.\n" * (MAX_ARTICLE_BYTES // 10)).encode()
    with pytest.raises(ArticleError, match="too large for an article"):
        decode_article(data, PurePath("bai.txt"))


def test_a_paragraph_longer_than_texs_line_buffer_makes_a_pdf(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEEDS / "000_33420b19da835728.txt", articles / "01_seed.txt")
    line = SENTENCE * 9500  # 190,000 characters, 218,500 in the .tex: over TeX's 200,000
    assert len(line) < MAX_LINE_CHARS
    (articles / "02_long.txt").write_text("Dòng rất dài\n" + line + "\n", "utf-8")
    docs = tmp_path / "docs"
    assert convert(articles, docs).errors == ()
    result = build(docs, html=False)
    assert result.ok, [s.summary for s in result.steps]
    assert result.pdf is not None and result.pdf.stat().st_size > 10_000
