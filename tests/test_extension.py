"""The extension's own behaviour on a small Sphinx project (tests/roots/test-terms/),
built with Sphinx's test fixtures, for HTML and LaTeX.

The project's glossary page is laid out in a way the converter never writes:
the links' tooltips and the search's synonyms come from ``_briefbook.json``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp

from briefbook.core.bookdata import BOOK_DATA_FILE, Term
from briefbook.sphinxext.domain import BriefbookDomain

ROOT = Path(__file__).resolve().parent / "roots" / "test-terms"


@pytest.mark.sphinx("html", testroot="terms")
def test_html_links_and_search_take_the_terms_from_the_data_file(app: SphinxTestApp) -> None:
    app.build()
    assert BriefbookDomain.of(app.env).terms == (
        Term("BHYT", "bảo hiểm y tế", "health insurance"),
        Term("BV", "bệnh viện", "hospital"),
        Term("TP.HCM", "Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
    )
    chapter = (Path(app.outdir) / "chapters" / "bai.html").read_text("utf-8")
    assert 'href="../glossary.html#term-BV" title="bệnh viện"' in chapter
    assert 'href="../glossary.html#term-BHYT" title="bảo hiểm y tế"' in chapter
    assert 'href="../glossary.html#term-TP.HCM" title="Thành phố Hồ Chí Minh"' in chapter
    language_data = (Path(app.outdir) / "_static" / "language_data.js").read_text("utf-8")
    found = re.search(r"^var BRIEFBOOK_SEARCH = (.*);$", language_data, re.MULTILINE)
    assert found
    assert json.loads(found.group(1))["synonyms"] == {
        "bhyt": ["bảo", "hiểm", "y", "tế"],
        "bv": ["bệnh", "viện"],
    }
    index = (Path(app.outdir) / "searchindex.js").read_text("utf-8")
    assert '"bhyt"' in index and '"bao"' in index  # the abbreviation indexed with its long form


@pytest.mark.sphinx("latex", testroot="terms")
def test_latex_builds_the_same_project(app: SphinxTestApp) -> None:
    app.build()
    assert app.statuscode == 0
    (tex,) = Path(app.outdir).glob("*.tex")
    text = tex.read_text("utf-8")
    assert "Một chương" in text and "bảo hiểm y tế" in text
    assert BriefbookDomain.of(app.env).terms  # read for every builder


def test_a_broken_data_file_stops_the_build_naming_it(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    source = tmp_path / "terms"
    shutil.copytree(ROOT, source)
    (source / BOOK_DATA_FILE).write_text('{"format": 1, "glossary": [{"abbr": "BV"}]}', "utf-8")
    with pytest.raises(ExtensionError, match=re.escape(f"{source / BOOK_DATA_FILE}: glossary entry 1")):
        make_app("html", srcdir=source)


def test_without_a_data_file_the_shipped_dictionary_serves(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    source = tmp_path / "terms"
    shutil.copytree(ROOT, source)
    (source / BOOK_DATA_FILE).unlink()
    app = make_app("html", srcdir=source)
    app.build()
    chapter = (Path(app.outdir) / "chapters" / "bai.html").read_text("utf-8")
    assert 'href="../glossary.html#term-BHYT" title="bảo hiểm y tế"' in chapter


def test_an_environment_saved_by_other_code_is_read_afresh(tmp_path: Path) -> None:
    """An environment of before the domain (no briefbook data, no briefbook
    env_version) would leave the chapters' cited entries unknown, so that a
    corrected BibTeX entry never reached them: Sphinx reads the book again."""
    import io
    import pickle

    from sphinx.application import Sphinx

    from briefbook.book import convert

    docs, out = tmp_path / "docs", tmp_path / "out"
    convert(Path(__file__).resolve().parent.parent / "seeds", docs)

    def build() -> str:
        status = io.StringIO()
        app = Sphinx(docs, docs, out / "html", out / "doctrees", "html", status=status, warning=status)
        app.build()
        assert app.statuscode == 0
        return status.getvalue()

    build()
    pickled = out / "doctrees" / "environment.pickle"
    env = pickle.loads(pickled.read_bytes())
    del env.domaindata[BriefbookDomain.name]
    env.version = {k: v for k, v in env.version.items() if k != "briefbook.sphinxext"}
    pickled.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    status = build()
    assert "build environment version not current" in status
    cited = pickle.loads(pickled.read_bytes()).domaindata[BriefbookDomain.name]["cited"]
    assert sorted(cited) == sorted(f"chapters/{p.stem}" for p in (docs / "chapters").glob("*.md"))
