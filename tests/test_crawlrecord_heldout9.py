"""A crawl4ai record (held-out set 9): its ``content_markdown`` is its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.folder import load_source, parse_source
from briefbook.read.crawlrecord import read_record

SET = Path(__file__).parent / "fixtures" / "reader_heldout9" / "articles"


def test_a_crawl4ai_record_is_read_from_its_markdown() -> None:
    name = "skds_crawl4ai_json_hai-nghe-si-ten-tin.json"
    raw, fields = read_record((SET / name).read_bytes(), PurePath(name))
    assert "Ngày 12/6, Công an quận 8 cho biết đã phát hiện diễn viên hài Nguyễn Hữu Tín" in raw.text
    assert fields["url"].startswith("https://suckhoedoisong.vn/hai-nghe-si-noi-tieng-ten-tin")


def test_markdown_is_preferred_to_the_whole_page_html() -> None:
    name = "viettimes_crawl4ai_json_ca-si-chi-dan-nguoi-mau-an-tay-bi-bat.json"
    raw, _ = read_record((SET / name).read_bytes(), PurePath(name))
    assert "](https://viettimes.vn" in raw.text  # its links as Markdown writes them


def test_the_crawl_dates_the_reading_not_the_article() -> None:
    # "date_crawled": "2026-06-08T..." is when the student's crawler ran; the page says 12/06/2022.
    name = "skds_crawl4ai_json_hai-nghe-si-ten-tin.json"
    _, fields = read_record((SET / name).read_bytes(), PurePath(name))
    assert "date" not in fields and fields["accessed"].startswith("2026-06-08")
    _, article = parse_source(load_source(SET / name, PurePath(name), SET))
    assert article.meta.date is not None and article.meta.date.date == dt.date(2022, 6, 13)


def test_a_whole_page_is_not_headed_by_its_title_again() -> None:
    # The page's Markdown holds its headline below the menus: the record's title is not set above them.
    name = "congly_crawl4ai_json_nghe-si-bi-ma-tuy-tan-pha.json"
    raw, fields = read_record((SET / name).read_bytes(), PurePath(name))
    assert fields["title"] in " ".join(raw.text.split())
    assert not raw.text.startswith(fields["title"])
