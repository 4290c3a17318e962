"""An update equals a fresh conversion: a stateful property test.

Random sequences of what a desk does to its folder (edit a paragraph, add or
change a sidecar field, add, remove or rename an article, add one whose
headline is already there, change ``--parts``), each followed by an
incremental conversion into the same project (parse and render caches warm),
which must write exactly the bytes a conversion into a fresh folder writes.
The articles are the real ones of ``seeds/`` and ``tests/fixtures``; edits
only move, repeat or drop their own lines (no text is written).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from briefbook.analyse.parts import MODES
from briefbook.book import convert
from briefbook.core.editions import PDF_DIR
from briefbook.core.settings import BookSettings

from .books import FIXTURES, SEEDS
from .fresh import convert_fresh

POOL = sorted(
    [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt"), *(FIXTURES.parent / "html").glob("*.html")],
    key=lambda p: p.name,
)
DATES = ("2025-01-15", "2025-03-02", "2025-03-30", "2024-12-31")
CATEGORIES = ("Y tế", "Thời sự", "Sức khỏe > Y tế")


def project_files(folder: Path) -> dict[str, bytes]:
    """Every file the conversion wrote, but its caches (``_build/``)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        # The kept PDFs of earlier editions are the build's.
        if p.is_file() and p.relative_to(folder).parts[0] != "_build" and not p.match(f"{PDF_DIR}/*.pdf")
    }


