"""A crawl4ai record (held-out set 9): its ``content_markdown`` is its text."""

from __future__ import annotations

from pathlib import Path, PurePath

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
