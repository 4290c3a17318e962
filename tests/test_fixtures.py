"""The reader on real articles: metadata, must-contain and must-not-contain lists,
and a pinned floor for boilerplate removal (precision and recall)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefbook.analyse.evaluation import evaluate, kept_text
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article
from briefbook.write.chapter import render_chapter

from .books import EXPECTED, FIXTURES, SEEDS

EXPECTATIONS = yaml.safe_load((EXPECTED / "fixtures" / "expectations.yaml").read_text("utf-8"))


@pytest.mark.parametrize("stem", sorted(EXPECTATIONS))
def test_fixture_article(stem: str) -> None:
    expected = EXPECTATIONS[stem]
    path = FIXTURES / f"{stem}.txt"
    article = parse_article(decode_article(path.read_bytes(), Path(path.name)))
    meta = article.meta
    assert article.title == expected["title"]
    assert meta.author == expected["author"]
    assert meta.source == expected["source"]
    assert (meta.date.iso() if meta.date else "") == expected["date"]
    for field in ("outlet", "url", "category"):
        if field in expected:
            assert getattr(meta, field) == expected[field]
    if "lede" in expected:
        assert article.lede == expected["lede"]
    if "related" in expected:
        assert [r.title for r in article.related] == expected["related"]
    # Kept paragraphs in order, white space squeezed (a run-on line becomes
    # several paragraphs, so expected paragraphs are matched as running text).
    body = " ".join(" ".join(text.split()) for text in kept_text(article))
    chapter = render_chapter(article)
    for debris in expected["must_not_contain"]:
        assert debris not in body, debris
    for paragraph in (EXPECTED / "fixtures" / f"{stem}.body.txt").read_text("utf-8").splitlines():
        assert " ".join(paragraph.split()) in body, paragraph[:60]
        assert paragraph[:30].split()[0] in chapter


def test_boilerplate_removal_floor() -> None:
    rows = evaluate([(SEEDS, EXPECTED), (FIXTURES, EXPECTED / "fixtures")])
    assert len(rows) == 9
    for name, score in rows:
        assert score.precision >= 0.97, (name, score.precision)
        assert score.recall >= 0.98, (name, score.recall)
