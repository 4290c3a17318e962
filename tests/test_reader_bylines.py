"""Bylines and outlets as real pages of the second held-out set give them:
co-writers in capitals under the date, a crawl's author field with its
source, the site's own spelling of a paper the outlet table knows."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.records import Article
from briefbook.folder import load_source, parse_source
from briefbook.read.boilerplate import load_boilerplate
from briefbook.read.reader.shapes import _is_author_line

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout2" / "articles"
PLO = "plo_{}_dang-hoa-tuong-niem-liet-si"


def _read(name: str) -> Article:
    raw, article = parse_source(load_source(ARTICLES / name, PurePath(name)))
    assert unaccounted(raw, article) == []
    return article


def test_co_writers_in_capitals_under_the_date_are_the_byline_not_the_lede() -> None:
    # "11/10/2025 10:02" / "THUẬN VĂN - LÊ ÁNH" / "(PLO)- Phó Bí thư ..." (the sapo).
    for form, suffix in (("page", "txt"), ("article", "txt"), ("url_text", "txt"), ("markdown_page", "md")):
        article = _read(f"{PLO.format(form)}.{suffix}")
        assert article.meta.author == "THUẬN VĂN - LÊ ÁNH", form
        assert article.lede.startswith("(PLO)- Phó Bí thư"), form
        assert article.meta.outlet == "Báo Pháp Luật TP.HCM", form


def test_a_saved_pages_author_field_without_the_sites_name() -> None:
    # trafilatura: "Báo Pháp Luật TP Hồ Chí Minh; THUẬN VĂN; LÊ ÁNH" (the site
    # spelt without the dot of its og:site_name "Báo Pháp Luật TP. Hồ Chí Minh").
    article = _read(f"{PLO.format('html')}.html")
    assert article.meta.author == "THUẬN VĂN - LÊ ÁNH"
    # The site's own spelling gives way to the table's name of the address's paper.
    assert article.meta.outlet == "Báo Pháp Luật TP.HCM"


def test_a_crawls_author_field_with_its_source_in_brackets() -> None:
    # URL / title / "Quỳnh Chi (Theo AP News)" / a caption / "VTV.vn - Peru ..." (the sapo).
    article = _read("vtv_dump_peru-khan-cap-sot-xuat-huyet.txt")
    assert (article.meta.author, article.meta.source) == ("Quỳnh Chi", "AP News")
    assert article.lede.startswith("VTV.vn - Peru đã tuyên bố")


def test_author_lines_and_what_only_looks_like_one() -> None:
    bp = load_boilerplate()
    for text in ("Lê Cầm", "THUẬN VĂN - LÊ ÁNH", "Minh Thu, Lê Nga", "Nguyễn An và Trần Bình"):
        assert _is_author_line(text, bp), text
    for text in ("Hà Nội - Hải Phòng", "Hà Nội", "Bộ Y tế đề xuất tăng giá dịch vụ khám bệnh", "A"):
        assert not _is_author_line(text, bp), text


def test_the_author_box_under_the_text_repeats_the_byline() -> None:
    # "Xem thêm" / "THUẬN VĂN" / "LÊ ÁNH" / "Tin liên quan" under the article.
    article = _read(f"{PLO.format('page')}.txt")
    assert all(p.text not in ("THUẬN VĂN", "LÊ ÁNH") for p in article.paragraphs)


def test_a_box_of_teasers_each_with_its_date_line_is_the_pages() -> None:
    # "Dòng sự kiện: ..." / headline / "11/10/2025 10:24" / headline / date / ... / "Xem thêm".
    article = _read(f"{PLO.format('article')}.txt")
    kept = [p.text for p in article.paragraphs]
    for teaser in (
        "TP.HCM và NASDAQ bàn việc hợp tác phát triển Trung tâm Tài chính quốc tế",
        "11/10/2025 10:24",
    ):
        assert teaser not in kept


def test_the_read_aloud_players_clock_and_voices_are_the_pages() -> None:
    # Under the sapo: "0:00 / 0:00" / "0:00" / "Nam miền Bắc" / "Nữ miền Bắc" / ...
    for name in (
        "plo_page_vay-ngan-hang-mua-biet-thu.txt",
        "plo_markdown_page_vay-ngan-hang-mua-biet-thu.md",
    ):
        kept = [p.text.strip() for p in _read(name).paragraphs]
        for widget in ("0:00 / 0:00", "Nam miền Bắc", "Nữ miền Nam"):
            assert widget not in kept, name
        assert kept[0].startswith("Ngày 9-10, VKSND khu vực 7")


def test_a_writer_named_like_a_place_glued_before_the_pages_buttons_signs_the_text() -> None:
    """A baomoi crawl of Biên Phòng (2013) glues the byline and the share
    buttons to the last sentence: "... “Tuổi trẻ giữ biển 2013”.Hoàng
    SaEmail Print Góp ý". "Hoàng Sa" is also a place's name; glued before
    the page's buttons it is the writer's, and the buttons are not text."""
    name = "bienphong_dump_hoi-trai-tuoi-tre-giu-bien-2013.txt"
    path = ARTICLES.parent.parent / "reader_heldout" / "articles" / name
    raw, article = parse_source(load_source(path, PurePath(name)))
    assert unaccounted(raw, article) == []
    assert article.meta.author == "Hoàng Sa"
    last = article.paragraphs[-1].text
    assert last.endswith("“Tuổi trẻ giữ biển 2013”.")
    assert "Email" not in last and "Góp ý" not in last


def test_a_signature_with_the_photos_credit_on_its_line_is_the_byline() -> None:
    # Ngôi Sao 2012 clipped to Markdown (development corpus): the last line
    # "**H.V.***Ảnh*: **Misso**": the writer's initials, then the photographer.
    name = "ngoisao_markdown_hoa-hau-hoan-vu-2011.md"
    article = _read_dev(name)
    assert article.meta.author == "H.V."
    assert not any("Misso" in p.text for p in article.paragraphs)


def test_a_caption_with_its_credit_is_no_signature() -> None:
    from briefbook.core.records import Line
    from briefbook.read.reader.signature import _signed_with_credit
    from briefbook.read.reader.state import _Line

    above = "Có lẽ, Leila hợp hơn với mái tóc xoăn dài. Kiểu tóc này khiến cô trông rất sang trọng, quyến rũ."
    for last, author in (
        ("Cô xinh tươi xuất hiện trong buổi đấu giá tranh từ thiện. Ảnh: Misso", ""),
        ("Hà Nội - Ảnh: Misso", ""),
        ("H.V. Ảnh: Misso", "H.V."),
        ("Duy Tính - Ảnh: Misso", "Duy Tính"),
    ):
        body = [_Line(Line(1, above), False), _Line(Line(3, last), True)]
        assert _signed_with_credit(body, load_boilerplate()) == author, last


def _read_dev(name: str) -> Article:
    path = ARTICLES.parent.parent / "reader" / "articles" / name
    raw, article = parse_source(load_source(path, PurePath(name)))
    assert unaccounted(raw, article) == []
    return article


def test_a_name_under_the_sapo_that_the_photo_credits_give_is_the_byline() -> None:
    """Thời báo Kinh tế Sài Gòn's record of a baomoi.com crawl (held-out 3):
    url, date, title, section, sapo, then "Văn Nam" on its own line, and the
    photos "- Ảnh: Văn Nam": the writer, not the text's first paragraph."""
    name = "tbktsg_dump_san-golf-thanh-khu-do-thi.txt"
    path = ARTICLES.parent.parent / "reader_heldout3" / "articles" / name
    raw, article = parse_source(load_source(path, PurePath(name)))
    assert unaccounted(raw, article) == []
    assert article.meta.author == "Văn Nam"
    assert "Văn Nam" not in [p.text for p in article.paragraphs]
    assert article.lede.startswith("(TBKTSG Online) – Kế hoạch của Công ty cổ phần Rạng Đông")


def test_a_name_alone_under_the_sapo_without_a_credit_stays_text() -> None:
    """The rule's edge (lines written for the rule): a name alone that no
    photo credit gives is no evidence of a byline (a heading, a person a
    profile opens with)."""
    from briefbook.core.records import Line
    from briefbook.read.reader.signlines import read_credited_byline
    from briefbook.read.reader.state import _Line, _State

    body = [
        _Line(Line(n, text), True) for n, text in enumerate(["Văn Nam", "Một đoạn văn - Ảnh: Minh Hà"], 5)
    ]
    state = _State()
    read_credited_byline(body, state)
    assert state.author == "" and [line.text for line in body] == ["Văn Nam", "Một đoạn văn - Ảnh: Minh Hà"]