class IncrementalConversion(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="briefbook-incremental-"))
        self.folder = self.root / "articles"
        self.folder.mkdir()
        self.docs = self.root / "docs"
        self.parts = "month"

    def teardown(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # -- the folder --------------------------------------------------------

    def _articles(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.suffix in (".txt", ".html"))

    def _pick(self, index: int) -> Path:
        articles = self._articles()
        return articles[index % len(articles)]

    def _free_name(self, prefix: int, name: str) -> Path:
        stem = name.split("_", 1)[-1]
        path = self.folder / f"{prefix:02}_{stem}"
        while path.exists():
            prefix += 1
            path = self.folder / f"{prefix:02}_{stem}"
        return path

    def _sidecar(self, article: Path) -> dict[str, object]:
        path = article.with_suffix(".yaml")
        found = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
        return dict(found) if isinstance(found, dict) else {}

    def _write_sidecar(self, article: Path, fields: dict[str, object]) -> None:
        path = article.with_suffix(".yaml")
        if fields:
            path.write_text(yaml.safe_dump(fields, allow_unicode=True, sort_keys=True), "utf-8")
        else:
            path.unlink(missing_ok=True)

    @initialize(first=st.lists(st.sampled_from(POOL), min_size=2, max_size=4, unique=True))
    def start(self, first: list[Path]) -> None:
        for n, source in enumerate(first):
            shutil.copy(source, self._free_name(n * 10, source.name))
        # Articles of several months, so that parts re-order them.
        for article, date in zip(self._articles(), DATES, strict=False):
            self._write_sidecar(article, {"date": date})

    @rule(source=st.sampled_from(POOL), prefix=st.integers(0, 99))
    def add(self, source: Path, prefix: int) -> None:
        shutil.copy(source, self._free_name(prefix, source.name))

    @precondition(lambda self: len(self._articles()) > 1)
    @rule(index=st.integers(0, 99))
    def remove(self, index: int) -> None:
        article = self._pick(index)
        article.unlink()
        article.with_suffix(".yaml").unlink(missing_ok=True)

    @rule(index=st.integers(0, 99), prefix=st.integers(0, 99))
    def rename(self, index: int, prefix: int) -> None:
        article = self._pick(index)
        target = self._free_name(prefix, article.name)
        sidecar = article.with_suffix(".yaml")
        article.rename(target)
        if sidecar.is_file():
            sidecar.rename(target.with_suffix(".yaml"))

    @rule(index=st.integers(0, 99), line=st.integers(1, 999), how=st.sampled_from(["drop", "repeat", "swap"]))
    def edit_paragraph(self, index: int, line: int, how: str) -> None:
        """Drop, repeat or move one of the article's own lines (never its first)."""
        article = self._pick(index)
        if article.suffix != ".txt":
            return
        lines = article.read_text("utf-8").split("\n")
        body = [n for n, text in enumerate(lines) if n > 0 and len(text.strip()) > 40]
        if not body:
            return
        n = body[line % len(body)]
        if how == "drop":
            del lines[n]
        elif how == "repeat":
            lines.insert(n, lines[n])
        else:
            m = body[(line + 1) % len(body)]
            lines[n], lines[m] = lines[m], lines[n]
        article.write_text("\n".join(lines), "utf-8")

    @rule(
        index=st.integers(0, 99),
        field=st.sampled_from(["date", "category", "title", "author", "outlet"]),
        choice=st.integers(0, 99),
    )
    def set_sidecar_field(self, index: int, field: str, choice: int) -> None:
        article = self._pick(index)
        fields = self._sidecar(article)
        other = self._pick(choice)
        values = {
            "date": DATES[choice % len(DATES)],
            "category": CATEGORIES[choice % len(CATEGORIES)],
            # Another article's first line: a headline already in the book.
            "title": other.read_text("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0].strip()
            if other.suffix == ".txt" and choice % 4
            else ("Điểm tin", "Index", "search", "Bảng chữ viết tắt")[choice % 4],
            "author": ("Duy Tính", "Thu Hằng", "PV")[choice % 3],
            "outlet": ("Báo Thanh Niên", "Tuổi Trẻ")[choice % 2],
        }
        fields[field] = values[field] or "Điểm tin"
        self._write_sidecar(article, fields)

    @rule(index=st.integers(0, 99))
    def drop_sidecar(self, index: int) -> None:
        self._pick(index).with_suffix(".yaml").unlink(missing_ok=True)

    @rule(index=st.integers(0, 99), prefix=st.integers(0, 99), date=st.sampled_from(DATES))
    def repeat_headline(self, index: int, prefix: int, date: str) -> None:
        """The same article again under another name and date (a recurring digest)."""
        article = self._pick(index)
        copy = self._free_name(prefix, article.name)
        shutil.copy(article, copy)
        self._write_sidecar(copy, {**self._sidecar(article), "date": date})

    @rule(mode=st.sampled_from(MODES))
    def set_parts(self, mode: str) -> None:
        self.parts = mode

    # -- the property ------------------------------------------------------

    @invariant()
    def incremental_equals_fresh(self) -> None:
        if not self._articles():
            return
        book = BookSettings(parts=self.parts)
        updated = convert(self.folder, self.docs, book, jobs=1)
        fresh_docs = self.root / "fresh"
        fresh = convert_fresh(self.folder, fresh_docs, updated.previous, book, jobs=1)
        assert updated.files == fresh.files
        assert project_files(self.docs) == project_files(fresh_docs)


IncrementalConversion.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=8,
    deadline=None,
    derandomize=True,
    database=None,
    # A failure is reported as found: shrinking a sequence of conversions takes minutes.
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_incremental_conversion_equals_fresh = IncrementalConversion.TestCase


def _page_texts(html: Path) -> dict[str, str]:
    """The text of each page's article, editions left out (each page's script
    sets them to the current one; a page Sphinx did not rewrite keeps the old)."""
    from lxml import html as lxml_html

    texts = {}
    for page in sorted(html.rglob("*.html")):
        tree = lxml_html.parse(str(page))
        for span in tree.xpath("//*[contains(@class, 'briefbook-edition')]"):
            span.text = ""
        article = tree.xpath("//article")
        texts[page.relative_to(html).as_posix()] = " ".join(
            " ".join(a.text_content().split()) for a in article
        )
    return texts


def _pdf_text(docs: Path) -> str:
    from pypdf import PdfReader

    pdf = next((docs / "_build" / "pdf").glob("*.pdf"))
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_incremental_build_shows_what_a_fresh_build_shows(tmp_path: Path) -> None:
    """Articles of two months in parts by month (so the book's order is not the
    files' order): a moved paragraph and a corrected sidecar reach the HTML
    pages and the PDF of an updated book as they do a fresh one (they did not)."""
    from briefbook.build import build

    folder, docs = tmp_path / "articles", tmp_path / "docs"
    folder.mkdir()
    names = ["000_33420b19da835728.txt", "001_99e64521392f7738.txt"]
    for name in names:
        shutil.copy(SEEDS / name, folder / name)
    for name, date in zip(names, ["2025-03-02", "2025-01-15"], strict=True):
        (folder / name).with_suffix(".yaml").write_text(f"date: {date}\n", "utf-8")
    book = BookSettings(parts="month")
    convert(folder, docs, book)
    assert build(docs).ok
    # The first file is the second chapter: move a paragraph of it, correct its author.
    seed = folder / names[0]
    lines = seed.read_text("utf-8").split("\n")
    body = max(range(1, len(lines) - 1), key=lambda n: len(lines[n]))
    lines[body], lines[body + 1 :] = lines[body + 1], [lines[body], *lines[body + 2 :]]
    seed.write_text("\n".join(lines), "utf-8")
    seed.with_suffix(".yaml").write_text("date: 2025-03-02\nauthor: Thu Hằng\n", "utf-8")
    updated_book = convert(folder, docs, book)
    assert build(docs).ok
    fresh = tmp_path / "fresh"
    convert_fresh(folder, fresh, updated_book.previous, book)
    assert build(fresh).ok
    assert project_files(docs) == project_files(fresh)
    updated, expected = _page_texts(docs / "_build" / "html"), _page_texts(fresh / "_build" / "html")
    assert sorted(updated) == sorted(expected)
    for page, text in expected.items():
        assert updated[page] == text, page
    assert "Thu Hằng" in "".join(expected.values())
    assert _pdf_text(docs) == _pdf_text(fresh)
