"""Paragraph numbers on a small Sphinx project (tests/roots/test-paragraphs/), for HTML
and LaTeX: the lede, the paragraphs of the sections and the items of the article's
own list are numbered ¶ n.m, a summary box is not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp


def _numbers(html: str) -> list[tuple[str, str]]:
    """(anchor, printed number) of each paragraph number of a page, in order."""
    return re.findall(r'class="briefbook-pnum"[^>]*href="#([^"]+)"[^>]*>¶\u00a0([\d.]+)</a>', html)


@pytest.mark.sphinx("html", testroot="paragraphs")
def test_html_numbers_the_body_paragraphs_by_chapter(app: SphinxTestApp) -> None:
    app.build()
    assert app.statuscode == 0
    one = (Path(app.outdir) / "chapters" / "mot.html").read_text("utf-8")
    numbers = _numbers(one)
    assert numbers == [(f"mot-p{m}", f"1.{m}") for m in range(1, 6)]
    for m in range(1, 6):
        assert f'id="mot-p{m}"' in one
    assert "<p>Một hộp tóm tắt, không đánh số.</p>" in one  # the summary box: no number
    two = (Path(app.outdir) / "chapters" / "hai.html").read_text("utf-8")
    assert _numbers(two) == [("hai-p1", "2.1")]


@pytest.mark.sphinx("latex", testroot="paragraphs")
def test_latex_numbers_the_same_paragraphs_in_the_margin(app: SphinxTestApp) -> None:
    app.build()
    assert app.statuscode == 0
    (tex,) = Path(app.outdir).glob("*.tex")
    text = tex.read_text("utf-8")
    margins = re.findall(r"\\marginpar\{\\scriptsize\\sffamily\\thechapter\.(\d+)\}", text)
    assert margins == ["1", "2", "3", "4", "5", "1"]
    for anchor in ("mot-p1", "mot-p5", "hai-p1"):
        assert anchor in text
