"""The reader's development corpus of real pages (tests/fixtures/reader/):
its files hang together, and the reader stays above the floors pinned in
tests/expected/reader_corpus_floors.json (``bench/reader_eval.py --pin``
writes them from today's figures, a little lowered)."""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "reader"
FLOORS = ROOT / "tests" / "expected" / "reader_corpus_floors.json"
FORMS = {"article", "page", "url_text", "dump", "html", "mhtml", "markdown", "markdown_page"}
FORBIDDEN = {
    "flairNLP/fundus",
    "meth04/tracking_news-mcp",
    "naustudio/tuoitrevn-optimization-case-study",
    "tnt305/tai_lieu_noi_bo",
    "vuhuyng04/craw_data_VietnamNews_and_classification",
    "Hideyoshi942/VietNam-Hospital",
    "easywebhub/daksong_website",
}

sys.path.insert(0, str(ROOT / "bench"))
import reader_corpus  # noqa: E402
import reader_leave_out  # noqa: E402


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _articles() -> list[Path]:
    return sorted(p for p in (CORPUS / "articles").iterdir() if p.is_file())


def test_every_article_has_gold_and_a_row_in_the_sources_table() -> None:
    readme = (CORPUS / "README.md").read_text("utf-8")
    articles = _articles()
    assert articles
    assert not [p for p in articles if p.suffix in (".yaml", ".yml")], "sidecars would be inputs"
    for path in articles:
        stem = path.name.rsplit(".", 1)[0]
        assert (CORPUS / "gold" / f"{stem}.yaml").is_file(), path.name
        assert (CORPUS / "gold" / f"{stem}.body.txt").is_file(), path.name
        assert f"| `{path.name}` |" in readme, f"{path.name} has no row in the sources table"
    stems = {p.name.rsplit(".", 1)[0] for p in articles}
    for gold in (CORPUS / "gold").glob("*.yaml"):
        assert gold.name.removesuffix(".yaml") in stems, gold.name


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_gold_is_well_formed_and_the_body_is_verbatim(path: Path) -> None:
    stem = path.name.rsplit(".", 1)[0]
    gold: dict[str, Any] = yaml.safe_load((CORPUS / "gold" / f"{stem}.yaml").read_text("utf-8"))
    assert gold["form"] in FORMS
    assert stem.startswith(f"{gold['outlet_id']}_{gold['form']}_")
    assert gold["title"] and gold["title"] == unicodedata.normalize("NFC", gold["title"])
    source = gold["source"]
    assert source["repo"] not in FORBIDDEN and not source["repo"].startswith("magizbox/")
    assert re.fullmatch(r"[0-9a-f]{40}", source["commit"])
    text = _squeeze(reader_corpus.input_text(path))
    body = (CORPUS / "gold" / f"{stem}.body.txt").read_text("utf-8").splitlines()
    assert body and all(line.strip() for line in body)
    for line in body:
        assert line == _squeeze(line), f"not squeezed: {line[:60]}"
        assert line in text, f"not in the input: {line[:60]}"


def _floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text("utf-8"))
    return data


def _pinned() -> list[reader_corpus.Gold]:
    stems = set(_floors()["stems"])
    golds = [g for g in reader_corpus.load_corpus() if g.stem in stems]
    assert len(golds) == len(stems), "an article the floors were pinned on is gone"
    return golds


@functools.cache
def _results() -> tuple[reader_corpus.Result, ...]:
    return tuple(reader_corpus.evaluate(g) for g in _pinned())


def test_the_reader_stays_above_its_floors_on_real_pages() -> None:
    floors = _floors()
    results = _results()
    groups = reader_corpus.groups(results)
    failures = [f"all: {x}" for x in reader_corpus.below(floors["overall"], groups["overall"])]
    for form, floor in floors["by_form"].items():
        failures += [f"{form}: {x}" for x in reader_corpus.below(floor, groups["by_form"][form])]
    assert not failures, "\n".join(failures)


def test_the_reader_stays_above_its_floors_with_each_outlet_left_out() -> None:
    golds = _pinned()
    stems = {g.stem for g in golds}
    pooled = []
    corpus = reader_corpus.load_corpus()
    runs = reader_leave_out.leave_each_out(sorted({g.outlet_id for g in golds}), corpus)
    for outlet_id, (rows, _) in runs.items():
        if rows is None:  # no data entry names the outlet: the reader is the same
            rows = [r for r in _results() if r.outlet_id == outlet_id]
        pooled += [r for r in rows if r.stem in stems]
    failures = reader_corpus.below(_floors()["left_out"], reader_corpus.summary(pooled))
    assert not failures, "\n".join(failures)
