"""A corpus's comment header (``# url = ...``, ``# date = 20210419``), as the
Underthesea News Corpus writes its Dân trí articles (tests/fixtures/entities/unc2021,
files as stored): the article's address and date, not headings of its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.problems import ProblemKind
from briefbook.core.records import Reason
from briefbook.folder import load_source, parse_source
from briefbook.read.envelope import split_comment_header
from briefbook.read.headline import title_from_text

UNC = Path(__file__).resolve().parent / "fixtures" / "entities" / "unc2021"


def test_the_header_gives_the_address_and_the_date() -> None:
    path = UNC / "unc_txt_benh-vien-108-anh-hung.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.meta.url.startswith("https://dantri.com.vn/suc-khoe/nhieu-su-kien-luu-dau-son")
    assert article.meta.date is not None and article.meta.date.date == dt.date(2021, 4, 19)
    assert article.meta.outlet == "Báo Dân trí"
    texts = [article.title, article.lede, *(s.heading or "" for s in article.sections)]
    texts += [p.text for p in article.paragraphs]
    assert not [t for t in texts if "doc_id" in t or "# url" in t or "url =" in t]
    assert unaccounted(raw, article) == []


def test_only_a_header_of_fields_is_one() -> None:
    # The lines of the fields a book takes are blanked, the others stay for the reader to drop.
    assert split_comment_header("# doc_id = 7\n# date = 20210419\nVăn bản.\n") == (
        {"date": "20210419"},
        "# doc_id = 7\n\nVăn bản.\n",
    )
    # Keys are lower-case identifiers, as the corpus writes them: "# Date = ..." is a heading.
    assert split_comment_header("# Date = 20210419\n# URL = https://a.vn/b\nVăn bản.") is None
    assert split_comment_header("# doc-id = 7\n# date = 20210419\nVăn bản.") is None
    assert split_comment_header("# Tiêu đề\n# Mục = một\nVăn bản.") is None  # Markdown headings
    assert split_comment_header("# doc_id = 7\n# sent_id = 1\nVăn bản.") is None  # no field a book takes
    assert split_comment_header("# url = https://a.vn/b\nVăn bản.") is None  # one line: no header


def test_a_text_without_a_headline_keeps_its_first_paragraph() -> None:
    # The corpus gives no title: the file's first line is the text's first paragraph.
    path = UNC / "unc_txt_benh-vien-108-anh-hung.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    first = raw.text.split("\n")[3]
    assert first.startswith("Ngày 19/4, Bệnh viện Trung ương Quân đội 108 đã tổ chức")
    assert article.lede == first
    assert article.title.endswith(" …") and first.startswith(article.title[:-2])
    assert len(article.title.split()) <= 17
    assert ProblemKind.TITLE_FROM_TEXT in {p.kind for p in article.problems}
    assert unaccounted(raw, article) == []


def test_a_long_headline_is_still_the_headline() -> None:
    # Real headlines of 22 and 33 words (tests/fixtures/reader_heldout*): no full stop, not running text.
    assert (
        title_from_text(
            "Truy tố ca sĩ Chi Dân và 226 bị can trong vụ án ma túy liên quan đến tiếp viên hàng không"
        )
        is None
    )
    assert title_from_text("Hà Tĩnh xử phạt hành chính 8 cơ sở khám bệnh, chữa bệnh, cung ...") is None


def test_a_header_field_the_book_does_not_take_is_a_dropped_line_the_audit_sees() -> None:
    # "# doc_id = news_health_172" above "# url = ..." and "# date = ...": once blanked unseen
    # (as "# summary = ..." would have been, a line of text), now dropped as the file's metadata.
    path = UNC / "unc_txt_benh-vien-108-anh-hung.txt"
    raw, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert raw.text.startswith("# doc_id = news_health_172\n")
    dropped = [d for d in article.dropped if d.lineno == 1]
    assert [(d.reason, d.detail) for d in dropped] == [(Reason.METADATA, "doc_id")]
    assert unaccounted(raw, article) == []


def test_a_field_written_without_a_space_after_the_mark_is_metadata(tmp_path: Path) -> None:
    # "#doc_id = ..." (no space: no Markdown heading) among the header's fields of the real UNC article.
    path = UNC / "unc_txt_benh-vien-108-anh-hung.txt"
    text = path.read_text("utf-8").replace("# doc_id =", "#doc_id =", 1)
    assert "#doc_id =" in text
    (tmp_path / path.name).write_text(text, "utf-8")
    raw, article = parse_source(load_source(tmp_path / path.name, PurePath(path.name), tmp_path))
    assert "doc_id" not in article.title and article.meta.date is not None
    assert unaccounted(raw, article) == []
