"""The reader's development corpus keeps its own rules (tests/fixtures/reader/README.md):
every gold file is complete, every article is listed with its origin, and the
marked text of a text input (title, lede, body lines, must-not strings) is cut
out of that input (of a Markdown clipping, out of its text as a reader sees it),
never retyped."""

from __future__ import annotations

import datetime
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader"
sys.path.insert(0, str(CORPUS.parent.parent.parent / "bench"))
import reader_corpus  # noqa: E402

GOLD = sorted((CORPUS / "gold").glob("*.yaml"))
KEYS = ["form", "outlet_id", "outlet", "title", "lede", "date", "author", "url", "must_not", "source"]
FORMS = {"article", "page", "url_text", "dump", "html", "mhtml", "markdown", "markdown_page"}
TEXT_SUFFIXES = {".txt", ".md"}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _first_cell(row: str) -> str:
    """The first cell of a Markdown table row, without code marks ("" for other lines)."""
    cells = row.split("|")
    return cells[1].strip().strip("`") if row.startswith("|") and len(cells) > 2 else ""


def _article(stem: str) -> Path:
    (path,) = (CORPUS / "articles").glob(f"{stem}.*")
    return path


def test_articles_are_inputs_only() -> None:
    suffixes = {path.suffix for path in (CORPUS / "articles").iterdir()}
    assert suffixes <= TEXT_SUFFIXES | {".html", ".mhtml"}, suffixes


def test_every_article_has_gold_and_one_source_row() -> None:
    readme = (CORPUS / "README.md").read_text("utf-8")
    for path in (CORPUS / "articles").iterdir():
        assert (CORPUS / "gold" / f"{path.stem}.yaml").is_file(), path.name
        assert (CORPUS / "gold" / f"{path.stem}.body.txt").is_file(), path.name
        rows = [line for line in readme.splitlines() if _first_cell(line) == path.name]
        assert len(rows) == 1, path.name


@pytest.mark.parametrize("gold", GOLD, ids=lambda path: path.stem)
def test_gold_is_complete(gold: Path) -> None:
    truth = yaml.safe_load(gold.read_text("utf-8"))
    assert list(truth) == KEYS
    assert truth["form"] in FORMS
    assert gold.stem.startswith(f"{truth['outlet_id']}_{truth['form']}_")
    assert truth["date"] is None or isinstance(truth["date"], datetime.date)
    assert re.fullmatch(r"[0-9a-f]{40}", truth["source"]["commit"])
    assert truth["source"]["repo"].count("/") == 1 and truth["source"]["path"]
    for field in ("title", "lede", "author", "outlet"):
        value = truth[field]
        assert value is None or value == unicodedata.normalize("NFC", value), field


@pytest.mark.parametrize(
    "gold", [g for g in GOLD if _article(g.stem).suffix in TEXT_SUFFIXES], ids=lambda path: path.stem
)
def test_marked_text_is_cut_from_the_input(gold: Path) -> None:
    truth = yaml.safe_load(gold.read_text("utf-8"))
    # A Markdown clipping's marks are cut from its text as a reader sees it (link
    # targets, emphasis marks and escapes gone): reader_corpus.markdown_text.
    text = _squeeze(reader_corpus.input_text(_article(gold.stem)))
    assert _squeeze(truth["title"]) in text
    assert truth["lede"] is None or _squeeze(truth["lede"]) in text
    marked = (CORPUS / "gold" / f"{gold.stem}.body.txt").read_text("utf-8")
    body = [_squeeze(line) for line in marked.splitlines()]
    assert body and all(body)
    at = 0
    for line in body:
        found = text.find(line, at)
        assert found >= 0, line[:60]
        at = found + len(line)
    for debris in truth["must_not"]:
        assert _squeeze(debris) in text, debris
        assert not any(_squeeze(debris) in line for line in body), debris
