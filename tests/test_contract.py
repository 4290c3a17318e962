"""The converter hands Sphinx data (``_briefbook.json``), not a page to re-parse.

The search's synonyms and the links' tooltips come from the typed data file;
the glossary page's layout is the writer's business alone: a test lays the
page out otherwise and builds the book with Sphinx.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from briefbook.book import convert
from briefbook.core.bookdata import (
    BOOK_DATA_FILE,
    BookData,
    BookDataError,
    Name,
    Term,
    dump_book_data,
    load_book_data,
)
from briefbook.core.records import EntityKind
from briefbook.core.settings import TUNING, BookSettings, PartsMode, SettingsError, Tuning

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_book_data_round_trips_and_is_deterministic() -> None:
    data = BookData(
        BookSettings("Sổ tay", "Ban biên tập", "month"),
        (Term("BHYT", "bảo hiểm y tế", "health insurance"), Term("BV", "bệnh viện")),
        (Name(EntityKind.ORGANISATION, "Bộ Y tế", ("BYT",)),),
    )
    text = dump_book_data(data)
    assert load_book_data(text) == data
    assert text == dump_book_data(load_book_data(text))
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert "bảo hiểm y tế" in text  # not \u-escaped


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1: not JSON"),
        ("[]", "not a JSON object"),
        ('{"format": 99}', "format 99, not 1"),
        ('{"format": 1, "settings": {"parts": "weekly"}}', "parts: 'weekly' is not one of"),
        (
            '{"format": 1, "glossary": [{"abbr": "BV"}]}',
            "glossary entry 1: an abbreviation and its long form",
        ),
        (
            '{"format": 1, "glossary": [{"abbr": 3, "expansion": "x"}]}',
            "glossary entry 1: 'abbr' is not text",
        ),
        ('{"format": 1, "register": [{"kind": "ANIMAL", "name": "x"}]}', "register entry 1: kind 'ANIMAL'"),
    ],
)
def test_a_bad_data_file_is_refused_naming_it(text: str, message: str) -> None:
    with pytest.raises(BookDataError, match=re.escape(message)) as caught:
        load_book_data(text, "docs/_briefbook.json")
    assert str(caught.value).startswith("docs/_briefbook.json: ")


def test_settings_are_checked_when_made() -> None:
    with pytest.raises(SettingsError, match=r"^book\.toml: parts: 'weekly' is not one of auto, month"):
        BookSettings(parts="weekly", source="book.toml")
    assert BookSettings(source="a") == BookSettings(source="b")


def test_the_parts_are_a_member_however_given() -> None:
    assert BookSettings(parts="topic").parts is PartsMode.TOPIC
    assert BookSettings().parts is PartsMode.AUTO
    assert BookSettings(parts="month") == BookSettings(parts=PartsMode.MONTH)
    assert json.loads(dump_book_data(BookData(BookSettings(parts="none"))))["settings"]["parts"] == "none"


def test_the_tuning_is_checked_when_made() -> None:
    assert Tuning() == TUNING
    with pytest.raises(SettingsError, match=r"^containment: 1\.5 is not a share"):
        Tuning(containment=1.5)
    with pytest.raises(SettingsError, match=r"^see_also: 0 is not a whole number of at least 1"):
        Tuning(see_also=0)
    with pytest.raises(SettingsError, match=r"^keep_editions: True is not a whole number"):
        Tuning(keep_editions=True)
    with pytest.raises(SettingsError, match=r"^sentence_chars: 100 is less than gist_chars \(260\)"):
        Tuning(sentence_chars=100)


def _swap_definition_and_source(glossary: str) -> str:
    """Each entry's source line first, then its long form, and no English gloss in italics."""
    pattern = re.compile(r"^(\S+)\n  (.+?)(?: — \*(.*)\*)?\n\n  (Nguồn: .*)$", re.MULTILINE)

    def entry(match: re.Match[str]) -> str:
        abbr, expansion, english, source = match.groups()
        gloss = f" (tiếng Anh: {english})" if english else ""
        return f"{abbr}\n  {source}\n\n  Nghĩa: {expansion}{gloss}"

    changed, count = pattern.subn(entry, glossary)
    assert count > 10
    return changed


def test_the_glossary_page_can_change_without_sphinx_noticing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    convert(SEEDS, docs)
    glossary = docs / "glossary.md"
    glossary.write_text(_swap_definition_and_source(glossary.read_text("utf-8")), "utf-8")
    assert "\n  Nghĩa: bảo hiểm y tế (tiếng Anh: health insurance)\n" in glossary.read_text("utf-8")
    html = tmp_path / "html"
    assert build_main(["-q", "-b", "html", str(docs), str(html)]) == 0

    chapter = (html / "chapters" / "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam.html").read_text("utf-8")
    assert 'href="../glossary.html#term-BV" title="bệnh viện"' in chapter
    assert 'href="../glossary.html#term-TP.HCM" title="Thành phố Hồ Chí Minh"' in chapter
    language_data = (html / "_static" / "language_data.js").read_text("utf-8")
    found = re.search(r"^var BRIEFBOOK_SEARCH = (.*);$", language_data, re.MULTILINE)
    assert found
    search = json.loads(found.group(1))
    assert search["synonyms"]["bhyt"] == ["bảo", "hiểm", "y", "tế"]
    assert search["synonyms"]["bv"] == ["bệnh", "viện"]
    # The glossary itself shows the new layout.
    assert "Nghĩa: bảo hiểm y tế" in (html / "glossary.html").read_text("utf-8")


def test_the_converter_writes_the_data_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    conversion = convert(SEEDS, docs, title="Sổ tay thử")
    data = load_book_data((docs / BOOK_DATA_FILE).read_text("utf-8"))
    assert data.settings.title == "Sổ tay thử"
    assert [(t.abbr, t.expansion, t.english) for t in data.glossary] == [
        (abbr, e.expansion, e.english) for e in conversion.glossary.entries for abbr in (e.abbr, *e.variants)
    ]  # every spelling of an entry ("TP.HCM", "TPHCM") is a term
    assert any(name.kind is EntityKind.PERSON for name in data.register)
    assert (docs / BOOK_DATA_FILE).read_text("utf-8") == (ROOT / "docs" / BOOK_DATA_FILE).read_text(
        "utf-8"
    ).replace(
        json.dumps(BookSettings().title, ensure_ascii=False), json.dumps("Sổ tay thử", ensure_ascii=False)
    )
