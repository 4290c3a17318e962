"""A page's ``citation_publication_date`` is the date of its content, not of
the build that happened to write it (briefbook.sphinxext.citation.publication_date):
a chapter an edition did not touch keeps its date on a page kept from an
earlier build, and a build from nothing says the same. Real articles (the seeds
and tests/fixtures/articles), real Sphinx builds."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from briefbook.book import convert
from briefbook.build import build

from .books import FIXTURES, SEEDS

LAST = "11_baomoi-itec-th-benh-vien-5-sao-nhat-ban.txt"
_DATE = re.compile(r'<meta name="citation_publication_date" content="([^"]*)"')


def _epoch(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    moment = dt.datetime.fromisoformat(day).replace(hour=8, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def _dates(html: Path) -> dict[str, str]:
    found = {}
    for page in sorted(html.rglob("*.html")):
        if (match := _DATE.search(page.read_text("utf-8"))) is not None:
            found[page.relative_to(html).as_posix()] = match[1]
    return found


def test_a_chapter_keeps_the_date_of_its_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles, docs = tmp_path / "articles", tmp_path / "docs"
    articles.mkdir()
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        if path.name != LAST:
            shutil.copy(path, articles / path.name)
    _epoch(monkeypatch, "2026-12-01")
    convert(articles, docs, edition_date="2026-12-01")
    assert build(docs, pdf=False).ok
    html = docs / "_build" / "html"
    first = _dates(html)
    assert set(first.values()) == {"2026/12/01"}

    _epoch(monkeypatch, "2026-12-05")
    shutil.copy(FIXTURES / LAST, articles / LAST)
    added = next(
        a.slug for a in convert(articles, docs, edition_date="2026-12-05").articles if a.path.name == LAST
    )
    assert build(docs, pdf=False).ok
    second = _dates(html)
    assert second[f"chapters/{added}.html"] == "2026/12/05"
    assert second["index.html"] == "2026/12/05"
    kept = [name for name in first if name.startswith("chapters/")]
    assert kept and all(second[name] == "2026/12/01" for name in kept), second

    # A build from nothing, days later, of the same content: the same dates.
    _epoch(monkeypatch, "2026-12-09")
    fresh = tmp_path / "fresh"
    shutil.copytree(docs, fresh, ignore=shutil.ignore_patterns("_build"))
    assert build(fresh, pdf=False).ok
    assert _dates(fresh / "_build" / "html") == second


def test_a_damaged_record_of_editions_is_a_warning_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The seeds' record cut short (no JSON) or saved in another encoding (no UTF-8):
    # no chapter dates, and a warning that names the file, not a crash of the build.
    from briefbook.core.editions import EDITIONS_FILE
    from briefbook.sphinxext import citation

    warned: list[str] = []
    logger = type("Logger", (), {"warning": staticmethod(lambda msg, *a, **_kw: warned.append(msg % a))})
    monkeypatch.setattr(citation, "logger", logger, raising=False)
    good = (Path(__file__).resolve().parent.parent / "docs" / EDITIONS_FILE).read_bytes()
    damaged = {"cut.json": good[: len(good) // 2], "latin1.json": good.replace(b"{", b"{\xe9", 1)}
    for name, data in damaged.items():
        record = tmp_path / name
        record.write_bytes(data)
        assert citation._chapter_dates(str(record), record.stat().st_mtime) == {}
        assert any(str(record) in message for message in warned), warned
    record = tmp_path / "whole.json"
    record.write_bytes(good)
    assert citation._chapter_dates(str(record), record.stat().st_mtime)  # the real record reads
    missing = tmp_path / "none.json"
    assert citation._chapter_dates(str(missing), 0.0) == {}
    assert not any(str(missing) in message for message in warned)  # no record: no warning
