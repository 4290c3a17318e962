"""Saved pages whose main text trafilatura gets wrong: the page read whole
(briefbook.read.pagetext) stands in (real pages of the reader corpus)."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.book import load_source, parse_source

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader"


def _read(stem: str) -> tuple[str, list[str]]:
    path = CORPUS / "articles" / f"{stem}.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    kept = " ".join(" ".join(t.split()) for t in (article.lede, *(p.text for p in article.paragraphs)))
    return kept, (CORPUS / "gold" / f"{stem}.body.txt").read_text("utf-8").splitlines()


def test_a_page_whose_main_text_is_another_text_is_read_whole() -> None:
    """trafilatura takes a box of the VnExpress reader-photo page for its main
    text; the article's own lines come from the page read whole."""
    kept, body = _read("vnexpress_html_dong-nuoc-doc-ha-noi")
    assert all(" ".join(line.split()) in kept for line in body)


def test_a_page_with_no_main_text_is_read_whole() -> None:
    """trafilatura finds no main text in the Người Lao Động page of 2012."""
    kept, body = _read("nld_html_thieu-tien-hui")
    found = sum(" ".join(line.split()) in kept for line in body)
    assert found >= 0.9 * len(body)


def test_a_paragraph_the_main_text_left_out_is_put_back_from_the_whole_page() -> None:
    """trafilatura leaves out a paragraph of the Dân trí page of 2012; the page
    read whole has it between two paragraphs the main text has."""
    kept, _ = _read("dantri_html_lich-nghi-tet-2013")
    assert "Các cơ quan, tổ chức không thực hiện lịch nghỉ cố định 2 ngày thứ Bảy" in kept


def test_a_picture_laid_out_as_a_table_keeps_its_caption_out_of_the_text() -> None:
    """VnExpress of 2013 sets each photo and its caption in a table; the
    caption ("... Ảnh: Bình Minh.") is no paragraph, nor are the table's pipes."""
    kept, body = _read("vnexpress_html_hoc-bong-dai-hoc-my")
    assert "Với Đức, vào được trường top 30 của Mỹ là một may mắn" not in kept
    assert "Năm 2011, Đức sang Thái Lan dự giải rubic quốc tế" not in kept
    assert "|" not in kept
    assert all(" ".join(line.split()) in kept for line in body)


def test_a_photo_storys_captions_are_its_text() -> None:
    """The Ngôi Sao photo story of 2012 is told in its captions: they stay, without the table's pipes."""
    kept, body = _read("ngoisao_html_hoa-hau-hoan-vu-2011")
    assert all(" ".join(line.split()) in kept for line in body)
    assert "|" not in kept


def test_a_date_run_into_the_title_is_neither_title_nor_text() -> None:
    """trafilatura runs the VnExpress date line into the headline
    ("Thứ năm, 13/6/2013, 08:28 GMT+7 # Chiến thuật ...")."""
    kept, _ = _read("vnexpress_html_hoc-bong-dai-hoc-my")
    assert "GMT+7" not in kept and "Chiến thuật giành học bổng" not in kept


def test_the_title_the_pages_title_and_its_h1_agree_on_is_the_headline() -> None:
    """trafilatura takes the Zing News page's series box heading ("Những bài
    văn lạ", an <h1> too) for the title; <title> without the site's name is
    the page's other <h1>, the headline."""
    path = CORPUS / "articles" / "zing_html_van-ta-mui-con-lon.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.title == "'Kêu trời' vì văn tả 'mũi con lợn bẹp gí như mũi bố'"
