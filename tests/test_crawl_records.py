"""Crawl records of an aggregator (tests/fixtures/reader_heldout3: a 2014
baomoi.com crawl of eleven papers): what the page left around the text."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.core.records import Article
from briefbook.folder import load_source, parse_source

HELDOUT3 = Path(__file__).resolve().parent / "fixtures" / "reader_heldout3" / "articles"


def _read(name: str) -> Article:
    path = HELDOUT3 / name
    return parse_source(load_source(path, PurePath(path.name), path.parent))[1]


def _texts(article: Article) -> list[str]:
    return [article.lede, *(p.text for s in article.sections for p in s.paragraphs)]


def _dropped(article: Article) -> list[str]:
    return [d.text for d in article.dropped]


def test_a_caption_that_ends_with_an_illustrations_credit_is_the_pictures() -> None:
    article = _read("giadinhnet_dump_dong-gia-phu-huynh-bat-coc-hoc-sinh.txt")
    caption = "Nhà trường khuyến cáo, phụ huynh và học sinh cần đề cao cảnh giác hơn nữa (ảnh minh họa)"
    assert caption in _dropped(article)
    assert not any(caption in t for t in _texts(article))
    article = _read("plxh_dump_bao-hiem-cong-trinh-bat-buoc.txt")
    caption = "Nhiều doanh nghiệp bày tỏ nên bắt buộc chủ đầu tư phải mua bảo hiểm công trình. Ảnh minh họa"
    assert caption in _dropped(article)
    assert not any(caption.removesuffix(" Ảnh minh họa") in t for t in _texts(article))


def test_a_series_note_is_no_text() -> None:
    article = _read("congluan_dump_95-ti-dong-bi-danh-cap.txt")
    assert "(Còn tiếp...)" in _dropped(article)
    assert "(Còn tiếp...)" not in _texts(article)


def test_a_plural_related_boxs_label_opens_the_box_and_the_byline_below_it_signs() -> None:
    article = _read("megafun_dump_rooney-tat-welbeck.txt")
    assert "Các tin liên quan" not in _texts(article)
    assert _dropped(article).count("Các tin liên quan") == 2
    assert article.meta.author == "Thái Hà"


def test_the_short_lines_after_a_line_that_announces_photos_are_their_captions() -> None:
    article = _read("congly_dump_hoang-thuy-linh-harry-lu.txt")
    texts = _texts(article)
    assert any(t.startswith("Cùng xem lại hình ảnh của các sao Việt") for t in texts)  # the text's own
    assert "Phạm Quỳnh Anh xinh đẹp với váy hai dây kẻ sọc ca rô" in _dropped(article)
    assert not any("Quang Huy đến chung vui" in t for t in texts)
    assert "Nhóm nhạc 365" not in texts
    assert article.meta.author == "Thu Trang"


def test_a_gallerys_closing_sentence_stays() -> None:
    name = "qdnd_dump_phien-cho-benh-vien-quan-y-175.txt"
    path = HELDOUT3.parents[1] / "reader_heldout2" / "articles" / name
    article = parse_source(load_source(path, PurePath(path.name), path.parent))[1]
    texts = _texts(article)
    assert "Biểu diễn múa lân rộn ràng tại phiên chợ." in _dropped(article)
    assert texts[-1].startswith("Phiên chợ nhân ái là hoạt động ý nghĩa")


def test_a_box_of_teasers_glued_onto_the_text_is_no_text() -> None:
    """CafeF's page taken whole with no separators (tests/fixtures/reader_heldout2)."""
    name = "cafef_dump_bao-hiem-y-te-chi-tra-benh-hiem.txt"
    path = HELDOUT3.parents[1] / "reader_heldout2" / "articles" / name
    article = parse_source(load_source(path, PurePath(path.name), path.parent))[1]
    texts = _texts(article)
    dropped = _dropped(article)
    assert "TIN MỚI" in dropped
    assert "Quy định mới nhất về bảo hiểm thai sản mà người lao động cần biết" in dropped
    assert not any("thai sản mà người lao động cần biết" in t for t in texts)
    assert any(t.startswith("Mới đây, Bảo hiểm xã hội Việt Nam đã công bố") for t in texts)
    assert [h for s in article.sections if (h := s.heading)] == []


def test_a_name_between_the_title_and_the_papers_dateline_is_the_byline() -> None:
    """VTV's record (tests/fixtures/reader_heldout2): title, "Quốc Lộc", a
    caption, then "VTV.vn - ..."."""
    name = "vtv_dump_cay-may-vao-nao-tri-tram-cam.txt"
    path = HELDOUT3.parents[1] / "reader_heldout2" / "articles" / name
    article = parse_source(load_source(path, PurePath(path.name), path.parent))[1]
    assert article.meta.author == "Quốc Lộc"
    assert "Quốc Lộc" not in _texts(article)


def test_the_papers_name_under_a_crawlers_tags_is_no_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crawl record's fields after the text: byline, date, section, tags,
    then the paper's name. Read as for a paper the outlet table lacks (its row
    left out of the shipped table), "Tiền Phong" is the outlet and the
    byline above the date the writer."""
    from briefbook.core import outlets
    from briefbook.read.reader import header, signature

    table = outlets.load_outlets()
    lacking = outlets.OutletTable.of(o for o in table.outlets if o.domain != "tienphong.vn")
    for module in (signature, header):
        monkeypatch.setattr(module, "load_outlets", lambda: lacking, raising=False)
    path = HELDOUT3.parents[1] / "reader" / "articles" / "tienphong_dump_chan-chinh-te-bao-goc.txt"
    article = parse_source(load_source(path, PurePath(path.name), path.parent))[1]
    assert article.meta.author == "Thái Hà"
    assert "Tiền Phong" in article.meta.outlet


def test_a_live_reports_prompt_is_no_text() -> None:
    from briefbook.read.boilerplate import load_boilerplate

    # A line of Pháp Luật TP.HCM's live court report
    # (daibangsamac/BaomoiCrawler, tintuc/phapluat/hinhsu/000001.json).
    assert load_boilerplate().debris_reason("Bấm F5 để tiếp tục cập nhật") is not None


def test_another_articles_headline_and_dated_sapo_on_one_line_is_a_teaser() -> None:
    """Soha's related list clipped to Markdown (tests/fixtures/reader_heldout)."""
    path = HELDOUT3.parents[1] / "reader_heldout" / "articles" / "soha_markdown_page_can-lo-lo-khan-tam.md"
    article = parse_source(load_source(path, PurePath(path.name), path.parent))[1]
    texts = _texts(article)
    assert not any("(Soha.vn) - Cô nàng đang vấp phải" in t for t in texts)
    assert not any("(Soha.vn) - Mẹ Can Lộ Lộ là tác giả" in t for t in texts)
    assert any(t.startswith("Can Lộ Lộ đang khiến cư dân mạng phát sốt") for t in texts)
