"""What the reader takes for copies set before the text (read/reader/copies.py),
on real articles: a text copied without its headline keeps its first
paragraph; a headline the address spells is cut off the sapo only where the
sapo opens a sentence."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GIADINH = "dong-gia-phu-huynh-bat-coc-hoc-sinh"


def _parse(tmp_path: Path, text: str, name: str = "a.txt"):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    return parse_source(load_source(tmp_path / name, PurePath(name)))


def test_a_text_copied_without_its_headline_keeps_its_first_paragraph(tmp_path: Path) -> None:
    # Gia đình & Xã hội's article (reader_heldout3, from daibangsamac/BaomoiCrawler) copied from
    # its paragraph "Đồng thời, ..." on: no headline, so that paragraph names the chapter; it
    # shares no two words in a row with the paragraphs under it and its capitalised "Cần" is
    # no word of theirs, but it is the text's own, not another item set before it.
    page = FIXTURES / "reader_heldout3" / "articles" / f"giadinhnet_dump_{GIADINH}.txt"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("Đồng thời, nhà trường khuyến cáo"))
    raw, article = _parse(tmp_path, "".join(lines[start:]))
    assert article.lede.startswith("Đồng thời, nhà trường khuyến cáo phụ huynh cần cẩn thận")
    assert unaccounted(raw, article) == []


def test_the_headline_the_address_spells_is_cut_off_only_where_a_sentence_opens() -> None:
    # The rule's edge (a line written for it): the address's words end inside a sentence
    # that goes on in lower case, so no headline ends there. The real one (Người Quan sát's
    # "... sau COVID-19 Các trường hợp ...") in tests/test_feed_posts_heldout8.py.
    from briefbook.read.reader.copies import _slug_headline

    slug = ("chieu", "3", "4", "co", "mai")
    title = "Chiều 3/4 cô Mai ..."
    assert _slug_headline("Chiều 3/4 cô Mai cho biết nhà trường đã thắt chặt an ninh.", title, slug) == ""
    headline = _slug_headline("Chiều 3/4 cô Mai Nhà trường đã thắt chặt an ninh.", title, slug)
    assert headline == "Chiều 3/4 cô Mai"
    # A sapo may open with a number ("5 người đã tử vong ...").
    assert (
        _slug_headline("Chiều 3/4 cô Mai 5 học sinh đã được đưa về nhà.", title, slug) == "Chiều 3/4 cô Mai"
    )


def test_the_headline_the_address_spells_is_looked_for_in_time_linear_in_the_slug() -> None:
    # Words the slug leaves out ("–") no longer make it slugify every prefix of the text.
    import time

    from briefbook.read.reader.copies import _slug_headline

    text = "Chiều 3/4 cô " + "– " * 5000 + "Mai"
    started = time.perf_counter()
    assert _slug_headline(text, "Chiều 3/4 cô ...", ("chieu", "3", "4", "co", "mai")) == ""
    assert time.perf_counter() - started < 0.5
