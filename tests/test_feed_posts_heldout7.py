"""Rules found by the seventh held-out set (``reader_heldout7``: Jekyll posts of a
news feed bot, ``nguyenvulebinh/trends``, of fourteen outlets no other corpus
holds), tested on its real articles and on lines of them; these rules were
written on that set, which is in sample for them (its RESULTS.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source
from briefbook.read.dates import parse_category_line
from briefbook.read.metadata import parse_byline, parse_source_line

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout7" / "articles"


def _read(name: str):  # type: ignore[no-untyped-def]
    return parse_source(load_source(ARTICLES / name, PurePath(name)))


def _texts(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for s in article.sections for p in s.paragraphs] + [
        s.heading for s in article.sections if s.heading
    ]


def test_a_source_line_may_name_the_site_by_its_address_or_give_the_address() -> None:
    assert parse_source_line("Theo vietnamplus.vn") == "vietnamplus.vn"
    assert parse_source_line("Theo VnExpress.net") == "VnExpress.net"
    long = (
        "https://www.vietnamplus.vn/lien-minh-cam-quyen-thai-lan-cong-bo-ung-cu-vien-thu-tuong-post970590.vnp"
    )
    assert parse_source_line("Nguồn: " + long) == long
    assert parse_source_line("Theo đó, giá xăng tăng.") is None


def test_what_stands_under_the_end_mark_is_the_page_s() -> None:
    # "... 314 ghế tại Hạ viện./." ends the text; a teaser of 2023, then the source lines.
    _, article = _read("baolongan_jekyll_clip_thu-tuong-thai-lan-srettha-thavisin.md")
    texts = _texts(article)
    assert texts and not any("Pita" in t for t in texts)
    assert not any(t.startswith(("Theo vietnamplus", "Nguồn:")) for t in texts)
    assert any(t.endswith("314 ghế tại Hạ viện./.") for t in texts)
    for path in sorted(ARTICLES.glob("*.md")):  # and no line of these posts is lost
        raw, article = _read(path.name)
        assert unaccounted(raw, article) == [], path.name


def test_a_snippet_made_of_the_text_s_own_clauses_is_no_lede() -> None:
    _, article = _read("nongnghiep_jekyll_clip_gia-xang-dau-hom.md")
    assert not (article.lede or "").startswith("Xăng RON 95-III")
    assert "Xăng RON 95-III: Tăng thêm 260 đồng, không cao hơn mức 21.330 đồng/lít;" in _texts(article)


def _date(name: str) -> dt.date | None:
    _, article = _read(name)
    return article.meta.date.date if article.meta.date is not None else None


def test_the_page_s_date_line_beats_a_site_generator_s_post_date() -> None:
    # date: Fri, 21 Feb 2025 (the bot's post) over "Thứ Năm 20/02/2025 , 15:02 (GMT+7)" (the page's).
    assert _date("nongnghiep_jekyll_clip_gia-xang-dau-hom.md") == dt.date(2025, 2, 20)
    # Without a date line in the text, the post's date stands.
    assert _date("baonghean_jekyll_clip_gia-ca-phe-hom.md") == dt.date(2025, 2, 23)


def test_an_updated_line_with_the_share_label_is_a_date_line() -> None:
    found = parse_category_line("Cập nhật lần cuối: 09:42 10/02/2025 Chia sẻ:")
    assert found is not None and not found.category and found.date.date == dt.date(2025, 2, 10)
    _, article = _read("vnvc_jekyll_clip_dich-cum.md")
    assert not any(t.startswith("Cập nhật lần cuối") for t in _texts(article))


def test_a_role_before_the_name_is_not_the_name() -> None:
    byline = parse_byline("CTV Tuấn Dũng/HTTV")
    assert byline is not None and byline.author == "Tuấn Dũng"
    byline = parse_byline("PV Minh Anh")
    assert byline is not None and byline.author == "Minh Anh"


def test_the_label_and_headline_glued_on_the_sapo_are_cut_from_it() -> None:
    _, article = _read("baonghean_jekyll_clip_gia-ca-phe-hom.md")
    assert (article.lede or "").startswith("Giá cà phê hôm nay 24/2 trong nước nằm ở mức")


def test_three_captions_in_a_row_without_credit_or_stop_are_a_gallery() -> None:
    _, article = _read("baoangiang_jekyll_clip_chuc-mung-giang-sinh.md")
    texts = [article.lede or "", *_texts(article)]
    assert not any(t.startswith("Ủy viên Ban Thường vụ Tỉnh ủy") for t in texts)
    assert any(t.startswith("Tại nơi đến thăm, Bí thư Thành ủy Châu Đốc") for t in texts)


def test_a_chart_s_caption_ends_with_its_data_credit() -> None:
    _, article = _read("nongnghiep_jekyll_clip_gia-xang-dau-hom.md")
    assert not any(t.endswith("Dữ liệu: Petrolimex") for t in _texts(article))


def test_new_portals_and_broadcasters_by_their_names() -> None:
    for name, outlet in (
        ("moit_jekyll_clip_bo-truong-bo-cong-an-moi.md", "Cổng Thông tin điện tử Bộ Công Thương"),
        ("ttbchcm_jekyll_clip_thi-sinh-thi-tot-nghiep-thpt-quoc-gia.md", "Trung tâm Báo chí TP.HCM"),
        ("hatinhtv_jekyll_clip_phong-kham-chuyen.md", "Truyền hình Hà Tĩnh"),
    ):
        _, article = _read(name)
        assert article.meta.outlet == outlet, name


def test_a_first_paragraph_sharing_no_two_words_with_the_text_is_foreign() -> None:
    # An advertisement a search engine took for the snippet of a Politburo decision.
    _, article = _read("baogiaothong_jekyll_clip_truong-hoa-binh.md")
    texts = [article.lede or "", *_texts(article)]
    assert not any(t.startswith("Mẫu xe bán tải Mitsubishi Triton") for t in texts)
    assert article.lede == (
        "Ngày 13/12/2024, tại Trụ sở Trung ương Đảng, Bộ Chính trị đã xem xét, thi hành kỷ luật"
        " Đảng viên có vi phạm, khuyết điểm."
    )
