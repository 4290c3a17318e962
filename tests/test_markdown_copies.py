"""A page saved as Markdown (html2text, trafilatura's Markdown): what its
writer added to the page's text is taken off, and nothing else (real lines
of the second held-out set's Pháp Luật TP.HCM page of 2025)."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source
from briefbook.read.reader.lines import flatten_markdown

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout2" / "articles"


def test_a_link_whose_address_has_spaces_is_its_text() -> None:
    line = (
        "tưởng niệm các [anh hùng liệt sĩ](https://plo.vn/tu-khoa.html?q=anh hùng liệt sĩ "
        '"anh hùng liệt sĩ") \\- những người đã anh dũng hy sinh'
    )
    text, removed = flatten_markdown(line)
    assert text == "tưởng niệm các anh hùng liệt sĩ - những người đã anh dũng hy sinh"
    assert "https://plo.vn/tu-khoa.html?q=anh hùng liệt sĩ" in removed
    # Links without a title keep their plain form; brackets of the text stay.
    assert (
        flatten_markdown("[Bộ Y tế](https://moh.gov.vn) và WHO (xem [a](/x))")[0] == "Bộ Y tế và WHO (xem a)"
    )


def test_escapes_are_the_characters_they_escape_and_no_emphasis() -> None:
    assert flatten_markdown("\\+ Còn tại Nghĩa trang liệt sĩ")[0] == "+ Còn tại Nghĩa trang liệt sĩ"
    assert flatten_markdown("Ghi chú \\*quan trọng\\* (\\*)")[0] == "Ghi chú *quan trọng* (*)"
    assert flatten_markdown("__ Nam miền Bắc")[0].strip() == "Nam miền Bắc"


def test_the_saved_page_as_markdown_keeps_no_markup_and_loses_no_word() -> None:
    name = "plo_markdown_page_dang-hoa-tuong-niem-liet-si.md"
    raw, article = parse_source(load_source(ARTICLES / name, PurePath(name)))
    assert unaccounted(raw, article) == []
    text = " ".join(p.text for p in article.paragraphs)
    assert "](" not in text and "\\" not in text and "https://" not in text
    assert "tưởng niệm các anh hùng liệt sĩ - những người đã anh dũng hy sinh" in text
    assert "TP.HCM Nguyễn Phước Lộc làm Trưởng đoàn đã đến dâng hoa" in text


DEV = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"


def _zing(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The text's headings and paragraphs, and the lines taken out with their reasons."""
    _, article = parse_source(load_source(DEV / name, PurePath(name)))
    text = [line for s in article.sections for line in (s.heading, *(p.text for p in s.paragraphs)) if line]
    return text, [(d.label, d.text) for d in article.dropped]


def test_a_caption_under_a_picture_and_its_rule_is_a_caption() -> None:
    # html2text sets a picture in a table: "![](a.jpg)  " / "---  " / its caption.
    paragraphs, dropped = _zing("zing_markdown_page_nha-tho-dem-giang-sinh.md")
    for caption in (
        "Bắt đầu từ 19h tối nhà thờ Cầu Rầm đã đông nghịt người đến vui chơi, dự lễ Giáng sinh.",
        "Lượng người tập trung đông nghịt tại hang đá ở nhà thờ Cầu Rầm.",
    ):
        assert caption not in paragraphs
        assert ("chú thích ảnh", caption) in dropped


def test_the_title_as_a_heading_after_a_box_starts_the_article_again() -> None:
    # The page prints the article twice; between them, its "Đọc nhiều nhất"
    # box. The second copy's first subheading is the article's, not the box's.
    paragraphs, _ = _zing("zing_markdown_page_nha-tho-dem-giang-sinh.md")
    assert paragraphs[0] == "Khu vực nhà thờ Lớn Hà Nội sôi động trong đêm lạnh"
    assert not any("Cập nhật thứ hai" in p for p in paragraphs)  # its section and date line


def test_a_box_headed_lien_quan_is_a_related_list() -> None:
    paragraphs, dropped = _zing("zing_markdown_page_van-ta-mui-con-lon.md")
    assert "Liên quan" not in paragraphs
    assert ("tiêu đề khối: tin liên quan", "Liên quan") in dropped


def test_a_photo_storys_caption_row_said_again_below_is_dropped() -> None:
    # Ngôi Sao 2012 clipped to Markdown: each picture a table whose first row
    # is its caption and whose second is the story's paragraph, saying the
    # caption again, longer or reworded.
    paragraphs, dropped = _zing("ngoisao_markdown_hoa-hau-hoan-vu-2011.md")
    for caption in (
        "Năm ngoái,",
        "Thực ra, trong các đêm trước ở vòng bán kết Hoa hậu Hoàn vũ 2012, "
        "Leila vẫn rất duyên dáng, xinh đẹp.",
        "Leila quyến rũ với thân hình tuyệt đẹp và nụ cười rạng rỡ.",
    ):
        assert caption not in paragraphs
        assert any(caption in text for _, text in dropped)
    assert "Leila nổi bật với thân hình tuyệt đẹp và nụ cười rạng rỡ." in paragraphs
    assert any(p.startswith("Năm ngoái, Leila Lopes từng gây bất ngờ") for p in paragraphs)
    assert "Cô xinh tươi xuất hiện trong buổi đấu giá tranh từ thiện." in paragraphs  # said twice, once kept
